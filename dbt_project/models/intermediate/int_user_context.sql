-- one row per refreshed user: the loaded export, its as_of date and which files it contained
with exports as (
    select *
    from {{ ref('stg_linkedin__exports') }}
    where {{ users_filter() }}
),

files as (
    select
        user_id,
        list(distinct file_kind order by file_kind) filter (where is_parsed and file_kind is not null) as kinds
    from {{ ref('stg_linkedin__export_files') }}
    where {{ users_filter() }}
    group by user_id
),

users as (
    select
        exports.user_id,
        exports.export_id,
        exports.archive_kind,
        coalesce(exports.export_date, exports.loaded_at::date) as as_of,
        coalesce(files.kinds, []::varchar[]) as kinds
    from exports
    left join files using (user_id)
)

select
    user_id,
    export_id,
    archive_kind,
    as_of,
    array_to_string(kinds, ',') as files_present,
    list_contains(kinds, 'connections') as has_connections_file,
    list_contains(kinds, 'messages') as has_messages_file,
    list_contains(kinds, 'invitations') as has_invitations_file,
    list_contains(kinds, 'endorsements_received') as has_endorsements_received_file,
    list_contains(kinds, 'endorsements_given') as has_endorsements_given_file,
    list_contains(kinds, 'recommendations_received') as has_recommendations_received_file,
    list_contains(kinds, 'recommendations_given') as has_recommendations_given_file,
    list_contains(kinds, 'profile') as has_profile_file,
    list_contains(kinds, 'positions') as has_positions_file,
    (list_contains(kinds, 'reactions') or list_contains(kinds, 'comments') or list_contains(kinds, 'shares'))
        as has_activity_files
from users
