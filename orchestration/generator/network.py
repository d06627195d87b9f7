"""Simulate one owner's LinkedIn life as plain data: connections, conversations, services, own activity.

No file formats here (see `formats.py`): every timestamp is a naive UTC `datetime`, every person a `Member`.
The simulation is driven by a `Persona`; tie classes decide the interaction pattern per connection:

* strong   - frequent two-way sessions, most recent a few weeks ago, long messages, services exchanged;
* active   - one or two light two-way exchanges within the last year;
* latent   - a deep history that went silent 1.2+ years ago (the re-engage list);
* old      - one small two-way exchange long ago;
* inbound  - they wrote (often a pitch right after connecting), the owner never answered;
* outbound - the owner wrote, no answer;
* none     - just a connection (most of them).
"""

from __future__ import annotations

import base64
import math
import random
import uuid
from datetime import date, datetime, time, timedelta

from . import content as T
from . import vocabulary as V
from .model import (Activity, Connection, Conversation, Endorsement, Invitation, Message, Network, OwnerProfile,
                    Position, Recommendation, School)
from .people import Member, PeopleSampler, Weighted
from .personas import Persona

DAY = timedelta(days=1)


# --- helpers ------------------------------------------------------------------------------------------------
_HOURS = list(range(24))
_HOUR_W = [0.3, 0.2, 0.2, 0.2, 0.3, 0.6, 1.2, 2.5, 4, 5, 5, 4.5, 4, 4.5, 5, 5, 4.5, 4, 3, 2.5, 2.2, 1.8, 1.2, 0.6]
_HOUR_CUM = [sum(_HOUR_W[: i + 1]) for i in range(24)]


def at_time(rng: random.Random, d: date | datetime) -> datetime:
    """A plausible time of day on that date (office hours dominate)."""
    day = d.date() if isinstance(d, datetime) else d
    h = rng.choices(_HOURS, cum_weights=_HOUR_CUM)[0]
    return datetime.combine(day, time(h, rng.randrange(60), rng.randrange(60)))


def between(rng: random.Random, a: datetime, b: datetime) -> datetime:
    if b <= a:
        return a
    return a + timedelta(seconds=rng.uniform(0, (b - a).total_seconds()))


def poisson(rng: random.Random, lam: float) -> int:
    if lam <= 0:
        return 0
    if lam > 30:
        return max(0, int(round(rng.gauss(lam, math.sqrt(lam)))))
    limit, k, p = math.exp(-lam), 0, 1.0
    while True:
        p *= rng.random()
        if p <= limit:
            return k
        k += 1


def conversation_id(rng: random.Random) -> str:
    """`2-` + base64 of a UUID plus `_0x0`: 58 characters ending in `==`, as in real exports."""
    raw = f"{uuid.UUID(int=rng.getrandbits(128), version=4)}_{rng.choice(('010', '000', '100'))}"
    return "2-" + base64.b64encode(raw.encode()).decode()


def post_id(rng: random.Random, at: datetime) -> int:
    """LinkedIn activity ids carry their creation time in the high bits (ms << 22): 19 digits, 6... / 7..."""
    ms = int((at - datetime(1970, 1, 1)).total_seconds() * 1000)
    return (ms << 22) | rng.getrandbits(22)


def _lang(culture: str) -> str:
    return {"de": "de", "fr": "fr", "es": "es", "pt": "pt"}.get(culture, "en")


def _years(d: float) -> timedelta:
    return timedelta(days=365.25 * d)


# --- the simulation ----------------------------------------------------------------------------------------
class Simulator:
    def __init__(self, persona: Persona, rng: random.Random, as_of: date, era_year: int):
        self.p = persona
        self.rng = rng
        self.as_of = as_of
        self.now = datetime.combine(as_of, time(6, 0))          # exports are cut early morning UTC
        self.era_year = era_year
        home = Weighted([c for c, _ in V.HOME_COUNTRIES], [w for _, w in V.HOME_COUNTRIES]).pick(rng)
        self.home = home
        self.people = PeopleSampler(rng, home)
        # Share of attachment-only / empty direct messages: owners differ a lot (real: 1-27 % empty cells).
        self.attach_rate = rng.choice((0.005, 0.01, 0.02, 0.03, 0.05, 0.08, 0.12, 0.2))

    # owner -------------------------------------------------------------------------------------------------
    def make_owner(self) -> tuple[Member, list[Position], list[School], list[str], OwnerProfile, datetime]:
        rng, p, ps = self.rng, self.p, self.people
        culture = ps.culture_for(self.home)
        first, last, stem = ps.name(culture, quirks=False)
        if rng.random() < 0.1:
            last = f"{last}, {rng.choice(V.POST_NOMINALS)}"                 # owner FROM name with a comma
        owner = Member(first, last, ps.slug(stem), country=self.home, culture=culture)
        fn_bias = {"collector": ("Sales", "Human Resources", "Business Development", "Entrepreneurship"),
                   "new_grad": ("Engineering", "Marketing", "Consulting", "Finance", "Research")}.get(p.name)
        owner.function = rng.choice(fn_bias) if fn_bias and rng.random() < 0.8 else ps.functions.pick(rng)
        owner.group = ps.groups.pick(rng)
        if owner.function in ("Healthcare Services",):
            owner.group = "Hospitals and Health Care"
        elif owner.function == "Education":
            owner.group = "Education"
        owner.level = {"new_grad": "entry", "collector": rng.choice(("senior", "director", "owner", "manager")),
                       "specialist": rng.choice(("senior", "manager", "director"))}.get(
            p.name, ps.levels.pick(rng) if rng.random() < 0.8 else "senior")
        if owner.level in ("training",):
            owner.level = "entry"
        joined = datetime.combine(self.as_of, time(12)) - _years(p.years_on_linkedin)
        joined = at_time(rng, joined)
        # Career: the current job plus earlier ones back to a little before joining LinkedIn.
        positions: list[Position] = []
        levels = ["training", "entry", "senior", "manager", "director", "vp", "cxo"]
        lvl = levels.index(owner.level) if owner.level in levels else 2
        end: date | None = None
        cursor = self.as_of
        career_start = (joined - _years(rng.uniform(0, 4 if p.name != "new_grad" else 0.3))).date()
        while True:
            tenure = rng.uniform(0.6, 4.5) if p.name != "new_grad" else rng.uniform(0.4, 1.2)
            start = cursor - timedelta(days=int(365 * tenure))
            if positions and start < career_start - timedelta(days=200):
                break
            if p.name == "new_grad" and len(positions) >= 2:
                break
            group = owner.group if rng.random() < 0.8 or not positions else ps.groups.pick(rng)
            company = ps.company(group, self.home) if positions else ps.company(owner.group, self.home)
            level = levels[max(0, lvl)]
            title = ps.title(owner.function, level, culture)
            desc = "" if rng.random() < 0.5 else self._position_description(owner.function)
            loc = ps.location(self.home) if rng.random() < 0.8 else ""
            positions.append(Position(company, title, desc, loc, date(start.year, start.month, 1), end))
            end = date(start.year, start.month, 1) - timedelta(days=rng.randint(0, 60))
            cursor = end
            lvl -= rng.choice((0, 1, 1))
            if len(positions) >= 7:
                break
        if p.name == "new_grad" and len(positions) > 1:
            positions[-1].title = ps.title(owner.function, "training", culture)
        owner.company, owner.position = positions[0].company, positions[0].title
        # Schools
        schools: list[School] = []
        grad_year = (positions[-1].start.year if positions else self.as_of.year) - rng.choice((0, 0, 1))
        for i in range(rng.choice((1, 1, 2, 2, 3))):
            pool = V.SCHOOLS_BY_COUNTRY.get(self.home, V.SCHOOLS_BY_COUNTRY["US"])
            end_y = grad_year - 2 * i
            start_y = end_y - rng.choice((2, 3, 4, 5))
            degree = f"{rng.choice(V.DEGREES)}, {rng.choice(V.FIELDS_OF_STUDY)}" if rng.random() < 0.7 else rng.choice(V.DEGREES)
            dated = rng.random() < 0.75
            schools.append(School(rng.choice(pool), start_y if dated else None, end_y if dated else None, degree,
                                  "" if rng.random() < 0.85 else "Exchange semester", "" if rng.random() < 0.7 else "Debating society, Rowing"))
        # Skills
        own = list(V.SKILLS_BY_FUNCTION[owner.function])
        rng.shuffle(own)
        generic = list(V.GENERIC_SKILLS)
        rng.shuffle(generic)
        n_sk = {"new_grad": 8, "collector": 20, "specialist": 35}.get(p.name, rng.randint(3, 45))
        # a member lists a skill once: function skills and generic ones overlap (Leadership, ...)
        skills = list(dict.fromkeys(own[: max(3, int(n_sk * 0.6))] + generic))[:n_sk]
        # Profile
        industry_v2 = self._industry_leaf(owner.group, positions[0].company)
        v1 = V.V1_INDUSTRY_BY_GROUP[owner.group]
        headline = ps.headline(owner.position, owner.company, owner.function) if rng.random() < 0.6 else f"{owner.position} at {owner.company}"
        summary = "" if rng.random() < 0.3 else self._summary(owner)
        birth = None if rng.random() < 0.4 else date(self.as_of.year - rng.randint(22 if p.name == "new_grad" else 28, 25 if p.name == "new_grad" else 60), rng.randint(1, 12), rng.randint(1, 28))
        slug_ascii = "".join(ch for ch in owner.slug if ch.isascii() and ch.isalnum())[:12] or "me"
        profile = OwnerProfile(
            headline=headline, summary=summary, industry_v2=industry_v2, industry_v1=rng.choice(v1), birth=birth,
            zip_code="" if rng.random() < 0.5 else f"{rng.randint(10000, 99999)}",
            geo=ps.location(self.home), twitter="" if rng.random() < 0.7 else f"[{slug_ascii}]",
            website="" if rng.random() < 0.6 else f"[PERSONAL:https://{slug_ascii}.dev]",
            messenger="" if rng.random() < 0.85 else f"[SKYPE:{slug_ascii}]", maiden="",
        )
        return owner, positions, schools, skills, profile, joined

    def _industry_leaf(self, group: str, company: str) -> str:
        for c in V.COMPANIES_BY_GROUP[group]:
            if c.name == company:
                return c.leaf
        return self.rng.choice(V.LEAVES_BY_GROUP[group])

    def _position_description(self, function: str) -> str:
        skills = V.SKILLS_BY_FUNCTION[function]
        rng = self.rng
        if rng.random() < 0.4:
            return " • ".join(f"{rng.choice(('Led', 'Built', 'Owned', 'Improved', 'Delivered'))} {rng.choice(T.TOPICS)} using {rng.choice(skills)}" for _ in range(rng.randint(2, 4)))
        return f"Responsible for {rng.choice(T.TOPICS)}, working closely with {rng.choice(('sales', 'engineering', 'finance', 'operations', 'clients'))}."

    def _summary(self, owner: Member) -> str:
        rng = self.rng
        lines = [f"{owner.position} with a passion for {rng.choice(T.TOPICS)}.",
                 f"Currently at {owner.company}, focused on {rng.choice(T.TOPICS)} and {rng.choice(T.TOPICS)}.",
                 "Always happy to connect, drop me a message."]
        return ("\n\n" if rng.random() < 0.4 else " ").join(lines[: rng.randint(1, 3)])

    # connections -----------------------------------------------------------------------------------------
    def make_connections(self, owner: Member, positions: list[Position], joined: datetime) -> list[Connection]:
        rng, p, ps = self.rng, self.p, self.people
        n = p.n_connections
        span = (self.now - joined).total_seconds()
        emp_weights = []
        for i, pos in enumerate(positions):
            months = max(1.0, ((pos.end or self.as_of) - pos.start).days / 30)
            emp_weights.append(months * (2.0 if i == 0 else 1.0))
        employers = Weighted(list(range(len(positions))), emp_weights) if positions else None
        email_rate = 0.5 if self.era_year <= 2018 else 0.02
        conns: list[Connection] = []
        for _ in range(n):
            colleague = employers is not None and rng.random() < p.colleague_share
            if colleague:
                pos = positions[employers.pick(rng)]
                country = self.home if rng.random() < 0.85 else ps.country_near(self.home)
                lo = max(datetime.combine(pos.start, time(9)), joined)
                hi = min(datetime.combine(pos.end or self.as_of, time(18)), self.now)
                when = between(rng, lo, hi) if hi > lo else between(rng, joined, self.now)
                group = owner.group
                company = pos.company if rng.random() < 0.7 else ps.company(ps.group(owner.group, 0.6), country)
            else:
                country = ps.country_near(self.home)
                frac = rng.random() ** (1.0 / max(0.2, p.growth_recency))
                when = joined + timedelta(seconds=span * frac)
                group = ps.group(owner.group, p.industry_focus)
                company = ps.company(group, country)
            culture = ps.culture_for(country)
            first, last, stem = ps.name(culture)
            function = owner.function if rng.random() < p.function_focus else ps.functions.pick(rng)
            level = ps.levels.pick(rng)
            title = ps.title(function, level, culture)
            if rng.random() < 0.05:
                title = ps.headline(title, company, function)
            m = Member(first, last, ps.slug(stem), company, title, group, function, level, country, culture)
            r = rng.random()
            if r < p.empty_company_rate:
                which = rng.random()
                if which < 0.6:
                    m.company = m.position = ""
                elif which < 0.8:
                    m.company = ""
                else:
                    m.position = ""
            elif r < p.empty_company_rate + 0.01:
                m.company = rng.choice(V.NON_EMPLOYERS)
            if rng.random() < email_rate:
                m.email = ps.email(first, last)
            when = at_time(rng, min(when, self.now - timedelta(hours=1)))
            if when > self.now:
                when = self.now - timedelta(hours=2)
            hidden = rng.random() < 0.02
            conns.append(Connection(m, when, hidden=hidden, colleague=colleague and company == m.company))
        conns.sort(key=lambda c: c.connected_on, reverse=True)
        return conns

    # ties --------------------------------------------------------------------------------------------------
    def assign_ties(self, conns: list[Connection], owner: Member) -> None:
        rng, p = self.rng, self.p

        def weight(c: Connection) -> float:
            w = 1.0 + 3.0 * c.colleague + 1.5 * (c.member.group == owner.group) + 0.8 * (c.member.function == owner.function)
            return w

        def take(k: int, min_age_days: float, tie: str, allow_hidden: bool = False) -> None:
            if k <= 0:
                return
            cutoff = self.now - timedelta(days=min_age_days)
            pool = [c for c in conns if c.tie == "none" and c.connected_on <= cutoff and (allow_hidden or not c.hidden)]
            if not pool:
                return
            chosen: list[Connection] = []
            weights = [weight(c) for c in pool]
            # weighted sampling without replacement (Efraimidis-Spirakis keys)
            keyed = sorted(range(len(pool)), key=lambda i: rng.random() ** (1.0 / weights[i]), reverse=True)
            for i in keyed[:k]:
                chosen.append(pool[i])
            for c in chosen:
                c.tie = tie

        take(p.strong_ties, 150, "strong")
        take(p.latent_ties, 2.2 * 365, "latent")
        take(p.active_ties, 20, "active")
        take(p.old_exchanges, 1.4 * 365, "old", allow_hidden=True)
        take(p.inbound_unanswered, 0, "inbound", allow_hidden=True)
        take(p.outbound_unanswered, 0, "outbound")

    # conversations -------------------------------------------------------------------------------------------
    def _session(self, conv: Conversation, owner: Member, other: Member, start: datetime, n: int, *,
                 long: bool, first_owner: bool, deleted: bool = False) -> datetime:
        rng = self.rng
        t = start
        who_owner = first_owner
        shown_other = _DELETED if deleted else other
        for i in range(n):
            if t >= self.now:
                break
            sender, rcpt = (owner, shown_other) if who_owner else (shown_other, owner)
            to_first = (other.first.strip() if who_owner else owner.first.strip()).split(" ")[0]
            me = (owner.first if who_owner else other.first).strip()
            text = T.dm_text(rng, "open" if i == 0 else "reply", _lang(other.culture if rng.random() < 0.6 else "en"),
                             to=to_first, me=me, company=other.company if who_owner else owner.company,
                             city=self.people.location(self.home).split(",")[0], long=long)
            attachment = ""
            if rng.random() < self.attach_rate:
                text, attachment = "", f"https://www.linkedin.com/dms/prv/attachment/{rng.getrandbits(40):x}"
            conv.messages.append(Message(t, sender, [rcpt], text, attachment=attachment))
            # Replies come within minutes to a couple of days (log-normal, median ~2 h).
            t = t + timedelta(seconds=min(3 * 86400, max(40, rng.lognormvariate(math.log(7200), 1.4))))
            who_owner = not who_owner if rng.random() < 0.85 else who_owner
        return t

    def _dm(self, owner: Member) -> Conversation:
        folder = "ARCHIVE" if self.rng.random() < 0.13 else "INBOX"
        return Conversation(conversation_id(self.rng), "", folder, "dm")

    def make_conversations(self, owner: Member, conns: list[Connection], joined: datetime) -> list[Conversation]:
        rng, p, now = self.rng, self.p, self.now
        convs: list[Conversation] = []
        for c in conns:
            m, tie, since = c.member, c.tie, max(c.connected_on, joined)
            deleted = c.hidden
            conv = self._dm(owner)
            if tie == "strong":
                history_start = max(since + DAY, now - _years(rng.uniform(1.5, 6)))
                recent = rng.randint(7, 13)
                for k in range(recent):
                    if k == 0:
                        start = now - timedelta(days=rng.uniform(3, 24))
                    else:
                        start = between(rng, max(history_start, now - timedelta(days=360)), now - timedelta(days=10))
                    self._session(conv, owner, m, at_time(rng, start), rng.randint(2, 7), long=True, first_owner=rng.random() < 0.5)
                older_years = max(0.0, (now - timedelta(days=365) - history_start).days / 365)
                for _ in range(int(older_years * rng.uniform(1, 4))):
                    start = between(rng, history_start, now - timedelta(days=365))
                    self._session(conv, owner, m, at_time(rng, start), rng.randint(2, 5), long=True, first_owner=rng.random() < 0.5)
            elif tie == "active":
                for k in range(rng.choice((1, 1, 2))):
                    lo = max(since + DAY, now - timedelta(days=330))
                    start = between(rng, lo, now - timedelta(days=14))
                    self._session(conv, owner, m, at_time(rng, start), rng.randint(2, 4), long=False, first_owner=rng.random() < 0.5)
                if rng.random() < 0.3 and since < now - timedelta(days=500):
                    start = between(rng, since + DAY, now - timedelta(days=400))
                    self._session(conv, owner, m, at_time(rng, start), rng.randint(2, 3), long=False, first_owner=rng.random() < 0.5)
            elif tie == "latent":
                end = between(rng, max(since + timedelta(days=90), now - _years(5)), now - timedelta(days=440))
                start0 = max(since + DAY, end - _years(rng.uniform(0.5, 3)))
                for _ in range(rng.randint(5, 14)):
                    start = between(rng, start0, end)
                    self._session(conv, owner, m, at_time(rng, start), rng.randint(3, 8), long=True, first_owner=rng.random() < 0.5)
            elif tie == "old":
                start = between(rng, since + DAY, max(since + 2 * DAY, now - timedelta(days=420)))
                self._session(conv, owner, m, at_time(rng, start), rng.choice((2, 2, 3, 4)), long=False,
                              first_owner=rng.random() < 0.5, deleted=deleted)
            elif tie == "inbound":
                start = between(rng, since, now - timedelta(hours=3))
                pitch = T.fill(rng, rng.choice(T.SALES_BODIES), company=owner.company)
                sender = _DELETED if deleted else m
                conv.messages.append(Message(at_time(rng, start), sender, [owner], T.decorate(rng, f"Hi {owner.first.strip()}, {pitch}")))
                if rng.random() < 0.35:
                    follow = at_time(rng, min(now - timedelta(hours=1), start + timedelta(days=rng.uniform(3, 20))))
                    conv.messages.append(Message(follow, sender, [owner], "Just bumping this up in your inbox 🙂"))
                if rng.random() < 0.08:
                    conv.folder = "SPAM"
            elif tie == "outbound":
                start = between(rng, since, now - timedelta(hours=3))
                self._session(conv, owner, m, at_time(rng, start), 1, long=False, first_owner=True)
            elif not c.hidden and rng.random() < p.connect_notes:
                first_owner = rng.random() < 0.5
                t0 = c.connected_on + timedelta(minutes=rng.uniform(2, 2880))
                if t0 < now:
                    n_msgs = 2 if rng.random() < 0.3 else 1
                    self._session(conv, owner, m, t0, n_msgs, long=False, first_owner=first_owner)
            if conv.messages:
                convs.append(conv)

        people_pool = [c.member for c in conns if not c.hidden and c.tie in ("strong", "active", "latent")] or \
                      [c.member for c in conns if not c.hidden][:50]
        # Group threads
        for _ in range(p.group_threads):
            if len(people_pool) < 2:
                break
            k = min(len(people_pool), rng.randint(2, 6))
            members = rng.sample(people_pool, k)
            for _x in range(rng.choice((0, 0, 1))):
                members.append(self._stranger())
            conv = Conversation(conversation_id(rng), rng.choice(T.GROUP_TITLES), "INBOX", "group")
            everyone = [owner] + members
            t = at_time(rng, between(rng, max(joined, now - _years(3)), now - timedelta(days=2)))
            for _m in range(rng.randint(4, 25)):
                if t >= now:
                    break
                sender = owner if rng.random() < 0.3 else rng.choice(members)
                rcpts = [x for x in everyone if x is not sender]
                text = T.decorate(rng, T.fill(rng, rng.choice(T.GROUP_LINES), to=rng.choice(members).first.strip()))
                conv.messages.append(Message(t, sender, rcpts, text))
                t += timedelta(seconds=rng.lognormvariate(math.log(5 * 3600), 1.6))
            if conv.messages:
                convs.append(conv)

        # Recruiter InMails (from non-connections, with a subject and a title)
        years = min(p.years_on_linkedin, 6.0)
        for _ in range(poisson(rng, p.recruiter_inmails_per_year * years)):
            rec = self._stranger(function="Human Resources")
            subj = T.fill(rng, rng.choice(T.INMAIL_SUBJECTS), company=rec.company, title=owner.position)
            body = T.fill(rng, rng.choice(T.RECRUITER_BODIES), company=rec.company, title=owner.position,
                          city=self.people.location(self.home).split(",")[0])
            t = at_time(rng, between(rng, now - _years(years), now - timedelta(hours=5)))
            greeting = f"Hi {owner.first.strip()},"
            text = T.html_inmail(rng, greeting, body) if rng.random() < 0.5 else T.decorate(rng, f"{greeting} {body}")
            folder = rng.choices(("INBOX", "ARCHIVE", "SPAM"), (80, 15, 5))[0]
            conv = Conversation(conversation_id(rng), subj, folder, "inmail")
            if rng.random() < 0.08:
                text = ""                                                      # InMail shell
            conv.messages.append(Message(t, rec, [owner], text, subject=subj))
            if rng.random() < p.reply_prob_inmail:
                t2 = t + timedelta(seconds=rng.lognormvariate(math.log(20 * 3600), 1.0))
                if t2 < now:
                    reply = rng.choice(("Thanks for reaching out! I'm happy where I am right now, but let's stay in touch.",
                                        "Hi, thanks – sounds interesting. Could you share the salary range and location?",
                                        "Happy to chat. I'm free Thursday afternoon."))
                    conv.messages.append(Message(t2, owner, [rec], reply, subject=f"RE: {subj}"))
                    t3 = t2 + timedelta(seconds=rng.lognormvariate(math.log(6 * 3600), 1.0))
                    if t3 < now and rng.random() < 0.6:
                        conv.messages.append(Message(t3, rec, [owner], "Great, I'll send over the details.", subject=f"RE: {subj}"))
            convs.append(conv)

        # Sponsored / system senders (no profile URL), some from since-deleted accounts.
        senders = list(V.SYSTEM_SENDERS) + list(V.LOCALIZED_SYSTEM_SENDERS.get(owner.culture, ()))
        for _ in range(poisson(rng, p.sponsored_per_year * years)):
            if rng.random() < 0.25:
                who = _DELETED
            else:
                name = rng.choice(senders)
                who = Member(name, "", "")
            subj = T.fill(rng, rng.choice(T.PREMIUM_SUBJECTS), to=owner.first.strip())
            body = rng.choice(T.PREMIUM_BODIES)
            t = at_time(rng, between(rng, now - _years(years), now - timedelta(hours=2)))
            text = "" if rng.random() < 0.2 else T.html_inmail(rng, f"Hi {owner.first.strip()},", body)
            conv = Conversation(conversation_id(rng), subj if rng.random() < 0.7 else "", "INBOX", "sponsored")
            conv.messages.append(Message(t, who, [owner], text, subject=subj if rng.random() < 0.6 else ""))
            convs.append(conv)

        # Drafts: unsent messages to people the owner talks to.
        n_drafts = 0 if p.strong_ties + p.active_ties == 0 else rng.choice((0, 1, 1, 2, 3, 5))
        dm_by_member = {}
        for conv in convs:
            if conv.kind == "dm":
                for msg in conv.messages:
                    other = msg.recipients[0] if msg.sender is owner else msg.sender
                    dm_by_member.setdefault(id(other), conv)
        talk = [c.member for c in conns if c.tie in ("strong", "active") and not c.hidden]
        for _ in range(n_drafts):
            if not talk:
                break
            m = rng.choice(talk)
            t = at_time(rng, between(rng, now - timedelta(days=60), now - timedelta(hours=1)))
            text = T.dm_text(rng, "open", "en", to=m.first.strip().split(" ")[0], me=owner.first.strip())
            if rng.random() < 0.3:
                text = ""
            host = dm_by_member.get(id(m))
            if host is not None and rng.random() < 0.25:
                host.messages.append(Message(t, owner, [m], text, is_draft=True))   # draft inside a thread
            else:
                convs.append(Conversation("", "", "", "draft", [Message(t, owner, [m], text, is_draft=True)]))
        return convs

    def _stranger(self, function: str | None = None) -> Member:
        """A non-connection (recruiter, group member, pending invitee)."""
        ps, rng = self.people, self.rng
        country = ps.country_near(self.home)
        culture = ps.culture_for(country)
        first, last, stem = ps.name(culture)
        fn = function or ps.functions.pick(rng)
        level = ps.levels.pick(rng)
        group = "Administrative and Support Services" if fn == "Human Resources" and rng.random() < 0.6 else ps.groups.pick(rng)
        company = ps.company(group, country)
        return Member(first, last, ps.slug(stem), company, ps.title(fn, level, culture), group, fn, level, country, culture)

    # services ----------------------------------------------------------------------------------------------
    def _interaction_span(self, convs: list[Conversation], owner: Member) -> dict[int, tuple[datetime, datetime]]:
        span: dict[int, tuple[datetime, datetime]] = {}
        for conv in convs:
            if conv.kind != "dm":
                continue
            for msg in conv.messages:
                other = msg.recipients[0] if msg.sender is owner else msg.sender
                lo, hi = span.get(id(other), (msg.sent_at, msg.sent_at))
                span[id(other)] = (min(lo, msg.sent_at), max(hi, msg.sent_at))
        return span

    def _pick_service_partners(self, conns: list[Connection], k: int, prefs: dict[str, float]) -> list[Connection]:
        rng = self.rng
        pool = [c for c in conns if not c.hidden]
        if k <= 0 or not pool:
            return []
        weights = [prefs.get(c.tie, 0.02) + (0.2 if c.colleague else 0.0) for c in pool]
        keyed = sorted(range(len(pool)), key=lambda i: rng.random() ** (1.0 / weights[i]), reverse=True)
        return [pool[i] for i in keyed[:k]]

    def make_services(self, owner: Member, conns: list[Connection], convs: list[Conversation], skills: list[str],
                      positions: list[Position]):
        rng, p, now = self.rng, self.p, self.now
        span = self._interaction_span(convs, owner)
        prefs = {"strong": 30.0, "latent": 12.0, "active": 6.0, "old": 1.0}

        def when_for(c: Connection) -> datetime:
            lo, hi = span.get(id(c.member), (c.connected_on, now))
            lo = max(lo, c.connected_on)
            return at_time(rng, between(rng, lo, min(now - timedelta(hours=1), hi + timedelta(days=30))))

        received: list[Endorsement] = []
        for c in self._pick_service_partners(conns, p.endorsement_givers, prefs):
            for _ in range(1 if rng.random() < 0.7 else 2):
                t = when_for(c)
                for j, skill in enumerate(rng.sample(skills, min(len(skills), rng.randint(1, 4)))):
                    # one row per skill; same timestamp, or a few seconds apart as the endorser clicks through
                    tj = t if rng.random() < 0.7 else t - timedelta(seconds=j * rng.randint(1, 9))
                    received.append(Endorsement(tj, skill, c.member))
        # The legacy UTF-16 file also lists endorsements LinkedIn later redacted.
        for _ in range(rng.choice((0, 1, 2, 3))):
            if not skills:
                break
            ghost = Member(rng.choice(V.NAMES["en"][0]), rng.choice(("X.", "M.", "K.")), "")
            received.append(Endorsement(at_time(rng, between(rng, now - _years(3), now)), rng.choice(skills), ghost,
                                        status="Redacted", legacy_only=True))
        received.sort(key=lambda e: e.at, reverse=True)

        given: list[Endorsement] = []
        for c in self._pick_service_partners(conns, p.endorsement_receivers, prefs):
            t = when_for(c)
            their = V.SKILLS_BY_FUNCTION[c.member.function or "Engineering"]
            for j, skill in enumerate(rng.sample(their, min(len(their), rng.randint(1, 3)))):
                given.append(Endorsement(t - timedelta(seconds=j * rng.randint(0, 3)), skill, c.member))
        given.sort(key=lambda e: e.at, reverse=True)

        rec_prefs = {"strong": 30.0, "latent": 20.0, "active": 2.0}
        recs_r, recs_g = [], []
        for c in self._pick_service_partners(conns, p.recommendations_received, rec_prefs):
            recs_r.append(self._recommendation(c, owner, when_for(c), "VISIBLE" if rng.random() < 0.92 else ""))
        for c in self._pick_service_partners(conns, p.recommendations_given, rec_prefs):
            recs_g.append(self._recommendation(c, c.member, when_for(c), "" if rng.random() < 0.7 else "VISIBLE"))
        recs_r.sort(key=lambda r: r.at, reverse=True)
        recs_g.sort(key=lambda r: r.at, reverse=True)
        return received, given, recs_r, recs_g

    def _recommendation(self, c: Connection, subject: Member, at: datetime, status: str) -> Recommendation:
        rng = self.rng
        she = rng.random() < 0.5
        kw = dict(to=subject.first.strip(), company=subject.company or "our company", title_lc=(subject.position or "colleague").lower(),
                  pronoun="she" if she else "he", pronoun_cap="She" if she else "He", obj="her" if she else "him")
        sents = [T.fill(rng, s, **kw) for s in rng.sample(T.RECOMMENDATION_SENTENCES, rng.randint(2, 5))]
        m = c.member
        return Recommendation(m, m.company, m.position, "  ".join(sents) if rng.random() < 0.3 else " ".join(sents), at, status)

    def make_invitations(self, owner: Member, conns: list[Connection]) -> list[Invitation]:
        rng, p, now = self.rng, self.p, self.now
        window_start = now - timedelta(days=30.4 * p.invitations_window_months)
        out_share = (0.55 if p.strong_ties + p.active_ties > 20 else 0.3) if p.invite_out_share is None \
            else p.invite_out_share
        pending_out_share = 0.5 if p.invite_out_share is None else p.invite_out_share
        invs: list[Invitation] = []
        for c in conns:
            if c.connected_on < window_start or c.hidden:
                continue
            sent = c.connected_on - timedelta(seconds=rng.uniform(60, 5 * 86400))
            if sent < window_start:
                continue
            note = ""
            if rng.random() < 0.03:
                note = T.fill(rng, rng.choice(T.INVITE_NOTES), to=c.member.first.strip())
            if rng.random() < out_share:
                invs.append(Invitation(sent, owner, c.member, note, "OUTGOING"))
            else:
                invs.append(Invitation(sent, c.member, owner, note, "INCOMING"))
        for _ in range(p.pending_invitations):
            s = self._stranger()
            sent = at_time(rng, between(rng, window_start, now - timedelta(hours=1)))
            if rng.random() < pending_out_share:
                invs.append(Invitation(sent, owner, s, "", "OUTGOING"))
            else:
                note = T.fill(rng, rng.choice(T.INVITE_NOTES), to=owner.first.strip()) if rng.random() < 0.1 else ""
                invs.append(Invitation(sent, s, owner, note, "INCOMING"))
        invs.sort(key=lambda i: i.sent_at, reverse=True)
        return invs

    # own activity --------------------------------------------------------------------------------------------
    def make_activity(self, joined: datetime, owner: Member) -> list[Activity]:
        rng, p, now = self.rng, self.p, self.now
        acts: list[Activity] = []
        months: list[date] = []
        d = date(joined.year, joined.month, 1)
        while d <= self.as_of:
            months.append(d)
            d = date(d.year + (d.month == 12), d.month % 12 + 1, 1)
        last12 = months[-12:]
        active_recent = set(rng.sample(range(len(last12)), min(len(last12), p.active_months_last_year)))
        base = len(months) - len(last12)
        for i, m0 in enumerate(months):
            j = i - base
            active = (j in active_recent) if j >= 0 else rng.random() < (p.active_months_last_year / 12) * 0.8
            if not active:
                continue
            m1 = date(m0.year + (m0.month == 12), m0.month % 12 + 1, 1)
            lo = max(datetime.combine(m0, time(0)), joined)
            hi = min(datetime.combine(m1, time(0)), now - timedelta(minutes=5))
            if hi <= lo:
                continue
            nr, nc, ns = poisson(rng, p.reactions_per_month), poisson(rng, p.comments_per_month), poisson(rng, p.shares_per_month)
            nv = poisson(rng, p.votes_per_year / 12)
            if nr + nc + ns + nv == 0:
                nr = 1                                                       # an active month has at least one event
            for _ in range(nr):
                acts.append(self._reaction(between(rng, lo, hi)))
            for _ in range(nc):
                acts.append(self._comment(between(rng, lo, hi), owner))
            for _ in range(ns):
                acts.append(self._share(between(rng, lo, hi), owner))
            for _ in range(nv):
                acts.append(self._vote(between(rng, lo, hi)))
        acts.sort(key=lambda a: a.at, reverse=True)
        return acts

    def _post_link(self, at: datetime, encoded: bool = True, comment: bool = False) -> str:
        rng = self.rng
        born = at - timedelta(days=rng.uniform(0, 6))
        kind = rng.choices(("activity", "ugcPost", "groupPost", "share"), (60, 30, 6, 4))[0]
        pid = post_id(rng, born)
        urn = f"urn:li:groupPost:{rng.randint(1000000, 9999999)}-{pid}" if kind == "groupPost" else f"urn:li:{kind}:{pid}"
        if not encoded:
            return f"https://www.linkedin.com/feed/update/{urn}"
        link = "https://www.linkedin.com/feed/update/" + urn.replace(":", "%3A")
        if comment:
            cid = post_id(rng, at)
            link += f"?commentUrn=urn%3Ali%3Acomment%3A%28{kind}%3A{pid}%2C{cid}%29"
        return link

    def _reaction(self, at: datetime) -> Activity:
        rng = self.rng
        if at.year < 2019:
            kinds, w = ("LIKE",), (1,)
        elif at.year < 2022:
            kinds, w = ("LIKE", "PRAISE", "EMPATHY", "APPRECIATION", "INTEREST", "MAYBE"), (62, 14, 8, 6, 7, 3)
        else:
            kinds, w = ("LIKE", "PRAISE", "EMPATHY", "APPRECIATION", "INTEREST", "ENTERTAINMENT", "MAYBE"), (58, 15, 8, 7, 7, 4, 1)
        return Activity("reaction", at, self._post_link(at, comment=rng.random() < 0.08), reaction=rng.choices(kinds, w)[0])

    def _comment(self, at: datetime, owner: Member) -> Activity:
        rng = self.rng
        to = rng.choice(V.NAMES["en"][0])
        r = rng.random()
        if r < 0.62:
            text = T.fill(rng, rng.choice(T.COMMENT_LINES), to=to)
        elif r < 0.8:
            text = T.fill(rng, rng.choice(T.COMMENT_WITH_COMMAS), to=to)
        else:
            # Multi-line: without commas these are written UNQUOTED across physical lines (the real bug).
            lines = [T.fill(rng, rng.choice(T.COMMENT_LINES), to=to)]
            for _ in range(rng.randint(1, 3)):
                lines.append(rng.choice(T.COMMENT_TAILS))
            if rng.random() < 0.3:
                lines.insert(1, f"{to} {rng.choice(('Mueller', 'Khan', 'Rossi'))}")
            if rng.random() < 0.35:
                lines[-1] = lines[-1] + ", " + rng.choice(T.COMMENT_TAILS).lower()
            if rng.random() < 0.15:
                lines.insert(1, "")                                          # blank line inside the body
            text = "\n".join(lines)
        return Activity("comment", at, self._post_link(at, comment=rng.random() < 0.1), text=text)

    def _share(self, at: datetime, owner: Member) -> Activity:
        rng = self.rng
        paras = [T.fill(rng, s, title=owner.position or "Analyst", company=owner.company or "my company", n=str(rng.randint(2, 9)))
                 for s in rng.sample(T.SHARE_PARAGRAPHS, rng.randint(1, 4))]
        if rng.random() < 0.7:
            paras.append(" ".join(rng.sample(T.HASHTAGS, rng.randint(2, 5))))
        if len(paras) > 1 and rng.random() < 0.6:
            spaced = []
            for i, para in enumerate(paras):
                if i:
                    spaced.append("")                                        # blank line between paragraphs
                spaced.append(para)
            paras = spaced
        kind = "share" if at.year < 2020 or rng.random() < 0.4 else "ugcPost"
        link = f"https://www.linkedin.com/feed/update/urn%3Ali%3A{kind}%3A{post_id(rng, at)}"
        shared = f"https://{rng.choice(('medium.com/@', 'www.forbes.com/sites/', 'hbr.org/20', 'github.com/', 'www.youtube.com/watch?v='))}{rng.getrandbits(32):x}" if rng.random() < 0.15 else ""
        media = f"https://media.licdn.com/dms/image/v2/D4E22AQ{rng.getrandbits(48):X}/feedshare-shrink_800/0/{rng.getrandbits(40)}" if rng.random() < 0.1 else ""
        vis = "MEMBER_NETWORK" if rng.random() < 0.95 else "PUBLIC"
        return Activity("share", at, link, text="\n".join(paras), shared_url=shared, media_url=media, visibility=vis)

    def _vote(self, at: datetime) -> Activity:
        rng = self.rng
        option = rng.choice(("Yes", "No", "It depends", "Remote", "Hybrid", "Office", "Python", "SQL", "Option A",
                             "Strongly agree, we do this", " Not sure"))
        return Activity("vote", at, self._post_link(at, encoded=False), text=option)

    # follows & misc ------------------------------------------------------------------------------------------
    def make_follows(self, owner: Member, conns: list[Connection], joined: datetime):
        rng, now = self.rng, self.now
        comp = []
        pool = list(V.COMPANIES_BY_GROUP[owner.group]) + rng.sample(list(V.COMPANIES), 40)
        for c in rng.sample(pool, min(len(pool), rng.randint(2, 35))):
            comp.append((c.name, at_time(rng, between(rng, joined, now - timedelta(hours=1)))))
        comp.sort(key=lambda x: x[1], reverse=True)
        mem = []
        for c in rng.sample(conns, min(len(conns), rng.randint(0, 25))):
            if c.hidden:
                continue
            mem.append((at_time(rng, between(rng, c.connected_on, now - timedelta(hours=1))),
                        "Active" if rng.random() < 0.9 else "Unfollow", c.member.display_name))
        mem.sort(key=lambda x: x[0], reverse=True)
        tags = [(t.lstrip("#").lower(), at_time(rng, between(rng, joined, now))) for t in rng.sample(T.HASHTAGS, rng.randint(0, 8))]
        return comp, mem, tags

    def make_misc(self, owner: Member, joined: datetime, skills: list[str]) -> dict[str, list]:
        """Rows for files the score never reads; they make inventories realistic."""
        rng, now = self.rng, self.now
        misc: dict[str, list] = {}
        misc["emails"] = [(self.people.email(owner.first, owner.last), "Yes", "Yes", at_time(rng, joined))]
        if rng.random() < 0.4:
            misc["emails"].append((self.people.email(owner.first, owner.last), "Yes", "No", at_time(rng, between(rng, joined, now))))
        misc["phones"] = [("", f"+{rng.randint(1, 99)} {rng.randint(100, 999)} {rng.randint(1000000, 9999999)}", "Mobile")] if rng.random() < 0.6 else []
        langs = [(V.LANGUAGES_BY_CULTURE.get(owner.culture, "English"), V.PROFICIENCIES[0])]
        if langs[0][0] != "English":
            langs.append(("English", rng.choice(V.PROFICIENCIES[1:3])))
        misc["languages"] = langs
        misc["learning"] = [(title, kind, at_time(rng, between(rng, now - _years(4), now)), rng.random() < 0.5)
                            for title, kind in rng.sample(T.LEARNING_COURSES, rng.randint(0, 5))]
        misc["rich_media"] = [at_time(rng, between(rng, joined, now)) for _ in range(rng.randint(0, 4))]
        misc["searches"] = [(at_time(rng, between(rng, now - _years(2), now)), T.fill(rng, rng.choice(T.SEARCH_QUERIES), company=rng.choice(V.COMPANIES).name))
                            for _ in range(rng.randint(3, 40))]
        misc["searches"].sort(key=lambda x: x[0], reverse=True)
        misc["logins"] = [(at_time(rng, between(rng, now - timedelta(days=180), now)), f"{rng.randint(2, 223)}.{rng.randint(0, 255)}.{rng.randint(0, 255)}.{rng.randint(1, 254)}")
                          for _ in range(rng.randint(5, 40))]
        misc["logins"].sort(key=lambda x: x[0], reverse=True)
        misc["saved_jobs"] = [(at_time(rng, between(rng, now - _years(2), now)), self._stranger().company, owner.position or "Analyst",
                               rng.getrandbits(32)) for _ in range(rng.randint(0, 8))]
        misc["job_applications"] = [(at_time(rng, between(rng, now - _years(2), now)), self._stranger().company, owner.position or "Analyst",
                                     rng.getrandbits(32)) for _ in range(rng.randint(0, 4))]
        misc["events"] = [(at_time(rng, between(rng, now - _years(3), now)), f"{rng.choice(T.TOPICS).capitalize()} – live session")
                          for _ in range(rng.randint(0, 4))]
        misc["receipts"] = []
        if self.p.premium:
            t = now - timedelta(days=15)
            for _ in range(rng.randint(1, 12)):
                misc["receipts"].append(t)
                t -= timedelta(days=30)
        misc["certifications"] = [(f"{rng.choice(skills)} Certification", rng.choice(("Coursera", "LinkedIn", "Microsoft", "Amazon Web Services (AWS)", "PMI")),
                                   at_time(rng, between(rng, joined, now))) for _ in range(rng.randint(0, 3))] if skills else []
        misc["screening"] = [("How many years of work experience do you have?", str(rng.randint(1, 20))),
                             ("Are you legally authorized to work in this country?", "Yes"),
                             ("Will you now or in the future require sponsorship?", "No")][: rng.randint(0, 3)]
        misc["coach"] = [(at_time(rng, between(rng, now - timedelta(days=200), now)), q, a)
                         for q, a in zip(rng.sample(T.COACH_QUESTIONS, 2), rng.sample(T.COACH_ANSWERS, 2))][: rng.randint(0, 2)]
        misc["ads_clicked"] = [(at_time(rng, between(rng, now - _years(1), now)), str(rng.randint(10**8, 10**9))) for _ in range(rng.randint(0, 6))]
        misc["saved_items"] = [(self._post_link(now - timedelta(days=rng.randint(1, 400)), encoded=False), at_time(rng, between(rng, now - _years(1), now)))
                               for _ in range(rng.randint(0, 4))]
        misc["contacts"] = [(self.people.name(self.people.culture_for(self.home), quirks=False)[:2], self.people.email("a", "b"), at_time(rng, joined))
                            for _ in range(rng.randint(0, 6))]
        misc["status_history"] = [(at_time(rng, joined), "Account Created")]
        return misc


_DELETED = Member("LinkedIn", "Member", "")


def simulate(persona: Persona, rng: random.Random, as_of: date, era_year: int = 2026) -> Network:
    """Build the whole network for one owner. Pure data, deterministic for a given RNG state."""
    sim = Simulator(persona, rng, as_of, era_year)
    owner, positions, schools, skills, profile, joined = sim.make_owner()
    conns = sim.make_connections(owner, positions, joined)
    sim.assign_ties(conns, owner)
    convs = sim.make_conversations(owner, conns, joined)
    e_r, e_g, r_r, r_g = sim.make_services(owner, conns, convs, skills, positions)
    invs = sim.make_invitations(owner, conns)
    acts = sim.make_activity(joined, owner)
    comp, mem, tags = sim.make_follows(owner, conns, joined)
    misc = sim.make_misc(owner, joined, skills)
    return Network(owner=owner, profile=profile, joined_at=joined, as_of=as_of, persona=persona, positions=positions,
                   schools=schools, skills=skills, connections=conns, conversations=convs, endorsements_received=e_r,
                   endorsements_given=e_g, recommendations_received=r_r, recommendations_given=r_g, invitations=invs,
                   activities=acts, company_follows=comp, member_follows=mem, hashtag_follows=tags, misc=misc)
