"""Language labels are deterministic, and short units inherit instead of guessing."""
from __future__ import annotations

import pytest

from tasks.domain.language import detect, label_document
from tasks.domain.models import Paragraph, Section

pytestmark = pytest.mark.unit

SAMPLES = {
    "en": "The participants stressed the importance of regular pathways for migrants and their families.",
    "es": "Los participantes destacaron la importancia de vías regulares para los migrantes y sus familias.",
    "fr": "Les participants ont souligné l'importance de voies régulières pour les migrants et leurs familles.",
    "pt": "Os participantes destacaram a importância de vias regulares para os migrantes e as suas famílias.",
}


@pytest.mark.parametrize("lang", SAMPLES)
def test_sentences_in_the_four_languages(lang):
    assert detect(SAMPLES[lang]).language == lang


def test_all_caps_is_read_in_its_language_not_as_german():
    assert detect("RECOMMENDATIONS OF THE REGIONAL CONSULTATION ON THE GLOBAL COMPACT FOR MIGRATION").language == "en"


@pytest.mark.parametrize("text", ["Anexo II", "Recommendations", "2017", "https://example.org/x", ""])
def test_short_or_letterless_text_is_not_guessed(text):
    assert detect(text) is None


def test_detection_is_deterministic():
    text = "Migration governance and cooperation among States."
    assert len({detect(text * 2) for _ in range(5)}) == 1


def test_short_paragraph_inherits_its_section_with_null_confidence():
    text = "Anexo II\n\n" + SAMPLES["es"]
    sections = [Section(0, "Anexo II", 1, text, 0, len(text))]
    paragraphs = [Paragraph(0, 0, "heading", "Anexo II", 0, 8),
                  Paragraph(0, 1, "text", SAMPLES["es"], 10, len(text))]
    doc, shares, sections, paragraphs = label_document(text, sections, paragraphs)
    assert doc.language == "es" and sections[0].language == "es"
    assert (paragraphs[0].language, paragraphs[0].language_confidence) == ("es", None)
    assert paragraphs[1].language_confidence > 0.9
    assert shares == (("es", 1.0),)
