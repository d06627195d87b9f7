"""`make install` (and the benchmark, per scenario): parse the dbt project with the profile the pipeline
will run dbt with, so that the pipeline's first `dbt seed`/`dbt build` reuses the parse.

dbt keeps a saved parse (target/partial_parse.msgpack) only while its profile is unchanged: the warehouse
path and DuckDB's memory cap are part of it (profiles.yml reads them from the environment). A parse done
with the defaults of profiles.yml (a relative path, 4GB) made the first run of every deployment parse the
whole project again, about 6 s, before its first model. After that first run the pipeline keeps the
parse itself (`DbtResource.finished`).

    python -m orchestration.operations.dbt_parse     # uses the deployment's settings (environment)
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from ..settings import DBT_PROJECT_DIR, MEMORY_LIMIT_ENV, Settings, duckdb_memory_limit
from .dbt_client import dbt_script

WAREHOUSE_ENV = "CONNECTION_SCORE_WAREHOUSE"


def profile_env(warehouse_path: str) -> dict[str, str]:
    """The environment variables profiles.yml reads, as the pipeline sets them for every dbt call."""
    return {WAREHOUSE_ENV: warehouse_path, MEMORY_LIMIT_ENV: duckdb_memory_limit()}


def parse_args(target_path: Path | None = None) -> list[str]:
    args = ["parse", "--quiet"]
    return args + ["--target-path", str(target_path)] if target_path else args


def prepare_parse_state(warehouse_path: str, *, target_path: Path | None = None) -> None:
    """Run `dbt parse` with the pipeline's profile for this warehouse. Writes manifest.json and
    partial_parse.msgpack into the project's target folder (or `target_path`). Raises with dbt's
    output when the parse fails."""
    dbt = dbt_script()     # this venv's
    env = {**os.environ, **profile_env(warehouse_path)}
    proc = subprocess.run([str(dbt), *parse_args(target_path)], cwd=DBT_PROJECT_DIR, env=env,
                          capture_output=True, text=True)
    if proc.returncode != 0:
        raise RuntimeError(f"`dbt parse` failed in {DBT_PROJECT_DIR}:\n{proc.stdout[-3000:]}{proc.stderr[-3000:]}")


def main() -> int:
    os.environ.setdefault("DO_NOT_TRACK", "1")
    os.environ.setdefault("DBT_SEND_ANONYMOUS_USAGE_STATS", "false")
    settings = Settings.from_env()
    try:
        prepare_parse_state(str(settings.warehouse_path))
    except RuntimeError as exc:
        print(exc, file=sys.stderr)
        return 1
    print(f"dbt project parsed for the warehouse {settings.warehouse_path}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
