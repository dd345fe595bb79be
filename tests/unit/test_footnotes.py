"""Footnotes in markdown footnote syntax (`tasks.domain.footnotes`): definitions and references
with their offsets, the document's footnotes after cleaning, and their paragraphs' own kind."""

from __future__ import annotations

import pytest

from tasks.domain.cleaning import clean_document
from tasks.domain.cleaning.engine import raw_to_clean
from tasks.domain.document import structure_document
from tasks.domain.footnotes import definitions, document_footnotes, is_sign, references
from tasks.domain.models import RawDocument

pytestmark = pytest.mark.unit

TEXT = (
    "Reaffirming the Convention of 1951,[^1] together with the Protocol thereto,[^2] and the\n"
    "Charter,[^1]\n\n"
    "[^1]: United Nations, Treaty Series, vol. 189, No. 2545.\n\n"
    "[^2]: Ibid., vol. 606,\nNo. 8791.\n"
)


def test_definitions_with_their_offsets():
    defs = definitions(TEXT)
    assert [d.label for d in defs] == ["1", "2"]
    assert [TEXT[d.start : d.end] for d in defs] == [
        "[^1]: United Nations, Treaty Series, vol. 189, No. 2545.",
        "[^2]: Ibid., vol. 606,\nNo. 8791.",
    ]
    assert [TEXT[d.text_start : d.end] for d in defs] == [
        "United Nations, Treaty Series, vol. 189, No. 2545.",
        "Ibid., vol. 606,\nNo. 8791.",
    ]


def test_references_with_their_offsets_leave_the_definitions_out():
    refs = references(TEXT)
    assert [(r.label, TEXT[r.start : r.end]) for r in refs] == [("1", "[^1]"), ("2", "[^2]"), ("1", "[^1]")]
    assert TEXT[refs[0].start - 5 : refs[0].start] == "1951,"


def test_a_definition_ends_at_a_page_break_or_the_next_definition_line():
    text = "[^1]: Treaty Series, vol. 1.\n[^2]: Ibid.\f[^3]: A/80/10, annex I.\nnext page"
    assert [text[d.text_start : d.end] for d in definitions(text)] == [
        "Treaty Series, vol. 1.",
        "Ibid.",
        "A/80/10, annex I.\nnext page",
    ]


@pytest.mark.parametrize(
    "text",
    [
        "Use [^a-z] or [^abc] to exclude letters, [^] matches nothing.",  # regular expressions
        "Several studies show it [1], [2, 3].",  # bracketed citations
        "Footnotes are written as [^label]: text in markdown.",  # mid-line, not a definition
        "Recalling article 4 of resolution 73/195 of 19 December 2018,\n12 States replied.",
    ],
)
def test_text_that_only_looks_like_footnotes_is_none(text):
    assert definitions(text) == [] and references(text) == []


def test_a_named_label_is_a_reference_only_when_defined():
    assert references("see [^note] and [^abc]\n\n[^note]: Signed in New York.")[0].label == "note"
    assert len(references("see [^note] and [^abc]\n\n[^note]: Signed in New York.")) == 1


def test_signs_are_labels_of_their_own_kind():
    assert is_sign("*") and is_sign("**") and is_sign("\u2020")
    assert not is_sign("1") and not is_sign("note") and not is_sign("")


def raw_doc(text: str, source_format: str = "pdf") -> RawDocument:
    return RawDocument("doc-1", f"a.{source_format}", source_format, text, "utf-8")


def test_document_footnotes_carry_clean_text_and_the_page_of_their_first_reference():
    raw = (
        "The right to health[^1] and the rights of\n\f"
        "migrants, children and persons with disabilities.[^2]\n\n"
        "[^1]: See A/HRC/59/42.\n\n[^2]: A/77/170 and\nA/79/176.\n"
    )
    cleaned = clean_document(raw_doc(raw))
    notes = document_footnotes(cleaned, raw_to_clean(cleaned.removals))
    assert [(n.footnote_no, n.marker, n.text, n.page) for n in notes] == [
        (0, "1", "See A/HRC/59/42.", 1),
        (1, "2", "A/77/170 and A/79/176.", 2),
    ]  # lines unwrapped
    for n in notes:
        assert raw[n.raw_start : n.raw_end].startswith(f"[^{n.marker}]: ")
        assert cleaned.clean_text[n.char_start : n.char_end] == f"{n.marker} {n.text}"


def test_numbering_that_starts_again_pairs_each_reference_with_the_next_definition():
    raw = (
        "Chapter one cites a report.[^1]\n\n[^1]: First note.\n\nChapter two cites another.[^1]\n\n[^1]: Second note.\n"
    )
    cleaned = clean_document(raw_doc(raw, "md"))
    notes = document_footnotes(cleaned, raw_to_clean(cleaned.removals))
    assert [(n.marker, n.text) for n in notes] == [("1", "First note."), ("1", "Second note.")]


def test_without_the_rule_the_footnotes_are_still_found_in_the_clean_text():
    from tasks.domain.cleaning import CleaningConfig

    raw = "A sentence.[^1]\n\n[^1]: A note.\n"
    cleaned = clean_document(raw_doc(raw, "md"), CleaningConfig(frozenset({"strip_footnote_markers"})))
    [note] = document_footnotes(cleaned, raw_to_clean(cleaned.removals))
    assert note.text == "A note." and cleaned.clean_text[note.char_start : note.char_end] == "[^1]: A note."


def test_footnote_paragraphs_have_their_own_kind_and_are_never_headings():
    raw = (
        "# Report of the Committee\n\n"
        "1. The Committee held its session in Geneva.[^1] It adopted its report.[^2]\n\n"
        "2. The Committee thanked the States that replied.\n\n"
        "[^1]: CMW/C/39/1.\n\n[^2]: Annual report\n"
    )
    doc = structure_document(clean_document(raw_doc(raw, "md")))
    kinds = [(p.kind, p.text) for p in doc.paragraphs]
    assert ("footnote", "1 CMW/C/39/1.") in kinds and ("footnote", "2 Annual report") in kinds
    assert [s.heading for s in doc.sections] == ["Report of the Committee"]
