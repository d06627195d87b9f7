"""The ingestion assets in Dagster: one partition per user, useful metadata, failures isolated."""

from __future__ import annotations

import dagster as dg
import duckdb

from orchestration.assets.raw import raw_linkedin_export
from orchestration.resources import WarehouseResource
from tests.conftest import copy_sample


def _materialize(instance, user, warehouse, raw_root):
    return dg.materialize(
        [raw_linkedin_export], partition_key=user, instance=instance, raise_on_error=False,
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
    mats = {m.asset_key.to_user_string(): m for m in ok.asset_materializations_for_node("raw_linkedin_export")}
    assert mats["raw/connections"].partition == "feynman"
    assert mats["raw/connections"].metadata["dagster/row_count"].value == 3
    exports = mats["raw/exports"].metadata
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
