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


_BLANK = re.compile(r"\s*")


def stands_alone(text: str, start: int) -> bool:
    """The line at `start` opens a paragraph: only blank space before it, or a blank line or a
    page break right before it (spaces and tabs aside). Reads back from `start`, never a copy
    of everything before it (once per removed run, that copy was quadratic)."""
    end = start
    while end > 0 and text[end - 1] in " \t":
        end -= 1
    return _BLANK.match(text, 0, end).end() == end or text.endswith(("\n\n", "\f"), 0, end)


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


def line_edits(text: str, doomed: list[Line], kind: str) -> list[Edit]:
    """One edit per removed line, each with its newline. Consecutive removed lines (only blank
    lines between them) form a run; the blank lines after a run go too when the run stood as a
    paragraph of its own, so the paragraphs around it stay exactly one blank line apart."""
    edits: list[Edit] = []
    for run in line_runs(text, sorted(doomed, key=lambda line: line.start)):
        for line, following in zip(run, run[1:]):
            edits.append(Edit(line.start, following.start, kind))
        edits.append(Edit(run[-1].start, run_end(text, run), kind))
    return edits


def run_end(text: str, run: list[Line]) -> int:
    """Where the removal of a run of lines ends: after its last line's newline, and after the
    blank lines that follow when the run stood as a paragraph of its own."""
    last = run[-1]
    if stands_alone(text, run[0].start):
        return end_with_blank_lines(text, last.end)
    return min(last.end + 1, len(text))


def line_runs(text: str, doomed: list[Line]) -> list[list[Line]]:
    """The lines (in text order) grouped in runs: lines with only blank space between them."""
    runs: list[list[Line]] = []
    for line in doomed:
        if runs and not text[runs[-1][-1].end : line.start].strip():
            runs[-1].append(line)
        else:
            runs.append([line])
    return runs
