"""Checks on the dbt project that need no warehouse rows: parse, sources vs the raw contract,
conventions."""

from __future__ import annotations

import json

import yaml

from conftest import DBT_DIR
from orchestration.ingestion.schema import ALL_TABLES, LINEAGE_COLUMNS


def _manifest(dbt) -> dict:
    return json.loads((dbt.target_path / "manifest.json").read_text())


def test_no_hub_packages():
    assert not (DBT_DIR / "packages.yml").exists()
    assert not (DBT_DIR / "dependencies.yml").exists()


def test_sources_match_raw_contract():
    """models/staging/_linkedin__sources.yml lists exactly the tables and columns of schema.py, each
    table linked to its Dagster asset raw/<table>."""
    doc = yaml.safe_load((DBT_DIR / "models" / "staging" / "_linkedin__sources.yml").read_text())
    (source,) = doc["sources"]
    assert source["name"] == "linkedin" and source["schema"] == "raw"
    tables = {t["name"]: t for t in source["tables"]}
    assert set(tables) == {t.name for t in ALL_TABLES}
    for table in ALL_TABLES:
        entry = tables[table.name]
        assert entry["meta"]["dagster"]["asset_key"] == ["raw", table.name]
        documented = [c["name"] for c in entry["columns"]]
        assert documented == [c.name for c in LINEAGE_COLUMNS + table.columns], table.name
        assert all(c.get("description") for c in entry["columns"])


def test_parse_registers_models_with_schemas(dbt):
    manifest = _manifest(dbt)
    models = {n["name"]: n for n in manifest["nodes"].values() if n["resource_type"] == "model"}
    expected = {
        "staging": {f"stg_linkedin__{t.name}" for t in ALL_TABLES},
        "intermediate": {"int_score_params", "int_user_context", "int_owner_identity", "int_owner_context",
                         "int_role_classification", "int_connections", "int_interactions", "int_owner_activity",
                         "int_connection_features", "int_network_mix"},
        "marts": {"tie_strength", "industry_mix", "engagement_timeline", "connection_score_inputs",
                  "connection_score", "connection_score_history", "reengage", "waiting_on_you",
                  "weak_tie_bridges", "reciprocity_gaps", "diversity_gaps"},
    }
    for schema, names in expected.items():
        for name in names:
            assert name in models, name
            assert models[name]["schema"] == schema, name
    # every model and every column it documents has a description
    for name, node in models.items():
        assert node["description"], name
        assert node["columns"], name
        for col, spec in node["columns"].items():
            assert spec["description"], f"{name}.{col}"
    # per-user replace on every non-view model except the global params table
    for name, node in models.items():
        cfg = node["config"]
        if cfg["materialized"] == "incremental":
            assert cfg["incremental_strategy"] == "delete+insert", name
            assert any("delete_refreshed_users" in h["sql"] for h in cfg["pre-hook"]), name
    unit_tests = [n for n in manifest.get("unit_tests", {}).values()]
    assert {u["name"] for u in unit_tests} >= {
        "tie_strength_sanity_examples", "connection_score_breadth_saturation",
        "connection_score_components_and_reweighting", "connection_score_weights_preset",
        "int_network_mix_iqv_hhi_and_shares", "int_connection_features_messages_services_context"}


def test_users_var_renders_a_safe_literal_list(dbt):
    proc = dbt("compile", "--select", "int_user_context", "--quiet",
               vars={"users": ["alice", "o'brien"]})
    compiled = (dbt.target_path / "compiled" / "connection_score" / "models" / "intermediate" /
                "int_user_context.sql").read_text()
    # a list: list_contains (an IN list of several values can become a join after the scan)
    assert "list_contains(['alice', 'o''brien'], user_id)" in compiled, compiled
    assert proc.returncode == 0


def test_the_pipeline_passes_run_parameters_as_environment_variables(dbt):
    """What the pipeline does (orchestration/assets/dbt.py, dbt_run_env): no --vars, so a second run with
    other users keeps dbt's saved parse; --vars given by hand still win over the environment."""
    compiled = (dbt.target_path / "compiled" / "connection_score" / "models" / "intermediate" /
                "int_user_context.sql")
    select = ("--select", "int_user_context")
    dbt("compile", *select, env={"CONNECTION_SCORE_DBT_USERS": "alice,o'brien"})
    assert "list_contains(['alice', 'o''brien'], user_id)" in compiled.read_text()

    second = dbt("compile", *select, env={"CONNECTION_SCORE_DBT_USERS": "bob"})
    assert "user_id = 'bob'" in compiled.read_text()
    assert "Unable to do partial parsing" not in second.stdout, second.stdout

    dbt("compile", *select, env={"CONNECTION_SCORE_DBT_BATCH": "run-7", "CONNECTION_SCORE_DBT_USERS": ""})
    assert "user_id in (select user_id from ops.dbt_batch where batch_id = 'run-7')" in compiled.read_text()

    dbt("compile", *select, "--quiet", vars={"users": ["carol"]}, env={"CONNECTION_SCORE_DBT_USERS": "bob"})
    assert "user_id = 'carol'" in compiled.read_text()


def test_generic_tests_read_the_refreshed_users_rows(dbt):
    """get_where_subquery: a generic test on a model with user_id reads the batch's users only; on a
    model without user_id (global parameters), or in a refresh of everyone, it reads every row."""
    tests_dir = dbt.target_path / "compiled" / "connection_score" / "models"
    on_mart = tests_dir / "marts" / "waiting_on_you.yml" / "column_rules_waiting_on_you.sql"
    on_params = tests_dir / "intermediate" / "_int__models.yml" / "column_rules_int_score_params.sql"
    select = ("--select", "column_rules_waiting_on_you", "column_rules_int_score_params", "--quiet")

    dbt("compile", *select, vars={"users": ["alice"]})
    assert "where user_id = 'alice'" in on_mart.read_text()
    assert "user_id" not in on_params.read_text()

    dbt("compile", *select, vars={"batch": "run-1"})
    assert "user_id in (select user_id from ops.dbt_batch where batch_id = 'run-1')" in on_mart.read_text()

    dbt("compile", *select)
    assert "dbt_subquery" not in on_mart.read_text()
