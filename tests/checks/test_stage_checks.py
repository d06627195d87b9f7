"""The per-stage blocking checks (stage_checks.py) in Dagster: only the failing user is quarantined, the
others continue; every result links its Data Docs page and the site index, which exist offline."""


import subprocess
import sys

import dagster as dg
import duckdb
import pandas as pd

from orchestration.checks.data_docs import remote_references
from orchestration.checks.stage_checks import DBT_STAGES, GX_CHECK, build_stage_check, stage_tables
from orchestration.operations import status
from orchestration.resources import WarehouseResource
from orchestration.settings import REPO_ROOT

URL = "https://www.linkedin.com/in/{}"
KEY = dg.AssetKey(["intermediate", "int_owner_identity"])


def _job(identities: pd.DataFrame):
    @dg.asset(key=KEY)
    def int_owner_identity(context: dg.AssetExecutionContext, warehouse: WarehouseResource):
        users = sorted(set(identities["user_id"]))
        with warehouse.connect() as con:
            con.execute("create schema if not exists intermediate")
            con.register("identities", identities)
            con.execute("create or replace table intermediate.int_owner_identity as select * from identities")
            status.start(con, context.run.run_id, users)
            status.succeed(con, context.run.run_id, users)   # what the dbt step does

    @dg.asset(deps=[KEY])
    def downstream() -> None:
        return None

    check = build_stage_check("intermediate", tables=["int_owner_identity"])
    return [int_owner_identity, downstream, check]


def _identities(bob_method: str) -> pd.DataFrame:
    return pd.DataFrame({"user_id": ["alice", "bob"], "owner_profile_url": [URL.format("alice"), URL.format("bob")],
                         "method": ["messages", bob_method], "confidence": ["high", "medium"]})


def _run(tmp_path, monkeypatch, identities):
    docs = tmp_path / "docs"
    monkeypatch.setenv("CONNECTION_SCORE_DATA_DOCS", str(docs))
    warehouse = tmp_path / "warehouse.duckdb"
    result = dg.materialize(_job(identities), raise_on_error=False, resources={
        "warehouse": WarehouseResource(path=str(warehouse), raw_root=str(tmp_path / "raw"))})
    return result, warehouse, docs


def test_a_failing_user_is_quarantined_and_the_others_continue(tmp_path, monkeypatch):
    result, warehouse, docs = _run(tmp_path, monkeypatch, _identities(bob_method="guessed"))
    [evaluation] = result.get_asset_check_evaluations()
    assert (evaluation.asset_key, evaluation.check_name) == (KEY, GX_CHECK)
    assert evaluation.passed is False and evaluation.severity == dg.AssetCheckSeverity.WARN  # not blocking
    assert evaluation.metadata["quarantined_users"].value == ["bob"]
    assert dg.AssetKey("downstream") in {e.asset_key for e in result.get_asset_materialization_events()}
    with duckdb.connect(str(warehouse), read_only=True) as con:
        rows = dict((u, (s, st, r)) for u, s, st, r in con.execute(
            "select user_id, last_attempt_status, failed_stage, failure_reason from ops.refresh_status").fetchall())
    assert rows["alice"] == ("ok", None, None)
    assert rows["bob"][:2] == ("failed", "intermediate_checks")
    assert "intermediate.int_owner_identity" in rows["bob"][2] and "method" in rows["bob"][2]

    # Data Docs: the result page and the index are linked and exist, and work offline
    page = evaluation.metadata["data_docs"].value
    index = evaluation.metadata["data_docs_index"].value
    assert index == str((docs / "index.html").resolve())
    assert page.startswith(str(docs.resolve() / "validations" / "intermediate" / "int_owner_identity"))
    assert page.endswith(".html")
    from pathlib import Path

    assert Path(page).is_file() and Path(index).is_file()
    assert "int_owner_identity" in Path(index).read_text(encoding="utf-8")
    assert remote_references(docs) == []


def test_when_every_user_fails_the_check_blocks_downstream(tmp_path, monkeypatch):
    identities = _identities(bob_method="guessed")
    identities.loc[0, "method"] = "guessed"
    result, _, _ = _run(tmp_path, monkeypatch, identities)
    [evaluation] = result.get_asset_check_evaluations()
    assert evaluation.passed is False and evaluation.severity == dg.AssetCheckSeverity.ERROR
    assert dg.AssetKey("downstream") not in {e.asset_key for e in result.get_asset_materialization_events()}


def test_users_validated_in_chunks_give_the_same_verdicts(tmp_path, monkeypatch):
    monkeypatch.setenv("CONNECTION_SCORE_CHECK_CHUNK_USERS", "1")      # one GX validation per user
    result, warehouse, docs = _run(tmp_path, monkeypatch, _identities(bob_method="guessed"))
    [evaluation] = result.get_asset_check_evaluations()
    assert evaluation.passed is False and evaluation.severity == dg.AssetCheckSeverity.WARN
    assert evaluation.metadata["quarantined_users"].value == ["bob"]
    assert evaluation.metadata["chunks"].value == 2 and evaluation.metadata["users_validated"].value == 2
    assert evaluation.metadata["row_count"].value == 2
    assert evaluation.description == "1 of 2 users failed and were quarantined; the others continue"
    assert dg.AssetKey("downstream") in {e.asset_key for e in result.get_asset_materialization_events()}
    with duckdb.connect(str(warehouse), read_only=True) as con:
        assert dict(con.execute("select user_id, last_attempt_status from ops.refresh_status").fetchall()) \
            == {"alice": "ok", "bob": "failed"}

    identities = _identities(bob_method="guessed")
    identities.loc[0, "method"] = "guessed"
    result, _, _ = _run(tmp_path / "all", monkeypatch, identities)
    [evaluation] = result.get_asset_check_evaluations()
    assert evaluation.passed is False and evaluation.severity == dg.AssetCheckSeverity.ERROR
    assert evaluation.metadata["failed_users"].value == ["alice", "bob"]
    assert dg.AssetKey("downstream") not in {e.asset_key for e in result.get_asset_materialization_events()}


def test_data_docs_can_be_turned_off(tmp_path, monkeypatch):
    monkeypatch.setenv("CONNECTION_SCORE_DATA_DOCS", "off")
    result = dg.materialize(_job(_identities(bob_method="messages")), raise_on_error=False, resources={
        "warehouse": WarehouseResource(path=str(tmp_path / "w.duckdb"), raw_root=str(tmp_path / "raw"))})
    [evaluation] = result.get_asset_check_evaluations()
    assert evaluation.passed is True
    assert "data_docs" not in evaluation.metadata and not (tmp_path / "data_docs").exists()


def test_one_check_per_stage_over_the_dbt_asset_keys_without_importing_gx():
    code = ("import sys; from orchestration.checks.stage_checks import STAGE_CHECKS; "
            "print(sorted(k.asset_key.to_user_string() for c in STAGE_CHECKS for k in c.check_keys)); "
            "print(any(m.startswith('great_expectations') for m in sys.modules))")
    out = subprocess.run([sys.executable, "-c", code], cwd=REPO_ROOT, capture_output=True, text=True, check=True,
                         env={"PYTHONPATH": str(REPO_ROOT), "PATH": "/usr/bin:/bin", "DAGSTER_DISABLE_TELEMETRY": "1"})
    keys, gx_loaded = out.stdout.strip().splitlines()
    assert gx_loaded == "False"
    expected = sorted(f"{s}/{t}" for s in DBT_STAGES for t in stage_tables(s))
    assert eval(keys) == expected
    assert "staging/stg_linkedin__connections" in expected and "intermediate/int_interactions" in expected
