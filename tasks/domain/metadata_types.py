"""The record a metadata step makes: shared by masthead, dates and metadata."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Decision:
    """One document-level value and why: the step that read it and the text it read it from."""

    field: str
    value: object
    step: str  # "name@version"
    evidence: str
