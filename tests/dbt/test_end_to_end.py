"""End to end: the generator's demo personas → ingestion → dbt build, in a temporary warehouse."""

from __future__ import annotations

import pytest

from conftest import Dbt

generator = pytest.importorskip("orchestration.generator")
pipeline = pytest.importorskip("orchestration.ingestion.pipeline")

COMPONENTS = ("breadth", "relevance", "diversity", "engagement", "reciprocity", "recency")
LETTERS = dict(zip(COMPONENTS, "BRDEQC"))


@pytest.fixture(scope="module")
def personas(tmp_path_factory):
    work = tmp_path_factory.mktemp("e2e")
    raw_root = work / "raw"
    runner = Dbt(work)
    users = [ge.user_id for ge in generator.write_demo_users(raw_root)]
    for user_id in users:
        pipeline.ingest_user(runner.warehouse, raw_root, user_id)
    runner("build", vars={"users": users, "refresh_date": "2026-11-20"})
    yield runner
    print("\npersonas:")
    for r in runner.dicts("select * from marts.connection_score order by total_score"):
        print(f"  {r['user_id']:<11} {r['total_score']:6.2f} {r['band']:<11} "
              + " ".join(f"{LETTERS[c]}={r[f'{c}_score']}" for c in COMPONENTS)
              + f" coverage={r['coverage']} confidence={r['confidence']} not_computed={r['components_not_computed']!r}")


# Score model §1.4 "Illustrative personas": the predicted total range per demo persona. The assertions allow
# TOLERANCE points on either side (the predictions are by hand; the demo collector has 3,000 connections,
# not 5,000: Breadth 94 instead of 100, -0.9 points).
PREDICTED = {"collector": (45, 50), "new_grad": (60, 60), "specialist": (80, 85)}
TOLERANCE = 5
# Known deviation, explained component by component in dbt_project/README.md ("Calibration against the
# score model personas"): with a persona faithful to the description (120 connections, 10 two-way ties,
# 3 strong) the formulas give the new graduate about 77, not about 60. This band pins that result.
NEW_GRAD_DOCUMENTED = (72, 82)


def _totals(personas) -> dict[str, float]:
    return {r["user_id"]: float(r["total_score"]) for r in personas.dicts("select * from marts.connection_score")}


@pytest.mark.slow
def test_demo_personas_are_scored_and_ordered(personas):
    rows = {r["user_id"]: r for r in personas.dicts("select * from marts.connection_score")}
    assert set(rows) == {"collector", "specialist", "new_grad"}
    for r in rows.values():
        assert sum(r[f"{c}_points"] for c in COMPONENTS) == r["total_score"]
        assert r["owner_identity_method"] == "messages"
        assert r["formula_version"] == "v1.1" and r["components_not_computed"] == ""
    # score model §1.4: passive collector ≈ 45-50 < new graduate ≈ 60 < engaged specialist ≈ 80-85
    assert rows["collector"]["total_score"] < rows["new_grad"]["total_score"] < rows["specialist"]["total_score"]
    assert rows["collector"]["breadth_score"] > rows["specialist"]["breadth_score"]
    assert rows["specialist"]["engagement_score"] > rows["collector"]["engagement_score"]
    # "no conversations": no Engagement, no Reciprocity; 60 two-way ties and 15 strong: full Engagement
    assert rows["collector"]["engagement_score"] == 0 and rows["collector"]["reciprocity_score"] == 0
    assert rows["specialist"]["engagement_score"] == 100


@pytest.mark.slow
@pytest.mark.parametrize("user_id", ["collector", "specialist"])
def test_demo_persona_total_in_predicted_range(personas, user_id):
    low, high = PREDICTED[user_id]
    total = _totals(personas)[user_id]
    assert low - TOLERANCE <= total <= high + TOLERANCE, (user_id, total, PREDICTED[user_id], TOLERANCE)


@pytest.mark.slow
def test_new_grad_total_in_documented_band(personas):
    totals = _totals(personas)
    low, high = NEW_GRAD_DOCUMENTED
    assert low <= totals["new_grad"] <= high, totals
    assert totals["collector"] < totals["new_grad"] < totals["specialist"]


@pytest.mark.slow
@pytest.mark.xfail(strict=True, reason="known deviation: the formulas give the faithful new graduate ~77, not ~60 "
                                       "(dbt_project/README.md, 'Calibration against the score model personas')")
def test_new_grad_total_in_predicted_range(personas):
    low, high = PREDICTED["new_grad"]
    total = _totals(personas)["new_grad"]
    assert low - TOLERANCE <= total <= high + TOLERANCE, total


@pytest.mark.slow
def test_demo_personas_action_lists_and_ties(personas):
    tiers = dict(((u, t), n) for u, t, n in personas.query(
        "select user_id, tier, count(*) from marts.tie_strength group by all"))
    assert tiers.get(("specialist", "Strong"), 0) >= tiers.get(("collector", "Strong"), 0)
    counts = dict(personas.query("select user_id, count(*) from marts.waiting_on_you group by all"))
    assert counts  # someone is waiting on a reply
    unresolved = personas.query("""
        select user_id, avg((resolution = 'unresolved')::int) from intermediate.int_interactions
        where event_type in ('endorsement', 'recommendation') group by all""")
    assert all(share < 0.5 for _, share in unresolved)
