"""Shared fixtures: the redacted real samples, temporary raw roots and warehouses."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

os.environ.setdefault("DAGSTER_DISABLE_TELEMETRY", "1")
os.environ.setdefault("DO_NOT_TRACK", "1")
os.environ.setdefault("DBT_SEND_ANONYMOUS_USAGE_STATS", "false")

REPO_ROOT = Path(__file__).resolve().parent.parent


def samples_dir() -> Path:
    """The redacted real archives are read where they are (never copied into the repo):
    $LINKEDIN_EXPORT_SAMPLES, else ../shared/linkedin-export-samples next to the repo."""
    candidates = [os.environ.get("LINKEDIN_EXPORT_SAMPLES"), REPO_ROOT.parent / "shared" / "linkedin-export-samples",
                  Path("/work/shared/linkedin-export-samples")]
    for c in candidates:
        if c and Path(c).is_dir():
            return Path(c)
    raise RuntimeError("LinkedIn export samples not found: set LINKEDIN_EXPORT_SAMPLES to the folder "
                       "holding 2018-11-complete/, 2024-12-basic/, ...")


@pytest.fixture(scope="session")
def samples() -> Path:
    return samples_dir()


@pytest.fixture
def raw_root(tmp_path: Path) -> Path:
    root = tmp_path / "raw"
    root.mkdir()
    return root


@pytest.fixture
def warehouse(tmp_path: Path) -> Path:
    return tmp_path / "warehouse.duckdb"


def copy_sample(samples: Path, name: str, raw_root: Path, user_id: str) -> Path:
    """Lay a sample folder out as data/raw/<user_id>/<sample>/ (copies: the originals stay untouched)."""
    dest = raw_root / user_id / name
    shutil.copytree(samples / name, dest)
    return dest
