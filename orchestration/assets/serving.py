"""The serving snapshot: after every successful refresh, the marts (and per-user refresh status) are
published to the read-only serving file that people query."""

import dagster as dg

from ..partitions import users_partitions
from ..operations import status
from ..resources import WarehouseResource
from ..serving.publish import publish
from .dbt import dbt_models


@dg.asset(
    key=["serving", "snapshot"],
    deps=[dbt_models],
    partitions_def=users_partitions,
    backfill_policy=dg.BackfillPolicy.single_run(),
    pool="warehouse",
    group_name="serving",
    kinds={"duckdb"},
    description="Read-only DuckDB file with the marts, action lists and refresh status, replaced atomically.",
)
def serving_snapshot(context: dg.AssetExecutionContext, warehouse: WarehouseResource) -> dg.MaterializeResult:
    with warehouse.connect() as con:
        stale = status.stale_users(con)
    publication = publish(warehouse.path, warehouse.serving_file, run_id=context.run.run_id, keep_previous=stale)
    return dg.MaterializeResult(metadata={
        "path": dg.MetadataValue.path(str(publication.path)),
        "tables": dg.MetadataValue.md("| table | rows |\n|---|---|\n" + "\n".join(
            f"| {t} | {n:,} |" for t, n in sorted(publication.tables.items()))),
        "published_at": dg.MetadataValue.text(str(publication.published_at)),
        "stale_users": dg.MetadataValue.json(stale),
    })
