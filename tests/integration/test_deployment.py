"""The deployments of prefect.yaml on a real Prefect server and process worker: declared as
written, and ingestions triggered through the deployment land only what is new.

60-100 s on 2 cores: the server starts in 15-40 s, `prefect deploy` and the worker take ~10 s,
each of the five runs 5-10 s (most of it the flow-run process starting)."""

from __future__ import annotations

import shutil
from datetime import datetime, timedelta, timezone

import pytest

from flows.serve import POOL, PROJECT_ROOT
from tests.live_prefect import live_prefect, trigger, trigger_with_cli, wait_for_run, wait_for_runs  # noqa: F401
from warehouse.connection import resolve_location
from warehouse.queries import run_sql

pytestmark = pytest.mark.integration

SEEDS = PROJECT_ROOT / "seeds"
INGEST, REPROCESS = "ingest/ingest-inbox", "reprocess/reprocess"


def rows(warehouse, query: str) -> list[tuple]:
    return run_sql(resolve_location(warehouse), query)[1]


def test_deployments_are_declared_as_in_prefect_yaml(live_prefect):
    with live_prefect.prefect.client() as client:
        ingest = client.read_deployment_by_name(INGEST)
        reprocess = client.read_deployment_by_name(REPROCESS)
        pool = client.read_work_pool(POOL)
    [schedule] = ingest.schedules
    assert schedule.active and schedule.schedule.interval == timedelta(minutes=15)
    assert schedule.schedule.anchor_date == datetime(2026, 1, 1, tzinfo=timezone.utc)  # on the quarter hours
    assert reprocess.schedules == []
    assert ingest.parameters == {"inbox": "seeds", "warehouse": None}
    assert reprocess.parameters == {"warehouse": None}
    for deployment in (ingest, reprocess):
        assert deployment.work_pool_name == POOL
        # `concurrency_limit: {limit: 1, collision_strategy: ENQUEUE}` comes back as a global
        # concurrency limit of the deployment's own, plus its options.
        assert deployment.global_concurrency_limit.limit == 1
        assert deployment.concurrency_options.collision_strategy == "ENQUEUE"
        # {{ $CONSULTATIONS_HOME }} was filled in by `prefect deploy`, not left for run time
        assert deployment.pull_steps == [
            {"prefect.deployments.steps.set_working_directory": {"directory": str(PROJECT_ROOT)}}
        ]
    # one run at a time in the pool: an ingest and a reprocess never overlap
    assert pool.type == "process" and pool.concurrency_limit == 1


def test_ingest_inbox_runs_on_the_worker_and_lands_only_what_is_new(live_prefect, tmp_path):
    inbox, warehouse = tmp_path / "inbox", tmp_path / "warehouse"
    shutil.copytree(SEEDS, inbox)
    parameters = {"inbox": str(inbox), "warehouse": str(warehouse)}

    first = wait_for_run(live_prefect, trigger_with_cli(live_prefect, INGEST, parameters))
    assert rows(warehouse, "SELECT count(*) FROM documents") == [(5,)]
    assert rows(warehouse, "SELECT run_id, n_seen, n_new, n_unchanged FROM runs") == [(str(first.id), 5, 5, 0)]

    letter = (SEEDS / "000_30b19b25cf31b9f3.txt").read_text(encoding="utf-8")
    changed = letter.replace(
        "First of all, we would like to thank you", "To begin with, we are grateful to you"
    ).replace("Overall, we think", "On the whole, we believe")
    assert changed != letter
    (inbox / "005_second_letter.txt").write_text(changed, encoding="utf-8")

    second = wait_for_run(live_prefect, trigger(live_prefect, INGEST, parameters))
    runs = rows(
        warehouse, "SELECT run_id, n_seen, n_new, n_changed, n_unchanged, n_failed FROM runs ORDER BY started_at"
    )
    assert runs[-1] == (str(second.id), 6, 1, 0, 5, 0)
    assert rows(warehouse, "SELECT count(*) FROM documents") == [(6,)]
    assert rows(warehouse, f"SELECT source_path FROM documents WHERE run_id = '{second.id}'") == [
        ("005_second_letter.txt",)
    ]
    assert not live_prefect.default_warehouse.exists()  # nothing ran with the declared defaults


def test_an_ingest_and_a_reprocess_triggered_together_run_one_after_the_other(live_prefect, tmp_path):
    inbox, warehouse = tmp_path / "inbox", tmp_path / "warehouse"
    shutil.copytree(SEEDS, inbox)
    # The pool hands its worker one run at a time, the earliest due first; the other waits,
    # Scheduled. (Run together, the reprocess would fail: there is no warehouse before the ingest.)
    together = [
        trigger(live_prefect, INGEST, {"inbox": str(inbox), "warehouse": str(warehouse)}),
        trigger(live_prefect, REPROCESS, {"warehouse": str(warehouse), "all_documents": True}),
    ]
    (ingest, reprocess), most_active = wait_for_runs(live_prefect, together)
    assert most_active == 1
    assert ingest.end_time <= reprocess.start_time
    assert rows(warehouse, "SELECT run_id, flow_name FROM runs ORDER BY started_at") == [
        (str(ingest.id), "ingest"),
        (str(reprocess.id), "reprocess"),
    ]
