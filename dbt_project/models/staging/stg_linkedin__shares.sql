-- the owner's posts
select
    user_id,
    export_id,
    source_file,
    source_line,
    shared_at_raw,
    shared_at,
    nullif(trim(share_link), '') as share_link,
    coalesce(commentary_length, 0) as commentary_length,
    nullif(trim(shared_url), '') as shared_url,
    nullif(trim(media_url), '') as media_url,
    upper(nullif(trim(visibility), '')) as visibility
from {{ source('linkedin', 'shares') }}
