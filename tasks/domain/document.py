"""From a cleaned document to a structured, language-labelled one."""

from __future__ import annotations

from dataclasses import replace

from tasks.domain.cleaning.engine import clean_to_raw
from tasks.domain.language import CORPUS_LANGUAGES, label_document
from tasks.domain.metadata import Metadata, extract_metadata
from tasks.domain.models import CleanedDocument, Paragraph, Properties, Section, StructuredDocument
from tasks.domain.pages import PAGE_SEPARATOR, page_locator
from tasks.domain.structure import structure


def structure_document(cleaned: CleanedDocument) -> StructuredDocument:
    title, sections, paragraphs = structure(cleaned)
    if PAGE_SEPARATOR in cleaned.raw.raw_text:
        sections, paragraphs = _with_pages(cleaned, sections, paragraphs)
    properties = cleaned.raw.properties
    return StructuredDocument(
        cleaned,
        title or properties.title,
        tuple(sections),
        tuple(paragraphs),
        metadata=_with_properties(extract_metadata(cleaned.clean_text, paragraphs), properties),
    )


def _with_properties(metadata: Metadata, properties: Properties) -> Metadata:
    """What the body says wins; the file's own properties fill what it does not say."""
    return replace(
        metadata, authors=metadata.authors or properties.authors, doc_date=metadata.doc_date or properties.created
    )


def _with_pages(cleaned: CleanedDocument, sections: list[Section], paragraphs: list[Paragraph]):
    to_raw, page_of = clean_to_raw(cleaned.removals), page_locator(cleaned.raw.raw_text)

    def span_pages(start: int, end: int) -> tuple[int | None, int | None]:
        return page_of(to_raw(start)), page_of(to_raw(max(start, end - 1)))

    paragraphs = [replace(p, page=span_pages(p.char_start, p.char_end)[0]) for p in paragraphs]
    sections = [
        replace(s, page_start=span_pages(s.char_start, s.char_end)[0], page_end=span_pages(s.char_start, s.char_end)[1])
        for s in sections
    ]
    return sections, paragraphs


def label_languages(doc: StructuredDocument, languages: tuple[str, ...] = CORPUS_LANGUAGES) -> StructuredDocument:
    found, shares, sections, paragraphs = label_document(
        doc.cleaned.clean_text, list(doc.sections), list(doc.paragraphs), languages, doc.cleaned.raw.properties.language
    )
    return replace(
        doc,
        sections=tuple(sections),
        paragraphs=tuple(paragraphs),
        language=found.language,
        language_confidence=found.confidence,
        languages=shares,
    )
