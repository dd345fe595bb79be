"""Where a new paragraph starts inside a block of lines: the one definition that the
structure stage (to split blocks) and the cleaning (to unwrap a PDF's layout lines) share."""

from __future__ import annotations

import re

LIST_ITEM = re.compile(r"^\s*(?:[-*•▪–]\s+|\(?\d{1,3}[.)]\s+|\(?[a-z][.)]\s+|\(?[ivx]{1,5}[.)]\s+)")
_SENTENCE_END = (".", "!", "?", ":", ";", "”", '"')


def starts_new_paragraph(prev: str, line: str) -> bool:
    """Whether `line` opens a paragraph of its own after `prev` in the same block: a list item,
    a sentence after a finished one, or short lines that do not wrap into each other."""
    prev, line = prev.strip(), line.strip()
    if LIST_ITEM.match(line):
        return True
    if prev.isupper() and line.isupper() and not prev.endswith("."):
        return False  # a title in capitals wrapped over lines
    if prev.endswith(_SENTENCE_END) and line[:1].isupper():
        return True
    # short lines that do not wrap into each other: an address or signature block
    return len(prev) < 60 and len(line) < 80 and not prev.endswith(("-",)) and line[:1].isupper()
