"""The Dagster code location as an operator sees it: per-user partitions on ingestion, every dbt model an
asset downstream of the raw tables, dbt tests and GX suites as checks, the schedule and both sensors."""

from __future__ import annotations

import dagster as dg


def test_graph_lineage_checks_schedule_and_sensors():
    from orchestration.definitions import defs

    graph = defs.resolve_asset_graph()
    keys = {k.to_user_string() for k in graph.get_all_asset_keys()}
    assert graph.get(dg.AssetKey(["raw", "linkedin_export"])).partitions_def is not None
    assert {"raw/connections", "staging/stg_linkedin__connections", "intermediate/int_interactions",
            "marts/connection_score", "serving/snapshot"} <= keys
    # lineage: a staging model reads its raw table, which comes from the per-user ingestion
    assert dg.AssetKey(["raw", "connections"]) in graph.get(
        dg.AssetKey(["staging", "stg_linkedin__connections"])).parent_keys
    assert dg.AssetKey(["raw", "linkedin_export"]) in graph.get(dg.AssetKey(["raw", "connections"])).parent_keys
    checks = {(c.asset_key.to_user_string(), c.name) for c in graph.asset_check_keys}
    assert ("marts/connection_score", "column_rules_connection_score") in checks        # a dbt test
    assert ("marts/connection_score", "gx_suite") in checks                             # a GX suite
    assert ("raw/connections", "gx_suite") in checks
    assert {s.name for s in defs.sensors} == {"new_exports_sensor", "dead_run_reaper"}
    assert [s.name for s in defs.schedules] == ["daily_refresh"]


def test_loading_the_code_location_freezes_its_objects_out_of_garbage_collection():
    """A run worker's full garbage collections (six during start-up, one during the run, those at exit)
    walked every object of dagster, dbt-core and the definitions: about 1.5 s of a one-user refresh.
    The code location freezes them once loaded. Checked in a fresh interpreter, as a run worker loads it."""
    import subprocess
    import sys

    probe = ("import gc, orchestration.definitions; "
             "print(gc.get_freeze_count(), len(gc.get_objects()))")
    out = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True).stdout
    frozen, collectable = (int(n) for n in out.split())
    assert frozen > 100_000                       # dagster + dbt-core + the definitions
    assert collectable < frozen / 10              # what later collections still walk
