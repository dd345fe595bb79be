"""Residue of converters: Word bookmarks, image placeholders and markdown syntax."""
from __future__ import annotations

import re
from typing import Iterator

from tasks.domain.cleaning.engine import Edit

_BOOKMARK = re.compile(r"\[bookmark: [^\]\n]*\]")


def drop_word_bookmarks(text: str) -> Iterator[Edit]:
    """`[bookmark: _GoBack]`: a hidden Word bookmark that a converter printed."""
    for m in _BOOKMARK.finditer(text):
        yield Edit(m.start(), m.end(), "word_bookmark")


# `## ` at a line start. Only one to six '#' followed by a space: `#hashtag` is text.
_HEADING_MARKS = re.compile(r"(?m)^[ \t]{0,3}#{1,6}[ \t]+(?=\S)")


def strip_markdown_heading_marks(text: str) -> Iterator[Edit]:
    for m in _HEADING_MARKS.finditer(text):
        yield Edit(m.start(), m.end(), "markdown_residue")


# `**bold**` or `__bold__`, possibly wrapped over lines of one paragraph (never across a
# blank line). The marks go; the words stay.
_BOLD = re.compile(r"(\*\*|__)(?=\S)((?:(?!\1)[^\n]|\n(?![ \t]*\n))+?)(?<=\S)\1")


def strip_bold_marks(text: str) -> Iterator[Edit]:
    for m in _BOLD.finditer(text):
        yield Edit(m.start(1), m.end(1), "markdown_residue")
        yield Edit(m.end(2), m.end(), "markdown_residue")


# `[label](#)` or `[label]()`: a link with no target; the label is the text.
_EMPTY_LINK = re.compile(r"\[([^\]\n]+)\]\((?:#?)\)")


def unwrap_empty_markdown_links(text: str) -> Iterator[Edit]:
    for m in _EMPTY_LINK.finditer(text):
        yield Edit(m.start(), m.end(), "markdown_residue", m.group(1))
