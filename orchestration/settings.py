"""Where things live. Every path can be overridden by an environment variable so tests and
deployments can point the pipeline at their own folders; the defaults are the embedded demo setup."""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parent.parent
DBT_PROJECT_DIR = REPO_ROOT / "dbt_project"
EXPECTATIONS_DIR = REPO_ROOT / "expectations"


@dataclass(frozen=True)
class Settings:
    raw_root: Path          # data/raw/<user_id>/<export zip or folder>
    warehouse_path: Path    # the read-write DuckDB file (pipeline only)
    serving_path: Path      # the read-only snapshot users query
    data_docs_dir: Path     # Great Expectations Data Docs

    @classmethod
    def from_env(cls) -> "Settings":
        data = Path(os.environ.get("CONNECTION_SCORE_DATA_DIR", REPO_ROOT / "data"))
        return cls(
            raw_root=Path(os.environ.get("CONNECTION_SCORE_RAW_ROOT", data / "raw")),
            warehouse_path=Path(os.environ.get("CONNECTION_SCORE_WAREHOUSE", data / "warehouse.duckdb")),
            serving_path=Path(os.environ.get("CONNECTION_SCORE_SERVING", data / "serving.duckdb")),
            data_docs_dir=Path(os.environ.get("CONNECTION_SCORE_DATA_DOCS", data / "data_docs")),
        )


MEMORY_LIMIT_ENV = "CONNECTION_SCORE_DUCKDB_MEMORY_LIMIT"


def duckdb_memory_limit() -> str:
    """DuckDB's memory cap for the warehouse (dbt and the pipeline's connections): the environment
    variable (e.g. `8GB`), else 40 % of the machine's memory. DuckDB's own default is 80 %, which leaves
    too little for the run worker beside it (pandas frames of the checks, Dagster); above the cap, large
    joins and sorts spill to a temp directory next to the warehouse instead of growing."""
    configured = os.environ.get(MEMORY_LIMIT_ENV)
    if configured:
        return configured
    total = os.sysconf("SC_PHYS_PAGES") * os.sysconf("SC_PAGE_SIZE")
    return f"{max(1024, int(total * 0.4) // 2**20)}MiB"
