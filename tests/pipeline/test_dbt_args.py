"""The dbt argument builder: one invocation per batch, users sorted and de-duplicated."""

import json
from datetime import date

import pytest

from orchestration.assets.dbt import dbt_build_args, dbt_vars


def test_build_args_for_a_batch():
    args = dbt_build_args(["bob", "alice", "bob"], date(2026, 11, 26))
    assert args[:2] == ["build", "--vars"]
    assert json.loads(args[2]) == {"users": ["alice", "bob"], "refresh_date": "2026-11-26",
                                   "weights_preset": "default"}


def test_vars_carry_the_preset():
    assert dbt_vars(["a"], date(2026, 1, 2), "job_seeker")["weights_preset"] == "job_seeker"


def test_empty_batch_is_refused():
    with pytest.raises(ValueError, match="at least one user"):
        dbt_build_args([], date(2026, 11, 26))


def test_pipeline_batches_go_by_batch_id_not_a_literal_list():
    # 10,000 user ids would not fit in one command-line argument (128 KiB on Linux)
    users = [f"user-{i:05d}" for i in range(10_000)]
    args = dbt_build_args(users, date(2026, 11, 26), batch_id="run-1")
    assert json.loads(args[2]) == {"batch": "run-1", "refresh_date": "2026-11-26", "weights_preset": "default"}
    assert len(args[2]) < 200
    # small batches stay literal, so dbt reads only their rows
    small = json.loads(dbt_build_args(["b", "a"], date(2026, 11, 26), batch_id="run-2")[2])
    assert small["users"] == ["a", "b"] and "batch" not in small


def test_dbt_gets_the_warehouse_and_a_memory_cap_only_while_it_runs(monkeypatch):
    import os

    from orchestration.assets.dbt import warehouse_env
    from orchestration.settings import MEMORY_LIMIT_ENV, duckdb_memory_limit

    monkeypatch.delenv("CONNECTION_SCORE_WAREHOUSE", raising=False)
    monkeypatch.delenv(MEMORY_LIMIT_ENV, raising=False)
    total_mib = os.sysconf("SC_PHYS_PAGES") * os.sysconf("SC_PAGE_SIZE") // 2**20
    default = duckdb_memory_limit()
    assert default.endswith("MiB") and abs(int(default[:-3]) - 0.4 * total_mib) <= 1024
    with warehouse_env("/tmp/w.duckdb"):
        assert os.environ["CONNECTION_SCORE_WAREHOUSE"] == "/tmp/w.duckdb"
        assert os.environ[MEMORY_LIMIT_ENV] == default
    assert "CONNECTION_SCORE_WAREHOUSE" not in os.environ and MEMORY_LIMIT_ENV not in os.environ

    monkeypatch.setenv(MEMORY_LIMIT_ENV, "2GB")
    with warehouse_env("/tmp/w.duckdb"):
        assert os.environ[MEMORY_LIMIT_ENV] == "2GB"
    assert os.environ[MEMORY_LIMIT_ENV] == "2GB"


def test_dbt_resource_knows_its_version_without_running_dbt(tmp_path):
    import importlib.metadata
    import os
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
