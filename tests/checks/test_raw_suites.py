"""Every raw suite passes a valid frame and fails a broken one for the stated reason (and nothing else)."""

from __future__ import annotations

import pandas as pd
import pytest
from tests.checks.gx_fixtures import good_frame

from orchestration.checks.suites import load_suite
from orchestration.checks.validation import to_asset_check_result, validate_frame
from orchestration.ingestion.schema import RAW_TABLES


def _failures(summary):
    return {(r.type, r.column, r.severity) for r in summary.failures}


@pytest.mark.parametrize("table", [t.name for t in RAW_TABLES])
def test_raw_suite_passes_a_valid_frame(table):
    rows = 1 if table == "profile" else 5
    df = good_frame(table, ("alice", "bob"), rows)
    summary = validate_frame(load_suite(f"raw.{table}"), df)
    assert summary.outcome == "passed", [(r.type, r.column, r.observed_value, r.partial_unexpected_list,
                                          r.exception) for r in summary.failures]
    assert summary.passed and not summary.blocking
    assert summary.row_count == 2 * rows
    assert summary.users == ("alice", "bob")
    assert len(summary.results) == len(load_suite(f"raw.{table}").expectations)


def _set(col, value, rows=slice(0, 1)):
    def mutate(df):
        df = df.copy()
        if df[col].dtype != object and not isinstance(value, type(df[col].iloc[0])):
            df[col] = df[col].astype(object)
        df.loc[df.index[rows], col] = value
        return df
    return mutate


# table -> (mutation of bob's first row, expected failing (type, column), expected unexpected values)
FAILING = {
    "connections": (_set("profile_url", "https://www.linkedin.com/in/jane/?trk=feed"),
                    ("expect_column_values_to_match_regex", "profile_url"),
                    ["https://www.linkedin.com/in/jane/?trk=feed"]),
    "messages": (_set("folder", "OUTBOX"), ("expect_column_values_to_be_in_set", "folder"), ["OUTBOX"]),
    "invitations": (_set("direction", "SIDEWAYS"), ("expect_column_values_to_be_in_set", "direction"),
                    ["SIDEWAYS"]),
    "endorsements_received": (_set("status", "MAYBE"), ("expect_column_values_to_be_in_set", "status"),
                              ["MAYBE"]),
    "endorsements_given": (_set("profile_url", "https://example.com/in/john-roe"),
                           ("expect_column_values_to_match_regex", "profile_url"),
                           ["https://example.com/in/john-roe"]),
    "recommendations_received": (_set("text_length", -1), ("expect_column_values_to_be_between", "text_length"),
                                 [-1]),
    "recommendations_given": (_set("export_id", "not-a-hash"),
                              ("expect_column_values_to_match_regex", "export_id"), ["not-a-hash"]),
    "reactions": (_set("reaction_type", None), ("expect_column_values_to_not_be_null", "reaction_type"), [None]),
    "comments": (_set("physical_lines", 0), ("expect_column_values_to_be_between", "physical_lines"), [0]),
    "shares": (_set("commentary_length", -5), ("expect_column_values_to_be_between", "commentary_length"), [-5]),
    "profile": (None, ("expect_column_values_to_be_between", "_user_row_count"), [2, 2]),
    "positions": (_set("source_line", 0), ("expect_column_values_to_be_between", "source_line"), [0]),
    "skills": (_set("skill_name", None), ("expect_column_values_to_not_be_null", "skill_name"), [None]),
    "education": (_set("source_file", None), ("expect_column_values_to_not_be_null", "source_file"), [None]),
    # GX reports a missing timestamp as the string "NaT"
    "company_follows": (_set("loaded_at", pd.NaT), ("expect_column_values_to_not_be_null", "loaded_at"), ["NaT"]),
}


@pytest.mark.parametrize("table", [t.name for t in RAW_TABLES])
def test_raw_suite_fails_a_broken_frame_for_the_stated_reason(table):
    assert set(FAILING) == {t.name for t in RAW_TABLES}
    mutate, (etype, column), unexpected = FAILING[table]
    alice = good_frame(table, ("alice",), 1 if table == "profile" else 5)
    if table == "profile":  # two profile rows for bob
        bob = good_frame(table, ("bob",), 2)
    else:
        bob = mutate(good_frame(table, ("bob",), 5))
    df = pd.concat([alice, bob], ignore_index=True)
    summary = validate_frame(load_suite(f"raw.{table}"), df)

    assert {(r.type, r.column) for r in summary.failures} == {(etype, column)}  # nothing else failed
    [failed] = summary.failures
    assert failed.severity == "error"
    values = [None if v != v else v for v in failed.partial_unexpected_list]  # NaN/NaT -> None
    assert values == unexpected
    assert failed.unexpected_count == len(unexpected)
    assert failed.failed_users == ("bob",)
    assert summary.outcome == "error" and summary.blocking
    assert summary.failed_users == ("bob",)
    result = to_asset_check_result(summary)
    assert result.passed is False and result.severity.value == "ERROR"


def _connections(users=("alice",), rows=100):
    df = good_frame("connections", users, rows)
    df["source_line"] = range(2, len(df) + 2)
    return df


def _unparse(df, user, n):
    """Make the first n of `user`'s connected_on values unparseable (raw string kept)."""
    df = df.copy()
    idx = df.index[df["user_id"] == user][:n]
    df.loc[idx, "connected_on_raw"] = "18-Jun-24"
    df.loc[idx, "connected_on"] = pd.NaT
    return df


def test_a_few_unparseable_dates_warn_and_do_not_block():
    df = _unparse(_connections(rows=100), "alice", 2)  # 98% parsed: below 0.99, above 0.5
    summary = validate_frame(load_suite("raw.connections"), df)
    assert _failures(summary) == {("expect_column_values_to_not_be_null", "connected_on", "warning")}
    [w] = summary.failures
    assert w.kwargs["mostly"] == 0.99 and w.unexpected_count == 2
    assert summary.outcome == "warn"
    assert summary.passed is False and summary.blocking is False
    assert summary.failed_users == () and summary.warned_users == ("alice",)
    result = to_asset_check_result(summary)
    assert result.passed is False and result.severity.value == "WARN"


def test_mostly_unparseable_dates_are_an_error():
    df = _unparse(_connections(rows=10), "alice", 8)
    summary = validate_frame(load_suite("raw.connections"), df)
    assert _failures(summary) == {("expect_column_values_to_not_be_null", "connected_on", "error"),
                                  ("expect_column_values_to_not_be_null", "connected_on", "warning")}
    assert summary.outcome == "error" and summary.failed_users == ("alice",)


def test_empty_raw_strings_are_not_counted_as_unparsed_dates():
    df = _connections(rows=10)
    df.loc[df.index[:6], "connected_on_raw"] = ""
    df.loc[df.index[6:8], "connected_on_raw"] = None
    df.loc[df.index[:8], "connected_on"] = pd.NaT
    summary = validate_frame(load_suite("raw.connections"), df)
    # the parsed-date checks pass; only the (separate) missing-raw-date warning fires
    assert _failures(summary) == {("expect_column_values_to_not_be_null", "connected_on_raw", "warning")}


def test_verdicts_are_per_user_not_per_batch():
    """One user's unparseable dates fail that user even when the batch as a whole clears `mostly`."""
    df = pd.concat([_connections(("good",), 1000), _unparse(_connections(("bad",), 10), "bad", 10)],
                   ignore_index=True)
    df["source_line"] = range(2, len(df) + 2)
    summary = validate_frame(load_suite("raw.connections"), df)
    error = [r for r in summary.errors if r.column == "connected_on"]
    assert len(error) == 1
    assert error[0].batch_success is True          # 1000/1010 parsed overall: GX passes the batch
    assert error[0].success is False and error[0].failed_users == ("bad",)
    assert error[0].unexpected_by_user == {"bad": 10}
    assert summary.failed_users == ("bad",)


def test_connection_limit_is_per_user():
    spec = load_suite("raw.connections")
    two_big = _connections(("a", "b"), 15001)        # 30,002 rows in the batch, each user under 30,000
    assert validate_frame(spec, two_big).outcome == "passed"
    over = pd.concat([_connections(("a",), 30001), _connections(("b",), 3)], ignore_index=True)
    over["source_line"] = range(2, len(over) + 2)
    summary = validate_frame(spec, over)
    assert _failures(summary) == {("expect_column_values_to_be_between", "_user_row_count", "error")}
    assert summary.failed_users == ("a",)
    assert summary.failures[0].partial_unexpected_list[0] == 30001


def test_a_duplicated_load_is_an_error():
    df = good_frame("messages", ("alice", "bob"), 3)
    df = pd.concat([df, df[df["user_id"] == "bob"]], ignore_index=True)
    summary = validate_frame(load_suite("raw.messages"), df)
    assert {(r.type, r.column) for r in summary.failures} == {
        ("expect_compound_columns_to_be_unique", "user_id, export_id, source_file, source_line")}
    assert summary.failed_users == ("bob",)


def test_message_text_column_is_a_privacy_error():
    df = good_frame("messages", ("alice",), 3)
    df["content"] = "hello there"
    summary = validate_frame(load_suite("raw.messages"), df)
    [failed] = summary.failures
    assert failed.type == "expect_table_columns_to_match_set" and failed.kwargs["exact_match"] is True
    assert failed.severity == "error" and summary.failed_users == ("alice",)


def test_extra_column_elsewhere_only_warns_and_missing_column_errors():
    spec = load_suite("raw.connections")
    extra = _connections(rows=3).assign(new_column="x")
    summary = validate_frame(spec, extra)
    assert summary.outcome == "warn"
    assert [(r.type, r.kwargs["exact_match"]) for r in summary.failures] == [
        ("expect_table_columns_to_match_set", True)]
    missing = _connections(("alice", "bob"), 3).drop(columns=["company"])
    summary = validate_frame(spec, missing)
    assert summary.outcome == "error"
    assert ("expect_table_columns_to_match_set", None, "error") in _failures(summary)
    assert summary.failed_users == ("alice", "bob")  # a table-shape problem is every user's problem


def test_a_column_the_suite_reads_is_missing_fails_every_user():
    df = _connections(("alice", "bob"), 3).drop(columns=["profile_url"])
    summary = validate_frame(load_suite("raw.connections"), df)
    regex = [r for r in summary.results if r.column == "profile_url"]
    assert regex and not regex[0].success and regex[0].exception
    assert summary.failed_users == ("alice", "bob")


def test_rows_with_null_user_id_fail_without_blaming_a_user():
    df = _connections(("alice",), 3)
    df.loc[0, "user_id"] = None
    summary = validate_frame(load_suite("raw.connections"), df)
    assert ("expect_column_values_to_not_be_null", "user_id", "error") in _failures(summary)
    assert summary.blocking and summary.failed_users == () and summary.unattributed_failure


def test_frame_without_user_id_uses_batch_verdicts():
    spec = load_suite("marts.tie_strength")
    df = pd.DataFrame({"connection_id": ["c1", "c2"], "tie_strength": [0.1, 1.5], "tier": ["Strong", "Active"]})
    summary = validate_frame(spec, df)
    assert summary.per_user is False
    bad = {(r.type, r.column) for r in summary.failures}
    assert ("expect_column_values_to_be_between", "tie_strength") in bad
    assert summary.failed_users == ()


def test_per_user_verdicts_match_validating_each_user_alone():
    """Ground truth: every user's verdict in one batch equals validating that user's rows alone
    (covers the mostly thresholds, empty raw strings, duplicates and the row-count limit)."""
    spec = load_suite("raw.connections")
    parts = []
    for user, rows, unparsed, empty in [("ok", 100, 0, 0), ("p98", 100, 2, 0), ("p99", 100, 1, 0),
                                        ("half", 10, 5, 0), ("most", 10, 6, 0), ("blank", 10, 0, 10),
                                        ("mixed", 8, 0, 4), ("dup", 5, 0, 0)]:
        df = _unparse(_connections((user,), rows), user, unparsed)
        if empty:
            df.loc[df.index[:empty], "connected_on_raw"] = ""
            df.loc[df.index[:empty], "connected_on"] = pd.NaT
        if user == "dup":
            df = pd.concat([df, df.iloc[[0]]], ignore_index=True)
        parts.append(df)
    batch = pd.concat(parts, ignore_index=True)
    summary = validate_frame(spec, batch)

    for df in parts:
        user = df["user_id"].iloc[0]
        alone = validate_frame(spec, df)
        for together, by_itself in zip(summary.results, alone.results):
            assert (user in together.failed_users) == (not by_itself.success), (user, together.type,
                                                                               together.column, together.kwargs)
    assert summary.failed_users == ("dup", "most")
    assert summary.warned_users == ("half", "p98")
