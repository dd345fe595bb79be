"""Helpers shared by line-oriented rules."""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Iterator

from tasks.domain.cleaning.engine import Edit


@dataclass(frozen=True)
class Line:
    start: int
    end: int  # excluding the newline
    text: str

    @property
    def stripped(self) -> str:
        return self.text.strip()


def lines(text: str) -> list[Line]:
    out, pos = [], 0
    for part in text.split("\n"):
        out.append(Line(pos, pos + len(part), part))
        pos += len(part) + 1
    return out


def end_with_blank_lines(text: str, end: int) -> int:
    """Extend `end` (a line's end) over its newline and the blank lines that follow it."""
    match = re.compile(r"(?:[ \t]*\n)+").match(text, end)
    return match.end() if match else end


@dataclass(frozen=True)
class Block:
    """A run of text between blank lines (a paragraph, or a page of a flattened PDF)."""

    start: int
    end: int
    text: str


_BLOCK = re.compile(r"[^\n]*\S[^\n]*(?:\n[ \t]*\S[^\n]*)*")


def blocks(text: str) -> Iterator[Block]:
    for m in _BLOCK.finditer(text):
        yield Block(m.start(), m.end(), m.group())


def whole_line_edit(text: str, line: Line, kind: str) -> Edit:
    """Remove a line together with its newline and the blank lines after it."""
    return Edit(line.start, end_with_blank_lines(text, line.end), kind)
