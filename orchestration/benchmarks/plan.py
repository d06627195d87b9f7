"""The dbt project as a plain list of SQL statements: compile once (not timed), then read the
manifest's compiled code of every seed and model in dependency order. Pure except `compile_project`."""

from __future__ import annotations

import heapq
import json
import shutil
import subprocess
from collections.abc import Mapping, Sequence
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

from ..operations.dbt_client import dbt_script

MATERIALIZED_AS_TABLE = ("table", "incremental")


@dataclass
class PlanStep:
    unique_id: str
    kind: str                  # seed, view or table
    relation: str              # "database"."schema"."name", as compiled
    database: str
    schema: str
    sql: str = ""              # compiled SELECT (models)
    csv_path: str = ""         # seeds
    column_types: dict[str, str] = field(default_factory=dict)
    delimiter: str = ","


def topological_order(deps: Mapping[str, Sequence[str]]) -> list[str]:
    """Kahn's algorithm; ties broken by name so the order is deterministic. Dependencies outside
    `deps` (sources, tests) are ignored. Raises ValueError on a cycle."""
    nodes = set(deps)
    indegree = {n: 0 for n in nodes}
    children: dict[str, list[str]] = {n: [] for n in nodes}
    for n, ds in deps.items():
        for d in set(ds):
            if d in nodes:
                indegree[n] += 1
                children[d].append(n)
    ready = [n for n, k in indegree.items() if k == 0]
    heapq.heapify(ready)
    order: list[str] = []
    while ready:
        n = heapq.heappop(ready)
        order.append(n)
        for c in children[n]:
            indegree[c] -= 1
            if indegree[c] == 0:
                heapq.heappush(ready, c)
    if len(order) != len(nodes):
        raise ValueError(f"dependency cycle among: {sorted(nodes - set(order))}")
    return order


def build_plan(manifest: Mapping[str, Any], project_dir: Path, seed_dir: Path | None = None) -> list[PlanStep]:
    """Seeds and models (ephemeral ones are inlined by dbt, disabled ones absent) in dependency order.
    `seed_dir`: where the seed CSVs were snapshotted when compiling (default: the project's files)."""
    nodes = {uid: n for uid, n in manifest["nodes"].items()
             if n["resource_type"] in ("seed", "model") and n["config"].get("materialized") != "ephemeral"
             and n["config"].get("enabled", True)}
    deps = {uid: [d for d in n.get("depends_on", {}).get("nodes", []) if d in nodes] for uid, n in nodes.items()}
    steps = []
    for uid in topological_order(deps):
        n = nodes[uid]
        if n["resource_type"] == "seed":
            steps.append(PlanStep(uid, "seed", n["relation_name"], n["database"], n["schema"],
                                  csv_path=str(Path(seed_dir) / Path(n["original_file_path"]).name if seed_dir
                                               else Path(project_dir) / n["original_file_path"]),
                                  column_types=dict(n["config"].get("column_types") or {}),
                                  delimiter=n["config"].get("delimiter") or ","))
            continue
        code = n.get("compiled_code")
        if code is None:
            raise ValueError(f"{uid} has no compiled code: run dbt compile first")
        kind = "table" if n["config"]["materialized"] in MATERIALIZED_AS_TABLE else "view"
        if n["config"]["materialized"] not in MATERIALIZED_AS_TABLE + ("view",):
            raise ValueError(f"{uid}: materialization {n['config']['materialized']!r} not supported by the limit")
        steps.append(PlanStep(uid, kind, n["relation_name"], n["database"], n["schema"], sql=code))
    return steps


def seed_select(step: PlanStep) -> str:
    """How dbt loads a seed (agate): '' and 'null' are NULL, column_types are enforced."""
    types = ", ".join(f"'{c}': '{t}'" for c, t in step.column_types.items())
    path = step.csv_path.replace("'", "''")
    return (f"select * from read_csv('{path}', header = true, delim = '{step.delimiter}', quote = '\"', "
            f"escape = '\"', nullstr = ['', 'null', 'NULL', 'Null'], types = {{{types}}})")


def step_sql(step: PlanStep) -> list[str]:
    schema = f'"{step.database}"."{step.schema}"'
    create = [f"create schema if not exists {schema}"]
    if step.kind == "seed":
        return create + [f"create table {step.relation} as {seed_select(step)}"]
    if step.kind == "view":
        return create + [f"create view {step.relation} as (\n{step.sql}\n)"]
    return create + [f"create table {step.relation} as (\n{step.sql}\n)"]


def save(steps: list[PlanStep], path: Path) -> None:
    path.write_text(json.dumps([asdict(s) for s in steps], indent=1))


def load(path: Path) -> list[PlanStep]:
    return [PlanStep(**d) for d in json.loads(path.read_text())]


def compile_project(project_dir: Path, work: Path, dbt_vars: Mapping[str, Any], env: Mapping[str, str],
                    database: str = "warehouse") -> Path:
    """`dbt seed` + `dbt compile` against a warehouse named `database` holding only the raw schema and the
    seeds (so is_incremental() is false and the code is the first-build SQL), into work/dbt_target.
    Returns the manifest path."""
    import duckdb

    from ..ingestion.schema import ALL_TABLES

    work.mkdir(parents=True, exist_ok=True)
    wh = work / f"{database}.duckdb"
    wh.unlink(missing_ok=True)
    con = duckdb.connect(str(wh))
    con.execute("create schema if not exists raw")
    for t in ALL_TABLES:
        con.execute(t.ddl())
    con.close()
    target = work / "dbt_target"
    # Snapshot the seed CSVs: the limit must read the very rows the compiled SQL was built from (the
    # rule macros inline the patterns at compile time), even if someone edits a seed meanwhile.
    snapshot = work / "seeds"
    if snapshot.exists():
        shutil.rmtree(snapshot)
    shutil.copytree(project_dir / "seeds", snapshot)
    dbt = dbt_script()     # the venv running the harness
    common = ["--target-path", str(target), "--log-path", str(work / "dbt_logs"), "--profiles-dir",
              str(project_dir), "--project-dir", str(project_dir), "--quiet"]
    env = {**env, "CONNECTION_SCORE_WAREHOUSE": str(wh)}
    # Seeds first: some macros read seed tables while compiling (the rule macros inline every pattern
    # as a constant regex), so the compiled SQL depends on them.
    for args in (["seed"], ["compile", "--vars", json.dumps(dict(dbt_vars))]):
        proc = subprocess.run([str(dbt), *args, *common], cwd=project_dir, env=env, capture_output=True, text=True)
        if proc.returncode != 0:
            raise RuntimeError(f"dbt {args[0]} failed:\n{proc.stdout[-3000:]}\n{proc.stderr[-3000:]}")
    return target / "manifest.json"
