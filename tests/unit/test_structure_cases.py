"""Headings, titles and paragraph kinds against the case files in `tests/cases/structure/`.

One file per structure step, `<step name>.json` (see `tests/cases/structure/README.md` for the
schema). Each case is a small raw document run through cleaning and the whole `structure()`;
what it states must hold exactly:
- "title": the document title (a string, or null for none);
- "headings": the sections that have a heading, in order, as [heading, level]; the levels
  are compared by how they nest (their order), or as written when "exact_levels" is true;
- "kinds": the kind of every paragraph, in order;
- "rules": the name of the step behind each heading (`Section.heading_rule` without its version);
- "evidence": what that step saw, for each heading (`Paragraph.evidence`).
A case with an "xfail" key documents a known bug: it runs as a strict xfail with that reason.
"""

from __future__ import annotations

import pytest

from tasks.domain.cleaning import clean_document
from tasks.domain.models import RawDocument
from tasks.domain.structure import step_labels, structure
from tasks.domain.structure.registry import STEPS, STEPS_BY_NAME
from tests.case_files import (
    assert_four_languages,
    assert_labels_unique,
    assert_matching_and_must_not_match,
    case_params,
    load_case_files,
)

pytestmark = pytest.mark.unit

STEP_NAMES = tuple(step.name for step in STEPS)
EXPECTATIONS = {"title", "headings", "kinds", "rules", "evidence"}
ALLOWED_KEYS = {"label", "input", "xfail", "exact_levels"} | EXPECTATIONS
KINDS = {"heading", "list_item", "text", "salutation", "closing", "signature", "front_matter", "masthead", "footnote"}

CASE_FILES = load_case_files("structure")


def fold(text: str | None) -> str | None:
    return " ".join(text.split()) if text is not None else None


def nesting(levels: list[int]) -> list[int]:
    """Levels as ranks (1 = shallowest present): [2, 3, 3, 2] and [1, 4, 4, 1] nest alike."""
    ranks = {level: rank for rank, level in enumerate(sorted(set(levels)), start=1)}
    return [ranks[level] for level in levels]


def structured(raw: str):
    return structure(clean_document(RawDocument("d", "d.md", "md", raw, "utf-8")))


@pytest.mark.parametrize("case", list(case_params(CASE_FILES, with_name=False)))
def test_structure_case(case: dict) -> None:
    title, sections, paragraphs = structured(case["input"])
    found: dict = {}
    expected: dict = {}
    if "title" in case:
        found["title"], expected["title"] = fold(title), fold(case["title"])
    if "headings" in case:
        headings = [(fold(s.heading), s.level) for s in sections if s.heading is not None]
        want = [(fold(text), level) for text, level in case["headings"]]
        found["headings"], expected["headings"] = [h for h, _ in headings], [h for h, _ in want]
        if case.get("exact_levels"):
            found["levels"], expected["levels"] = [lvl for _, lvl in headings], [lvl for _, lvl in want]
        else:
            found["nesting"] = nesting([lvl for _, lvl in headings])
            expected["nesting"] = nesting([lvl for _, lvl in want])
    if "kinds" in case:
        found["kinds"], expected["kinds"] = [p.kind for p in paragraphs], case["kinds"]
    if "rules" in case:
        found["rules"] = [s.heading_rule.split("@")[0] for s in sections if s.heading is not None]
        expected["rules"] = case["rules"]
    if "evidence" in case:
        found["evidence"] = [p.evidence for p in paragraphs if p.kind == "heading"]
        expected["evidence"] = case["evidence"]
    assert found == expected, f"levels found: {[(s.heading, s.level) for s in sections]}"


def test_every_step_has_a_case_file_and_every_case_file_names_a_step() -> None:
    assert sorted(CASE_FILES) == sorted(STEP_NAMES)


def test_step_labels_are_the_registry_in_order() -> None:
    assert step_labels() == tuple(f"{name}@{STEPS_BY_NAME[name].version}" for name in STEP_NAMES)
    assert len(set(STEP_NAMES)) == len(STEP_NAMES)


def test_every_paragraph_says_which_step_decided_it() -> None:
    raw = "# Report\n\n## Background\n\nThe meeting took place in Geneva over two days.\n\n- one item\n"
    _, sections, paragraphs = structured(raw)
    labels = set(step_labels())
    assert all(p.rule in labels for p in paragraphs), [(p.text, p.rule) for p in paragraphs]
    assert all(s.heading_rule in labels for s in sections if s.heading is not None)


@pytest.mark.parametrize("case", list(case_params(CASE_FILES, with_name=False)))
def test_only_the_title_paragraph_has_title_evidence(case: dict) -> None:
    """A reader finds the title's paragraph by its evidence (`title: ...`); no other paragraph's
    evidence may start so, and a title always comes from such a paragraph."""
    title, _, paragraphs = structured(case["input"])
    marked = [p.text for p in paragraphs if p.evidence.startswith("title:")]
    assert len(marked) <= 1, marked
    if title is not None:
        assert len(marked) == 1 and fold(title) in fold(marked[0]), (title, marked)


@pytest.mark.parametrize("name", STEP_NAMES)
def test_case_file_is_well_formed(name: str) -> None:
    cases = CASE_FILES[name]
    assert_labels_unique(cases)
    for case in cases:
        assert set(case) <= ALLOWED_KEYS, case["label"]
        assert set(case) & EXPECTATIONS, f"{case['label']}: states nothing"
        assert set(case.get("kinds", [])) <= KINDS, case["label"]
        assert all(isinstance(level, int) and level >= 1 for _, level in case.get("headings", [])), case["label"]
        assert set(case.get("rules", [])) <= set(STEP_NAMES), case["label"]


@pytest.mark.parametrize("name", STEP_NAMES)
def test_case_file_has_matching_and_must_not_match_cases(name: str) -> None:
    assert_matching_and_must_not_match(name, CASE_FILES[name])


@pytest.mark.parametrize("name", STEP_NAMES)
def test_case_file_covers_the_four_languages(name: str) -> None:
    assert_four_languages(name, CASE_FILES[name])
