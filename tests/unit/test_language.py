"""Language labels are deterministic, short units inherit instead of guessing, and text in none of the
corpus languages is never labelled as one of them."""

from __future__ import annotations

import pytest
from langdetect.detector import Detector

from tasks.domain import language as language_module
from tasks.domain.language import (
    MAX_CHARS,
    NAMES_CONFIDENCE_CAP,
    UNDETERMINED,
    Detection,
    detect,
    label_document,
)
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
    paragraphs = [Paragraph(0, 0, "heading", "Anexo II", 0, 8), Paragraph(0, 1, "text", SAMPLES["es"], 10, len(text))]
    doc, shares, sections, paragraphs = label_document(text, sections, paragraphs)
    assert doc.language == "es" and sections[0].language == "es"
    assert (paragraphs[0].language, paragraphs[0].language_confidence) == ("es", None)
    assert paragraphs[1].language_confidence > 0.9
    assert shares == (("es", 1.0),)


# ----------------------------------------------------------------------------- other languages
# Issue 11: text in none of the four gets its ISO 639-1 code, or `und`, never en/es/fr/pt.

OTHER = {
    "de": "Die Bundesregierung will die Verfahren für Asylsuchende beschleunigen und mehr Sprachkurse für neu "
    "angekommene Familien anbieten.",
    "nl": "Het kabinet wil de procedures voor asielzoekers versnellen en meer taallessen aanbieden aan gezinnen die "
    "net in Nederland zijn aangekomen.",
    "ru": "Правительство намерено ускорить рассмотрение ходатайств об убежище и расширить языковые курсы для "
    "недавно прибывших семей.",
    "ar": "تعتزم الحكومة تسريع إجراءات اللجوء وتوسيع دورات تعليم اللغة للأسر التي وصلت حديثا إلى البلاد.",
    "it": "Il governo intende accelerare le procedure di asilo e offrire più corsi di lingua alle famiglie appena "
    "arrivate nel paese.",
    "el": "Η κυβέρνηση σκοπεύει να επιταχύνει τις διαδικασίες ασύλου και να προσφέρει περισσότερα μαθήματα "
    "γλώσσας στις οικογένειες.",
    "zh": "政府计划加快庇护程序，并为新抵达的家庭提供更多的语言课程和法律咨询服务，帮助他们尽快融入当地社会。",
}
# Georgian: a script langdetect has no profile for.
GEORGIAN = (
    "მთავრობა გეგმავს თავშესაფრის მაძიებელთა პროცედურების დაჩქარებას და ახლად ჩამოსული ოჯახებისთვის "
    "ენის კურსების გაფართოებას."
)
# Paragraphs of the four languages that name organisations in another language.
WITH_FOREIGN_NAMES = {
    "en": "Representatives of the Secretaría de Relaciones Exteriores and the Instituto Nacional de Migración "
    "explained how the humanitarian visas for people in transit are issued at the southern border.",
    "pt": "O governo brasileiro reforçou a cooperação com a Organización Internacional para las Migraciones e com o "
    "Alto Comisionado de las Naciones Unidas para los Refugiados na fronteira norte.",
    "es": "El informe fue elaborado con el apoyo del Migration Policy Institute y del Overseas Development "
    "Institute, que aportaron datos sobre los corredores migratorios de la región.",
    "fr": "La Deutsche Gesellschaft für Internationale Zusammenarbeit soutient le programme de formation "
    "professionnelle mis en place avec les autorités du Niger.",
}
SPANISH_ORGANISATIONS = (
    "Asociación Colombiana de Migrantes, Fundación Esperanza, Corporación Opción Legal, Servicio Jesuita a Refugiados"
)


def _document(*units: tuple[str, str]):
    """Clean text, sections and paragraphs as the structure stage gives them: ("heading", text)
    opens a section, ("text", text) is a paragraph of it."""
    text, sections, paragraphs, starts = "", [], [], []
    for kind, unit in units:
        text += ("\n\n" if text else "") + unit
        if kind == "heading" or not starts:
            starts.append(len(paragraphs))
        no = len(starts) - 1
        paragraphs.append(Paragraph(no, len(paragraphs) - starts[-1], kind, unit, len(text) - len(unit), len(text)))
    for no, first in enumerate(starts):
        mine = [p for p in paragraphs if p.section_no == no]
        heading = mine[0].text if mine[0].kind == "heading" else None
        sections.append(
            Section(no, heading, 1, text[mine[0].char_start : mine[-1].char_end], mine[0].char_start, mine[-1].char_end)
        )
    return text, sections, paragraphs


@pytest.mark.parametrize("lang", OTHER)
def test_a_paragraph_in_another_language_gets_its_own_code(lang):
    assert detect(OTHER[lang]).language == lang


def test_a_script_without_a_profile_is_undetermined_never_a_corpus_language():
    assert detect(GEORGIAN) == Detection(UNDETERMINED, None)


@pytest.mark.parametrize("lang", WITH_FOREIGN_NAMES)
def test_organisations_named_in_another_language_do_not_relabel_a_paragraph(lang):
    found = detect(WITH_FOREIGN_NAMES[lang])
    assert found.language == lang and found.confidence > 0.9


def test_a_list_of_names_is_not_evidence():
    found = detect(SPANISH_ORGANISATIONS)
    assert found.confidence <= NAMES_CONFIDENCE_CAP
    text, sections, paragraphs = _document(
        ("heading", "Report of the regional consultation"), ("text", SAMPLES["en"]), ("text", SPANISH_ORGANISATIONS)
    )
    doc, shares, sections, paragraphs = label_document(text, sections, paragraphs)
    assert (paragraphs[2].language, paragraphs[2].language_confidence) == ("en", None)
    assert doc.language == "en" and shares == (("en", 1.0),)


def test_addresses_and_markup_are_not_language():
    assert detect("12 See https://www.example.org/reports/2024/annual-report-migration-statistics.pdf") is None
    link = (
        '<a href="https://example.org/x" target="_blank" rel="noopener noreferrer">Para leer el documento '
        "completo sobre la jornada mundial, haga clic aquí</a>"
    )
    assert detect(link).language == "es"


def test_other_languages_are_deterministic_from_a_fresh_start():
    first = [detect(t) for t in OTHER.values()]
    language_module._factory.cache_clear()
    assert [detect(t) for t in OTHER.values()] == first


def test_a_german_page_is_german_in_its_document_sections_and_shares():
    text, sections, paragraphs = _document(
        ("heading", "Stellungnahme"),
        ("text", OTHER["de"]),
        ("heading", "Forderungen"),
        ("text", OTHER["de"].replace("Die", "Auch die")),
    )
    doc, shares, sections, paragraphs = label_document(text, sections, paragraphs, hint="de")
    assert doc.language == "de" and doc.confidence == 1.0
    assert [s.language for s in sections] == ["de", "de"] and shares == (("de", 1.0),)
    assert {p.language for p in paragraphs} == {"de"}


def test_a_russian_statement_in_an_english_compendium():
    text, sections, paragraphs = _document(
        ("heading", "Statements"),
        ("text", SAMPLES["en"]),
        ("text", SAMPLES["en"].replace("The", "All")),
        ("heading", "Russian Federation"),
        ("text", OTHER["ru"]),
    )
    doc, shares, sections, paragraphs = label_document(text, sections, paragraphs)
    assert doc.language == "en" and [s.language for s in sections] == ["en", "ru"]
    assert [p.language for p in paragraphs] == ["en", "en", "en", "ru", "ru"]  # the delegation's name inherits
    assert dict(shares)["ru"] > 0.3


def test_the_declared_language_names_what_the_text_cannot_and_never_overrides_it():
    """`<html lang="ka">` names a Georgian page; a PDF catalog's `en` (UN documents in Spanish
    declare it) neither overrides Spanish text nor turns an undetermined one English."""
    text, sections, paragraphs = _document(("text", GEORGIAN))
    assert label_document(text, sections, paragraphs, hint="ka")[0].language == "ka"
    assert label_document(text, sections, paragraphs, hint="en")[0].language == UNDETERMINED
    text, sections, paragraphs = _document(("text", SAMPLES["es"]))
    assert label_document(text, sections, paragraphs, hint="en")[0].language == "es"
    text, sections, paragraphs = _document(("heading", "Kontakt"), ("text", "Berlin, 3. Mai 2024"))
    assert label_document(text, sections, paragraphs, hint="de")[0] == Detection("de", None)


def test_a_contents_page_between_two_languages_takes_the_documents_label():
    text, sections, paragraphs = _document(
        ("heading", "Introduction"),
        ("text", SAMPLES["en"]),
        ("text", SAMPLES["en"].replace("The", "All")),
        ("heading", "Contents"),
        ("text", "I. Member States"),
        ("heading", "Argentina"),
        ("text", SAMPLES["es"]),
    )
    _, _, sections, _ = label_document(text, sections, paragraphs)
    assert [s.language for s in sections] == ["en", "en", "es"]


# ----------------------------------------------------------------------------- linear in the length
# Issue 13: the stage's cost is langdetect's, so what it is handed must grow with the document as
# the document grows (x4 for a text four times as long), and a single long unit is sampled, not
# read whole. Counted, not timed.


@pytest.fixture
def handed(monkeypatch):
    """The length of every text handed to langdetect (its `Detector.append`)."""
    lengths: list[int] = []
    append = Detector.append

    def counting(self, text):
        lengths.append(len(text))
        return append(self, text)

    monkeypatch.setattr(Detector, "append", counting)
    return lengths


def _one_section(n: int):
    """One section of `n` paragraphs in the four languages, of different lengths, some with a list
    of names (a second opinion), as a long text dump without headings gives them."""
    variants = [*SAMPLES.values(), *WITH_FOREIGN_NAMES.values(), SPANISH_ORGANISATIONS]
    units = [("text", f"{variants[i % len(variants)]} ({i % 7})") for i in range(n)]
    return _document(*units)


def test_what_langdetect_reads_grows_as_the_document_does(handed):
    label_document(*_one_section(45))
    calls, chars = len(handed), sum(handed)
    handed.clear()
    label_document(*_one_section(180))
    assert len(handed) == 4 * calls and sum(handed) == 4 * chars  # a quadratic stage would read x16


def test_a_long_paragraph_or_a_long_silent_text_is_sampled_not_read_whole(handed):
    prose = " ".join(SAMPLES.values())
    for size in (20_000, 80_000):
        label_document(*_document(("text", (prose + " ") * (size // len(prose)))))
        assert 0 < sum(handed) <= 2 * MAX_CHARS  # the first pass and at most a second opinion
        handed.clear()
        label_document(*_document(*[("heading", f"Anexo {i}") for i in range(size // 10)]))  # nothing to vote
        assert sum(handed) <= 2 * MAX_CHARS
        handed.clear()
