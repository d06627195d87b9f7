"""The raw suites against what ingestion really writes: generated exports of every era and the redacted
real samples, ingested into a temporary warehouse, validated with validate_table. No error may fire
(warnings are allowed: the synthetic sample's shifted 1800s dates, redacted enum values, ...)."""

from __future__ import annotations

import shutil

import pytest

from orchestration.checks.suites import load_all
from orchestration.checks.validation import validate_table

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def ingested(tmp_path_factory):
    from orchestration.generator import generate_export
    from orchestration.ingestion.pipeline import ingest_user

    from tests.conftest import samples_dir

    root = tmp_path_factory.mktemp("ingested")
    raw, warehouse = root / "raw", root / "warehouse.duckdb"
    users = []
    for i, (persona, era) in enumerate([("typical", "current"), ("new_grad", "2024"),
                                        ("new_grad", "2021"), ("new_grad", "2018")]):
        user = f"gen-{era}"
        generate_export(raw / user, persona=persona, seed=i, era=era)
        users.append(user)
    try:
        samples = samples_dir()
    except RuntimeError:
        samples = None
    if samples is not None:
        for sample in sorted(p for p in samples.iterdir() if p.is_dir()):
            user = f"sample-{sample.name}"
            shutil.copytree(sample, raw / user / sample.name)
            users.append(user)
    for user in users:
        ingest_user(warehouse, raw, user)
    return warehouse, users


@pytest.mark.parametrize("suite", sorted(load_all("raw")))
def test_raw_suite_has_no_error_on_ingested_exports(ingested, suite):
    warehouse, users = ingested
    summary = validate_table(warehouse, suite, users)
    assert summary.users == tuple(sorted(users))
    errors = [(r.type, r.column, r.failed_users, r.partial_unexpected_list[:3], r.exception)
              for r in summary.errors]
    assert errors == [], errors
