"""Dagster resources: where the warehouse and the raw exports are."""

from __future__ import annotations

import importlib.metadata
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from functools import cached_property
from pathlib import Path

import dagster as dg
import duckdb
from dagster_dbt import DbtCliResource
from packaging import version

from .settings import Settings, duckdb_memory_limit


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
    """dagster-dbt's CLI resource without its `dbt --version` subprocess on every dbt step (a cold dbt
    start: 3-6 s of each refresh's fixed cost). When the executable is this interpreter's venv's `dbt`,
    its version is the installed dbt-core's; any other executable is still asked."""

    @cached_property
    def _cli_version(self) -> version.Version:
        if Path(self.dbt_executable).parent == Path(sys.executable).parent:
            return version.parse(importlib.metadata.version("dbt-core"))
        return super()._cli_version

    @classmethod
    def for_project(cls, project_dir) -> "DbtResource":
        """dbt from this interpreter's venv, whether or not the venv is activated."""
        return cls(project_dir=project_dir, dbt_executable=str(Path(sys.executable).parent / "dbt"))
