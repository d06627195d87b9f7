-- industry roots related to the owner's and job functions adjacent to the owner's where the network
-- has at most 2 connections (§1.5 v_diversity_gaps): where a few new connections widen the mix most.
{{ config(materialized='view') }}

with owner as (
    select user_id, owner_industry_root, owner_job_function from {{ ref('int_owner_context') }}
),

related_roots as (
    select root_a, root_b, max(weight) as weight
    from (
        select root_a, root_b, weight from {{ ref('industry_root_relatedness') }}
        union all
        select root_b, root_a, weight from {{ ref('industry_root_relatedness') }}
    ) as pairs
    where weight > 0 and root_a <> root_b
    group by all
),

related_functions as (
    select function_a, function_b, max(weight) as weight
    from (
        select lower(function_a) as function_a, lower(function_b) as function_b, weight
        from {{ ref('job_function_relatedness') }}
        union all
        select lower(function_b), lower(function_a), weight from {{ ref('job_function_relatedness') }}
    ) as pairs
    where weight > 0 and function_a <> function_b
    group by all
),

-- one display label per function, for functions nobody in the network has yet
function_labels as (
    select lower(label) as job_function, any_value(label) as label
    from (
        select function_a as label from {{ ref('job_function_relatedness') }}
        union all
        select function_b from {{ ref('job_function_relatedness') }}
    ) as labels
    group by 1
),

-- the connection counts are joined per owner and relation, not pre-aggregated for every user, so that a
-- query for some users (a data test, the serving snapshot) reads only their connections
function_gaps as (
    select
        owner.user_id,
        owner.owner_job_function,
        related_functions.function_b,
        related_functions.weight as relatedness_weight,
        count(c.user_id) as connections,
        any_value(c.job_function) as label
    from owner
    inner join related_functions on related_functions.function_a = lower(owner.owner_job_function)
    left join {{ ref('int_connections') }} as c
        on c.user_id = owner.user_id and lower(c.job_function) = related_functions.function_b
    group by all
    having count(c.user_id) <= 2
),

gaps as (
    select
        owner.user_id,
        'industry_root' as dimension,
        related_roots.root_b as category,
        related_roots.weight as relatedness_weight,
        count(c.user_id) as connections,
        'related to your industry (' || owner.owner_industry_root || ')' as relation_to_you
    from owner
    inner join related_roots on related_roots.root_a = owner.owner_industry_root
    left join {{ ref('int_connections') }} as c
        on c.user_id = owner.user_id and c.industry_root = related_roots.root_b
    group by owner.user_id, related_roots.root_b, related_roots.weight, owner.owner_industry_root
    having count(c.user_id) <= 2

    union all

    select
        function_gaps.user_id,
        'job_function',
        coalesce(function_gaps.label, labels.label, function_gaps.function_b),
        function_gaps.relatedness_weight,
        function_gaps.connections,
        'adjacent to your function (' || function_gaps.owner_job_function || ')'
    from function_gaps
    left join function_labels as labels on labels.job_function = function_gaps.function_b
)

select
    user_id,
    row_number() over (
        partition by user_id order by connections, relatedness_weight desc, dimension, category
    ) as rank,
    dimension,
    category as name,
    relatedness_weight,
    connections,
    connections || ' connection(s) in ' || category || ', ' || relation_to_you as reason
from gaps
