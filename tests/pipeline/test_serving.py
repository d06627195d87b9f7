"""Publishing the serving snapshot: atomic replacement, readers unaffected, CLI reads only the snapshot."""

from __future__ import annotations

import shutil
from datetime import date

import duckdb

from orchestration.serving.cli import main as cli_main
from orchestration.serving.publish import publish


def _warehouse(path, score: float):
    with duckdb.connect(str(path)) as con:
        con.execute("create schema if not exists marts; create schema if not exists ops; create schema if not exists raw")
        con.execute("create or replace table marts.connection_score as select 'alice' as user_id, "
                    "date '2026-11-20' as as_of, ? as total_score, 'Strong' as band, 'high' as confidence", [score])
        con.execute("create or replace view marts.top as select user_id from marts.connection_score")
        con.execute("create or replace table raw.connections as select 'secret' as x")
        con.execute("create or replace table ops.refresh_status as select 'alice' as user_id, false as score_is_stale")


def test_publish_replaces_atomically_and_readers_keep_their_snapshot(tmp_path, capsys):
    warehouse, serving = tmp_path / "wh.duckdb", tmp_path / "serving.duckdb"
    _warehouse(warehouse, 61.5)
    first = publish(warehouse, serving, run_id="r1")
    assert first.tables == {"connection_score": 1, "refresh_status": 1, "top": 1}

    reader = duckdb.connect(str(serving), read_only=True)       # e.g. an analyst's open session
    _warehouse(warehouse, 72.0)
    publish(warehouse, serving, run_id="r2")
    assert reader.execute("select total_score from connection_score").fetchone()[0] == 61.5
    reader.close()
    with duckdb.connect(str(serving), read_only=True) as fresh:     # the next open sees the new data
        assert fresh.execute("select total_score from connection_score").fetchone()[0] == 72.0
        assert fresh.execute("select run_id from _publication").fetchone()[0] == "r2"
        names = {r[0] for r in fresh.execute("select table_name from duckdb_tables()").fetchall()}
        assert "connections" not in names                               # raw data is never published
    assert not list(tmp_path.glob(".serving.duckdb.tmp-*"))

    assert cli_main(["--serving", str(serving), "score", "alice"]) == 0
    out = capsys.readouterr().out
    assert "total_score" in out and "72.0" in out
    assert cli_main(["--serving", str(serving), "sql", "select count(*) as n from connection_score"]) == 0
    assert capsys.readouterr().out.splitlines()[-1].strip() == "1"


def test_stale_users_keep_their_previously_published_rows(tmp_path):
    warehouse, serving = tmp_path / "wh.duckdb", tmp_path / "serving.duckdb"
    _warehouse(warehouse, 61.5)
    with duckdb.connect(str(warehouse)) as con:
        con.execute("insert into marts.connection_score values ('bob', date '2026-11-20', 40.0, 'Developing', 'low')")
    publish(warehouse, serving)
    with duckdb.connect(str(warehouse)) as con:    # the next refresh produced a bad score for alice
        con.execute("update marts.connection_score set total_score = -5 where user_id = 'alice'")
        con.execute("update marts.connection_score set total_score = 45 where user_id = 'bob'")
    publish(warehouse, serving, keep_previous=["alice"])
    with duckdb.connect(str(serving), read_only=True) as con:
        got = dict(con.execute("select user_id, total_score from connection_score").fetchall())
    assert got == {"alice": 61.5, "bob": 45.0}


def _status_warehouse(path):
    with duckdb.connect(str(path)) as con:
        con.execute("create schema marts; create schema ops")
        con.execute("create table marts.connection_score as select * from (values ('alice', 61.5), ('bob', 40.0), "
                    "('carol', 70.0)) as t(user_id, total_score)")
        con.execute("create table marts.connection_score_history as select u.user_id, d.day, 50.0 as total_score "
                    "from (values ('alice'), ('bob'), ('carol')) as u(user_id), "
                    "(values (date '2026-11-19'), (date '2026-11-20')) as d(day)")
        con.execute("create view marts.top as select user_id from marts.connection_score where total_score > 50")
        con.execute("create table ops.refresh_status as select user_id, timestamp '2026-11-20 05:00' as last_success_at, "
                    "false as score_is_stale from marts.connection_score")
        con.execute("create table ops.dbt_batch as select 'b1' as batch_id, 'alice' as user_id")


def _tables(path) -> dict[str, list]:
    with duckdb.connect(str(path), read_only=True) as con:
        names = [n for (n,) in con.execute("select table_name from duckdb_tables() where table_name <> '_publication' "
                                           "order by 1").fetchall()]
        return {n: con.execute(f"select * from {n} order by all").fetchall() for n in names}


def test_a_later_publication_replaces_only_the_refreshed_users_rows(tmp_path):
    warehouse, serving, full = tmp_path / "wh.duckdb", tmp_path / "serving.duckdb", tmp_path / "full.duckdb"
    _status_warehouse(warehouse)
    first = publish(warehouse, serving, run_id="r1")
    assert first.mode == "full" and first.tables["connection_score"] == 3 and "dbt_batch" not in first.tables

    with duckdb.connect(str(warehouse)) as con:   # the next run: bob refreshed, alice refreshed but quarantined
        con.execute("update marts.connection_score set total_score = 55.0 where user_id in ('alice', 'bob')")
        con.execute("insert into marts.connection_score_history values ('bob', date '2026-11-21', 55.0), "
                    "('alice', date '2026-11-21', 55.0)")
        con.execute("update ops.refresh_status set last_success_at = now()::timestamp + interval 1 minute, "
                    "score_is_stale = (user_id = 'alice') where user_id in ('alice', 'bob')")
    shutil.copyfile(serving, full)
    second = publish(warehouse, serving, run_id="r2", keep_previous=["alice"])
    assert (second.mode, second.users_replaced) == ("incremental", 1)
    publish(warehouse, full, run_id="r2", keep_previous=["alice"], incremental=False)
    got = _tables(serving)
    assert got == _tables(full)                                   # same snapshot as a full rebuild
    assert dict(got["connection_score"]) == {"alice": 61.5, "bob": 55.0, "carol": 70.0}
    assert ("bob", date(2026, 11, 21), 55.0) in got["connection_score_history"]
    assert [u for (u,) in got["top"]] == ["alice", "bob", "carol"]
    assert [s for _, _, s in got["refresh_status"]] == [True, False, False]
    with duckdb.connect(str(serving), read_only=True) as con:
        assert con.execute("select run_id from _publication").fetchall() == [("r2",)]

    with duckdb.connect(str(warehouse)) as con:   # a new model version: a column more, so a full rebuild
        con.execute("alter table marts.connection_score add column band varchar")
    third = publish(warehouse, serving, run_id="r3")
    assert third.mode == "full"
    with duckdb.connect(str(serving), read_only=True) as con:
        assert [c for (c,) in con.execute("select column_name from duckdb_columns() "
                                          "where table_name = 'connection_score'").fetchall()][-1] == "band"
