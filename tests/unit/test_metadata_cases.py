"""Metadata fields against the case files in `tests/cases/metadata/<field>.json`.

A case is {"label", "input", "expected"}: `input` is a small raw document run through cleaning
and `structure_document`; `expected` is what the field must EQUAL (see
`tests/cases/metadata/README.md`):
- authors, organizations, places: the same values, order ignored (whitespace folded);
- un_symbols: the same list, in order of first appearance;
- doc_date: the ISO date, or null for none;
- doc_symbol, distribution, original_language, job_number, session, agenda_item (the masthead's
  fields): the string (whitespace folded), or null for none.
A case with an "xfail" key documents a known bug: it runs as a strict xfail with that reason.
"""

from __future__ import annotations

import pytest

from tasks.domain.cleaning import clean_document
from tasks.domain.document import structure_document
from tasks.domain.models import RawDocument
from tests.case_files import (
    assert_four_languages,
    assert_labels_unique,
    assert_matching_and_must_not_match,
    case_params,
    load_case_files,
)

pytestmark = pytest.mark.unit

FIELDS = (
    "authors",
    "organizations",
    "places",
    "doc_date",
    "un_symbols",
    "doc_symbol",
    "distribution",
    "original_language",
    "job_number",
    "session",
    "agenda_item",
)
UNORDERED = {"authors", "organizations", "places"}
STRINGS = {"doc_symbol", "distribution", "original_language", "job_number", "session", "agenda_item"}

CASE_FILES = load_case_files("metadata")


def fold(text: str) -> str:
    return " ".join(text.split())


def extracted(raw: str, field: str):
    doc = structure_document(clean_document(RawDocument("d", "d.md", "md", raw, "utf-8")))
    value = getattr(doc.metadata, field)
    if field == "doc_date":
        return value.isoformat() if value is not None else None
    if field in STRINGS:
        return fold(value) if value is not None else None
    values = [fold(v) for v in value]
    return sorted(values) if field in UNORDERED else values


def wanted(expected, field: str):
    if field == "doc_date":
        return expected
    if field in STRINGS:
        return fold(expected) if expected is not None else None
    values = [fold(v) for v in expected]
    return sorted(values) if field in UNORDERED else values


@pytest.mark.parametrize("field, case", list(case_params(CASE_FILES)))
def test_metadata_case(field: str, case: dict) -> None:
    assert extracted(case["input"], field) == wanted(case["expected"], field)


def test_every_field_has_a_case_file() -> None:
    assert sorted(CASE_FILES) == sorted(FIELDS)


@pytest.mark.parametrize("field", FIELDS)
def test_case_file_is_well_formed(field: str) -> None:
    cases = CASE_FILES[field]
    assert_labels_unique(cases)
    for case in cases:
        assert set(case) <= {"label", "input", "expected", "xfail"} and "expected" in case, case["label"]
        if field == "doc_date" or field in STRINGS:
            assert case["expected"] is None or isinstance(case["expected"], str), case["label"]
        else:
            assert isinstance(case["expected"], list), case["label"]


@pytest.mark.parametrize("field", FIELDS)
def test_case_file_has_matching_and_must_not_match_cases(field: str) -> None:
    assert_matching_and_must_not_match(field, CASE_FILES[field])


@pytest.mark.parametrize("field", FIELDS)
def test_case_file_covers_the_four_languages(field: str) -> None:
    assert_four_languages(field, CASE_FILES[field])
