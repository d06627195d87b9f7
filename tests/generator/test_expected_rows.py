"""expected_rows equals what an independent csv-module reader counts in the written files."""

from __future__ import annotations

import re

import pytest

# raw table -> file names that feed it (split parts `X_1.csv`... are matched too)
TABLE_FILES = {
    "connections": ("Connections.csv",),
    "messages": ("messages.csv", "Messages.csv"),
    "invitations": ("Invitations.csv",),
    "endorsements_received": ("Endorsement_Received_Info.csv",),
    "endorsements_given": ("Endorsement_Given_Info.csv",),
    "recommendations_received": ("Recommendations_Received.csv",),
    "recommendations_given": ("Recommendations_Given.csv",),
    "reactions": ("Reactions.csv",),
    "comments": ("Comments.csv",),
    "shares": ("Shares.csv",),
    "profile": ("Profile.csv",),
    "positions": ("Positions.csv",),
    "skills": ("Skills.csv",),
    "education": ("Education.csv",),
    "company_follows": ("Company Follows.csv",),
}


def count(rx, files, table: str) -> int:
    total = 0
    for base in TABLE_FILES[table]:
        stem = base[:-4]
        for name in files.names():
            if name == base or re.fullmatch(re.escape(stem) + r"_\d+\.csv", name):
                total += len(rx.parse_csv(files[name], name)[1])
    if table == "endorsements_received" and total == 0 and "Endorsement Received Info.csv" in files:
        total = len(rx.parse_csv(files["Endorsement Received Info.csv"], "x")[1])
    return total


CASES = [
    dict(persona="specialist", seed=7),
    dict(persona="specialist", seed=7, era="2021"),
    dict(persona="specialist", seed=7, era="2024"),
    dict(persona="specialist", seed=7, era="2018"),
    dict(persona="new_grad", seed=3, kind="Basic"),
    dict(persona="new_grad", seed=3, split_rows=40, split_tables=("messages", "reactions", "invitations")),
    dict(persona="collector", seed=2, n_connections=3000),
    dict(persona="typical", seed=11, layout="wrapped_folder"),
    dict(persona="lapsed", seed=5, messages_variant="attachments"),
]


@pytest.mark.parametrize("kw", CASES, ids=lambda kw: "-".join(str(v) for v in kw.values()))
def test_expected_rows_match_parsed_files(make_export, rx, kw):
    ge = make_export(**kw)
    files = rx.open(ge.path)
    assert set(ge.expected_rows) == set(TABLE_FILES)
    for table in TABLE_FILES:
        assert ge.expected_rows[table] == count(rx, files, table), table
    assert ge.expected_rows["connections"] > 0 and ge.expected_rows["profile"] == 1


def test_connection_count_includes_blank_rows(make_export, rx):
    ge = make_export(persona="collector", seed=2, n_connections=3000)
    assert ge.expected_rows["connections"] == 3000
    header, recs = rx.parse_csv(rx.open(ge.path)["Connections.csv"], "Connections.csv")
    assert any(not r[0] and not r[1] for r in recs)
