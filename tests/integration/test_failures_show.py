"""Failures that show: a run with failed files ends in a state named "Completed with failures"
(read back through the Prefect API), with an event an automation can trigger on; its summary and
the next run's list the files still failing in the warehouse; `consultations status` shows them.

Real flow runs on the session's Prefect test server; a real warehouse; no mocks."""

from __future__ import annotations

import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest

from flows.outcome import EVENT, STATE_NAME, run_outcome
from tasks.domain.models import Failure
from tests.conftest import ROOT, SEEDS

pytestmark = pytest.mark.integration

FAILURE = Failure("broken.pdf", "d" * 64, "extract", "corrupt", "broken.pdf is not a PDF: export it again")


def _flow_with(failures: list[Failure]):
    from prefect import flow

    @flow(name="outcome-check")
    def outcome_check() -> dict:
        return run_outcome({"landed": 3}, "ingest", failures, n_still_failing=len(failures))

    return outcome_check


def _read_run(flow_run_id):
    from prefect.client.orchestration import get_client

    with get_client(sync_client=True) as client:
        return client.read_flow_run(flow_run_id)


def _events_of(flow_run_id, timeout: float = 30.0) -> list:
    """The failures events about a flow run, once the server has stored them (events are sent
    over a websocket and stored in batches)."""
    from prefect.client.orchestration import get_client
    from prefect.events.filters import EventFilter, EventNameFilter, EventResourceFilter

    wanted = EventFilter(
        event=EventNameFilter(name=[EVENT]),
        resource=EventResourceFilter(id=[f"prefect.flow-run.{flow_run_id}"]),
    )
    deadline = time.monotonic() + timeout
    with get_client(sync_client=True) as client:
        while True:
            events = client.read_events(wanted, limit=50).events  # the server allows at most 50
            if events or time.monotonic() > deadline:
                return events
            time.sleep(0.5)


def test_a_run_with_failures_keeps_its_result_and_is_named_so(prefect_server):
    flow = _flow_with([FAILURE])
    assert flow() == {"landed": 3}  # a direct call (the CLI's) still gets the result back
    state = flow(return_state=True)
    assert state.is_completed() and state.name == STATE_NAME
    assert "1 file failed (at extract): broken.pdf" in state.message
    stored = _read_run(state.state_details.flow_run_id)
    assert stored.state.name == STATE_NAME and stored.state.type.value == "COMPLETED"
    [event] = _events_of(state.state_details.flow_run_id)
    assert event.payload["n_failed"] == 1 and event.payload["files"] == ["broken.pdf"]
    assert event.payload["stages"] == ["extract"] and event.payload["error_types"] == ["corrupt"]
    assert any(r.role == "flow" for r in event.related)


def test_a_run_without_failures_is_plainly_completed(prefect_server):
    state = _flow_with([])(return_state=True)
    assert state.name == "Completed" and state.result() == {"landed": 3}
    assert _read_run(state.state_details.flow_run_id).state.name == "Completed"
    assert _events_of(state.state_details.flow_run_id, timeout=3) == []


# --- the real ingest flow (wired by flows/ingest.py: run_outcome and publish_summary(location=…)) ---


@pytest.fixture(scope="module")
def failing_runs(prefect_server, tmp_path_factory):
    """Two ingests of an inbox with a broken PDF: the first meets it, the second reads nothing
    new. Returns both results (with their states) and the warehouse folder."""
    from flows.ingest import ingest

    root = tmp_path_factory.mktemp("failing")
    inbox, warehouse = root / "inbox", root / "warehouse"
    shutil.copytree(SEEDS, inbox)
    (inbox / "broken.pdf").write_bytes(b"%PDF-1.4 this is not a PDF at all")
    first = ingest(str(inbox), str(warehouse), return_state=True)
    second = ingest(str(inbox), str(warehouse), return_state=True)
    return first, second, warehouse


def _summary_of(state) -> str:
    from prefect.client.orchestration import get_client

    with get_client(sync_client=True) as client:
        artifacts = client.read_artifacts()
    found = [a for a in artifacts if a.flow_run_id == state.state_details.flow_run_id and a.type == "markdown"]
    assert found, "the run published no markdown summary"
    return found[0].data


def test_an_ingest_with_a_failing_file_is_completed_with_failures(failing_runs):
    first, second, _ = failing_runs
    assert first.name == STATE_NAME and first.is_completed()
    result = first.result()
    assert result.n_failed == 1 and [f.source_path for f in result.failures] == ["broken.pdf"]
    assert _read_run(first.state_details.flow_run_id).state.name == STATE_NAME
    assert [e.payload["files"] for e in _events_of(first.state_details.flow_run_id)] == [["broken.pdf"]]
    # the second run read nothing new: plainly completed, and its summary still names the file
    assert second.name == "Completed" and second.result().n_failed == 0
    text = _summary_of(second)
    assert "every file was read" not in text
    assert "Files still failing in the warehouse (1)" in text and "broken.pdf" in text


def test_status_shows_the_failing_file_and_the_runs(failing_runs):
    _, _, warehouse = failing_runs
    done = subprocess.run(
        [sys.executable, "-m", "flows.cli", "status", "-w", str(warehouse)],
        capture_output=True,
        text=True,
        timeout=60,
        cwd=ROOT,
        env={"PATH": "/usr/bin:/bin", "PREFECT_API_URL": "http://127.0.0.1:9/api"},
    )
    assert done.returncode == 0, done.stdout + done.stderr
    out = done.stdout
    assert f"Warehouse  {Path(warehouse).resolve()}" in out
    assert "Documents  5 (en " in out
    assert "Failing    1 file:" in out and "broken.pdf  (extract: corrupt:" in out
    assert out.count(" ingest ") == 2 and "completed_with_failures" in out
    assert "Prefect    not running at http://127.0.0.1:9/api" in out
    assert len(out.splitlines()) <= 24  # one screen


def test_the_ingest_command_names_files_still_failing_from_earlier_runs(failing_runs):
    _, _, warehouse = failing_runs
    done = subprocess.run(
        [sys.executable, "-m", "flows.cli", "ingest", str(Path(warehouse).parent / "inbox"), "-w", str(warehouse)],
        capture_output=True,
        text=True,
        timeout=300,
        cwd=ROOT,
    )
    assert done.returncode == 0, done.stdout + done.stderr
    assert "still failing from earlier runs: broken.pdf" in done.stdout
