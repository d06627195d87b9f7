"""Ingest one user's newest export into the raw tables: discover → parse → replace in one transaction."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from datetime import date, datetime, timezone
from pathlib import Path

import duckdb

from . import archive, loader
from .errors import ExportError
from .file_kinds import FILE_KINDS
from .parse import parse_export
from .schema import RAW_TABLES

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


def ingest_user(warehouse_path: Path | str, raw_root: Path | str, user_id: str, *, force: bool = False,
                con: duckdb.DuckDBPyConnection | None = None) -> IngestReport:
    """Load the newest export of `user_id`. Raises ExportError (naming user, file, line) on bad input,
    in which case the user's previously loaded rows are left as they were.

    Re-ingesting the same export is a no-op (status 'unchanged') unless `force`; forced re-ingestion
    keeps the original loaded_at, so tables stay identical."""
    raw_root = Path(raw_root)
    sources = archive.discover(raw_root, user_id)
    try:
        chosen = archive.newest(sources)
        export_id = hashlib.sha256(
            "|".join(s.fingerprint() for s in chosen).encode()
        ).hexdigest()[:16]
        own = con is None
        con = con or duckdb.connect(str(warehouse_path))
        try:
            loader.ensure_schema(con)
            current = loader.loaded_export(con, user_id)
            report = IngestReport(
                user_id=user_id, export_id=export_id, status="loaded",
                archive_names=[s.name for s in chosen],
                archive_kind="+".join(s.kind for s in chosen),
                export_date=chosen[0].export_date, export_date_source=chosen[0].date_source,
            )
            if current and current[0] == export_id and current[1] == PARSER_VERSION and not force:
                report.status = "unchanged"
                report.rows = {t.name: n for t, n in zip(RAW_TABLES, _counts(con, user_id))}
                return report
            parsed = parse_export(user_id, chosen, KINDS_BY_TABLE)
            loaded_at = current[2] if current and current[0] == export_id else _now()
            lineage = {"user_id": user_id, "export_id": export_id, "loaded_at": loaded_at}
            files = [vars(f) for f in parsed.files]
            report.files = files
            report.files_found = len(files)
            report.files_parsed = sum(1 for f in files if f["status"] == "parsed")
            report.warnings = parsed.warnings
            export_row = {
                "archive_names": ", ".join(report.archive_names), "archive_kind": report.archive_kind,
                "export_date": report.export_date, "export_date_source": report.export_date_source,
                "files_found": report.files_found, "files_parsed": report.files_parsed,
                "rows_total": sum(len(r) for r in parsed.rows.values()),
                "warnings": parsed.warnings, "parser_version": PARSER_VERSION,
            }
            report.rows = loader.replace_user(con, user_id, lineage, parsed.rows, files, export_row,
                                              previously_loaded=current is not None)
            return report
        finally:
            if own:
                con.close()
    finally:
        for s in sources:
            s.close()


def _counts(con: duckdb.DuckDBPyConnection, user_id: str) -> list[int]:
    sql = " union all ".join(
        f"select {i} as i, count(*) as n from raw.{t.name} where user_id = $u" for i, t in enumerate(RAW_TABLES)
    )
    return [n for _, n in sorted(con.execute(sql, {"u": user_id}).fetchall())]


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


__all__ = ["ExportError", "IngestReport", "ingest_user", "list_user_ids", "PARSER_VERSION"]
