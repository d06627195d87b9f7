"""Publish the query-facing tables to the serving DuckDB file, atomically.

The snapshot is built in a temporary file next to the serving file and moved over it with os.replace
(an atomic rename): a reader that has the old file open keeps reading it undisturbed, the next open sees
the new one, and nobody ever sees a half-built table. Readers never touch the warehouse, so they never
block the pipeline's single writer.

When a previous snapshot exists, the new one starts as a copy of it and only the rows of the users
refreshed since it was published are replaced (ops.refresh_status.last_success_at >= its published_at),
so publishing costs what changed, not the size of the warehouse: one user among 1,000 takes about a
second instead of copying every mart. A change of tables or columns (a new model version) falls back to
a full rebuild, as does a missing or unreadable previous snapshot."""

from __future__ import annotations

import os
import shutil
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
    mode: str = "full"                  # full, or incremental (rows of `users_replaced` swapped in a copy)
    users_replaced: int | None = None


def _quote(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


def publish(warehouse_path: Path | str, serving_path: Path | str, run_id: str = "",
            keep_previous: list[str] | None = None, *, incremental: bool = True) -> Publication:
    """Publish the marts and refresh status into a new snapshot, then swap it in (see the module docstring).

    Users in `keep_previous` (stale: their latest refresh failed a check) keep the rows of the previous
    snapshot in every per-user table, so their last good score stays queryable."""
    serving_path = Path(serving_path)
    serving_path.parent.mkdir(parents=True, exist_ok=True)
    tmp = serving_path.with_name(f".{serving_path.name}.tmp-{os.getpid()}")
    tmp.unlink(missing_ok=True)
    published_at = datetime.now(timezone.utc).replace(tzinfo=None, microsecond=0)
    keep = sorted(set(keep_previous or []))
    wh = Path(warehouse_path).stem   # attached under its own name: dbt's views refer to relations by it
    try:
        publication = None
        if incremental and serving_path.exists():
            shutil.copyfile(serving_path, tmp)
            publication = _publish_changes(tmp, warehouse_path, wh, keep, run_id, published_at)
            if publication is None:
                tmp.unlink()
        if publication is None:
            publication = _publish_everything(tmp, warehouse_path, wh, serving_path, keep, run_id, published_at)
    except BaseException:
        tmp.unlink(missing_ok=True)    # never leave a half-built snapshot behind
        raise
    os.replace(tmp, serving_path)
    publication.path = serving_path
    return publication


def _published_relations(con: duckdb.DuckDBPyConnection, wh: str) -> list[tuple[str, str]]:
    relations = con.execute(
        "select schema_name, table_name from duckdb_tables() where database_name = ? "
        f"and schema_name in ({', '.join(_sql_str(s) for s in PUBLISHED_SCHEMAS)}) "
        "union all select schema_name, view_name from duckdb_views() where database_name = ? "
        f"and schema_name in ({', '.join(_sql_str(s) for s in PUBLISHED_SCHEMAS)}) order by 1, 2", [wh, wh]
    ).fetchall()
    return [(s, n) for s, n in relations if s != "ops" or n in PUBLISHED_OPS]


def _finish(con: duckdb.DuckDBPyConnection, wh: str, tables: dict[str, int], published_at: datetime,
            run_id: str) -> None:
    con.execute("create or replace table _publication as select ? as published_at, ? as run_id, ? as tables",
                [published_at, run_id, sorted(tables)])
    con.execute(f"detach {_quote(wh)}")
    con.execute("checkpoint")


def _publish_everything(tmp: Path, warehouse_path: Path | str, wh: str, serving_path: Path, keep: list[str],
                        run_id: str, published_at: datetime) -> Publication:
    """Copy every table and view of the published schemas into the empty file `tmp`."""
    tables: dict[str, int] = {}
    with duckdb.connect(str(tmp)) as con:
        con.execute(f"attach {_sql_str(str(warehouse_path))} as {_quote(wh)} (read_only)")
        relations = _published_relations(con, wh)
        previous = serving_path.exists() and bool(keep)
        if previous:
            con.execute(f"attach {_sql_str(str(serving_path))} as prev (read_only)")
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
        if previous:
            con.execute("detach prev")
        _finish(con, wh, tables, published_at, run_id)
    return Publication(serving_path, tables, published_at)


def _columns(con: duckdb.DuckDBPyConnection, database: str, schema: str, name: str) -> list[tuple[str, str]]:
    return con.execute("select column_name, data_type from duckdb_columns() where database_name = ? "
                       "and schema_name = ? and table_name = ? order by column_index",
                       [database, schema, name]).fetchall()


def _publish_changes(tmp: Path, warehouse_path: Path | str, wh: str, keep: list[str], run_id: str,
                     published_at: datetime) -> Publication | None:
    """In `tmp` (a copy of the previous snapshot), replace the rows of the users refreshed since it was
    published. None, with `tmp` left for the caller to delete, when the tables or columns differ."""
    with duckdb.connect(str(tmp)) as con:
        con.execute(f"attach {_sql_str(str(warehouse_path))} as {_quote(wh)} (read_only)")
        relations = _published_relations(con, wh)
        db = con.execute("select current_database()").fetchone()[0]
        current = {n for (n,) in con.execute("select table_name from duckdb_tables() where database_name = ? "
                                             "and schema_name = 'main'", [db]).fetchall()}
        if current != {n for _, n in relations} | {"_publication"}:
            return None
        if any(_columns(con, wh, s, n) != _columns(con, db, "main", n) for s, n in relations):
            return None
        status_columns = {c for c, _ in _columns(con, wh, "ops", "refresh_status")}
        if not {"user_id", "last_success_at"} <= status_columns:
            return None
        since = con.execute("select max(published_at) from _publication").fetchone()[0]
        if since is None:
            return None
        changed = [u for (u,) in con.execute(
            f"select user_id from {_quote(wh)}.ops.refresh_status where last_success_at >= ? "
            "and not list_contains(?, user_id) order by user_id", [since, keep]).fetchall()]
        tables: dict[str, int] = {}
        con.execute("begin transaction")
        for schema, name in relations:
            source = f"{_quote(wh)}.{_quote(schema)}.{_quote(name)}"
            target = _quote(name)
            if schema == "marts" and any(c == "user_id" for c, _ in _columns(con, wh, schema, name)):
                if changed:
                    con.execute(f"delete from {target} where list_contains($users, user_id)", {"users": changed})
                    con.execute(f"insert into {target} select * from {source} where list_contains($users, user_id)",
                                {"users": changed})
            else:   # small tables (refresh status) and any without users: replaced whole
                con.execute(f"delete from {target}")
                con.execute(f"insert into {target} select * from {source}")
            tables[name] = con.execute(f"select count(*) from {target}").fetchone()[0]
        con.execute("commit")
        _finish(con, wh, tables, published_at, run_id)
    return Publication(tmp, tables, published_at, mode="incremental", users_replaced=len(changed))


def _has_user_and_previous(con: duckdb.DuckDBPyConnection, wh: str, schema: str, name: str) -> bool:
    has_user = con.execute("select count(*) from duckdb_columns() where database_name = ? and schema_name = ? "
                           "and table_name = ? and column_name = 'user_id'", [wh, schema, name]).fetchone()[0]
    in_previous = con.execute("select count(*) from duckdb_columns() where database_name = 'prev' "
                              "and table_name = ? and column_name = 'user_id'", [name]).fetchone()[0]
    return bool(has_user and in_previous)


def _sql_str(value: str) -> str:
    return "'" + value.replace("'", "''") + "'"
