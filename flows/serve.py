"""The pipeline always on, from this checkout: a local Prefect server with its UI, the
deployments of `prefect.yaml` on the `consultations` process work pool, and a worker — child
processes that stop together on Ctrl-C, SIGTERM or any error while starting.

`local_prefect()` manages the processes (the integration tests use it too); `serve()` is the
always-on setup. Each child runs in its own session, so a Ctrl-C in the terminal reaches this
process only and the children are stopped in order (worker first, then the server); on Linux
they also get SIGTERM if this process dies without cleaning up.

By hand, the same steps are in the header of `prefect.yaml`."""

from __future__ import annotations

import os
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import threading
import time
import urllib.error
import urllib.request
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from warehouse import config
from warehouse.connection import resolve_location

PROJECT_ROOT = Path(__file__).resolve().parent.parent
POOL = "consultations"
DEFAULT_PORT = 4200
# No internet here: nothing may phone home. Set for every process started.
OFFLINE_ENV = {"PREFECT_SERVER_ANALYTICS_ENABLED": "false", "DO_NOT_TRACK": "1"}
_PREFECT = (sys.executable, "-m", "prefect")
# Prefect's API protection, kept from the user's environment (every other PREFECT_* is dropped):
# the server asks for the first, its clients (worker, `prefect` commands, this process) send the second.
SERVER_AUTH_ENV, CLIENT_AUTH_ENV = "PREFECT_SERVER_API_AUTH_STRING", "PREFECT_API_AUTH_STRING"


class LocalPrefectError(RuntimeError):
    """A child process failed to start, exited, or a `prefect` command failed."""


def port_is_free(host: str, port: int) -> bool:
    """Whether a server could listen on it now. SO_REUSEADDR, as uvicorn sets it: the connections
    of a server just stopped linger in TIME_WAIT, and must not push a restart to another port."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            s.bind((host, port))
        except OSError:
            return False
    return True


def free_port(host: str = "127.0.0.1", preferred: int | None = None) -> int:
    """`preferred` if nothing listens on it, else a port the system picks."""
    if preferred is not None and port_is_free(host, preferred):
        return preferred
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind((host, 0))
        return s.getsockname()[1]


def prefect_env(
    api_url: str, home: Path, host: str, port: int, extra: Mapping[str, str] | None = None
) -> dict[str, str]:
    """This process's environment without any PREFECT_* setting of the user's (profiles, API URL,
    keys), pointed at one local server and a PREFECT_HOME of its own."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("PREFECT_")}
    env.update(_auth_env(os.environ))
    no_proxy = ",".join(filter(None, [env.get("NO_PROXY", ""), host, "localhost"]))
    env.update(
        OFFLINE_ENV,
        NO_PROXY=no_proxy,
        no_proxy=no_proxy,
        PREFECT_HOME=str(home),
        PREFECT_API_URL=api_url,
        PREFECT_UI_API_URL=api_url,
        PREFECT_SERVER_API_HOST=host,
        PREFECT_SERVER_API_PORT=str(port),  # else the UI calls 4200
        PREFECT_CLI_PROMPT="false",
    )
    env.update(extra or {})
    return env


# --- child processes -------------------------------------------------------------------------

# Children start through this launcher, which then becomes `python -m prefect ...` (exec keeps
# the pid). A shell's `cmd &` starts Python with SIGINT ignored, and an ignored SIGINT is
# inherited: a Prefect worker then survives SIGINT *and* SIGTERM (it turns a SIGTERM into a
# SIGINT to itself) until a second signal SIGKILLs it. With default handlers the first signal
# stops it. On Linux a child also gets SIGTERM when this process dies without stopping it
# (PR_SET_PDEATHSIG; it follows the thread that started the child). A launcher rather than
# `preexec_fn`, which is unsafe once the Prefect client has started threads.
_LAUNCHER = """
import os, signal, sys
signal.signal(signal.SIGINT, signal.SIG_DFL)
signal.signal(signal.SIGTERM, signal.SIG_DFL)
parent = int(sys.argv[1])
if parent and sys.platform.startswith("linux"):
    import ctypes
    ctypes.CDLL(None).prctl(1, signal.SIGTERM)
    if os.getppid() != parent:
        sys.exit("the parent process is gone")
os.execv(sys.argv[2], sys.argv[2:])
"""


def _stat(pid: int) -> tuple[int, int] | None:
    """(parent pid, start time) of a live process, from /proc (Linux); None if gone."""
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except (OSError, IndexError):
        return None
    return int(fields[1]), int(fields[19])


def _descendants(pid: int) -> list[tuple[int, int]]:
    """(pid, start time) of every descendant: flow runs start in process groups of their own, so
    killing the worker's group would miss them."""
    children: dict[int, list[tuple[int, int]]] = {}
    for entry in Path("/proc").iterdir() if Path("/proc/self/stat").exists() else ():
        if entry.name.isdigit() and (stat := _stat(int(entry.name))):
            children.setdefault(stat[0], []).append((int(entry.name), stat[1]))
    found, todo = [], [pid]
    while todo:
        for child in children.get(todo.pop(), []):
            found.append(child)
            todo.append(child[0])
    return found


def _signal_if_same(pid: int, started: int, sig: int) -> bool:
    """Signal a process only if it is still the one seen earlier (pids get reused)."""
    stat = _stat(pid)
    if stat is None or stat[1] != started:
        return False
    try:
        os.kill(pid, sig)
    except ProcessLookupError:
        return False
    return True


@dataclass
class Child:
    """One child process: its own session and process group, its output in a log file."""

    name: str
    process: subprocess.Popen
    log: Path

    @property
    def pid(self) -> int:
        return self.process.pid

    def alive(self) -> bool:
        return self.process.poll() is None

    def tail(self, n_chars: int = 6000) -> str:
        try:
            text = self.log.read_text(errors="replace")
        except OSError:
            return ""
        return text[-n_chars:]

    def stop(
        self, first_signal: int = signal.SIGTERM, timeout: float = 20.0, hurry: threading.Event | None = None
    ) -> int | None:
        """Signal the process, give it `timeout` seconds to stop, then SIGKILL its process group.
        Descendants still alive afterwards (a flow run the worker left behind) get SIGTERM, then
        SIGKILL. Returns the exit status."""
        family = _descendants(self.pid) if self.alive() else []
        if self.alive():
            try:
                os.kill(self.pid, first_signal)
            except ProcessLookupError:
                pass
            _wait(self.process, timeout, hurry)
        if self.alive():
            _killpg(self.pid, signal.SIGKILL)
            _wait(self.process, 10.0, None)
        _killpg(self.pid, signal.SIGKILL)  # anything left in its group
        left = [(pid, started) for pid, started in family if _signal_if_same(pid, started, signal.SIGTERM)]
        deadline = time.monotonic() + (2.0 if hurry and hurry.is_set() else 10.0)
        while left and time.monotonic() < deadline:
            time.sleep(0.1)
            left = [(pid, started) for pid, started in left if _stat(pid) and _stat(pid)[1] == started]
        for pid, started in left:
            _signal_if_same(pid, started, signal.SIGKILL)
        return self.process.returncode


def _wait(process: subprocess.Popen, timeout: float, hurry: threading.Event | None) -> None:
    """Wait for a process; a second Ctrl-C (`hurry`) cuts the wait short."""
    deadline = time.monotonic() + timeout
    while process.poll() is None and time.monotonic() < deadline:
        if hurry is not None and hurry.is_set():
            return
        time.sleep(0.05)


def _killpg(pid: int, sig: int) -> None:
    try:
        os.killpg(pid, sig)  # the child leads its own group: its pgid is its pid
    except (ProcessLookupError, PermissionError):
        pass


def start_child(name: str, args: list[str], env: Mapping[str, str], log_dir: Path, cwd: Path = PROJECT_ROOT) -> Child:
    """Start `args` (args[0] an absolute path) in a session of its own, output to `<name>.log`."""
    log_dir.mkdir(parents=True, exist_ok=True)
    log = log_dir / f"{name}.log"
    # a thread that ends would take its children with it: only the main thread asks for that
    parent = os.getpid() if threading.current_thread() is threading.main_thread() else 0
    with open(log, "wb") as out:
        process = subprocess.Popen(
            [sys.executable, "-S", "-c", _LAUNCHER, str(parent), *args],
            cwd=cwd,
            env=dict(env),
            stdin=subprocess.DEVNULL,
            stdout=out,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
    return Child(name, process, log)


# --- a local server, pool, deployments and worker --------------------------------------------


@dataclass
class LocalPrefect:
    """A running local Prefect server; `env` points any `prefect` command or client at it."""

    api_url: str
    home: Path
    env: dict[str, str]
    children: list[Child] = field(default_factory=list)
    hurry: threading.Event = field(default_factory=threading.Event)
    pool: str | None = None  # the pool of the worker started, if any

    def server_alive(self) -> bool:
        return any(c.name == "server" and c.alive() for c in self.children)

    @property
    def ui_url(self) -> str:
        return self.api_url.removesuffix("/api")

    @property
    def log_dir(self) -> Path:
        return self.home / "logs"

    def client(self):
        """A synchronous Prefect client for this server: `with prefect.client() as client: ...`."""
        from prefect.client.orchestration import SyncPrefectClient

        return SyncPrefectClient(self.api_url, auth_string=_auth_env(os.environ).get(CLIENT_AUTH_ENV))

    def child(self, name: str) -> Child:
        return next(c for c in self.children if c.name == name)

    def start(self, name: str, *args: str, env: Mapping[str, str] | None = None) -> Child:
        """Start `prefect ARGS...` as a child process, stopped with the others."""
        child = start_child(name, [*_PREFECT, *args], {**self.env, **(env or {})}, self.log_dir)
        self.children.append(child)
        return child

    def prefect(self, *args: str, env: Mapping[str, str] | None = None, timeout: float = 180) -> str:
        """Run one `prefect ARGS...` command from the project root; its output, or an error with it."""
        done = subprocess.run(
            [*_PREFECT, *args],
            cwd=PROJECT_ROOT,
            env={**self.env, **(env or {})},
            stdin=subprocess.DEVNULL,
            capture_output=True,
            text=True,
            timeout=timeout,
        )
        if done.returncode != 0:
            raise LocalPrefectError(
                f"`prefect {' '.join(args)}` failed with status {done.returncode}:\n{done.stdout}{done.stderr}"
            )
        return done.stdout

    def wait_until_healthy(self, server: Child, timeout: float) -> None:
        opener = urllib.request.build_opener(urllib.request.ProxyHandler({}))  # loopback: no proxy
        deadline = time.monotonic() + timeout
        while True:
            if not server.alive():
                raise LocalPrefectError(
                    f"the Prefect server exited with status {server.process.returncode}:\n{server.tail()}"
                )
            try:
                with opener.open(f"{self.api_url}/health", timeout=2) as response:
                    if response.status == 200:
                        return
            except (urllib.error.URLError, OSError):
                pass
            if time.monotonic() > deadline:
                raise LocalPrefectError(
                    f"the Prefect server did not answer {self.api_url}/health within {timeout:.0f} s:\n{server.tail()}"
                )
            time.sleep(0.25)

    def ensure_work_pool(self, name: str = POOL, concurrency_limit: int | None = 1) -> None:
        """A `process` work pool, created if missing; its concurrency limit set either way (one
        flow run at a time in the pool: an ingest and a reprocess never overlap)."""
        from prefect.client.schemas.actions import WorkPoolCreate, WorkPoolUpdate
        from prefect.exceptions import ObjectNotFound
        from prefect.workers.process import ProcessWorker

        with self.client() as client:
            try:
                client.read_work_pool(name)
            except ObjectNotFound:
                client.create_work_pool(
                    WorkPoolCreate(
                        name=name,
                        type="process",
                        concurrency_limit=concurrency_limit,
                        base_job_template=ProcessWorker.get_default_base_job_template(),
                    )
                )
            else:
                client.update_work_pool(name, WorkPoolUpdate(concurrency_limit=concurrency_limit))

    def deploy(self, project_home: Path = PROJECT_ROOT) -> str:
        """`prefect deploy --all` from the project root: prefect.yaml as written, its pull step
        pointed at `project_home`."""
        return self.prefect("--no-prompt", "deploy", "--all", env={"CONSULTATIONS_HOME": str(project_home)})

    def set_parameters(self, deployment: str, parameters: Mapping[str, Any]) -> None:
        """Change a deployment's default parameters (`flow/deployment`), e.g. another inbox."""
        from prefect.client.schemas.actions import DeploymentUpdate

        with self.client() as client:
            found = client.read_deployment_by_name(deployment)
            client.update_deployment(found.id, DeploymentUpdate(parameters={**found.parameters, **parameters}))

    def start_worker(
        self,
        pool: str = POOL,
        *,
        env: Mapping[str, str] | None = None,
        poll_seconds: float | None = None,
        timeout: float = 120,
    ) -> Child:
        """`prefect worker start --pool POOL`, returned once the server has seen it."""
        name = f"{pool}-{os.getpid()}-{len(self.children)}"
        extra = {"CONSULTATIONS_HOME": str(PROJECT_ROOT), **(env or {})}
        if poll_seconds is not None:
            extra["PREFECT_WORKER_QUERY_SECONDS"] = str(poll_seconds)
        self.pool = pool
        worker = self.start(
            "worker",
            "worker",
            "start",
            "--pool",
            pool,
            "--name",
            name,
            "--type",
            "process",
            "--install-policy",
            "never",
            env=extra,
        )
        deadline = time.monotonic() + timeout
        with self.client() as client:
            while name not in {w.name for w in client.read_workers_for_work_pool(pool)}:
                if not worker.alive():
                    raise LocalPrefectError(
                        f"the worker exited with status {worker.process.returncode}:\n{worker.tail()}"
                    )
                if time.monotonic() > deadline:
                    raise LocalPrefectError(
                        f"the worker did not reach the server within {timeout:.0f} s:\n{worker.tail()}"
                    )
                time.sleep(0.5)
        return worker

    def crash_unfinished_runs(self, pool: str = POOL, reason: str = "its worker stopped") -> list[str]:
        """Mark Crashed the runs of `pool` still pending or running. A stopped worker kills its
        flow runs but leaves them PENDING or RUNNING: they would hold the deployment's
        concurrency slot and, worse, count against the pool's limit for ever, so no run of the
        pool would start again. Only call it when no worker of the pool is running."""
        from prefect.client.schemas.filters import (
            FlowRunFilter,
            FlowRunFilterState,
            FlowRunFilterStateType,
            WorkPoolFilter,
            WorkPoolFilterName,
        )
        from prefect.client.schemas.objects import StateType
        from prefect.states import Crashed

        unfinished = FlowRunFilterStateType(any_=[StateType.PENDING, StateType.RUNNING, StateType.CANCELLING])
        with self.client() as client:
            runs = client.read_flow_runs(
                flow_run_filter=FlowRunFilter(state=FlowRunFilterState(type=unfinished)),
                work_pool_filter=WorkPoolFilter(name=WorkPoolFilterName(any_=[pool])),
            )
            for run in runs:
                # force: a terminal state set this way still releases its concurrency slots
                client.set_flow_run_state(run.id, Crashed(message=f"Crashed: {reason}."), force=True)
        return [run.name for run in runs]

    def watch(self, interval: float = 1.0) -> None:
        """Block while every child runs; a child that exits is an error."""
        while True:
            for child in self.children:
                if not child.alive():
                    raise LocalPrefectError(
                        f"the {child.name} exited with status {child.process.returncode}:\n{child.tail()}"
                    )
            time.sleep(interval)

    def stop(self, timeout: float = 20.0) -> None:
        """Stop the children, last started first (the worker before the server). A Ctrl-C while
        stopping makes the rest quicker instead of leaving processes behind."""
        in_main = threading.current_thread() is threading.main_thread()
        previous = signal.getsignal(signal.SIGINT) if in_main else None
        if previous is not None:
            signal.signal(signal.SIGINT, lambda *_: self.hurry.set())
        try:
            for child in reversed(self.children):
                # SIGINT is a worker's own Ctrl-C; the server stops on SIGTERM.
                first = signal.SIGINT if child.name == "worker" else signal.SIGTERM
                child.stop(first, 2.0 if self.hurry.is_set() else timeout, self.hurry)
                if child.name == "worker" and self.pool and self.server_alive():
                    try:
                        self.crash_unfinished_runs(self.pool, "the worker was stopped")
                    except Exception as error:  # the server may be going: stopping comes first
                        print(f"could not mark unfinished runs crashed: {error}", file=sys.stderr)
        finally:
            if previous is not None:
                signal.signal(signal.SIGINT, previous)


@contextmanager
def local_prefect(
    port: int | None = None,
    host: str = "127.0.0.1",
    home: Path | str | None = None,
    *,
    env: Mapping[str, str] | None = None,
    startup_timeout: float = 120,
    stop_timeout: float = 20,
) -> Iterator[LocalPrefect]:
    """`prefect server start` on `host:port` (a free port if None) with PREFECT_HOME at `home`
    (a temporary folder, removed afterwards, if None), yielded once `/api/health` answers.
    Everything started through it is stopped on the way out, error or not."""
    port = port or free_port(host)
    if not port_is_free(host, port):
        raise LocalPrefectError(f"port {port} on {host} is already in use")
    temporary = home is None
    home = Path(tempfile.mkdtemp(prefix="prefect-home-")) if temporary else Path(home).resolve()
    home.mkdir(parents=True, exist_ok=True)
    api_url = f"http://{host}:{port}/api"
    local = LocalPrefect(api_url, home, prefect_env(api_url, home, host, port, env))
    try:
        server = local.start("server", "server", "start", "--host", host, "--port", str(port))
        local.wait_until_healthy(server, startup_timeout)
        yield local
    finally:
        local.stop(stop_timeout)
        if temporary:
            shutil.rmtree(home, ignore_errors=True)


# --- always on --------------------------------------------------------------------------------


def deployment_parameters(
    inbox: str | os.PathLike = "seeds", warehouse: str | os.PathLike | None = None
) -> dict[str, dict[str, Any]]:
    """Absolute paths: a run's working directory is the project root, not the caller's."""
    inbox_path = Path(inbox).expanduser().resolve()
    if not inbox_path.is_dir():
        raise LocalPrefectError(f"{inbox} is not a folder")
    where = str(Path(warehouse).expanduser().resolve()) if warehouse else None
    return {
        "ingest/ingest-inbox": {"inbox": str(inbox_path), "warehouse": where},
        "reprocess/reprocess": {"warehouse": where},
        "maintain/maintain": {"warehouse": where},
    }


def _auth_env(environ: Mapping[str, str]) -> dict[str, str]:
    """The API auth strings to pass on: the server's, and the clients' (the server's unless set)."""
    server = environ.get(SERVER_AUTH_ENV, "")
    client = environ.get(CLIENT_AUTH_ENV, "") or server
    return {k: v for k, v in ((SERVER_AUTH_ENV, server), (CLIENT_AUTH_ENV, client)) if v}


def protection_advice(host: str, environ: Mapping[str, str], euid: int | None) -> list[str]:
    """What `serve` says about who can reach the Prefect API: anyone who can start a deployment
    run chooses its parameters (the inbox is checked against the allowed roots, the rest is not).
    Lines starting with "warning:" are about this setup as it is."""
    lines = []
    if euid == 0:
        lines.append(
            "warning: running as root: every flow run reads and writes as root; run `consultations serve` "
            "as an ordinary user that owns the inbox and the warehouse"
        )
    if host not in ("127.0.0.1", "localhost", "::1"):
        lines.append(
            f"warning: the API and UI listen on {host}: anyone who can reach this machine can start runs; "
            "bind to 127.0.0.1 (--host) and use an SSH tunnel or a proxy with TLS to reach it from elsewhere"
        )
    if not environ.get(SERVER_AUTH_ENV):
        lines.append(
            f"The Prefect API has no password: any local user can start runs. Set {SERVER_AUTH_ENV}='user:password' "
            f"before `consultations serve` (its worker and `prefect` commands then need {CLIENT_AUTH_ENV} set the same)."
        )
    roots = environ.get(config.INBOX_ROOTS_ENV)
    lines.append(
        f"Deployment runs read inboxes only under {roots or 'the project folder and the served inbox'} "
        f"(${config.INBOX_ROOTS_ENV}, {os.pathsep}-separated, to change it)."
    )
    return lines


def inbox_roots_for(inbox: Path, environ: Mapping[str, str]) -> str:
    """$CONSULTATIONS_INBOX_ROOTS for the worker: the user's setting, which must allow the served
    inbox (else a one-line error), or the project folder plus the served inbox."""
    if environ.get(config.INBOX_ROOTS_ENV):
        try:
            config.allowed_inbox(inbox, environ)
        except config.InboxNotAllowed as error:
            raise LocalPrefectError(str(error)) from None
        return environ[config.INBOX_ROOTS_ENV]
    return os.pathsep.join(dict.fromkeys([str(PROJECT_ROOT), str(Path(inbox).resolve())]))


def _interrupt(signum, frame):
    raise KeyboardInterrupt


def serve(
    host: str = "127.0.0.1",
    port: int | None = None,
    inbox: str = "seeds",
    warehouse: str | None = None,
    home: Path | None = None,
) -> None:
    """Server + UI, pool, deployments and a worker, until Ctrl-C or SIGTERM. The server's
    database and the logs live in `home` (default: the project's `.prefect/`), so run history
    survives restarts and the user's ~/.prefect is never touched."""
    parameters = deployment_parameters(inbox, warehouse)
    roots = inbox_roots_for(Path(parameters["ingest/ingest-inbox"]["inbox"]), os.environ)
    port = port or free_port(host, DEFAULT_PORT)
    home = home or PROJECT_ROOT / ".prefect"
    previous = signal.signal(signal.SIGTERM, _interrupt)
    try:
        for line in protection_advice(host, os.environ, os.geteuid() if hasattr(os, "geteuid") else None):
            print(line, file=sys.stderr if line.startswith("warning:") else sys.stdout, flush=True)
        print(f"Starting the Prefect server on {host}:{port} (logs in {Path(home) / 'logs'}) ...", flush=True)
        with local_prefect(port, host, home) as prefect:
            prefect.ensure_work_pool()
            if left := prefect.crash_unfinished_runs(POOL, "serve was stopped while it ran"):
                print(f"Marked crashed, left unfinished by an earlier session: {', '.join(left)}", flush=True)
            print("Deploying prefect.yaml ...", flush=True)
            prefect.deploy()
            for name, values in parameters.items():
                prefect.set_parameters(name, values)
            prefect.start_worker(env={config.INBOX_ROOTS_ENV: roots})
            ingest = parameters["ingest/ingest-inbox"]
            print(
                f"Prefect UI:  {prefect.ui_url}\n"
                f"Ingesting {ingest['inbox']} every 15 minutes (at :00, :15, :30, :45) into "
                f"{resolve_location(ingest['warehouse']).label()}; reprocess on demand.\n"
                f"Run now:     PREFECT_API_URL={prefect.api_url} prefect deployment run ingest/ingest-inbox\n"
                f"Ctrl-C stops the worker and the server.",
                flush=True,
            )
            prefect.watch()
    except KeyboardInterrupt:
        print("Stopped.", flush=True)
    finally:
        signal.signal(signal.SIGTERM, previous)
