-- the owner's reactions to posts (no author: owner activity only)
select
    user_id,
    export_id,
    source_file,
    source_line,
    reacted_at_raw,
    reacted_at,
    upper(nullif(trim(reaction_type), '')) as reaction_type,
    nullif(trim(link), '') as link
from {{ source('linkedin', 'reactions') }}
