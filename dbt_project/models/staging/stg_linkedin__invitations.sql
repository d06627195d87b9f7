with invitations as (
    select * from {{ source('linkedin', 'invitations') }}
),

typed as (
    select
        user_id,
        export_id,
        source_file,
        source_line,
        md5(concat_ws('|', user_id, export_id, source_file, source_line::varchar)) as invitation_id,
        nullif(trim(from_name), '') as from_name,
        nullif(trim(to_name), '') as to_name,
        sent_at_raw,
        sent_at,
        upper(trim(direction)) as direction,
        inviter_profile_url as inviter_profile_url_raw,
        invitee_profile_url as invitee_profile_url_raw,
        {{ normalize_profile_url('inviter_profile_url') }} as inviter_profile_url,
        {{ normalize_profile_url('invitee_profile_url') }} as invitee_profile_url,
        coalesce(message_length, 0) as message_length
    from invitations
)

select
    *,
    message_length > 0 as has_note,
    {{ is_profile_url('inviter_profile_url') }} as inviter_is_profile_url,
    {{ is_profile_url('invitee_profile_url') }} as invitee_is_profile_url
from typed
