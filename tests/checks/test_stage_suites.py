"""The staging and intermediate suites: each passes on a valid frame and fails, for the stated reason and
for the right user only, on a broken one. Plus the seed-backed value sets of the loader."""

from __future__ import annotations

import json

import pandas as pd
import pytest
from tests.checks.gx_fixtures import minimal_suite, write_suite

from orchestration.checks.suites import SuiteLoadError, list_suites, load_suite, seed_values
from orchestration.checks.validation import validate_frame

URL = "https://www.linkedin.com/in/{}"


def _failures(summary):
    return [(r.type, r.column, r.failed_users) for r in summary.failures]


def _check(suite: str, good: pd.DataFrame, breaks, expected):
    """`good` passes; `breaks(df)` mutates a copy so that `expected` [(type, column, failed_users)] fail."""
    spec = load_suite(suite)
    ok = validate_frame(spec, good)
    assert ok.outcome == "passed", _failures(ok)
    bad = good.copy()
    breaks(bad)
    summary = validate_frame(spec, bad)
    assert _failures(summary) == expected


# ---------------------------------------------------------------------------------------------- staging


def stg_connections() -> pd.DataFrame:
    return pd.DataFrame({
        "user_id": ["alice", "alice", "alice", "bob"],
        "export_id": ["e1"] * 3 + ["e2"],
        "source_file": ["Connections.csv"] * 4,
        "source_line": [5, 6, 7, 5],
        "profile_url": [URL.format("jane-doe"), URL.format("jörg-müller"), None, URL.format("jane-doe")],
        "has_profile_url": [True, True, False, True],
        "is_anonymous": [False, False, True, False],
    })


@pytest.mark.parametrize("case", ["not_normalised", "not_a_member_url", "fan_out", "duplicate_url"])
def test_stg_connections(case):
    def breaks(df):
        if case == "not_normalised":
            df.loc[3, "profile_url"] = URL.format("Jane-Doe/")
        elif case == "not_a_member_url":
            df.loc[3, "profile_url"] = "https://www.linkedin.com/company/acme"
        elif case == "fan_out":
            df.loc[1, "source_line"] = 5
        else:
            df.loc[1, "profile_url"] = URL.format("jane-doe")

    expected = {
        "not_normalised": [("expect_column_values_to_not_match_regex", "profile_url", ("bob",)),
                           ("expect_column_values_to_match_regex", "profile_url", ("bob",))],
        "not_a_member_url": [("expect_column_values_to_match_regex", "profile_url", ("bob",))],
        "fan_out": [("expect_compound_columns_to_be_unique", "user_id, export_id, source_file, source_line",
                     ("alice",))],
        # a repeated URL is merged downstream: reported as a warning
        "duplicate_url": [("expect_compound_columns_to_be_unique", "user_id, profile_url", ("alice",))],
    }[case]
    _check("staging.stg_linkedin__connections", stg_connections(), breaks, expected)
    if case == "duplicate_url":
        bad = stg_connections()
        breaks(bad)
        assert validate_frame(load_suite("staging.stg_linkedin__connections"), bad).outcome == "warn"


def test_stg_messages_direction_2018():
    good = pd.DataFrame({"user_id": ["alice", "alice", "bob"], "message_id": ["m1", "m2", "m3"],
                         "sender_profile_url": [URL.format("a"), None, URL.format("b")],
                         "direction_2018": [None, "OUTGOING", "INCOMING"]})

    def breaks(df):
        df.loc[2, "direction_2018"] = "Incoming"   # would silently become an inbound message

    _check("staging.stg_linkedin__messages", good, breaks,
           [("expect_column_values_to_be_in_set", "direction_2018", ("bob",))])


def test_stg_invitations_direction():
    good = pd.DataFrame({"user_id": ["alice", "bob"], "invitation_id": ["i1", "i2"],
                         "direction": ["OUTGOING", "INCOMING"],
                         "inviter_profile_url": [URL.format("alice"), URL.format("x")],
                         "inviter_is_profile_url": [True, True],
                         "invitee_profile_url": [None, URL.format("bob")],
                         "invitee_is_profile_url": [False, True]})

    def breaks(df):
        df.loc[0, "direction"] = "SENT"

    _check("staging.stg_linkedin__invitations", good, breaks,
           [("expect_column_values_to_be_in_set", "direction", ("alice",))])


# ----------------------------------------------------------------------------------------- intermediate


def int_connections() -> pd.DataFrame:
    return pd.DataFrame({
        "user_id": ["alice", "alice", "alice", "bob"],
        "connection_id": ["c1", "c2", "c3", "c4"],
        "profile_url": [URL.format("jane"), URL.format("john"), None, URL.format("jane")],
        "identity_method": ["url", "url", "content_hash", "url"],
        "is_anonymous": [False, False, True, False],
        "industry_id": pd.array([4, None, None, 96], dtype="Int64"),
        "industry_name": ["Software Development", None, None, "IT Services and IT Consulting"],
        "industry_root": ["Technology, Information and Media", None, None, "Professional Services"],
        "industry_source": ["company_seed", None, None, "company_keyword"],
    })


@pytest.mark.parametrize("case", ["duplicate_url", "industry_not_in_taxonomy", "root_not_in_taxonomy",
                                  "industry_without_root"])
def test_int_connections(case):
    def breaks(df):
        if case == "duplicate_url":
            df.loc[1, "profile_url"] = URL.format("jane")
        elif case == "industry_not_in_taxonomy":
            df.loc[3, "industry_id"] = 999999
        elif case == "root_not_in_taxonomy":
            df.loc[3, "industry_root"] = "Technology"
        else:
            df.loc[3, "industry_root"] = None

    expected = {
        "duplicate_url": [("expect_compound_columns_to_be_unique", "user_id, profile_url", ("alice",))],
        "industry_not_in_taxonomy": [("expect_column_values_to_be_in_set", "industry_id", ("bob",))],
        "root_not_in_taxonomy": [("expect_column_values_to_be_in_set", "industry_root", ("bob",))],
        "industry_without_root": [("expect_column_values_to_not_be_null", "industry_root", ("bob",))],
    }[case]
    _check("intermediate.int_connections", int_connections(), breaks, expected)


def int_owner_identity() -> pd.DataFrame:
    return pd.DataFrame({"user_id": ["alice", "bob"], "method": ["messages", "none"],
                         "confidence": ["high", "none"], "owner_profile_url": [URL.format("alice"), None]})


def test_int_owner_identity_one_per_user():
    def breaks(df):
        df.loc[2] = ["alice", "invitations", "medium", URL.format("alice-2")]

    _check("intermediate.int_owner_identity", int_owner_identity(), breaks, [
        ("expect_column_values_to_be_unique", "user_id", ("alice",)),
        ("expect_table_row_count_to_equal", None, ("alice",)),
    ])


def test_int_owner_identity_missing_user_and_contradiction():
    spec = load_suite("intermediate.int_owner_identity")
    summary = validate_frame(spec, int_owner_identity(), users=["alice", "bob", "carol"])
    assert _failures(summary) == [("expect_table_row_count_to_equal", None, ("carol",))]  # no identity row

    df = int_owner_identity()
    df.loc[1, "owner_profile_url"] = URL.format("bob")   # method none but a URL
    assert _failures(validate_frame(spec, df)) == [("expect_column_values_to_be_null", "owner_profile_url", ("bob",))]


def int_interactions() -> pd.DataFrame:
    return pd.DataFrame({
        "user_id": ["alice", "alice", "alice", "bob"],
        "event_id": ["e1", "e2", "e3", "e4"],
        "event_type": ["message", "endorsement", "invitation", "recommendation"],
        "direction": ["out", "in", "in", "out"],
        "resolution": ["url", "url", "unresolved", "name"],
        "connection_id": ["c1", "c2", None, "c4"],
        "weight": [0.5, 1.0, 1.0, 1.0],
        "n_participants": [3, 2, 2, 2],
    })


@pytest.mark.parametrize("case", ["bad_direction", "resolved_without_connection", "unresolved_with_connection",
                                  "no_resolution"])
def test_int_interactions(case):
    def breaks(df):
        if case == "bad_direction":
            df.loc[3, "direction"] = "both"
        elif case == "resolved_without_connection":
            df.loc[3, "connection_id"] = None
        elif case == "unresolved_with_connection":
            df.loc[2, "connection_id"] = "c9"
        else:
            df.loc[3, "resolution"] = None

    expected = {
        "bad_direction": [("expect_column_values_to_be_in_set", "direction", ("bob",))],
        "resolved_without_connection": [("expect_column_values_to_not_be_null", "connection_id", ("bob",))],
        "unresolved_with_connection": [("expect_column_values_to_be_null", "connection_id", ("alice",))],
        "no_resolution": [("expect_column_values_to_not_be_null", "resolution", ("bob",))],
    }[case]
    _check("intermediate.int_interactions", int_interactions(), breaks, expected)


def test_int_role_classification_industry_from_taxonomy():
    good = pd.DataFrame({
        "user_id": ["alice", "alice", "bob"], "company_text": ["Acme", "Acme", "Globex"],
        "title_text": ["Engineer", "CTO", "Nurse"],
        "industry_id": pd.array([4, 4, None], dtype="Int64"),
        "industry_name": ["Software Development", "Software Development", None],
        "industry_root": ["Technology, Information and Media"] * 2 + [None],
        "industry_source": ["company_seed", "company_seed", None],
        "industry_confidence": [0.9, 0.9, None],
        "seniority_level": ["senior", "cxo", None],
    })

    def breaks(df):
        df.loc[2, ["industry_id", "industry_name", "industry_root"]] = [14, "Hospital & Health Care", "Health"]  # V1 label, not a V2 root

    _check("intermediate.int_role_classification", good, breaks, [
        ("expect_column_values_to_be_in_set", "industry_name", ("bob",)),
        ("expect_column_values_to_be_in_set", "industry_root", ("bob",)),
    ])


# ------------------------------------------------------------------------------------------- the loader


def test_every_stage_has_suites():
    for stage in ("staging", "intermediate"):
        assert list_suites(stage), stage


def test_value_set_from_a_seed():
    ids = seed_values("industry_taxonomy.industry_id")
    assert len(ids) == 434 and 4 in ids and all(isinstance(i, int) for i in ids)
    assert len(seed_values("industry_taxonomy.root_name")) == 20
    spec = load_suite("intermediate.int_connections")
    [industry] = [e for e in spec.expectations if e.kwargs.get("column") == "industry_id"
                  and e.type == "expect_column_values_to_be_in_set"]
    assert list(industry.kwargs["value_set"]) == list(ids)
    raw = json.loads(spec.path.read_text())
    assert {"$seed": "industry_taxonomy.industry_id"} in [e["kwargs"].get("value_set") for e in raw["expectations"]]


@pytest.mark.parametrize("ref, message", [("industry_taxonomy.nope", "no column 'nope'"),
                                          ("no_such_seed.x", "seed 'no_such_seed' not found")])
def test_bad_seed_reference_is_a_load_error(tmp_path, ref, message):
    doc = minimal_suite([{"type": "expect_column_values_to_be_in_set",
                          "kwargs": {"column": "company", "value_set": {"$seed": ref}},
                          "meta": {"why": "from a seed"}}])
    with pytest.raises(SuiteLoadError, match=message):
        load_suite(write_suite(tmp_path, doc))
