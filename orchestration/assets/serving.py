"""The serving snapshot: after every successful refresh, the marts (and per-user refresh status) are
published to the read-only serving file that people query."""

import dagster as dg

from ..operations import status
from ..resources import WarehouseResource
from ..serving.publish import publish
from .dbt import dbt_models


@dg.asset(
    key=["serving", "snapshot"],
    deps=[dbt_models],
    pool="warehouse",
    group_name="serving",
    kinds={"duckdb"},
    description="Read-only DuckDB file with the marts, action lists and refresh status, replaced atomically.",
)
def serving_snapshot(context: dg.AssetExecutionContext, warehouse: WarehouseResource) -> dg.MaterializeResult:
    run_id = context.run.run_id
    with warehouse.connect() as con:
        stale = status.stale_users(con)
        refreshed = status.refreshed_in_run(con, run_id)
        failed = status.failures_in_run(con, run_id)
    publication = publish(warehouse.path, warehouse.serving_file, run_id=run_id, keep_previous=stale)
    shown = sorted(failed.items())[:50]
    return dg.MaterializeResult(metadata={
        "path": dg.MetadataValue.path(str(publication.path)),
        "tables": dg.MetadataValue.md("| table | rows |\n|---|---|\n" + "\n".join(
            f"| {t} | {n:,} |" for t, n in sorted(publication.tables.items()))),
        "published_at": dg.MetadataValue.text(str(publication.published_at)),
        # incremental: a copy of the previous snapshot with the rows of the users refreshed since it swapped in
        "mode": dg.MetadataValue.text(publication.mode),
        "users_republished": dg.MetadataValue.text("all" if publication.users_replaced is None
                                                   else str(publication.users_replaced)),
        "users_refreshed": dg.MetadataValue.int(len(refreshed)),
        "users_failed": dg.MetadataValue.int(len(failed)),
        # The per-user verdict of this run, as an operator reads it: who failed, at which stage, why.
        "failed_users": dg.MetadataValue.md(
            "| user | stage | reason |\n|---|---|---|\n"
            + "\n".join(f"| {u} | {stage} | {reason[:300]} |" for u, (stage, reason) in shown)
            + (f"\n\n... and {len(failed) - len(shown)} more: `select * from refresh_status where "
               "last_attempt_status = 'failed'`" if len(failed) > len(shown) else "")
            if failed else "none"),
        "stale_users": dg.MetadataValue.int(len(stale)),
        "stale_user_ids": dg.MetadataValue.text(", ".join(stale[:200]) + (" ..." if len(stale) > 200 else "")),
    })
