"""Parse one export (one or more sources of the same date) into rows per raw table. Pure: no DuckDB."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from typing import Any

from .archive import Entry, ExportSource
from .encoding import UnknownEncoding, decode
from .errors import ExportError
from .file_kinds import FileKind, kind_for
from .records import Table, normalize_header, read_comments, read_table


@dataclass
class FileRecord:
    """One line of the raw.export_files inventory."""

    path: str
    file_kind: str | None
    status: str
    size_bytes: int
    encoding: str | None = None
    delimiter: str | None = None
    line_ending: str | None = None
    data_rows: int | None = None


@dataclass
class ParsedExport:
    user_id: str
    rows: dict[str, list[dict[str, Any]]]          # raw table -> rows (with source_file/source_line)
    files: list[FileRecord]
    warnings: list[str] = field(default_factory=list)


def _map_header(kind: FileKind, table: Table, user_id: str, path: str) -> dict[str, int]:
    positions = {normalize_header(h): i for i, h in reversed(list(enumerate(table.header)))}
    mapping = {}
    for canonical, aliases in kind.columns.items():
        for alias in aliases:
            if alias in positions:
                mapping[canonical] = positions[alias]
                break
    missing = [c for c in kind.required if c not in mapping]
    if missing:
        wanted = ", ".join(repr(kind.columns[c][0]) for c in missing)
        found = ", ".join(repr(h) for h in table.header) or "no header"
        raise ExportError(user_id, f"required column(s) {wanted} missing (header is {found})", path,
                          table.header_line or 1)
    return mapping


def parse_file(kind: FileKind, data: bytes, user_id: str, path: str) -> tuple[list[dict[str, Any]], FileRecord, list[str]]:
    try:
        decoded = decode(data)
    except UnknownEncoding as exc:
        raise ExportError(user_id, f"unknown text encoding: {exc}", path) from None
    if kind.reader == "comments":
        table = read_comments(decoded.text, decoded.delimiter)
    else:
        table = read_table(decoded.text, decoded.delimiter, header_prefix=kind.header_prefix)
    record = FileRecord(path, kind.table, "parsed", len(data), decoded.encoding,
                        "tab" if decoded.delimiter == "\t" else ",", decoded.line_ending, 0)
    if not table.header:
        if decoded.text.strip():
            raise ExportError(user_id, f"no header line found (expected one starting with "
                                       f"'{kind.header_prefix or list(kind.columns)[0]}')", path, 1)
        return [], record, [f"{path}: empty file"]
    mapping = _map_header(kind, table, user_id, path)
    rows: list[dict[str, Any]] = []
    unparsed: dict[str, list[int]] = defaultdict(list)
    columns = list(mapping.items())
    widest = max(mapping.values(), default=-1)
    for line, values in table.records:
        if len(values) > widest:
            canonical = {c: values[i] for c, i in columns}
        else:  # a short record: the missing trailing fields are empty
            canonical = {c: (values[i] if i < len(values) else "") for c, i in columns}
        row = kind.build(canonical)
        for col in kind.date_columns:
            if row.get(col) is None and row.get(col + "_raw") not in (None, ""):
                unparsed[col].append(line)
        row["source_file"] = path
        row["source_line"] = line
        rows.append(row)
    record.data_rows = len(rows)
    warnings = [
        f"{path}: {len(lines)} of {len(rows)} '{col}' value(s) did not parse as a date "
        f"(lines {', '.join(map(str, lines[:5]))}{', ...' if len(lines) > 5 else ''})"
        for col, lines in unparsed.items()
    ]
    return rows, record, warnings


def _choose_files(sources: list[ExportSource]) -> tuple[dict[str, list[tuple[ExportSource, Entry]]], list[FileRecord]]:
    """Pick, per raw table, the files to read: root-level files only; Complete copies over Basic ones;
    UTF-8 files over legacy UTF-16 duplicates of the same name; split parts in part order."""
    inventory: list[FileRecord] = []
    candidates: dict[tuple[str, int], list[tuple[ExportSource, Entry]]] = defaultdict(list)
    for source in sources:
        for entry in source.entries:
            name = entry.path
            kind, excluded, part = kind_for(name) if "/" not in name else (None, False, 0)
            display = name if len(sources) == 1 else f"{source.name}/{name}"
            if kind is None:
                inventory.append(FileRecord(display, None, "ignored", entry.size))
            elif excluded:
                inventory.append(FileRecord(display, kind.table, "excluded", entry.size))
            else:
                candidates[(kind.table, part)].append((source, entry))
    chosen: dict[str, list[tuple[ExportSource, Entry]]] = defaultdict(list)
    for (table, part), options in sorted(candidates.items()):
        # sources are already ordered Complete-first; within a source prefer the UTF-8 spelling with '_'
        first_source = options[0][0]
        same_source = [o for o in options if o[0] is first_source]
        same_source.sort(key=lambda o: (" " in o[1].path, o[1].path))
        pick = same_source[0]
        chosen[table].append(pick)
        for source, entry in options:
            if not (source is pick[0] and entry is pick[1]):
                display = entry.path if len(sources) == 1 else f"{source.name}/{entry.path}"
                inventory.append(FileRecord(display, table, "superseded", entry.size))
    return chosen, inventory


def parse_export(user_id: str, sources: list[ExportSource], kinds_by_table: dict[str, FileKind]) -> ParsedExport:
    chosen, inventory = _choose_files(sources)
    if not chosen and not any(f.path.lower().endswith(".csv") for f in inventory):
        raise ExportError(user_id, "empty archive: no CSV files found", sources[0].name)
    rows: dict[str, list[dict[str, Any]]] = {}
    warnings: list[str] = []
    for table, picks in chosen.items():
        table_rows: list[dict[str, Any]] = []
        for source, entry in picks:
            display = entry.path if len(sources) == 1 else f"{source.name}/{entry.path}"
            file_rows, record, file_warnings = parse_file(kinds_by_table[table], source.read(entry), user_id, display)
            table_rows.extend(file_rows)
            inventory.append(record)
            warnings.extend(file_warnings)
        rows[table] = table_rows
    inventory.sort(key=lambda f: f.path)
    return ParsedExport(user_id, rows, inventory, warnings)
