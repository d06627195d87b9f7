"""Persona shapes (what the score should see) and scale mode."""

from __future__ import annotations

import math
import random
import re
import statistics
from datetime import datetime, timedelta

from orchestration.generator import PERSONAS, draw_network_size, generate_users, write_demo_users
from orchestration.generator.vocabulary import COMPANIES, FUNCTION_TITLES, INDUSTRY_GROUPS, LOCALIZED_TITLES


def test_size_distribution_heavy_tail():
    rng = random.Random(2024)
    sizes = [draw_network_size(rng) for _ in range(400)]
    med = statistics.median(sizes)
    assert 380 <= med <= 650
    assert max(sizes) <= 30_000 and min(sizes) >= 1
    assert statistics.mean(sizes) > 1.3 * med               # right skew
    assert sum(s > 2500 for s in sizes) >= 5                 # a long tail
    rng = random.Random(1)
    assert max(draw_network_size(rng) for _ in range(200_000)) == 30_000   # the cap binds far out


def test_vocabulary_is_wide():
    assert len(COMPANIES) >= 600
    assert {c.group for c in COMPANIES} == set(INDUSTRY_GROUPS) and len(INDUSTRY_GROUPS) == 20
    assert len({c.country for c in COMPANIES}) >= 25
    assert sum(len(roles) for roles, _, _ in FUNCTION_TITLES.values()) >= 200
    assert len(FUNCTION_TITLES) == 26
    assert any(t == "Geschäftsführer" for t, _, _ in LOCALIZED_TITLES["de"])


def two_way_dyads(rx, files, owner: str, as_of) -> tuple[int, int]:
    """(two-way dyads in the last 365 days, dyads with >= 10 two-way msgs in the last 180 days)."""
    header, recs = rx.parse_csv(files["messages.csv"], "messages.csv")
    rows = [dict(zip(header, r)) for r in recs]
    now = datetime.combine(as_of, datetime.min.time())
    sent, recv, recent = {}, {}, {}
    for r in rows:
        if not r["CONVERSATION ID"] or r["FOLDER"] == "SPAM":
            continue
        t = datetime.strptime(r["DATE"], "%Y-%m-%d %H:%M:%S UTC")
        if now - t > timedelta(days=365):
            continue
        rc = [u for u in r["RECIPIENT PROFILE URLS"].split(",") if u]
        if r["SENDER PROFILE URL"] == owner:
            for u in rc:
                sent[u] = sent.get(u, 0) + 1 / len(rc)
                if now - t < timedelta(days=180):
                    recent[u] = recent.get(u, 0) + 1
        elif owner in rc and r["SENDER PROFILE URL"]:
            u = r["SENDER PROFILE URL"]
            recv[u] = recv.get(u, 0) + 1
            if now - t < timedelta(days=180):
                recent[u] = recent.get(u, 0) + 1
    two_way = [u for u in sent if u in recv]
    strong = [u for u in two_way if recent.get(u, 0) >= 10]
    return len(two_way), len(strong)


def test_demo_personas_land_in_their_shapes(tmp_path, rx):
    demo = {ge.persona: ge for ge in write_demo_users(tmp_path)}
    assert set(demo) == {"collector", "specialist", "new_grad"}
    assert all((tmp_path / p).is_dir() and demo[p].path.parent == tmp_path / p for p in demo)
    n = {p: ge.expected_rows["connections"] for p, ge in demo.items()}
    assert n["collector"] > n["specialist"] > n["new_grad"]
    assert n["specialist"] == 400 and n["new_grad"] == 120 and n["collector"] == 3000
    shape = {}
    for p, ge in demo.items():
        shape[p] = two_way_dyads(rx, rx.open(ge.path), ge.owner_profile_url, ge.as_of)
    assert 45 <= shape["specialist"][0] <= 75 and 10 <= shape["specialist"][1] <= 20
    assert 6 <= shape["new_grad"][0] <= 18 and 1 <= shape["new_grad"][1] <= 5
    assert shape["collector"] == (0, 0)                     # "no conversations" (score model §1.4)
    # services mostly among frequent contacts; the collector gives none
    assert demo["specialist"].expected_rows["endorsements_given"] > 0
    assert demo["collector"].expected_rows["endorsements_given"] == 0
    assert demo["specialist"].expected_rows["reactions"] > 10 * demo["collector"].expected_rows["reactions"]
    # a second run is byte-identical
    again = {ge.persona: ge for ge in write_demo_users(tmp_path / "again")}
    assert all(again[p].path.read_bytes() == demo[p].path.read_bytes() for p in demo)


def test_specialist_is_active_every_month(rx, specialist, specialist_files):
    months = set()
    for name, col in (("Reactions.csv", 0), ("Comments.csv", 0), ("Shares.csv", 0)):
        for r in rx.parse_csv(specialist_files[name], name)[1]:
            months.add(r[col][:7])
    as_of = specialist.as_of
    last12 = {f"{(as_of.year * 12 + as_of.month - 1 - k) // 12}-{(as_of.month - 1 - k) % 12 + 1:02d}" for k in range(12)}
    assert last12 <= months


def test_specialist_industry_is_narrower_than_collector():
    assert PERSONAS["specialist"].industry_focus > 2 * PERSONAS["collector"].industry_focus


def test_generate_users_scale_mode(tmp_path):
    users = generate_users(tmp_path, 8, seed=3)
    assert [u.user_id for u in users] == [f"user-{i:05d}" for i in range(8)]
    for u in users:
        assert re.fullmatch(r"[a-z0-9][a-z0-9_-]*", u.user_id)
        assert u.path.parent == tmp_path / u.user_id and u.path.exists()
    sizes = [u.expected_rows["connections"] for u in users]
    assert len(set(sizes)) > 5
    # deterministic, and a user's export does not depend on how many users are generated
    again = generate_users(tmp_path / "again", 3, seed=3)
    assert [u.path.read_bytes() for u in again] == [u.path.read_bytes() for u in users[:3]]


def test_generate_users_variety(tmp_path):
    users = generate_users(tmp_path, 25, seed=8, variety=True, weights={"new_grad": 1.0})
    kinds = {u.kind for u in users} | {u.layout for u in users}
    assert "zip" in kinds and len(kinds) >= 3
    assert all(u.persona == "new_grad" for u in users)


def test_persona_table_sizes():
    assert PERSONAS["collector"].n_connections == 5000
    assert PERSONAS["specialist"].n_connections == 400 and PERSONAS["specialist"].strong_ties == 15
    assert PERSONAS["new_grad"].n_connections == 120 and PERSONAS["new_grad"].strong_ties == 3
    assert math.isclose(PERSONAS["specialist"].strong_ties + PERSONAS["specialist"].active_ties, 60)
    assert PERSONAS["new_grad"].strong_ties + PERSONAS["new_grad"].active_ties == 10
    # score model §1.4: a *passive* collector with *no conversations*
    c = PERSONAS["collector"]
    assert c.strong_ties == c.active_ties == c.latent_ties == c.old_exchanges == c.outbound_unanswered == 0
    assert c.connect_notes == 0 and c.reply_prob_inmail == 0 and c.group_threads == 0
    assert c.active_months_last_year <= 2 and c.invite_out_share == 0
