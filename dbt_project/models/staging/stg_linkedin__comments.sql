-- the owner's comments on posts (no author: owner activity only)
select
    user_id,
    export_id,
    source_file,
    source_line,
    commented_at_raw,
    commented_at,
    nullif(trim(link), '') as link,
    coalesce(message_length, 0) as message_length,
    coalesce(message_word_count, 0) as message_word_count,
    coalesce(physical_lines, 1) as physical_lines
from {{ source('linkedin', 'comments') }}
