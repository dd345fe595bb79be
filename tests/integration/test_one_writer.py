"""Two runs on one warehouse never write at once: the second waits for the first, then sees
what the first landed. Real `consultations` processes, started together."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import threading
import time

import pytest

from tests.conftest import ROOT, SEEDS

pytestmark = pytest.mark.integration


class Command:
    """A `consultations` process whose stderr is read as it comes."""

    def __init__(self, *args: str, env: dict[str, str]):
        self.process = subprocess.Popen(
            [sys.executable, "-m", "flows.cli", *args],
            cwd=ROOT,
            env=env,
            text=True,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
        )
        self.lines: list[str] = []
        self._reader = threading.Thread(target=self._read, daemon=True)
        self._reader.start()

    def _read(self) -> None:
        for line in self.process.stderr:
            self.lines.append(line.rstrip("\n"))

    def said(self, text: str) -> bool:
        return any(text in line for line in self.lines)

    def finish(self, timeout: float = 180) -> str:
        stdout, _ = self.process.communicate(timeout=timeout)
        self._reader.join(timeout=10)
        return stdout

    def stop(self) -> None:
        if self.process.poll() is None:
            self.process.kill()
            self.process.wait(timeout=30)


def wait_until(condition, timeout: float = 120) -> bool:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if condition():
            return True
        time.sleep(0.1)
    return False


def test_two_ingests_of_one_inbox_land_each_document_once(prefect_server, tmp_path):
    from prefect.settings import PREFECT_API_URL

    from warehouse.connection import connect, resolve_location
    from warehouse.writers import writing_run

    inbox, warehouse = tmp_path / "inbox", tmp_path / "wh"
    shutil.copytree(SEEDS, inbox)
    env = {**os.environ, "PREFECT_API_URL": PREFECT_API_URL.value()}
    location = resolve_location(warehouse)
    commands = []
    try:
        # Both start while another writer (this test) holds the warehouse, so both have to wait,
        # and then one after the other: neither may land what the other already has.
        with writing_run(location, "the test"):
            commands = [Command("ingest", str(inbox), "-w", str(warehouse), env=env) for _ in range(2)]
            assert wait_until(lambda: all(c.said("waiting for the test (pid ") for c in commands)), [
                c.lines for c in commands
            ]
        outputs = [c.finish() for c in commands]
    finally:
        for command in commands:
            command.stop()
    assert [c.process.returncode for c in commands] == [0, 0], [c.lines for c in commands]
    results = [" ".join(out.split()) for out in outputs]
    assert sorted("5 new, 0 changed, 0 unchanged" in out for out in results) == [False, True], results
    assert sorted("0 new, 0 changed, 5 unchanged" in out for out in results) == [False, True], results
    con = connect(location, read_only=True)
    try:
        assert con.execute("SELECT count(*), count(DISTINCT doc_id) FROM documents").fetchone() == (5, 5)
        assert (
            con.execute("SELECT count(*) FROM (SELECT DISTINCT doc_id, section_no, para_no FROM paragraphs)").fetchone()
            == con.execute("SELECT count(*) FROM paragraphs").fetchone()
        )
        assert con.execute("SELECT count(*) FROM runs").fetchone() == (2,)
    finally:
        con.close()
