"""From a cleaned document to a structured, language-labelled one."""

from __future__ import annotations

import re
from dataclasses import replace

from tasks.domain.cleaning.engine import clean_to_raw, raw_to_clean
from tasks.domain.footnotes import document_footnotes
from tasks.domain.front_matter import front_matter_title
from tasks.domain.language import CORPUS_LANGUAGES, label_document
from tasks.domain.lexicon import FILE_AUTHOR_PLACEHOLDERS
from tasks.domain.metadata import Metadata, extract_metadata, names_a_body
from tasks.domain.metadata_types import Decision
from tasks.domain.models import CleanedDocument, Paragraph, Properties, Section, StructuredDocument
from tasks.domain.pages import PAGE_SEPARATOR, page_locator
from tasks.domain.structure import structure


def structure_document(cleaned: CleanedDocument) -> StructuredDocument:
    footnotes = document_footnotes(cleaned, raw_to_clean(cleaned.removals))  # for structure and the rows
    title, sections, paragraphs = structure(cleaned, footnotes)
    if PAGE_SEPARATOR in cleaned.raw.raw_text:
        sections, paragraphs = _with_pages(cleaned, sections, paragraphs)
    properties = cleaned.raw.properties
    metadata = _with_properties(extract_metadata(cleaned, paragraphs), properties)
    chosen = _title_decision(title, paragraphs, cleaned, properties)
    if chosen is not None:
        metadata = replace(metadata, decisions=(chosen, *metadata.decisions))
    return StructuredDocument(
        cleaned,
        chosen.value if chosen else None,
        tuple(sections),
        tuple(paragraphs),
        metadata=metadata,
        footnotes=tuple(footnotes),
    )


# The structure step that picks the title says so first in its paragraph's evidence.
TITLE_EVIDENCE = "title:"
# Where a title comes from when the body has none: the file says so itself.
FRONT_MATTER_TITLE = "front_matter_title@1"
FILE_PROPERTIES = "file_properties@1"


def _title_decision(
    title: str | None, paragraphs: list[Paragraph], cleaned: CleanedDocument, properties: Properties
) -> Decision | None:
    """The title and why: the structure step that chose its paragraph; else the front matter's
    `title:`; else the file's own title property."""
    if title:
        chosen = next((p for p in paragraphs if p.evidence.startswith(TITLE_EVIDENCE)), None)
        return Decision("title", title, chosen.rule if chosen else "structure", chosen.evidence if chosen else "")
    from_front_matter = front_matter_title(cleaned)
    if from_front_matter:
        return Decision("title", from_front_matter, FRONT_MATTER_TITLE, "front matter `title:`")
    if properties.title:
        return Decision("title", properties.title, FILE_PROPERTIES, "file property `title`")
    return None


def _with_properties(metadata: Metadata, properties: Properties) -> Metadata:
    """What the body says wins; the file's own authors fill what it does not say. An author
    property that office software filled in by itself (`Administrator`, `Microsoft Office
    User`, an account name like `mr_admin`) names nobody and is not taken."""
    named = [a for a in properties.authors if is_person_or_body(a)]
    authors = metadata.authors or tuple(a for a in named if not names_a_body(a))
    organizations = metadata.organizations or tuple(a for a in named if names_a_body(a))
    # A PDF's or Word file's creation date is the file's, not the document's: it stays in
    # `properties.created`, never `doc_date` (a web page's publication date is read by dates.py).
    return replace(metadata, authors=authors, organizations=organizations)


def is_person_or_body(name: str) -> bool:
    """False for a file-property placeholder: a default account, an e-mail or login name."""
    folded = " ".join(name.split()).casefold()
    if not folded or folded in FILE_AUTHOR_PLACEHOLDERS or not any(c.isalpha() for c in folded):
        return False
    return not _ACCOUNT_NAME.search(folded)


# `mr_admin`, `jdoe@un.org`, `user01`, `PC-123`: a login, not a name.
_ACCOUNT_NAME = re.compile(r"[_@\\]|\d|^[a-z]+\.[a-z]+$")


def _with_pages(cleaned: CleanedDocument, sections: list[Section], paragraphs: list[Paragraph]):
    to_raw, page_of = clean_to_raw(cleaned.removals), page_locator(cleaned.raw.raw_text)

    def page(offset: int) -> int | None:
        return page_of(to_raw(offset))

    # a paragraph's page is where it starts; a section's last page holds its last character
    paragraphs = [replace(p, page=page(p.char_start)) for p in paragraphs]
    sections = [
        replace(s, page_start=page(s.char_start), page_end=page(max(s.char_start, s.char_end - 1))) for s in sections
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
