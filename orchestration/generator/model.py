"""The simulated export as plain data: what `network.py` produces and `formats.py` renders.

Every timestamp is a naive UTC `datetime`; every person is a `people.Member`.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime

from .people import Member
from .personas import Persona


@dataclass
class Connection:
    member: Member
    connected_on: datetime
    hidden: bool = False          # deactivated / hidden member: exported as a blank-name row
    tie: str = "none"
    colleague: bool = False


@dataclass
class Message:
    sent_at: datetime
    sender: Member
    recipients: list[Member]
    content: str
    subject: str = ""
    is_draft: bool = False
    attachment: str = ""


@dataclass
class Conversation:
    conv_id: str                  # "" for stand-alone drafts
    title: str
    folder: str                   # INBOX / ARCHIVE / SPAM ("" for stand-alone drafts)
    kind: str                     # dm, group, inmail, sponsored, draft
    messages: list[Message] = field(default_factory=list)

    @property
    def last_at(self) -> datetime:
        return max(m.sent_at for m in self.messages)


@dataclass
class Endorsement:
    at: datetime
    skill: str
    member: Member
    status: str = "ACCEPTED"
    legacy_only: bool = False     # "Redacted" rows that only the legacy UTF-16 file carries


@dataclass
class Recommendation:
    member: Member
    company: str
    title: str
    text: str
    at: datetime
    status: str


@dataclass
class Invitation:
    sent_at: datetime
    sender: Member
    recipient: Member
    note: str
    direction: str                # INCOMING / OUTGOING


@dataclass
class Activity:
    """A reaction, comment, share or vote by the owner (they name posts, never people)."""

    kind: str                     # reaction / comment / share / vote
    at: datetime
    link: str
    text: str = ""                # comment message, vote option; share: paragraphs joined with "\n"
    reaction: str = ""
    shared_url: str = ""
    media_url: str = ""
    visibility: str = "MEMBER_NETWORK"


@dataclass
class Position:
    company: str
    title: str
    description: str
    location: str
    start: date
    end: date | None              # None = current job


@dataclass
class School:
    name: str
    start: int | None
    end: int | None
    degree: str
    notes: str
    activities: str


@dataclass
class OwnerProfile:
    headline: str
    summary: str
    industry_v2: str
    industry_v1: str
    birth: date | None
    zip_code: str
    geo: str
    twitter: str
    website: str
    messenger: str
    maiden: str


@dataclass
class Network:
    owner: Member
    profile: OwnerProfile
    joined_at: datetime
    as_of: date
    persona: Persona
    positions: list[Position]
    schools: list[School]
    skills: list[str]
    connections: list[Connection]
    conversations: list[Conversation]
    endorsements_received: list[Endorsement]
    endorsements_given: list[Endorsement]
    recommendations_received: list[Recommendation]
    recommendations_given: list[Recommendation]
    invitations: list[Invitation]
    activities: list[Activity]
    company_follows: list[tuple[str, datetime]]
    member_follows: list[tuple[datetime, str, str]]
    hashtag_follows: list[tuple[str, datetime]]
    misc: dict[str, list] = field(default_factory=dict)   # irrelevant files' rows, era-independent

    def by_kind(self, kind: str) -> list[Activity]:
        return [a for a in self.activities if a.kind == kind]


