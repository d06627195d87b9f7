"""Benchmark harness: the pipeline measured against its physical limit (see docs/benchmarks.md).

    python -m orchestration.benchmarks --users 1,100,1000 --repeats 3

Modules: `procs` (wall time and peak RSS of a process tree), `workload` (generated users, new exports),
`instance` + `dagster_run` + `job_target` (the real `refresh_users` job, its in-process executor),
`limit_ingest` + `plan` + `limit` (the same work as one plain DuckDB script), `compare` (score tables
equal?), `machine` + `report` (the table, docs/benchmarks.md), `profiling` (where the time goes), `cli`.
Run by hand, never in CI's test run."""
