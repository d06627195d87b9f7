"""Dagster resources: where the warehouse and the raw exports are."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import dagster as dg
import duckdb

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
