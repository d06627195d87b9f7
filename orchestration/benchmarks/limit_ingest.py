"""The raw tables, built by DuckDB's own CSV reader instead of the Python ingestion (the "limit").

Scope: the generator's current-era exports (one zip per user folder, CSVs at the zip root, UTF-8, LF,
Connections.csv with its 3-line `Notes:` preamble). Within that scope the tables hold the same rows and
the same values as `orchestration/ingestion` writes, for every column the dbt models read:
  - text is trimmed the way Python's str.strip() does (Unicode white space) and '' becomes NULL;
  - dates are parsed with each file's formats first, then the ingestion's fallback list (strptime lists);
  - message/comment bodies are reduced to length, word count (str.split()) and sha256[:16];
  - source_line is the physical line where the record starts (header line + 1 + the lines and embedded
    line breaks of the records before it), so ids built from it (md5 of file/line) are the same;
  - Comments.csv's unquoted multi-line bodies are re-joined in SQL (a record starts at `date,http...`);
  - Shares' per-paragraph quoting is unwrapped for commentary_length.
Not reproduced (no model reads them): export_files.encoding/delimiter/line_ending are constants for
parsed files, exports.warnings is empty (unparsed-date warnings), loaded_at is the load time."""

from __future__ import annotations

import csv
import re
import zipfile
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from ..ingestion import dates
from ..ingestion.archive import EXPORT_NAME, USER_ID
from ..ingestion.pipeline import PARSER_VERSION
from ..ingestion.schema import ALL_TABLES, RAW_TABLES

# Python's str.isspace() characters, as an RE2 class (\s is ASCII-only in RE2).
WS = r"[\s\x0b\x1c-\x1f\x{85}\p{Z}]"

MACROS = f"""
create or replace macro py_strip(x) as regexp_replace(x, '^{WS}+|{WS}+$', '', 'g');
create or replace macro txt(x) as nullif(py_strip(x), '');
create or replace macro utxt(x) as nullif(upper(coalesce(txt(x), '')), '');
create or replace macro words(x) as case when x is null or py_strip(x) = '' then 0
    else len(regexp_split_to_array(py_strip(x), '{WS}+')) end;
create or replace macro hash16(x) as case when coalesce(x, '') = '' then null else left(sha256(x), 16) end;
create or replace macro nl(x) as coalesce(length(x) - length(replace(x, chr(10), '')), 0);
create or replace macro norm_date(x) as nullif(py_strip(regexp_replace(replace(x, chr(8239), ' '), '{WS}+', ' ', 'g')), '');
create or replace macro yes(x) as case when txt(x) is null then null else lower(txt(x)) in ('yes', 'true', '1') end;
create or replace macro share_len(v) as case
    when v is null then 0
    when position(chr(10) in v) = 0 then length(v)
    when list_bool_and(list_transform(string_split('"' || replace(v, chr(13) || chr(10), chr(10)) || '"', chr(10)),
                                      l -> length(l) >= 2 and starts_with(l, '"') and ends_with(l, '"')))
        then length(replace(v, chr(13) || chr(10), chr(10))) - 2 * nl(v)
    else length(v) end;
"""


def _fmt_list(formats: tuple[str, ...]) -> str:
    seen: list[str] = []
    for f in formats + dates.FALLBACK:
        if f not in seen:
            seen.append(f)
    return "[" + ", ".join("'" + f.replace("'", "''") + "'" for f in seen) + "]"


def ts(col: str, formats: tuple[str, ...]) -> str:
    return f"try_strptime(norm_date({col}), {_fmt_list(formats)})"


def dt(col: str, formats: tuple[str, ...]) -> str:
    return f"{ts(col, formats)}::date"


def q(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


@dataclass(frozen=True)
class CsvTable:
    table: str
    pattern: str                      # file name glob inside a user folder
    header: tuple[str, ...]           # current-era header, in file order
    columns: dict[str, str]           # raw column -> SQL expression over the CSV columns
    skip: int = 0                     # lines before the header (Connections.csv preamble)


def _t(h: str) -> str:
    return f"txt({q(h)})"


_ENDORSE = ("Endorsement Date", "Skill Name", "{w} First Name", "{w} Last Name", "{w} Public Url", "Endorsement Status")
_RECO = ("First Name", "Last Name", "Company", "Job Title", "Text", "Creation Date", "Status")


def _endorsements(table: str, file: str, who: str) -> CsvTable:
    h = tuple(c.format(w=who) for c in _ENDORSE)
    return CsvTable(table, file, h, {
        "endorsed_at_raw": _t(h[0]), "endorsed_at": ts(q(h[0]), dates.ENDORSEMENT),
        "skill_name": _t(h[1]), "first_name": _t(h[2]), "last_name": _t(h[3]), "profile_url": _t(h[4]),
        "status": f"utxt({q(h[5])})"})


def _recommendations(table: str, file: str) -> CsvTable:
    return CsvTable(table, file, _RECO, {
        "first_name": _t("First Name"), "last_name": _t("Last Name"), "company": _t("Company"),
        "job_title": _t("Job Title"), "text_length": 'coalesce(length("Text"), 0)',
        "created_at_raw": _t("Creation Date"), "created_at": ts(q("Creation Date"), dates.US_SHORT),
        "status": 'utxt("Status")'})


CSV_TABLES: tuple[CsvTable, ...] = (
    CsvTable("connections", "Connections.csv",
             ("First Name", "Last Name", "URL", "Email Address", "Company", "Position", "Connected On"), {
                 "first_name": _t("First Name"), "last_name": _t("Last Name"), "profile_url": _t("URL"),
                 "email_address": _t("Email Address"), "company": _t("Company"), "position": _t("Position"),
                 "connected_on_raw": _t("Connected On"),
                 "connected_on": dt(q("Connected On"), dates.CONNECTED_ON + dates.US_SHORT)}, skip=3),
    CsvTable("messages", "messages*.csv",
             ("CONVERSATION ID", "CONVERSATION TITLE", "FROM", "SENDER PROFILE URL", "TO", "RECIPIENT PROFILE URLS",
              "DATE", "SUBJECT", "CONTENT", "FOLDER", "IS MESSAGE DRAFT", "IS CONVERSATION DRAFT"), {
                 "conversation_id": _t("CONVERSATION ID"), "conversation_title": _t("CONVERSATION TITLE"),
                 "from_name": _t("FROM"), "sender_profile_url": _t("SENDER PROFILE URL"), "to_names": _t("TO"),
                 "recipient_profile_urls": _t("RECIPIENT PROFILE URLS"), "sent_at_raw": _t("DATE"),
                 "sent_at": ts('"DATE"', dates.MESSAGES + dates.US_SHORT), "subject": _t("SUBJECT"),
                 "folder": 'utxt("FOLDER")', "direction": "null", "attachments": "null",
                 "is_message_draft": 'coalesce(yes("IS MESSAGE DRAFT"), txt("CONVERSATION ID") is null)',
                 "is_conversation_draft": 'coalesce(yes("IS CONVERSATION DRAFT"), false)',
                 "content_length": 'coalesce(length("CONTENT"), 0)', "content_word_count": 'words("CONTENT")',
                 "content_hash": 'hash16("CONTENT")'}),
    CsvTable("invitations", "Invitations.csv",
             ("From", "To", "Sent At", "Message", "Direction", "inviterProfileUrl", "inviteeProfileUrl"), {
                 "from_name": _t("From"), "to_name": _t("To"), "sent_at_raw": _t("Sent At"),
                 "sent_at": ts('"Sent At"', dates.US_SHORT), "direction": 'utxt("Direction")',
                 "inviter_profile_url": _t("inviterProfileUrl"), "invitee_profile_url": _t("inviteeProfileUrl"),
                 "message_length": 'coalesce(length("Message"), 0)'}),
    _endorsements("endorsements_received", "Endorsement_Received_Info.csv", "Endorser"),
    _endorsements("endorsements_given", "Endorsement_Given_Info.csv", "Endorsee"),
    _recommendations("recommendations_received", "Recommendations_Received.csv"),
    _recommendations("recommendations_given", "Recommendations_Given.csv"),
    CsvTable("reactions", "Reactions.csv", ("Date", "Type", "Link"), {
        "reacted_at_raw": _t("Date"), "reacted_at": ts('"Date"', dates.ACTIVITY), "reaction_type": 'utxt("Type")',
        "link": _t("Link")}),
    CsvTable("shares", "Shares.csv", ("Date", "ShareLink", "ShareCommentary", "SharedUrl", "MediaUrl", "Visibility"), {
        "shared_at_raw": _t("Date"), "shared_at": ts('"Date"', dates.ACTIVITY + dates.ENDORSEMENT),
        "share_link": _t("ShareLink"), "commentary_length": 'share_len("ShareCommentary")',
        "shared_url": _t("SharedUrl"), "media_url": _t("MediaUrl"), "visibility": _t("Visibility")}),
    CsvTable("profile", "Profile.csv",
             ("First Name", "Last Name", "Maiden Name", "Address", "Birth Date", "Headline", "Summary", "Industry",
              "Zip Code", "Geo Location", "Twitter Handles", "Websites", "Instant Messengers"), {
                 "first_name": _t("First Name"), "last_name": _t("Last Name"), "headline": _t("Headline"),
                 "industry": _t("Industry"), "geo_location": _t("Geo Location")}),
    CsvTable("positions", "Positions.csv", ("Company Name", "Title", "Description", "Location", "Started On", "Finished On"), {
        "company_name": _t("Company Name"), "title": _t("Title"), "location": _t("Location"),
        "started_on_raw": _t("Started On"), "started_on": dt('"Started On"', dates.MONTH_YEAR),
        "finished_on_raw": _t("Finished On"), "finished_on": dt('"Finished On"', dates.MONTH_YEAR)}),
    CsvTable("skills", "Skills.csv", ("Name",), {"skill_name": _t("Name")}),
    CsvTable("education", "Education.csv", ("School Name", "Start Date", "End Date", "Notes", "Degree Name", "Activities"), {
        "school_name": _t("School Name"), "degree_name": _t("Degree Name"),
        "start_date_raw": _t("Start Date"), "start_date": dt('"Start Date"', dates.MONTH_YEAR),
        "end_date_raw": _t("End Date"), "end_date": dt('"End Date"', dates.MONTH_YEAR)}),
    CsvTable("company_follows", "Company Follows.csv", ("Organization", "Followed On"), {
        "organization": _t("Organization"), "followed_at_raw": _t("Followed On"),
        "followed_at": ts('"Followed On"', dates.COMPANY_FOLLOW)}),
)

# Root-level file base names (lower-case, letters and digits only) -> raw table; coach chats excluded.
FILE_KIND_BASES = {
    "connections": "connections", "messages": "messages", "invitations": "invitations",
    "endorsementreceivedinfo": "endorsements_received", "endorsementgiveninfo": "endorsements_given",
    "recommendationsreceived": "recommendations_received", "recommendationsgiven": "recommendations_given",
    "reactions": "reactions", "comments": "comments", "shares": "shares", "profile": "profile",
    "positions": "positions", "skills": "skills", "education": "education", "companyfollows": "company_follows",
}
EXCLUDED_BASES = {"guidemessages": "messages", "coachmessages": "messages", "learningcoachmessages": "messages",
                  "learningroleplaymessages": "messages"}
COMMENT_START = r'^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}(?: UTC)?,"?https?://'


# --- extraction (Python's zipfile: DuckDB cannot read zips without an extension) -------------------------
@dataclass
class Extracted:
    users: int
    files: int
    bytes: int


def _name_key(path: Path) -> tuple[date, int, str]:
    m = EXPORT_NAME.search(path.name)
    day = date.min
    kind = 1
    if m:
        try:
            day = date(int(m.group(4)), int(m.group(2)), int(m.group(3)))
        except ValueError:
            pass
        kind = {"complete": 0, "basic": 2}.get((m.group(1) or "").lower(), 1)
    return day, -kind, path.name


def extract(raw_root: Path, dest: Path, chosen_csv: Path, inventory_csv: Path) -> Extracted:
    """Unzip every user's newest export into dest/<user_id>/, and list what was chosen and found."""
    users = files = size = 0
    with open(chosen_csv, "w", newline="") as cf, open(inventory_csv, "w", newline="") as inf:
        chosen_w, inv_w = csv.writer(cf), csv.writer(inf)
        chosen_w.writerow(["user_id", "zip_path", "archive_name"])
        inv_w.writerow(["user_id", "path", "size_bytes"])
        for user_dir in sorted(p for p in raw_root.iterdir() if p.is_dir()):
            if not USER_ID.match(user_dir.name):
                continue
            zips = [p for p in user_dir.iterdir() if p.suffix.lower() == ".zip"]
            if not zips:
                raise ValueError(f"{user_dir}: the limit reads zipped exports only")
            newest = max(zips, key=_name_key)
            with zipfile.ZipFile(newest) as zf:
                infos = [i for i in zf.infolist() if not i.is_dir()]
                if not any("/" not in i.filename and i.filename.lower().endswith(".csv") for i in infos):
                    raise ValueError(f"{newest}: wrapped exports are out of the limit's scope")
                zf.extractall(dest / user_dir.name)
            for i in infos:
                inv_w.writerow([user_dir.name, i.filename, i.file_size])
                files += 1
                size += i.file_size
            chosen_w.writerow([user_dir.name, str(newest.resolve()), newest.name])
            users += 1
    return Extracted(users, files, size)


# --- SQL ------------------------------------------------------------------------------------------------
def _lit(s: str) -> str:
    return "'" + s.replace("'", "''") + "'"


USER_OF = r"regexp_extract(filename, '([^/]+)/[^/]+$', 1)"
FILE_OF = r"regexp_extract(filename, '[^/]+$')"


def csv_read(root: Path, t: CsvTable) -> str:
    cols = "{" + ", ".join(f"{_lit(h)}: 'VARCHAR'" for h in t.header) + "}"
    return (f"read_csv({_lit(str(root / '*' / t.pattern))}, header = true, skip = {t.skip}, delim = ',', "
            f"quote = '\"', escape = '\"', columns = {cols}, auto_detect = false, filename = true)")


def stage_sql(root: Path, t: CsvTable) -> str:
    nl = " + ".join(f"nl({q(h)})" for h in t.header)
    return (f"create or replace temp table _csv_{t.table} as "
            f"select {USER_OF} as user_id, {FILE_OF} as source_file, {nl} as _nl, * "
            f"from {csv_read(root, t)}")


def insert_sql(t: CsvTable) -> str:
    header_line = t.skip + 1
    exprs = ",\n    ".join(f"{expr} as {col}" for col, expr in t.columns.items())
    return f"""insert into raw.{t.table} by name
select c.user_id, e.export_id, c.source_file,
    ({header_line} + 1 + coalesce(sum(1 + c._nl) over (partition by c.user_id, c.source_file order by c.rowid
        rows between unbounded preceding and 1 preceding), 0))::integer as source_line,
    e.loaded_at,
    {exprs}
from _csv_{t.table} as c join _exports as e using (user_id)"""


def comments_sql(root: Path) -> list[str]:
    lines = f"""create or replace temp table _cm_lines as
select user_id, filename, unnest(l) as line, unnest(generate_series(1, len(l))) as n, len(l) as last_n
from (select {USER_OF} as user_id, filename, string_split(content, chr(10)) as l
      from read_text({_lit(str(root / '*' / 'Comments.csv'))}))"""
    insert = f"""insert into raw.comments by name
with grouped as (
    select user_id, filename, n, line,
        sum(case when regexp_matches(line, {_lit(COMMENT_START)}) then 1 else 0 end)
            over (partition by filename order by n) as g
    from _cm_lines where n > 1 and not (n = last_n and line = '')
), recs as (
    select user_id, filename, g, min(n) as start_line, count(*) as physical,
        string_agg(line, chr(10) order by n) as body
    from grouped group by user_id, filename, g
), fields as (
    select *, regexp_extract(body, '^([^,]*),("[^"]*"|[^,]*)(?:,(.*))?$', 1, 's') as f_date,
        regexp_extract(body, '^([^,]*),("[^"]*"|[^,]*)(?:,(.*))?$', 2, 's') as f_link,
        regexp_extract(body, '^([^,]*),("[^"]*"|[^,]*)(?:,(.*))?$', 3, 's') as f_msg0
    from recs
), unquoted as (
    select *,
        case when length(f_link) >= 2 and starts_with(f_link, '"') and ends_with(f_link, '"')
             then replace(f_link[2:-2], '""', '"') else f_link end as f_link1,
        case when length(f_msg0) >= 2 and starts_with(f_msg0, '"') and ends_with(f_msg0, '"')
             then replace(f_msg0[2:-2], '""', '"') else f_msg0 end as f_msg
    from fields
)
select u.user_id, e.export_id, 'Comments.csv' as source_file, start_line::integer as source_line, e.loaded_at,
    txt(f_date) as commented_at_raw, {ts('f_date', dates.ACTIVITY)} as commented_at, txt(f_link1) as link,
    coalesce(length(f_msg), 0) as message_length, words(f_msg) as message_word_count,
    physical::integer as physical_lines
from unquoted as u join _exports as e using (user_id)"""
    return [lines, insert]


def exports_sql(raw_root: Path, chosen_csv: Path) -> str:
    return f"""create or replace temp table _exports as
with chosen as (
    select * from read_csv({_lit(str(chosen_csv))}, header = true, columns = {{'user_id': 'VARCHAR',
        'zip_path': 'VARCHAR', 'archive_name': 'VARCHAR'}}, auto_detect = false)
), blobs as (
    select filename, content from read_blob({_lit(str(raw_root.resolve() / '*' / '*.zip'))})
)
select chosen.*, left(sha256(sha256(blobs.content)), 16) as export_id,
    date_trunc('second', now() at time zone 'UTC')::timestamp as loaded_at
from chosen join blobs on blobs.filename = chosen.zip_path"""


def inventory_sql(inventory_csv: Path) -> list[str]:
    kinds = ", ".join(f"({_lit(b)}, {_lit(t)}, false)" for b, t in FILE_KIND_BASES.items())
    kinds += ", " + ", ".join(f"({_lit(b)}, {_lit(t)}, true)" for b, t in EXCLUDED_BASES.items())
    files = f"""create or replace temp table _files as
with inv as (
    select * from read_csv({_lit(str(inventory_csv))}, header = true, columns = {{'user_id': 'VARCHAR',
        'path': 'VARCHAR', 'size_bytes': 'BIGINT'}}, auto_detect = false)
), kinds(base, kind, excluded) as (values {kinds}
), named as (
    select *, case when position('/' in path) = 0
        then regexp_replace(lower(regexp_extract(path, '^(.+?)(?:_(\\d{{1,3}}))?\\.[cC][sS][vV]$', 1)), '[^0-9a-z]', '', 'g')
        end as base
    from inv
)
select named.user_id, named.path, named.size_bytes, kinds.kind as file_kind,
    case when kinds.kind is null then 'ignored' when kinds.excluded then 'excluded' else 'parsed' end as status
from named left join kinds on kinds.base = named.base"""
    counts = " union all ".join(
        f"select user_id, source_file, count(*) as n from raw.{t.name} group by all" for t in RAW_TABLES)
    insert_files = f"""insert into raw.export_files by name
with counts as ({counts})
select f.user_id, e.export_id, f.path as source_file, 0 as source_line, e.loaded_at, f.path, f.file_kind, f.status,
    f.size_bytes,
    case when f.status = 'parsed' then 'utf-8' end as encoding,
    case when f.status = 'parsed' then ',' end as delimiter,
    case when f.status = 'parsed' then 'LF' end as line_ending,
    case when f.status = 'parsed' then coalesce(counts.n, 0)::integer end as data_rows
from _files as f join _exports as e using (user_id)
left join counts on counts.user_id = f.user_id and counts.source_file = f.path"""
    totals = " union all ".join(f"select user_id, count(*) as n from raw.{t.name} group by all" for t in RAW_TABLES)
    insert_exports = f"""insert into raw.exports by name
with totals as (select user_id, sum(n) as rows_total from ({totals}) group by user_id),
files as (select user_id, count(*) as found, count(*) filter (where status = 'parsed') as parsed
          from _files group by user_id),
named as (select *, regexp_extract(archive_name, '(?i)(?:(basic|complete)_)?linkedindataexport_(\\d{{2}})-(\\d{{2}})-(\\d{{4}})',
                 ['kind', 'mm', 'dd', 'yyyy']) as m from _exports)
select n.user_id, n.export_id, n.archive_name as source_file, 0 as source_line, n.loaded_at,
    n.archive_name as archive_names,
    case when coalesce(m.kind, '') = '' then 'unknown' else upper(m.kind[1]) || lower(m.kind[2:]) end as archive_kind,
    try_cast(nullif(m.yyyy, '') || '-' || m.mm || '-' || m.dd as date) as export_date,
    'name' as export_date_source, coalesce(files.found, 0)::integer as files_found,
    coalesce(files.parsed, 0)::integer as files_parsed, coalesce(totals.rows_total, 0)::bigint as rows_total,
    []::varchar[] as warnings, {_lit(PARSER_VERSION)} as parser_version
from named as n left join files using (user_id) left join totals using (user_id)"""
    return [files, insert_files, insert_exports]


def ingest(con, raw_root: Path, extract_root: Path, chosen_csv: Path, inventory_csv: Path,
           timings: dict[str, float] | None = None) -> dict[str, int]:
    """Create and fill every raw table in `con` from the extracted exports. Returns rows per table."""
    import time

    timings = timings if timings is not None else {}

    def step(name: str, sqls: list[str]) -> None:
        t0 = time.perf_counter()
        for s in sqls:
            con.execute(s)
        timings[name] = timings.get(name, 0.0) + time.perf_counter() - t0

    step("schema", ["create schema if not exists raw"] + [t.ddl() for t in ALL_TABLES] + [MACROS])
    step("exports_hash", [exports_sql(raw_root, chosen_csv)])
    present = {p.name for p in extract_root.glob("*/*") if p.is_file()}
    for t in CSV_TABLES:
        if not any(re.fullmatch(t.pattern.replace(".", r"\.").replace("*", ".*"), f) for f in present):
            continue
        step(f"csv:{t.table}", [stage_sql(extract_root, t), insert_sql(t)])
    if "Comments.csv" in present:
        step("csv:comments", comments_sql(extract_root))
    step("inventory", inventory_sql(inventory_csv))
    return {t.name: con.execute(f"select count(*) from raw.{t.name}").fetchone()[0] for t in ALL_TABLES}
