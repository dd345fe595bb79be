"""The whole shared setup, by configuration only, the way a team runs it: a real Prefect server
whose database is PostgreSQL, the deployments of prefect.yaml, and a process worker whose
environment adds nothing but settings (the API URL, the warehouse's catalog and data path, the
clients' usual credentials). A run of the `ingest-inbox` deployment is recorded in PostgreSQL
by Prefect and lands its documents in the DuckLake catalog in PostgreSQL, with the
Parquet files in S3 (moto in server mode, credentials enforced); nothing is written to a local
catalog.

One PostgreSQL 15 cluster holds both databases (`prefect` for the server, `consultations` for
the catalog); Prefect's migrations create the pg_trgm extension themselves (it is a trusted
extension: the database's owner may create it). Stopped by the fixtures, error or not:
the worker and the server, then moto and PostgreSQL."""

from __future__ import annotations

import os
import shutil
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest

from flows.serve import POOL, PROJECT_ROOT, free_port, local_prefect
from tests.live_prefect import TEST_SERVER_ENV, LivePrefect, trigger, wait_for_run
from tests.shared_services import BUCKET, PREFECT_DATABASE, warehouse_env

pytestmark = pytest.mark.integration

SEEDS = PROJECT_ROOT / "seeds"
INGEST = "ingest/ingest-inbox"
PREFIX = "consultations/"
# The server's database; the worker, the flow runs and the `prefect` commands never need it.
DATABASE_URL_ENV = "PREFECT_API_DATABASE_CONNECTION_URL"
# Variables of the warehouse and of its clients: the worker gets the test's values, no others.
CONFIGURATION = ("CONSULTATIONS_", "AWS_", "PG")


@pytest.fixture(scope="module")
def shared_env(postgres, s3, tmp_path_factory) -> dict[str, str]:
    """What a worker (or anyone reading the lake) is given: settings, nothing else."""
    # this machine's folder: only the DuckDB extensions live there
    machine = tmp_path_factory.mktemp("worker-machine") / "warehouse"
    # deployment runs read inboxes only under the roots given; the tests' inboxes are temporary folders
    return warehouse_env(postgres, s3, f"s3://{BUCKET}/{PREFIX}") | {
        "CONSULTATIONS_WAREHOUSE": str(machine),
        "CONSULTATIONS_INBOX_ROOTS": str(tmp_path_factory.getbasetemp()),
    }


@pytest.fixture(scope="module")
def shared_prefect(postgres, shared_env, tmp_path_factory):
    """`prefect server start` on PostgreSQL, the pool, `prefect deploy --all`, and a worker."""
    root = tmp_path_factory.mktemp("shared-prefect")
    database_url = (
        f"postgresql+asyncpg://{postgres.user}:{postgres.password}@127.0.0.1:{postgres.port}/{PREFECT_DATABASE}"
    )
    with local_prefect(
        free_port(), home=root / "prefect-home", env={**TEST_SERVER_ENV, DATABASE_URL_ENV: database_url}
    ) as prefect:
        # local_prefect gives its `env` (and this process's environment) to every process it
        # starts: the database URL was for the server alone, which is running now, and the worker
        # gets no warehouse or credential variable but those of `shared_env`.
        for name in [k for k in prefect.env if k == DATABASE_URL_ENV or k.startswith(CONFIGURATION)]:
            del prefect.env[name]
        prefect.ensure_work_pool(POOL)
        with ThreadPoolExecutor(1) as background:  # ~5 s each: deploy while the worker starts
            deployed = background.submit(prefect.deploy)
            worker = prefect.start_worker(POOL, poll_seconds=1, env=shared_env)
            deployed.result()
        yield LivePrefect(prefect, worker, Path(shared_env["CONSULTATIONS_WAREHOUSE"]))


@pytest.fixture(scope="module")
def shared_run(shared_prefect, tmp_path_factory):
    """A run of ingest-inbox with an inbox and no warehouse parameter (the worker's environment
    says where), once COMPLETED. (Through the client: test_deployment.py covers the CLI.)"""
    inbox = tmp_path_factory.mktemp("shared-inbox") / "inbox"
    shutil.copytree(SEEDS, inbox)
    return wait_for_run(shared_prefect, trigger(shared_prefect, INGEST, {"inbox": str(inbox)}))


@pytest.fixture
def shared(shared_env, monkeypatch):
    """This process configured like the worker."""
    for name in [k for k in os.environ if k.startswith(CONFIGURATION)]:
        monkeypatch.delenv(name)
    for name, value in shared_env.items():
        monkeypatch.setenv(name, value)


def test_the_flow_run_is_recorded_in_prefects_postgres_database(shared_run, shared_prefect, postgres):
    found = postgres.psql(
        f"SELECT fr.state_type, d.name FROM flow_run fr JOIN deployment d "
        f"ON d.id = fr.deployment_id WHERE fr.id = '{shared_run.id}'",
        PREFECT_DATABASE,
    )
    assert found == "COMPLETED|ingest-inbox"
    deployments = postgres.psql("SELECT name FROM deployment ORDER BY name", PREFECT_DATABASE)
    assert deployments.split() == ["ingest-inbox", "maintain", "reprocess"]
    assert postgres.psql("SELECT count(*) FROM pg_extension WHERE extname = 'pg_trgm'", PREFECT_DATABASE) == "1"
    # and not in a SQLite file of the server's
    assert not list(shared_prefect.prefect.home.glob("*.db"))


def test_the_documents_are_in_the_lake(shared_run, shared):
    from warehouse.connection import connect, resolve_location

    location = resolve_location()  # from CONSULTATIONS_WAREHOUSE, _CATALOG and _DATA_PATH
    assert location.describe() == f"catalog {os.environ['CONSULTATIONS_CATALOG']}, data s3://{BUCKET}/{PREFIX}"
    con = connect(location, read_only=True)
    try:
        documents = con.execute("SELECT source_path FROM documents ORDER BY 1").fetchall()
        runs = con.execute("SELECT run_id, flow_name, n_seen, n_new, n_failed FROM runs").fetchall()
    finally:
        con.close()
    assert sorted(documents) == sorted((p.name,) for p in SEEDS.iterdir()) and len(documents) == 5
    assert runs == [(str(shared_run.id), "ingest", 5, 5, 0)]  # the lake's run is Prefect's flow run


def test_the_catalog_is_in_postgres_and_the_files_are_parquet_in_the_bucket(shared_run, postgres, s3):
    data_path = postgres.psql("SELECT value FROM ducklake_metadata WHERE key = 'data_path'", postgres.database)
    assert data_path == f"s3://{BUCKET}/{PREFIX}"
    keys = s3.objects(BUCKET, PREFIX)
    assert keys and all(key.endswith(".parquet") for key in keys)
    assert any(key.startswith(f"{PREFIX}main/documents/") for key in keys)


def test_nothing_is_written_locally(shared_run, shared_prefect):
    local = shared_prefect.default_warehouse  # the worker's CONSULTATIONS_WAREHOUSE
    assert not (local / ".extensions").exists()  # extensions load from their packages, once per environment
    assert not (local / "catalog.sqlite").exists() and not (local / "files").exists()
    assert not list(local.parent.rglob("*.sqlite")) and not list(local.parent.rglob("*.parquet"))


def test_the_worker_was_given_settings_only(shared_prefect, shared_env):
    """Read back from the running worker: the settings, and not the server's database URL."""
    raw = Path(f"/proc/{shared_prefect.worker.pid}/environ").read_bytes()
    environ = dict(item.split("=", 1) for item in raw.decode().split("\0") if "=" in item)
    assert {k: environ.get(k) for k in shared_env} == shared_env
    # and the checkout the deployments' pull step goes to, set by start_worker
    assert {k for k in environ if k.startswith(CONFIGURATION)} == {*shared_env, "CONSULTATIONS_HOME"}
    assert environ["PREFECT_API_URL"] == shared_prefect.prefect.api_url
    assert not [k for k in environ if "DATABASE" in k]
