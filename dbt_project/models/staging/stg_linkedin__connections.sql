with connections as (
    select * from {{ source('linkedin', 'connections') }}
),

normalised as (
    select
        user_id,
        export_id,
        source_file,
        source_line,
        nullif(trim(first_name), '') as first_name,
        nullif(trim(last_name), '') as last_name,
        profile_url as profile_url_raw,
        {{ normalize_profile_url('profile_url') }} as profile_url,
        nullif(trim(email_address), '') as email_address,
        nullif(trim(company), '') as company,
        nullif(trim(position), '') as position,
        connected_on_raw,
        connected_on,
        {{ name_key('first_name', 'last_name') }} as name_key,
        {{ company_key('company') }} as company_key,
        -- identity-free content of the row, for blank (deactivated / hidden) members
        md5(concat_ws('|', coalesce(first_name, ''), coalesce(last_name, ''), coalesce(profile_url, ''),
            coalesce(email_address, ''), coalesce(company, ''), coalesce(position, ''),
            coalesce(connected_on_raw, ''))) as row_content_hash
    from connections
)

select
    *,
    nullif(concat_ws(' ', first_name, last_name), '') as full_name,
    {{ is_profile_url('profile_url') }} as has_profile_url,
    (first_name is null and last_name is null and profile_url is null) as is_anonymous
from normalised
