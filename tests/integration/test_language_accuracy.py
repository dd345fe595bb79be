"""Language labels: the language issue's targets, measured on a labelled set written for it.

tests/language/labelled.py holds paragraphs, headings, 80 documents and 10 mixed-language
documents in English, Spanish, French and Portuguese (with accent-stripped text and text
dense with names and acronyms); tests/language/measure.py runs the project's `detect` and
`label_document` on them. Targets (the issue): documents >= 99%, paragraphs of 100+
characters >= 97%, and no short heading (1-6 words) labelled in a wrong language with a
confidence above 0.9. `bench/language_report.py` prints the same figures, the accuracy-vs-
length curve behind MIN_LETTERS, and the speed. Issue 11: text in other languages (German,
Dutch, Italian, Russian, Arabic...) never comes out as one of the four, and names given in
another language do not relabel a paragraph of the four.

The harness tests (a perfect labeller scores 100%, a labeller that always says English is
caught, offsets are exact) guard the measurement, so a target test cannot pass or fail for
a wrong reason.
"""

from __future__ import annotations

import pytest

from tasks.domain import language as language_module
from tasks.domain.language import MIN_LETTERS, Detection, detect
from tests.language import labelled
from tests.language.measure import (
    DOCUMENT_TARGET,
    PARAGRAPH_TARGET,
    SHARE_TOLERANCE,
    build,
    letters,
    majority,
    measure_documents,
    measure_headings,
    measure_paragraphs,
    raw_detect,
    second_opinion_rate,
    thresholds,
)

pytestmark = pytest.mark.property


@pytest.fixture(scope="module")
def documents_report():
    return measure_documents(labelled.documents())


@pytest.fixture(scope="module")
def mixed_report():
    return measure_documents(labelled.MIXED_DOCUMENTS)


@pytest.fixture(scope="module")
def headings_report():
    return measure_headings(labelled.headings())


@pytest.fixture(scope="module")
def paragraphs_report():
    return measure_paragraphs(labelled.paragraphs())


# ----------------------------------------------------------------------------- the labelled set


@pytest.mark.parametrize("lang", labelled.LANGUAGES)
def test_the_set_has_what_the_issue_asks_for(lang):
    written = labelled.written_paragraphs(lang)
    assert len(written) >= 40 and len(set(written)) == len(written)
    assert all(100 <= len(p) <= 600 for p in written)
    assert len(labelled.NAMES[lang]) >= 8
    if lang != "en":
        assert len(labelled.UNACCENTED[lang]) >= 6
        assert all(labelled.strip_accents(t) == t for t in labelled.UNACCENTED[lang])
        assert sum(s.kind == "stripped" for s in labelled.paragraphs(lang)) >= 30
    heads = labelled.HEADINGS[lang]
    assert len(heads) >= 30 and len(set(heads)) == len(heads)
    assert all(1 <= len(h.split()) <= 6 for h in heads)
    docs = labelled.documents(lang)
    assert len(docs) >= 20
    for doc in docs:
        assert 4 <= labelled.body_paragraphs(doc) <= 12, doc.name
        assert sum(u.kind == "heading" for u in doc.units) >= 3, doc.name


def test_mixed_documents_mix_languages_and_declare_their_majority():
    assert len(labelled.MIXED_DOCUMENTS) >= 10
    for doc in labelled.MIXED_DOCUMENTS:
        assert len({u.gold[0] for u in doc.units}) >= 2, doc.name
        assert doc.language == majority((u.gold, len(u.text)) for u in doc.units), doc.name
    assert any(len(u.gold) > 1 for doc in labelled.MIXED_DOCUMENTS for u in doc.units)  # bilingual titles


# ----------------------------------------------------------------------------- the harness


def test_built_documents_have_exact_offsets_and_sections():
    for doc in [*labelled.documents(), *labelled.MIXED_DOCUMENTS]:
        built = build(doc)
        assert [p.text for p in built.paragraphs] == [u.text for u in doc.units]
        for p in built.paragraphs:
            assert built.clean_text[p.char_start : p.char_end] == p.text
        for s in built.sections:
            assert built.clean_text[s.char_start : s.char_end] == s.text
            first = next(p for p in built.paragraphs if p.section_no == s.section_no)
            assert s.heading is None or (s.heading == first.text and first.kind == "heading")
        assert [s.section_no for s in built.sections] == list(range(len(built.sections)))


def _oracle(docs):
    """A labeller that knows the gold labels: every figure must be 100%."""
    from dataclasses import replace

    gold = {build(d).clean_text: build(d) for d in docs}

    def label(clean_text, sections, paragraphs):
        b = gold[clean_text]
        labels = [g[0] for g in b.gold]
        doc = majority((g, len(p.text)) for g, p in zip(b.gold, b.paragraphs))
        out_s = [
            replace(
                s,
                language=majority(
                    (g, len(p.text)) for g, p in zip(b.gold, b.paragraphs) if p.section_no == s.section_no
                ),
                language_confidence=1.0,
            )
            for s in sections
        ]
        out_p = [replace(p, language=lang, language_confidence=1.0) for p, lang in zip(paragraphs, labels)]
        return Detection(doc, 1.0), language_module.shares(out_p), out_s, out_p

    return label


def _always_english(clean_text, sections, paragraphs):
    from dataclasses import replace

    return (
        Detection("en", 1.0),
        (("en", 1.0),),
        [replace(s, language="en", language_confidence=1.0) for s in sections],
        [replace(p, language="en", language_confidence=1.0) for p in paragraphs],
    )


def test_a_perfect_labeller_scores_100_percent():
    docs = [*labelled.documents(), *labelled.MIXED_DOCUMENTS]
    report = measure_documents(docs, _oracle(docs))
    assert report.documents.correct == report.documents.n == len(docs)
    assert report.sections.accuracy == report.units.accuracy == report.shares.accuracy == 1.0
    assert not report.confident_wrong and report.worst_share_error < 1e-4  # shares are rounded to 4 digits
    assert measure_paragraphs(labelled.paragraphs(), lambda t: Detection("xx", 1.0)).all.correct == 0


def test_a_labeller_that_always_says_english_is_caught():
    docs = [*labelled.documents(), *labelled.MIXED_DOCUMENTS]
    report = measure_documents(docs, _always_english)
    english = [d for d in docs if d.language == "en"]
    assert report.documents.correct == len(english)
    short_foreign = sum(
        1 for d in docs for u in d.units if u.kind == "heading" and "en" not in u.gold and len(u.text.split()) <= 6
    )
    assert len(report.heading_confident_wrong) == short_foreign > 100
    assert report.shares.correct < len(docs) / 2
    heads = measure_headings(labelled.headings(), lambda t: Detection("en", 1.0), _always_english)
    assert (
        len(heads.confident_wrong)
        == len(heads.alone_confident_wrong)
        == sum("en" not in s.gold for s in labelled.headings())
    )


def test_thresholds_are_restored_and_raw_detect_has_none():
    before = (language_module.MIN_LETTERS, language_module.MAX_CHARS)
    with thresholds(min_letters=5, max_chars=50):
        assert detect("Contexto general") is not None
    assert (language_module.MIN_LETTERS, language_module.MAX_CHARS) == before
    assert detect("Contexto general") is None and raw_detect("Contexto general") is not None
    assert raw_detect("2017 — 12/3") is None


def test_the_measure_is_deterministic():
    sample = labelled.paragraphs()[::7]
    a, b = measure_paragraphs(sample), measure_paragraphs(sample)
    assert a.summary() == b.summary() and a.confidences == b.confidences


# ----------------------------------------------------------------------------- the targets


def test_documents_are_labelled_right_at_least_99_percent(documents_report, mixed_report):
    n = documents_report.documents.n + mixed_report.documents.n
    correct = documents_report.documents.correct + mixed_report.documents.correct
    assert n == 90
    assert correct / n >= DOCUMENT_TARGET, "\n" + documents_report.summary() + "\n" + mixed_report.summary()


def test_paragraphs_of_100_characters_are_right_at_least_97_percent(paragraphs_report, documents_report, mixed_report):
    assert paragraphs_report.all.n >= 300
    assert paragraphs_report.all.accuracy >= PARAGRAPH_TARGET, "\n" + paragraphs_report.summary()
    for lang, score in paragraphs_report.by_language.items():
        assert score.accuracy >= PARAGRAPH_TARGET, (lang, str(score))
    # the same paragraphs inside documents, through label_document
    for report in (documents_report, mixed_report):
        assert report.text_100.accuracy >= PARAGRAPH_TARGET, "\n" + report.summary()


def test_headings_under_min_letters_are_never_guessed(headings_report, documents_report):
    short = [s for s in labelled.headings() if letters(s.text) < MIN_LETTERS]
    assert len(short) >= 300
    assert all(detect(s.text) is None for s in short)
    assert headings_report.alone_und >= len(short)  # alone: 'und' with a null confidence
    built = [build(d) for d in labelled.documents()[:20]]
    for b, doc in zip(built, labelled.documents()[:20]):
        _, _, _, paragraphs = language_module.label_document(b.clean_text, b.sections, b.paragraphs)
        for p in paragraphs:
            if letters(p.text) < MIN_LETTERS:
                assert p.language_confidence is None, (doc.name, p.text)


def test_no_short_heading_is_labelled_with_confidence_above_0_9_in_a_wrong_language(
    documents_report, mixed_report, headings_report
):
    assert documents_report.n_short_headings + mixed_report.n_short_headings >= 250
    wrong = [
        *documents_report.heading_confident_wrong,
        *mixed_report.heading_confident_wrong,
        *headings_report.alone_confident_wrong,
    ]
    assert not wrong, "\n".join(map(str, wrong))


def test_mixed_documents_get_the_right_label_per_section_and_the_right_shares(mixed_report):
    assert mixed_report.sections.accuracy == 1.0, "\n" + mixed_report.summary(20)
    assert mixed_report.text_100.accuracy == 1.0, "\n" + mixed_report.summary(20)
    assert mixed_report.worst_share_error <= SHARE_TOLERANCE, "\n" + mixed_report.summary(20)
    assert not mixed_report.confident_wrong
    # the only paragraph allowed wrong: a 39-letter Spanish quote in an English section
    # inherits English, as the policy says (too short to be judged)
    assert all(letters(m.text) < MIN_LETTERS for m in mixed_report.units.misses), "\n".join(
        map(str, mixed_report.units.misses)
    )


def test_every_document_has_its_shares_within_5_points(documents_report, mixed_report):
    for report in (documents_report, mixed_report):
        assert report.worst_share_error <= SHARE_TOLERANCE, "\n" + report.summary()
        assert not report.confident_wrong, "\n".join(map(str, report.confident_wrong))


def test_no_paragraph_of_100_characters_is_confidently_wrong(paragraphs_report):
    assert not paragraphs_report.confident_wrong, "\n".join(map(str, paragraphs_report.confident_wrong))


# ----------------------------------------------------------------------------- other languages
# The issue's item: text in none of the four is labelled honestly (its ISO 639-1 code, or
# `und`), never en/es/fr/pt; names given in another language do not relabel a paragraph.


def test_the_other_language_set_has_what_the_issue_asks_for():
    for lang in labelled.OTHER_LANGUAGES:
        assert len(labelled.OTHER_PROSE[lang]) >= 5 and len(labelled.OTHER_LINES[lang]) >= 2
        assert all(100 <= len(t) <= 600 for t in labelled.OTHER_PROSE[lang])
        assert all(MIN_LETTERS <= letters(t) < language_module.RELIABLE_LETTERS for t in labelled.OTHER_LINES[lang])
    assert len(labelled.OTHER_PROSE) >= 10
    assert {u.gold[0] for d in labelled.OTHER_DOCUMENTS for u in d.units} >= {
        *labelled.OTHER_LANGUAGES,
        *labelled.LANGUAGES,
    }


def test_paragraphs_in_other_languages_get_their_own_code():
    report = measure_paragraphs(labelled.other_paragraphs())
    assert report.all.n == sum(map(len, labelled.OTHER_PROSE.values()))
    assert report.all.accuracy == 1.0, "\n" + report.summary()
    exact = [s for s in labelled.other_paragraphs() if detect(s.text).language == s.language]
    assert len(exact) >= 0.9 * report.all.n  # the code itself, not only `und`


def test_lines_in_other_languages_are_never_one_of_the_four():
    for s in labelled.other_lines():
        found = detect(s.text)
        assert found is not None and found.language not in labelled.LANGUAGES, (s.text, found)


def test_documents_in_other_languages_and_with_names_are_labelled_right():
    report = measure_documents(labelled.OTHER_DOCUMENTS)
    assert report.documents.accuracy == report.sections.accuracy == report.units.accuracy == 1.0, "\n" + report.summary(
        20
    )
    assert not report.confident_wrong and report.worst_share_error <= SHARE_TOLERANCE


def test_a_paragraph_full_of_names_in_another_language_keeps_its_own_label():
    for lang, text in labelled.NAMES_IN_PROSE:
        found = detect(text)
        assert found.language == lang or found.confidence <= language_module.NAMES_CONFIDENCE_CAP, (text, found)
    assert sum(detect(text).language == lang for lang, text in labelled.NAMES_IN_PROSE) >= 5


def test_a_list_of_names_is_never_confident():
    for text in labelled.NAMES_LISTS.values():
        assert detect(text).confidence <= language_module.NAMES_CONFIDENCE_CAP, text


def test_the_second_opinion_is_asked_for_rarely_on_the_four_languages():
    """The costly path (langdetect's other profiles) is for text that may be none of the four:
    almost never for prose of the four, always for text in another language."""
    assert second_opinion_rate([s.text for s in labelled.paragraphs()]) <= 0.05
    assert second_opinion_rate([s.text for s in labelled.other_paragraphs()]) == 1.0
