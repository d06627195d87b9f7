"""The instance's event log (orchestration/operations/event_log.py): Dagster's SQLite event log with its
connections kept open. What it writes must be what the stock storage reads, in the same files."""


import time
from collections.abc import Sequence
from pathlib import Path

import dagster as dg
import pytest
from dagster._core.storage.event_log import SqliteEventLogStorage

from orchestration.benchmarks.instance import make_home
from orchestration.operations.event_log import MAX_OPEN_SHARDS, PooledSqliteEventLogStorage

users = dg.DynamicPartitionsDefinition(name="users")


@dg.asset(partitions_def=users)
def exports(context: dg.AssetExecutionContext) -> dg.MaterializeResult:
    return dg.MaterializeResult(metadata={"users": len(context.partition_keys)})


@dg.asset_check(asset=exports)
def exports_nonempty() -> dg.AssetCheckResult:
    return dg.AssetCheckResult(passed=True)


def _materialize_range(instance: dg.DagsterInstance, keys: list[str]) -> dg.ExecuteInProcessResult:
    """One run of `exports` (and its check) over the partition range of `keys`, as the sensor requests."""
    instance.add_dynamic_partitions("users", keys)
    result = dg.materialize(
        [exports, exports_nonempty], instance=instance,
        tags={"dagster/asset_partition_range_start": keys[0], "dagster/asset_partition_range_end": keys[-1]},
    )
    assert result.success
    return result


@pytest.fixture
def home(tmp_path: Path) -> Path:
    make_home(tmp_path / "home")
    return tmp_path / "home"


def test_repo_instance_uses_pooled_event_log_in_dagsters_sqlite_layout(home: Path) -> None:
    with dg.DagsterInstance.from_config(str(home)) as instance:
        assert isinstance(instance.event_log_storage, PooledSqliteEventLogStorage)
        instance.add_dynamic_partitions("users", ["u1"])
    # the files of `storage: sqlite:` (an existing data/dagster_home keeps its history)
    assert (home / "storage/history/runs.db").exists()
    assert (home / "storage/history/runs/index.db").exists()


def test_a_partition_range_run_reads_back_through_the_stock_storage(
        home: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    keys = [f"user-{i:03d}" for i in range(30)]
    batches: list[list[str]] = []
    store_event_batch = PooledSqliteEventLogStorage.store_event_batch

    def spy(self: PooledSqliteEventLogStorage, events: Sequence[dg.EventLogEntry]) -> None:
        batches.append([e.dagster_event_type.value for e in events])
        store_event_batch(self, events)

    monkeypatch.setattr(PooledSqliteEventLogStorage, "store_event_batch", spy)
    with dg.DagsterInstance.from_config(str(home)) as instance:
        result = _materialize_range(instance, keys)
        run_id = result.run_id
        pooled = instance.event_log_storage
        written = len(pooled.get_logs_for_run(run_id))
        # one open engine per database file, not one per event
        assert set(pooled._engines) == {run_id, "index"}
    # Dagster sent the run's planned events (30 partitions + the check) and the 30 materializations
    # as two batches, each stored in one transaction per database file
    assert sorted(batch[0] for batch in batches) == ["ASSET_MATERIALIZATION", "ASSET_MATERIALIZATION_PLANNED"]
    assert sorted(len(batch) for batch in batches) == [30, 31]

    stock = SqliteEventLogStorage(str(home / "storage/history/runs"))
    try:
        assert len(stock.get_logs_for_run(run_id)) == written
        materialized = stock.get_materialized_partitions(dg.AssetKey("exports"))
        assert materialized == set(keys)
        planned = stock.get_event_records(
            dg.EventRecordsFilter(dg.DagsterEventType.ASSET_MATERIALIZATION_PLANNED, dg.AssetKey("exports")),
        )
        assert len(planned) == 30
        check = stock.get_asset_check_execution_history(
            dg.AssetCheckKey(dg.AssetKey("exports"), "exports_nonempty"), limit=5)
        assert [c.run_id for c in check] == [run_id]
    finally:
        stock.dispose()


def test_connections_commit_without_fsync_and_stay_bounded(home: Path) -> None:
    storage = PooledSqliteEventLogStorage(str(home / "storage/history/runs"))
    try:
        with storage.index_connection() as conn:
            assert conn.exec_driver_sql("pragma synchronous").scalar() == 1  # NORMAL
            assert conn.exec_driver_sql("pragma journal_mode").scalar() == "wal"
        for i in range(MAX_OPEN_SHARDS + 5):
            with storage.run_connection(f"run-{i}") as conn:
                conn.exec_driver_sql("select 1")
        assert len(storage._engines) == MAX_OPEN_SHARDS
        assert list(storage._engines)[-1] == f"run-{MAX_OPEN_SHARDS + 4}"
    finally:
        storage.dispose()
    assert storage._engines == {}


def test_a_forked_process_opens_its_own_connections(home: Path) -> None:
    storage = PooledSqliteEventLogStorage(str(home / "storage/history/runs"))
    try:
        with storage.index_connection():
            pass
        parent_engine = storage._engines["index"]
        storage._engines_pid = -1  # as seen from a child after fork
        with storage.index_connection():
            pass
        assert storage._engines["index"] is not parent_engine
    finally:
        storage.dispose()


def _message(run_id: str, text: str) -> dg.EventLogEntry:
    return dg.EventLogEntry(error_info=None, level="INFO", user_message=text, run_id=run_id,
                            timestamp=time.time())


def test_wipe_closes_connections_before_deleting_the_files(home: Path) -> None:
    storage = PooledSqliteEventLogStorage(str(home / "storage/history/runs"))
    try:
        storage.store_event(_message("run-a", "before wipe"))
        storage.wipe()  # unlinks run-a.db
        storage.store_event(_message("run-a", "after wipe"))
    finally:
        storage.dispose()
    # an open connection kept across the wipe would have written to the deleted file
    stock = SqliteEventLogStorage(str(home / "storage/history/runs"))
    try:
        assert [e.user_message for e in stock.get_logs_for_run("run-a")] == ["after wipe"]
    finally:
        stock.dispose()


def test_a_batch_that_fails_midway_stores_nothing(home: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    storage = PooledSqliteEventLogStorage(str(home / "storage/history/runs"))
    store_event = PooledSqliteEventLogStorage.store_event

    def third_fails(self: PooledSqliteEventLogStorage, event: dg.EventLogEntry) -> None:
        if event.user_message == "third":
            raise RuntimeError("disk full")
        store_event(self, event)

    try:
        storage.store_event(_message("run-b", "before"))
        monkeypatch.setattr(PooledSqliteEventLogStorage, "store_event", third_fails)
        with pytest.raises(RuntimeError, match="disk full"):
            storage.store_event_batch([_message("run-b", m) for m in ("first", "second", "third")])
        monkeypatch.undo()
        # Dagster then stores the batch one event at a time: nothing is stored twice
        storage.store_event(_message("run-b", "after"))
        assert [e.user_message for e in storage.get_logs_for_run("run-b")] == ["before", "after"]
    finally:
        storage.dispose()


def test_tables_and_columns_seen_are_not_asked_again(home: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Dagster asks for every asset event whether tables and asset_keys columns exist; the storage asks
    SQLite once per table or column that exists, and again each time for one that does not."""
    from collections import Counter

    from dagster._core.storage.event_log.sql_event_log import SqlEventLogStorage

    tables: list[str] = []
    columns: list[str] = []
    stock_has_table = SqliteEventLogStorage.has_table
    stock_has_column = SqlEventLogStorage._has_asset_key_col_on_connection

    def has_table(self: SqliteEventLogStorage, name: str) -> bool:
        tables.append(name)
        return stock_has_table(self, name)

    def has_column(self: SqlEventLogStorage, conn, name: str) -> bool:
        columns.append(name)
        return stock_has_column(self, conn, name)

    monkeypatch.setattr(SqliteEventLogStorage, "has_table", has_table)
    monkeypatch.setattr(SqlEventLogStorage, "_has_asset_key_col_on_connection", has_column)
    keys = [f"user-{i:03d}" for i in range(30)]
    with dg.DagsterInstance.from_config(str(home)) as instance:
        result = _materialize_range(instance, keys)
        assert instance.get_materialized_partitions(dg.AssetKey("exports")) == set(keys)
        storage = instance.event_log_storage
        assert "asset_event_tags" in tables and "last_materialization_timestamp" in columns
        assert max(Counter(tables).values()) == 1 and max(Counter(columns).values()) == 1
        assert not storage.has_table("no_such_table") and not storage.has_table("no_such_table")
        assert tables.count("no_such_table") == 2


def _asset_rows(storage: SqliteEventLogStorage) -> list[tuple]:
    with storage.index_connection() as conn:
        return [tuple(r) for r in conn.exec_driver_sql(
            "select asset_key, last_materialization, last_run_id, last_materialization_timestamp "
            "from asset_keys order by asset_key").fetchall()]


def test_a_batch_writes_each_assets_row_once_as_event_by_event_storage_leaves_it(
        home: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from dagster._core.storage.event_log.sql_event_log import SqlEventLogStorage

    keys = [f"user-{i:03d}" for i in range(12)]
    with dg.DagsterInstance.from_config(str(home)) as instance:
        run_id = _materialize_range(instance, keys).run_id
        events = [e for e in instance.event_log_storage.get_logs_for_run(run_id)
                  if e.dagster_event and e.dagster_event.asset_key]
    kinds = [e.dagster_event_type.value for e in events]
    assert kinds.count("ASSET_MATERIALIZATION_PLANNED") == 12 and kinds.count("ASSET_MATERIALIZATION") == 12

    entry_values = SqlEventLogStorage._get_asset_entry_values
    computed: list[str] = []

    def counting(self, event, event_id, index_cols):
        computed.append(event.dagster_event_type.value)
        return entry_values(self, event, event_id, index_cols)

    monkeypatch.setattr(SqlEventLogStorage, "_get_asset_entry_values", counting)
    one_by_one = SqliteEventLogStorage(str(tmp_path / "one_by_one"))
    batched = PooledSqliteEventLogStorage(str(tmp_path / "batched"))
    try:
        for event in events:
            one_by_one.store_event(event)
        assert len(computed) == len(events)
        computed.clear()
        batched.store_event_batch(events)
        # the last planned event and the last materialization, not one per partition
        assert sorted(computed) == ["ASSET_MATERIALIZATION", "ASSET_MATERIALIZATION_PLANNED"]
        expected = _asset_rows(one_by_one)
        assert len(expected) == 1 and expected[0][0] == '["exports"]' and expected[0][2] == run_id
        assert _asset_rows(batched) == expected
        last = [e for e in events if e.dagster_event_type.value == "ASSET_MATERIALIZATION"][-1]
        for storage in (one_by_one, batched):
            latest = storage.get_latest_materialization_events([dg.AssetKey("exports")])[dg.AssetKey("exports")]
            assert latest.dagster_event.partition == last.dagster_event.partition
    finally:
        one_by_one.dispose()
        batched.dispose()
