"""Footnotes in a document's text: where it defines them and where it refers to them.

Every reader writes footnotes the same way, in markdown footnote syntax, so this one module
serves PDF, Word and markdown files alike, and `reprocess` rebuilds footnotes from stored raw
text:
- a reference is `[^N]` glued where the marker stood (`the right to health[^12] and`);
- a definition is a paragraph of its own that starts `[^N]: ` (`[^12]: See A/80/10.`); its
  continuation lines follow in that paragraph. It ends at a blank line, a page break or the
  next definition's line.

A label is a number, a run of note signs (`*`, `†`, `‡`, `§`) or a markdown name (`[^note]`).
`[^N]` is a reference only where N is a number or a label the text defines: `[^a-z]` in a
regular expression quoted in a text stays text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Callable, Sequence

from tasks.domain.models import CleanedDocument
from tasks.domain.pages import page_locator

_SIGNS = "*\u2020\u2021\u00a7"
_LABEL = rf"\d{{1,4}}|[{_SIGNS}]{{1,3}}|[A-Za-z][\w-]{{0,30}}"
# At the start of a line (or of a page): `[^12]: ` and the spaces after it.
_DEFINITION = re.compile(rf"(?:\A|(?<=[\n\f]))[ \t]*(\[\^({_LABEL})\]:)[ \t]*")
_REFERENCE = re.compile(rf"\[\^({_LABEL})\]")
# What ends a definition's paragraph: a blank line or a page break.
_PARAGRAPH_END = re.compile(r"\n[ \t]*\n|\f")


@dataclass(frozen=True)
class Definition:
    label: str
    start: int  # offset of its `[^`
    text_start: int  # offset of its text, after `]:` and the spaces after it
    end: int  # end of its text, trailing whitespace excluded


@dataclass(frozen=True)
class Reference:
    label: str
    start: int  # offset of its `[^`
    end: int


@dataclass(frozen=True)
class Footnote:
    """One footnote of a document, as the warehouse's `footnotes` table holds it."""

    footnote_no: int  # 0-based, in the order the text defines them
    marker: str  # its label as printed: `12`, `*`
    text: str  # its text in the clean text, the marker left out
    page: int | None  # the page it is printed on: its first reference's (None for unpaged text)
    raw_start: int  # `raw_text[raw_start:raw_end]` is its definition, `[^12]: ...`
    raw_end: int
    char_start: int  # its paragraph in the clean text, marker included
    char_end: int


def is_sign(label: str) -> bool:
    """A label made of note signs (`*`, `**`, `†`) rather than a number or a name."""
    return bool(label) and all(c in _SIGNS for c in label)


def definitions(text: str) -> list[Definition]:
    """The definitions in the text, in order."""
    found = list(_DEFINITION.finditer(text))
    out = []
    for m, following in zip(found, found[1:] + [None]):
        limit = following.start() if following is not None else len(text)
        end_mark = _PARAGRAPH_END.search(text, m.end(), limit)
        end = end_mark.start() if end_mark else limit
        end = m.end() + len(text[m.end() : end].rstrip())
        out.append(Definition(m.group(2), m.start(1), m.end(), end))
    return out


def references(text: str, defs: Sequence[Definition] | None = None) -> list[Reference]:
    """The references in the text, in order: `[^N]` with a numeric label or a defined one,
    outside the definitions' own `[^N]:`."""
    defs = definitions(text) if defs is None else defs
    defined = {d.label for d in defs}
    prefixes = {d.start for d in defs}
    return [
        Reference(m.group(1), m.start(), m.end())
        for m in _REFERENCE.finditer(text)
        if m.start() not in prefixes and (m.group(1).isdigit() or m.group(1) in defined)
    ]


def document_footnotes(cleaned: CleanedDocument, to_clean: Callable[[int], int]) -> list[Footnote]:
    """The document's footnotes, from the definitions in its raw text, with their text as it
    reads after cleaning and the page their first reference is printed on. `to_clean` maps a
    raw offset to the clean one (`cleaning.engine.raw_to_clean`: passed in, as the cleaning
    rules import this module)."""
    raw = cleaned.raw.raw_text
    defs = definitions(raw)
    if not defs:
        return []
    refs = references(raw, defs)
    page_of = page_locator(raw)
    first_refs = _first_references(defs, refs)
    notes = []
    for no, d in enumerate(defs):
        char_start, text_start, char_end = to_clean(d.start), to_clean(d.text_start), to_clean(d.end)
        ref = first_refs.get(no)
        notes.append(
            Footnote(
                no,
                d.label,
                cleaned.clean_text[text_start:char_end].strip(),
                page_of(ref.start if ref is not None else d.start),
                d.start,
                d.end,
                char_start,
                max(char_start, char_end),
            )
        )
    return notes


def _first_references(defs: Sequence[Definition], refs: Sequence[Reference]) -> dict[int, Reference]:
    """For each definition (by index), the first reference that refers to it. A reference refers
    to the first definition of its label after it (numbering may start again, by page or by
    chapter); one that comes after every definition of its label, to the last of them."""
    by_label: dict[str, list[int]] = {}
    for i, d in enumerate(defs):
        by_label.setdefault(d.label, []).append(i)
    first: dict[int, Reference] = {}
    for ref in refs:
        candidates = by_label.get(ref.label)
        if not candidates:
            continue
        target = next((i for i in candidates if defs[i].start > ref.start), candidates[-1])
        first.setdefault(target, ref)
    return first
