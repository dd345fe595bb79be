"""The warehouse's writer lock: a second run waits and knows for whom; a run inside a run is an
error, not a wait for itself; every folder naming one catalog shares one lock."""

from __future__ import annotations

import os
import subprocess
import sys
import time

import pytest

from tests.conftest import ROOT
from warehouse.connection import WarehouseLocation
from warehouse.writers import lock_file, writing_run

SECOND_WRITER = """
import sys
from pathlib import Path
from warehouse.connection import WarehouseLocation
from warehouse.writers import writing_run
with writing_run(WarehouseLocation(Path(sys.argv[1])), "run B", lambda holder: print("waiting for", holder, flush=True)):
    print("B writes", flush=True)
"""


def test_a_second_writer_waits_for_the_first_and_knows_who_it_is(tmp_path):
    location = WarehouseLocation(tmp_path / "wh")
    with writing_run(location, "run A"):
        assert lock_file(location).read_text() == f"run A (pid {os.getpid()})"
        second = subprocess.Popen(
            [sys.executable, "-c", SECOND_WRITER, str(location.root)], cwd=ROOT, stdout=subprocess.PIPE, text=True
        )
        assert second.stdout.readline().strip() == f"waiting for run A (pid {os.getpid()})"
        time.sleep(0.5)
        assert second.poll() is None  # still waiting while A writes
    assert second.stdout.readline().strip() == "B writes"
    assert second.wait(timeout=30) == 0
    assert lock_file(location).read_text() == ""


def test_a_run_inside_a_run_fails_instead_of_waiting_for_itself(tmp_path):
    location = WarehouseLocation(tmp_path / "wh")
    with writing_run(location, "ingest run A"):
        with pytest.raises(RuntimeError, match="already writing .*reprocess run B would wait for itself"):
            with writing_run(location, "reprocess run B"):
                pass


def test_a_writer_that_fails_lets_the_next_one_in(tmp_path):
    location = WarehouseLocation(tmp_path / "wh")
    with pytest.raises(RuntimeError, match="boom"):
        with writing_run(location, "a run that crashes"):
            raise RuntimeError("boom")
    waited = []
    with writing_run(location, "the next run", waited.append):
        pass
    assert waited == []


def test_folders_that_name_one_catalog_share_one_lock(tmp_path):
    shared_sqlite = f"sqlite:{tmp_path / 'shared' / 'catalog.sqlite'}"
    assert (
        lock_file(WarehouseLocation(tmp_path / "a", shared_sqlite))
        == lock_file(WarehouseLocation(tmp_path / "b", shared_sqlite))
        == tmp_path / "shared" / ".writer.lock"
    )
    server = "postgres:dbname=consultations host=db user=etl"
    assert lock_file(WarehouseLocation(tmp_path / "a", server)) == lock_file(WarehouseLocation(tmp_path / "b", server))
    assert lock_file(WarehouseLocation(tmp_path / "a", server)) != lock_file(
        WarehouseLocation(tmp_path / "a", "postgres:dbname=other host=db user=etl")
    )
    assert lock_file(WarehouseLocation(tmp_path / "a")) == tmp_path / "a" / ".writer.lock"
