"""A page's text layer as pdfium gives it, cut into lines, each with what the page shows of
it: where its baseline lies, in which font size and direction, and, on the lines that could
be headings, whether it is in bold and in one size throughout.

pdfium's text has no blank line between paragraphs and no sign of a heading; the page's
layout has both. A line's geometry is read at one character, its first visible one, by its
index in pdfium's own character list: the font size, and the text matrix that scales the size
and gives the baseline and the direction. Only the lines that start a block on the page (the
page's first, one after a wider gap or a change of size or direction) and the line after each
are read further: their last character's size and the fonts of their words. Four C calls a
line, a few more on one line in five, keep the reading at hundreds of pages a second; every
character's box, or pdfium's text rectangles and the text inside each, cost several times more.

A page turned by /Rotate is read upright, in the order it was printed in. The baselines put
back in order the lines pdfium still gives bottom to top (text printed turned by 270 degrees):
a run of lines each above the one before.
"""

from __future__ import annotations

import ctypes
import math
import re
from dataclasses import dataclass
from typing import NamedTuple, Sequence

import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c

from tasks.readers.pdf.budget import Budget
from tasks.readers.pdf.chars import MIN_PITCH, VISIBLE, char_indexer, printed_size
from tasks.readers.pdf.notes import PageNotes, find_notes

# pdfium replaces a hyphen at a line end, and the line break after it, by U+FFFE (some builds
# by U+0002); the page printed `-` and a new line, which is what the text gets back.
HYPHEN_MARKS = "\ufffe\x02"
# A line and its end; a hyphen mark ends the line by itself (pdfium drops the break after it).
_LINE = re.compile(r"([^\r\n\ufffe\x02]*)([\ufffe\x02](?:\r\n|\r|\n)?|\r\n|\r|\n|\Z)")
_WORD_START = re.compile(r"(?<!\S)\S")

# A short line is looked at for bold type, word by word: longer lines are never headings.
MAX_BOLD_WORDS = 12
# Fewer same-size line pairs than this on a page: its pitch is not known.
MIN_PITCH_PAIRS = 3
# A paragraph break: two baselines further apart than this many line pitches.
BREAK_PITCHES = 1.4
# What a bold font is called, when the font does not give its weight (the standard 14 fonts,
# `Arial,Bold`, `ABCDEF+Calibri-Bold`).
_BOLD_NAME = re.compile(rb"bold|black|heavy|demi|semibold", re.I)
_BOLD_WEIGHT = 600
_FORCE_BOLD = 1 << 18  # pdfium's FXFONT_FORCE_BOLD font flag

# A ruled 2x2 table needs three horizontal and three vertical rules (12 segments as lines,
# 16-20 as cell rectangles); a header rule, a footer rule and a frame stay below it.
_MIN_RULE_SEGMENTS = 12
# Paths with more segments than this are drawings (maps, charts, logos), never table rules,
# and are not walked segment by segment.
_MAX_SEGMENTS_PER_RULE_PATH = 64
_STRAIGHT_SEGMENTS = (pdfium_c.FPDF_SEGMENT_LINETO, pdfium_c.FPDF_SEGMENT_MOVETO)


class Geometry(NamedTuple):  # a tuple: made for every line of every page, it has to be cheap
    """Where and how a line is printed, in PDF user space (the page unturned)."""

    x: float  # a point of its baseline (the origin of its first visible character's text object)
    y: float
    up_x: float  # a unit vector from the baseline towards the line above (the text's own "up")
    up_y: float
    size: float  # the printed font size of its first visible character, points, to the half point
    first_char: int  # pdfium's index of that character
    # Looked at on the lines that may start a block and the line after each only, else None:
    uniform: bool | None  # its last visible character has the same size
    bold: bool | None  # every word starts in a bold font, and it has MAX_BOLD_WORDS words or fewer

    def advance(self, below: Geometry) -> float:
        """How far down the page `below`'s baseline lies from this one's, measured across this
        line's text direction: a line pitch, ~0 on the same baseline, negative up (a new column)."""
        return (self.x - below.x) * self.up_x + (self.y - below.y) * self.up_y

    def same_direction(self, other: Geometry) -> bool:
        return self.up_x * other.up_x + self.up_y * other.up_y > 0.99


class Line(NamedTuple):
    start: int  # offset of its first character in pdfium's page text
    content: str  # without its line end
    hyphen: bool  # ends with pdfium's line-break hyphen mark: printed `-` and a line break
    geometry: Geometry | None  # None for a line without visible text, or one pdfium cannot place

    @property
    def text(self) -> str:
        """The line as printed, with its line end."""
        return self.content + ("-\n" if self.hyphen else "\n")


@dataclass(frozen=True)
class Page:
    text: str  # as pdfium gives it: CRLF line ends, a mark for a line-break hyphen
    lines: tuple[Line, ...]  # in reading order
    ruled: bool  # draws enough straight lines to hold a ruled table
    has_images: bool  # only looked at on a page without text
    notes: PageNotes | None = None  # its footnotes and the markers that refer to them


def split_lines(text: str) -> list[tuple[int, str, bool]]:
    """pdfium's page text as lines: (offset, content, ends with a hyphen mark). Any line end
    (CRLF, CR, LF) ends a line; a hyphen mark ends one by itself, with the break after it."""
    lines = []
    for m in _LINE.finditer(text):
        if m.start() == m.end():
            continue  # the empty match at the end of the text
        ending = m.group(2)
        lines.append((m.start(1), m.group(1), bool(ending) and ending[0] in HYPHEN_MARKS))
    return lines


def read_pages(pdf: pdfium.PdfDocument, budget: Budget) -> list[Page]:
    total = len(pdf)
    pages = []
    for index in range(total):
        budget.check(index, total)
        pages.append(_read_page(pdf, index))
    return pages


def _read_page(pdf: pdfium.PdfDocument, index: int) -> Page:
    # Every page and text page is closed at once: a 500-page file stays in bounded memory.
    page = pdf[index]
    try:
        if page.get_rotation():
            # pdfium orders the text of a page displayed turned by the lines' direction on the
            # screen (bottom line first, cells of a row right to left); upright, as printed. Only
            # the open copy changes: character positions are in the page's own space either way.
            page.set_rotation(0)
        textpage = page.get_textpage()
        try:
            text = textpage.get_text_range()
            sampler = _Sampler(textpage, text)
            lines = sampler.lines()
            notes = find_notes(textpage, lines, sampler.index)
        finally:
            textpage.close()
        blank = not text.strip()
        return Page(text, lines, not blank and _draws_rules(page), blank and _has_images(page), notes)
    finally:
        page.close()


class _Sampler:
    """The geometry of a page's lines, read at a few characters each."""

    def __init__(self, textpage: pdfium.PdfTextPage, text: str):
        self.tp, self.text = textpage.raw, text
        self.index = char_indexer(textpage, text)
        self.matrix = pdfium_c.FS_MATRIX()
        self.name = ctypes.create_string_buffer(128)
        self.flags = ctypes.c_int()

    def lines(self) -> tuple[Line, ...]:
        split = split_lines(self.text)
        placed = [self._place(start, content) for start, content, _ in split]
        order = reading_order(placed)
        if order is not None:
            split, placed = [split[k] for k in order], [placed[k] for k in order]
        top = printed_above(placed)
        if top:
            split, placed = split[top:] + split[:top], placed[top:] + placed[:top]
        looked_at = _block_starts(placed)
        return tuple(
            Line(
                start, content, hyphen, None if p is None else self._look_at(start, content, p) if n in looked_at else p
            )
            for n, ((start, content, hyphen), p) in enumerate(zip(split, placed))
        )

    def _place(self, start: int, content: str) -> Geometry | None:
        """Baseline, direction and size of the line, from its first visible character."""
        first = VISIBLE.search(content)
        if first is None:
            return None
        i = self.index(start + first.start())
        if i < 0:
            return None
        # The matrix of the character's text object: its scale times the font size is the printed
        # size, its origin (e, f) lies on the line's baseline, its first column is the text's direction.
        size, m = printed_size(self.tp, i, self.matrix), self.matrix
        norm = math.hypot(m.a, m.b) if size else 0.0
        if not size or not norm:
            return None
        return Geometry(m.e, m.f, -m.b / norm, m.a / norm, size, i, None, None)

    def _look_at(self, start: int, content: str, placed: Geometry) -> Geometry:
        """The line's geometry, with whether its last character has its first one's size and
        whether it is bold (on a line of MAX_BOLD_WORDS words or fewer: its last character first,
        the first character of every word then)."""
        last_at = start + len(content.rstrip()) - 1
        last = self.index(last_at)
        if last < 0:
            return placed
        uniform = last == placed.first_char or self._size(last) == placed.size
        bold = (
            _words(content) <= MAX_BOLD_WORDS
            and self._bold(last)
            and all(self._bold(self.index(start + w.start())) for w in _WORD_START.finditer(content))
        )
        return placed._replace(uniform=uniform, bold=bold)

    def _size(self, i: int) -> float:
        return printed_size(self.tp, i, self.matrix) or 0.0

    def _bold(self, i: int) -> bool:
        if i < 0:
            return False
        if pdfium_c.FPDFText_GetFontWeight(self.tp, i) >= _BOLD_WEIGHT:
            return True
        # the standard 14 fonts give no weight: their name says it
        n = pdfium_c.FPDFText_GetFontInfo(self.tp, i, self.name, len(self.name), self.flags)
        return bool(self.flags.value & _FORCE_BOLD) or (n > 0 and bool(_BOLD_NAME.search(self.name.value)))


# A run of lines each above the one before, by no more than this many font sizes: lines pdfium
# gave bottom to top, as it does for text printed turned by 270 degrees (its lines run down the
# page as displayed).
_MAX_STEP_BACK = 6


def reading_order(placed: Sequence[Geometry | None]) -> list[int] | None:
    """The order to read the lines in, None for pdfium's own: runs of three lines or more, each
    a line or a paragraph gap above the one before, are read the other way round. In text read
    in its order a line above the one before it is a new column, and the next line goes down again."""
    order = list(range(len(placed)))
    turned = False
    i = 0
    while i < len(placed) - 2:
        j = i
        while j + 1 < len(placed) and _steps_back(placed[j], placed[j + 1]):
            j += 1
        if j - i >= 2:
            order[i : j + 1] = order[i : j + 1][::-1]
            turned = True
        i = max(j, i + 1)
    return order if turned else None


def printed_above(placed: Sequence[Geometry | None]) -> int:
    """Where a run of lines starts that ends the page's text but is printed above all the lines
    before it (a masthead some files give last, after the body and its footnotes): it is read
    first. 0 when there is none."""
    first = next((g for g in placed if g is not None), None)
    if first is None or any(g is not None and not g.same_direction(first) for g in placed):
        return 0
    heights = [None if g is None else g.x * first.up_x + g.y * first.up_y for g in placed]
    highest_before: list[float] = [-math.inf] * (len(placed) + 1)
    for k, h in enumerate(heights):
        highest_before[k + 1] = highest_before[k] if h is None else max(h, highest_before[k])
    lowest = math.inf
    # the shortest such run: a page's first line may be its lowest (a job number), and every
    # run is above that one
    for k in range(len(placed) - 1, 0, -1):
        h = heights[k]
        lowest = lowest if h is None else min(h, lowest)
        if lowest < math.inf and lowest > highest_before[k] + MIN_PITCH * first.size:
            return k
    return 0


def _steps_back(above: Geometry | None, below: Geometry | None) -> bool:
    if above is None or below is None or not above.same_direction(below):
        return False
    size = max(above.size, below.size)
    return -_MAX_STEP_BACK * size <= above.advance(below) < -MIN_PITCH * size


def _block_starts(placed: list[Geometry | None]) -> set[int]:
    """The lines that may start a block, and the line after each: those that may be headings.
    Any line when the page has too few lines of one size to know its pitch; else the first, one
    after a line without geometry, after a change of size or direction, a step back up the page
    (a new column) or a step down wider than 1.4 line pitches."""
    ratios = pitch_ratios(placed)
    if len(ratios) < MIN_PITCH_PAIRS:
        return set(range(len(placed)))
    pitch = line_pitch(ratios)
    starts = set()
    for n, (above, below) in enumerate(zip([None] + placed, placed)):
        if below is None:
            continue
        if (
            above is None
            or above.size != below.size
            or not above.same_direction(below)
            or not -MIN_PITCH * below.size <= above.advance(below) <= BREAK_PITCHES * pitch * below.size
        ):
            starts.update((n, n + 1))
    return starts


def pitch_ratios(placed: Sequence[Geometry | None]) -> list[float]:
    """The steps down the page between consecutive lines of one size and direction, in font
    sizes: the page's line pitches, and its wider paragraph gaps."""
    ratios = []
    for a, b in zip(placed, placed[1:]):
        if a is not None and b is not None and a.size == b.size and a.same_direction(b):
            ratio = a.advance(b) / a.size
            if ratio > MIN_PITCH:
                ratios.append(ratio)
    return ratios


def line_pitch(ratios: Sequence[float]) -> float:
    """The usual step from a line to the next, in font sizes: the lower quartile of the steps,
    which paragraph gaps do not move until three pairs of lines in four are paragraph gaps."""
    return sorted(ratios)[len(ratios) // 4]


def _words(content: str) -> int:
    return len(content.split())


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
