"""Measure industry / function / seniority inference against the labelled lists in this folder.

Runs the real dbt models (seeds + staging + int_connections) for one synthetic user whose connections
are the labelled companies (no title) and the labelled titles (no company), in a temporary warehouse.

    .venv/bin/python -m tests.inference_eval.measure        # prints the accuracy table
"""

from __future__ import annotations

import csv
import os
import subprocess
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path

import duckdb

from orchestration.ingestion.loader import ensure_schema

HERE = Path(__file__).resolve().parent
REPO = HERE.parent.parent
USER = "inference-eval"


@dataclass
class Accuracy:
    name: str
    correct: int
    total: int
    classified: int

    @property
    def share(self) -> float:
        return self.correct / self.total if self.total else 0.0


def _load(name: str) -> list[dict[str, str]]:
    with open(HERE / name, newline="", encoding="utf-8") as fh:
        return list(csv.DictReader(fh))


def run_dbt(args: list[str], warehouse: Path, work: Path) -> None:
    env = dict(os.environ, CONNECTION_SCORE_WAREHOUSE=str(warehouse), DO_NOT_TRACK="1",
               DBT_SEND_ANONYMOUS_USAGE_STATS="false", DBT_LOG_PATH=str(work / "logs"))
    dbt = Path(sys.executable).parent / "dbt"
    subprocess.run([str(dbt), *args, "--target-path", str(work / "target")], cwd=REPO / "dbt_project",
                   env=env, check=True, capture_output=True, text=True)


def measure(work: Path) -> dict[str, Accuracy]:
    companies, titles = _load("companies.csv"), _load("titles.csv")
    warehouse = work / "eval.duckdb"
    with duckdb.connect(str(warehouse)) as con:
        ensure_schema(con)
        rows = [(c["company_name"], None) for c in companies] + [(None, t["title"]) for t in titles]
        con.executemany(
            "insert into raw.connections (user_id, export_id, source_file, source_line, loaded_at, first_name, "
            "last_name, company, position, connected_on) values (?, 'eval', 'Connections.csv', ?, "
            "timestamp '2026-01-01', 'Eval', ?, ?, ?, date '2024-01-01')",
            [(USER, i + 5, f"Person{i}", company, title) for i, (company, title) in enumerate(rows)])
        con.execute("insert into raw.exports (user_id, export_id, source_file, source_line, loaded_at, "
                    "export_date) values (?, 'eval', 'eval', 0, timestamp '2026-01-01', date '2026-01-01')", [USER])
    run_dbt(["seed", "--quiet"], warehouse, work)
    run_dbt(["run", "--select", "+int_connections", "--vars", f"{{users: [{USER}]}}"], warehouse, work)
    with duckdb.connect(str(warehouse), read_only=True) as con:
        got = {line: (root, fn, level) for line, root, fn, level in con.execute(
            "select source_line, industry_root, job_function, seniority_level from intermediate.int_connections "
            "where user_id = ?", [USER]).fetchall()}
    out = {"industry_root (companies)": Accuracy("industry_root", 0, len(companies), 0),
           "job_function (titles)": Accuracy("job_function", 0, len(titles), 0),
           "seniority_level (titles)": Accuracy("seniority_level", 0, len(titles), 0)}
    for i, c in enumerate(companies):
        root = got[i + 5][0]
        acc = out["industry_root (companies)"]
        acc.classified += root is not None
        acc.correct += root == c["industry_root"]
    for j, t in enumerate(titles):
        _, fn, level = got[len(companies) + j + 5]
        for key, value, label in (("job_function (titles)", fn, t["function"]),
                                  ("seniority_level (titles)", level, t["seniority_level"])):
            out[key].classified += value is not None
            out[key].correct += value == label
    return out


def main() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        results = measure(Path(tmp))
    print("| inferred | labelled rows | classified | correct | accuracy |\n|---|---|---|---|---|")
    for key, acc in results.items():
        print(f"| {key} | {acc.total} | {acc.classified} | {acc.correct} | {acc.share:.1%} |")


if __name__ == "__main__":
    main()
