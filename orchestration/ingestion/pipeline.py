"""Ingest one user's newest export into the raw tables: discover → hash → parse → Arrow tables → write.

Many users at once: `batch.ingest_users` (parsing in worker processes, writes batched)."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from datetime import date, datetime, timezone
from pathlib import Path

import duckdb

from . import archive, loader
from .errors import ExportError
from .file_kinds import FILE_KINDS
from .parse import ParsedTable, parse_export
from .schema import EXPORT_FILES, EXPORTS, RAW_TABLES

# Bump when parsing changes what lands in the raw tables: a loaded export with an older version is re-read.
PARSER_VERSION = "2026.11.1"
KINDS_BY_TABLE = {k.table: k for k in FILE_KINDS}


@dataclass
class IngestReport:
    user_id: str
    export_id: str
    status: str                           # loaded or unchanged
    archive_names: list[str]
    archive_kind: str
    export_date: date | None
    export_date_source: str
    rows: dict[str, int] = field(default_factory=dict)
    files_found: int = 0
    files_parsed: int = 0
    warnings: list[str] = field(default_factory=list)
    files: list[dict] = field(default_factory=list)

    @property
    def rows_total(self) -> int:
        return sum(self.rows.values())


def read_export(raw_root: Path | str, user_id: str, loaded: tuple[str, str, datetime] | None,
                force: bool = False) -> tuple[IngestReport, loader.UserTables | None]:
    """Find, hash and parse the newest export of `user_id`; no DuckDB (so it can run in a worker process).

    `loaded` is what the warehouse holds for the user (export_id, parser_version, loaded_at). The same
    export under the same parser version is 'unchanged' and not parsed, unless `force`; a forced re-read
    keeps the original loaded_at, so the tables stay identical. Raises ExportError on bad input."""
    sources = archive.discover(Path(raw_root), user_id)
    try:
        chosen, report = _identify(user_id, sources)
        export_id = report.export_id
        if _is_loaded(loaded, export_id) and not force:
            report.status = "unchanged"
            return report, None
        for source in sources:
            source.verify()
        parsed = parse_export(user_id, chosen, KINDS_BY_TABLE)
    finally:
        for s in sources:
            s.close()
    loaded_at = loaded[2] if loaded and loaded[0] == export_id else _now()
    lineage = {"user_id": user_id, "export_id": export_id, "loaded_at": loaded_at}
    files = [vars(f) for f in parsed.files]
    report.files = files
    report.files_found = len(files)
    report.files_parsed = sum(1 for f in files if f["status"] == "parsed")
    report.warnings = parsed.warnings
    tables = {}
    for t in RAW_TABLES:
        part = parsed.tables.get(t.name) or ParsedTable()
        report.rows[t.name] = part.rows
        tables[t.name] = loader.columns_to_arrow(t, part.columns, part.rows, lineage)
    export_row = {
        "archive_names": ", ".join(report.archive_names), "archive_kind": report.archive_kind,
        "export_date": report.export_date, "export_date_source": report.export_date_source,
        "files_found": report.files_found, "files_parsed": report.files_parsed,
        "rows_total": report.rows_total, "warnings": parsed.warnings, "parser_version": PARSER_VERSION,
        "source_file": ", ".join(report.archive_names), "source_line": 0,
    }
    tables[EXPORT_FILES.name] = loader.to_arrow(
        EXPORT_FILES, [dict(f, source_file=f["path"], source_line=0) for f in files], lineage)
    tables[EXPORTS.name] = loader.to_arrow(EXPORTS, [export_row], lineage)
    return report, loader.UserTables(user_id, loaded is not None, tables)


def _is_loaded(loaded: tuple[str, str, datetime] | None, export_id: str) -> bool:
    """The warehouse holds this export, parsed by this parser version: nothing to read again."""
    return loaded is not None and loaded[0] == export_id and loaded[1] == PARSER_VERSION


def _identify(user_id: str, sources: list[archive.ExportSource]) -> tuple[list[archive.ExportSource], IngestReport]:
    """The newest export among `sources` and its content hash (the export_id), as a report to fill."""
    chosen = archive.newest(sources)
    export_id = hashlib.sha256("|".join(s.fingerprint() for s in chosen).encode()).hexdigest()[:16]
    return chosen, IngestReport(
        user_id=user_id, export_id=export_id, status="loaded",
        archive_names=[s.name for s in chosen], archive_kind="+".join(s.kind for s in chosen),
        export_date=chosen[0].export_date, export_date_source=chosen[0].date_source,
    )


def unchanged_report(raw_root: Path | str, user_id: str, loaded: tuple[str, str, datetime] | None) -> IngestReport | None:
    """The 'unchanged' report when the user's newest export is the one loaded, under this parser version;
    None when it must be read (or cannot be identified: reading it then reports why). About 1 ms a user
    (list the zip, hash its bytes): cheap enough to decide in the parent before any worker starts."""
    if loaded is None or loaded[1] != PARSER_VERSION:   # re-read whatever the bytes: skip hashing them
        return None
    try:
        sources = archive.discover(Path(raw_root), user_id)
    except ExportError:
        return None
    try:
        _, report = _identify(user_id, sources)
    except ExportError:
        return None
    finally:
        for s in sources:
            s.close()
    if not _is_loaded(loaded, report.export_id):
        return None
    report.status = "unchanged"
    return report


def ingest_user(warehouse_path: Path | str, raw_root: Path | str, user_id: str, *, force: bool = False,
                con: duckdb.DuckDBPyConnection | None = None) -> IngestReport:
    """Load the newest export of `user_id`. Raises ExportError (naming user, file, line) on bad input,
    in which case the user's previously loaded rows are left as they were."""
    own = con is None
    con = con or duckdb.connect(str(warehouse_path))
    try:
        from .batch import ingest_users

        result = ingest_users(con, raw_root, [user_id], force=force, workers=1)
    finally:
        if own:
            con.close()
    if user_id in result.failures:
        raise result.failures[user_id]
    return result.reports[user_id]


def _now() -> datetime:
    return datetime.now(timezone.utc).replace(tzinfo=None, microsecond=0)


def list_user_ids(raw_root: Path | str) -> tuple[list[str], list[str]]:
    """(valid user ids, refused folder names) under data/raw/."""
    root = Path(raw_root)
    valid, refused = [], []
    if not root.is_dir():
        return valid, refused
    for child in sorted(root.iterdir()):
        if not child.is_dir() or child.name.startswith("."):
            continue
        (valid if archive.USER_ID.match(child.name) else refused).append(child.name)
    return valid, refused


__all__ = ["ExportError", "IngestReport", "ingest_user", "list_user_ids", "read_export", "PARSER_VERSION"]
