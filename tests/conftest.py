"""Shared fixtures: one real Prefect test server per session, and one real ingestion of seeds/."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

os.environ.setdefault("PREFECT_SERVER_ANALYTICS_ENABLED", "false")
os.environ.setdefault("DO_NOT_TRACK", "1")

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
GOLD = Path(__file__).resolve().parent / "gold"


@pytest.fixture(scope="session")
def prefect_server():
    """A real, temporary Prefect API for the whole session (flows run for real against it)."""
    from prefect.testing.utilities import prefect_test_harness

    with prefect_test_harness(server_startup_timeout=120):
        yield


@pytest.fixture(scope="session")
def seeded_warehouse(prefect_server, tmp_path_factory):
    """seeds/ ingested once by the real flow; tests read the landed tables through DuckDB."""
    from flows.ingest import ingest
    from warehouse.connection import resolve_location

    root = tmp_path_factory.mktemp("seeded")
    inbox = root / "inbox"
    shutil.copytree(SEEDS, inbox)
    result = ingest(str(inbox), str(root / "warehouse"))
    return resolve_location(root / "warehouse"), result, inbox


@pytest.fixture(scope="session")
def seeded_con(seeded_warehouse):
    from warehouse.connection import connect

    con = connect(seeded_warehouse[0], read_only=True)
    yield con
    con.close()


@pytest.fixture(scope="module")
def postgres():
    """A real PostgreSQL cluster for a module, with a database for a Prefect server besides the
    catalog's; skips when PostgreSQL is not installed."""
    from tests.shared_services import PREFECT_DATABASE, running_postgres

    with running_postgres(PREFECT_DATABASE) as server:
        yield server


@pytest.fixture(scope="module")
def s3():
    """moto's S3 API for a module, with the tests' bucket and a user allowed into it."""
    from tests.shared_services import BUCKET, running_s3

    with running_s3(BUCKET) as server:
        yield server
