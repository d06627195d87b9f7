-- one row per message (drafts, spam and system messages kept and flagged; nothing dropped)
with messages as (
    select * from {{ source('linkedin', 'messages') }}
),

typed as (
    select
        user_id,
        export_id,
        source_file,
        source_line,
        md5(concat_ws('|', user_id, export_id, source_file, source_line::varchar)) as message_id,
        nullif(trim(conversation_id), '') as conversation_id,
        nullif(trim(conversation_title), '') as conversation_title,
        nullif(trim(from_name), '') as from_name,
        sender_profile_url as sender_profile_url_raw,
        {{ normalize_profile_url('sender_profile_url') }} as sender_profile_url,
        to_names,
        recipient_profile_urls as recipient_profile_urls_raw,
        -- RECIPIENT PROFILE URLS is comma-joined (some tools use ';'); TO names are never split
        list_distinct(list_filter(
            list_transform(
                string_split(replace(coalesce(recipient_profile_urls, ''), ';', ','), ','),
                u -> {{ normalize_profile_url('u') }}),
            u -> u is not null)) as recipient_profile_urls,
        sent_at_raw,
        sent_at,
        sent_at::date as sent_on,
        nullif(trim(subject), '') as subject,
        nullif(upper(trim(folder)), '') as folder,
        nullif(upper(trim(direction)), '') as direction_2018,
        nullif(trim(attachments), '') as attachments,
        coalesce(is_message_draft, false) as is_message_draft,
        coalesce(is_conversation_draft, false) as is_conversation_draft,
        coalesce(content_length, 0) as content_length,
        coalesce(content_word_count, 0) as content_word_count,
        content_hash
    from messages
)

select
    *,
    len(recipient_profile_urls) as recipient_count,
    (is_message_draft or is_conversation_draft) as is_draft,
    coalesce(folder = 'SPAM', false) as is_spam,
    -- deleted or hidden account: shown as "LinkedIn Member" with no profile URL
    (lower(coalesce(from_name, '')) = 'linkedin member' and sender_profile_url is null) as is_hidden_member,
    -- LinkedIn itself, sponsored and system senders ("… from LinkedIn", "… från LinkedIn",
    -- "LinkedIn Premium", "LinkedIn Sales Solutions") and hidden members
    (
        (lower(coalesce(from_name, '')) = 'linkedin member' and sender_profile_url is null)
        or regexp_matches(lower(coalesce(from_name, '')), '(^|\s)linkedin(\s|$)')
    ) as is_system_sender,
    -- InMail / sponsored: only InMail carries a SUBJECT (the HTML body itself is not stored)
    subject is not null as is_inmail,
    attachments is not null as has_attachments
from typed
