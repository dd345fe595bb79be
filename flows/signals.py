"""Clean stops for `consultations ingest` and `reprocess`: Ctrl-C (SIGINT) or SIGTERM ends the run
within seconds, in one line, with exit status 130 or 143, and leaves nothing behind.

Unwinding a Prefect flow run from inside takes more than a minute and prints hundreds of lines
(the engine reports the crash, every thread and pool winds down, each with its traceback). So the
stop does not unwind: a watcher thread, woken by the signal, does what matters and then ends the
process at once (os._exit):
- the worker processes are killed (tasks/parallel.shutdown_workers, then any other descendant:
  a Dask cluster's processes), so nothing keeps a core busy;
- the flow run is marked Cancelled through the API, so no run stays "Running" in the Prefect UI;
- the temporary Prefect server this process started is stopped (SIGTERM, then SIGKILL);
- the one line is written; the rest of the process's output is muted from the signal on.
What is left is what a kill -9 leaves, which the warehouse is built for: each batch lands in one
commit, so the batches that landed stay and the next run goes on with the rest; the writer lock
is an flock, which the kernel drops with the process.

The signal wakes the watcher through `signal.set_wakeup_fd`, written by Python's C-level handler
as soon as the signal arrives: the stop does not wait for the main thread, which may be inside a
long call. The Python-level handlers do nothing else; the one Prefect's engine installs for SIGTERM
during a run is replaced by ours as the run starts (Stop.on_running).

If this process is killed outright (kill -9) nothing here runs: the temporary server then dies
with it because it starts through a launcher asking Linux for SIGTERM when its parent dies
(PR_SET_PDEATHSIG, as `consultations serve` starts its children, flows/serve.py), and the
document workers ask for the same (tasks/parallel.py)."""

from __future__ import annotations

import os
import signal
import sys
import threading
from contextlib import ExitStack, contextmanager
from dataclasses import dataclass, field
from typing import Any, Callable, Iterator

import psutil

from flows.progress import Progress
from flows.system_errors import ServerStartError

# What a user calls each signal, and the exit status a shell expects (128 + the signal's number).
STOP_SIGNALS = {signal.SIGINT: "Ctrl-C", signal.SIGTERM: "SIGTERM"}
_QUIT = b"\0"  # tells the watcher to end: the run is over
_CANCEL_TIMEOUT_S = 1.5  # for marking the flow run Cancelled: the stop must end within seconds
_SERVER_STOP_S = 1.0  # for the temporary server to stop on SIGTERM before SIGKILL


@dataclass
class Stop:
    """What the watcher knows when a signal comes: the run (for the API) and how far it got."""

    flow: str  # "ingest" or "reprocess"
    flow_run_id: str | None = None
    progress: Progress | None = None
    server: Any = None  # the temporary Prefect server this process started, if any
    write: Callable[[str], None] | None = None  # where the one line goes (default: stderr)
    stopped_by: int | None = field(default=None, init=False)
    handler: Callable[[int, Any], None] | None = field(default=None, init=False)

    def on_running(self, flow, flow_run, state) -> None:
        """A Prefect flow hook, called in the flow's (main) thread once the run is Running: its id,
        and this module's handler back in place of the SIGTERM handler Prefect's engine installs
        for the run (it would unwind the run and mark it Failed while the watcher stops it)."""
        self.flow_run_id = str(flow_run.id)
        if self.handler is not None and threading.current_thread() is threading.main_thread():
            signal.signal(signal.SIGTERM, self.handler)

    def on_progress(self, progress: Progress) -> None:  # a flows.progress listener
        self.progress = progress


def stop_line(stop: Stop, signum: int) -> str:
    """The one line a stopped run leaves: what stopped it and what stays."""
    who = STOP_SIGNALS.get(signum, signal.Signals(signum).name)
    p = stop.progress
    if p is None or not p.done:
        return f"stopped by {who}: no batch of this {stop.flow} had landed; the next run starts where this one did"
    verb = "rebuilt" if stop.flow == "reprocess" else "processed"
    return (
        f"stopped by {who}: {p.done} of {p.total} documents {verb} and landed, and they stay; "
        "the next run goes on with the rest"
    )


@contextmanager
def stopping_cleanly(stop: Stop) -> Iterator[Stop]:
    """While the block runs, SIGINT or SIGTERM stops the process as described above. Main thread only."""
    read_end, write_end = os.pipe()
    os.set_blocking(write_end, False)
    previous_fd = signal.set_wakeup_fd(write_end, warn_on_full_buffer=False)
    stop.handler = _also_wake(write_end)
    previous = {signum: signal.signal(signum, stop.handler) for signum in STOP_SIGNALS}
    watcher = threading.Thread(target=_watch, args=(read_end, stop), name="consultations-stop", daemon=True)
    watcher.start()
    try:
        yield stop
    finally:
        for signum, handler in previous.items():
            signal.signal(signum, handler)
        signal.set_wakeup_fd(previous_fd)
        os.write(write_end, _QUIT)
        watcher.join(timeout=5)
        os.close(write_end)


def _also_wake(write_end: int) -> Callable[[int, Any], None]:
    """The Python-level handler: does nothing in the main thread but make sure the watcher wakes
    (in case other code took over the wakeup fd); the watcher does the stop."""

    def handler(signum: int, frame: Any) -> None:
        try:
            os.write(write_end, bytes([signum]))
        except OSError:
            pass

    return handler


def _watch(read_end: int, stop: Stop) -> None:
    try:
        while True:
            data = os.read(read_end, 64)
            if not data or _QUIT in data:
                return
            for signum in data:
                if signum in STOP_SIGNALS:
                    _stop_now(stop, signum)  # never returns
    finally:
        os.close(read_end)


def _stop_now(stop: Stop, signum: int) -> None:
    """Cancel the flow run while the workers are killed, stop the server, say one line, and exit
    with 128 + signum whatever happens on the way."""
    try:
        stop.stopped_by = signum
        out = _mute_output()
        me = psutil.Process()
        family = _descendants(me)
        server_pid = _server_pid(stop.server)
        cancelling = _cancel_flow_run(stop, signum)
        _kill_workers()
        _kill([p for p in family if p.pid != server_pid], signal.SIGKILL)
        cancelling.join(_CANCEL_TIMEOUT_S)
        _stop_server(stop.server, [p for p in family if p.pid == server_pid])
        _kill(_descendants(me), signal.SIGKILL)  # anything started meanwhile
        line = stop_line(stop, signum)
        if stop.write is not None:
            stop.write(line)
        else:
            clear = "\r\x1b[2K\x1b[?25h" if os.isatty(out) else ""  # the progress bar's line, and the cursor
            os.write(out, f"{clear}{line}\n".encode())
    finally:
        os._exit(128 + signum)


def _mute_output() -> int:
    """A copy of stderr for the one line; stdout and stderr themselves go to /dev/null from now
    on, so the main thread, still running its flow, prints nothing more. (No flush of Python's
    buffers: the main thread may hold their locks.)"""
    out = os.dup(2)
    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, 1)
    os.dup2(devnull, 2)
    os.close(devnull)
    return out


def _descendants(process: psutil.Process) -> list[psutil.Process]:
    try:
        return process.children(recursive=True)
    except psutil.Error:
        return []


def _kill_workers() -> None:
    """tasks/parallel.py's workers, all at once, if it started any (the descendants are killed
    afterwards anyway: this also tells a batch in flight that its workers are gone)."""
    parallel = sys.modules.get("tasks.parallel")
    shutdown = getattr(parallel, "shutdown_workers", None)
    if shutdown is not None:
        _quietly(shutdown)


def _kill(processes: list[psutil.Process], sig: int) -> None:
    for process in processes:
        try:
            process.send_signal(sig)  # psutil checks the pid still names the same process
        except psutil.Error:
            pass
    psutil.wait_procs(processes, timeout=1.0)


def _cancel_flow_run(stop: Stop, signum: int) -> threading.Thread:
    """Mark the run Cancelled, in a thread given a second or two (the stop comes first): no run
    stays "Running" in the Prefect UI."""
    who = STOP_SIGNALS.get(signum, signal.Signals(signum).name)
    server_down = stop.server is not None and not stop.server.running  # asking would start one

    def cancel() -> None:
        if stop.flow_run_id is None or server_down:
            return
        from prefect.client.orchestration import get_client
        from prefect.states import Cancelled

        with get_client(sync_client=True, httpx_settings={"timeout": _CANCEL_TIMEOUT_S}) as client:
            client.set_flow_run_state(stop.flow_run_id, Cancelled(message=f"Stopped by {who}."), force=True)

    thread = threading.Thread(target=_quietly, args=(cancel,), daemon=True)
    thread.start()
    return thread


def _quietly(fn: Callable[[], None]) -> None:
    try:
        fn()
    except Exception:
        pass


def _server_pid(server: Any) -> int | None:
    process = getattr(server, "server_process", None)
    return process.pid if process is not None else None


def _stop_server(server: Any, processes: list[psutil.Process]) -> None:
    for process in processes:
        try:
            process.terminate()
        except psutil.Error:
            pass
    _, alive = psutil.wait_procs(processes, timeout=_SERVER_STOP_S)
    _kill(alive, signal.SIGKILL)
    if server is not None:
        server.server_process = None  # stopped: its atexit stop has nothing left to do
        server.running = False


# --- the temporary Prefect server -------------------------------------------------------------

# The launcher the temporary server starts through: default signal handlers, SIGTERM when this
# process dies (PR_SET_PDEATHSIG, Linux), then exec of Prefect's own command (same pid). Its own
# session: a Ctrl-C in the terminal reaches this process only, and the server stays up long
# enough for the flow run to be marked Cancelled. A launcher rather than `preexec_fn`, unsafe once
# threads run (flows/serve.py's children start the same way).
_LAUNCHER = """
import os, signal, sys
signal.signal(signal.SIGINT, signal.SIG_DFL)
signal.signal(signal.SIGTERM, signal.SIG_DFL)
parent = int(sys.argv[1])
if sys.platform.startswith("linux"):
    import ctypes
    ctypes.CDLL(None).prctl(1, signal.SIGTERM)
if os.getppid() != parent:
    sys.exit("the parent process is gone")
os.execv(sys.argv[2], sys.argv[2:])
"""


def _launched(server: Any) -> Callable[[], Any]:
    """Prefect's SubprocessASGIServer._run_uvicorn_command (Prefect 3), through the launcher."""
    import subprocess

    import prefect
    from prefect.settings import get_current_settings

    def run_uvicorn_command():
        command = [
            sys.executable,
            "-m",
            "uvicorn",
            "--app-dir",
            str(prefect.__module_path__.parent),
            "--factory",
            "prefect.server.api.server:create_app",
            "--host",
            "127.0.0.1",
            "--port",
            str(server.port),
            "--log-level",
            "error",
            "--lifespan",
            "on",
        ]
        env = {
            **os.environ,
            "PREFECT_UI_ENABLED": "0",
            "PREFECT__SERVER_EPHEMERAL": "1",
            "PREFECT__SERVER_FINAL": "1",
            **get_current_settings().to_environment_variables(exclude_unset=True),
        }
        return subprocess.Popen(
            [sys.executable, "-S", "-c", _LAUNCHER, str(os.getpid()), *command],
            env=env,
            stdin=subprocess.DEVNULL,
            start_new_session=True,
        )

    return run_uvicorn_command


@contextmanager
def temporary_server() -> Iterator[Any]:
    """The temporary Prefect server a flow called from this process would start on its own (no
    PREFECT_API_URL), started here instead, through the launcher. Its start-up timeout is
    PREFECT_SERVER_EPHEMERAL_STARTUP_TIMEOUT_SECONDS; past it, ServerStartError. Prefect stops it
    at exit, after its log and event workers have sent what they hold (a stop here, earlier, would
    make them fail); a clean stop on a signal stops it itself. Yields None when runs go to a
    configured server."""
    from prefect.server.api.server import SubprocessASGIServer
    from prefect.settings import (
        PREFECT_API_URL,
        PREFECT_SERVER_EPHEMERAL_ENABLED,
        PREFECT_SERVER_EPHEMERAL_STARTUP_TIMEOUT_SECONDS,
    )

    if PREFECT_API_URL.value() or not PREFECT_SERVER_EPHEMERAL_ENABLED.value():
        yield None
        return
    server = SubprocessASGIServer()  # the instance Prefect's clients ask for: they reuse it once running
    if not server.running:
        server._run_uvicorn_command = _launched(server)
        try:
            server.start()
        except RuntimeError as error:
            server.stop()
            if "Timed out" not in str(error):
                raise
            limit = PREFECT_SERVER_EPHEMERAL_STARTUP_TIMEOUT_SECONDS.value()
            raise ServerStartError(
                f"the temporary Prefect server did not start within {limit} s (the machine may be busy): "
                "raise PREFECT_SERVER_EPHEMERAL_STARTUP_TIMEOUT_SECONDS, or start one with `prefect server start` "
                "and set PREFECT_API_URL"
            ) from None
    yield server


@contextmanager
def stoppable(flow: Any, verbose: bool = False) -> Iterator[Callable[..., Any]]:
    """`flow` (ingest or reprocess) ready to be called from the command line: its progress shown,
    a clean stop on SIGINT or SIGTERM, its temporary Prefect server started here (and stopped
    with the process), and no traceback on the console unless `verbose`."""
    from flows.progress import listening
    from flows.terminal import showing_progress, without_tracebacks

    stop = Stop(flow.name)
    with ExitStack() as stack:
        stack.enter_context(stopping_cleanly(stop))
        stack.enter_context(showing_progress())
        stack.enter_context(listening(stop.on_progress))
        if not verbose:
            stack.enter_context(without_tracebacks())
        stop.server = stack.enter_context(temporary_server())
        yield flow.with_options(on_running=[*flow.on_running_hooks, stop.on_running])
