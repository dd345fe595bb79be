"""A deployment run reads only inboxes under the configured roots: one started through the API
with a folder outside them fails in one line and reads nothing; the command line is not limited.
A real Prefect server, deployments and worker (tests/live_prefect.py), 60-100 s."""

from __future__ import annotations

import shutil
import tempfile
import time
from pathlib import Path

import pytest

from tests.conftest import SEEDS
from tests.live_prefect import RUN_TIMEOUT_S, live_prefect, trigger  # noqa: F401

pytestmark = pytest.mark.integration


def _final(live, flow_run_id):
    deadline = time.monotonic() + RUN_TIMEOUT_S
    with live.prefect.client() as client:
        while True:
            run = client.read_flow_run(flow_run_id)
            if run.state is not None and run.state.is_final():
                return run
            if time.monotonic() > deadline:
                pytest.fail(f"{flow_run_id} still {run.state and run.state.name}\n{live.logs()}")
            time.sleep(0.3)


def test_a_deployment_run_with_an_inbox_outside_the_roots_fails_and_reads_nothing(live_prefect, tmp_path):
    outside = Path(tempfile.mkdtemp(prefix="not-an-inbox-"))  # not under the tests' folders nor the project
    try:
        shutil.copy(SEEDS / "000_30b19b25cf31b9f3.txt", outside / "secret.txt")
        warehouse = tmp_path / "warehouse"
        run = _final(
            live_prefect,
            trigger(live_prefect, "ingest/ingest-inbox", {"inbox": str(outside), "warehouse": str(warehouse)}),
        )
        assert run.state.is_failed(), run.state
        assert "outside the folders deployment runs may read" in run.state.message
        assert not (warehouse / "catalog.sqlite").exists()
    finally:
        shutil.rmtree(outside, ignore_errors=True)
