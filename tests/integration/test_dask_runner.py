"""The Dask runners land exactly what the default runner lands.

The same inbox is ingested twice, into two warehouses: by the default runner (batches in this
process, a process pool inside each stage task) and by runner="dask" (a local cluster of two
worker processes that the flow starts and stops, each batch one task run on a worker). Then both
are reprocessed, the second on a running cluster given by its address. ~30-45 s on 2 cores, most
of it Dask worker processes starting (each imports Prefect and the readers)."""

from __future__ import annotations

import os
import shutil
import socket
import time
from uuid import UUID

import pytest

from tests.conftest import SEEDS
from tests.run_logs import run_logs_contain

pytestmark = pytest.mark.integration

BATCH_SIZE = 3  # 8 readable files: three batches, so two workers run batches side by side
VOLATILE = {"run_id", "ingested_at", "failed_at", "first_seen", "last_seen"}
KEYS = {
    "documents": ["doc_id"],
    "sources": ["source_path"],
    "sections": ["doc_id", "section_no"],
    "paragraphs": ["doc_id", "section_no", "para_no"],
    "artifacts": ["doc_id", "artifact_no"],
    "failures": ["source_path", "stage"],
}
EXTRA = {
    "extra_es.txt": "Consulta regional sobre migración\n\nLa Red Regional agradece la oportunidad de "
    "participar en esta consulta sobre el Pacto Mundial para una Migración Segura.\n",
    "extra_fr.md": "# Consultation régionale\n\nLe Réseau des organisations de la société civile remercie "
    "les co-facilitateurs de lui donner la parole lors de cette consultation.\n",
    "notes/extra_en.txt": "Stocktaking meeting\n\nThe regional review heard civil society on safe, orderly "
    "and regular migration, on detention and on the rights of migrant workers.\n",
}


def contents(warehouse) -> dict[str, list[dict]]:
    """Every table's rows without what differs between two runs, in key order."""
    from warehouse.connection import connect, resolve_location

    con = connect(resolve_location(warehouse), read_only=True)
    try:
        tables = {}
        for table, keys in KEYS.items():
            arrow = con.execute(f"SELECT * FROM {table}").fetch_arrow_table()
            rows = arrow.drop_columns([c for c in arrow.column_names if c in VOLATILE]).to_pylist()
            tables[table] = sorted(rows, key=lambda row: [row[k] for k in keys])
        return tables
    finally:
        con.close()


def child_processes() -> dict[int, str]:
    """This process's live children, but multiprocessing's resource tracker: the first process
    spawned starts it and it stays, one per process, whoever spawned."""
    import psutil

    children = {}
    for child in psutil.Process().children(recursive=True):
        try:
            if child.status() != psutil.STATUS_ZOMBIE:
                children[child.pid] = " ".join(child.cmdline())
        except psutil.NoSuchProcess:
            continue
    return {pid: cmd for pid, cmd in children.items() if "resource_tracker" not in cmd}


@pytest.fixture(scope="module")
def inbox(tmp_path_factory):
    folder = tmp_path_factory.mktemp("dask") / "inbox"
    shutil.copytree(SEEDS, folder)
    for name, text in EXTRA.items():
        (folder / name).parent.mkdir(parents=True, exist_ok=True)
        (folder / name).write_text(text, encoding="utf-8")
    (folder / "empty.txt").write_bytes(b"")  # a failure, landed by both
    return folder


@pytest.fixture(scope="module")
def ingested(prefect_server, inbox):
    """The inbox ingested by each runner into its own warehouse; the Dask run's own cluster is
    gone when the flow returns, and its worker processes with it."""
    from flows.ingest import ingest
    from flows.progress import listening

    monkeypatch = pytest.MonkeyPatch()
    monkeypatch.setenv("CONSULTATIONS_WORKERS", "2")  # two worker processes whatever the machine
    try:
        root = inbox.parent
        default = ingest(str(inbox), str(root / "wh-default"), batch_size=BATCH_SIZE)
        before = child_processes()
        progress = []
        with listening(progress.append):
            dask = ingest(str(inbox), str(root / "wh-dask"), batch_size=BATCH_SIZE, runner="dask")
        for _ in range(50):
            left = {pid: cmd for pid, cmd in child_processes().items() if pid not in before}
            if not left:
                break
            time.sleep(0.1)
    finally:
        monkeypatch.undo()
    return default, dask, left, progress


@pytest.fixture(scope="module")
def cluster_address():
    """A running local cluster, given to the flow by its address (the flow leaves it running);
    closed at the end of the module, also when a test failed."""
    from distributed import LocalCluster

    with LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None) as cluster:
        yield cluster.scheduler_address


def test_both_runners_land_the_same_tables(ingested):
    default, dask, left, _ = ingested
    assert not left, f"Dask processes still running after the flow returned: {left}"
    assert (dask.n_seen, dask.n_new, dask.n_failed) == (default.n_seen, default.n_new, default.n_failed) == (9, 9, 1)
    assert dask.landed == default.landed
    assert dask.doc_ids == default.doc_ids  # batch order, however the batches completed
    assert [(f.source_path, f.stage, f.error_type) for f in dask.failures] == [("empty.txt", "extract", "empty")]
    assert contents(dask.warehouse) == contents(default.warehouse)


def test_the_dask_run_reports_like_the_default_one(ingested):
    from prefect.client.orchestration import get_client
    from prefect.client.schemas.filters import FlowRunFilter, FlowRunFilterId, TaskRunFilter, TaskRunFilterName

    default, dask, _, progress = ingested
    assert {path for path, _ in dask.slowest} == {path for path, _ in default.slowest}
    assert len(dask.slowest) == 9  # every file, the one that failed too
    assert {"cluster", "batches", "extract", "clean", "structure", "language", "tabulate", "land"} <= set(
        dask.stage_seconds
    )
    this_run = FlowRunFilter(id=FlowRunFilterId(any_=[UUID(dask.run_id)]))
    with get_client(sync_client=True) as client:
        artifacts = {a.type: a for a in client.read_artifacts(flow_run_filter=this_run)}
        batches = client.read_task_runs(
            flow_run_filter=this_run, task_run_filter=TaskRunFilter(name=TaskRunFilterName(like_="ingest batch"))
        )
    assert artifacts["progress"].data == 100.0
    # the command's progress bar moves as batches come back from the workers, in any order
    assert [p.done for p in progress if p.phase == "processing"] == [3, 6, 9]
    workers = {p.worker for p in progress if p.phase == "processing"}
    assert len(workers) == 2 and f"{socket.gethostname()}:{os.getpid()}" not in workers, (
        f"the batches did not run on the two Dask workers: {workers}"
    )
    assert progress[-1].phase == "landed" and progress[-1].failed == 1
    assert "| empty.txt | extract | empty |" in artifacts["markdown"].data
    assert len(batches) == 3 and all(b.state.is_completed() for b in batches)
    # the stage tasks log from the Dask workers
    assert run_logs_contain(dask.run_id, "empty.txt failed at extract: empty"), (
        "the failure of empty.txt, logged on a Dask worker, never reached the run's logs"
    )


def test_reprocess_on_a_running_cluster_rebuilds_the_same_tables(ingested, cluster_address):
    from flows.reprocess import reprocess

    default, dask, _, _ = ingested
    rebuilt = [
        reprocess(default.warehouse, all_documents=True, batch_size=BATCH_SIZE, disabled_rules=["drop_word_bookmarks"]),
        reprocess(
            dask.warehouse,
            all_documents=True,
            batch_size=BATCH_SIZE,
            disabled_rules=["drop_word_bookmarks"],
            runner=cluster_address,
        ),
    ]
    assert [(r.n_examined, r.n_rebuilt, r.failures) for r in rebuilt] == [(8, 8, [])] * 2
    assert rebuilt[0].pipeline_version == rebuilt[1].pipeline_version
    assert contents(dask.warehouse) == contents(default.warehouse)


def test_batches_and_runner_names():
    from flows.runners import check_runner
    from flows.stages import batches

    assert [len(b) for b in batches(list(range(10)), 250, at_least=2)] == [5, 5]
    assert [len(b) for b in batches(list(range(600)), 250, at_least=2)] == [250, 250, 100]
    assert [len(b) for b in batches(list(range(3)), 250, at_least=4)] == [1, 1, 1]
    assert batches([], 250, at_least=2) == []
    assert check_runner("tcp://10.0.0.5:8786") == "tcp://10.0.0.5:8786"
    with pytest.raises(ValueError, match="runner must be"):
        check_runner("threads")
