-- one row per refreshed user: the network-shape inputs of Relevance and Diversity (§1.4):
-- classification coverage, relevant shares (s_IR, s_FA, s_DM), IQV over industry roots, functions
-- and seniority bands (unbiased Simpson, normalised by the number of categories K), the company HHI,
-- and the own / related / outside industry split with the E-I index.
with features as (
    select * from {{ ref('int_connection_features') }} where {{ users_filter() }}
),

users as (
    select user_id from {{ ref('int_user_context') }} where {{ users_filter() }}
),

category_counts as (
    select
        (select count(distinct root_name) from {{ ref('industry_taxonomy') }}) as k_industry,
        26 as k_function,  -- LinkedIn's 26 job functions
        (select count(distinct band) from {{ ref('seniority_bands') }}) as k_band
),

-- counts per category, one dimension at a time
category_sizes as (
    select user_id, 'industry' as dimension, industry_root as category, count(*) as n
    from features where industry_root is not null group by all
    union all
    select user_id, 'function', lower(job_function), count(*)
    from features where job_function is not null group by all
    union all
    select user_id, 'band', seniority_band, count(*)
    from features where seniority_band is not null group by all
    union all
    select user_id, 'company', company_key, count(*)
    from features where company_key is not null group by all
),

concentration as (
    select
        user_id,
        dimension,
        sum(n) as n_total,
        count(*) as n_categories,
        -- unbiased Simpson: probability two different connections fall in the same category
        case when sum(n) > 1 then sum(n * (n - 1)) / (sum(n) * (sum(n) - 1)) end as simpson_same,
        sum(n * n) / (sum(n) * sum(n)) as hhi
    from category_sizes
    group by user_id, dimension
),

shares as (
    select
        user_id,
        count(*) as n_connections,
        count(industry_id) as n_industry_known,
        count(job_function) as n_function_known,
        count(seniority_level) as n_seniority_known,
        count(company_key) as n_company_known,
        count(rel_ind) as n_rel_ind_known,
        count(rel_fn) as n_rel_fn_known,
        count(*) filter (where rel_ind >= 0.6) as n_relevant_industry,
        count(*) filter (where rel_fn >= 0.5) as n_relevant_function,
        count(*) filter (where is_dm) as n_decision_makers,
        count(*) filter (where rel_ind = 1) as n_own_industry,
        count(*) filter (where rel_ind > 0 and rel_ind < 1) as n_related_industry,
        count(*) filter (where rel_ind = 0) as n_outside_industry,
        count(*) filter (where industry_root is not null and industry_root = owner_industry_root) as n_own_root,
        count(*) filter (where industry_root is not null and owner_industry_root is not null
                         and industry_root <> owner_industry_root) as n_other_root
    from features
    group by user_id
)

select
    users.user_id,
    coalesce(s.n_connections, 0) as n_connections,
    coalesce(s.n_industry_known, 0) as n_industry_known,
    coalesce(s.n_function_known, 0) as n_function_known,
    coalesce(s.n_seniority_known, 0) as n_seniority_known,
    coalesce(s.n_company_known, 0) as n_company_known,
    s.n_industry_known / nullif(s.n_connections, 0) as industry_coverage,
    s.n_function_known / nullif(s.n_connections, 0) as function_coverage,
    s.n_seniority_known / nullif(s.n_connections, 0) as seniority_coverage,
    s.n_relevant_industry / nullif(s.n_rel_ind_known, 0) as s_ir,
    s.n_relevant_function / nullif(s.n_rel_fn_known, 0) as s_fa,
    s.n_decision_makers / nullif(s.n_seniority_known, 0) as s_dm,
    least(1.0, k.k_industry / (k.k_industry - 1) * (1 - ci.simpson_same)) as iqv_industry,
    least(1.0, k.k_function / (k.k_function - 1) * (1 - cf.simpson_same)) as iqv_function,
    least(1.0, k.k_band / (k.k_band - 1) * (1 - cb.simpson_same)) as iqv_band,
    cc.hhi as hhi_company,
    coalesce(ci.n_categories, 0) as n_industry_roots,
    coalesce(cf.n_categories, 0) as n_functions,
    coalesce(cb.n_categories, 0) as n_bands,
    coalesce(cc.n_categories, 0) as n_companies,
    s.n_own_industry / nullif(s.n_rel_ind_known, 0) as share_own_industry,
    s.n_related_industry / nullif(s.n_rel_ind_known, 0) as share_related_industry,
    s.n_outside_industry / nullif(s.n_rel_ind_known, 0) as share_outside_industry,
    -- Krackhardt's E-I index over industry roots: (external - internal) / (external + internal)
    (s.n_other_root - s.n_own_root) / nullif(s.n_other_root + s.n_own_root, 0) as ei_index
from users
cross join category_counts as k
left join shares as s using (user_id)
left join concentration as ci on ci.user_id = users.user_id and ci.dimension = 'industry'
left join concentration as cf on cf.user_id = users.user_id and cf.dimension = 'function'
left join concentration as cb on cb.user_id = users.user_id and cb.dimension = 'band'
left join concentration as cc on cc.user_id = users.user_id and cc.dimension = 'company'
