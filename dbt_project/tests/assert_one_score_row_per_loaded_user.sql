-- every user with a loaded export has exactly one connection_score row (and no score without export)
with expected as (
    select user_id from {{ ref('int_user_context') }} where {{ tested_users_filter() }}
),

actual as (
    select user_id, count(*) as n_rows from {{ ref('connection_score') }}
    where {{ tested_users_filter() }}
    group by user_id
)

select coalesce(expected.user_id, actual.user_id) as user_id, coalesce(actual.n_rows, 0) as n_rows
from expected
full outer join actual using (user_id)
where coalesce(actual.n_rows, 0) <> 1 or expected.user_id is null
