"""Older export eras: 2024 (early), 2021 (2021-22) and 2018."""

from __future__ import annotations

import re

import pytest

H_MSG9 = "CONVERSATION ID,CONVERSATION TITLE,FROM,SENDER PROFILE URL,TO,DATE,SUBJECT,CONTENT,FOLDER"
H_MSG10 = "CONVERSATION ID,CONVERSATION TITLE,FROM,SENDER PROFILE URL,TO,RECIPIENT PROFILE URLS,DATE,SUBJECT,CONTENT,FOLDER"
US_SHORT = re.compile(r"^([1-9]|1[0-2])/([1-9]|[12]\d|3[01])/\d{2}, ([1-9]|1[0-2]):[0-5]\d (AM|PM)$")
DMY = re.compile(r"^\d{2} [A-Z][a-z]{2} \d{4}$")


def first_line(data: bytes) -> str:
    return data.split(b"\n", 1)[0].rstrip(b"\r").decode("utf-8")


@pytest.fixture(scope="module")
def era2021(make_export, rx):
    ge = make_export(persona="specialist", seed=7, era="2021")
    return ge, rx.open(ge.path)


@pytest.fixture(scope="module")
def era2018(make_export, rx):
    ge = make_export(persona="specialist", seed=7, era="2018")
    return ge, rx.open(ge.path)


def test_2021_connections_and_messages(era2021, rx):
    ge, files = era2021
    assert ge.as_of.year == 2022 and ge.path.name.endswith("2022.zip")
    data = files["Connections.csv"]
    assert data.startswith(b"Notes:\n\"When exporting")
    assert b"\nFirst Name,Last Name,Email Address,Company,Position,Connected On\n" in data
    header, recs = rx.parse_csv(data, "Connections.csv")
    assert len(header) == 6 and all(DMY.match(r[-1]) for r in recs)
    assert first_line(files["messages.csv"]) == H_MSG9
    assert "IS MESSAGE DRAFT" not in files["messages.csv"].decode()
    assert first_line(files["Invitations.csv"]) == "From,To,Sent At,Message,Direction"


def test_2021_endorsements_and_legacy_utf16(era2021, rx):
    ge, files = era2021
    assert first_line(files["Endorsement_Received_Info.csv"]) == \
        "Endorsement Date,Skill Name,Endorser First Name,Endorser Last Name,Endorsement Status"
    legacy = files["Endorsement Received Info.csv"]
    assert legacy.startswith(b"\xff\xfe")
    text = legacy[2:].decode("utf-16-le")
    assert text.split("\n", 1)[0] == '"Endorsement Date"\t"Skill Name"\t"Endorser First Name"\t"Endorser Last Name"\t"Endorsement Status"\t"Display Status"'
    assert "\r" not in text and text.endswith("\n")
    header, legacy_rows = rx.parse_csv(legacy, "Endorsement Received Info.csv")
    assert {r[4] for r in legacy_rows} <= {"Accepted", "Redacted"} and {r[5] for r in legacy_rows} <= {"Show", ""}
    header, utf8_rows = rx.parse_csv(files["Endorsement_Received_Info.csv"], "Endorsement_Received_Info.csv")
    # expected_rows counts the UTF-8 file when both exist
    assert ge.expected_rows["endorsements_received"] == len(utf8_rows) <= len(legacy_rows)


def test_2021_activity_is_crlf(era2021):
    _, files = era2021
    for name in ("Reactions.csv", "Comments.csv", "Shares.csv", "Votes.csv"):
        data = files[name]
        assert data.count(b"\r\n") == data.count(b"\n"), name
    assert first_line(files["Shares.csv"]) == "Date,ShareLink,ShareCommentary,SharedURL,MediaURL,Visibility"
    for name in ("Connections.csv", "messages.csv", "Invitations.csv", "Endorsement_Received_Info.csv", "Profile.csv"):
        assert b"\r" not in files[name], name


def test_2024_early_era(make_export, rx):
    ge = make_export(persona="specialist", seed=7, era="2024")
    files = rx.open(ge.path)
    assert first_line(files["messages.csv"]) == H_MSG10
    assert first_line(files["Shares.csv"]) == "Date,ShareLink,ShareCommentary,SharedURL,MediaURL,Visibility"
    assert files["Comments.csv"].count(b"\r\n") == files["Comments.csv"].count(b"\n")
    assert first_line(files["Endorsement_Received_Info.csv"]).endswith("Endorser Public Url,Endorsement Status")
    if rx.samples is not None:
        for name in ("Comments.csv", "Reactions.csv", "Votes.csv", "Shares.csv", "Invitations.csv", "messages.csv",
                     "Endorsement_Given_Info.csv", "Endorsement_Received_Info.csv"):
            real = (rx.samples / "2024-03-complete" / name).read_bytes()
            assert first_line(files[name]) == first_line(real), name
            assert (b"\r\n" in files[name]) == (b"\r\n" in real), name


def test_2018_era(era2018, rx):
    ge, files = era2018
    assert ge.path.name == "Complete_LinkedInDataExport_11-04-2018.zip"
    conn = files["Connections.csv"]
    assert first_line(conn) == "First Name,Last Name,Email Address,Company,Position,Connected On"
    header, recs = rx.parse_csv(conn, "Connections.csv")
    assert all(US_SHORT.match(r[-1]) for r in recs)
    assert "messages.csv" not in files and first_line(files["Messages.csv"]) == "From,To,Date,Subject,Content,Direction,Folder"
    header, msgs = rx.parse_csv(files["Messages.csv"], "Messages.csv")
    assert all(US_SHORT.match(r[2]) for r in msgs) and {r[5] for r in msgs} == {"INCOMING", "OUTGOING"}
    shares = files["Shares.csv"]
    assert shares.startswith(b"\xff\xfe")
    assert shares[2:].decode("utf-16-le").split("\n", 1)[0].startswith('"Date"\t"Share Title"')
    assert first_line(files["Profile.csv"]).split(",")[5] == "Contact Instructions"
    assert ge.expected_rows["messages"] == len(msgs) and ge.expected_rows["shares"] > 0
    if rx.samples is not None:
        for name in ("Connections.csv", "Messages.csv", "Invitations.csv", "Profile.csv", "Positions.csv", "Registration.csv"):
            real = (rx.samples / "2018-11-complete" / name).read_bytes()
            assert first_line(files[name]) == first_line(real), name


def test_same_people_across_eras_for_same_as_of(make_export, rx):
    a = make_export(persona="new_grad", seed=4, era="current", as_of=__import__("datetime").date(2022, 9, 12))
    b = make_export(persona="new_grad", seed=4, era="2021", as_of=__import__("datetime").date(2022, 9, 12))
    assert a.owner_name == b.owner_name and a.expected_rows["connections"] == b.expected_rows["connections"]
