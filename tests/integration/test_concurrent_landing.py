"""A run that lands while another writer holds the catalog waits, retries and loses nothing.

The other writer is a real second process holding SQLite's write lock on the catalog (as a
commit in progress does); it lets go only once the run has hit the lock and said so."""

from __future__ import annotations

import logging
import shutil
import subprocess
import sys

import pytest

from tests.conftest import SEEDS
from tests.run_logs import run_logs_contain

pytestmark = pytest.mark.integration

HOLD_THE_WRITE_LOCK = """
import sqlite3, sys
catalog = sqlite3.connect(sys.argv[1], isolation_level=None)
catalog.execute("BEGIN IMMEDIATE")  # readers go on, writers get "database is locked"
print("locked", flush=True)
sys.stdin.readline()
catalog.execute("ROLLBACK")
"""


class ReleaseOnConflict(logging.Handler):
    """Lets the other writer go when the landing reports that it ran into it."""

    def __init__(self, holder: subprocess.Popen):
        super().__init__()
        self.holder, self.conflicts = holder, []

    def emit(self, record: logging.LogRecord) -> None:
        message = record.getMessage()
        if "conflicted with another writer" in message:
            self.conflicts.append(message)
            if self.holder.poll() is None:
                self.holder.stdin.write("\n")
                self.holder.stdin.flush()


def test_a_run_landing_during_another_commit_waits_and_loses_nothing(prefect_server, tmp_path):
    from flows.ingest import ingest
    from warehouse.connection import connect, resolve_location

    inbox, warehouse = tmp_path / "inbox", tmp_path / "wh"
    shutil.copytree(SEEDS, inbox)
    (inbox / "000_30b19b25cf31b9f3.txt").rename(tmp_path / "later.txt")
    ingest(str(inbox), str(warehouse))
    shutil.move(tmp_path / "later.txt", inbox / "000_30b19b25cf31b9f3.txt")

    location = resolve_location(warehouse)
    holder = subprocess.Popen(
        [sys.executable, "-c", HOLD_THE_WRITE_LOCK, str(location.catalog_file)],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    watcher = ReleaseOnConflict(holder)
    run_logs = logging.getLogger("prefect.task_runs")
    run_logs.addHandler(watcher)
    try:
        assert holder.stdout.readline().strip() == "locked"
        result = ingest(str(inbox), str(warehouse))
    finally:
        run_logs.removeHandler(watcher)
        if holder.poll() is None:
            holder.stdin.write("\n")
            holder.stdin.flush()
        holder.wait(timeout=30)

    assert watcher.conflicts, "the run never met the other writer's lock"
    assert "landing attempt 1 conflicted with another writer (" in watcher.conflicts[0]
    assert "database is locked" in watcher.conflicts[0]
    assert (result.n_new, result.n_unchanged, result.n_failed) == (1, 4, 0)
    assert run_logs_contain(result.run_id, "landing attempt 1 conflicted with another writer")
    con = connect(location, read_only=True)
    try:
        assert con.execute("SELECT count(*) FROM documents").fetchone() == (5,)
        assert con.execute("SELECT count(*), count(DISTINCT run_id) FROM runs").fetchone() == (2, 2)
        assert con.execute(
            "SELECT count(*) FROM documents WHERE source_path = '000_30b19b25cf31b9f3.txt'"
        ).fetchone() == (1,)
    finally:
        con.close()
