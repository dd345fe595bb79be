"""Structure: title, sections and paragraphs."""

from __future__ import annotations

from operator import attrgetter

from prefect import get_run_logger, task
from prefect.cache_policies import NO_CACHE

from tasks.domain.batch import Seconds
from tasks.domain.budget import Budget
from tasks.domain.document import structure_document
from tasks.domain.models import CleanedDocument, Failure, StructuredDocument
from tasks.parallel import parallel_each
from tasks.run_log import log_failures


def structure_all(
    docs: list[CleanedDocument], budget: Budget | None = None, spent: Seconds | None = None
) -> tuple[list[StructuredDocument], list[Failure], Seconds]:
    """`spent`: the seconds each document already took in earlier stages, against the same budget."""
    identify = attrgetter("raw.source_path", "raw.doc_id")
    return parallel_each(docs, structure_document, "structure", identify, budget, spent)


@task(name="find sections and paragraphs", cache_policy=NO_CACHE)
def structure(
    docs: list[CleanedDocument], budget: Budget | None = None, spent: Seconds | None = None
) -> tuple[list[StructuredDocument], list[Failure], Seconds]:
    done, failures, seconds = structure_all(docs, budget, spent)
    get_run_logger().info(
        "structured %d documents: %d sections, %d paragraphs",
        len(done),
        sum(len(d.sections) for d in done),
        sum(len(d.paragraphs) for d in done),
    )
    log_failures(failures)
    return done, failures, seconds
