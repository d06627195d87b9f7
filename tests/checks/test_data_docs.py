"""Data Docs are built through the checkpoint flow, work offline, and render in headless Chromium."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from tests.checks.gx_fixtures import good_frame

from orchestration.checks import vendor_data_docs_assets as vendor
from orchestration.checks.data_docs import (
    OfflineDocsError,
    build_data_docs,
    make_offline,
    remote_references,
    validate_and_build_docs,
)
from orchestration.checks.suites import load_suite

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync"]


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    """One passing (raw.skills) and one failing (raw.connections) validation in a fresh docs folder."""
    docs = tmp_path_factory.mktemp("data_docs")
    bad = good_frame("connections", ("bob",), 3)
    bad.loc[0, "profile_url"] = "https://www.linkedin.com/in/bob/?trk=x"
    summaries, index = validate_and_build_docs(
        [(load_suite("raw.skills"), good_frame("skills", ("alice",), 3)),
         (load_suite("raw.connections"), bad)],
        docs, run_name="test_run")
    return docs, index, summaries


def test_docs_are_built_for_each_validation(site):
    docs, index, summaries = site
    assert index == docs / "index.html" and index.is_file()
    assert [s.outcome for s in summaries] == ["passed", "error"]
    assert all(s.data_docs_index == index for s in summaries)
    pages = sorted(p.relative_to(docs).parts[:4] for p in (docs / "validations").rglob("*.html"))
    assert pages == [("validations", "raw", "connections", "test_run"), ("validations", "raw", "skills", "test_run")]
    assert sorted(p.relative_to(docs).as_posix() for p in (docs / "expectations").rglob("*.html")) == [
        "expectations/raw/connections.html", "expectations/raw/skills.html"]
    index_html = index.read_text()
    assert "raw.connections" in index_html and "raw.skills" in index_html


def test_no_remote_references_remain(site):
    docs, _, _ = site
    assert remote_references(docs) == []
    # belt and braces: a plain grep of src=/href=/url( over every .html/.css/.js file in the site
    loaded = re.compile(r"""(?:\b(?:src|href)\s*=\s*["']?|url\(\s*["']?)(?:https?:)?//""", re.I)
    offenders = [str(p.relative_to(docs)) for p in docs.rglob("*")
                 if p.suffix in (".html", ".css", ".js") and loaded.search(p.read_text(errors="replace"))]
    assert offenders == []
    for page in docs.rglob("*.html"):
        text = page.read_text()
        assert "great-expectations-web-assets" not in text      # remote logo replaced
        assert "integrity=" not in text and "crossorigin" not in text
        assert "//cdn" not in text
        for ref in re.findall(r"""\b(?:src|href)=["']([^"'#]+)["']""", text):
            if not ref.startswith(("javascript:", "data:")):
                assert (page.parent / ref).exists(), f"{page.relative_to(docs)} -> {ref}"


def test_vendored_assets_and_logo_are_in_the_site(site):
    docs, _, _ = site
    for rel in vendor.vendored_files():
        assert (docs / "static" / "vendor" / rel).is_file(), rel
    index_html = (docs / "index.html").read_text()
    assert 'src="static/vendor/logo/connection-score-data-docs.svg"' in index_html


def test_make_offline_is_idempotent_and_refuses_unknown_remote_assets(site, tmp_path):
    docs, _, _ = site
    assert make_offline(docs) == []
    rogue = tmp_path / "site"
    rogue.mkdir()
    (rogue / "index.html").write_text('<html><a href="https://greatexpectations.io">GX</a>'
                                      '<script src="https://cdn.example.com/x.js"></script></html>')
    with pytest.raises(OfflineDocsError, match="cdn.example.com"):
        make_offline(rogue)


def test_vendor_folder_matches_the_installed_gx_templates():
    # every remote URL in the GX templates is mapped, and the committed files (incl. SRI) are intact
    assert vendor.check() == []
    for pkg in vendor.PACKAGES:
        licences = pkg.license_files or (vendor.NOTICE_NAME,)
        for lic in licences:
            assert (vendor.NPM_DIR / pkg.dir_name / lic).is_file()


def test_docs_keep_earlier_runs(tmp_path):
    spec = load_suite("raw.skills")
    frame = good_frame("skills", ("alice",), 2)
    build_data_docs([(spec, frame)], tmp_path, run_name="first")
    build_data_docs([(spec, frame)], tmp_path, run_name="second", keep_runs=2)
    runs = {p.relative_to(tmp_path / "validations" / "raw" / "skills").parts[0]
            for p in (tmp_path / "validations").rglob("*.html")}
    assert runs == {"first", "second"}
    index_html = (tmp_path / "index.html").read_text()
    assert "first" in index_html and "second" in index_html
    build_data_docs([(spec, frame)], tmp_path, run_name="third", keep_runs=2)
    runs = {p.relative_to(tmp_path / "validations" / "raw" / "skills").parts[0]
            for p in (tmp_path / "validations").rglob("*.html")}
    assert runs == {"second", "third"}  # the oldest run was pruned (page and stored result)
    assert not list((tmp_path / ".results").rglob("first"))
    # a build for another suite keeps the pages of raw.skills (its suite is known to every context)
    build_data_docs([(load_suite("raw.profile"), good_frame("profile", ("alice",), 1))], tmp_path,
                    run_name="other")
    assert (tmp_path / "expectations" / "raw" / "skills.html").is_file()
    assert len(list((tmp_path / "validations" / "raw" / "skills").rglob("*.html"))) == 2
    assert "raw.profile" in (tmp_path / "index.html").read_text()


@pytest.mark.skipif(not CHROMIUM.exists(), reason="system Chromium missing: apt-get install -y chromium")
def test_index_renders_offline_in_headless_chromium(site):
    from playwright.sync_api import sync_playwright

    docs, index, _ = site
    blocked: list[str] = []
    errors: list[str] = []

    def route(r):
        if r.request.url.startswith("file://"):
            r.continue_()
        else:
            blocked.append(r.request.url)
            r.abort()

    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        try:
            page = browser.new_page()
            page.route("**/*", route)
            page.on("pageerror", lambda e: errors.append(str(e)))
            page.goto(index.as_uri())
            rows = page.locator("#section-1-content-block-2-1-body-table tbody tr")
            rows.first.wait_for(state="visible", timeout=15000)
            texts = rows.all_inner_texts()
            assert len(texts) == 2
            assert any("raw.connections" in t for t in texts) and any("raw.skills" in t for t in texts)
            # bootstrap + font awesome from the vendored copies: the status icons are styled
            assert page.locator(".ge-failed-icon").count() == 1
            page.wait_for_function(  # the Font Awesome glyph of the failed status icon
                "() => getComputedStyle(document.querySelector('.ge-failed-icon'), '::before')"
                ".content.includes('\\uf00d')", timeout=15000)
            assert page.evaluate("typeof jQuery.fn.bootstrapTable") == "function"
            assert page.evaluate("typeof vega") == "object"

            # a validation result page renders too (from its own nesting depth)
            page.locator("#section-1-content-block-2-1-body-table tbody tr", has_text="raw.connections").click()
            page.wait_for_url("**/validations/raw/connections/**")
            page.get_by_text("profile_url", exact=False).first.wait_for(state="visible", timeout=15000)
            assert page.locator("img[src$='connection-score-data-docs.svg']").count() == 1
        finally:
            browser.close()
    assert blocked == [], f"the docs tried to reach the network: {blocked}"
    assert errors == [], errors
