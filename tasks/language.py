"""Language: label documents, sections and paragraphs."""
from __future__ import annotations

from collections import Counter

from prefect import get_run_logger, task
from prefect.cache_policies import NO_CACHE

from tasks.domain.batch import each
from tasks.domain.document import label_languages
from tasks.domain.models import Failure, StructuredDocument


def label_all(docs: list[StructuredDocument]) -> tuple[list[StructuredDocument], list[Failure]]:
    return each(docs, label_languages, "language", lambda d: (d.cleaned.raw.source_path, d.doc_id))


@task(name="detect languages", cache_policy=NO_CACHE)
def detect_languages(docs: list[StructuredDocument]) -> tuple[list[StructuredDocument], list[Failure]]:
    done, failures = label_all(docs)
    langs = Counter(d.language for d in done)
    get_run_logger().info("languages: %s", ", ".join(f"{n} {k}" for k, n in langs.most_common()) or "none")
    return done, failures
