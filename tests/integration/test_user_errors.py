"""The machine's errors a user can meet during `consultations ingest`, each for real, each one line
that says what to do, exit status 1, no traceback, no temporary Prefect server left running:
the server not starting in time, a full disk (a small tmpfs: needs root), a warehouse this user
may not write and an inbox it may not read (as root without the capabilities that bypass file
permissions: setpriv)."""

from __future__ import annotations

import os
import random
import shutil
import string
import subprocess
import sys
from pathlib import Path

import psutil
import pytest

pytestmark = pytest.mark.integration

ROOT = Path(__file__).resolve().parents[2]
SEEDS = ROOT / "seeds"
# Root as an ordinary user would be: file permissions apply (Linux capabilities dropped).
AS_ORDINARY_USER = ["setpriv", "--bounding-set=-dac_override,-dac_read_search,-fowner", "--"]


def cli(*args: str, home: Path, prefix: list[str] = (), **env: str) -> subprocess.CompletedProcess:
    environ = {k: v for k, v in os.environ.items() if not k.startswith("PREFECT_")}
    environ.update(PREFECT_HOME=str(home), PREFECT_SERVER_ANALYTICS_ENABLED="false", DO_NOT_TRACK="1", **env)
    return subprocess.run(
        [*prefix, sys.executable, "-m", "flows.cli", *args],
        capture_output=True,
        text=True,
        timeout=240,
        cwd=ROOT,
        env=environ,
    )


def servers_of(home: Path) -> list[int]:
    """Temporary Prefect servers still running with this PREFECT_HOME."""
    found = []
    for process in psutil.process_iter(["cmdline"]):
        try:
            if "prefect.server.api.server:create_app" in " ".join(process.info["cmdline"] or ()):
                if process.environ().get("PREFECT_HOME") == str(home):
                    found.append(process.pid)
        except psutil.Error:
            pass
    return found


def one_line_error(done: subprocess.CompletedProcess, home: Path) -> str:
    output = (done.stdout + done.stderr).strip()
    assert done.returncode == 1, output
    assert "Traceback" not in output, output
    errors = [line for line in output.splitlines() if line.startswith("error:")]
    assert len(errors) == 1, output
    assert not servers_of(home)
    return errors[0]


def test_a_server_that_does_not_start_in_time_is_one_line(tmp_path):
    done = cli(
        "ingest",
        str(SEEDS),
        "-w",
        str(tmp_path / "w"),
        home=tmp_path / "p",
        PREFECT_SERVER_EPHEMERAL_STARTUP_TIMEOUT_SECONDS="1",
    )
    line = one_line_error(done, tmp_path / "p")
    assert "did not start within 1 s" in line and "PREFECT_SERVER_EPHEMERAL_STARTUP_TIMEOUT_SECONDS" in line


@pytest.fixture
def small_disk(tmp_path):
    """A 1 MB file system: room for a warehouse's catalog, not for the documents."""
    if os.geteuid() != 0 or not shutil.which("mount"):
        pytest.skip("mounting a tmpfs needs root")
    where = tmp_path / "disk"
    where.mkdir()
    if subprocess.run(["mount", "-t", "tmpfs", "-o", "size=1m", "tmpfs", str(where)]).returncode != 0:
        pytest.skip("cannot mount a tmpfs here")
    yield where
    subprocess.run(["umount", "-l", str(where)])


def test_a_full_disk_is_one_line(tmp_path, small_disk):
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    rnd = random.Random(7)
    for i in range(40):  # ~2.4 MB of words that do not compress much: more than the disk holds once landed
        words = ("".join(rnd.choice(string.ascii_lowercase) for _ in range(rnd.randint(2, 9))) for _ in range(9000))
        (inbox / f"report_{i}.txt").write_text(f"Report {i}\n\n" + " ".join(words) + ".\n")
    done = cli("ingest", str(inbox), "-w", str(small_disk / "w"), "--batch-size", "10", home=tmp_path / "p")
    line = one_line_error(done, tmp_path / "p")
    assert line.startswith("error: the disk is full") and str(small_disk) in line, line


@pytest.fixture
def setpriv():
    if os.geteuid() != 0 or not shutil.which("setpriv"):
        pytest.skip("needs root and setpriv to act as a user without those rights")
    probe = subprocess.run([*AS_ORDINARY_USER, "true"])
    if probe.returncode != 0:
        pytest.skip("cannot drop capabilities here")


def test_a_warehouse_this_user_may_not_write_is_one_line(tmp_path, setpriv):
    from warehouse.connection import connect, resolve_location

    warehouse = tmp_path / "w"
    connect(resolve_location(warehouse)).close()  # an empty warehouse, made as its owner
    subprocess.run(["chmod", "-R", "a-w", str(warehouse)], check=True)
    try:
        done = cli("ingest", str(SEEDS), "-w", str(warehouse), home=tmp_path / "p", prefix=AS_ORDINARY_USER)
    finally:
        subprocess.run(["chmod", "-R", "u+w", str(warehouse)], check=True)
    line = one_line_error(done, tmp_path / "p")
    assert str(warehouse) in line and "write access to the warehouse" in line, line


def test_an_inbox_this_user_may_not_read_is_one_line(tmp_path, setpriv):
    inbox = tmp_path / "inbox"
    shutil.copytree(SEEDS, inbox)
    inbox.chmod(0)
    try:
        done = cli("ingest", str(inbox), "-w", str(tmp_path / "w"), home=tmp_path / "p", prefix=AS_ORDINARY_USER)
    finally:
        inbox.chmod(0o755)
    line = one_line_error(done, tmp_path / "p")
    assert str(inbox) in line and "read access to the inbox" in line, line
