"""Pure helpers of the benchmark harness (orchestration/benchmarks): fast, no pipeline run."""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

import pytest

from orchestration.benchmarks import breakdown, machine, plan, procs, profiling, report
from orchestration.benchmarks.compare import comparable_expr
from orchestration.benchmarks.instance import instance_config, max_concurrent_runs


# --- RSS sampling -------------------------------------------------------------------------------------
def test_parse_stat_with_spaces_and_parens_in_comm():
    text = "4242 (python (step) x) S 4200 4242 4242 0 -1 4194560 2000 0 0 0 10 2 0 0 20 0 3 0 100 0 0"
    assert procs.parse_stat(text) == (4242, "python (step) x", 4200)


def test_parse_statm_rss():
    assert procs.parse_statm_rss("1000 250 100 1 0 300 0", page_size=4096) == 250 * 4096


def test_descendants_walks_the_whole_tree_only():
    parents = {10: 1, 11: 10, 12: 11, 13: 10, 20: 1, 21: 20}
    assert procs.descendants(parents, 10) == {11, 12, 13}
    assert procs.descendants(parents, 12) == set()


def test_snapshot_sees_this_process():
    snap = procs.snapshot()
    import os

    assert os.getpid() in snap and snap[os.getpid()][2] > 0


def test_run_measured_counts_children(tmp_path):
    import sys

    code = "x = bytearray(60 * 1024 * 1024); import time; time.sleep(0.8)"
    m = procs.run_measured([[sys.executable, "-c", code]], env=procs.clean_env({}), cwd=tmp_path,
                           log_dir=tmp_path, interval=0.1)
    assert m.ok and m.wall_s >= 0.8
    assert m.peak.process_bytes >= 60 * 1024 * 1024
    assert m.peak.tree_bytes >= m.peak.process_bytes


def test_clean_env_drops_repo_paths(monkeypatch):
    monkeypatch.setenv("CONNECTION_SCORE_WAREHOUSE", "data/warehouse.duckdb")
    monkeypatch.setenv("DAGSTER_HOME", "/repo")
    env = procs.clean_env({"X": "1"})
    assert "CONNECTION_SCORE_WAREHOUSE" not in env and "DAGSTER_HOME" not in env
    assert env["X"] == "1" and env["DAGSTER_DISABLE_TELEMETRY"] == "1" and env["DO_NOT_TRACK"] == "1"


# --- dbt plan -----------------------------------------------------------------------------------------
def test_topological_order_is_deterministic_and_respects_dependencies():
    deps = {"c": ["a", "b"], "b": ["a"], "a": [], "d": ["x_outside"], "e": ["c", "d"]}
    order = plan.topological_order(deps)
    assert order == ["a", "b", "c", "d", "e"]
    for node, ds in deps.items():
        for d in ds:
            if d in deps:
                assert order.index(d) < order.index(node)


def test_topological_order_detects_cycles():
    with pytest.raises(ValueError, match="cycle"):
        plan.topological_order({"a": ["b"], "b": ["a"]})


def _node(uid, rtype, mat, deps=(), **extra):
    name = uid.split(".")[-1]
    return {"resource_type": rtype, "config": {"materialized": mat, "enabled": True, **extra.pop("config", {})},
            "depends_on": {"nodes": list(deps)}, "relation_name": f'"warehouse"."s"."{name}"',
            "database": "warehouse", "schema": "s", "original_file_path": f"seeds/{name}.csv",
            "compiled_code": f"select 1 as {name}", **extra}


def test_build_plan_orders_seeds_and_models_and_skips_ephemeral_and_tests(tmp_path):
    manifest = {"nodes": {
        "model.p.m2": _node("model.p.m2", "model", "incremental", ["model.p.m1", "seed.p.s1"]),
        "model.p.m1": _node("model.p.m1", "model", "view", ["source.p.raw.t"]),
        "seed.p.s1": _node("seed.p.s1", "seed", "seed", config={"column_types": {"a": "integer"}}),
        "model.p.eph": _node("model.p.eph", "model", "ephemeral"),
        "test.p.t1": _node("test.p.t1", "test", "test", ["model.p.m2"]),
    }}
    steps = plan.build_plan(manifest, tmp_path)
    assert [(s.unique_id, s.kind) for s in steps] == [("model.p.m1", "view"), ("seed.p.s1", "seed"),
                                                     ("model.p.m2", "table")]
    assert steps[1].column_types == {"a": "integer"} and steps[1].csv_path == str(tmp_path / "seeds/s1.csv")
    sql = plan.step_sql(steps[2])
    assert sql[0] == 'create schema if not exists "warehouse"."s"'
    assert sql[1].startswith('create table "warehouse"."s"."m2" as (')
    assert "nullstr" in plan.step_sql(steps[1])[1] and "'a': 'integer'" in plan.step_sql(steps[1])[1]


def test_plan_round_trip(tmp_path):
    steps = [plan.PlanStep("model.p.m", "view", '"w"."s"."m"', "w", "s", sql="select 1")]
    plan.save(steps, tmp_path / "p.json")
    assert plan.load(tmp_path / "p.json") == steps


# --- comparison, instance, machine --------------------------------------------------------------------
def test_comparable_expr_rounds_floats_and_stringifies_lists():
    assert comparable_expr("score", "DOUBLE") == 'round("score"::double, 9) as "score"'
    assert comparable_expr("w", "DECIMAL(18,3)").startswith("round(")
    assert comparable_expr("kinds", "VARCHAR[]") == '"kinds"::varchar as "kinds"'
    assert comparable_expr("n", "BIGINT") == '"n"'


def test_instance_config_reroots_storage_paths(tmp_path):
    repo = {"telemetry": {"enabled": False},
            "storage": {"sqlite": {"base_dir": "data/dagster_home/storage"}},
            "local_artifact_storage": {"module": "m", "class": "C", "config": {"base_dir": "data/dagster_home"}},
            "concurrency": {"runs": {"max_concurrent_runs": 4}}}
    cfg = instance_config(repo, tmp_path)
    assert cfg["storage"]["sqlite"]["base_dir"] == str(tmp_path / "storage")
    assert cfg["local_artifact_storage"]["config"]["base_dir"] == str(tmp_path)
    assert cfg["telemetry"] == {"enabled": False}
    assert max_concurrent_runs(cfg) == 4
    assert max_concurrent_runs({}) == 10


def test_machine_parsers():
    assert machine.parse_meminfo("MemTotal:       24576000 kB\nMemFree: 1 kB") == 24576000 * 1024
    assert machine.parse_cpu_model("processor: 0\nmodel name\t: AMD EPYC\n") == "AMD EPYC"


# --- report -------------------------------------------------------------------------------------------
def _result(n, pipe, lim, **kw):
    r = report.ScaleResult(n=n, rows=1000 * n, repeats=len(pipe), pipeline_s=pipe, limit_s=lim,
                           pipeline_peak_tree=[2 * 1024**3], pipeline_peak_proc=[700 * 1024**2],
                           limit_peak=[300 * 1024**2], scores_equal=[True] * len(pipe), **kw)
    return r


def test_table_row_and_medians():
    r = _result(100, [30.0, 10.0, 20.0], [2.0, 1.0, 4.0], incremental_s=[9.0, 11.0, 10.0], incremental_runs=1,
                incremental_users=1, one_user_s=[8.0, 9.0, 7.0])
    assert r.pipeline == 20.0 and r.limit == 2.0
    assert r.ratio == pytest.approx(10.0)          # median of 15, 10, 5
    row = report.table_row(r)
    assert row.startswith("| 100 | 100,000 | 20.0 | 2.0 | 10.0x | 5,000 / 50,000 | 2.00 GiB / 700 MiB | 300 MiB |")
    assert "10.0 (1 users, 1 runs)" in row and row.endswith("| 8.0 | yes |")
    table = report.render_table([r, report.ScaleResult(n=10_000, not_run="not run: no time")])
    assert table.splitlines()[0] == report.HEADER and "| 10,000 | - | not run |" in table
    assert len({line.count("|") for line in table.splitlines()}) == 1   # every row has every column


def test_verdicts():
    r = _result(1000, [300.0], [100.0], incremental_s=[50.0], one_user_s=[40.0])
    v = report.verdicts([r, report.ScaleResult(n=10_000, not_run="skipped")])
    assert [x.met for x in v] == [False, True, False, None]
    assert "3.0x" in v[0].measured


def test_a_pipeline_only_10k_run_gives_the_memory_verdict():
    r10 = report.ScaleResult(n=10_000, rows=26_000_000, repeats=1, pipeline_s=[5400.0],
                             pipeline_peak_tree=[9 * 1024**3], pipeline_peak_proc=[6 * 1024**3])
    r = _result(1000, [300.0], [100.0], incremental_s=[50.0], one_user_s=[40.0])
    v = report.verdicts([r, r10])
    assert v[3].met is True and v[3].measured == "5,400 s, peak 9.00 GiB (tree)"
    row = report.table_row(r10)
    assert row.startswith("| 10,000 | 26,000,000 | 5,400 | - | - | 4,815 / - | 9.00 GiB / 6.00 GiB | - |")
    r10.pipeline_peak_tree = [17 * 1024**3]
    assert report.verdicts([r, r10])[3].met is False


def test_write_doc_keeps_hand_written_text(tmp_path):
    doc = tmp_path / "benchmarks.md"
    report.write_doc(doc, f"{report.START}\nfirst\n{report.END}")
    assert "first" in doc.read_text()
    doc.write_text("# Benchmarks\n\nintro\n\n" + doc.read_text().split("# Benchmarks\n\n", 1)[1] + "\n## analysis\nkept\n")
    report.write_doc(doc, f"{report.START}\nsecond\n{report.END}")
    text = doc.read_text()
    assert "second" in text and "first" not in text and "intro" in text and "kept" in text


# --- breakdown and profile ----------------------------------------------------------------------------
def test_run_breakdown_splits_startup_ingestion_gx_dbt():
    t = 1000.0
    ev = lambda dt, typ, step=None, **kw: {"t": t + dt, "type": typ, "step": step, **kw}  # noqa: E731
    result = {"t_process": t, "t_execute_start": t + 1, "timeline": [
        ev(5, "PIPELINE_START"),
        ev(6, "STEP_WORKER_STARTING", "raw_linkedin_export"), ev(9, "STEP_START", "raw_linkedin_export"),
        ev(19, "ASSET_MATERIALIZATION", "raw_linkedin_export", asset="raw/connections"),
        ev(25, "STEP_SUCCESS", "raw_linkedin_export"),
        ev(26, "STEP_WORKER_STARTING", "dbt_models"), ev(30, "STEP_START", "dbt_models"),
        ev(35, "ASSET_MATERIALIZATION", "dbt_models", asset="marts/x", duration=4.0),
        ev(35, "ASSET_MATERIALIZATION", "dbt_models", asset="marts/x", duration=4.0),   # 2nd partition
        ev(50, "STEP_SUCCESS", "dbt_models"),
    ]}
    bd = breakdown.run_breakdown(result, wall_s=52.0)
    assert bd[breakdown.RUN_STARTUP] == 5
    assert bd["step workers start-up (python, dagster import, definitions)"] == 7
    assert bd["raw: ingestion (Python parsing + DuckDB writes)"] == 10
    assert bd["raw: GX suites"] == 6
    assert bd["dbt: SQL of the models (dbt's timing)"] == 4
    assert bd["dbt: seed + build overhead (dbt start-up, parse, tests, events)"] == 16
    assert sum(bd.values()) == pytest.approx(52.0)


def test_run_breakdown_of_the_in_process_layout():
    # one process: no step workers; ingestion and the raw suites are separate steps
    t = 1000.0
    ev = lambda dt, typ, step=None, **kw: {"t": t + dt, "type": typ, "step": step, **kw}  # noqa: E731
    result = {"t_process": t, "t_execute_start": t + 1, "timeline": [
        ev(4, "RUN_START"),
        ev(5, "STEP_START", "raw__linkedin_export"),
        ev(7, "ASSET_MATERIALIZATION", "raw__linkedin_export", asset="raw/linkedin_export"),
        ev(7, "STEP_SUCCESS", "raw__linkedin_export"),
        ev(7, "STEP_START", "raw_tables"), ev(15, "STEP_SUCCESS", "raw_tables"),
        ev(15, "STEP_START", "dbt_models"),
        ev(20, "ASSET_MATERIALIZATION", "dbt_models", asset="marts/x", duration=3.0),
        ev(30, "STEP_SUCCESS", "dbt_models"),
        ev(30, "STEP_START", "staging_gx_suites"), ev(32, "STEP_SUCCESS", "staging_gx_suites"),
        ev(32, "STEP_START", "marts_gx_suites"), ev(33, "STEP_SUCCESS", "marts_gx_suites"),
    ]}
    bd = breakdown.run_breakdown(result, wall_s=34.0)
    assert bd["raw: ingestion (Python parsing + DuckDB writes)"] == 2
    assert bd["raw: GX suites"] == 8
    assert bd["dbt: SQL of the models (dbt's timing)"] == 3
    assert bd["dbt stages: GX suites (staging, intermediate, marts)"] == 3
    assert bd["step workers start-up (python, dagster import, definitions)"] == 0
    assert sum(bd.values()) == pytest.approx(34.0)


def test_profile_buckets():
    stacks = profiling.parse_collapsed(
        "process 1:\"python -m x\";main (a.py:1);read_table (orchestration/ingestion/records.py:40) 30\n"
        "process 1:\"python -m x\";validate (great_expectations/core.py:3) 20\n"
        "process 2:\"/v/bin/python /v/bin/dbt build --vars x\";run (dbt/cli/main.py:1);execute (dbt/adapters/duckdb/connections.py:9) 10\n"
        "process 2:\"/v/bin/python /v/bin/dbt build --vars x\";<module> (dbt:1);_find_and_load (<frozen importlib._bootstrap>:1) 4\n"
        "process 1:\"python -m x\";poll (dagster/_core/executor.py:1) 5\n"
        "garbage line\n")
    assert sum(stacks.values()) == 69
    buckets = profiling.bucket_samples(stacks)
    assert buckets["ingestion: CSV records (csv module, preamble/comment repair)"] == 30
    assert buckets["GX: validation (incl. reading frames)"] == 20
    assert buckets["dbt: SQL execution (DuckDB)"] == 10
    assert buckets["dbt: imports"] == 4
    assert buckets["Dagster: executor, event log, storage"] == 5


# --- workload -----------------------------------------------------------------------------------------
def test_ensure_users_draws_the_same_users_as_generate_users(tmp_path):
    from orchestration.benchmarks import workload
    from orchestration.generator import generate_users

    expected = generate_users(tmp_path / "g", 2, seed=5)
    raw, infos, _ = workload.ensure_users(tmp_path / "cache", 2, seed=5, log=lambda *_: None)
    assert [(i.user_id, i.persona, i.seed) for i in infos] == [(g.user_id, g.persona, g.seed) for g in expected]
    for g in expected:
        assert (raw / g.user_id / g.path.name).read_bytes() == g.path.read_bytes()
    # resumes: asking for fewer users generates nothing
    assert workload.ensure_users(tmp_path / "cache", 1, seed=5, log=lambda *_: None)[2] == 0.0


def test_changed_and_one_user_are_deterministic():
    from orchestration.benchmarks import workload

    users = [workload.user_id(i) for i in range(1000)]
    changed = workload.changed_users(users, 0.01, seed=0)
    assert len(changed) == 10 and changed == sorted(changed) == workload.changed_users(users, 0.01, seed=0)
    assert workload.one_user(users, changed, 0) not in changed
    assert workload.changed_users(users[:1], 0.01, 0) == users[:1]
