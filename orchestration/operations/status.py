"""Per-user refresh status (`ops.refresh_status` in the warehouse, published to the serving file).

A batch refreshes many users in one run. A user whose export fails to ingest, or whose rows fail a
blocking expectation, is *quarantined* for the rest of the run: later steps skip them, their previous
marts stay in place, and their score is flagged stale with the stage and the reason."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from datetime import datetime, timezone

import duckdb

DDL = """
create schema if not exists ops;
create table if not exists ops.refresh_status (
    user_id varchar primary key,
    last_attempt_at timestamp not null,
    last_attempt_run_id varchar not null,
    last_attempt_status varchar not null,   -- ok, failed, or running (between steps)
    failed_stage varchar,                   -- ingestion, raw_checks, dbt, mart_checks
    failure_reason varchar,
    last_success_at timestamp,
    last_success_run_id varchar,
    score_is_stale boolean not null          -- true when the latest attempt failed: the score shown is older
);
"""


def _now() -> datetime:
    return datetime.now(timezone.utc).replace(tzinfo=None, microsecond=0)


def ensure(con: duckdb.DuckDBPyConnection) -> None:
    con.execute(DDL)


def start(con: duckdb.DuckDBPyConnection, run_id: str, users: Iterable[str]) -> None:
    ensure(con)
    wanted = sorted(set(users))
    if not wanted:
        return
    # One statement for the whole batch (10,000 users in one round trip, not 10,000).
    con.execute(
        """insert into ops.refresh_status (user_id, last_attempt_at, last_attempt_run_id,
               last_attempt_status, score_is_stale)
           select u, ?, ?, 'running', false from unnest(?::varchar[]) as t(u)
           on conflict (user_id) do update set last_attempt_at = excluded.last_attempt_at,
               last_attempt_run_id = excluded.last_attempt_run_id, last_attempt_status = 'running',
               failed_stage = null, failure_reason = null""",
        [_now(), run_id, wanted],
    )


def fail(con: duckdb.DuckDBPyConnection, run_id: str, stage: str, reasons: Mapping[str, str]) -> None:
    ensure(con)
    now = _now()
    for user, reason in reasons.items():
        con.execute(
            """insert into ops.refresh_status (user_id, last_attempt_at, last_attempt_run_id,
                   last_attempt_status, failed_stage, failure_reason, score_is_stale)
               values (?, ?, ?, 'failed', ?, ?, true)
               on conflict (user_id) do update set last_attempt_at = excluded.last_attempt_at,
                   last_attempt_run_id = excluded.last_attempt_run_id, last_attempt_status = 'failed',
                   failed_stage = excluded.failed_stage, failure_reason = excluded.failure_reason,
                   score_is_stale = true""",
            [user, now, run_id, stage, reason],
        )


def quarantined(con: duckdb.DuckDBPyConnection, run_id: str) -> set[str]:
    """Users that failed a step of this run."""
    ensure(con)
    rows = con.execute("select user_id from ops.refresh_status where last_attempt_run_id = ? "
                       "and last_attempt_status = 'failed'", [run_id]).fetchall()
    return {r[0] for r in rows}


def succeed(con: duckdb.DuckDBPyConnection, run_id: str, users: Iterable[str]) -> None:
    ensure(con)
    wanted = sorted(set(users))
    if not wanted:
        return
    con.execute(
        """update ops.refresh_status set last_attempt_status = 'ok', failed_stage = null,
               failure_reason = null, last_success_at = ?, last_success_run_id = ?, score_is_stale = false
           where list_contains(?, user_id) and last_attempt_run_id = ? and last_attempt_status <> 'failed'""",
        [_now(), run_id, wanted, run_id],
    )


def pending(con: duckdb.DuckDBPyConnection, run_id: str) -> list[str]:
    """Users this run is refreshing that no step has failed (yet)."""
    ensure(con)
    rows = con.execute("select user_id from ops.refresh_status where last_attempt_run_id = ? "
                       "and last_attempt_status = 'running' order by user_id", [run_id]).fetchall()
    return [r[0] for r in rows]


def up_to_date(con: duckdb.DuckDBPyConnection, users: Iterable[str]) -> set[str]:
    """Of `users`, those whose last refresh succeeded (nothing to redo when their export is unchanged)."""
    ensure(con)
    wanted = sorted(set(users))
    if not wanted:
        return set()
    rows = con.execute("select user_id from ops.refresh_status where list_contains(?, user_id) "
                       "and last_attempt_status = 'ok' and not score_is_stale", [wanted]).fetchall()
    return {r[0] for r in rows}


def touched_by_run(con: duckdb.DuckDBPyConnection, run_id: str) -> bool:
    """Whether an earlier step of this run registered users (the ingestion step does)."""
    ensure(con)
    return con.execute("select count(*) from ops.refresh_status where last_attempt_run_id = ?",
                       [run_id]).fetchone()[0] > 0


def loaded_users(con: duckdb.DuckDBPyConnection) -> list[str]:
    """Every user with an export in the warehouse."""
    exists = con.execute("select count(*) from information_schema.tables where table_schema = 'raw' "
                         "and table_name = 'exports'").fetchone()[0]
    if not exists:
        return []
    return [r[0] for r in con.execute("select user_id from raw.exports order by user_id").fetchall()]


def write_batch(con: duckdb.DuckDBPyConnection, batch_id: str, users: Iterable[str]) -> None:
    """The users one dbt invocation rebuilds (dbt reads them through var('batch'), macros/users.sql).
    Only the current batch is kept: dbt steps never overlap (they share the `warehouse` pool)."""
    con.execute("create table if not exists ops.dbt_batch (batch_id varchar not null, user_id varchar not null)")
    con.execute("delete from ops.dbt_batch")
    con.execute("insert into ops.dbt_batch select ?, u from unnest(?::varchar[]) as t(u)",
                [batch_id, sorted(set(users))])


def refreshed_in_run(con: duckdb.DuckDBPyConnection, run_id: str) -> list[str]:
    """Users this run refreshed successfully so far."""
    ensure(con)
    rows = con.execute("select user_id from ops.refresh_status where last_attempt_run_id = ? "
                       "and last_attempt_status = 'ok' order by user_id", [run_id]).fetchall()
    return [r[0] for r in rows]


def failures_in_run(con: duckdb.DuckDBPyConnection, run_id: str) -> dict[str, tuple[str, str]]:
    """{user: (stage, reason)} of the users this run quarantined."""
    ensure(con)
    rows = con.execute("select user_id, failed_stage, failure_reason from ops.refresh_status "
                       "where last_attempt_run_id = ? and last_attempt_status = 'failed' order by user_id",
                       [run_id]).fetchall()
    return {u: (stage or "", reason or "") for u, stage, reason in rows}


def stale_users(con: duckdb.DuckDBPyConnection) -> list[str]:
    ensure(con)
    return [r[0] for r in con.execute("select user_id from ops.refresh_status where score_is_stale "
                                      "order by user_id").fetchall()]
