-- one row per refreshed user: who the owner is in their own export (Profile.csv has no URL).
-- owner URL = the profile URL in the most distinct conversations (as sender or recipient),
-- cross-checked against the Profile.csv name (vs FROM) and the inviter URL of OUTGOING invitations.
with users as (
    select user_id from {{ ref('int_user_context') }} where {{ users_filter() }}
),

profile as (
    select user_id, any_value(full_name order by source_line) as profile_name,
           any_value(name_key order by source_line) as profile_name_key
    from {{ ref('stg_linkedin__profile') }}
    where {{ users_filter() }}
    group by user_id
),

messages as (
    select *
    from {{ ref('stg_linkedin__messages') }}
    where {{ users_filter() }} and not is_draft and conversation_id is not null
),

participants as (
    select user_id, conversation_id, sender_profile_url as profile_url
    from messages
    where sender_profile_url is not null
    union all
    select user_id, conversation_id, unnest(recipient_profile_urls) as profile_url
    from messages
),

conversation_counts as (
    select
        user_id,
        profile_url,
        count(distinct conversation_id) as n_conversations
    from participants
    where {{ is_profile_url('profile_url') }}
    group by user_id, profile_url
),

-- URLs whose messages carry the Profile.csv name in FROM
name_matches as (
    select distinct messages.user_id, messages.sender_profile_url as profile_url
    from messages
    inner join profile on profile.user_id = messages.user_id
    where messages.sender_profile_url is not null
        and {{ name_key('messages.from_name', "''") }} = profile.profile_name_key
),

-- most conversations wins; older exports list no recipients, so there a URL that sends under the
-- owner's own name is preferred over a busier correspondent
ranked_urls as (
    select
        conversation_counts.*,
        name_matches.profile_url is not null as sends_as_profile_name,
        row_number() over (
            partition by conversation_counts.user_id
            order by
                case when has_recipients.user_id is null then (name_matches.profile_url is not null)::int else 0 end desc,
                n_conversations desc,
                conversation_counts.profile_url
        ) as url_rank
    from conversation_counts
    left join name_matches using (user_id, profile_url)
    left join (select distinct user_id from messages where recipient_count > 0) as has_recipients
        on has_recipients.user_id = conversation_counts.user_id
),

message_candidate as (
    select
        top.user_id,
        top.profile_url,
        top.n_conversations,
        coalesce(second.n_conversations, 0) as runner_up_conversations,
        totals.total_conversations
    from ranked_urls as top
    left join ranked_urls as second
        on second.user_id = top.user_id and second.url_rank = 2
    left join (
        select user_id, count(distinct conversation_id) as total_conversations from messages group by user_id
    ) as totals on totals.user_id = top.user_id
    where top.url_rank = 1
),

-- the name the owner's own messages carry in FROM
sender_names as (
    select
        messages.user_id,
        {{ name_key('messages.from_name', "''") }} as from_name_key,
        count(*) as n_messages
    from messages
    inner join message_candidate
        on message_candidate.user_id = messages.user_id
        and message_candidate.profile_url = messages.sender_profile_url
    group by all
),

top_sender_name as (
    select user_id, arg_max(from_name_key, n_messages) as from_name_key
    from sender_names
    group by user_id
),

invitation_urls as (
    select
        user_id,
        case when direction = 'OUTGOING' then inviter_profile_url else invitee_profile_url end as profile_url,
        count(*) as n_invitations
    from {{ ref('stg_linkedin__invitations') }}
    where {{ users_filter() }}
        and direction in ('OUTGOING', 'INCOMING')
        and case when direction = 'OUTGOING' then inviter_is_profile_url else invitee_is_profile_url end
    group by all
),

invitation_candidate as (
    select user_id, arg_max(profile_url, n_invitations) as profile_url, sum(n_invitations) as n_invitations
    from invitation_urls
    group by user_id
),

-- last resort: a sender whose FROM name is the profile name (only reached without message candidates)
profile_name_candidate as (
    select user_id, min(profile_url) as profile_url
    from name_matches
    group by user_id
),

resolved as (
    select
        users.user_id,
        profile.profile_name,
        profile.profile_name_key,
        message_candidate.profile_url as message_url,
        message_candidate.n_conversations,
        message_candidate.runner_up_conversations,
        message_candidate.total_conversations,
        top_sender_name.from_name_key,
        invitation_candidate.profile_url as invitation_url,
        invitation_candidate.n_invitations,
        profile_name_candidate.profile_url as profile_name_url
    from users
    left join profile using (user_id)
    left join message_candidate using (user_id)
    left join top_sender_name using (user_id)
    left join invitation_candidate using (user_id)
    left join profile_name_candidate using (user_id)
),

checked as (
    select
        *,
        coalesce(message_url, invitation_url, profile_name_url) as owner_profile_url,
        case
            when message_url is not null then 'messages'
            when invitation_url is not null then 'invitations'
            when profile_name_url is not null then 'profile_name'
            else 'none'
        end as method,
        case
            when message_url is null or profile_name_key is null or from_name_key is null then 'unavailable'
            when from_name_key = profile_name_key then 'match'
            else 'mismatch'
        end as name_check,
        case
            when message_url is null or invitation_url is null then 'unavailable'
            when invitation_url = message_url then 'match'
            else 'mismatch'
        end as invitation_check
    from resolved
)

select
    user_id,
    owner_profile_url,
    profile_name as owner_name,
    coalesce(profile_name_key, from_name_key) as owner_name_key,
    method,
    case
        when method = 'messages' and (name_check = 'mismatch' or invitation_check = 'mismatch') then 'low'
        when method = 'messages' and (name_check = 'match' or invitation_check = 'match') then 'high'
        when method = 'messages' and n_conversations = runner_up_conversations then 'low'
        when method = 'messages' then 'medium'
        when method = 'invitations' then 'medium'
        when method = 'profile_name' then 'low'
        else 'none'
    end as confidence,
    name_check,
    invitation_check,
    coalesce(n_conversations, 0) as owner_conversations,
    coalesce(runner_up_conversations, 0) as runner_up_conversations,
    coalesce(total_conversations, 0) as total_conversations,
    coalesce(n_invitations, 0) as invitations_checked
from checked
