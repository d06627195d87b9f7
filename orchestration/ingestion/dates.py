"""Per-file date parsers. Each file kind has its own formats (format doc §3); a global fallback list catches
formats seen elsewhere (Excel re-saves, the synthetic fixture). All results are naive UTC values."""

from __future__ import annotations

import re
from datetime import date, datetime
from functools import lru_cache

# strptime formats, named for the file columns that use them.
CONNECTED_ON = ("%d %b %Y",)
US_SHORT = ("%m/%d/%y, %I:%M %p",)                 # Invitations, Recommendations, 2018 files
MESSAGES = ("%Y-%m-%d %H:%M:%S UTC", "%Y-%m-%dT%H:%M:%S")
ENDORSEMENT = ("%Y/%m/%d %H:%M:%S UTC",)
ACTIVITY = ("%Y-%m-%d %H:%M:%S",)                  # Reactions, Comments, Shares, Votes
COMPANY_FOLLOW = ("%a %b %d %H:%M:%S UTC %Y",)
MONTH_YEAR = ("%b %Y", "%Y")                       # Positions, Education

FALLBACK = (
    "%Y-%m-%d %H:%M:%S UTC", "%Y-%m-%d %H:%M:%S", "%Y-%m-%dT%H:%M:%S", "%Y/%m/%d %H:%M:%S UTC",
    "%m/%d/%y, %I:%M %p", "%m/%d/%y %I:%M %p UTC", "%d %b %Y", "%d-%b-%y", "%d-%b-%Y",
    "%a %b %d %H:%M:%S UTC %Y", "%Y-%m-%d %H:%M UTC", "%Y-%m-%d", "%b %Y", "%Y",
)

_MONTHS = {m: i for i, m in enumerate(
    ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"], start=1)}
# Fast paths for the high-volume shapes (messages, activity, Connected On): strptime costs ~50 µs a value.
_ISO = re.compile(r"^(\d{4})[-/](\d{2})[-/](\d{2})[ T](\d{2}):(\d{2}):(\d{2})(?: UTC)?$")
_DAY_MON_YEAR = re.compile(r"^(\d{1,2}) ([A-Za-z]{3}) (\d{4})$")


@lru_cache(maxsize=64)
def _fast_shapes(formats: tuple[str, ...]) -> tuple[bool, bool]:
    """Which fast paths `formats` allows: (ISO date-time, day month-name year)."""
    iso = any(f.startswith(("%Y-%m-%d %H", "%Y/%m/%d %H", "%Y-%m-%dT")) for f in formats)
    return iso, "%d %b %Y" in formats


def _dash_iso(value: str) -> bool:
    """The dash shape of _ISO (`2024-03-05 14:22:01[ UTC]`, or with a `T`), without white space to
    normalise: fromisoformat's own digit checks then accept exactly what _ISO accepts, at a third of the
    regex's time."""
    return len(value) in (19, 23) and value[4] == value[7] == "-" and value[13] == value[16] == ":" \
        and value[10] in " T" and (len(value) == 19 or value[19:] == " UTC") and value[:19].isascii()


def _fast(value: str, formats: tuple[str, ...]) -> datetime | None:
    iso, day_mon_year = _fast_shapes(formats)
    if iso and _dash_iso(value):
        return datetime.fromisoformat(value[:19])
    m = _ISO.match(value) if iso else None
    if m:
        return datetime(*map(int, m.groups()))
    m = _DAY_MON_YEAR.match(value) if day_mon_year else None
    if m and m.group(2).lower() in _MONTHS:
        return datetime(int(m.group(3)), _MONTHS[m.group(2).lower()], int(m.group(1)))
    return None


def parse_timestamp(raw: str | None, formats: tuple[str, ...]) -> datetime | None:
    """Parse `raw` with the file's own formats first, then the fallbacks; None if nothing fits."""
    if raw is None:
        return None
    return _parse(raw, formats)


@lru_cache(maxsize=100_000)
def _parse(raw: str, formats: tuple[str, ...]) -> datetime | None:
    # str.split() splits on the same Unicode white space as the regex \s (narrow no-break space included)
    value = " ".join(raw.split())
    if not value:
        return None
    try:
        fast = _fast(value, formats)
    except ValueError:   # e.g. month 13: let strptime decide
        fast = None
    if fast is not None:
        return fast
    for fmt in formats + FALLBACK:
        try:
            return datetime.strptime(value, fmt)
        except ValueError:
            continue
    return None


def parse_timestamps(values: list[str | None], formats: tuple[str, ...]) -> list[datetime | None]:
    """parse_timestamp over a whole column. The dash ISO shape (most message and activity dates, which
    are nearly all distinct, so the cache does not help) is read here without the per-value calls."""
    if not _fast_shapes(formats)[0]:
        return [parse_timestamp(v, formats) for v in values]
    out: list[datetime | None] = []
    for value in values:
        if value is not None and _dash_iso(value):
            try:
                out.append(datetime.fromisoformat(value[:19]))
                continue
            except ValueError:  # e.g. month 13: parse_timestamp lets strptime decide
                pass
        out.append(parse_timestamp(value, formats))
    return out


def parse_date(raw: str | None, formats: tuple[str, ...]) -> date | None:
    ts = parse_timestamp(raw, formats)
    return ts.date() if ts else None
