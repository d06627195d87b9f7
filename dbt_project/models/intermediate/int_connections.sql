-- one row per refreshed user x connection (Connections.csv), with a stable connection_id and the
-- inferred industry / function / seniority (see int_role_classification for the rules).
-- connection_id = md5(user_id + normalised profile URL); without a URL md5(user_id + name key +
-- connected_on); for blank (deactivated / hidden) members md5(user_id + row content hash + date).
-- A sequence number disambiguates identical name/blank rows (kept, never dropped).
with connections as (
    select *
    from {{ ref('stg_linkedin__connections') }}
    where {{ users_filter() }}
),

identified as (
    select
        *,
        case
            when profile_url is not null then 'url'
            when name_key is not null then 'name'
            else 'content_hash'
        end as identity_method,
        case
            when profile_url is not null then profile_url
            when name_key is not null then name_key || '|' || coalesce(connected_on::varchar, '')
            else row_content_hash || '|' || coalesce(connected_on::varchar, '')
        end as identity_basis
    from connections
),

sequenced as (
    select
        *,
        row_number() over (
            partition by user_id, identity_method, identity_basis
            order by connected_on nulls last, source_line
        ) as identity_seq
    from identified
),

-- the same profile URL twice is one person: keep the earliest row
deduplicated as (
    select *
    from sequenced
    where identity_method <> 'url' or identity_seq = 1
),

name_collisions as (
    select user_id, name_key, count(*) as n_same_name
    from deduplicated
    where name_key is not null
    group by all
)

select
    md5(c.user_id || '|' || c.identity_method || '|' || c.identity_basis
        || case when c.identity_seq > 1 then '|' || c.identity_seq::varchar else '' end) as connection_id,
    c.user_id,
    c.identity_method,
    c.first_name,
    c.last_name,
    c.full_name,
    c.name_key,
    coalesce(nc.n_same_name, 0) > 1 as has_name_collision,
    c.profile_url,
    c.has_profile_url,
    c.email_address,
    c.is_anonymous,
    c.company,
    r.company_key,
    c.position,
    c.connected_on,
    r.industry_id,
    r.industry_name,
    r.industry_root,
    r.industry_source,
    r.industry_rule,
    r.industry_confidence,
    r.job_function,
    r.function_rule,
    r.function_confidence,
    r.seniority_level,
    r.seniority_rule,
    r.seniority_confidence,
    r.seniority_band,
    r.seniority_band_order,
    r.is_decision_maker,
    c.source_file,
    c.source_line
from deduplicated as c
left join name_collisions as nc using (user_id, name_key)
left join {{ ref('int_role_classification') }} as r
    on r.user_id = c.user_id
    and r.company_text = coalesce(c.company, '')
    and r.title_text = coalesce(c.position, '')
