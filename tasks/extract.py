"""Extract: read files and turn their bytes into raw text."""
from __future__ import annotations

from pathlib import Path

from prefect import get_run_logger, task
from prefect.cache_policies import NO_CACHE

from tasks.domain.batch import each
from tasks.domain.extract import extract_text_document
from tasks.domain.models import Failure, RawDocument, SourceFile
from tasks.io.files import read_bytes
from tasks.run_log import log_failures


def extract_files(inbox: Path, files: list[SourceFile]) -> tuple[list[RawDocument], list[Failure]]:
    return each(files, lambda f: extract_text_document(f, read_bytes(inbox, f.source_path)),
                "extract", lambda f: (f.source_path, f.doc_id))


@task(name="extract text", cache_policy=NO_CACHE)
def extract(inbox: Path, files: list[SourceFile]) -> tuple[list[RawDocument], list[Failure]]:
    docs, failures = extract_files(inbox, files)
    get_run_logger().info("extracted %d of %d files", len(docs), len(files))
    log_failures(failures)
    return docs, failures
