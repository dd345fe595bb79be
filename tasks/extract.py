"""Extract: read files and turn their bytes into raw text, on every core (PDFs are CPU-bound)."""

from __future__ import annotations

from collections import Counter
from functools import partial
from operator import attrgetter
from pathlib import Path

from prefect import get_run_logger, task
from prefect.cache_policies import NO_CACHE

from tasks.domain.batch import Seconds
from tasks.domain.models import Failure, RawDocument, SourceFile
from tasks.io.files import read_as_hashed
from tasks.parallel import parallel_each
from tasks.readers import DEFAULT_TIME_BUDGET_S, read_document
from tasks.run_log import log_failures


def read_file(f: SourceFile, inbox: Path, time_budget_s: float) -> RawDocument:
    return read_document(f, read_as_hashed(inbox, f), time_budget_s)


def extract_files(
    inbox: Path, files: list[SourceFile], time_budget_s: float = DEFAULT_TIME_BUDGET_S
) -> tuple[list[RawDocument], list[Failure], Seconds]:
    return parallel_each(
        files,
        partial(read_file, inbox=inbox, time_budget_s=time_budget_s),
        "extract",
        attrgetter("source_path", "doc_id"),
    )


@task(name="extract text", cache_policy=NO_CACHE)
def extract(
    inbox: Path, files: list[SourceFile], time_budget_s: float = DEFAULT_TIME_BUDGET_S
) -> tuple[list[RawDocument], list[Failure], Seconds]:
    docs, failures, seconds = extract_files(inbox, files, time_budget_s)
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
