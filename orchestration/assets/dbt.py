"""The dbt models as Dagster assets, partitioned by user like the raw tables they read.

One `dbt build` per batch of users (a run over several partitions is one invocation), never one per
user: dbt's start-up and parse cost seconds. The manifest is prepared once (`make install`, tests'
session fixture, or `dagster dev`), never parsed at import."""

import json
import os
from collections.abc import Mapping, Sequence
from datetime import date
from typing import Any

import dagster as dg
from dagster_dbt import DagsterDbtTranslator, DagsterDbtTranslatorSettings, DbtCliResource, DbtProject, dbt_assets

from ..operations import status
from ..partitions import users_partitions
from ..resources import WarehouseResource
from ..settings import DBT_PROJECT_DIR

dbt_project = DbtProject(project_dir=DBT_PROJECT_DIR)
dbt_project.prepare_if_dev()


def dbt_vars(users: Sequence[str], refresh_date: date, weights_preset: str = "default") -> dict[str, Any]:
    """The --vars of one batch: which users to rebuild, and the history day."""
    return {"users": sorted(set(users)), "refresh_date": refresh_date.isoformat(), "weights_preset": weights_preset}


def dbt_build_args(users: Sequence[str], refresh_date: date, weights_preset: str = "default") -> list[str]:
    """`dbt build` for a batch of users. Pure, so it is unit-tested directly."""
    if not users:
        raise ValueError("a dbt batch needs at least one user")
    return ["build", "--vars", json.dumps(dbt_vars(users, refresh_date, weights_preset), sort_keys=True)]


def dbt_seed_args() -> list[str]:
    return ["seed", "--quiet"]


class ConnectionScoreTranslator(DagsterDbtTranslator):
    """Asset keys follow the warehouse: `staging/stg_...`, `intermediate/int_...`, `marts/connection_score`.
    Sources keep the `raw/<table>` keys of the ingestion assets (meta.dagster.asset_key in the sources yml)."""

    def get_asset_key(self, dbt_resource_props: Mapping[str, Any]) -> dg.AssetKey:
        if dbt_resource_props["resource_type"] in ("model", "seed", "snapshot"):
            folder = dbt_resource_props["fqn"][1] if len(dbt_resource_props["fqn"]) > 2 else "seeds"
            if dbt_resource_props["resource_type"] == "seed":
                folder = "seeds"
            return dg.AssetKey([folder, dbt_resource_props["name"]])
        return super().get_asset_key(dbt_resource_props)

    def get_group_name(self, dbt_resource_props: Mapping[str, Any]) -> str | None:
        if dbt_resource_props["resource_type"] == "seed":
            return "reference_data"
        fqn = dbt_resource_props.get("fqn", [])
        return fqn[1] if len(fqn) > 2 else None


translator = ConnectionScoreTranslator(settings=DagsterDbtTranslatorSettings(enable_asset_checks=True))


class DbtBatchConfig(dg.Config):
    refresh_date: str = ""          # YYYY-MM-DD; empty = today (UTC)
    weights_preset: str = "default"


@dbt_assets(
    manifest=dbt_project.manifest_path,
    project=dbt_project,
    select="resource_type:model",
    partitions_def=users_partitions,
    backfill_policy=dg.BackfillPolicy.single_run(),
    dagster_dbt_translator=translator,
    pool="warehouse",
    name="dbt_models",
)
def dbt_models(context: dg.AssetExecutionContext, dbt: DbtCliResource, warehouse: WarehouseResource,
               config: DbtBatchConfig):
    users = list(context.partition_keys)
    run_id = context.run.run_id
    with warehouse.connect() as con:
        skipped = status.quarantined(con, run_id)
    eligible = [u for u in users if u not in skipped]
    if skipped:
        context.log.warning(f"skipping quarantined users (their previous results stay, flagged stale): "
                            f"{', '.join(sorted(skipped))}")
    if not eligible:
        return
    refresh = date.fromisoformat(config.refresh_date) if config.refresh_date else dg_today()
    # profiles.yml reads the warehouse path from the environment; the dbt subprocess inherits it.
    os.environ["CONNECTION_SCORE_WAREHOUSE"] = warehouse.path
    try:
        # Reference data (rules, taxonomy, parameters) is reloaded at the start of every batch so edits
        # to the seed CSVs take effect on the next refresh; it costs one short dbt call per batch.
        dbt.cli(dbt_seed_args(), manifest=dbt_project.manifest_path).wait()
        yield from dbt.cli(dbt_build_args(eligible, refresh, config.weights_preset), context=context).stream()
    except Exception as exc:
        with warehouse.connect() as con:
            status.fail(con, run_id, "dbt", {u: f"dbt build failed: {exc}"[:500] for u in eligible})
        raise
    with warehouse.connect() as con:
        status.succeed(con, run_id, eligible)


def dg_today() -> date:
    from datetime import datetime, timezone

    return datetime.now(timezone.utc).date()
