"""dbt build against hand-made raw rows: values, idempotency, per-user isolation, missing data,
monotonicity and history. One warehouse is built once for the module and the tests then refresh it
step by step (each dbt invocation costs seconds), so the order of the tests matters."""

from __future__ import annotations

import json
import math
from contextlib import contextmanager
from datetime import date

import duckdb
import pytest

from raw_fixtures import alice, bob_without_messages, carol_sparse, ts, url

COMPONENTS = ("breadth", "relevance", "diversity", "engagement", "reciprocity", "recency")
# the same export plus one more two-way conversation with a connection never messaged one-to-one
MONOTONIC_VARIANTS = {
    "m_balanced": [("out", 12, 300), ("in", 11, 300)],
    "m_short_reply": [("in", 30, 500), ("out", 29, 40)],
    "m_two_to_one": [("out", 40, 200), ("in", 39, 200), ("out", 38, 200)],
    "m_old": [("out", 800, 200), ("in", 790, 200)],
}


def monotonic_exports():
    out = [alice("m_base")]
    for user_id, exchanges in MONOTONIC_VARIANTS.items():
        e = alice(user_id)
        e.conversation("kim-k", "Kim Ko", [(d, ts(days), length) for d, days, length in exchanges])
        out.append(e)
    return out


@pytest.fixture(scope="module")
def built(dbt):
    """Fixture users built once from a fresh warehouse with `dbt build` (seeds, models, data and unit
    tests in DAG order)."""
    dbt.reset_warehouse([alice(), bob_without_messages(), carol_sparse(), *monotonic_exports()])
    dbt("build", vars={"refresh_date": "2025-01-02"})
    return dbt


def scores(dbt) -> dict[str, dict]:
    return {r["user_id"]: r for r in dbt.dicts("select * from marts.connection_score")}


def test_users_var_defaults_to_every_loaded_user(built):
    compiled = (built.target_path / "compiled" / "connection_score" / "models" / "intermediate" /
                "int_user_context.sql").read_text()
    assert "user_id in (select user_id from raw.exports)" in compiled


def test_one_score_row_per_user_and_points_add_up(built):
    rows = scores(built)
    assert sorted(rows) == sorted(["alice", "bob", "carol", "m_base", *MONOTONIC_VARIANTS])
    for r in rows.values():
        assert sum(r[f"{c}_points"] for c in COMPONENTS) == r["total_score"] == r["points_sum"]
        assert 0 <= r["total_score"] <= 100
        assert r["formula_version"] == "v1.1" and r["weights_preset"] == "default"
        assert r["as_of"] == date(2025, 1, 1)
        assert math.isclose(sum(r[f"{c}_weight"] for c in COMPONENTS), 100, abs_tol=0.001)
        expected_band = ("Exceptional" if r["total_score"] >= 80 else "Strong" if r["total_score"] >= 60
                         else "Developing" if r["total_score"] >= 40 else "Emerging")
        assert r["band"] == expected_band


def test_missing_messages_file_reweights_openly(built):
    bob = scores(built)["bob"]
    assert not bob["has_messages_file"]
    assert bob["engagement_score"] is None and bob["reciprocity_score"] is None
    assert bob["engagement_points"] == 0 and bob["reciprocity_points"] == 0
    assert bob["components_not_computed"] == "engagement,reciprocity"
    assert "no messages file" in bob["not_computed_reasons"]
    assert bob["confidence"] == "low"
    # the other four share the 35 points pro rata: 15 -> 23.08, 20 -> 30.77
    assert math.isclose(bob["breadth_weight"], 15 * 100 / 65, abs_tol=1e-4)
    assert math.isclose(bob["recency_weight"], 15 * 100 / 65, abs_tol=1e-4)
    assert bob["engagement_weight"] == 0 and bob["reciprocity_weight"] == 0


def test_low_coverage_makes_relevance_and_diversity_insufficient(built):
    carol = scores(built)["carol"]
    assert carol["coverage"] < 0.3
    assert carol["components_not_computed"] == "relevance,diversity"
    assert "insufficient data" in carol["not_computed_reasons"]
    assert carol["relevance_points"] == 0 and carol["diversity_points"] == 0
    assert carol["engagement_score"] is not None


def test_owner_identity_and_connection_keys(built):
    owner = built.dicts("select * from intermediate.int_owner_identity where user_id = 'alice'")[0]
    assert owner["owner_profile_url"] == url("alice-a")
    assert owner["method"] == "messages" and owner["confidence"] == "high"
    assert owner["name_check"] == "match" and owner["invitation_check"] == "match"
    conns = built.dicts("select * from intermediate.int_connections where user_id = 'alice'")
    assert len(conns) == 14                                   # blank members kept
    assert len({c["connection_id"] for c in conns}) == 14
    anonymous = [c for c in conns if c["is_anonymous"]]
    assert len(anonymous) == 2 and {c["identity_method"] for c in anonymous} == {"content_hash"}
    jose = next(c for c in conns if c["first_name"] == "José")
    assert jose["profile_url"] == "https://www.linkedin.com/in/josé-n"   # percent-decoded
    assert jose["name_key"] == "jose nunez"                                # ", Ph.D." dropped
    # connection ids are per user: the same people under another user get other ids
    other = {c["connection_id"] for c in built.dicts("select * from intermediate.int_connections where user_id = 'm_base'")}
    assert not other & {c["connection_id"] for c in conns}


def test_interactions_weights_and_resolution(built):
    rows = built.dicts("""
        select e.*, c.first_name from intermediate.int_interactions as e
        left join intermediate.int_connections as c using (connection_id) where e.user_id = 'alice'""")
    group = [r for r in rows if r["event_type"] == "message" and r["n_participants"] == 4]
    assert group and all(math.isclose(r["weight"], 1 / 3) for r in group)
    # the group member with a raw-Unicode URL resolves to the percent-encoded connection
    assert any(r["first_name"] == "José" and r["resolution"] == "url" for r in group)
    broadcast = [r for r in rows if r["is_broadcast"]]
    assert len(broadcast) == 6 and all(math.isclose(r["weight"], 0.1) for r in broadcast)
    assert all(r["direction"] == "out" for r in broadcast)                       # Zed's same-text reply is not one
    reply = [r for r in rows if r["event_type"] == "message" and r["counterpart_url"] == url("zed-z") and r["direction"] == "in"]
    assert len(reply) == 1 and reply[0]["weight"] == 1.0
    rec = [r for r in rows if r["event_type"] == "recommendation"]
    assert {(r["first_name"], r["direction"], r["resolution"]) for r in rec} == {("Dan", "in", "name"), ("José", "out", "name")}
    endorsements = [r for r in rows if r["event_type"] == "endorsement" and r["first_name"] == "Bob"]
    assert sorted((r["direction"], r["skills_count"]) for r in endorsements) == [("in", 1), ("in", 3), ("out", 2)]
    assert not any(r["counterpart_url"] == url("spam-s") for r in rows)          # SPAM dropped
    assert not any(r["event_type"] == "message" and r["occurred_at"] == ts(1) for r in rows)  # draft dropped
    invitation = [r for r in rows if r["event_type"] == "invitation"]
    assert sorted((r["direction"], r["resolution"]) for r in invitation) == [("in", "url"), ("out", "unresolved"), ("out", "url")]


def test_tiers_and_action_lists(built):
    ties = {r["full_name"]: r for r in built.dicts("select * from marts.tie_strength where user_id = 'alice'")}
    assert ties["Bob Brown"]["tier"] == "Strong" and ties["Bob Brown"]["tie_strength"] > 0.85
    assert ties["Dan Do"]["tier"] == "Latent"
    assert ties["Eve Eng"]["tier"] == "Active"
    assert ties["Ivy Ito"]["tier"] == "Latent"        # a broadcast + an endorsement is not two-way
    assert {r["tier"] for r in ties.values() if r["is_anonymous"]} == {"Unengaged"}
    assert ties["Bob Brown"]["dunbar_layer"] == "5"

    reengage = built.dicts("select * from marts.reengage where user_id = 'alice' order by rank")
    assert reengage[0]["name"] == "Dan Do" and reengage[0]["months_silent"] >= 12
    waiting = built.dicts("select * from marts.waiting_on_you where user_id = 'alice'")
    assert [r["name"] for r in waiting] == ["Eve Eng"]             # the recruiter's InMail is excluded
    assert waiting[0]["days_waiting"] == 20
    gaps = {(r["name"], r["gap_direction"]) for r in built.dicts("select * from marts.reciprocity_gaps where user_id = 'alice'")}
    assert ("Dan Do", "you_owe") in gaps and ("Finn Fox", "they_owe") in gaps
    mix = built.dicts("select * from marts.industry_mix where user_id = 'alice'")
    assert math.isclose(sum(r["share"] for r in mix), 1.0)
    assert all(math.isclose(r["user_share_total"], 1.0) for r in mix)
    assert any(r["industry_root"] == "unknown" for r in mix)
    timeline = built.dicts("select * from marts.engagement_timeline where user_id = 'alice' and month = date '2024-12-01'")
    assert timeline[0]["messages_sent"] >= 7 and timeline[0]["two_way_counterparts"] >= 1


def test_adding_a_two_way_conversation_never_lowers_the_score(built):
    rows = scores(built)
    base = rows["m_base"]
    base_ties = {r["full_name"]: r["tie_strength"] for r in built.dicts("select * from marts.tie_strength where user_id = 'm_base'")}
    for user_id in MONOTONIC_VARIANTS:
        assert rows[user_id]["total_score"] >= base["total_score"], (user_id, base, rows[user_id])
        for c in ("engagement", "recency"):
            assert rows[user_id][f"{c}_score"] >= base[f"{c}_score"], (user_id, c)
        ties = {r["full_name"]: r["tie_strength"] for r in built.dicts(
            "select * from marts.tie_strength where user_id = ?", [user_id])}
        assert all(ties[name] >= ts_ for name, ts_ in base_ties.items() if name), user_id


def test_every_built_column_is_documented(built):
    manifest = json.loads((built.target_path / "manifest.json").read_text())
    documented = {n["name"]: set(n["columns"]) for n in manifest["nodes"].values() if n["resource_type"] == "model"}
    for name in built.tables(("staging", "intermediate", "marts")):
        schema, table = name.split(".")
        actual = {c for (c,) in built.query(
            "select column_name from information_schema.columns where table_schema = ? and table_name = ?", [schema, table])}
        assert actual == documented[table], f"{table}: undocumented {actual - documented[table]}, stale {documented[table] - actual}"


def test_build_is_idempotent(built):
    before = built.snapshot()
    built.refresh(vars={"refresh_date": "2025-01-02"})
    after = built.snapshot()
    assert before.keys() == after.keys()
    for table in before:
        assert before[table] == after[table], table


def _view_results(built) -> dict[str, str]:
    """Model name -> dbt's result message, for the views of the last invocation."""
    results = json.loads((built.target_path / "run_results.json").read_text())["results"]
    views = {name for (name,) in built.query("select view_name from duckdb_views() where not internal")}
    return {r["unique_id"].split(".")[-1]: r["message"] for r in results
            if r["unique_id"].split(".")[-1] in views}


def test_views_are_rebuilt_only_when_their_definition_or_input_columns_change(built):
    """macros/view_materialization.sql: a view whose SQL and upstream columns are those of its stored
    fingerprint (its comment) is left as it is and reported `unchanged`."""
    comments = dict(built.query("select view_name, comment from duckdb_views() where schema_name = 'staging'"))
    assert len(comments) == 17 and all(c.startswith("dbt view ") for c in comments.values()), comments
    run = ("run", "--select", "staging")
    built(*run)
    assert set(_view_results(built).values()) == {"unchanged"}

    with duckdb.connect(str(built.warehouse)) as con:     # someone replaced the view by hand
        con.execute("comment on view staging.stg_linkedin__skills is 'edited'")
    built(*run)
    results = _view_results(built)
    assert results.pop("stg_linkedin__skills") == "OK"
    assert set(results.values()) == {"unchanged"}
    assert built.query("select comment from duckdb_views() where view_name = 'stg_linkedin__skills'") == [
        (comments["stg_linkedin__skills"],)]

    # same SQL, but its input table changed (DuckDB binds a view's column types at creation)
    with duckdb.connect(str(built.warehouse)) as con:
        con.execute("alter table raw.skills add column proficiency integer")
    try:
        built(*run)
        assert _view_results(built)["stg_linkedin__skills"] == "OK"
    finally:
        with duckdb.connect(str(built.warehouse)) as con:
            con.execute("alter table raw.skills drop column proficiency")
    built(*run, "--full-refresh")
    assert set(_view_results(built).values()) == {"OK"}
    assert dict(built.query("select view_name, comment from duckdb_views() where schema_name = 'staging'")) == comments


def test_refreshing_one_user_leaves_the_others_untouched(built):
    others = "user_id <> 'alice'"
    before = built.snapshot(others)
    before_alice = scores(built)["alice"]
    changed = alice()
    changed.conversation("kim-k", "Kim Ko", [("out", ts(12), 300), ("in", ts(11), 300), ("out", ts(10), 120)])
    built.write_exports([changed])
    built("build", vars={"users": ["alice"], "refresh_date": "2025-01-03"})   # models + tests, one user
    after = built.snapshot(others)
    for table in before:
        if table != "marts.connection_score_history":
            assert before[table] == after[table], table
    assert after["marts.connection_score_history"] == before["marts.connection_score_history"]
    assert scores(built)["alice"]["total_score"] > before_alice["total_score"]
    # history: one row per user and refresh date; alice now has two days
    history = built.query("select user_id, score_date from marts.connection_score_history where user_id in ('alice', 'bob') order by all")
    assert history == [("alice", date(2025, 1, 2)), ("alice", date(2025, 1, 3)), ("bob", date(2025, 1, 2))]


def test_a_batch_by_id_rebuilds_exactly_its_users(built):
    """The pipeline passes large batches as `--vars {"batch": id}` with the users in ops.dbt_batch."""
    others = "user_id <> 'alice'"
    before = built.snapshot(others)
    con = duckdb.connect(str(built.warehouse))
    try:
        con.execute("create schema if not exists ops")
        con.execute("create or replace table ops.dbt_batch (batch_id varchar, user_id varchar)")
        con.execute("insert into ops.dbt_batch values ('run-9', 'alice')")
    finally:
        con.close()
    built("build", "--exclude", "resource_type:unit_test", vars={"batch": "run-9", "refresh_date": "2025-01-04"})
    after = built.snapshot(others)
    for table in before:
        assert before[table] == after[table], table
    history = built.query("select score_date from marts.connection_score_history where user_id = 'alice' "
                          "order by 1")
    assert date(2025, 1, 4) in [r[0] for r in history]


def test_user_with_no_rows_left_is_replaced_not_kept(built):
    """Per-user replace deletes a refreshed user's old rows even when they now produce none."""
    trimmed = alice()
    trimmed.rows.pop("messages")
    trimmed.files.discard("messages")
    built.write_exports([trimmed])
    con = duckdb.connect(str(built.warehouse))                                  # carol's export is gone
    for (table,) in con.execute("select table_name from information_schema.tables where table_schema = 'raw'").fetchall():
        con.execute(f"delete from raw.{table} where user_id = 'carol'")
    con.close()
    built("run", vars={"users": ["alice", "carol"], "refresh_date": "2025-01-03"})
    assert built.query("select count(*) from intermediate.int_interactions where user_id = 'alice' and event_type = 'message'") == [(0,)]
    assert scores(built)["alice"]["components_not_computed"] == "engagement,reciprocity"
    for table in ("marts.connection_score", "marts.tie_strength", "intermediate.int_connections", "marts.industry_mix"):
        assert built.query(f"select count(*) from {table} where user_id = 'carol'") == [(0,)], table
    assert built.query("select count(*) from marts.connection_score where user_id = 'bob'") == [(1,)]
    # history rows of other days are kept; --full-refresh never rebuilds the history table
    built("run", "--full-refresh", "--select", "marts.connection_score_history", vars={"refresh_date": "2025-01-04"})
    assert built.query("select count(*) from marts.connection_score_history where user_id = 'carol'") == [(1,)]


def test_unknown_weights_preset_fails_and_keeps_the_rows(built):
    before = scores(built)
    proc = built("run", "--select", "marts.connection_score", vars={"weights_preset": "nope"}, check=False)
    assert proc.returncode != 0
    assert "weights_preset nope" in proc.stdout
    assert scores(built) == before                 # the per-user delete was rolled back


def test_docs_generate(built):
    built("docs generate")
    catalog = json.loads((built.target_path / "catalog.json").read_text())
    assert any(k.endswith(".connection_score") for k in catalog["nodes"])


@contextmanager
def _bobs_score_set(built, **values):
    """Set columns of bob's marts.connection_score row for the block, then put the old values back."""
    columns = ", ".join(values)
    old = built.dicts(f"select {columns} from marts.connection_score where user_id = 'bob'")[0]

    def write(row: dict) -> None:
        with duckdb.connect(str(built.warehouse)) as con:
            assignments = ", ".join(f"{c} = ?" for c in row)
            con.execute(f"update marts.connection_score set {assignments} where user_id = 'bob'", list(row.values()))

    write(values)
    try:
        yield
    finally:
        write(old)


def test_data_tests_of_a_batch_read_only_its_users(built):
    """In a refresh of some users the generic data tests read the refreshed users' rows (the others were
    tested when their rows were built); a refresh of everyone reads every row."""
    with duckdb.connect(str(built.warehouse)) as con:
        con.execute("create schema if not exists ops")
        con.execute("create or replace table ops.dbt_batch (batch_id varchar, user_id varchar)")
        con.execute("insert into ops.dbt_batch values ('run-9', 'alice')")
    # a generic test (column_rules) and a singular one (tests/assert_effective_weights_sum_to_preset.sql)
    with _bobs_score_set(built, band=None, breadth_weight=99.0):
        select = ("--select", "marts.connection_score", "--exclude", "resource_type:unit_test")
        alice_only = built("test", *select, vars={"users": ["alice"]}, check=False)
        assert alice_only.returncode == 0, alice_only.stdout[-3000:]
        by_batch = built("test", *select, vars={"batch": "run-9"}, check=False)
        assert by_batch.returncode == 0, by_batch.stdout[-3000:]
        everyone = built("test", *select, check=False)
        assert everyone.returncode != 0
        for run in (everyone, built("test", *select, vars={"users": ["alice", "bob"]}, check=False)):
            assert "FAIL 1 column_rules_connection_score" in run.stdout
            assert "FAIL 1 assert_effective_weights_sum_to_preset" in run.stdout


def test_column_rules_name_the_failing_rule_and_column(built):
    """column_rules (macros/test_helpers.sql): one query for all of a model's column rules, one result row
    per broken rule and column, naming both, and a failure count of the offending rows."""
    select = ("--select", "column_rules_connection_score", "--exclude", "resource_type:unit_test")
    compiled = (built.target_path / "compiled" / "connection_score" / "models" / "marts" / "connection_score.yml"
                / "column_rules_connection_score.sql")
    with _bobs_score_set(built, band=None, confidence="unsure", total_score=150, coverage=2):
        result = built("test", *select, check=False)
        assert result.returncode != 0
        assert "FAIL 4 column_rules_connection_score" in result.stdout
        assert sorted(built.query(compiled.read_text())) == [
            ("accepted_values", "confidence", 1), ("between 0 and 1", "coverage", 1),
            ("between 0 and 100", "total_score", 1), ("not_null", "band", 1)]

    with duckdb.connect(str(built.warehouse)) as con:                 # alice's row twice
        con.execute("insert into marts.connection_score select * from marts.connection_score where user_id = 'alice'")
    try:
        result = built("test", *select, check=False)
        assert "FAIL 1 column_rules_connection_score" in result.stdout
        assert built.query(compiled.read_text()) == [("unique", "user_id", 1)]
    finally:
        with duckdb.connect(str(built.warehouse)) as con:
            con.execute("delete from marts.connection_score where rowid = "
                        "(select max(rowid) from marts.connection_score where user_id = 'alice')")
    assert built("test", *select, check=False).returncode == 0
