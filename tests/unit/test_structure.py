"""Headings, paragraph kinds and sections on flattened text."""

from __future__ import annotations

import pytest

from tasks.domain.cleaning import clean_document
from tasks.domain.models import RawDocument
from tasks.domain.structure import classify, structure

pytestmark = pytest.mark.unit


def structured(raw: str):
    return structure(clean_document(RawDocument("d", "d.md", "md", raw, "utf-8")))


@pytest.mark.parametrize(
    "text,kind",
    [
        ("Background", "heading"),
        ("1. Place and date", "heading"),
        ("In the medium term:", "heading"),
        ("Antecedentes", "heading"),
        ("1. Generate mechanisms for permanent dialogue and shared strategies between IOM and ECLAC.", "list_item"),
        ("- To create a Civil Society Committee", "list_item"),
        ("Dear Louise Arbour,", "salutation"),
        ("Estimada Sra. Arbour,", "salutation"),
        ("Thank you very much.", "closing"),
        ("Muchas gracias.", "closing"),
        ("30 and 31 August 2017, Raúl Prebisch conference room", "text"),
        ("ECLAC, Santiago", "text"),
        ("The following are some proposed steps we consider necessary for strengthening this platform:", "text"),
        ("the sentence continues here", "text"),
    ],
)
def test_paragraph_kinds(text, kind):
    assert classify(text, None)[0] == kind


def test_markdown_heading_keeps_its_role_after_its_marks_are_removed():
    title, sections, paragraphs = structured("## **Informe de la reunión**\n\nEl texto del informe sigue aquí.\n")
    assert title == "Informe de la reunión"
    assert sections[0].heading == "Informe de la reunión" and sections[0].level == 2
    assert paragraphs[0].kind == "heading"


def test_lines_of_one_block_are_not_headings_but_a_final_one_is_a_signature():
    raw = "Intro paragraph that is long enough to be text and ends properly.\n\nSr. Olga Estela\nVivat International\n"
    _, sections, paragraphs = structured(raw)
    assert [s.heading for s in sections] == [None]
    assert [p.kind for p in paragraphs] == ["text", "signature", "signature"]


def test_sections_cover_their_paragraphs_and_nest_numbered_headings():
    raw = (
        "Description of the meeting\n\n1. Objectives\n\nTo generate inputs for the negotiations.\n\n"
        "2. Themes\n\nSix thematic sessions.\n"
    )
    _, sections, paragraphs = structured(raw)
    assert [(s.heading, s.level) for s in sections] == [
        ("Description of the meeting", 2),
        ("1. Objectives", 3),
        ("2. Themes", 3),
    ]
    for p in paragraphs:
        s = sections[p.section_no]
        assert s.char_start <= p.char_start < p.char_end <= s.char_end
