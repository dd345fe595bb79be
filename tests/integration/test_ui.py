"""The Prefect UI shows an ingest run and its summary: pages of a real server, rendered by
Debian's chromium, headless (tests/browser.py), and checked in the DOM their JavaScript built.

The server serves two UIs: V2 (React, under /v2, where its root redirects people) and V1
(Vue, at the root paths, "Switch to V1 UI"). A flow run's page lists its artifacts as cards
(key, type, description); the markdown of `ingest-summary` is rendered on the artifact's own
page. Screenshots for people are left in tests/out/ui/.

`make test` installs chromium when it runs as root; without chromium these tests skip. 30-45 s
on 2 cores besides the module's server (~30 s to start): one ingest run (~10 s), then four pages, 3-12 s
each (the flow-run pages draw their timeline in software)."""

from __future__ import annotations

import json
import shutil
import urllib.request
from dataclasses import dataclass
from pathlib import Path
from uuid import UUID

import pytest

from flows.serve import PROJECT_ROOT
from tests.browser import CHROMIUM, Page, render
from tests.live_prefect import LivePrefect, live_prefect, trigger, wait_for_run  # noqa: F401
from warehouse.connection import resolve_location
from warehouse.queries import run_sql

pytestmark = [
    pytest.mark.integration,
    pytest.mark.skipif(
        CHROMIUM is None,
        reason="chromium is not installed: `make test` installs it as root, or `apt-get install chromium`",
    ),
]

SEEDS = PROJECT_ROOT / "seeds"
SCREENSHOTS = PROJECT_ROOT / "tests" / "out" / "ui"
INGEST = "ingest/ingest-inbox"
SUMMARY_DESCRIPTION = "ingest: what this run landed and what failed"


@dataclass
class IngestRun:
    live: LivePrefect
    flow_run_id: UUID
    name: str
    summary_id: UUID  # the run's `ingest-summary` artifact
    warehouse: Path
    browser_dir: Path  # chromium's profiles and logs

    @property
    def ui_url(self) -> str:
        return self.live.prefect.ui_url

    def rows(self, query: str) -> list[tuple]:
        return run_sql(resolve_location(self.warehouse), query)[1]


@pytest.fixture(scope="module")
def ingest_run(live_prefect, tmp_path_factory) -> IngestRun:
    """seeds/ ingested once through the deployment, into a warehouse of its own."""
    root = tmp_path_factory.mktemp("ui")
    inbox, warehouse = root / "inbox", root / "warehouse"
    shutil.copytree(SEEDS, inbox)
    run = wait_for_run(live_prefect, trigger(live_prefect, INGEST, {"inbox": str(inbox), "warehouse": str(warehouse)}))
    from prefect.client.schemas.filters import ArtifactFilter, ArtifactFilterFlowRunId, ArtifactFilterKey

    with live_prefect.prefect.client() as client:
        [summary] = client.read_artifacts(
            artifact_filter=ArtifactFilter(
                flow_run_id=ArtifactFilterFlowRunId(any_=[run.id]), key=ArtifactFilterKey(any_=["ingest-summary"])
            )
        )
    # The UI's JavaScript asks /ui-settings where the API is: this server's port, not 4200.
    opener = urllib.request.build_opener(urllib.request.ProxyHandler({}))  # loopback: no proxy
    with opener.open(f"{live_prefect.prefect.ui_url}/ui-settings", timeout=10) as response:
        ui_settings = json.load(response)
    assert ui_settings["api_url"] == live_prefect.prefect.api_url, ui_settings
    return IngestRun(live_prefect, run.id, run.name, summary.id, warehouse, root / "browser")


def open_page(run: IngestRun, path: str, screenshot: str, expect: list[str]) -> Page:
    page = render(f"{run.ui_url}{path}", run.browser_dir, screenshot=SCREENSHOTS / screenshot, expect=expect)
    missing = page.missing(expect)
    assert not missing, (
        f"{missing} not on {page.url} (screenshot {page.screenshot}, chromium log {page.log}); "
        f"the page reads: {page.text[:3000]}"
    )
    return page


def assert_summary_rendered(run: IngestRun, page: Page) -> None:
    """The markdown of `ingest-summary` as HTML, its tables holding what the run landed."""
    for heading in ("Languages", "Noise removed", "Failures (0)", "Slowest documents"):
        assert heading in page.headings, page.headings
    [(seen, new, changed, unchanged, failed)] = run.rows(
        f"SELECT n_seen, n_new, n_changed, n_unchanged, n_failed FROM runs WHERE run_id = '{run.flow_run_id}'"
    )
    assert page.table("files") == [
        ("seen", str(seen)),
        ("new", str(new)),
        ("changed", str(changed)),
        ("unchanged", str(unchanged)),
        ("failed", str(failed)),
    ]
    assert (seen, new) == (5, 5)
    languages = run.rows("SELECT language, count(*) FROM documents GROUP BY language")
    assert sorted(page.table("language")) == sorted((language, str(n)) for language, n in languages)
    noise = run.rows("SELECT kind, count(*) FROM artifacts WHERE kind <> 'whitespace' GROUP BY kind")
    assert sorted(page.table("kind")) == sorted((kind, str(n)) for kind, n in noise)
    assert ("similar_documents", "0") not in page.table("kind") and "similar_documents" in page.text
    assert "None: every file was read." in page.text


def test_the_flow_run_page_shows_the_run_and_its_summary_artifact(ingest_run):
    assert ingest_run.name.startswith("ingest inbox · ")
    page = open_page(
        ingest_run,
        f"/v2/runs/flow-run/{ingest_run.flow_run_id}?tab=Artifacts",
        "flow-run.png",
        expect=[ingest_run.name, "Completed", "ingest-summary", SUMMARY_DESCRIPTION, "ingest-documents"],
    )
    assert f"Flow Run: {ingest_run.name}" in page.text  # the page's title
    assert "Deployment ingest-inbox" in page.text and "Work Pool consultations" in page.text


def test_the_summary_artifact_page_renders_what_the_run_landed(ingest_run):
    page = open_page(
        ingest_run,
        f"/v2/artifacts/artifact/{ingest_run.summary_id}",
        "ingest-summary.png",
        expect=["Noise removed", "similar_documents", ingest_run.name],
    )
    assert_summary_rendered(ingest_run, page)
    assert f"ingest run {ingest_run.flow_run_id}" in page.headings


def test_the_v1_ui_shows_the_run_and_its_summary(ingest_run):
    run_page = open_page(
        ingest_run,
        f"/runs/flow-run/{ingest_run.flow_run_id}",
        "v1-flow-run.png",
        expect=[ingest_run.name, "Completed", "Artifacts"],
    )
    assert f"Flow Run: {ingest_run.name}" in run_page.text
    summary = open_page(
        ingest_run,
        f"/artifacts/artifact/{ingest_run.summary_id}",
        "v1-ingest-summary.png",
        expect=["Noise removed", "similar_documents", ingest_run.name],
    )
    assert_summary_rendered(ingest_run, summary)
