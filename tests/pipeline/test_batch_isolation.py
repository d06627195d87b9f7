"""A two-user batch where one user's new export breaks a raw expectation: that user is quarantined, their
previous score stays queryable and is flagged stale; the other user's score is refreshed in the same run."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import dagster as dg
import duckdb
import pytest

from orchestration.assets.dbt import dbt_models, dbt_project
from orchestration.assets.raw import raw_linkedin_export, raw_tables
from orchestration.assets.serving import serving_snapshot
from orchestration.checks.mart_checks import marts_gx_suites
from orchestration.generator import generate_export
from orchestration.operations.batching import batch_run_config, range_tags
from orchestration.operations.jobs import refresh_users_job
from orchestration.resources import DbtResource, WarehouseResource

pytestmark = pytest.mark.slow


def _definitions(tmp_path: Path, raw_root: Path) -> dg.Definitions:
    return dg.Definitions(
        assets=[raw_linkedin_export, raw_tables, dbt_models, serving_snapshot],
        asset_checks=[marts_gx_suites],
        jobs=[refresh_users_job],
        resources={
            "warehouse": WarehouseResource(path=str(tmp_path / "warehouse.duckdb"), raw_root=str(raw_root),
                                           serving_path=str(tmp_path / "serving.duckdb")),
            "dbt": DbtResource.for_project(dbt_project),
        },
    )


def _refresh(defs: dg.Definitions, instance: dg.DagsterInstance, day: date, only_changed: bool = False):
    job = defs.resolve_job_def("refresh_users")
    return job.execute_in_process(instance=instance, tags=range_tags("anna", "ben"),
                                  run_config=batch_run_config(refresh_date=day, only_changed=only_changed),
                                  raise_on_error=False)


def test_one_bad_user_in_a_batch_is_quarantined_and_the_other_refreshes(tmp_path, raw_root):
    generate_export(raw_root / "anna", persona="new_grad", seed=1, n_connections=120)
    generate_export(raw_root / "ben", persona="new_grad", seed=2, n_connections=120)
    defs = _definitions(tmp_path, raw_root)
    with dg.instance_for_test() as instance:
        instance.add_dynamic_partitions("users", ["anna", "ben"])
        first = _refresh(defs, instance, date(2026, 11, 25))
        assert first.success
        with duckdb.connect(str(tmp_path / "serving.duckdb"), read_only=True) as con:
            before = dict(con.execute("select user_id, total_score from connection_score").fetchall())
        assert set(before) == {"anna", "ben"}

        # anna gets a newer export; ben's newer export has a Connections.csv whose dates mostly don't parse
        generate_export(raw_root / "anna", persona="new_grad", seed=3, n_connections=140,
                        as_of=date(2026, 11, 24))
        bad = raw_root / "ben" / "Complete_LinkedInDataExport_11-24-2026"
        bad.mkdir()
        (bad / "Connections.csv").write_text(
            "First Name,Last Name,URL,Email Address,Company,Position,Connected On\n"
            + "".join(f"P{i},Q,https://www.linkedin.com/in/p{i},,Acme,Engineer,sometime\n" for i in range(20)))
        second = _refresh(defs, instance, date(2026, 11, 26))
        assert second.success       # the batch completes: ben is quarantined, not the run

        checks = {(e.asset_key.to_user_string(), e.passed, e.severity) for e in second.get_asset_check_evaluations()
                  if e.asset_key.to_user_string() == "raw/connections" and e.check_name == "gx_suite"}
        assert checks == {("raw/connections", False, dg.AssetCheckSeverity.WARN)}

        # A sensor-style run (only_changed) with no new export: anna is up to date and left alone; ben's
        # last refresh failed, so he is retried, and fails again on the same export. He is the only user
        # of that batch, so this time the check is an ERROR and the run fails (nothing downstream runs).
        third = _refresh(defs, instance, date(2026, 11, 26), only_changed=True)
        assert not third.success
        failed = [e for e in third.get_asset_check_evaluations() if not e.passed]
        assert [(e.asset_key.to_user_string(), e.severity) for e in failed] == [
            ("raw/connections", dg.AssetCheckSeverity.ERROR)]
        with duckdb.connect(str(tmp_path / "warehouse.duckdb"), read_only=True) as con:
            attempts = dict(con.execute("select user_id, last_attempt_run_id from ops.refresh_status").fetchall())
        assert attempts == {"anna": second.run_id, "ben": third.run_id}

    with duckdb.connect(str(tmp_path / "serving.duckdb"), read_only=True) as con:
        after = dict(con.execute("select user_id, total_score from connection_score").fetchall())
        status = {r[0]: r[1:] for r in con.execute(
            "select user_id, last_attempt_status, failed_stage, failure_reason, score_is_stale "
            "from refresh_status").fetchall()}
        history = con.execute("select user_id, score_date::varchar from connection_score_history "
                              "order by all").fetchall()
    assert after["ben"] == before["ben"]                       # previous score kept, queryable
    assert status["ben"][0:2] == ("failed", "raw_checks") and status["ben"][3] is True
    assert "raw.connections" in status["ben"][2]
    assert status["anna"][0] == "ok" and status["anna"][3] is False
    assert ("anna", "2026-11-26") in history and ("ben", "2026-11-26") not in history

    # The README's queries run as printed against the serving file (for anna instead of 'specialist').
    score, trend, reengage, mix, stale = readme_queries()
    with duckdb.connect(str(tmp_path / "serving.duckdb"), read_only=True) as con:
        run = lambda sql: con.execute(sql.replace("'specialist'", "'anna'")).fetchall()  # noqa: E731
        assert float(run(score)[0][0]) == float(after["anna"])
        assert [str(r[0]) for r in run(trend)] == ["2026-11-25", "2026-11-26"]
        assert len(run(reengage)) <= 10
        assert abs(sum(r[2] for r in run(mix)) - 100) < 1.5
        assert [r[0] for r in run(stale)] == ["ben"]

def _attempts(warehouse: Path) -> dict[str, str]:
    with duckdb.connect(str(warehouse), read_only=True) as con:
        return dict(con.execute("select user_id, last_attempt_run_id from ops.refresh_status").fetchall())


def test_a_new_export_run_with_nothing_new_rebuilds_nobody_and_dbt_alone_rebuilds_everyone(tmp_path, raw_root):
    generate_export(raw_root / "anna", persona="new_grad", seed=1, n_connections=60)
    generate_export(raw_root / "ben", persona="new_grad", seed=2, n_connections=60)
    defs = _definitions(tmp_path, raw_root)
    warehouse = tmp_path / "warehouse.duckdb"
    with dg.instance_for_test() as instance:
        instance.add_dynamic_partitions("users", ["anna", "ben"])
        first = _refresh(defs, instance, date(2026, 11, 25))
        assert first.success
        assert _attempts(warehouse) == {"anna": first.run_id, "ben": first.run_id}

        # What the new-export sensor requests when the "new" files hold the exports already loaded:
        # both users are checked, nobody is rebuilt (it used to fall back to rebuilding every user).
        second = _refresh(defs, instance, date(2026, 11, 26), only_changed=True)
        assert second.success
        assert _attempts(warehouse) == {"anna": first.run_id, "ben": first.run_id}
        rebuilt = [e.asset_key.to_user_string() for e in second.get_asset_materialization_events()
                   if e.asset_key.path[0] == "marts"]
        assert rebuilt == []

        # The dbt models materialised on their own (the UI, without the ingestion asset) rebuild everyone.
        dbt_only = defs.resolve_implicit_global_asset_job_def().get_subset(asset_selection=set(dbt_models.keys))
        third = dbt_only.execute_in_process(instance=instance, raise_on_error=False)
        assert third.success
        assert _attempts(warehouse) == {"anna": third.run_id, "ben": third.run_id}
        assert "marts/connection_score" in {e.asset_key.to_user_string()
                                             for e in third.get_asset_materialization_events()}


def readme_queries() -> list[str]:
    """The statements of the README's ready-to-run SQL block (serving section)."""
    text = (Path(__file__).resolve().parents[2] / "README.md").read_text()
    block = text.split("Ready-to-run queries", 1)[1].split("```sql\n", 1)[1].split("```", 1)[0]
    statements = []
    for chunk in block.split(";"):
        code = "\n".join(line for line in chunk.splitlines() if not line.strip().startswith("--")).strip()
        if code:
            statements.append(code)
    return statements
