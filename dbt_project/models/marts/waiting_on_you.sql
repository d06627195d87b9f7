-- 1:1 conversations whose last message is inbound from a connection and 7-180 days old at as_of
-- (§1.5 v_waiting_on_you); InMail/sponsored threads and system senders excluded. Ranked per user by
-- tie strength, then the most recent first.
{{ config(materialized='view') }}

with users as (
    select user_id, as_of from {{ ref('int_user_context') }}
),

messages as (
    select e.*, users.as_of
    from {{ ref('int_interactions') }} as e
    inner join users using (user_id)
    where e.event_type = 'message' and e.conversation_id is not null and e.occurred_on <= users.as_of
),

conversations as (
    select
        user_id,
        conversation_id,
        max(n_participants) as n_participants,
        bool_or(is_inmail or is_system_sender) as is_excluded,
        count(*) as messages_in_thread
    from messages
    group by all
),

last_messages as (
    select *
    from messages
    qualify row_number() over (
        partition by user_id, conversation_id
        order by occurred_at desc, (direction = 'out') desc, event_id
    ) = 1
),

unanswered as (
    select m.user_id, m.conversation_id, count(*) as unanswered_messages
    from messages as m
    left join (
        select user_id, conversation_id, max(occurred_at) as last_out_at
        from messages where direction = 'out' group by all
    ) as outs using (user_id, conversation_id)
    where m.direction = 'in' and (outs.last_out_at is null or m.occurred_at > outs.last_out_at)
    group by all
),

waiting as (
    select
        l.user_id,
        l.connection_id,
        l.conversation_id,
        l.occurred_at as last_message_at,
        date_diff('day', l.occurred_on, l.as_of) as days_waiting,
        c.messages_in_thread,
        coalesce(u.unanswered_messages, 0) as unanswered_messages
    from last_messages as l
    inner join conversations as c using (user_id, conversation_id)
    left join unanswered as u using (user_id, conversation_id)
    where l.direction = 'in'
        and l.connection_id is not null
        and c.n_participants = 2
        and not c.is_excluded
        and date_diff('day', l.occurred_on, l.as_of) between 7 and 180
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
