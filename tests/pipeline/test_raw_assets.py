"""The ingestion assets in Dagster: one partition per user of raw/linkedin_export with useful metadata,
failures isolated; the raw tables validated by blocking checks."""

from __future__ import annotations

from pathlib import Path

import dagster as dg
import duckdb

from orchestration.assets.raw import raw_linkedin_export, raw_tables
from orchestration.resources import WarehouseResource
from tests.conftest import copy_sample


def _materialize(instance, user, warehouse, raw_root):
    return dg.materialize(
        [raw_linkedin_export, raw_tables], partition_key=user, instance=instance, raise_on_error=False,
        resources={"warehouse": WarehouseResource(path=str(warehouse), raw_root=str(raw_root))},
    )


def test_partition_per_user_with_metadata_and_isolated_failure(samples, raw_root, warehouse):
    copy_sample(samples, "2024-12-basic", raw_root, "feynman")
    (raw_root / "broken").mkdir()
    (raw_root / "broken" / "Complete_LinkedInDataExport_01-02-2025.zip").write_bytes(b"PK\x03\x04 junk")
    instance = dg.DagsterInstance.ephemeral()
    instance.add_dynamic_partitions("users", ["feynman", "broken"])

    ok = _materialize(instance, "feynman", warehouse, raw_root)
    assert ok.success
    (export,) = ok.asset_materializations_for_node("raw__linkedin_export")
    assert export.partition == "feynman"
    tables = {m.asset_key.to_user_string(): m for m in ok.asset_materializations_for_node("raw_tables")}
    assert len(tables) == 17 and all(m.partition is None for m in tables.values())
    assert tables["raw/connections"].metadata["rows_of_refreshed_users"].value == 3
    assert tables["raw/connections"].metadata["dagster/row_count"].value == 3
    exports = export.metadata
    assert exports["files_found"].value == 18 and exports["rows_total"].value == 18
    assert "coach_messages.csv | messages | excluded" in exports["files"].value
    assert exports["warning_count"].value == 0

    bad = _materialize(instance, "broken", warehouse, raw_root)
    assert not bad.success
    failure = next(e for e in bad.all_events if e.is_step_failure)
    message = failure.event_specific_data.error.message
    assert "user 'broken', file 'Complete_LinkedInDataExport_01-02-2025.zip': corrupt zip archive" in message
    with duckdb.connect(str(warehouse), read_only=True) as con:
        assert con.execute("select count(*) from raw.connections where user_id='feynman'").fetchone()[0] == 3


def test_raw_suites_run_as_blocking_checks(samples, raw_root, warehouse):
    copy_sample(samples, "2024-12-basic", raw_root, "feynman")
    # A user whose Connected On column is mostly unparseable: ingestion succeeds (dates are warnings),
    # the raw suite fails with an ERROR, which blocks that user's downstream assets.
    bad = raw_root / "mangled" / "export"
    bad.mkdir(parents=True)
    (bad / "Connections.csv").write_text(
        "First Name,Last Name,URL,Email Address,Company,Position,Connected On\n"
        + "".join(f"A{i},B,https://www.linkedin.com/in/a{i},,C,D,someday\n" for i in range(9))
        + "Z,B,https://www.linkedin.com/in/z,,C,D,01 Jan 2024\n")
    instance = dg.DagsterInstance.ephemeral()
    instance.add_dynamic_partitions("users", ["feynman", "mangled"])

    good = _materialize(instance, "feynman", warehouse, raw_root)
    evaluations = {e.asset_key.to_user_string(): e for e in good.get_asset_check_evaluations()}
    assert len(evaluations) == 15 and all(e.passed for e in evaluations.values())

    result = _materialize(instance, "mangled", warehouse, raw_root)
    failed = {e.asset_key.to_user_string(): e for e in result.get_asset_check_evaluations() if not e.passed}
    assert list(failed) == ["raw/connections"]
    evaluation = failed["raw/connections"]
    assert evaluation.severity == dg.AssetCheckSeverity.ERROR
    assert evaluation.blocking is True
    assert "connected_on" in str(evaluation.metadata)
    # the result is rendered in the offline Data Docs next to the warehouse, linked from the check
    page = Path(evaluation.metadata["data_docs"].value)
    assert page.exists() and page.is_relative_to(warehouse.parent / "data_docs")
    assert (warehouse.parent / "data_docs" / "index.html").exists()
