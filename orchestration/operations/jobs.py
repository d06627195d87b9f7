"""Jobs: refreshing users means materialising every asset for their partitions."""

import dagster as dg

refresh_users_job = dg.define_asset_job(
    "refresh_users",
    selection=dg.AssetSelection.all(),
    description="Ingest the users' newest exports and rebuild their tables, checks and scores.",
)
