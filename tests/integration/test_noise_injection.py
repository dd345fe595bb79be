"""Noise injection: the cleaning issue's targets, and checks that the measurement itself is right.

Clean paragraphs (tests/noise/corpus.py) get every noise class injected at random places
(tests/noise/inject.py), the rules clean them, and tests/noise/measure.py counts the injected
noise strings removed and the real words kept. Targets: >= 95% of the noise removed, >= 99.5%
of the real words kept. `bench/noise_report.py` prints the same figures per class and form,
with examples of what was missed.

The harness tests (a perfect cleaner scores 100%/100%, a do-nothing cleaner removes nothing
and keeps exactly the words without noise inside, each class is credited only to itself,
damage is noticed) guard the measurement, so a target test cannot pass or fail for a wrong
reason.
"""

from __future__ import annotations

import re
from dataclasses import replace

import pytest

from tasks.domain.cleaning.engine import replay
from tasks.domain.models import Removal
from tests.noise import corpus
from tests.noise.inject import CLASSES, WORD_RE, build_documents
from tests.noise.measure import (
    NOISE_TARGET,
    WORDS_TARGET,
    identity_cleaner,
    measure,
    measure_documents,
    oracle_cleaner,
    oracle_for,
    rules_cleaner,
)

pytestmark = pytest.mark.property

SEED = 20240611
N_DOCS = 300  # about 10,000 noise strings and 165,000 real words
N_ATTRIBUTION = 60


@pytest.fixture(scope="module")
def docs():
    return build_documents(SEED, N_DOCS)


@pytest.fixture(scope="module")
def rules_report(docs):
    return measure_documents(docs, rules_cleaner, SEED)


# ----------------------------------------------------------------------------- the corpus


@pytest.mark.parametrize("lang", corpus.LANGUAGES)
def test_corpus_has_enough_paragraphs_of_the_right_length(lang):
    paragraphs = corpus.PARAGRAPHS[lang]
    assert len(paragraphs) >= 15
    assert len(set(paragraphs)) == len(paragraphs)
    for p in paragraphs:
        assert 40 <= corpus.word_count(p) <= 120, p[:60]
    assert corpus.HEADINGS[lang] and corpus.LIST_ITEMS[lang] and corpus.TITLES[lang]


def test_corpus_carries_the_features_that_must_survive_cleaning():
    text = "\n".join(p for lang in corpus.LANGUAGES for p in corpus.PARAGRAPHS[lang])
    for feature in (
        r"^1\. ",
        r"\b20\d\d\.$",
        r"\d%",
        r"paragraph 25\.",
        r"A/RES/71/280",
        r"E/CN\.9/2018/2",
        r"Estados-membros",
        r"peut-être",
        r"well-known",
        r"follow-up",
        r"sub-regional",
        r"œ",
        r"«",
        r"»",
        r"“",
        r"”",
        r"\bn\.º",
        r"\(IOM\)",
    ):
        assert re.search(feature, text, re.M), feature
    headings = {h for lang in corpus.LANGUAGES for h in corpus.HEADINGS[lang]}
    assert {"Recomendaciones", "Contexte"} <= headings
    assert re.search(r"\b(ét|é|à|á|ú)\w*", text)  # words a page break can cut before


# ----------------------------------------------------------------------------- the harness


def test_every_class_is_injected_often_enough(docs):
    counts = {cls: 0 for cls in CLASSES}
    for doc in docs:
        for item in doc.noise:
            counts[item.cls] += 1
    assert all(n >= 50 for n in counts.values()), counts
    assert {doc.language for doc in docs} == set(corpus.LANGUAGES)


def test_recorded_spans_are_exact(docs):
    for doc in docs:
        for item in doc.noise:
            assert doc.raw[item.start : item.end] == item.text
        assert [w.text for w in doc.words] == WORD_RE.findall("\n\n".join(doc.blocks))
        assert all(a.end <= b.start for a, b in zip(doc.words, doc.words[1:]))
        assert oracle_cleaner(doc)[0] == doc.oracle_text


def test_a_perfect_cleaner_scores_100_percent(docs):
    report = measure_documents(docs, oracle_cleaner)
    for cls, stats in report.classes.items():
        assert stats.removed == stats.injected > 0, cls
    assert report.n_kept == report.n_words > 100_000
    assert not report.missed and not report.lost


def test_a_cleaner_that_does_nothing_removes_nothing_and_keeps_only_words_without_noise(docs):
    report = measure_documents(docs, identity_cleaner)
    assert report.n_removed == 0 < report.n_noise
    intact = sum(doc.raw[w.start : w.end] == w.text for doc in docs for w in doc.words)
    assert report.n_kept == intact
    assert 0.9 < intact / report.n_words < 1  # in-word noise (ligatures, hyphenation...) exists


@pytest.mark.parametrize("cls", CLASSES)
def test_removing_one_class_is_credited_to_that_class_only(docs, cls):
    sample = docs[:N_ATTRIBUTION]
    report = measure_documents(sample, oracle_for({cls}))
    assert report.classes[cls].removed == report.classes[cls].injected > 0
    for other, stats in report.classes.items():
        if other == cls:
            continue
        # A page break taken out whole takes the page numbers, headers... inside it along.
        inside = sum(
            1
            for doc in sample
            for item in doc.noise
            if item.cls == other
            and cls == "page_break"
            and any(b.cls == cls and b.start <= item.start and item.end <= b.end for b in doc.noise)
        )
        assert stats.removed == inside, other


def _oracle_with(doc, change):
    removals = [
        change(Removal(e.kind, "oracle@1", doc.raw[e.start : e.end], e.replacement, e.start, e.end)) for e in doc.oracle
    ]
    return replay(doc.raw, removals), removals


def test_damage_and_half_done_removals_are_noticed(docs):
    sample = docs[:N_ATTRIBUTION]
    # Hyphenation "removed" by a space: the noise is gone but every word it cut is lost.
    report = measure_documents(
        sample, lambda d: _oracle_with(d, lambda r: replace(r, replacement=" ") if r.kind == "hyphenation" else r)
    )
    cut = {
        (d.doc_id, w.start)
        for d in sample
        for w in d.words
        for i in d.noise
        if i.cls == "hyphenation" and w.start < i.start < w.end
    }
    assert report.classes["hyphenation"].removed == report.classes["hyphenation"].injected
    assert report.n_words - report.n_kept == len(cut) > 0
    # A removal that puts the noise back is no removal; a page break kept as a paragraph break
    # is not joined (and costs no word).
    report = measure_documents(
        sample,
        lambda d: _oracle_with(
            d,
            lambda r: replace(r, replacement=r.text)
            if r.kind == "markdown_residue"
            else replace(r, replacement="\n\n")
            if r.kind == "page_break"
            else r,
        ),
    )
    assert report.classes["markdown_residue"].removed == 0
    assert report.classes["page_break"].removed == 0
    assert report.n_kept == report.n_words

    # A rule that eats a real word is caught, whatever noise is near it.
    def drop_first_word(doc):
        w = doc.words[len(doc.words) // 2]
        edits = [e for e in doc.oracle if e.end <= w.start or e.start >= w.end]
        removals = [
            Removal(e.kind, "oracle@1", doc.raw[e.start : e.end], e.replacement, e.start, e.end) for e in edits
        ] + [Removal("bug", "bug@1", doc.raw[w.start : w.end], "", w.start, w.end)]
        removals.sort(key=lambda r: r.raw_start)
        return replay(doc.raw, removals), removals

    report = measure_documents(sample, drop_first_word)
    assert report.n_words - report.n_kept == len(sample)
    assert report.lost_rules["bug@1"] == len(sample)


def test_measure_is_deterministic():
    a, b = measure(SEED, 20), measure(SEED, 20)
    assert a.table(forms=True) == b.table(forms=True)
    assert [str(e) for e in a.missed + a.lost] == [str(e) for e in b.missed + b.lost]
    c = measure_documents(build_documents(SEED, 20), rules_cleaner, SEED)
    assert c.table(forms=True) == a.table(forms=True)


# ----------------------------------------------------------------------------- the targets


def test_rules_remove_at_least_95_percent_of_injected_noise(rules_report):
    assert rules_report.noise_removed_share >= NOISE_TARGET, "\n" + rules_report.summary()


def test_rules_keep_at_least_99_5_percent_of_real_words(rules_report):
    assert rules_report.words_kept_share >= WORDS_TARGET, "\n" + rules_report.summary()
