-- one row per user x industry root (V2 top-level group) among their connections, plus an `unknown`
-- row for unclassified connections, so shares sum to 1 per user (user_share_total shows the sum).
-- relation: own (the owner's root), related (a curated related root), outside, or unknown.
with users as (
    select user_id from {{ ref('int_user_context') }} where {{ users_filter() }}
),

features as (
    select * from {{ ref('int_connection_features') }} where {{ users_filter() }}
),

owner as (
    select user_id, owner_industry_root from {{ ref('int_owner_context') }} where {{ users_filter() }}
),

related_roots as (
    select root_a, root_b, max(weight) as weight
    from (
        select root_a, root_b, weight from {{ ref('industry_root_relatedness') }}
        union all
        select root_b, root_a, weight from {{ ref('industry_root_relatedness') }}
    ) as pairs
    where weight > 0
    group by all
),

counts as (
    select user_id, coalesce(industry_root, 'unknown') as industry_root, count(*) as connections
    from features
    group by all
),

with_unknown as (
    select * from counts
    union all
    -- an explicit zero row when every connection is classified
    select users.user_id, 'unknown', 0
    from users
    where not exists (
        select 1 from counts where counts.user_id = users.user_id and counts.industry_root = 'unknown'
    )
),

shares as (
    select
        *,
        sum(connections) over (partition by user_id) as user_connections
    from with_unknown
)

select
    shares.user_id,
    shares.industry_root,
    shares.connections,
    coalesce(shares.connections / nullif(shares.user_connections, 0), 0) as share,
    case
        when shares.industry_root = 'unknown' or owner.owner_industry_root is null then 'unknown'
        when shares.industry_root = owner.owner_industry_root then 'own'
        when related_roots.root_a is not null then 'related'
        else 'outside'
    end as relation,
    related_roots.weight as relatedness_weight,
    owner.owner_industry_root,
    sum(coalesce(shares.connections / nullif(shares.user_connections, 0), 0))
        over (partition by shares.user_id) as user_share_total
from shares
left join owner using (user_id)
left join related_roots
    on related_roots.root_a = owner.owner_industry_root and related_roots.root_b = shares.industry_root
