"""Raw ingestion assets: one asset per raw table, all written by one step per batch of users.

Each user is a partition of `users`. A batch (one run over several partitions) ingests the users one by
one, each in its own transaction, so one user's bad export never touches another's rows."""


from pathlib import Path

import dagster as dg

from ..ingestion.errors import ExportError
from ..ingestion.pipeline import IngestReport, ingest_user
from ..checks.batch import run_suite_for_batch
from ..ingestion.schema import ALL_TABLES, EXPORTS, RAW_TABLES, RawTable
from ..operations import status
from ..partitions import users_partitions
from ..resources import WarehouseResource
from ..settings import EXPECTATIONS_DIR

RAW_GROUP = "raw"


def raw_asset_key(table: str) -> dg.AssetKey:
    return dg.AssetKey(["raw", table])


def _spec(table: RawTable) -> dg.AssetSpec:
    return dg.AssetSpec(
        raw_asset_key(table.name),
        description=table.description,
        group_name=RAW_GROUP,
        kinds={"duckdb", "python"},
        metadata={
            "dagster/table_name": f"raw.{table.name}",
            "dagster/column_schema": dg.TableSchema(
                columns=[dg.TableColumn(c.name, c.type, description=c.description)
                         for c in table.columns]
            ),
        },
    )


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


GX_CHECK = "gx_suite"
# Raw tables with a Great Expectations suite (expectations/raw/<table>.json); each becomes a blocking check.
CHECKED_TABLES = [t.name for t in RAW_TABLES if (EXPECTATIONS_DIR / "raw" / f"{t.name}.json").exists()]


@dg.multi_asset(
    name="raw_linkedin_export",
    specs=[_spec(t) for t in ALL_TABLES],
    check_specs=[
        dg.AssetCheckSpec(GX_CHECK, asset=raw_asset_key(t), blocking=True,
                          description=f"Great Expectations suite expectations/raw/{t}.json on the refreshed users")
        for t in CHECKED_TABLES
    ],
    partitions_def=users_partitions,
    backfill_policy=dg.BackfillPolicy.single_run(),
    pool="warehouse",
    can_subset=False,
    description="Parse each user's newest LinkedIn export (zip or folder under data/raw/<user_id>/) into "
                "the raw tables, replacing that user's rows in one transaction.",
)
def raw_linkedin_export(context: dg.AssetExecutionContext, warehouse: WarehouseResource):
    users = context.partition_keys
    run_id = context.run.run_id
    reports: dict[str, IngestReport] = {}
    failures: dict[str, ExportError] = {}
    with warehouse.connect() as con:
        status.start(con, run_id, users)
        for user_id in users:
            try:
                report = ingest_user(warehouse.path, Path(warehouse.raw_root), user_id, con=con)
            except ExportError as exc:
                context.log.error(f"ingestion failed: {exc.message}")
                failures[user_id] = exc
                continue
            reports[user_id] = report
            context.log.info(f"{user_id}: {report.status} export {report.export_id} "
                             f"({report.rows_total:,} rows, {len(report.warnings)} warnings)")
            for warning in report.warnings:
                context.log.warning(f"{user_id}: {warning}")
        status.fail(con, run_id, "ingestion", {u: e.message for u, e in failures.items()})
    if failures and not reports:
        # Nobody in the batch could be ingested: fail the step (their previous data is untouched).
        raise dg.Failure(
            description="; ".join(exc.message for exc in failures.values()),
            metadata={
                "failed_users": dg.MetadataValue.json(sorted(failures)),
                "errors": dg.MetadataValue.md("\n".join(f"- {e.message}" for e in failures.values())),
            },
        )
    single = reports[users[0]] if len(users) == 1 else None
    for table in ALL_TABLES:
        metadata: dict[str, dg.MetadataValue] = {
            "dagster/row_count": dg.MetadataValue.int(sum(r.rows.get(table.name, 0) for r in reports.values())),
            "users": dg.MetadataValue.int(len(reports)),
        }
        if table is EXPORTS:
            if single:
                metadata.update(report_metadata(single))
            else:
                metadata["users_detail"] = dg.MetadataValue.md(
                    "| user | status | export date | rows | warnings |\n|---|---|---|---|---|\n" + "\n".join(
                        f"| {r.user_id} | {r.status} | {r.export_date} | {r.rows_total:,} | {len(r.warnings)} |"
                        for r in reports.values()))
            if failures:
                metadata["failed_users"] = dg.MetadataValue.md(
                    "\n".join(f"- {e.message}" for e in failures.values()))
        elif single and table.name in single.rows:
            metadata["export_date"] = dg.MetadataValue.text(str(single.export_date))
        yield dg.MaterializeResult(asset_key=raw_asset_key(table.name), metadata=metadata)
    # Validate what was just written (the write connection is closed: GX reads read-only). GX is
    # imported here, once per batch, never at definitions load.
    checked = sorted(reports)
    quarantine: dict[str, str] = {}
    for table_name in CHECKED_TABLES:
        outcome = run_suite_for_batch(warehouse.path, f"raw.{table_name}", checked,
                                      raw_asset_key(table_name), GX_CHECK)
        for user, reason in outcome.failed_users.items():
            quarantine.setdefault(user, reason)
        yield outcome.result
    if quarantine:
        context.log.error("quarantined after raw checks: " + "; ".join(f"{u}: {r}" for u, r in quarantine.items()))
        with warehouse.connect() as con:
            status.fail(con, run_id, "raw_checks", quarantine)
