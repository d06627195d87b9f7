-- the owner's own (owner-originated) events per refreshed user: messages sent (once per message,
-- whatever the number of recipients), invitations sent, endorsements and recommendations given,
-- posts (shares), comments and reactions. They feed Recency & consistency (active months) and the
-- engagement timeline; reactions/comments/shares name posts, not people, so they are not dyadic.
with dyadic as (
    select
        user_id,
        event_type as activity_type,
        case when event_type = 'message' then source_id else event_id end as activity_id,
        min(occurred_at) as occurred_at
    from {{ ref('int_interactions') }}
    where {{ users_filter() }} and direction = 'out'
    group by all
),

posts as (
    select user_id, 'share' as activity_type, md5('share|' || source_file || '|' || source_line) as activity_id,
           shared_at as occurred_at
    from {{ ref('stg_linkedin__shares') }}
    where {{ users_filter() }}
    union all
    select user_id, 'comment', md5('comment|' || source_file || '|' || source_line), commented_at
    from {{ ref('stg_linkedin__comments') }}
    where {{ users_filter() }}
    union all
    select user_id, 'reaction', md5('reaction|' || source_file || '|' || source_line), reacted_at
    from {{ ref('stg_linkedin__reactions') }}
    where {{ users_filter() }}
),

activity as (
    select * from dyadic
    union all
    select * from posts
)

select
    user_id,
    md5(user_id || '|' || activity_type || '|' || activity_id) as activity_id,
    activity_type,
    occurred_at,
    occurred_at::date as occurred_on,
    date_trunc('month', occurred_at)::date as activity_month
from activity
