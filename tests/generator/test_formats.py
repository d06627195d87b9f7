"""Per-file format fidelity against the contract (docs/linkedin-export-format.md) and the redacted samples."""

from __future__ import annotations

import re
from collections import Counter
from urllib.parse import unquote

import pytest

PREAMBLE = (
    b"Notes:\n"
    b'"When exporting your connection data, you may notice that some of the email addresses are missing. You will '
    b"only see email addresses for connections who have allowed their connections to see or download their email "
    b"address using this setting https://www.linkedin.com/psettings/privacy/email. You can learn more here "
    b'https://www.linkedin.com/help/linkedin/answer/261"\n'
    b"\n"
)
H_CONN7 = "First Name,Last Name,URL,Email Address,Company,Position,Connected On"
H_CONN6 = "First Name,Last Name,Email Address,Company,Position,Connected On"
H_MSG12 = ("CONVERSATION ID,CONVERSATION TITLE,FROM,SENDER PROFILE URL,TO,RECIPIENT PROFILE URLS,DATE,SUBJECT,CONTENT,"
           "FOLDER,IS MESSAGE DRAFT,IS CONVERSATION DRAFT")
H_MSG10 = "CONVERSATION ID,CONVERSATION TITLE,FROM,SENDER PROFILE URL,TO,RECIPIENT PROFILE URLS,DATE,SUBJECT,CONTENT,FOLDER"
H_MSG9 = "CONVERSATION ID,CONVERSATION TITLE,FROM,SENDER PROFILE URL,TO,DATE,SUBJECT,CONTENT,FOLDER"

RE = {
    "dmy": re.compile(r"^\d{2} (Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) \d{4}$"),
    "msg": re.compile(r"^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2} UTC$"),
    "us_short": re.compile(r"^([1-9]|1[0-2])/([1-9]|[12]\d|3[01])/\d{2}, ([1-9]|1[0-2]):[0-5]\d (AM|PM)$"),
    "us_padded": re.compile(r"^(0[1-9]|1[0-2])/(0[1-9]|[12]\d|3[01])/\d{2}, (0[1-9]|1[0-2]):[0-5]\d (AM|PM)$"),
    "slash_utc": re.compile(r"^\d{4}/\d{2}/\d{2} \d{2}:\d{2}:\d{2} UTC$"),
    "plain": re.compile(r"^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$"),
    "java": re.compile(r"^(Mon|Tue|Wed|Thu|Fri|Sat|Sun) (Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) \d{2} "
                       r"\d{2}:\d{2}:\d{2} UTC \d{4}$"),
    "mon_year": re.compile(r"^((Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) )?\d{4}$"),
}


def first_line(data: bytes) -> str:
    return data.split(b"\n", 1)[0].rstrip(b"\r").decode("utf-8")


def rows(rx, files, name):
    header, recs = rx.parse_csv(files[name], name)
    return [dict(zip(header, r)) for r in recs]


# --- Connections ------------------------------------------------------------------------------------------
def test_connections_preamble_is_byte_exact(specialist_files):
    data = specialist_files["Connections.csv"]
    assert data.startswith(PREAMBLE + H_CONN7.encode() + b"\n")
    assert b"\r" not in data and not data.startswith(b"\xef\xbb\xbf")


def test_preamble_matches_real_sample(specialist_files, rx):
    if rx.samples is None:
        pytest.skip("shared samples not available")
    real = (rx.samples / "2024-12-basic" / "Connections.csv").read_bytes()
    ours = specialist_files["Connections.csv"]
    assert ours.split(b"\n", 4)[:4] == real.split(b"\n", 4)[:4]


def test_connections_values(specialist_files, rx, make_export):
    big = rx.open(make_export(persona="collector", seed=2, n_connections=3000).path)
    for files in (specialist_files, big):
        conns = rows(rx, files, "Connections.csv")
        assert all(RE["dmy"].match(r["Connected On"]) for r in conns)
        blank = [r for r in conns if not r["First Name"] and not r["Last Name"]]
        assert blank and all(not any(v for k, v in r.items() if k != "Connected On") for r in blank)
        assert all(r["URL"].startswith("https://www.linkedin.com/in/") for r in conns if r["First Name"] or r["Last Name"])
        emails = sum(1 for r in conns if r["Email Address"])
        assert emails / len(conns) < 0.06                  # ~98 % empty
        empty_co = sum(1 for r in conns if not r["Company"]) / len(conns)
        assert 0.01 <= empty_co <= 0.3
    conns = rows(rx, big, "Connections.csv")
    assert 0.005 <= len([r for r in conns if not r["First Name"]]) / len(conns) <= 0.04
    raw = big["Connections.csv"].decode()
    assert re.search(r',"[^",]+, [^"]+",', raw), "a quoted value with a comma (post-nominal or legal suffix)"
    assert any(r["First Name"].endswith(" ") for r in conns), "trailing-space first names"
    assert any(", " in r["Last Name"] for r in conns), "post-nominals like 'Smith, Ph.D.'"
    assert any(any(ord(ch) > 0x2000 for ch in r["First Name"] + r["Last Name"]) for r in conns), "emoji / styled"
    assert any('""' in line for line in raw.splitlines()), "doubled quotes"
    # Newest first, as LinkedIn sorts it
    from datetime import datetime
    dates = [datetime.strptime(r["Connected On"], "%d %b %Y") for r in conns]
    assert dates == sorted(dates, reverse=True)


def test_company_power_law(rx, make_export):
    files = rx.open(make_export(persona="collector", seed=2, n_connections=3000).path)
    companies = Counter(r["Company"] for r in rows(rx, files, "Connections.csv") if r["Company"])
    top10 = sum(c for _, c in companies.most_common(10))
    assert len(companies) > 600                       # a wide vocabulary...
    assert top10 / sum(companies.values()) > 0.08     # ...with a heavy head


def test_percent_encoded_connections_vs_raw_unicode_messages(rx, make_export):
    ge = make_export(persona="specialist", seed=7)
    files = rx.open(ge.path)
    conns = rows(rx, files, "Connections.csv")
    encoded = [r["URL"] for r in conns if "%" in r["URL"]]
    assert encoded, "some non-ASCII slugs"
    for url in encoded:
        for esc in re.findall(r"%[0-9A-Fa-f]{2}", url):
            assert esc == esc.upper(), url
        assert unquote(url) != url
    msg_urls = set()
    for r in rows(rx, files, "messages.csv"):
        msg_urls.add(r["SENDER PROFILE URL"])
        msg_urls.update(r["RECIPIENT PROFILE URLS"].split(","))
    assert not any("%" in u for u in msg_urls)
    raw_unicode = [u for u in msg_urls if any(ord(ch) > 127 for ch in u)]
    assert raw_unicode
    decoded_conn = {unquote(u) for u in encoded}
    assert decoded_conn & set(raw_unicode), "the same person: %-encoded in Connections, raw in messages"
    for u in decoded_conn & set(raw_unicode):
        assert u not in {r["URL"] for r in conns}


# --- messages -----------------------------------------------------------------------------------------------
def test_messages_current_shape(specialist, specialist_files, rx):
    data = specialist_files["messages.csv"]
    assert first_line(data) == H_MSG12 and b"\r" not in data
    msgs = rows(rx, specialist_files, "messages.csv")
    assert all(RE["msg"].match(r["DATE"]) for r in msgs)
    assert not any("\n" in r["CONTENT"] or "\r" in r["CONTENT"] for r in msgs)
    ids = [r["CONVERSATION ID"] for r in msgs]
    real_ids = {i for i in ids if i}
    assert all(len(i) == 58 and i.startswith("2-") and i.endswith("==") for i in real_ids)
    # contiguous blocks, newest first inside a block, blocks by latest activity
    blocks = [i for n, i in enumerate(ids) if n == 0 or ids[n - 1] != i]
    assert len(blocks) == len(set(blocks))
    by_block: dict[str, list[str]] = {}
    for r in msgs:
        by_block.setdefault(r["CONVERSATION ID"], []).append(r["DATE"])
    assert all(d == sorted(d, reverse=True) for d in by_block.values())
    latest = [by_block[b][0] for b in blocks]
    assert latest == sorted(latest, reverse=True)
    # owner is in most conversations; its FROM name matches Profile.csv
    owner = specialist.owner_profile_url
    with_owner = sum(1 for b in real_ids if any(r["CONVERSATION ID"] == b and (r["SENDER PROFILE URL"] == owner or owner in r["RECIPIENT PROFILE URLS"].split(",")) for r in msgs))
    assert with_owner / len(real_ids) > 0.9
    prof = rows(rx, specialist_files, "Profile.csv")[0]
    assert f"{prof['First Name']} {prof['Last Name']}".strip() == specialist.owner_name
    assert any(r["FROM"] == specialist.owner_name for r in msgs)
    # special senders, groups, drafts, folders, empty contents
    assert any(r["FROM"] == "LinkedIn Member" and r["SENDER PROFILE URL"] == "" for r in msgs)
    sponsored = [r for r in msgs if "LinkedIn" in r["FROM"] and r["FROM"] != "LinkedIn Member"]
    assert sponsored and all(r["SENDER PROFILE URL"] == "" for r in sponsored)
    assert any("&amp;" in r["CONTENT"] or "<br>" in r["CONTENT"] for r in msgs)
    assert any(r["SUBJECT"] for r in msgs)
    groups = [r for r in msgs if "," in r["RECIPIENT PROFILE URLS"]]
    assert groups and all(r["CONVERSATION TITLE"] for r in groups)
    drafts = [r for r in msgs if r["IS MESSAGE DRAFT"] == "Yes"]
    assert drafts and any(r["CONVERSATION ID"] == "" and r["FOLDER"] == "" for r in drafts)
    assert {r["FOLDER"] for r in msgs if r["IS MESSAGE DRAFT"] == "No"} <= {"INBOX", "ARCHIVE", "SPAM"}
    assert {"INBOX", "ARCHIVE"} <= {r["FOLDER"] for r in msgs}
    empty = sum(1 for r in msgs if not r["CONTENT"]) / len(msgs)
    assert 0.005 <= empty <= 0.27


def test_messages_quoting_of_names_with_commas(rx, make_export):
    # Over a few owners, TO/FROM values with commas appear and are quoted.
    seen = 0
    for seed in range(4):
        files = rx.open(make_export(persona="typical", seed=100 + seed, n_connections=600).path)
        msgs = rows(rx, files, "messages.csv") if "messages.csv" in files else []
        seen += sum(1 for r in msgs if "," in r["FROM"] or ("," in r["TO"] and "," not in r["RECIPIENT PROFILE URLS"]))
    assert seen > 0


def test_message_variants(rx, make_export):
    att = rx.open(make_export(persona="new_grad", seed=3, messages_variant="attachments").path)
    assert first_line(att["messages.csv"]) == H_MSG10 + ",ATTACHMENTS,IS MESSAGE DRAFT"
    plain = rx.open(make_export(persona="new_grad", seed=3, messages_variant="plain").path)
    assert first_line(plain["messages.csv"]) == H_MSG10
    assert "IS MESSAGE DRAFT" not in plain["messages.csv"].decode()


def test_coach_files_same_header_not_counted(rx, make_export):
    ge = make_export(persona="new_grad", seed=3, coach_files=True)
    files = rx.open(ge.path)
    assert first_line(files["coach_messages.csv"]) == H_MSG10
    assert first_line(files["learning_role_play_messages.csv"]) == H_MSG10
    header, recs = rx.parse_csv(files["messages.csv"], "messages.csv")
    assert ge.expected_rows["messages"] == len(recs)
    none = rx.open(make_export(persona="new_grad", seed=3, coach_files=False).path)
    assert "coach_messages.csv" not in none


def test_split_parts_each_have_a_header(rx, make_export):
    ge = make_export(persona="new_grad", seed=3, split_rows=50)
    files = rx.open(ge.path)
    parts = sorted(n for n in files.names() if re.fullmatch(r"messages_\d+\.csv", n))
    assert len(parts) >= 2 and "messages.csv" not in files
    assert parts[0] == "messages_1.csv"
    total = 0
    for name in parts:
        assert first_line(files[name]) == H_MSG12
        total += len(rx.parse_csv(files[name], name)[1])
    assert total == ge.expected_rows["messages"]
    assert max(len(rx.parse_csv(files[n], n)[1]) for n in parts) <= 50
    base = rx.open(make_export(persona="new_grad", seed=3, split_rows=50, split_style="base").path)
    assert "messages.csv" in base and "messages_1.csv" in base


# --- invitations, endorsements, recommendations -----------------------------------------------------------
def test_invitations_current(specialist, specialist_files, rx):
    data = specialist_files["Invitations.csv"]
    assert first_line(data) == "From,To,Sent At,Message,Direction,inviterProfileUrl,inviteeProfileUrl"
    inv = rows(rx, specialist_files, "Invitations.csv")
    assert all(RE["us_short"].match(r["Sent At"]) for r in inv)
    assert all(line.split(",", 2)[2].startswith('"') or line.count('"') >= 2 for line in data.decode().splitlines()[1:])
    assert {r["Direction"] for r in inv} == {"INCOMING", "OUTGOING"}
    assert sum(1 for r in inv if r["Message"]) / len(inv) < 0.2
    assert not any("%" in r["inviterProfileUrl"] + r["inviteeProfileUrl"] for r in inv)
    assert all(specialist.owner_profile_url in (r["inviterProfileUrl"], r["inviteeProfileUrl"]) for r in inv)
    from datetime import datetime
    dates = [datetime.strptime(r["Sent At"], "%m/%d/%y, %I:%M %p") for r in inv]
    assert (max(dates) - min(dates)).days < 330          # only a recent window


def test_endorsements_current(specialist_files, rx):
    for name, who in (("Endorsement_Received_Info.csv", "Endorser"), ("Endorsement_Given_Info.csv", "Endorsee")):
        assert first_line(specialist_files[name]) == (f"Endorsement Date,Skill Name,{who} First Name,{who} Last Name,"
                                                       f"{who} Public Url,Endorsement Status")
        recs = rows(rx, specialist_files, name)
        assert all(RE["slash_utc"].match(r["Endorsement Date"]) for r in recs)
        assert all(r[f"{who} Public Url"].startswith("www.linkedin.com/in/") for r in recs)
        assert {r["Endorsement Status"] for r in recs} == {"ACCEPTED"}
        assert not any("%" in r[f"{who} Public Url"] for r in recs)
    recs = rows(rx, specialist_files, "Endorsement_Received_Info.csv")
    per_event = Counter((r["Endorser Public Url"], r["Endorsement Date"]) for r in recs)
    assert max(per_event.values()) >= 2, "several skills, same person, same timestamp"


def test_recommendations(specialist_files, rx):
    for name in ("Recommendations_Received.csv", "Recommendations_Given.csv"):
        assert first_line(specialist_files[name]) == "First Name,Last Name,Company,Job Title,Text,Creation Date,Status"
        recs = rows(rx, specialist_files, name)
        assert recs and all(RE["us_padded"].match(r["Creation Date"]) for r in recs)
        assert {r["Status"] for r in recs} <= {"VISIBLE", ""}
    assert "http" not in specialist_files["Recommendations_Received.csv"].decode()


# --- own activity -------------------------------------------------------------------------------------------
def test_activity_files_current_are_lf(specialist_files, rx):
    for name, header in (("Reactions.csv", "Date,Type,Link"), ("Comments.csv", "Date,Link,Message"),
                         ("Shares.csv", "Date,ShareLink,ShareCommentary,SharedUrl,MediaUrl,Visibility"),
                         ("Votes.csv", "Date,Link,OptionText")):
        data = specialist_files[name]
        assert first_line(data) == header and b"\r" not in data, name
        assert all(RE["plain"].match(r["Date"]) for r in rows(rx, specialist_files, name))
    reactions = rows(rx, specialist_files, "Reactions.csv")
    assert {r["Type"] for r in reactions} <= {"LIKE", "PRAISE", "EMPATHY", "APPRECIATION", "INTEREST", "ENTERTAINMENT", "MAYBE"}
    assert len({r["Type"] for r in reactions}) >= 4
    assert all(r["Link"].startswith("https://www.linkedin.com/feed/update/urn%3Ali%3A") for r in reactions)
    votes = rows(rx, specialist_files, "Votes.csv")
    assert all("urn:li:" in r["Link"] for r in votes)


def test_comments_unquoted_multiline_records(specialist, specialist_files, rx):
    text = specialist_files["Comments.csv"].decode()
    lines = text.split("\n")[1:-1]
    orphans = [ln for ln in lines if not rx.comment_start.match(ln)]
    assert orphans, "continuation lines that do not start with a date"
    # at least one orphan belongs to an UNQUOTED record (the broken-CSV case)
    starts = [i for i, ln in enumerate(lines) if rx.comment_start.match(ln)]
    unquoted_multi = [i for i, j in zip(starts, starts[1:] + [len(lines)]) if j - i > 1 and '"' not in lines[i].split(",", 2)[2][:1]]
    assert unquoted_multi
    header, recs = rx.parse_csv(specialist_files["Comments.csv"], "Comments.csv")
    assert len(recs) == specialist.expected_rows["comments"] < len(lines)
    assert any("\n" in r[2] for r in recs)


def test_shares_commentary_wrapping_quirk(specialist_files, rx):
    shares = rows(rx, specialist_files, "Shares.csv")
    multi = [r["ShareCommentary"] for r in shares if "\n" in r["ShareCommentary"]]
    assert multi
    for v in multi:
        lines = v.split("\n")
        assert lines[0].endswith('"') and not lines[0].startswith('"')
        assert lines[-1].startswith('"') and not lines[-1].endswith('"')
        assert all(ln.startswith('"') and ln.endswith('"') for ln in lines[1:-1])
    assert any('\n""\n' in v for v in multi), "blank paragraphs appear as a lone pair of quotes"


# --- the owner -------------------------------------------------------------------------------------------------
def test_owner_files(specialist_files, rx):
    assert first_line(specialist_files["Profile.csv"]) == ("First Name,Last Name,Maiden Name,Address,Birth Date,Headline,Summary,"
                                                           "Industry,Zip Code,Geo Location,Twitter Handles,Websites,Instant Messengers")
    prof = rows(rx, specialist_files, "Profile.csv")
    assert len(prof) == 1 and prof[0]["Industry"]
    pos = rows(rx, specialist_files, "Positions.csv")
    assert first_line(specialist_files["Positions.csv"]) == "Company Name,Title,Description,Location,Started On,Finished On"
    assert pos[0]["Finished On"] == "" and all(r["Finished On"] for r in pos[1:])
    assert all(RE["mon_year"].match(r["Started On"]) for r in pos)
    assert first_line(specialist_files["Skills.csv"]) == "Name"
    assert first_line(specialist_files["Education.csv"]) == "School Name,Start Date,End Date,Notes,Degree Name,Activities"
    follows = rows(rx, specialist_files, "Company Follows.csv")
    assert follows and all(RE["java"].match(r["Followed On"]) for r in follows)
    assert "Registration.csv" in specialist_files and "Learning.csv" in specialist_files or "Rich_Media.csv" in specialist_files
    assert first_line(specialist_files["Registration.csv"]) == "Registered At,Registration Ip,Subscription Types"


def test_bom_option_simulates_excel_resave(rx, make_export):
    files = rx.open(make_export(persona="new_grad", seed=3, bom_files=("Connections.csv",)).path)
    assert files["Connections.csv"].startswith(b"\xef\xbb\xbf" + PREAMBLE)
    assert not files["messages.csv"].startswith(b"\xef\xbb\xbf")


def test_headers_match_real_samples(specialist_files, rx):
    """Every header we share with a real current-era sample is identical to it."""
    if rx.samples is None:
        pytest.skip("shared samples not available")
    checked = 0
    for folder in ("2024-12-basic",):
        for p in (rx.samples / folder).glob("*.csv"):
            if p.name in specialist_files and p.name != "messages.csv":
                assert first_line(specialist_files[p.name]) == first_line(p.read_bytes()), p.name
                checked += 1
    assert checked >= 8
