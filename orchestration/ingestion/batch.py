"""Ingesting many users at once: parse in parallel, write in batches, isolate failures per user.

Parsing is pure Python (CSV quirks, per-file date formats, text statistics) and costs about 35 ms of CPU
per average user (column by column: file_kinds.Columns), so a large batch is parsed by a pool of worker processes, each returning Arrow tables. The
parent writes them in batches of users: one transaction and one insert per raw table for many users,
instead of 17 statements per user. A user whose export cannot be read, parsed or written is reported in
`failures` (an ExportError naming user, file and line) and keeps their previously loaded rows; the other
users of the batch carry on."""

from __future__ import annotations

import multiprocessing
import os
from collections.abc import Iterator
from concurrent.futures import ProcessPoolExecutor
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

import duckdb

from . import loader
from .errors import ExportError
from .pipeline import IngestReport, read_export, unchanged_report

# A pool pays a process start-up (about 1 s) per worker: worth it from this many users on.
POOL_MIN_USERS = 16
# Write when this many rows or users are waiting (bounds the parent's memory for 10,000 users).
FLUSH_ROWS = 300_000
FLUSH_USERS = 200
# DuckDB checkpoints (writes the WAL into the database file) when the WAL passes 16 MB, which at the
# default made every flush's commit a checkpoint, each costlier than the last as the tables grow
# (0.4 s, 1.2 s, 1.6 s, 1.9 s for four flushes of 100 users; 45 s of the parent's time for 1,000
# users). During a batch the WAL may grow to this size; the batch ends with one checkpoint.
BATCH_CHECKPOINT_THRESHOLD = "1GiB"

Job = tuple[str, str, "tuple[str, str, datetime] | None", bool]
Outcome = tuple[str, "IngestReport | None", "loader.UserTables | None", "ExportError | None"]


@dataclass
class BatchResult:
    reports: dict[str, IngestReport] = field(default_factory=dict)     # ingested or unchanged, input order
    failures: dict[str, ExportError] = field(default_factory=dict)


def default_workers() -> int:
    """CONNECTION_SCORE_INGEST_WORKERS, else one per CPU (at most 8)."""
    configured = os.environ.get("CONNECTION_SCORE_INGEST_WORKERS")
    return max(1, int(configured)) if configured else max(1, min(os.cpu_count() or 1, 8))


def read_job(job: Job) -> Outcome:
    """Worker entry point: never raises, so one user's problem cannot stop the pool."""
    raw_root, user_id, loaded, force = job
    try:
        report, tables = read_export(raw_root, user_id, loaded, force)
        return user_id, report, tables, None
    except ExportError as exc:
        return user_id, None, None, exc
    except Exception as exc:  # noqa: BLE001 (a parser bug must not take the other users down)
        return user_id, None, None, ExportError(user_id, f"could not be parsed ({type(exc).__name__}: {exc})")


def _pooled(jobs: list[Job], workers: int) -> bool:
    return workers > 1 and len(jobs) >= POOL_MIN_USERS


def _outcomes(jobs: list[Job], workers: int) -> Iterator[Outcome]:
    if not _pooled(jobs, workers):
        yield from map(read_job, jobs)
        return
    # spawn, not fork: the caller (a Dagster run worker) has threads, and forking those can deadlock.
    context = multiprocessing.get_context("spawn")
    with ProcessPoolExecutor(max_workers=min(workers, len(jobs)), mp_context=context) as pool:
        yield from pool.map(read_job, jobs, chunksize=2)


def ingest_users(con: duckdb.DuckDBPyConnection, raw_root: Path | str, users: list[str], *,
                 force: bool = False, workers: int | None = None) -> BatchResult:
    """Ingest the newest export of each user into the raw tables (see the module docstring)."""
    loader.ensure_schema(con)
    with deferred_checkpoints(con):
        return _ingest(con, raw_root, users, force, workers)


@contextmanager
def duckdb_setting(con: duckdb.DuckDBPyConnection, name: str, value: str | None) -> Iterator[None]:
    """DuckDB setting `name` at `value` for the block (None: unchanged), then its previous value again.
    Settings belong to the database instance (every connection of this process to the file)."""
    if value is None:
        yield
        return
    previous = con.execute(f"select current_setting('{name}')").fetchone()[0]
    con.execute(f"set {name} = '{value}'")
    try:
        yield
    finally:
        con.execute(f"set {name} = '{previous}'")


@contextmanager
def deferred_checkpoints(con: duckdb.DuckDBPyConnection, threshold: str = BATCH_CHECKPOINT_THRESHOLD) -> Iterator[None]:
    """Raise DuckDB's checkpoint threshold for the block, then restore it and checkpoint once."""
    try:
        with duckdb_setting(con, "checkpoint_threshold", threshold):
            yield
    finally:
        try:
            con.execute("checkpoint")
        except duckdb.Error:
            pass  # e.g. another transaction is open: DuckDB checkpoints at its next commit past the threshold


def _ingest(con: duckdb.DuckDBPyConnection, raw_root: Path | str, users: list[str], force: bool,
            workers: int | None) -> BatchResult:
    loaded = loader.loaded_exports(con, users)
    result = BatchResult()
    unchanged: list[str] = []
    jobs: list[Job] = []
    for user_id in users:
        # Unchanged exports are recognised here (about 1 ms each): an incremental run then starts
        # workers, if any, only for the exports that changed.
        report = None if force else unchanged_report(raw_root, user_id, loaded.get(user_id))
        if report is not None:
            result.reports[user_id] = report
            unchanged.append(user_id)
        else:
            jobs.append((str(raw_root), user_id, loaded.get(user_id), force))
    pending: list[loader.UserTables] = []
    pending_rows = 0

    def flush() -> None:
        nonlocal pending, pending_rows
        for user_id, exc in loader.replace_users(con, pending).items():
            result.reports.pop(user_id, None)
            result.failures[user_id] = ExportError(
                user_id, f"could not be written to the warehouse ({type(exc).__name__}: {exc})")
        pending, pending_rows = [], 0

    workers = workers or default_workers()
    # While worker processes parse on every core, the writes use one DuckDB thread: a second one
    # competes with them and costs more CPU than it saves (200 users: 2.7 instead of 4.2-5.7 s of CPU
    # for the same 2.0-3.2 s of inserts).
    with duckdb_setting(con, "threads", "1" if _pooled(jobs, workers) else None):
        for user_id, report, tables, error in _outcomes(jobs, workers):
            if error is not None:
                result.failures[user_id] = error
            else:
                result.reports[user_id] = report
                if tables is None:
                    unchanged.append(user_id)
                else:
                    pending.append(tables)
                    pending_rows += report.rows_total
                    if pending_rows >= FLUSH_ROWS or len(pending) >= FLUSH_USERS:
                        flush()
        flush()
    counts = loader.row_counts(con, unchanged)
    for user_id in unchanged:
        result.reports[user_id].rows = counts[user_id]
    result.reports = {u: result.reports[u] for u in users if u in result.reports}   # input order
    return result
