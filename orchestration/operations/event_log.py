"""Dagster's SQLite event log, with its database connections kept open between events.

Dagster's `SqliteEventLogStorage` builds a new SQLAlchemy engine for every event it stores: an engine
per call means no compiled-statement cache (every INSERT is compiled again), a new SQLite connection,
and a close that checkpoints the WAL file. A run writes about 700 events for one user and several
thousand for a batch of 1,000 (one per partition for planned and materialized assets), and a py-spy
profile put that at 23 s of CPU in the run worker of a one-user refresh (docs/benchmarks.md).

This storage
- keeps one engine per database file (the run's shard and the cross-run index), each with a small pool
  of open connections;
- sets `synchronous=NORMAL`: in WAL mode a commit then no longer waits for fsync. A crash of the process
  loses nothing; a power loss can lose the last commits of the run history, never of the warehouse
  (DuckDB has its own log);
- stores a batch of events (Dagster batches the planned events of a run, and the materializations of
  a partition range) in one transaction per database file instead of one per event, by running
  Dagster's own `store_event` for each event inside that transaction. Dagster only sends batches when
  DAGSTER_EVENT_BATCH_SIZE is set, so loading this storage sets it (if unset) for the process;
- remembers which tables and asset-key columns exist. For every asset event it stores, Dagster asks
  whether the `asset_event_tags` table exists (on a new engine and SQLite connection each time) and
  reads the columns of `asset_keys`: a fifth of the time of storing a partition range's events. Tables
  and columns are only ever added (`dagster instance migrate`), so one seen is remembered for the
  process; one missing is asked again;
- writes each asset's `asset_keys` row once per batch instead of once per event (`_store_asset_event`).
Everything else, tables, locking and watching, is Dagster's own. Configured in dagster.yaml as
`event_log_storage`.
"""

from __future__ import annotations

import os
import threading
from collections import OrderedDict
from collections.abc import Iterator, Sequence
from contextlib import ExitStack, contextmanager
from typing import Any

from dagster._core.events.log import EventLogEntry
from dagster._core.storage.event_log import SqliteEventLogStorage
from dagster._core.storage.event_log.schema import AssetKeyTable
from dagster._core.storage.sqlite import SQLITE_BUSY_TIMEOUT_SECONDS
from dagster._serdes import ConfigurableClassData
from sqlalchemy import create_engine, event
from sqlalchemy import exc as db_exc
from sqlalchemy.engine import Connection, Engine
from sqlalchemy.pool import QueuePool

# How many database files keep open connections: the index, and the shards of the runs a process is
# writing or watching (the webserver watches one run per open run page). Older ones are closed.
MAX_OPEN_SHARDS = 8
# Events per batch (DAGSTER_EVENT_BATCH_SIZE): the planned events of a 10,000-user run come in 10 batches.
EVENT_BATCH_SIZE = 1000


def _on_connect(dbapi_connection: Any, _record: Any) -> None:
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA synchronous=NORMAL")
    cursor.close()


class PooledSqliteEventLogStorage(SqliteEventLogStorage):
    """`SqliteEventLogStorage` that reuses one engine (and its open connections) per database file."""

    def __init__(self, base_dir: str, inst_data: ConfigurableClassData | None = None):
        self._engines: OrderedDict[str, Engine] = OrderedDict()
        self._engines_pid = os.getpid()
        # The connections of the batch being stored, by shard: see store_event_batch.
        self._batch = threading.local()
        # Tables and asset_keys columns seen to exist (see the module docstring).
        self._tables_seen: set[str] = set()
        self._asset_key_cols_seen: set[str] = set()
        os.environ.setdefault("DAGSTER_EVENT_BATCH_SIZE", str(EVENT_BATCH_SIZE))
        super().__init__(base_dir, inst_data=inst_data)

    @classmethod
    def from_config_value(cls, inst_data: ConfigurableClassData | None, config_value: Any) -> PooledSqliteEventLogStorage:
        return cls(inst_data=inst_data, **config_value)

    def _engine(self, shard: str) -> Engine:
        """The shard's engine; called with `_db_lock` held."""
        if self._engines_pid != os.getpid():
            # A forked child must not use its parent's open SQLite connections.
            for engine in self._engines.values():
                engine.dispose(close=False)
            self._engines.clear()
            self._engines_pid = os.getpid()
        engine = self._engines.get(shard)
        if engine is not None:
            self._engines.move_to_end(shard)
            return engine
        engine = create_engine(
            self.conn_string_for_shard(shard),
            poolclass=QueuePool,
            pool_size=1,
            max_overflow=4,
            connect_args={"timeout": SQLITE_BUSY_TIMEOUT_SECONDS, "check_same_thread": False},
        )
        event.listen(engine, "connect", _on_connect)
        self._engines[shard] = engine
        while len(self._engines) > MAX_OPEN_SHARDS:
            _, oldest = self._engines.popitem(last=False)
            oldest.dispose()
        return engine

    @contextmanager
    def _connect(self, shard: str) -> Iterator[Connection]:
        batch: dict[str, Connection] | None = getattr(self._batch, "connections", None)
        if batch is not None:
            # Inside store_event_batch (which holds the lock): one open transaction per shard.
            if shard not in batch:
                batch[shard] = self._batch.stack.enter_context(self._open(shard))
            yield batch[shard]
            return
        with self._db_lock:
            with self._open(shard) as conn:
                yield conn

    @contextmanager
    def _open(self, shard: str) -> Iterator[Connection]:
        """A connection to the shard in a transaction, committed on exit; called with `_db_lock` held."""
        engine = self._engine(shard)
        if shard not in self._initialized_dbs:
            self._initdb(engine)
            self._initialized_dbs.add(shard)
        with engine.connect() as conn:
            with conn.begin():
                yield conn

    def store_event_batch(self, events: Sequence[EventLogEntry]) -> None:
        """Dagster's `store_event` for each event, in one transaction per database file: all or none
        (on an error Dagster stores the events one by one). The asset_keys rows are written once per
        asset at the end of the batch (see _store_asset_event)."""
        with self._db_lock, ExitStack() as stack:
            self._batch.connections, self._batch.stack = {}, stack
            self._batch.asset_events = {}
            try:
                for entry in events:
                    self.store_event(entry)
                self._store_asset_entries(self._batch.asset_events)
            finally:
                del self._batch.connections, self._batch.stack, self._batch.asset_events

    def _store_asset_event(self, conn: Connection, event: EventLogEntry, event_id: int) -> None:
        """Dagster upserts the asset's asset_keys row for every asset event: an INSERT that fails on the
        existing key, then an UPDATE, and for a materialization one more serialisation of the whole event.
        Each kind of event sets the same columns every time (materialization: last materialization, run
        and timestamp; planned: run and timestamp; observation: timestamp), so within a batch (one
        transaction) the row ends up as the last event of each kind leaves it: only those are kept, in
        batch order, and written at the end of the batch. For the 801 partitions of one run that is one
        upsert instead of 801 (about 1.2 s of the run worker's time)."""
        pending: dict[str, dict[str, tuple[EventLogEntry, int]]] | None = getattr(self._batch, "asset_events", None)
        if pending is None or not (event.dagster_event and event.dagster_event.asset_key):
            super()._store_asset_event(conn, event, event_id)
            return
        by_kind = pending.setdefault(event.dagster_event.asset_key.to_string(), {})
        by_kind.pop(event.dagster_event_type, None)          # keeps the kinds in order of their last event
        by_kind[event.dagster_event_type] = (event, event_id)

    def _store_asset_entries(self, pending: dict[str, dict[str, tuple[EventLogEntry, int]]]) -> None:
        """Dagster's asset_keys upsert (`_store_asset_event`), once per asset, with the values of the
        last event of each kind applied in order."""
        if not pending:
            return
        with self.index_connection() as conn:
            index_cols = self._has_asset_key_index_cols_on_connection(conn)
            for asset_key, by_kind in pending.items():
                values: dict[str, Any] = {}
                for event, event_id in by_kind.values():
                    values.update(self._get_asset_entry_values(event, event_id, index_cols))
                if not values:
                    continue
                try:
                    conn.execute(AssetKeyTable.insert().values(asset_key=asset_key, **values))
                except db_exc.IntegrityError:
                    conn.execute(AssetKeyTable.update().values(**values).where(AssetKeyTable.c.asset_key == asset_key))

    def has_table(self, table_name: str) -> bool:
        if table_name in self._tables_seen:
            return True
        exists = super().has_table(table_name)
        if exists:
            self._tables_seen.add(table_name)
        return exists

    def _has_asset_key_col_on_connection(self, conn: Connection, column_name: str) -> bool:
        if column_name in self._asset_key_cols_seen:
            return True
        exists = super()._has_asset_key_col_on_connection(conn, column_name)
        if exists:
            self._asset_key_cols_seen.add(column_name)
        return exists

    def _dispose_engines(self) -> None:
        with self._db_lock:
            for engine in self._engines.values():
                engine.dispose()
            self._engines.clear()

    def wipe(self) -> None:
        # wipe() unlinks the shard files: connections left open would write to the deleted files.
        self._dispose_engines()
        self._tables_seen.clear()
        self._asset_key_cols_seen.clear()
        super().wipe()

    def dispose(self) -> None:
        self._dispose_engines()
        super().dispose()
