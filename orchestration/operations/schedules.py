"""The daily refresh: every user, one batch run (see batching.py), with the day's score-history row.

Cron and time zone come from CONNECTION_SCORE_REFRESH_CRON (default "0 5 * * *") and
CONNECTION_SCORE_REFRESH_TZ (default "UTC"). The run key is the day, so a tick is never launched twice;
re-running the same day by hand rewrites the same rows (history is delete+insert on user and day)."""

import os
from datetime import date

import dagster as dg

from ..partitions import users_partitions
from ..settings import Settings
from .batching import batch_run_config, range_tags
from .discovery import scan
from .jobs import refresh_users_job

REFRESH_CRON = os.environ.get("CONNECTION_SCORE_REFRESH_CRON", "0 5 * * *")
REFRESH_TZ = os.environ.get("CONNECTION_SCORE_REFRESH_TZ", "UTC")


def daily_run_request(users: list[str], day: date) -> dg.RunRequest | None:
    """One run over the whole partition range (every user), or None when there are no users."""
    if not users:
        return None
    return dg.RunRequest(
        run_key=f"daily-{day.isoformat()}",
        run_config=batch_run_config(refresh_date=day),
        tags={**range_tags(users[0], users[-1]), "connection_score/trigger": "daily"},
    )


@dg.schedule(job=refresh_users_job, cron_schedule=REFRESH_CRON, execution_timezone=REFRESH_TZ,
             default_status=dg.DefaultScheduleStatus.RUNNING)
def daily_refresh(context: dg.ScheduleEvaluationContext):
    # Users whose folder appeared since the sensor last ran are added first, so nobody is missed.
    found, _ = scan(Settings.from_env().raw_root)
    known = context.instance.get_dynamic_partitions(users_partitions.name)
    new = [u for u in sorted(found) if u not in known]
    if new:
        context.instance.add_dynamic_partitions(users_partitions.name, new)
    users = context.instance.get_dynamic_partitions(users_partitions.name)
    request = daily_run_request(users, context.scheduled_execution_time.date())
    return request or dg.SkipReason("no users under data/raw/ yet")
