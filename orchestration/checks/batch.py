"""Suites as checks over a batch of users: per-user verdicts, per-user quarantine.

A Dagster check has one result per step, but a batch holds many users. The rule: users whose rows fail
an error-severity expectation are quarantined (recorded in ops.refresh_status; later steps of the run
skip them, their previous marts stay and are flagged stale). The check result is ERROR, and so blocks
downstream, only when no user of the batch passed; when some users passed, it is WARN and names the
quarantined users, so the others complete.

`run_suites_for_batch` screens several suites (a stage) in DuckDB (screen.py: a suite with nothing to
report is settled there), validates the others in one GX context and, with a Data Docs folder, renders
the Data Docs once for them; each GX result's metadata links its result page (`data_docs`) and the site
index (`data_docs_index`). `run_suite_for_batch` validates one suite."""

from __future__ import annotations

import dataclasses
import os
import time
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import dagster as dg
import duckdb

from ..operations import status
from ..resources import WarehouseResource
from ..settings import duckdb_memory_limit
from .screen import screen_enabled, screen_suite
from .suites import load_suite, new_context
from .validation import (ValidationSummary, failed_check_result, read_table, run_suite, to_asset_check_result,
                         validate_table)


@dataclass
class BatchCheck:
    result: dg.AssetCheckResult
    failed_users: dict[str, str]      # user -> reason


def run_suite_for_batch(warehouse_path: str | Path, suite_name: str, users: list[str], asset_key: dg.AssetKey,
                        check_name: str) -> BatchCheck:
    try:
        summary = validate_table(warehouse_path, load_suite(suite_name), users)
    except Exception as exc:  # noqa: BLE001 - a check that raises would not block: report it as failed
        return BatchCheck(failed_check_result(exc, suite_name=suite_name, asset_key=asset_key,
                                              check_name=check_name),
                          {u: f"{suite_name}: check could not run ({exc})" for u in users})
    return _batch_check(summary, suite_name, users, asset_key, check_name)


def _batch_check(summary: ValidationSummary, suite_name: str, users: list[str], asset_key: dg.AssetKey,
                 check_name: str, extra: dict[str, Any] | None = None) -> BatchCheck:
    result = to_asset_check_result(summary, asset_key=asset_key, check_name=check_name)
    if extra:
        result = _with_metadata(result, extra)
    failed = {}
    for user in summary.failed_users:
        broken = [r for r in summary.errors if user in (r.failed_users or ())] or list(summary.errors)
        detail = "; ".join(f"{r.type}({r.column or ''})" for r in broken[:3])
        failed[user] = f"{suite_name}: {detail}"
    if failed and len(failed) < len(users):
        result = dg.AssetCheckResult(
            asset_key=asset_key, check_name=check_name, passed=False, severity=dg.AssetCheckSeverity.WARN,
            metadata={**result.metadata,
                      "quarantined_users": dg.MetadataValue.json(sorted(failed)),
                      "quarantine_reasons": dg.MetadataValue.md("\n".join(f"- **{u}**: {r}"
                                                                          for u, r in sorted(failed.items())))},
            description=f"{len(failed)} of {len(users)} users failed and were quarantined; the others continue",
        )
    return BatchCheck(result, failed)


def run_suites_for_batch(warehouse_path: str | Path, suites: Sequence[tuple[str, dg.AssetKey]], users: list[str],
                         check_name: str, *, data_docs_dir: str | Path | None = None,
                         run_name: str | None = None) -> list[BatchCheck]:
    """Validate `users`' rows with each (suite name, asset key), in order, in one GX context; with
    `data_docs_dir`, store the results and render the Data Docs once (not once per suite). A suite whose
    table cannot be read gets an ERROR result and quarantines every user, like `run_suite_for_batch`;
    a Data Docs failure never fails the checks (they are re-run without docs and the error is shown)."""
    started = time.perf_counter()
    loaded: list[tuple[int, Any, Any]] = []     # (position, spec, frame)
    out: dict[int, BatchCheck] = {}

    def could_not_run(i: int, suite_name: str, asset_key: dg.AssetKey, exc: BaseException) -> None:
        out[i] = BatchCheck(failed_check_result(exc, suite_name=suite_name, asset_key=asset_key,
                                                check_name=check_name),
                            {u: f"{suite_name}: check could not run ({exc})" for u in users})

    # The DuckDB screen first (screen.py): suites with nothing to report are settled without GX; only
    # the others are read into pandas and validated by GX (and rendered in the Data Docs).
    summaries: dict[int, ValidationSummary] = {}
    notes: dict[int, str] = {}
    specs: dict[int, Any] = {}
    screening = screen_enabled()
    for i, (suite_name, asset_key) in enumerate(suites):
        try:
            # built in GX only if it goes to GX (validation._gx_validate builds it): no GX import for
            # a run whose suites all pass the screen, which refuses kwargs it does not know
            specs[i] = load_suite(suite_name, build=not screening)
        except Exception as exc:  # noqa: BLE001 - reported as a failed check
            could_not_run(i, suite_name, asset_key, exc)
    if specs and screening:
        summaries, notes = _screen_all(warehouse_path, specs, users)
    for i, spec in specs.items():
        if i in summaries:
            continue
        try:
            loaded.append((i, spec, read_table(warehouse_path, spec, users)))
        except Exception as exc:  # noqa: BLE001 - reported as a failed check
            could_not_run(i, spec.name, suites[i][1], exc)
    screened_ok = set(summaries)
    docs_meta: dict[str, Any] = {}
    if loaded and data_docs_dir is not None:
        try:
            from .data_docs import validate_and_build_docs

            found, _ = validate_and_build_docs([(spec, frame, users) for _, spec, frame in loaded],
                                               data_docs_dir, run_name=run_name)
            summaries.update({i: s for (i, _, _), s in zip(loaded, found)})
        except Exception as exc:  # noqa: BLE001 - docs are a report, never a reason to fail a check
            docs_meta["data_docs_error"] = dg.MetadataValue.text(f"{type(exc).__name__}: {exc}"[:1000])
    if loaded and not set(summaries) - screened_ok:
        ctx = new_context()
        for i, spec, frame in loaded:
            try:
                summaries[i] = run_suite(ctx, spec, frame, users=users)
            except Exception as exc:  # noqa: BLE001
                could_not_run(i, spec.name, suites[i][1], exc)
    for i, note in notes.items():
        if i in summaries:
            summaries[i] = dataclasses.replace(summaries[i], screen_note=note)
    for i, summary in summaries.items():
        suite_name, asset_key = suites[i]
        out[i] = _batch_check(summary, suite_name, users, asset_key, check_name, extra=docs_meta)
    elapsed = time.perf_counter() - started
    for check in out.values():
        # the whole step: reading every suite's rows, validating, and the Data Docs rendering
        check.result = _with_metadata(check.result, {"step_duration_s": dg.MetadataValue.float(round(elapsed, 2))})
    return [out[i] for i in range(len(suites))]


def _screen_all(warehouse_path: str | Path, specs: dict[int, Any],
                users: list[str]) -> tuple[dict[int, ValidationSummary], dict[int, str]]:
    """Screen each suite (by position) in one read-only connection: the summaries of the suites settled
    by the screen, and for the others what the screen found. Any error leaves the suite to GX."""
    summaries: dict[int, ValidationSummary] = {}
    notes: dict[int, str] = {}
    try:
        con = duckdb.connect(str(warehouse_path), read_only=True, config={"memory_limit": duckdb_memory_limit()})
    except Exception as exc:  # noqa: BLE001 - GX's own read reports it
        return {}, {i: f"not screened: {type(exc).__name__}: {exc}"[:300] for i in specs}
    with con:
        for i, spec in specs.items():
            try:
                screened = screen_suite(con, spec, users)
            except Exception as exc:  # noqa: BLE001 - GX decides
                notes[i] = f"not screened: {type(exc).__name__}: {exc}"[:300]
                continue
            if screened.summary is not None:
                summaries[i] = screened.summary
            else:
                notes[i] = screened.note
    return summaries, notes


def check_chunk_users() -> int:
    """Users validated together (CONNECTION_SCORE_CHECK_CHUNK_USERS, default 1,000): GX's pandas engine
    holds a suite's rows in memory several times over, so this bounds a check step's memory whatever the
    number of users (about 5 GiB for 1,000 average users)."""
    return max(1, int(os.environ.get("CONNECTION_SCORE_CHECK_CHUNK_USERS", "1000")))


def user_chunks(users: Sequence[str], size: int | None = None) -> list[list[str]]:
    size = size or check_chunk_users()
    return [list(users[i:i + size]) for i in range(0, len(users), size)] or [[]]


def merge_chunks(parts: Sequence[BatchCheck], users: Sequence[str], check_name: str) -> BatchCheck:
    """One suite's results over several chunks of users as one result: the same rule as for one batch
    (ERROR only when no user passed, otherwise WARN naming the quarantined users); the metadata of the
    worst chunk (the one whose failures are shown), plus the totals."""
    if len(parts) == 1:
        return parts[0]
    failed = {u: r for part in parts for u, r in part.failed_users.items()}

    def rank(part: BatchCheck) -> int:
        r = part.result
        return 0 if r.passed else (2 if part.failed_users else 1)

    worst = max(parts, key=rank)
    totals = {"users_validated": dg.MetadataValue.int(len(users)),
              "row_count": dg.MetadataValue.int(sum(int(p.result.metadata["row_count"].value)
                                                    for p in parts if "row_count" in p.result.metadata)),
              "chunks": dg.MetadataValue.int(len(parts)),
              "failed_users": dg.MetadataValue.json(sorted(failed))}
    base = worst.result
    if not failed:
        return BatchCheck(_with_metadata(base, totals), {})
    every_user_failed = len(failed) == len(users)
    result = dg.AssetCheckResult(
        asset_key=base.asset_key, check_name=check_name, passed=False,
        severity=dg.AssetCheckSeverity.ERROR if every_user_failed else dg.AssetCheckSeverity.WARN,
        metadata={**base.metadata, **totals,
                  "quarantined_users": dg.MetadataValue.json(sorted(failed)),
                  "quarantine_reasons": dg.MetadataValue.md("\n".join(f"- **{u}**: {r}"
                                                                      for u, r in sorted(failed.items())))},
        description=base.description if every_user_failed else
        f"{len(failed)} of {len(users)} users failed and were quarantined; the others continue",
    )
    return BatchCheck(result, failed)


def _with_metadata(result: dg.AssetCheckResult, extra: dict[str, Any]) -> dg.AssetCheckResult:
    return dg.AssetCheckResult(asset_key=result.asset_key, check_name=result.check_name, passed=result.passed,
                               severity=result.severity, metadata={**result.metadata, **extra},
                               description=result.description)


def gate_batch(log: Any, warehouse: WarehouseResource, run_id: str, suites: Sequence[tuple[str, dg.AssetKey]],
               users: list[str], failed_stage: str, check_name: str) -> Iterator[dg.AssetCheckResult]:
    """One step's blocking checks: run `suites` over `users` (one GX context, one Data Docs rendering),
    yield one result per suite, and quarantine the users whose rows failed (ops.refresh_status, stage
    `failed_stage`). The body shared by the raw step and the staging/intermediate/marts check steps."""
    from .data_docs import docs_dir_for

    if not users:
        for _, asset_key in suites:
            yield dg.AssetCheckResult(asset_key=asset_key, check_name=check_name, passed=True,
                                      metadata={"users": dg.MetadataValue.int(0)},
                                      description="no user refreshed in this run: nothing to validate")
        return
    chunks = user_chunks(users)
    per_chunk = [
        run_suites_for_batch(warehouse.path, suites, chunk, check_name, data_docs_dir=docs_dir_for(warehouse.path),
                             run_name=run_id if len(chunks) == 1 else f"{run_id} part {k + 1} of {len(chunks)}")
        for k, chunk in enumerate(chunks)
    ]
    outcomes = [merge_chunks([part[i] for part in per_chunk], users, check_name) for i in range(len(suites))]
    quarantine: dict[str, str] = {}
    for outcome in outcomes:
        for user, reason in outcome.failed_users.items():
            quarantine.setdefault(user, reason)
        yield outcome.result
    if quarantine:
        log.error(f"quarantined after {failed_stage}: "
                  + "; ".join(f"{u}: {r}" for u, r in list(quarantine.items())[:50]))
        with warehouse.connect() as con:
            status.fail(con, run_id, failed_stage, quarantine)
