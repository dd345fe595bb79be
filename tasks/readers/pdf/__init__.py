"""PDF reader: the text layer with pypdfium2, ruled tables with pdfplumber.

pypdfium2 reads hundreds of pages a second and keeps the column order; pdfplumber finds ruled
tables well but reads ~8 pages/s, so it opens only the pages that draw enough straight lines to hold a
ruled table. A table's lines stay in `raw_text` and are named `Furniture("table")`, so its
numbers never end up in the paragraphs and nothing disappears unseen.

The text is pdfium's, page by page, with two mechanical changes only: line endings become LF,
and pdfium's line-break hyphen mark becomes the `-` and line break printed on the page (the
cleaning decides whether the word is joined). Page numbers, running headers and sentences cut
by page breaks stay: the cleaning rules remove and record them.
"""
from __future__ import annotations

import ctypes
import io
import logging
import re
import time
from dataclasses import dataclass
from datetime import date
from typing import Iterator, Sequence

import pdfplumber
import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c

from tasks.domain.extract import ReadError
from tasks.domain.models import Furniture, Properties, RawDocument, Table
from tasks.domain.pages import PAGE_SEPARATOR

log = logging.getLogger(__name__)

# pdfium replaces a hyphen at a line end, and the line break after it, by U+FFFE (some builds
# by U+0002); the page printed `-` and a new line, which is what the text gets back.
_HYPHEN_MARKS = "\ufffe\x02"
# A line and its end; a hyphen mark ends the line by itself (pdfium drops the break after it).
_LINE = re.compile(r"([^\r\n\ufffe\x02]*)([\ufffe\x02](?:\r\n|\r|\n)?|\r\n|\r|\n|\Z)")

# A ruled 2x2 table needs three horizontal and three vertical rules (12 segments as lines,
# 16-20 as cell rectangles); a header rule, a footer rule and a frame stay below it.
_MIN_RULE_SEGMENTS = 12
# Paths with more segments than this are drawings (maps, charts, logos), never table rules,
# and are not walked segment by segment.
_MAX_SEGMENTS_PER_RULE_PATH = 64
_STRAIGHT_SEGMENTS = (pdfium_c.FPDF_SEGMENT_LINETO, pdfium_c.FPDF_SEGMENT_MOVETO)

_JUNK_TITLE = re.compile(
    r"^(?:microsoft (?:word|powerpoint|excel) - .*|untitled\d*|sin t[ií]tulo|sans titre|document\d*"
    r"|.*\.(?:docx?|pdf|rtf|odt|txt|pptx?|xlsx?|indd|tmp))$", re.I)
# A date needs its day: "D:2024" alone would become 1 January, a date the file never gave.
_PDF_DATE = re.compile(r"^(?:D:)?(\d{4})(\d{2})(\d{2})")
_LANGUAGE = re.compile(r"^([A-Za-z]{2})(?:[-_].*)?$")

Rows = tuple[tuple[str, ...], ...]
BBox = tuple[float, float, float, float]


def read_pdf(source_path: str, doc_id: str, data: bytes, time_budget_s: float) -> RawDocument:
    budget = _Budget(source_path, time_budget_s)
    pdf = _open(source_path, data)
    try:
        pages = _read_pages(pdf, budget)
        _refuse_without_text(source_path, pages)
        found = _find_tables(data, [i for i, p in enumerate(pages) if p.ruled], budget)
        raw_text, furniture = _join_pages(pdf, pages, found)
        properties = _properties(pdf)
    except pdfium.PdfiumError as e:
        # The document opened but a page or its text did not load: a damaged file.
        raise ReadError("corrupt", f"{source_path}: part of this PDF cannot be read ({e}); "
                        "re-download or re-export the complete file and put it back in the inbox") from e
    finally:
        pdf.close()
    tables = tuple(Table(no, t.page_index + 1, t.rows) for no, t in enumerate(found))
    return RawDocument(doc_id, source_path, "pdf", raw_text, "", n_pages=len(pages),
                       furniture=furniture, tables=tables, properties=properties)


# --- opening ------------------------------------------------------------------------------

def _open(source_path: str, data: bytes) -> pdfium.PdfDocument:
    try:
        return pdfium.PdfDocument(data)
    except pdfium.PdfiumError as e:
        code = getattr(e, "err_code", None)
        if code == pdfium_c.FPDF_ERR_PASSWORD:
            raise ReadError("encrypted", f"{source_path}: the PDF is protected by a password; "
                            "ask its author for an unprotected copy (or open it with the password and "
                            "save it without one) and put that in the inbox") from e
        if code == pdfium_c.FPDF_ERR_SECURITY:
            raise ReadError("encrypted", f"{source_path}: the PDF uses an encryption scheme that cannot "
                            "be opened here; save an unprotected copy and put that in the inbox") from e
        raise ReadError("corrupt", f"{source_path}: {_why_unreadable(data, e)}") from e


def _why_unreadable(data: bytes, error: Exception) -> str:
    # pdfium accepts the %PDF header anywhere in the first kilobyte.
    if b"%PDF-" not in data[:1024]:
        return (f"the file is not a PDF, although its name says so ({error}); find the real document "
                "or give the file the extension of its real format")
    return (f"the PDF is damaged or incomplete, e.g. an interrupted download ({error}); "
            "re-download or re-export the complete file and put it back in the inbox")


class _Budget:
    """Stops a document whose reading runs past its time budget, checked between pages."""

    def __init__(self, source_path: str, seconds: float):
        self.source_path, self.seconds = source_path, seconds
        self.started = time.monotonic()

    def check(self, done: int, total: int, what: str = "pages read") -> None:
        if time.monotonic() - self.started > self.seconds:
            raise ReadError("time_budget", f"{self.source_path}: stopped after {done} of {total} {what}: "
                            f"reading took longer than the time budget of {self.seconds:g} s; split the PDF "
                            "into smaller files (e.g. `qpdf --split-pages=100 in.pdf out.pdf`) or raise the "
                            "time budget")


# --- the text layer ---------------------------------------------------------------------------

@dataclass(frozen=True)
class _Page:
    text: str  # as pdfium gives it: CRLF line ends, a mark for a line-break hyphen
    ruled: bool  # draws enough straight lines to hold a ruled table
    has_images: bool  # only looked at on a page without text


def _read_pages(pdf: pdfium.PdfDocument, budget: _Budget) -> list[_Page]:
    total = len(pdf)
    pages = []
    for index in range(total):
        budget.check(index, total)
        pages.append(_read_page(pdf, index))
    return pages


def _read_page(pdf: pdfium.PdfDocument, index: int) -> _Page:
    # Every page and text page is closed at once: a 500-page file stays in bounded memory.
    page = pdf[index]
    try:
        textpage = page.get_textpage()
        try:
            text = textpage.get_text_range()
        finally:
            textpage.close()
        blank = not text.strip()
        return _Page(text, not blank and _draws_rules(page), blank and _has_images(page))
    finally:
        page.close()


def _draws_rules(page: pdfium.PdfPage) -> bool:
    segments = 0
    for path in page.get_objects(filter=[pdfium_c.FPDF_PAGEOBJ_PATH]):
        segments += _straight_segments(path.raw)
        if segments >= _MIN_RULE_SEGMENTS:
            return True
    return False


def _straight_segments(path) -> int:
    n = pdfium_c.FPDFPath_CountSegments(path)
    if n <= 0 or n > _MAX_SEGMENTS_PER_RULE_PATH:
        return 0
    types = [pdfium_c.FPDFPathSegment_GetType(pdfium_c.FPDFPath_GetPathSegment(path, i)) for i in range(n)]
    # a curve makes the path a drawing (a logo, a rounded box), not a rule or a cell border
    return n if all(t in _STRAIGHT_SEGMENTS for t in types) else 0


def _has_images(page: pdfium.PdfPage) -> bool:
    return any(True for _ in page.get_objects(filter=[pdfium_c.FPDF_PAGEOBJ_IMAGE]))


def _refuse_without_text(source_path: str, pages: Sequence[_Page]) -> None:
    if any(p.text.strip() for p in pages):
        return
    if any(p.has_images for p in pages):
        raise ReadError("no_text_layer", f"{source_path}: the PDF holds only images of pages (a scan) and "
                        "no text; run OCR on it (e.g. `ocrmypdf in.pdf out.pdf`) and put the result in the inbox")
    raise ReadError("empty", f"{source_path}: the PDF has {len(pages)} page(s) but no text and no images; "
                    "check that the right file was exported and replace it with the complete document")


# --- tables ---------------------------------------------------------------------------------

@dataclass(frozen=True)
class _FoundTable:
    page_index: int  # 0-based
    bbox: BBox  # PDF user space, where pdfium places characters: left, bottom, right, top
    rows: Rows


def _find_tables(data: bytes, page_indexes: list[int], budget: _Budget) -> list[_FoundTable]:
    if not page_indexes:
        return []
    found: list[_FoundTable] = []
    try:
        with pdfplumber.open(io.BytesIO(data), pages=[i + 1 for i in page_indexes]) as plumber:
            for done, page in enumerate(plumber.pages):
                budget.check(done, len(page_indexes), "pages searched for tables")
                try:
                    found.extend(_page_tables(page))
                finally:
                    page.close()  # pdfplumber keeps every parsed object of the page otherwise
    except ReadError:
        raise
    except Exception as e:  # noqa: BLE001 - pdfminer raises many types
        # pdfium has read the text; an error of the table engine costs the tables, not the document.
        log.warning("tables not read (%s: %s); their text stays in the body", type(e).__name__, e)
        return []
    return found


def _page_tables(page) -> Iterator[_FoundTable]:
    for table in page.find_tables():
        rows = tuple(tuple(_cell_text(c) for c in row) for row in table.extract())
        if _is_real_table(rows):
            bbox = _pdf_space(table.bbox, page.page_obj.mediabox, page.rotation)
            yield _FoundTable(page.page_number - 1, bbox, rows)


def _cell_text(cell: str | None) -> str:
    return " ".join(cell.split()) if cell else ""


def _is_real_table(rows: Rows) -> bool:
    # a single ruled row or column is a framed paragraph or a box, not a table
    filled = [r for r in rows if any(r)]
    return len(filled) >= 2 and max(sum(1 for c in r if c) for r in filled) >= 2


# --- joining pages, naming table lines --------------------------------------------------------

def _join_pages(pdf: pdfium.PdfDocument, pages: Sequence[_Page],
                found: Sequence[_FoundTable]) -> tuple[str, tuple[Furniture, ...]]:
    bboxes: dict[int, list[BBox]] = {}
    for t in found:
        bboxes.setdefault(t.page_index, []).append(t.bbox)
    parts: list[str] = []
    furniture: list[Furniture] = []
    offset = 0
    for index, page in enumerate(pages):
        if index:
            parts.append(PAGE_SEPARATOR)
            offset += len(PAGE_SEPARATOR)
        in_table = _chars_in_tables(pdf, index, page.text, bboxes[index]) if index in bboxes else None
        text, spans = _normalise(page.text, in_table)
        parts.append(text)
        furniture.extend(Furniture("table", offset + s, offset + e) for s, e in spans)
        offset += len(text)
    return "".join(parts), tuple(furniture)


def _normalise(text: str, in_table: set[int] | None) -> tuple[str, list[tuple[int, int]]]:
    """The page text with LF line ends and `-` + LF for pdfium's hyphen mark, and the spans
    (whole lines with their line end) of the lines that lie mostly inside a table."""
    out: list[str] = []
    spans: list[tuple[int, int]] = []
    pos = 0
    for m in _LINE.finditer(text):
        if m.start() == m.end():
            continue  # the empty match at the end of the text
        content, ending = m.group(1), m.group(2)
        line = content + ("" if not ending else "-\n" if ending[0] in _HYPHEN_MARKS else "\n")
        if in_table and _mostly_in_table(content, m.start(1), in_table):
            if spans and spans[-1][1] == pos:
                spans[-1] = (spans[-1][0], pos + len(line))
            else:
                spans.append((pos, pos + len(line)))
        out.append(line)
        pos += len(line)
    return "".join(out), spans


def _mostly_in_table(content: str, start: int, in_table: set[int]) -> bool:
    visible = [start + i for i, c in enumerate(content) if not c.isspace()]
    return bool(visible) and 2 * sum(1 for i in visible if i in in_table) > len(visible)


def _chars_in_tables(pdf: pdfium.PdfDocument, index: int, text: str, bboxes: list[BBox]) -> set[int] | None:
    """Indexes of the page's characters whose centre lies in a table."""
    page = pdf[index]
    try:
        textpage = page.get_textpage()
        try:
            if textpage.count_chars() != len(text):
                return None  # text and character indexes disagree (characters beyond UTF-16's BMP)
            inside = set()
            for i, c in enumerate(text):
                if c.isspace() or c in _HYPHEN_MARKS:
                    continue
                left, bottom, right, top = textpage.get_charbox(i)
                x, y = (left + right) / 2, (bottom + top) / 2
                if any(x0 <= x <= x1 and y0 <= y <= y1 for x0, y0, x1, y1 in bboxes):
                    inside.add(i)
            return inside
        finally:
            textpage.close()
    finally:
        page.close()


def _pdf_space(bbox: BBox, mediabox: Sequence[float], rotation: int) -> BBox:
    """A box in pdfplumber's space (origin top left of the page as displayed, turned by /Rotate)
    in PDF user space (origin bottom left, page unturned), where pdfium places characters. The
    inverse of what pdfminer's page transform and pdfplumber's flip do."""
    mx0, my0, mx1, my1 = mediabox
    x0, top, x1, bottom = bbox

    def point(x: float, t: float) -> tuple[float, float]:
        if rotation == 90:
            return t + 2 * mx0, x
        if rotation == 180:
            return mx1 + mx0 - x, t + 2 * my0
        if rotation == 270:
            return (mx1 - mx0) - t, my1 + my0 - x
        return x, (my1 - my0) - t

    (ax, ay), (bx, by) = point(x0, top), point(x1, bottom)
    return min(ax, bx), min(ay, by), max(ax, bx), max(ay, by)


# --- properties -------------------------------------------------------------------------------

def _properties(pdf: pdfium.PdfDocument) -> Properties:
    info = pdf.get_metadata_dict()
    return Properties(title=_title(info.get("Title", "")), authors=_authors(info.get("Author", "")),
                      created=_pdf_date(info.get("CreationDate", "")), language=_language(_catalog_language(pdf)))


def _title(value: str) -> str | None:
    title = " ".join(value.split())
    # word processors fill the title with the file name or a placeholder
    return title if title and not _JUNK_TITLE.match(title) else None


def _authors(value: str) -> tuple[str, ...]:
    return tuple(a for a in (" ".join(part.split()) for part in value.split(";")) if a)


def _pdf_date(value: str) -> date | None:
    m = _PDF_DATE.match(value.strip())
    if not m:
        return None
    try:
        return date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
    except ValueError:
        return None


def _catalog_language(pdf: pdfium.PdfDocument) -> str:
    size = pdfium_c.FPDFCatalog_GetLanguage(pdf.raw, None, 0)
    if size <= 2:  # nothing but the terminating NUL
        return ""
    buffer = ctypes.create_string_buffer(size)
    pdfium_c.FPDFCatalog_GetLanguage(pdf.raw, ctypes.cast(buffer, ctypes.POINTER(pdfium_c.FPDF_WCHAR)), size)
    return buffer.raw.decode("utf-16-le", errors="ignore").rstrip("\x00")


def _language(tag: str) -> str | None:
    m = _LANGUAGE.match(tag.strip())
    return m.group(1).lower() if m else None
