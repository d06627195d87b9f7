"""What is under data/raw/ right now: pure functions the sensor and the schedule share."""

from __future__ import annotations

import hashlib
from pathlib import Path

from ..ingestion.pipeline import list_user_ids


def folder_signature(user_dir: Path) -> str:
    """A cheap fingerprint of a user's folder (names, sizes, mtimes of every file; no reading), so a new
    zip, a replaced export or a new folder changes it."""
    h = hashlib.sha256()
    for path in sorted(p for p in user_dir.rglob("*") if p.is_file() and not p.name.startswith(".")):
        st = path.stat()
        h.update(f"{path.relative_to(user_dir).as_posix()}|{st.st_size}|{st.st_mtime_ns}\n".encode())
    return h.hexdigest()[:16]


def scan(raw_root: Path) -> tuple[dict[str, str], list[str]]:
    """({user_id: signature}, refused folder names)."""
    users, refused = list_user_ids(raw_root)
    return {u: folder_signature(raw_root / u) for u in users}, refused


def changed_users(previous: dict[str, str], current: dict[str, str]) -> tuple[list[str], list[str]]:
    """(new users, users whose export changed) between two scans."""
    new = sorted(u for u in current if u not in previous)
    changed = sorted(u for u in current if u in previous and previous[u] != current[u])
    return new, changed
