"""Shared fixtures for the generator tests: cached exports and an independent reader of export files.

The reader re-implements the parsing rules of the format contract (BOM sniffing, UTF-16 TSV, the Connections
preamble, the Comments date-prefix repair) with the csv module, so tests check the generator's bytes against
the contract rather than against its own writer code.
"""

from __future__ import annotations

import csv
import io
import re
import zipfile
from dataclasses import dataclass
from pathlib import Path
from types import SimpleNamespace

import sys

import pytest

REPO_ROOT = Path(__file__).resolve().parents[2]
if str(REPO_ROOT) not in sys.path:          # run without an editable install (plain `pytest` from the venv)
    sys.path.insert(0, str(REPO_ROOT))

from orchestration.generator import generate_export  # noqa: E402
# Redacted real archives live in the shared folder next to the repo (absent on some machines: tests skip).
SAMPLES_CANDIDATES = [REPO_ROOT.parent / "shared" / "linkedin-export-samples", Path("/work/shared/linkedin-export-samples")]
SAMPLES = next((p for p in SAMPLES_CANDIDATES if p.is_dir()), None)

COMMENT_START = re.compile(r"^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2},https?://")


@dataclass
class ExportFiles:
    """path inside the export (wrapper folder removed) -> bytes."""

    files: dict[str, bytes]

    @classmethod
    def open(cls, path: Path) -> "ExportFiles":
        raw: dict[str, bytes] = {}
        if path.is_file():
            with zipfile.ZipFile(path) as zf:
                for info in zf.infolist():
                    if not info.is_dir():
                        raw[info.filename] = zf.read(info)
        else:
            for p in sorted(path.rglob("*")):
                if p.is_file():
                    raw[p.relative_to(path).as_posix()] = p.read_bytes()
        tops = {k.split("/", 1)[0] for k in raw}
        if len(tops) == 1 and all("/" in k for k in raw):      # tolerate one wrapper folder
            raw = {k.split("/", 1)[1]: v for k, v in raw.items()}
        return cls(raw)

    def __getitem__(self, name: str) -> bytes:
        return self.files[name]

    def __contains__(self, name: str) -> bool:
        return name in self.files

    def names(self) -> list[str]:
        return sorted(self.files)


def decode(data: bytes) -> tuple[str, str]:
    """(text, delimiter) by BOM sniffing, as the contract prescribes."""
    if data.startswith(b"\xff\xfe"):
        return data[2:].decode("utf-16-le"), "\t"
    if data.startswith(b"\xef\xbb\xbf"):
        return data[3:].decode("utf-8"), ","
    return data.decode("utf-8"), ","


def parse_csv(data: bytes, name: str = "") -> tuple[list[str], list[list[str]]]:
    """Header and data records of one export file, with the contract's repair rules applied."""
    text, delim = decode(data)
    base = name.rsplit("/", 1)[-1]
    if base.startswith("Connections"):
        lines = text.splitlines(keepends=True)
        start = next(i for i, ln in enumerate(lines[:10]) if ln.lstrip('"').startswith("First Name,"))
        text = "".join(lines[start:])
    if base.startswith("Comments"):
        lines = text.splitlines()
        header, records = lines[0].split(","), []
        for ln in lines[1:]:
            if COMMENT_START.match(ln):
                records.append(ln)
            elif records:
                records[-1] += "\n" + ln
        rows = []
        for rec in records:
            date, link, msg = rec.split(",", 2)
            if msg.startswith('"'):                    # a properly quoted body (it had a comma or a quote)
                msg = next(csv.reader(io.StringIO(msg, newline="")))[0]
            rows.append([date, link, msg])
        return header, rows
    rows = list(csv.reader(io.StringIO(text, newline=""), delimiter=delim))
    return rows[0], [r for r in rows[1:] if r]


@pytest.fixture(scope="session")
def rx():
    """The reader helpers (fixtures, not imports: several test folders may have a conftest module)."""
    return SimpleNamespace(open=ExportFiles.open, parse_csv=parse_csv, decode=decode, samples=SAMPLES,
                           comment_start=COMMENT_START)


@pytest.fixture(scope="session")
def make_export(tmp_path_factory):
    """Memoised generate_export: identical arguments generate once per test session."""
    cache: dict[tuple, object] = {}

    def _make(**kw):
        key = tuple(sorted((k, repr(v)) for k, v in kw.items()))
        if key not in cache:
            out = tmp_path_factory.mktemp("gen")
            cache[key] = generate_export(out, **kw)
        return cache[key]

    return _make


@pytest.fixture(scope="session")
def specialist(make_export):
    return make_export(persona="specialist", seed=7)


@pytest.fixture(scope="session")
def specialist_files(specialist):
    return ExportFiles.open(specialist.path)
