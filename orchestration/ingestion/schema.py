"""The `raw` schema: one table per LinkedIn export file kind, plus the export inventory.

This module is the contract between ingestion (which writes these tables) and dbt (whose sources read
them). Every data table carries the same lineage columns (`LINEAGE_COLUMNS`). Timestamps are naive
`TIMESTAMP` values in UTC; every parsed date sits next to the raw string it came from (`*_raw`).
Message bodies are never stored: only their length, word count and a content hash.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Column:
    name: str
    type: str
    description: str


@dataclass(frozen=True)
class RawTable:
    name: str
    description: str
    columns: tuple[Column, ...]

    @property
    def column_names(self) -> list[str]:
        return [c.name for c in LINEAGE_COLUMNS + self.columns]

    def ddl(self, schema: str = "raw") -> str:
        cols = ",\n  ".join(f"{c.name} {c.type}" for c in LINEAGE_COLUMNS + self.columns)
        return f"create table if not exists {schema}.{self.name} (\n  {cols}\n)"


LINEAGE_COLUMNS: tuple[Column, ...] = (
    Column("user_id", "varchar not null", "Tenant: the folder name under data/raw/."),
    Column("export_id", "varchar not null", "Content hash of the export the row came from (16 hex chars)."),
    Column("source_file", "varchar not null", "Path of the CSV inside the export (split parts named individually)."),
    Column("source_line", "integer not null", "1-based physical line in source_file where the record starts."),
    Column("loaded_at", "timestamp not null", "UTC time this export was first loaded (stable on re-ingestion)."),
)


def _c(name: str, type_: str, description: str) -> Column:
    return Column(name, type_, description)


TEXT_STATS = "length in characters, word count and sha256 (first 16 hex) of the text; the text itself is not kept"

RAW_TABLES: tuple[RawTable, ...] = (
    RawTable(
        "connections",
        "Connections.csv: one row per first-degree connection.",
        (
            _c("first_name", "varchar", "First Name (trimmed; empty string becomes null)."),
            _c("last_name", "varchar", "Last Name."),
            _c("profile_url", "varchar", "URL as exported (percent-encoded slug); null before mid-2023."),
            _c("email_address", "varchar", "Email Address (mostly null)."),
            _c("company", "varchar", "Company (current headline job)."),
            _c("position", "varchar", "Position (current headline title)."),
            _c("connected_on_raw", "varchar", "Connected On, as in the file."),
            _c("connected_on", "date", "Connected On parsed (dd Mon yyyy; 2018 M/D/YY, h:mm AM; Excel d-Mon-yy)."),
        ),
    ),
    RawTable(
        "messages",
        "messages.csv (and split parts): one row per message; drafts kept and flagged; coach/guide files excluded.",
        (
            _c("conversation_id", "varchar", "CONVERSATION ID (null for drafts and 2018 files)."),
            _c("conversation_title", "varchar", "CONVERSATION TITLE (group chats, InMail)."),
            _c("from_name", "varchar", "FROM display name."),
            _c("sender_profile_url", "varchar", "SENDER PROFILE URL as exported."),
            _c("to_names", "varchar", "TO display names, unsplit (names may contain commas)."),
            _c("recipient_profile_urls", "varchar", "RECIPIENT PROFILE URLS, comma-joined as exported."),
            _c("sent_at_raw", "varchar", "DATE as in the file."),
            _c("sent_at", "timestamp", "DATE parsed to UTC."),
            _c("subject", "varchar", "SUBJECT (InMail only)."),
            _c("folder", "varchar", "FOLDER: INBOX, ARCHIVE, SPAM, SENT (2018) or null for drafts."),
            _c("direction", "varchar", "Direction column of 2018 files (INCOMING/OUTGOING); null afterwards."),
            _c("attachments", "varchar", "ATTACHMENTS column (2024-10+), as exported."),
            _c("is_message_draft", "boolean", "IS MESSAGE DRAFT = Yes, or an empty conversation id in the draft era."),
            _c("is_conversation_draft", "boolean", "IS CONVERSATION DRAFT = Yes."),
            _c("content_length", "integer", "CONTENT " + TEXT_STATS + "."),
            _c("content_word_count", "integer", "Words in CONTENT."),
            _c("content_hash", "varchar", "sha256 of CONTENT (16 hex), for broadcast detection; null when empty."),
        ),
    ),
    RawTable(
        "invitations",
        "Invitations.csv: recent invitations (partial window).",
        (
            _c("from_name", "varchar", "From display name."),
            _c("to_name", "varchar", "To display name."),
            _c("sent_at_raw", "varchar", "Sent At as in the file."),
            _c("sent_at", "timestamp", "Sent At parsed (no zone in file; taken as UTC)."),
            _c("direction", "varchar", "INCOMING or OUTGOING."),
            _c("inviter_profile_url", "varchar", "inviterProfileUrl (2024+) or inviterProfileUrn (2023)."),
            _c("invitee_profile_url", "varchar", "inviteeProfileUrl (2024+) or inviteeProfileUrn (2023)."),
            _c("message_length", "integer", "Invitation note length (0 when none); text not kept."),
        ),
    ),
    RawTable(
        "endorsements_received",
        "Endorsement_Received_Info.csv (or legacy UTF-16 'Endorsement Received Info.csv'): one row per skill.",
        (
            _c("endorsed_at_raw", "varchar", "Endorsement Date as in the file."),
            _c("endorsed_at", "timestamp", "Endorsement Date parsed (YYYY/MM/DD HH:MM:SS UTC)."),
            _c("skill_name", "varchar", "Skill Name."),
            _c("first_name", "varchar", "Endorser First Name."),
            _c("last_name", "varchar", "Endorser Last Name."),
            _c("profile_url", "varchar", "Endorser Public Url as exported (no scheme); null before 2024."),
            _c("status", "varchar", "Endorsement Status (ACCEPTED...)."),
        ),
    ),
    RawTable(
        "endorsements_given",
        "Endorsement_Given_Info.csv: one row per skill endorsed.",
        (
            _c("endorsed_at_raw", "varchar", "Endorsement Date as in the file."),
            _c("endorsed_at", "timestamp", "Endorsement Date parsed."),
            _c("skill_name", "varchar", "Skill Name."),
            _c("first_name", "varchar", "Endorsee First Name."),
            _c("last_name", "varchar", "Endorsee Last Name."),
            _c("profile_url", "varchar", "Endorsee Public Url as exported (no scheme)."),
            _c("status", "varchar", "Endorsement Status."),
        ),
    ),
    RawTable(
        "recommendations_received",
        "Recommendations_Received.csv: no URL, join by name.",
        (
            _c("first_name", "varchar", "First Name of the recommender."),
            _c("last_name", "varchar", "Last Name."),
            _c("company", "varchar", "Company."),
            _c("job_title", "varchar", "Job Title."),
            _c("text_length", "integer", "Text length in characters (text not kept)."),
            _c("created_at_raw", "varchar", "Creation Date as in the file."),
            _c("created_at", "timestamp", "Creation Date parsed (MM/DD/YY, hh:mm AM)."),
            _c("status", "varchar", "Status (VISIBLE, or null)."),
        ),
    ),
    RawTable(
        "recommendations_given",
        "Recommendations_Given.csv: no URL, join by name.",
        (
            _c("first_name", "varchar", "First Name of the person recommended."),
            _c("last_name", "varchar", "Last Name."),
            _c("company", "varchar", "Company."),
            _c("job_title", "varchar", "Job Title."),
            _c("text_length", "integer", "Text length in characters (text not kept)."),
            _c("created_at_raw", "varchar", "Creation Date as in the file."),
            _c("created_at", "timestamp", "Creation Date parsed."),
            _c("status", "varchar", "Status (often null)."),
        ),
    ),
    RawTable(
        "reactions",
        "Reactions.csv: the owner's reactions to posts (no author).",
        (
            _c("reacted_at_raw", "varchar", "Date as in the file."),
            _c("reacted_at", "timestamp", "Date parsed (no zone; taken as UTC)."),
            _c("reaction_type", "varchar", "Type: LIKE, PRAISE, EMPATHY, APPRECIATION, INTEREST, ENTERTAINMENT, MAYBE."),
            _c("link", "varchar", "Link to the post or comment."),
        ),
    ),
    RawTable(
        "comments",
        "Comments.csv, repaired (unquoted multi-line bodies re-joined).",
        (
            _c("commented_at_raw", "varchar", "Date as in the file."),
            _c("commented_at", "timestamp", "Date parsed (taken as UTC)."),
            _c("link", "varchar", "Link to the post."),
            _c("message_length", "integer", "Comment length in characters (text not kept)."),
            _c("message_word_count", "integer", "Words in the comment."),
            _c("physical_lines", "integer", "Physical lines the record spanned (>1 means it was repaired)."),
        ),
    ),
    RawTable(
        "shares",
        "Shares.csv: the owner's posts.",
        (
            _c("shared_at_raw", "varchar", "Date as in the file."),
            _c("shared_at", "timestamp", "Date parsed (taken as UTC)."),
            _c("share_link", "varchar", "ShareLink."),
            _c("commentary_length", "integer", "Unwrapped ShareCommentary length in characters (text not kept)."),
            _c("shared_url", "varchar", "SharedUrl / SharedURL / Shared URL."),
            _c("media_url", "varchar", "MediaUrl."),
            _c("visibility", "varchar", "Visibility (MEMBER_NETWORK, PUBLIC...)."),
        ),
    ),
    RawTable(
        "profile",
        "Profile.csv: the owner (one row). No URL exists in this file.",
        (
            _c("first_name", "varchar", "First Name."),
            _c("last_name", "varchar", "Last Name."),
            _c("headline", "varchar", "Headline."),
            _c("industry", "varchar", "Industry (a V1 or V2 label)."),
            _c("geo_location", "varchar", "Geo Location."),
        ),
    ),
    RawTable(
        "positions",
        "Positions.csv: the owner's job history.",
        (
            _c("company_name", "varchar", "Company Name."),
            _c("title", "varchar", "Title."),
            _c("location", "varchar", "Location."),
            _c("started_on_raw", "varchar", "Started On as in the file."),
            _c("started_on", "date", "Started On parsed (first day of month/year)."),
            _c("finished_on_raw", "varchar", "Finished On as in the file (empty = current job)."),
            _c("finished_on", "date", "Finished On parsed."),
        ),
    ),
    RawTable(
        "skills",
        "Skills.csv: the owner's skills.",
        (_c("skill_name", "varchar", "Name."),),
    ),
    RawTable(
        "education",
        "Education.csv: the owner's schools.",
        (
            _c("school_name", "varchar", "School Name."),
            _c("degree_name", "varchar", "Degree Name."),
            _c("start_date_raw", "varchar", "Start Date as in the file."),
            _c("start_date", "date", "Start Date parsed."),
            _c("end_date_raw", "varchar", "End Date as in the file."),
            _c("end_date", "date", "End Date parsed."),
        ),
    ),
    RawTable(
        "company_follows",
        "Company Follows.csv: companies the owner follows.",
        (
            _c("organization", "varchar", "Organization."),
            _c("followed_at_raw", "varchar", "Followed On as in the file."),
            _c("followed_at", "timestamp", "Followed On parsed (Java Date.toString form)."),
        ),
    ),
)

# Inventory tables: written for every ingested export, whatever it contains.
EXPORT_FILES = RawTable(
    "export_files",
    "Every file found in the chosen export(s), parsed or not.",
    (
        _c("path", "varchar", "Path inside the export (wrapper folder removed)."),
        _c("file_kind", "varchar", "Recognised kind (a raw table name), or null when not used."),
        _c("status", "varchar", "parsed, excluded (e.g. coach messages), superseded (Basic copy) or ignored."),
        _c("size_bytes", "bigint", "Uncompressed size."),
        _c("encoding", "varchar", "utf-8, utf-8-sig or utf-16-le (csv files only)."),
        _c("delimiter", "varchar", "',' or tab (csv files only)."),
        _c("line_ending", "varchar", "LF, CRLF or mixed (csv files only)."),
        _c("data_rows", "integer", "Records parsed (parsed files only)."),
    ),
)

EXPORTS = RawTable(
    "exports",
    "One row per user: the export currently loaded, with what was found and what went wrong.",
    (
        _c("archive_names", "varchar", "Zip or folder name(s) under data/raw/<user_id>/ that were read."),
        _c("archive_kind", "varchar", "Complete, Basic, Complete+Basic or unknown."),
        _c("export_date", "date", "Date in the archive name, else the newest file timestamp inside."),
        _c("export_date_source", "varchar", "name or content."),
        _c("files_found", "integer", "Files in the export."),
        _c("files_parsed", "integer", "Files loaded into raw tables."),
        _c("rows_total", "bigint", "Rows loaded across raw tables."),
        _c("warnings", "varchar[]", "Non-fatal problems (unparsed dates, unknown columns, skipped rows)."),
        _c("parser_version", "varchar", "Ingestion code version; a change forces re-ingestion."),
    ),
)

ALL_TABLES: tuple[RawTable, ...] = RAW_TABLES + (EXPORT_FILES, EXPORTS)
TABLES_BY_NAME: dict[str, RawTable] = {t.name: t for t in ALL_TABLES}
