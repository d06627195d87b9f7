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

root_counts as (
    select user_id, industry_root, count(*) as connections
    from {{ ref('int_connections') }}
    where industry_root is not null
    group by all
),

function_counts as (
    select user_id, lower(job_function) as job_function, any_value(job_function) as label, count(*) as connections
    from {{ ref('int_connections') }}
    where job_function is not null
    group by all
),

function_labels as (
    select lower(function_a) as job_function, any_value(function_a) as label
    from {{ ref('job_function_relatedness') }}
    group by 1
    union
    select lower(function_b), any_value(function_b)
    from {{ ref('job_function_relatedness') }}
    group by 1
),

gaps as (
    select
        owner.user_id,
        'industry_root' as dimension,
        related_roots.root_b as category,
        related_roots.weight as relatedness_weight,
        coalesce(root_counts.connections, 0) as connections,
        'related to your industry (' || owner.owner_industry_root || ')' as relation_to_you
    from owner
    inner join related_roots on related_roots.root_a = owner.owner_industry_root
    left join root_counts
        on root_counts.user_id = owner.user_id and root_counts.industry_root = related_roots.root_b
    where coalesce(root_counts.connections, 0) <= 2

    union all

    select
        owner.user_id,
        'job_function',
        coalesce(any_value(function_counts.label), any_value(function_labels.label), related_functions.function_b),
        max(related_functions.weight),
        coalesce(max(function_counts.connections), 0),
        'adjacent to your function (' || owner.owner_job_function || ')'
    from owner
    inner join related_functions on related_functions.function_a = lower(owner.owner_job_function)
    left join function_counts
        on function_counts.user_id = owner.user_id and function_counts.job_function = related_functions.function_b
    left join function_labels on function_labels.job_function = related_functions.function_b
    group by owner.user_id, related_functions.function_b, owner.owner_job_function
    having coalesce(max(function_counts.connections), 0) <= 2
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
