"""Residue of converters: Word bookmarks, image placeholders and markdown syntax."""

from __future__ import annotations

import re
from typing import Iterator

from tasks.domain.cleaning.engine import Edit, non_overlapping

_BOOKMARK = re.compile(r"\[bookmark: [^\]\n]*\]")


def drop_word_bookmarks(text: str) -> Iterator[Edit]:
    """`[bookmark: _GoBack]`: a hidden Word bookmark that a converter printed."""
    for m in _BOOKMARK.finditer(text):
        yield Edit(m.start(), m.end(), "word_bookmark")


# `## ` at a line start: one to six '#' and a space. Converters also write `####Title` with no
# space (legislation exports, CMS pages: `###Bibliografía`): two to six '#' glued to
# a letter or a bold mark are a heading mark too. One '#' glued to a word is a hashtag, and a
# digit after the marks (`##1`) is a number, not a heading. Marks written twice (`## ###Title`)
# go together, so a second run finds none.
_HEADING_MARKS = re.compile(r"(?m)^[ \t]{0,3}(?:#{1,6}[ \t]+(?=#))*(?:#{1,6}[ \t]+(?=\S)|#{2,6}(?=[^\W\d_]|\*\*))")


# A setext heading: a line of text underlined with `===` (level 1) or `---` (level 2).
_SETEXT_UNDERLINE = re.compile(r"(?<=\S)[ \t]*\n[ \t]{0,3}(=+|-+)[ \t]*(?=\n|\Z)")
# `## Background ##`: closing hashes of a heading line.
_CLOSING_HASHES = re.compile(r"[ \t]+#+[ \t]*$", re.M)


def strip_markdown_heading_marks(text: str) -> Iterator[Edit]:
    """`## ` before a heading, `##` after it, `===`/`---` under it; the line keeps its
    heading role (the structure stage reads these removals)."""
    for m in _SETEXT_UNDERLINE.finditer(text):
        if len(m.group(1)) >= 3:
            yield Edit(m.start(), m.end(), "markdown_residue")
    for m in _HEADING_MARKS.finditer(text):
        yield Edit(m.start(), m.end(), "markdown_residue")
        line_end = text.find("\n", m.end())
        closing = _CLOSING_HASHES.search(text, m.end(), len(text) if line_end < 0 else line_end)
        if closing:
            yield Edit(closing.start(), closing.end(), "markdown_residue")


# `**bold**` or `__bold__`, possibly wrapped over lines of one paragraph (never across a
# blank line). The marks go; the words stay.
_BOLD = re.compile(r"(\*\*|__)(?=\S)((?:(?!\1)[^\n]|\n(?![ \t]*\n))+?)(?<=\S)\1")


def strip_bold_marks(text: str) -> Iterator[Edit]:
    for m in _BOLD.finditer(text):
        yield Edit(m.start(1), m.end(1), "markdown_residue")
        yield Edit(m.end(2), m.end(), "markdown_residue")


# `[label](#)` or `[label]()`: a link with no target; the label is the text.
_EMPTY_LINK = re.compile(r"\[((?:[^\]\n]|\n(?![ \t]*\n))+)\]\((?:#?)\)")


def unwrap_empty_markdown_links(text: str) -> Iterator[Edit]:
    for m in _EMPTY_LINK.finditer(text):
        yield Edit(m.start(), m.end(), "markdown_residue", m.group(1))


# `[image: logo.png]`, `[image]`, `[pic]`: placeholders a converter left where a picture was.
_IMAGE = re.compile(r"\[(?:image|imagen|picture|pic|figure)(?::[^\]\n]*)?\]", re.I)


def drop_image_placeholders(text: str) -> Iterator[Edit]:
    """The placeholder, with one space beside it inside a line, or with its line ending when
    it is alone on its line, so no double space or empty line is left."""
    for m in _IMAGE.finditer(text):
        start, end = m.start(), m.end()
        line_start, line_end = text.rfind("\n", 0, start) + 1, text.find("\n", end)
        line_end = len(text) if line_end < 0 else line_end
        if not text[line_start:start].strip() and not text[end:line_end].strip():
            start, end = line_start, min(line_end + 1, len(text))
        elif text[end : end + 1] == " " and (start == line_start or text[start - 1] == " "):
            end += 1
        elif text[start - 1 : start] == " " and end == line_end:
            start -= 1
        yield Edit(start, end, "converter_marker")


# Single `*word*` / `_word_` emphasis; `_GoBack`, `snake_case`, `migrants*` (a footnote
# mark) and `5 * 3` have no closing partner at a word edge and stay.
_ITALIC = re.compile(r"(?<![\w*\\])([*_])(?=[^\s*_])((?:[^*_\n]|\n(?![ \t]*\n)){1,200}?)(?<=[^\s*_\\])\1(?![\w*])")
# Orphan `**`/`__` left by a broken bold span, glued to a word.
_ORPHAN_BOLD = re.compile(r"(?<=\w)(?:\*\*|__)(?!\w)|(?<!\w)(?:\*\*|__)(?=\w)")
# A line that is only markup: a horizontal rule or a lone `#`.
_MARKUP_LINE = re.compile(r"(?m)^[ \t]*(?:[-*_][ \t]*){3,}$\n?|^[ \t]*#{1,6}[ \t]*$\n?")
# Pandoc escapes: `\*`, `\_`, `\#`, `\[` stand for the character itself.
_ESCAPE = re.compile(r"\\([\\`*_{}\[\]()#+.!-])")


def strip_stray_markdown_marks(text: str) -> Iterator[Edit]:
    edits = []
    for m in _ITALIC.finditer(text):
        edits += [Edit(m.start(1), m.end(1), "markdown_residue"), Edit(m.end(2), m.end(), "markdown_residue")]
    for pattern in (_ORPHAN_BOLD, _MARKUP_LINE):
        edits += [Edit(m.start(), m.end(), "markdown_residue") for m in pattern.finditer(text)]
    edits += [Edit(m.start(), m.end(), "markdown_residue", m.group(1)) for m in _ESCAPE.finditer(text)]
    yield from non_overlapping(edits)
