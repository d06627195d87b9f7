"""The run's dbt server (operations/dbt_server.py) and the `connection-score-dbt` client: a dbt command
runs in a process that imported dbt before it was needed, with dbt's own output and exit code, and
without a server the client is plain dbt."""

from __future__ import annotations

import os
from pathlib import Path

import dagster as dg
import pytest

from orchestration.assets.dbt import dbt_project
from orchestration.operations import dbt_client
from orchestration.resources import DBT_CLIENT, DbtResource


@pytest.fixture
def target(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("DBT_TARGET_PATH", str(tmp_path / "target"))
    return tmp_path / "target"


def _pids(invocation) -> set[int]:
    return {event.raw_event["info"]["pid"] for event in invocation.stream_raw_events()}


def test_a_warm_server_runs_the_next_dbt_command_and_exits(target: Path) -> None:
    dbt = DbtResource.for_project(dbt_project)
    assert Path(dbt.dbt_executable).name == DBT_CLIENT
    dbt.warm()
    server = dbt._server
    folder = Path(dbt._server_dir)
    invocation = dbt.cli(["parse"], manifest=dbt_project.manifest_path)
    assert _pids(invocation) == {server.pid}          # dbt ran in the server, not in a new process
    assert invocation.is_successful() and invocation.process.returncode == 0
    assert server.wait(timeout=30) == 0               # one command per server
    assert dbt._server is None
    # the next command has no server (none was warmed): the client runs dbt itself, in its own process
    again = dbt.cli(["parse"], manifest=dbt_project.manifest_path)
    assert _pids(again) == {again.process.pid}
    assert again.is_successful()
    dbt.teardown_after_execution(dg.build_init_resource_context())
    assert not folder.exists()


def test_a_failing_command_keeps_dbts_exit_code_and_error(target: Path) -> None:
    plain = DbtResource(project_dir=os.fspath(dbt_project.project_dir),
                        dbt_executable=os.fspath(dbt_client.dbt_script()))
    expected = plain.cli(["run-operation", "no_such_macro"], raise_on_error=False,
                         manifest=dbt_project.manifest_path)
    expected.wait()
    dbt = DbtResource.for_project(dbt_project)
    dbt.warm()
    served = dbt.cli(["run-operation", "no_such_macro"], raise_on_error=False, manifest=dbt_project.manifest_path)
    served.wait()
    assert expected.process.returncode != 0
    assert served.process.returncode == expected.process.returncode
    assert "no_such_macro" in str(served.get_error())
    dbt.teardown_after_execution(dg.build_init_resource_context())


def test_a_server_nobody_calls_is_stopped_at_teardown() -> None:
    dbt = DbtResource.for_project(dbt_project)
    dbt.setup_for_execution(dg.build_init_resource_context())
    server, folder = dbt._server, Path(dbt._server_dir)
    assert server.poll() is None
    dbt.teardown_after_execution(dg.build_init_resource_context())
    assert server.poll() is not None and not folder.exists()


def test_a_foreign_dbt_executable_gets_no_server(tmp_path: Path) -> None:
    dbt = DbtResource(project_dir=os.fspath(dbt_project.project_dir),
                      dbt_executable=os.fspath(dbt_client.dbt_script()))
    dbt.warm()
    assert dbt._server is None


def test_the_server_builds_dbts_validation_schemas_before_a_command_arrives() -> None:
    """dbt builds the JSON schemas of dbt_project.yml, its flags, packages and the DuckDB credentials on
    first use (about 0.3 s of a command's start); the server builds them while it waits. Fails if dbt
    moves them (the warm-up would then silently do nothing)."""
    from dbt.contracts.project import Project

    from orchestration.operations import dbt_server

    Project.json_schema.cache_clear()       # one cache for every class (a classmethod's lru_cache)
    dbt_server._warm_schemas()
    assert Project.json_schema.cache_info().currsize == 4
