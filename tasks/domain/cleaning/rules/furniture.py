"""Running headers and footers: lines a page template repeats on every page.

Pages are separated by form feeds (`\\f`), as text extractors write them. A line in a page's
top or bottom lines whose shape (digits masked, case and spacing folded) recurs on most pages
is furniture. Without page breaks only unmistakable UN template lines are taken, and only when
they repeat."""

from __future__ import annotations

import re
from collections import defaultdict
from typing import Iterator

from tasks.domain.cleaning.engine import Edit, non_overlapping
from tasks.domain.cleaning.rules.lines import Line, blocks, end_with_blank_lines, line_edits, lines

_ZONE_LINES = 3  # non-blank lines at each end of a page where templates print
_MAX_FURNITURE_CHARS = 120
# UN template lines: `Distr.: General`, `Original: English`, a job number `GE.17-10512(E)`
# or `17-12345 (E)`, a document symbol alone on its line (`A/HRC/35/25`).
_TEMPLATE_LINE = re.compile(
    r"(?i)^\s*(?:distr\.?\s*:?\s*(?:general|limited|restricted)|original\s*:\s*\w+"
    r"|ge\.\d{2}-\d{4,6}(?:\s*\(\w\))?(?:\s*\*\d+\*)?|\d{2}-\d{4,6}\s*\(\w\)(?:\s*\*\d+\*)?"
    r"|[A-Z]{1,6}(?:/[A-Z0-9.]+){2,6})\s*$"
)
# Template furniture that carries the page number (`GE.17-10512 | 2`, `Page 2`): its shape
# ignores the numbers. Any other line must repeat to the letter: `Pregunta 2` on page 2 is a
# heading, not a header.
_NUMBERED_TEMPLATE = re.compile(
    r"(?i)\b(?:page|p[aá]gina|p[aá]g\.|ge\.\d{2}-\d{4,6}|\d{2}-\d{4,6}\s*\(\w\)|[A-Z]{1,6}(?:/[A-Z0-9.]+){2,6})"
)
_NUMBER_TOKEN = re.compile(r"(?:^|(?<=\s))[|·•\-–]?\s*\d{1,4}\s*[|·•\-–]?(?=\s|$)")


def _shape(line: str) -> str:
    """The line's words in any order: facing pages print the same header flush left and
    flush right (`12/03/2024 A/78/PV.51`, `A/78/PV.51 12/03/2024`), which pdfium reads in
    opposite orders."""
    folded = line.lower().split()
    if _NUMBERED_TEMPLATE.search(line):
        folded = re.sub(r"\d+", "#", _NUMBER_TOKEN.sub(" ", " ".join(folded))).split()
    return " ".join(sorted(folded))


def drop_running_headers_and_footers(text: str) -> Iterator[Edit]:
    pages = split_pages(text)
    if len(pages) >= 2:
        yield from _repeated_on_pages(text, pages)
    else:
        yield from _repeated_template_lines(text)


def split_pages(text: str) -> list[list[Line]]:
    """The lines of each page (pages separated by form feeds; one page without them)."""
    pages: list[list[Line]] = [[]]
    for line in lines(text):
        parts = line.text.split("\f")
        if len(parts) == 1:
            pages[-1].append(line)
            continue
        pos = line.start
        for i, part in enumerate(parts):
            if i:
                pages.append([])
            pages[-1].append(Line(pos, pos + len(part), part))
            pos += len(part) + 1
    return pages


def _repeated_on_pages(text: str, pages: list[list[Line]]) -> Iterator[Edit]:
    """A shape seen in the top or bottom lines of most pages (of two or more for UN template
    lines) is furniture, whichever end of a short page it falls at; so is a line that differs
    from page to page only by a number that counts the pages (`Concept note · 3`)."""
    seen_on: dict[str, set[int]] = defaultdict(set)
    zone_lines: list[tuple[int, str, Line]] = []
    for number, page in enumerate(pages):
        filled = [line for line in page if line.stripped]
        header = filled[:_ZONE_LINES]
        footer = filled[max(len(header), len(filled) - _ZONE_LINES) :]  # a line is in one zone only
        for zone, candidates in (("header", header), ("footer", footer)):
            for line in candidates:
                if len(line.stripped) <= _MAX_FURNITURE_CHARS:
                    seen_on[_shape(line.text)].add(number)
                    zone_lines.append((number, zone, line))
    needed = max(2, (len(pages) + 1) // 2)
    counting = _page_counting_lines(zone_lines, needed)
    done: set[int] = set()
    first_page = " ".join(line.text for line in pages[0]).casefold()
    for number, zone, line in zone_lines:
        repeats = len(seen_on[_shape(line.text)])
        if number > 0 and _TEMPLATE_LINE.match(line.text) and line.stripped.casefold() in first_page:
            repeats += 1  # a short document's symbol header: its masthead printed it first
        counts_pages = line.start in counting
        if line.start in done or (repeats < (2 if _TEMPLATE_LINE.match(line.text) else needed) and not counts_pages):
            continue
        if number == 0 and zone == "header" and not _TEMPLATE_LINE.match(line.text) and not counts_pages:
            continue  # page 1 prints the document's real title: it stays
        done.add(line.start)
        yield _line_edit(text, line, "running_header" if zone == "header" else "running_footer")


_DIGITS = re.compile(r"\d+")
_WORDS = re.compile(r"[^\W\d_]{2,}")
_MIN_COUNTER_LINE_WORDS = 3


def _page_counting_lines(zone_lines: list[tuple[int, str, Line]], needed: int) -> set[int]:
    """Starts of zone lines that are one line repeated with a page counter in it: the same
    text around the digits on `needed` pages or more, once per page, one number going up
    with the pages (offset by any cover pages) and every other number the same. A word and
    its number (`Question 3` atop page 3) is as likely a heading: three words at least."""
    groups: dict[tuple[str, str], list[tuple[int, Line]]] = defaultdict(list)
    for number, zone, line in zone_lines:
        if _DIGITS.search(line.text) and len(_WORDS.findall(line.text)) >= _MIN_COUNTER_LINE_WORDS:
            groups[(zone, _DIGITS.sub("#", _folded(line.text)))].append((number, line))
    found: set[int] = set()
    for occurrences in groups.values():
        if len(occurrences) >= needed and _counts_pages(occurrences):
            found.update(line.start for _, line in occurrences)
    return found


def _counts_pages(occurrences: list[tuple[int, Line]]) -> bool:
    if len({number for number, _ in occurrences}) != len(occurrences):
        return False
    numbers = [[int(d) for d in _DIGITS.findall(line.text)] for _, line in occurrences]
    columns = list(zip(*numbers))
    varying = [k for k, column in enumerate(columns) if len(set(column)) > 1]
    if len(varying) != 1:
        return False
    k = varying[0]
    return len({ns[k] - number for (number, _), ns in zip(occurrences, numbers)}) == 1


def _line_edit(text: str, line: Line, kind: str) -> Edit:
    end = line.end + 1 if line.end < len(text) and text[line.end] == "\n" else line.end
    return Edit(line.start, end, kind)


def _repeated_template_lines(text: str) -> Iterator[Edit]:
    candidates = [line for line in lines(text) if _TEMPLATE_LINE.match(line.text)]
    counts: dict[str, int] = defaultdict(int)
    for line in candidates:
        counts[_folded(line.text)] += 1
    edits = line_edits(text, [line for line in candidates if counts[_folded(line.text)] >= 2], "running_header")
    yield from non_overlapping(edits + list(_reprinted_titles(text)))


# The document's title, from its first blocks, printed again later in any case: the page
# header of a flattened PDF. The first occurrence is the real title and stays. Short
# sub-headings that recur (`Plenary session`) are far below this length.
_MIN_REPRINT_CHARS = 50
_TITLE_BLOCKS = 5


def _reprinted_titles(text: str) -> Iterator[Edit]:
    all_blocks = list(blocks(text))
    titles = {_folded(b.text) for b in all_blocks[:_TITLE_BLOCKS] if _title_like(_folded(b.text))}
    for block in all_blocks[_TITLE_BLOCKS:]:
        if "\n" not in block.text and _folded(block.text) in titles:
            yield Edit(block.start, end_with_blank_lines(text, block.end), "running_header")


def _folded(text: str) -> str:
    return " ".join(text.split()).casefold()


_NUMBERED = re.compile(r"^(?:\d{1,2}(?:\.\d{1,2})*|[ivxlc]{1,6}|[a-h])[.)]\s")


def _title_like(folded: str) -> bool:
    """A title, not a numbered heading listed in a table of contents."""
    return (
        len(folded) >= _MIN_REPRINT_CHARS and not folded.endswith((".", ":", ";", ",")) and not _NUMBERED.match(folded)
    )
