-- one row per endorsed skill (endorser = the other person)
select
    user_id,
    export_id,
    source_file,
    source_line,
    md5(concat_ws('|', user_id, export_id, source_file, source_line::varchar)) as endorsement_id,
    endorsed_at_raw,
    endorsed_at,
    nullif(trim(skill_name), '') as skill_name,
    nullif(trim(first_name), '') as first_name,
    nullif(trim(last_name), '') as last_name,
    {{ name_key('first_name', 'last_name') }} as name_key,
    profile_url as profile_url_raw,
    {{ normalize_profile_url('profile_url') }} as profile_url,
    upper(nullif(trim(status), '')) as status
from {{ source('linkedin', 'endorsements_received') }}
