"""Worker: ONE run of the real `refresh_users` job over a partition range, with the job's own executor,
on the instance of $DAGSTER_HOME — what the daemon's run worker does for a RunRequest of the daily
schedule (range tags + batch_run_config) or of the new-export sensor (range tags, only_changed).

    python -m orchestration.benchmarks.dagster_run --start user-00000 --end user-00999 \
        [--refresh-date 2026-11-21] --result out.json

Writes the run's outcome and its event timeline (per step: worker start-up, compute) as JSON."""

from __future__ import annotations

import argparse
import json
import sys
import time

T_PROCESS = time.time()


def _timeline(instance, run_id: str) -> list[dict]:
    out = []
    for rec in instance.all_logs(run_id):
        ev = rec.dagster_event
        if ev is None:
            continue
        item = {"t": rec.timestamp, "type": ev.event_type_value, "step": ev.step_key}
        if ev.event_type_value == "ASSET_MATERIALIZATION":
            mat = ev.event_specific_data.materialization
            item["asset"] = "/".join(mat.asset_key.path)
            dur = mat.metadata.get("Execution Duration")
            if dur is not None:
                item["duration"] = float(getattr(dur, "value", dur))
        elif ev.event_type_value == "ASSET_CHECK_EVALUATION":
            data = ev.event_specific_data
            item["asset"] = "/".join(data.asset_key.path)
            item["passed"] = bool(data.passed)
        out.append(item)
    return out


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser()
    p.add_argument("--start", required=True)
    p.add_argument("--end", required=True)
    p.add_argument("--refresh-date", default="")
    p.add_argument("--trigger", default="daily")
    p.add_argument("--only-changed", action="store_true")
    p.add_argument("--result", required=True)
    args = p.parse_args(argv)

    t_import = time.time()
    import dagster as dg
    from datetime import date

    from orchestration.benchmarks.job_target import refresh_users_job
    from orchestration.operations.batching import batch_run_config, range_tags

    refresh = date.fromisoformat(args.refresh_date) if args.refresh_date else None
    run_config = batch_run_config(refresh_date=refresh, only_changed=args.only_changed)
    tags = {**range_tags(args.start, args.end), "connection_score/trigger": args.trigger}
    t_start = time.time()
    with dg.DagsterInstance.get() as instance:
        result = dg.execute_job(dg.reconstructable(refresh_users_job), instance=instance, tags=tags,
                                run_config=run_config, raise_on_error=False)
        t_end = time.time()
        timeline = _timeline(instance, result.run_id)
        failures = [e.message for e in result.all_events
                    if e.event_type_value in ("STEP_FAILURE", "RUN_FAILURE")]
        checks = [(e["asset"], e["passed"]) for e in timeline if e["type"] == "ASSET_CHECK_EVALUATION"]
    out = {"success": bool(result.success), "run_id": result.run_id, "start": args.start, "end": args.end,
           "t_process": T_PROCESS, "t_import": t_import, "t_execute_start": t_start, "t_execute_end": t_end,
           "failures": failures,
           "failed_steps": sorted({e["step"] for e in timeline if e["type"] == "STEP_FAILURE"}), "failed_checks": [a for a, ok in checks if not ok], "timeline": timeline}
    with open(args.result, "w") as fh:
        json.dump(out, fh)
    print(f"run {result.run_id} {'succeeded' if result.success else 'FAILED'} in {t_end - t_start:.1f} s")
    for f in failures:
        print(f, file=sys.stderr)
    return 0 if result.success else 1


if __name__ == "__main__":
    raise SystemExit(main())
