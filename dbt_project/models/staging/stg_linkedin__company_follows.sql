select
    user_id,
    export_id,
    source_file,
    source_line,
    nullif(trim(organization), '') as organization,
    {{ company_key('organization') }} as company_key,
    followed_at_raw,
    followed_at
from {{ source('linkedin', 'company_follows') }}
