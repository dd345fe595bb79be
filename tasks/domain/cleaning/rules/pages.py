"""Debris of pagination in flattened text: page numbers and sentences cut by page breaks."""
from __future__ import annotations

import re
from typing import Iterator

from tasks.domain.cleaning.engine import Edit, non_overlapping
from tasks.domain.cleaning.rules.lines import blocks

_TRAILING_NUMBER = re.compile(r"[ \t]+(\d{1,4})[ \t]*\Z")
# A run of blocks ending in consecutive numbers is pagination, not content: a figure at the
# end of one paragraph (`paragraph 25`) never forms such a run, and blocks as short as an
# agenda's or a contents page's lines (`Session 2`) are never pages.
_MIN_RUN = 3
_MIN_PAGE_WORDS = 20


def strip_trailing_page_numbers(text: str) -> Iterator[Edit]:
    """Page numbers glued to the end of flattened pages (`...on the principle of 3`)."""
    numbered = []
    for block in blocks(text):
        m = _TRAILING_NUMBER.search(block.text)
        is_page = m is not None and len(block.text.split()) >= _MIN_PAGE_WORDS
        numbered.append((block, int(m.group(1)), m.start()) if is_page else None)
    for run in _consecutive_runs(numbered):
        for block, _, offset in run:
            yield Edit(block.start + offset, block.end, "page_number")


def _consecutive_runs(numbered):
    run = []
    for item in numbered + [None]:
        if item is not None and run and item[1] == run[-1][1] + 1:
            run.append(item)
            continue
        if len(run) >= _MIN_RUN:
            yield run
        run = [item] if item is not None else []


_STANDALONE_PAGE_LINE = re.compile(
    r"(?mi)^[ \t]*(?:"
    r"(?:page|p[aá]gina|p[aá]g\.|p\.)[ \t]*\d{1,4}(?:[ \t]*(?:of|de|sur|/)[ \t]*\d{1,4})?"
    r"|-[ \t]*\d{1,4}[ \t]*-"
    r"|\d{1,4}[ \t]*/[ \t]*\d{1,4}"
    r")[ \t]*(?:\n|\Z)"
)


# In paged text, a bare number alone on the first or last line of a page.
_NUMBER_AT_PAGE_EDGE = re.compile(r"(?m)(?:(?<=\f)|^(?=[ \t]*\d{1,4}[ \t]*\n?\f))[ \t]*\d{1,4}[ \t]*(?:\n|(?=\f)|\Z)")


def drop_page_number_lines(text: str) -> Iterator[Edit]:
    """A line that is only a page label: `Page 3 of 16`, `- 3 -`, `3/16`, `Página 2 de 9`;
    in paged text also a bare number on a page's first or last line."""
    edits = [Edit(m.start(), m.end(), "page_number") for m in _STANDALONE_PAGE_LINE.finditer(text)]
    if "\f" in text:
        edits += [Edit(m.start(), m.end(), "page_number") for m in _NUMBER_AT_PAGE_EDGE.finditer(text)]
        edits += _last_page_number(text)
    yield from non_overlapping(edits)


def _last_page_number(text: str) -> list[Edit]:
    m = re.search(r"\n[ \t]*(\d{1,4})[ \t]*\s*\Z", text)
    previous = re.findall(r"(?m)^[ \t]*(\d{1,4})[ \t]*\n?\f", text)
    if m and previous and int(m.group(1)) == int(previous[-1]) + 1:
        return [Edit(m.start() + 1, m.end(), "page_number")]
    return []


# The previous block stops mid-sentence (a letter, digit or comma, no closing punctuation)
# and the next starts with a lower-case letter, accented ones included.
_CUT_SENTENCE = re.compile(
    r"(?<=[^\W_]|,)((?:[ \t]*\n)*[ \t]*\f(?:[ \t]*\n)*[ \t]*|[ \t]*\n(?:[ \t]*\n)+[ \t]*)(?=[^\W\d_])")
_LIST_OR_HEADING_LINE = re.compile(r"(?m)^[ \t]*(?:[-*•]|\d{1,2}[.)]|#)[ \t]")


def join_sentences_cut_by_page_breaks(text: str) -> Iterator[Edit]:
    for m in _CUT_SENTENCE.finditer(text):
        before_line = text[text.rfind("\n", 0, m.start()) + 1:m.start()]
        after = text[m.end():m.end() + 1]
        if not after.islower() or _LIST_OR_HEADING_LINE.match(before_line):
            continue
        yield Edit(m.start(1), m.end(1), "page_break", " ")
