"""Plain worker processes for the CPU-bound stages, supervised so that no document can stall or
sink a run.

Prefect's process pool and Dask cost 140–190 ms per task run: fine for batches, ruinous per
document. Inside a batch task the documents go to a few worker processes, one per core, one
document at a time (a round trip on a pipe costs well under a millisecond, the work on a document
milliseconds to seconds). Workers are spawned (not forked: the flow's threads hold locks) and kept
warm across stages and batches.

The parent watches each document: past the seconds its budget has left it kills the worker
(SIGKILL), records `time_budget` and goes on with a fresh one; a worker that dies (a crash
inside a PDF library, the OOM killer, a user's kill -9) takes only its document down
(`worker_died`); each document runs under a memory limit (RLIMIT_DATA on Linux), so an
allocation past the budget is a MemoryError in the worker, recorded as `memory_budget`.
Every document runs in a worker, small batches too: a crash in a library would otherwise kill
the flow.

Workers die with the flow: they ask Linux for SIGKILL when their parent dies (PR_SET_PDEATHSIG;
spawned from one long-lived thread, since that signal follows the thread that started them),
and `shutdown_workers()` kills them all at once (Ctrl-C, SIGTERM, exit).

Inside a Dask worker (the flow's "dask" runner) the items run in the worker's own process: the
cluster already has a process per core, and a worker's process may not have children. There
only the time budget is judged, when each document is done (`each`); the PDF reader also stops
itself between pages."""

from __future__ import annotations

import atexit
import multiprocessing
import os
import signal
import sys
import threading
from collections import deque
from concurrent.futures import ThreadPoolExecutor
from multiprocessing.connection import wait
from time import monotonic
from typing import Callable, Mapping, TypeVar

from tasks.domain.batch import Seconds, attempt, each
from tasks.domain.budget import MEMORY_BUDGET, TIME_BUDGET, WORKER_DIED, Budget, over_memory, over_time, worker_died
from tasks.domain.models import Failure

In = TypeVar("In")
Out = TypeVar("Out")

STARTUP_TIMEOUT_S = 120.0  # a worker imports the readers before it says it is ready
MAX_FAILED_STARTS = 3  # workers of one call dying before they are ready: the environment is broken
_MB = 1 << 20

_lock = threading.Lock()
_idle: list[_Worker] = []  # warm workers between calls
_live: set[_Worker] = set()  # every worker started and not yet reaped, for shutdown_workers()
_generation = 0  # bumped by shutdown_workers(): a call in flight then stops instead of restarting workers
_spawner = ThreadPoolExecutor(1, thread_name_prefix="consultations-spawner")


class WorkersStopped(RuntimeError):
    """The workers were stopped (shutdown_workers) while a batch was being processed."""


def workers() -> int:
    configured = os.environ.get("CONSULTATIONS_WORKERS")
    return max(1, int(configured)) if configured else (os.cpu_count() or 1)


def in_dask_worker() -> bool:
    if "distributed" not in sys.modules:  # never imported: not on a Dask worker, and stays cheap
        return False
    from distributed import get_worker

    try:
        get_worker()
    except ValueError:
        return False
    return True


def parallel_each(
    items: list[In],
    fn: Callable[[In], Out],
    stage: str,
    identify: Callable[[In], tuple[str, str]],
    budget: Budget | None = None,
    spent: Mapping[str, float] | None = None,
) -> tuple[list[Out], list[Failure], Seconds]:
    """`each` over the items in supervised worker processes, order kept. `fn` and `identify` must
    be module-level functions (or partials of them: they travel to the workers by name). `spent`
    is the seconds each document (by source_path) already took in earlier stages: they count
    against the same budget."""
    budget, spent = budget or Budget(), spent or {}
    if not items:
        return [], [], {}
    if in_dask_worker() or multiprocessing.current_process().daemon:  # no children allowed
        return each(items, fn, stage, identify, budget, spent)
    return _Call(items, fn, stage, identify, budget, spent).run(min(workers(), len(items)))


def shutdown_workers() -> int:
    """Kill every worker process now (SIGKILL) and reap them; returns how many there were. Safe in
    a signal handler: it takes no lock. A batch in flight then raises WorkersStopped; a later
    call starts fresh workers."""
    global _generation
    _generation += 1
    victims = list(_live)
    for worker in victims:
        worker.signal()
    for worker in victims:
        worker.reap()
    return len(victims)


atexit.register(shutdown_workers)


class _Worker:
    """One spawned worker process and the parent's end of its pipe."""

    def __init__(self):
        context = multiprocessing.get_context("spawn")
        self.conn, child = context.Pipe()
        self.process = context.Process(
            target=_serve, args=(child, os.getpid()), daemon=True, name="consultations-worker"
        )
        self.process.start()
        child.close()
        self.pid = self.process.pid
        self.ready = False  # says so once it has imported what it needs

    @classmethod
    def start(cls) -> _Worker:
        # From one long-lived thread: PR_SET_PDEATHSIG fires when the thread that started the worker
        # ends, and a task's thread may end long before the flow does.
        worker = _spawner.submit(cls).result()
        _live.add(worker)
        return worker

    def signal(self) -> None:
        try:
            os.kill(self.pid, signal.SIGKILL)
        except (ProcessLookupError, PermissionError):
            pass

    def reap(self) -> None:
        self.process.join(timeout=5)
        self.conn.close()
        _live.discard(self)

    def kill(self) -> None:
        self.signal()
        self.reap()

    def cause_of_death(self) -> str:
        self.process.join(timeout=5)
        code = self.process.exitcode
        if code is None:
            return "it stopped answering"
        if code >= 0:
            return f"it exited with code {code}"
        name = signal.Signals(-code).name if -code in signal.Signals._value2member_map_ else f"signal {-code}"
        if -code == signal.SIGKILL:
            return f"killed by {name}: out of memory, or stopped by a user"
        return f"killed by {name}: a crash inside a library reading it"


def _checkout(n: int) -> list[_Worker]:
    with _lock:
        for worker in [w for w in _idle if not w.process.is_alive()]:  # killed while idle
            _idle.remove(worker)
            worker.reap()
        crew = [_idle.pop() for _ in range(min(n, len(_idle)))]
    return crew + [_Worker.start() for _ in range(n - len(crew))]


def _checkin(crew: list[_Worker]) -> None:
    with _lock:
        _idle.extend(w for w in crew if w in _live)
        surplus = _idle[workers() :]
        del _idle[workers() :]
    for worker in surplus:
        worker.kill()


class _Call:
    """One parallel_each call: its documents handed one at a time to a crew of workers."""

    def __init__(self, items, fn, stage, identify, budget: Budget, spent: Mapping[str, float]):
        self.items, self.fn, self.stage, self.identify = items, fn, stage, identify
        self.budget, self.spent = budget, spent
        self.todo = deque(range(len(items)))
        self.outcomes: dict[int, tuple[bool, object]] = {}
        self.seconds: Seconds = {}
        self.running: dict[_Worker, tuple[int, float, float]] = {}  # index, started, deadline

    def run(self, n: int) -> tuple[list, list[Failure], Seconds]:
        self.generation, self.failed_starts = _generation, 0
        self.crew = _checkout(n)
        try:
            while self.todo or self.running:
                self._check_not_stopped()
                self._hand_out()
                self._wait()
        except Exception:
            self._check_not_stopped()  # a pipe closed under us by shutdown_workers() is no error of ours
            raise
        finally:
            # a worker still busy (the call ended by an error) would answer its last document to
            # the next call: it goes, only the idle ones are kept warm
            for worker in [w for w in self.crew if w in self.running]:
                worker.kill()
            _checkin([w for w in self.crew if w not in self.running])
        done, failed = [], []
        for i in sorted(self.outcomes):
            ok, value = self.outcomes[i]
            if ok:
                done.append(value)
            else:
                failed.append(Failure(*self.identify(self.items[i]), self.stage, *value))
        return done, failed, self.seconds

    def _hand_out(self) -> None:
        for worker in list(self.crew):
            if not self.todo or not worker.ready or worker in self.running:
                continue
            i = self.todo.popleft()
            path = self._path(i)
            left = self.budget.seconds_left(self.spent.get(path, 0.0))
            if left <= 0:  # spent in earlier stages
                self._fail(i, 0.0, TIME_BUDGET, over_time(path, self.stage, self.budget))
                continue
            try:
                worker.conn.send((self.fn, self.items[i], self.budget.memory_mb))
            except OSError:  # it died while idle: not this document's doing
                self.todo.appendleft(i)
                self._replace(worker)
                continue
            now = monotonic()
            self.running[worker] = (i, now, now + left)

    def _wait(self) -> None:
        watched = [w for w in self.crew if w in self.running or not w.ready]
        if not watched:
            return
        deadlines = [deadline for _, _, deadline in self.running.values()]
        timeout = max(0.0, min(deadlines) - monotonic()) if deadlines else STARTUP_TIMEOUT_S
        answered = wait([w.conn for w in watched], timeout)
        for worker in watched:
            if worker.conn in answered:
                self._answer(worker)
        now = monotonic()
        for worker, (i, started, deadline) in list(self.running.items()):
            if now >= deadline:
                del self.running[worker]
                self._replace(worker)
                self._fail(i, now - started, TIME_BUDGET, over_time(self._path(i), self.stage, self.budget))
        if not answered and not deadlines:
            raise RuntimeError(
                f"the worker processes did not start within {STARTUP_TIMEOUT_S:g} s; "
                "check the machine's load and that the project is installed in this environment"
            )

    def _answer(self, worker: _Worker) -> None:
        try:
            message = worker.conn.recv()
        except (EOFError, OSError):
            message = None
        if not worker.ready:
            if message == "ready":
                worker.ready = True
                return
            cause = worker.cause_of_death()
            self.failed_starts += 1
            if self.failed_starts > MAX_FAILED_STARTS:
                raise RuntimeError(f"the worker processes cannot start ({cause}); check the project's installation")
            self._replace(worker, always=True)
            return
        i, started, _ = self.running.pop(worker)
        if message is None:
            cause = worker.cause_of_death()
            self._replace(worker)
            self._fail(i, monotonic() - started, WORKER_DIED, worker_died(self._path(i), self.stage, cause))
            return
        ok, value, took = message
        if not ok and value[0] == MEMORY_BUDGET:
            self._replace(worker)  # a fresh process rather than one whose heap hit the ceiling
            self._fail(i, took, MEMORY_BUDGET, over_memory(self._path(i), self.stage, self.budget))
            return
        self.outcomes[i] = (ok, value)
        self.seconds[self._path(i)] = took

    def _fail(self, i: int, seconds: float, error_type: str, message: str) -> None:
        self.outcomes[i] = (False, (error_type, message))
        self.seconds[self._path(i)] = seconds

    def _replace(self, worker: _Worker, always: bool = False) -> None:
        """Kill `worker` (if it still lives) and put a fresh one in its place when work is left."""
        worker.kill()
        self._check_not_stopped()
        index = self.crew.index(worker)
        if self.todo or always:
            self.crew[index] = _Worker.start()
        else:
            del self.crew[index]

    def _check_not_stopped(self) -> None:
        if _generation != self.generation:
            raise WorkersStopped("the worker processes were stopped")

    def _path(self, i: int) -> str:
        return self.identify(self.items[i])[0]


# ---- in the worker process ----


def _serve(conn, parent_pid: int) -> None:
    """A worker's life: documents in, outcomes out, until its parent closes the pipe or dies."""
    _die_with_parent(parent_pid)
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the flow's to handle: it stops the workers
    # What the stages run, imported before saying ready (the parent waits for that anyway).
    import tasks.domain.cleaning  # noqa: F401
    import tasks.domain.document  # noqa: F401
    import tasks.readers  # noqa: F401

    conn.send("ready")
    while True:
        try:
            fn, item, memory_mb = conn.recv()
        except (EOFError, OSError):
            return
        except Exception as error:  # e.g. a function this process cannot import
            conn.send((False, ("unreadable_task", f"the worker could not take the document: {error}"), 0.0))
            continue
        _limit_memory(memory_mb)
        outcome = attempt(item, fn)
        _limit_memory(None)
        try:
            conn.send(outcome)
        except (EOFError, OSError):
            return
        except Exception as error:  # a result that cannot travel back (or not within the memory)
            kind = MEMORY_BUDGET if isinstance(error, MemoryError) else "unsendable_result"
            conn.send((False, (kind, f"the result could not be sent back: {error}"), outcome[2]))


def _die_with_parent(parent_pid: int) -> None:
    if sys.platform.startswith("linux"):
        import ctypes

        PR_SET_PDEATHSIG = 1
        ctypes.CDLL(None, use_errno=True).prctl(PR_SET_PDEATHSIG, signal.SIGKILL)
    if os.getppid() != parent_pid:  # the parent died before the request above
        os._exit(0)


def _limit_memory(memory_mb: int | None) -> None:
    """Allow this process `memory_mb` more of private data than it holds now (None: no limit). On
    Linux RLIMIT_DATA counts the heap and private mappings, not the shared libraries' code."""
    if not sys.platform.startswith("linux"):
        return
    import resource

    _, hard = resource.getrlimit(resource.RLIMIT_DATA)
    soft = hard if memory_mb is None else _data_bytes() + memory_mb * _MB
    if hard != resource.RLIM_INFINITY:
        soft = min(soft, hard)
    resource.setrlimit(resource.RLIMIT_DATA, (soft, hard))


def _data_bytes() -> int:
    with open("/proc/self/status") as status:
        for line in status:
            if line.startswith("VmData:"):
                return int(line.split()[1]) * 1024
    return 0
