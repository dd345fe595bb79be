"""Where a run's batches are processed: the `runner` parameter of the ingest and reprocess flows.

- "processes" (the default): batches one after another in the flow's process, one task run per
  stage per batch; each stage task hands its batch's documents to a pool of supervised worker
  processes, one per core, each document under its time and memory budget (tasks/parallel.py).
- "dask": a temporary local Dask cluster of single-threaded worker processes, one per core
  (CONSULTATIONS_WORKERS overrides the count), started when the first batch is submitted and
  shut down when the last is back. Each batch is one task run ("ingest batch")
  on a worker with the stage task runs nested in it; inside a worker the stages run in the
  worker's own process (no pool in a pool), so batches run side by side, one per worker.
- a scheduler address ("tcp://host:8786"): the same on a running cluster, which is left running.
  Its workers must import this project and reach the Prefect API: set PREFECT_API_URL to a
  server they can reach (a run without it talks to a temporary server on 127.0.0.1).

The flow opens its runner itself, from the parameter, around the batch phase only: a deployment
run chooses it like any other parameter (`--param runner=dask`), with no subflow and no second
flow run; landing stays in the flow, one writer, each batch landed as it comes back; a run with nothing new starts no
cluster. Prefect's own `@flow(task_runner=...)` / `with_options(task_runner=...)` would fix the
choice before the run starts, keep the cluster up for the whole run, and for a deployment need a
subflow called with options: a second flow run owning the artifacts and the result.

Dask costs 140-190 ms per task run and ~5 s to start and stop a local cluster (every worker process
imports Prefect and the readers): worth it for batches that take seconds, on more cores than
one machine's pool has. The batch phase is timed as a whole ("batches", wall time); the stages
inside are timed on the workers and summed over batches, so under Dask they add up to more than
the wall time when batches overlap.
"""

from __future__ import annotations

import logging
from contextlib import ExitStack, contextmanager
from functools import partial
from typing import Any, Callable, Iterable, Iterator

from prefect import Flow, Task
from prefect.context import FlowRunContext
from prefect.futures import as_completed
from prefect.settings import PREFECT_API_URL, temporary_settings

from flows.stages import BatchResult, StageTimer
from tasks.parallel import workers as local_workers

PROCESSES = "processes"
DASK = "dask"


def check_runner(runner: str) -> str:
    if runner in (PROCESSES, DASK) or "://" in runner:
        return runner
    raise ValueError(
        f"runner must be {PROCESSES!r}, {DASK!r} or a Dask scheduler address such as 'tcp://host:8786', not {runner!r}"
    )


def with_runner(flow: Flow, runner: str) -> Callable[..., Any]:
    """`flow` (ingest or reprocess) bound to a runner: the same as passing `runner=` to it."""
    return partial(flow, runner=check_runner(runner))


class InlineBatches:
    """The "processes" runner: each batch in this process, in order."""

    def __init__(self, timer: StageTimer):
        self.timer = timer

    @property
    def workers(self) -> int:
        return 1  # each stage task already spreads its batch over every core

    def run(self, unit: Task, params: Iterable[dict]) -> Iterator[tuple[int, BatchResult]]:
        """`params` may be a generator: each batch's are made when its turn comes."""
        with self.timer("batches"):
            for i, kwargs in enumerate(params):
                yield i, unit.fn(**kwargs)


class DaskBatches:
    """A Dask runner: each batch a task run on a Dask worker, results as they complete."""

    def __init__(self, runner: str, timer: StageTimer, stack: ExitStack):
        self.address = None if runner == DASK else runner
        self.timer, self.stack = timer, stack
        self._task_runner = None

    @property
    def workers(self) -> int:
        if self.address is None:
            return local_workers()  # known without starting the cluster
        return max(1, sum(self._dask().client.nthreads().values()))

    def run(self, unit: Task, params: Iterable[dict]) -> Iterator[tuple[int, BatchResult]]:
        params = list(params)
        if not params:
            return
        task_runner = self._dask()
        with self.timer("batches"):
            # Plain parameters: Prefect's quote() does not survive Dask's pickling (it comes back
            # as quote((value,)), prefect-dask issue #43), so Prefect walks them, once a batch.
            futures = {task_runner.submit(unit, kwargs): i for i, kwargs in enumerate(params)}
            for future in as_completed(list(futures)):
                yield futures.pop(future), future.result()  # not kept once collected

    def _dask(self):
        """The DaskTaskRunner, started (a local cluster, or connected) on first use."""
        if self._task_runner is None:
            with self.timer("cluster"):
                from distributed import LocalCluster  # ~1 s: only for a Dask run
                from prefect_dask import DaskTaskRunner

                _quiet("distributed", self.stack)  # the scheduler's INFO lines, in this process
                # Task runs on the workers report to this run's API, also when it is the
                # temporary server this process started (the workers would start their own).
                if not PREFECT_API_URL.value():
                    self.stack.enter_context(temporary_settings({PREFECT_API_URL: _api_url()}))
                if self.address:
                    task_runner = DaskTaskRunner(address=self.address)
                else:
                    task_runner = DaskTaskRunner(
                        cluster_class=LocalCluster,
                        cluster_kwargs={
                            "n_workers": local_workers(),
                            "threads_per_worker": 1,
                            "processes": True,
                            "dashboard_address": None,
                        },
                    )
                self.stack.enter_context(task_runner)
                task_runner.client  # noqa: B018 (starts the cluster, or connects, now)
            self._task_runner = task_runner
        return self._task_runner


def _quiet(logger_name: str, stack: ExitStack) -> None:
    logger = logging.getLogger(logger_name)
    stack.callback(logger.setLevel, logger.level)
    logger.setLevel(max(logger.getEffectiveLevel(), logging.WARNING))


def _api_url() -> str:
    context = FlowRunContext.get()
    if context is not None and context.client is not None:
        return str(context.client.api_url)
    from prefect.client.orchestration import get_client

    with get_client(sync_client=True) as client:
        return str(client.api_url)


@contextmanager
def batch_runner(runner: str, timer: StageTimer) -> Iterator[InlineBatches | DaskBatches]:
    """The runner named by the flow's `runner` parameter; a cluster it started is shut down on
    the way out, whether the batches succeeded or not."""
    check_runner(runner)
    if runner == PROCESSES:
        yield InlineBatches(timer)
        return
    stack = ExitStack()
    try:
        yield DaskBatches(runner, timer, stack)
    finally:
        with timer("cluster"):  # shutting a local cluster down takes a second or two
            stack.close()
