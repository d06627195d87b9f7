-- one row per user x calendar month, from the user's first dated event to the month of as_of:
-- messages sent / received (with connections or anyone), distinct two-way counterparts (connections
-- with messages in both directions that month), new connections and the owner's own activity events.
with users as (
    select user_id, as_of from {{ ref('int_user_context') }} where {{ users_filter() }}
),

messages as (
    select
        e.user_id,
        date_trunc('month', e.occurred_on)::date as month,
        e.direction,
        e.source_id,
        e.connection_id
    from {{ ref('int_interactions') }} as e
    inner join users using (user_id)
    where {{ users_filter('e.user_id') }}
        and e.event_type = 'message'
        and e.occurred_on <= users.as_of
),

message_counts as (
    select
        user_id,
        month,
        count(distinct source_id) filter (where direction = 'out') as messages_sent,
        count(distinct source_id) filter (where direction = 'in') as messages_received
    from messages
    group by all
),

two_way as (
    select user_id, month, count(*) as two_way_counterparts
    from (
        select user_id, month, connection_id
        from messages
        where connection_id is not null
        group by all
        having count(*) filter (where direction = 'out') > 0 and count(*) filter (where direction = 'in') > 0
    ) as pairs
    group by all
),

new_connections as (
    select c.user_id, date_trunc('month', c.connected_on)::date as month, count(*) as new_connections
    from {{ ref('int_connections') }} as c
    inner join users using (user_id)
    where {{ users_filter('c.user_id') }} and c.connected_on <= users.as_of
    group by all
),

own_activity as (
    select a.user_id, a.activity_month as month, count(*) as own_activity_events
    from {{ ref('int_owner_activity') }} as a
    inner join users using (user_id)
    where {{ users_filter('a.user_id') }} and a.occurred_on <= users.as_of
    group by all
),

bounds as (
    select
        users.user_id,
        least(
            (select min(month) from message_counts where message_counts.user_id = users.user_id),
            (select min(month) from new_connections where new_connections.user_id = users.user_id),
            (select min(month) from own_activity where own_activity.user_id = users.user_id)
        ) as first_month,
        date_trunc('month', users.as_of)::date as last_month
    from users
),

months as (
    select user_id, unnest(generate_series(first_month, last_month, interval 1 month))::date as month
    from bounds
    where first_month is not null
)

select
    months.user_id,
    months.month,
    coalesce(message_counts.messages_sent, 0) as messages_sent,
    coalesce(message_counts.messages_received, 0) as messages_received,
    coalesce(two_way.two_way_counterparts, 0) as two_way_counterparts,
    coalesce(new_connections.new_connections, 0) as new_connections,
    coalesce(own_activity.own_activity_events, 0) as own_activity_events
from months
left join message_counts using (user_id, month)
left join two_way using (user_id, month)
left join new_connections using (user_id, month)
left join own_activity using (user_id, month)
