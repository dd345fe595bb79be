"""A long plain-text document goes through cleaning, structure and language whole and right.

A 40 MB text dump once held the ingest for hours (a structure step copied the rest of the
document for every word it looked at). Speed is measured by `bench/big_text.py`, never here
(no timed assertions): this test runs a ~4 MB document of the bench through the stages and
checks that every numbered heading, recurring sub-heading, list item and paragraph comes out
as written, so a faster stage cannot buy its speed with a different structure. Under the old
quadratic code it would not finish in any reasonable time."""

from __future__ import annotations

import re
from collections import Counter

import pytest

from bench.big_text import LANGUAGES, big_text
from tasks.domain.cleaning import clean_document
from tasks.domain.document import label_languages, structure_document
from tasks.domain.models import RawDocument

_NUMBERED = re.compile(r"(?:[IVX]+|\d)\. [^\n]+")
_LIST_LINE = re.compile(r"(?m)^(?:- |\([a-d]\) )")
_RECURRING = tuple(words["recurring"] for words in LANGUAGES.values())


def _expected(text: str) -> dict:
    """What the generator wrote, block by block: the two opening lines, numbered headings,
    lists (one item per line), sub-headings run into a paragraph, paragraphs."""
    blocks = text.strip("\n").split("\n\n")
    opening, body = blocks[:2], blocks[2:]
    numbered = [b for b in body if _NUMBERED.fullmatch(b)]
    lists = [b for b in body if _LIST_LINE.match(b)]
    recurring = [b for b in body if b.startswith(_RECURRING)]
    paragraphs = len(body) - len(numbered) - len(lists)  # a recurring one counts here: its text
    return {
        "opening": opening,
        "numbered": numbered,
        "recurring": len(recurring),
        "list_items": sum(b.count("\n") + 1 for b in lists),
        "text": paragraphs,
    }


@pytest.fixture(scope="module")
def big_document():
    text = big_text(4)
    raw = RawDocument("big", "big.txt", "txt", text, "utf-8")
    return text, label_languages(structure_document(clean_document(raw)))


def test_a_4_mb_text_keeps_every_heading_list_item_and_paragraph(big_document):
    text, doc = big_document
    expected = _expected(text)
    assert len(text) >= 4_000_000
    assert doc.cleaned.clean_text == text.rstrip("\n")  # nothing in it is noise
    kinds = Counter(p.kind for p in doc.paragraphs)
    headings = [p.text for p in doc.paragraphs if p.kind == "heading"]
    assert headings[:2] == expected["opening"]
    assert [h for h in headings if _NUMBERED.fullmatch(h)] == expected["numbered"]
    assert sum(h in _RECURRING for h in headings) == expected["recurring"]
    assert len(headings) == 2 + len(expected["numbered"]) + expected["recurring"]
    assert kinds["list_item"] == expected["list_items"]
    assert kinds["text"] == expected["text"]
    assert len(doc.sections) == len(headings)


def test_a_4_mb_text_is_labelled_in_its_four_languages(big_document):
    _, doc = big_document
    assert {lang for lang, share in doc.languages if share > 0.1} == set(LANGUAGES)
    # a section headed in one language's words (not `Introduction`, shared by en and fr) reads in it
    written = Counter(h for words in LANGUAGES.values() for h in words["headings"])
    language_of = {h: lang for lang, words in LANGUAGES.items() for h in words["headings"] if written[h] == 1}
    checked = wrong = 0
    for s in doc.sections:
        name = _NUMBERED.fullmatch(s.heading or "") and s.heading.split(" ", 1)[1]
        if name in language_of and s.n_words >= 50:
            checked += 1
            wrong += s.language != language_of[name]
    assert checked > 1000 and wrong == 0
