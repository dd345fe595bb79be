"""What `consultations show` prints: the document fields, its family, and with --why the steps."""

from __future__ import annotations

import re

from flows.report import outline_lines, stale_line

DOC = {
    "doc_id": "a" * 64,
    "source_path": "res_en.pdf",
    "source_format": "pdf",
    "title": "Protection of migrants",
    "language": "en",
    "language_confidence": 0.99,
    "languages": [{"lang": "en", "share": 1.0}],
    "n_pages": 3,
    "n_sections": 1,
    "n_paragraphs": 2,
    "n_words": 120,
    "authors": [],
    "organizations": [],
    "places": [],
    "doc_date": None,
    "un_symbols": ["A/RES/71/1"],
    "doc_symbol": "A/HRC/RES/59/25",
    "distribution": "General",
    "original_language": "en",
    "job_number": "GE.25-11111(E)",
    "session": "59",
    "agenda_item": "3",
    "decisions": [
        {"field": "doc_symbol", "value": "A/HRC/RES/59/25", "step": "masthead_symbol@1", "evidence": "A/HRC/RES/59/25"},
        {"field": "title", "value": "Protection of migrants", "step": "find_title@1", "evidence": "first heading"},
    ],
    "pipeline_version": "0.3.0+rules.12345678",
    "family": [
        {
            "doc_id": "b" * 64,
            "language": "es",
            "source_format": "docx",
            "source_path": "res_es.docx",
            "method": "symbol",
            "score": None,
        },
    ],
}
SECTIONS = [
    {
        "section_no": 0,
        "heading": "Resolution",
        "level": 1,
        "page_start": 1,
        "page_end": 3,
        "language": "en",
        "language_confidence": 0.99,
        "n_words": 120,
        "heading_rule": "headings_by_layout@1",
        "paragraph_rules": [
            {"kind": "list_item", "rule": "mark_list_items_and_text@1", "evidence": "list marker `1.`", "n": 2}
        ],
    },
]


def plain(lines: list[str]) -> str:
    return " ".join(re.sub(r"\[/?[a-z ]+\]", "", "\n".join(lines)).split())


def test_show_prints_the_fields_and_the_family_and_no_steps_without_why():
    out = plain(outline_lines(DOC, SECTIONS))
    for expected in (
        "symbol A/HRC/RES/59/25",
        "distribution General",
        "original en",
        "job number GE.25-11111(E)",
        "session 59",
        "agenda item 3",
        "family 1 other version: es docx res_es.docx (symbol",
    ):
        assert expected in out, expected
    assert "masthead_symbol@1" not in out and "headings_by_layout@1" not in out


def test_show_why_names_the_step_behind_each_field_heading_and_paragraph_kind():
    out = plain(outline_lines(DOC, SECTIONS, why=True))
    assert "symbol A/HRC/RES/59/25 ← masthead_symbol@1 “A/HRC/RES/59/25”" in out
    assert "Protection of migrants ← find_title@1 “first heading”" in out
    assert "heading by headings_by_layout@1" in out
    assert "2 list_item by mark_list_items_and_text@1 “list marker `1.`”" in out


def test_the_stale_line_counts_documents_by_older_pipelines():
    assert stale_line({}) is None
    assert stale_line({"0.2.0+rules.abcd1234": 12}) == (
        "12 documents were made by an older pipeline (0.2.0+rules.abcd1234); "
        "run `consultations reprocess` to rebuild them."
    )
    assert stale_line({"0.2.0+rules.a": 1, "0.1.0+rules.b": 1}).startswith("2 documents were made by older pipelines")
