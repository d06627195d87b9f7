"""Finding a user's exports under data/raw/<user_id>/ and reading their files safely.

An export is a zip or a folder, with or without one wrapper folder, Basic and/or Complete. Nothing under
data/raw/ is ever written: zips are read in memory, folders file by file."""

from __future__ import annotations

import hashlib
import os
import re
import stat
import zipfile
from dataclasses import dataclass, field
from datetime import date, datetime, timezone
from pathlib import Path, PurePosixPath

from .errors import ExportError, InvalidUserId

USER_ID = re.compile(r"^[a-z0-9][a-z0-9_-]{0,62}$")
# Browser artefacts (" (1)", doubled ".zip") are common, so search the name rather than match it exactly.
EXPORT_NAME = re.compile(r"(?i)(?:(basic|complete)_)?linkedindataexport_(\d{2})-(\d{2})-(\d{4})")

MAX_UNCOMPRESSED_BYTES = int(os.environ.get("CONNECTION_SCORE_MAX_EXPORT_BYTES", 2 * 1024**3))
MAX_COMPRESSION_RATIO = 200   # a zip bomb; real CSV compresses ~5-20x
MAX_ENTRIES = 10_000


def validate_user_id(user_id: str) -> str:
    if not USER_ID.match(user_id):
        raise InvalidUserId(
            user_id,
            "not a valid user id: use 1-63 lower-case letters, digits, '-' or '_', starting with a letter "
            "or digit (rename the folder under data/raw/)",
        )
    return user_id


@dataclass(frozen=True)
class Entry:
    path: str          # relative to the export root, wrapper folder removed, POSIX separators
    size: int


@dataclass
class ExportSource:
    """One zip or folder under the user's directory."""

    user_id: str
    location: Path
    kind: str                      # Complete, Basic or unknown
    export_date: date | None
    date_source: str               # name or content
    entries: list[Entry] = field(default_factory=list)
    _prefix: str = ""              # wrapper folder inside the zip/folder
    _zip: zipfile.ZipFile | None = None

    @property
    def name(self) -> str:
        return self.location.name

    def read(self, entry: Entry) -> bytes:
        real = self._prefix + entry.path
        if self._zip is not None:
            with self._zip.open(real) as fh:
                data = fh.read(MAX_UNCOMPRESSED_BYTES + 1)
        else:
            data = (self.location / real).read_bytes()
        if len(data) > MAX_UNCOMPRESSED_BYTES:
            raise ExportError(self.user_id, "file is larger than the allowed uncompressed size", entry.path)
        return data

    def verify(self) -> None:
        """Check every member's CRC (reads the whole zip): done before parsing, not when an export is only
        identified, since an export already loaded has the same bytes as when it was checked."""
        if self._zip is None:
            return
        total = sum(e.size for e in self.entries)
        bad = self._zip.testzip() if total < 200 * 1024**2 else None
        if bad:
            raise ExportError(self.user_id, f"corrupt zip archive (CRC error in '{bad}')", self.name)

    def fingerprint(self) -> str:
        """Content hash: the zip's bytes, or every file's path and bytes for a folder."""
        h = hashlib.sha256()
        if self._zip is not None:
            with open(self.location, "rb") as fh:
                for block in iter(lambda: fh.read(1 << 20), b""):
                    h.update(block)
        else:
            for entry in self.entries:
                h.update(entry.path.encode())
                h.update(self.read(entry))
        return h.hexdigest()

    def close(self) -> None:
        if self._zip is not None:
            self._zip.close()


def _name_date(name: str) -> tuple[str, date | None]:
    m = EXPORT_NAME.search(name)
    if not m:
        return "unknown", None
    kind = (m.group(1) or "unknown").capitalize() if m.group(1) else "unknown"
    try:
        return kind, date(int(m.group(4)), int(m.group(2)), int(m.group(3)))
    except ValueError:
        return kind, None


def _strip_wrapper(paths: list[str]) -> str:
    """Tolerate one leading directory (extraction tools add one named after the zip)."""
    if not paths or any("/" not in p for p in paths if p.lower().endswith(".csv")):
        return ""
    tops = {p.split("/", 1)[0] for p in paths}
    return tops.pop() + "/" if len(tops) == 1 else ""


def _safe_member(user_id: str, archive: str, name: str) -> None:
    p = PurePosixPath(name)
    if name.startswith(("/", "\\")) or ".." in p.parts or re.match(r"^[A-Za-z]:", name):
        raise ExportError(user_id, f"archive entry '{name}' points outside the archive (path traversal); "
                                   "refusing the whole archive", archive)


def open_zip(user_id: str, path: Path) -> ExportSource:
    try:
        zf = zipfile.ZipFile(path)
        infos = [i for i in zf.infolist() if not i.is_dir()]
    except (zipfile.BadZipFile, OSError, EOFError) as exc:
        raise ExportError(user_id, f"corrupt zip archive ({exc})", path.name) from None
    for info in infos:
        _safe_member(user_id, path.name, info.filename.replace("\\", "/"))
    if len(infos) > MAX_ENTRIES:
        raise ExportError(user_id, f"archive has {len(infos)} entries (limit {MAX_ENTRIES})", path.name)
    total = sum(i.file_size for i in infos)
    compressed = sum(i.compress_size for i in infos) or 1
    if total > MAX_UNCOMPRESSED_BYTES or (total > 50 * 1024**2 and total / compressed > MAX_COMPRESSION_RATIO):
        raise ExportError(user_id, f"archive expands to an absurd size ({total:,} bytes from {compressed:,} "
                                   f"compressed); refusing it", path.name)
    names = [i.filename.replace("\\", "/") for i in infos]
    prefix = _strip_wrapper(names)
    kind, export_date = _name_date(path.name)
    date_source = "name"
    if export_date is None:
        stamps = [datetime(*i.date_time) for i in infos if i.date_time[0] >= 1980]
        export_date, date_source = (max(stamps).date(), "content") if stamps else (None, "content")
    entries = [Entry(n[len(prefix):], i.file_size) for n, i in zip(names, infos)]
    return ExportSource(user_id, path, kind, export_date, date_source, entries, prefix, zf)


def open_folder(user_id: str, path: Path) -> ExportSource:
    files = []
    for root, _dirs, names in os.walk(path, followlinks=False):
        for n in names:
            full = Path(root) / n
            st = full.lstat()
            if stat.S_ISREG(st.st_mode):   # symlinks could point outside the export: ignore them
                files.append((full.relative_to(path).as_posix(), st.st_size, st.st_mtime))
    files.sort()
    prefix = _strip_wrapper([f[0] for f in files])
    kind, export_date = _name_date(path.name if not prefix else prefix.rstrip("/"))
    if kind == "unknown" and export_date is None:
        kind, export_date = _name_date(path.name)
    date_source = "name"
    if export_date is None:
        date_source = "content"
        export_date = (datetime.fromtimestamp(max(f[2] for f in files), tz=timezone.utc).date()
                       if files else None)
    entries = [Entry(f[0][len(prefix):], f[1]) for f in files]
    return ExportSource(user_id, path, kind, export_date, date_source, entries, prefix, None)


def discover(raw_root: Path, user_id: str) -> list[ExportSource]:
    """Every export under data/raw/<user_id>/: zips, folders, or CSVs lying directly in the user folder."""
    validate_user_id(user_id)
    user_dir = raw_root / user_id
    if not user_dir.is_dir():
        raise ExportError(user_id, f"no folder {user_dir}")
    sources: list[ExportSource] = []
    loose_csv = False
    for child in sorted(user_dir.iterdir()):
        if child.name.startswith("."):
            continue
        if child.is_file() and zipfile.is_zipfile(child):
            sources.append(open_zip(user_id, child))
        elif child.is_file() and child.suffix.lower() == ".zip":
            raise ExportError(user_id, "corrupt zip archive (not a zip file)", child.name)
        elif child.is_dir():
            sources.append(open_folder(user_id, child))
        elif child.suffix.lower() == ".csv":
            loose_csv = True
    if loose_csv:
        sources.append(open_folder(user_id, user_dir))
        sources = [s for s in sources if s.location == user_dir]  # the user folder itself is the export
    if not sources:
        raise ExportError(user_id, f"no LinkedIn export (zip or folder) in {user_dir}")
    return sources


def newest(sources: list[ExportSource]) -> list[ExportSource]:
    """The exports to read: those of the newest date, Complete before Basic (Complete is a superset)."""
    dated = [s for s in sources if s.export_date is not None] or sources
    latest = max((s.export_date or date.min) for s in dated)
    chosen = [s for s in dated if (s.export_date or date.min) == latest]
    order = {"Complete": 0, "unknown": 1, "Basic": 2}
    return sorted(chosen, key=lambda s: (order.get(s.kind, 1), s.name))
