"""Writing one user's parsed export to DuckDB: all of it, or nothing.

The user's rows in every raw table are deleted and re-inserted inside one transaction, so a failure
leaves their previous export in place and other users' rows are never touched."""

from __future__ import annotations

import csv
import os
import tempfile
from datetime import date, datetime
from typing import Any

import duckdb

from .schema import ALL_TABLES, EXPORT_FILES, EXPORTS, LINEAGE_COLUMNS, RAW_TABLES, RawTable


def ensure_schema(con: duckdb.DuckDBPyConnection) -> None:
    con.execute("create schema if not exists raw")
    for table in ALL_TABLES:
        con.execute(table.ddl())


def loaded_export(con: duckdb.DuckDBPyConnection, user_id: str) -> tuple[str, str, datetime] | None:
    """(export_id, parser_version, loaded_at) currently loaded for the user, if any."""
    row = con.execute(
        "select export_id, parser_version, loaded_at from raw.exports where user_id = ?", [user_id]
    ).fetchone()
    return (row[0], row[1], row[2]) if row else None


def _cell(value: Any) -> Any:
    if value is None:
        return None
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (datetime, date)):
        return value.isoformat(sep=" ") if isinstance(value, datetime) else value.isoformat()
    return value


def _insert(con: duckdb.DuckDBPyConnection, table: RawTable, rows: list[dict[str, Any]],
            lineage: dict[str, Any]) -> None:
    """Stage the rows as a CSV file and load it with DuckDB's CSV reader: an order of magnitude faster
    than converting Python objects, and every column is cast to its declared type on the way in."""
    if not rows:
        return
    columns = LINEAGE_COLUMNS + table.columns
    names = [c.name for c in columns]
    fd, path = tempfile.mkstemp(suffix=".csv", prefix=f"raw_{table.name}_")
    try:
        with os.fdopen(fd, "w", newline="", encoding="utf-8") as fh:
            writer = csv.writer(fh)
            for row in rows:
                writer.writerow([_cell(row.get(n, lineage.get(n))) for n in names])
        types = ", ".join(f"'{c.name}': '{c.type.replace(' not null', '')}'" for c in columns)
        con.execute(
            f"insert into raw.{table.name} ({', '.join(names)}) select {', '.join(names)} from read_csv("
            f"?, header = false, columns = {{{types}}}, quote = '\"', escape = '\"', "
            f"nullstr = '', auto_detect = false, strict_mode = true)",
            [path],
        )
    finally:
        os.unlink(path)


def _insert_rows(con: duckdb.DuckDBPyConnection, table: RawTable, rows: list[dict[str, Any]],
                 lineage: dict[str, Any]) -> None:
    """Small tables with list columns (exports): plain parameterised inserts."""
    names = [c.name for c in LINEAGE_COLUMNS + table.columns]
    placeholders = ", ".join("?" for _ in names)
    for row in rows:
        con.execute(f"insert into raw.{table.name} ({', '.join(names)}) values ({placeholders})",
                    [row.get(n, lineage.get(n)) for n in names])


def replace_user(
    con: duckdb.DuckDBPyConnection,
    user_id: str,
    lineage: dict[str, Any],
    rows: dict[str, list[dict[str, Any]]],
    files: list[dict[str, Any]],
    export_row: dict[str, Any],
    previously_loaded: bool = True,
) -> dict[str, int]:
    """Replace every raw row of `user_id` in one transaction; returns rows written per table.
    A user with no loaded export has no rows anywhere (all or nothing), so the deletes, each a scan of
    a shared table, are skipped for them."""
    counts: dict[str, int] = {}
    con.execute("begin transaction")
    try:
        for table in ALL_TABLES if previously_loaded else ():
            con.execute(f"delete from raw.{table.name} where user_id = ?", [user_id])
        for table in RAW_TABLES:
            table_rows = rows.get(table.name, [])
            counts[table.name] = len(table_rows)
            _insert(con, table, table_rows, lineage)
        _insert(con, EXPORT_FILES, [dict(f, source_file=f["path"], source_line=0) for f in files], lineage)
        _insert_rows(con, EXPORTS, [dict(export_row, source_file=export_row["archive_names"], source_line=0)],
                     lineage)
        con.execute("commit")
    except Exception:
        con.execute("rollback")
        raise
    return counts


