"""Every redacted real archive ingests: row counts equal the data rows in the files, dates parse,
columns land where they belong."""

from __future__ import annotations

import duckdb
import pytest

from orchestration.ingestion.pipeline import ingest_user
from tests.conftest import copy_sample

# Data records per file, counted by hand (preamble, header and quoted multi-line values excluded).
EXPECTED = {
    "2018-11-complete": {"connections": 2, "messages": 2, "invitations": 2, "shares": 2, "profile": 1,
                         "positions": 2, "skills": 2, "education": 1},
    "2021-06-partial": {"connections": 2, "messages": 2},
    "2022-09-complete": {"connections": 3, "messages": 3, "invitations": 3, "endorsements_received": 3,
                         "reactions": 3, "comments": 3, "shares": 2, "positions": 3, "skills": 3,
                         "education": 2, "company_follows": 3},
    "2024-03-complete": {"connections": 3, "messages": 3, "invitations": 3, "endorsements_received": 3,
                         "endorsements_given": 3, "reactions": 4, "comments": 4, "shares": 2},
    "2024-12-basic": {"connections": 3, "messages": 4, "invitations": 2, "endorsements_received": 2,
                      "endorsements_given": 2, "recommendations_given": 2, "profile": 1, "company_follows": 2},
    "2026-synthetic-fixture": {"connections": 5, "messages": 5, "invitations": 5, "endorsements_received": 5,
                               "endorsements_given": 5, "recommendations_received": 5,
                               "recommendations_given": 5, "reactions": 5, "comments": 5, "shares": 5,
                               "profile": 1, "positions": 5, "skills": 5, "education": 2, "company_follows": 5},
}

DATE_COLUMNS = {
    "connections": ["connected_on"], "messages": ["sent_at"], "invitations": ["sent_at"],
    "endorsements_received": ["endorsed_at"], "endorsements_given": ["endorsed_at"],
    "recommendations_received": ["created_at"], "recommendations_given": ["created_at"],
    "reactions": ["reacted_at"], "comments": ["commented_at"], "shares": ["shared_at"],
    "positions": ["started_on", "finished_on"], "education": ["start_date", "end_date"],
    "company_follows": ["followed_at"],
}


@pytest.mark.parametrize("sample", sorted(EXPECTED))
def test_sample_ingests_with_exact_row_counts(samples, raw_root, warehouse, sample):
    user = sample.replace(".", "-")
    copy_sample(samples, sample, raw_root, user)
    report = ingest_user(warehouse, raw_root, user)
    assert {t: n for t, n in report.rows.items() if n} == EXPECTED[sample]
    assert report.warnings == []
    with duckdb.connect(str(warehouse), read_only=True) as con:
        for table, columns in DATE_COLUMNS.items():
            for col in columns:
                unparsed = con.execute(
                    f"select count(*) from raw.{table} where user_id = ? and {col}_raw is not null "
                    f"and {col} is null", [user]).fetchone()[0]
                assert unparsed == 0, f"{sample} {table}.{col}"
        lineage = con.execute(
            "select count(*) from raw.connections where user_id = ? and (source_line < 1 or export_id is null "
            "or source_file is null or loaded_at is null)", [user]).fetchone()[0]
        assert lineage == 0


def test_current_era_columns_land_where_they_belong(samples, raw_root, warehouse):
    copy_sample(samples, "2024-12-basic", raw_root, "feynman")
    ingest_user(warehouse, raw_root, "feynman")
    with duckdb.connect(str(warehouse), read_only=True) as con:
        first = con.execute(
            "select first_name, profile_url, connected_on_raw, connected_on, source_file, source_line "
            "from raw.connections where user_id = 'feynman' order by source_line limit 1").fetchone()
        # Line 5: after the 3-line Notes preamble and the header; trailing space of the name trimmed.
        assert first[0] == "Xxxxxxxxxx"
        assert first[1].startswith("https://www.linkedin.com/in/%C3%A9")
        assert first[4:] == ("Connections.csv", 5)
        assert str(first[3]) == "2024-12-12" and first[2] == "12 Dec 2024"
        msg = con.execute(
            "select from_name, sender_profile_url, sent_at, folder, is_message_draft, content_length, content_hash "
            "from raw.messages where user_id = 'feynman' order by source_line").fetchall()
        assert msg[0][0] == "LinkedIn Member" and msg[0][1] is None
        assert str(msg[0][2]) == "2024-12-06 02:20:21" and msg[0][3] == "INBOX"
        assert msg[1][4] is True and msg[1][5] == 0 and msg[1][6] is None   # a draft with no content
        inv = con.execute("select direction, sent_at, inviter_profile_url from raw.invitations "
                          "where user_id = 'feynman' order by source_line").fetchone()
        assert inv[0] == "OUTGOING" and str(inv[1]) == "2024-12-15 07:47:00"
        assert inv[2].startswith("https://www.linkedin.com/in/")
        end = con.execute("select endorsed_at, profile_url from raw.endorsements_given "
                          "where user_id = 'feynman' order by source_line").fetchone()
        assert str(end[0]) == "2024-12-15 08:53:43" and end[1].startswith("www.linkedin.com/in/")
        rec = con.execute("select created_at, text_length, status from raw.recommendations_given "
                          "where user_id = 'feynman' order by source_line").fetchone()
        assert str(rec[0]) == "2024-11-27 09:51:00" and rec[1] > 500 and rec[2] is None
        follow = con.execute("select followed_at from raw.company_follows where user_id = 'feynman' "
                             "order by source_line").fetchone()
        assert str(follow[0]) == "2024-12-14 08:57:55"
        files = dict(con.execute("select path, status from raw.export_files where user_id = 'feynman'").fetchall())
        assert files["coach_messages.csv"] == "excluded"
        assert files["learning_role_play_messages.csv"] == "excluded"
        assert files["Job Applicant Saved Screening Question Responses_1.csv"] == "ignored"
        assert files["Connections.csv"] == "parsed"


def test_2018_era_columns(samples, raw_root, warehouse):
    copy_sample(samples, "2018-11-complete", raw_root, "abhishek")
    ingest_user(warehouse, raw_root, "abhishek")
    with duckdb.connect(str(warehouse), read_only=True) as con:
        conn = con.execute("select profile_url, connected_on, company from raw.connections "
                           "where user_id='abhishek' order by source_line").fetchone()
        assert conn[0] is None and str(conn[1]) == "2018-01-08" and conn[2] == "XxxxxxxXX"
        msg = con.execute("select sent_at, direction, conversation_id, is_message_draft from raw.messages "
                          "where user_id='abhishek' order by source_line").fetchone()
        assert str(msg[0]) == "2018-10-16 08:36:00" and msg[1] in ("INCOMING", "OUTGOING")
        assert msg[2] is None and msg[3] is False   # 2018 has no conversation ids, and no drafts
        shares = con.execute("select shared_at, share_link from raw.shares where user_id='abhishek' "
                             "order by source_line").fetchone()
        assert str(shares[0]) == "2017-06-08 08:15:44" and shares[1].startswith("https://www.linkedin.com/feed/")
        enc = dict(con.execute("select path, encoding from raw.export_files where user_id='abhishek'").fetchall())
        assert enc["Shares.csv"] == "utf-16-le" and enc["Connections.csv"] == "utf-8"
        pos = con.execute("select started_on_raw, started_on from raw.positions where user_id='abhishek' "
                          "order by source_line").fetchone()
        assert pos[1] is not None and pos[1].day == 1
