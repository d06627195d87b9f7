"""Render a simulated `Network` into the files of one export, byte-faithful to the era's format.

Each writer returns `FileOut`s: a path inside the export, its bytes, the raw-table kind it feeds (or None for
files the pipeline ignores) and its number of logical data records (what `expected_rows` reports).

Quoting follows LinkedIn, not Python's csv module: a field is quoted only when it contains `,` or `"`
(and, except in Comments.csv, a newline). Comments.csv keeps the real bug: a multi-line comment without
commas is written UNQUOTED across several physical lines.
"""

from __future__ import annotations

import random
import re
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from typing import Callable, Iterable
from urllib.parse import quote

from .eras import CONNECTIONS_PREAMBLE, MESSAGE_VARIANTS, MESSAGES_2018, MSG_10, MSG_9, Era
from .model import Conversation, Message, Network
from .network import conversation_id
from .people import Member

MON = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")
MONTH_FULL = ("January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
              "November", "December")
DOW = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")
BOM = b"\xef\xbb\xbf"

# Files of the Basic archive (the "fast" first instalment): no activity files.
COMPLETE_ONLY = {"Reactions.csv", "Comments.csv", "Shares.csv", "Votes.csv", "Member_Follows.csv", "Hashtag_Follows.csv",
                 "SearchQueries.csv", "Search Queries.csv", "Logins.csv", "Ads Clicked.csv", "Saved_Items.csv",
                 "Inferences_about_you.csv", "Ad_Targeting.csv", "Account Status History.csv", "Contacts.csv",
                 "Imported Contacts.csv"}


@dataclass
class FileOut:
    path: str
    data: bytes
    table: str | None = None
    records: int = 0


@dataclass
class FormatOptions:
    messages_variant: str | None = None          # current era: "drafts" (default), "attachments" or "plain"
    split_rows: int | None = None                # records per part; None = DEFAULT_SPLIT
    split_tables: tuple[str, ...] = ("messages",)
    split_style: str = "numbered"                # "numbered": X_1, X_2 ... | "base": X, X_1, X_2 ...
    bom_files: tuple[str, ...] = ()              # simulate an Excel re-save (UTF-8 BOM) of these files
    coach_files: bool | None = None              # None = decided by the seed (current era only)
    extra: dict[str, object] = field(default_factory=dict)


DEFAULT_SPLIT = {"messages": 5000}


# --- value formatting -------------------------------------------------------------------------------------
def dmy(d: date | datetime) -> str:
    return f"{d.day:02d} {MON[d.month - 1]} {d.year}"


def _h12(dt: datetime) -> tuple[int, str]:
    return (dt.hour % 12 or 12), ("AM" if dt.hour < 12 else "PM")


def us_short(dt: datetime) -> str:
    """`6/17/23, 6:18 AM`: no zero padding (Invitations, 2018 dates, Registration, Email Addresses)."""
    h, ap = _h12(dt)
    return f"{dt.month}/{dt.day}/{dt.year % 100:02d}, {h}:{dt.minute:02d} {ap}"


def us_padded(dt: datetime) -> str:
    """`11/27/24, 09:51 AM`: zero-padded (Recommendations)."""
    h, ap = _h12(dt)
    return f"{dt.month:02d}/{dt.day:02d}/{dt.year % 100:02d}, {h:02d}:{dt.minute:02d} {ap}"


def msg_date(dt: datetime) -> str:
    return dt.strftime("%Y-%m-%d %H:%M:%S UTC")


def slash_utc(dt: datetime) -> str:
    return dt.strftime("%Y/%m/%d %H:%M:%S UTC")


def plain_ts(dt: datetime) -> str:
    return dt.strftime("%Y-%m-%d %H:%M:%S")


def java_date(dt: datetime) -> str:
    """Java's Date.toString(): `Sat Dec 14 08:57:55 UTC 2024` (Company Follows)."""
    return f"{DOW[dt.weekday()]} {MON[dt.month - 1]} {dt.day:02d} {dt:%H:%M:%S} UTC {dt.year}"


def event_time(dt: datetime) -> str:
    """Events.csv: `Sep 23, 2022 12:00 PM` (zero-padded hour)."""
    h, ap = _h12(dt)
    return f"{MON[dt.month - 1]} {dt.day:02d}, {dt.year} {h:02d}:{dt.minute:02d} {ap}"


def mon_year(d: date | None) -> str:
    return "" if d is None else f"{MON[d.month - 1]} {d.year}"


def pct_url(slug: str) -> str:
    """Connections.csv form: non-ASCII slug characters %-encoded with UPPER-case hex."""
    return f"https://www.linkedin.com/in/{quote(slug, safe='')}" if slug else ""


# --- CSV primitives ---------------------------------------------------------------------------------------
def q(v: str) -> str:
    """LinkedIn's minimal quoting: only `,` `"` and line breaks force quotes; `"` doubles."""
    if "," in v or '"' in v or "\n" in v or "\r" in v:
        return '"' + v.replace('"', '""') + '"'
    return v


def q_comment(v: str) -> str:
    """Comments.csv quoting: newlines alone do NOT trigger quotes (the real, broken behaviour)."""
    if "," in v or '"' in v:
        return '"' + v.replace('"', '""') + '"'
    return v


def record(fields: Iterable[str], eol: str = "\n", quoter: Callable[[str], str] = q) -> str:
    return ",".join(quoter(f.replace("\r\n", "\n").replace("\n", eol)) for f in fields)


def text_file(header: Iterable[str], records: list[str], eol: str = "\n", preamble: str = "") -> bytes:
    lines = [",".join(header)] + records
    return (preamble.replace("\n", eol) + eol.join(lines) + eol).encode("utf-8")


def utf16_tsv(header: Iterable[str], rows: Iterable[Iterable[str]]) -> bytes:
    """Legacy files: UTF-16LE with BOM, tab-separated, every field quoted, LF line ends."""
    def line(fields: Iterable[str]) -> str:
        return "\t".join('"' + f.replace('"', '""') + '"' for f in fields)
    body = "\n".join([line(header)] + [line(r) for r in rows]) + "\n"
    return b"\xff\xfe" + body.encode("utf-16-le")


# --- renderer ---------------------------------------------------------------------------------------------
class Renderer:
    def __init__(self, net: Network, era: Era, opts: FormatOptions, rng: random.Random):
        self.net, self.era, self.opts, self.rng = net, era, opts, rng
        self.owner = net.owner
        self.files: list[FileOut] = []

    # plumbing ----------------------------------------------------------------------------------------------
    def add(self, path: str, header: Iterable[str], records: list[str], table: str | None = None, *, eol: str = "\n",
            preamble: str = "", keep_empty: bool = False) -> None:
        if not records and not keep_empty:
            return                                   # LinkedIn omits categories you have no data for
        header = list(header)
        limit = self.opts.split_rows if self.opts.split_rows is not None else DEFAULT_SPLIT.get(table or "", None)
        if table in self.opts.split_tables and limit and len(records) > limit:
            stem = path[:-4]
            chunks = [records[i:i + limit] for i in range(0, len(records), limit)]
            for i, chunk in enumerate(chunks):
                if self.opts.split_style == "base":
                    name = path if i == 0 else f"{stem}_{i}.csv"
                else:
                    name = f"{stem}_{i + 1}.csv"
                self.files.append(FileOut(name, text_file(header, chunk, eol, preamble), table, len(chunk)))
            return
        self.files.append(FileOut(path, text_file(header, records, eol, preamble), table, len(records)))

    # network files -----------------------------------------------------------------------------------------
    def connections(self) -> None:
        era = self.era
        header = ["First Name", "Last Name"] + (["URL"] if era.connections_url else []) + \
                 ["Email Address", "Company", "Position", "Connected On"]
        recs = []
        for c in self.net.connections:
            when = us_short(c.connected_on) if era.connected_on_us else dmy(c.connected_on)
            if c.hidden:
                recs.append(record([""] * (len(header) - 1) + [when]))
                continue
            m = c.member
            row = [m.first, m.last] + ([pct_url(m.slug)] if era.connections_url else []) + [m.email, m.company, m.position, when]
            recs.append(record(row))
        self.add("Connections.csv", header, recs, "connections",
                 preamble=CONNECTIONS_PREAMBLE if era.connections_preamble else "", keep_empty=True)

    def _blocks(self) -> list[tuple[Conversation, list[Message]]]:
        """Conversations ordered by latest activity; stand-alone drafts merged into one block."""
        with_drafts = self.era.messages_variant in ("drafts", "attachments") and self.variant in ("drafts", "attachments")
        blocks: list[tuple[Conversation, list[Message]]] = []
        drafts: list[Message] = []
        for conv in self.net.conversations:
            if conv.kind == "draft":
                if with_drafts:
                    drafts.extend(conv.messages)
                continue
            msgs = [m for m in conv.messages if with_drafts or not m.is_draft]
            if msgs:
                blocks.append((conv, sorted(msgs, key=lambda m: m.sent_at, reverse=True)))
        if drafts:
            blocks.append((Conversation("", "", "", "draft"), sorted(drafts, key=lambda m: m.sent_at, reverse=True)))
        blocks.sort(key=lambda b: b[1][0].sent_at, reverse=True)
        return blocks

    @property
    def variant(self) -> str:
        if self.era.messages_variant in ("drafts", "attachments", "plain"):
            return self.opts.messages_variant or self.era.messages_variant
        return self.era.messages_variant

    def messages(self) -> None:
        variant = self.variant
        if variant == "2018":
            self._messages_2018()
            return
        cols = MSG_9 if variant == "9" else MESSAGE_VARIANTS[variant]
        recs = []
        for conv, msgs in self._blocks():
            for m in msgs:
                recs.append(record(self._message_row(conv, m, cols)))
        self.add(self.era.messages_file, cols, recs, "messages")

    def _message_row(self, conv: Conversation, m: Message, cols: tuple[str, ...]) -> list[str]:
        standalone = conv.kind == "draft"
        vals = {
            "CONVERSATION ID": conv.conv_id,
            "CONVERSATION TITLE": conv.title,
            "FROM": m.sender.display_name,
            "SENDER PROFILE URL": m.sender.url,
            "TO": ",".join(r.display_name for r in m.recipients),
            "RECIPIENT PROFILE URLS": ",".join(r.url for r in m.recipients if r.url),
            "DATE": msg_date(m.sent_at),
            "SUBJECT": m.subject,
            "CONTENT": m.content,
            "FOLDER": conv.folder,
            "ATTACHMENTS": m.attachment,
            "IS MESSAGE DRAFT": "Yes" if m.is_draft else "No",
            "IS CONVERSATION DRAFT": "Yes" if standalone else "No",
        }
        return [vals[c] for c in cols]

    def _messages_2018(self) -> None:
        rows: list[tuple[datetime, list[str]]] = []
        for conv in self.net.conversations:
            if conv.kind == "draft":
                continue
            for m in conv.messages:
                if m.is_draft:
                    continue
                out = m.sender is self.owner
                content = re.sub(r"<br>", "", m.content)
                content = re.sub(r"<[^>]+>", "", content)          # 2018 glued paragraphs, entities kept
                rows.append((m.sent_at, [m.sender.display_name, ",".join(r.display_name for r in m.recipients),
                                         us_short(m.sent_at), m.subject or conv.title, content,
                                         "OUTGOING" if out else "INCOMING", "SENT" if out else "INBOX"]))
        rows.sort(key=lambda r: r[0], reverse=True)
        self.add("Messages.csv", MESSAGES_2018, [record(r) for _, r in rows], "messages")

    def coach_files(self) -> None:
        """LinkedIn-Learning coach threads: same 10-column header, NOT person-to-person mail."""
        if not self.era.coach_files:
            return
        want = self.opts.coach_files if self.opts.coach_files is not None else self.rng.random() < 0.6
        if not want:
            return
        recs = []
        coach = Member("", "", "")
        for t, question, answer in sorted(self.net.misc.get("coach", []), key=lambda x: x[0], reverse=True):
            cid = conversation_id(self.rng)
            recs.append(record([cid, "", "", "", self.owner.display_name, self.owner.url, msg_date(t), "", answer, "INBOX"]))
            recs.append(record([cid, "", self.owner.display_name, self.owner.url, coach.display_name, "", msg_date(t), "", question, "INBOX"]))
        self.add("coach_messages.csv", MSG_10, recs, None, keep_empty=True)
        self.add("learning_role_play_messages.csv", MSG_10, [], None, keep_empty=True)
        if self.rng.random() < 0.5:
            self.add("guide_messages.csv", MSG_10, [], None, keep_empty=True)

    def invitations(self) -> None:
        header = ["From", "To", "Sent At", "Message", "Direction"]
        if self.era.invitation_urls:
            header += ["inviterProfileUrl", "inviteeProfileUrl"]
        recs = []
        for inv in self.net.invitations:
            row = [inv.sender.display_name, inv.recipient.display_name, us_short(inv.sent_at), inv.note, inv.direction]
            if self.era.invitation_urls:
                row += [inv.sender.url, inv.recipient.url]
            recs.append(record(row))
        self.add("Invitations.csv", header, recs, "invitations")

    def endorsements(self) -> None:
        era = self.era
        if not era.endorsements:
            return
        for who, table, items in (("Endorser", "endorsements_received", self.net.endorsements_received),
                                  ("Endorsee", "endorsements_given", self.net.endorsements_given)):
            header = ["Endorsement Date", "Skill Name", f"{who} First Name", f"{who} Last Name"]
            header += ([f"{who} Public Url"] if era.endorsement_urls else []) + ["Endorsement Status"]
            recs = []
            for e in items:
                if e.legacy_only:
                    continue
                row = [slash_utc(e.at), e.skill, e.member.first.strip(), e.member.last.strip()]
                row += ([f"www.linkedin.com/in/{e.member.slug}"] if era.endorsement_urls else []) + [e.status]
                recs.append(record(row))
            name = "Endorsement_Received_Info.csv" if who == "Endorser" else "Endorsement_Given_Info.csv"
            self.add(name, header, recs, table)
        if era.endorsement_legacy_utf16 and self.net.endorsements_received:
            rows = []
            for e in self.net.endorsements_received:
                status, display = ("Redacted", "") if e.legacy_only else ("Accepted", "Show")
                rows.append([slash_utc(e.at), e.skill, e.member.first.strip(), e.member.last.strip(), status, display])
            data = utf16_tsv(["Endorsement Date", "Skill Name", "Endorser First Name", "Endorser Last Name",
                              "Endorsement Status", "Display Status"], rows)
            # Same kind, but the UTF-8 file is the one counted when both exist.
            self.files.append(FileOut("Endorsement Received Info.csv", data, None, len(rows)))

    def recommendations(self) -> None:
        if not self.era.recommendations:
            return
        header = ["First Name", "Last Name", "Company", "Job Title", "Text", "Creation Date", "Status"]
        for name, table, items in (("Recommendations_Received.csv", "recommendations_received", self.net.recommendations_received),
                                   ("Recommendations_Given.csv", "recommendations_given", self.net.recommendations_given)):
            recs = [record([r.member.first.strip(), r.member.last.strip(), r.company, r.title, r.text, us_padded(r.at), r.status])
                    for r in items]
            self.add(name, header, recs, table)

    # own activity ------------------------------------------------------------------------------------------
    def activity(self) -> None:
        era, eol = self.era, self.era.activity_eol
        net = self.net
        if era.activity_files:
            recs = [record([plain_ts(a.at), a.reaction, a.link], eol) for a in net.by_kind("reaction")]
            self.add("Reactions.csv", ["Date", "Type", "Link"], recs, "reactions", eol=eol)
            recs = [record([plain_ts(a.at), a.link], eol) + "," + q_comment(a.text.replace("\n", eol))
                    for a in net.by_kind("comment")]
            self.add("Comments.csv", ["Date", "Link", "Message"], recs, "comments", eol=eol)
            recs = []
            for a in net.by_kind("share"):
                paras = a.text.split("\n")
                # ShareCommentary quirk: each paragraph wrapped in literal quotes, except the outer ends.
                commentary = ('"' + eol + '"').join(paras) if len(paras) > 1 else paras[0]
                recs.append(record([plain_ts(a.at), a.link, commentary, a.shared_url, a.media_url, a.visibility], eol))
            c = era.shares_media_case
            self.add("Shares.csv", ["Date", "ShareLink", "ShareCommentary", f"Shared{c}", f"Media{c}", "Visibility"],
                     recs, "shares", eol=eol)
            recs = [record([plain_ts(a.at), a.link, a.text], eol) for a in net.by_kind("vote")]
            self.add("Votes.csv", ["Date", "Link", "OptionText"], recs, None, eol=eol)
        elif era.name == "2018":
            rows = []
            for a in net.by_kind("share"):
                text = " ".join(p for p in a.text.split("\n") if p)
                rows.append([slash_utc(a.at), "", "", a.link, text, a.shared_url, a.media_url,
                             "Homepage", "Connections" if a.visibility == "MEMBER_NETWORK" else "Public"])
            if rows:
                data = utf16_tsv(["Date", "Share Title", "Share Description", "Share Link", "Share Commentary",
                                  "Shared URL", "Media URL", "Type", "Visibility"], rows)
                self.files.append(FileOut("Shares.csv", data, "shares", len(rows)))

    # the owner ---------------------------------------------------------------------------------------------
    def profile(self) -> None:
        o, p, era = self.owner, self.net.profile, self.era
        industry = p.industry_v1 if era.industry_v1 else p.industry_v2
        if era.profile_2018:
            header = ["First Name", "Last Name", "Maiden Name", "Address", "Birth Date", "Contact Instructions", "Headline",
                      "Summary", "Industry", "Country", "Zip Code", "Geo Location", "Twitter Handles", "Websites", "Instant Messengers"]
            birth = f"{MON[p.birth.month - 1]} {p.birth.day}, {p.birth.year}" if p.birth else ""
            row = [o.first, o.last, p.maiden, "", birth, "", p.headline, p.summary.replace("\n", " "), industry,
                   p.geo.split(", ")[-1], p.zip_code, p.geo.split(",")[0], p.twitter.strip("[]"),
                   p.website.strip("[]").replace("PERSONAL:", "PORTFOLIO:"), p.messenger.strip("[]")]
        else:
            header = ["First Name", "Last Name", "Maiden Name", "Address", "Birth Date", "Headline", "Summary", "Industry",
                      "Zip Code", "Geo Location", "Twitter Handles", "Websites", "Instant Messengers"]
            birth = f"{MON[p.birth.month - 1]} {p.birth.day}" if p.birth else ""
            row = [o.first, o.last, p.maiden, "", birth, p.headline, p.summary, industry, p.zip_code, p.geo,
                   p.twitter, p.website, p.messenger]
        self.add("Profile.csv", header, [record(row)], "profile")
        if era.modern_misc and p.summary:
            self.add("Profile Summary.csv", ["Profile Summary"], [record([p.summary])], None)

    def positions(self) -> None:
        recs = []
        for pos in self.net.positions:
            start = str(pos.start.year) if self.rng.random() < 0.04 else mon_year(pos.start)
            recs.append(record([pos.company, pos.title, pos.description, pos.location, start, mon_year(pos.end)]))
        self.add("Positions.csv", ["Company Name", "Title", "Description", "Location", "Started On", "Finished On"], recs, "positions")

    def education(self) -> None:
        recs = [record([s.name, str(s.start or ""), str(s.end or ""), s.notes, s.degree, s.activities]) for s in self.net.schools]
        self.add("Education.csv", ["School Name", "Start Date", "End Date", "Notes", "Degree Name", "Activities"], recs, "education")

    def skills(self) -> None:
        self.add("Skills.csv", ["Name"], [record([s]) for s in self.net.skills], "skills")

    def follows(self) -> None:
        era = self.era
        if era.name == "2018":
            return
        recs = [record([org, java_date(t)]) for org, t in self.net.company_follows]
        self.add("Company Follows.csv", ["Organization", "Followed On"], recs, "company_follows")
        eol = era.activity_eol
        recs = [record([plain_ts(t), status, name], eol) for t, status, name in self.net.member_follows]
        self.add("Member_Follows.csv", ["Date", "Status", "FullName"], recs, None, eol=eol)
        recs = [record([tag, plain_ts(t), plain_ts(t), "Active"], eol) for tag, t in self.net.hashtag_follows]
        self.add("Hashtag_Follows.csv", ["HashTag", "CreatedTime", "LastModifiedTime", "State"], recs, None, eol=eol)

    # files nobody scores (realistic inventories) -------------------------------------------------------------
    def misc(self) -> None:
        net, era, misc, rng, o = self.net, self.era, self.net.misc, self.rng, self.owner
        if era.name == "2018":
            self.add("Registration.csv", ["Registration Date", "Registration IP Address", "Invited by (First Name)",
                                          "Invited by (Last Name)", "Subscription Types"],
                     [record([us_short(net.joined_at), f"{rng.randint(1, 223)}.{rng.randint(0, 255)}.{rng.randint(0, 255)}.{rng.randint(1, 254)}", "", "", ""])])
            self.add("Email Addresses.csv", ["Email Address", "Confirmed", "Primary", "Updated On"],
                     [record([e, c, p, us_short(t)]) for e, c, p, t in misc["emails"]])
            self.add("Phone Numbers.csv", ["Extension", "Number", "Type"], [record(list(p)) for p in misc["phones"]])
            self.add("Imported Contacts.csv", ["First Name", "Last Name", "Companies", "Title", "Email Address", "Phone Numbers",
                                               "Created At", "Instant Message Handles", "Addresses", "Sites", "Full Name",
                                               "Birthday", "Location", "Bookmarked At", "Profiles"],
                     [record([n[0], n[1], "", "", e, "", us_short(t), "", "", "", "", "", "", "", ""]) for n, e, t in misc["contacts"]])
            if misc["searches"]:
                self.files.append(FileOut("Search Queries.csv", utf16_tsv(["Time", "Search Query"],
                                          [[slash_utc(t), s] for t, s in misc["searches"]]), None, len(misc["searches"])))
            self.files.append(FileOut("Account Status History.csv", utf16_tsv(["Time", "Event"],
                                      [[slash_utc(t), e] for t, e in misc["status_history"]]), None, 1))
            return
        self.add("Registration.csv", ["Registered At", "Registration Ip", "Subscription Types"],
                 [record([us_short(net.joined_at), "", "Premium" if net.persona.premium and era.modern_misc else ""])])
        self.add("Email Addresses.csv", ["Email Address", "Confirmed", "Primary", "Updated On"],
                 [record([e, c, p, us_short(t)]) for e, c, p, t in misc["emails"]])
        self.add("PhoneNumbers.csv", ["Extension", "Number", "Type"], [record(list(p)) for p in misc["phones"]])
        self.add("Languages.csv", ["Name", "Proficiency"], [record(list(x)) for x in misc["languages"]])
        self.add("Certifications.csv", ["Name", "Url", "Authority", "Started On", "Finished On", "License Number"],
                 [record([n, "", a, mon_year(t), "", ""]) for n, a, t in misc["certifications"]])
        learn = []
        for title, kind, t, done in misc["learning"]:
            desc = f"In this course, you'll learn {title.lower()}, step by step."
            learn.append(record([title, desc, kind, t.strftime("%Y-%m-%d %H:%M UTC"),
                                 t.strftime("%Y-%m-%d %H:%M UTC") if done else "N/A", "false", "N/A", ""]))
        self.add("Learning.csv", ["Content Title", "Content Description", "Content Type", "Content Last Watched Date (if viewed)",
                                  "Content Completed At (if completed)", "Content Saved", "Notes taken on videos (if taken)", ""], learn)
        if era.modern_misc:
            rich = []
            for t in misc["rich_media"]:
                h, ap = _h12(t)
                what = rng.choice(("a video", "a profile photo", "a background photo", "an image"))
                rich.append(record([f"You uploaded {what} on {MONTH_FULL[t.month - 1]} {t.day}, {t.year} at {h}:{t.minute:02d} {ap} (GMT)",
                                    " -", f"https://dms.licdn.com/playlist/vid/v2/{rng.getrandbits(64):X}"]))
            self.add("Rich_Media.csv", ["Date/Time", "Media Description", "Media Link"], rich)
            ev = []
            for t, name in misc["events"]:
                start = t.replace(minute=(t.minute // 15) * 15, second=0)
                end = start + timedelta(minutes=rng.choice((30, 45, 60, 90)))
                ev.append(record([name, f"{event_time(start)} - {event_time(end)}", "APPROVED", ""]))
            self.add("Events.csv", ["Event Name", "Event Time", "Status", "External Url"], ev)
            self.add("Receipts_v2.csv", ["First Name", "Last Name", "Billing Country", "Postal Code", "Transaction Made At",
                                         "Payment Method Type", "Invoice Number", "Description", "Tax Amount", "Sub Total",
                                         "Total Amount", "Currency Code"],
                     [record([o.first, o.last, o.country, net.profile.zip_code, t.strftime("%m/%d/%y %I:%M %p UTC"), "CREDIT_CARD",
                              str(10_000_000_000 + i), "Premium Career", "5.70", "29.99", "35.69", "EUR" if o.country not in ("US", "GB", "IN") else "USD"])
                      for i, t in enumerate(misc["receipts"])])
            self.add("Whatsapp Phone Numbers.csv", ["Number", "Extension", "Is_WhatsApp_Number"],
                     [record([p[1], p[0], "true"]) for p in misc["phones"][:1]])
            self.add("Job Applicant Saved Screening Question Responses.csv", ["Question", "Answer"],
                     [record(list(x)) for x in misc["screening"]])
            self.add("Jobs/Saved Jobs.csv", ["Saved Date", "Job Url", "Job Title", "Company Name"],
                     [record([us_short(t), f"https://www.linkedin.com/jobs/view/{jid}", title, comp]) for t, comp, title, jid in misc["saved_jobs"]])
            self.add("Jobs/Job Applications.csv", ["Application Date", "Contact Email", "Contact Phone Number", "Company Name",
                                                   "Job Title", "Job Url", "Resume Name", "Question And Answers"],
                     [record([us_short(t), misc["emails"][0][0], "", comp, title, f"https://www.linkedin.com/jobs/view/{jid}",
                              f"{o.first.strip()}_{o.last.split(',')[0].strip()}_CV.pdf", ""]) for t, comp, title, jid in misc["job_applications"]])
            if misc["job_applications"]:
                self.add("Jobs/Job Seeker Preferences.csv",
                         ["Locations", "Industries", "Company Employee Count", "Preferred Job Types", "Job Titles", "Open To Recruiters",
                          "Dream Companies", "Profile Shared With Job Poster", "Job Title For Searching Fast Growing Companies",
                          "Introduction Statement", "Phone Number", "Job Seeker Activity Level", "Preferred Start Time Range",
                          "Commute Preference Starting Address", "Commute Preference Starting Time", "Mode Of Transportation",
                          "Maximum Commute Duration", "Open Candidate Visibility", "Job Seeking Urgency Level"],
                         [record([net.profile.geo, net.profile.industry_v2, "", "Full-time", o.position, "Yes", "", "No", "", "", "",
                                  "Casually looking", "", "", "", "", "", "RECRUITERS_ONLY", ""])])
        else:
            self.add("Rich Media.csv", ["Type", "Link"],
                     [record(["Video uploaded for your profile", "https://www.linkedin.com/psettings/member-data/videos"])] if misc["rich_media"] else [])
            self.files.append(FileOut("Account Status History.csv", utf16_tsv(["Time", "Event"],
                                      [[slash_utc(t), e] for t, e in misc["status_history"]]), None, 1))
        # Complete-only inventories
        eol = era.activity_eol
        self.add("SearchQueries.csv", ["Time", "Search Query"], [record([slash_utc(t), s]) for t, s in misc["searches"]])
        self.add("Logins.csv", ["Login Date", "IP Address", "User Agent", "Login Type"],
                 [record([msg_date(t), ip, "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0 Safari/537.36", "WEB"])
                  for t, ip in misc["logins"]])
        self.add("Ads Clicked.csv", ["Ad clicked Date", "Ad Title/Id"], [record([slash_utc(t), i]) for t, i in misc["ads_clicked"]])
        self.add("Saved_Items.csv", ["savedItem", "createdTime"], [record([link, plain_ts(t)], eol) for link, t in misc["saved_items"]], eol=eol)
        self.add("Contacts.csv", ["Source", "FirstName", "LastName", "Companies", "Title", "Emails", "PhoneNumbers", "CreatedAt",
                                  "Addresses", "Sites", "InstantMessageHandles", "FullName", "Birthday", "Location", "BookmarkedAt", "Profiles"],
                 [record(["GOOGLE_CONTACTS", n[0], n[1], "", "", e, "", us_short(t), "", "", "", "", "", "", "", ""]) for n, e, t in misc["contacts"]])
        if era.modern_misc:
            self.add("Inferences_about_you.csv", ["Category", "Type of inference", "Description", "Inference"],
                     [record(["Job Seeker", "Job Seeker Status", "Based on your activity, we think you may be open to new opportunities", "No"]),
                      record(["Lookalike", "Professional Interest", "Members similar to you are interested in", net.profile.industry_v2])])
            self.add("Ad_Targeting.csv", ["Member Age", "Company Names", "Company Names", "Company Names", "Job Titles",
                                          "Job Titles", "Job Titles", "Member Skills", "Member Schools", "Profile Locations"],
                     [record(["25 to 34" if o.level in ("entry", "training") else "35 to 54", o.company, "",
                              "; ".join(p.company for p in net.positions[1:3]), o.position, "", "", "; ".join(net.skills[:5]),
                              "; ".join(s.name for s in net.schools), net.profile.geo])])

    # the whole export --------------------------------------------------------------------------------------
    def render(self, kind: str) -> list[FileOut]:
        self.connections()
        self.messages()
        self.coach_files()
        self.invitations()
        self.endorsements()
        self.recommendations()
        self.activity()
        self.profile()
        self.positions()
        self.education()
        self.skills()
        self.follows()
        self.misc()
        files = self.files
        if kind == "Basic":
            files = [f for f in files if f.path not in COMPLETE_ONLY]
        for f in files:
            if f.path in self.opts.bom_files or f.path.rsplit("/", 1)[-1] in self.opts.bom_files:
                if not f.data.startswith(b"\xff\xfe"):
                    f.data = BOM + f.data
        return files


TABLES = ("connections", "messages", "invitations", "endorsements_received", "endorsements_given",
          "recommendations_received", "recommendations_given", "reactions", "comments", "shares", "profile",
          "positions", "skills", "education", "company_follows")


def expected_rows(files: list[FileOut]) -> dict[str, int]:
    """Logical data records per raw table (split parts summed; files not fed to a table ignored)."""
    out = {t: 0 for t in TABLES}
    for f in files:
        if f.table in out:
            out[f.table] += f.records
    return out


def render_export(net: Network, era: Era, kind: str, opts: FormatOptions, rng: random.Random) -> list[FileOut]:
    return Renderer(net, era, opts, rng).render(kind)


__all__ = ["FileOut", "FormatOptions", "render_export", "expected_rows", "TABLES"]
