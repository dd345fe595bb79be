"""Summarise a run as Prefect artifacts: a markdown summary and a table of the documents."""

from __future__ import annotations

from collections import Counter

import pyarrow as pa
from prefect import get_run_logger, task
from prefect.artifacts import create_markdown_artifact, create_table_artifact
from prefect.cache_policies import NO_CACHE

from tasks.domain.models import Failure
from tasks.domain.summary import RunSummary, overcleaned, summary_markdown
from warehouse.connection import WarehouseLocation
from warehouse.queries import failing_sources

# A table artifact of every document of a 10,000-file run would be unreadable in the UI.
MAX_TABLE_ROWS = 500


def _counts(batches: list[dict[str, pa.Table]], table: str, column: str) -> Counter:
    counts: Counter = Counter()
    for batch in batches:
        if table in batch:
            counts.update(batch[table].column(column).to_pylist())
    return counts


def build_summary(
    run_id: str,
    flow_name: str,
    inbox: str,
    counts: dict[str, int],
    batches: list[dict[str, pa.Table]],
    failures: list[Failure],
    slowest: list[tuple[str, float]] = (),
    still_failing: list[Failure] | None = None,
) -> RunSummary:
    noise = _counts(batches, "artifacts", "kind")
    noise.pop("whitespace", None)
    shares = [
        pair
        for batch in batches
        if "documents" in batch
        for pair in zip(
            batch["documents"].column("source_path").to_pylist(),
            batch["documents"].column("removed_word_share").to_pylist(),
        )
    ]
    return RunSummary(
        run_id,
        flow_name,
        inbox,
        counts,
        dict(_counts(batches, "documents", "language")),
        dict(noise),
        tuple(failures),
        tuple(slowest),
        overcleaned(shares),
        None if still_failing is None else tuple(still_failing),
    )


def still_failing(location: WarehouseLocation | None) -> list[Failure] | None:
    """The files failing across the warehouse once this run has landed (None without a warehouse,
    or when it cannot be read: the summary then says nothing about them rather than fail)."""
    if location is None:
        return None
    try:
        rows = failing_sources(location)
    except Exception as error:  # the run has landed; a summary must not turn it into a failure
        get_run_logger().warning("could not list the files still failing: %s", error)
        return None
    return [
        Failure(
            row["source_path"],
            row["doc_id"] or "",
            row["stage"] or "unknown",
            row["error_type"] or row["status"],
            row["error_message"] or f"its last status is {row['status']}",
        )
        for row in rows
    ]


# The columns of the documents table artifact (and all a run keeps of its landed documents).
DOCUMENT_COLUMNS = ["source_path", "title", "language", "n_sections", "n_paragraphs", "n_words", "removed_word_share"]


def document_rows(batches: list[dict[str, pa.Table]]) -> list[dict]:
    columns = DOCUMENT_COLUMNS
    rows = [row for batch in batches if "documents" in batch for row in batch["documents"].select(columns).to_pylist()]
    return rows[:MAX_TABLE_ROWS]


@task(name="publish the run summary", cache_policy=NO_CACHE)
def publish_summary(
    run_id: str,
    flow_name: str,
    inbox: str,
    counts: dict[str, int],
    batches: list[dict[str, pa.Table]],
    failures: list[Failure],
    slowest: list[tuple[str, float]] = (),
    location: WarehouseLocation | None = None,
) -> str:
    """The run's summary artifacts; given the warehouse's `location` (after landing), the summary
    also lists every file still failing there."""
    summary = build_summary(run_id, flow_name, inbox, counts, batches, failures, slowest, still_failing(location))
    markdown = summary_markdown(summary)
    create_markdown_artifact(
        markdown,
        key=f"{summary.flow_name}-summary",
        description=f"{summary.flow_name}: what this run landed and what failed",
    )
    rows = document_rows(batches)
    if rows:
        create_table_artifact(
            rows,
            key=f"{summary.flow_name}-documents",
            description=f"documents landed by this run (first {MAX_TABLE_ROWS})",
        )
    return markdown
