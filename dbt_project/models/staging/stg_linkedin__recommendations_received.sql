-- one row per recommendation received (no URL in the file: joined by name key)
select
    user_id,
    export_id,
    source_file,
    source_line,
    md5(concat_ws('|', user_id, export_id, source_file, source_line::varchar)) as recommendation_id,
    nullif(trim(first_name), '') as first_name,
    nullif(trim(last_name), '') as last_name,
    {{ name_key('first_name', 'last_name') }} as name_key,
    nullif(trim(company), '') as company,
    {{ company_key('company') }} as company_key,
    nullif(trim(job_title), '') as job_title,
    coalesce(text_length, 0) as text_length,
    created_at_raw,
    created_at,
    upper(nullif(trim(status), '')) as status
from {{ source('linkedin', 'recommendations_received') }}
