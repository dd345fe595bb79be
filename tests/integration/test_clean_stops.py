"""Clean stops: Ctrl-C or SIGTERM to a running `consultations ingest`, as a user sends them from a
terminal, ends it within 5 s in a few lines with no traceback, leaves no process, lock or running
flow run behind, keeps the batches that landed, and the next run goes on with the rest. A kill -9
takes the temporary Prefect server and the worker processes with it.

The command runs in a pseudo-terminal that is its controlling terminal, so a Ctrl-C (byte 0x03)
reaches its whole foreground process group, as it does for a user. One PREFECT_HOME for the
module: the temporary server's database is made once, and read afterwards for the runs' states."""

from __future__ import annotations

import errno
import fcntl
import os
import random
import re
import select
import signal
import sqlite3
import struct
import subprocess
import sys
import termios
import time
from pathlib import Path

import psutil
import pytest

pytestmark = pytest.mark.integration

ROOT = Path(__file__).resolve().parents[2]
N_DOCUMENTS = 60
BATCH_SIZE = 10
# Become the session leader's controlling terminal, then the command (a terminal's shell does this).
_WITH_TERMINAL = (
    "import fcntl, os, sys, termios; fcntl.ioctl(0, termios.TIOCSCTTY, 0); os.execv(sys.argv[1], sys.argv[1:])"
)
_WORDS = (
    "the committee notes that member states should report on progress made in implementing water "
    "policy and sustainable development goals within the framework of regional cooperation"
).split()


def write_inbox(folder: Path, n: int) -> None:
    """`n` plain-text reports of ~25 KB: numbered sections of generated sentences, each file unique."""
    folder.mkdir(parents=True)
    rnd = random.Random(13)
    for i in range(n):
        paragraphs = [f"Report {i} on regional cooperation"]
        for p in range(20):
            if p % 10 == 0:
                paragraphs.append(f"{p // 10 + 1}. Progress in area {i}-{p}")
            sentences = [" ".join(rnd.choice(_WORDS) for _ in range(14)).capitalize() + "." for _ in range(4)]
            paragraphs.append(" ".join(sentences))
        (folder / f"report_{i:05d}.txt").write_text("\n\n".join(paragraphs) + "\n")


class Terminal:
    """`consultations ARGS` in a pseudo-terminal; what it prints is kept in `text`."""

    def __init__(self, args: list[str], env: dict[str, str]):
        master, slave = os.openpty()
        fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", 50, 200, 0, 0))  # rows, columns
        self.process = subprocess.Popen(
            [sys.executable, "-c", _WITH_TERMINAL, sys.executable, "-m", "flows.cli", *args],
            stdin=slave,
            stdout=slave,
            stderr=slave,
            cwd=ROOT,
            env=env,
            start_new_session=True,
        )
        os.close(slave)
        self.master, self.output = master, b""
        fcntl.fcntl(master, fcntl.F_SETFL, fcntl.fcntl(master, fcntl.F_GETFL) | os.O_NONBLOCK)

    @property
    def text(self) -> str:
        """What it printed, without the terminal's colour and cursor codes."""
        return re.sub(r"\x1b\[[0-9;?]*[A-Za-z]", "", self.output.decode(errors="replace"))

    def text_since(self, offset: int) -> str:
        return re.sub(r"\x1b\[[0-9;?]*[A-Za-z]", "", self.output[offset:].decode(errors="replace"))

    def read(self, seconds: float) -> None:
        deadline = time.monotonic() + seconds
        while (left := deadline - time.monotonic()) > 0:
            if select.select([self.master], [], [], min(left, 0.2))[0]:
                try:
                    chunk = os.read(self.master, 65536)
                except OSError as error:  # EIO: every process holding the terminal is gone
                    if error.errno == errno.EIO:
                        return
                    raise
                if not chunk:
                    return
                self.output += chunk

    def wait_for(self, predicate, timeout: float) -> None:
        deadline = time.monotonic() + timeout
        while not predicate(self.text):
            assert self.process.poll() is None, f"exited early ({self.process.returncode}):\n{self.text}"
            assert time.monotonic() < deadline, f"not seen within {timeout} s:\n{self.text}"
            self.read(0.5)

    def finish(self, timeout: float) -> int | None:
        """Read until the command exits; its exit status, or None if it did not exit in time."""
        deadline = time.monotonic() + timeout
        while self.process.poll() is None and time.monotonic() < deadline:
            self.read(0.1)
        self.read(0.3)
        return self.process.poll()

    def close(self) -> None:
        if self.process.poll() is None:
            self.process.kill()
            self.process.wait()
        os.close(self.master)


@pytest.fixture(scope="module")
def setup(tmp_path_factory):
    root = tmp_path_factory.mktemp("stops")
    write_inbox(root / "inbox", N_DOCUMENTS)
    env = {k: v for k, v in os.environ.items() if not k.startswith("PREFECT_")}
    env.update(
        PREFECT_HOME=str(root / "prefect"),
        PREFECT_SERVER_ANALYTICS_ENABLED="false",
        DO_NOT_TRACK="1",
        COLUMNS="120",
        TERM="xterm",
    )
    return root, env


def ingest(setup, warehouse: str = "warehouse") -> Terminal:
    root, env = setup
    return Terminal(["ingest", str(root / "inbox"), "-w", str(root / warehouse), "--batch-size", str(BATCH_SIZE)], env)


def _landed_some(text: str) -> bool:
    """The progress bar shows `k/N` with k > 0: a batch has landed."""
    return any(int(done) > 0 for done, _ in re.findall(r"(\d+)/(\d+)", text))


def family(pid: int) -> list[psutil.Process]:
    try:
        return psutil.Process(pid).children(recursive=True)
    except psutil.NoSuchProcess:
        return []


def alive(processes: list[psutil.Process]) -> list[str]:
    left = []
    for p in processes:
        try:
            if p.is_running() and p.status() != psutil.STATUS_ZOMBIE:
                left.append(f"{p.pid} {' '.join(p.cmdline())[:120]}")
        except psutil.NoSuchProcess:
            pass
    return left


def landed_documents(setup) -> int:
    from warehouse.connection import resolve_location
    from warehouse.queries import run_sql

    root, _ = setup
    _, rows = run_sql(resolve_location(root / "warehouse"), "SELECT count(*) FROM documents")
    return rows[0][0]


def flow_run_states(setup) -> list[str]:
    root, _ = setup
    with sqlite3.connect(root / "prefect" / "prefect.db") as db:
        return [row[0] for row in db.execute("SELECT state_type FROM flow_run")]


def stop_while_landing(setup, send) -> tuple[Terminal, int | None, float, list[psutil.Process], str]:
    """Start an ingest, wait for a batch to land, `send` the stop; (terminal, exit status,
    seconds to exit, the process tree before the stop, what it printed after it)."""
    term = ingest(setup)
    term.wait_for(_landed_some, timeout=150)
    term.read(0.5)  # mid-batch
    tree = family(term.process.pid)
    assert tree, "the command should have a temporary server and workers by now"
    started = time.monotonic()
    before = len(term.output)
    send(term)
    status = term.finish(timeout=15)
    return term, status, time.monotonic() - started, tree, term.text_since(before)


def check_clean_stop(term, status, seconds, tree, said, expected_status, who) -> None:
    assert status == expected_status, f"exit status {status}:\n{term.text[-3000:]}"
    assert seconds < 5, f"took {seconds:.1f} s to stop"
    assert "Traceback" not in term.text
    lines = [line for line in said.replace("\r", "\n").splitlines() if line.strip()]
    assert len(lines) <= 3, said
    assert f"stopped by {who}" in said and "landed" in said, said
    assert not alive(tree), f"left running: {alive(tree)}"


def test_ctrl_c_then_sigterm_stop_cleanly_and_the_next_run_lands_the_rest(setup):
    term, status, seconds, tree, said = stop_while_landing(setup, lambda t: os.write(t.master, b"\x03"))
    term.close()
    check_clean_stop(term, status, seconds, tree, said, 130, "Ctrl-C")
    after_first = landed_documents(setup)
    assert 0 < after_first < N_DOCUMENTS

    term, status, seconds, tree, said = stop_while_landing(setup, lambda t: t.process.send_signal(signal.SIGTERM))
    term.close()
    check_clean_stop(term, status, seconds, tree, said, 143, "SIGTERM")
    assert f"{N_DOCUMENTS - after_first} documents to process" in term.text  # went on from the first
    after_second = landed_documents(setup)
    assert after_first < after_second < N_DOCUMENTS

    term = ingest(setup)  # no lock left: it starts at once, and lands the rest
    status = term.finish(timeout=240)
    term.close()
    assert status == 0, term.text[-3000:]
    assert "waiting for" not in term.text  # the stopped runs' lock went with them
    assert f"{N_DOCUMENTS - after_second} new" in term.text
    assert landed_documents(setup) == N_DOCUMENTS
    assert "RUNNING" not in flow_run_states(setup)
    assert flow_run_states(setup).count("CANCELLED") == 2


def test_kill_9_takes_the_server_and_workers_with_it(setup):
    term = ingest(setup, "another-warehouse")
    term.wait_for(_landed_some, timeout=150)
    tree = family(term.process.pid)
    os.kill(term.process.pid, signal.SIGKILL)
    term.process.wait()
    deadline = time.monotonic() + 5
    while alive(tree) and time.monotonic() < deadline:
        time.sleep(0.1)
    term.close()
    assert tree and not alive(tree), f"left running: {alive(tree)}"
