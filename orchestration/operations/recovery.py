"""Recovering from a refresh whose process died (SIGKILL, OOM killer, power loss).

A dead run worker leaves its run STARTED for ever and, worse, keeps the `warehouse` pool slot its step
had claimed: every later refresh would queue behind it. Dagster's run monitoring cannot see a dead worker
under the default run launcher (it has no worker health check), so this sensor does it: a STARTED run
whose worker process (the pid on its RUN_START event) no longer exists on this machine is marked failed
and its pool slots are freed. The warehouse needs nothing: DuckDB replays or discards its write-ahead log
on the next open, each dbt model is replaced in one transaction, and the serving file is only ever
swapped in whole, so the next refresh starts from a consistent state and rebuilds the users."""

from __future__ import annotations

import os
from collections.abc import Callable
from dataclasses import dataclass

import dagster as dg



def pid_alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:      # exists, owned by someone else
        return True
    return True


@dataclass(frozen=True)
class DeadRun:
    run_id: str
    pid: int


def find_dead_runs(instance: dg.DagsterInstance, is_alive: Callable[[int], bool] = pid_alive) -> list[DeadRun]:
    """STARTED runs whose worker process is gone."""
    dead = []
    for run in instance.get_runs(filters=dg.RunsFilter(statuses=[dg.DagsterRunStatus.STARTED])):
        starts = instance.all_logs(run.run_id, of_type=dg.DagsterEventType.RUN_START)
        pid = starts[-1].dagster_event.pid if starts and starts[-1].dagster_event else None
        if pid is not None and not is_alive(pid):
            dead.append(DeadRun(run.run_id, pid))
    return dead


def recover(instance: dg.DagsterInstance, run: DeadRun) -> None:
    """Mark the run failed and free its pool slots."""
    record = instance.get_run_by_id(run.run_id)
    if record is not None and record.status == dg.DagsterRunStatus.STARTED:
        instance.report_run_failed(record, f"run worker (pid {run.pid}) is gone: it was killed or crashed; "
                                           "the users of this run are refreshed again by the next run")
    instance.event_log_storage.free_concurrency_slots_for_run(run.run_id)


@dg.sensor(minimum_interval_seconds=60, default_status=dg.DefaultSensorStatus.RUNNING,
           description="Marks refresh runs whose process died as failed and frees their warehouse pool slot.")
def dead_run_reaper(context: dg.SensorEvaluationContext) -> dg.SkipReason:
    dead = find_dead_runs(context.instance)
    for run in dead:
        recover(context.instance, run)
        context.log.warning(f"run {run.run_id}: worker pid {run.pid} is gone; marked failed, pool slots freed")
    return dg.SkipReason(f"recovered {len(dead)} dead run(s)" if dead else "no dead runs")
