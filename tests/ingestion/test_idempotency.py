"""Re-ingestion is idempotent; a newer export replaces exactly that user's rows."""

from __future__ import annotations

import os
import shutil
import time

import duckdb

from orchestration.ingestion.pipeline import ingest_user
from orchestration.ingestion.schema import ALL_TABLES
from tests.conftest import copy_sample


def snapshot(warehouse, user=None):
    with duckdb.connect(str(warehouse), read_only=True) as con:
        where = "" if user is None else f"where user_id = '{user}'"
        return {t.name: con.execute(f"select * from raw.{t.name} {where} order by all").fetchall()
                for t in ALL_TABLES}


def test_same_export_twice_leaves_identical_tables(samples, raw_root, warehouse):
    copy_sample(samples, "2026-synthetic-fixture", raw_root, "ada")
    first = ingest_user(warehouse, raw_root, "ada")
    before = snapshot(warehouse)
    second = ingest_user(warehouse, raw_root, "ada")
    assert (first.status, second.status) == ("loaded", "unchanged")
    assert second.rows == first.rows
    assert snapshot(warehouse) == before
    forced = ingest_user(warehouse, raw_root, "ada", force=True)     # re-parsed, loaded_at kept
    assert forced.status == "loaded" and snapshot(warehouse) == before


def test_newer_export_replaces_only_that_users_rows(samples, raw_root, warehouse):
    copy_sample(samples, "2021-06-partial", raw_root, "femi")
    copy_sample(samples, "2024-12-basic", raw_root, "feynman")
    ingest_user(warehouse, raw_root, "femi")
    ingest_user(warehouse, raw_root, "feynman")
    feynman_before = snapshot(warehouse, "feynman")

    # femi drops a newer export (a zip) next to the old folder
    newer = raw_root / "femi" / "Complete_LinkedInDataExport_01-02-2099"
    shutil.copytree(samples / "2024-03-complete", newer)
    report = ingest_user(warehouse, raw_root, "femi")
    assert report.archive_names == ["Complete_LinkedInDataExport_01-02-2099"]
    femi = snapshot(warehouse, "femi")
    assert len(femi["connections"]) == 3 and len(femi["comments"]) == 4
    assert {r[1] for r in femi["connections"]} == {report.export_id}     # no rows of the old export left
    assert snapshot(warehouse, "feynman") == feynman_before               # the other user is untouched


def test_content_date_decides_when_names_carry_none(samples, raw_root, warehouse):
    old = copy_sample(samples, "2021-06-partial", raw_root, "dated")
    new = copy_sample(samples, "2024-03-complete", raw_root, "dated")
    past = time.time() - 400 * 86400
    for f in old.rglob("*"):
        os.utime(f, (past, past))
    report = ingest_user(warehouse, raw_root, "dated")
    assert report.archive_names == [new.name] and report.export_date_source == "content"
