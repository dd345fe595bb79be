"""Structure: paragraphs with their kind, headings, sections and the title of a clean text.

Works on the clean text only, plus what the cleaning knows about it (where it removed heading
markup, where footnotes start), through an ordered registry of small named versioned steps
(`registry.STEPS`) over one record per paragraph. Every paragraph carries the label of the
step that decided its kind and what that step saw."""

from __future__ import annotations

import re

from tasks.domain.cleaning.engine import raw_to_clean
from tasks.domain.cleaning.markup_headings import markup_headings
from tasks.domain.footnotes import document_footnotes
from tasks.domain.models import CleanedDocument, Paragraph, Section
from tasks.domain.structure.headings import LEADING_DATE
from tasks.domain.structure.records import Para, State, Step
from tasks.domain.structure.registry import STEPS
from tasks.domain.structure.steps import classify, numbering_style, paragraph_spans


def run_steps(cleaned: CleanedDocument, steps: tuple[Step, ...] = STEPS, footnotes: list | None = None) -> State:
    """The state after running `steps` in order on a cleaned document (its footnotes are found
    here unless the caller has them)."""
    if footnotes is None:
        footnotes = document_footnotes(cleaned, raw_to_clean(cleaned.removals))
    state = State(cleaned, markup_headings(cleaned), frozenset(n.char_start for n in footnotes))
    for step in steps:
        state.step = step.label
        step.fn(state)
    return state


def structure(
    cleaned: CleanedDocument, footnotes: list | None = None
) -> tuple[str | None, list[Section], list[Paragraph]]:
    """Title, sections and paragraphs of a cleaned document (languages come later)."""
    state = run_steps(cleaned, footnotes=footnotes)
    title = title_text(state.text_of(state.paras[state.title])) if state.title is not None else None
    sections, paragraphs = _sections(state)
    return title, sections, paragraphs


def heading_label(text: str) -> str:
    return " ".join(text.split()).rstrip(":.").strip()


# `76/137. Protection of migrants`: a resolution's number before its subject.
_RESOLUTION_NUMBER = re.compile(r"^\d{1,4}/\d{1,4}\.\s+(?=\S)")


def title_text(paragraph: str) -> str | None:
    """The title as cited: without a resolution number or a web page's date before it; an
    empty title is none."""
    label = heading_label(paragraph)
    label = _RESOLUTION_NUMBER.sub("", label, count=1)
    label = LEADING_DATE.sub("", label, count=1)
    return label or None


def _sections(state: State) -> tuple[list[Section], list[Paragraph]]:
    text, paras = state.text, state.paras
    sections: list[Section] = []
    paragraphs: list[Paragraph] = []
    bounds: list[tuple[int, str | None, int, str]] = []  # (first paragraph index, heading, level, rule)
    for i, p in enumerate(paras):
        if p.kind == "heading":
            bounds.append((i, heading_label(state.text_of(p)), p.level or 1, p.rule))
        elif not bounds:
            bounds.append((i, None, 0, ""))
    for section_no, (first, heading, level, rule) in enumerate(bounds):
        last = bounds[section_no + 1][0] if section_no + 1 < len(bounds) else len(paras)
        start, end = paras[first].start, paras[last - 1].end
        body = text[start:end]
        sections.append(
            Section(section_no, heading, level, body, start, end, n_words=len(body.split()), heading_rule=rule)
        )
        for para_no, p in enumerate(paras[first:last]):
            paragraphs.append(
                Paragraph(
                    section_no,
                    para_no,
                    p.kind or "text",
                    text[p.start : p.end],
                    p.start,
                    p.end,
                    rule=p.rule,
                    evidence=p.evidence,
                )
            )
    return sections, paragraphs


def step_labels() -> tuple[str, ...]:
    """`name@version` of every structure step, in order: part of the pipeline version."""
    return tuple(step.label for step in STEPS)


__all__ = [
    "STEPS",
    "Para",
    "State",
    "Step",
    "classify",
    "heading_label",
    "numbering_style",
    "paragraph_spans",
    "run_steps",
    "step_labels",
    "structure",
    "title_text",
]
