"""The time budget of one PDF's reading, checked between pages."""

from __future__ import annotations

import time

from tasks.domain.extract import ReadError


class Budget:
    """Stops a document whose reading runs past its time budget, checked between pages."""

    def __init__(self, source_path: str, seconds: float):
        self.source_path, self.seconds = source_path, seconds
        self.started = time.monotonic()

    def check(self, done: int, total: int, what: str = "pages read") -> None:
        if time.monotonic() - self.started > self.seconds:
            raise ReadError(
                "time_budget",
                f"{self.source_path}: stopped after {done} of {total} {what}: "
                f"reading took longer than the time budget of {self.seconds:g} s; split the PDF "
                "into smaller files (e.g. `qpdf --split-pages=100 in.pdf out.pdf`) or raise the "
                "time budget",
            )
