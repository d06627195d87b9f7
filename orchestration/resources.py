"""Dagster resources: where the warehouse and the raw exports are."""

from __future__ import annotations

import importlib.metadata
import os
import re
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Iterator, Mapping, Sequence
from contextlib import contextmanager
from functools import cached_property
from pathlib import Path
from typing import Any

import dagster as dg
import duckdb
from dagster_dbt import DbtCliInvocation, DbtCliResource
from packaging import version
from pydantic import PrivateAttr

from .operations import dbt_client
from .settings import Settings, duckdb_memory_limit

# The `dbt` command the pipeline runs (operations/dbt_client.py, a console script of this package).
DBT_CLIENT = "connection-score-dbt"


class WarehouseResource(dg.ConfigurableResource):
    """The read-write DuckDB warehouse. Open late, close early: DuckDB allows one writer process, so no
    step may hold a connection across another step (all writers share the `warehouse` pool)."""

    path: str
    raw_root: str
    serving_path: str = ""   # the published read-only snapshot; default: next to the warehouse

    @contextmanager
    def connect(self) -> Iterator[duckdb.DuckDBPyConnection]:
        Path(self.path).parent.mkdir(parents=True, exist_ok=True)
        con = duckdb.connect(self.path, config={"memory_limit": duckdb_memory_limit()})
        try:
            yield con
        finally:
            con.close()

    @property
    def serving_file(self) -> Path:
        return Path(self.serving_path) if self.serving_path else Path(self.path).with_name("serving.duckdb")

    @classmethod
    def from_settings(cls, settings: Settings) -> "WarehouseResource":
        return cls(path=str(settings.warehouse_path), raw_root=str(settings.raw_root),
                   serving_path=str(settings.serving_path))


class DbtResource(DbtCliResource):
    """dagster-dbt's CLI resource, with four savings on every dbt step:
    - no `dbt --version` subprocess (a cold dbt start: 3-6 s). When the executable is this interpreter's
      venv's `dbt`, its version is the installed dbt-core's; any other executable is still asked;
    - no dbt adapter opened in the run worker before each invocation (about 2 s: profile, project and
      the adapter's macros loaded in-process). dagster-dbt uses it only for `fetch_row_counts()` and
      `fetch_column_metadata()`, which this project does not call, and skips both without one;
    - `finished(invocation)` keeps the invocation's parse state for the next one (see keep_parse_state)
      and prunes old invocation folders;
    - dbt-core's imports (about 2.5 s) are paid before the dbt step: when a run sets the resource up, a
      dbt server process starts (operations/dbt_server.py), and the next `cli()` call runs on it through
      `connection-score-dbt` (operations/dbt_client.py). `warm()` starts another one for a second call.
      With any other `dbt_executable` there is no server."""

    _server: subprocess.Popen | None = PrivateAttr(default=None)
    _server_dir: str | None = PrivateAttr(default=None)
    _spent: list[tuple[subprocess.Popen, str]] = PrivateAttr(default_factory=list)

    @cached_property
    def _cli_version(self) -> version.Version:
        if Path(self.dbt_executable).parent == Path(sys.executable).parent:
            return version.parse(importlib.metadata.version("dbt-core"))
        return super()._cli_version

    def _initialize_dbt_core_adapter(self, args: Sequence[str]) -> None:  # type: ignore[override]
        return None

    @classmethod
    def for_project(cls, project_dir) -> "DbtResource":
        """dbt from this interpreter's venv, whether or not the venv is activated, through the client
        that runs it on the run's dbt server."""
        return cls(project_dir=project_dir, dbt_executable=str(Path(sys.executable).parent / DBT_CLIENT))

    def setup_for_execution(self, context: dg.InitResourceContext) -> None:
        super().setup_for_execution(context)
        self.warm()

    def teardown_after_execution(self, context: dg.InitResourceContext) -> None:
        if self._server is not None:
            self._spent.append((self._server, self._server_dir or ""))
            self._server = None
            self._spent[-1][0].terminate()      # started, never called
        for process, folder in self._spent:
            try:
                process.wait(timeout=30)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait()
            shutil.rmtree(folder, ignore_errors=True)
        self._spent.clear()

    def warm(self) -> None:
        """Start a dbt server for the next `cli()` call, unless one is waiting (or dbt is not ours)."""
        if Path(self.dbt_executable).name != DBT_CLIENT:
            return
        if self._server is not None and self._server.poll() is None:
            return
        folder = tempfile.mkdtemp(prefix="dbt-server-")
        self._server = subprocess.Popen(
            [sys.executable, "-m", "orchestration.operations.dbt_server", os.path.join(folder, "socket")],
            stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        self._server_dir = folder

    def cli(self, args: Sequence[str], **kwargs: Any) -> DbtCliInvocation:  # type: ignore[override]
        server, folder = self._server, self._server_dir or ""
        self._server = None                      # one invocation per server
        env: dict[str, str] = {}
        if server is not None:
            self._spent.append((server, folder))
            if server.poll() is None:
                env = {dbt_client.SERVER_SOCKET_ENV: os.path.join(folder, "socket"),
                       dbt_client.SERVER_PID_ENV: str(server.pid)}
        with environ(env):
            return super().cli(args, **kwargs)

    def finished(self, invocation: DbtCliInvocation) -> None:
        """Call after an invocation succeeded."""
        project_target = project_target_path(Path(self.project_dir))
        keep_parse_state(invocation.target_path, project_target)
        prune_invocation_targets(project_target)


@contextmanager
def environ(values: Mapping[str, str]) -> Iterator[None]:
    """`values` in os.environ for the block only (dagster-dbt hands os.environ to the dbt process; left
    behind, they would leak into later work in the same process)."""
    previous = {name: os.environ.get(name) for name in values}
    os.environ.update(values)
    try:
        yield
    finally:
        for name, value in previous.items():
            if value is None:
                os.environ.pop(name, None)
            else:
                os.environ[name] = value


# dagster-dbt runs every invocation in a folder of its own under the project's target/ (named
# `<7 hex>` or `<op>-<run id[:7]>-<7 hex>`), which is never removed: about 10 MB a run.
INVOCATION_DIR = re.compile(r"^(?:.+-[0-9a-f]{7}-)?[0-9a-f]{7}$")
KEEP_INVOCATIONS = 10


def project_target_path(project_dir: Path) -> Path:
    """The target folder dagster-dbt copies partial_parse.msgpack from (DBT_TARGET_PATH, else target/)."""
    target = Path(os.getenv("DBT_TARGET_PATH", "target"))
    return target if target.is_absolute() else project_dir / target


def keep_parse_state(invocation_target: Path, project_target: Path) -> bool:
    """Copy the invocation's partial_parse.msgpack to the project's target folder, from where dagster-dbt
    copies it into the next invocation's folder: the next dbt run then re-parses only changed files
    (about 5 s less) instead of the whole project. dbt keeps the parse only if the profile (warehouse path,
    memory cap) and --vars are unchanged, hence the pipeline's run parameters travel as environment
    variables. Replaced atomically: concurrent runs never read half a file. False if there is none."""
    source = invocation_target / "partial_parse.msgpack"
    if not source.is_file():
        return False
    project_target.mkdir(parents=True, exist_ok=True)
    partial = project_target / f".partial_parse.msgpack.{os.getpid()}"
    shutil.copyfile(source, partial)
    os.replace(partial, project_target / "partial_parse.msgpack")
    return True


def prune_invocation_targets(project_target: Path, keep: int = KEEP_INVOCATIONS) -> list[Path]:
    """Remove all but the `keep` newest invocation folders; returns the removed ones."""
    if not project_target.is_dir():
        return []
    folders = [p for p in project_target.iterdir() if p.is_dir() and INVOCATION_DIR.match(p.name)]
    folders.sort(key=lambda p: p.stat().st_mtime_ns, reverse=True)
    for old in folders[keep:]:
        shutil.rmtree(old, ignore_errors=True)
    return folders[keep:]
