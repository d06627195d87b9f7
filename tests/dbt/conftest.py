"""dbt test harness: one `dbt parse` per session, then dbt runs (subprocess, like Dagster's dbt CLI
resource) against a temporary warehouse whose raw tables hold hand-made fixture rows.

The warehouse path stays the same for the whole session (per xdist worker) so dbt's partial parsing
survives between invocations; each test lays its own raw rows into it first."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from pathlib import Path

import duckdb
import pytest

REPO_ROOT = Path(__file__).resolve().parents[2]
DBT_DIR = Path(os.environ.get("CONNECTION_SCORE_DBT_DIR", REPO_ROOT / "dbt_project"))
sys.path.insert(0, str(Path(__file__).resolve().parent))

DBT_BIN = Path(sys.executable).with_name("dbt")


class DbtError(AssertionError):
    pass


class Dbt:
    """Runs dbt in dbt_project/ against `warehouse`, with its own target/ and logs/ folders."""

    def __init__(self, workdir: Path):
        self.workdir = workdir
        self.warehouse = workdir / "warehouse.duckdb"
        self.target_path = workdir / "target"
        self.log_path = workdir / "logs"
        self.timings: list[tuple[str, float]] = []

    def env(self) -> dict[str, str]:
        env = dict(os.environ)
        env.update({
            "CONNECTION_SCORE_WAREHOUSE": str(self.warehouse),
            "DO_NOT_TRACK": "1",
            "DBT_SEND_ANONYMOUS_USAGE_STATS": "false",
            "DAGSTER_DISABLE_TELEMETRY": "1",
        })
        return env

    def __call__(self, command: str, *args: str, vars: dict | None = None, check: bool = True,
                 env: dict[str, str] | None = None) -> subprocess.CompletedProcess:
        cmd = [str(DBT_BIN), *command.split(), "--project-dir", str(DBT_DIR), "--profiles-dir", str(DBT_DIR),
               "--target-path", str(self.target_path), "--log-path", str(self.log_path), *args]
        if vars is not None:
            cmd += ["--vars", json.dumps(vars)]
        started = time.perf_counter()
        proc = subprocess.run(cmd, cwd=DBT_DIR, env={**self.env(), **(env or {})}, capture_output=True, text=True,
                              timeout=900)
        self.timings.append((" ".join([command, *args]), time.perf_counter() - started))
        if check and proc.returncode != 0:
            tail = "\n".join((proc.stdout + proc.stderr).splitlines()[-60:])
            raise DbtError(f"dbt {command} failed ({proc.returncode}):\n{tail}")
        return proc

    def refresh(self, *args: str, vars: dict | None = None) -> subprocess.CompletedProcess:
        """Seeds + models (no tests): what a refresh needs on a fresh warehouse."""
        return self("build", "--exclude", "resource_type:test", "resource_type:unit_test", *args, vars=vars)

    # -- warehouse helpers ------------------------------------------------------------------------
    def reset_warehouse(self, exports) -> None:
        from raw_fixtures import write_all
        for suffix in ("", ".wal"):
            Path(str(self.warehouse) + suffix).unlink(missing_ok=True)
        write_all(self.warehouse, exports)

    def write_exports(self, exports) -> None:
        from raw_fixtures import write_all
        write_all(self.warehouse, exports)

    def query(self, sql: str, params=None) -> list[tuple]:
        con = duckdb.connect(str(self.warehouse), read_only=True)
        try:
            return con.execute(sql, params or []).fetchall()
        finally:
            con.close()

    def dicts(self, sql: str, params=None) -> list[dict]:
        con = duckdb.connect(str(self.warehouse), read_only=True)
        try:
            cur = con.execute(sql, params or [])
            names = [d[0] for d in cur.description]
            return [dict(zip(names, row)) for row in cur.fetchall()]
        finally:
            con.close()

    def tables(self, schemas=("intermediate", "marts")) -> list[str]:
        placeholders = ", ".join("?" * len(schemas))
        return [f"{s}.{t}" for s, t in self.query(
            f"select table_schema, table_name from information_schema.tables where table_schema in ({placeholders})"
            " order by 1, 2", list(schemas))]

    def snapshot(self, where: str = "true", schemas=("intermediate", "marts")) -> dict[str, list[tuple]]:
        """Every row of every intermediate/mart relation that has a user_id, filtered, in a stable order."""
        out = {}
        con = duckdb.connect(str(self.warehouse), read_only=True)
        try:
            for name in self.tables(schemas):
                schema, table = name.split(".")
                cols = [c for (c,) in con.execute(
                    "select column_name from information_schema.columns where table_schema = ? and table_name = ?",
                    [schema, table]).fetchall()]
                predicate = where if "user_id" in cols else "true"
                out[name] = con.execute(f"select * from {name} where {predicate} order by all").fetchall()
        finally:
            con.close()
        return out


@pytest.fixture(scope="session")
def dbt(tmp_path_factory) -> Dbt:
    """A parsed dbt project (one `dbt parse` per session) bound to a session warehouse path."""
    runner = Dbt(tmp_path_factory.mktemp("dbt"))
    runner.reset_warehouse([])
    runner("parse")
    yield runner
    timings = "\n".join(f"  {seconds:6.1f}s  dbt {what}" for what, seconds in runner.timings)
    print(f"\ndbt invocations:\n{timings}")
