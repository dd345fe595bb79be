"""Tables of contents: a list of headings with their page numbers is a map of the document,
not its text. Left in, its lines become paragraphs, and its entries pass for the headings
they point to.

A contents list is told by its shape, in any language: lines that end in a page number after
a dot leader (`I. Introduction .......... 3`), an entry's title wrapped over lines with the
leader on its last one, the page numbers never going down. Under a contents heading
(`Contents`, `Índice`, `Table des matières`, `Sumário`, or a `Page` column head) entries
without a leader count too (`A. Background 4`, a Word contents field's `Annex<tab>12`).
A lone leader line (`President: Mr. X . . . . (Cameroon)`), a form's dotted blanks (no page
number), a numbered heading followed by prose and an agenda without page numbers are not
contents lists.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Iterator

from tasks.domain.cleaning.engine import Edit
from tasks.domain.cleaning.rules.lines import Line, line_runs, lines, run_end
from tasks.domain.lexicon import CONTENTS_COLUMNS, CONTENTS_TITLES

_PAGE = r"(?P<page>(?:[A-Z]{1,2}[-–.])?\d{1,4}|[ivxlc]{1,7})"
# A UN report's `Paragraphs Page` columns put a paragraph range before the page: `1–12 3`.
_RANGE = r"(?:\d{1,4}[ \t]*[-–][ \t]*\d{1,4}[ \t]+)?"
# Four dots or more (pdfium spaces some of them: `..... ..... .`), middle dots, ellipses. The
# tab a word processor's contents field puts before the page number is no leader: `Article\t5`
# may be a heading; under a contents heading such entries count as entries without a leader.
_DOTS = r"(?:[.·][ \t]{0,2}){4,}|(?:…[ \t]{0,2}){2,}"
_LEADER_ENTRY = re.compile(rf"^[ \t]*(?P<title>.*?)[ \t]*(?:{_DOTS})[ \t]*{_RANGE}{_PAGE}[ \t]*$")
# A leader whose page number went to the next line.
_OPEN_LEADER = re.compile(rf"^[ \t]*(?P<title>.*?)[ \t]*(?:{_DOTS})[ \t]*$")
_BARE_PAGE = re.compile(rf"^[ \t]*{_RANGE}{_PAGE}[ \t]*$")
# Without a leader (only under a contents heading): a short title, then its page number.
_PLAIN_ENTRY = re.compile(
    rf"^[ \t]*(?P<title>(?:[^\W\d_]|\d{{1,2}}\.|[IVX]{{1,5}}\.)[^\n]{{0,100}}?[^\s,;:])[ \t]+{_RANGE}"
    r"(?P<page>\d{1,3}|[ivxlc]{1,6})[ \t]*$"
)
_ENUMERATED = re.compile(r"^[ \t]*(?:[IVXL]{1,6}|[A-Z]|\d{1,2}(?:\.\d{1,2})*)[.)][ \t]")
_HEADING_DECORATION = re.compile(r"^[#*_\s]+|[*_:\s]+$")
_CONTINUED = re.compile(r"\s*\((?:continued|cont\.|continuaci[oó]n|suite|continua[cç][aã]o)\)$", re.I)
_HEADING_COLUMN = re.compile(r"\s+(?:pages?|p[aá]ginas?|paragraphs\s+page)$", re.I)

# Lines an entry's title may wrap over before the line with its leader and page number.
_MAX_WRAPPED_LINES = 6
_MAX_PLAIN_WRAPPED_LINES = 1
_MAX_LINE_CHARS = 160
# Blank lines between two entries (a Word contents list has one between its paragraphs).
_MAX_BLANK_LINES = 2
# Lines of page furniture (a running header, a footer) where a list runs on to the next page.
_MAX_FURNITURE_LINES = 6
# A list without a contents heading must have this many entries with leaders; one with a
# heading this many (leaders) or _MIN_PLAIN_ENTRIES (no leaders).
_MIN_UNHEADED_ENTRIES = 3
_MIN_HEADED_ENTRIES = 2
_MIN_PLAIN_ENTRIES = 3


@dataclass(frozen=True)
class ContentsEntry:
    """One entry of a contents list: the heading it names and the page it gives."""

    title: str
    page: str


def drop_contents_lists(text: str) -> Iterator[Edit]:
    """Contents lists, each with its heading and column heads, as one `contents` removal (or
    one per page, around the page furniture the list runs over)."""
    all_lines = lines(text)
    for block in _Scanner(all_lines).blocks():
        yield from _block_edits(text, [all_lines[i] for i in block])


def contents_entries(text: str) -> list[ContentsEntry]:
    """The entries of a contents list (e.g. the text of a `contents` removal), wrapped titles
    joined: what a later step can check headings against."""
    all_lines = lines(text)
    kinds = [_kind(line) for line in all_lines]
    with_leaders = "leader" in kinds or "open" in kinds
    entries: list[ContentsEntry] = []
    pending: list[str] = []
    for line, kind in zip(all_lines, kinds):
        visible = _visible(line)
        if kind == "leader" or (kind == "plain" and not with_leaders):
            m = _LEADER_ENTRY.match(visible) or _PLAIN_ENTRY.match(visible)
            title = m.group("title")
            entries.append(
                ContentsEntry(_title(([] if _ENUMERATED.match(title) else pending) + [title]), m.group("page"))
            )
            pending = []
        elif kind == "page" and pending:
            entries.append(ContentsEntry(_title(pending), _BARE_PAGE.match(visible).group("page")))
            pending = []
        elif kind == "open":
            title = _OPEN_LEADER.match(visible).group("title")
            pending = [title] if _ENUMERATED.match(title) else pending + [title]
        elif kind in ("other", "plain"):
            # an enumerated line starts a title: a group label above it (`Annexes`) is not its part
            pending = [visible] if _ENUMERATED.match(visible) else pending + [visible]
        elif kind in ("title", "column"):
            pending = []
    return entries


def is_contents_entry(line: str) -> bool:
    """A line that ends in a leader and a page number: a contents entry, never a heading."""
    return _leader_kind(line.replace("\f", "")) == "leader"


def _title(parts: list[str]) -> str:
    return " ".join(" ".join(parts).split())


def _visible(line: Line) -> str:
    return line.text.replace("\f", "")


def _kind(line: Line) -> str:
    """blank | title (a contents heading) | column (`Page`) | leader (an entry with a leader
    and a page) | open (a leader, its page on the next line) | page (a bare page number) |
    plain (a title and a page number, no leader) | other."""
    text = _visible(line).strip()
    if not text:
        return "blank"
    if len(text) > _MAX_LINE_CHARS * 2:
        return "other"
    name = _HEADING_DECORATION.sub("", text).lower()
    if name in CONTENTS_COLUMNS:
        return "column"
    if _HEADING_COLUMN.sub("", _CONTINUED.sub("", name)) in CONTENTS_TITLES:
        return "title"
    if _BARE_PAGE.match(text):
        return "page"
    return _leader_kind(text) or ("plain" if _PLAIN_ENTRY.match(text) else "other")


def _leader_kind(text: str) -> str | None:
    last = text.rstrip()[-1:]
    if last.isalnum() and _LEADER_ENTRY.match(text):
        return "leader"
    if last in (".", "·", "…") and _OPEN_LEADER.match(text):
        return "open"
    return None


def _has_letters(line: Line) -> bool:
    m = _LEADER_ENTRY.match(_visible(line)) or _OPEN_LEADER.match(_visible(line))
    return bool(m) and any(c.isalpha() for c in m.group("title"))


class _Scanner:
    """Finds the contents lists of a text, line by line."""

    def __init__(self, all_lines: list[Line]):
        self.lines = all_lines
        self.kinds = [_kind(line) for line in all_lines]

    def blocks(self) -> Iterator[list[int]]:
        i = 0
        while i < len(self.lines):
            block = None
            if self.kinds[i] in ("title", "column"):
                block = self._list_from(i + 1, headed=True)
                block = [i] + block if block else None
            elif self.kinds[i] in ("leader", "open") and _has_letters(self.lines[i]):
                block = self._list_from(i, headed=False)
            if block:
                yield block
                i = block[-1] + 1
            else:
                i += 1

    def _list_from(self, start: int, headed: bool) -> list[int] | None:
        """The lines of the list that starts at `start`, if the entries there make one."""
        taken: list[int] = []
        pages: list[str] = []
        style: str | None = None if headed else "leader"
        j, blank_run = start, 0
        while j < len(self.lines):
            kind = self.kinds[j]
            if kind == "blank":
                blank_run += 1
                if blank_run > _MAX_BLANK_LINES:
                    break
                j += 1
                continue
            blank_run = 0
            entry = self._entry_at(j, style)
            if kind == "column" or (kind == "title" and taken):
                taken.append(j)
                j += 1
            elif entry is not None:
                end, page, entry_style = entry
                style = style or entry_style
                taken.extend(range(j, end))
                pages.append(page)
                j = end
            else:
                resumed = self._after_page_break(j, style) if pages else None
                if resumed is None:
                    break
                j = resumed
        if not self._is_list(pages, style, headed):
            return None
        return taken

    def _entry_at(self, j: int, style: str | None) -> tuple[int, str, str] | None:
        """(end, page, style) of an entry whose title starts at line j, wrapped or not."""
        max_wrapped = _MAX_PLAIN_WRAPPED_LINES if style == "plain" else _MAX_WRAPPED_LINES
        for k in range(j, min(j + max_wrapped + 1, len(self.lines))):
            kind, line = self.kinds[k], self.lines[k]
            if k > j and "\f" in line.text:
                return None  # a title does not wrap over a page break: that is page furniture
            if kind == "leader" and (k > j or _has_letters(line)):
                return k + 1, _LEADER_ENTRY.match(_visible(line)).group("page"), "leader"
            if kind == "open" and k + 1 < len(self.lines) and self.kinds[k + 1] == "page":
                return k + 2, _BARE_PAGE.match(_visible(self.lines[k + 1])).group("page"), "leader"
            if kind == "plain" and style != "leader" and k - j <= _MAX_PLAIN_WRAPPED_LINES:
                return k + 1, _PLAIN_ENTRY.match(_visible(line)).group("page"), "plain"
            if kind not in ("other", "plain") or len(line.stripped) > _MAX_LINE_CHARS:
                return None
        return None

    def _after_page_break(self, j: int, style: str | None) -> int | None:
        """Where the list goes on after a page break and the page furniture around it."""
        seen_break, skipped, k = False, 0, j
        while k < len(self.lines) and skipped <= _MAX_FURNITURE_LINES:
            seen_break = seen_break or "\f" in self.lines[k].text
            if seen_break and (self.kinds[k] in ("column", "title") or self._entry_at(k, style)):
                return k
            skipped += self.kinds[k] != "blank"
            k += 1
        return None

    @staticmethod
    def _is_list(pages: list[str], style: str | None, headed: bool) -> bool:
        needed = _MIN_PLAIN_ENTRIES if style == "plain" else _MIN_HEADED_ENTRIES if headed else _MIN_UNHEADED_ENTRIES
        numbers = [int(p) for p in pages if p.isdigit()]
        return len(pages) >= needed and all(a <= b for a, b in zip(numbers, numbers[1:]))


def _block_edits(text: str, taken: list[Line]) -> Iterator[Edit]:
    """One removal per run of list lines (blank lines inside a run go with it, and the blank
    lines after a run that stood as a paragraph of its own); a page break is never removed."""
    for run in line_runs(text, taken):
        first, end = run[0], run_end(text, run)
        start = first.start
        for page_break in [m.start() for m in re.finditer("\f", text[start:end])]:
            if start < first.start + page_break:
                yield Edit(start, first.start + page_break, "contents")
            start = first.start + page_break + 1
        if start < end:
            yield Edit(start, end, "contents")
