"""Maintenance on a warehouse with several runs: every row stays, time travel within the window
still works, the number of data files drops, and it waits for a writing run (the writer lock).
Real ingest runs on the session's Prefect test server, real DuckLake; no mocks."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import time
from datetime import timedelta
from pathlib import Path

import pytest

from tests.conftest import ROOT, SEEDS
from warehouse.connection import CATALOG, connect, resolve_location
from warehouse.maintenance import maintain_warehouse
from warehouse.schema import TABLES
from warehouse.writers import writing_run

pytestmark = pytest.mark.integration


@pytest.fixture(scope="module")
def warehouse(prefect_server, tmp_path_factory) -> Path:
    """seeds/, then three runs each adding a file, one changing a file, and a no-op run."""
    from flows.ingest import ingest

    root = tmp_path_factory.mktemp("maintain")
    inbox, warehouse = root / "inbox", root / "warehouse"
    shutil.copytree(SEEDS, inbox)
    ingest(str(inbox), str(warehouse))
    for i in range(3):
        (inbox / f"note_{i}.txt").write_text(
            f"Note {i} on regional reviews\n\nThe meeting number {i} discussed safe and regular migration "
            "pathways, and the delegations agreed to report on progress before the next session.\n",
            encoding="utf-8",
        )
        ingest(str(inbox), str(warehouse))
    (inbox / "note_0.txt").write_text("Note zero, rewritten\n\nA changed text about labour migration.\n")
    ingest(str(inbox), str(warehouse))
    ingest(str(inbox), str(warehouse))
    return warehouse


def _everything(location, version: int | None = None) -> dict[str, list[tuple]]:
    at = f" AT (VERSION => {version})" if version is not None else ""
    con = connect(location, read_only=True, views=False)
    try:
        present = set(
            r[0]
            for r in con.execute("SELECT table_name FROM duckdb_tables() WHERE database_name = ?", [CATALOG]).fetchall()
        )
        return {
            name: con.execute(f'SELECT * FROM {CATALOG}."{name}"{at} ORDER BY ALL').fetchall()
            for name in TABLES
            if name in present
        }
    finally:
        con.close()


def _lake_state(location) -> tuple[list[int], int, int]:
    """Snapshot ids, live data files in the catalog, Parquet files on disk."""
    con = connect(location, read_only=True, views=False)
    try:
        snapshots = [
            r[0] for r in con.execute(f"SELECT snapshot_id FROM ducklake_snapshots('{CATALOG}') ORDER BY 1").fetchall()
        ]
        live = con.execute(
            f"SELECT count(*) FROM __ducklake_metadata_{CATALOG}.ducklake_data_file WHERE end_snapshot IS NULL"
        ).fetchone()[0]
    finally:
        con.close()
    return snapshots, live, len(list((location.root / "files").rglob("*.parquet")))


def test_maintain_keeps_every_row_and_time_travel_and_merges_files(warehouse):
    location = resolve_location(warehouse)
    before = _everything(location)
    snapshots, live_before, on_disk_before = _lake_state(location)
    recent = snapshots[-3]  # a snapshot from a few runs back: inside any window of days
    travel_before = _everything(location, recent)
    assert travel_before != before  # it is another state of the lake, worth travelling to

    done = maintain_warehouse(location, timedelta(days=30), cleanup_grace=timedelta(0))

    assert _everything(location) == before
    assert _everything(location, recent) == travel_before
    snapshots_after, live_after, on_disk_after = _lake_state(location)
    assert set(snapshots) <= set(snapshots_after)  # none was older than 30 days
    assert live_after < live_before and done.n_files_before == live_before and done.n_files_after == live_after
    assert on_disk_after < on_disk_before and done.n_deleted > 0

    # With no window, only the current snapshot (and the merge's) remain, and the rows still do.
    maintain_warehouse(location, timedelta(0), cleanup_grace=timedelta(0))
    assert _everything(location) == before
    assert len(_lake_state(location)[0]) <= 2


def _cli(*args: str, env: dict | None = None, **kwargs) -> subprocess.Popen:
    return subprocess.Popen(
        [sys.executable, "-m", "flows.cli", *args],
        cwd=ROOT,
        env={**os.environ, **(env or {})},
        text=True,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        **kwargs,
    )


def test_the_maintain_command_waits_for_a_writing_run(warehouse):
    location = resolve_location(warehouse)
    with writing_run(location, "ingest run test-holder"):
        command = _cli("maintain", "-w", str(warehouse), "--older-than", "7d")
        time.sleep(4)
        assert command.poll() is None  # still waiting for the lock
    out, err = command.communicate(timeout=120)
    assert command.returncode == 0, out + err
    assert "waiting for ingest run test-holder" in out
    assert "snapshots:" in out and "data files in use:" in out


def test_maintain_errors_are_one_line(warehouse, tmp_path):
    bad_age = _cli("maintain", "-w", str(warehouse), "--older-than", "a while")
    out, err = bad_age.communicate(timeout=60)
    assert bad_age.returncode == 1 and out.startswith("error: ") and "30d" in out
    assert "Traceback" not in out + err and not err.strip()
    missing = _cli("maintain", "-w", str(tmp_path / "nowhere"))
    out, err = missing.communicate(timeout=60)
    assert missing.returncode == 1 and out.startswith("error: no warehouse") and "Traceback" not in out + err
    assert not (tmp_path / "nowhere").exists()
