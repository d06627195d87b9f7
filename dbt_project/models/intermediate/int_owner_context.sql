-- one row per refreshed user: the owner's industry, function, seniority and employers, the
-- reference points of Relevance (rel_ind, rel_fn) and of the shared-employer flag.
-- Owner industry: Profile.csv Industry (a V2 label, or a V1 label via the crosswalk seed), else the
-- industry inferred for the current Positions company. Owner function: current Positions title.
with users as (
    select user_id from {{ ref('int_user_context') }} where {{ users_filter() }}
),

taxonomy as (
    select industry_id, industry_name, root_name from {{ ref('industry_taxonomy') }}
),

profile as (
    select user_id, any_value(industry order by source_line) as profile_industry
    from {{ ref('stg_linkedin__profile') }}
    where {{ users_filter() }}
    group by user_id
),

profile_industry as (
    select
        profile.user_id,
        profile.profile_industry,
        coalesce(v2.industry_id, v1.industry_id) as industry_id,
        case when v2.industry_id is not null then 'profile_v2_label'
             when v1.industry_id is not null then 'profile_v1_label' end as industry_source
    from profile
    left join taxonomy as v2
        on lower(trim(v2.industry_name)) = lower(profile.profile_industry)
    left join (
        select lower(trim(v1_label)) as v1_label, min(industry_id) as industry_id
        from {{ ref('industry_v1_crosswalk') }}
        group by 1
    ) as v1
        on v1.v1_label = lower(profile.profile_industry)
),

positions as (
    select
        positions.*,
        roles.industry_id,
        roles.industry_rule,
        roles.job_function,
        roles.function_rule,
        roles.seniority_level,
        roles.seniority_band,
        roles.is_decision_maker
    from {{ ref('stg_linkedin__positions') }} as positions
    left join {{ ref('int_role_classification') }} as roles
        on roles.user_id = positions.user_id
        and roles.company_text = coalesce(positions.company_name, '')
        and roles.title_text = coalesce(positions.title, '')
    where {{ users_filter('positions.user_id') }}
),

-- current jobs first, newest start first; fall back to the most recent past job
position_rank as (
    select
        *,
        row_number() over (
            partition by user_id
            order by is_current desc, started_on desc nulls last, finished_on desc nulls last, source_line
        ) as position_order
    from positions
),

position_industry as (
    select user_id, industry_id, 'positions: ' || coalesce(company_name, '?') || ' (' || industry_rule || ')' as industry_source
    from position_rank
    where industry_id is not null
    qualify row_number() over (partition by user_id order by position_order) = 1
),

position_function as (
    select user_id, job_function, 'positions: ' || coalesce(title, '?') || ' (' || function_rule || ')' as function_source
    from position_rank
    where job_function is not null
    qualify row_number() over (partition by user_id order by position_order) = 1
),

position_seniority as (
    select user_id, seniority_level, seniority_band, is_decision_maker
    from position_rank
    where seniority_level is not null
    qualify row_number() over (partition by user_id order by position_order) = 1
),

current_position as (
    select user_id, company_name, title
    from position_rank
    where position_order = 1
),

employers as (
    select
        user_id,
        list(distinct company_key order by company_key) filter (where company_key is not null) as employer_keys,
        list(distinct company_key order by company_key) filter (where company_key is not null and is_current)
            as current_employer_keys
    from positions
    group by user_id
)

select
    users.user_id,
    profile_industry.profile_industry,
    coalesce(profile_industry.industry_id, position_industry.industry_id) as owner_industry_id,
    taxonomy.industry_name as owner_industry_name,
    taxonomy.root_name as owner_industry_root,
    coalesce(profile_industry.industry_source, position_industry.industry_source) as owner_industry_source,
    current_position.company_name as owner_company,
    current_position.title as owner_title,
    position_function.job_function as owner_job_function,
    position_function.function_source as owner_function_source,
    position_seniority.seniority_level as owner_seniority_level,
    position_seniority.seniority_band as owner_seniority_band,
    coalesce(employers.employer_keys, []::varchar[]) as employer_keys,
    coalesce(employers.current_employer_keys, []::varchar[]) as current_employer_keys
from users
left join profile_industry using (user_id)
left join position_industry using (user_id)
left join taxonomy
    on taxonomy.industry_id = coalesce(profile_industry.industry_id, position_industry.industry_id)
left join position_function using (user_id)
left join position_seniority using (user_id)
left join current_position using (user_id)
left join employers using (user_id)
