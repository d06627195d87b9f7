"""Run a suite over a pandas frame or a DuckDB table and summarise the result for Dagster.

The GX pandas path is used (see docs/data-quality.md): the rows to check are read with a read-only DuckDB
connection that is closed before GX starts, then validated as a GX pandas batch in a fresh ephemeral
context (one context per validation run). GX is imported lazily.

Per-user semantics. A batch holds many users (tenants), but every verdict is *per user*: a user fails an
expectation when that user's rows, validated alone, would fail it. `ExpectationResult.success` and
`ValidationSummary.failed_users` follow that rule; `batch_success` keeps GX's verdict on the whole batch
(they differ e.g. when one user's dates are all unparseable but the batch as a whole clears `mostly`).
How the per-user verdict is obtained:
  - row-wise expectations without `mostly`: the users of the unexpected rows (GX's COMPLETE result
    lists the index of every unexpected row; the frame has a RangeIndex, so `user_id` is looked up by
    position);
  - `expect_column_values_to_not_be_null` with `mostly` < 1 (the date-parse checks): GX's ratio
    (domain rows - nulls) / domain rows, computed per user (domain = rows matching the row_condition);
  - other column-map expectations (`mostly` < 1, uniqueness): only users with at least one unexpected row
    can fail; each of them is re-validated alone (only those expectations, about 40 ms per user);
  - table-shape expectations (column set): the table is shared, so every user fails with the batch;
  - `expect_table_row_count_*`: computed per user from the row counts (users without rows count 0);
  - any other aggregate expectation: every user is re-validated alone.
Rows whose user_id is null are treated as one pseudo-user (`None`): they make the summary fail but are
not listed in `failed_users`.
"""

from __future__ import annotations

import math
import time
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any, Iterable, Mapping, Sequence

from orchestration.checks.suites import ExpectationSpec, SuiteSpec, load_suite, new_context

if TYPE_CHECKING:  # pragma: no cover
    import dagster as dg
    import pandas as pd

USER_COLUMN = "user_id"
PARTIAL_UNEXPECTED_MAX = 10

# Column-map expectations whose verdict on a row depends on that row only.
ROW_WISE = frozenset({
    "expect_column_values_to_not_be_null",
    "expect_column_values_to_be_null",
    "expect_column_values_to_be_in_set",
    "expect_column_values_to_not_be_in_set",
    "expect_column_values_to_be_between",
    "expect_column_values_to_match_regex",
    "expect_column_values_to_not_match_regex",
    "expect_column_values_to_match_regex_list",
    "expect_column_values_to_not_match_regex_list",
    "expect_column_values_to_match_like_pattern",
    "expect_column_values_to_not_match_like_pattern",
    "expect_column_values_to_match_like_pattern_list",
    "expect_column_values_to_not_match_like_pattern_list",
    "expect_column_value_lengths_to_be_between",
    "expect_column_value_lengths_to_equal",
    "expect_column_values_to_match_strftime_format",
    "expect_column_values_to_be_dateutil_parseable",
    "expect_column_values_to_be_json_parseable",
    "expect_column_pair_values_to_be_equal",
    "expect_column_pair_values_a_to_be_greater_than_b",
    "expect_column_pair_values_to_be_in_set",
    "expect_multicolumn_sum_to_equal",
    "expect_select_column_values_to_be_unique_within_record",
})
ROW_COUNT = frozenset({"expect_table_row_count_to_be_between", "expect_table_row_count_to_equal"})

OUTCOME_PASSED, OUTCOME_WARN, OUTCOME_ERROR = "passed", "warn", "error"


@dataclass(frozen=True)
class ExpectationResult:
    index: int
    type: str
    column: str | None
    kwargs: Mapping[str, Any]
    severity: str                              # "error" | "warning"
    why: str
    success: bool                              # per-user verdict (see module docstring)
    batch_success: bool                        # GX's verdict on the whole batch
    observed_value: Any = None
    element_count: int | None = None
    unexpected_count: int | None = None
    unexpected_percent: float | None = None
    partial_unexpected_list: tuple[Any, ...] = ()      # at most 10 values
    unexpected_by_user: Mapping[Any, int] = field(default_factory=dict)   # unexpected rows per user
    failed_users: tuple[Any, ...] = ()                # users whose own rows fail (None = null user_id)
    exception: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return {
            "index": self.index,
            "type": self.type,
            "column": self.column,
            "kwargs": _jsonable(dict(self.kwargs)),
            "severity": self.severity,
            "why": self.why,
            "success": self.success,
            "batch_success": self.batch_success,
            "observed_value": _jsonable(self.observed_value),
            "element_count": self.element_count,
            "unexpected_count": self.unexpected_count,
            "unexpected_percent": self.unexpected_percent,
            "partial_unexpected_list": _jsonable(list(self.partial_unexpected_list)),
            "unexpected_by_user": {str(k): v for k, v in self.unexpected_by_user.items()},
            "failed_users": [None if u is None else str(u) for u in self.failed_users],
            "exception": self.exception,
        }


@dataclass(frozen=True)
class ValidationSummary:
    suite_name: str
    relation: str
    stage: str
    results: tuple[ExpectationResult, ...]
    row_count: int
    users: tuple[str, ...]                 # users validated (requested, or present in the frame)
    duration_s: float = 0.0
    per_user: bool = True                  # False when the frame has no user_id column
    data_docs_index: Path | None = None    # the Data Docs site's index.html (data_docs.py)
    data_docs_page: Path | None = None     # this validation's result page in the site
    docs_result_id: Any = None             # GX ValidationResultIdentifier of the stored result
    engine: str = "great_expectations"     # or "duckdb_screen" (screen.py: nothing to report, GX skipped)
    screen_note: str = ""                  # what the DuckDB screen found (why GX ran, when it did)

    @property
    def failures(self) -> tuple[ExpectationResult, ...]:
        return tuple(r for r in self.results if not r.success)

    @property
    def errors(self) -> tuple[ExpectationResult, ...]:
        return tuple(r for r in self.failures if r.severity == "error")

    @property
    def warnings(self) -> tuple[ExpectationResult, ...]:
        return tuple(r for r in self.failures if r.severity == "warning")

    @property
    def outcome(self) -> str:
        """`passed`, `warn` (only warning-severity expectations failed) or `error`."""
        if self.errors:
            return OUTCOME_ERROR
        return OUTCOME_WARN if self.warnings else OUTCOME_PASSED

    @property
    def passed(self) -> bool:
        return self.outcome == OUTCOME_PASSED

    @property
    def blocking(self) -> bool:
        """True when downstream must not run (an error-severity expectation failed)."""
        return self.outcome == OUTCOME_ERROR

    @property
    def failed_users(self) -> tuple[str, ...]:
        """Users with at least one error-severity failure, sorted."""
        return tuple(sorted({u for r in self.errors for u in r.failed_users if u is not None}))

    @property
    def warned_users(self) -> tuple[str, ...]:
        """Users with a warning-severity failure only."""
        failed = set(self.failed_users)
        return tuple(sorted({u for r in self.warnings for u in r.failed_users
                             if u is not None and u not in failed}))

    @property
    def unattributed_failure(self) -> bool:
        """An error that no user can be blamed for (rows with a null user_id)."""
        return any(None in r.failed_users for r in self.errors)

    def to_dict(self) -> dict[str, Any]:
        return {
            "suite": self.suite_name,
            "relation": self.relation,
            "stage": self.stage,
            "outcome": self.outcome,
            "passed": self.passed,
            "row_count": self.row_count,
            "users": list(self.users),
            "failed_users": list(self.failed_users),
            "warned_users": list(self.warned_users),
            "duration_s": round(self.duration_s, 3),
            "engine": self.engine,
            "results": [r.to_dict() for r in self.results],
        }


# --------------------------------------------------------------------------------------------------
# public API


def validate_frame(
    suite_spec: SuiteSpec | str | Path,
    df: "pd.DataFrame",
    *,
    users: Sequence[str] | None = None,
    data_docs_dir: str | Path | None = None,
    run_name: str | None = None,
) -> ValidationSummary:
    """Validate a pandas frame with a suite. `users`: the users the frame stands for (default: the
    user_ids in it); users without rows are still validated (row counts 0). With `data_docs_dir`, the
    validation runs through a GX checkpoint that also writes Data Docs there (see data_docs.py)."""
    spec = suite_spec if isinstance(suite_spec, SuiteSpec) else load_suite(suite_spec)
    if data_docs_dir is not None:
        from orchestration.checks.data_docs import validate_and_build_docs

        summaries, _ = validate_and_build_docs([(spec, df, users)], data_docs_dir, run_name=run_name)
        return summaries[0]
    ctx = new_context()
    return run_suite(ctx, spec, df, users=users)


def read_table(
    db_path: str | Path,
    suite_spec: SuiteSpec,
    user_ids: Iterable[str],
    *,
    relation: str | None = None,
) -> "pd.DataFrame":
    """Read the suite's columns for the given users from DuckDB (read-only; closed before returning).

    Only `columns_used` are fetched. Other columns of the table are added back as empty placeholders,
    so table-shape expectations (column set) see the real table schema without reading its data. A
    column the suite uses but the table lacks is left out: its expectations then fail in GX.
    """
    import duckdb
    import numpy as np
    import pandas as pd

    relation = relation or suite_spec.relation
    schema, _, table = relation.rpartition(".")
    user_ids = sorted({str(u) for u in user_ids})
    con = duckdb.connect(str(db_path), read_only=True)
    try:
        cols = [r[0] for r in con.execute(
            "select column_name from information_schema.columns "
            "where table_schema = ? and table_name = ? order by ordinal_position",
            [schema or "main", table],
        ).fetchall()]
        if not cols:
            raise LookupError(f"{relation}: table not found in {db_path}")
        fetch = [c for c in suite_spec.columns_used if c in cols]
        if USER_COLUMN in cols and USER_COLUMN not in fetch:
            fetch.insert(0, USER_COLUMN)
        select = ", ".join(_quote(c) for c in fetch) or "1 as _dummy"
        where = f"where {_quote(USER_COLUMN)} in (select unnest(?::varchar[]))" if USER_COLUMN in cols else ""
        sql = f"select {select} from {_quote(schema or 'main')}.{_quote(table)} {where}"
        df = con.execute(sql, [user_ids] if where else []).df()
    finally:
        con.close()
    if "_dummy" in df.columns:
        df = df.drop(columns="_dummy")
    # Shape placeholders, in table order. All-null float64, not None objects: GX copies the whole frame
    # for every row condition, and an object column costs twice a float one to copy (a third of a
    # stage's validation time at 1,000 users went into copying placeholders).
    missing = [c for c in cols if c not in df.columns]
    if missing:
        df = pd.concat([df, pd.DataFrame(np.nan, index=df.index, columns=missing)], axis=1)
    return df[cols]


def validate_table(
    db_path: str | Path,
    suite_spec: SuiteSpec | str | Path,
    user_ids: Iterable[str],
    *,
    relation: str | None = None,
    data_docs_dir: str | Path | None = None,
    run_name: str | None = None,
) -> ValidationSummary:
    """Validate `user_ids`' rows of the suite's table in the DuckDB file at `db_path`."""
    spec = suite_spec if isinstance(suite_spec, SuiteSpec) else load_suite(suite_spec)
    users = sorted({str(u) for u in user_ids})
    df = read_table(db_path, spec, users, relation=relation)
    return validate_frame(spec, df, users=users, data_docs_dir=data_docs_dir, run_name=run_name)


# --------------------------------------------------------------------------------------------------
# engine


def add_derived_columns(spec: SuiteSpec, df: "pd.DataFrame") -> "pd.DataFrame":
    """Add the suite's derived columns (see suites.py) to a copy of `df`."""
    if not spec.derived_columns:
        return df
    df = df.copy()
    for name, d in spec.derived_columns.items():
        by = list(d["by"])
        if any(c not in df.columns for c in by + ([d["column"]] if "column" in d else [])):
            continue  # the missing column's own expectations report it
        grouped = df.groupby(by, dropna=False, sort=False)
        if d["op"] == "group_count":
            df[name] = grouped[by[0]].transform("size").astype("int64") if len(df) else []
        elif d["op"] == "group_sum":
            df[name] = grouped[d["column"]].transform("sum").astype("float64") if len(df) else []
    return df


def _result_format(per_user: bool) -> dict[str, Any]:
    if per_user:
        # COMPLETE gives the index of every unexpected row; the frame has a RangeIndex, so the index is
        # the row position and `user_id` is looked up with numpy. (GX's own
        # `unexpected_index_column_names` does one `df.at` per unexpected row: ~50 us each, 15 s for
        # 300k unexpected rows.)
        return {"result_format": "COMPLETE", "partial_unexpected_count": PARTIAL_UNEXPECTED_MAX,
                "return_unexpected_index_query": False}
    return {"result_format": "SUMMARY", "partial_unexpected_count": PARTIAL_UNEXPECTED_MAX}


def _gx_validate(ctx, spec: SuiteSpec, df, *, expectations=None, suite_name=None, result_format=None,
                 docs_site: str | None = None, run_name: str | None = None, docs_ids: list | None = None):
    """One GX validation of `df` in context `ctx`; returns GX's ExpectationSuiteValidationResult.

    With `docs_site`, the validation runs through a checkpoint, which stores the result in the context's
    validation results store; its identifier is appended to `docs_ids`. The checkpoint has no
    UpdateDataDocsAction: that action rebuilds the site index after every suite (seconds each);
    data_docs.py renders all pages of one build and the index once."""
    import great_expectations as gx

    try:
        source = ctx.data_sources.get("connection_score")
    except Exception:
        source = ctx.data_sources.add_pandas("connection_score")
    asset_name = spec.relation
    try:
        asset = source.get_asset(asset_name)
    except Exception:
        asset = source.add_dataframe_asset(asset_name)
    try:
        batch_def = asset.get_batch_definition("frame")
    except Exception:
        batch_def = asset.add_batch_definition_whole_dataframe("frame")
    suite = spec.build(expectations, name=suite_name)
    if docs_site is None:
        batch = batch_def.get_batch(batch_parameters={"dataframe": df})
        return batch.validate(suite, result_format=result_format)

    from great_expectations.core.run_identifier import RunIdentifier

    # The same suite may be run on several frames in one docs build: reuse its checkpoint.
    checkpoint_name = f"{spec.name}.checkpoint"
    if checkpoint_name in {c.name for c in ctx.checkpoints.all()}:
        checkpoint = ctx.checkpoints.get(checkpoint_name)
    else:
        suite = ctx.suites.add(suite)
        vd = ctx.validation_definitions.add(
            gx.ValidationDefinition(name=spec.name, data=batch_def, suite=suite))
        checkpoint = ctx.checkpoints.add(gx.Checkpoint(
            name=checkpoint_name,
            validation_definitions=[vd],
            actions=[],
            result_format=result_format,
        ))
    result = checkpoint.run(batch_parameters={"dataframe": df}, run_id=RunIdentifier(run_name=run_name))
    key, value = next(iter(result.run_results.items()))
    if docs_ids is not None:
        docs_ids.append(key)
    return value


def run_suite(ctx, spec: SuiteSpec, df: "pd.DataFrame", *, users: Sequence[str] | None = None,
              docs_site: str | None = None, run_name: str | None = None) -> ValidationSummary:
    """Validate `df` with `spec` in an existing GX context and build the per-user summary."""
    import numpy as np
    import pandas as pd

    started = time.perf_counter()
    per_user = USER_COLUMN in df.columns
    frame = add_derived_columns(spec, df.reset_index(drop=True))
    docs_ids: list[Any] = []
    gx_result = _gx_validate(ctx, spec, frame, result_format=_result_format(per_user),
                             docs_site=docs_site, run_name=run_name, docs_ids=docs_ids)
    by_index = _results_by_index(spec, gx_result)

    positions: dict[Any, Any] = {}
    user_keys: list[Any] = []
    if per_user:
        user_codes, uniques = pd.factorize(frame[USER_COLUMN], use_na_sentinel=True)
        user_uniques = [str(u) for u in uniques]
        order = np.argsort(user_codes, kind="stable")
        bounds = np.searchsorted(user_codes[order], np.arange(-1, len(user_uniques) + 1))
        for code in range(-1, len(user_uniques)):
            rows = order[bounds[code + 1]:bounds[code + 2]]
            if len(rows):
                positions[None if code < 0 else user_uniques[code]] = rows
        requested = list(users) if users is not None else []
        user_keys = sorted({*requested, *(k for k in positions if k is not None)}, key=str)
        if None in positions:
            user_keys.append(None)

    partial: dict[int, dict[str, Any]] = {}
    rerun: dict[int, list[Any]] = {}
    for e in spec.expectations:
        r = by_index[e.index]
        res = r.result or {}
        exc_message = _exception_message(r.exception_info)
        raised = exc_message is not None
        by_user: Counter = Counter()
        if per_user and isinstance(res.get("unexpected_index_list"), list) and res["unexpected_index_list"]:
            rows = np.asarray(res["unexpected_index_list"], dtype=np.int64)
            codes, counts = np.unique(user_codes[rows], return_counts=True)
            for code, count in zip(codes.tolist(), counts.tolist()):
                by_user[None if code < 0 else user_uniques[code]] += int(count)
        failed: list[Any] = []
        if not per_user:
            pass
        elif raised:
            failed = list(user_keys)
        elif e.is_shape:
            failed = [] if r.success else list(user_keys)
        elif e.type in ROW_COUNT:
            failed = [u for u in user_keys if not _row_count_ok(e, len(positions.get(u, ())))]
        elif "unexpected_index_list" in res:
            mostly = e.kwargs.get("mostly", 1)
            candidates = [u for u in user_keys if by_user.get(u)]
            if e.type in ROW_WISE and (mostly is None or mostly >= 1):
                failed = candidates
            elif e.type == "expect_column_values_to_not_be_null" and candidates:
                # GX: success = (domain rows - nulls) / domain rows >= mostly, where the domain is the
                # rows matching row_condition; computed per user without re-running GX.
                domain = _domain_rows_per_user(frame, e, user_codes, user_uniques)
                failed = [u for u in candidates
                          if (domain.get(u, 0) - by_user[u]) / max(domain.get(u, 0), 1) < mostly]
            else:
                rerun[e.index] = candidates
        else:
            rerun[e.index] = list(user_keys)
        partial[e.index] = {"r": r, "res": res, "exc": exc_message, "raised": raised, "by_user": by_user,
                            "failed": failed}

    if rerun:
        for e_index, failed_now in _rerun_per_user(ctx, spec, frame, positions, rerun).items():
            partial[e_index]["failed"] = failed_now

    results = []
    for e in spec.expectations:
        p = partial[e.index]
        r, res = p["r"], p["res"]
        batch_success = bool(r.success)
        failed = tuple(p["failed"])
        success = batch_success if not per_user else (not failed and not p["raised"])
        exc_text = p["exc"][:500] if p["raised"] else None
        plist = res.get("partial_unexpected_list") or []
        results.append(ExpectationResult(
            index=e.index, type=e.type, column=e.column, kwargs=dict(e.kwargs), severity=e.severity,
            why=e.why, success=bool(success), batch_success=batch_success,
            observed_value=_jsonable(res.get("observed_value")),
            element_count=res.get("element_count"),
            unexpected_count=res.get("unexpected_count"),
            unexpected_percent=_round(res.get("unexpected_percent")),
            partial_unexpected_list=tuple(_jsonable(list(plist[:PARTIAL_UNEXPECTED_MAX]))),
            unexpected_by_user=dict(sorted(p["by_user"].items(), key=lambda kv: str(kv[0]))),
            failed_users=failed,
            exception=exc_text,
        ))
    users_out = tuple(u for u in user_keys if u is not None) if per_user else tuple(users or ())
    return ValidationSummary(
        suite_name=spec.name, relation=spec.relation, stage=spec.stage, results=tuple(results),
        row_count=len(df), users=users_out, duration_s=time.perf_counter() - started, per_user=per_user,
        docs_result_id=docs_ids[0] if docs_ids else None,
    )


def _domain_rows_per_user(frame, e: ExpectationSpec, user_codes, user_uniques) -> dict[Any, int]:
    """Rows per user that an expectation considers (its row_condition applied as GX applies it)."""
    import numpy as np

    rows = np.arange(len(frame))
    condition = e.kwargs.get("row_condition")
    if condition:
        from great_expectations.execution_engine import PandasExecutionEngine
        from great_expectations.expectations.row_conditions import deserialize_row_condition

        clause = PandasExecutionEngine().condition_to_filter_clause(deserialize_row_condition(condition))
        rows = frame.query(clause).index.to_numpy()
    codes, counts = np.unique(user_codes[rows], return_counts=True)
    return {(None if c < 0 else user_uniques[c]): int(n) for c, n in zip(codes.tolist(), counts.tolist())}


def _rerun_per_user(ctx, spec: SuiteSpec, frame, positions, rerun: dict[int, list[Any]]) -> dict[int, list[Any]]:
    """Validate each candidate user's rows alone, with only the expectations that need it."""
    by_user: dict[Any, list[int]] = {}
    for e_index, users in rerun.items():
        for u in users:
            by_user.setdefault(u, []).append(e_index)
    failed: dict[int, list[Any]] = {i: [] for i in rerun}
    exps = {e.index: e for e in spec.expectations}
    for u, indexes in by_user.items():
        idx = positions.get(u)
        sub = frame.iloc[idx] if idx is not None else frame.iloc[0:0]
        subset = tuple(exps[i] for i in sorted(indexes))
        result = _gx_validate(ctx, spec, sub.reset_index(drop=True), expectations=subset,
                              suite_name=f"{spec.name}.per_user", result_format="BASIC")
        for i, r in _results_by_index(spec, result, subset).items():
            if not r.success:
                failed[i].append(u)
    return failed


def _results_by_index(spec: SuiteSpec, gx_result, subset: tuple[ExpectationSpec, ...] | None = None) -> dict:
    """Map GX results back to suite positions (GX may reorder): by meta.suite_index."""
    expected = {e.index for e in (subset if subset is not None else spec.expectations)}
    out = {}
    for r in gx_result.results:
        meta = r.expectation_config.meta or {}
        out[meta.get("suite_index")] = r
    if set(out) != expected:
        raise RuntimeError(f"{spec.name}: GX returned results for {sorted(map(str, out))}, "
                           f"expected {sorted(expected)}")
    return out


def _row_count_ok(e: ExpectationSpec, n: int) -> bool:
    k = e.kwargs
    if e.type == "expect_table_row_count_to_equal":
        return n == k.get("value")
    lo, hi = k.get("min_value"), k.get("max_value")
    if lo is not None and (n <= lo if k.get("strict_min") else n < lo):
        return False
    if hi is not None and (n >= hi if k.get("strict_max") else n > hi):
        return False
    return True


# --------------------------------------------------------------------------------------------------
# Dagster side


def to_check_metadata(summary: ValidationSummary) -> dict[str, Any]:
    """Dagster metadata for an asset check: counts, a Markdown table of expectations, full JSON."""
    import dagster as dg

    md = ["| # | expectation | column | severity | result | observed | unexpected | % | sample | failed users |",
          "|---|---|---|---|---|---|---|---|---|---|"]
    for r in summary.results:
        status = "pass" if r.success else ("**FAIL**" if r.severity == "error" else "warn")
        sample = ", ".join(_md(v) for v in r.partial_unexpected_list[:5])
        users = ", ".join("(null user_id)" if u is None else str(u) for u in r.failed_users[:10])
        if len(r.failed_users) > 10:
            users += f" (+{len(r.failed_users) - 10})"
        observed = r.exception or ("" if r.observed_value is None else _md(r.observed_value))
        pct = "" if r.unexpected_percent is None else f"{r.unexpected_percent:.3g}"
        md.append(f"| {r.index} | `{r.type}` | {_md(r.column or '')} | {r.severity} | {status} | "
                  f"{observed[:120]} | {'' if r.unexpected_count is None else r.unexpected_count} | {pct} | "
                  f"{sample[:200]} | {users} |")
    meta: dict[str, Any] = {
        "suite": summary.suite_name,
        "relation": summary.relation,
        "outcome": summary.outcome,
        "row_count": dg.MetadataValue.int(summary.row_count),
        "users_validated": dg.MetadataValue.int(len(summary.users)),
        "failed_users": dg.MetadataValue.json(list(summary.failed_users)),
        "warned_users": dg.MetadataValue.json(list(summary.warned_users)),
        "expectations_evaluated": dg.MetadataValue.int(len(summary.results)),
        "validated_by": summary.engine,
        "expectations_failed": dg.MetadataValue.int(len(summary.failures)),
        "expectations": dg.MetadataValue.md("\n".join(md)),
        "results": dg.MetadataValue.json([r.to_dict() for r in summary.results]),
        "duration_s": dg.MetadataValue.float(round(summary.duration_s, 3)),
    }
    if summary.screen_note:
        meta["screen"] = dg.MetadataValue.text(summary.screen_note)
    if summary.data_docs_page is not None:
        meta["data_docs"] = dg.MetadataValue.path(str(summary.data_docs_page))
    if summary.data_docs_index is not None:
        meta["data_docs_index"] = dg.MetadataValue.path(str(summary.data_docs_index))
    return meta


def to_asset_check_result(summary: ValidationSummary, *, asset_key: Any = None,
                          check_name: str | None = None) -> "dg.AssetCheckResult":
    """passed=True when nothing failed; a warning-only failure is passed=False + WARN (not blocking);
    any error-severity failure is passed=False + ERROR (blocks downstream of a blocking check)."""
    import dagster as dg

    severity = dg.AssetCheckSeverity.WARN if summary.outcome == OUTCOME_WARN else dg.AssetCheckSeverity.ERROR
    kwargs: dict[str, Any] = {}
    if asset_key is not None:
        kwargs["asset_key"] = asset_key
    if check_name is not None:
        kwargs["check_name"] = check_name
    return dg.AssetCheckResult(passed=summary.passed, severity=severity,
                               metadata=to_check_metadata(summary), **kwargs)


def check_table(
    db_path: str | Path,
    suite_spec: SuiteSpec | str | Path,
    user_ids: Iterable[str],
    *,
    asset_key: Any = None,
    check_name: str | None = None,
    data_docs_dir: str | Path | None = None,
    run_name: str | None = None,
) -> "dg.AssetCheckResult":
    """What a blocking `@asset_check` body returns: validate the users' rows and map the outcome; any
    exception (missing table, unreadable suite, ...) becomes an explicit ERROR result, because a check
    that raises does not block downstream assets."""
    name = getattr(suite_spec, "name", str(suite_spec))
    try:
        summary = validate_table(db_path, suite_spec, user_ids, data_docs_dir=data_docs_dir, run_name=run_name)
    except Exception as exc:  # noqa: BLE001 - reported as a failed check
        return failed_check_result(exc, suite_name=name, asset_key=asset_key, check_name=check_name)
    return to_asset_check_result(summary, asset_key=asset_key, check_name=check_name)


def failed_check_result(error: BaseException, *, suite_name: str = "", asset_key: Any = None,
                        check_name: str | None = None) -> "dg.AssetCheckResult":
    """An explicit ERROR result for a check that could not run (a blocking check that raises does not
    block downstream: turn exceptions into a failed result instead)."""
    import dagster as dg

    kwargs: dict[str, Any] = {}
    if asset_key is not None:
        kwargs["asset_key"] = asset_key
    if check_name is not None:
        kwargs["check_name"] = check_name
    return dg.AssetCheckResult(passed=False, severity=dg.AssetCheckSeverity.ERROR, metadata={
        "suite": suite_name, "outcome": "error",
        "error": dg.MetadataValue.text(f"{type(error).__name__}: {error}"[:2000]),
    }, **kwargs)


# --------------------------------------------------------------------------------------------------
# helpers


def _quote(ident: str) -> str:
    return '"' + ident.replace('"', '""') + '"'


def _exception_message(info: Any) -> str | None:
    """GX's exception_info is either {"raised_exception": ..., "exception_message": ...} or, when a
    metric failed, {<metric id>: {...}}: return the first message of a raised exception, else None."""
    if not isinstance(info, dict):
        return None
    if info.get("raised_exception"):
        return str(info.get("exception_message") or "exception raised")
    for v in info.values():
        if isinstance(v, dict) and v.get("raised_exception"):
            return str(v.get("exception_message") or "exception raised")
    return None


def _isna(v: Any) -> bool:
    if v is None:
        return True
    try:
        return bool(v != v)  # NaN / NaT
    except Exception:
        return False


def _round(v: Any) -> float | None:
    if v is None:
        return None
    try:
        f = float(v)
    except (TypeError, ValueError):
        return None
    return None if math.isnan(f) else round(f, 6)


def _md(v: Any) -> str:
    return str(v).replace("|", "\\|").replace("\n", " ")


def _jsonable(v: Any) -> Any:
    """Plain JSON types (numpy scalars, timestamps, NaN -> None, ...)."""
    if v is None or isinstance(v, (bool, int, str)):
        return v
    if isinstance(v, float):
        return None if math.isnan(v) else v
    if isinstance(v, dict):
        return {str(k): _jsonable(x) for k, x in v.items()}
    if isinstance(v, (list, tuple, set)):
        return [_jsonable(x) for x in v]
    if hasattr(v, "item") and callable(v.item):
        try:
            return _jsonable(v.item())
        except (ValueError, TypeError):
            pass
    if hasattr(v, "isoformat"):
        try:
            return v.isoformat()
        except ValueError:  # NaT
            return None
    return str(v)
