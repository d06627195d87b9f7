"""Publishing the serving snapshot: atomic replacement, readers unaffected, CLI reads only the snapshot."""

from __future__ import annotations

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
