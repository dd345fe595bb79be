"""The supervised worker pool (tasks/parallel.py): a document past its time or memory budget, or
whose worker dies, fails typed on its own; the others in its batch go on; no worker outlives the
flow. The per-item work is tests/pool_work.py (it travels to the workers by name)."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

import psutil
import pytest

from tasks.domain.budget import Budget
from tasks.parallel import parallel_each, shutdown_workers
from tests.pool_work import identify, work

ROOT = Path(__file__).resolve().parents[2]


def _items(n: int, what: str = "sleep", amount: float = 0.01) -> list[tuple[str, str, str, float]]:
    return [(f"doc{i}.txt", f"id{i}", what, amount) for i in range(n)]


def _worker_pids(pid: int | None = None) -> set[int]:
    children = psutil.Process(pid or os.getpid()).children()
    return {c.pid for c in children if "spawn_main" in " ".join(_cmdline(c))}


def _cmdline(process: psutil.Process) -> list[str]:
    try:
        return process.cmdline()
    except psutil.Error:
        return []


def test_a_document_past_its_time_budget_fails_alone_and_quickly():
    items = _items(6)
    items[2] = ("slow.txt", "slow", "sleep", 60.0)
    started = time.monotonic()
    done, failed, seconds = parallel_each(items, work, "clean", identify, Budget(time_s=1.5))
    assert time.monotonic() - started < 20  # killed at its deadline, not after a minute
    assert done == ["id0", "id1", "id3", "id4", "id5"]  # the others, in order
    (failure,) = failed
    assert (failure.source_path, failure.stage, failure.error_type) == ("slow.txt", "clean", "time_budget")
    assert "\n" not in failure.error_message and "--time-budget" in failure.error_message
    assert 1.0 < seconds["slow.txt"] < 20


def test_seconds_spent_in_earlier_stages_count_against_the_budget():
    items = [
        ("late.txt", "late", "sleep", 1.0),
        ("spent.txt", "spent", "sleep", 0.0),
        ("fresh.txt", "fresh", "sleep", 1.0),
    ]
    spent = {"late.txt": 2.5, "spent.txt": 3.0}
    done, failed, _ = parallel_each(items, work, "language", identify, Budget(time_s=3.0), spent)
    assert done == ["fresh"]
    assert {(f.source_path, f.error_type) for f in failed} == {
        ("late.txt", "time_budget"),
        ("spent.txt", "time_budget"),
    }


def test_a_worker_that_crashes_takes_only_its_document_down():
    items = _items(8)
    items[3] = ("crash.pdf", "crash", "segfault", 0)
    done, failed, _ = parallel_each(items, work, "extract", identify)
    assert done == [f"id{i}" for i in range(8) if i != 3]
    (failure,) = failed
    assert (failure.source_path, failure.error_type) == ("crash.pdf", "worker_died")
    assert "SIGSEGV" in failure.error_message and "\n" not in failure.error_message


def test_a_worker_killed_mid_batch_fails_its_document_and_the_rest_go_on(tmp_path):
    """As the OOM killer or a user's kill -9 would: the worker holding the slow document is killed."""
    items = _items(6)
    flag = tmp_path / "victim.txt"  # the slow document writes its worker's pid there
    items[2] = (str(flag), "victim", "announce_and_sleep", 60.0)
    killed: list[int] = []

    def kill_its_worker():
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline and not flag.exists():
            time.sleep(0.02)
        time.sleep(0.1)  # the pid written whole
        killed.append(int(flag.read_text()))
        os.kill(killed[0], signal.SIGKILL)

    killer = threading.Thread(target=kill_its_worker)
    killer.start()
    done, failed, _ = parallel_each(items, work, "structure", identify, Budget(time_s=120))
    killer.join()
    assert done == ["id0", "id1", "id3", "id4", "id5"]
    (failure,) = failed
    assert (failure.source_path, failure.error_type) == (str(flag), "worker_died")
    assert "SIGKILL" in failure.error_message and "\n" not in failure.error_message
    assert killed[0] not in _worker_pids()
    done, _, _ = parallel_each(_items(4), work, "clean", identify)  # the pool is whole again
    assert len(done) == 4


def test_a_document_past_its_memory_budget_fails_typed():
    items = _items(4, "hold", 8)
    items[1] = ("huge.txt", "huge", "hold", 600)
    done, failed, _ = parallel_each(items, work, "structure", identify, Budget(memory_mb=100))
    assert done == ["id0", "id2", "id3"]
    (failure,) = failed
    assert (failure.source_path, failure.error_type) == ("huge.txt", "memory_budget")
    assert "--memory-budget" in failure.error_message and "\n" not in failure.error_message


def test_an_ordinary_failure_stays_typed_as_before():
    items = _items(3)
    items[0] = ("bad.txt", "bad", "fail", 0)
    done, failed, _ = parallel_each(items, work, "clean", identify)
    assert done == ["id1", "id2"]
    assert [(f.source_path, f.error_type, f.error_message) for f in failed] == [("bad.txt", "ValueError", "bad is bad")]


def test_workers_are_kept_warm_and_shutdown_kills_them_all():
    parallel_each(_items(4), work, "clean", identify)
    first = _worker_pids()
    assert first
    parallel_each(_items(4), work, "clean", identify)
    assert _worker_pids() == first  # the same processes, reused
    assert shutdown_workers() >= len(first)
    assert not _worker_pids()
    done, _, _ = parallel_each(_items(2), work, "clean", identify)  # and a later call starts afresh
    assert done == ["id0", "id1"]


def test_workers_started_from_a_thread_that_ended_stay_alive():
    """Linux's parent-death signal follows the thread that started a process: the workers are
    started from one long-lived thread, not from the (short-lived) thread of a task."""
    shutdown_workers()
    thread = threading.Thread(target=parallel_each, args=(_items(2), work, "clean", identify))
    thread.start()
    thread.join()
    pids = _worker_pids()
    assert pids
    time.sleep(0.5)
    assert _worker_pids() == pids
    done, _, _ = parallel_each(_items(2), work, "clean", identify)
    assert done == ["id0", "id1"]


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="the parent-death signal is Linux's")
def test_killing_the_flow_with_sigkill_leaves_no_worker():
    script = (
        "from tasks.parallel import parallel_each\n"
        "from tests.pool_work import identify, work\n"
        "parallel_each([('a', 'a', 'sleep', 60.0), ('b', 'b', 'sleep', 60.0)], work, 'clean', identify)\n"
    )
    flow = subprocess.Popen([sys.executable, "-c", script], cwd=ROOT, env={**os.environ, "PYTHONPATH": str(ROOT)})
    try:
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline and len(_worker_pids(flow.pid)) < 2:
            time.sleep(0.1)
        workers = _worker_pids(flow.pid)
        assert len(workers) == 2
    finally:
        flow.kill()
        flow.wait()
    deadline = time.monotonic() + 10
    while time.monotonic() < deadline and any(psutil.pid_exists(p) and _alive(p) for p in workers):
        time.sleep(0.1)
    assert not [p for p in workers if psutil.pid_exists(p) and _alive(p)]


def _alive(pid: int) -> bool:
    try:
        return psutil.Process(pid).status() != psutil.STATUS_ZOMBIE
    except psutil.Error:
        return False
