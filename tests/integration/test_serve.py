"""`consultations serve` as someone runs it in a terminal: one command brings up the server, the
pool, the deployments and a worker; the scheduled deployment ingests when asked; Ctrl-C (or a
SIGTERM from a service manager) stops every process it started. ~40 s per start on 2 cores."""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import threading
import time

import psutil
import pytest

from flows.serve import free_port, port_is_free
from tests.conftest import ROOT, SEEDS

pytestmark = pytest.mark.integration

READY = "Ctrl-C stops the worker and the server."


class Serve:
    """`consultations serve` in a session of its own, as a terminal's foreground job."""

    def __init__(self, tmp_path):
        self.port = free_port()
        self.inbox, self.warehouse = tmp_path / "inbox", tmp_path / "wh"
        shutil.copytree(SEEDS, self.inbox)
        env = {k: v for k, v in os.environ.items() if not k.startswith("PREFECT_API_")}
        self.process = subprocess.Popen(
            [
                sys.executable,
                "-m",
                "flows.cli",
                "serve",
                str(self.inbox),
                "-w",
                str(self.warehouse),
                "--port",
                str(self.port),
                "--prefect-home",
                str(tmp_path / "prefect-home"),
            ],
            cwd=ROOT,
            env=env,
            text=True,
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
        self.lines: list[str] = []
        threading.Thread(target=self._read, daemon=True).start()

    def _read(self) -> None:
        for line in self.process.stdout:
            self.lines.append(line.rstrip("\n"))

    @property
    def api_url(self) -> str:
        return f"http://127.0.0.1:{self.port}/api"

    def wait_ready(self, timeout: float = 240) -> list[psutil.Process]:
        """Once it says how to stop it: every process it started (server, worker)."""
        deadline = time.monotonic() + timeout
        while READY not in self.lines:
            assert self.process.poll() is None, "serve exited:\n" + "\n".join(self.lines)
            assert time.monotonic() < deadline, "serve never got ready:\n" + "\n".join(self.lines)
            time.sleep(0.2)
        return psutil.Process(self.process.pid).children(recursive=True)

    def stopped_within(self, timeout: float) -> bool:
        try:
            self.process.wait(timeout=timeout)
            return True
        except subprocess.TimeoutExpired:
            return False

    def kill(self) -> None:
        """The cleanup when a test failed: serve's group and every process it started."""
        if self.process.poll() is None:
            family = psutil.Process(self.process.pid).children(recursive=True)
            os.killpg(self.process.pid, signal.SIGKILL)
            for child in family:
                try:
                    child.kill()
                except psutil.NoSuchProcess:
                    pass
            self.process.wait(timeout=30)


def alive(processes: list[psutil.Process]) -> list[str]:
    left = []
    for process in processes:
        try:
            if process.is_running() and process.status() != psutil.STATUS_ZOMBIE:
                left.append(" ".join(process.cmdline()[:6]))
        except psutil.NoSuchProcess:
            continue
    return left


def gone_within(processes: list[psutil.Process], timeout: float = 15) -> list[str]:
    deadline = time.monotonic() + timeout
    while (left := alive(processes)) and time.monotonic() < deadline:
        time.sleep(0.2)
    return left


@pytest.fixture
def serve(tmp_path):
    started = Serve(tmp_path)
    try:
        yield started
    finally:
        started.kill()


def test_serve_ingests_on_demand_and_ctrl_c_stops_everything(serve):
    from warehouse.connection import connect, resolve_location

    family = serve.wait_ready()
    names = " ".join(" ".join(p.cmdline()) for p in family)
    assert "server start" in names and "worker start --pool consultations" in names
    assert any(f"Prefect UI:  http://127.0.0.1:{serve.port}" in line for line in serve.lines)

    # What the README says to run, against the server serve started.
    run = subprocess.run(
        [sys.executable, "-m", "prefect", "deployment", "run", "ingest/ingest-inbox", "--watch"],
        cwd=ROOT,
        env={**os.environ, "PREFECT_API_URL": serve.api_url},
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert run.returncode == 0, run.stdout + run.stderr
    assert "COMPLETED" in (run.stdout + run.stderr).upper()
    con = connect(resolve_location(serve.warehouse), read_only=True)
    try:
        assert con.execute("SELECT count(*) FROM documents").fetchone() == (5,)
    finally:
        con.close()

    os.killpg(serve.process.pid, signal.SIGINT)  # Ctrl-C: the terminal signals its foreground group
    assert serve.stopped_within(60), "serve did not stop on the first Ctrl-C:\n" + "\n".join(serve.lines)
    assert serve.process.returncode == 0 and "Stopped." in serve.lines
    assert not gone_within(family), f"still running after Ctrl-C: {alive(family)}"
    assert port_is_free("127.0.0.1", serve.port)


def test_a_sigterm_to_serve_alone_stops_the_worker_and_the_server(serve):
    family = serve.wait_ready()
    serve.process.send_signal(signal.SIGTERM)  # what `kill` or a container's stop sends
    assert serve.stopped_within(60), "serve did not stop on SIGTERM:\n" + "\n".join(serve.lines)
    assert serve.process.returncode == 0 and "Stopped." in serve.lines
    assert not gone_within(family), f"still running after SIGTERM: {alive(family)}"
    assert port_is_free("127.0.0.1", serve.port)
