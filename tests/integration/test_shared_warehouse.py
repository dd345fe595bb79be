"""A shared warehouse by configuration only: the DuckLake catalog in a real PostgreSQL 15 and the
Parquet files in a real S3 API (moto in server mode, credentials enforced), with nothing but
environment variables set; the same flow, CLI and SQL as the local warehouse."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys

import pytest

from tests.conftest import SEEDS
from tests.shared_services import BUCKET, free_port, warehouse_env
from warehouse.schema import TABLES

pytestmark = pytest.mark.integration

PREFIX = "consultations/"
# Rows that must come out the same as from a local warehouse ingesting the same inbox.
DOCUMENTS = "SELECT doc_id, source_path, title, language, n_sections, n_paragraphs, n_words FROM documents ORDER BY 1"
COUNTS = " UNION ALL ".join(f"SELECT '{name}', count(*) FROM {name}" for name in TABLES if name != "runs")
CREDENTIALS = ("CONSULTATIONS_", "AWS_", "PG")


@pytest.fixture(scope="module")
def shared_env(postgres, s3) -> dict[str, str]:
    return warehouse_env(postgres, s3, f"s3://{BUCKET}/{PREFIX}") | {"AWS_REGION": s3.region}


def clean_environ(**values: str) -> dict[str, str]:
    """This process's environment without any warehouse or credential variable, plus `values`."""
    return {k: v for k, v in os.environ.items() if not k.startswith(CREDENTIALS)} | values


@pytest.fixture(scope="module")
def shared_run(seeded_warehouse, shared_env, tmp_path_factory):
    """seeds/ ingested twice by the real flow with only the variables set; `--warehouse` is still
    the machine-local folder (it keeps the DuckDB extensions)."""
    from flows.ingest import ingest

    root = tmp_path_factory.mktemp("shared")
    inbox = root / "inbox"
    shutil.copytree(SEEDS, inbox)
    with pytest.MonkeyPatch.context() as patch:
        for name in [k for k in os.environ if k.startswith(CREDENTIALS)]:
            patch.delenv(name)
        for name, value in shared_env.items():
            patch.setenv(name, value)
        first = ingest(str(inbox), str(root / "local"))
        second = ingest(str(inbox), str(root / "local"))
    return root / "local", first, second


@pytest.fixture
def shared(shared_env, monkeypatch):
    for name, value in shared_env.items():
        monkeypatch.setenv(name, value)


def rows(location, *queries: str):
    """Each query's rows, read through one read-only connection; one query: its rows."""
    from warehouse.connection import connect

    con = connect(location, read_only=True)
    try:
        results = [con.execute(sql).fetchall() for sql in queries]
    finally:
        con.close()
    return results if len(queries) > 1 else results[0]


def cli(*args: str, env: dict[str, str]) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "flows.cli", *args], capture_output=True, text=True, timeout=120, env=env
    )


def said(done: subprocess.CompletedProcess) -> str:
    """Everything the command printed, as one line (the terminal output wraps at 140 columns)."""
    return " ".join((done.stdout + done.stderr).split())


def test_ingest_lands_the_same_rows_as_a_local_warehouse(shared_run, seeded_warehouse, shared):
    from warehouse.connection import resolve_location

    local_dir, first, _ = shared_run
    local = seeded_warehouse[0]
    assert (first.n_seen, first.n_new, first.n_failed) == (5, 5, 0)
    location = resolve_location(local_dir)
    assert location.describe() == f"catalog {os.environ['CONSULTATIONS_CATALOG']}, data s3://{BUCKET}/{PREFIX}"
    (shared_documents, shared_counts), (local_documents, local_counts) = (
        rows(location, DOCUMENTS, COUNTS),
        rows(local, DOCUMENTS, COUNTS),
    )
    assert shared_documents == local_documents and len(shared_documents) == 5
    assert dict(shared_counts) == dict(local_counts) and dict(shared_counts)["paragraphs"] > 0


def test_the_files_are_parquet_in_the_bucket_and_nothing_is_local(shared_run, s3):
    local_dir = shared_run[0]
    keys = s3.objects(BUCKET, PREFIX)
    assert keys and all(key.endswith(".parquet") for key in keys)
    for table in ("documents", "sections", "paragraphs", "artifacts", "families"):
        assert any(key.startswith(f"{PREFIX}main/{table}/") for key in keys), table
    # a small run's sources and runs rows stay in the catalog (INLINED_ROWS): no file of their own
    assert not any(key.startswith(f"{PREFIX}main/runs/") for key in keys)
    assert not local_dir.exists() or not any(local_dir.iterdir())  # no catalog.sqlite, no files/, no extensions


def test_the_catalog_is_in_postgres(shared_run, postgres):
    tables = postgres.psql("SELECT table_name FROM ducklake_table WHERE end_snapshot IS NULL", postgres.database)
    assert set(TABLES) <= set(tables.split())
    data_path = postgres.psql("SELECT value FROM ducklake_metadata WHERE key = 'data_path'", postgres.database)
    assert data_path == f"s3://{BUCKET}/{PREFIX}"
    n_files = int(
        postgres.psql("SELECT count(*) FROM ducklake_data_file WHERE end_snapshot IS NULL", postgres.database)
    )
    # one or more per table that has rows: failures, tables and footnotes have none; sources and
    # runs, small here, are inlined in the catalog (warehouse.schema.INLINED_ROWS)
    assert n_files >= len(TABLES) - 5
    inlined = postgres.psql("SELECT count(*) FROM ducklake_inlined_data_tables", postgres.database)
    assert int(inlined) >= 2


def test_a_second_ingest_of_the_same_inbox_is_a_no_op(shared_run, shared):
    from warehouse.connection import resolve_location

    local_dir, first, second = shared_run
    assert (second.n_seen, second.n_unchanged, second.n_new, second.n_changed) == (5, 5, 0, 0)
    assert second.doc_ids == [] and "documents" not in second.landed
    counts = dict(
        rows(
            resolve_location(local_dir),
            "SELECT 'documents', count(*) FROM documents UNION ALL SELECT 'runs', count(*) FROM runs",
        )
    )
    assert counts == {"documents": 5, "runs": 2}


def test_the_cli_reads_the_same_rows_with_only_the_variables_set(shared_run, seeded_warehouse, shared_env, tmp_path):
    """`consultations sql` in a fresh process; its password from a ~/.pgpass-style file this time."""
    pgpass = tmp_path / "pgpass"
    pgpass.write_text(f"*:*:*:*:{shared_env['PGPASSWORD']}\n")
    pgpass.chmod(0o600)  # libpq ignores a password file others can read
    env = clean_environ(**{k: v for k, v in shared_env.items() if k != "PGPASSWORD"}, PGPASSFILE=str(pgpass))
    query = "SELECT source_path, language, n_paragraphs FROM documents ORDER BY 1"
    done = cli("sql", query, "-f", "csv", "-w", str(tmp_path / "another-machine"), env=env)
    assert done.returncode == 0, done.stdout + done.stderr
    expected = ["source_path,language,n_paragraphs"] + [",".join(map(str, r)) for r in rows(seeded_warehouse[0], query)]
    assert done.stdout.splitlines() == expected
    refused = cli("sql", "DELETE FROM lake.documents", "-w", str(tmp_path / "another-machine"), env=env)
    assert refused.returncode == 1 and "read-only" in refused.stdout.lower()


def test_a_catalog_without_a_lake_yet_is_no_warehouse_not_an_error(postgres, shared_env, tmp_path):
    postgres.psql(f"CREATE DATABASE empty_catalog OWNER {postgres.user}")
    catalog = f"postgres:{postgres.conninfo(dbname='empty_catalog')}"
    env = clean_environ(**shared_env | {"CONSULTATIONS_CATALOG": catalog})
    done = cli("sql", "SELECT 1", "-w", str(tmp_path), env=env)
    assert done.returncode == 1 and "no warehouse in catalog postgres:dbname=empty_catalog" in said(done)
    assert "run `consultations ingest` first" in said(done)


@pytest.mark.parametrize("case", ["server down", "wrong password"])
def test_an_unreachable_catalog_says_which_variable_and_never_prints_the_password(case, postgres, shared_env, tmp_path):
    if case == "server down":
        catalog = f"postgres:{postgres.conninfo(port=free_port())}"
        env = clean_environ(**shared_env | {"CONSULTATIONS_CATALOG": catalog})
        cause = "Connection refused"
    else:
        env = clean_environ(**shared_env | {"PGPASSWORD": "wrong-password-5512"})
        cause = 'password authentication failed for user "etl"'
    done = cli("sql", "SELECT count(*) FROM documents", "-w", str(tmp_path), env=env)
    out = said(done)
    assert done.returncode == 1, out
    assert "cannot open the warehouse catalog postgres:dbname=consultations host=127.0.0.1" in out
    assert "$CONSULTATIONS_CATALOG" in out and cause in out and "PGPASSWORD or ~/.pgpass" in out
    assert "Traceback" not in out
    for secret in ("wrong-password-5512", postgres.password):
        assert secret not in out


WRONG_SECRET = {"AWS_SECRET_ACCESS_KEY": "not-the-secret-7730"}


@pytest.mark.parametrize(
    "bad", [WRONG_SECRET, {"AWS_ACCESS_KEY_ID": "AKIAUNKNOWNKEY000000"}], ids=["wrong secret", "unknown key"]
)
def test_bad_s3_credentials_say_what_to_check_and_never_print_the_secret(bad, shared_run, shared_env, tmp_path):
    done = cli("sql", "SELECT count(*) FROM documents", "-w", str(tmp_path), env=clean_environ(**shared_env | bad))
    out = said(done)
    assert done.returncode == 1, out
    assert f"cannot list the warehouse data path s3://{BUCKET}/{PREFIX} (from $CONSULTATIONS_DATA_PATH)" in out
    assert "403" in out and "Check AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY" in out and "Traceback" not in out
    assert WRONG_SECRET["AWS_SECRET_ACCESS_KEY"] not in out and shared_env["AWS_SECRET_ACCESS_KEY"] not in out


def test_with_bad_s3_credentials_the_flow_stops_at_discovery(shared_run, shared_env, tmp_path, monkeypatch):
    """Before reading a file, so nothing is landed half-way."""
    from flows.ingest import ingest
    from warehouse.connection import WarehouseUnavailable

    for name, value in (shared_env | WRONG_SECRET).items():
        monkeypatch.setenv(name, value)
    inbox = tmp_path / "inbox"
    shutil.copytree(SEEDS, inbox)
    with pytest.raises(WarehouseUnavailable, match="cannot list the warehouse data path") as error:
        ingest(str(inbox), str(tmp_path / "warehouse"))
    assert WRONG_SECRET["AWS_SECRET_ACCESS_KEY"] not in str(error.value)


def test_ingest_with_an_unreachable_catalog_stops_in_one_line_before_any_run(postgres, shared_env, tmp_path):
    env = clean_environ(**shared_env | {"CONSULTATIONS_CATALOG": f"postgres:{postgres.conninfo(port=free_port())}"})
    done = cli("ingest", str(SEEDS), "-w", str(tmp_path), env=env)
    out = said(done)
    assert done.returncode == 1, out
    assert (
        "error: cannot open the warehouse catalog postgres:dbname=consultations" in out and "Connection refused" in out
    )
    assert "Traceback" not in out and "flow run" not in out.lower()  # it never got to Prefect


@pytest.mark.parametrize(
    "command",
    [
        ("show", "000_30b19b25cf31b9f3.txt"),
        ("explain", "000_30b19b25cf31b9f3.txt"),
        ("sql", "SELECT 1"),
        ("reprocess",),
    ],
)
def test_a_bad_setting_is_one_line_for_every_command(command, tmp_path):
    env = clean_environ(CONSULTATIONS_CATALOG="mysql:host=db")
    done = cli(*command, "-w", str(tmp_path), env=env)
    out = said(done)
    assert done.returncode == 1, out
    assert "error: $CONSULTATIONS_CATALOG must be 'postgres:dbname=" in out and "Traceback" not in out
