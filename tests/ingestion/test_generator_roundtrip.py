"""Generated exports ingest with exactly the generated row counts, in every era and layout."""

from __future__ import annotations

import pytest

from orchestration.generator import generate_export
from orchestration.ingestion.pipeline import ingest_user

CASES = [
    # (persona, era, kind, layout, overrides)
    ("specialist", "current", "Complete", "zip", {}),
    ("new_grad", "current", "Basic", "folder", {}),
    ("specialist", "current", "Complete", "wrapped_zip", {"split_rows": 150, "bom_files": ["Connections.csv"],
                                                         "name_artifact": " (1)"}),
    ("new_grad", "2024", "Complete", "wrapped_folder", {}),
    ("specialist", "2021", "Complete", "zip", {}),
    ("new_grad", "2018", "Complete", "zip", {}),
]


@pytest.mark.parametrize("persona,era,kind,layout,overrides", CASES)
def test_generated_export_roundtrip(raw_root, warehouse, persona, era, kind, layout, overrides):
    user = f"{persona}-{era}".replace("_", "-")
    generated = generate_export(raw_root / user, persona=persona, seed=11, era=era, kind=kind, layout=layout,
                                **overrides)
    report = ingest_user(warehouse, raw_root, user)
    expected = {t: n for t, n in generated.expected_rows.items() if n}
    assert {t: n for t, n in report.rows.items() if n} == expected
    assert report.warnings == []
    assert report.export_date == generated.as_of
    if kind == "Basic":
        assert "reactions" not in expected and report.archive_kind == "Basic"
