"""`python -m orchestration.benchmarks`: the pipeline against its physical limit (docs/benchmarks.md).

Everything happens in a scratch work dir (default /tmp/connection-score-bench), never in the repo's data/:
generated users (cached between invocations), a fresh Dagster home + warehouse per measured run, the
limit's DuckDB file. Run by hand; takes minutes for N <= 100, about an hour for N = 1,000 x 3."""

from __future__ import annotations

import argparse
import json
import os
import shutil
import sys
import time
from datetime import date, timedelta
from pathlib import Path

from ..settings import DBT_PROJECT_DIR, REPO_ROOT
from . import breakdown, instance, machine, plan, procs, profiling, report, workload
from .compare import compare_raw, compare_tables

REFRESH_DATE = workload.DEFAULT_AS_OF + timedelta(days=1)   # the daily tick after the exports' date
PY = sys.executable


def log(msg: str) -> None:
    print(f"[{time.strftime('%H:%M:%S')}] {msg}", flush=True)


def base_env() -> dict[str, str]:
    venv_bin = str(Path(PY).parent)
    return procs.clean_env({"PATH": venv_bin + os.pathsep + os.environ.get("PATH", "")})


def prepare_manifest(env: dict[str, str]) -> None:
    """Parse the dbt project as `make install` does (orchestration/operations/dbt_parse.py), with the
    profile of the warehouse `env` names: the manifest the runs load, and the saved parse their first
    dbt call reuses. Not timed, like an install."""
    import subprocess

    proc = subprocess.run([PY, "-m", "orchestration.operations.dbt_parse"], env=env, cwd=REPO_ROOT,
                          capture_output=True, text=True)
    if proc.returncode != 0:
        raise SystemExit(f"`dbt parse` failed in {DBT_PROJECT_DIR}; the pipeline cannot run:\n"
                         f"{proc.stdout[-2000:]}{proc.stderr[-2000:]}")


class Scenario:
    """One fresh pipeline deployment: Dagster home, data dir (warehouse, serving), raw root."""

    def __init__(self, root: Path, src_raw: Path, users: list[str], env: dict[str, str],
                 tolerate: tuple[str, ...] = (), notes: list[str] | None = None):
        self.tolerate = tolerate
        self.notes = notes if notes is not None else []
        if root.exists():
            shutil.rmtree(root)
        self.root = root
        self.home = root / "dagster_home"
        self.data = root / "data"
        self.raw = root / "raw"
        self.data.mkdir(parents=True)
        self.config = instance.make_home(self.home)
        workload.clone_users(src_raw, self.raw, users)
        self.env = {**env, "DAGSTER_HOME": str(self.home), "CONNECTION_SCORE_DATA_DIR": str(self.data),
                    "CONNECTION_SCORE_RAW_ROOT": str(self.raw),
                    "CONNECTION_SCORE_WAREHOUSE": str(self.data / "warehouse.duckdb"),
                    "CONNECTION_SCORE_SERVING": str(self.data / "serving.duckdb"),
                    "CONNECTION_SCORE_DATA_DOCS": str(self.data / "data_docs")}
        instance.add_partitions(self.home, users)
        # the saved parse is the project's: prepared again for this scenario's warehouse
        prepare_manifest(self.env)
        self.runs = 0

    @property
    def warehouse(self) -> Path:
        return self.data / "warehouse.duckdb"

    def run_cmd(self, start: str, end: str, refresh_date: date | None, trigger: str) -> tuple[list[str], Path]:
        self.runs += 1
        result = self.root / f"run-{self.runs:03d}.json"
        cmd = [PY, "-m", "orchestration.benchmarks.dagster_run", "--start", start, "--end", end,
               "--trigger", trigger, "--result", str(result)]
        if trigger == "new_export":
            cmd += ["--only-changed"]     # what the new-export sensor's run config says
        if refresh_date:
            cmd += ["--refresh-date", refresh_date.isoformat()]
        return cmd, result

    def refresh(self, ranges: list[tuple[str, str]], refresh_date: date | None, trigger: str,
                label: str) -> tuple[procs.Measured, list[dict]]:
        """The runs of one refresh, at most max_concurrent_runs at a time (the run queue)."""
        cmds, results = zip(*(self.run_cmd(s, e, refresh_date, trigger) for s, e in ranges))
        m = procs.run_measured(list(cmds), env=self.env, cwd=self.root, log_dir=self.root / "logs", label=label,
                               max_parallel=instance.max_concurrent_runs(self.config))
        outs = []
        for res, log_file in zip(results, m.logs):
            if not res.exists():
                raise RuntimeError(f"{label}: the run worker wrote no result; log:\n{procs.tail(log_file)}")
            out = json.loads(res.read_text())
            failed = set(out.get("failed_steps", []))
            if not out["success"] and failed and failed <= set(self.tolerate):
                note = f"{label}: run failed in tolerated step(s) {sorted(failed)}: {out['failures'][:2]}"
                log(f"  WARNING {note}")
                if note not in self.notes:
                    self.notes.append(note)
            elif not out["success"]:
                raise RuntimeError(f"{label}: run {out['run_id']} failed: {out['failures'][:3]}\n{procs.tail(log_file)}")
            if out["failed_checks"]:
                log(f"  note: {label}: failed checks {out['failed_checks']}")
            outs.append(out)
        if not m.ok and not self.tolerate:
            raise RuntimeError(f"{label}: a run worker exited with {m.returncodes}")
        return m, outs


def merge(dicts: list[dict[str, float]]) -> dict[str, float]:
    keys = {k for d in dicts for k in d}
    return {k: report.median([d.get(k, 0.0) for d in dicts]) for k in keys}


def run_limit(raw: Path, work: Path, plan_file: Path, env: dict[str, str]) -> tuple[procs.Measured, dict]:
    result = work.parent / f"{work.name}.json"
    cmd = [PY, "-m", "orchestration.benchmarks.limit", "--raw", str(raw), "--work", str(work),
           "--plan", str(plan_file), "--result", str(result)]
    m = procs.run_measured([cmd], env=env, cwd=work.parent, log_dir=work.parent / "logs", label="limit")
    if not m.ok:
        raise RuntimeError(f"limit failed:\n{procs.tail(m.logs[0])}")
    return m, json.loads(result.read_text())


def bench_scale(n: int, args: argparse.Namespace, cache: Path, env: dict[str, str],
                checkpoint=lambda res: None) -> report.ScaleResult:
    """All repeats of one N. `checkpoint(res)` is called after every repeat with the figures so far."""
    res = report.ScaleResult(n=n, repeats=0)
    src_raw, infos, _ = workload.ensure_users(cache, n, args.seed, log=log)
    users = [i.user_id for i in infos]
    by_id = {i.user_id: i for i in infos}
    scale_dir = args.work / f"n{n}"
    scale_dir.mkdir(parents=True, exist_ok=True)

    # The limit's SQL: the same models compiled for the same work as the pipeline's daily run (every
    # user: an empty users list; a literal list of 10,000 ids would not fit in one argument).
    from ..assets.dbt import dbt_vars

    plan_file = scale_dir / "plan.json"

    def compile_plan() -> None:
        # Compiled right before each repeat: other people may be editing models and seeds meanwhile.
        manifest = plan.compile_project(DBT_PROJECT_DIR, scale_dir / "compile", dbt_vars([], REFRESH_DATE), env)
        plan.save(plan.build_plan(json.loads(manifest.read_text()), DBT_PROJECT_DIR, scale_dir / "compile" / "seeds"),
                  plan_file)

    changed = workload.changed_users(users, args.changed_fraction, args.seed)
    single = workload.one_user(users, changed, args.seed)
    new_zip, single_zip = {}, None
    if not args.pipeline_only:   # the newer exports of the incremental and one-user refreshes
        new_zip = {u: workload.new_export(cache, by_id[u], 1) for u in changed}
        single_zip = workload.new_export(cache, by_id[single], 2 if single in changed else 1)
    res.incremental_users = len(changed)
    if n < args.incremental_min_users:
        res.notes.append(f"incremental and one-user refreshes skipped below {args.incremental_min_users} users "
                         f"(--incremental-min-users); N = 1's full refresh is itself a one-user refresh, "
                         f"on a fresh warehouse")
    bds: dict[str, list] = {"full": [], "limit": [], "inc": [], "one": []}

    for r in range(args.repeats):
        # -- limit: unzip + DuckDB CSV reader + compiled SQL, one process, one connection
        if not args.pipeline_only:
            log(f"N={n} repeat {r + 1}/{args.repeats}: compiling the dbt project for the limit (not timed)")
            compile_plan()
            limit_raw = scale_dir / "limit_raw"
            workload.clone_users(src_raw, limit_raw, users)
            m_lim, lim = run_limit(limit_raw, scale_dir / "limit", plan_file, env)
            res.limit_s.append(m_lim.wall_s)
            res.limit_peak.append(m_lim.peak.tree_bytes)
            res.rows = sum(v for k, v in lim["rows"].items() if k not in ("export_files", "exports"))
            bds["limit"].append({"extract": lim["timings"]["extract"], "ingest": lim["timings"]["ingest"],
                                 "seeds+models": lim["timings"]["transform"]})
            log(f"N={n} repeat {r + 1}/{args.repeats}: limit {m_lim.wall_s:.1f} s "
                f"(extract {lim['timings']['extract']:.1f}, ingest {lim['timings']['ingest']:.1f}, "
                f"models {lim['timings']['transform']:.1f}), peak {report.fmt_bytes(m_lim.peak.tree_bytes)}")

        # -- pipeline: the daily schedule's run over every user, fresh instance and warehouse
        sc = Scenario(scale_dir / "pipeline", src_raw, users, env, tuple(args.tolerate_step), res.notes)
        m_full, outs = sc.refresh([(users[0], users[-1])], REFRESH_DATE, "daily", "full")
        res.pipeline_s.append(m_full.wall_s)
        res.pipeline_peak_tree.append(m_full.peak.tree_bytes)
        res.pipeline_peak_proc.append(m_full.peak.process_bytes)
        res.pipeline_peak_proc_name = m_full.peak.process_name
        bds["full"].append(breakdown.run_breakdown(outs[0], m_full.wall_s))
        log(f"N={n} repeat {r + 1}/{args.repeats}: pipeline {m_full.wall_s:.1f} s, peak tree "
            f"{report.fmt_bytes(m_full.peak.tree_bytes)}, max process {report.fmt_bytes(m_full.peak.process_bytes)} "
            f"({m_full.peak.process_name})")

        if args.pipeline_only:
            res.rows = _rows_ingested(sc.warehouse)
            res.notes.append("pipeline only (--pipeline-only): no limit, no comparison, no incremental/one-user runs")
            res.repeats = r + 1
            summarise(res, bds)
            checkpoint(res)
            continue

        # -- same work? the score tables must be equal
        diff = compare_tables(sc.warehouse, Path(lim["database"]), "marts.connection_score")
        seed_tables = [f"{s.schema}.{s.relation.rsplit('.', 1)[-1].strip(chr(34))}"
                       for s in plan.load(plan_file) if s.kind == "seed"]
        seeds_changed = [t for t in seed_tables
                         if not compare_tables(sc.warehouse, Path(lim["database"]), t).equal]
        log(f"  {diff.describe()}")
        if not diff.equal and seeds_changed:
            res.scores_equal.append(None)
            res.notes.append(f"repeat {r + 1}: score comparison inconclusive: seed(s) {', '.join(seeds_changed)} "
                             "were edited between the limit's compile and the pipeline's run")
        else:
            res.scores_equal.append(diff.equal)
            if not diff.equal:
                res.notes.append(f"repeat {r + 1}: {diff.describe()}")
        if r == 0:
            from ..ingestion.schema import ALL_TABLES

            raw_diffs = [d for d in compare_raw(sc.warehouse, Path(lim["database"]), [t.name for t in ALL_TABLES])
                         if not d.equal]
            for d in raw_diffs:
                log(f"  raw difference: {d.describe()}")
                res.notes.append(f"raw difference: {d.describe()}")
            if not raw_diffs:
                log("  raw tables: equal (all columns the models read)")

        if n >= args.incremental_min_users:
            refresh_small(n, r, args, res, sc, changed, single, new_zip, single_zip, bds)
        res.repeats = r + 1
        summarise(res, bds)
        checkpoint(res)
    if not args.keep:
        shutil.rmtree(scale_dir / "limit_raw", ignore_errors=True)
    return res


def _rows_ingested(warehouse: Path) -> int:
    """Rows of the 15 raw data tables (the inventory tables excluded), as the limit counts them."""
    import duckdb

    from ..ingestion.schema import RAW_TABLES

    with duckdb.connect(str(warehouse), read_only=True) as con:
        return sum(con.execute(f"select count(*) from raw.{t.name}").fetchone()[0] for t in RAW_TABLES)


def summarise(res: report.ScaleResult, bds: dict[str, list]) -> None:
    res.breakdown = merge(bds["full"])
    res.limit_breakdown = merge(bds["limit"])
    res.incremental_breakdown = merge(bds["inc"]) if bds["inc"] and all("runs" not in b for b in bds["inc"]) else {}
    res.one_user_breakdown = merge(bds["one"]) if bds["one"] else {}


def refresh_small(n, r, args, res, sc, changed, single, new_zip, single_zip, bds) -> None:
    """The incremental (1% of users, sensor-style runs) and one-user refreshes of repeat r."""
    try:
        # -- incremental: 1% of the users drop a newer export; the sensor's run: ONE run over the range
        # covering them, rebuilding only the users whose export changed (only_changed)
        for u in changed:
            workload.drop_in(new_zip[u], sc.raw, u)
        from ..operations.batching import covering_range

        ranges = [covering_range(instance.partitions(sc.home), changed)]
        res.incremental_runs = len(ranges)
        m_inc, outs_inc = sc.refresh(ranges, None, "new_export", "incremental")
        res.incremental_s.append(m_inc.wall_s)
        bds["inc"].append(merge([breakdown.run_breakdown(o, m_inc.wall_s) for o in outs_inc]) if len(outs_inc) == 1
                          else {"runs": float(len(outs_inc))})
        log(f"N={n} repeat {r + 1}/{args.repeats}: incremental {len(changed)} users in {len(ranges)} run(s): "
            f"{m_inc.wall_s:.1f} s")

        # -- fixed overhead: one user, one run, one partition, same warehouse
        workload.drop_in(single_zip, sc.raw, single)
        m_one, outs_one = sc.refresh([(single, single)], None, "new_export", "one_user")
        res.one_user_s.append(m_one.wall_s)
        bds["one"].append(breakdown.run_breakdown(outs_one[0], m_one.wall_s))
        log(f"N={n} repeat {r + 1}/{args.repeats}: one user {m_one.wall_s:.1f} s")

    except Exception as exc:  # noqa: BLE001 - keep the full-refresh figures
        log(f"  incremental/one-user refresh failed: {exc}")
        res.notes.append(f"repeat {r + 1}: incremental/one-user refresh failed: {str(exc)[:300]}")


def take_profile(n: int, args: argparse.Namespace, cache: Path, env: dict[str, str]):
    src_raw, infos, _ = workload.ensure_users(cache, n, args.seed, log=log)
    users = [i.user_id for i in infos]
    sc = Scenario(args.work / f"profile-n{n}", src_raw, users, env, tuple(args.tolerate_step))
    cmd, result = sc.run_cmd(users[0], users[-1], REFRESH_DATE, "daily")
    raw_out = sc.root / "pyspy.txt"
    rate = 50
    wrapped = profiling.profile_command(cmd, raw_out, rate)
    if wrapped is None:
        return None, "py-spy is not installed (.venv/bin/pip install py-spy)"
    log(f"profiling one full refresh of N={n} with py-spy")
    m = procs.run_measured([wrapped], env=sc.env, cwd=sc.root, log_dir=sc.root / "logs", label="profile")
    if not raw_out.exists():
        return None, f"py-spy produced no output: {procs.tail(m.logs[0], 5)}"
    note = (f"Wall {m.wall_s:.1f} s under the profiler (sampling at {rate} Hz adds some overhead). "
            "CPU seconds of Python frames: DuckDB's own worker threads are not sampled, so SQL executed "
            "inside DuckDB shows as the Python frame that called it.")
    return profiling.summarise(raw_out, rate), note


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(prog="python -m orchestration.benchmarks",
                                description="Measure the pipeline against its physical limit.")
    p.add_argument("--users", default="1,100,1000", help="comma-separated N (default 1,100,1000)")
    p.add_argument("--repeats", type=int, default=3)
    p.add_argument("--work", type=Path, default=Path("/tmp/connection-score-bench"))
    p.add_argument("--seed", type=int, default=0)
    g = p.add_mutually_exclusive_group()
    g.add_argument("--with-10k", action="store_true", help="also 10,000 users (one repeat; ~30 min generation)")
    g.add_argument("--skip-10k", action="store_true", help="(default) report 10,000 users as not run")
    p.add_argument("--profile-users", type=int, default=100, help="N of the py-spy profile (0: no profile)")
    p.add_argument("--changed-fraction", type=float, default=0.01)
    p.add_argument("--incremental-min-users", type=int, default=100,
                   help="measure the incremental and one-user refreshes from this N on (default 100)")
    p.add_argument("--doc", type=Path, default=REPO_ROOT / "docs" / "benchmarks.md")
    p.add_argument("--no-doc", action="store_true", help="print only, do not write docs/benchmarks.md")
    p.add_argument("--tolerate-step", action="append", default=[], metavar="STEP",
                   help="measure runs even if this step fails (reported as a note), e.g. serving__snapshot")
    p.add_argument("--report-only", metavar="COMMAND", default="",
                   help="re-render the report from <work>/results.json (COMMAND: the command that produced it)")
    p.add_argument("--keep", action="store_true", help="keep scenario folders")
    p.add_argument("--pipeline-only", action="store_true",
                   help="measure only the pipeline's full refresh (no limit, comparison, incremental or one-user "
                        "runs), e.g. for the 10,000-user memory target")
    p.add_argument("--add-to-results", action="store_true",
                   help="merge these scales into the existing <work>/results.json (same N replaced) and render all")
    args = p.parse_args(argv)
    args.work = args.work.resolve()
    if args.work.resolve().is_relative_to(REPO_ROOT / "data"):
        raise SystemExit("--work must not be inside the repo's data/")
    args.work.mkdir(parents=True, exist_ok=True)
    scales = sorted({int(x) for x in args.users.split(",") if x.strip()})
    env = base_env()
    command = "python -m orchestration.benchmarks " + " ".join(argv if argv is not None else sys.argv[1:])

    if args.report_only:
        results = [report.ScaleResult(**d) for d in json.loads((args.work / "results.json").read_text())]
        prof = json.loads((args.work / "profile.json").read_text()) if (args.work / "profile.json").exists() else {}
        text = report.render_results(results, machine.describe(), args.report_only, prof.get("rows"), prof.get("n"),
                                     prof.get("note", "not taken"))
        print(text)
        if not args.no_doc:
            report.write_doc(args.doc, text)
        return 0

    log(f"work dir {args.work}; preparing the dbt manifest (dbt parse)")
    prepare_manifest(env)
    cache = args.work / f"users-seed{args.seed}"
    results: list[report.ScaleResult] = []
    earlier: list[report.ScaleResult] = []
    if args.add_to_results and (args.work / "results.json").exists():
        earlier = [report.ScaleResult(**d) for d in json.loads((args.work / "results.json").read_text())
                   if d["n"] not in scales]

    def checkpoint(partial: report.ScaleResult) -> None:
        # after every repeat: a long run can be stopped and still leave its figures (--report-only)
        done = sorted(earlier + results + [partial], key=lambda x: x.n)
        (args.work / "results.json").write_text(json.dumps(report.to_json(done), indent=1, default=str))
        if not args.no_doc:
            report.write_doc(args.doc, report.render_results(
                done, machine.describe(), command, None, None, "not taken yet (it runs after every scale)"))

    for n in scales:
        results.append(bench_scale(n, args, cache, env, checkpoint))
    if 10_000 not in scales and not any(e.n == 10_000 for e in earlier):
        if args.with_10k:
            r10 = bench_scale(10_000, argparse.Namespace(**{**vars(args), "repeats": 1}), cache, env)
        else:
            r10 = report.ScaleResult(n=10_000, not_run="not run: pass --with-10k (generation ~30 min, one repeat)")
        results.append(r10)
    profile, profile_note = None, "disabled (--profile-users 0)"
    if args.profile_users:
        try:
            profile, profile_note = take_profile(args.profile_users, args, cache, env)
            (args.work / "profile.json").write_text(json.dumps({"n": args.profile_users, "rows": profile,
                                                                "note": profile_note}))
        except Exception as exc:  # noqa: BLE001 - the figures above stay valid without a profile
            profile, profile_note = None, f"profile failed: {exc}"
    results = sorted(earlier + results, key=lambda x: x.n)
    text = report.render_results(results, machine.describe(), command, profile,
                                 args.profile_users or None, profile_note)
    print(text)
    (args.work / "results.json").write_text(json.dumps(report.to_json(results), indent=1, default=str))
    if not args.no_doc:
        report.write_doc(args.doc, text)
        log(f"wrote {args.doc}")
    return 0 if all(x is not False for r in results for x in r.scores_equal) else 1
