-- one unified stream of dyadic events per refreshed user: messages sent/received (one row per
-- message x counterpart), endorsements given/received (deduped to one event per person and
-- timestamp), recommendations given/received and invitations, each with its direction (out = by the
-- owner), the counterpart connection when it can be resolved (resolution url / name / unresolved)
-- and, for messages, the weight w = group dilution 1/(participants-1) x broadcast dilution.
-- Drafts and SPAM are left out; system senders stay (they resolve to no connection).
with params as (
    select * from {{ ref('int_score_params') }}
),

owners as (
    select user_id, owner_profile_url, owner_name_key
    from {{ ref('int_owner_identity') }}
    where {{ users_filter() }}
),

connections as (
    select user_id, connection_id, profile_url, name_key, company_key
    from {{ ref('int_connections') }}
    where {{ users_filter() }}
),

url_lookup as (
    select user_id, profile_url, min(connection_id) as connection_id
    from connections
    where profile_url is not null
    group by all
),

name_lookup as (
    select user_id, name_key, min(connection_id) as connection_id, count(*) as n_matches
    from connections
    where name_key is not null
    group by all
),

name_company_lookup as (
    select user_id, name_key, company_key, min(connection_id) as connection_id, count(*) as n_matches
    from connections
    where name_key is not null and company_key is not null
    group by all
),

-- messages ---------------------------------------------------------------------------------------
messages as (
    select m.*, owners.owner_profile_url, owners.owner_name_key
    from {{ ref('stg_linkedin__messages') }} as m
    inner join owners using (user_id)
    where {{ users_filter('m.user_id') }} and not m.is_draft and not m.is_spam
),

conversation_people as (
    select user_id, conversation_id, list(distinct profile_url) as people
    from (
        select user_id, conversation_id, sender_profile_url as profile_url from messages
        union all
        select user_id, conversation_id, unnest(recipient_profile_urls) from messages
    ) as participants
    where conversation_id is not null and profile_url is not null
    group by all
),

directed_messages as (
    select
        m.*,
        case
            when m.owner_profile_url is not null and m.sender_profile_url = m.owner_profile_url then 'out'
            when m.direction_2018 in ('OUTGOING', 'SENT') then 'out'
            when m.direction_2018 in ('INCOMING', 'RECEIVED') then 'in'
            when m.sender_profile_url is null and m.owner_name_key is not null
                and {{ name_key('m.from_name', "''") }} = m.owner_name_key then 'out'
            else 'in'
        end as direction,
        -- recipients as listed on the message; older exports have none: use the conversation's people
        case
            when m.recipient_count > 0 then m.recipient_profile_urls
            else coalesce(cp.people, []::varchar[])
        end as listed_people
    from messages as m
    left join conversation_people as cp using (user_id, conversation_id)
),

sized_messages as (
    select
        *,
        greatest(2, len(list_distinct(list_filter(
            list_concat(listed_people, [sender_profile_url, owner_profile_url]), x -> x is not null))))
            as n_participants,
        case
            when direction = 'out' then list_filter(
                listed_people, x -> x is distinct from owner_profile_url and x is distinct from sender_profile_url)
            else [sender_profile_url]
        end as counterpart_urls
    from directed_messages
),

message_edges as (
    select
        user_id,
        message_id,
        conversation_id,
        direction,
        sent_at,
        n_participants,
        content_length,
        content_hash,
        is_inmail,
        is_system_sender,
        counterpart_url,
        case
            when counterpart_url is null and direction = 'in' and not is_system_sender
                then {{ name_key('from_name', "''") }}
            when counterpart_url is null and direction = 'out' then {{ name_key('to_names', "''") }}
        end as counterpart_name_key
    from sized_messages,
        unnest(case when len(counterpart_urls) = 0 then [null::varchar] else counterpart_urls end) as t(counterpart_url)
),

-- the same content to >= broadcast_min_recipients people by the owner is a broadcast; only the owner's
-- own messages can be one (an inbound reply that happens to repeat the owner's text is not)
broadcasts as (
    select e.user_id, e.content_hash
    from message_edges as e
    cross join params
    where e.direction = 'out' and e.content_hash is not null
    group by e.user_id, e.content_hash, params.broadcast_min_recipients
    having count(distinct coalesce(e.counterpart_url, e.counterpart_name_key)) >= params.broadcast_min_recipients
),

message_events as (
    select
        e.user_id,
        md5(e.message_id || '|' || coalesce(e.counterpart_url, e.counterpart_name_key, '')) as event_id,
        'message' as event_type,
        e.direction,
        e.sent_at as occurred_at,
        e.counterpart_url,
        e.counterpart_name_key,
        null::varchar as counterpart_company_key,
        e.counterpart_url is null and e.counterpart_name_key is not null as allow_name_match,
        e.conversation_id,
        e.message_id as source_id,
        e.n_participants,
        1.0 / (e.n_participants - 1) as group_weight,
        b.content_hash is not null as is_broadcast,
        (1.0 / (e.n_participants - 1)) * case when b.content_hash is not null then params.broadcast_weight else 1.0 end
            as weight,
        e.content_length,
        e.is_inmail,
        e.is_system_sender,
        null::integer as skills_count,
        null::boolean as has_note
    from message_edges as e
    cross join params
    -- only outgoing messages can match (a null key never joins); `and e.direction = 'out'` in the join
    -- condition made DuckDB use a block-wise nested-loop join: 67 of 62 s at 1,000 users
    left join broadcasts as b
        on b.user_id = e.user_id and b.content_hash = case when e.direction = 'out' then e.content_hash end
),

-- endorsements: one row per skill in the file, one event per person and timestamp -----------------
endorsement_rows as (
    select user_id, 'in' as direction, endorsement_id, endorsed_at, profile_url, name_key
    from {{ ref('stg_linkedin__endorsements_received') }}
    where {{ users_filter() }}
    union all
    select user_id, 'out' as direction, endorsement_id, endorsed_at, profile_url, name_key
    from {{ ref('stg_linkedin__endorsements_given') }}
    where {{ users_filter() }}
),

endorsement_events as (
    select
        user_id,
        md5('endorsement|' || min(endorsement_id)) as event_id,
        'endorsement' as event_type,
        direction,
        endorsed_at as occurred_at,
        profile_url as counterpart_url,
        name_key as counterpart_name_key,
        null::varchar as counterpart_company_key,
        true as allow_name_match,
        null::varchar as conversation_id,
        min(endorsement_id) as source_id,
        2 as n_participants,
        1.0 as group_weight,
        false as is_broadcast,
        1.0 as weight,
        null::integer as content_length,
        false as is_inmail,
        false as is_system_sender,
        count(*)::integer as skills_count,
        null::boolean as has_note
    from endorsement_rows
    group by user_id, direction, endorsed_at, profile_url, name_key
),

-- recommendations: no URL, resolved by name key (+ company when names collide) -------------------
recommendation_events as (
    select
        user_id, md5('recommendation|' || recommendation_id) as event_id, 'recommendation' as event_type,
        direction, created_at as occurred_at, null::varchar as counterpart_url, name_key as counterpart_name_key,
        company_key as counterpart_company_key, true as allow_name_match, null::varchar as conversation_id,
        recommendation_id as source_id, 2 as n_participants, 1.0 as group_weight, false as is_broadcast,
        1.0 as weight, text_length as content_length, false as is_inmail, false as is_system_sender,
        null::integer as skills_count, null::boolean as has_note
    from (
        select *, 'in' as direction from {{ ref('stg_linkedin__recommendations_received') }} where {{ users_filter() }}
        union all by name
        select *, 'out' as direction from {{ ref('stg_linkedin__recommendations_given') }} where {{ users_filter() }}
    ) as recommendations
),

-- invitations: resolved by URL when it is a member profile URL --------------------------------------
invitation_events as (
    select
        user_id,
        md5('invitation|' || invitation_id) as event_id,
        'invitation' as event_type,
        case when direction = 'OUTGOING' then 'out' else 'in' end as direction,
        sent_at as occurred_at,
        case
            when direction = 'OUTGOING' and invitee_is_profile_url then invitee_profile_url
            when direction <> 'OUTGOING' and inviter_is_profile_url then inviter_profile_url
        end as counterpart_url,
        null::varchar as counterpart_name_key,
        null::varchar as counterpart_company_key,
        false as allow_name_match,
        null::varchar as conversation_id,
        invitation_id as source_id,
        2 as n_participants,
        1.0 as group_weight,
        false as is_broadcast,
        1.0 as weight,
        message_length as content_length,
        false as is_inmail,
        false as is_system_sender,
        null::integer as skills_count,
        has_note
    from {{ ref('stg_linkedin__invitations') }}
    where {{ users_filter() }} and direction in ('OUTGOING', 'INCOMING')
),

events as (
    select * from message_events
    union all by name
    select * from endorsement_events
    union all by name
    select * from recommendation_events
    union all by name
    select * from invitation_events
),

resolved as (
    select
        events.*,
        coalesce(
            url_lookup.connection_id,
            case when name_lookup.n_matches = 1 then name_lookup.connection_id end,
            case when name_company_lookup.n_matches = 1 then name_company_lookup.connection_id end
        ) as connection_id,
        case
            when url_lookup.connection_id is not null then 'url'
            when name_lookup.n_matches = 1 or name_company_lookup.n_matches = 1 then 'name'
            else 'unresolved'
        end as resolution
    from (
        -- the name key only where a name match is allowed (null never joins): a non-equality condition
        -- in the join (`on allow_name_match and ...`) made DuckDB fall back to a nested-loop join,
        -- quadratic in the events (55 of 64 s at 100 users)
        select *, case when allow_name_match then counterpart_name_key end as match_name_key
        from events
    ) as events
    left join url_lookup
        on url_lookup.user_id = events.user_id
        and url_lookup.profile_url = events.counterpart_url
    left join name_lookup
        on name_lookup.user_id = events.user_id
        and name_lookup.name_key = events.match_name_key
    left join name_company_lookup
        on name_company_lookup.user_id = events.user_id
        and name_company_lookup.name_key = events.match_name_key
        and name_company_lookup.company_key = events.counterpart_company_key
)

select
    event_id,
    user_id,
    event_type,
    direction,
    occurred_at,
    occurred_at::date as occurred_on,
    connection_id,
    resolution,
    counterpart_url,
    counterpart_name_key,
    conversation_id,
    source_id,
    n_participants,
    group_weight,
    is_broadcast,
    weight,
    content_length,
    is_inmail,
    is_system_sender,
    skills_count,
    has_note
from resolved
