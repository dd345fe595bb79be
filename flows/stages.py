"""The per-batch stages shared by the ingest and reprocess flows."""
from __future__ import annotations

from collections import Counter
from time import perf_counter

from prefect.utilities.annotations import quote

from tasks.clean import clean
from tasks.domain.cleaning import CleaningConfig
from tasks.domain.models import Failure, RawDocument, StructuredDocument
from tasks.language import detect_languages
from tasks.structure import structure


class StageTimer:
    """Wall time per stage, task overhead included, for the run summary and the benchmark;
    and the seconds each document took in the stages, to name the slowest ones."""

    def __init__(self):
        self.seconds: dict[str, float] = {}
        self.documents: Counter = Counter()

    def __call__(self, stage: str):
        return _Span(self, stage)

    def count(self, per_document: dict[str, float]) -> None:
        self.documents.update(per_document)

    def slowest(self, n: int = 10) -> list[tuple[str, float]]:
        return self.documents.most_common(n)


class _Span:
    def __init__(self, timer: StageTimer, stage: str):
        self.timer, self.stage = timer, stage

    def __enter__(self):
        self.t0 = perf_counter()

    def __exit__(self, *exc):
        seconds = self.timer.seconds
        seconds[self.stage] = seconds.get(self.stage, 0.0) + perf_counter() - self.t0


def batches(items, size: int) -> list[list]:
    return [list(items[i:i + size]) for i in range(0, len(items), size)]


def process(raw: list[RawDocument], config: CleaningConfig, timer: StageTimer,
            failures: list[Failure]) -> list[StructuredDocument]:
    """clean → structure → language over one batch; failures are appended, never raised."""
    with timer("clean"):
        cleaned, failed, seconds = clean(quote(raw), config)
    failures += failed
    timer.count(seconds)
    with timer("structure"):
        structured, failed, seconds = structure(quote(cleaned))
    failures += failed
    timer.count(seconds)
    with timer("language"):
        labelled, failed, seconds = detect_languages(quote(structured))
    failures += failed
    timer.count(seconds)
    return labelled
