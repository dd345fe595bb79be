"""Paragraphs and headings from the page layout, written the way the reader contract asks: a
blank line between paragraphs, a heading as a `#` line (one `#` per level).

A PDF marks both by layout only. A blank line goes where the gap between two baselines is
clearly wider than the page's line pitch (1.4 times), where the font grows from body size to
a larger one or back, where the text changes direction, and where it goes back up the page
(a new column) after a sentence ended and before one starts. A heading is, precision first:
- one line, or two in a row, printed clearly larger than the body text (the size most
  characters of the document have), short and without a final period; or
- one short line entirely in bold at body size or a little above, without a final period,
  that starts a block (a gap or a change of font above it) and ends one (a gap or body text
  below it).
Its level is the rank of its size among the headings' sizes in the document: the largest is
1. The lines a page template repeats at the top or bottom of most pages (a running header,
`Page 3`) are never headings, whatever their font: the cleaning records and removes them.
The cells of a table are never headings and never get a blank line between them.
"""
from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from typing import Mapping, Sequence

from tasks.domain.models import Furniture
from tasks.domain.pages import PAGE_SEPARATOR
from tasks.readers.pdf.layout import (BREAK_PITCHES, MAX_BOLD_WORDS, MIN_PITCH, MIN_PITCH_PAIRS, Line, Page,
                                      line_pitch, pitch_ratios)

# Clearly larger than the body text: 12.65 pt and up for an 11 pt body.
_LARGER = 1.15
_MAX_HEADING_LINES = 2
_MAX_HEADING_WORDS = 24
_MAX_LEVEL = 6
_NOT_A_HEADING_END = (".", ",", ";", ":")
_LETTER = re.compile(r"[^\W\d_]")
_SENTENCE_END = re.compile(r"[.!?:;][\"'\u2019\u201d\u00bb)\]]*\s*$")
_OPENING = "\"'\u2018\u201c\u00ab([\u00bf\u00a1 \t"
_DIGITS = re.compile(r"\d+")


def write_text(pages: Sequence[Page],
               table_lines: Mapping[int, Sequence[bool]]) -> tuple[str, tuple[Furniture, ...]]:
    """The document's text, pages joined by a form feed, each ending with a line end; and the
    spans of its table lines (whole lines with their line end)."""
    in_table = [list(table_lines.get(i) or [False] * len(p.lines)) for i, p in enumerate(pages)]
    body = _body_size(pages, in_table)
    running = _running_lines(pages)
    # a page with too few lines of one size to know its pitch takes the document's
    ratios = [pitch_ratios([None if cell else line.geometry for line, cell in zip(p.lines, t)])
              for p, t in zip(pages, in_table)]
    every_ratio = [r for page in ratios for r in page]
    doc_ratio = line_pitch(every_ratio) if every_ratio else None
    plans = [_Plan(p.lines, t, r, body, line_pitch(own) if len(own) >= MIN_PITCH_PAIRS else doc_ratio)
             for p, t, r, own in zip(pages, in_table, running, ratios)]
    sizes = sorted({h.size for plan in plans for h in plan.headings}, reverse=True)
    levels = {size: min(rank, _MAX_LEVEL) for rank, size in enumerate(sizes, start=1)}
    parts: list[str] = []
    furniture: list[Furniture] = []
    offset = 0
    for index, plan in enumerate(plans):
        if index:
            parts.append(PAGE_SEPARATOR)
            offset += len(PAGE_SEPARATOR)
        text, spans = plan.render(levels)
        parts.append(text)
        furniture.extend(Furniture("table", offset + s, offset + e) for s, e in spans)
        offset += len(text)
    return "".join(parts), tuple(furniture)


def _body_size(pages: Sequence[Page], in_table: Sequence[Sequence[bool]]) -> float | None:
    """The size most characters of the document are printed in, tables aside."""
    chars: Counter[float] = Counter()
    for page, table in zip(pages, in_table):
        for line, cell in zip(page.lines, table):
            if line.geometry is not None and not cell:
                chars[line.geometry.size] += len(line.content) - line.content.count(" ")
    return chars.most_common(1)[0][0] if chars else None


def _shape(line: Line) -> str:
    return _DIGITS.sub("0", " ".join(line.content.lower().split()))


def _running_lines(pages: Sequence[Page]) -> list[set[int]]:
    """For each page, its first and last line when the same text, digits aside, is the first
    or last line of half the pages or more (two at least): a running header or footer."""
    ends: list[set[int]] = []
    for page in pages:
        visible = [i for i, line in enumerate(page.lines) if line.content.strip()]
        ends.append({visible[0], visible[-1]} if visible else set())
    seen = Counter(shape for page, at in zip(pages, ends) for shape in {_shape(page.lines[i]) for i in at})
    needed = max(2, (sum(1 for at in ends if at) + 1) // 2)
    return [{i for i in at if seen[_shape(page.lines[i])] >= needed} for page, at in zip(pages, ends)]


@dataclass(frozen=True)
class _Heading:
    first: int  # index of its first line on the page
    count: int  # lines it takes
    size: float
    text: str


class _Plan:
    """One page's lines, where paragraphs break and which lines are headings."""

    def __init__(self, lines: Sequence[Line], in_table: Sequence[bool], running: set[int],
                 body: float | None, ratio: float | None):
        self.lines, self.in_table, self.running = lines, in_table, running
        self.body, self.ratio = body, ratio
        self.headings: list[_Heading] = self._headings() if body else []

    # --- paragraph breaks -------------------------------------------------------------------

    def _breaks_before(self, i: int) -> bool:
        """Whether the layout separates line i from the line above it."""
        if i == 0:
            return False
        above, below = self.lines[i - 1], self.lines[i]
        a, b = above.geometry, below.geometry
        if a is None or b is None or self.body is None:
            return False
        if not a.same_direction(b):
            return True
        if a.size != b.size and max(a.size, b.size) >= _LARGER * self.body:
            return True
        advance = a.advance(b)
        if advance < -MIN_PITCH * a.size:
            # Back up the page: a new column, where a paragraph goes on as often as a new one
            # starts. As across a page break, it goes on unless a sentence ended and a new one starts.
            return not above.hyphen and bool(_SENTENCE_END.search(above.content)) \
                and not below.content.lstrip(_OPENING)[:1].islower()
        return self.ratio is not None and advance > BREAK_PITCHES * self.ratio * max(a.size, b.size)

    def _blank_before(self, i: int) -> bool:
        """A blank line goes between line i and the line above it, outside any table."""
        return not (self.in_table[i - 1] and self.in_table[i]) and self._breaks_before(i)

    # --- headings -------------------------------------------------------------------------

    def _eligible(self, i: int) -> bool:
        g = self.lines[i].geometry
        return g is not None and g.uniform is True and not self.in_table[i] and i not in self.running

    def _headings(self) -> list[_Heading]:
        assert self.body is not None
        found: list[_Heading] = []
        n, i = len(self.lines), 0
        while i < n:
            g = self.lines[i].geometry
            if not self._eligible(i) or g is None:
                i += 1
                continue
            if g.size >= _LARGER * self.body:
                # the lines of one larger size that follow on without a break: a heading if two at most
                j = i + 1
                while j < n and self.lines[j].geometry is not None and self.lines[j].geometry.size == g.size \
                        and not self._breaks_before(j):
                    j += 1
                text = _joined(self.lines[i:j])
                if j - i <= _MAX_HEADING_LINES and all(self._eligible(k) for k in range(i, j)) \
                        and _heading_text(text, _MAX_HEADING_WORDS):
                    found.append(_Heading(i, j - i, g.size, text))
                i = j
                continue
            text = _joined(self.lines[i:i + 1])
            if g.bold is True and g.size >= self.body and _heading_text(text, MAX_BOLD_WORDS) \
                    and self._starts_block(i, found) and self._ends_block(i):
                found.append(_Heading(i, 1, g.size, text))
            i += 1
        return found

    def _starts_block(self, i: int, found: list[_Heading]) -> bool:
        if i == 0 or not self.lines[i - 1].content.strip() or i - 1 in self.running:
            return True
        if found and found[-1].first + found[-1].count == i:
            return True  # right under a heading
        above, g = self.lines[i - 1].geometry, self.lines[i].geometry
        return above is None or above.size != g.size or self._breaks_before(i)

    def _ends_block(self, i: int) -> bool:
        if i + 1 == len(self.lines) or not self.lines[i + 1].content.strip() or i + 1 in self.running:
            return True
        below, g = self.lines[i + 1].geometry, self.lines[i].geometry
        # body text below (a line not looked at may be bold: it is not known to be body)
        return below is None or below.bold is False or below.size != g.size or self._breaks_before(i + 1)

    # --- the page's text ------------------------------------------------------------------

    def render(self, levels: Mapping[float, int]) -> tuple[str, list[tuple[int, int]]]:
        """The page's text, every line ended by "\\n", and the spans of its table lines."""
        headings = {h.first: h for h in self.headings}
        out: list[str] = []
        spans: list[tuple[int, int]] = []
        pos = 0
        blank = True  # the last thing written is a blank line, or nothing
        after_heading = False
        i = 0
        while i < len(self.lines):
            line, heading = self.lines[i], headings.get(i)
            visible = bool(line.content.strip())
            if heading is not None:
                text, due, following = "#" * levels[heading.size] + " " + heading.text + "\n", True, i + heading.count
            else:
                text, due, following = line.text, after_heading or self._blank_before(i), i + 1
            if due and visible and not blank:
                out.append("\n")
                pos += 1
            if heading is None and self.in_table[i]:
                if spans and spans[-1][1] == pos:
                    spans[-1] = (spans[-1][0], pos + len(text))
                else:
                    spans.append((pos, pos + len(text)))
            out.append(text)
            pos += len(text)
            blank, after_heading = not visible, heading is not None
            i = following
        return "".join(out), spans


def _joined(lines: Sequence[Line]) -> str:
    """A heading's lines as one line: words joined by one space, a hyphen at a line end kept
    and the word it cuts joined to it."""
    text = ""
    for line in lines:
        part = " ".join(line.content.split())
        text += part if not text or text.endswith("-") else " " + part
        if line.hyphen:
            text += "-"
    return text


def _heading_text(text: str, max_words: int) -> bool:
    return bool(_LETTER.search(text)) and len(text.split()) <= max_words and not text.endswith(_NOT_A_HEADING_END)
