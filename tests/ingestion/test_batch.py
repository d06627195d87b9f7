"""Many users at once (`batch.ingest_users`): parsed in worker processes, written in batches, and still
exactly what ingesting them one by one gives; a bad user fails alone, at parse or at write time."""

from __future__ import annotations

import pickle
from pathlib import Path

import duckdb
import pyarrow as pa
import pytest

from orchestration.ingestion import batch, loader
from orchestration.ingestion.errors import ExportError, InvalidUserId
from orchestration.ingestion.pipeline import ingest_user, read_export
from orchestration.ingestion.schema import ALL_TABLES, LINEAGE_COLUMNS, TABLES_BY_NAME
from tests.conftest import copy_sample

SAMPLES = ["2018-11-complete", "2021-06-partial", "2022-09-complete", "2024-03-complete", "2024-12-basic",
           "2026-synthetic-fixture"]


def all_rows(warehouse: Path) -> dict[str, list]:
    """Every raw table's rows without loaded_at (the wall-clock time of the first load)."""
    with duckdb.connect(str(warehouse), read_only=True) as con:
        out = {}
        for t in ALL_TABLES:
            cols = ", ".join(c.name for c in LINEAGE_COLUMNS + t.columns if c.name != "loaded_at")
            out[t.name] = con.execute(f"select {cols} from raw.{t.name} order by all").fetchall()
        return out


def _record_setting_at_writes(monkeypatch, setting: str) -> list:
    """The value of DuckDB `setting` at each batch write (loader.replace_users), in order."""
    seen: list = []
    write = loader.replace_users

    def recording(con, pending):
        seen.append(con.execute(f"select current_setting('{setting}')").fetchone()[0])
        return write(con, pending)

    monkeypatch.setattr(loader, "replace_users", recording)
    return seen


def test_pool_batch_equals_one_by_one_and_isolates_a_bad_user(samples, raw_root, tmp_path, monkeypatch):
    users = [f"u{i:02d}" for i in range(batch.POOL_MIN_USERS + 2)]       # enough to use the pool
    for i, user in enumerate(users):
        copy_sample(samples, SAMPLES[i % len(SAMPLES)], raw_root, user)
    bad = raw_root / "zz-broken"
    bad.mkdir()
    (bad / "Complete_LinkedInDataExport_01-01-2030.zip").write_bytes(b"PK\x03\x04 not a zip")

    one_by_one = tmp_path / "one_by_one.duckdb"
    for user in users:
        ingest_user(one_by_one, raw_root, user)

    threads_at_write = _record_setting_at_writes(monkeypatch, "threads")
    pooled = tmp_path / "pooled.duckdb"
    with duckdb.connect(str(pooled)) as con:
        con.execute("set threads = 3")
        result = batch.ingest_users(con, raw_root, users[:9] + ["zz-broken"] + users[9:], workers=2)
        # the writes beside the parsing workers use one DuckDB thread; the setting is restored after
        assert threads_at_write and set(threads_at_write) == {1}
        assert con.execute("select current_setting('threads')").fetchone()[0] == 3
    assert list(result.failures) == ["zz-broken"]
    assert result.failures["zz-broken"].message.startswith("user 'zz-broken', file 'Complete_LinkedInDataExport")
    assert "corrupt zip archive" in result.failures["zz-broken"].message
    assert sorted(result.reports) == users
    assert {r.status for r in result.reports.values()} == {"loaded"}

    expected = all_rows(one_by_one)
    assert all_rows(pooled) == expected
    assert len(expected["exports"]) == len(users)
    assert len({r[0] for r in expected["connections"]}) == len(users)     # every user has connections
    assert len(expected["messages"]) > 0

    # Second pass: nothing changed, nothing re-parsed; the counts come from the warehouse.
    with duckdb.connect(str(pooled)) as con:
        again = batch.ingest_users(con, raw_root, users, workers=2)
    assert {r.status for r in again.reports.values()} == {"unchanged"}
    assert {u: r.rows for u, r in again.reports.items()} == {u: r.rows for u, r in result.reports.items()}
    assert all_rows(pooled) == expected


def test_a_write_failure_is_retried_per_user_and_keeps_the_old_rows(samples, raw_root, warehouse):
    copy_sample(samples, "2024-03-complete", raw_root, "good")
    copy_sample(samples, "2024-12-basic", raw_root, "bad")
    ingest_user(warehouse, raw_root, "bad")
    with duckdb.connect(str(warehouse)) as con:
        before = con.execute("select count(*) from raw.connections where user_id = 'bad'").fetchone()[0]
        loaded = loader.loaded_exports(con, ["good", "bad"])
        _, good = read_export(raw_root, "good", loaded.get("good"))
        _, bad = read_export(raw_root, "bad", loaded.get("bad"), force=True)
        # source_line is NOT NULL: this table cannot be inserted, so the batch's transaction fails.
        broken = bad.tables["connections"]
        bad.tables["connections"] = broken.set_column(
            broken.schema.get_field_index("source_line"), "source_line", pa.nulls(broken.num_rows, pa.int32()))
        failed = loader.replace_users(con, [good, bad])
        assert list(failed) == ["bad"] and "NOT NULL" in str(failed["bad"])
        assert con.execute("select count(*) from raw.connections where user_id = 'bad'").fetchone()[0] == before
        assert con.execute("select count(*) from raw.connections where user_id = 'good'").fetchone()[0] \
            == good.tables["connections"].num_rows > 0


def test_export_errors_survive_the_trip_from_a_worker_process():
    err = pickle.loads(pickle.dumps(ExportError("ada", "unknown text encoding", "Connections.csv", 7)))
    assert (err.user_id, err.problem, err.file, err.line) == ("ada", "unknown text encoding", "Connections.csv", 7)
    assert err.message == "user 'ada', file 'Connections.csv' line 7: unknown text encoding"
    assert isinstance(pickle.loads(pickle.dumps(InvalidUserId("A b", "not a valid user id"))), InvalidUserId)


def test_a_parser_bug_fails_only_that_user(monkeypatch, raw_root):
    def explode(*args, **kwargs):
        raise KeyError("surprise")

    monkeypatch.setattr(batch, "read_export", explode)
    user, report, tables, error = batch.read_job((str(raw_root), "ada", None, False))
    assert (user, report, tables) == ("ada", None, None)
    assert error.message == "user 'ada': could not be parsed (KeyError: 'surprise')"


def test_to_arrow_types_every_column_and_refuses_wrong_values():
    table = TABLES_BY_NAME["connections"]
    lineage = {"user_id": "ada", "export_id": "0" * 16, "loaded_at": None}
    rows = [{"first_name": "Ada", "connected_on": None, "source_file": "Connections.csv", "source_line": 4}]
    out = loader.to_arrow(table, rows, lineage)
    assert out.num_rows == 1 and out.column("user_id").to_pylist() == ["ada"]
    assert out.schema.field("connected_on").type == pa.date32()
    assert out.schema.field("source_line").type == pa.int32()
    with pytest.raises((pa.ArrowTypeError, pa.ArrowInvalid)):
        loader.to_arrow(table, [dict(rows[0], source_line="four")], lineage)


def test_user_tables_travel_from_a_worker_as_arrow_ipc(samples, raw_root):
    copy_sample(samples, "2024-03-complete", raw_root, "ada")
    _, tables = read_export(raw_root, "ada", None)
    state = tables.__getstate__()
    assert set(state["tables"]) == set(tables.tables) and all(isinstance(b, bytes) for b in state["tables"].values())
    back = pickle.loads(pickle.dumps(tables))
    assert (back.user_id, back.previously_loaded) == ("ada", False)
    assert set(back.tables) == set(tables.tables)
    for name, table in tables.tables.items():
        assert back.tables[name].equals(table, check_metadata=True), name
    assert back.rows == tables.rows and back.rows["connections"] > 0


def test_a_batch_checkpoints_once_at_its_end(samples, raw_root, tmp_path, monkeypatch):
    users = ["ada", "bob", "cy"]
    for user, sample in zip(users, SAMPLES):
        copy_sample(samples, sample, raw_root, user)
    seen = _record_setting_at_writes(monkeypatch, "checkpoint_threshold")
    monkeypatch.setattr(batch, "FLUSH_USERS", 1)             # one commit per user
    path = tmp_path / "w.duckdb"
    with duckdb.connect(str(path)) as con:
        default = con.execute("select current_setting('checkpoint_threshold')").fetchone()[0]
        result = batch.ingest_users(con, raw_root, users, workers=1)
        assert sorted(result.reports) == users
        # during the batch: the raised threshold; after it: the default again, and an empty WAL
        assert seen[:3] == ["1.0 GiB"] * 3
        assert con.execute("select current_setting('checkpoint_threshold')").fetchone()[0] == default
        wal = Path(str(path) + ".wal")
        assert not wal.exists() or wal.stat().st_size == 0
        assert con.execute("select count(distinct user_id) from raw.connections").fetchone()[0] == 3


def test_unchanged_exports_are_recognised_before_any_worker_starts(samples, raw_root, tmp_path, monkeypatch):
    users = [f"u{i:02d}" for i in range(batch.POOL_MIN_USERS + 2)]
    for i, user in enumerate(users):
        copy_sample(samples, SAMPLES[i % len(SAMPLES)], raw_root, user)
    path = tmp_path / "w.duckdb"
    with duckdb.connect(str(path)) as con:
        batch.ingest_users(con, raw_root, users, workers=2)
    changed = raw_root / "u03" / SAMPLES[3] / "Connections.csv"
    changed.write_bytes(changed.read_bytes() + b"\n")          # new bytes, same rows

    dispatched: list[list[str]] = []
    outcomes = batch._outcomes

    def recording(jobs, workers):
        dispatched.append([job[1] for job in jobs])
        return outcomes(jobs, workers)

    monkeypatch.setattr(batch, "_outcomes", recording)
    with duckdb.connect(str(path)) as con:
        again = batch.ingest_users(con, raw_root, users, workers=2)
    assert dispatched == [["u03"]]                               # one parse, below the pool's threshold
    assert list(again.reports) == users                          # input order
    assert [u for u, r in again.reports.items() if r.status == "loaded"] == ["u03"]
    assert again.reports["u00"].status == "unchanged" and again.reports["u00"].rows["connections"] > 0


def test_a_crc_error_is_reported_when_the_export_is_read(raw_root, tmp_path):
    import zipfile

    user_dir = raw_root / "ada"
    user_dir.mkdir()
    archive = user_dir / "Complete_LinkedInDataExport_11-20-2026.zip"
    body = b"First Name,Last Name,URL,Email Address,Company,Position,Connected On\nAda,L,,,,,01 Jan 2020\n"
    with zipfile.ZipFile(archive, "w", compression=zipfile.ZIP_STORED) as zf:
        zf.writestr("Connections.csv", body)
    data = archive.read_bytes()
    archive.write_bytes(data.replace(b"Ada,L", b"Ada,M", 1))   # the stored bytes no longer match their CRC
    with duckdb.connect(str(tmp_path / "w.duckdb")) as con:
        result = batch.ingest_users(con, raw_root, ["ada"], workers=1)
    assert result.failures["ada"].message == (
        "user 'ada', file 'Complete_LinkedInDataExport_11-20-2026.zip': corrupt zip archive "
        "(CRC error in 'Connections.csv')")
