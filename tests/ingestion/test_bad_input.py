"""Bad input fails one user with an error naming the user, file and problem; their previous data stays,
other users are untouched, and nothing under data/raw/ changes."""

from __future__ import annotations

import hashlib
import io
import zipfile
from datetime import date, timedelta
from pathlib import Path

import duckdb
import pytest

from orchestration.ingestion.errors import ExportError, InvalidUserId
from orchestration.ingestion.pipeline import ingest_user
from tests.conftest import copy_sample


def tree_digest(root: Path) -> str:
    h = hashlib.sha256()
    for p in sorted(root.rglob("*")):
        if p.is_file():
            h.update(p.relative_to(root).as_posix().encode() + p.read_bytes())
    return h.hexdigest()


def table_snapshot(warehouse: Path, user: str) -> list:
    with duckdb.connect(str(warehouse), read_only=True) as con:
        out = []
        for t in ["connections", "messages", "exports", "export_files"]:
            out.append(con.execute(f"select * from raw.{t} where user_id = ? order by all", [user]).fetchall())
        return out


def zip_bytes(entries: dict[str, bytes]) -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as zf:
        for name, data in entries.items():
            zf.writestr(name, data)
    return buf.getvalue()


GOOD_CONNECTIONS = b"First Name,Last Name,URL,Email Address,Company,Position,Connected On\nA,B,,,C,D,01 Jan 2024\n"


# Newer than the victim's previous export (a sample folder, dated by its files' timestamps).
NEWER = f"Complete_LinkedInDataExport_{(date.today() + timedelta(days=2)):%m-%d-%Y}.zip"


def _bad_exports() -> dict[str, tuple[str, bytes, str]]:
    bomb = io.BytesIO()
    with zipfile.ZipFile(bomb, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("Connections.csv", b"\0" * (60 * 1024 * 1024))
    return {
        "corrupt_zip": (NEWER, b"PK\x03\x04 this is not a zip",
                        "corrupt zip archive"),
        "unknown_encoding": (NEWER,
                             zip_bytes({"Connections.csv": "First Name,Last Name,Company,Position,Connected On\n"
                                                           "Ren\xe9,X,Caf\xe9,Y,01 Jan 2024\n".encode("latin-1")}),
                             "unknown text encoding"),
        "missing_columns": (NEWER,
                            zip_bytes({"Connections.csv": b"First Name,Last Name,URL\nA,B,https://x\n"}),
                            "required column(s) 'company', 'position', 'connectedon' missing"),
        "empty_archive": (NEWER, zip_bytes({}), "empty archive"),
        "path_traversal": (NEWER,
                           zip_bytes({"Connections.csv": GOOD_CONNECTIONS, "../../etc/evil.csv": b"x"}),
                           "points outside the archive (path traversal)"),
        "zip_bomb": (NEWER, bomb.getvalue(), "absurd size"),
    }


BAD = _bad_exports()


@pytest.mark.parametrize("case", sorted(BAD))
def test_bad_export_fails_only_that_user_and_keeps_previous_data(samples, raw_root, warehouse, case):
    zip_name, data, problem = BAD[case]
    copy_sample(samples, "2024-12-basic", raw_root, "victim")
    copy_sample(samples, "2024-03-complete", raw_root, "bystander")
    ingest_user(warehouse, raw_root, "victim")
    ingest_user(warehouse, raw_root, "bystander")
    before_victim = table_snapshot(warehouse, "victim")
    before_bystander = table_snapshot(warehouse, "bystander")

    # The victim's newer export is broken.
    (raw_root / "victim" / zip_name).write_bytes(data)
    raw_digest = tree_digest(raw_root)
    with pytest.raises(ExportError) as err:
        ingest_user(warehouse, raw_root, "victim")
    message = str(err.value)
    assert message.startswith("user 'victim'")
    assert problem in message
    if case == "missing_columns":
        assert "file 'Connections.csv' line 1" in message
    elif case not in ("empty_archive",):
        assert zip_name in message or "Connections.csv" in message

    assert table_snapshot(warehouse, "victim") == before_victim          # last good data kept
    ingest_user(warehouse, raw_root, "bystander")                        # other users carry on
    assert table_snapshot(warehouse, "bystander") == before_bystander
    assert tree_digest(raw_root) == raw_digest                           # raw input untouched


@pytest.mark.parametrize("bad_id", ["Alice", "../etc", "a b", "-x", "x" * 64, "café"])
def test_unsafe_user_ids_are_refused(raw_root, warehouse, bad_id):
    with pytest.raises(InvalidUserId, match="not a valid user id"):
        ingest_user(warehouse, raw_root, bad_id)
