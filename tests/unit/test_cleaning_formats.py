"""Rules that only apply where their noise can be: page numbers only in text with pages."""

from __future__ import annotations

import pytest

from tasks.domain.cleaning import clean_document
from tasks.domain.models import RawDocument

pytestmark = pytest.mark.unit

# Numbered articles a page apart: in a flattened PDF dump their numbers could count the pages,
# in a markdown export of a law they are the articles' own numbers (a Dutch decree's `Artikel 1`).
_FILLER = "De minister stelt nadere regels vast over de uitvoering van dit besluit en de termijnen. " * 3
ARTICLES = "".join(f"{_FILLER}\n\n### Artikel  {n}  \n\n" for n in range(1, 5))


def _raw(fmt: str) -> RawDocument:
    return RawDocument("d" * 16, f"law.{fmt}", fmt, ARTICLES, "utf-8")


@pytest.mark.parametrize("fmt", ["md", "docx", "html"])
def test_numbers_in_formats_without_pages_are_kept(fmt: str) -> None:
    cleaned = clean_document(_raw(fmt))
    assert not [r for r in cleaned.removals if r.kind == "page_number"]
    for n in range(1, 5):
        assert f"Artikel  {n}" in cleaned.clean_text


def test_the_same_text_as_a_dump_may_lose_page_numbers() -> None:
    """The rule still runs on text dumps: the difference above is the format, not the text."""
    cleaned = clean_document(_raw("txt"))
    assert [r for r in cleaned.removals if r.kind == "page_number"]
