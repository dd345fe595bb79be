"""Footnotes in real PDFs made by fpdf2: the reader writes markers as `[^N]` glued to their
word and each note as a `[^N]: text` paragraph, placed where it cuts no sentence; numbers in
the prose, and small-type numbered lines in the body, stay as they are."""

from __future__ import annotations

import re

import pytest

from tasks.domain.cleaning import clean_document
from tasks.domain.document import structure_document
from tasks.domain.footnotes import definitions, references
from tasks.domain.models import RawDocument
from tasks.readers.pdf import read_pdf
from tests.builders.footnote_pdfs import (
    CUT_AFTER,
    CUT_BEFORE,
    CUT_SENTENCE,
    PROSE_FIGURES,
    Note,
    NotedPage,
    climate_report,
    noted_report_pdf,
)

pytestmark = pytest.mark.unit


def read(pdf: bytes) -> RawDocument:
    return read_pdf("reports/climate.pdf", "doc-1", pdf, 120.0)


@pytest.fixture(scope="module")
def report():
    return climate_report()


@pytest.fixture(scope="module")
def raw(report) -> str:
    return read(report.pdf).raw_text


def paragraphs(text: str) -> list[str]:
    return [p.strip("\n") for p in re.split(r"\n[ \t]*\n|\f", text) if p.strip()]


def test_markers_are_glued_to_the_word_before_them(raw):
    assert "adopted under the Convention,[^1]" in raw
    assert "the Human Rights Council.[^2]" in raw
    assert "the human rights of migrants[^3]" in raw
    assert "Item 4 of the provisional agenda[^*]" in raw
    assert [r.label for r in references(raw)] == ["*", "1", "2", "3"]


def test_no_marker_is_left_as_a_bare_digit(raw):
    assert "Convention,1" not in raw and "Council.2" not in raw and "migrants3" not in raw
    # the only digits on lines of their own are the page numbers
    assert re.findall(r"(?m)^[ \t]*(\d+)[ \t]*$", raw) == ["1", "2", "3"]


def test_numbers_in_the_prose_are_never_markers(raw):
    assert PROSE_FIGURES in raw.replace("\n", " ")
    assert "report submitted in 2024 on the human rights" in raw.replace("\n", " ")


def test_each_note_is_a_paragraph_of_its_own_in_markdown_syntax(report, raw):
    defs = {d.label: raw[d.text_start : d.end] for d in definitions(raw)}
    assert {label: " ".join(text.split()) for label, text in defs.items()} == report.notes
    for label in report.notes:
        [paragraph] = [p for p in paragraphs(raw) if p.startswith(f"[^{label}]: ")]
        assert paragraph.count("[^") == 1
    # a note of two lines keeps its second line in its paragraph
    assert (
        "[^2]: Adopted under the United Nations Framework Convention on Climate Change; see\n"
        "FCCC/CP/2015/10/Add.1, decision 1/CP.21." in raw
    )


def test_the_rule_above_the_notes_stays_as_a_line_of_its_own(raw):
    assert "\n__________________\n\n[^*]: " in raw


def test_a_page_cut_mid_sentence_has_its_notes_after_the_paragraph_it_runs_into(raw):
    first, second, _ = raw.split("\f")
    # nothing of the notes between the two halves, only the page number
    assert " ".join(first.split()).endswith(CUT_BEFORE + " 1")
    assert "[^1]:" not in first and "[^*]:" not in first
    assert second.index(CUT_AFTER) < second.index("[^*]: ") < second.index(PROSE_FIGURES)


def test_the_cut_sentence_is_whole_after_cleaning_and_the_notes_are_footnote_paragraphs(report):
    doc = structure_document(clean_document(read(report.pdf)))
    texts = [" ".join(p.text.split()) for p in doc.paragraphs]
    assert any(CUT_SENTENCE in t for t in texts)
    notes = [" ".join(p.text.split()) for p in doc.paragraphs if p.kind == "footnote"]
    assert notes == [f"{label} {text}" for label, text in report.notes.items()]
    assert "Convention, and the objective" in doc.cleaned.clean_text.replace("\n", " ")
    assert "[^" not in doc.cleaned.clean_text


def test_numbered_small_type_lines_between_paragraphs_are_not_notes():
    page = NotedPage(
        paragraphs=(
            ("The Committee adopted the following figures for 2024:",),
            (
                "Those figures were published on 3 May 2024 and 12 States replied to",
                "the questionnaire on the treaties.",
            ),
        ),
        inset=(Note("1", ("Argentina, ratified in 2007",)), Note("2", ("Chile, ratified in 2005",))),
    )
    raw = read(noted_report_pdf([page, page]).pdf).raw_text
    assert "[^" not in raw
    assert "1 Argentina, ratified in 2007\n2 Chile, ratified in 2005" in raw


def test_notes_numbered_in_their_own_size_are_read_under_a_rule_only():
    page = NotedPage(
        paragraphs=(("The Committee noted the report{1} and the replies of 12 States.",),),
        notes=(Note("1", ("See CMW/C/39/1.",)),),
    )
    under_rule = read(noted_report_pdf([page], superscript_labels=False).pdf).raw_text
    assert "the report[^1]" in under_rule and "[^1]: See CMW/C/39/1." in under_rule
    without_rule = NotedPage(page.paragraphs, page.notes, rule=False)
    plain = read(noted_report_pdf([without_rule], superscript_labels=False).pdf).raw_text
    assert "[^" not in plain and "1 See CMW/C/39/1." in plain


def test_notes_of_a_page_that_ends_a_paragraph_go_before_the_next_page_opens_one():
    page1 = NotedPage(
        paragraphs=(
            (
                "1. The Committee on the Protection of the Rights of All Migrant Workers held",
                "its fortieth session in Geneva.{1}",
            ),
        ),
        notes=(Note("1", ("See CMW/C/40/1.",)),),
    )
    page2 = NotedPage(paragraphs=(("2. The Committee adopted its report.",),))
    first, second = read(noted_report_pdf([page1, page2]).pdf).raw_text.split("\f")
    assert "[^1]: See CMW/C/40/1." not in first
    assert second.index("[^1]: See CMW/C/40/1.") < second.index("2. The Committee adopted")
