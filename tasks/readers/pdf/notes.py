"""A page's footnotes: the notes printed under its body and the markers in the body that
refer to them, found by the page's layout, for the markdown footnote syntax every reader
writes (`tasks.domain.footnotes`: `[^12]` where a marker stands, `[^12]: text` for a note).

pdfium gives both as plain digits: a marker as `Database. 2` or `years).4 The`, sometimes on
a line of its own (`Prospects,⏎13⏎ which`), and the notes as lines at the page's foot
(`2 See https://...`), often under a short rule that it gives as underscores. The layout tells
them from a figure in the prose (`Article 4`, `2024`, `resolution 73/195`):
- a note block is a run of lines at the page's foot, below the body and in smaller type than
  it, that opens with a note: a number printed smaller than the note's text and raised (a
  superscript), or, under a rule line, any number; `*` (and `**`, `†`) notes need no
  superscript. Its notes follow each other closely, each opening the same way; a line in
  the note's type that opens no note goes on the note above it.
- a marker is a number in the body that is one of the page's note numbers and is printed
  smaller than the character beside it and raised above it; a `*` marker is glued to the
  word before it (`agenda*`).
Only a page with a note block is looked at for markers, and only at the note numbers it
prints: a page without notes costs one pass over its lines' sizes, already read.
"""

from __future__ import annotations

import ctypes
import re
from collections import Counter
from dataclasses import dataclass
from typing import TYPE_CHECKING, Callable, Mapping, Sequence

import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c

from tasks.readers.pdf.chars import MIN_PITCH, VISIBLE, printed_size

if TYPE_CHECKING:  # the page's lines come from `layout`, which calls this module
    from tasks.readers.pdf.layout import Geometry, Line

# A note opens with its label: a number of three digits at most, or note signs.
_LABEL = re.compile(r"[ \t]*(\d{1,3}|[*\u2020\u2021]{1,3})(?=[ \t]|$)")
_SIGNS = "*\u2020\u2021"
_RULE_LINE = re.compile(r"[ \t]*_{5,}[ \t]*")
# Note text is printed smaller than the body text: at most this share of its size.
_SMALLER = 0.95
# A superscript (a marker, a note's number) is printed at most this share of the size of the
# text beside it, and its baseline is raised by at least this share of that size.
_SUPERSCRIPT_SIZE = 0.85
_SUPERSCRIPT_RISE = 0.15
# The lines of a note block follow each other at most this many of their font sizes apart: a
# page number or a job number under the notes is further down.
_MAX_NOTE_GAP = 2.2
_SAME_SIZE = 0.5  # points
# Under the notes, in body type, a first page prints its job number and barcode: a few words.
_MAX_WORDS_BELOW = 8


@dataclass(frozen=True)
class Marker:
    """A marker in a body line: `content[start:end]` (with the spaces before it) becomes `[^label]`."""

    start: int
    end: int
    label: str


@dataclass(frozen=True)
class Note:
    label: str
    text: str  # its lines as printed, each ended by a line end, its label left out


@dataclass(frozen=True)
class PageNotes:
    lines: frozenset[int]  # the lines of the note block, its rule included (indices in `Page.lines`)
    rule: str | None  # the rule line above the notes, as printed
    notes: tuple[Note, ...]
    markers: Mapping[int, tuple[Marker, ...]]  # body line index -> its markers, in order

    def paragraphs(self) -> list[str]:
        """The block as paragraphs, each ended by a line end: the rule, then `[^N]: text`."""
        return ([self.rule + "\n"] if self.rule else []) + [f"[^{n.label}]: {n.text}" for n in self.notes]

    def body_line(self, i: int, content: str) -> tuple[str, str]:
        """Line i of the body with its markers written `[^N]`: (the markers it starts with, which
        belong to the end of the line above; the rest of the line)."""
        glued, out, pos = "", [], 0
        for m in self.markers.get(i, ()):
            if not content[: m.start].strip():
                glued += f"[^{m.label}]"
            else:
                out.append(content[pos : m.start] + f"[^{m.label}]")
            pos = m.end
        rest = "".join(out) + content[pos:]
        return glued, rest.lstrip() if glued else rest

    def only_markers(self, i: int, content: str) -> bool:
        """Line i holds markers and nothing else (`13` on a line of its own)."""
        return i in self.markers and not self.body_line(i, content)[1].strip()


def find_notes(textpage: pdfium.PdfTextPage, lines: Sequence[Line], index: Callable[[int], int]) -> PageNotes | None:
    """The page's note block and the markers that refer to its notes, or None without notes.
    `index` maps an offset in the page text to pdfium's character index (`chars.char_indexer`,
    the one the page's lines were read with)."""
    body = _body_size(lines)
    if body is None or not any(_may_open_note(line, body) for line in lines):
        return None
    chars = _Chars(textpage, index)
    found = _note_block(lines, body, chars)
    if found is None:
        return None
    block, rule, notes = found
    labels = {n.label for n in notes}
    markers = {i: m for i, line in enumerate(lines) if i not in block for m in [_markers(lines, i, labels, chars)] if m}
    return PageNotes(frozenset(block), rule, tuple(notes), markers)


def _body_size(lines: Sequence[Line]) -> float | None:
    sizes: Counter[float] = Counter()
    for line in lines:
        if line.geometry is not None:
            sizes[line.geometry.size] += len(line.content) - line.content.count(" ")
    return sizes.most_common(1)[0][0] if sizes else None


def _may_open_note(line: Line, body: float) -> bool:
    return line.geometry is not None and line.geometry.size <= _SMALLER * body and bool(_LABEL.match(line.content))


class _Chars:
    """Size and origin of single characters of the page text, by offset."""

    def __init__(self, textpage: pdfium.PdfTextPage, index: Callable[[int], int]):
        self.tp, self.index = textpage.raw, index
        self.matrix = pdfium_c.FS_MATRIX()
        self.x, self.y = ctypes.c_double(), ctypes.c_double()

    def size(self, offset: int) -> float | None:
        i = self.index(offset)
        return None if i < 0 else printed_size(self.tp, i, self.matrix)

    def origin(self, offset: int) -> tuple[float, float] | None:
        i = self.index(offset)
        if i < 0 or not pdfium_c.FPDFText_GetCharOrigin(self.tp, i, self.x, self.y):
            return None
        return self.x.value, self.y.value


@dataclass
class _Open:
    """A line that opens a note."""

    label: str
    text_at: int | None  # offset in the line's content where the note's text starts; None: on the next line
    label_size: float
    text_size: float

    @property
    def superscript(self) -> bool:
        return self.label_size <= _SUPERSCRIPT_SIZE * self.text_size


def _opening(lines: Sequence[Line], i: int, chars: _Chars) -> _Open | None:
    line = lines[i]
    m = _LABEL.match(line.content)
    if m is None or line.geometry is None:
        return None
    rest = VISIBLE.search(line.content, m.end())
    if rest is not None:
        text_size = chars.size(line.start + rest.start())
        text_at = rest.start()
    else:  # the label alone on its line, the text on the next
        following = lines[i + 1].geometry if i + 1 < len(lines) else None
        text_size = following.size if following is not None and not _LABEL.match(lines[i + 1].content) else None
        text_at = None
    if not text_size:
        return None
    return _Open(m.group(1), text_at, line.geometry.size, text_size)


def _note_block(lines: Sequence[Line], body: float, chars: _Chars):
    """The first run of lines that makes a note block: (its line indices, its rule, its notes)."""
    for i, line in enumerate(lines):
        if not _may_open_note(line, body):
            continue
        opening = _opening(lines, i, chars)
        if opening is None or opening.text_size > _SMALLER * body:
            continue
        rule = i - 1 if i and _RULE_LINE.fullmatch(lines[i - 1].content) else None
        if not (opening.superscript or opening.label[0] in _SIGNS or rule is not None):
            continue
        block, notes = _grow(lines, i, opening, chars)
        above = _sign_note_above(lines, rule if rule is not None else i, body, chars)
        if above is not None:
            block, notes = [above.index, *block], [above.note, *notes]
        if notes and _at_the_foot(lines, block, body):
            if rule is not None:
                block.append(rule)
            return block, lines[rule].content.strip() if rule is not None else None, notes
    return None


def _grow(lines: Sequence[Line], i: int, first: _Open, chars: _Chars) -> tuple[list[int], list[Note]]:
    """Line i and the lines after it that belong to its block: notes that open like the first
    (with a superscript number, or, when the first has none, with the next number), and lines
    in the notes' type that go on the note above them."""
    block: list[int] = []
    notes: list[tuple[str, list[str]]] = []
    label_alone = False  # the last line was a label alone: this one is its note's text
    previous: Geometry | None = None
    for j in range(i, len(lines)):
        line, g = lines[j], lines[j].geometry
        if g is None:
            if line.content.strip():
                break
            continue
        if previous is not None and not _follows(previous, g, first.text_size):
            break
        opening = None if label_alone else first if j == i else _opening(lines, j, chars)
        if opening is not None and (opening is first or _opens_like(opening, first, notes)):
            text = line.content[opening.text_at :] if opening.text_at is not None else ""
            notes.append((opening.label, [_printed(text, line.hyphen)] if text else []))
            label_alone = opening.text_at is None
        elif abs(g.size - first.text_size) <= _SAME_SIZE:
            notes[-1][1].append(_printed(line.content, line.hyphen))
            label_alone = False
        else:
            break
        block.append(j)
        previous = g
    if label_alone:  # a label with no text after it is not a note
        block, notes = block[:-1], notes[:-1]
    return block, [Note(label, "".join(parts)) for label, parts in notes]


def _follows(previous: Geometry, g: Geometry, text_size: float) -> bool:
    """The next line of a note block: below the line before (or on its baseline, the text
    after a raised label), at most a short gap away."""
    return previous.same_direction(g) and -MIN_PITCH * g.size <= previous.advance(g) <= _MAX_NOTE_GAP * text_size


def _opens_like(opening: _Open, first: _Open, notes: list[tuple[str, list[str]]]) -> bool:
    if abs(opening.text_size - first.text_size) > _SAME_SIZE:
        return False
    if opening.superscript or opening.label[0] in _SIGNS:
        return True
    if first.superscript:
        return False  # a line in the notes' type that starts with a figure goes on the note above
    last = notes[-1][0] if notes else ""
    return last.isdigit() and opening.label == str(int(last) + 1)


@dataclass(frozen=True)
class _SignNote:
    index: int
    note: Note


def _sign_note_above(lines: Sequence[Line], top: int, body: float, chars: _Chars) -> _SignNote | None:
    """A one-line `*` note printed just above the numbered notes, in body type or smaller
    (`* Observer State of the Committee.`)."""
    above = top - 1
    if above < 0 or lines[above].geometry is None or lines[top].geometry is None:
        return None
    line, g = lines[above], lines[above].geometry
    m = _LABEL.match(line.content)
    rest = VISIBLE.search(line.content, m.end()) if m else None
    if m is None or rest is None or m.group(1)[0] not in _SIGNS or g.size > body:
        return None
    if not g.same_direction(lines[top].geometry) or not 0 < g.advance(lines[top].geometry) <= _MAX_NOTE_GAP * g.size:
        return None
    return _SignNote(above, Note(m.group(1), _printed(line.content[rest.start() :], line.hyphen)))


def _at_the_foot(lines: Sequence[Line], block: Sequence[int], body: float) -> bool:
    """Body text above the block, none beside it and no prose under it (a job number or a
    barcode may be there): the block is the page's foot, not a small-type table or quotation
    between paragraphs."""
    inside = set(block)
    ys = [g.y for g in (lines[i].geometry for i in block) if g is not None]
    if not ys:
        return False
    top, bottom = max(ys), min(ys)
    above, words_below = False, 0
    for i, line in enumerate(lines):
        g = line.geometry
        if i in inside or g is None or g.size < _SMALLER * body or not line.content.strip():
            continue
        if bottom <= g.y <= top:
            return False
        above = above or g.y > top
        words_below += len(line.content.split()) if g.y < bottom else 0
    return above and words_below <= _MAX_WORDS_BELOW


def _printed(content: str, hyphen: bool) -> str:
    return content + ("-\n" if hyphen else "\n")


# --- markers ------------------------------------------------------------------------------


def _markers(lines: Sequence[Line], i: int, labels: set[str], chars: _Chars) -> tuple[Marker, ...]:
    """The markers of line i: the page's note labels printed as markers there."""
    line = lines[i]
    if line.geometry is None:
        return ()
    found = []
    for label in labels:
        if label[0] in _SIGNS:  # glued to the word before it: `agenda*`, `Albania,*`
            pattern = rf"(?<=[^\s\d{_SIGNS}]){re.escape(label)}(?=[\s,.;:)]|$)"
        else:  # the end of a number, not of a symbol or a figure (`A/80/10`, `3.7.2`, `1,5`); it
            # may follow digits (`Prospects 2024` and marker 27 give `202427`): its type tells
            pattern = rf"(?<!/){label}(?![\d/]|[.,]\d)"
        for m in re.finditer(pattern, line.content):
            if label[0] in _SIGNS or _superscript(lines, i, m.start(), m.end(), chars):
                # the spaces before it go with it: `Database. 2` is `Database.[^2]`
                found.append(Marker(len(line.content[: m.start()].rstrip(" \t")), m.end(), label))
    found.sort(key=lambda m: m.start)
    return tuple(m for k, m in enumerate(found) if not k or m.start >= found[k - 1].end)


def _superscript(lines: Sequence[Line], i: int, start: int, end: int, chars: _Chars) -> bool:
    """The digits at content[start:end] of line i are printed smaller than, and raised above,
    the character before them (on this line, else the last of the line above) or, at the
    start of a line, the one after them."""
    line = lines[i]
    g = line.geometry
    assert g is not None
    size, origin = chars.size(line.start + start), chars.origin(line.start + start)
    if size is None or origin is None:
        return False
    beside = _beside(lines, i, start, end)
    if beside is None:
        return False
    ref_size, ref_origin = chars.size(beside), chars.origin(beside)
    if not ref_size or ref_origin is None:
        return False
    rise = (origin[0] - ref_origin[0]) * g.up_x + (origin[1] - ref_origin[1]) * g.up_y
    return size <= _SUPERSCRIPT_SIZE * ref_size and _SUPERSCRIPT_RISE * ref_size <= rise < ref_size


def _beside(lines: Sequence[Line], i: int, start: int, end: int) -> int | None:
    """Page-text offset of the visible character the marker is compared with."""
    line = lines[i]
    before = line.content[:start].rstrip()
    if before:
        return line.start + len(before) - 1
    after = VISIBLE.search(line.content, end)
    if after is not None:
        return line.start + after.start()
    if i and lines[i - 1].content.strip():
        above = lines[i - 1]
        return above.start + len(above.content.rstrip()) - 1
    return None
