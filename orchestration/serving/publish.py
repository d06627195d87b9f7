"""Publish the query-facing tables to the serving DuckDB file, atomically.

The snapshot is built in a temporary file next to the serving file and moved over it with os.replace
(an atomic rename): a reader that has the old file open keeps reading it undisturbed, the next open sees
the new one, and nobody ever sees a half-built table. Readers never touch the warehouse, so they never
block the pipeline's single writer."""

from __future__ import annotations

import os
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path

import duckdb

# Published schemas: marts (scores, tie strength, mixes, action lists) and ops (per-user refresh status).
PUBLISHED_SCHEMAS = ("marts", "ops")
# Of ops, only what people query; the pipeline's bookkeeping (dbt batches, seed state) stays internal.
PUBLISHED_OPS = ("refresh_status",)


@dataclass
class Publication:
    path: Path
    tables: dict[str, int]
    published_at: datetime


def _quote(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


def publish(warehouse_path: Path | str, serving_path: Path | str, run_id: str = "",
            keep_previous: list[str] | None = None) -> Publication:
    """Copy every table and view of the published schemas into a new file, then swap it in.

    Users in `keep_previous` (stale: their latest refresh failed a check) keep the rows of the previous
    snapshot in every per-user table, so their last good score stays queryable."""
    serving_path = Path(serving_path)
    serving_path.parent.mkdir(parents=True, exist_ok=True)
    tmp = serving_path.with_name(f".{serving_path.name}.tmp-{os.getpid()}")
    tmp.unlink(missing_ok=True)
    published_at = datetime.now(timezone.utc).replace(tzinfo=None, microsecond=0)
    tables: dict[str, int] = {}
    con = duckdb.connect(str(tmp))
    try:
        # Attached under its own catalog name: dbt's views refer to their relations by that name.
        wh = Path(warehouse_path).stem
        con.execute(f"attach {_sql_str(str(warehouse_path))} as {_quote(wh)} (read_only)")
        relations = con.execute(
            "select schema_name, table_name from duckdb_tables() where database_name = ? "
            f"and schema_name in ({', '.join(_sql_str(s) for s in PUBLISHED_SCHEMAS)}) "
            "union all select schema_name, view_name from duckdb_views() where database_name = ? "
            f"and schema_name in ({', '.join(_sql_str(s) for s in PUBLISHED_SCHEMAS)}) order by 1, 2", [wh, wh]
        ).fetchall()
        keep = sorted(set(keep_previous or []))
        previous = serving_path.exists() and bool(keep)
        if previous:
            con.execute(f"attach {_sql_str(str(serving_path))} as prev (read_only)")
        relations = [(s, n) for s, n in relations if s != "ops" or n in PUBLISHED_OPS]
        for schema, name in relations:
            # Tables land in the serving file's main schema: `select * from connection_score`.
            source = f"{_quote(wh)}.{_quote(schema)}.{_quote(name)}"
            if previous and schema == "marts" and _has_user_and_previous(con, wh, schema, name):
                users = ", ".join(_sql_str(u) for u in keep)
                con.execute(f"create table {_quote(name)} as select * from {source} where user_id not in ({users}) "
                            f"union all by name select * from prev.{_quote(name)} where user_id in ({users})")
            else:
                con.execute(f"create table {_quote(name)} as select * from {source}")
            tables[name] = con.execute(f"select count(*) from {_quote(name)}").fetchone()[0]
        con.execute("create table _publication as select ? as published_at, ? as run_id, ? as tables",
                    [published_at, run_id, sorted(tables)])
        if previous:
            con.execute("detach prev")
        con.execute(f"detach {_quote(wh)}")
        con.execute("checkpoint")
    except BaseException:
        con.close()
        tmp.unlink(missing_ok=True)    # never leave a half-built snapshot behind
        raise
    con.close()
    os.replace(tmp, serving_path)
    return Publication(serving_path, tables, published_at)


def _has_user_and_previous(con: duckdb.DuckDBPyConnection, wh: str, schema: str, name: str) -> bool:
    has_user = con.execute("select count(*) from duckdb_columns() where database_name = ? and schema_name = ? "
                           "and table_name = ? and column_name = 'user_id'", [wh, schema, name]).fetchone()[0]
    in_previous = con.execute("select count(*) from duckdb_columns() where database_name = 'prev' "
                              "and table_name = ? and column_name = 'user_id'", [name]).fetchone()[0]
    return bool(has_user and in_previous)


def _sql_str(value: str) -> str:
    return "'" + value.replace("'", "''") + "'"
