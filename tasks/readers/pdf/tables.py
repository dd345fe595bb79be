"""Ruled tables: pdfplumber finds them on the pages that draw rules, pdfium says which lines
of the text layer are their cells.

pdfplumber finds ruled tables well but reads ~8 pages/s, so it opens only the pages that draw
enough straight lines to hold a ruled table."""
from __future__ import annotations

import io
import logging
from dataclasses import dataclass
from typing import Iterator, Sequence

import pdfplumber
import pypdfium2 as pdfium

from tasks.domain.extract import ReadError
from tasks.readers.pdf.budget import Budget
from tasks.readers.pdf.layout import Page, char_indexer

log = logging.getLogger(__name__)

Rows = tuple[tuple[str, ...], ...]
BBox = tuple[float, float, float, float]


@dataclass(frozen=True)
class FoundTable:
    page_index: int  # 0-based
    bbox: BBox  # PDF user space, where pdfium places characters: left, bottom, right, top
    rows: Rows


def find_tables(data: bytes, page_indexes: list[int], budget: Budget) -> list[FoundTable]:
    if not page_indexes:
        return []
    found: list[FoundTable] = []
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


def _page_tables(page) -> Iterator[FoundTable]:
    for table in page.find_tables():
        rows = tuple(tuple(_cell_text(c) for c in row) for row in table.extract())
        if _is_real_table(rows):
            bbox = _pdf_space(table.bbox, page.page_obj.mediabox, page.rotation)
            yield FoundTable(page.page_number - 1, bbox, rows)


def _cell_text(cell: str | None) -> str:
    return " ".join(cell.split()) if cell else ""


def _is_real_table(rows: Rows) -> bool:
    # a single ruled row or column is a framed paragraph or a box, not a table
    filled = [r for r in rows if any(r)]
    return len(filled) >= 2 and max(sum(1 for c in r if c) for r in filled) >= 2


def table_lines(pdf: pdfium.PdfDocument, pages: Sequence[Page],
                found: Sequence[FoundTable]) -> dict[int, list[bool]]:
    """For each page with a table, which of its lines lie mostly inside one: most of their
    visible characters have their centre in a table's box."""
    bboxes: dict[int, list[BBox]] = {}
    for t in found:
        bboxes.setdefault(t.page_index, []).append(t.bbox)
    return {index: _lines_in(pdf, index, pages[index], boxes) for index, boxes in bboxes.items()}


def _lines_in(pdf: pdfium.PdfDocument, index: int, page: Page, bboxes: list[BBox]) -> list[bool]:
    pdf_page = pdf[index]
    try:
        textpage = pdf_page.get_textpage()
        try:
            char_index = char_indexer(textpage, page.text)

            def inside(offset: int) -> bool:
                i = char_index(offset)
                if i < 0:
                    return False
                left, bottom, right, top = textpage.get_charbox(i)
                x, y = (left + right) / 2, (bottom + top) / 2
                return any(x0 <= x <= x1 and y0 <= y <= y1 for x0, y0, x1, y1 in bboxes)

            flags = []
            for line in page.lines:
                visible = [line.start + i for i, c in enumerate(line.content) if not c.isspace()]
                flags.append(bool(visible) and 2 * sum(1 for i in visible if inside(i)) > len(visible))
            return flags
        finally:
            textpage.close()
    finally:
        pdf_page.close()


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
