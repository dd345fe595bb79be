"""Invisible and compatibility characters that converters leave; the text's own accents,
`œ` and typographic quotes are never touched."""

from __future__ import annotations

import re
import unicodedata
from typing import Iterator

from tasks.domain.cleaning.engine import Edit, non_overlapping

_INVISIBLE = re.compile(r"[\u00ad\u200b\u200c\u200d\u2060\ufeff]+")
_LIGATURES = {"ﬀ": "ff", "ﬁ": "fi", "ﬂ": "fl", "ﬃ": "ffi", "ﬄ": "ffl", "ﬅ": "st", "ﬆ": "st"}
# One pattern, so a ligature carrying combining marks is one edit, never two overlapping.
_ODD_CHARACTERS = re.compile(
    r"(?P<space>[\u00a0\u2007\u202f])"
    r"|(?P<ligature>[" + "".join(_LIGATURES) + r"][\u0300-\u036f]*)"
    r"|(?P<decomposed>[^\W\d_][\u0300-\u036f]+)"
)


def drop_invisible_characters(text: str) -> Iterator[Edit]:
    """Soft hyphens, zero-width spaces and joiners, stray byte-order marks."""
    for m in _INVISIBLE.finditer(text):
        yield Edit(m.start(), m.end(), "unicode")


def normalize_characters(text: str) -> Iterator[Edit]:
    """Non-breaking spaces become spaces, `ﬁ` ligatures letters, decomposed accents NFC."""
    for m in _ODD_CHARACTERS.finditer(text):
        if m.group("space"):
            yield Edit(m.start(), m.end(), "whitespace", " ")
        elif m.group("ligature"):
            found = m.group()
            yield Edit(m.start(), m.end(), "unicode", unicodedata.normalize("NFC", _LIGATURES[found[0]] + found[1:]))
        else:
            composed = unicodedata.normalize("NFC", m.group())
            if composed != m.group():
                yield Edit(m.start(), m.end(), "unicode", composed)


_TRAILING_SPACE = re.compile(r"[ \t]+(?=\n)|[ \t]+\Z")
_LEADING_BLANK_LINES = re.compile(r"\A(?:[ \t]*\n)+")
_TRAILING_BLANK = re.compile(r"\n\s*\Z")
_EXCESS_BLANK_LINES = re.compile(r"\n(?:[ \t]*\n){2,}")


_PAGE_SEPARATOR = re.compile(r"[ \t]*(?:\n[ \t]*)*\f(?:[ \t\f]*\n)*[ \t\f]*")


def tidy_whitespace(text: str) -> Iterator[Edit]:
    """Trailing spaces, blank lines before the text, more than one blank line in a row; a
    page separator (form feed) left between two paragraphs becomes a paragraph break."""
    edits = [
        Edit(m.start(), m.end(), "page_break", "\n\n" if 0 < m.start() and m.end() < len(text) else "")
        for m in _PAGE_SEPARATOR.finditer(text)
    ]
    for m in _TRAILING_SPACE.finditer(text):
        edits.append(Edit(m.start(), m.end(), "whitespace"))
    m = _LEADING_BLANK_LINES.match(text)
    if m:
        edits.append(Edit(0, m.end(), "whitespace"))
    trailing = _TRAILING_BLANK.search(text)
    text_end = trailing.start() if trailing and trailing.start() > 0 else len(text)
    if text_end < len(text):
        edits.append(Edit(text_end, len(text), "whitespace"))
    for m in _EXCESS_BLANK_LINES.finditer(text, 0, text_end):
        edits.append(Edit(m.start(), m.end(), "whitespace", "\n\n"))
    yield from non_overlapping(edits)
