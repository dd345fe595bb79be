"""The run summary's markdown: counts, languages, noise and every failure with its reason."""

from __future__ import annotations

import pytest

from tasks.domain.models import Failure
from tasks.domain.summary import RunSummary, summary_markdown

pytestmark = pytest.mark.unit


def test_summary_lists_counts_languages_noise_and_failures():
    summary = RunSummary(
        "r1",
        "ingest",
        "/inbox",
        {"seen": 3, "new": 2, "failed": 1},
        {"en": 1, "es": 1},
        {"page_number": 16, "similar_documents": 101},
        (Failure("junk.txt", "d", "extract", "binary", "the file | holds binary data"),),
    )
    text = summary_markdown(summary)
    assert "| new | 2 |" in text and "| failed | 1 |" in text
    assert text.index("similar_documents") < text.index("page_number")  # most removed first
    assert "| junk.txt | extract | binary | the file \\| holds binary data |" in text


def test_summary_of_a_run_that_landed_nothing():
    text = summary_markdown(RunSummary("r2", "ingest", "/inbox", {"seen": 5, "unchanged": 5}))
    assert "No document landed." in text and "None: every file was read." in text


def test_summary_names_the_slowest_documents_slowest_first():
    summary = RunSummary(
        "r3",
        "ingest",
        "/inbox",
        {"seen": 2, "new": 2},
        {"en": 2},
        slowest=(("reports/long.pdf", 12.5), ("a.txt", 0.04)),
    )
    text = summary_markdown(summary)
    assert "## Slowest documents" in text
    assert text.index("| reports/long.pdf | 12.50 |") < text.index("| a.txt | 0.04 |")
    assert "Slowest documents" not in summary_markdown(RunSummary("r4", "ingest", "/inbox", {"seen": 0}))
