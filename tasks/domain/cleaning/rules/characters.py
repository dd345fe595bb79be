"""Invisible and compatibility characters that converters leave; the text's own accents,
`œ` and typographic quotes are never touched."""
from __future__ import annotations

import re
import unicodedata
from typing import Iterator

from tasks.domain.cleaning.engine import Edit

_INVISIBLE = re.compile(r"[\u00ad\u200b\u200c\u200d\u2060\ufeff]+")
_ODD_SPACES = re.compile(r"[\u00a0\u2007\u202f]")
_LIGATURES = {"ﬀ": "ff", "ﬁ": "fi", "ﬂ": "fl", "ﬃ": "ffi", "ﬄ": "ffl", "ﬅ": "st", "ﬆ": "st"}
_LIGATURE = re.compile("[" + "".join(_LIGATURES) + "]")
_DECOMPOSED = re.compile(r"[^\W\d_][\u0300-\u036f]+")


def drop_invisible_characters(text: str) -> Iterator[Edit]:
    """Soft hyphens, zero-width spaces and joiners, stray byte-order marks."""
    for m in _INVISIBLE.finditer(text):
        yield Edit(m.start(), m.end(), "unicode")


def normalize_characters(text: str) -> Iterator[Edit]:
    """Non-breaking spaces become spaces, `ﬁ` ligatures letters, decomposed accents NFC."""
    for m in _ODD_SPACES.finditer(text):
        yield Edit(m.start(), m.end(), "whitespace", " ")
    for m in _LIGATURE.finditer(text):
        yield Edit(m.start(), m.end(), "unicode", _LIGATURES[m.group()])
    for m in _DECOMPOSED.finditer(text):
        composed = unicodedata.normalize("NFC", m.group())
        if composed != m.group():
            yield Edit(m.start(), m.end(), "unicode", composed)


_TRAILING_SPACE = re.compile(r"[ \t]+(?=\n)|[ \t]+\Z")
_LEADING_BLANK_LINES = re.compile(r"\A(?:[ \t]*\n)+")
_TRAILING_BLANK = re.compile(r"\n\s*\Z")
_EXCESS_BLANK_LINES = re.compile(r"\n(?:[ \t]*\n){2,}")


def tidy_whitespace(text: str) -> Iterator[Edit]:
    """Trailing spaces, blank lines before the text, more than one blank line in a row."""
    edits = []
    for m in _TRAILING_SPACE.finditer(text):
        edits.append(Edit(m.start(), m.end(), "whitespace"))
    m = _LEADING_BLANK_LINES.match(text)
    if m:
        edits.append(Edit(0, m.end(), "whitespace"))
    for m in _EXCESS_BLANK_LINES.finditer(text):
        edits.append(Edit(m.start(), m.end(), "whitespace", "\n\n"))
    m = _TRAILING_BLANK.search(text)
    if m and m.start() > 0:
        edits.append(Edit(m.start(), m.end(), "whitespace"))
    yield from _drop_overlaps(edits)


def _drop_overlaps(edits: list[Edit]) -> list[Edit]:
    kept: list[Edit] = []
    for e in sorted(edits, key=lambda e: (e.start, -e.end)):
        if kept and e.start < kept[-1].end:
            continue
        kept.append(e)
    return kept
