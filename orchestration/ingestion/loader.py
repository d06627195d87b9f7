"""Writing one user's parsed export to DuckDB: all of it, or nothing.

The user's rows in every raw table are deleted and re-inserted inside one transaction, so a failure
leaves their previous export in place and other users' rows are never touched."""

from __future__ import annotations

from datetime import datetime
from typing import Any

import duckdb
import pandas as pd

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


def _frame(table: RawTable, rows: list[dict[str, Any]], lineage: dict[str, Any]) -> pd.DataFrame:
    columns = [c.name for c in LINEAGE_COLUMNS + table.columns]
    data = {name: [row.get(name, lineage.get(name)) for row in rows] for name in columns}
    return pd.DataFrame(data, columns=columns, dtype=object)


def replace_user(
    con: duckdb.DuckDBPyConnection,
    user_id: str,
    lineage: dict[str, Any],
    rows: dict[str, list[dict[str, Any]]],
    files: list[dict[str, Any]],
    export_row: dict[str, Any],
) -> dict[str, int]:
    """Replace every raw row of `user_id` in one transaction; returns rows written per table."""
    counts: dict[str, int] = {}
    con.execute("begin transaction")
    try:
        for table in ALL_TABLES:
            con.execute(f"delete from raw.{table.name} where user_id = ?", [user_id])
        for table in RAW_TABLES:
            table_rows = rows.get(table.name, [])
            counts[table.name] = len(table_rows)
            if table_rows:
                _insert(con, table, _frame(table, table_rows, lineage))
        _insert(con, EXPORT_FILES, _frame(EXPORT_FILES, [dict(f, source_file=f["path"], source_line=0)
                                                         for f in files], lineage))
        _insert(con, EXPORTS, _frame(EXPORTS, [dict(export_row, source_file=export_row["archive_names"],
                                                    source_line=0)], lineage))
        con.execute("commit")
    except Exception:
        con.execute("rollback")
        raise
    return counts


def _insert(con: duckdb.DuckDBPyConnection, table: RawTable, frame: pd.DataFrame) -> None:
    if frame.empty:
        return
    cols = ", ".join(table.column_names)
    casts = ", ".join(f"cast({c.name} as {c.type.replace(' not null', '')}) as {c.name}"
                      for c in LINEAGE_COLUMNS + table.columns)
    con.register("_incoming", frame)
    try:
        con.execute(f"insert into raw.{table.name} ({cols}) select {casts} from _incoming")
    finally:
        con.unregister("_incoming")
