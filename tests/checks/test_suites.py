"""The suite loader is strict, every committed suite loads, and nothing imports GX eagerly."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest
from tests.checks.gx_fixtures import minimal_suite, write_suite

from orchestration.checks.suites import (
    STAGES,
    SuiteLoadError,
    list_suites,
    load_all,
    load_suite,
)
from orchestration.ingestion.schema import LINEAGE_COLUMNS, RAW_TABLES
from orchestration.settings import EXPECTATIONS_DIR, REPO_ROOT

ALL_SUITE_FILES = list_suites()
NN_USER = {"type": "expect_column_values_to_not_be_null", "kwargs": {"column": "user_id"},
           "meta": {"why": "tenant"}}


def test_suites_exist_for_every_raw_table_and_the_planned_marts():
    names = {p.relative_to(EXPECTATIONS_DIR).as_posix() for p in ALL_SUITE_FILES}
    assert {f"raw/{t.name}.json" for t in RAW_TABLES} <= names
    assert {"marts/connection_score.json", "marts/tie_strength.json", "marts/industry_mix.json",
            "marts/connection_score_history.json"} <= names
    assert all(p.parent.name in STAGES for p in ALL_SUITE_FILES)


@pytest.mark.parametrize("path", ALL_SUITE_FILES, ids=lambda p: f"{p.parent.name}/{p.stem}")
def test_every_suite_file_loads_strictly(path):
    doc = json.loads(path.read_text())
    spec = load_suite(path)
    assert spec.name == f"{doc['stage']}.{doc['table']}"
    assert len(spec.expectations) == len(doc["expectations"]) > 0
    gx_suite = spec.build()
    assert len(gx_suite.expectations) == len(doc["expectations"])  # GX dropped none
    assert [e.expectation_type for e in gx_suite.expectations] == [e["type"] for e in doc["expectations"]]
    for e in spec.expectations:
        assert e.severity in ("error", "warning")
        assert len(e.why) > 15, f"#{e.index} {e.type}: meta.why must explain the expectation"


@pytest.mark.parametrize("table", RAW_TABLES, ids=lambda t: t.name)
def test_raw_suites_follow_the_schema_contract(table):
    spec = load_suite(f"raw.{table.name}")
    assert spec.relation == f"raw.{table.name}"
    match_sets = [e for e in spec.expectations if e.type == "expect_table_columns_to_match_set"]
    assert {e.kwargs["exact_match"]: e.severity for e in match_sets}[False] == "error"
    assert True in {e.kwargs["exact_match"] for e in match_sets}
    for e in match_sets:  # the suite's column set is schema.py's, in order
        assert e.kwargs["column_set"] == table.column_names
    not_null = {e.kwargs.get("column") for e in spec.expectations
                if e.type == "expect_column_values_to_not_be_null" and "mostly" not in e.kwargs
                and e.severity == "error"}
    assert {c.name for c in LINEAGE_COLUMNS} <= not_null
    # every parsed date has the 0.5 (error) and 0.99 (warning) parse-rate checks, guarded by a raw string
    for c in table.columns:
        if c.name.endswith("_raw"):
            parsed = c.name[: -len("_raw")]
            checks = {(e.kwargs.get("mostly"), e.severity) for e in spec.expectations
                      if e.type == "expect_column_values_to_not_be_null" and e.kwargs.get("column") == parsed
                      and e.kwargs.get("row_condition")}
            assert checks == {(0.5, "error"), (0.99, "warning")}, parsed
    assert any(e.type == "expect_table_row_count_to_be_between" and e.kwargs.get("min_value") == 0
               for e in spec.expectations)
    # columns_used never includes columns only checked for presence (they are not read)
    assert set(spec.columns_used) <= set(table.column_names)


def test_list_suites_and_load_by_name():
    assert list_suites("raw") == sorted((EXPECTATIONS_DIR / "raw").glob("*.json"))
    assert load_suite("raw.connections").path == load_suite("raw/connections").path
    assert set(load_all("marts")) == {"marts.connection_score", "marts.tie_strength",
                                      "marts.industry_mix", "marts.connection_score_history"}
    with pytest.raises(SuiteLoadError, match="not found"):
        load_suite("raw.no_such_table")
    with pytest.raises(SuiteLoadError, match="stages"):
        load_suite("bronze.connections")


def test_typo_in_expectation_type_raises_naming_file_index_and_type(tmp_path):
    doc = minimal_suite([NN_USER, {"type": "expect_column_values_to_not_be_nul",
                                   "kwargs": {"column": "user_id"}, "meta": {"why": "typo"}}])
    path = write_suite(tmp_path, doc)
    with pytest.raises(SuiteLoadError) as err:
        load_suite(path)
    msg = str(err.value)
    assert str(path) in msg
    assert "#1" in msg
    assert "expect_column_values_to_not_be_nul" in msg
    assert "expect_column_values_to_not_be_null" in msg  # the suggestion


@pytest.mark.parametrize("kwargs, needle", [
    ({"colum": "user_id"}, "colum"),                                  # unknown kwarg
    ({"column": "user_id", "mostly": 2}, "mostly"),                   # out-of-range value
    ({}, "column"),                                                   # missing required kwarg
])
def test_bad_kwargs_raise(tmp_path, kwargs, needle):
    doc = minimal_suite([{"type": "expect_column_values_to_not_be_null", "kwargs": kwargs,
                          "meta": {"why": "bad kwargs"}}])
    with pytest.raises(SuiteLoadError) as err:
        load_suite(write_suite(tmp_path, doc))
    assert "#0" in str(err.value) and "expect_column_values_to_not_be_null" in str(err.value)
    assert needle in str(err.value)


@pytest.mark.parametrize("mutate, needle", [
    (lambda d: d["expectations"][0]["meta"].pop("why"), "meta.why"),
    (lambda d: d["expectations"][0]["meta"].update(severity="fatal"), "severity"),
    (lambda d: d["expectations"][0].update(kwarg={}), "unknown key"),
    (lambda d: d.update(expectation=[]), "unknown top-level"),
    (lambda d: d.update(expectations=[]), "non-empty"),
    (lambda d: d.update(name="connections"), "must be 'raw.connections'"),
    (lambda d: d.update(stage="marts"), "does not match its folder"),
    (lambda d: d["expectations"][0]["kwargs"].update(result_format="COMPLETE"), "validation layer"),
    (lambda d: d["expectations"][0]["kwargs"].update(row_condition='user_id == "a"'), "Condition object"),
    (lambda d: d.update(columns_used=["export_id"]), "columns_used lacks"),
    (lambda d: d.update(derived_columns={"rows": {"op": "group_count", "by": ["user_id"]}}), "start with '_'"),
])
def test_loader_rejects_malformed_suites(tmp_path, mutate, needle):
    doc = minimal_suite([json.loads(json.dumps(NN_USER))])
    mutate(doc)
    with pytest.raises(SuiteLoadError, match=None) as err:
        load_suite(write_suite(tmp_path, doc))
    assert needle in str(err.value)


def test_invalid_json_raises(tmp_path):
    path = tmp_path / "raw" / "connections.json"
    path.parent.mkdir()
    path.write_text("{not json")
    with pytest.raises(SuiteLoadError, match="invalid JSON"):
        load_suite(path)


def test_column_outside_declared_set_is_rejected(tmp_path):
    doc = minimal_suite([
        {"type": "expect_table_columns_to_match_set", "kwargs": {"column_set": ["user_id", "profile_url"]},
         "meta": {"why": "shape"}},
        {"type": "expect_column_values_to_not_be_null", "kwargs": {"column": "profile_ulr"},
         "meta": {"why": "typo in column"}},
    ])
    with pytest.raises(SuiteLoadError) as err:
        load_suite(write_suite(tmp_path, doc))
    assert "profile_ulr" in str(err.value) and "#1" in str(err.value) and "profile_url" in str(err.value)


def test_severity_defaults_to_error_and_is_mirrored_to_gx(tmp_path):
    doc = minimal_suite([NN_USER, {"type": "expect_column_values_to_not_be_null",
                                   "kwargs": {"column": "export_id"},
                                   "meta": {"severity": "warning", "why": "w"}}])
    spec = load_suite(write_suite(tmp_path, doc))
    assert [e.severity for e in spec.expectations] == ["error", "warning"]
    assert [e.severity.value for e in spec.build().expectations] == ["critical", "warning"]


@pytest.mark.parametrize("module", [
    "orchestration.checks",
    "orchestration.checks.suites",
    "orchestration.checks.validation",
    "orchestration.checks.data_docs",
    "orchestration.checks.vendor_data_docs_assets",
])
def test_importing_checks_does_not_import_great_expectations(module):
    code = (f"import sys; import {module}; "
            "heavy = sorted(m for m in sys.modules if m.split('.')[0] in "
            "('great_expectations', 'scipy', 'dagster', 'pandas')); print(heavy)")
    out = subprocess.run([sys.executable, "-c", code], cwd=REPO_ROOT, capture_output=True, text=True,
                         check=True, env={"PYTHONPATH": str(REPO_ROOT), "PATH": "/usr/bin:/bin"})
    assert out.stdout.strip() == "[]", out.stdout
