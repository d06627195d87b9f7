select
    user_id,
    export_id,
    source_file,
    source_line,
    nullif(trim(skill_name), '') as skill_name
from {{ source('linkedin', 'skills') }}
