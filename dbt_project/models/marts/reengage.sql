-- dormant ties worth re-engaging (§1.5 v_reengage): latent strength L >= 0.35 and no two-way touch
-- in the last max(dormant_min_days, gap_mult x their usual gap) days, ranked per user by
-- sqrt(L) x (0.5 + 0.5 relevance_i) x (1 + 0.3 is_dm), relevance_i = 0.6 rel_ind + 0.4 rel_fn.
{{ config(materialized='view') }}

with params as (
    select * from {{ ref('int_score_params') }}
),

candidates as (
    select
        t.*,
        greatest(p.dormant_min_days, p.gap_mult * coalesce(t.median_gap_days, 0)) as silence_threshold_days,
        0.6 * coalesce(t.rel_ind, 0) + 0.4 * coalesce(t.rel_fn, 0) as relevance_i
    from {{ ref('tie_strength') }} as t
    cross join params as p
    where t.latent_strength >= 0.35
),

dormant as (
    select
        *,
        sqrt(latent_strength) * (0.5 + 0.5 * relevance_i) * (1 + 0.3 * coalesce(is_dm::int, 0)) as value
    from candidates
    where last_two_way_touch is null
        or date_diff('day', last_two_way_touch, as_of) > silence_threshold_days
)

select
    user_id,
    row_number() over (partition by user_id order by value desc, connection_id) as rank,
    connection_id,
    full_name as name,
    company,
    position,
    profile_url as url,
    last_touch,
    last_interaction_at::date as last_interaction_on,
    last_two_way_touch,
    date_diff('month', last_interaction_at::date, as_of) as months_silent,
    median_gap_days,
    round(latent_strength, 3) as latent_strength,
    round(relevance_i, 3) as relevance_i,
    is_dm,
    round(value, 4) as value,
    'latent strength ' || round(latent_strength, 2) || ', silent ' || date_diff('month', last_interaction_at::date, as_of)
        || ' months (threshold ' || round(silence_threshold_days)::int || ' days)'
        || case when is_dm then ', decision maker' else '' end as reason
from dormant
