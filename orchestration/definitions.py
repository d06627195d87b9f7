"""The Dagster code location (`dagster dev` from the repo root loads this via pyproject.toml)."""

from __future__ import annotations

import gc
import os

import dagster as dg

os.environ.setdefault("DAGSTER_DISABLE_TELEMETRY", "1")
os.environ.setdefault("DO_NOT_TRACK", "1")

# What a Dagster process has loaded by the end of this module (dagster, dbt-core through dagster-dbt,
# the definitions: about 270,000 objects) lives as long as the process. Python's full garbage
# collections walk every tracked object each time: in a one-user refresh's run worker, the six during
# start-up, one during the run and those at interpreter exit took about 1.5 s. Frozen objects are left
# out of every later collection (and never freed, which they would not be anyway). Once here for what
# was loaded before this module, and once at the end for what it adds.
gc.freeze()

from .assets.dbt import dbt_models, dbt_project  # noqa: E402
from .assets.raw import raw_linkedin_export, raw_tables  # noqa: E402
from .assets.serving import serving_snapshot  # noqa: E402
from .checks.stage_checks import intermediate_gx_suites, marts_gx_suites, staging_gx_suites  # noqa: E402
from .operations.jobs import refresh_users_job  # noqa: E402
from .operations.recovery import dead_run_reaper  # noqa: E402
from .operations.schedules import daily_refresh  # noqa: E402
from .operations.sensors import new_exports_sensor  # noqa: E402
from .resources import DbtResource, WarehouseResource  # noqa: E402
from .settings import Settings  # noqa: E402

settings = Settings.from_env()

defs = dg.Definitions(
    assets=[raw_linkedin_export, raw_tables, dbt_models, serving_snapshot],
    asset_checks=[staging_gx_suites, intermediate_gx_suites, marts_gx_suites],
    jobs=[refresh_users_job],
    sensors=[new_exports_sensor, dead_run_reaper],
    schedules=[daily_refresh],
    resources={
        "warehouse": WarehouseResource.from_settings(settings),
        "dbt": DbtResource.for_project(dbt_project),
    },
)
gc.freeze()   # see the top of this module
