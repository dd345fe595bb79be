"""Cleaning: ordered rules over text, every removal recorded with raw offsets."""

from __future__ import annotations

from tasks.domain.cleaning.engine import Edit, Rule, clean, replay, with_pages
from tasks.domain.cleaning.registry import CleaningConfig
from tasks.domain.models import CleanedDocument, RawDocument
from tasks.domain.pages import PAGE_SEPARATOR, page_locator

READER_RULE_VERSION = 1


def reader_rule(doc: RawDocument) -> Rule:
    """The spans the reader named as not body (a Word header, a page's navigation, a table's
    cells), removed first, while the text is still the raw text their offsets point into."""
    spans = tuple(doc.furniture)
    return Rule(
        f"{doc.source_format}_reader",
        READER_RULE_VERSION,
        lambda _text: [Edit(f.raw_start, f.raw_end, f.kind) for f in spans],
    )


def clean_document(doc: RawDocument, config: CleaningConfig = CleaningConfig()) -> CleanedDocument:
    rules = tuple(r for r in config.rules() if r.applies_to(doc.source_format))
    text, removals = clean(doc.raw_text, (reader_rule(doc), *rules) if doc.furniture else rules)
    if PAGE_SEPARATOR in doc.raw_text:
        removals = with_pages(removals, page_locator(doc.raw_text))
    return CleanedDocument(doc, text, tuple(removals))


__all__ = ["CleaningConfig", "clean_document", "replay"]
