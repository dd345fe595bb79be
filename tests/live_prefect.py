"""A real Prefect server, the deployments of prefect.yaml and a process worker, for tests.

It is `flows.serve.local_prefect`, the code `consultations serve` runs, on a free loopback port
with a PREFECT_HOME in the test's temporary folder (never ~/.prefect). Every process it starts
is stopped when the fixture ends, also when a test fails; the fixture's logs stay in that
folder. Import the fixture into a test module: `from tests.live_prefect import live_prefect`."""

from __future__ import annotations

import os
import re
import time
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from uuid import UUID

import pytest

from flows.serve import POOL, PROJECT_ROOT, Child, LocalPrefect, free_port, local_prefect

# The server's scheduler is off: the deployment keeps its schedule, but no scheduled run can fall
# due in the middle of a test and ingest the project's seeds/ into its default warehouse.
TEST_SERVER_ENV = {"PREFECT_SERVER_SERVICES_SCHEDULER_ENABLED": "false"}
RUN_TIMEOUT_S = 240


@dataclass
class LivePrefect:
    prefect: LocalPrefect
    worker: Child
    # What a run given no `warehouse` parameter would use: a folder of the test's, not warehouse/data.
    default_warehouse: Path

    def logs(self) -> str:
        return "\n".join(
            f"----- {child.name} log ({child.log}) -----\n{child.tail()}" for child in self.prefect.children
        )


@pytest.fixture(scope="module")
def live_prefect(tmp_path_factory) -> Iterator[LivePrefect]:
    """Server on a free port, the `consultations` pool, `prefect deploy --all` and a worker."""
    root = tmp_path_factory.mktemp("live-prefect")
    default_warehouse = root / "default-warehouse"
    with local_prefect(free_port(), home=root / "prefect-home", env=TEST_SERVER_ENV) as prefect:
        prefect.ensure_work_pool(POOL)
        prefect.deploy()
        # Deployment runs read inboxes only under these roots (flows/deployed.py): the tests' folders.
        roots = os.pathsep.join([str(PROJECT_ROOT), str(tmp_path_factory.getbasetemp())])
        worker_env = {"CONSULTATIONS_WAREHOUSE": str(default_warehouse), "CONSULTATIONS_INBOX_ROOTS": roots}
        worker = prefect.start_worker(POOL, poll_seconds=1, env=worker_env)
        yield LivePrefect(prefect, worker, default_warehouse)


def trigger_with_cli(live: LivePrefect, deployment: str, parameters: Mapping[str, Any]) -> UUID:
    """`prefect deployment run FLOW/DEPLOYMENT --param k=v ...`, as a person would type it."""
    args = [f"{k}={v}" for k, v in parameters.items()]
    output = live.prefect.prefect("deployment", "run", deployment, *[a for arg in args for a in ("--param", arg)])
    found = re.search(r"UUID: ([0-9a-f-]{36})", output)
    assert found, output
    return UUID(found.group(1))


def trigger(live: LivePrefect, deployment: str, parameters: Mapping[str, Any]) -> UUID:
    with live.prefect.client() as client:
        found = client.read_deployment_by_name(deployment)
        return client.create_flow_run_from_deployment(found.id, parameters=dict(parameters)).id


def wait_for_runs(live: LivePrefect, flow_run_ids: list[UUID], timeout: float = RUN_TIMEOUT_S):
    """The flow runs once all are final, and the most of them that were ever pending or running
    at the same time. A failure, with the worker's and server's logs, if one is not COMPLETED
    in time."""
    from prefect.client.schemas.objects import StateType

    started = (StateType.PENDING, StateType.RUNNING, StateType.CANCELLING)
    deadline, most_active = time.monotonic() + timeout, 0
    with live.prefect.client() as client:
        while True:
            runs = [client.read_flow_run(flow_run_id) for flow_run_id in flow_run_ids]
            most_active = max(most_active, sum(run.state is not None and run.state.type in started for run in runs))
            if all(run.state is not None and run.state.is_final() for run in runs):
                break
            if not live.worker.alive() or time.monotonic() > deadline:
                states = ", ".join(f"{run.id} {run.state and run.state.name}" for run in runs)
                pytest.fail(f"after {timeout:.0f} s: {states} (worker alive: {live.worker.alive()})\n{live.logs()}")
            time.sleep(0.2)
    for run in runs:
        if not run.state.is_completed():
            pytest.fail(f"flow run {run.id} ended {run.state.name}: {run.state.message}\n{live.logs()}")
    return runs, most_active


def wait_for_run(live: LivePrefect, flow_run_id: UUID, timeout: float = RUN_TIMEOUT_S):
    """The flow run once it is final; a failure with the logs if it is not COMPLETED in time."""
    return wait_for_runs(live, [flow_run_id], timeout)[0][0]
