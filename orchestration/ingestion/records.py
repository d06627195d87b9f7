"""From decoded CSV text to records: (physical line where the record starts, list of field values).

Handles the three structural quirks of real exports: a preamble before the header (Connections.csv),
unquoted multi-line bodies (Comments.csv) and the per-paragraph quoting of Shares commentary."""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Iterator
from dataclasses import dataclass

csv.field_size_limit(64 * 1024 * 1024)  # long InMail HTML and recommendation texts


@dataclass
class Table:
    header: list[str]
    header_line: int
    lines: list[int]              # 1-based physical line where each record starts
    records: list[list[str]]      # each record's field values


def normalize_header(name: str) -> str:
    """Header names are matched case- and punctuation-insensitively: 'SharedURL' == 'Shared Url'."""
    return re.sub(r"[^0-9a-z]", "", name.lower())


def _csv_records(text: str, delimiter: str, first_line: int = 1) -> tuple[list[int], list[list[str]]]:
    """(starting physical line of each record, records)."""
    # newline="\n": split physical lines on LF only, keep CR for the csv module to handle.
    rows = list(csv.reader(io.StringIO(text, newline="\n"), delimiter=delimiter))
    physical = text.count("\n") + (1 if text and not text.endswith("\n") else 0)
    if len(rows) == physical:  # no record spans several lines: record i starts on line i
        return list(range(first_line, first_line + len(rows))), rows
    reader = csv.reader(io.StringIO(text, newline="\n"), delimiter=delimiter)
    lines, rows, consumed = [], [], 0
    for row in reader:
        lines.append(first_line + consumed)
        rows.append(row)
        consumed = reader.line_num
    return lines, rows


def read_table(text: str, delimiter: str, header_prefix: str | None = None, search_lines: int = 10) -> Table:
    """Parse a CSV whose header is on the first line, or on the first line starting with `header_prefix`
    (after an optional quote) within `search_lines` lines (Connections.csv's `Notes:` preamble)."""
    skip = 0
    if header_prefix:
        lines = text.split("\n", search_lines)[:search_lines]
        for i, line in enumerate(lines):
            if line.lstrip('"\ufeff ').lower().startswith(header_prefix.lower()):
                skip = i
                break
        else:
            return Table(header=[], header_line=0, lines=[], records=[])
    body = text.split("\n", skip)[skip] if skip else text
    lines, rows = _csv_records(body, delimiter, first_line=skip + 1)
    if not rows:
        return Table(header=[], header_line=0, lines=[], records=[])
    header = rows[0]
    # a record of empty or white-space-only fields is a blank line (joined once: cheaper than per field)
    kept = [i for i in range(1, len(rows)) if "".join(rows[i]).strip()]
    return Table(header=[h.strip().lstrip("\ufeff") for h in header], header_line=lines[0],
                 lines=[lines[i] for i in kept], records=[rows[i] for i in kept])


COMMENT_START = re.compile(r"^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}(?: UTC)?,\"?https?://")


def read_comments(text: str, delimiter: str = ",") -> Table:
    """Comments.csv quotes a message only when it contains ',' or '"', so a multi-line comment without
    commas spans several unquoted physical lines. A record starts only at `date,http...`; any other line
    belongs to the previous record's message (format doc §2.7)."""
    lines = text.split("\n")
    if lines and lines[-1] == "":
        lines.pop()
    if not lines:
        return Table(header=[], header_line=0, lines=[], records=[])
    header = next(csv.reader([lines[0].rstrip("\r")], delimiter=delimiter))
    groups: list[tuple[int, list[str]]] = []
    for number, line in enumerate(lines[1:], start=2):
        if COMMENT_START.match(line) or not groups:
            groups.append((number, [line]))
        else:
            groups[-1][1].append(line)
    starts: list[int] = []
    records: list[list[str]] = []
    for start, physical in groups:
        chunk = "\n".join(physical)
        rows = _csv_records(chunk, delimiter)[1]
        if len(rows) == 1:
            values = rows[0]
        else:  # unquoted continuation lines: glue them back onto the message
            first, rest = rows[0], rows[1:]
            message = delimiter.join(first[2:])
            for r in rest:
                message += "\n" + delimiter.join(r)
            values = first[:2] + [message]
        values = [v.rstrip("\r") for v in values]
        if any(v.strip() for v in values):
            starts.append(start)
            records.append(values + [str(len(physical))])
    return Table(header=[h.strip().lstrip("\ufeff") for h in header] + ["__physical_lines"], header_line=1,
                 lines=starts, records=records)


def unwrap_share_commentary(value: str) -> str:
    """Shares.csv wraps every paragraph after the first in literal quotes: `l1"\\n""\\n"l2`. Add a quote at
    both ends, split on newlines and strip one quote from each end of every line (format doc §2.8)."""
    if "\n" not in value:
        return value
    lines = ('"' + value + '"').replace("\r\n", "\n").split("\n")
    if not all(len(line) >= 2 and line.startswith('"') and line.endswith('"') for line in lines):
        return value  # not the quirk: a plainly quoted multi-line value
    return "\n".join(line[1:-1] for line in lines)
