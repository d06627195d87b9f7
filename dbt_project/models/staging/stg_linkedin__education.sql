select
    user_id,
    export_id,
    source_file,
    source_line,
    nullif(trim(school_name), '') as school_name,
    {{ company_key('school_name') }} as school_key,
    nullif(trim(degree_name), '') as degree_name,
    start_date_raw,
    start_date,
    end_date_raw,
    end_date
from {{ source('linkedin', 'education') }}
