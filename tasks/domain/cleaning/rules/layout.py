"""Line breaks that only the page's layout made: a PDF prints a paragraph over several lines,
and its text should read as one paragraph."""

from __future__ import annotations

import re
from typing import Iterator

from tasks.domain.cleaning.engine import Edit
from tasks.domain.lexicon import ALL_FUNCTION_WORDS
from tasks.domain.paragraphs import LIST_ITEM

# A break between two lines of one block: spaces around one newline, no blank line, no page.
_BREAK = re.compile(r"(?<=\S)([ \t]*\n[ \t]*)(?=\S)")
_LAST_WORD = re.compile(r"([^\W\d_]+)[^\w]*$")


def unwrap_layout_lines(text: str) -> Iterator[Edit]:
    """A line that goes on the sentence of the line before joins it: the line before does not
    end a sentence, and the next starts in lower case or with a figure, or follows a comma or
    a word that never ends a sentence (`of`, `de`, `et`). The break becomes a space, or nothing
    after a hyphen (`COVID-⏎19`). A list item, a new sentence, the lines of an address or a
    signature, blank lines and page breaks stay as they are.

    The decision reads only the end of one line and the start of the next, so unwrapping
    unwrapped text changes nothing."""
    for m in _BREAK.finditer(text):
        line_start = text.rfind("\n", 0, m.start()) + 1
        prev = text[max(line_start, m.start() - 80) : m.start()]
        following = text[m.end() : m.end() + 12]
        if "\f" in prev or LIST_ITEM.match(following) or not _goes_on(prev, following):
            continue
        yield Edit(m.start(1), m.end(1), "line_break", "" if prev.endswith("-") else " ")


def _goes_on(prev: str, following: str) -> bool:
    if prev.endswith((".", "!", "?", ":", ";", "”", '"', "»")):
        return False
    if following[0].islower() or following[0].isdigit() or following[0] == "(" or prev.endswith((",", "-")):
        return True
    last = _LAST_WORD.search(prev)
    return bool(last) and last.group(1).lower() in ALL_FUNCTION_WORDS and prev.endswith(last.group(1))
