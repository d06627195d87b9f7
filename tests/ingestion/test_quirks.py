"""One focused test per format quirk of the export contract (linkedin-export-format.md)."""

from __future__ import annotations

import codecs
import zipfile
from pathlib import Path

import duckdb

from orchestration.ingestion.dates import parse_date, parse_timestamp, parse_timestamps, CONNECTED_ON, US_SHORT
from orchestration.ingestion.encoding import decode
from orchestration.ingestion.pipeline import ingest_user
from orchestration.ingestion.records import read_comments, read_table, unwrap_share_commentary
from tests.conftest import copy_sample

PREAMBLE = (
    "Notes:\n\"When exporting your connection data, you may notice that some of the email addresses are "
    "missing.\"\n\n"
)
CONN_HEADER = "First Name,Last Name,URL,Email Address,Company,Position,Connected On\n"


def rows(warehouse: Path, sql: str, *params):
    with duckdb.connect(str(warehouse), read_only=True) as con:
        return con.execute(sql, list(params)).fetchall()


def write(path: Path, text: str | bytes) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(text.encode("utf-8") if isinstance(text, str) else text)
    return path


def test_header_found_after_preamble_and_after_excel_mangled_preamble():
    table = read_table(PREAMBLE + CONN_HEADER + "A,B,,,C,D,01 Jan 2024\n", ",", header_prefix="First Name")
    assert table.header[0] == "First Name" and table.header_line == 4
    assert table.lines == [5]
    assert table.records == [["A", "B", "", "", "C", "D", "01 Jan 2024"]]
    mangled = "Notes:,,\n\"When exporting...\",,\n,,\n" + CONN_HEADER + "A,B,,,C,D,01 Jan 2024\n"
    assert read_table(mangled, ",", header_prefix="First Name").lines == [5]
    # Without a header line the file yields nothing rather than treating "Notes:" as the header.
    assert read_table("Notes:\nfoo\n", ",", header_prefix="First Name").header == []


def test_encodings_are_sniffed():
    utf16 = codecs.BOM_UTF16_LE + '"Date"\t"Link"\r\n"2017/06/08 08:15:44 UTC"\t"x"\r\n'.encode("utf-16-le")
    d = decode(utf16)
    assert (d.encoding, d.delimiter, d.line_ending) == ("utf-16-le", "\t", "CRLF")
    bom = decode(codecs.BOM_UTF8 + b"Name\nPython\n")
    assert (bom.encoding, bom.text) == ("utf-8-sig", "Name\nPython\n")
    assert decode(b"a,b\r\nc,d\n").line_ending == "mixed"


def test_per_file_date_formats():
    assert str(parse_date("07 Dec 2024", CONNECTED_ON)) == "2024-12-07"
    assert str(parse_date("18-Jun-24", CONNECTED_ON)) == "2024-06-18"          # Excel re-save
    assert str(parse_timestamp("6/17/23, 6:18 AM", US_SHORT)) == "2023-06-17 06:18:00"
    assert str(parse_timestamp("11/27/24, 09:51 PM", US_SHORT)) == "2024-11-27 21:51:00"
    assert str(parse_timestamp("Sat Dec 14 08:57:55 UTC 2024", ())) == "2024-12-14 08:57:55"
    assert str(parse_timestamp("2024/12/15 08:53:43 UTC", ())) == "2024-12-15 08:53:43"
    assert parse_timestamp("not a date", US_SHORT) is None and parse_timestamp("", US_SHORT) is None


def test_message_timestamps_read_by_the_fast_path_as_strptime_reads_them():
    """Messages.csv-shaped values skip strptime (dates._fast); the fast path must agree with it,
    including white space, a month 13, fractional seconds, non-ASCII digits and the slash variant."""
    import random
    from datetime import datetime

    from orchestration.ingestion.dates import ACTIVITY, MESSAGES

    rng = random.Random(7)
    for _ in range(2000):
        ts = datetime(rng.randint(1990, 2030), rng.randint(1, 12), rng.randint(1, 28),
                      rng.randint(0, 23), rng.randint(0, 59), rng.randint(0, 59))
        for fmt in ("%Y-%m-%d %H:%M:%S UTC", "%Y-%m-%dT%H:%M:%S", "%Y-%m-%d %H:%M:%S"):
            assert parse_timestamp(ts.strftime(fmt), MESSAGES + ACTIVITY) == ts
            assert parse_timestamps([ts.strftime(fmt)], MESSAGES + ACTIVITY) == [ts]
    cases = {
        "  2024-12-15\u202f08:53:43   UTC ": "2024-12-15 08:53:43",      # narrow no-break space, padding
        "2024-12-15\t08:53:43\nUTC": "2024-12-15 08:53:43",
        "\uff12\uff10\uff12\uff14-12-15 08:53:43": "2024-12-15 08:53:43",  # full-width digits (the regex path)
        "2024/12/15 08:53:43 UTC": "2024-12-15 08:53:43",
        "2024-12-15 8:53:43 UTC": "2024-12-15 08:53:43",                 # strptime's one-digit hour
        "2024-13-15 08:53:43 UTC": None, "2024-02-30 01:02:03": None, "2024-12-15 24:00:00": None,
        "2024-12-15 08:53:43.123": None, "2024-12-15x08:53:43": None, "2024-12-15 08:53:43 GMT": None,
    }
    for raw, expected in cases.items():
        got = parse_timestamp(raw, MESSAGES)
        assert (str(got) if got else None) == expected, raw
    # the column version (a whole file's column at once) reads the same values the same way
    column = parse_timestamps([*cases, None, ""], MESSAGES)
    assert [str(got) if got else None for got in column] == [*cases.values(), None, None]
    assert str(parse_date(" 7\u00a0Dec  2024 ", CONNECTED_ON)) == "2024-12-07"


def test_records_start_lines_count_quoted_line_breaks_and_blank_lines():
    one_per_line = read_table("A,B\n1,x\n\n2,y\n3,z", ",")
    assert one_per_line.lines == [2, 4, 5] and one_per_line.records == [["1", "x"], ["2", "y"], ["3", "z"]]
    spanning = read_table('A,B\n1,"two\nlines"\n\n2,y\r\n3,"a\r\nb\r\nc"\n4,w\n', ",")
    assert spanning.lines == [2, 5, 6, 9]
    assert spanning.records == [["1", "two\nlines"], ["2", "y"], ["3", "a\r\nb\r\nc"], ["4", "w"]]


def test_comments_unquoted_multiline_records_are_repaired(samples):
    text = (samples / "2024-03-complete" / "Comments.csv").read_text("utf-8")
    table = read_comments(text)
    assert len(table.records) == 4
    line, values = table.lines[2], table.records[2]
    assert line == 4 and values[0] == "2023-12-10 09:53:09"
    assert values[2].count("\n") == 2 and values[3] == "3"     # message spans 3 physical lines


def test_share_commentary_unwrapped():
    assert unwrap_share_commentary('line1"\r\n""\r\n"line2') == "line1\n\nline2"
    assert unwrap_share_commentary("single line") == "single line"


def test_split_parts_are_concatenated_and_coach_files_excluded(raw_root, warehouse):
    header = "CONVERSATION ID,CONVERSATION TITLE,FROM,SENDER PROFILE URL,TO,RECIPIENT PROFILE URLS,DATE,SUBJECT,CONTENT,FOLDER\n"
    row = "2-abc==,,Ann,https://www.linkedin.com/in/ann,Bob,https://www.linkedin.com/in/bob,2024-03-01 10:00:00 UTC,,hi there,INBOX\n"
    export = raw_root / "u1" / "Complete_LinkedInDataExport_03-05-2024"
    write(export / "messages_1.csv", header + row * 3)
    write(export / "messages_2.csv", header + row * 2)
    write(export / "coach_messages.csv", header + row * 7)
    report = ingest_user(warehouse, raw_root, "u1")
    assert report.rows["messages"] == 5
    lines = rows(warehouse, "select source_file, count(*) from raw.messages group by 1 order by 1")
    assert lines == [("messages_1.csv", 3), ("messages_2.csv", 2)]
    assert rows(warehouse, "select content_length, content_word_count from raw.messages limit 1") == [(8, 2)]


def test_zip_with_wrapper_folder_and_browser_suffix(samples, raw_root, warehouse):
    src = samples / "2024-12-basic"
    zpath = raw_root / "u2" / "Complete_LinkedInDataExport_12-16-2024.zip (1).zip"
    zpath.parent.mkdir(parents=True)
    with zipfile.ZipFile(zpath, "w", zipfile.ZIP_DEFLATED) as zf:
        for f in src.iterdir():
            zf.write(f, f"Complete_LinkedInDataExport_12-16-2024/{f.name}")
    report = ingest_user(warehouse, raw_root, "u2")
    assert str(report.export_date) == "2024-12-16" and report.export_date_source == "name"
    assert report.archive_kind == "Complete" and report.rows["connections"] == 3
    assert rows(warehouse, "select distinct source_file from raw.connections") == [("Connections.csv",)]


def test_newest_export_wins_and_complete_preferred_over_basic(raw_root, warehouse):
    user = raw_root / "u3"
    old = "First Name,Last Name,Email Address,Company,Position,Connected On\nOld,One,,X,Y,01 Jan 2021\n"
    new = PREAMBLE + CONN_HEADER + "New,One,,,X,Y,01 Jan 2024\nNew,Two,,,X,Y,02 Jan 2024\n"
    basic = PREAMBLE + CONN_HEADER + "Basic,Only,,,X,Y,01 Jan 2024\n"
    write(user / "Complete_LinkedInDataExport_01-01-2022" / "Connections.csv", old)
    write(user / "Basic_LinkedInDataExport_03-01-2024" / "Connections.csv", basic)
    write(user / "Basic_LinkedInDataExport_03-01-2024" / "Skills.csv", "Name\nSQL\n")
    write(user / "Complete_LinkedInDataExport_03-01-2024" / "Connections.csv", new)
    report = ingest_user(warehouse, raw_root, "u3")
    assert report.archive_kind == "Complete+Basic" and str(report.export_date) == "2024-03-01"
    names = rows(warehouse, "select first_name from raw.connections order by source_line")
    assert names == [("New",), ("New",)]
    # A file only the Basic copy has is still read; the Basic copy of Connections is superseded.
    assert report.rows["skills"] == 1
    statuses = dict(rows(warehouse, "select path, status from raw.export_files"))
    assert statuses["Basic_LinkedInDataExport_03-01-2024/Connections.csv"] == "superseded"


def test_legacy_utf16_endorsements_superseded_by_utf8_copy(samples, raw_root, warehouse):
    copy_sample(samples, "2022-09-complete", raw_root, "sajiah")
    ingest_user(warehouse, raw_root, "sajiah")
    files = dict(rows(warehouse, "select path, status from raw.export_files where user_id='sajiah'"))
    assert files["Endorsement_Received_Info.csv"] == "parsed"
    assert files["Endorsement Received Info.csv"] == "superseded"
    assert rows(warehouse, "select count(*), min(endorsed_at)::varchar from raw.endorsements_received") == [
        (3, "2020-05-14 01:14:39")]


def test_unparsed_dates_are_warnings_with_lines(raw_root, warehouse):
    write(raw_root / "u4" / "export" / "Connections.csv",
          CONN_HEADER + "A,B,,,C,D,01 Jan 2024\nE,F,,,G,H,sometime\n")
    report = ingest_user(warehouse, raw_root, "u4")
    assert report.rows["connections"] == 2
    assert report.warnings == ["Connections.csv: 1 of 2 'connected_on' value(s) did not parse as a date (lines 3)"]
    assert rows(warehouse, "select warnings from raw.exports where user_id='u4'")[0][0] == report.warnings


def test_blank_name_connections_are_kept(samples, raw_root, warehouse):
    write(raw_root / "u5" / "x" / "Connections.csv",
          PREAMBLE + CONN_HEADER + ",,,,,,09 Mar 2023\n\"Smith, Ph.D.\",Jane,,,\"Stripe, Inc.\",CTO,01 Jan 2024\n")
    ingest_user(warehouse, raw_root, "u5")
    got = rows(warehouse, "select first_name, company, connected_on::varchar from raw.connections order by source_line")
    assert got == [(None, None, "2023-03-09"), ("Smith, Ph.D.", "Stripe, Inc.", "2024-01-01")]


def test_message_bodies_are_not_stored(samples, raw_root, warehouse):
    copy_sample(samples, "2026-synthetic-fixture", raw_root, "fixture")
    ingest_user(warehouse, raw_root, "fixture")
    body = "Father — I understand Mother has reluctantly permitted me to write"
    with duckdb.connect(str(warehouse), read_only=True) as con:
        for (table,) in con.execute("select table_name from information_schema.tables where table_schema='raw'").fetchall():
            cols = [c for c, t in con.execute(
                "select column_name, data_type from information_schema.columns where table_schema='raw' "
                "and table_name=?", [table]).fetchall() if t == "VARCHAR"]
            for col in cols:
                hit = con.execute(f"select count(*) from raw.{table} where {col} like '%reluctantly%'").fetchone()[0]
                assert hit == 0, f"message text leaked into raw.{table}.{col}"
    assert body  # the fixture's invitation note and messages contain this text; none of it is kept
