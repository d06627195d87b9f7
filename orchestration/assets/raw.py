"""Raw ingestion in two steps.

1. `raw/linkedin_export`, partitioned by user: parse each user's newest export into the raw.* tables,
   one transaction per user, so one user's bad export never touches another's rows. The Dagster UI shows
   per user when their export was last ingested, with the files, rows and warnings.
2. `raw/<table>` (one asset per raw table, not partitioned): the raw tables as validated for the users of
   the run. Its step runs each table's Great Expectations suite as a blocking check over those users'
   rows and quarantines users whose rows fail.

Why the tables are not partitioned: Dagster writes a planned and a materialization event per asset *per
partition*; 17 partitioned table assets cost 34 events per user per refresh (340,000 for 10,000 users) in
the instance's event log, which dominated a large refresh. Now it is 2 per user plus 17 per run."""

from pathlib import Path

import dagster as dg
import duckdb

from ..checks.batch import gate_batch
from ..ingestion.errors import ExportError
from ..ingestion.batch import ingest_users
from ..ingestion.pipeline import IngestReport
from ..ingestion.schema import ALL_TABLES, LINEAGE_COLUMNS, RAW_TABLES, RawTable
from ..operations import status
from ..partitions import users_partitions
from ..resources import WarehouseResource
from ..settings import EXPECTATIONS_DIR

RAW_GROUP = "raw"
RAW_EXPORT_KEY = dg.AssetKey(["raw", "linkedin_export"])
# Per-user detail (log lines, metadata rows) is shown in full for small batches only: a 10,000-user
# batch would otherwise write 10,000 log events and copy a 10,000-row table into every partition's event.
DETAIL_LIMIT = 50

# Raw tables with a Great Expectations suite (expectations/raw/<table>.json); each becomes a blocking check.
CHECKED_TABLES = [t.name for t in RAW_TABLES if (EXPECTATIONS_DIR / "raw" / f"{t.name}.json").exists()]


GX_CHECK = "gx_suite"


def raw_asset_key(table: str) -> dg.AssetKey:
    return dg.AssetKey(["raw", table])


class IngestConfig(dg.Config):
    """`only_changed`: the new-export sensor's runs cover a range of users of which only some changed;
    users whose export is unchanged and whose last refresh succeeded are checked but not rebuilt."""

    only_changed: bool = False


def report_metadata(report: IngestReport) -> dict[str, dg.MetadataValue]:
    """What an operator wants to see for one user's ingestion in the UI."""
    rows_md = "\n".join(f"| {t} | {n:,} |" for t, n in report.rows.items() if n)
    files_md = "\n".join(
        f"| {f['path']} | {f['file_kind'] or ''} | {f['status']} | {f['encoding'] or ''} | "
        f"{f['line_ending'] or ''} | {'' if f['data_rows'] is None else f['data_rows']} |"
        for f in report.files
    )
    meta: dict[str, dg.MetadataValue] = {
        "user_id": dg.MetadataValue.text(report.user_id),
        "status": dg.MetadataValue.text(report.status),
        "export_id": dg.MetadataValue.text(report.export_id),
        "archives": dg.MetadataValue.text(", ".join(report.archive_names)),
        "archive_kind": dg.MetadataValue.text(report.archive_kind),
        "export_date": dg.MetadataValue.text(f"{report.export_date} (from {report.export_date_source})"),
        "rows_total": dg.MetadataValue.int(report.rows_total),
        "rows_per_table": dg.MetadataValue.md("| table | rows |\n|---|---|\n" + rows_md),
        "warnings": dg.MetadataValue.md("\n".join(f"- {w}" for w in report.warnings) or "none"),
        "warning_count": dg.MetadataValue.int(len(report.warnings)),
    }
    if report.files:
        meta["files_found"] = dg.MetadataValue.int(report.files_found)
        meta["files_parsed"] = dg.MetadataValue.int(report.files_parsed)
        meta["files"] = dg.MetadataValue.md(
            "| file | kind | status | encoding | line ending | rows |\n|---|---|---|---|---|---|\n" + files_md
        )
    return meta


def batch_metadata(reports: dict[str, IngestReport], failures: dict[str, ExportError],
                   rebuilt: list[str]) -> dict[str, dg.MetadataValue]:
    """A batch's summary: bounded in size whatever the number of users (it is stored once per partition)."""
    rows: dict[str, int] = {}
    for report in reports.values():
        for table, n in report.rows.items():
            rows[table] = rows.get(table, 0) + n
    loaded = [u for u, r in reports.items() if r.status == "loaded"]
    meta: dict[str, dg.MetadataValue] = {
        "users": dg.MetadataValue.int(len(reports) + len(failures)),
        "users_loaded": dg.MetadataValue.int(len(loaded)),
        "users_unchanged": dg.MetadataValue.int(len(reports) - len(loaded)),
        "users_rebuilt": dg.MetadataValue.int(len(rebuilt)),
        "users_failed": dg.MetadataValue.int(len(failures)),
        "dagster/row_count": dg.MetadataValue.int(sum(rows.values())),
        "rows_per_table": dg.MetadataValue.md("| table | rows |\n|---|---|\n" + "\n".join(
            f"| {t} | {n:,} |" for t, n in rows.items() if n)),
        "warning_count": dg.MetadataValue.int(sum(len(r.warnings) for r in reports.values())),
    }
    if len(reports) <= DETAIL_LIMIT:
        meta["users_detail"] = dg.MetadataValue.md(
            "| user | status | export date | rows | warnings |\n|---|---|---|---|---|\n" + "\n".join(
                f"| {r.user_id} | {r.status} | {r.export_date} | {r.rows_total:,} | {len(r.warnings)} |"
                for r in reports.values()))
    if failures:
        shown = list(failures.values())[:DETAIL_LIMIT]
        more = len(failures) - len(shown)
        meta["failed_users"] = dg.MetadataValue.md(
            "\n".join(f"- {e.message}" for e in shown) + (f"\n- ... and {more} more (ops.refresh_status)"
                                                          if more else ""))
    return meta


@dg.asset(
    key=RAW_EXPORT_KEY,
    group_name=RAW_GROUP,
    kinds={"python"},
    partitions_def=users_partitions,
    backfill_policy=dg.BackfillPolicy.single_run(),
    pool="warehouse",
    description="Parse each user's newest LinkedIn export (zip or folder under data/raw/<user_id>/) into "
                "the raw.* tables, replacing that user's rows in one transaction. One partition per user.",
)
def raw_linkedin_export(context: dg.AssetExecutionContext, warehouse: WarehouseResource,
                        config: IngestConfig) -> dg.MaterializeResult:
    users = context.partition_keys
    run_id = context.run.run_id
    detailed = len(users) <= DETAIL_LIMIT
    with warehouse.connect() as con:
        result = ingest_users(con, Path(warehouse.raw_root), users)
        reports, failures = result.reports, result.failures
        for user_id, exc in failures.items():
            context.log.error(f"ingestion failed: {exc.message}")
        if detailed:
            for user_id, report in reports.items():
                context.log.info(f"{user_id}: {report.status} export {report.export_id} "
                                 f"({report.rows_total:,} rows, {len(report.warnings)} warnings)")
                for warning in report.warnings:
                    context.log.warning(f"{user_id}: {warning}")
        unchanged = {u for u, r in reports.items() if r.status == "unchanged"}
        skip = status.up_to_date(con, unchanged) if config.only_changed else set()
        rebuilt = [u for u in reports if u not in skip]
        status.start(con, run_id, rebuilt + list(failures))
        status.fail(con, run_id, "ingestion", {u: e.message for u, e in failures.items()})
    if not detailed:
        context.log.info(f"{len(reports)} users checked: {len(reports) - len(unchanged)} loaded, "
                         f"{len(unchanged)} unchanged, {len(rebuilt)} to rebuild, {len(failures)} failed")
    if failures and not reports:
        # Nobody in the batch could be ingested: fail the step (their previous data is untouched).
        raise dg.Failure(
            description="; ".join(exc.message for exc in list(failures.values())[:DETAIL_LIMIT]),
            metadata={
                "failed_users": dg.MetadataValue.json(sorted(failures)),
                "errors": dg.MetadataValue.md("\n".join(f"- {e.message}" for e in failures.values())),
            },
        )
    if len(users) == 1:
        return dg.MaterializeResult(metadata=report_metadata(reports[users[0]]))
    return dg.MaterializeResult(metadata=batch_metadata(reports, failures, rebuilt))


def _table_spec(table: RawTable) -> dg.AssetSpec:
    return dg.AssetSpec(
        raw_asset_key(table.name),
        deps=[RAW_EXPORT_KEY],
        description=table.description,
        group_name=RAW_GROUP,
        kinds={"duckdb"},
        metadata={
            "dagster/table_name": f"raw.{table.name}",
            "dagster/column_schema": dg.TableSchema(
                columns=[dg.TableColumn(c.name, c.type, description=c.description)
                         for c in LINEAGE_COLUMNS + table.columns]
            ),
        },
    )


@dg.multi_asset(
    name="raw_tables",
    specs=[_table_spec(t) for t in ALL_TABLES],
    check_specs=[
        dg.AssetCheckSpec(GX_CHECK, asset=raw_asset_key(t), blocking=True,
                          description=f"Great Expectations suite expectations/raw/{t}.json over the rows of the "
                                      "users refreshed in the run")
        for t in CHECKED_TABLES
    ],
    pool="warehouse",
    can_subset=False,
    description="The raw tables as loaded for the users of this run, validated by their Great Expectations "
                "suites (users whose rows fail an error-severity expectation are quarantined).",
)
def raw_tables(context: dg.AssetExecutionContext, warehouse: WarehouseResource):
    run_id = context.run.run_id
    with warehouse.connect() as con:
        users = status.pending(con, run_id)
        batch_rows = table_counts(con, users)
        total_rows = table_counts(con, None)
    for table in ALL_TABLES:
        yield dg.MaterializeResult(asset_key=raw_asset_key(table.name), metadata={
            "dagster/row_count": dg.MetadataValue.int(total_rows.get(table.name, 0)),
            "rows_of_refreshed_users": dg.MetadataValue.int(batch_rows.get(table.name, 0)),
            "users_refreshed": dg.MetadataValue.int(len(users)),
        })
    # Validate what was just written (the write connection is closed: GX reads read-only). GX is
    # imported here, once per run, never at definitions load; the 15 suites share one GX context and
    # one Data Docs rendering.
    yield from gate_batch(context.log, warehouse, run_id,
                          [(f"raw.{t}", raw_asset_key(t)) for t in CHECKED_TABLES], users, "raw_checks", GX_CHECK)


def table_counts(con: duckdb.DuckDBPyConnection, users: list[str] | None) -> dict[str, int]:
    """Rows per raw table, of `users` (None: of everyone), in one query."""
    if users is not None and not users:
        return {}
    where = "" if users is None else " where list_contains($users, user_id)"
    sql = " union all ".join(f"select '{t.name}' as t, count(*) as n from raw.{t.name}{where}" for t in ALL_TABLES)
    return dict(con.execute(sql, {"users": users} if users is not None else {}).fetchall())
