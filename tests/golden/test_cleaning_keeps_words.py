"""No cleaning rule removes real words beyond its allowance (tasks/domain/cleaning/guard.py).

Over our own texts (seeds/ and the noise-injection corpus) and over the real-document set
(../shared/realdocs/files, skipped when absent): a strict rule (page numbers, OCR soup, markup,
joins) removes no dictionary-like word; a furniture rule only words that its removals repeat,
labels, or phrases the clean text keeps; boilerplate and tables are reported, not gated. A rule
that deletes real words on the real-document set is a failing test, one test per rule.
"""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest

from tasks.domain.cleaning import clean_document
from tasks.domain.cleaning.engine import Edit, Rule, clean
from tasks.domain.cleaning.guard import FURNITURE, STRICT, RemovedWords, removed_words, removed_words_of, rule_class
from tasks.domain.cleaning.registry import RULES, CleaningConfig
from tasks.domain.discover import source_format
from tasks.domain.models import CleanedDocument, RawDocument, SourceFile
from tasks.readers import read_document
from tests.conftest import ROOT, SEEDS
from tests.noise.inject import build_documents

pytestmark = pytest.mark.golden

REALDOCS = ROOT.parent / "shared" / "realdocs" / "files"
NOISE_SEED, NOISE_DOCS = 20240611, 100
# The readers' furniture kinds that are gated (boilerplate and tables are reported only).
READER_KEYS = tuple(
    f"{fmt}_reader:{kind}"
    for fmt in ("pdf", "docx", "html")
    for kind in ("running_header", "running_footer", "footer")
    if rule_class(f"{fmt}_reader:{kind}") in (STRICT, FURNITURE)
)
# Rules that delete real words on the real-document set today: a strict xfail each, naming what
# they delete, so the test fails loudly once the rule is repaired (remove the entry then).
REALDOCS_OFFENDERS: dict[str, str] = {
    "drop_contents_lists": "takes a contents entry whose wording the body does not repeat "
    "(stmt_A_AC.292_2025_INF_5_multi.pdf: `Nicaragua (Joint Statement of the Group of "
    "Like-Minded States: the Republic of Belarus, the Bolivarian Republic of Venezuela, ...`)",
}


def clean_folder(folder: Path, config: CleaningConfig = CleaningConfig()) -> list[tuple[str, CleanedDocument]]:
    docs = []
    for path in sorted(p for p in folder.rglob("*") if p.is_file() and source_format(p.name)):
        data = path.read_bytes()
        f = SourceFile(path.name, len(data), 0, hashlib.sha256(data).hexdigest())
        docs.append((path.name, clean_document(read_document(f, data), config)))
    return docs


def offences(found: list[tuple[str, RemovedWords]], rule: str | None = None) -> list[str]:
    """One line per document where a rule (or the given one) is over its allowance, with its
    worst removals."""
    lines = []
    for name, words in found:
        for r in words.over_allowance():
            if rule is None or r.rule == rule:
                worst = "; ".join(f"{' '.join(e.words[:10])!r} in {e.text[:80]!r}" for e in r.examples[:3] if e.words)
                lines.append(
                    f"{r.rule} on {name}: {r.excess(words.n_words)} words over its allowance "
                    f"(tolerance {words.tolerance()}): {worst}"
                )
    return lines


def test_no_rule_removes_real_words_from_the_seeds():
    found = [(name, removed_words(doc)) for name, doc in clean_folder(SEEDS)]
    assert found and sum(w.n_words for _, w in found) > 5000
    assert offences(found) == []


def test_no_rule_removes_real_words_from_the_noise_corpus():
    found = []
    for doc in build_documents(NOISE_SEED, NOISE_DOCS):
        cleaned = clean_document(RawDocument(doc.doc_id, f"noise/{doc.doc_id}.txt", "txt", doc.raw, "utf-8"))
        found.append((doc.doc_id, removed_words(cleaned)))
    assert sum(w.n_removed for _, w in found) > 100  # furniture and similar documents were removed
    assert offences(found) == []


def test_an_over_eager_rule_fails_the_seed_check():
    """The check can fail: a rule that takes every short line for furniture (a heading, the
    last line of a paragraph) is caught by its words."""

    def drop_short_lines(text: str):
        pos = 0
        for line in text.splitlines(keepends=True):
            if 0 < len(line.strip()) < 50 and not line.lstrip().startswith("#"):
                yield Edit(pos, pos + len(line), "short_line")
            pos += len(line)

    rules = (*RULES, Rule("drop_short_lines", 1, drop_short_lines))
    found = []
    for name, doc in clean_folder(SEEDS):
        text, removals = clean(doc.raw.raw_text, rules)
        found.append((name, removed_words_of(doc.raw.raw_text, text, removals)))
    assert offences(found) and all(line.startswith("drop_short_lines on ") for line in offences(found))


@pytest.fixture(scope="module")
def realdocs() -> list[tuple[str, RemovedWords]]:
    if not REALDOCS.is_dir():
        pytest.skip(f"the real-document set is not here ({REALDOCS})")
    return [(name, removed_words(doc)) for name, doc in clean_folder(REALDOCS)]


def _realdocs_params():
    for key in [r.name for r in RULES] + list(READER_KEYS):
        reason = REALDOCS_OFFENDERS.get(key)
        yield pytest.param(key, id=key, marks=[pytest.mark.xfail(strict=True, reason=reason)] if reason else [])


@pytest.mark.parametrize("rule", _realdocs_params())
def test_rule_removes_no_real_words_from_the_real_documents(realdocs, rule):
    assert offences(realdocs, rule) == []


def test_no_other_removal_removes_real_words_from_the_real_documents(realdocs):
    """Removals of a rule or reader kind the per-rule tests do not name (a new reader kind
    is strict until the guard gives it a class)."""
    named = {r.name for r in RULES} | set(READER_KEYS)
    assert [line for line in offences(realdocs) if line.split(" on ")[0] not in named] == []
