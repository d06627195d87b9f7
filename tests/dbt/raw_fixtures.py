"""Hand-made raw rows for the dbt tests: small, deterministic exports written straight into the raw
tables (DDL from orchestration.ingestion.schema), so the dbt layer can be tested without the
ingestion code or the generator."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from pathlib import Path

import duckdb

from orchestration.ingestion.schema import ALL_TABLES, TABLES_BY_NAME

LOADED_AT = datetime(2025, 1, 2, 3, 4, 5)


def create_raw_schema(con: duckdb.DuckDBPyConnection) -> None:
    con.execute("create schema if not exists raw")
    for table in ALL_TABLES:
        con.execute(table.ddl())


def _hash(text: str) -> str:
    return hashlib.sha256(text.encode()).hexdigest()[:16]


def url(slug: str) -> str:
    return f"https://www.linkedin.com/in/{slug}"


@dataclass
class Export:
    """One user's export. Methods append rows; `write` replaces the user's rows in the raw tables."""

    user_id: str
    export_date: date
    owner_slug: str
    owner_first: str
    owner_last: str
    industry: str | None = "Software Development"
    files: set[str] = field(default_factory=lambda: {"connections", "profile", "positions"})
    rows: dict[str, list[dict]] = field(default_factory=dict)
    _conversations: int = 0

    def __post_init__(self) -> None:
        self.add("profile", first_name=self.owner_first, last_name=self.owner_last, headline="Engineer",
                 industry=self.industry, geo_location="Berlin")

    @property
    def owner_url(self) -> str:
        return url(self.owner_slug)

    def add(self, table: str, **values) -> None:
        self.files.add(table)
        self.rows.setdefault(table, []).append(values)

    def position(self, company: str, title: str, started: date, finished: date | None = None) -> None:
        self.add("positions", company_name=company, title=title, started_on=started, finished_on=finished,
                 started_on_raw=started.strftime("%b %Y"),
                 finished_on_raw=finished.strftime("%b %Y") if finished else None)

    def connection(self, first: str | None, last: str | None, slug: str | None, company: str | None,
                   position: str | None, connected_on: date, *, raw_url: str | None = None) -> str | None:
        self.add("connections", first_name=first, last_name=last,
                 profile_url=raw_url or (url(slug) if slug else None), company=company, position=position,
                 connected_on=connected_on, connected_on_raw=connected_on.strftime("%d %b %Y"))
        return url(slug) if slug else None

    def conversation(self, other_slug: str, other_name: str, exchanges: list[tuple[str, datetime, int]],
                     *, others: list[tuple[str, str]] | None = None, subject: str | None = None) -> str:
        """exchanges: (direction 'out'/'in', sent_at, content_length). `others` adds group members."""
        self._conversations += 1
        conv = f"2-conv-{self.user_id}-{self._conversations}"
        people = [(other_slug, other_name)] + (others or [])
        owner_name = f"{self.owner_first} {self.owner_last}"
        for i, (direction, sent_at, length) in enumerate(exchanges):
            if direction == "out":
                sender_slug, sender_name = self.owner_slug, owner_name
                recipients = [s for s, _ in people]
            else:
                sender_slug, sender_name = other_slug, other_name
                recipients = [self.owner_slug] + [s for s, _ in people[1:]]
            self.message(conv, sender_name, url(sender_slug), [url(s) for s in recipients], sent_at, length,
                         content=f"{conv}-{i}", subject=subject)
        return conv

    def message(self, conv: str | None, from_name: str, sender_url: str | None, recipient_urls: list[str],
                sent_at: datetime, length: int, *, content: str | None = None, subject: str | None = None,
                folder: str = "INBOX", draft: bool = False, title: str | None = None) -> None:
        self.add("messages", conversation_id=conv, conversation_title=title, from_name=from_name,
                 sender_profile_url=sender_url, to_names="x",
                 recipient_profile_urls=",".join(recipient_urls) if recipient_urls else None,
                 sent_at=sent_at, sent_at_raw=sent_at.strftime("%Y-%m-%d %H:%M:%S UTC"), subject=subject,
                 folder=folder, is_message_draft=draft, is_conversation_draft=False, content_length=length,
                 content_word_count=length // 6, content_hash=_hash(content) if content and length else None)

    def endorsement(self, direction: str, first: str, last: str, slug: str | None, at: datetime,
                    skills: int = 1) -> None:
        table = "endorsements_received" if direction == "in" else "endorsements_given"
        for i in range(skills):
            self.add(table, endorsed_at=at, endorsed_at_raw=at.strftime("%Y/%m/%d %H:%M:%S UTC"),
                     skill_name=f"Skill {i}", first_name=first, last_name=last,
                     profile_url=f"www.linkedin.com/in/{slug}" if slug else None, status="ACCEPTED")

    def recommendation(self, direction: str, first: str, last: str, company: str, at: datetime) -> None:
        table = "recommendations_received" if direction == "in" else "recommendations_given"
        self.add(table, first_name=first, last_name=last, company=company, job_title="x", text_length=400,
                 created_at=at, created_at_raw=at.strftime("%m/%d/%y, %I:%M %p"), status="VISIBLE")

    def invitation(self, direction: str, other_slug: str, at: datetime, note: int = 0) -> None:
        inviter, invitee = (self.owner_url, url(other_slug)) if direction == "out" else (url(other_slug), self.owner_url)
        self.add("invitations", from_name="a", to_name="b", sent_at=at, sent_at_raw=at.strftime("%m/%d/%y, %I:%M %p"),
                 direction="OUTGOING" if direction == "out" else "INCOMING", inviter_profile_url=inviter,
                 invitee_profile_url=invitee, message_length=note)

    def activity(self, kind: str, at: datetime) -> None:
        if kind == "reaction":
            self.add("reactions", reacted_at=at, reacted_at_raw=str(at), reaction_type="LIKE", link="https://x")
        elif kind == "comment":
            self.add("comments", commented_at=at, commented_at_raw=str(at), link="https://x", message_length=50,
                     message_word_count=8, physical_lines=1)
        else:
            self.add("shares", shared_at=at, shared_at_raw=str(at), share_link="https://x", commentary_length=200,
                     visibility="MEMBER_NETWORK")

    # --------------------------------------------------------------------------------------------
    def write(self, con: duckdb.DuckDBPyConnection) -> None:
        export_id = _hash(f"{self.user_id}|{self.export_date}|{sorted(self.files)}")
        for table in ALL_TABLES:
            con.execute(f"delete from raw.{table.name} where user_id = ?", [self.user_id])
        for table_name, rows in self.rows.items():
            table = TABLES_BY_NAME[table_name]
            cols = table.column_names
            for line, row in enumerate(rows, start=2):
                values = {"user_id": self.user_id, "export_id": export_id, "source_file": f"{table_name}.csv",
                          "source_line": line, "loaded_at": LOADED_AT, **row}
                con.execute(f"insert into raw.{table_name} ({', '.join(values)}) values ({', '.join('?' * len(values))})",
                            list(values.values()))
        for kind in sorted(self.files):
            con.execute(
                "insert into raw.export_files (user_id, export_id, source_file, source_line, loaded_at, path, file_kind,"
                " status, size_bytes, encoding, delimiter, line_ending, data_rows) values (?,?,?,?,?,?,?,?,?,?,?,?,?)",
                [self.user_id, export_id, f"{kind}.csv", 0, LOADED_AT, f"{kind}.csv", kind, "parsed", 100, "utf-8",
                 ",", "LF", len(self.rows.get(kind, []))])
        con.execute(
            "insert into raw.exports (user_id, export_id, source_file, source_line, loaded_at, archive_names,"
            " archive_kind, export_date, export_date_source, files_found, files_parsed, rows_total, warnings,"
            " parser_version) values (?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
            [self.user_id, export_id, "", 0, LOADED_AT, "Complete_LinkedInDataExport.zip", "Complete",
             self.export_date, "name", len(self.files), len(self.files),
             sum(len(r) for r in self.rows.values()), [], "test"])


AS_OF = date(2025, 1, 1)


def ts(days_before: float, as_of: date = AS_OF) -> datetime:
    return datetime.combine(as_of, datetime.min.time()) + timedelta(hours=12) - timedelta(days=days_before)


def alice(user_id: str = "alice") -> Export:
    """An engaged software engineer: two-way colleagues, a group thread, a broadcast, services."""
    e = Export(user_id, AS_OF, "alice-a", "Alice", "Anders")
    e.position("Acme Software", "Senior Software Engineer", date(2019, 3, 1))
    e.position("Initech", "Software Engineer", date(2015, 1, 1), date(2019, 2, 1))
    people = [
        ("Bob", "Brown", "bob-b", "Acme Software", "Engineering Manager", date(2019, 5, 1)),
        ("Carla", "Cruz", "carla-c", "Stripe, Inc.", "VP Engineering", date(2018, 6, 1)),
        ("Dan", "Do", "dan-d", "Initech", "Senior Developer", date(2016, 2, 1)),
        ("Eve", "Eng", "eve-e", "Globex Bank", "Director of Sales", date(2021, 7, 1)),
        ("Finn", "Fox", "finn-f", "State University", "Professor", date(2020, 1, 1)),
        ("Gia", "Gul", "gia-g", "Google", "Product Manager", date(2024, 6, 1)),
        ("Hal", "Hu", "hal-h", "Hooli Labs", "CTO", date(2024, 11, 1)),
        ("Ivy", "Ito", "ivy-i", "Unknown Co", "Consultant", date(2017, 1, 1)),
        ("José", "Núñez, Ph.D.", "jos%C3%A9-n", "City Hospital", "Nurse", date(2022, 3, 1)),
        ("Kim", "Ko", "kim-k", None, None, date(2023, 9, 1)),
        ("Leo", "Li", "leo-l", "Acme", "Recruiter", date(2024, 10, 1)),
        ("Mia", "Mo", "mia-m", "Hooli Labs", "Software Engineer", date(2024, 12, 1)),
    ]
    for first, last, slug, company, position, on in people:
        e.connection(first, last, slug, company, position, on)
    e.connection(None, None, None, None, None, date(2020, 5, 5))   # deactivated member
    e.connection(None, None, None, None, None, date(2020, 5, 5))   # another on the same day
    # monthly two-way colleague, last contact 10 days ago
    e.conversation("bob-b", "Bob Brown", [(d, ts(10 + 30 * k + (0 if d == "out" else 1)), 240)
                                          for k in range(12) for d in ("out", "in")])
    # one balanced exchange ~6 months ago
    e.conversation("carla-c", "Carla Cruz", [("out", ts(183), 150), ("in", ts(182), 150), ("out", ts(182), 150),
                                             ("in", ts(181), 150)])
    # deep but silent (3 years ago)
    e.conversation("dan-d", "Dan Do", [(d, ts(1100 + k), 240) for k in range(20) for d in ("out", "in")])
    # waiting on you: inbound 20 days ago, unanswered
    e.conversation("eve-e", "Eve Eng", [("out", ts(60), 100), ("in", ts(20), 300)])
    # a group thread with three others (URL in José's raw Unicode form)
    e.conversation("finn-f", "Finn Fox", [("out", ts(40), 120), ("in", ts(39), 120)],
                   others=[("gia-g", "Gia Gul"), ("josé-n", "José Núñez")])
    # InMail from a recruiter: not 'waiting on you'
    e.conversation("leo-l", "Leo Li", [("in", ts(15), 900)], subject="Opportunity")
    # a broadcast: same content to 6 people
    for slug in ["gia-g", "hal-h", "ivy-i", "kim-k", "mia-m", "zed-z"]:
        e.message(f"2-bcast-{slug}", "Alice Anders", e.owner_url, [url(slug)], ts(5), 500, content="Happy new year!")
    # a reply with the same text is not a broadcast (only the owner's own messages can be)
    e.message("2-bcast-zed-z", "Zed Zu", url("zed-z"), [e.owner_url], ts(4), 500, content="Happy new year!")
    # system sender, hidden member, draft and spam
    e.message("2-sys", "Melissa from LinkedIn Premium", None, [e.owner_url], ts(3), 800, content="Try Premium")
    e.message("2-hidden", "LinkedIn Member", None, [e.owner_url], ts(30), 100, content="hi")
    e.message(None, "Alice Anders", e.owner_url, [url("bob-b")], ts(1), 50, content="draft", draft=True)
    e.message("2-spam", "Spammer", url("spam-s"), [e.owner_url], ts(2), 50, content="spam", folder="SPAM")
    # services
    e.endorsement("in", "Bob", "Brown", "bob-b", ts(100), skills=3)
    e.endorsement("in", "Bob", "Brown", "bob-b", ts(400))
    e.endorsement("out", "Bob", "Brown", "bob-b", ts(90), skills=2)
    e.endorsement("in", "Ivy", "Ito", "ivy-i", ts(200))
    e.endorsement("out", "Finn", "Fox", "finn-f", ts(300))
    e.recommendation("in", "Dan", "Do", "Initech", ts(900))
    e.recommendation("out", "José", "Núñez", "City Hospital", ts(500))
    e.invitation("out", "mia-m", ts(35), note=120)
    e.invitation("out", "nobody-n", ts(25))
    e.invitation("in", "hal-h", ts(62))
    for k in range(10):
        e.activity(["reaction", "comment", "share"][k % 3], ts(15 + 33 * k))
    return e


def bob_without_messages() -> Export:
    """A 'Basic' export: no messages file; endorsements only."""
    e = Export("bob", AS_OF, "bob-b", "Bob", "Brown", industry="Computer Software")
    e.position("Acme Software", "Engineering Manager", date(2019, 5, 1))
    for i in range(30):
        e.connection(f"P{i}", f"Q{i}", f"p{i}-q", ["Acme Software", "Globex Bank", "State University"][i % 3],
                     ["Software Engineer", "Sales Director", "Professor"][i % 3], date(2015 + i % 10, 1 + i % 12, 1))
    e.endorsement("in", "P1", "Q1", "p1-q", ts(50))
    e.endorsement("out", "P2", "Q2", "p2-q", ts(60))
    return e


def carol_sparse() -> Export:
    """Few classifiable connections (coverage < 30 %), messages present."""
    e = Export("carol", AS_OF, "carol-c", "Carol", "Chen", industry=None)
    for i in range(10):
        e.connection(f"R{i}", f"S{i}", f"r{i}-s", None if i else "Acme Software", None if i else "Engineer",
                     date(2024, 1 + i, 1))
    e.conversation("r1-s", "R1 S1", [("in", ts(100), 60), ("out", ts(99), 60)])
    return e


def write_all(warehouse: Path, exports: list[Export]) -> None:
    con = duckdb.connect(str(warehouse))
    try:
        create_raw_schema(con)
        for export in exports:
            export.write(con)
    finally:
        con.close()
