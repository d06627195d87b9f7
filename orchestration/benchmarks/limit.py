"""Worker: the physical limit. One Python process, one DuckDB connection, no Dagster, no dbt, no GX:
unzip the exports, build the raw tables with DuckDB's CSV reader, then run the compiled dbt SQL of every
seed and model in dependency order.

    python -m orchestration.benchmarks.limit --raw RAW --work DIR --plan plan.json --result out.json"""

from __future__ import annotations

import argparse
import json
import shutil
import time
from pathlib import Path

T_PROCESS = time.time()


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser()
    p.add_argument("--raw", required=True, type=Path)
    p.add_argument("--work", required=True, type=Path)
    p.add_argument("--plan", required=True, type=Path)
    p.add_argument("--result", required=True, type=Path)
    args = p.parse_args(argv)

    t0 = time.perf_counter()
    import duckdb

    from orchestration.benchmarks import limit_ingest, plan

    steps = plan.load(args.plan)
    database = steps[0].database if steps else "warehouse"
    timings: dict[str, float] = {"import": time.perf_counter() - t0}
    if args.work.exists():
        shutil.rmtree(args.work)
    args.work.mkdir(parents=True)
    extract_root = args.work / "extracted"

    t = time.perf_counter()
    extracted = limit_ingest.extract(args.raw, extract_root, args.work / "chosen.csv", args.work / "inventory.csv")
    timings["extract"] = time.perf_counter() - t

    t = time.perf_counter()
    con = duckdb.connect(str(args.work / f"{database}.duckdb"))
    ingest_detail: dict[str, float] = {}
    rows = limit_ingest.ingest(con, args.raw, extract_root, args.work / "chosen.csv", args.work / "inventory.csv",
                               ingest_detail)
    timings["ingest"] = time.perf_counter() - t

    t = time.perf_counter()
    model_detail: dict[str, float] = {}
    for s in steps:
        ts = time.perf_counter()
        for sql in plan.step_sql(s):
            con.execute(sql)
        model_detail[s.unique_id] = time.perf_counter() - ts
    timings["seeds"] = sum(v for k, v in model_detail.items() if k.startswith("seed."))
    timings["models"] = sum(v for k, v in model_detail.items() if k.startswith("model."))
    timings["transform"] = time.perf_counter() - t
    con.execute("checkpoint")
    con.close()
    timings["total_in_process"] = time.perf_counter() - t0
    out = {"t_process": T_PROCESS, "timings": timings, "ingest_detail": ingest_detail, "model_detail": model_detail,
           "rows": rows, "extracted": vars(extracted), "database": str(args.work / f"{database}.duckdb")}
    args.result.write_text(json.dumps(out, indent=1))
    print(json.dumps(timings))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
