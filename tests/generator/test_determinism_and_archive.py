"""Determinism, archive naming, layouts and Basic vs Complete."""

from __future__ import annotations

import re
import zipfile
from datetime import date

import pytest

from orchestration.generator import DEFAULT_AS_OF, generate_export

ZIP_NAME = re.compile(r"^(Complete|Basic)_LinkedInDataExport_(\d{2})-(\d{2})-(\d{4})\.zip$")
ACTIVITY = {"Reactions.csv", "Comments.csv", "Shares.csv", "Votes.csv"}


def test_same_seed_gives_identical_bytes(tmp_path):
    a = generate_export(tmp_path / "a", persona="new_grad", seed=5)
    b = generate_export(tmp_path / "b", persona="new_grad", seed=5)
    assert a.path.name == b.path.name
    assert a.path.read_bytes() == b.path.read_bytes()
    assert a.expected_rows == b.expected_rows


def test_different_seed_gives_different_export(tmp_path):
    a = generate_export(tmp_path / "a", persona="new_grad", seed=5)
    c = generate_export(tmp_path / "c", persona="new_grad", seed=6)
    assert a.path.read_bytes() != c.path.read_bytes()
    assert a.owner_profile_url != c.owner_profile_url


def test_typical_is_deterministic_including_size(tmp_path):
    a = generate_export(tmp_path / "a", persona="typical", seed=42)
    b = generate_export(tmp_path / "b", persona="typical", seed=42)
    assert a.path.read_bytes() == b.path.read_bytes()


def test_zip_name_date_and_fixed_entry_timestamps(specialist):
    m = ZIP_NAME.match(specialist.path.name)
    assert m, specialist.path.name
    assert (int(m.group(4)), int(m.group(2)), int(m.group(3))) == (DEFAULT_AS_OF.year, DEFAULT_AS_OF.month, DEFAULT_AS_OF.day)
    assert specialist.as_of == DEFAULT_AS_OF == date(2026, 11, 20)
    with zipfile.ZipFile(specialist.path) as zf:
        stamps = {i.date_time for i in zf.infolist()}
        names = zf.namelist()
    assert stamps == {(2026, 11, 20, 3, 0, 0)}
    # CSVs at the zip root, plus the Jobs/ subfolder
    assert "Connections.csv" in names and "messages.csv" in names
    assert any(n.startswith("Jobs/") for n in names)


def test_as_of_parameter_drives_name_and_dates(rx, tmp_path):
    from datetime import datetime
    as_of = date(2025, 3, 4)
    ge = generate_export(tmp_path, persona="specialist", seed=1, as_of=as_of)
    assert ge.path.name == "Complete_LinkedInDataExport_03-04-2025.zip" and ge.as_of == as_of
    files = rx.open(ge.path)
    checks = {"Connections.csv": (6, "%d %b %Y"), "messages.csv": (6, "%Y-%m-%d %H:%M:%S UTC"),
              "Reactions.csv": (0, "%Y-%m-%d %H:%M:%S"), "Comments.csv": (0, "%Y-%m-%d %H:%M:%S"),
              "Invitations.csv": (2, "%m/%d/%y, %I:%M %p"), "Endorsement_Received_Info.csv": (0, "%Y/%m/%d %H:%M:%S UTC")}
    for name, (col, fmt) in checks.items():
        header, recs = rx.parse_csv(files[name], name)
        dates = [datetime.strptime(r[col], fmt) for r in recs]
        assert dates and max(dates).date() <= as_of, name
        assert min(dates).year >= as_of.year - 25, name


def test_basic_is_a_byte_identical_subset_without_activity(rx, tmp_path, make_export):
    complete = make_export(persona="new_grad", seed=3)
    basic = make_export(persona="new_grad", seed=3, kind="Basic")
    assert basic.path.name.startswith("Basic_LinkedInDataExport_")
    cf, bf = rx.open(complete.path), rx.open(basic.path)
    assert not ACTIVITY & set(bf.names())
    assert ACTIVITY & set(cf.names())
    for name in bf.names():
        assert bf[name] == cf[name], name
    for needed in ("Connections.csv", "messages.csv", "Invitations.csv", "Profile.csv", "Positions.csv", "Skills.csv",
                   "Education.csv", "Company Follows.csv", "Endorsement_Received_Info.csv"):
        assert needed in bf, needed
    assert basic.expected_rows["reactions"] == basic.expected_rows["comments"] == basic.expected_rows["shares"] == 0
    assert basic.expected_rows["connections"] == complete.expected_rows["connections"]
    assert len(cf.names()) > len(bf.names()) >= 20


@pytest.mark.parametrize("layout", ["folder", "wrapped_folder", "wrapped_zip"])
def test_layouts_hold_the_same_files(rx, tmp_path, make_export, layout):
    z = make_export(persona="new_grad", seed=3)
    other = generate_export(tmp_path, persona="new_grad", seed=3, layout=layout)
    raw = {}
    if layout == "folder":
        assert other.path.is_dir() and (other.path / "Connections.csv").is_file()
    elif layout == "wrapped_folder":
        inner = [p for p in other.path.iterdir()]
        assert len(inner) == 1 and inner[0].is_dir() and (inner[0] / "Connections.csv").is_file()
    else:
        with zipfile.ZipFile(other.path) as zf:
            raw = zf.namelist()
        assert all(n.startswith(other.path.stem + "/") for n in raw)
    assert rx.open(other.path).files == rx.open(z.path).files
    assert other.expected_rows == z.expected_rows


def test_folder_layout_is_deterministic_and_rerun_replaces(rx, tmp_path):
    a = generate_export(tmp_path, persona="new_grad", seed=9, layout="folder")
    first = rx.open(a.path).files
    b = generate_export(tmp_path, persona="new_grad", seed=9, layout="folder")
    assert rx.open(b.path).files == first


def test_name_artifacts(tmp_path):
    a = generate_export(tmp_path, persona="new_grad", seed=1, name_artifact=" (1)")
    b = generate_export(tmp_path, persona="new_grad", seed=1, name_artifact=".zip")
    assert a.path.name == "Complete_LinkedInDataExport_11-20-2026 (1).zip"
    assert b.path.name == "Complete_LinkedInDataExport_11-20-2026.zip.zip"


def test_rejects_unknown_arguments(tmp_path):
    with pytest.raises(ValueError):
        generate_export(tmp_path, persona="nobody")
    with pytest.raises(ValueError):
        generate_export(tmp_path, era="1999")
    with pytest.raises(TypeError):
        generate_export(tmp_path, persona="new_grad", no_such_option=1)
