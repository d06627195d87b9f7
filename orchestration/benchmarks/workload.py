"""The benchmark's input: N generated users (the project's generator, realistic size mix), cached in the
work dir, and the newer exports given to some users for the incremental and one-user refreshes.

User i is the same whatever N (the generator seeds each user by index), so the largest N is generated
once and smaller N use its first users. Scenario raw roots are hard-linked copies (instant, and adding a
new export to a copy never touches the cache)."""

from __future__ import annotations

import json
import os
import random
import shutil
import time
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path

DEFAULT_AS_OF = date(2026, 11, 20)       # the generator's default export date (current era)


@dataclass(frozen=True)
class UserInfo:
    user_id: str
    persona: str
    seed: int
    rows: int                             # data records the generator wrote (all raw tables)


def user_id(i: int) -> str:
    return f"user-{i:05d}"


def ensure_users(cache: Path, n: int, seed: int, log=print) -> tuple[Path, list[UserInfo], float]:
    """Generate users 0..n-1 into cache/raw (resuming where an earlier, smaller generation stopped).
    Returns (raw root, infos of the first n users, seconds spent generating now)."""
    from ..generator import generate_export, generate_users  # noqa: F401 (generate_users: same rng rule)
    from ..generator.export import DEFAULT_USER_WEIGHTS

    raw = cache / "raw"
    index_file = cache / "users.json"
    infos: list[dict] = json.loads(index_file.read_text()) if index_file.exists() else []
    started = time.perf_counter()
    generated = len(infos) < n
    if generated:
        log(f"generating users {len(infos)}..{n - 1} into {raw} (seed {seed})")
        # Same persona/seed draw as generate_users(), one user at a time so a long generation can resume.
        names = sorted(DEFAULT_USER_WEIGHTS)
        cum, acc = [], 0.0
        for nm in names:
            acc += float(DEFAULT_USER_WEIGHTS[nm])
            cum.append(acc)
        for i in range(len(infos), n):
            rng = random.Random(f"users|{seed}|{i}")
            persona = rng.choices(names, cum_weights=cum)[0]
            user_seed = rng.randrange(2**31)
            target = raw / user_id(i)
            if target.exists():
                shutil.rmtree(target)
            ge = generate_export(target, persona=persona, seed=user_seed, as_of=DEFAULT_AS_OF)
            infos.append({"user_id": user_id(i), "persona": persona, "seed": user_seed,
                          "rows": sum(ge.expected_rows.values())})
            if (i + 1) % 250 == 0 or i + 1 == n:
                index_file.write_text(json.dumps(infos))
                log(f"  {i + 1}/{n} users ({time.perf_counter() - started:.0f} s)")
    spent = time.perf_counter() - started if generated else 0.0
    return raw, [UserInfo(**d) for d in infos[:n]], spent


def link_tree(src: Path, dst: Path) -> None:
    """Copy a folder tree with hard links (falls back to copying across file systems)."""
    for root, _dirs, files in os.walk(src):
        rel = Path(root).relative_to(src)
        (dst / rel).mkdir(parents=True, exist_ok=True)
        for f in files:
            try:
                os.link(Path(root) / f, dst / rel / f)
            except OSError:
                shutil.copy2(Path(root) / f, dst / rel / f)


def clone_users(src_raw: Path, dst_raw: Path, users: list[str]) -> None:
    if dst_raw.exists():
        shutil.rmtree(dst_raw)
    dst_raw.mkdir(parents=True)
    for u in users:
        link_tree(src_raw / u, dst_raw / u)


def changed_users(users: list[str], fraction: float, seed: int) -> list[str]:
    """The users who receive a new export: `fraction` of them (at least one), drawn at random, sorted."""
    k = max(1, round(len(users) * fraction))
    return sorted(random.Random(f"changed|{seed}|{len(users)}").sample(users, k))


def one_user(users: list[str], changed: list[str], seed: int) -> str:
    """The user of the one-user refresh: one not in `changed` when possible."""
    others = [u for u in users if u not in set(changed)] or users
    return random.Random(f"one|{seed}|{len(users)}").choice(others)


def new_export(cache: Path, info: UserInfo, days_later: int) -> Path:
    """A newer-dated export of the same person (cached): the zip that lands in their folder."""
    from ..generator import generate_export

    as_of = DEFAULT_AS_OF + timedelta(days=days_later)
    folder = cache / "new_exports" / f"d{days_later}" / info.user_id
    zips = sorted(folder.glob("*.zip")) if folder.exists() else []
    if not zips:
        ge = generate_export(folder, persona=info.persona, seed=info.seed, as_of=as_of)
        zips = [ge.path]
    return zips[0]


def drop_in(zip_path: Path, raw_root: Path, user: str) -> None:
    """Put a new export into the user's folder, as a user would (the sensor sees a new file)."""
    dest = raw_root / user / zip_path.name
    try:
        os.link(zip_path, dest)
    except OSError:
        shutil.copy2(zip_path, dest)
    now = time.time()
    os.utime(dest, (now, now))
