"""Strict loader for the Great Expectations suites kept as plain JSON under `expectations/`.

One file per validated table, at `expectations/<stage>/<table>.json`:

    {
      "name": "raw.connections",                 # must be "<stage>.<table>"
      "table": "connections",                    # relation = "<stage>.<table>" unless "schema.table" given
      "stage": "raw",                            # raw | staging | intermediate | marts
      "description": "...",                      # optional
      "columns_used": ["user_id", ...],          # optional; default: every column an expectation reads
      "derived_columns": {"_user_row_count": {"op": "group_count", "by": ["user_id"]}},   # optional
      "expectations": [
        {"type": "expect_column_values_to_not_be_null",
         "kwargs": {"column": "user_id"},
         "meta": {"severity": "error", "why": "every row belongs to a tenant"}}
      ]
    }

Why strict: GX *silently drops* an expectation whose type it does not know (a typo), and the suite then
passes with 0 of 0 expectations evaluated. The loader checks each type against the GX registry, builds
each expectation on its own (so the error names the file, the index and the type), then compares the
number of expectations GX kept with the number in the file. It also rejects unknown keys, a missing
`why`, an unknown severity, columns not in the suite's declared column set, and string row conditions.

Severity: `meta.severity` is `error` (default; blocks downstream) or `warning` (reported, never blocks).
It is mirrored into GX's own `severity` field (`critical` / `warning`) so Data Docs show it too.

Derived columns (computed by `validation.py` on the pandas frame before GX sees it, named with a leading
underscore): they express per-user rules that GX cannot state over a batch holding many users.
  - `{"op": "group_count", "by": [cols]}`: number of rows in the row's group (e.g. rows per user);
  - `{"op": "group_sum", "column": c, "by": [cols]}`: sum of `c` over the row's group.

Value sets from the dbt seeds: `"value_set": {"$seed": "industry_taxonomy.industry_id"}` is replaced at
load time by the distinct non-empty values of that column of `dbt_project/seeds/industry_taxonomy.csv`
(integers when every value is an integer). The seeds are the reference data dbt joins against and are
reloaded into the warehouse whenever a CSV changes, so the suite and the models never disagree, and the
suite file stays short (434 industry ids). An unknown seed or column raises `SuiteLoadError`.

Great Expectations is imported lazily (inside functions): importing this module costs nothing.
"""

from __future__ import annotations

import copy
import difflib
import json
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any, Mapping

from orchestration.settings import DBT_PROJECT_DIR, EXPECTATIONS_DIR

SEEDS_DIR = DBT_PROJECT_DIR / "seeds"
SEED_REF = "$seed"

STAGES: tuple[str, ...] = ("raw", "staging", "intermediate", "marts")
SEVERITIES: tuple[str, ...] = ("error", "warning")
GX_SEVERITY = {"error": "critical", "warning": "warning"}

_SUITE_KEYS = {"name", "table", "stage", "description", "columns_used", "derived_columns", "expectations"}
_EXPECTATION_KEYS = {"type", "kwargs", "meta"}
# Set by the validation layer, never by a suite file.
_FORBIDDEN_KWARGS = {"result_format", "catch_exceptions", "severity", "meta", "condition_parser"}
# kwargs naming columns whose *values* an expectation reads.
_VALUE_COLUMN_KWARGS = ("column", "column_A", "column_B")
_VALUE_COLUMN_LIST_KWARGS = ("column_list",)
# Expectations about the table's shape: they read column *names*, not values.
SHAPE_EXPECTATIONS = frozenset({
    "expect_table_columns_to_match_set",
    "expect_table_columns_to_match_ordered_list",
    "expect_column_to_exist",
    "expect_table_column_count_to_equal",
    "expect_table_column_count_to_be_between",
})
DERIVED_OPS = {"group_count": {"by"}, "group_sum": {"by", "column"}}


class SuiteLoadError(ValueError):
    """A suite file is not valid. The message names the file and, where relevant, the index and type."""


@dataclass(frozen=True)
class ExpectationSpec:
    index: int                      # position in the file's "expectations" list (0-based)
    type: str
    kwargs: Mapping[str, Any]
    severity: str                   # "error" | "warning"
    why: str
    meta: Mapping[str, Any]

    @property
    def is_shape(self) -> bool:
        return self.type in SHAPE_EXPECTATIONS

    @property
    def value_columns(self) -> tuple[str, ...]:
        """Columns whose values the expectation reads (incl. its row_condition), in kwargs order."""
        if self.is_shape:
            return ()
        cols: list[str] = []
        for k in _VALUE_COLUMN_KWARGS:
            if isinstance(self.kwargs.get(k), str):
                cols.append(self.kwargs[k])
        for k in _VALUE_COLUMN_LIST_KWARGS:
            if isinstance(self.kwargs.get(k), list):
                cols.extend(c for c in self.kwargs[k] if isinstance(c, str))
        cols.extend(_condition_columns(self.kwargs.get("row_condition")))
        return tuple(dict.fromkeys(cols))

    @property
    def column(self) -> str | None:
        """A display label for the column(s) the expectation is about."""
        if isinstance(self.kwargs.get("column"), str):
            return self.kwargs["column"]
        if isinstance(self.kwargs.get("column_A"), str):
            return f"{self.kwargs['column_A']}, {self.kwargs.get('column_B')}"
        if isinstance(self.kwargs.get("column_list"), list):
            return ", ".join(map(str, self.kwargs["column_list"]))
        return None

    def to_gx_dict(self, derived_columns: tuple[str, ...] = ()) -> dict[str, Any]:
        """The GX configuration. Derived columns (added to the frame by validation.py, at its end) are
        appended to a declared column set/list so table-shape expectations see the frame GX sees."""
        kwargs = copy.deepcopy(dict(self.kwargs))
        if derived_columns and self.type == "expect_table_columns_to_match_set" and isinstance(kwargs.get("column_set"), list):
            kwargs["column_set"] = kwargs["column_set"] + [c for c in derived_columns if c not in kwargs["column_set"]]
        if derived_columns and self.type == "expect_table_columns_to_match_ordered_list" and isinstance(kwargs.get("column_list"), list):
            kwargs["column_list"] = kwargs["column_list"] + [c for c in derived_columns if c not in kwargs["column_list"]]
        meta = dict(self.meta)
        meta["severity"] = self.severity
        meta["suite_index"] = self.index  # lets validation.py map GX results back to file positions
        return {
            "type": self.type,
            "kwargs": kwargs,
            "meta": meta,
            "severity": GX_SEVERITY[self.severity],
        }


@dataclass(frozen=True)
class SuiteSpec:
    name: str
    table: str
    stage: str
    path: Path
    expectations: tuple[ExpectationSpec, ...]
    columns_used: tuple[str, ...]           # columns read from the table (values), incl. derived inputs
    table_columns: tuple[str, ...] | None   # column set declared by a table-shape expectation, if any
    derived_columns: Mapping[str, Mapping[str, Any]] = field(default_factory=dict)
    description: str = ""

    @property
    def relation(self) -> str:
        """The DuckDB relation to read: `<stage>.<table>` unless the table is schema-qualified."""
        return self.table if "." in self.table else f"{self.stage}.{self.table}"

    @property
    def severities(self) -> dict[str, int]:
        out = {s: 0 for s in SEVERITIES}
        for e in self.expectations:
            out[e.severity] += 1
        return out

    def build(self, expectations: tuple[ExpectationSpec, ...] | None = None, name: str | None = None):
        """A fresh `gx.ExpectationSuite` (GX imported here). `expectations` selects a subset."""
        return _build_gx_suite(name or self.name, self.expectations if expectations is None else expectations,
                               self.path, tuple(self.derived_columns))


# --------------------------------------------------------------------------------------------------
# loading


def suite_path(path_or_name: str | Path) -> Path:
    """Resolve a suite reference: a path to a .json file, `raw.connections`, or `raw/connections`."""
    p = Path(path_or_name)
    if p.suffix == ".json":
        return p
    ref = str(path_or_name).replace("/", ".")
    stage, _, table = ref.partition(".")
    if stage not in STAGES or not table:
        raise SuiteLoadError(f"{path_or_name!r}: not a suite file nor a '<stage>.<table>' name "
                             f"(stages: {', '.join(STAGES)})")
    return EXPECTATIONS_DIR / stage / f"{table}.json"


def list_suites(stage: str | None = None, root: Path | None = None) -> list[Path]:
    """Every suite file under `expectations/` (or `root`), sorted, optionally for one stage."""
    root = EXPECTATIONS_DIR if root is None else Path(root)
    stages = STAGES if stage is None else (stage,)
    if stage is not None and stage not in STAGES:
        raise ValueError(f"unknown stage {stage!r}; expected one of {STAGES}")
    out: list[Path] = []
    for s in stages:
        out.extend(sorted((root / s).glob("*.json")))
    return out


def load_all(stage: str | None = None, root: Path | None = None) -> dict[str, SuiteSpec]:
    """Load every suite (strictly); keyed by suite name."""
    return {spec.name: spec for spec in (load_suite(p) for p in list_suites(stage, root))}


def load_suite(path_or_name: str | Path, *, build: bool = True) -> SuiteSpec:
    """Read and strictly validate one suite file; raises `SuiteLoadError` on any problem.

    `build=False` skips building the suite in GX (which imports GX, 5-7 s) for callers that build it
    before any GX validation anyway, or that state each expectation themselves and send whatever they do
    not fully recognise to GX (the DuckDB screen, screen.py): GX's own checks then still run before GX
    validates anything."""
    path = suite_path(path_or_name)
    where = str(path)
    if not path.is_file():
        raise SuiteLoadError(f"{where}: suite file not found")
    try:
        doc = json.loads(path.read_text(encoding="utf-8"))
    except json.JSONDecodeError as exc:
        raise SuiteLoadError(f"{where}: invalid JSON: {exc}") from exc
    if not isinstance(doc, dict):
        raise SuiteLoadError(f"{where}: top level must be a JSON object")
    unknown = set(doc) - _SUITE_KEYS
    if unknown:
        raise SuiteLoadError(f"{where}: unknown top-level key(s) {sorted(unknown)}; allowed: {sorted(_SUITE_KEYS)}")
    for key in ("name", "table", "stage", "expectations"):
        if key not in doc:
            raise SuiteLoadError(f"{where}: missing required key {key!r}")
    name, table, stage = doc["name"], doc["table"], doc["stage"]
    for key, val in (("name", name), ("table", table), ("stage", stage)):
        if not isinstance(val, str) or not val.strip():
            raise SuiteLoadError(f"{where}: {key!r} must be a non-empty string")
    if stage not in STAGES:
        raise SuiteLoadError(f"{where}: stage {stage!r} is not one of {STAGES}")
    if path.parent.name in STAGES and path.parent.name != stage:
        raise SuiteLoadError(f"{where}: stage {stage!r} does not match its folder {path.parent.name!r}")
    bare_table = table.rsplit(".", 1)[-1]
    if path.stem != bare_table:
        raise SuiteLoadError(f"{where}: file name must be the table name ({bare_table}.json)")
    if name != f"{stage}.{bare_table}":
        raise SuiteLoadError(f"{where}: name {name!r} must be '{stage}.{bare_table}'")

    raw_exps = doc["expectations"]
    if not isinstance(raw_exps, list) or not raw_exps:
        raise SuiteLoadError(f"{where}: 'expectations' must be a non-empty list")
    specs = tuple(_parse_expectation(where, i, e) for i, e in enumerate(raw_exps))

    derived = doc.get("derived_columns", {})
    _check_derived(where, derived)

    table_columns: tuple[str, ...] | None = None
    for e in specs:
        if e.type in ("expect_table_columns_to_match_set", "expect_table_columns_to_match_ordered_list"):
            cols = e.kwargs.get("column_set", e.kwargs.get("column_list"))
            if isinstance(cols, list):
                table_columns = tuple(dict.fromkeys((table_columns or ()) + tuple(cols)))

    referenced: list[str] = []
    for e in specs:
        for c in e.value_columns:
            if c in derived:
                continue
            if table_columns is not None and c not in table_columns:
                raise SuiteLoadError(
                    f"{where}: expectation #{e.index} ({e.type}) uses column {c!r}, which is not in the "
                    f"suite's declared column set; close matches: {difflib.get_close_matches(c, table_columns)}"
                )
            referenced.append(c)
    for spec in derived.values():
        referenced.extend(spec["by"])
        if "column" in spec:
            referenced.append(spec["column"])
    referenced = list(dict.fromkeys(referenced))

    if "columns_used" in doc:
        cu = doc["columns_used"]
        if not isinstance(cu, list) or not all(isinstance(c, str) for c in cu):
            raise SuiteLoadError(f"{where}: 'columns_used' must be a list of column names")
        missing = [c for c in referenced if c not in cu]
        if missing:
            raise SuiteLoadError(f"{where}: columns_used lacks column(s) the expectations read: {missing}")
        columns_used = tuple(dict.fromkeys(cu))
    else:
        columns_used = tuple(referenced)

    description = doc.get("description", "")
    if not isinstance(description, str):
        raise SuiteLoadError(f"{where}: 'description' must be a string")

    suite = SuiteSpec(name=name, table=table, stage=stage, path=path, expectations=specs,
                      columns_used=columns_used, table_columns=table_columns,
                      derived_columns=derived, description=description)
    # Build once now: every expectation must load in GX (raises SuiteLoadError otherwise).
    if build:
        suite.build()
    return suite


def _parse_expectation(where: str, i: int, e: Any) -> ExpectationSpec:
    if not isinstance(e, dict):
        raise SuiteLoadError(f"{where}: expectation #{i} must be an object")
    etype = e.get("type")
    label = f"{where}: expectation #{i} ({etype})"
    unknown = set(e) - _EXPECTATION_KEYS
    if unknown:
        raise SuiteLoadError(f"{label}: unknown key(s) {sorted(unknown)}; allowed: {sorted(_EXPECTATION_KEYS)}")
    if not isinstance(etype, str) or not etype:
        raise SuiteLoadError(f"{where}: expectation #{i}: 'type' must be a non-empty string")
    kwargs = e.get("kwargs", {})
    if not isinstance(kwargs, dict):
        raise SuiteLoadError(f"{label}: 'kwargs' must be an object")
    forbidden = set(kwargs) & _FORBIDDEN_KWARGS
    if forbidden:
        raise SuiteLoadError(f"{label}: kwargs {sorted(forbidden)} are set by the validation layer "
                             "(put severity in meta.severity)")
    rc = kwargs.get("row_condition")
    if rc is not None and not isinstance(rc, dict):
        raise SuiteLoadError(f"{label}: row_condition must be a GX Condition object "
                             '(e.g. {"type": "nullity", "column": {"name": "c"}, "is_null": false}); '
                             "string conditions are deprecated in GX 1.x")
    meta = e.get("meta", {})
    if not isinstance(meta, dict):
        raise SuiteLoadError(f"{label}: 'meta' must be an object")
    severity = meta.get("severity", "error")
    if severity not in SEVERITIES:
        raise SuiteLoadError(f"{label}: meta.severity {severity!r} must be one of {SEVERITIES}")
    why = meta.get("why")
    if not isinstance(why, str) or not why.strip():
        raise SuiteLoadError(f"{label}: meta.why must explain the expectation (non-empty string)")
    kwargs = copy.deepcopy(kwargs)
    for key, value in list(kwargs.items()):
        if isinstance(value, dict) and SEED_REF in value:
            if set(value) != {SEED_REF} or not isinstance(value[SEED_REF], str):
                raise SuiteLoadError(f'{label}: kwargs.{key}: a seed reference is {{"{SEED_REF}": "<seed>.<column>"}}')
            try:
                kwargs[key] = list(seed_values(value[SEED_REF]))
            except (LookupError, ValueError) as exc:
                raise SuiteLoadError(f"{label}: kwargs.{key}: {exc}") from exc
    return ExpectationSpec(index=i, type=etype, kwargs=kwargs, severity=severity,
                           why=why.strip(), meta=copy.deepcopy(meta))


@lru_cache(maxsize=32)
def seed_values(ref: str, seeds_dir: Path | None = None) -> tuple[Any, ...]:
    """Distinct non-empty values of `<seed>.<column>` in dbt_project/seeds/<seed>.csv, in file order;
    integers when every value is an integer."""
    import csv

    seed, _, column = ref.partition(".")
    path = (SEEDS_DIR if seeds_dir is None else Path(seeds_dir)) / f"{seed}.csv"
    if not seed or not column:
        raise ValueError(f"seed reference {ref!r} must be '<seed>.<column>'")
    if not path.is_file():
        raise LookupError(f"seed {seed!r} not found ({path})")
    with path.open(encoding="utf-8", newline="") as f:
        reader = csv.DictReader(f)
        if column not in (reader.fieldnames or ()):
            raise LookupError(f"seed {seed!r} has no column {column!r} (columns: {reader.fieldnames})")
        values = list(dict.fromkeys(row[column] for row in reader if (row[column] or "").strip()))
    if not values:
        raise ValueError(f"seed column {ref!r} is empty")
    if all(v.strip().lstrip("-").isdigit() for v in values):
        return tuple(int(v) for v in values)
    return tuple(values)


def _check_derived(where: str, derived: Any) -> None:
    if not isinstance(derived, dict):
        raise SuiteLoadError(f"{where}: 'derived_columns' must be an object")
    for name, spec in derived.items():
        if not name.startswith("_"):
            raise SuiteLoadError(f"{where}: derived column {name!r} must start with '_' (never a real column)")
        if not isinstance(spec, dict) or spec.get("op") not in DERIVED_OPS:
            raise SuiteLoadError(f"{where}: derived column {name!r}: 'op' must be one of {sorted(DERIVED_OPS)}")
        allowed = DERIVED_OPS[spec["op"]] | {"op"}
        if set(spec) != allowed:
            raise SuiteLoadError(f"{where}: derived column {name!r} ({spec['op']}) needs exactly keys {sorted(allowed)}")
        if not isinstance(spec["by"], list) or not spec["by"] or not all(isinstance(c, str) for c in spec["by"]):
            raise SuiteLoadError(f"{where}: derived column {name!r}: 'by' must be a non-empty list of columns")


def _condition_columns(cond: Any) -> list[str]:
    if not isinstance(cond, dict):
        return []
    out: list[str] = []
    col = cond.get("column")
    if isinstance(col, dict) and isinstance(col.get("name"), str):
        out.append(col["name"])
    for sub in cond.get("conditions", []) or []:
        out.extend(_condition_columns(sub))
    return out


# --------------------------------------------------------------------------------------------------
# GX side (lazy)


@lru_cache(maxsize=1)
def gx_setup() -> None:
    """Import GX once and keep it quiet (no progress bars; no usage statistics)."""
    import logging
    import os
    import warnings

    os.environ.setdefault("GX_ANALYTICS_ENABLED", "false")
    import great_expectations  # noqa: F401
    from great_expectations.execution_engine import pandas_execution_engine

    # GX fingerprints every pandas batch below 1 GB (md5 of hash_pandas_object over all rows) only to
    # label it in the results: 20-40 % of a stage's validation time at 1,000 users, for nothing we use.
    pandas_execution_engine.HASH_THRESHOLD = 0

    # GX 1.9+ deprecates string row conditions and condition_parser; suites never use them.
    warnings.filterwarnings("ignore", category=DeprecationWarning, module=r"great_expectations\..*")
    logging.getLogger("great_expectations").setLevel(logging.WARNING)


def new_context(validation_results_dir: str | Path | None = None):
    """A fresh ephemeral GX context (one per validation run) with progress bars off.

    `validation_results_dir`: keep validation results as JSON files there instead of in memory (used by
    data_docs.py so that Data Docs keep earlier runs); suites and everything else stay in memory."""
    gx_setup()
    import great_expectations as gx
    from great_expectations.data_context.types.base import (
        DataContextConfig,
        InMemoryStoreBackendDefaults,
        ProgressBarsConfig,
    )

    # init_temp_docs_sites=False: the default ephemeral context creates a temp directory (a Data Docs
    # site) on every call and never removes it.
    config = DataContextConfig(store_backend_defaults=InMemoryStoreBackendDefaults(init_temp_docs_sites=False))
    if validation_results_dir is not None:
        config.stores[config.validation_results_store_name] = {
            "class_name": "ValidationResultsStore",
            "store_backend": {"class_name": "TupleFilesystemStoreBackend",
                              "base_directory": str(validation_results_dir)},
        }
    ctx = gx.get_context(mode="ephemeral", project_config=config)
    ctx.variables.progress_bars = ProgressBarsConfig(globally=False, metric_calculations=False)
    return ctx


def _registered(etype: str) -> bool:
    from great_expectations.exceptions import ExpectationNotFoundError
    from great_expectations.expectations.registry import get_expectation_impl

    try:
        get_expectation_impl(etype)
        return True
    except ExpectationNotFoundError:
        return False


def _build_gx_suite(name: str, specs: tuple[ExpectationSpec, ...], path: Path, derived: tuple[str, ...] = ()):
    gx_setup()
    import great_expectations as gx
    from great_expectations.expectations.registry import list_registered_expectation_implementations

    where = str(path)
    for e in specs:
        if not _registered(e.type):
            close = difflib.get_close_matches(e.type, list_registered_expectation_implementations(), n=3)
            raise SuiteLoadError(f"{where}: expectation #{e.index}: unknown expectation type {e.type!r} "
                                 f"(GX would drop it silently); did you mean {close}?")
        try:
            one = gx.ExpectationSuite(name=name, expectations=[e.to_gx_dict(derived)])
        except Exception as exc:  # pydantic ValidationError, InvalidExpectationConfigurationError, ...
            raise SuiteLoadError(f"{where}: expectation #{e.index} ({e.type}) has invalid kwargs "
                                 f"{dict(e.kwargs)}: {exc}") from exc
        if len(one.expectations) != 1:
            raise SuiteLoadError(f"{where}: expectation #{e.index} ({e.type}) was dropped by GX")
    try:
        suite = gx.ExpectationSuite(name=name, expectations=[e.to_gx_dict(derived) for e in specs])
    except Exception as exc:
        raise SuiteLoadError(f"{where}: suite {name!r} failed to build: {exc}") from exc
    if len(suite.expectations) != len(specs):
        raise SuiteLoadError(f"{where}: GX loaded {len(suite.expectations)} of {len(specs)} expectations")
    return suite
