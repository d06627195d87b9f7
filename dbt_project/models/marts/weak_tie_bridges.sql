-- weak but relevant ties outside the owner's employers (§1.5 v_weak_bridges): 0.05 <= TS < 0.3,
-- same/related industry (rel_ind >= 0.6) or function (rel_fn >= 0.5), not a shared employer, and a
-- decision maker (Director+). Ranked per user by relevance_i, then tie strength.
{{ config(materialized='view') }}

with bridges as (
    select
        *,
        0.6 * coalesce(rel_ind, 0) + 0.4 * coalesce(rel_fn, 0) as relevance_i
    from {{ ref('tie_strength') }}
    where tie_strength >= 0.05 and tie_strength < 0.3
        and (rel_ind >= 0.6 or rel_fn >= 0.5)
        and not shared_employer
        and is_dm
)

select
    user_id,
    row_number() over (partition by user_id order by relevance_i desc, tie_strength desc, connection_id) as rank,
    connection_id,
    full_name as name,
    company,
    position,
    profile_url as url,
    industry_root,
    job_function,
    seniority_band,
    last_touch,
    tie_strength,
    round(relevance_i, 3) as relevance_i,
    'weak tie (TS ' || round(tie_strength, 2) || ') in a '
        || case when rel_ind >= 0.6 and rel_fn >= 0.5 then 'relevant industry and function'
                when rel_ind >= 0.6 then 'relevant industry'
                else 'relevant function' end
        || ', ' || coalesce(seniority_band, 'senior') || ', outside your employers' as reason
from bridges
