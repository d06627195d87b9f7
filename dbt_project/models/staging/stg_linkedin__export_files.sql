-- every file found in the loaded export, with the raw table it fed (file_kind) and its status
select
    user_id,
    export_id,
    path,
    nullif(lower(trim(file_kind)), '') as file_kind,
    lower(trim(status)) as status,
    lower(trim(status)) = 'parsed' as is_parsed,
    size_bytes,
    encoding,
    delimiter,
    upper(line_ending) as line_ending,
    coalesce(data_rows, 0) as data_rows,
    loaded_at
from {{ source('linkedin', 'export_files') }}
