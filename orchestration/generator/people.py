"""Sampling people: names, profile slugs, employers and job titles from the vocabulary.

Pure functions of a `random.Random`; no file formats here. The quirks real exports show (trailing spaces,
post-nominals after a comma, emoji and styled-Unicode names, native-script names and slugs, legal suffixes
with commas, doubled quotes) are injected at realistic low rates so every export exercises them.
"""

from __future__ import annotations

import random
import unicodedata
from dataclasses import dataclass, field
from itertools import accumulate

from . import vocabulary as V


@dataclass
class Member:
    """Anyone who appears in the export: a connection, a sender, an invitee."""

    first: str                 # as LinkedIn stores it (may carry a trailing space or emoji)
    last: str
    slug: str                  # raw Unicode public-profile slug ("" for hidden / deleted members)
    company: str = ""
    position: str = ""
    group: str = ""            # V2 top-level industry group of the employer ("" if unknown)
    function: str = ""
    level: str = ""
    country: str = ""
    culture: str = "en"
    email: str = ""
    extra: dict[str, object] = field(default_factory=dict)

    @property
    def display_name(self) -> str:
        """The name LinkedIn shows in messages and invitations."""
        return f"{self.first.strip()} {self.last.strip()}".strip()

    @property
    def url(self) -> str:
        """https URL with the slug as raw Unicode (messages.csv / Invitations.csv form)."""
        return f"https://www.linkedin.com/in/{self.slug}" if self.slug else ""


class Weighted:
    """Fast repeated weighted choice over a fixed population."""

    def __init__(self, items: list, weights: list[float]):
        self.items = items
        self.cum = list(accumulate(weights))

    def pick(self, rng: random.Random):
        return rng.choices(self.items, cum_weights=self.cum)[0]


def _ascii_fold(s: str) -> str:
    s = s.replace("ß", "ss").replace("ø", "o").replace("Ø", "O").replace("æ", "ae").replace("ł", "l").replace("Ł", "L").replace("đ", "d").replace("ı", "i")
    return unicodedata.normalize("NFKD", s).encode("ascii", "ignore").decode("ascii")


def _styled(s: str, offset: int) -> str:
    """Mathematical alphanumeric letters (𝓙𝓪𝓷𝓮), as pasted by people who want to stand out."""
    out = []
    for ch in s:
        if "A" <= ch <= "Z":
            out.append(chr(offset + ord(ch) - 65))
        elif "a" <= ch <= "z":
            out.append(chr(offset + 26 + ord(ch) - 97))
        else:
            out.append(ch)
    return "".join(out)


_LEVEL_WORDS = frozenset({"Senior", "Associate", "Principal", "Lead", "Chief", "Head", "Junior", "Assistant", "Staff",
                          "Group", "Technical"})
_NO_PREFIX = frozenset({"founder", "co-founder", "owner", "entrepreneur", "founder & ceo", "co-founder & cto",
                        "managing director", "startup founder", "independent consultant", "student", "professor",
                        "rechtsanwalt", "avocat", "abogado", "steuerberater", "expert-comptable", "einkäufer",
                        "acheteur", "immobilienmakler", "soldat"})


class PeopleSampler:
    """All identity sampling for one export, sharing one RNG and caches."""

    def __init__(self, rng: random.Random, home_country: str):
        self.rng = rng
        self.home = home_country
        self.taken_slugs: set[str] = set()
        self._company_cache: dict[tuple[str, str], Weighted] = {}
        self._country_cache: dict[str, Weighted] = {}
        self.functions = Weighted(list(V.FUNCTIONS), [w for _, w in V.FUNCTION_WEIGHTS])
        self.levels = Weighted([s for s, _ in V.SENIORITY_WEIGHTS], [w for _, w in V.SENIORITY_WEIGHTS])
        # The general population's spread over industry groups (tech and services are over-represented on LinkedIn).
        gw = {g: 1.0 for g in V.INDUSTRY_GROUPS}
        gw.update({"Technology, Information and Media": 5.0, "Professional Services": 4.0, "Financial Services": 3.0,
                   "Manufacturing": 3.0, "Hospitals and Health Care": 2.5, "Education": 2.5, "Retail": 1.8,
                   "Government Administration": 1.3, "Transportation, Logistics, Supply Chain and Storage": 1.2,
                   "Holding Companies": 0.3, "Farming, Ranching, Forestry": 0.4})
        self.groups = Weighted(list(gw), list(gw.values()))

    # --- names -----------------------------------------------------------------------------------------------
    def culture_for(self, country: str) -> str:
        mix = V.CULTURE_MIX.get(country, (("en", 1.0),))
        w = self._country_cache.get("culture:" + country)
        if w is None:
            w = self._country_cache["culture:" + country] = Weighted([c for c, _ in mix], [p for _, p in mix])
        return w.pick(self.rng)

    def name(self, culture: str, quirks: bool = True) -> tuple[str, str, str]:
        """(first, last, slug_stem). The stem is what LinkedIn derives the default slug from."""
        rng = self.rng
        firsts, lasts = V.NAMES[culture]
        first = rng.choice(firsts).replace("_", " ")
        last = rng.choice(lasts).replace("_", " ")
        stem = f"{first} {last}"
        if quirks:
            r = rng.random()
            if r < 0.012 and culture in V.NATIVE_SCRIPT_NAMES:
                first, last = rng.choice(V.NATIVE_SCRIPT_NAMES[culture])
                stem = f"{first} {last}" if rng.random() < 0.5 else stem
            elif r < 0.03:
                last = f"{last}, {rng.choice(V.POST_NOMINALS)}"        # "Smith, Ph.D." -> quoted field
            elif r < 0.04:
                last = f"{last} {rng.choice(V.EMOJI_NAME_SUFFIXES)}"
            elif r < 0.043:
                first = _styled(_ascii_fold(first), rng.choice(V.STYLED_OFFSETS))
            elif r < 0.055:
                first = first + " "                                     # trailing space, as in real files
            elif r < 0.06:
                last = last.upper()
        return first, last, stem

    def slug(self, stem: str) -> str:
        """A unique public-profile slug: vanity or name + hex-ish suffix; Unicode kept in about half."""
        rng = self.rng
        base = stem.strip().lower()
        if rng.random() < 0.45:
            base = _ascii_fold(base)
        keep = []
        for ch in base:
            if ch.isalnum():
                keep.append(ch)
            elif ch in " -_":
                keep.append("-")
            elif ord(ch) > 0x2000 and not ch.isspace() and rng.random() < 0.6:
                keep.append(ch)                                           # emoji survive in some slugs
        base = "-".join(p for p in "".join(keep).split("-") if p) or "member"
        for attempt in range(50):
            r = rng.random()
            if attempt == 0 and r < 0.2:
                cand = base
            elif attempt == 0 and r < 0.3:
                cand = base.replace("-", "")
            else:
                n = rng.choice((8, 9, 9))
                suffix = "".join(rng.choice("0123456789abcdef" if i % 3 else "0123456789") for i in range(n))
                cand = f"{base}-{suffix}"
            if cand not in self.taken_slugs:
                self.taken_slugs.add(cand)
                return cand
        raise RuntimeError("could not find a free slug")  # pragma: no cover

    def email(self, first: str, last: str) -> str:
        f = "".join(ch for ch in _ascii_fold(first).lower() if ch.isalnum()) or "x"
        last_core = last.split(",")[0]
        lname = "".join(ch for ch in _ascii_fold(last_core).lower() if ch.isalnum()) or "y"
        dom = self.rng.choice(("gmail.com", "gmail.com", "outlook.com", "yahoo.com", "hotmail.com", "icloud.com", "web.de", "gmx.de", "protonmail.com"))
        sep = self.rng.choice((".", "", "_"))
        num = str(self.rng.randint(1, 99)) if self.rng.random() < 0.3 else ""
        return f"{f}{sep}{lname}{num}@{dom}"

    # --- places ----------------------------------------------------------------------------------------------
    def country_near(self, home: str, p_home: float = 0.7, p_region: float = 0.2) -> str:
        rng = self.rng
        r = rng.random()
        if r < p_home:
            return home
        if r < p_home + p_region:
            region = V.REGION_OF.get(home, "eu")
            pool = [c for c, reg in V.REGION_OF.items() if reg == region]
            return rng.choice(pool)
        return rng.choice(list(V.REGION_OF))

    def location(self, country: str) -> str:
        return self.rng.choice(V.LOCATIONS_BY_COUNTRY.get(country, ("Remote",)))

    # --- employers -------------------------------------------------------------------------------------------
    def _company_weights(self, group: str, country: str) -> Weighted:
        key = (group, country)
        w = self._company_cache.get(key)
        if w is None:
            region = V.REGION_OF.get(country, "")
            items = list(V.COMPANIES_BY_GROUP[group])
            weights = []
            for c in items:
                f = 4.0 if c.country == country else (1.5 if V.REGION_OF.get(c.country) == region else 0.6)
                weights.append(c.weight * f)
            w = self._company_cache[key] = Weighted(items, weights)
        return w

    def company(self, group: str, country: str) -> str:
        """A vocabulary employer (power law by size, home-country bias) or an invented long-tail one."""
        rng = self.rng
        if rng.random() < 0.62:
            name = self._company_weights(group, country).pick(rng).name
            if rng.random() < 0.02:
                suffixes = [s for s in V.LEGAL_SUFFIXES.get(country, (", Inc.",)) if s]
                if suffixes and not any(name.endswith(s.strip()) for s in suffixes):
                    name += rng.choice(suffixes)
            return name
        return self.long_tail_company(group, country)

    def long_tail_company(self, group: str, country: str) -> str:
        rng = self.rng
        word = rng.choice(V.LONG_TAIL_WORDS[group])
        r = rng.random()
        if r < 0.45:
            core = f"{rng.choice(V.LONG_TAIL_STEMS)} {word}"
        elif r < 0.7:
            culture = self.culture_for(country)
            core = f"{rng.choice(V.NAMES[culture][1]).replace('_', ' ')} {word}"
        elif r < 0.85:
            culture = self.culture_for(country)
            a, b = rng.sample(V.NAMES[culture][1], 2)
            core = f"{a.replace('_', ' ')} & {b.replace('_', ' ')} {word}"
        else:
            city = self.location(country).split(",")[0]
            core = f"{city} {word}"
        suffix = rng.choice(V.LEGAL_SUFFIXES.get(country, ("",)))
        name = core + suffix
        if rng.random() < 0.004:
            name = f'{core} "{rng.choice(V.LONG_TAIL_STEMS)}"{suffix}'   # doubled quotes in the CSV
        return name

    def group(self, own_group: str, focus: float) -> str:
        return own_group if self.rng.random() < focus else self.groups.pick(self.rng)

    # --- titles ----------------------------------------------------------------------------------------------
    def title(self, function: str, level: str, culture: str) -> str:
        rng = self.rng
        loc = V.LOCALIZED_TITLES.get(culture)
        if loc and rng.random() < 0.22:
            matches = [t for t, f, lv in loc if f == function and lv == level] or [t for t, f, _ in loc if f == function]
            if matches:
                return rng.choice(matches)
        roles, area, cxos = V.FUNCTION_TITLES[function]
        role = rng.choice(roles)
        r = rng.random()
        # Roles that already carry a level ("Senior Consultant", "Associate Professor") or a local word
        # ("Rechtsanwalt") take no English prefix: "Senior Senior Consultant" never happens in real data.
        fixed = role.split(" ", 1)[0] in _LEVEL_WORDS or not role.isascii() or role.lower() in _NO_PREFIX
        if fixed and level in ("entry", "senior", "training"):
            return role if level != "training" else f"{role} (Trainee)" if not role.isascii() else "Intern"
        if level == "training":
            t = rng.choice((f"{role} Intern", f"Intern - {area}", f"Working Student {area}", f"{area} Trainee",
                            "Graduate Trainee", f"{area} Apprentice", "Student"))
        elif level == "entry":
            t = rng.choice((role, role, f"Junior {role}", f"Associate {role}", f"{role} I", f"Graduate {role}"))
        elif level == "senior":
            t = rng.choice((f"Senior {role}", f"Senior {role}", f"Sr. {role}", f"{role} II", f"Lead {role}",
                            f"Staff {role}" if function == "Engineering" else f"Senior {role}",
                            f"Principal {role}" if r < 0.3 else f"Senior {role}"))
        elif level == "manager":
            t = rng.choice((f"{area} Manager", f"Manager, {area}", f"{role} Team Lead", f"Team Lead {area}",
                            f"Senior Manager, {area}", f"{area} Manager", f"Supervisor, {area}"))
        elif level == "director":
            t = rng.choice((f"Director of {area}", f"Head of {area}", f"Director, {area}", f"Senior Director {area}",
                            f"Associate Director, {area}", f"Head of {area} {self.location(self.home).split(',')[0]}"))
        elif level == "vp":
            t = rng.choice((f"VP of {area}", f"Vice President, {area}", f"SVP {area}", f"VP {area}",
                            f"Senior Vice President {area}", f"EVP, {area}"))
        elif level == "cxo":
            t = rng.choice(cxos + ("President", f"{rng.choice(cxos)} & Co-Founder"))
        elif level == "owner":
            t = rng.choice(("Founder", "Co-Founder", "Owner", f"Founder & {rng.choice(cxos)}", f"Owner, {role}",
                            "Founder and Managing Director", "Co-founder"))
        else:  # partner
            t = rng.choice(("Partner", "Managing Partner", f"Partner, {area}", "Senior Partner", "Equity Partner",
                            "Associate Partner"))
        if rng.random() < 0.003:
            t = f'{t} & "Chief Coffee Officer"'                              # doubled quotes in the CSV
        return t

    def headline(self, title: str, company: str, function: str) -> str:
        rng = self.rng
        skills = V.SKILLS_BY_FUNCTION[function]
        tpl = rng.choice(V.HEADLINE_TEMPLATES)
        school = rng.choice(V.SCHOOLS_BY_COUNTRY.get(self.home, V.SCHOOLS_BY_COUNTRY["US"]))
        other = self._company_weights(self.groups.pick(rng), self.home).pick(rng).name
        s1, s2 = rng.sample(skills, 2)
        return tpl.format(title=title, company=company, other=other, skill=s1, skill2=s2,
                          audience=rng.choice(V.AUDIENCES), school=school)
