"""What the figures were measured on."""

from __future__ import annotations

import os
import platform
import subprocess
from datetime import datetime, timezone
from importlib import metadata
from pathlib import Path

from ..settings import REPO_ROOT

PACKAGES = ("duckdb", "dagster", "dagster-dbt", "dbt-core", "dbt-duckdb", "great_expectations", "pandas")


def parse_meminfo(text: str) -> int:
    """MemTotal in bytes from /proc/meminfo text. Pure."""
    for line in text.splitlines():
        if line.startswith("MemTotal:"):
            return int(line.split()[1]) * 1024
    return 0


def parse_cpu_model(text: str) -> str:
    for line in text.splitlines():
        if line.lower().startswith("model name"):
            return line.split(":", 1)[1].strip()
    return platform.processor() or "unknown"


def _read(path: str) -> str:
    try:
        return Path(path).read_text()
    except OSError:
        return ""


def describe() -> dict[str, str]:
    versions = {}
    for p in PACKAGES:
        try:
            versions[p] = metadata.version(p)
        except metadata.PackageNotFoundError:
            versions[p] = "-"
    try:
        usable = len(os.sched_getaffinity(0))
    except AttributeError:
        usable = os.cpu_count() or 0
    commit = _git("rev-parse", "--short", "HEAD")
    dirty = _git("status", "--porcelain")
    return {
        "date": datetime.now(timezone.utc).strftime("%Y-%m-%d %H:%M UTC"),
        "cpu": parse_cpu_model(_read("/proc/cpuinfo")),
        "cores": f"{usable} usable ({os.cpu_count()} online)",
        "ram": f"{parse_meminfo(_read('/proc/meminfo')) / 1024**3:.1f} GiB",
        "os": f"{platform.system()} {platform.release()}",
        "python": platform.python_version(),
        "packages": ", ".join(f"{k} {v}" for k, v in versions.items()),
        "code": f"commit {commit}" + (f" + {len(dirty.splitlines())} uncommitted file(s)" if dirty else ""),
    }


def _git(*args: str) -> str:
    """Read-only git queries (never a command that changes state)."""
    try:
        return subprocess.run(["git", *args], cwd=REPO_ROOT, capture_output=True, text=True, timeout=20).stdout.strip()
    except (OSError, subprocess.SubprocessError):
        return "?"
