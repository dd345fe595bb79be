"""Footnote markers, written by the readers in markdown footnote syntax (`tasks.domain.footnotes`).

A numbered reference glued to a word (`the right to health[^12] and`) is not part of the
sentence a researcher quotes: it goes, recorded as a `footnote_ref`, and the `footnotes` table
keeps which note it pointed to. A sign (`[^*]`, `[^†]`) stays as printed (`annex*`): it marks
the word it follows (`Albania,* Andorra` names the sponsors that are not members), more than
it points to a note. A footnote's text is content and stays, as its own paragraph; its
`[^12]: ` becomes the number as printed, `12 ` (a `footnote_label`), so the note reads as on
the page and structure can still find it from the recorded label.

The rule runs before the page-number rules, so a footnote's number is never taken for a page
number, and before the markdown rules, which would take the `*` of `[^*]` for emphasis.
"""

from __future__ import annotations

from typing import Iterator

from tasks.domain.cleaning.engine import Edit
from tasks.domain.footnotes import definitions, is_sign, references

_CLOSING = ".,;:!?)]}\u201d\u2019\"'\u00bb"


def strip_footnote_markers(text: str) -> Iterator[Edit]:
    """Numbered `[^N]` references out of the sentences, `[^*]` to `*`; each definition's `[^N]: `
    to `N `."""
    defs = definitions(text)
    for d in defs:
        yield Edit(d.start, d.text_start, "footnote_label", d.label + " " if d.end > d.text_start else d.label)
    for ref in references(text, defs):
        if is_sign(ref.label):
            yield Edit(ref.start, ref.end, "footnote_ref", ref.label)
        else:
            yield Edit(_spaces_before(text, ref.start, ref.end), ref.end, "footnote_ref")


def _spaces_before(text: str, start: int, end: int) -> int:
    """A marker set apart by spaces (`word [^3].`, `word [^3] next`) takes the spaces before it,
    so the words around it meet as they would have without it; one glued to a word keeps them."""
    before = start
    while before > 0 and text[before - 1] in " \t":
        before -= 1
    if before == start or before == 0 or text[before - 1] in "\n\f":
        return start
    after = text[end : end + 1]
    return before if not after or after.isspace() or after in _CLOSING else start
