"""Every hostile file of tests/builders/hostile.py, small: it is read through every stage or it
fails with a typed error and a one-line message, never a crash or a silent loss of its text."""

from __future__ import annotations

import pytest

from tasks.domain.cleaning import clean_document
from tasks.domain.document import label_languages, structure_document
from tasks.domain.models import SourceFile
from tasks.readers import read_document
from tests.builders.hostile import catalogue, document_bomb_docx, paragraphs

pytestmark = pytest.mark.unit

# What each file must come to: landed, or the error_type of its typed failure.
EXPECTED = {
    "zip_bomb_image.docx": "zip_bomb",
    "zip_bomb_text.docx": "zip_bomb",
    "huge_16mb.txt": "landed",
    "one_line_8mb.txt": "landed",
    "deep_20000.html": "landed",
    "truncated.pdf": "corrupt",
    "truncated.docx": "corrupt",
    "broken_xml.docx": "corrupt",
    "blank_2000_pages.pdf": "empty",
    "long_500_pages.pdf": "landed",
    "nul_bytes.txt": "landed",
    "invalid_utf8.txt": "landed",
    "whitespace.txt": "empty",
    "deep_tables.docx": "landed",
}
SMALL = {hostile.name: hostile for hostile in catalogue(scale=0.02)}


def through_the_stages(name: str, data: bytes):
    raw = read_document(SourceFile(name, len(data), 0, "hostile"), data)
    return label_languages(structure_document(clean_document(raw)))


def test_the_catalogue_names_every_file_once_and_each_has_an_expected_outcome():
    assert sorted(SMALL) == sorted(EXPECTED)


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_each_hostile_file_lands_or_fails_typed_in_one_line(name):
    data = SMALL[name].build()
    try:
        doc = through_the_stages(name, data)
    except Exception as error:  # the outcome under test: a typed failure
        error_type = getattr(error, "error_type", None)
        assert error_type == EXPECTED[name], f"{type(error).__name__}: {error}"
        assert "\n" not in str(error) and len(str(error)) < 400
        return
    assert EXPECTED[name] == "landed"
    assert doc.paragraphs and sum(len(p.text.split()) for p in doc.paragraphs) > 20


def test_a_bomb_in_the_document_text_is_refused_before_it_is_inflated():
    with pytest.raises(Exception) as refused:
        through_the_stages("bomb.docx", document_bomb_docx(300))
    assert getattr(refused.value, "error_type", None) == "zip_bomb"
    assert "300 MB" in str(refused.value)


def test_text_between_nul_bytes_keeps_its_words():
    doc = through_the_stages("nul.txt", SMALL["nul_bytes.txt"].build())
    kept = " ".join(p.text for p in doc.paragraphs)
    assert all(paragraph.split()[-1] in kept for paragraph in paragraphs(20))


def test_tables_nested_past_the_parsers_depth_are_a_typed_failure_that_does_not_say_damaged():
    from tests.builders.hostile import deep_tables_docx

    with pytest.raises(Exception) as refused:
        through_the_stages("deep.docx", deep_tables_docx(200))
    assert refused.value.error_type == "too_deep" and "damaged" not in str(refused.value)
