"""Jobs: refreshing users means ingesting their partitions of `raw/linkedin_export`, then rebuilding
their rows in the (unpartitioned) dbt models, checks and serving snapshot."""

import dagster as dg

refresh_users_job = dg.define_asset_job(
    "refresh_users",
    selection=dg.AssetSelection.all(),
    description="Ingest the users' newest exports and rebuild their tables, checks and scores.",
    # One process for the whole run: every step opens the same DuckDB file and they run one at a time
    # anyway (the `warehouse` pool), so a process per step only added start-up time (seconds per step).
    executor_def=dg.in_process_executor,
)
