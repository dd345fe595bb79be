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
A page's footnotes (`notes`) are not written where pdfium gives them: their markers become
`[^N]` on the line they end, and the notes wait for the end of the paragraph their page cut
(`_Plan.render`).
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from typing import Mapping, Sequence

from tasks.domain.models import Furniture
from tasks.domain.pages import PAGE_SEPARATOR
from tasks.readers.pdf.layout import (
    BREAK_PITCHES,
    MAX_BOLD_WORDS,
    MIN_PITCH,
    MIN_PITCH_PAIRS,
    Line,
    Page,
    line_pitch,
    pitch_ratios,
)
from tasks.readers.pdf.notes import PageNotes

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
# Opens a paragraph of its own, besides a capital: a numbered paragraph, a lettered item, a list.
_ENUMERATOR = re.compile(r"[ \t]*(?:\d{1,3}[.)]|\(?[a-z]{1,4}\)|[-*\u2022])\s")
# The last line of a page ends its paragraph only if it is shorter than the page's longest body
# lines: a full line ending in a full stop may go on.
_FULL_LINE = 0.9
_MARKERS_AT_END = re.compile(r"(?:\[\^[^\]\s]+\])+$")


def write_text(pages: Sequence[Page], table_lines: Mapping[int, Sequence[bool]]) -> tuple[str, tuple[Furniture, ...]]:
    """The document's text, pages joined by a form feed, each ending with a line end; and the
    spans of its table lines (whole lines with their line end)."""
    in_table = [list(table_lines.get(i) or [False] * len(p.lines)) for i, p in enumerate(pages)]
    body = _body_size(pages, in_table)
    running = _running_lines(pages)
    # a page with too few lines of one size to know its pitch takes the document's
    ratios = [
        pitch_ratios([None if cell else line.geometry for line, cell in zip(p.lines, t)])
        for p, t in zip(pages, in_table)
    ]
    every_ratio = [r for page in ratios for r in page]
    doc_ratio = line_pitch(every_ratio) if every_ratio else None
    plans = [
        _Plan(
            p.lines,
            t,
            r,
            body,
            line_pitch(own) if len(own) >= MIN_PITCH_PAIRS else doc_ratio,
            _notes_outside_tables(p.notes, t),
        )
        for p, t, r, own in zip(pages, in_table, running, ratios)
    ]
    sizes = sorted({h.size for plan in plans for h in plan.headings}, reverse=True)
    levels = {size: min(rank, _MAX_LEVEL) for rank, size in enumerate(sizes, start=1)}
    parts: list[str] = []
    furniture: list[Furniture] = []
    offset = 0
    notes: list[str] = []  # note paragraphs waiting for the end of the paragraph their page cut
    ended = False  # the page before ended a sentence on a short line
    for index, plan in enumerate(plans):
        if index:
            parts.append(PAGE_SEPARATOR)
            offset += len(PAGE_SEPARATOR)
        text, spans, notes, ended = plan.render(levels, notes, ended)
        parts.append(text)
        furniture.extend(Furniture("table", offset + s, offset + e) for s, e in spans)
        offset += len(text)
    if notes and parts:  # the last page's: at the end
        parts.append("\n" + "\n".join(notes) if parts[-1].strip() else "\n".join(notes))
    return "".join(parts), tuple(furniture)


def _notes_outside_tables(notes: PageNotes | None, in_table: Sequence[bool]) -> PageNotes | None:
    """A page's notes, unless a table holds one of their lines: its cells are named by position."""
    if notes is None or any(in_table[i] for i in notes.lines):
        return None
    return notes


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

    def __init__(
        self,
        lines: Sequence[Line],
        in_table: Sequence[bool],
        running: set[int],
        body: float | None,
        ratio: float | None,
        notes: PageNotes | None = None,
    ):
        self.lines, self.in_table, self.running = lines, in_table, running
        self.body, self.ratio, self.notes = body, ratio, notes
        # lines not written where they stand: the note block, and lines that are only markers
        self.hidden: set[int] = (
            set()
            if notes is None
            else set(notes.lines) | {i for i in notes.markers if notes.only_markers(i, lines[i].content)}
        )
        self.headings: list[_Heading] = self._headings() if body else []

    # --- paragraph breaks -------------------------------------------------------------------

    def _above(self, i: int) -> int | None:
        """The line written before line i: hidden lines do not count."""
        k = i - 1
        while k >= 0 and k in self.hidden:
            k -= 1
        return k if k >= 0 else None

    def _breaks_before(self, i: int) -> bool:
        """Whether the layout separates line i from the line above it; the lines after a note
        block that stands between them (a masthead pdfium gives last) start a paragraph."""
        k = self._above(i)
        if k is None:
            return False
        if self.notes is not None and any(j in self.notes.lines for j in range(k + 1, i)):
            return True
        above, below = self.lines[k], self.lines[i]
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
            return (
                not above.hyphen
                and bool(_SENTENCE_END.search(above.content))
                and not below.content.lstrip(_OPENING)[:1].islower()
            )
        return self.ratio is not None and advance > BREAK_PITCHES * self.ratio * max(a.size, b.size)

    def _blank_before(self, i: int) -> bool:
        """A blank line goes between line i and the line above it, outside any table."""
        k = self._above(i)
        return k is not None and not (self.in_table[k] and self.in_table[i]) and self._breaks_before(i)

    # --- headings -------------------------------------------------------------------------

    def _eligible(self, i: int) -> bool:
        g = self.lines[i].geometry
        return (
            g is not None
            and g.uniform is True
            and not self.in_table[i]
            and i not in self.running
            and i not in self.hidden
        )

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
                while (
                    j < n
                    and self.lines[j].geometry is not None
                    and self.lines[j].geometry.size == g.size
                    and not self._breaks_before(j)
                ):
                    j += 1
                text = _joined([self._shown(k) for k in range(i, j)])
                if (
                    j - i <= _MAX_HEADING_LINES
                    and all(self._eligible(k) for k in range(i, j))
                    and _heading_text(text, _MAX_HEADING_WORDS)
                ):
                    found.append(_Heading(i, j - i, g.size, text))
                i = j
                continue
            text = _joined([self._shown(i)])
            if (
                g.bold is True
                and g.size >= self.body
                and _heading_text(text, MAX_BOLD_WORDS)
                and self._starts_block(i, found)
                and self._ends_block(i)
            ):
                found.append(_Heading(i, 1, g.size, text))
            i += 1
        return found

    def _shown(self, i: int) -> Line:
        """Line i with its markers written `[^N]`."""
        if self.notes is None or i not in self.notes.markers:
            return self.lines[i]
        glued, rest = self.notes.body_line(i, self.lines[i].content)
        return self.lines[i]._replace(content=glued + rest)

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

    def render(
        self, levels: Mapping[float, int], notes: Sequence[str] = (), after_sentence: bool = False
    ) -> tuple[str, list[tuple[int, int]], list[str], bool]:
        """The page's text, every line ended by "\\n", and the spans of its table lines; then the
        note paragraphs still waiting, this page's added, and whether its body ended a sentence
        on a short line.

        Notes go where they interrupt no paragraph, so a sentence cut by a page break and the
        notes under it reads on once the running headers are gone: `notes` (the pages' before,
        not yet written) go before this page's first body line if that opens a paragraph after
        a sentence ended (`after_sentence`), else after the paragraph that runs on into this
        page; this page's own notes wait for the next page the same way."""
        headings = {h.first: h for h in self.headings}
        out: list[str] = []
        spans: list[tuple[int, int]] = []
        waiting = list(notes)
        pos = 0
        blank = True  # the last thing written is a blank line, or nothing
        after_heading = False
        glued = ""  # markers that start a line, for the line written before it
        body_seen: list[str] = []  # the body lines written
        i = 0
        while i < len(self.lines):
            line, heading = self.lines[i], headings.get(i)
            if i in self.hidden:
                if self.notes is not None and i not in self.notes.lines:
                    glued += self.notes.body_line(i, line.content)[0]
                i += 1
                continue
            content = line.content
            if self.notes is not None and i in self.notes.markers:
                starts, content = self.notes.body_line(i, content)
                glued += starts
            if glued and not blank and out:
                out[-1], pos = _glue(out[-1], glued), pos + len(glued)
                glued = ""
            visible = bool(content.strip())
            if heading is not None:
                text, due, following = "#" * levels[heading.size] + " " + heading.text + "\n", True, i + heading.count
            else:
                text, due, following = (
                    glued + content + ("-\n" if line.hyphen else "\n"),
                    after_heading or self._blank_before(i),
                    i + 1,
                )
                glued = ""
            body = heading is None and visible and self._body_line(i)
            if (
                waiting
                and visible
                and (
                    due
                    and body_seen
                    or not body_seen
                    and after_sentence
                    and (heading is not None or body and _opens_paragraph(content))
                )
            ):
                written = ("" if blank else "\n") + "\n".join(waiting) + "\n"
                out.append(written)
                pos += len(written)
                waiting, blank = [], True
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
            if body:
                body_seen.append(content)
            i = following
        if glued:
            out.append(glued + "\n")
        waiting += self.notes.paragraphs() if self.notes is not None else []
        return "".join(out), spans, waiting, _ends_sentence(body_seen)

    def _body_line(self, i: int) -> bool:
        """A line of the body text: in its size, outside tables and running headers."""
        g = self.lines[i].geometry
        return g is not None and g.size == self.body and not self.in_table[i] and i not in self.running


def _opens_paragraph(content: str) -> bool:
    return content.lstrip()[:1].isupper() or bool(_ENUMERATOR.match(content))


def _glue(written: str, markers: str) -> str:
    """A written line with markers put at its end, before its line end."""
    body = written.rstrip("\n")
    return body.rstrip(" \t") + markers + written[len(body) :]


def _ends_sentence(body_lines: Sequence[str]) -> bool:
    """The page's body ends a sentence on a line shorter than its longest: its paragraph ends."""
    if not body_lines:
        return False
    last = _MARKERS_AT_END.sub("", body_lines[-1].rstrip())
    return bool(_SENTENCE_END.search(last)) and len(last) < _FULL_LINE * max(len(b.rstrip()) for b in body_lines)


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
