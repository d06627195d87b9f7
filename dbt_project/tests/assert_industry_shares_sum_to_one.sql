-- per user with connections, industry_mix shares (the unknown row included) sum to 1, and
-- connections add up to N
with mix as (
    select user_id, sum(share) as share_total, sum(connections) as connections
    from {{ ref('industry_mix') }}
    where {{ tested_users_filter() }}
    group by user_id
)

select mix.*, inputs.n_connections
from mix
inner join {{ ref('connection_score_inputs') }} as inputs using (user_id)
where inputs.n_connections > 0 and (abs(mix.share_total - 1) > 1e-9 or mix.connections <> inputs.n_connections)
