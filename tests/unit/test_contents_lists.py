"""Contents lists beyond their case file: the entries a removed list names (for a later step
that checks headings against them), and a contents line the cleaning left never heads a
section."""

from __future__ import annotations

import pytest

from tasks.domain.cleaning import clean_document
from tasks.domain.cleaning.rules.contents import ContentsEntry, contents_entries, is_contents_entry
from tasks.domain.models import RawDocument
from tasks.domain.structure import classify

pytestmark = pytest.mark.unit

_LIST = (
    "## Contents\n\nPage\nI. Introduction .......... 3\n"
    "II. Participation in the meetings of the Chairs of the\nhuman rights treaty bodies .......... 4\n"
    "Annexes\nI. States Parties .......... 14\n\n"
)


def test_the_entries_of_a_removed_list_with_wrapped_titles_joined():
    assert contents_entries(_LIST) == [
        ContentsEntry("I. Introduction", "3"),
        ContentsEntry("II. Participation in the meetings of the Chairs of the human rights treaty bodies", "4"),
        ContentsEntry("I. States Parties", "14"),
    ]


def test_the_list_is_one_contents_removal_whose_entries_can_be_read_back():
    raw = "Note by the Secretariat.\n\n" + _LIST + "# I. Introduction\n\n1. The Committee met twice.\n"
    cleaned = clean_document(RawDocument("d", "report.txt", "txt", raw, "utf-8"))
    [removal] = [r for r in cleaned.removals if r.kind == "contents"]
    assert removal.rule == "drop_contents_lists@1"
    assert [e.page for e in contents_entries(removal.text)] == ["3", "4", "14"]
    assert "...." not in cleaned.clean_text and "Introduction" in cleaned.clean_text


def test_entries_without_leaders_under_a_heading():
    assert contents_entries("Sumário\nA. Antecedentes 4\nB. Participação 6\n") == [
        ContentsEntry("A. Antecedentes", "4"),
        ContentsEntry("B. Participação", "6"),
    ]


@pytest.mark.parametrize(
    "line, entry",
    [
        ("I. Introduction .......... 3", True),
        ("Annex . . . . . . . . . 12", True),
        ("President: Mr. Yang . . . . . . . . (Cameroon)", False),
        ("Name: ............................", False),
    ],
)
def test_a_contents_line_left_in_the_text_is_no_heading(line, entry):
    assert is_contents_entry(line) is entry
    if entry:
        assert classify(line, None, alone=True)[0] != "heading"


def test_a_numbered_heading_is_still_a_heading():
    assert not is_contents_entry("1. Introduction")
    assert classify("1. Introduction", None, alone=True)[0] == "heading"
