"""`make demo`: generate the demo users (if absent), then refresh every user through the real Dagster job
on the embedded default (DuckDB file under data/, Dagster instance from dagster.yaml), and print where the
results are."""

from __future__ import annotations

import os
import sys
import time

os.environ.setdefault("DAGSTER_DISABLE_TELEMETRY", "1")
os.environ.setdefault("DO_NOT_TRACK", "1")
os.environ.setdefault("DBT_SEND_ANONYMOUS_USAGE_STATS", "false")

import dagster as dg  # noqa: E402

from ..settings import REPO_ROOT, Settings  # noqa: E402
from .batching import batch_run_config, range_tags  # noqa: E402
from .discovery import scan  # noqa: E402


# Keep the terminal readable: step-level events stay in the run log (Dagster UI), warnings still print.
QUIET = {"loggers": {"console": {"config": {"log_level": "WARNING"}}}}


def main() -> int:
    os.chdir(REPO_ROOT)   # dagster.yaml's storage paths are relative to the repo root
    os.environ.setdefault("DAGSTER_HOME", str(REPO_ROOT))
    settings = Settings.from_env()
    users, refused = scan(settings.raw_root)
    if not users:
        from ..generator import write_demo_users

        written = write_demo_users(settings.raw_root)
        print(f"Generated {len(written)} demo users under {settings.raw_root}")
        users, refused = scan(settings.raw_root)
    for name in refused:
        print(f"skipping data/raw/{name}: not a valid user id", file=sys.stderr)

    from ..definitions import defs

    job = defs.resolve_job_def("refresh_users")
    with dg.DagsterInstance.get() as instance:
        known = instance.get_dynamic_partitions("users")
        instance.add_dynamic_partitions("users", [u for u in sorted(users) if u not in known])
        keys = [k for k in instance.get_dynamic_partitions("users") if k in users]
        # One batch run over every user, exactly like the daily schedule: one ingestion step, one
        # `dbt build`, one validation pass.
        started = time.perf_counter()
        result = job.execute_in_process(instance=instance, tags=range_tags(keys[0], keys[-1]),
                                        run_config={**batch_run_config(), **QUIET}, raise_on_error=False)
        print(f"refreshed {len(keys)} users in one run ({result.run_id[:8]}): "
              f"{'ok' if result.success else 'FAILED'} in {time.perf_counter() - started:.1f} s")
        failed = [] if result.success else keys
    print()
    if settings.serving_path.exists():
        from ..serving.cli import render
        import duckdb

        with duckdb.connect(str(settings.serving_path), read_only=True) as con:
            print(render(con, "select user_id, total_score, band, engagement_score, diversity_score, confidence "
                              "from connection_score order by user_id"))
        print()
    print(f"Warehouse (pipeline, read-write): {settings.warehouse_path}")
    print(f"Serving snapshot (query this):    {settings.serving_path}")
    print("Open the Dagster UI with `make dev` (or `dagster dev` from the repo root): http://127.0.0.1:3000")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
