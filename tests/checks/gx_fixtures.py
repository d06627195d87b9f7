"""Test helpers: valid raw-table frames, typed the way DuckDB's `.df()` returns them (varchar -> str,
integer -> int32, date/timestamp -> datetime64[us], boolean -> bool), and temp suite files."""

from __future__ import annotations

import json
from pathlib import Path

import pandas as pd

from orchestration.ingestion.schema import LINEAGE_COLUMNS, TABLES_BY_NAME

LOADED_AT = pd.Timestamp("2025-01-15 12:00:00")

# Per table: a valid value for each column (a callable gets the row number).
VALUES: dict[str, dict[str, object]] = {
    "connections": {
        "first_name": "Jane", "last_name": "Doe",
        "profile_url": lambda i: f"https://www.linkedin.com/in/jane-doe-{i}",
        "email_address": None, "company": "Acme", "position": "Engineer",
        "connected_on_raw": "07 Dec 2024", "connected_on": pd.Timestamp("2024-12-07"),
    },
    "messages": {
        "conversation_id": "2-MDFjM2NkNTQtZTQwNS00M2VmLWI4MjQtMjUxYzdjOWMyNGRiXzAxMA==",
        "conversation_title": None, "from_name": "Jane Doe",
        "sender_profile_url": "https://www.linkedin.com/in/jane-doe",
        "to_names": "John Roe", "recipient_profile_urls": "https://www.linkedin.com/in/john-roe",
        "sent_at_raw": "2024-12-04 20:56:47 UTC", "sent_at": pd.Timestamp("2024-12-04 20:56:47"),
        "subject": None, "folder": "INBOX", "direction": None, "attachments": None,
        "is_message_draft": False, "is_conversation_draft": False,
        "content_length": 42, "content_word_count": 7, "content_hash": "0123456789abcdef",
    },
    "invitations": {
        "from_name": "Jane Doe", "to_name": "John Roe",
        "sent_at_raw": "6/17/23, 6:18 AM", "sent_at": pd.Timestamp("2023-06-17 06:18:00"),
        "direction": "OUTGOING", "inviter_profile_url": "https://www.linkedin.com/in/jane-doe",
        "invitee_profile_url": "urn:li:member:610150649", "message_length": 0,
    },
    "endorsements_received": {
        "endorsed_at_raw": "2024/12/15 08:53:43 UTC", "endorsed_at": pd.Timestamp("2024-12-15 08:53:43"),
        "skill_name": "SQL", "first_name": "John", "last_name": "Roe",
        "profile_url": "www.linkedin.com/in/john-roe", "status": "ACCEPTED",
    },
    "endorsements_given": {
        "endorsed_at_raw": "2024/12/15 08:53:43 UTC", "endorsed_at": pd.Timestamp("2024-12-15 08:53:43"),
        "skill_name": "Python", "first_name": "John", "last_name": "Roe",
        "profile_url": "www.linkedin.com/in/john-roe", "status": "ACCEPTED",
    },
    "recommendations_received": {
        "first_name": "John", "last_name": "Roe", "company": "Acme", "job_title": "CTO", "text_length": 420,
        "created_at_raw": "11/27/24, 09:51 AM", "created_at": pd.Timestamp("2024-11-27 09:51:00"),
        "status": "VISIBLE",
    },
    "recommendations_given": {
        "first_name": "John", "last_name": "Roe", "company": "Acme", "job_title": "CTO", "text_length": 300,
        "created_at_raw": "11/27/24, 09:51 AM", "created_at": pd.Timestamp("2024-11-27 09:51:00"),
        "status": None,
    },
    "reactions": {
        "reacted_at_raw": "2024-03-17 18:03:34", "reacted_at": pd.Timestamp("2024-03-17 18:03:34"),
        "reaction_type": "LIKE", "link": "https://www.linkedin.com/feed/update/urn%3Ali%3Aactivity%3A1",
    },
    "comments": {
        "commented_at_raw": "2024-03-17 18:03:34", "commented_at": pd.Timestamp("2024-03-17 18:03:34"),
        "link": "https://www.linkedin.com/feed/update/urn%3Ali%3Aactivity%3A1",
        "message_length": 80, "message_word_count": 14, "physical_lines": 1,
    },
    "shares": {
        "shared_at_raw": "2024-03-17 18:03:34", "shared_at": pd.Timestamp("2024-03-17 18:03:34"),
        "share_link": "https://www.linkedin.com/feed/update/urn%3Ali%3Ashare%3A1", "commentary_length": 300,
        "shared_url": None, "media_url": None, "visibility": "MEMBER_NETWORK",
    },
    "profile": {
        "first_name": "Jane", "last_name": "Doe", "headline": "Engineer", "industry": "Software Development",
        "geo_location": "Berlin",
    },
    "positions": {
        "company_name": "Acme", "title": "Engineer", "location": None,
        "started_on_raw": "Jun 2018", "started_on": pd.Timestamp("2018-06-01"),
        "finished_on_raw": None, "finished_on": pd.NaT,
    },
    "skills": {"skill_name": lambda i: f"Skill {i}"},
    "education": {
        "school_name": "TU Berlin", "degree_name": "MSc",
        "start_date_raw": "2010", "start_date": pd.Timestamp("2010-01-01"),
        "end_date_raw": "2014", "end_date": pd.Timestamp("2014-01-01"),
    },
    "company_follows": {
        "organization": "Acme",
        "followed_at_raw": "Sat Dec 14 08:57:55 UTC 2024", "followed_at": pd.Timestamp("2024-12-14 08:57:55"),
    },
}

SOURCE_FILE = {
    "connections": "Connections.csv", "messages": "messages.csv", "invitations": "Invitations.csv",
    "endorsements_received": "Endorsement_Received_Info.csv", "endorsements_given": "Endorsement_Given_Info.csv",
    "recommendations_received": "Recommendations_Received.csv", "recommendations_given": "Recommendations_Given.csv",
    "reactions": "Reactions.csv", "comments": "Comments.csv", "shares": "Shares.csv", "profile": "Profile.csv",
    "positions": "Positions.csv", "skills": "Skills.csv", "education": "Education.csv",
    "company_follows": "Company Follows.csv",
}


def _dtype(sql_type: str):
    t = sql_type.split()[0].lower()
    return {"varchar": "str", "integer": "int32", "bigint": "int64", "date": "datetime64[us]",
            "timestamp": "datetime64[us]", "boolean": "bool"}.get(t, "object")


def good_frame(table: str, users: tuple[str, ...] = ("alice",), rows_per_user: int = 5) -> pd.DataFrame:
    """A frame that passes raw.<table>: `rows_per_user` rows for each user, schema column order."""
    spec = TABLES_BY_NAME[table]
    values = VALUES[table]
    rows = []
    for u in users:
        for i in range(rows_per_user):
            row = {"user_id": u, "export_id": "0123456789abcdef", "source_file": SOURCE_FILE[table],
                   "source_line": i + 2, "loaded_at": LOADED_AT}
            for c in spec.columns:
                v = values[c.name]
                row[c.name] = v(i) if callable(v) else v
            rows.append(row)
    df = pd.DataFrame(rows, columns=spec.column_names)
    for c in LINEAGE_COLUMNS + spec.columns:
        dt = _dtype(c.type)
        if df[c.name].isna().all() and dt not in ("datetime64[us]",):
            df[c.name] = pd.Series([None] * len(df), dtype="object")  # DuckDB gives object for all-null
        elif dt == "str":
            df[c.name] = df[c.name].astype("str").where(df[c.name].notna(), None)
        else:
            df[c.name] = df[c.name].astype(dt)
    return df


def write_suite(directory: Path, doc: dict, stage: str = "raw", table: str | None = None) -> Path:
    """Write a suite file in the standard layout (<directory>/<stage>/<table>.json)."""
    table = table or doc.get("table", "connections")
    path = Path(directory) / stage / f"{table}.json"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(doc), encoding="utf-8")
    return path


def minimal_suite(expectations: list[dict], **extra) -> dict:
    """A suite document for raw.connections with the given expectations."""
    return {"name": "raw.connections", "table": "connections", "stage": "raw", **extra,
            "expectations": expectations}
