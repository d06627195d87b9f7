"""Wall time and peak memory of a process tree, sampled from /proc (Linux only, no dependencies).

A sampler thread walks /proc every `interval` seconds, finds every descendant of the harness process
(the measured commands are its children) and sums their resident set sizes. It records the peak of that
sum (the tree) and the largest single process seen. Short-lived processes that live less than one
interval can be missed: the figures are a lower bound within one sampling interval."""

from __future__ import annotations

import os
import subprocess
import threading
import time
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path

PAGE_SIZE = os.sysconf("SC_PAGE_SIZE") if hasattr(os, "sysconf") else 4096


def parse_stat(text: str) -> tuple[int, str, int]:
    """(pid, comm, ppid) from the text of /proc/<pid>/stat. The command name is in parentheses and
    may itself contain spaces and parentheses, so split at the LAST ')'."""
    open_paren = text.index("(")
    close_paren = text.rindex(")")
    pid = int(text[:open_paren].strip())
    comm = text[open_paren + 1:close_paren]
    rest = text[close_paren + 2:].split()
    return pid, comm, int(rest[1])          # rest[0] is the state, rest[1] the parent pid


def parse_statm_rss(text: str, page_size: int = PAGE_SIZE) -> int:
    """Resident bytes from /proc/<pid>/statm (second field, in pages)."""
    return int(text.split()[1]) * page_size


def descendants(parents: Mapping[int, int], root: int) -> set[int]:
    """Every process below `root` in the {pid: ppid} map (root excluded)."""
    children: dict[int, list[int]] = {}
    for pid, ppid in parents.items():
        children.setdefault(ppid, []).append(pid)
    out: set[int] = set()
    stack = list(children.get(root, ()))
    while stack:
        pid = stack.pop()
        if pid in out:
            continue
        out.add(pid)
        stack.extend(children.get(pid, ()))
    return out


def snapshot(proc: Path = Path("/proc")) -> dict[int, tuple[str, int, int]]:
    """{pid: (comm, ppid, rss_bytes)} of every readable process."""
    out: dict[int, tuple[str, int, int]] = {}
    for entry in os.scandir(proc):
        if not entry.name.isdigit():
            continue
        try:
            with open(f"{entry.path}/stat") as fh:
                pid, comm, ppid = parse_stat(fh.read())
            with open(f"{entry.path}/statm") as fh:
                rss = parse_statm_rss(fh.read())
        except (OSError, ValueError, IndexError):
            continue                      # the process ended while we looked
        out[pid] = (comm, ppid, rss)
    return out


@dataclass
class MemoryPeak:
    tree_bytes: int = 0                   # max over samples of the summed RSS of the tree
    process_bytes: int = 0                # max RSS of any single process of the tree
    process_name: str = ""
    samples: int = 0
    max_processes: int = 0


class TreeSampler:
    """Samples the RSS of every descendant of `root` (default: this process) in a background thread."""

    def __init__(self, root: int | None = None, interval: float = 0.2):
        self.root = root if root is not None else os.getpid()
        self.interval = interval
        self.peak = MemoryPeak()
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._loop, daemon=True, name="rss-sampler")

    def sample(self) -> None:
        snap = snapshot()
        tree = descendants({pid: v[1] for pid, v in snap.items()}, self.root)
        total = 0
        for pid in tree:
            comm, _, rss = snap[pid]
            total += rss
            if rss > self.peak.process_bytes:
                self.peak.process_bytes, self.peak.process_name = rss, comm
        self.peak.tree_bytes = max(self.peak.tree_bytes, total)
        self.peak.max_processes = max(self.peak.max_processes, len(tree))
        self.peak.samples += 1

    def _loop(self) -> None:
        while not self._stop.is_set():
            self.sample()
            self._stop.wait(self.interval)

    def __enter__(self) -> "TreeSampler":
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._stop.set()
        self._thread.join()


@dataclass
class Measured:
    wall_s: float
    peak: MemoryPeak
    returncodes: list[int] = field(default_factory=list)
    logs: list[Path] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return all(rc == 0 for rc in self.returncodes)


def run_measured(commands: Sequence[Sequence[str]], *, env: Mapping[str, str], cwd: Path, log_dir: Path,
                 max_parallel: int = 1, interval: float = 0.2, timeout: float | None = None,
                 label: str = "cmd") -> Measured:
    """Run `commands` as child processes, at most `max_parallel` at a time (a run queue), and measure
    the wall time from the first start to the last exit and the peak memory of all of them together."""
    log_dir.mkdir(parents=True, exist_ok=True)
    pending = list(enumerate(commands))
    running: list[tuple[subprocess.Popen, object]] = []
    codes: dict[int, int] = {}
    logs: list[Path] = []
    deadline = None if timeout is None else time.monotonic() + timeout
    # Before the clock starts, write out what earlier work left in the page cache: otherwise a command's
    # fsyncs (DuckDB checkpoints) wait on the write-back of the previous scenario's files. With 1.5 GB
    # dirty, a one-user refresh took 26.4 s (dbt's overhead 8.6 s) instead of 22.3 s (3.4 s).
    os.sync()
    with TreeSampler(interval=interval) as sampler:
        started = time.perf_counter()
        while pending or running:
            while pending and len(running) < max_parallel:
                i, cmd = pending.pop(0)
                log = log_dir / f"{label}-{i}.log"
                logs.append(log)
                fh = open(log, "w")
                proc = subprocess.Popen(list(cmd), env=dict(env), cwd=cwd, stdout=fh, stderr=subprocess.STDOUT)
                running.append((proc, (i, fh)))
            time.sleep(0.05)
            for proc, (i, fh) in list(running):
                if proc.poll() is not None:
                    codes[i] = proc.returncode
                    fh.close()
                    running.remove((proc, (i, fh)))
            if deadline is not None and time.monotonic() > deadline:
                for proc, (i, fh) in running:
                    proc.kill()
                    codes[i] = -9
                    fh.close()
                running.clear()
                pending.clear()
        wall = time.perf_counter() - started
        sampler.sample()
    return Measured(wall, sampler.peak, [codes[i] for i in sorted(codes)], logs)


def tail(path: Path, lines: int = 30) -> str:
    try:
        return "\n".join(path.read_text(errors="replace").splitlines()[-lines:])
    except OSError:
        return ""


def clean_env(extra: Mapping[str, str], keep: Iterable[str] | None = None) -> dict[str, str]:
    """The environment of a measured child: ours, minus any CONNECTION_SCORE_* / DAGSTER_HOME that
    would point at the repo's data/, plus `extra` and the privacy switches."""
    env = {k: v for k, v in os.environ.items()
           if not k.startswith("CONNECTION_SCORE_") and k != "DAGSTER_HOME"}
    env.update({"DAGSTER_DISABLE_TELEMETRY": "1", "DO_NOT_TRACK": "1", "DBT_SEND_ANONYMOUS_USAGE_STATS": "false",
                "PYTHONWARNINGS": "ignore"})
    env.update(extra)
    return env
