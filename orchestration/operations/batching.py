"""Refreshing many users in few runs: a run over a *range* of user partitions is one Dagster run, one
ingestion step, one `dbt build` and one GX import for the whole range (the ingestion asset has a
single-run backfill policy; the dbt models and the serving snapshot are not partitioned and rebuild the
users the ingestion step registered). Pure functions, tested directly."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from typing import Any

RANGE_START = "dagster/asset_partition_range_start"
RANGE_END = "dagster/asset_partition_range_end"


def contiguous_ranges(all_keys: Sequence[str], wanted: Sequence[str]) -> list[tuple[str, str]]:
    """Group `wanted` partition keys into runs of neighbours in the partition order (dynamic partitions
    keep the order they were added in, so new users form one range at the end)."""
    position = {k: i for i, k in enumerate(all_keys)}
    indices = sorted({position[k] for k in wanted if k in position})
    ranges: list[tuple[str, str]] = []
    for i in indices:
        if ranges and position[ranges[-1][1]] == i - 1:
            ranges[-1] = (ranges[-1][0], all_keys[i])
        else:
            ranges.append((all_keys[i], all_keys[i]))
    return ranges


def range_tags(start: str, end: str) -> dict[str, str]:
    return {RANGE_START: start, RANGE_END: end}


INGEST_OP = "raw__linkedin_export"
DBT_OP = "dbt_models"


def batch_run_config(refresh_date: date | None = None, weights_preset: str = "default",
                     only_changed: bool = False) -> dict[str, Any]:
    """Run config of a refresh. `only_changed` (the new-export sensor): of the users in the run's range,
    rebuild only those whose export changed or whose last refresh did not succeed."""
    config: dict[str, Any] = {"weights_preset": weights_preset}
    if refresh_date is not None:
        config["refresh_date"] = refresh_date.isoformat()
    return {"ops": {DBT_OP: {"config": config}, INGEST_OP: {"config": {"only_changed": only_changed}}}}


def covering_range(all_keys: Sequence[str], wanted: Sequence[str]) -> tuple[str, str] | None:
    """The smallest partition range holding every `wanted` key: one run for any set of users (the run
    checks the others in the range, finds their exports unchanged, and leaves them be)."""
    position = {k: i for i, k in enumerate(all_keys)}
    indices = sorted(position[k] for k in set(wanted) if k in position)
    if not indices:
        return None
    return all_keys[indices[0]], all_keys[indices[-1]]
