"""One document's budget covers every stage, not only reading: a big generated text over a small
time or memory budget fails typed in the stage where it ran out, and the seeds in its batch go
through every stage (flows/stages.ingest_batch, the real stage tasks and worker processes)."""

from __future__ import annotations

import hashlib
import shutil
from datetime import datetime, timezone
from pathlib import Path

import pytest

from bench.big_text import big_text
from flows.stages import ingest_batch, reprocess_batch
from tasks.domain.cleaning import CleaningConfig
from tasks.domain.models import SourceFile

pytestmark = [pytest.mark.integration, pytest.mark.filterwarnings("ignore:Logger .prefect.task_runs.")]

SEEDS = Path(__file__).resolve().parents[2] / "seeds"


@pytest.fixture(scope="module")
def inbox(tmp_path_factory) -> tuple[Path, list[SourceFile]]:
    inbox = tmp_path_factory.mktemp("budget") / "inbox"
    shutil.copytree(SEEDS, inbox)
    (inbox / "dump.txt").write_text(big_text(16), encoding="utf-8")
    files = [
        SourceFile(p.name, p.stat().st_size, 0, hashlib.sha256(p.read_bytes()).hexdigest())
        for p in sorted(inbox.iterdir())
    ]
    return inbox, files


def _batch(inbox: tuple[Path, list[SourceFile]], **budget):
    folder, files = inbox
    return ingest_batch(
        folder, files, CleaningConfig(), run_id="r", started_at=datetime.now(timezone.utc), version="v", **budget
    )


def _landed(result) -> set[str]:
    return {row["source_path"] for row in result.tables["documents"].to_pylist()}


def test_a_document_over_its_time_budget_after_reading_fails_and_the_batch_goes_on(prefect_server, inbox):
    """The 16 MB text is read in well under a second, then takes far longer than 3 s to clean."""
    result = _batch(inbox, time_budget_s=3.0)
    (failure,) = result.failures
    assert (failure.source_path, failure.error_type) == ("dump.txt", "time_budget")
    assert failure.stage != "extract"
    assert "--time-budget" in failure.error_message and "\n" not in failure.error_message
    assert _landed(result) == {p.name for p in SEEDS.iterdir()}


def test_a_document_over_its_memory_budget_fails_and_the_batch_goes_on(prefect_server, inbox):
    result = _batch(inbox, time_budget_s=300.0, memory_budget_mb=80)
    (failure,) = result.failures
    assert (failure.source_path, failure.error_type) == ("dump.txt", "memory_budget")
    assert "--memory-budget" in failure.error_message and "\n" not in failure.error_message
    assert _landed(result) == {p.name for p in SEEDS.iterdir()}


def test_reprocessing_keeps_the_budget(prefect_server, inbox):
    from tasks.extract import extract_files

    folder, files = inbox
    raw, failures, _ = extract_files(folder, files)
    assert not failures
    result = reprocess_batch(
        raw, CleaningConfig(), "r", datetime.now(timezone.utc), "v", {}, time_budget_s=3.0, memory_budget_mb=2048
    )
    assert [(f.source_path, f.error_type) for f in result.failures] == [("dump.txt", "time_budget")]
    assert _landed(result) == {p.name for p in SEEDS.iterdir()}
