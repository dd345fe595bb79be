"""The warehouse's writer lock: the second run waits, knows for whom, and goes on after."""
from __future__ import annotations

import os
import threading

from warehouse.connection import WarehouseLocation
from warehouse.writers import LOCK_NAME, writing_run


def test_a_second_writer_waits_for_the_first_and_knows_who_it_is(tmp_path):
    location = WarehouseLocation(tmp_path / "wh")
    waited_for, order = [], []

    def second():
        with writing_run(location, "ingest run B", waited_for.append):
            order.append("B writes")

    with writing_run(location, "ingest run A"):
        assert (tmp_path / "wh" / LOCK_NAME).read_text() == f"ingest run A (pid {os.getpid()})"
        other = threading.Thread(target=second)
        other.start()
        other.join(timeout=1)
        assert other.is_alive() and order == []  # still waiting
        order.append("A done")
    other.join(timeout=10)
    assert order == ["A done", "B writes"]
    assert waited_for == [f"ingest run A (pid {os.getpid()})"]
    assert (tmp_path / "wh" / LOCK_NAME).read_text() == ""


def test_a_writer_that_fails_lets_the_next_one_in(tmp_path):
    location = WarehouseLocation(tmp_path / "wh")
    try:
        with writing_run(location, "a run that crashes"):
            raise RuntimeError("boom")
    except RuntimeError:
        pass
    waited = []
    with writing_run(location, "the next run", waited.append):
        pass
    assert waited == []
