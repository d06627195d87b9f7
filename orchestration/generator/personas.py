"""Who the export owner is: a persona fixes the size, shape and behaviour of the simulated network.

Presets follow the illustrative personas of the score model (docs/score-model.md §1.4) so the demo users land
in distinct score bands. `typical` is a random draw from population-like distributions (for scale mode). Counts
of tie classes are targets: the simulation hits them exactly when the network is large enough, and caps them
otherwise. Two-way ties = strong_ties + active_ties (the score's Engagement `A` counts both):

* *collector*: "passive 5,000-connection collector with no conversations": no two-way tie of any kind (no
  strong/active/latent/old exchanges, no connection notes, no InMail replies), only unanswered inbound pitches
  and endorsements received; passive: 2 active months, no regular adds (Connected On skewed to the early years),
  invitations all incoming.
* *specialist*: "400 connections, 60 two-way ties, 15 strong, active every month, narrower industry mix".
* *new_grad*: "120 connections, 10 active ties, 3 strong" (3 strong + 7 active = 10 two-way ties).

Connection notes (`connect_notes`) can add a few short two-way threads on top of the designed ties.
"""

from __future__ import annotations

import math
import random
from dataclasses import dataclass, fields, replace

# Size distribution for "typical" owners: log-normal, median 500, long right tail, LinkedIn's hard cap.
SIZE_MEDIAN = 500
SIZE_SIGMA = 1.1
SIZE_MIN = 15
SIZE_CAP = 30_000


@dataclass(frozen=True)
class Persona:
    name: str
    n_connections: int
    years_on_linkedin: float          # account age at export time
    growth_recency: float             # >1 skews Connected On towards recent years (active networkers)
    industry_focus: float             # share of connections in the owner's industry group
    function_focus: float             # share of connections in the owner's job function
    colleague_share: float            # share of connections at the owner's own (past) employers
    empty_company_rate: float         # Connections rows with empty Company/Position (3-23 % real)
    # Tie classes (number of connections in each):
    strong_ties: int                  # frequent, deep, recent, two-way (TS >= 0.6 intended)
    active_ties: int                  # two-way in the last 365 days, lighter (not strong)
    latent_ties: int                  # deep history, silent for 1.5+ years (re-engage list)
    old_exchanges: int                # one small two-way exchange long ago
    inbound_unanswered: int           # connections who wrote and got no reply
    outbound_unanswered: int          # owner wrote, no reply
    connect_notes: float              # share of new connections that come with a short "thanks" thread
    group_threads: int
    recruiter_inmails_per_year: float
    sponsored_per_year: float
    reply_prob_inmail: float          # owner answers an InMail
    # Services
    endorsement_givers: int           # people who endorsed the owner (mostly strong/active ties)
    endorsement_receivers: int        # people the owner endorsed
    recommendations_received: int
    recommendations_given: int
    # Own activity (per month when active) and how many of the last 12 months were active
    active_months_last_year: int
    reactions_per_month: float
    comments_per_month: float
    shares_per_month: float
    votes_per_year: float
    invitations_window_months: int    # Invitations.csv only covers a recent window
    pending_invitations: int
    premium: bool = False
    # Share of invitations (accepted and pending) the owner sent; None = 0.55 for networkers with more than 20
    # two-way ties, else 0.3 (pending: 0.5)
    invite_out_share: float | None = None


PERSONAS: dict[str, Persona] = {
    "collector": Persona(
        name="collector", n_connections=5000, years_on_linkedin=12.0, growth_recency=0.3, industry_focus=0.22,
        function_focus=0.12, colleague_share=0.05, empty_company_rate=0.12,
        strong_ties=0, active_ties=0, latent_ties=0, old_exchanges=0, inbound_unanswered=45,
        outbound_unanswered=0, connect_notes=0.0, group_threads=0, recruiter_inmails_per_year=6,
        sponsored_per_year=10, reply_prob_inmail=0.0, endorsement_givers=6, endorsement_receivers=0,
        recommendations_received=0, recommendations_given=0, active_months_last_year=2, reactions_per_month=1.0,
        comments_per_month=0.0, shares_per_month=0.05, votes_per_year=0, invitations_window_months=6,
        pending_invitations=60, invite_out_share=0.0,
    ),
    "specialist": Persona(
        name="specialist", n_connections=400, years_on_linkedin=9.0, growth_recency=1.0, industry_focus=0.72,
        function_focus=0.45, colleague_share=0.22, empty_company_rate=0.04,
        strong_ties=15, active_ties=45, latent_ties=18, old_exchanges=30, inbound_unanswered=8,
        outbound_unanswered=4, connect_notes=0.25, group_threads=3, recruiter_inmails_per_year=4,
        sponsored_per_year=3, reply_prob_inmail=0.5, endorsement_givers=28, endorsement_receivers=22,
        recommendations_received=4, recommendations_given=3, active_months_last_year=12, reactions_per_month=14,
        comments_per_month=3, shares_per_month=1.2, votes_per_year=3, invitations_window_months=8,
        pending_invitations=4, premium=True,
    ),
    "new_grad": Persona(
        name="new_grad", n_connections=120, years_on_linkedin=1.6, growth_recency=1.0, industry_focus=0.5,
        function_focus=0.35, colleague_share=0.15, empty_company_rate=0.08,
        strong_ties=3, active_ties=7, latent_ties=0, old_exchanges=4, inbound_unanswered=3,
        outbound_unanswered=5, connect_notes=0.15, group_threads=1, recruiter_inmails_per_year=3,
        sponsored_per_year=4, reply_prob_inmail=0.6, endorsement_givers=5, endorsement_receivers=4,
        recommendations_received=1, recommendations_given=0, active_months_last_year=8, reactions_per_month=5,
        comments_per_month=0.8, shares_per_month=0.3, votes_per_year=1, invitations_window_months=6,
        pending_invitations=6,
    ),
    "lapsed": Persona(
        name="lapsed", n_connections=800, years_on_linkedin=11.0, growth_recency=0.6, industry_focus=0.5,
        function_focus=0.3, colleague_share=0.18, empty_company_rate=0.1,
        strong_ties=0, active_ties=2, latent_ties=30, old_exchanges=40, inbound_unanswered=12,
        outbound_unanswered=2, connect_notes=0.1, group_threads=1, recruiter_inmails_per_year=3,
        sponsored_per_year=4, reply_prob_inmail=0.1, endorsement_givers=15, endorsement_receivers=10,
        recommendations_received=2, recommendations_given=2, active_months_last_year=1, reactions_per_month=1,
        comments_per_month=0.1, shares_per_month=0.02, votes_per_year=0, invitations_window_months=4,
        pending_invitations=3,
    ),
}
PERSONA_NAMES: tuple[str, ...] = tuple(PERSONAS) + ("typical",)


def draw_network_size(rng: random.Random) -> int:
    """Connections per owner: log-normal (median ~500) with a long tail, capped at LinkedIn's 30,000."""
    n = int(round(math.exp(rng.gauss(math.log(SIZE_MEDIAN), SIZE_SIGMA))))
    return max(SIZE_MIN, min(SIZE_CAP, n))


def draw_typical(rng: random.Random) -> Persona:
    """A random owner: size from the heavy-tailed distribution, behaviour from an engagement level."""
    n = draw_network_size(rng)
    eng = rng.betavariate(2.0, 3.0)                      # 0 passive .. 1 very engaged, mean 0.4
    years = max(0.7, min(20.0, rng.lognormvariate(math.log(4 + 5 * min(1.0, n / 2000)), 0.45)))
    cap = max(1, n // 3)

    def k(x: float) -> int:
        return max(0, min(cap, int(round(x))))

    strong = k(eng ** 1.6 * 22 * rng.uniform(0.6, 1.4))
    return Persona(
        name="typical", n_connections=n, years_on_linkedin=round(years, 2),
        growth_recency=round(0.6 + eng + rng.uniform(-0.2, 0.3), 3), industry_focus=rng.uniform(0.2, 0.75),
        function_focus=rng.uniform(0.1, 0.5), colleague_share=rng.uniform(0.04, 0.25),
        empty_company_rate=rng.uniform(0.03, 0.23),
        strong_ties=strong,
        active_ties=k(eng * 55 * rng.uniform(0.5, 1.5) * min(1.0, 0.3 + n / 800)),
        latent_ties=k((eng * 20 + n * 0.004) * rng.uniform(0.5, 1.5) * min(1.0, years / 3)),
        old_exchanges=k((5 + n * 0.02) * rng.uniform(0.5, 1.5) * min(1.0, years / 2)),
        inbound_unanswered=k((3 + n * 0.008) * rng.uniform(0.5, 2.0)),
        outbound_unanswered=k(eng * 8 * rng.uniform(0.3, 1.5)),
        connect_notes=round(eng * 0.35, 3),
        group_threads=k(eng * 4 * rng.uniform(0, 1.5)),
        recruiter_inmails_per_year=round(rng.uniform(0.5, 8), 2),
        sponsored_per_year=round(rng.uniform(1, 10), 2),
        reply_prob_inmail=round(eng * 0.7, 3),
        endorsement_givers=k((eng * 25 + n * 0.005) * rng.uniform(0.3, 1.3)),
        endorsement_receivers=k(eng * 25 * rng.uniform(0.2, 1.3)),
        recommendations_received=k(eng * 5 * rng.uniform(0, 1.5)),
        recommendations_given=k(eng * 4 * rng.uniform(0, 1.5)),
        active_months_last_year=max(0, min(12, int(round(eng * 14 * rng.uniform(0.5, 1.2))))),
        reactions_per_month=round(eng * 15 * rng.uniform(0.2, 1.5), 2),
        comments_per_month=round(eng * 3 * rng.uniform(0.1, 1.5), 2),
        shares_per_month=round(eng * 1.2 * rng.uniform(0.05, 1.5), 3),
        votes_per_year=round(eng * 4 * rng.uniform(0, 1.5), 2),
        invitations_window_months=rng.randint(3, 10),
        pending_invitations=k(rng.uniform(1, 8) + n * 0.004),
        premium=rng.random() < 0.15 + 0.3 * eng,
    )


PERSONA_FIELDS: frozenset[str] = frozenset(f.name for f in fields(Persona))


def resolve_persona(name: str, rng: random.Random, overrides: dict[str, object] | None = None) -> Persona:
    """The preset (or a random draw for "typical") with field overrides applied."""
    if name == "typical":
        base = draw_typical(rng)
    elif name in PERSONAS:
        base = PERSONAS[name]
    else:
        raise ValueError(f"unknown persona {name!r}; choose one of {', '.join(PERSONA_NAMES)}")
    overrides = dict(overrides or {})
    unknown = set(overrides) - PERSONA_FIELDS
    if unknown:
        raise TypeError(f"unknown persona field(s): {', '.join(sorted(unknown))}")
    if "n_connections" in overrides:
        overrides["n_connections"] = max(1, min(SIZE_CAP, int(overrides["n_connections"])))  # type: ignore[arg-type]
    return replace(base, **overrides) if overrides else base
