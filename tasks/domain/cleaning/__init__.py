"""Cleaning: ordered rules over text, every removal recorded with raw offsets."""
from __future__ import annotations

from tasks.domain.cleaning.engine import clean, replay
from tasks.domain.cleaning.registry import CleaningConfig
from tasks.domain.models import CleanedDocument, RawDocument


def clean_document(doc: RawDocument, config: CleaningConfig = CleaningConfig()) -> CleanedDocument:
    text, removals = clean(doc.raw_text, config.rules())
    return CleanedDocument(doc, text, tuple(removals))


__all__ = ["CleaningConfig", "clean_document", "replay"]
