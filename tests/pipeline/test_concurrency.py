"""Operations under stress, with real run workers (separate processes) on a real instance configured by
the repo's dagster.yaml (re-rooted in a temp dir):

- two refreshes started at the same moment both succeed: the `warehouse` pool serialises their steps, so
  neither meets DuckDB's file lock; a reader holding the serving file open meanwhile keeps working and sees
  the new data when it opens the file again;
- a refresh SIGKILLed in the middle of `dbt build` leaves the warehouse and the serving file consistent;
  the dead-run reaper marks it failed and frees its pool slot, and the next refresh completes."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from datetime import date
from pathlib import Path

import dagster as dg
import duckdb
import pytest

from orchestration.benchmarks.instance import make_home
from orchestration.generator import generate_export
from orchestration.operations.recovery import find_dead_runs, recover
from orchestration.settings import REPO_ROOT

pytestmark = pytest.mark.slow


class Deployment:
    """A Dagster home + data dir; runs are launched as the daemon's run worker would (own process)."""

    def __init__(self, root: Path):
        self.root = root
        self.home = root / "dagster_home"
        self.data = root / "data"
        self.raw = self.data / "raw"
        self.raw.mkdir(parents=True)
        make_home(self.home)
        # only this deployment's paths: no CONNECTION_SCORE_* setting inherited from the test process
        inherited = {k: v for k, v in os.environ.items() if not k.startswith("CONNECTION_SCORE_")}
        self.env = {**inherited, "DAGSTER_HOME": str(self.home), "CONNECTION_SCORE_DATA_DIR": str(self.data),
                    "DAGSTER_DISABLE_TELEMETRY": "1", "DO_NOT_TRACK": "1"}
        self.runs = 0

    @property
    def serving(self) -> Path:
        return self.data / "serving.duckdb"

    @property
    def warehouse(self) -> Path:
        return self.data / "warehouse.duckdb"

    def instance(self) -> dg.DagsterInstance:
        return dg.DagsterInstance.from_config(str(self.home))

    def add_user(self, user: str, seed: int, as_of: date = date(2026, 11, 20)) -> None:
        generate_export(self.raw / user, persona="new_grad", seed=seed, n_connections=60, as_of=as_of)
        with self.instance() as instance:
            if user not in instance.get_dynamic_partitions("users"):
                instance.add_dynamic_partitions("users", [user])

    def start(self, first: str, last: str) -> tuple[subprocess.Popen, Path]:
        self.runs += 1
        result = self.root / f"run-{self.runs}.json"
        cmd = [sys.executable, "-m", "orchestration.benchmarks.dagster_run", "--start", first, "--end", last,
               "--refresh-date", "2026-11-26", "--result", str(result)]
        log = (self.root / f"run-{self.runs}.log").open("w")
        # own process group: the kill test takes down the worker and its dbt child together
        proc = subprocess.Popen(cmd, cwd=REPO_ROOT, env=self.env, stdout=log, stderr=subprocess.STDOUT,
                                start_new_session=True)
        return proc, result

    def finish(self, proc: subprocess.Popen, result: Path, timeout: float = 900) -> dict:
        try:
            proc.wait(timeout=timeout)
        finally:
            if proc.poll() is None:
                os.killpg(proc.pid, signal.SIGKILL)
        out = json.loads(result.read_text())
        assert out["success"], out["failures"]
        return out

    def refresh(self, first: str, last: str) -> dict:
        return self.finish(*self.start(first, last))


def scores(path: Path) -> dict[str, float]:
    with duckdb.connect(str(path), read_only=True) as con:
        return dict(con.execute("select user_id, total_score from connection_score").fetchall())


def test_two_refreshes_at_once_both_succeed_and_readers_keep_working(tmp_path):
    dep = Deployment(tmp_path)
    dep.add_user("anna", seed=1)
    dep.add_user("ben", seed=2)
    dep.refresh("anna", "anna")
    assert set(scores(dep.serving)) == {"anna"}

    reader = duckdb.connect(str(dep.serving), read_only=True)     # an analyst's open session
    try:
        # two refreshes triggered together (e.g. the schedule and the sensor)
        both = [dep.start("anna", "anna"), dep.start("ben", "ben")]
        reads = 0
        while any(proc.poll() is None for proc, _ in both):
            assert reader.execute("select count(*) from connection_score").fetchone()[0] == 1
            reads += 1
            time.sleep(0.5)
        outs = [dep.finish(proc, result) for proc, result in both]
        assert all(out["success"] for out in outs) and reads > 0
        for out in outs:
            assert not any("lock" in f.lower() for f in out["failures"])
        # the open session still reads its snapshot; a new one sees both users
        assert reader.execute("select user_id from connection_score").fetchall() == [("anna",)]
    finally:
        reader.close()
    assert set(scores(dep.serving)) == {"anna", "ben"}


def _wait_for_step(dep: Deployment, run_started_after: float, step: str, timeout: float = 600) -> str:
    deadline = time.time() + timeout
    while time.time() < deadline:
        with dep.instance() as instance:
            for run in instance.get_runs(limit=5):
                if run.status != dg.DagsterRunStatus.STARTED:
                    continue
                starts = [e for e in instance.all_logs(run.run_id, of_type=dg.DagsterEventType.STEP_START)
                          if e.step_key == step and e.timestamp >= run_started_after]
                if starts:
                    return run.run_id
        time.sleep(1)
    raise TimeoutError(f"no run reached step {step}")


def test_sigkilled_refresh_leaves_everything_consistent_and_the_next_one_completes(tmp_path):
    dep = Deployment(tmp_path)
    dep.add_user("anna", seed=1)
    dep.refresh("anna", "anna")
    before = scores(dep.serving)

    dep.add_user("anna", seed=5, as_of=date(2026, 11, 24))      # a newer export arrives
    began = time.time()
    proc, _ = dep.start("anna", "anna")
    run_id = _wait_for_step(dep, began, "dbt_models")
    time.sleep(4)                                              # inside `dbt build`
    os.killpg(proc.pid, signal.SIGKILL)
    proc.wait(timeout=30)

    # Consistent: the serving file is the last published one; the warehouse opens and reads.
    assert scores(dep.serving) == before
    with duckdb.connect(str(dep.warehouse)) as con:
        assert con.execute("select count(*) from raw.exports").fetchone()[0] == 1
        assert con.execute("select count(*) from marts.connection_score").fetchone()[0] == 1

    with dep.instance() as instance:
        assert instance.get_run_by_id(run_id).status == dg.DagsterRunStatus.STARTED   # nobody noticed yet
        dead = find_dead_runs(instance)
        assert [d.run_id for d in dead] == [run_id]
        recover(instance, dead[0])
        assert instance.get_run_by_id(run_id).status == dg.DagsterRunStatus.FAILURE
        assert find_dead_runs(instance) == []

    dep.refresh("anna", "anna")                                # would wait for ever on the pool slot
    after = scores(dep.serving)
    assert set(after) == {"anna"}
    with duckdb.connect(str(dep.serving), read_only=True) as con:
        assert con.execute("select last_attempt_status, score_is_stale from refresh_status").fetchall() == [("ok", False)]
