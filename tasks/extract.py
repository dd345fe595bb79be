"""Extract: read files and turn their bytes into raw text, on every core (PDFs are CPU-bound)."""

from __future__ import annotations

from collections import Counter
from functools import partial
from operator import attrgetter
from pathlib import Path

from prefect import get_run_logger, task
from prefect.cache_policies import NO_CACHE

from tasks.domain.batch import Seconds
from tasks.domain.budget import Budget
from tasks.domain.models import Failure, RawDocument, SourceFile
from tasks.parallel import parallel_each
from tasks.readers import read_inbox_file
from tasks.run_log import log_failures


def extract_files(
    inbox: Path, files: list[SourceFile], budget: Budget | None = None
) -> tuple[list[RawDocument], list[Failure], Seconds]:
    """Each file read in a worker process under the document budget (the default one when none
    is given); the PDF reader also stops itself between pages, with a message naming how far it
    got."""
    budget = budget or Budget()
    return parallel_each(
        files,
        partial(read_inbox_file, inbox=inbox, time_budget_s=budget.time_s),
        "extract",
        attrgetter("source_path", "doc_id"),
        budget,
    )


@task(name="extract text", cache_policy=NO_CACHE)
def extract(
    inbox: Path, files: list[SourceFile], budget: Budget | None = None
) -> tuple[list[RawDocument], list[Failure], Seconds]:
    docs, failures, seconds = extract_files(inbox, files, budget)
    formats = Counter(d.source_format for d in docs)
    pages = sum(d.n_pages or 0 for d in docs)
    get_run_logger().info(
        "extracted %d of %d files (%s%s)",
        len(docs),
        len(files),
        ", ".join(f"{n} {fmt}" for fmt, n in formats.most_common()) or "none",
        f"; {pages} pages" if pages else "",
    )
    log_failures(failures)
    return docs, failures, seconds
