"""When to reload the dbt seeds (taxonomy, rules, company mappings, score parameters).

`dbt seed` costs seconds and rewrites every seed table; doing it on every refresh made the one-user
refresh slower for nothing. The seeds are reloaded when their files changed since the last load (a
content fingerprint kept in ops.seed_state) or when a seed table is missing."""

from __future__ import annotations

import hashlib
from pathlib import Path

import duckdb

from ..settings import DBT_PROJECT_DIR

SEEDS_DIR = DBT_PROJECT_DIR / "seeds"
SEED_SCHEMA = "seeds"


def fingerprint(seeds_dir: Path = SEEDS_DIR, project_file: Path = DBT_PROJECT_DIR / "dbt_project.yml") -> str:
    """Content hash of every seed CSV and yml, and of dbt_project.yml (it holds the seeds' column types)."""
    h = hashlib.sha256()
    for path in sorted(p for p in seeds_dir.rglob("*") if p.suffix in (".csv", ".yml", ".yaml")):
        h.update(path.relative_to(seeds_dir).as_posix().encode() + b"\0" + path.read_bytes() + b"\0")
    h.update(project_file.read_bytes())
    return h.hexdigest()[:16]


def seed_names(seeds_dir: Path = SEEDS_DIR) -> list[str]:
    return sorted(p.stem for p in seeds_dir.glob("*.csv"))


def needs_seed(con: duckdb.DuckDBPyConnection, current: str, seeds_dir: Path = SEEDS_DIR) -> bool:
    con.execute("create schema if not exists ops")
    con.execute("create table if not exists ops.seed_state (fingerprint varchar, loaded_at timestamp)")
    row = con.execute("select fingerprint from ops.seed_state").fetchone()
    if row is None or row[0] != current:
        return True
    present = {r[0] for r in con.execute("select table_name from information_schema.tables "
                                         "where table_schema = ?", [SEED_SCHEMA]).fetchall()}
    return not set(seed_names(seeds_dir)) <= present


def record_seed(con: duckdb.DuckDBPyConnection, current: str) -> None:
    con.execute("create schema if not exists ops")
    con.execute("create table if not exists ops.seed_state (fingerprint varchar, loaded_at timestamp)")
    con.execute("delete from ops.seed_state")
    con.execute("insert into ops.seed_state values (?, now()::timestamp)", [current])
