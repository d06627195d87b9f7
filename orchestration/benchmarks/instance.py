"""A fresh Dagster instance per measurement: the repo's dagster.yaml with its storage paths made
absolute into a temporary DAGSTER_HOME (so run history never lands in the repo's data/)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml

from ..settings import REPO_ROOT


def instance_config(repo_config: dict[str, Any], home: Path) -> dict[str, Any]:
    """The repo's instance config with every relative `base_dir` re-rooted under `home`. Pure."""
    home = Path(home)

    def fix(node: Any) -> Any:
        if isinstance(node, dict):
            out = {}
            for k, v in node.items():
                if k == "base_dir" and isinstance(v, str):
                    p = Path(v)
                    # data/dagster_home/storage -> <home>/storage ; data/dagster_home -> <home>
                    parts = p.parts[2:] if p.parts[:2] == ("data", "dagster_home") else p.parts
                    out[k] = str(home.joinpath(*parts)) if not p.is_absolute() else str(home / p.name)
                else:
                    out[k] = fix(v)
            return out
        if isinstance(node, list):
            return [fix(v) for v in node]
        return node

    return fix(repo_config)


def make_home(home: Path, repo_yaml: Path = REPO_ROOT / "dagster.yaml") -> dict[str, Any]:
    home.mkdir(parents=True, exist_ok=True)
    config = instance_config(yaml.safe_load(repo_yaml.read_text()), home)
    (home / "dagster.yaml").write_text(yaml.safe_dump(config, sort_keys=False))
    return config


def max_concurrent_runs(config: dict[str, Any]) -> int:
    """What the run queue allows (concurrency.runs.max_concurrent_runs, else the queued coordinator's)."""
    runs = (config.get("concurrency") or {}).get("runs") or {}
    if "max_concurrent_runs" in runs:
        return int(runs["max_concurrent_runs"])
    coord = ((config.get("run_coordinator") or {}).get("config") or {})
    return int(coord.get("max_concurrent_runs", 10))


def add_partitions(home: Path, users: list[str]) -> None:
    """What the sensor/schedule does before requesting runs: one dynamic partition per user."""
    import dagster as dg

    with dg.DagsterInstance.from_config(str(home)) as instance:
        known = set(instance.get_dynamic_partitions("users"))
        new = [u for u in users if u not in known]
        if new:
            instance.add_dynamic_partitions("users", new)


def partitions(home: Path) -> list[str]:
    import dagster as dg

    with dg.DagsterInstance.from_config(str(home)) as instance:
        return list(instance.get_dynamic_partitions("users"))
