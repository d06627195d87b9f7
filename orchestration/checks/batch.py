"""Suites as checks over a batch of users: per-user verdicts, per-user quarantine.

A Dagster check has one result per step, but a batch holds many users. The rule: users whose rows fail
an error-severity expectation are quarantined (recorded in ops.refresh_status; later steps of the run
skip them, their previous marts stay and are flagged stale). The check result is ERROR, and so blocks
downstream, only when no user of the batch passed; when some users passed, it is WARN and names the
quarantined users, so the others complete."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import dagster as dg

from .suites import load_suite
from .validation import failed_check_result, to_asset_check_result, validate_table


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
    result = to_asset_check_result(summary, asset_key=asset_key, check_name=check_name)
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
