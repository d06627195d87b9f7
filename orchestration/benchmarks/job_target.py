"""The job the benchmark runs, as a module-level function for `dagster.reconstructable` (as a code
location loads it; a multiprocess executor would re-load it in every step process)."""

from __future__ import annotations


def refresh_users_job():
    from orchestration.definitions import defs

    return defs.resolve_job_def("refresh_users")
