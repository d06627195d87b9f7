"""Sensor, schedule and batching logic, with Dagster's context builders."""

from __future__ import annotations

import json
import shutil
from datetime import date, datetime, timezone

import dagster as dg
import pytest

from orchestration.operations.batching import INGEST_OP, RANGE_END, RANGE_START, contiguous_ranges, covering_range
from orchestration.operations.schedules import daily_refresh, daily_run_request
from orchestration.operations.sensors import new_exports_sensor
from tests.conftest import copy_sample


def test_contiguous_ranges():
    keys = ["a", "b", "c", "d", "e"]
    assert contiguous_ranges(keys, ["b", "c", "e"]) == [("b", "c"), ("e", "e")]
    assert contiguous_ranges(keys, []) == []
    assert contiguous_ranges(keys, ["e", "a", "b", "zz"]) == [("a", "b"), ("e", "e")]


def test_covering_range_is_one_range_for_any_set_of_users():
    keys = ["a", "b", "c", "d", "e"]
    assert covering_range(keys, ["d", "b"]) == ("b", "d")
    assert covering_range(keys, ["e"]) == ("e", "e")
    assert covering_range(keys, ["zz"]) is None and covering_range(keys, []) is None


@pytest.fixture
def env_raw_root(raw_root, monkeypatch):
    monkeypatch.setenv("CONNECTION_SCORE_RAW_ROOT", str(raw_root))
    return raw_root


def _evaluate(instance, cursor=None):
    context = dg.build_sensor_context(instance=instance, cursor=cursor)
    return new_exports_sensor(context)


def test_sensor_new_user_new_export_and_no_change(samples, env_raw_root):
    instance = dg.DagsterInstance.ephemeral()
    copy_sample(samples, "2024-12-basic", env_raw_root, "alice")
    copy_sample(samples, "2021-06-partial", env_raw_root, "bob")
    (env_raw_root / "Bad Name").mkdir()

    first = _evaluate(instance)
    assert first.dynamic_partitions_requests[0].partition_keys == ["alice", "bob"]
    assert [(r.tags[RANGE_START], r.tags[RANGE_END]) for r in first.run_requests] == [("alice", "bob")]
    # sensor runs rebuild only what changed in their range; the daily run rebuilds everyone
    assert first.run_requests[0].run_config["ops"][INGEST_OP]["config"] == {"only_changed": True}
    instance.add_dynamic_partitions("users", ["alice", "bob"])

    # no change: nothing requested
    unchanged = _evaluate(instance, first.cursor)
    assert unchanged.run_requests == [] and unchanged.dynamic_partitions_requests == []

    # a new export for bob, and a new user carol
    shutil.copytree(samples / "2024-03-complete", env_raw_root / "bob" / "Complete_LinkedInDataExport_01-02-2027")
    copy_sample(samples, "2018-11-complete", env_raw_root, "carol")
    later = _evaluate(instance, unchanged.cursor)
    assert later.dynamic_partitions_requests[0].partition_keys == ["carol"]
    assert [(r.tags[RANGE_START], r.tags[RANGE_END]) for r in later.run_requests] == [("bob", "carol")]
    instance.add_dynamic_partitions("users", ["carol"])

    # new exports for alice and carol, not bob: still ONE run, over the range covering both
    shutil.copytree(samples / "2024-03-complete", env_raw_root / "alice" / "Complete_LinkedInDataExport_01-03-2027")
    shutil.copytree(samples / "2024-03-complete", env_raw_root / "carol" / "Complete_LinkedInDataExport_01-03-2027")
    both = _evaluate(instance, later.cursor)
    assert [(r.tags[RANGE_START], r.tags[RANGE_END]) for r in both.run_requests] == [("alice", "carol")]
    assert both.run_requests[0].tags["connection_score/users"] == "alice,carol"
    assert "Bad Name" not in json.loads(later.cursor)


def test_daily_run_request_covers_every_user_once_per_day():
    request = daily_run_request(["alice", "bob", "carol"], date(2026, 11, 26))
    assert request.run_key == "daily-2026-11-26"
    assert (request.tags[RANGE_START], request.tags[RANGE_END]) == ("alice", "carol")
    assert request.run_config["ops"]["dbt_models"]["config"]["refresh_date"] == "2026-11-26"
    assert request.run_config["ops"][INGEST_OP]["config"] == {"only_changed": False}
    assert daily_run_request([], date(2026, 11, 26)) is None


def test_daily_schedule_adds_new_users_and_requests_one_batch(samples, env_raw_root):
    tick = datetime(2026, 11, 26, 5, tzinfo=timezone.utc)
    copy_sample(samples, "2024-12-basic", env_raw_root, "alice")
    with dg.instance_for_test() as instance:   # schedules need an instance with a ref
        instance.add_dynamic_partitions("users", ["zed"])
        request = daily_refresh(dg.build_schedule_context(instance=instance, scheduled_execution_time=tick))
        assert instance.get_dynamic_partitions("users") == ["zed", "alice"]
        assert (request.tags[RANGE_START], request.tags[RANGE_END]) == ("zed", "alice")
        assert request.run_key == "daily-2026-11-26"
    shutil.rmtree(env_raw_root / "alice")
    with dg.instance_for_test() as empty:
        skip = daily_refresh(dg.build_schedule_context(instance=empty, scheduled_execution_time=tick))
        assert isinstance(skip, dg.SkipReason)
