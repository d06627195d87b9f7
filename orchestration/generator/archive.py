"""Write rendered files as a zip, an extracted folder, or a folder holding one wrapper folder.

Determinism: zip entries get a fixed timestamp (the export date), fixed permissions and a fixed "created
on" system, in the renderer's order, so the same inputs give byte-identical archives on any day.
"""

from __future__ import annotations

import os
import shutil
import zipfile
from datetime import date, datetime, time
from pathlib import Path

from .formats import FileOut

LAYOUTS = ("zip", "wrapped_zip", "folder", "wrapped_folder")
KINDS = ("Complete", "Basic")


def archive_stem(kind: str, as_of: date) -> str:
    """`Complete_LinkedInDataExport_MM-DD-YYYY` (US-ordered date, as LinkedIn names it)."""
    return f"{kind}_LinkedInDataExport_{as_of:%m-%d-%Y}"


def write_archive(out_dir: Path, kind: str, as_of: date, files: list[FileOut], layout: str = "zip",
                  name_artifact: str = "") -> Path:
    """Write one export into out_dir and return its path (the zip file or the top folder).

    layouts: "zip" (CSVs at the zip root, as LinkedIn ships them), "wrapped_zip" (entries under one folder),
    "folder" (out_dir/<stem>/*.csv), "wrapped_folder" (out_dir/<stem>/<stem> (1)/*.csv, as a user's unzip
    tool leaves it). `name_artifact` adds browser artefacts to the zip name: " (1)" or ".zip".
    """
    if layout not in LAYOUTS:
        raise ValueError(f"unknown layout {layout!r}; choose one of {', '.join(LAYOUTS)}")
    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    stem = archive_stem(kind, as_of)
    stamp = datetime.combine(as_of, time(3, 0, 0))
    if layout in ("zip", "wrapped_zip"):
        path = out_dir / f"{stem}{name_artifact}.zip" if name_artifact != ".zip" else out_dir / f"{stem}.zip.zip"
        prefix = f"{stem}/" if layout == "wrapped_zip" else ""
        tmp = path.with_name(path.name + ".tmp")
        with zipfile.ZipFile(tmp, "w", compression=zipfile.ZIP_DEFLATED) as zf:
            dirs_done: list[str] = []
            for f in files:
                name = prefix + f.path
                parent = name.rsplit("/", 1)[0] + "/" if "/" in name else ""
                if parent and parent not in dirs_done:
                    _add_dir(zf, parent, stamp)
                    dirs_done.append(parent)
                info = zipfile.ZipInfo(name, date_time=stamp.timetuple()[:6])
                info.compress_type = zipfile.ZIP_DEFLATED
                info.create_system = 3
                info.external_attr = 0o644 << 16
                zf.writestr(info, f.data, compress_type=zipfile.ZIP_DEFLATED, compresslevel=6)
        os.replace(tmp, path)
        return path
    root = out_dir / stem
    if root.exists():
        shutil.rmtree(root)                       # a re-run replaces the export, never mixes two
    base = root / f"{stem} (1)" if layout == "wrapped_folder" else root
    ts = stamp.timestamp()
    for f in files:
        target = base / f.path
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(f.data)
        os.utime(target, (ts, ts))
    return root


def _add_dir(zf: zipfile.ZipFile, name: str, stamp: datetime) -> None:
    info = zipfile.ZipInfo(name, date_time=stamp.timetuple()[:6])
    info.create_system = 3
    info.external_attr = (0o40755 << 16) | 0x10
    zf.writestr(info, b"")
