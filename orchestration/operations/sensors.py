"""The new-export sensor: adds a partition for every new user folder and requests a refresh for new
users and changed exports. No restart or code change is needed for a new user to appear."""


import json
from pathlib import Path

import dagster as dg

from ..partitions import users_partitions
from ..settings import Settings
from .batching import batch_run_config, covering_range, range_tags
from .discovery import changed_users, scan
from .jobs import refresh_users_job


@dg.sensor(job=refresh_users_job, minimum_interval_seconds=30, default_status=dg.DefaultSensorStatus.RUNNING)
def new_exports_sensor(context: dg.SensorEvaluationContext) -> dg.SensorResult:
    raw_root = Path(Settings.from_env().raw_root)
    previous: dict[str, str] = json.loads(context.cursor) if context.cursor else {}
    current, refused = scan(raw_root)
    for name in refused:
        context.log.warning(f"ignoring folder data/raw/{name}: not a valid user id "
                            "(1-63 lower-case letters, digits, '-' or '_')")
    new, changed = changed_users(previous, current)
    known = list(context.instance.get_dynamic_partitions(users_partitions.name))
    to_add = sorted(u for u in current if u not in known)
    # Partitions added by this evaluation come after the known ones, in this order.
    order = known + to_add
    # One run for all of them, over the range that covers them: the run's ingestion step checks the
    # users in between too, finds their exports unchanged and does not rebuild them (only_changed), so
    # the cost is one run's fixed overhead plus the changed users' work, not one run per range.
    covering = covering_range(order, new + changed)
    run_requests = []
    if covering:
        start, end = covering
        run_requests.append(dg.RunRequest(
            run_key="|".join(f"{u}:{current[u]}" for u in sorted(new + changed)),
            run_config=batch_run_config(only_changed=True),
            tags={**range_tags(start, end), "connection_score/trigger": "new_export",
                  "connection_score/users": ",".join(sorted(new + changed))[:1000]},
        ))
    return dg.SensorResult(
        run_requests=run_requests,
        dynamic_partitions_requests=[users_partitions.build_add_request(to_add)] if to_add else [],
        cursor=json.dumps(current, sort_keys=True),
    )
