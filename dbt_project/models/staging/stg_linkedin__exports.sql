-- one row per user: the export currently loaded; export_date is the user's as_of date
select
    user_id,
    export_id,
    archive_names,
    archive_kind,
    export_date,
    export_date_source,
    files_found,
    files_parsed,
    rows_total,
    warnings,
    parser_version,
    loaded_at
from {{ source('linkedin', 'exports') }}
