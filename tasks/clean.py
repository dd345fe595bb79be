"""Clean: remove noise, recording every removal."""

from __future__ import annotations

from collections import Counter
from functools import partial
from operator import attrgetter

from prefect import get_run_logger, task
from prefect.cache_policies import NO_CACHE

from tasks.domain.batch import Seconds
from tasks.domain.budget import Budget
from tasks.domain.cleaning import CleaningConfig, clean_document
from tasks.domain.models import CleanedDocument, Failure, RawDocument
from tasks.parallel import parallel_each
from tasks.run_log import log_failures


def clean_all(
    docs: list[RawDocument], config: CleaningConfig, budget: Budget | None = None, spent: Seconds | None = None
) -> tuple[list[CleanedDocument], list[Failure], Seconds]:
    """`spent`: the seconds each document already took in earlier stages, against the same budget."""
    clean_one = partial(clean_document, config=config)
    return parallel_each(docs, clean_one, "clean", attrgetter("source_path", "doc_id"), budget, spent)


@task(name="clean noise", cache_policy=NO_CACHE)
def clean(
    docs: list[RawDocument], config: CleaningConfig, budget: Budget | None = None, spent: Seconds | None = None
) -> tuple[list[CleanedDocument], list[Failure], Seconds]:
    cleaned, failures, seconds = clean_all(docs, config, budget, spent)
    kinds = Counter(r.kind for c in cleaned for r in c.removals)
    get_run_logger().info(
        "cleaned %d documents: %s", len(cleaned), ", ".join(f"{n} {k}" for k, n in kinds.most_common()) or "no noise"
    )
    log_failures(failures)
    return cleaned, failures, seconds
