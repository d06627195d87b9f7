"""The marts suites as a blocking check on the dbt mart assets: now built by stage_checks.py with the
staging and intermediate ones (kept for existing imports)."""

from .stage_checks import GX_CHECK, marts_gx_suites, stage_key, stage_tables

MART_SUITES = stage_tables("marts")


def mart_key(table: str):
    return stage_key("marts", table)


__all__ = ["GX_CHECK", "MART_SUITES", "mart_key", "marts_gx_suites"]
