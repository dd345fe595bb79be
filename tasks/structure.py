"""Structure: title, sections and paragraphs."""
from __future__ import annotations

from prefect import get_run_logger, task
from prefect.cache_policies import NO_CACHE

from tasks.domain.batch import each
from tasks.domain.document import structure_document
from tasks.domain.models import CleanedDocument, Failure, StructuredDocument


def structure_all(docs: list[CleanedDocument]) -> tuple[list[StructuredDocument], list[Failure]]:
    return each(docs, structure_document, "structure", lambda d: (d.raw.source_path, d.raw.doc_id))


@task(name="find sections and paragraphs", cache_policy=NO_CACHE)
def structure(docs: list[CleanedDocument]) -> tuple[list[StructuredDocument], list[Failure]]:
    done, failures = structure_all(docs)
    get_run_logger().info("structured %d documents: %d sections, %d paragraphs", len(done),
                          sum(len(d.sections) for d in done), sum(len(d.paragraphs) for d in done))
    return done, failures
