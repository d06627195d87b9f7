"""Per-file date parsers. Each file kind has its own formats (format doc §3); a global fallback list catches
formats seen elsewhere (Excel re-saves, the synthetic fixture). All results are naive UTC values."""

from __future__ import annotations

import re
from datetime import date, datetime

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

_SPACES = re.compile(r"\s+")


def parse_timestamp(raw: str | None, formats: tuple[str, ...]) -> datetime | None:
    """Parse `raw` with the file's own formats first, then the fallbacks; None if nothing fits."""
    if raw is None:
        return None
    value = _SPACES.sub(" ", raw.replace("\u202f", " ")).strip()
    if not value:
        return None
    for fmt in formats + FALLBACK:
        try:
            return datetime.strptime(value, fmt)
        except ValueError:
            continue
    return None


def parse_date(raw: str | None, formats: tuple[str, ...]) -> date | None:
    ts = parse_timestamp(raw, formats)
    return ts.date() if ts else None
