"""Where the CPU goes in a pipeline run: py-spy samples the run worker and every step process and dbt
process it starts (`py-spy record --subprocesses --format raw`); the collapsed stacks are then bucketed
into ingestion parsing, DuckDB writes, GX, imports, dbt, Dagster. py-spy is an optional tool
(`.venv/bin/pip install py-spy`), not a project dependency."""

from __future__ import annotations

import re
import shutil
from collections import Counter
from pathlib import Path

# First match wins: (bucket, regex over the whole collapsed stack). Stacks look like
# `process 553:"<cmdline>";func (path/file.py:12);...`; dbt runs as its own process: the run's dbt server
# (`python -m orchestration.operations.dbt_server`), or `.../bin/dbt build` without one.
DBT_PROCESS = re.compile(r'process \d+:"[^"]*(?:bin/dbt |orchestration\.operations\.dbt_server)')
DBT_BUCKETS: tuple[tuple[str, str], ...] = (
    ("dbt: imports", r"_find_and_load"),
    ("dbt: SQL execution (DuckDB)", r"adapters/duckdb/|adapters/sql/connections"),
    ("dbt: parse / manifest / compile (jinja)", r"dbt/parser|manifest|compil|jinja"),
    ("dbt: other (graph, threads, events)", r""),
)
BUCKETS: tuple[tuple[str, str], ...] = (
    ("ingestion: CSV records (csv module, preamble/comment repair)", r"orchestration/ingestion/records\.py"),
    ("ingestion: date parsing (strptime)", r"orchestration/ingestion/dates\.py"),
    ("ingestion: row building, text stats, hashing", r"orchestration/ingestion/file_kinds\.py"),
    ("ingestion: DuckDB writes (pandas frame, insert)", r"orchestration/ingestion/loader\.py"),
    ("ingestion: zip open/CRC/read, decoding", r"orchestration/ingestion/(archive|encoding)\.py"),
    ("ingestion: other", r"orchestration/ingestion/"),
    ("GX: import great_expectations", r"_find_and_load[^;]*;.*great_expectations/__init__"),
    ("GX: validation (incl. reading frames)", r"great_expectations|orchestration/checks/"),
    ("serving snapshot", r"orchestration/serving/"),
    ("status bookkeeping", r"orchestration/operations/status\.py"),
    ("Python imports (dagster, dagster-dbt, pandas, definitions)", r"_find_and_load"),
    ("dagster-dbt: streaming dbt events", r"dagster_dbt/"),
    ("Dagster event log / run storage writes (SQLite via SQLAlchemy)", r"sqlalchemy/"),
    ("Dagster: executor, event log, storage", r"dagster/"),
)


def parse_collapsed(text: str) -> Counter:
    """{stack: samples} from py-spy's raw (collapsed) output: 'frame;frame;... count' lines. Pure."""
    out: Counter = Counter()
    for line in text.splitlines():
        line = line.rstrip()
        if not line:
            continue
        stack, _, n = line.rpartition(" ")
        if n.isdigit():
            out[stack] += int(n)
    return out


def bucket_samples(stacks: Counter) -> Counter:
    compiled = [(name, re.compile(rx)) for name, rx in BUCKETS]
    compiled_dbt = [(name, re.compile(rx)) for name, rx in DBT_BUCKETS]
    out: Counter = Counter()
    for stack, n in stacks.items():
        for name, rx in (compiled_dbt if DBT_PROCESS.search(stack) else compiled):
            if rx.search(stack):
                out[name] += n
                break
        else:
            out["other"] += n
    return out


def pyspy() -> str | None:
    exe = Path(__file__).resolve().parents[2] / ".venv" / "bin" / "py-spy"
    return str(exe) if exe.exists() else shutil.which("py-spy")


def profile_command(cmd: list[str], out: Path, rate: int = 50) -> list[str] | None:
    exe = pyspy()
    if exe is None:
        return None
    return [exe, "record", "--subprocesses", "--format", "raw", "--rate", str(rate), "--nonblocking",
            "--output", str(out), "--", *cmd]


def summarise(raw_file: Path, rate: int = 50, top: int = 12) -> list[tuple[str, float, float]]:
    """[(bucket, CPU seconds, share)] sorted by cost."""
    buckets = bucket_samples(parse_collapsed(raw_file.read_text(errors="replace")))
    total = sum(buckets.values()) or 1
    return [(name, n / rate, n / total) for name, n in buckets.most_common(top)]
