"""Export eras: which headers, date shapes, encodings and line endings LinkedIn used when.

Each field is backed by the format contract (docs/linkedin-export-format.md) and the redacted samples.
`current` is the 2024-2026 shape; `2024` the early-2024 one (10-column messages, CRLF activity files);
`2021` the 2021-22 one (6-column Connections with preamble, 9-column messages, legacy UTF-16 endorsements);
`2018` the oldest (no preamble, `M/D/YY, h:mm AM` everywhere, `Messages.csv` with Direction, UTF-16 Shares).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

MSG_BASE = ("CONVERSATION ID", "CONVERSATION TITLE", "FROM", "SENDER PROFILE URL", "TO")
MSG_9 = MSG_BASE + ("DATE", "SUBJECT", "CONTENT", "FOLDER")
MSG_10 = MSG_BASE + ("RECIPIENT PROFILE URLS", "DATE", "SUBJECT", "CONTENT", "FOLDER")
MESSAGE_VARIANTS: dict[str, tuple[str, ...]] = {
    "plain": MSG_10,                                                        # 2024-03 .. 2024-06
    "drafts": MSG_10 + ("IS MESSAGE DRAFT", "IS CONVERSATION DRAFT"),       # 2024-12 (Feynman10)
    "attachments": MSG_10 + ("ATTACHMENTS", "IS MESSAGE DRAFT"),            # 2025-26
}
MESSAGES_2018 = ("From", "To", "Date", "Subject", "Content", "Direction", "Folder")

CONNECTIONS_PREAMBLE = (
    "Notes:\n"
    '"When exporting your connection data, you may notice that some of the email addresses are missing. You will '
    "only see email addresses for connections who have allowed their connections to see or download their email "
    "address using this setting https://www.linkedin.com/psettings/privacy/email. You can learn more here "
    'https://www.linkedin.com/help/linkedin/answer/261"\n'
    "\n"
)


@dataclass(frozen=True)
class Era:
    name: str
    default_as_of: date
    year: int
    connections_preamble: bool
    connections_url: bool
    connected_on_us: bool              # 2018: "M/D/YY, h:mm AM" instead of "dd Mon yyyy"
    messages_file: str
    messages_variant: str              # key of MESSAGE_VARIANTS, "9" or "2018"
    invitation_urls: bool
    endorsements: bool
    endorsement_urls: bool
    endorsement_legacy_utf16: bool
    recommendations: bool
    activity_files: bool               # Reactions / Comments / Votes (and UTF-8 Shares)
    activity_eol: str
    shares_media_case: str             # "URL" (SharedURL,MediaURL) or "Url"
    profile_2018: bool
    industry_v1: bool
    coach_files: bool
    modern_misc: bool                  # Events, Receipts_v2, Rich_Media, Jobs/, Whatsapp...


ERAS: dict[str, Era] = {
    "current": Era("current", date(2026, 11, 20), 2026, True, True, False, "messages.csv", "drafts", True, True,
                   True, False, True, True, "\n", "Url", False, False, True, True),
    "2024": Era("2024", date(2024, 3, 25), 2024, True, True, False, "messages.csv", "plain", True, True, True,
                False, True, True, "\r\n", "URL", False, False, False, True),
    "2021": Era("2021", date(2022, 9, 12), 2022, True, False, False, "messages.csv", "9", False, True, False,
                True, True, True, "\r\n", "URL", False, True, False, False),
    "2018": Era("2018", date(2018, 11, 4), 2018, False, False, True, "Messages.csv", "2018", False, False, False,
                False, False, False, "\n", "URL", True, True, False, False),
}
ERA_NAMES: tuple[str, ...] = tuple(ERAS)


def get_era(name: str) -> Era:
    try:
        return ERAS[str(name)]
    except KeyError:
        raise ValueError(f"unknown era {name!r}; choose one of {', '.join(ERA_NAMES)}") from None
