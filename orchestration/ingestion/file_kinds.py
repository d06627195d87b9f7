"""Which export files feed which raw table, and how their columns map across eras (format doc §2).

Files are recognised by base name, compared case- and punctuation-insensitively (`Rich Media` ==
`Rich_Media`), with `_N` split parts merged. Columns are mapped by name, never by position; each raw
column lists every header spelling seen from 2018 to 2026."""

from __future__ import annotations

import hashlib
import re
from collections.abc import Callable
from dataclasses import dataclass, field

from . import dates
from .records import normalize_header, unwrap_share_commentary

Column = list  # one value per record of the file

# Format lists of files that also carry another file's shape (built once, not per row).
_CONNECTED_ON_FORMATS = dates.CONNECTED_ON + dates.US_SHORT
_MESSAGES_FORMATS = dates.MESSAGES + dates.US_SHORT
_SHARES_FORMATS = dates.ACTIVITY + dates.ENDORSEMENT


class Columns:
    """A file's values column by column (canonical name -> raw strings, one per record), and the
    conversions the raw tables need, applied to a whole column at a time: per-value function calls and
    per-row dicts cost about half of the parsing time when done row by row. A canonical column the file
    does not have reads as all NULL."""

    def __init__(self, values: dict[str, list[str]], n: int):
        self.values = values
        self.n = n

    def has(self, name: str) -> bool:
        return name in self.values

    def raw(self, name: str) -> list[str | None]:
        return self.values[name] if name in self.values else [None] * self.n

    def text(self, name: str) -> Column:
        """Empty cells become NULL; surrounding whitespace is kept out of keys but names keep inner spaces."""
        if name not in self.values:
            return [None] * self.n
        return [v.strip() or None for v in self.values[name]]

    def upper(self, name: str) -> Column:
        return [v.upper() if v else None for v in self.text(name)]

    def yes(self, name: str) -> Column:
        return [None if v is None else v.lower() in {"yes", "true", "1"} for v in self.text(name)]

    def length(self, name: str) -> Column:
        return [len(v or "") for v in self.raw(name)]

    def timestamps(self, name: str, formats: tuple[str, ...]) -> Column:
        return dates.parse_timestamps(self.raw(name), formats)

    def calendar_dates(self, name: str, formats: tuple[str, ...]) -> Column:
        parse = dates.parse_date
        return [parse(v, formats) for v in self.raw(name)]

    def text_stats(self, name: str) -> tuple[Column, Column, Column]:
        """Length in characters, word count and sha256 (first 16 hex) of each text; the text is not kept."""
        lengths, words, digests = [], [], []
        for value in self.raw(name):
            value = value or ""
            lengths.append(len(value))
            words.append(len(value.split()))
            digests.append(hashlib.sha256(value.encode("utf-8")).hexdigest()[:16] if value else None)
        return lengths, words, digests


@dataclass(frozen=True)
class FileKind:
    table: str
    names: tuple[str, ...]                    # normalised base names (without .csv and _N)
    columns: dict[str, tuple[str, ...]]       # canonical -> accepted normalised headers
    required: tuple[str, ...]
    build: Callable[[Columns], dict[str, Column]]   # canonical columns -> raw table columns (minus lineage)
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


def _connections(c: Columns) -> dict[str, Column]:
    return {
        "first_name": c.text("first_name"), "last_name": c.text("last_name"),
        "profile_url": c.text("url"), "email_address": c.text("email"),
        "company": c.text("company"), "position": c.text("position"),
        "connected_on_raw": c.text("connected_on"),
        "connected_on": c.calendar_dates("connected_on", _CONNECTED_ON_FORMATS),
    }


def _messages(c: Columns) -> dict[str, Column]:
    lengths, words, digests = c.text_stats("content")
    conversation_ids = c.text("conversation_id")
    drafts = c.yes("is_message_draft")
    if c.has("conversation_id"):  # drafts have no conversation id (format doc §2.2)
        drafts = [True if d is None and cid is None else d for d, cid in zip(drafts, conversation_ids)]
    return {
        "conversation_id": conversation_ids, "conversation_title": c.text("conversation_title"),
        "from_name": c.text("from"), "sender_profile_url": c.text("sender_profile_url"),
        "to_names": c.text("to"), "recipient_profile_urls": c.text("recipient_profile_urls"),
        "sent_at_raw": c.text("date"),
        "sent_at": c.timestamps("date", _MESSAGES_FORMATS),
        "subject": c.text("subject"), "folder": c.upper("folder"), "direction": c.upper("direction"),
        "attachments": c.text("attachments"),
        "is_message_draft": [bool(d) for d in drafts],
        "is_conversation_draft": [bool(d) for d in c.yes("is_conversation_draft")],
        "content_length": lengths, "content_word_count": words, "content_hash": digests,
    }


def _invitations(c: Columns) -> dict[str, Column]:
    return {
        "from_name": c.text("from"), "to_name": c.text("to"),
        "sent_at_raw": c.text("sent_at"),
        "sent_at": c.timestamps("sent_at", dates.US_SHORT),
        "direction": c.upper("direction"),
        "inviter_profile_url": c.text("inviter"), "invitee_profile_url": c.text("invitee"),
        "message_length": c.length("message"),
    }


def _endorsements(c: Columns) -> dict[str, Column]:
    return {
        "endorsed_at_raw": c.text("date"),
        "endorsed_at": c.timestamps("date", dates.ENDORSEMENT),
        "skill_name": c.text("skill"), "first_name": c.text("first_name"),
        "last_name": c.text("last_name"), "profile_url": c.text("url"),
        "status": c.upper("status"),
    }


def _recommendations(c: Columns) -> dict[str, Column]:
    return {
        "first_name": c.text("first_name"), "last_name": c.text("last_name"),
        "company": c.text("company"), "job_title": c.text("job_title"),
        "text_length": c.length("text"),
        "created_at_raw": c.text("created"),
        "created_at": c.timestamps("created", dates.US_SHORT),
        "status": c.upper("status"),
    }


def _reactions(c: Columns) -> dict[str, Column]:
    return {
        "reacted_at_raw": c.text("date"),
        "reacted_at": c.timestamps("date", dates.ACTIVITY),
        "reaction_type": c.upper("type"), "link": c.text("link"),
    }


def _comments(c: Columns) -> dict[str, Column]:
    lengths, words, _ = c.text_stats("message")
    return {
        "commented_at_raw": c.text("date"),
        "commented_at": c.timestamps("date", dates.ACTIVITY),
        "link": c.text("link"), "message_length": lengths, "message_word_count": words,
        "physical_lines": [int(v or 1) for v in c.raw("physical_lines")],
    }


def _shares(c: Columns) -> dict[str, Column]:
    return {
        "shared_at_raw": c.text("date"),
        "shared_at": c.timestamps("date", _SHARES_FORMATS),
        "share_link": c.text("share_link"),
        "commentary_length": [len(unwrap_share_commentary(v or "")) for v in c.raw("commentary")],
        "shared_url": c.text("shared_url"), "media_url": c.text("media_url"),
        "visibility": c.text("visibility"),
    }


def _profile(c: Columns) -> dict[str, Column]:
    return {k: c.text(k) for k in ("first_name", "last_name", "headline", "industry", "geo_location")}


def _positions(c: Columns) -> dict[str, Column]:
    return {
        "company_name": c.text("company_name"), "title": c.text("title"),
        "location": c.text("location"),
        "started_on_raw": c.text("started_on"),
        "started_on": c.calendar_dates("started_on", dates.MONTH_YEAR),
        "finished_on_raw": c.text("finished_on"),
        "finished_on": c.calendar_dates("finished_on", dates.MONTH_YEAR),
    }


def _skills(c: Columns) -> dict[str, Column]:
    return {"skill_name": c.text("name")}


def _education(c: Columns) -> dict[str, Column]:
    return {
        "school_name": c.text("school_name"), "degree_name": c.text("degree_name"),
        "start_date_raw": c.text("start_date"),
        "start_date": c.calendar_dates("start_date", dates.MONTH_YEAR),
        "end_date_raw": c.text("end_date"),
        "end_date": c.calendar_dates("end_date", dates.MONTH_YEAR),
    }


def _company_follows(c: Columns) -> dict[str, Column]:
    return {
        "organization": c.text("organization"),
        "followed_at_raw": c.text("followed_on"),
        "followed_at": c.timestamps("followed_on", dates.COMPANY_FOLLOW),
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
