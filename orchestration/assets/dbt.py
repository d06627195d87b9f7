"""The dbt models as Dagster assets: every model an asset, every dbt data test an asset check.

The models are not partitioned: one `dbt build` rebuilds the rows of a whole batch of users (the users
the run's ingestion step registered in ops.refresh_status), never one invocation per user, and Dagster
records one event per model per run instead of one per model per user. Per-user state lives in the
partitioned `raw/linkedin_export` asset and in ops.refresh_status. The manifest is prepared once
(`make install`, tests' session fixture, or `dagster dev`), never parsed at import."""

from collections.abc import Iterator, Mapping, Sequence
from contextlib import contextmanager
from datetime import date, datetime, timezone
from typing import Any

import dagster as dg
from dagster_dbt import DagsterDbtTranslator, DagsterDbtTranslatorSettings, DbtProject, dbt_assets

from ..operations import status
from ..operations.dbt_parse import profile_env
from ..resources import DbtResource, WarehouseResource, environ
from ..settings import DBT_PROJECT_DIR
from . import reference_data
from .raw import RAW_EXPORT_KEY

dbt_project = DbtProject(project_dir=DBT_PROJECT_DIR)
dbt_project.prepare_if_dev()

# The formulas' dbt unit tests run in the test suite (tests/dbt), not in every refresh.
REFRESH_EXCLUDE = "resource_type:unit_test"
# Up to this many users a batch goes to dbt as a literal list: DuckDB then filters the raw tables by
# user before the staging views' normalisation runs (the refresh of one user reads one user's rows).
# Larger batches go by id (ops.dbt_batch): 10,000 ids would not fit in one command-line argument, and
# a batch that large reads most rows anyway.
LITERAL_BATCH_MAX = 500


# The run parameters macros/users.sql reads, and the environment variables that carry them.
RUN_PARAMS = ("users", "batch", "refresh_date", "weights_preset")
RUN_PARAM_ENV_PREFIX = "CONNECTION_SCORE_DBT_"


def dbt_vars(users: Sequence[str], refresh_date: date, weights_preset: str = "default",
             batch_id: str | None = None) -> dict[str, Any]:
    """The run parameters of one invocation: which users to rebuild (a literal list; or, for more than
    LITERAL_BATCH_MAX users, the id of the batch written to ops.dbt_batch), and the history day. The
    same keys work as `dbt build --vars` by hand."""
    unique = sorted(set(users))
    by_id = batch_id is not None and len(unique) > LITERAL_BATCH_MAX
    chosen: dict[str, Any] = {"batch": batch_id} if by_id else {"users": unique}
    return {**chosen, "refresh_date": refresh_date.isoformat(), "weights_preset": weights_preset}


def dbt_run_env(users: Sequence[str], refresh_date: date, weights_preset: str = "default",
                batch_id: str | None = None) -> dict[str, str]:
    """The run parameters as environment variables (CONNECTION_SCORE_DBT_USERS, ..._BATCH, ...), which is
    how the pipeline hands them to `dbt build`: --vars that change every run would make dbt parse the
    whole project every run. Every parameter is set, unset ones empty, so that nothing is inherited
    from the caller's environment. Pure, so it is unit-tested directly."""
    if not users:
        raise ValueError("a dbt batch needs at least one user")
    env = {RUN_PARAM_ENV_PREFIX + name.upper(): "" for name in RUN_PARAMS}
    for name, value in dbt_vars(users, refresh_date, weights_preset, batch_id).items():
        env[RUN_PARAM_ENV_PREFIX + name.upper()] = ",".join(value) if isinstance(value, list) else str(value)
    return env


# The pipeline's dbt calls write no JSON artifacts: manifest.json before the first node and again at the
# end, and run_results.json, were about 0.4 s of every call, on the way to the first model and to the
# step's end. Dagster records every node's result from dbt's log; `dbt build` by hand writes them as usual.
PIPELINE_DBT_FLAGS = ("--no-write-json",)


def dbt_seed_args() -> list[str]:
    return ["seed", "--quiet", *PIPELINE_DBT_FLAGS]


def dbt_build_args() -> list[str]:
    return ["build", *PIPELINE_DBT_FLAGS]


class ConnectionScoreTranslator(DagsterDbtTranslator):
    """Asset keys follow the warehouse: `staging/stg_...`, `intermediate/int_...`, `marts/connection_score`.
    Sources keep the key of the ingestion asset that writes them (meta.dagster.asset_key in the sources
    yml: raw/linkedin_export)."""

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


def today_utc() -> date:
    return datetime.now(timezone.utc).date()


@dbt_assets(
    manifest=dbt_project.manifest_path,
    project=dbt_project,
    select="resource_type:model",
    exclude=REFRESH_EXCLUDE,
    dagster_dbt_translator=translator,
    pool="warehouse",
    name="dbt_models",
)
def dbt_models(context: dg.AssetExecutionContext, dbt: DbtResource, warehouse: WarehouseResource,
               config: DbtBatchConfig):
    run_id = context.run.run_id
    with warehouse.connect() as con:
        users = status.pending(con, run_id)
        # When the run ingests, the ingestion step decides who is rebuilt, and nobody is a valid answer
        # (a new-export run whose exports all turned out unchanged must not rebuild everyone).
        ingested = RAW_EXPORT_KEY in context.job_def.asset_layer.executable_asset_keys
        if not users and not ingested and not status.touched_by_run(con, run_id):
            # Materialised on its own (e.g. from the UI without the ingestion asset): rebuild every
            # loaded user.
            users = status.loaded_users(con)
            status.start(con, run_id, users)
        skipped = status.quarantined(con, run_id)
        seeds_fingerprint = reference_data.fingerprint()
        reseed = reference_data.needs_seed(con, seeds_fingerprint)
        if users:
            status.write_batch(con, run_id, users)
    if skipped:
        context.log.warning(f"skipping {len(skipped)} quarantined users (their previous results stay, flagged "
                            f"stale): {', '.join(sorted(skipped)[:50])}")
    if not users:
        context.log.info("no user to rebuild in this run")
        return
    refresh = date.fromisoformat(config.refresh_date) if config.refresh_date else today_utc()
    try:
        with dbt_env(warehouse.path):
            yield from _run_dbt(context, dbt, warehouse, users, refresh, config.weights_preset, reseed,
                                seeds_fingerprint)
    except Exception as exc:
        with warehouse.connect() as con:
            status.fail(con, run_id, "dbt", {u: f"dbt build failed: {exc}"[:500] for u in users})
        raise
    with warehouse.connect() as con:
        status.succeed(con, run_id, users)


@contextmanager
def dbt_env(path: str, run_env: Mapping[str, str] | None = None) -> Iterator[None]:
    """profiles.yml reads the warehouse path and DuckDB's memory cap from the environment, and the
    models their run parameters (`dbt_run_env`); the dbt process inherits them. Set for the dbt calls
    only: left behind, they would point later Settings.from_env() in the same process (another job, a
    test) at this warehouse."""
    with environ({**profile_env(path), **(run_env or {})}):
        yield


def _run_dbt(context: dg.AssetExecutionContext, dbt: DbtResource, warehouse: WarehouseResource,
             users: list[str], refresh: date, weights_preset: str, reseed: bool, seeds_fingerprint: str):
    if reseed:
        # Reference data (rules, taxonomy, parameters) is reloaded when a seed CSV changed, so edits
        # take effect on the next refresh without costing every refresh a `dbt seed`.
        context.log.info("seed files changed since the last load: running dbt seed")
        seed = dbt.cli(dbt_seed_args(), manifest=dbt_project.manifest_path)
        dbt.warm()   # the build's dbt server imports dbt while the seed runs
        seed.wait()
        dbt.finished(seed)
        with warehouse.connect() as con:
            reference_data.record_seed(con, seeds_fingerprint)
    with dbt_env(warehouse.path, dbt_run_env(users, refresh, weights_preset, batch_id=context.run.run_id)):
        build = dbt.cli(dbt_build_args(), context=context)
        yield from build.stream()
    dbt.finished(build)
