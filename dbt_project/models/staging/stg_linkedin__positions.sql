-- the owner's job history; an empty Finished On means a current job
select
    user_id,
    export_id,
    source_file,
    source_line,
    nullif(trim(company_name), '') as company_name,
    {{ company_key('company_name') }} as company_key,
    nullif(trim(title), '') as title,
    nullif(trim(location), '') as location,
    started_on_raw,
    started_on,
    finished_on_raw,
    finished_on,
    (finished_on is null and nullif(trim(coalesce(finished_on_raw, '')), '') is null) as is_current
from {{ source('linkedin', 'positions') }}
