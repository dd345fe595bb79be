"""Cleaning: ordered rules over text, every removal recorded with raw offsets."""
from __future__ import annotations

from tasks.domain.cleaning.engine import clean, replay, with_pages
from tasks.domain.cleaning.registry import CleaningConfig
from tasks.domain.models import CleanedDocument, RawDocument
from tasks.domain.pages import PAGE_SEPARATOR, page_locator


def clean_document(doc: RawDocument, config: CleaningConfig = CleaningConfig()) -> CleanedDocument:
    text, removals = clean(doc.raw_text, config.rules())
    if PAGE_SEPARATOR in doc.raw_text:
        removals = with_pages(removals, page_locator(doc.raw_text))
    return CleanedDocument(doc, text, tuple(removals))


__all__ = ["CleaningConfig", "clean_document", "replay"]
