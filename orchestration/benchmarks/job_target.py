"""The job the benchmark runs, as a module-level function for `dagster.reconstructable` (the
multiprocess executor re-loads it in every step process, as a code location would)."""

from __future__ import annotations


def refresh_users_job():
    from orchestration.definitions import defs

    return defs.resolve_job_def("refresh_users")
