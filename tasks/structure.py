"""Structure: title, sections and paragraphs."""

from __future__ import annotations

from operator import attrgetter

from prefect import get_run_logger, task
from prefect.cache_policies import NO_CACHE

from tasks.domain.batch import Seconds
from tasks.domain.document import structure_document
from tasks.domain.models import CleanedDocument, Failure, StructuredDocument
from tasks.parallel import parallel_each
from tasks.run_log import log_failures


def structure_all(docs: list[CleanedDocument]) -> tuple[list[StructuredDocument], list[Failure], Seconds]:
    return parallel_each(docs, structure_document, "structure", attrgetter("raw.source_path", "raw.doc_id"))


@task(name="find sections and paragraphs", cache_policy=NO_CACHE)
def structure(docs: list[CleanedDocument]) -> tuple[list[StructuredDocument], list[Failure], Seconds]:
    done, failures, seconds = structure_all(docs)
    get_run_logger().info(
        "structured %d documents: %d sections, %d paragraphs",
        len(done),
        sum(len(d.sections) for d in done),
        sum(len(d.paragraphs) for d in done),
    )
    log_failures(failures)
    return done, failures, seconds
