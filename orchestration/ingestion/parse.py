"""Parse one export (one or more sources of the same date) into rows per raw table. Pure: no DuckDB."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from typing import Any

from .archive import Entry, ExportSource
from .encoding import UnknownEncoding, decode
from .errors import ExportError
from .file_kinds import Columns, FileKind, kind_for
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
class ParsedTable:
    """One raw table's values from one export, column by column (raw-table column -> one value per row),
    with the source file and line of every row. Split parts (messages_1.csv, messages_2.csv) are appended."""

    columns: dict[str, list[Any]] = field(default_factory=dict)
    rows: int = 0

    def append(self, other: ParsedTable) -> None:
        if not self.rows:
            self.columns, self.rows = other.columns, other.rows
            return
        for name in set(self.columns) | set(other.columns):
            self.columns[name] = (self.columns.get(name) or [None] * self.rows) + \
                                 (other.columns.get(name) or [None] * other.rows)
        self.rows += other.rows


@dataclass
class ParsedExport:
    user_id: str
    tables: dict[str, ParsedTable]                 # raw table -> its columns (with source_file/source_line)
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


def parse_file(kind: FileKind, data: bytes, user_id: str, path: str) -> tuple[ParsedTable, FileRecord, list[str]]:
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
        return ParsedTable(), record, [f"{path}: empty file"]
    mapping = _map_header(kind, table, user_id, path)
    lines, records = table.lines, table.records
    n = len(records)
    widest = max(mapping.values(), default=-1)
    if all(len(values) > widest for values in records):
        raw = {c: [values[i] for values in records] for c, i in mapping.items()}
    else:  # short records: the missing trailing fields are empty
        raw = {c: [values[i] if i < len(values) else "" for values in records] for c, i in mapping.items()}
    columns = kind.build(Columns(raw, n))
    warnings = []
    for col in kind.date_columns:
        texts = columns.get(col + "_raw") or [None] * n
        failed = [line for line, value, text in zip(lines, columns[col], texts) if value is None and text]
        if failed:
            warnings.append(f"{path}: {len(failed)} of {n} '{col}' value(s) did not parse as a date "
                            f"(lines {', '.join(map(str, failed[:5]))}{', ...' if len(failed) > 5 else ''})")
    columns["source_file"] = [path] * n
    columns["source_line"] = lines
    record.data_rows = n
    return ParsedTable(columns, n), record, warnings


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
    tables: dict[str, ParsedTable] = {}
    warnings: list[str] = []
    for table, picks in chosen.items():
        parsed = ParsedTable()
        for source, entry in picks:
            display = entry.path if len(sources) == 1 else f"{source.name}/{entry.path}"
            file_table, record, file_warnings = parse_file(kinds_by_table[table], source.read(entry), user_id, display)
            parsed.append(file_table)
            inventory.append(record)
            warnings.extend(file_warnings)
        tables[table] = parsed
    inventory.sort(key=lambda f: f.path)
    return ParsedExport(user_id, tables, inventory, warnings)
