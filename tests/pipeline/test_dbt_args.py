"""The dbt run parameters: one invocation per batch, users sorted and de-duplicated, handed to dbt as
environment variables (constant --vars keep dbt's partial parsing); the parse state kept between runs."""

import os
from datetime import date
from pathlib import Path

import pytest

from orchestration.assets.dbt import dbt_run_env, dbt_vars
from orchestration.resources import keep_parse_state, prune_invocation_targets

NO_PARAMS = {"CONNECTION_SCORE_DBT_USERS": "", "CONNECTION_SCORE_DBT_BATCH": "",
             "CONNECTION_SCORE_DBT_REFRESH_DATE": "", "CONNECTION_SCORE_DBT_WEIGHTS_PRESET": ""}


def test_run_env_for_a_batch():
    env = dbt_run_env(["bob", "alice", "bob"], date(2026, 11, 26))
    assert env == {**NO_PARAMS, "CONNECTION_SCORE_DBT_USERS": "alice,bob",
                   "CONNECTION_SCORE_DBT_REFRESH_DATE": "2026-11-26",
                   "CONNECTION_SCORE_DBT_WEIGHTS_PRESET": "default"}


def test_vars_carry_the_preset():
    assert dbt_vars(["a"], date(2026, 1, 2), "job_seeker")["weights_preset"] == "job_seeker"
    assert dbt_run_env(["a"], date(2026, 1, 2), "job_seeker")["CONNECTION_SCORE_DBT_WEIGHTS_PRESET"] == "job_seeker"


def test_empty_batch_is_refused():
    with pytest.raises(ValueError, match="at least one user"):
        dbt_run_env([], date(2026, 11, 26))


def test_pipeline_batches_go_by_batch_id_not_a_literal_list():
    # 10,000 user ids would not fit in one environment variable (128 KiB on Linux)
    users = [f"user-{i:05d}" for i in range(10_000)]
    env = dbt_run_env(users, date(2026, 11, 26), batch_id="run-1")
    assert env["CONNECTION_SCORE_DBT_BATCH"] == "run-1" and env["CONNECTION_SCORE_DBT_USERS"] == ""
    assert dbt_vars(users, date(2026, 11, 26), batch_id="run-1") == {
        "batch": "run-1", "refresh_date": "2026-11-26", "weights_preset": "default"}
    # small batches stay literal, so dbt reads only their rows
    small = dbt_run_env(["b", "a"], date(2026, 11, 26), batch_id="run-2")
    assert small["CONNECTION_SCORE_DBT_USERS"] == "a,b" and small["CONNECTION_SCORE_DBT_BATCH"] == ""


def test_the_parse_state_is_kept_for_the_next_invocation(tmp_path):
    project_target = tmp_path / "target"
    invocation = project_target / "dbt_models-2fa94e1-f9e1ecf"
    invocation.mkdir(parents=True)
    assert keep_parse_state(invocation, project_target) is False          # dbt wrote none (it failed early)
    (invocation / "partial_parse.msgpack").write_bytes(b"state of run 1")
    assert keep_parse_state(invocation, project_target) is True
    assert (project_target / "partial_parse.msgpack").read_bytes() == b"state of run 1"
    assert [p.name for p in project_target.iterdir() if p.name.startswith(".")] == []   # no temporary left


def test_only_the_newest_invocation_folders_are_kept(tmp_path):
    names = [f"dbt_models-{i:07x}-abcdef{i % 10}" for i in range(13)] + ["0a1b2c3"]
    for i, name in enumerate(names):
        (tmp_path / name).mkdir()
        os.utime(tmp_path / name, ns=(i * 10**9, i * 10**9))
    for kept in ("compiled", "run"):                                        # dbt's own folders stay
        (tmp_path / kept).mkdir()
        os.utime(tmp_path / kept, ns=(0, 0))
    removed = prune_invocation_targets(tmp_path, keep=10)
    assert sorted(p.name for p in removed) == sorted(names[:4])
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(names[4:] + ["compiled", "run"])
    assert prune_invocation_targets(Path(tmp_path / "missing")) == []


def test_dbt_gets_the_warehouse_and_a_memory_cap_only_while_it_runs(monkeypatch):

    from orchestration.assets.dbt import dbt_env
    from orchestration.settings import MEMORY_LIMIT_ENV, duckdb_memory_limit

    monkeypatch.delenv("CONNECTION_SCORE_WAREHOUSE", raising=False)
    monkeypatch.delenv(MEMORY_LIMIT_ENV, raising=False)
    total_mib = os.sysconf("SC_PHYS_PAGES") * os.sysconf("SC_PAGE_SIZE") // 2**20
    default = duckdb_memory_limit()
    assert default.endswith("MiB") and abs(int(default[:-3]) - 0.4 * total_mib) <= 1024
    with dbt_env("/tmp/w.duckdb"):
        assert os.environ["CONNECTION_SCORE_WAREHOUSE"] == "/tmp/w.duckdb"
        assert os.environ[MEMORY_LIMIT_ENV] == default
    assert "CONNECTION_SCORE_WAREHOUSE" not in os.environ and MEMORY_LIMIT_ENV not in os.environ
    with dbt_env("/tmp/w.duckdb", {"CONNECTION_SCORE_DBT_USERS": "alice"}):
        assert os.environ["CONNECTION_SCORE_DBT_USERS"] == "alice"
    assert "CONNECTION_SCORE_DBT_USERS" not in os.environ

    monkeypatch.setenv(MEMORY_LIMIT_ENV, "2GB")
    with dbt_env("/tmp/w.duckdb"):
        assert os.environ[MEMORY_LIMIT_ENV] == "2GB"
    assert os.environ[MEMORY_LIMIT_ENV] == "2GB"


def test_dbt_resource_knows_its_version_without_running_dbt(tmp_path):
    import importlib.metadata
    import stat

    from orchestration.assets.dbt import dbt_project
    from orchestration.resources import DbtResource

    ours = DbtResource.for_project(dbt_project)
    assert str(ours._cli_version) == importlib.metadata.version("dbt-core")

    # any other executable is still asked (`dbt --version`)
    other = tmp_path / "dbt"
    other.write_text("#!/bin/sh\necho 'Core:'\necho '  - installed: 1.10.3'\n")
    other.chmod(other.stat().st_mode | stat.S_IEXEC)
    foreign = DbtResource(project_dir=os.fspath(dbt_project.project_dir), dbt_executable=str(other))
    assert str(foreign._cli_version) == "1.10.3"


def test_dbt_resource_runs_dbt_without_opening_an_adapter_in_process(tmp_path, monkeypatch):
    """dagster-dbt would load the profile, project and adapter macros in the run worker before every
    invocation (about 2 s), only for fetch_row_counts/fetch_column_metadata; the resource skips that and
    dbt itself still runs."""
    from orchestration.assets.dbt import dbt_project
    from orchestration.resources import DbtResource

    monkeypatch.setenv("DBT_TARGET_PATH", str(tmp_path / "target"))
    invocation = DbtResource.for_project(dbt_project).cli(["parse"], manifest=dbt_project.manifest_path)
    invocation.wait()
    assert invocation.is_successful()
    assert invocation.adapter is None
    assert (tmp_path / "target").is_dir()


def test_a_parse_prepared_for_a_warehouse_is_reused_by_dbt_calls_for_that_warehouse(tmp_path):
    """`make install` parses with the profile the pipeline will use (operations/dbt_parse.py), so the first
    run does not parse the whole project again; a parse made for another warehouse is not reused."""
    import subprocess
    import sys

    from orchestration.operations.dbt_parse import prepare_parse_state, profile_env
    from orchestration.settings import DBT_PROJECT_DIR

    target = tmp_path / "target"
    ours = str(tmp_path / "warehouse.duckdb")
    prepare_parse_state(ours, target_path=target)
    assert (target / "partial_parse.msgpack").is_file() and (target / "manifest.json").is_file()

    def parse_with(warehouse: str) -> str:
        proc = subprocess.run([str(Path(sys.executable).parent / "dbt"), "parse", "--target-path", str(target)],
                              cwd=DBT_PROJECT_DIR,
                              env={**os.environ, **profile_env(warehouse)}, capture_output=True, text=True)
        assert proc.returncode == 0 and "Running with dbt" in proc.stdout, proc.stdout[-2000:]
        return proc.stdout

    changed = "Unable to do partial parsing because profile has changed"
    assert "Unable to do partial parsing" not in parse_with(ours)
    assert changed in parse_with(str(tmp_path / "other.duckdb"))


def test_pipeline_dbt_calls_write_no_json_artifacts_but_keep_the_parse_state(tmp_path, monkeypatch):
    """manifest.json (twice) and run_results.json cost about 0.4 s of every pipeline dbt call; Dagster
    records the results from dbt's log. The parse state the next call reuses is still written."""
    from orchestration.assets.dbt import PIPELINE_DBT_FLAGS, dbt_build_args, dbt_project, dbt_seed_args
    from orchestration.resources import DbtResource

    assert dbt_build_args() == ["build", "--no-write-json"]
    assert dbt_seed_args() == ["seed", "--quiet", "--no-write-json"]
    monkeypatch.setenv("DBT_TARGET_PATH", str(tmp_path / "target"))
    dbt = DbtResource.for_project(dbt_project)
    invocation = dbt.cli(["parse", *PIPELINE_DBT_FLAGS], manifest=dbt_project.manifest_path)
    invocation.wait()
    assert invocation.is_successful()
    written = {p.name for p in invocation.target_path.iterdir()}
    assert "partial_parse.msgpack" in written
    assert not {"manifest.json", "run_results.json"} & written
