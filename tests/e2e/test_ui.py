"""End to end: an operator materializes a user's assets from the Dagster UI in headless Chromium, the run
succeeds, and the user's score is in the serving file."""

from __future__ import annotations

import re
import time

import duckdb
import pytest

from tests.e2e.conftest import CHROMIUM

pytestmark = [pytest.mark.e2e, pytest.mark.skipif(not CHROMIUM.exists(), reason="needs Debian's chromium "
                                                   "(apt-get install chromium; .ci/run installs it)")]

LAUNCH_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
               "--disable-background-networking", "--disable-component-update", "--disable-sync"]


def _wait_partition(server, user: str, timeout: float = 90) -> None:
    deadline = time.time() + timeout
    while time.time() < deadline:
        data = server.graphql('{ assetNodeOrError(assetKey: {path: ["raw", "linkedin_export"]}) '
                              '{ ... on AssetNode { partitionKeysByDimension { partitionKeys } } } }')
        keys = data["assetNodeOrError"]["partitionKeysByDimension"][0]["partitionKeys"]
        if user in keys:
            return
        time.sleep(1)
    raise TimeoutError(f"the sensor did not add partition {user}")


def test_operator_materializes_a_user_from_the_ui(dagster_server, e2e_data):
    from playwright.sync_api import expect, sync_playwright

    server = dagster_server
    _wait_partition(server, "alice")            # the new-export sensor adds users without a restart
    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=str(CHROMIUM), args=LAUNCH_ARGS)
        try:
            page = browser.new_page()
            page.set_default_timeout(60_000)
            expect.set_options(timeout=60_000)
            # The operator's path: the refresh job's asset graph, "Materialize all…", one user's partition.
            page.goto(f"{server.base}/locations/connection_score/jobs/refresh_users", wait_until="domcontentloaded")
            page.get_by_role("button", name="Materialize all…").click()
            dialog = page.get_by_role("dialog").filter(has_text="Launch runs to materialize")
            dialog.get_by_text("Select a partition or create one").click()
            popover = page.locator(".dagster-popover")
            popover.get_by_placeholder("Filter partitions").fill("alice")
            popover.get_by_role("menuitem").filter(has=page.get_by_title("alice", exact=True)).click()
            dialog.get_by_text(re.compile("Launch runs to materialize")).first.click()   # close the popover
            expect(dialog.get_by_text("1 partition", exact=True)).to_be_visible()
            with page.expect_response(lambda r: "LaunchPipelineExecution" in (r.request.post_data or "")) as resp:
                dialog.get_by_role("button", name="Launch 1 run").click()
            launched = resp.value.json()["data"]["launchPipelineExecution"]
            assert launched["__typename"] == "LaunchRunSuccess", launched
            run_id = launched["run"].get("runId") or launched["run"]["id"]
            # Wait through the API (a live run page re-renders every log line and starves a small
            # machine), then check what the operator sees on the run page.
            assert server.wait_for_run(run_id) == "SUCCESS", f"run {run_id} failed: see {server.log_path}"
            page.goto(f"{server.base}/runs/{run_id}", wait_until="domcontentloaded")
            expect(page.get_by_role("img", name="run_success", exact=True)).to_be_visible()
            expect(page.get_by_text("partition: alice").first).to_be_visible()
        finally:
            browser.close()

    with duckdb.connect(str(e2e_data / "serving.duckdb"), read_only=True) as con:
        row = con.execute("select total_score, band from connection_score where user_id = 'alice'").fetchone()
    assert row is not None and 0 <= row[0] <= 100
