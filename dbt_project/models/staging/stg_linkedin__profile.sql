-- the owner's profile (one row per user; no URL exists in Profile.csv)
select
    user_id,
    export_id,
    source_file,
    source_line,
    nullif(trim(first_name), '') as first_name,
    nullif(trim(last_name), '') as last_name,
    nullif(concat_ws(' ', nullif(trim(first_name), ''), nullif(trim(last_name), '')), '') as full_name,
    {{ name_key('first_name', 'last_name') }} as name_key,
    nullif(trim(headline), '') as headline,
    nullif(trim(industry), '') as industry,
    nullif(trim(geo_location), '') as geo_location
from {{ source('linkedin', 'profile') }}
