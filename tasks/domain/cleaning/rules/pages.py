"""Debris of pagination in flattened text: page numbers and sentences cut by page breaks."""

from __future__ import annotations

import re
from bisect import bisect_left
from typing import Iterator

from tasks.domain.cleaning.engine import Edit, non_overlapping
from tasks.domain.cleaning.rules.lines import blocks

_TRAILING_NUMBER = re.compile(r"[ \t]+(\d{1,4})[ \t]*\Z")
# Page numbers count up far apart: each page holds hundreds of characters. A figure at the
# end of one paragraph (`paragraph 25`) never forms such a run, and an agenda's or a contents
# page's numbered lines (`Session 2`) are close together.
_MIN_PAGE_CHARS = 150
# Without page breaks, a number over this is a year or a figure (`… 5 November 2024`).
_MAX_UNPAGED_NUMBER = 999


def strip_trailing_page_numbers(text: str) -> Iterator[Edit]:
    """Page numbers glued to the end of flattened pages (`...on the principle of 3`): blocks
    ending in a bare number, the numbers counting up by one from block to block, a page's
    worth of text apart."""
    numbered = []
    most = text.count("\f") + 1 if "\f" in text else _MAX_UNPAGED_NUMBER  # a page number is at most this
    for block in blocks(text):
        body = _without_trailing_labels(block.text)
        m = _TRAILING_NUMBER.search(body)
        # `... 12 11`: two numbers at the end; which one is the page's is not clear
        if m and len(body.split()) > 1 and not body[: m.start()].rstrip()[-1:].isdigit() and int(m.group(1)) <= most:
            numbered.append((block, int(m.group(1)), m.start(), m.end()))
    for run in _page_runs(numbered):
        for block, _, start, end in run:
            yield Edit(block.start + start, block.start + end, "page_number")


def _without_trailing_labels(block: str) -> str:
    """The block without page-label lines at its end (`Page 3 of 16`): another rule takes
    those, and the number glued to the line above them is still the page's."""
    while "\n" in block and _STANDALONE_PAGE_LINE.fullmatch(block[block.rfind("\n") + 1 :] + "\n"):
        block = block[: block.rfind("\n")]
    return "" if _STANDALONE_PAGE_LINE.fullmatch(block + "\n") else block


def _page_runs(numbered):
    run: list = []
    for item in numbered + [None]:
        if item is not None and run and item[1] == run[-1][1] + 1 and item[0].end - run[-1][0].end >= _MIN_PAGE_CHARS:
            run.append(item)
            continue
        if len(run) >= 2:
            yield run
        run = [item] if item is not None else []


# A line ends at a newline, at the end, or at a page break: PDF text layers print the page
# number as a page's last line with no newline before the form feed.
_STANDALONE_PAGE_LINE = re.compile(
    r"(?mi)(?:^|(?<=\f))[ \t]*(?:"
    r"(?:page|p[aá]gina|p[aá]g\.|p\.)[ \t]*\d{1,4}(?:[ \t]*(?:of|de|sur|/)[ \t]*\d{1,4})?"
    r"|-[ \t]*\d{1,4}[ \t]*-"
    r"|\d{1,4}[ \t]*/[ \t]*\d{1,4}"
    r")[ \t]*(?:\n|\Z|(?=\f))"
)


def drop_page_number_lines(text: str) -> Iterator[Edit]:
    """A line that is only a page label: `Page 3 of 16`, `- 3 -`, `3/16`, `Página 2 de 9`; a
    number at a page's edge (paged text) or between paragraphs (unpaged text) when the numbers
    count the pages, never a lone figure such as `200` that starts a page's first sentence."""
    edits = [Edit(m.start(), m.end(), "page_number") for m in _STANDALONE_PAGE_LINE.finditer(text)]
    edits += _numbers_counting_pages(text)
    yield from non_overlapping(edits)


_BARE_NUMBER = re.compile(r"^[ \t]*(\d{1,4})[ \t]*$")
_GLUED_NUMBER = re.compile(r"[ \t]+(\d{1,4})[ \t]*$")
_EDGE_LINES = 3


def _numbers_counting_pages(text: str) -> list[Edit]:
    """Numbers whose value minus their page's index is the same on two or more pages: they
    count pages. In paged text they sit in a page's first or last lines, alone or glued to
    the last line; in unpaged text they stand alone between paragraphs."""
    found: list[tuple[int, int, Edit]] = []  # (page index, value, edit)
    for index, page in enumerate(_page_lines(text)):
        filled = [line for line in page if line.stripped]
        edge = filled[:_EDGE_LINES] + filled[-_EDGE_LINES:] if "\f" in text else filled
        for line in dict.fromkeys(edge):
            m = _BARE_NUMBER.match(line.text)
            if m:
                found.append((index, int(m.group(1)), Edit(line.start, _line_end(text, line), "page_number")))
        if "\f" in text and filled:
            m = _GLUED_NUMBER.search(filled[-1].text)
            if m and len(filled[-1].stripped.split()) > 1:
                found.append(
                    (index, int(m.group(1)), Edit(filled[-1].start + m.start(), filled[-1].end, "page_number"))
                )
    return _consistently_counting(found, "\f" in text)


def _consistently_counting(found, paged: bool) -> list[Edit]:
    if paged:
        by_offset: dict[int, list] = {}
        for index, value, e in found:
            by_offset.setdefault(value - index, []).append((index, e))
        keep = [e for group in by_offset.values() if len({i for i, _ in group}) >= 2 for _, e in group]
        return keep
    # unpaged: the numbers standing alone must run 1, 2, 3… (consecutive) at least twice
    run: list = []
    keep: list[Edit] = []
    for item in found + [None]:
        if item is not None and run and item[1] == run[-1][1] + 1:
            run.append(item)
            continue
        if len(run) >= 2:
            keep += [e for _, _, e in run]
        run = [item] if item is not None else []
    return keep


def _line_end(text: str, line) -> int:
    return line.end + 1 if line.end < len(text) and text[line.end] == "\n" else line.end


def _page_lines(text: str):
    from tasks.domain.cleaning.rules.furniture import split_pages

    return split_pages(text)


# The previous block stops mid-sentence (a letter, digit or comma, no closing punctuation)
# and the next starts with a lower-case letter, accented ones included.
_CUT_SENTENCE = re.compile(
    r"(?<=[^\W_]|,)((?:[ \t]*\n)*[ \t]*\f(?:[ \t]*\n)*[ \t]*|[ \t]*\n(?:[ \t]*\n)+[ \t]*)(?=[^\W\d_])"
)
_LIST_OR_HEADING_LINE = re.compile(r"(?m)^[ \t]*(?:[-*•]|\d{1,2}[.)]|#)[ \t]")


# Words that never end a sentence: a page ending in one was cut, whatever case the next
# page starts with (`…los países de` / `Centroamérica…`).
_OPEN_ENDINGS = frozenset(
    """
the a an of to in on for and or with by from at as that which whose
de la el los las del y o en con por para que un una al su sus
le les des du et ou à au aux pour par avec une dont
da do das dos e em no na nos nas com um uma ao aos pela pelo
""".split()
)


_YEAR = re.compile(r"(?:19|20)\d\d")
# A list starting after a blank line (`i. Access to justice`, `a) …`) is not a cut sentence.
_LIST_START = re.compile(r"(?:[ivx]{1,4}|[a-h])[.)]\s")


def join_sentences_cut_by_page_breaks(text: str) -> Iterator[Edit]:
    """A page break inside a sentence or a paragraph becomes a space: the page before stops
    mid-sentence (an open word, no closing punctuation) and the next goes on in lower case or
    with a figure that is not an enumerator (`resolution⏎⏎75/240 of`, `of⏎⏎20 plenary meetings`);
    or the page's last line runs as full as the lines above it, so the paragraph did not end
    there, and the next page does not open a numbered paragraph, a list or a heading."""
    yield from non_overlapping([*_cut_sentences(text), *_paragraphs_running_on(text)])


# A page break: a form feed with the blank lines around it, between two pieces of text.
_PAGE_GAP = re.compile(r"(?<=\S)([ \t]*(?:\n[ \t]*)*\f(?:[ \t]*\n)*[ \t]*)(?=\S)")
# A figure that goes on with a lower-case word: not an enumerator (`20.`, `(b)`, `3)`).
_FIGURE_GOING_ON = re.compile(r"\d[\d/.,]*(?<![.,])[ \t]+[^\W\d_]*[a-zà-ÿ]")
# Opens a paragraph of its own: a numbered paragraph, a lettered item, a list, a heading.
_OPENS_PARAGRAPH = re.compile(r"(?:\d{1,3}[.)]|\(?[a-z]{1,4}\)|[ivxlc]{1,6}\.|[A-Z]\.|[-*•#])\s")
# The last line of a page is as full as the others: at least this share of the longest.
_FULL_LINE = 0.9
_MIN_FULL_LINES = 3


def _paragraphs_running_on(text: str) -> Iterator[Edit]:
    breaks = _page_breaks(text)
    for m in _PAGE_GAP.finditer(text):
        block = text[_block_start(text, m.start(1), breaks) : m.start(1)].split("\n")
        after = text[m.end(1) : m.end(1) + 40]
        if _OPENS_PARAGRAPH.match(after) or _LIST_OR_HEADING_LINE.match(block[-1]):
            continue
        last_word = block[-1].rsplit(None, 1)[-1] if block[-1].strip() else ""
        if last_word[-1:].isalnum() or last_word[-1:] == ",":
            if _FIGURE_GOING_ON.match(after) and not last_word.isdigit():
                yield Edit(m.start(1), m.end(1), "page_break", " ")
            continue
        if (
            after[:1].isupper()
            and len(block) >= _MIN_FULL_LINES
            and len(block[-1].rstrip()) >= _FULL_LINE * max(len(line.rstrip()) for line in block[:-1])
            and last_word.endswith((".", ";", ":"))
        ):
            yield Edit(m.start(1), m.end(1), "page_break", " ")


def _cut_sentences(text: str) -> Iterator[Edit]:
    breaks = _page_breaks(text)
    for m in _CUT_SENTENCE.finditer(text):
        before_line = text[text.rfind("\n", 0, m.start()) + 1 : m.start()]
        after = text[m.end() : m.end() + 1]
        last_word = before_line.rsplit(None, 1)[-1].lower() if before_line.strip() else ""
        if (
            _LIST_OR_HEADING_LINE.match(before_line)
            or _LIST_START.match(text, m.end())
            or (last_word.isdigit() and not _YEAR.fullmatch(last_word))
        ):
            continue  # a bare number the page rules left: unsure whether the page ended there
        # the block's words, not its last line's: unwrapped layout lines must not change it
        block = text[_block_start(text, m.start(), breaks) : m.start()]
        if after.islower() or (last_word in _OPEN_ENDINGS and len(block.split()) > 3):
            yield Edit(m.start(1), m.end(1), "page_break", " ")


def _page_breaks(text: str) -> list[int]:
    return [m.start() for m in re.finditer("\f", text)]


_BLANK_LINES = re.compile(r"(?:[ \t]*\n)*")


def _block_start(text: str, pos: int, breaks: list[int]) -> int:
    """Where the block of lines that ends at `pos` starts: its first line after the last blank
    line or page break before `pos` (the text's start if there is none), never on an earlier
    page. `breaks` are the text's page breaks, in order: found by bisection, not a search back."""
    i = bisect_left(breaks, pos)
    blank = text.rfind("\n\n", 0, pos)
    start = max(blank + 2 if blank >= 0 else 0, breaks[i - 1] + 1 if i else 0)
    return _BLANK_LINES.match(text, start, pos).end()
