-- one row per refreshed user x distinct (company, title) seen in Connections.csv or Positions.csv:
-- the inferred industry, job function and seniority, each with the rule that decided it and a
-- confidence. Rules are seeds (editable, explainable); the first match by precedence/priority
-- wins (row_number); no match leaves NULL (unknown) rather than a guess.
-- Industry precedence: user override seed > curated company seed > company keyword rules >
-- title-implied industry.
with roles as (
    select distinct user_id, coalesce(company, '') as company_text, coalesce(position, '') as title_text
    from {{ ref('stg_linkedin__connections') }}
    where {{ users_filter() }}
    union
    select distinct user_id, coalesce(company_name, '') as company_text, coalesce(title, '') as title_text
    from {{ ref('stg_linkedin__positions') }}
    where {{ users_filter() }}
),

-- rules depend on the text only, and each rule seed on one of the two texts: match each distinct
-- company and each distinct title once for the whole batch (1,000 users: 229k companies and 37k titles
-- against 717k (company, title) pairs)
company_matches as (
    select
        company_text,
        company_lower,
        {{ company_key("nullif(company_text, '')") }} as company_key,
        {{ first_matching_rule('company_lower', ref('company_keyword_rules')) }} as company_rule_index
    from (select distinct company_text, lower(company_text) as company_lower from roles) as companies
),

title_matches as (
    select
        title_text,
        title_lower,
        {{ first_matching_rule('title_lower', ref('title_industry_rules')) }} as title_industry_rule_index,
        {{ first_matching_rule('title_lower', ref('title_function_rules')) }} as function_rule_index,
        {{ first_matching_rule('title_lower', ref('title_seniority_rules')) }} as seniority_rule_index
    from (select distinct title_text, lower(title_text) as title_lower from roles) as titles
),

-- the first matching rule of each rule seed (lowest priority, then pattern), see macros/rules.sql
distinct_roles as (
    select
        pairs.company_text,
        pairs.title_text,
        company_matches.company_key,
        company_matches.company_lower,
        title_matches.title_lower,
        company_matches.company_rule_index,
        title_matches.title_industry_rule_index,
        title_matches.function_rule_index,
        title_matches.seniority_rule_index
    from (select distinct company_text, title_text from roles) as pairs
    inner join company_matches using (company_text)
    inner join title_matches using (title_text)
),

company_rules as ({{ rule_index_cte(ref('company_keyword_rules')) }}),
title_industry_rules as ({{ rule_index_cte(ref('title_industry_rules')) }}),
function_rules as ({{ rule_index_cte(ref('title_function_rules')) }}),
seniority_rules as ({{ rule_index_cte(ref('title_seniority_rules')) }}),

keyed_roles as (
    select roles.user_id, d.*
    from roles
    inner join distinct_roles as d using (company_text, title_text)
),

taxonomy as (
    select industry_id, industry_name, root_name from {{ ref('industry_taxonomy') }}
),

user_overrides as (
    select
        nullif(trim(user_id), '') as override_user_id,
        {{ company_key('company_name') }} as company_key,
        company_name,
        industry_id
    from {{ ref('company_industry_user') }}
    where industry_id is not null
),

curated_companies as (
    select {{ company_key('company_name') }} as company_key, company_name, industry_id, source
    from {{ ref('company_industry') }}
    where industry_id is not null
),

shared_candidates as (
    -- 2. curated company seed
    select
        r.company_text, r.title_text, c.industry_id,
        'company_seed' as industry_source, 3 as source_rank, 0 as rule_priority,
        'company_industry: ' || c.company_name || coalesce(' [' || c.source || ']', '') as industry_rule,
        0.9 as industry_confidence
    from distinct_roles as r
    inner join curated_companies as c on c.company_key = r.company_key

    union all
    -- 3. keyword rules on the company name
    select
        r.company_text, r.title_text, k.industry_id,
        'company_keyword', 4, k.priority,
        'company_keyword_rules #' || k.priority || ': ' || k.pattern,
        k.confidence
    from distinct_roles as r
    inner join company_rules as k on k.rule_index = r.company_rule_index

    union all
    -- 4. title-implied industry (nurse -> health care, attorney -> legal...)
    select
        r.company_text, r.title_text, t.industry_id,
        'title_keyword', 5, t.priority,
        'title_industry_rules #' || t.priority || ': ' || t.pattern,
        t.confidence
    from distinct_roles as r
    inner join title_industry_rules as t on t.rule_index = r.title_industry_rule_index
),

industry_candidates as (
    -- 1. the user's own mapping (a row with an empty user_id applies to everyone)
    select
        r.user_id, r.company_text, r.title_text, o.industry_id,
        'user_override' as industry_source,
        case when o.override_user_id is null then 2 else 1 end as source_rank,
        0 as rule_priority,
        'company_industry_user: ' || o.company_name
            || case when o.override_user_id is null then ' (all users)' else '' end as industry_rule,
        1.0 as industry_confidence
    from keyed_roles as r
    inner join user_overrides as o
        on o.company_key = r.company_key
        and (o.override_user_id = r.user_id or o.override_user_id is null)

    union all

    select r.user_id, s.*
    from keyed_roles as r
    inner join shared_candidates as s using (company_text, title_text)
),

industry_choice as (
    select *
    from industry_candidates
    where industry_id is not null
    qualify row_number() over (
        partition by user_id, company_text, title_text
        order by source_rank, rule_priority, industry_rule
    ) = 1
),

function_choice as (
    select
        r.company_text, r.title_text, f.job_function,
        'title_function_rules #' || f.priority || ': ' || f.pattern as function_rule,
        f.confidence as function_confidence
    from distinct_roles as r
    inner join function_rules as f on f.rule_index = r.function_rule_index
    where f.job_function is not null
),

seniority_choice as (
    select
        r.company_text, r.title_text, lower(s.seniority_level) as seniority_level,
        'title_seniority_rules #' || s.priority || ': ' || s.pattern as seniority_rule,
        s.confidence as seniority_confidence
    from distinct_roles as r
    inner join seniority_rules as s on s.rule_index = r.seniority_rule_index
    where s.seniority_level is not null
),

bands as (
    select lower(seniority_level) as seniority_level, band, band_order, is_decision_maker
    from {{ ref('seniority_bands') }}
)

select
    r.user_id,
    r.company_text,
    r.title_text,
    r.company_key,
    i.industry_id,
    taxonomy.industry_name,
    taxonomy.root_name as industry_root,
    i.industry_source,
    i.industry_rule,
    i.industry_confidence,
    f.job_function,
    f.function_rule,
    f.function_confidence,
    s.seniority_level,
    s.seniority_rule,
    s.seniority_confidence,
    bands.band as seniority_band,
    bands.band_order as seniority_band_order,
    bands.is_decision_maker
from keyed_roles as r
left join industry_choice as i using (user_id, company_text, title_text)
left join taxonomy on taxonomy.industry_id = i.industry_id
left join function_choice as f using (company_text, title_text)
left join seniority_choice as s using (company_text, title_text)
left join bands on bands.seniority_level = s.seniority_level
