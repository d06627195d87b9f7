"""Where a pipeline run's wall time went, from its Dagster event log (written by dagster_run). Pure."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any


def _stage(step: str) -> str:
    s = step.lower()
    if s == "raw_tables":            # the raw tables' step: row counts, then the raw GX suites
        return "raw_checks"
    if s.startswith("raw"):
        return "raw"
    if "dbt" in s:
        return "dbt"
    if "gx" in s or "check" in s:
        return "mart_checks"
    if "serving" in s:
        return "serving"
    return s


RUN_STARTUP = "run start-up (python, dagster import, definitions, run creation and planned events)"


def planned_events(result: Mapping[str, Any]) -> int:
    """Events Dagster wrote before the run started (one per asset x partition on SQLite storage)."""
    return sum(1 for e in result.get("timeline", []) if e["type"].endswith("_PLANNED"))


def run_breakdown(result: Mapping[str, Any], wall_s: float) -> dict[str, float]:
    """Seconds per part of one run: the run worker's start-up, then per step the step worker's start-up
    (a fresh Python process importing dagster and the definitions) and its compute, split further for
    ingestion vs raw GX (the raw step materialises after ingesting everyone, then runs its suites) and
    for dbt (SQL time reported by dbt vs the rest of the dbt invocations)."""
    tl = result.get("timeline", [])
    out: dict[str, float] = {}
    run_start = next((e["t"] for e in tl if e["type"] in ("PIPELINE_START", "RUN_START")), result["t_execute_start"])
    out[RUN_STARTUP] = run_start - result["t_process"]
    steps: dict[str, dict[str, float]] = {}
    first_raw_mat = None
    durations: dict[str, float] = {}    # per asset: a range run reports one materialization per partition
    for e in tl:
        step = e.get("step")
        if not step:
            continue
        s = steps.setdefault(step, {})
        kind = e["type"]
        if kind == "STEP_WORKER_STARTING":
            s.setdefault("starting", e["t"])
        elif kind == "STEP_START":
            s.setdefault("start", e["t"])
        elif kind in ("STEP_SUCCESS", "STEP_FAILURE"):
            s["end"] = e["t"]
        elif kind == "ASSET_MATERIALIZATION":
            if _stage(step) == "raw" and first_raw_mat is None:
                first_raw_mat = e["t"]
            if "duration" in e:
                durations[e.get("asset", "")] = max(durations.get(e.get("asset", ""), 0.0), e["duration"])
    dbt_sql = sum(durations.values())
    accounted = out[RUN_STARTUP]
    for step, s in steps.items():
        if "start" not in s or "end" not in s:
            continue
        stage = _stage(step)
        startup = s["start"] - s.get("starting", s["start"])
        compute = s["end"] - s["start"]
        out["step workers start-up (python, dagster import, definitions)"] = \
            out.get("step workers start-up (python, dagster import, definitions)", 0.0) + startup
        if stage == "raw_checks":
            out["raw: GX suites"] = out.get("raw: GX suites", 0.0) + compute
        elif stage == "raw" and step != "raw_linkedin_export" and first_raw_mat is not None:
            out["raw: ingestion (Python parsing + DuckDB writes)"] = compute
        elif stage == "raw" and first_raw_mat is not None:
            # older layout: one multi-asset step ingested, materialised, then ran the raw suites
            out["raw: ingestion (Python parsing + DuckDB writes)"] = first_raw_mat - s["start"]
            out["raw: GX suites"] = s["end"] - first_raw_mat
        elif stage == "dbt":
            out["dbt: SQL of the models (dbt's timing)"] = min(dbt_sql, compute)
            out["dbt: seed + build overhead (dbt start-up, parse, tests, events)"] = compute - min(dbt_sql, compute)
        elif stage == "mart_checks":
            out["dbt stages: GX suites (staging, intermediate, marts)"] = \
                out.get("dbt stages: GX suites (staging, intermediate, marts)", 0.0) + compute
        elif stage == "serving":
            out["serving snapshot"] = compute
        else:
            out[f"step {step}"] = compute
        accounted += startup + compute
    out["orchestration between steps (executor, event log, pools)"] = max(0.0, wall_s - accounted)
    return out
