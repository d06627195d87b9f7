"""Which export files feed which raw table, and how their columns map across eras (format doc §2).

Files are recognised by base name, compared case- and punctuation-insensitively (`Rich Media` ==
`Rich_Media`), with `_N` split parts merged. Columns are mapped by name, never by position; each raw
column lists every header spelling seen from 2018 to 2026."""

from __future__ import annotations

import hashlib
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from . import dates
from .records import normalize_header, unwrap_share_commentary

Row = dict[str, str]   # normalised canonical name -> raw string value

# Format lists of files that also carry another file's shape (built once, not per row).
_CONNECTED_ON_FORMATS = dates.CONNECTED_ON + dates.US_SHORT
_MESSAGES_FORMATS = dates.MESSAGES + dates.US_SHORT
_SHARES_FORMATS = dates.ACTIVITY + dates.ENDORSEMENT


def _text(value: str | None) -> str | None:
    """Empty cells become NULL; surrounding whitespace is kept out of keys but names keep inner spaces."""
    if value is None:
        return None
    value = value.strip()
    return value or None


def _text_stats(value: str | None) -> tuple[int, int, str | None]:
    value = value or ""
    digest = hashlib.sha256(value.encode("utf-8")).hexdigest()[:16] if value else None
    return len(value), len(value.split()), digest


def _yes(value: str | None) -> bool | None:
    value = _text(value)
    return None if value is None else value.lower() in {"yes", "true", "1"}


@dataclass(frozen=True)
class FileKind:
    table: str
    names: tuple[str, ...]                    # normalised base names (without .csv and _N)
    columns: dict[str, tuple[str, ...]]       # canonical -> accepted normalised headers
    required: tuple[str, ...]
    build: Callable[[Row], dict[str, Any]]    # canonical row -> raw table values (minus lineage)
    date_columns: tuple[str, ...] = ()        # raw-table columns whose parse failures become warnings
    header_prefix: str | None = None          # header search (preamble) when set
    reader: str = "table"                     # "table" or "comments"
    excluded_names: tuple[str, ...] = field(default=())


def _cols(**aliases: tuple[str, ...] | str) -> dict[str, tuple[str, ...]]:
    out = {}
    for canonical, names in aliases.items():
        names = (names,) if isinstance(names, str) else names
        out[canonical] = tuple(normalize_header(n) for n in names)
    return out


def _connections(r: Row) -> dict[str, Any]:
    return {
        "first_name": _text(r.get("first_name")), "last_name": _text(r.get("last_name")),
        "profile_url": _text(r.get("url")), "email_address": _text(r.get("email")),
        "company": _text(r.get("company")), "position": _text(r.get("position")),
        "connected_on_raw": _text(r.get("connected_on")),
        "connected_on": dates.parse_date(r.get("connected_on"), _CONNECTED_ON_FORMATS),
    }


def _messages(r: Row) -> dict[str, Any]:
    length, words, digest = _text_stats(r.get("content"))
    conversation_id = _text(r.get("conversation_id"))
    draft = _yes(r.get("is_message_draft"))
    if draft is None and "conversation_id" in r and conversation_id is None:
        draft = True  # drafts have no conversation id (format doc §2.2)
    folder = _text(r.get("folder"))
    return {
        "conversation_id": conversation_id, "conversation_title": _text(r.get("conversation_title")),
        "from_name": _text(r.get("from")), "sender_profile_url": _text(r.get("sender_profile_url")),
        "to_names": _text(r.get("to")), "recipient_profile_urls": _text(r.get("recipient_profile_urls")),
        "sent_at_raw": _text(r.get("date")),
        "sent_at": dates.parse_timestamp(r.get("date"), _MESSAGES_FORMATS),
        "subject": _text(r.get("subject")), "folder": folder.upper() if folder else None,
        "direction": (_text(r.get("direction")) or "").upper() or None,
        "attachments": _text(r.get("attachments")),
        "is_message_draft": bool(draft), "is_conversation_draft": bool(_yes(r.get("is_conversation_draft"))),
        "content_length": length, "content_word_count": words, "content_hash": digest,
    }


def _invitations(r: Row) -> dict[str, Any]:
    return {
        "from_name": _text(r.get("from")), "to_name": _text(r.get("to")),
        "sent_at_raw": _text(r.get("sent_at")),
        "sent_at": dates.parse_timestamp(r.get("sent_at"), dates.US_SHORT),
        "direction": (_text(r.get("direction")) or "").upper() or None,
        "inviter_profile_url": _text(r.get("inviter")), "invitee_profile_url": _text(r.get("invitee")),
        "message_length": len(r.get("message") or ""),
    }


def _endorsements(r: Row) -> dict[str, Any]:
    return {
        "endorsed_at_raw": _text(r.get("date")),
        "endorsed_at": dates.parse_timestamp(r.get("date"), dates.ENDORSEMENT),
        "skill_name": _text(r.get("skill")), "first_name": _text(r.get("first_name")),
        "last_name": _text(r.get("last_name")), "profile_url": _text(r.get("url")),
        "status": (_text(r.get("status")) or "").upper() or None,
    }


def _recommendations(r: Row) -> dict[str, Any]:
    return {
        "first_name": _text(r.get("first_name")), "last_name": _text(r.get("last_name")),
        "company": _text(r.get("company")), "job_title": _text(r.get("job_title")),
        "text_length": len(r.get("text") or ""),
        "created_at_raw": _text(r.get("created")),
        "created_at": dates.parse_timestamp(r.get("created"), dates.US_SHORT),
        "status": (_text(r.get("status")) or "").upper() or None,
    }


def _reactions(r: Row) -> dict[str, Any]:
    return {
        "reacted_at_raw": _text(r.get("date")),
        "reacted_at": dates.parse_timestamp(r.get("date"), dates.ACTIVITY),
        "reaction_type": (_text(r.get("type")) or "").upper() or None, "link": _text(r.get("link")),
    }


def _comments(r: Row) -> dict[str, Any]:
    length, words, _ = _text_stats(r.get("message"))
    return {
        "commented_at_raw": _text(r.get("date")),
        "commented_at": dates.parse_timestamp(r.get("date"), dates.ACTIVITY),
        "link": _text(r.get("link")), "message_length": length, "message_word_count": words,
        "physical_lines": int(r.get("physical_lines") or 1),
    }


def _shares(r: Row) -> dict[str, Any]:
    return {
        "shared_at_raw": _text(r.get("date")),
        "shared_at": dates.parse_timestamp(r.get("date"), _SHARES_FORMATS),
        "share_link": _text(r.get("share_link")),
        "commentary_length": len(unwrap_share_commentary(r.get("commentary") or "")),
        "shared_url": _text(r.get("shared_url")), "media_url": _text(r.get("media_url")),
        "visibility": _text(r.get("visibility")),
    }


def _profile(r: Row) -> dict[str, Any]:
    return {k: _text(r.get(k)) for k in ("first_name", "last_name", "headline", "industry", "geo_location")}


def _positions(r: Row) -> dict[str, Any]:
    return {
        "company_name": _text(r.get("company_name")), "title": _text(r.get("title")),
        "location": _text(r.get("location")),
        "started_on_raw": _text(r.get("started_on")),
        "started_on": dates.parse_date(r.get("started_on"), dates.MONTH_YEAR),
        "finished_on_raw": _text(r.get("finished_on")),
        "finished_on": dates.parse_date(r.get("finished_on"), dates.MONTH_YEAR),
    }


def _skills(r: Row) -> dict[str, Any]:
    return {"skill_name": _text(r.get("name"))}


def _education(r: Row) -> dict[str, Any]:
    return {
        "school_name": _text(r.get("school_name")), "degree_name": _text(r.get("degree_name")),
        "start_date_raw": _text(r.get("start_date")),
        "start_date": dates.parse_date(r.get("start_date"), dates.MONTH_YEAR),
        "end_date_raw": _text(r.get("end_date")),
        "end_date": dates.parse_date(r.get("end_date"), dates.MONTH_YEAR),
    }


def _company_follows(r: Row) -> dict[str, Any]:
    return {
        "organization": _text(r.get("organization")),
        "followed_at_raw": _text(r.get("followed_on")),
        "followed_at": dates.parse_timestamp(r.get("followed_on"), dates.COMPANY_FOLLOW),
    }


_ENDORSEMENT_COLUMNS = dict(
    date="Endorsement Date", skill="Skill Name", status="Endorsement Status",
)

FILE_KINDS: tuple[FileKind, ...] = (
    FileKind(
        "connections", ("connections",),
        _cols(first_name="First Name", last_name="Last Name", url=("URL", "Profile URL"),
              email="Email Address", company="Company", position="Position", connected_on="Connected On"),
        required=("first_name", "last_name", "company", "position", "connected_on"),
        build=_connections, date_columns=("connected_on",), header_prefix="First Name",
    ),
    FileKind(
        "messages", ("messages",),
        _cols(conversation_id="CONVERSATION ID", conversation_title="CONVERSATION TITLE", **{"from": "FROM"},
              sender_profile_url="SENDER PROFILE URL", to="TO", recipient_profile_urls="RECIPIENT PROFILE URLS",
              date="DATE", subject="SUBJECT", content="CONTENT", folder="FOLDER", direction="DIRECTION",
              attachments="ATTACHMENTS", is_message_draft="IS MESSAGE DRAFT",
              is_conversation_draft="IS CONVERSATION DRAFT"),
        required=("from", "date", "content"),
        build=_messages, date_columns=("sent_at",),
        # Same header, but LinkedIn Learning coach / role-play chats, not person-to-person mail.
        excluded_names=("guidemessages", "coachmessages", "learningcoachmessages", "learningroleplaymessages"),
    ),
    FileKind(
        "invitations", ("invitations",),
        _cols(**{"from": "From"}, to="To", sent_at="Sent At", message="Message", direction="Direction",
              inviter=("inviterProfileUrl", "inviterProfileUrn"), invitee=("inviteeProfileUrl", "inviteeProfileUrn")),
        required=("from", "to", "sent_at", "direction"),
        build=_invitations, date_columns=("sent_at",),
    ),
    FileKind(
        "endorsements_received", ("endorsementreceivedinfo",),
        _cols(**_ENDORSEMENT_COLUMNS, first_name="Endorser First Name", last_name="Endorser Last Name",
              url="Endorser Public Url"),
        required=("date", "skill", "first_name", "last_name"),
        build=_endorsements, date_columns=("endorsed_at",),
    ),
    FileKind(
        "endorsements_given", ("endorsementgiveninfo",),
        _cols(**_ENDORSEMENT_COLUMNS, first_name="Endorsee First Name", last_name="Endorsee Last Name",
              url="Endorsee Public Url"),
        required=("date", "skill", "first_name", "last_name"),
        build=_endorsements, date_columns=("endorsed_at",),
    ),
    FileKind(
        "recommendations_received", ("recommendationsreceived",),
        _cols(first_name="First Name", last_name="Last Name", company="Company", job_title="Job Title",
              text="Text", created="Creation Date", status="Status"),
        required=("first_name", "last_name", "created"),
        build=_recommendations, date_columns=("created_at",),
    ),
    FileKind(
        "recommendations_given", ("recommendationsgiven",),
        _cols(first_name="First Name", last_name="Last Name", company="Company", job_title="Job Title",
              text="Text", created="Creation Date", status="Status"),
        required=("first_name", "last_name", "created"),
        build=_recommendations, date_columns=("created_at",),
    ),
    FileKind(
        "reactions", ("reactions",), _cols(date="Date", type="Type", link="Link"),
        required=("date", "type", "link"), build=_reactions, date_columns=("reacted_at",),
    ),
    FileKind(
        "comments", ("comments",),
        _cols(date="Date", link="Link", message="Message", physical_lines="__physical_lines"),
        required=("date", "link", "message"), build=_comments, date_columns=("commented_at",),
        reader="comments",
    ),
    FileKind(
        "shares", ("shares",),
        _cols(date="Date", share_link=("ShareLink", "Share Link"), commentary=("ShareCommentary", "Share Commentary"),
              shared_url=("SharedUrl", "Shared URL"), media_url=("MediaUrl", "Media URL"), visibility="Visibility"),
        required=("date", "share_link"), build=_shares, date_columns=("shared_at",),
    ),
    FileKind(
        "profile", ("profile",),
        _cols(first_name="First Name", last_name="Last Name", headline="Headline", industry="Industry",
              geo_location="Geo Location"),
        required=("first_name", "last_name"), build=_profile,
    ),
    FileKind(
        "positions", ("positions",),
        _cols(company_name="Company Name", title="Title", location="Location", started_on="Started On",
              finished_on="Finished On"),
        required=("company_name", "title", "started_on"), build=_positions, date_columns=("started_on",),
    ),
    FileKind("skills", ("skills",), _cols(name="Name"), required=("name",), build=_skills),
    FileKind(
        "education", ("education",),
        _cols(school_name="School Name", degree_name="Degree Name", start_date="Start Date", end_date="End Date"),
        required=("school_name",), build=_education,
    ),
    FileKind(
        "company_follows", ("companyfollows",), _cols(organization="Organization", followed_on="Followed On"),
        required=("organization", "followed_on"), build=_company_follows, date_columns=("followed_at",),
    ),
)

_SPLIT = re.compile(r"^(?P<base>.+?)(?:_(?P<part>\d{1,3}))?\.csv$", re.IGNORECASE)


def split_name(file_name: str) -> tuple[str, int] | None:
    """'messages_2.csv' -> ('messages', 2); 'Connections.csv' -> ('connections', 0); non-CSV -> None."""
    m = _SPLIT.match(file_name)
    if not m:
        return None
    return normalize_header(m.group("base")), int(m.group("part") or 0)


def kind_for(file_name: str) -> tuple[FileKind | None, bool, int]:
    """(kind, excluded, part) for a root-level file name."""
    split = split_name(file_name)
    if split is None:
        return None, False, 0
    base, part = split
    for kind in FILE_KINDS:
        if base in kind.names:
            return kind, False, part
        if base in kind.excluded_names:
            return kind, True, part
    return None, False, part
