"""The staging, intermediate and marts suites (expectations/<stage>/*.json) as blocking Dagster checks on
the dbt assets, one `@multi_asset_check` (one step) per stage.

Each step runs after `dbt build`, over the users this run refreshed (ops.refresh_status, status ok), and
validates all the stage's suites in one GX context with one Data Docs rendering (the folder:
$CONNECTION_SCORE_DATA_DOCS, else `data_docs/` next to the warehouse; `off` disables it). Users whose rows
fail an error-severity expectation are quarantined (`<stage>_checks`; marts keep `mart_checks`): their
score is flagged stale and the serving snapshot keeps their previously published rows. The check is ERROR
(blocking the serving snapshot, which depends on every dbt model) only when no user of the batch passed.

Nothing here imports Great Expectations: it is imported inside the check bodies (batch.py)."""


import dagster as dg

from ..operations import status
from ..resources import WarehouseResource
from ..settings import EXPECTATIONS_DIR
from .batch import gate_batch

GX_CHECK = "gx_suite"
DBT_STAGES: tuple[str, ...] = ("staging", "intermediate", "marts")
# The failed_stage recorded in ops.refresh_status (marts keep the name they always had).
FAILED_STAGE = {"staging": "staging_checks", "intermediate": "intermediate_checks", "marts": "mart_checks"}


def stage_tables(stage: str) -> list[str]:
    """Tables of a stage that have a suite file (read when definitions load: file names only)."""
    return sorted(p.stem for p in (EXPECTATIONS_DIR / stage).glob("*.json"))


def stage_key(stage: str, table: str) -> dg.AssetKey:
    return dg.AssetKey([stage, table])


def build_stage_check(stage: str, tables: list[str] | None = None) -> dg.AssetChecksDefinition:
    """One blocking multi-asset check running every suite of `stage` over the users refreshed in the run."""
    tables = stage_tables(stage) if tables is None else list(tables)
    if not tables:
        raise ValueError(f"no suite under expectations/{stage}/")

    @dg.multi_asset_check(
        name=f"{stage}_gx_suites",
        specs=[dg.AssetCheckSpec(GX_CHECK, asset=stage_key(stage, t), blocking=True,
                                 description=f"Great Expectations suite expectations/{stage}/{t}.json over the "
                                             "users refreshed in the run")
               for t in tables],
        pool="warehouse",
        description=f"The {stage} Great Expectations suites over the users refreshed in the run; failing users "
                    "are quarantined.",
    )
    def _check(context: dg.AssetCheckExecutionContext, warehouse: WarehouseResource):
        run_id = context.run.run_id
        with warehouse.connect() as con:
            users = status.refreshed_in_run(con, run_id)
        yield from gate_batch(context.log, warehouse, run_id, [(f"{stage}.{t}", stage_key(stage, t)) for t in tables],
                              users, FAILED_STAGE[stage], GX_CHECK)

    return _check


staging_gx_suites = build_stage_check("staging")
intermediate_gx_suites = build_stage_check("intermediate")
marts_gx_suites = build_stage_check("marts")

STAGE_CHECKS = [staging_gx_suites, intermediate_gx_suites, marts_gx_suites]
