"""A DuckDB screen in front of Great Expectations: clean suites are certified by SQL, anything else by GX.

Why: GX's pandas path costs a 5-8 s import per step, about 0.5 s per suite, a copy of the rows in pandas
and a Data Docs page per suite. At 1,000 users that was 132 s of a 493 s refresh and at one user 43 s of
108 s (docs/benchmarks.md), while the same rules as DuckDB aggregates take well under a second.

How: each expectation of a suite is compiled into SQL predicates over the suite's table (only the
users being checked): its *domain* (the rows GX would look at: row_condition, nulls and ignore_row_if
applied as GX's pandas engine applies them) and *unexpected* (the rows GX would count as unexpected;
regexes are rewritten so that RE2 matches what Python's `re` matches, `python_regex_to_re2`). One query
per suite returns, per user, the counts of each. Then:

  - every user passes every expectation (`mostly` included): the screen's own `ValidationSummary`
    stands (`engine="duckdb_screen"`, no Data Docs page);
  - anything else (a failure of any severity, an expectation, regex or column type the screen does not
    translate, a SQL error): the suite goes to GX, exactly as before, and GX's result (with its Data
    Docs page) is the verdict. `screen_note` says why.

So GX stays the authority on every failure; the screen only skips GX when there is nothing to report.
`tests/checks/test_screen.py` runs every suite of the project both ways on clean and broken rows and
requires the same verdicts. `CONNECTION_SCORE_GX_SCREEN=off` sends every suite to GX (and so renders a
Data Docs page for clean suites too).
"""

from __future__ import annotations

import functools
import math
import os
import re
import time
from dataclasses import dataclass, replace
from typing import Any, Sequence

from orchestration.checks.suites import ExpectationSpec, SuiteSpec
from orchestration.checks.validation import (
    PARTIAL_UNEXPECTED_MAX,
    ROW_COUNT,
    USER_COLUMN,
    ExpectationResult,
    ValidationSummary,
    _jsonable,
    _quote,
    _row_count_ok,
)

ENGINE = "duckdb_screen"
SCREEN_ENV = "CONNECTION_SCORE_GX_SCREEN"

_INTEGER = {"TINYINT", "SMALLINT", "INTEGER", "BIGINT", "HUGEINT", "UTINYINT", "USMALLINT", "UINTEGER",
            "UBIGINT"}
_FLOAT = {"DOUBLE"}                       # FLOAT/REAL (float32) compare differently: not translated
_TEMPORAL = {"DATE", "TIMESTAMP", "TIMESTAMP_S", "TIMESTAMP_MS", "TIMESTAMP_NS"}


class Untranslatable(Exception):
    """The screen cannot state this expectation in SQL exactly as GX evaluates it: GX must."""


def screen_enabled() -> bool:
    """CONNECTION_SCORE_GX_SCREEN: on by default; `off` sends every suite to GX."""
    return os.environ.get(SCREEN_ENV, "on").strip().lower() not in ("off", "0", "false", "no")


@dataclass(frozen=True)
class Screened:
    summary: ValidationSummary | None    # the verdict when the screen found nothing to report
    note: str                            # what the screen found (why GX must validate, when it must)
    results: tuple[ExpectationResult, ...] = ()   # the screen's verdicts, also when GX must validate

    @property
    def needs_gx(self) -> bool:
        return self.summary is None


@dataclass(frozen=True)
class _Compiled:
    e: ExpectationSpec
    kind: str                  # "map" | "unique" | "row_count" | "shape"
    domain: str = "true"
    unexpected: str = "false"  # per batch (as GX counts it on the whole frame)
    unexpected_user: str = ""  # per user, when it differs from the batch (uniqueness); "" = same
    sample: str | None = None  # the column whose unexpected values are shown


# --------------------------------------------------------------------------------------------------
# public API


def screen_suite(con: Any, spec: SuiteSpec, users: Sequence[str]) -> Screened:
    """Screen `users`' rows of the suite's table on an open DuckDB connection (see module docstring)."""
    started = time.perf_counter()
    users = sorted({str(u) for u in users})
    schema, _, table = spec.relation.rpartition(".")
    types = dict(con.execute(
        "select column_name, data_type from information_schema.columns "
        "where table_schema = ? and table_name = ? order by ordinal_position",
        [schema or "main", table]).fetchall())
    if not types:
        return Screened(None, f"{spec.relation}: table not found")
    if USER_COLUMN not in types:
        return Screened(None, f"{spec.relation} has no {USER_COLUMN} column: per-user verdicts need GX")
    try:
        derived = _derived_columns(spec, types)
        all_types = {**types, **{name: t for name, (_, t) in derived.items()}}
        compiled = [_compile(e, all_types) for e in spec.expectations]
    except Untranslatable as exc:
        return Screened(None, f"not screened: {exc}")

    sql, params = _query(spec, types, derived, compiled, users)
    try:
        rows = con.execute(sql, params).fetchall()
    except Exception as exc:  # noqa: BLE001 - e.g. a regex RE2 refuses: GX decides
        return Screened(None, f"not screened: DuckDB could not evaluate the suite ({type(exc).__name__}: "
                              f"{str(exc).splitlines()[0][:200]})")

    per_user = {r[0]: r[1:] for r in rows}
    present = sorted(u for u in per_user if u is not None)
    user_keys = sorted({*users, *present})
    row_count = sum(int(r[0]) for r in per_user.values())

    results: list[ExpectationResult] = []
    problems: list[str] = []
    offset = 1
    for c in compiled:
        at = None
        if c.kind in ("map", "unique"):
            at, offset = offset, offset + 3
        result, problem = _evaluate(c, at, per_user, user_keys, row_count, list(types), list(derived))
        if problem:
            problems.append(problem)
        results.append(result)
    if problems:
        more = f" (+{len(problems) - 5} more)" if len(problems) > 5 else ""
        return Screened(None, "screen found: " + "; ".join(problems[:5]) + more, tuple(results))

    samples = _samples(con, spec, derived, compiled, users, results)
    results = [r if r.index not in samples else replace(r, partial_unexpected_list=samples[r.index])
               for r in results]
    summary = ValidationSummary(
        suite_name=spec.name, relation=spec.relation, stage=spec.stage, results=tuple(results),
        row_count=row_count, users=tuple(user_keys), duration_s=time.perf_counter() - started, per_user=True,
        engine=ENGINE, screen_note="every expectation passed for every user in DuckDB; GX not needed",
    )
    return Screened(summary, summary.screen_note, tuple(results))


# --------------------------------------------------------------------------------------------------
# compiling expectations to SQL predicates


def _derived_columns(spec: SuiteSpec, types: dict[str, str]) -> dict[str, tuple[str, str]]:
    """name -> (SQL window expression, type), as validation.add_derived_columns computes them in pandas."""
    out: dict[str, tuple[str, str]] = {}
    for name, d in spec.derived_columns.items():
        by = list(d["by"])
        needed = by + ([d["column"]] if "column" in d else [])
        if any(c not in types for c in needed):
            raise Untranslatable(f"derived column {name}: a column it reads is missing")
        over = f"over (partition by {', '.join(_quote(c) for c in by)})"
        if d["op"] == "group_count":
            out[name] = (f"count(*) {over}", "BIGINT")
        elif d["op"] == "group_sum":
            col = d["column"]
            if _family(types[col]) not in ("int", "float"):
                raise Untranslatable(f"derived column {name}: sum of a non-numeric column")
            # pandas sums skip NaN and give 0 for an all-missing group
            value = f"case when isnan({_quote(col)}::double) then null else {_quote(col)}::double end"
            out[name] = (f"coalesce(sum({value}) {over}, 0)::double", "DOUBLE")
        else:  # pragma: no cover - suites.py rejects other ops
            raise Untranslatable(f"derived column {name}: op {d['op']}")
    return out


def _family(sql_type: str) -> str:
    t = sql_type.upper()
    if t in _INTEGER:
        return "int"
    if t in _FLOAT or t.startswith("DECIMAL"):
        return "float"
    if t in _TEMPORAL:
        return "temporal"
    if t == "VARCHAR":
        return "string"
    if t == "BOOLEAN":
        return "bool"
    return "other"


def _missing(col: str, types: dict[str, str]) -> str:
    """pandas' isnull(): NULL, and NaN for floating columns."""
    q = _quote(col)
    if types[col].upper() in _FLOAT | {"FLOAT", "REAL"}:
        return f"({q} is null or isnan({q}))"
    return f"({q} is null)"


def _literal(v: Any) -> str:
    if isinstance(v, bool):
        return "true" if v else "false"
    if isinstance(v, int):
        return str(v)
    if isinstance(v, float):
        if not math.isfinite(v):
            raise Untranslatable(f"non-finite literal {v!r}")
        return repr(v)
    if isinstance(v, str):
        return "'" + v.replace("'", "''") + "'"
    raise Untranslatable(f"literal of type {type(v).__name__}")


def _typed_literal(v: Any, family: str) -> str:
    """A bound or set member compared with a column of `family`, or Untranslatable when pandas would
    compare it differently (e.g. a string bound on a numeric column)."""
    if family in ("int", "float") and isinstance(v, (int, float)) and not isinstance(v, bool):
        # a float as DOUBLE exactly (a bare 0.1 would be a DECIMAL literal, rounded differently)
        return _literal(v) if isinstance(v, int) else f"{_literal(repr(float(v)))}::double"
    if family == "temporal" and isinstance(v, str):
        # GX parses string bounds on datetime columns (dateutil). Only date *and* time: a date alone
        # becomes a datetime.date, which pandas refuses to compare with timestamps (GX then fails).
        if not re.fullmatch(r"\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?", v):
            raise Untranslatable(f"temporal bound {v!r} is not an ISO date and time")
        return f"timestamp {_literal(v.replace('T', ' '))}"
    if family == "string" and isinstance(v, str):
        return _literal(v)
    if family == "bool" and isinstance(v, bool):
        return _literal(v)
    raise Untranslatable(f"value {v!r} against a {family} column")


def _condition(cond: Any, types: dict[str, str]) -> str:
    """A GX row_condition as pandas' DataFrame.query evaluates it (a comparison with a missing value is
    False, except `!=`, which is True)."""
    if cond is None:
        return "true"
    kind = cond.get("type")
    if kind == "and":
        return "(" + " and ".join(_condition(c, types) for c in cond["conditions"]) + ")"
    if kind == "or":
        return "(" + " or ".join(_condition(c, types) for c in cond["conditions"]) + ")"
    col = (cond.get("column") or {}).get("name")
    if col not in types:
        raise Untranslatable(f"row_condition column {col!r} is missing")
    if kind == "nullity":
        return f"(not {_missing(col, types)})" if cond.get("is_null") is False else _missing(col, types)
    if kind == "comparison":
        op = str(cond.get("operator"))
        ops = {"==": "=", "!=": "<>", ">": ">", "<": "<", ">=": ">=", "<=": "<="}
        if op not in ops:
            raise Untranslatable(f"row_condition operator {op!r}")
        value = _typed_literal(cond.get("parameter"), _family(types[col]))
        test = f"{_quote(col)} {ops[op]} {value}"
        # pandas: a missing value compared with `!=` is True for str/float columns (NaN semantics) but
        # drops the row for the nullable Int/boolean dtypes DuckDB gives integer and boolean columns
        if op == "!=" and _family(types[col]) in ("string", "float", "temporal"):
            return f"({_missing(col, types)} or {test})"
        return f"(not {_missing(col, types)} and {test})"
    raise Untranslatable(f"row_condition of type {kind!r}")


# The kwargs the screen states in SQL, per expectation type. Anything else (a kwarg GX knows that the
# screen ignores, or a typo GX would reject) sends the suite to GX, which builds and checks it first.
_KWARGS: dict[str, frozenset[str]] = {
    "expect_table_columns_to_match_set": frozenset({"column_set", "exact_match"}),
    "expect_table_row_count_to_equal": frozenset({"value"}),
    "expect_table_row_count_to_be_between": frozenset({"min_value", "max_value", "strict_min", "strict_max"}),
    "expect_column_values_to_not_be_null": frozenset({"column", "mostly", "row_condition"}),
    "expect_column_values_to_be_null": frozenset({"column", "mostly", "row_condition"}),
    "expect_column_values_to_be_in_set": frozenset({"column", "value_set", "mostly", "row_condition"}),
    "expect_column_values_to_be_between": frozenset({"column", "min_value", "max_value", "strict_min",
                                                     "strict_max", "mostly", "row_condition"}),
    "expect_column_values_to_match_regex": frozenset({"column", "regex", "mostly", "row_condition"}),
    "expect_column_values_to_not_match_regex": frozenset({"column", "regex", "mostly", "row_condition"}),
    "expect_column_values_to_be_unique": frozenset({"column", "mostly", "row_condition"}),
    "expect_compound_columns_to_be_unique": frozenset({"column_list", "ignore_row_if", "mostly", "row_condition"}),
    "expect_column_pair_values_to_be_equal": frozenset({"column_A", "column_B", "ignore_row_if", "mostly",
                                                        "row_condition"}),
    "expect_column_pair_values_a_to_be_greater_than_b": frozenset({"column_A", "column_B", "ignore_row_if",
                                                                   "or_equal", "mostly", "row_condition"}),
}


def _check_kwargs(e: ExpectationSpec) -> None:
    known = _KWARGS.get(e.type)
    if known is None:
        raise Untranslatable(f"#{e.index} {e.type} is not translated")
    unknown = set(e.kwargs) - known
    if unknown:
        raise Untranslatable(f"#{e.index} {e.type}: kwargs {sorted(unknown)} are not translated")
    mostly = e.kwargs.get("mostly")
    if mostly is not None and (isinstance(mostly, bool) or not isinstance(mostly, (int, float))
                               or not 0 <= mostly <= 1):
        raise Untranslatable(f"#{e.index} mostly={mostly!r}")
    for flag in ("strict_min", "strict_max", "exact_match", "or_equal"):
        if flag in e.kwargs and not isinstance(e.kwargs[flag], bool):
            raise Untranslatable(f"#{e.index} {flag}={e.kwargs[flag]!r}")
    # the shapes GX's own kwargs validation would insist on (the suite is not built in GX when screened)
    k = e.kwargs
    for name in ("column", "column_A", "column_B", "regex"):
        if name in k and not isinstance(k[name], str):
            raise Untranslatable(f"#{e.index} {name}={k[name]!r}")
    for name in ("value_set", "column_list", "column_set"):
        if name in k and not (isinstance(k[name], list) and all(isinstance(v, (str, int, float, bool))
                                                                for v in k[name])):
            raise Untranslatable(f"#{e.index} {name} must be a list of plain values")
    lo, hi = k.get("min_value"), k.get("max_value")
    if lo is not None and hi is not None:
        try:
            if lo > hi:
                raise Untranslatable(f"#{e.index} min_value > max_value")
        except TypeError:
            raise Untranslatable(f"#{e.index} min_value and max_value of different types") from None
    if "value" in k and (isinstance(k["value"], bool) or not isinstance(k["value"], int)):
        raise Untranslatable(f"#{e.index} value={k['value']!r}")


def _compile(e: ExpectationSpec, types: dict[str, str]) -> _Compiled:
    _check_kwargs(e)
    k = e.kwargs
    t = e.type
    if t == "expect_table_columns_to_match_set":
        return _Compiled(e, "shape")
    if t in ROW_COUNT:
        if k.get("row_condition"):
            raise Untranslatable(f"#{e.index} {t} with a row_condition")
        return _Compiled(e, "row_count")
    for col in e.value_columns:
        if col not in types:
            raise Untranslatable(f"#{e.index} {t}: column {col!r} is missing")
    cond = _condition(k.get("row_condition"), types)
    if t in ("expect_column_values_to_not_be_null", "expect_column_values_to_be_null"):
        miss = _missing(k["column"], types)
        return _Compiled(e, "map", domain=cond,
                         unexpected=miss if t.endswith("not_be_null") else f"not {miss}",
                         sample=k["column"])
    if t in ("expect_column_values_to_be_in_set", "expect_column_values_to_be_between",
             "expect_column_values_to_match_regex", "expect_column_values_to_not_match_regex",
             "expect_column_values_to_be_unique"):
        col = k["column"]
        q, fam = _quote(col), _family(types[col])
        domain = f"({cond} and not {_missing(col, types)})"
        if t == "expect_column_values_to_be_in_set":
            values = list(k.get("value_set") or [])
            if not values:
                raise Untranslatable(f"#{e.index} empty value_set")
            members = ", ".join(_typed_literal(v, fam) for v in values)
            return _Compiled(e, "map", domain=domain, unexpected=f"not ({q} in ({members}))", sample=col)
        if t == "expect_column_values_to_be_between":
            tests = []
            lo, hi = k.get("min_value"), k.get("max_value")
            if lo is not None:
                tests.append(f"{q} {'>' if k.get('strict_min') else '>='} {_typed_literal(lo, fam)}")
            if hi is not None:
                tests.append(f"{q} {'<' if k.get('strict_max') else '<='} {_typed_literal(hi, fam)}")
            if not tests:
                raise Untranslatable(f"#{e.index} between without bounds")
            return _Compiled(e, "map", domain=domain, unexpected=f"not ({' and '.join(tests)})", sample=col)
        if t in ("expect_column_values_to_match_regex", "expect_column_values_to_not_match_regex"):
            if fam != "string":
                raise Untranslatable(f"#{e.index} regex on a {types[col]} column")
            found = f"regexp_matches({q}, {_literal(python_regex_to_re2(k['regex']))})"
            return _Compiled(e, "map", domain=domain,
                             unexpected=f"not {found}" if "_to_match_" in t else found, sample=col)
        # unique: a value repeated among the domain rows (GX: duplicated(keep=False))
        return _Compiled(e, "unique", domain=domain, unexpected=_dup([col], domain),
                         unexpected_user=_dup([USER_COLUMN, col], domain), sample=col)
    if t == "expect_compound_columns_to_be_unique":
        cols = list(k["column_list"])
        ignore = k.get("ignore_row_if", "all_values_are_missing")
        missing = [_missing(c, types) for c in cols]
        if ignore == "all_values_are_missing":
            keep = f"not ({' and '.join(missing)})"
        elif ignore == "any_value_is_missing":
            keep = f"not ({' or '.join(missing)})"
        elif ignore == "never":
            keep = "true"
        else:
            raise Untranslatable(f"#{e.index} ignore_row_if {ignore!r}")
        domain = f"({cond} and {keep})"
        by_user = cols if USER_COLUMN in cols else [USER_COLUMN, *cols]
        if any(_family(types[c]) == "float" for c in cols):
            raise Untranslatable(f"#{e.index} uniqueness over a floating column (NaN equality)")
        return _Compiled(e, "unique", domain=domain, unexpected=_dup(cols, domain),
                         unexpected_user=_dup(by_user, domain))
    if t in ("expect_column_pair_values_to_be_equal", "expect_column_pair_values_a_to_be_greater_than_b"):
        a, b = k["column_A"], k["column_B"]
        fa, fb = _family(types[a]), _family(types[b])
        numeric = {"int", "float"}
        if not (fa == fb or (fa in numeric and fb in numeric)) or fa in ("other", "bool"):
            raise Untranslatable(f"#{e.index} pair of {types[a]} and {types[b]}")
        ignore = k.get("ignore_row_if", "both_values_are_missing")
        ma, mb = _missing(a, types), _missing(b, types)
        keep = {"both_values_are_missing": f"not ({ma} and {mb})",
                "either_value_is_missing": f"not ({ma} or {mb})",
                "neither": "true"}.get(ignore)
        if keep is None:
            raise Untranslatable(f"#{e.index} ignore_row_if {ignore!r}")
        if t == "expect_column_pair_values_to_be_equal":
            holds = f"{_quote(a)} = {_quote(b)}"
        else:
            holds = f"{_quote(a)} {'>=' if k.get('or_equal') else '>'} {_quote(b)}"
        # pandas: any comparison with a missing value is False, so the row is unexpected
        return _Compiled(e, "map", domain=f"({cond} and {keep})",
                         unexpected=f"({ma} or {mb} or not ({holds}))")
    raise Untranslatable(f"#{e.index} {t} is not translated")


def _dup(cols: list[str], domain: str) -> str:
    """True for a domain row whose values of `cols` occur more than once among the domain rows."""
    part = ", ".join(_quote(c) for c in cols)
    return f"(sum(case when {domain} then 1 else 0 end) over (partition by {part}) > 1)"


# --------------------------------------------------------------------------------------------------
# regexes: Python's `re` (what GX's pandas engine runs) stated for RE2 (DuckDB)


def _class_body(predicate) -> str:
    """The code points where `predicate(chr(c))` holds, as the body of an RE2 character class. Built
    from this Python's Unicode tables, which are what GX's `re` uses (RE2's own `\\p{Nd}` is newer)."""
    ranges: list[tuple[int, int]] = []
    for c in (c for c in range(0x110000) if predicate(chr(c))):
        if ranges and ranges[-1][1] == c - 1:
            ranges[-1] = (ranges[-1][0], c)
        else:
            ranges.append((c, c))
    return "".join(f"\\x{{{a:x}}}" + (f"-\\x{{{b:x}}}" if b != a else "") for a, b in ranges)


# Built on first use, not at import: scanning the 1.1 million code points takes 0.2 s, which every
# process importing the definitions (run and step workers, the UI) would pay.
@functools.cache
def _py_space() -> str:
    return _class_body(str.isspace)       # Python's \s


@functools.cache
def _py_digit() -> str:
    return _class_body(str.isdecimal)     # Python's \d (Unicode category Nd)


def python_regex_to_re2(pattern: str) -> str:
    """A Python `re` pattern (as GX's pandas engine runs it: `str.contains`, Unicode) rewritten for RE2
    (DuckDB) with the same matches: `\\s` and `\\d` are Unicode in Python and ASCII in RE2, and Python's
    `$` also matches before a final newline. Constructs RE2 lacks or that differ otherwise raise
    Untranslatable (the suite then goes to GX)."""
    out: list[str] = []
    i, n, in_class = 0, len(pattern), False
    while i < n:
        ch = pattern[i]
        if ch == "\\":
            if i + 1 >= n:
                raise Untranslatable(f"regex {pattern!r}: trailing backslash")
            nxt = pattern[i + 1]
            if nxt == "s":
                out.append(_py_space() if in_class else f"[{_py_space()}]")
            elif nxt == "d":
                out.append(_py_digit() if in_class else f"[{_py_digit()}]")
            elif nxt.isalnum() and nxt not in "tnrfvx":
                raise Untranslatable(f"regex {pattern!r}: \\{nxt} differs between Python and RE2")
            else:
                out.append(pattern[i:i + 2])
            i += 2
            continue
        if in_class:
            if ch == "]":
                in_class = False
            elif ch == "[":
                raise Untranslatable(f"regex {pattern!r}: nested set")
            out.append(ch)
            i += 1
            continue
        if ch == "[":
            in_class = True
            out.append(ch)
            i += 1
            if i < n and pattern[i] == "^":
                out.append("^")
                i += 1
            if i < n and pattern[i] == "]":      # a literal ] first in a set
                out.append("\\]")
                i += 1
            continue
        if ch == "{" and pattern.startswith("{,", i):
            raise Untranslatable(f"regex {pattern!r}: {{,n}} means {{0,n}} in Python, a literal in RE2")
        if ch == "$":
            out.append("(?:\\n?\\z)")
        elif ch == "(" and pattern.startswith("(?", i) and not pattern.startswith("(?:", i):
            raise Untranslatable(f"regex {pattern!r}: group extension {pattern[i:i + 3]!r}")
        else:
            out.append(ch)
        i += 1
    if in_class:
        raise Untranslatable(f"regex {pattern!r}: unterminated set")
    return "".join(out)


# --------------------------------------------------------------------------------------------------
# the query


# Up to this many users the filter is a list_contains predicate; beyond, a semi-join. DuckDB plans `in
# (select unnest(?))` as a semi-join that, under a suite's window flags, read every user's rows of a
# staging view: 10 users' messages 1.02 s against 0.07 s with list_contains. For a large batch the
# semi-join's hash wins over a search of the list per row (1,000 users' messages: 2.8 s against 3.7 s).
SMALL_BATCH_USERS = 64


def _users_filter(n_users: int) -> str:
    """The `base` CTE's filter on the users being checked (one `?`: the list of users)."""
    if n_users <= SMALL_BATCH_USERS:
        return f"list_contains(?::varchar[], {_quote(USER_COLUMN)})"
    return f"{_quote(USER_COLUMN)} in (select unnest(?::varchar[]))"


def _enriched(spec: SuiteSpec, derived: dict[str, tuple[str, str]], select: str, n_users: int) -> str:
    """CTEs `base` (the users' rows; the `?` is the list of users) and `enriched` (plus derived columns)."""
    schema, _, table = spec.relation.rpartition(".")
    derived_sql = "".join(f", {expr} as {_quote(name)}" for name, (expr, _) in derived.items())
    return (f"with base as (select {select} from {_quote(schema or 'main')}.{_quote(table)} "
            f"where {_users_filter(n_users)}), "
            f"enriched as (select *{derived_sql} from base)")


def _query(spec: SuiteSpec, types: dict[str, str], derived: dict[str, tuple[str, str]],
           compiled: list[_Compiled], users: list[str]) -> tuple[str, list[Any]]:
    needed = [c for c in types if c == USER_COLUMN or c in spec.columns_used]
    flags = []
    aggregates = []
    for i, c in enumerate(compiled):
        if c.kind in ("shape", "row_count"):
            continue
        flags.append(f"{c.domain} as _d{i}, ({c.domain}) and {c.unexpected} as _u{i}")
        # the per-user flag only where it differs (uniqueness): evaluating a regex or a window twice
        # for the same answer was a third of the screen's time
        per_user = f"_v{i}" if c.unexpected_user else f"_u{i}"
        if c.unexpected_user:
            flags.append(f"({c.domain}) and {c.unexpected_user} as _v{i}")
        aggregates.append(f"count(*) filter (where _d{i}), count(*) filter (where _u{i}), "
                          f"count(*) filter (where {per_user})")
    sql = (
        f"{_enriched(spec, derived, ', '.join(_quote(c) for c in needed), len(users))}, "
        f"flagged as (select {_quote(USER_COLUMN)}{''.join(', ' + f for f in flags)} from enriched) "
        f"select {_quote(USER_COLUMN)}, count(*){''.join(', ' + a for a in aggregates)} "
        f"from flagged group by {_quote(USER_COLUMN)}"
    )
    return sql, [users]


def _samples(con: Any, spec: SuiteSpec, derived: dict[str, tuple[str, str]], compiled: list[_Compiled],
             users: list[str], results: list[ExpectationResult]) -> dict[int, tuple]:
    """A few unexpected values of the expectations that passed with some unexpected rows (`mostly`)."""
    out: dict[int, tuple] = {}
    wanted = {r.index for r in results if r.unexpected_count}
    for c in compiled:
        if c.e.index not in wanted or c.sample is None:
            continue
        sql = (f"{_enriched(spec, derived, '*', len(users))}, "
               f"flagged as (select {_quote(c.sample)} as v, ({c.domain}) and {c.unexpected} as u from enriched) "
               f"select v from flagged where u limit {PARTIAL_UNEXPECTED_MAX}")
        try:
            out[c.e.index] = tuple(_jsonable([r[0] for r in con.execute(sql, [users]).fetchall()]))
        except Exception:  # noqa: BLE001 - a sample is decoration
            pass
    return out


# --------------------------------------------------------------------------------------------------
# verdicts


def _evaluate(c: _Compiled, offset: int | None, per_user: dict[Any, tuple], user_keys: list[str],
              row_count: int, columns: list[str], derived: list[str]) -> tuple[ExpectationResult, str | None]:
    """The expectation's result and, when GX must look at it, why. `offset`: where its three counts
    (domain, unexpected in the batch, unexpected within the user) start in a user's row."""
    e = c.e
    label = f"#{e.index} {e.type}({e.column or ''})"
    base = dict(index=e.index, type=e.type, column=e.column, kwargs=dict(e.kwargs), severity=e.severity,
                why=e.why)
    if c.kind == "shape":
        # the frame GX sees: the table's columns, then the derived ones (also appended to the set)
        seen = set(columns) | set(derived)
        expected = set(e.kwargs.get("column_set") or []) | set(derived)
        ok = seen == expected if e.kwargs.get("exact_match", True) else expected <= seen
        result = ExpectationResult(**base, success=ok, batch_success=ok, observed_value=[*columns, *derived],
                                   failed_users=() if ok else tuple(user_keys))
        return result, None if ok else f"{label}: the table's columns differ from the suite's"
    if c.kind == "row_count":
        failing = [u for u in user_keys if not _row_count_ok(e, int(per_user[u][0]) if u in per_user else 0)]
        result = ExpectationResult(**base, success=not failing, batch_success=_row_count_ok(e, row_count),
                                   observed_value=row_count, failed_users=tuple(failing))
        return result, f"{label}: fails for {len(failing)} user(s)" if failing else None

    assert offset is not None
    mostly = e.kwargs.get("mostly")
    domain_total = unexpected_total = 0
    by_user: dict[Any, int] = {}
    failing: list[Any] = []
    for user, counts in per_user.items():
        domain, unexpected, unexpected_own = (int(x) for x in counts[offset:offset + 3])
        domain_total += domain
        unexpected_total += unexpected
        if unexpected:
            by_user[user] = unexpected
        if not _passes(domain, unexpected_own, mostly):
            failing.append(user)
    batch_ok = _passes(domain_total, unexpected_total, mostly)
    nonmissing = domain_total
    result = ExpectationResult(
        **base, success=not failing, batch_success=batch_ok,
        element_count=domain_total,
        unexpected_count=unexpected_total,
        unexpected_percent=round(100.0 * unexpected_total / nonmissing, 6) if nonmissing else None,
        unexpected_by_user=dict(sorted(by_user.items(), key=lambda kv: str(kv[0]))),
        failed_users=tuple(sorted(failing, key=str)),
    )
    if failing:
        return result, f"{label}: fails for {len(failing)} user(s)"
    return result, None


def _passes(domain: int, unexpected: int, mostly: Any) -> bool:
    """GX's verdict for a map expectation: no unexpected row, or (domain - unexpected) / domain >= mostly."""
    if unexpected == 0 or domain == 0:
        return True
    if mostly is None or mostly >= 1:
        return False
    return (domain - unexpected) / domain >= float(mostly)


