"""The marts suites (expectations/marts/*.json) as blocking checks on the dbt mart assets.

They run after `dbt build`, over the users this run refreshed, and gate the serving snapshot. Users
whose marts fail are quarantined: their score is flagged stale and the serving snapshot keeps their
previously published rows (see serving/publish.py)."""

import dagster as dg

from ..operations import status
from ..resources import WarehouseResource
from ..settings import EXPECTATIONS_DIR
from .batch import run_suite_for_batch

GX_CHECK = "gx_suite"
MART_SUITES = sorted(p.stem for p in (EXPECTATIONS_DIR / "marts").glob("*.json"))


def mart_key(table: str) -> dg.AssetKey:
    return dg.AssetKey(["marts", table])


@dg.multi_asset_check(
    name="marts_gx_suites",
    specs=[dg.AssetCheckSpec(GX_CHECK, asset=mart_key(t), blocking=True,
                             description=f"Great Expectations suite expectations/marts/{t}.json")
           for t in MART_SUITES],
    pool="warehouse",
)
def marts_gx_suites(context: dg.AssetCheckExecutionContext, warehouse: WarehouseResource):
    run_id = context.run.run_id
    with warehouse.connect() as con:
        users = status.refreshed_in_run(con, run_id)
    quarantine: dict[str, str] = {}
    for table in MART_SUITES:
        if not users:
            yield dg.AssetCheckResult(asset_key=mart_key(table), check_name=GX_CHECK, passed=True,
                                      metadata={"users": dg.MetadataValue.int(0)},
                                      description="no user refreshed in this run")
            continue
        outcome = run_suite_for_batch(warehouse.path, f"marts.{table}", users, mart_key(table), GX_CHECK)
        for user, reason in outcome.failed_users.items():
            quarantine.setdefault(user, reason)
        yield outcome.result
    if quarantine:
        context.log.error("quarantined after mart checks: " + "; ".join(f"{u}: {r}" for u, r in quarantine.items()))
        with warehouse.connect() as con:
            status.fail(con, run_id, "mart_checks", quarantine)
