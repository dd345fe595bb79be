"""What the structure steps work on: one record per paragraph, and the small state around them.

Each step is small, named and versioned (like a cleaning rule); when it decides a paragraph's
kind it records its own label and what it saw, so every heading (and every line that is not
one) can be traced to the step and the evidence behind it."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Callable

from tasks.domain.models import CleanedDocument


@dataclass
class Para:
    """One paragraph of the clean text, `text[start:end]`, and what the steps decided about it."""

    start: int
    end: int
    block: int = 0  # index of the blank-line-separated block it belongs to
    alone: bool = True  # the only paragraph of its block
    kind: str | None = None  # None until a step decides
    level: int | None = None  # a heading's level
    marked: int | None = None  # the level markup gave it (0: a bold line)
    subheading: int | None = None  # depth of a part of a recurring sub-heading
    rule: str = ""  # label of the step that decided its kind
    evidence: str = ""  # what that step saw


@dataclass
class State:
    """The clean text, the paragraph records and the title's index, passed from step to step."""

    cleaned: CleanedDocument
    marks: dict[int, int]  # clean offsets of markup-made headings -> their level
    notes: frozenset[int]  # clean offsets where footnotes start
    paras: list[Para] = field(default_factory=list)
    title: int | None = None
    step: str = ""  # label of the step running now

    @property
    def text(self) -> str:
        return self.cleaned.clean_text

    def text_of(self, para: Para) -> str:
        return self.text[para.start : para.end]

    def decide(self, para: Para, kind: str, level: int | None = None, evidence: str = "") -> None:
        """Set a paragraph's kind (and level), recording the running step and its evidence."""
        para.kind, para.level, para.rule, para.evidence = kind, level, self.step, evidence

    def undecided(self):
        return [p for p in self.paras if p.kind is None]


@dataclass(frozen=True)
class Step:
    """A named structure step: a function that reads and updates the state."""

    name: str
    version: int
    fn: Callable[[State], None]

    @property
    def label(self) -> str:
        return f"{self.name}@{self.version}"
