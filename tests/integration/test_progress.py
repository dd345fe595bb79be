"""Progress as people see it: real runs tell how far they have got, and `consultations ingest`
shows it as a bar in a terminal and as plain lines in a pipe."""

from __future__ import annotations

import os
import pty
import re
import shutil
import socket
import subprocess
import sys

import pytest

from flows.progress import DISCOVERED, LANDED, LANDING, PROCESSING, listening
from tests.conftest import ROOT, SEEDS
from tests.run_logs import run_logs_contain

pytestmark = pytest.mark.integration


@pytest.fixture
def inbox(tmp_path):
    folder = tmp_path / "inbox"
    shutil.copytree(SEEDS, folder)
    (folder / "[draft] empty.txt").write_bytes(b"")  # a name that is also rich markup
    return folder


def test_an_ingest_tells_its_progress_batch_by_batch(prefect_server, inbox, tmp_path):
    from flows.ingest import ingest

    events = []
    with listening(events.append):
        result = ingest(str(inbox), str(tmp_path / "wh"), batch_size=2)
    assert [e.phase for e in events] == [DISCOVERED] + [PROCESSING] * 3 + [LANDING, LANDED]
    assert [e.done for e in events] == [0, 2, 4, 6, 6, 6] and {e.total for e in events} == {6}
    assert events[-1].failed == result.n_failed == 1
    assert all(a.seconds <= b.seconds for a, b in zip(events, events[1:]))
    assert {e.worker for e in events if e.phase == PROCESSING} == {f"{socket.gethostname()}:{os.getpid()}"}
    assert run_logs_contain(result.run_id, "6/6 documents processed, 1 failed so far; the last 2 on "), (
        "no per-batch progress line in the run's logs"
    )

    events.clear()
    with listening(events.append):
        again = ingest(str(inbox), str(tmp_path / "wh"), batch_size=2)
    assert again.n_unchanged == 6
    assert [(e.phase, e.total, e.skipped) for e in events] == [(DISCOVERED, 0, 6), (LANDING, 0, 6), (LANDED, 0, 6)]


def test_a_reprocess_tells_its_progress(prefect_server, inbox, tmp_path):
    from flows.ingest import ingest
    from flows.reprocess import reprocess

    ingest(str(inbox), str(tmp_path / "wh"))
    events = []
    with listening(events.append):
        reprocess(str(tmp_path / "wh"), all_documents=True, batch_size=4)
    assert [(e.flow, e.phase, e.done, e.total) for e in events] == [
        ("reprocess", DISCOVERED, 0, 5),
        ("reprocess", PROCESSING, 4, 5),
        ("reprocess", PROCESSING, 5, 5),
        ("reprocess", LANDING, 5, 5),
        ("reprocess", LANDED, 5, 5),
    ]


def _cli_env() -> dict[str, str]:
    """The command talks to this session's Prefect server instead of starting its own."""
    from prefect.settings import PREFECT_API_URL

    return {**os.environ, "PREFECT_API_URL": PREFECT_API_URL.value(), "COLUMNS": "120"}


def test_ingest_in_a_pipe_prints_plain_progress_lines_on_stderr(prefect_server, inbox, tmp_path):
    done = subprocess.run(
        [sys.executable, "-m", "flows.cli", "ingest", str(inbox), "-w", str(tmp_path / "wh"), "--batch-size", "2"],
        capture_output=True,
        text=True,
        timeout=180,
        cwd=ROOT,
        env=_cli_env(),
    )
    assert done.returncode == 0, done.stderr
    lines = done.stderr.splitlines()
    assert "ingest: 6 documents to process" in lines
    processed = [
        line for line in lines if re.fullmatch(r"ingest: \d/6 documents processed, \d failed \([\d.]+ s\)", line)
    ]
    assert [line.split()[1] for line in processed] == ["2/6", "4/6", "6/6"]
    assert processed[-1].startswith("ingest: 6/6 documents processed, 1 failed")
    assert any(line.startswith("ingest: landed (") for line in lines)
    assert "\x1b[" not in done.stderr and "━" not in done.stderr
    assert "documents processed" not in done.stdout and "6 files seen, 6 new" in done.stdout
    assert "failed [draft] empty.txt at extract: empty:" in " ".join(done.stdout.split())


def test_ingest_in_a_terminal_draws_a_progress_bar(prefect_server, inbox, tmp_path):
    """A real pseudo-terminal, as when someone types the command."""
    controller, terminal = pty.openpty()
    process = subprocess.Popen(
        [sys.executable, "-m", "flows.cli", "ingest", str(inbox), "-w", str(tmp_path / "wh")],
        stdin=terminal,
        stdout=terminal,
        stderr=terminal,
        cwd=ROOT,
        env=_cli_env(),
    )
    os.close(terminal)
    screen = b""
    try:
        while True:
            try:
                chunk = os.read(controller, 65536)
            except OSError:  # the terminal closed: the command ended
                break
            if not chunk:
                break
            screen += chunk
    finally:
        os.close(controller)
        process.wait(timeout=180)
    assert process.returncode == 0, screen.decode(errors="replace")[-2000:]
    text = re.sub(r"\x1b\[[0-9;?]*[A-Za-z]", "", screen.decode())
    frames = [frame for frame in re.split(r"[\r\n]", text) if "━" in frame and " documents, " in frame]
    assert frames, f"no progress bar drawn:\n{text[-2000:]}"
    assert "ingest: landed" in frames[-1] and "6/6 documents, 1 failed" in frames[-1]
    assert "6 files seen, 6 new" in text
