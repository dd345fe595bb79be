"""Plain data passed between the stages. No behaviour beyond small derived properties."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date


@dataclass(frozen=True)
class SourceFile:
    """A file found in the inbox. `doc_id` is empty until the file has been hashed."""

    source_path: str  # relative to the inbox, '/' separators
    size_bytes: int
    mtime_us: int  # microseconds since the epoch, as the warehouse stores it
    doc_id: str = ""


@dataclass(frozen=True)
class KnownSource:
    """What the warehouse remembers about a path from earlier runs."""

    source_path: str
    doc_id: str
    size_bytes: int
    mtime_us: int
    status: str  # 'landed', 'failed', 'retry' (a transient failure: read again next run) or 'removed'
    first_seen: object = None  # a datetime; kept when a path's row is rewritten
    inbox: str | None = None  # the inbox the path belongs to (None: a row made before inboxes were kept)


@dataclass(frozen=True)
class Failure:
    """A document that could not go through a stage: a value, never an exception."""

    source_path: str
    doc_id: str
    stage: str
    error_type: str
    error_message: str


@dataclass(frozen=True)
class Furniture:
    """A span of the raw text that the reader knows is not body: a Word header, a web page's
    navigation, the text of a table. The cleaning removes it and records it like any noise."""

    kind: str  # running_header | running_footer | table | navigation | similar_documents | footer | boilerplate
    raw_start: int
    raw_end: int


@dataclass(frozen=True)
class Table:
    table_no: int  # 0-based, in document order
    page: int | None
    cells: tuple[tuple[str, ...], ...]  # rows of cell texts, '' for an empty cell


@dataclass(frozen=True)
class Properties:
    """What a file says about itself (PDF info, Word core properties, HTML `<title>` and
    `<html lang>`): a fallback when the body does not say it."""

    title: str | None = None
    authors: tuple[str, ...] = ()
    created: date | None = None
    language: str | None = None  # ISO 639-1
    url: str | None = None  # the page's own address (canonical link, `og:url`)


@dataclass(frozen=True)
class RawDocument:
    """A document as its reader extracted it. Paged formats join pages with a form feed;
    headings are `#` lines and list items `- ` lines, so one structure stage serves all."""

    doc_id: str
    source_path: str
    source_format: str
    raw_text: str
    encoding: str
    n_pages: int | None = None
    furniture: tuple[Furniture, ...] = ()
    tables: tuple[Table, ...] = ()
    properties: Properties = Properties()


@dataclass(frozen=True)
class Removal:
    """One piece of noise taken out of the raw text (or a join/replacement).

    `raw_text[raw_start:raw_end] == text`; replaying every removal of a document on its
    raw text (replacing `text` by `replacement`) gives the clean text exactly.
    """

    kind: str
    rule: str  # "name@version"
    text: str
    replacement: str
    raw_start: int
    raw_end: int
    page: int | None = None


@dataclass(frozen=True)
class CleanedDocument:
    raw: RawDocument
    clean_text: str
    removals: tuple[Removal, ...]


@dataclass(frozen=True)
class Paragraph:
    section_no: int
    para_no: int
    kind: str  # text | list_item | heading | salutation | signature | closing
    text: str
    char_start: int
    char_end: int
    page: int | None = None
    language: str = "und"
    language_confidence: float | None = None
    rule: str = ""  # "step@version" of the structure step that decided its kind
    evidence: str = ""  # what that step saw (`numbered I.`, `markdown ##`, `masthead: session`)


@dataclass(frozen=True)
class Section:
    section_no: int
    heading: str | None
    level: int
    text: str
    char_start: int
    char_end: int
    page_start: int | None = None
    page_end: int | None = None
    language: str = "und"
    language_confidence: float | None = None
    n_words: int = 0
    heading_rule: str = ""  # "step@version" that made its heading a heading


@dataclass(frozen=True)
class StructuredDocument:
    cleaned: CleanedDocument
    title: str | None
    sections: tuple[Section, ...]
    paragraphs: tuple[Paragraph, ...]
    language: str = "und"
    language_confidence: float | None = None
    languages: tuple[tuple[str, float], ...] = field(default_factory=tuple)
    metadata: object = None  # a metadata.Metadata, set by structure_document
    footnotes: tuple = ()  # footnotes.Footnote of the document, found once by structure_document

    @property
    def doc_id(self) -> str:
        return self.cleaned.raw.doc_id
