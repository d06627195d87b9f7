"""validate_table against a real DuckDB file, the Dagster mapping, and the marts suites."""

from __future__ import annotations

import json

import dagster as dg
import duckdb
import pandas as pd
import pytest
from tests.checks.gx_fixtures import good_frame

from orchestration.checks.suites import load_suite
from orchestration.checks.validation import (
    check_table,
    failed_check_result,
    read_table,
    to_asset_check_result,
    to_check_metadata,
    validate_frame,
    validate_table,
)
from orchestration.ingestion.schema import TABLES_BY_NAME


@pytest.fixture()
def warehouse(tmp_path):
    """raw.connections with alice (valid), bob (bad URL, negative line) and carol (bad, not requested)."""
    path = tmp_path / "warehouse.duckdb"
    alice = good_frame("connections", ("alice",), 4)
    bob = good_frame("connections", ("bob",), 3)
    bob.loc[0, "profile_url"] = "http://linkedin.com/in/bob"
    carol = good_frame("connections", ("carol",), 2)
    carol["export_id"] = "CAROL"
    frame = pd.concat([alice, bob, carol], ignore_index=True)
    con = duckdb.connect(str(path))
    try:
        con.execute("create schema raw")
        con.execute(TABLES_BY_NAME["connections"].ddl())
        con.register("frame", frame)
        con.execute("insert into raw.connections by name select * from frame")
    finally:
        con.close()
    return path


def test_validate_table_reads_only_the_requested_users(warehouse):
    summary = validate_table(warehouse, "raw.connections", ["alice", "bob"])
    assert summary.users == ("alice", "bob")
    assert summary.row_count == 7  # carol's rows were not read
    assert summary.failed_users == ("bob",)
    [failed] = summary.failures
    assert (failed.type, failed.column) == ("expect_column_values_to_match_regex", "profile_url")
    assert failed.partial_unexpected_list == ("http://linkedin.com/in/bob",)
    assert failed.unexpected_by_user == {"bob": 1}
    # the read-only connection is closed: a read-write connection can open the file in this process
    duckdb.connect(str(warehouse)).close()


def test_validate_table_for_a_good_user_and_a_user_without_rows(warehouse):
    summary = validate_table(warehouse, load_suite("raw.connections"), ["alice", "dave"])
    assert summary.outcome == "passed"
    assert summary.users == ("alice", "dave") and summary.row_count == 4


def test_read_table_fetches_only_the_columns_the_suite_uses(warehouse):
    spec = load_suite("raw.connections")
    df = read_table(warehouse, spec, ["alice"])
    assert list(df.columns) == TABLES_BY_NAME["connections"].column_names  # real schema, for shape checks
    assert "company" not in spec.columns_used
    assert df["company"].isna().all()      # placeholder: not read (the table holds "Acme")
    assert (df["profile_url"].str.startswith("https://")).all()  # used: read
    assert set(df["user_id"]) == {"alice"}


def test_missing_table_raises_a_clear_error(tmp_path):
    path = tmp_path / "empty.duckdb"
    duckdb.connect(str(path)).close()
    with pytest.raises(LookupError, match="raw.connections"):
        validate_table(path, "raw.connections", ["alice"])


def test_check_metadata_and_asset_check_result(warehouse):
    summary = validate_table(warehouse, "raw.connections", ["alice", "bob"])
    meta = to_check_metadata(summary)
    assert meta["outcome"] == "error"
    assert isinstance(meta["expectations"], dg.MarkdownMetadataValue)
    table = meta["expectations"].value
    assert table.splitlines()[0].startswith("| # | expectation |")
    assert len(table.splitlines()) == 2 + len(summary.results)
    fail_line = next(line for line in table.splitlines() if "**FAIL**" in line)
    assert "expect_column_values_to_match_regex" in fail_line and "| bob |" in fail_line
    assert meta["failed_users"].value == ["bob"]
    assert meta["row_count"].value == 7
    results = meta["results"].value
    json.dumps(results)  # plain JSON
    assert [r["failed_users"] for r in results if not r["success"]] == [["bob"]]

    result = to_asset_check_result(summary, asset_key=dg.AssetKey(["raw", "connections"]), check_name="gx")
    assert isinstance(result, dg.AssetCheckResult)
    assert result.passed is False and result.severity == dg.AssetCheckSeverity.ERROR
    assert result.asset_key == dg.AssetKey(["raw", "connections"]) and result.check_name == "gx"

    ok = validate_table(warehouse, "raw.connections", ["alice"])
    ok_result = to_asset_check_result(ok)
    assert ok_result.passed is True and ok_result.metadata["outcome"].value == "passed"

    err = failed_check_result(LookupError("no table"), suite_name="raw.connections")
    assert err.passed is False and err.severity == dg.AssetCheckSeverity.ERROR
    assert "LookupError: no table" in err.metadata["error"].value


def test_check_table_never_raises(warehouse, tmp_path):
    ok = check_table(warehouse, "raw.connections", ["alice"], check_name="raw_connections_gx")
    assert ok.passed is True and ok.check_name == "raw_connections_gx"
    bad = check_table(warehouse, "raw.connections", ["alice", "bob"])
    assert bad.passed is False and bad.severity == dg.AssetCheckSeverity.ERROR
    assert bad.metadata["failed_users"].value == ["bob"]
    missing = check_table(tmp_path / "nope.duckdb", "raw.connections", ["alice"])
    assert missing.passed is False and missing.severity == dg.AssetCheckSeverity.ERROR
    assert "error" in missing.metadata


def test_blocking_asset_check_in_dagster(warehouse):
    """End to end in Dagster: the ERROR result of a blocking check fails the check and stops downstream."""
    spec = load_suite("raw.connections")

    @dg.asset(key=["raw", "connections"])
    def connections():
        return None

    @dg.asset(deps=[connections])
    def downstream():
        return None

    @dg.asset_check(asset=connections, name="gx_raw_connections", blocking=True)
    def gx_check():
        return check_table(warehouse, spec, ["alice", "bob"])

    result = dg.materialize([connections, downstream, gx_check], raise_on_error=False)
    [evaluation] = result.get_asset_check_evaluations()
    assert evaluation.passed is False and evaluation.severity == dg.AssetCheckSeverity.ERROR
    materialized = {e.asset_key for e in result.get_asset_materialization_events()}
    assert dg.AssetKey(["raw", "connections"]) in materialized
    assert dg.AssetKey("downstream") not in materialized


# ---------------------------------------------------------------------------------------------- marts

COMPONENTS = ["breadth", "relevance", "diversity", "engagement", "reciprocity", "recency"]


def _score_frame():
    rows = []
    for user, points in (("alice", [10, 20, 5, 10, 5, 10]), ("bob", [5, 5, 5, 5, 5, 5])):
        row = {"user_id": user, "as_of": pd.Timestamp("2025-01-15"), "formula_version": "v1",
               "total_score": float(sum(points)), "band": "Developing" if sum(points) >= 40 else "Emerging",
               "points_sum": float(sum(points)), "coverage": 0.9, "confidence": "high"}
        for c, p in zip(COMPONENTS, points):
            row[f"{c}_score"] = p * 4.0
            row[f"{c}_points"] = float(p)
        rows.append(row)
    df = pd.DataFrame(rows)
    df.loc[1, "relevance_score"] = None  # a component that could not be computed
    return df


def test_connection_score_suite():
    spec = load_suite("marts.connection_score")
    assert validate_frame(spec, _score_frame()).outcome == "passed"

    bad = _score_frame()
    bad.loc[1, "total_score"] = 31.0  # bob's points sum to 30
    summary = validate_frame(spec, bad)
    assert [(r.type, r.column) for r in summary.failures] == [
        ("expect_column_pair_values_to_be_equal", "total_score, points_sum")]
    assert summary.failed_users == ("bob",)

    dup = pd.concat([_score_frame(), _score_frame().iloc[[0]]], ignore_index=True)
    summary = validate_frame(spec, dup)
    assert [(r.type, r.column) for r in summary.failures] == [("expect_column_values_to_be_unique", "user_id")]
    assert summary.failed_users == ("alice",)

    out_of_range = _score_frame()
    out_of_range.loc[0, "recency_score"] = 140.0
    out_of_range.loc[1, "confidence"] = "certain"
    summary = validate_frame(spec, out_of_range)
    assert [(r.type, r.column, r.failed_users) for r in summary.failures] == [
        ("expect_column_values_to_be_between", "recency_score", ("alice",)),
        ("expect_column_values_to_be_in_set", "confidence", ("bob",))]


def test_tie_strength_suite():
    spec = load_suite("marts.tie_strength")
    df = pd.DataFrame({"connection_id": ["c1", "c2", "c3"], "user_id": ["a", "a", "b"],
                       "tie_strength": [0.0, 0.7, 1.0], "tier": ["Unengaged", "Strong", "Active"]})
    assert validate_frame(spec, df).outcome == "passed"
    df.loc[2, "tier"] = "Dormant"
    summary = validate_frame(spec, df)
    assert [(r.type, r.column, r.partial_unexpected_list) for r in summary.failures] == [
        ("expect_column_values_to_be_in_set", "tier", ("Dormant",))]
    assert summary.failed_users == ("b",)


def test_industry_mix_shares_sum_to_one_per_user():
    spec = load_suite("marts.industry_mix")
    df = pd.DataFrame({"user_id": ["a", "a", "a", "b", "b", "c"],
                       "industry_root": ["it", "finance", "unknown", "it", "unknown", "unknown"],
                       "connections": [5, 3, 2, 6, 4, 0], "share": [0.5, 0.3, 0.2, 0.6, 0.4, 0.0],
                       "relation": ["own", "related", "unknown", "outside", "unknown", "unknown"]})
    assert validate_frame(spec, df).outcome == "passed"  # c has no connections: shares sum to 0
    df.loc[4, "share"] = 0.3  # b sums to 0.9
    summary = validate_frame(spec, df)
    assert [(r.type, r.column) for r in summary.failures] == [
        ("expect_column_values_to_be_between", "_user_share_total")]
    assert summary.failed_users == ("b",)


def test_connection_score_history_is_unique_per_user_and_day():
    spec = load_suite("marts.connection_score_history")
    df = pd.DataFrame({"user_id": ["a", "a", "b"],
                       "score_date": pd.to_datetime(["2025-01-01", "2025-01-02", "2025-01-01"]),
                       "total_score": [50.0, 51.0, 40.0]})
    assert validate_frame(spec, df).outcome == "passed"
    df.loc[1, "score_date"] = pd.Timestamp("2025-01-01")
    summary = validate_frame(spec, df)
    assert [(r.type, r.column) for r in summary.failures] == [
        ("expect_compound_columns_to_be_unique", "user_id, score_date")]
    assert summary.failed_users == ("a",)
