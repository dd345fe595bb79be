"""Headings, titles and paragraph kinds against the case files in `tests/cases/structure/`.

One file per heading style (see `tests/cases/structure/README.md` for the schema). Each case is
a small raw document run through cleaning and `structure()`; what it states must hold exactly:
- "title": the document title (a string, or null for none);
- "headings": the sections that have a heading, in order, as [heading, level]; the levels
  are compared by how they nest (their order), or as written when "exact_levels" is true;
- "kinds": the kind of every paragraph, in order.
A case with an "xfail" key documents a known bug: it runs as a strict xfail with that reason.
"""

from __future__ import annotations

import pytest

from tasks.domain.cleaning import clean_document
from tasks.domain.models import RawDocument
from tasks.domain.structure import structure
from tests.case_files import (
    assert_four_languages,
    assert_labels_unique,
    assert_matching_and_must_not_match,
    case_params,
    load_case_files,
)

pytestmark = pytest.mark.unit

STYLES = ("markdown", "bold", "standalone", "all_caps", "numbered", "inline", "paragraph_kinds", "title")
EXPECTATIONS = {"title", "headings", "kinds"}
ALLOWED_KEYS = {"label", "input", "xfail", "exact_levels"} | EXPECTATIONS
KINDS = {"heading", "list_item", "text", "salutation", "closing", "signature", "front_matter"}

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
    assert found == expected, f"levels found: {[(s.heading, s.level) for s in sections]}"


def test_every_heading_style_has_a_case_file() -> None:
    assert sorted(CASE_FILES) == sorted(STYLES)


@pytest.mark.parametrize("name", STYLES)
def test_case_file_is_well_formed(name: str) -> None:
    cases = CASE_FILES[name]
    assert_labels_unique(cases)
    for case in cases:
        assert set(case) <= ALLOWED_KEYS, case["label"]
        assert set(case) & EXPECTATIONS, f"{case['label']}: states nothing"
        assert set(case.get("kinds", [])) <= KINDS, case["label"]
        assert all(isinstance(level, int) and level >= 1 for _, level in case.get("headings", [])), case["label"]


@pytest.mark.parametrize("name", STYLES)
def test_case_file_has_matching_and_must_not_match_cases(name: str) -> None:
    assert_matching_and_must_not_match(name, CASE_FILES[name])


@pytest.mark.parametrize("name", STYLES)
def test_case_file_covers_the_four_languages(name: str) -> None:
    assert_four_languages(name, CASE_FILES[name])
