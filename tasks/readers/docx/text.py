"""The text a reader sees in WordprocessingML: the blocks of a story and the shown lines of a paragraph."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
W_VAL = f"{W}val"

# Wrappers whose children are read as if they stood in the parent: links, tracked insertions
# and moves, content controls, simple fields (their child runs hold the field's shown result).
# Everything else inside a paragraph (w:del, w:moveFrom, bookmarks, comment ranges,
# proofing marks, properties) has no text a reader sees.
_TRANSPARENT_INLINE = frozenset(
    f"{W}{t}"
    for t in ("hyperlink", "ins", "moveTo", "smartTag", "sdt", "sdtContent", "fldSimple", "customXml", "dir", "bdo")
)
TRANSPARENT_BLOCK = frozenset(f"{W}{t}" for t in ("sdt", "sdtContent", "customXml"))
_OFF = frozenset({"0", "false", "off"})
_NOTE_REFERENCE = {f"{W}footnoteReference": "footnote", f"{W}endnoteReference": "endnote"}

# Gives the text that stands for a footnote or endnote reference: (kind, the note's `w:id`, the
# custom mark shown instead of a number or None) -> e.g. "[^3]", or "" for a note not shown.
NoteMarker = Callable[[str, str, str | None], str]


def block_items(container) -> Iterator:
    """The paragraphs and tables of a story in order, including those inside content controls
    (a cover page, a form field), which `iter_inner_content()` skips."""
    for child in container:
        if child.tag in (f"{W}p", f"{W}tbl"):
            yield child
        elif child.tag in TRANSPARENT_BLOCK:
            yield from block_items(child)


def paragraph_lines(p, notes: NoteMarker | None = None) -> list[str]:
    """The lines of a paragraph as shown: soft breaks end a line, tabs and runs of spaces are
    one space, blank lines are dropped so a paragraph never reads as two. Note references
    become what `notes` gives for them, glued where they stand; without `notes` they are dropped."""
    text = "".join(_inline_text(p, notes)).replace("\r\n", "\n").replace("\r", "\n")
    lines = (re.sub(r"[ \t]+", " ", line).strip() for line in text.split("\n"))
    return [line for line in lines if line]


def _inline_text(element, notes: NoteMarker | None) -> Iterator[str]:
    for child in element:
        if child.tag == f"{W}r":
            if not _is_hidden(child):
                yield from _run_text(child, notes)
        elif child.tag in _TRANSPARENT_INLINE:
            yield from _inline_text(child, notes)


def _run_text(r, notes: NoteMarker | None) -> Iterator[str]:
    """Field codes (`w:instrText`), deleted text (`w:delText`) and drawings are not shown text;
    a field's result is, and stands in ordinary `w:t` runs. A note reference with a custom mark
    is followed in its run by the mark's text, which the marker then stands for."""
    children = iter(r)
    for child in children:
        tag = child.tag
        if tag in _NOTE_REFERENCE:
            if child.get(f"{W}customMarkFollows", "0").lower() in _OFF:
                mark = None
            else:
                following = list(children)  # the rest of the run is the mark
                mark = "".join(t.text or "" for t in following if t.tag == f"{W}t")
            marker = notes(_NOTE_REFERENCE[tag], child.get(f"{W}id", ""), mark) if notes is not None else ""
            yield marker or mark or ""  # a custom mark with no note to show still shows
        elif tag == f"{W}t":
            yield child.text or ""
        elif tag in (f"{W}tab", f"{W}ptab"):
            yield "\t"
        elif tag in (f"{W}br", f"{W}cr"):
            yield "\n"
        elif tag == f"{W}noBreakHyphen":
            yield "-"


def _is_hidden(r) -> bool:
    vanish = r.find(f"{W}rPr/{W}vanish")
    return vanish is not None and vanish.get(W_VAL, "true").lower() not in _OFF


def val(element) -> str | None:
    return element.get(W_VAL) if element is not None else None
