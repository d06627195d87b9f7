"""The DuckDB screen (orchestration/checks/screen.py) must give GX's verdicts.

Every suite of the project is run both ways, GX on the frame read back from DuckDB exactly as the
pipeline reads it, on valid rows and on rows broken for each of its expectations in turn (one user's
rows only). Per expectation, the screen and GX must agree on success, on the users who fail and on the
unexpected count. The screen's own summary may stand only when GX passes too."""

from __future__ import annotations

import duckdb
import pandas as pd
import pytest
from tests.checks import test_stage_suites as stage_frames
from tests.checks import test_validation as mart_frames
from tests.checks.gx_fixtures import good_frame

from orchestration.checks.screen import ENGINE, python_regex_to_re2, screen_suite
from orchestration.checks.suites import list_suites, load_suite, new_context
from orchestration.checks.validation import read_table, run_suite
from orchestration.ingestion.schema import LINEAGE_COLUMNS, RAW_TABLES, TABLES_BY_NAME

NBSP = "\u00a0"


def _raw_frame(table: str) -> pd.DataFrame:
    alice = good_frame(table, ("alice",), 1 if table == "profile" else 4)
    bob = good_frame(table, ("bob",), 1 if table == "profile" else 4)
    bob["source_line"] = bob["source_line"] + 100
    return pd.concat([alice, bob], ignore_index=True)


FRAMES = {
    **{f"raw.{t.name}": (lambda t=t: _raw_frame(t.name)) for t in RAW_TABLES},
    "staging.stg_linkedin__connections": stage_frames.stg_connections,
    "intermediate.int_connections": stage_frames.int_connections,
    "intermediate.int_owner_identity": stage_frames.int_owner_identity,
    "intermediate.int_interactions": stage_frames.int_interactions,
    "marts.connection_score": mart_frames._score_frame,
}


def _warehouse(path, spec, df: pd.DataFrame) -> None:
    """The frame as a table; raw tables typed as the loader creates them (all-null columns included)."""
    schema, _, table = spec.relation.rpartition(".")
    with duckdb.connect(str(path)) as con:
        con.execute(f"create schema if not exists {schema}")
        con.register("frame", df)
        if schema == "raw":
            raw = TABLES_BY_NAME[table]
            columns = ", ".join(f'"{c.name}" {c.type.split()[0]}' for c in LINEAGE_COLUMNS + raw.columns)
            con.execute(f"create table {schema}.{table} ({columns})")
            con.execute(f"insert into {schema}.{table} by name select * from frame")
        else:
            con.execute(f"create table {schema}.{table} as select * from frame")


def _both(tmp_path, spec, df: pd.DataFrame, users):
    db = tmp_path / "w.duckdb"
    if db.exists():
        db.unlink()
    _warehouse(db, spec, df)
    with duckdb.connect(str(db), read_only=True) as con:
        screened = screen_suite(con, spec, users)
    gx = run_suite(new_context(), spec, read_table(db, spec, users), users=users)
    return screened, gx


def _assert_agree(screened, gx, context: str) -> None:
    assert screened.results, f"{context}: the screen did not evaluate the suite ({screened.note})"
    for mine, theirs in zip(screened.results, gx.results, strict=True):
        what = f"{context}: #{mine.index} {mine.type}({mine.column})"
        assert mine.success == theirs.success, what
        assert sorted(map(str, mine.failed_users)) == sorted(map(str, theirs.failed_users)), what
        if mine.unexpected_count is not None and theirs.unexpected_count is not None:
            assert mine.unexpected_count == theirs.unexpected_count, what
    if screened.summary is not None:
        assert gx.outcome == "passed", f"{context}: the screen passed what GX failed"
        assert screened.summary.engine == ENGINE
    else:
        assert gx.outcome != "passed", f"{context}: the screen deferred ({screened.note}) but GX passed"


def _break(df: pd.DataFrame, e, user: str = "bob") -> pd.DataFrame | None:
    """`df` with `user`'s rows broken for expectation `e` (None when this test has no breakage for it)."""
    df = df.copy()
    rows = df.index[df["user_id"] == user]
    if len(rows) == 0:
        return None
    first, k = rows[0], e.kwargs
    col = k.get("column")
    if col is not None and (col not in df.columns or col == "user_id"):
        return None
    t = e.type
    if t == "expect_column_values_to_not_be_null":
        df[col] = df[col].astype(object)
        df.loc[rows, col] = None          # every row: beats any `mostly`
    elif t == "expect_column_values_to_be_null":
        df[col] = df[col].astype(object)
        df.loc[first, col] = "https://www.linkedin.com/in/x"
    elif t == "expect_column_values_to_be_in_set":
        sample = next(iter(k["value_set"]))
        df[col] = df[col].astype(object)
        df.loc[first, col] = 987654 if isinstance(sample, int) else "bogus"
    elif t == "expect_column_values_to_be_between":
        if col.startswith("_"):
            return None                   # derived: covered by the row-count and share cases below
        lo, hi = k.get("min_value"), k.get("max_value")
        if isinstance(lo, str):
            df.loc[first, col] = pd.Timestamp("1999-12-31")
        else:
            value = (lo - 1) if lo is not None else (hi + 1)
            if not (isinstance(value, int) and pd.api.types.is_integer_dtype(df[col])):
                df[col] = df[col].astype("float64")
            df.loc[first, col] = value
    elif t == "expect_column_values_to_match_regex":
        df[col] = df[col].astype(object)
        df.loc[first, col] = "https://www.linkedin.com/in/a" + NBSP + "b"   # Python's \s knows NBSP
    elif t == "expect_column_values_to_not_match_regex":
        df[col] = df[col].astype(object)
        df.loc[first, col] = str(df.loc[first, col]) + NBSP
    elif t == "expect_column_values_to_be_unique":
        if len(rows) < 2:
            df = pd.concat([df, df.loc[[first]]], ignore_index=True)
        else:
            df.loc[rows[1], col] = df.loc[first, col]
    elif t == "expect_compound_columns_to_be_unique":
        cols = k["column_list"]
        if any(c not in df.columns for c in cols):
            return None
        df = pd.concat([df, df.loc[[first]]], ignore_index=True)
    elif t == "expect_column_pair_values_a_to_be_greater_than_b":
        a, b = k["column_A"], k["column_B"]
        if a not in df.columns or b not in df.columns:
            return None
        df.loc[first, a] = pd.Timestamp("2001-01-01")
        df.loc[first, b] = pd.Timestamp("2002-01-01")
    elif t == "expect_column_pair_values_to_be_equal":
        a = k["column_A"]
        df.loc[first, a] = df.loc[first, a] + 1
    else:
        return None
    return df


CASES = sorted(FRAMES)


@pytest.mark.parametrize("suite", CASES)
def test_screen_and_gx_agree_on_every_expectation(tmp_path, suite):
    spec = load_suite(suite)
    good = FRAMES[suite]()
    users = sorted(good["user_id"].dropna().unique())
    screened, gx = _both(tmp_path, spec, good, users)
    _assert_agree(screened, gx, f"{suite} valid rows")
    tried = failed = 0
    for e in spec.expectations:
        df = _break(good, e)
        if df is None:
            continue
        tried += 1
        screened, gx = _both(tmp_path, spec, df, users)
        _assert_agree(screened, gx, f"{suite} broken for #{e.index} {e.type}")
        failed += gx.outcome != "passed"
    # most breakages do fail (some land outside a row_condition, or under a warning-free `mostly`)
    assert tried >= 1 and failed >= tried / 2, (tried, failed)


def test_every_suite_is_covered_or_screened_on_real_tables():
    """Suites without a frame here are the ones the pipeline tests run on real warehouses."""
    names = {p.parent.name + "." + p.stem for p in list_suites()}
    assert set(CASES) <= names and len(CASES) >= 20


def test_per_user_rules_the_screen_computes_itself(tmp_path):
    # derived columns: one user's shares not summing to 1; row counts per user; a missing user
    spec = load_suite("marts.industry_mix")
    df = pd.DataFrame({"user_id": ["a", "a", "b", "b"], "industry_root": ["it", "finance", "it", "unknown"],
                       "connections": [5, 5, 6, 4], "share": [0.5, 0.5, 0.6, 0.3],
                       "relation": ["own", "related", "outside", "unknown"]})
    screened, gx = _both(tmp_path, spec, df, ["a", "b"])
    _assert_agree(screened, gx, "industry_mix")
    assert gx.failed_users == ("b",) and screened.summary is None
    assert "_user_share_total" in screened.note and "1 user" in screened.note

    spec = load_suite("intermediate.int_owner_identity")
    screened, gx = _both(tmp_path, spec, stage_frames.int_owner_identity(), ["alice", "bob", "carol"])
    _assert_agree(screened, gx, "owner identity with a missing user")
    assert gx.failed_users == ("carol",)

    # a few unparseable dates under `mostly` pass with their count and samples
    spec = load_suite("raw.connections")
    df = _raw_frame("connections")
    df = pd.concat([df] + [good_frame("connections", ("carol",), 200)], ignore_index=True)
    carol = df.index[df["user_id"] == "carol"]
    df.loc[carol[:1], "connected_on"] = pd.NaT
    screened, gx = _both(tmp_path, spec, df, ["alice", "bob", "carol"])
    _assert_agree(screened, gx, "a few unparseable dates")
    assert gx.outcome == "passed" and screened.summary is not None
    tolerated = [r for r in screened.summary.results if r.unexpected_count]
    assert {(r.type, r.column) for r in tolerated} == {("expect_column_values_to_not_be_null", "connected_on")}
    for r in tolerated:   # the two `mostly` levels (0.5 error, 0.99 warning)
        assert r.unexpected_count == 1 and r.unexpected_by_user == {"carol": 1}
        assert r.partial_unexpected_list == (None,)


@pytest.mark.parametrize("pattern, value, python_matches", [
    (r"\s$", "x" + NBSP, True),                       # Unicode whitespace
    (r"/$", "x/\n", True),                            # $ before a final newline
    (r"^urn:li:member:\d+$", "urn:li:member:\u0663", True),   # Unicode digits
    (r"^[0-9a-f]{16}$", "0123456789abcdef\n", True),
    (r"^https://www\.linkedin\.com/in/[^/?#\s]+$", "https://www.linkedin.com/in/jörg", True),
    (r"^https://www\.linkedin\.com/in/[^/?#\s]+$", "https://www.linkedin.com/in/a\u2003b", False),
    (r"[?#A-Z]|/$|^\s|\s$", "https://www.linkedin.com/in/x\u3000", True),
])
def test_python_regex_semantics_in_duckdb(pattern, value, python_matches):
    import re

    assert bool(re.search(pattern, value)) is python_matches
    got = duckdb.execute("select regexp_matches(?, ?)", [value, python_regex_to_re2(pattern)]).fetchone()[0]
    assert got is python_matches


@pytest.mark.parametrize("pattern", [r"(?=a)b", r"\bword", r"(a)\1", r"\w+"])
def test_regexes_the_screen_does_not_translate_go_to_gx(pattern):
    from orchestration.checks.screen import Untranslatable

    with pytest.raises(Untranslatable):
        python_regex_to_re2(pattern)


def test_a_clean_batch_is_settled_without_importing_gx(tmp_path):
    import subprocess
    import sys

    spec = load_suite("raw.profile")
    _warehouse(tmp_path / "w.duckdb", spec, _raw_frame("profile"))
    code = (
        "import sys, dagster as dg\n"
        "from orchestration.checks.batch import run_suites_for_batch\n"
        f"[c] = run_suites_for_batch({str(tmp_path / 'w.duckdb')!r}, [('raw.profile', dg.AssetKey(['raw', 'profile']))],"
        " ['alice', 'bob'], 'gx_suite', data_docs_dir=None)\n"
        "print(c.result.passed, c.result.metadata['validated_by'].value, 'great_expectations' in sys.modules)\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.split() == ["True", "duckdb_screen", "False"]


def test_a_kwarg_the_screen_does_not_know_goes_to_gx_which_rejects_it(tmp_path):
    import dagster as dg
    from tests.checks.gx_fixtures import minimal_suite, write_suite

    from orchestration.checks.batch import run_suites_for_batch

    path = write_suite(tmp_path, minimal_suite([
        {"type": "expect_column_values_to_not_be_null", "kwargs": {"column": "user_id", "mostyl": 0.5},
         "meta": {"why": "a typo GX rejects"}}], name="raw.profile", table="profile"))
    spec = load_suite(path, build=False)
    _warehouse(tmp_path / "w.duckdb", spec, _raw_frame("profile"))
    with duckdb.connect(str(tmp_path / "w.duckdb"), read_only=True) as con:
        screened = screen_suite(con, spec, ["alice"])
    assert screened.needs_gx and "mostyl" in screened.note
    [check] = run_suites_for_batch(tmp_path / "w.duckdb", [(str(path), dg.AssetKey(["raw", "profile"]))],
                                   ["alice", "bob"], "gx_suite", data_docs_dir=None)
    assert check.result.passed is False and check.result.severity == dg.AssetCheckSeverity.ERROR
    assert "SuiteLoadError" in check.result.metadata["error"].value and "mostyl" in check.result.metadata["error"].value
    assert set(check.failed_users) == {"alice", "bob"}


def test_what_the_review_found_stays_fixed(tmp_path):
    """Cases where SQL and GX's pandas engine disagree, found in review: each must not pass the screen
    where GX fails."""
    import re

    from orchestration.checks.screen import Untranslatable, _typed_literal

    # Python 3.11's \d lacks digits RE2's newer Unicode tables have (Kawi)
    value = "urn:li:member:12\U00011F50"
    assert re.search(r"^urn:li:member:\d+$", value) is None
    assert duckdb.execute("select regexp_matches(?, ?)",
                          [value, python_regex_to_re2(r"^urn:li:member:\d+$")]).fetchone()[0] is False
    with pytest.raises(Untranslatable):
        python_regex_to_re2(r"^a{,3}$")                 # {,n}: {0,n} in Python, literal in RE2
    with pytest.raises(Untranslatable):
        _typed_literal("2003-01-01", "temporal")        # a date-only bound: pandas refuses the comparison
    assert _typed_literal(0.1, "float") == "'0.1'::double"

    # a real column starting with "_" is not a derived one: the column set fails (warning) in both
    spec = load_suite("raw.profile")
    db = tmp_path / "extra.duckdb"
    _warehouse(db, spec, _raw_frame("profile"))
    with duckdb.connect(str(db)) as con:
        con.execute("alter table raw.profile add column _extra varchar default 'x'")
    with duckdb.connect(str(db), read_only=True) as con:
        screened = screen_suite(con, spec, ["alice", "bob"])
    gx = run_suite(new_context(), spec, read_table(db, spec, ["alice", "bob"]), users=["alice", "bob"])
    _assert_agree(screened, gx, "an extra column named _extra")
    assert gx.outcome == "warn" and screened.summary is None


def test_row_conditions_follow_pandas_query():
    """`!=` keeps missing strings/floats (NaN semantics) but drops missing nullable ints/bools (pd.NA)."""
    from orchestration.checks.screen import _condition

    types = {"s": "VARCHAR", "i": "INTEGER", "b": "BOOLEAN", "d": "DOUBLE"}
    rows = duckdb.execute("select * from (values ('x', 1, true, 1.5), (null, null, null, 'nan'::double)) "
                          "t(s, i, b, d)").df()
    for col, value in (("s", "y"), ("i", 0), ("b", True), ("d", 0.5)):
        cond = {"type": "comparison", "column": {"name": col}, "operator": "!=", "parameter": value}
        expected = len(rows.query(f"{col} != {value!r}"))
        got = duckdb.execute(f"select count(*) from rows where {_condition(cond, types)}").fetchone()[0]
        assert got == expected, (col, got, expected)
    nullity = {"type": "nullity", "column": {"name": "d"}, "is_null": True}
    assert duckdb.execute(f"select count(*) from rows where {_condition(nullity, types)}").fetchone()[0] == 1


@pytest.mark.parametrize("domain, unexpected, mostly, passes", [
    (0, 0, None, True), (10, 0, None, True), (10, 1, None, False), (10, 1, 0.9, True),
    (10, 2, 0.9, False), (100, 1, 0.99, True), (3, 3, 0.0, True), (5, 1, 1, False),
])
def test_mostly_as_gx_computes_it(domain, unexpected, mostly, passes):
    from orchestration.checks.screen import _passes

    assert _passes(domain, unexpected, mostly) is passes


def test_small_and_large_batches_filter_the_same_rows(tmp_path, monkeypatch):
    """The users filter is list_contains for a small batch and a semi-join for a large one (a plan
    choice, screen.SMALL_BATCH_USERS): both read exactly the batch's rows, here 2 of 3 users, with the
    same counts, failures and samples."""
    from orchestration.checks import screen

    spec = load_suite("raw.connections")
    df = pd.concat([_raw_frame("connections"), good_frame("connections", ("carol",), 200)], ignore_index=True)
    df.loc[df.index[df["user_id"] == "carol"][:1], "connected_on"] = pd.NaT
    df.loc[df.index[df["user_id"] == "bob"][:1], "connected_on"] = pd.NaT    # bob is not checked
    db = tmp_path / "w.duckdb"
    _warehouse(db, spec, df)
    verdicts = []
    for small in (10, 0):
        monkeypatch.setattr(screen, "SMALL_BATCH_USERS", small)
        with duckdb.connect(str(db), read_only=True) as con:
            verdicts.append(screen_suite(con, spec, ["alice", "carol"]))
    small, large = verdicts
    assert small.summary is not None and large.summary is not None
    assert small.summary.row_count == large.summary.row_count == int(df["user_id"].isin(["alice", "carol"]).sum())
    assert small.summary.users == large.summary.users == ("alice", "carol")
    tolerated = [(r.column, r.unexpected_count, r.unexpected_by_user) for r in small.summary.results if r.unexpected_count]
    assert tolerated and tolerated == [(r.column, r.unexpected_count, r.unexpected_by_user)
                                       for r in large.summary.results if r.unexpected_count]
    assert all(by_user == {"carol": 1} for _, _, by_user in tolerated)
