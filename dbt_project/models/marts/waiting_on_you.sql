-- 1:1 conversations whose last message is inbound from a connection and 7-180 days old at as_of
-- (§1.5 v_waiting_on_you); InMail/sponsored threads and system senders excluded. Ranked per user by
-- tie strength, then the most recent first.
{{ config(materialized='view') }}

with users as (
    select user_id, as_of from {{ ref('int_user_context') }}
),

-- Messages are read once: a CTE read twice is materialised for every user before a filter on user_id
-- applies, which made each data test of a one-user refresh read all users' messages (0.5-0.7 s).
messages as (
    select
        e.user_id,
        e.conversation_id,
        e.connection_id,
        e.event_id,
        e.direction,
        e.occurred_at,
        e.occurred_on,
        e.n_participants,
        e.is_inmail or e.is_system_sender as is_excluded,
        users.as_of
    from {{ ref('int_interactions') }} as e
    inner join users using (user_id)
    where e.event_type = 'message' and e.conversation_id is not null and e.occurred_on <= users.as_of
),

conversations as (
    select
        user_id,
        conversation_id,
        max(n_participants) as n_participants,
        bool_or(is_excluded) as is_excluded,
        count(*) as messages_in_thread,
        max(occurred_at) filter (where direction = 'out') as last_out_at,
        list(occurred_at) filter (where direction = 'in') as inbound_at,
        -- the last message: the latest; on a tie an outbound one, then the lowest event id
        first(
            struct_pack(direction, connection_id, occurred_at, occurred_on)
            order by occurred_at desc, (direction = 'out') desc, event_id
        ) as last_message,
        as_of
    from messages
    group by all
),

waiting as (
    select
        user_id,
        last_message.connection_id as connection_id,
        conversation_id,
        last_message.occurred_at as last_message_at,
        date_diff('day', last_message.occurred_on, as_of) as days_waiting,
        messages_in_thread,
        -- inbound messages after the user's last reply (all of them without one)
        len(list_filter(coalesce(inbound_at, []), t -> last_out_at is null or t > last_out_at)) as unanswered_messages
    from conversations
    where last_message.direction = 'in'
        and last_message.connection_id is not null
        and n_participants = 2
        and not is_excluded
        and date_diff('day', last_message.occurred_on, as_of) between 7 and 180
)

select
    w.user_id,
    row_number() over (
        partition by w.user_id order by t.tie_strength desc nulls last, w.last_message_at desc, w.conversation_id
    ) as rank,
    w.connection_id,
    t.full_name as name,
    t.company,
    t.position,
    t.profile_url as url,
    w.conversation_id,
    w.last_message_at,
    w.days_waiting,
    w.unanswered_messages,
    w.messages_in_thread,
    t.tie_strength,
    t.tier,
    w.unanswered_messages || ' unanswered message(s), waiting ' || w.days_waiting || ' days' as reason
from waiting as w
left join {{ ref('tie_strength') }} as t using (connection_id)
