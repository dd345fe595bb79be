"""From a cleaned document to a structured, language-labelled one."""
from __future__ import annotations

from tasks.domain.language import CORPUS_LANGUAGES, label_document
from tasks.domain.models import CleanedDocument, StructuredDocument
from tasks.domain.structure import structure


def structure_document(cleaned: CleanedDocument) -> StructuredDocument:
    title, sections, paragraphs = structure(cleaned)
    return StructuredDocument(cleaned, title, tuple(sections), tuple(paragraphs))


def label_languages(doc: StructuredDocument, languages: tuple[str, ...] = CORPUS_LANGUAGES) -> StructuredDocument:
    found, shares, sections, paragraphs = label_document(
        doc.cleaned.clean_text, list(doc.sections), list(doc.paragraphs), languages)
    return StructuredDocument(doc.cleaned, doc.title, tuple(sections), tuple(paragraphs),
                              found.language, found.confidence, shares)
