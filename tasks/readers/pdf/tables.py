"""Ruled tables: pdfplumber finds them on the pages that draw rules, pdfium reads their cells
and says which lines of the text layer they hold.

pdfplumber finds ruled tables well but is slow on a page of text: pdfminer interprets the whole
page and pdfplumber turns every character into a dict, although finding a table by its rules
needs the rules only. So only the pages that draw enough straight lines to hold a ruled table
are searched, and pdfplumber sees a copy of each that holds its paths alone: pdfium imports the
page into a new document, removes all but its paths (text, images, shadings, in form XObjects
too) and writes it out, a page that pdfplumber reads in a few milliseconds.
pdfplumber's grid gives the cells' boxes; pdfium reads the text inside each box on the page
itself (every character whose printed shape touches the box, in the page's order; whitespace
collapsed, a line-break hyphen kept as printed).

Not every ruled grid is a table: rules also frame boxes of prose, blocks of footnotes and
letterheads. A grid is kept as a table by its shape (columns, cell lengths, the share of its
text in sentences, figures, where it stands), else its text stays in the paragraphs.

pdfplumber reads the copy turned the way its text reads upright (the direction most of the
page's lines run in), so a landscape table printed sideways has its header as its first row,
whether or not /Rotate turns the page on screen.
"""

from __future__ import annotations

import io
import logging
import math
import re
from collections import Counter
from dataclasses import dataclass
from typing import Optional, Sequence

import pdfplumber
import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c

from tasks.readers.pdf.budget import Budget
from tasks.readers.pdf.chars import char_indexer
from tasks.readers.pdf.layout import HYPHEN_MARKS, Geometry, Page

log = logging.getLogger(__name__)

Rows = tuple[tuple[str, ...], ...]
BBox = tuple[float, float, float, float]
Grid = tuple[tuple[Optional[BBox], ...], ...]  # a table's cells by row, None where a cell is merged or missing

_HYPHEN_MARK = str.maketrans({mark: "-\n" for mark in HYPHEN_MARKS})


@dataclass(frozen=True)
class FoundTable:
    page_index: int  # 0-based
    bbox: BBox  # PDF user space, where pdfium places characters: left, bottom, right, top
    rows: Rows


@dataclass(frozen=True)
class Tables:
    found: list[FoundTable]
    # For each page with a table, which of its lines lie mostly inside one (`Page.lines` order).
    lines: dict[int, list[bool]]


def find_tables(pdf: pdfium.PdfDocument, pages: Sequence[Page], budget: Budget) -> Tables:
    """The ruled tables of the pages that draw rules, and which lines of those pages they hold.
    An error of the table engine costs the page its tables: its text stays in the body."""
    candidates = [i for i, p in enumerate(pages) if p.ruled]
    found: list[FoundTable] = []
    lines: dict[int, list[bool]] = {}
    for done, index in enumerate(candidates):
        budget.check(done, len(candidates), "pages searched for tables")
        try:
            grids = _grids(_paths_only(pdf, index, _upright_rotation(pages[index])))
            if grids:
                tables, flags = _read_cells(pdf, index, pages[index], grids)
                found.extend(tables)
                if tables:
                    lines[index] = flags
        except Exception as e:  # noqa: BLE001 - pdfminer raises many types, pdfium its own
            log.warning(
                "tables of page %d not read (%s: %s); their text stays in the body", index + 1, type(e).__name__, e
            )
    return Tables(found, lines)


def _paths_only(pdf: pdfium.PdfDocument, index: int, rotation: int) -> bytes:
    """A one-page PDF of the page's paths, turned by `rotation` (/Rotate)."""
    new = pdfium.PdfDocument.new()
    try:
        new.import_pages(pdf, [index])
        page = new[0]
        try:
            _keep_paths(page)
            page.set_rotation(rotation)
            page.gen_content()
        finally:
            page.close()
        buffer = io.BytesIO()
        new.save(buffer)
        return buffer.getvalue()
    finally:
        new.close()


def _keep_paths(page: pdfium.PdfPage) -> None:
    """Leaves the page its paths only. A form XObject of paths stays as it is; pdfium does not
    write again the content of a form it changed, so the paths of a form that holds anything
    else come out onto the page, turned into page space, and the form goes."""
    # each list is made first: removing an object shifts the indexes get_objects walks by
    for obj in list(page.get_objects(max_depth=1)):
        if obj.type == pdfium_c.FPDF_PAGEOBJ_PATH:
            continue
        if obj.type == pdfium_c.FPDF_PAGEOBJ_FORM:
            inside = list(page.get_objects(form=obj, level=1))
            if all(o.type in (pdfium_c.FPDF_PAGEOBJ_PATH, pdfium_c.FPDF_PAGEOBJ_FORM) for o in inside):
                continue
            for path in [o for o in inside if o.type == pdfium_c.FPDF_PAGEOBJ_PATH]:
                forms = _containers(path)
                page.remove_obj(path)
                for form in forms:  # innermost first: each form's matrix places its content in its container
                    path.transform(form.get_matrix())
                page.insert_obj(path)
        page.remove_obj(obj)
        obj.close()


def _containers(obj: pdfium.PdfObject) -> list[pdfium.PdfObject]:
    """The forms an object lies in, innermost first."""
    forms = []
    while obj.container is not None:
        obj = obj.container
        forms.append(obj)
    return forms


def _grids(data: bytes) -> list[tuple[BBox, Grid, float]]:
    """The tables pdfplumber finds on a one-page PDF: each one's box and its cells' boxes, in
    PDF user space, and where its top edge lies as a share of the page's height from the top
    (the page turned upright)."""
    with pdfplumber.open(io.BytesIO(data)) as plumber:
        page = plumber.pages[0]
        mediabox, rotation = page.page_obj.mediabox, page.rotation

        def space(bbox) -> BBox:
            return _pdf_space(bbox, mediabox, rotation)

        return [
            (
                space(t.bbox),
                tuple(tuple(None if c is None else space(c) for c in row.cells) for row in t.rows),
                t.bbox[1] / page.height if page.height else 0.0,
            )
            for t in page.find_tables()
        ]


def _read_cells(
    pdf: pdfium.PdfDocument, index: int, page: Page, grids: list[tuple[BBox, Grid, float]]
) -> tuple[list[FoundTable], list[bool]]:
    """The tables with their cells' text, and which of the page's lines lie in one."""
    pdf_page = pdf[index]
    try:
        textpage = pdf_page.get_textpage()
        try:
            tables = []
            for bbox, grid, top in grids:
                rows = tuple(tuple(_cell_text(textpage, cell) for cell in row) for row in grid)
                if _is_real_table(rows, masthead_zone=index == 0 and top < _MASTHEAD_ZONE):
                    tables.append(FoundTable(index, bbox, rows))
            flags = _lines_in(textpage, page, [t.bbox for t in tables]) if tables else []
            return tables, flags
        finally:
            textpage.close()
    finally:
        pdf_page.close()


def _cell_text(textpage: pdfium.PdfTextPage, cell: BBox | None) -> str:
    if cell is None:
        return ""
    left, bottom, right, top = cell
    return " ".join(textpage.get_text_bounded(left, bottom, right, top).translate(_HYPHEN_MARK).split())


# A first page's top quarter holds its masthead or letterhead.
_MASTHEAD_ZONE = 0.25
# A cell of running prose: this many words, or this many and a sentence's end.
_PROSE_WORDS = 12
_SENTENCE_WORDS = 5
_SENTENCE_END = re.compile(r"[.!?](?:\s|$)")
# A grid whose text is mostly prose is a box of text, when it is narrow or small.
_PROSE_SHARE = 0.6
_MAX_PROSE_COLUMNS = 2
_MAX_PROSE_CELLS = 6
# A cell holding a figure: digits and the signs that go with them (`12,430`, `4.5%`, `(3)`).
_FIGURE = re.compile(r"[(+\-–]?\d[\d.,\s]*%?\)?")


def _is_real_table(rows: Rows, masthead_zone: bool = False) -> bool:
    """A ruled grid is a table when it holds data. A single ruled row or column is a framed
    paragraph or a box; a grid whose cells are mostly running prose, in one or two columns or a
    few cells, without figures, is a text box or a block of footnotes under a rule; a grid of
    one or two rows of words at the top of the first page (`masthead_zone`), without a figure,
    is a letterhead. Their text stays in the paragraphs."""
    filled = [r for r in rows if any(r)]
    columns = max((sum(1 for c in r if c) for r in filled), default=0)
    if len(filled) < 2 or columns < 2:
        return False
    cells = [c for r in filled for c in r if c]
    # figures beside the first column: a notes block's markers (`1`, `2`) are not data
    has_data = any(_FIGURE.fullmatch(c) for r in filled for c in r[1:] if c)
    narrow_or_small = columns <= _MAX_PROSE_COLUMNS or len(cells) <= _MAX_PROSE_CELLS
    if not has_data and narrow_or_small and _prose_share(cells) >= _PROSE_SHARE:
        return False
    return not (masthead_zone and len(filled) <= 2 and not any(_FIGURE.fullmatch(c) for c in cells))


def _prose_share(cells: list[str]) -> float:
    """The share of the grid's characters in cells of running prose."""

    def prose(cell: str) -> bool:
        words = len(cell.split())
        return words >= _PROSE_WORDS or (words >= _SENTENCE_WORDS and bool(_SENTENCE_END.search(cell)))

    total = sum(len(c) for c in cells)
    return sum(len(c) for c in cells if prose(c)) / total if total else 0.0


def _lines_in(textpage: pdfium.PdfTextPage, page: Page, bboxes: list[BBox]) -> list[bool]:
    """Which of the page's lines lie mostly inside a table: most of their visible characters
    have their centre in a table's box. Only the lines whose baseline passes near a table are
    read character by character."""
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
        if line.geometry is not None and not _near(line.geometry, bboxes):
            flags.append(False)
            continue
        visible = [line.start + i for i, c in enumerate(line.content) if not c.isspace()]
        flags.append(bool(visible) and 2 * sum(1 for i in visible if inside(i)) > len(visible))
    return flags


# A line's characters have their centres this many font sizes from its baseline at most.
_CENTRE_REACH = 3


def _near(line: Geometry, bboxes: list[BBox]) -> bool:
    """Whether the line's baseline passes near a box: across the line's direction, within
    _CENTRE_REACH font sizes of it."""
    at = line.x * line.up_x + line.y * line.up_y
    reach = _CENTRE_REACH * line.size
    for x0, y0, x1, y1 in bboxes:
        across = [x * line.up_x + y * line.up_y for x, y in ((x0, y0), (x0, y1), (x1, y0), (x1, y1))]
        if min(across) - reach <= at <= max(across) + reach:
            return True
    return False


def _upright_rotation(page: Page) -> int:
    """The /Rotate that shows most of the page's text upright: 0 for text printed upright, 90
    for text running up the page, and so on; weighed by the lines' lengths."""
    turns: Counter[int] = Counter()
    for line in page.lines:
        g = line.geometry
        if g is not None:
            # the text's "up" is (0, 1) upright; a page turned clockwise by 90 shows (-1, 0) as up
            turns[round((math.degrees(math.atan2(g.up_y, g.up_x)) - 90) / 90) % 4 * 90] += len(line.content)
    return turns.most_common(1)[0][0] if turns else 0


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
