"""The UN template's masthead: which opening paragraphs are masthead lines, which one is the
title, and the fields the masthead gives (`tasks/domain/masthead.py`).

Case files in `tests/cases/masthead/` (see its README): `masthead_kinds.json` (the kind of each
opening paragraph, null for none) and `title_index.json` (the title's index, or null)."""

from __future__ import annotations

import re
from datetime import date

import pytest

from tasks.domain.cleaning import clean_document
from tasks.domain.document import structure_document
from tasks.domain.masthead import masthead_fields, masthead_kinds, title_index
from tasks.domain.models import RawDocument
from tests.case_files import (
    assert_four_languages,
    assert_labels_unique,
    assert_matching_and_must_not_match,
    case_params,
    load_case_files,
)

pytestmark = pytest.mark.unit

CASE_FILES = load_case_files("masthead")
FUNCTIONS = {"masthead_kinds": masthead_kinds, "title_index": title_index}
KINDS = {
    "organization",
    "organ",
    "symbol",
    "distribution",
    "date",
    "language",
    "job_number",
    "barcode",
    "session",
    "meeting",
    "dateline",
    "agenda_item",
    "agenda_title",
    "body",
    "preamble",
}


@pytest.mark.parametrize("name, case", list(case_params(CASE_FILES)))
def test_masthead_case(name: str, case: dict) -> None:
    assert FUNCTIONS[name](case["paragraphs"], case.get("blocks")) == case["expected"]


def test_every_function_has_a_case_file() -> None:
    assert sorted(CASE_FILES) == sorted(FUNCTIONS)


@pytest.mark.parametrize("name", sorted(FUNCTIONS))
def test_case_file_is_well_formed(name: str) -> None:
    cases = CASE_FILES[name]
    assert_labels_unique(cases)
    assert_matching_and_must_not_match(name, cases)
    assert_four_languages(name, cases)
    for case in cases:
        assert set(case) <= {"label", "paragraphs", "blocks", "expected", "xfail"}, case["label"]
        if "blocks" in case:
            assert len(case["blocks"]) == len(case["paragraphs"]), case["label"]
            assert case["blocks"] == sorted(case["blocks"]), case["label"]
        if name == "masthead_kinds":
            assert len(case["expected"]) == len(case["paragraphs"]), case["label"]
            assert set(case["expected"]) <= KINDS | {None}, case["label"]
        else:
            assert case["expected"] is None or 0 <= case["expected"] < len(case["paragraphs"]), case["label"]


# --------------------------------------------------------------------------- fields

REPORT = (
    "United Nations S/2025/223\n\nSecurity Council Distr.: General\n\n11 April 2025\n\nOriginal: English\n\n"
    "25-04876 (E) 160425\n\n*2504876*\n\nUnited Nations Support Mission in Libya\n\n"
    "Report of the Secretary-General\n\nI. Introduction\n\n"
    "1. The present report, submitted pursuant to resolution 2755 (2024) and document S/2024/300, covers "
    "developments from 5 December 2024 to 4 April 2025.\n\f"
    "S/2025/223\n\n2/16 25-04876\n"
)


def fields(raw: str) -> dict:
    return {d.field: d for d in masthead_fields(raw)}


def test_fields_of_a_report_each_with_its_step_and_evidence() -> None:
    found = fields(REPORT)
    assert {name: d.value for name, d in found.items()} == {
        "doc_symbol": "S/2025/223",
        "distribution": "General",
        "original_language": "en",
        "job_number": "25-04876",
        "doc_date": date(2025, 4, 11),
    }
    for name, decision in found.items():
        assert re.fullmatch(r"masthead_[a-z_]+@\d+", decision.step), name
        assert decision.evidence and decision.evidence in REPORT, name
    assert found["distribution"].evidence == "Security Council Distr.: General"


def test_a_date_in_the_text_is_not_the_masthead_date() -> None:
    raw = REPORT.replace("11 April 2025\n\n", "")
    assert "doc_date" not in fields(raw)


def test_a_word_masthead_in_the_raw_text_with_its_footer_at_the_end() -> None:
    """A .docx gives its first-page header at the top of the raw text and its first-page
    footer (job number, barcode) at the end, with no form feed."""
    body = "".join(f"Recalling its resolution {n}/1 of 2016 on the matter,\n\n" for n in range(60, 130))
    raw = (
        "United Nations\nA/RES/72/195\nGeneral Assembly\nDistr.: General 23 January 2018\n\n"
        "Seventy-second session\n\nAgenda item 107\n\n"
        "Resolution adopted by the General Assembly on 19 December 2017\n\n" + body + "17-23195 (E) 260118 *1723195*\n"
    )
    found = {name: d.value for name, d in fields(raw).items()}
    assert found == {
        "doc_symbol": "A/RES/72/195",
        "distribution": "General",
        "job_number": "17-23195",
        "session": "Seventy-second session",
        "agenda_item": "107",
        "doc_date": date(2018, 1, 23),
    }


@pytest.mark.parametrize(
    "raw",
    [
        pytest.param("Statement by Mexico\n\nA/RES/73/195\n\nWe welcome resolution A/RES/73/195.\n", id="en statement"),
        pytest.param("Agenda 2030 y migración\n\nDistr.: General\n\nEl 3 de mayo de 2025 se reunió.\n", id="es post"),
        pytest.param("Nations Unies\n\nLe rapport S/2025/223 a été publié le 3 mai 2025.\n", id="fr organisation"),
        pytest.param("Nações Unidas\n\nOriginal: inglês\n\nA resolução A/RES/78/1 foi adotada.\n", id="pt two lines"),
    ],
)
def test_no_masthead_no_fields(raw: str) -> None:
    """Precision first: one template-like line, or a symbol the text cites, is no masthead."""
    assert masthead_fields(raw) == ()


def test_the_pipeline_keeps_the_own_symbol_out_of_the_cited_ones() -> None:
    doc = structure_document(clean_document(RawDocument("d", "d.md", "md", REPORT, "utf-8")))
    assert doc.metadata.doc_symbol == "S/2025/223"
    assert doc.metadata.job_number == "25-04876"
    assert doc.metadata.un_symbols == ("S/2024/300",)
    steps = {d.field: d.step for d in doc.metadata.decisions}
    assert steps["doc_symbol"] == "masthead_symbol@3"
