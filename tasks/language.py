"""Language: label documents, sections and paragraphs."""

from __future__ import annotations

from collections import Counter
from operator import attrgetter

from prefect import get_run_logger, task
from prefect.cache_policies import NO_CACHE

from tasks.domain.batch import Seconds
from tasks.domain.budget import Budget
from tasks.domain.document import label_languages
from tasks.domain.models import Failure, StructuredDocument
from tasks.parallel import parallel_each
from tasks.run_log import log_failures


def label_all(
    docs: list[StructuredDocument], budget: Budget | None = None, spent: Seconds | None = None
) -> tuple[list[StructuredDocument], list[Failure], Seconds]:
    """`spent`: the seconds each document already took in earlier stages, against the same budget."""
    identify = attrgetter("cleaned.raw.source_path", "cleaned.raw.doc_id")
    return parallel_each(docs, label_languages, "language", identify, budget, spent)


@task(name="detect languages", cache_policy=NO_CACHE)
def detect_languages(
    docs: list[StructuredDocument], budget: Budget | None = None, spent: Seconds | None = None
) -> tuple[list[StructuredDocument], list[Failure], Seconds]:
    done, failures, seconds = label_all(docs, budget, spent)
    langs = Counter(d.language for d in done)
    get_run_logger().info("languages: %s", ", ".join(f"{n} {k}" for k, n in langs.most_common()) or "none")
    log_failures(failures)
    return done, failures, seconds
