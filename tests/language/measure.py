"""Measure the language labels of tasks/domain/language.py on the labelled set (labelled.py).

(a) documents: `build` turns a labelled document into the clean text, sections and
    paragraphs the structure stage would give (units joined by blank lines, a heading opens a
    section, offsets computed while concatenating); `measure_documents` runs `label_document`
    and scores the document label, every section and every paragraph (detected ones and
    short ones that inherit), the shares (documents.languages) and any unit labelled in a
    wrong language with a confidence above 0.9.
(b) `measure_paragraphs`: `detect` on paragraphs of 100+ characters.
(c) `measure_headings`: short headings through the raw `detect` (None below MIN_LETTERS),
    through langdetect without the threshold (what the threshold protects from), and through
    `label_document` alone (nothing to inherit from: 'und'). Headings inside documents are
    scored by (a).
(d) `length_curve`: accuracy and confident errors of langdetect (corpus profiles, seed 0, no
    threshold) on word-boundary prefixes of the paragraphs, by letter count.
(e) mixed documents go through (a) too: per-paragraph accuracy and shares within 5 points.
(f) `speed`: detections per second on 100+ character paragraphs; `cost_by_length` and
    `max_chars_sweep` for MAX_CHARS, `threshold_sweep` for MIN_LETTERS.
(g) `second_opinion_rate`: how often `detect` needs langdetect's other profiles (the costly
    path for text that may be none of the four). Text in other languages (labelled.py's
    OTHER_PROSE, OTHER_LINES, OTHER_DOCUMENTS) goes through (a) and (b) with its own gold.

Thresholds are varied by setting the module globals MIN_LETTERS / MAX_CHARS of
tasks.domain.language for the duration of a `with thresholds(...)` block (`detect` reads
them at each call), so the code measured is always the project's own.
"""

from __future__ import annotations

import contextlib
import re
import time
from collections import defaultdict
from dataclasses import dataclass, field
from typing import Callable, Iterable, Iterator, Sequence

from tasks.domain import language as language_module
from tasks.domain.language import UNDETERMINED, Detection, detect, label_document
from tasks.domain.models import Paragraph, Section
from tests.language import labelled
from tests.language.labelled import LabelledDocument, Sample

DOCUMENT_TARGET = 0.99
PARAGRAPH_TARGET = 0.97
PARAGRAPH_MIN_CHARS = 100
CONFIDENT = 0.9
SHARE_TOLERANCE = 0.05
LETTER_BUCKETS = ((10, 20), (20, 40), (40, 60), (60, 100), (100, 200), (200, None))
FINE_BUCKETS = (
    (5, 10),
    (10, 15),
    (15, 20),
    (20, 25),
    (25, 30),
    (30, 35),
    (35, 40),
    (40, 45),
    (45, 50),
    (50, 60),
    (60, 80),
    (80, 100),
    (100, 150),
    (150, 200),
    (200, None),
)
PREFIX_TARGETS = (
    6,
    8,
    10,
    12,
    14,
    16,
    18,
    20,
    22,
    25,
    28,
    30,
    33,
    36,
    38,
    40,
    42,
    45,
    48,
    50,
    55,
    60,
    65,
    70,
    80,
    90,
    100,
    115,
    130,
    150,
    175,
    200,
    250,
    300,
    400,
)
_LETTER = re.compile(r"[^\W\d_]")
_WORD = re.compile(r"\S+")

Detector = Callable[[str], "Detection | None"]
Labeller = Callable[[str, list[Section], list[Paragraph]], tuple]


def letters(text: str) -> int:
    return len(_LETTER.findall(text))


@contextlib.contextmanager
def thresholds(min_letters: int | None = None, max_chars: int | None = None) -> Iterator[None]:
    """Run the project's detect/label_document with another MIN_LETTERS and/or MAX_CHARS."""
    saved = language_module.MIN_LETTERS, language_module.MAX_CHARS
    try:
        if min_letters is not None:
            language_module.MIN_LETTERS = min_letters
        if max_chars is not None:
            language_module.MAX_CHARS = max_chars
        yield
    finally:
        language_module.MIN_LETTERS, language_module.MAX_CHARS = saved


def raw_detect(text: str) -> Detection | None:
    """langdetect as `detect` runs it (corpus profiles, seed 0, capitals lowered), with no
    length threshold: None only for text without letters."""
    with thresholds(min_letters=1):
        return detect(text)


# ----------------------------------------------------------------------------- scores


@dataclass
class Miss:
    where: str
    gold: tuple[str, ...]
    got: str | None
    confidence: float | None
    text: str

    def __str__(self) -> str:
        conf = "null" if self.confidence is None else f"{self.confidence:.4f}"
        return f"[{self.where}] gold {'/'.join(self.gold)}, got {self.got} ({conf}): {self.text[:90]!r}"


@dataclass
class Score:
    n: int = 0
    correct: int = 0
    misses: list[Miss] = field(default_factory=list)

    @property
    def accuracy(self) -> float:
        return self.correct / self.n if self.n else 1.0

    def add(self, ok: bool, miss: Miss | None = None) -> None:
        self.n += 1
        self.correct += ok
        if not ok and miss is not None:
            self.misses.append(miss)

    def __str__(self) -> str:
        return f"{self.correct}/{self.n} = {pct(self.accuracy, 2)}"


def pct(x: float, digits: int = 1) -> str:
    return f"{100 * x:.{digits}f}%"


def _ok(detection: Detection | None, gold: tuple[str, ...]) -> bool:
    return detection is not None and detection.language in gold


def _confidently_wrong(language: str | None, confidence: float | None, gold: tuple[str, ...]) -> bool:
    return language is not None and language not in gold and confidence is not None and confidence > CONFIDENT


# ----------------------------------------------------------------------------- (a, e) documents


@dataclass(frozen=True)
class BuiltDocument:
    source: LabelledDocument
    clean_text: str
    sections: list[Section]
    paragraphs: list[Paragraph]
    gold: list[tuple[str, ...]]  # per paragraph
    kinds: list[str]  # per paragraph: the unit kind (heading, text, list_item, short)


def build(doc: LabelledDocument) -> BuiltDocument:
    """Sections and paragraphs as the structure stage makes them: units separated by a blank
    line, each heading a paragraph of kind 'heading' that opens a section (level 1 for the
    first, 2 after); units before the first heading form section 0 without a heading."""
    text, paragraphs, gold, kinds = "", [], [], []
    bounds: list[tuple[int, str | None, int]] = []  # first paragraph index, heading, level
    for i, unit in enumerate(doc.units):
        if text:
            text += "\n\n"
        start = len(text)
        text += unit.text
        if unit.kind == "heading":
            bounds.append((i, unit.text, 1 if not bounds else 2))
        elif not bounds:
            bounds.append((i, None, 0))
        kind = {"short": "text"}.get(unit.kind, unit.kind)
        paragraphs.append(Paragraph(len(bounds) - 1, i - bounds[-1][0], kind, unit.text, start, len(text)))
        gold.append(unit.gold)
        kinds.append(unit.kind)
    sections = []
    for no, (first, heading, level) in enumerate(bounds):
        last = bounds[no + 1][0] - 1 if no + 1 < len(bounds) else len(paragraphs) - 1
        start, end = paragraphs[first].char_start, paragraphs[last].char_end
        body = text[start:end]
        sections.append(Section(no, heading, level, body, start, end, n_words=len(body.split())))
    return BuiltDocument(doc, text, sections, paragraphs, gold, kinds)


def majority(items: Iterable[tuple[tuple[str, ...], int]]) -> str:
    """The language with most characters (first gold language of each unit)."""
    weight: dict[str, int] = defaultdict(int)
    for gold, n in items:
        weight[gold[0]] += n
    return max(weight, key=weight.get) if weight else UNDETERMINED


def gold_shares(built: BuiltDocument, labels: Sequence[str]) -> dict[str, float]:
    """Share of paragraph characters per gold language, like tasks.domain.language.shares. A
    unit that is both (a bilingual title) counts for the label it got when that is one of
    its languages."""
    weight: dict[str, int] = defaultdict(int)
    for p, gold, label in zip(built.paragraphs, built.gold, labels):
        weight[label if label in gold else gold[0]] += len(p.text)
    total = sum(weight.values()) or 1
    return {lang: n / total for lang, n in weight.items()}


def share_error(gold: dict[str, float], got: dict[str, float]) -> float:
    return max(abs(gold.get(k, 0.0) - got.get(k, 0.0)) for k in set(gold) | set(got))


@dataclass
class DocumentReport:
    documents: Score = field(default_factory=Score)
    by_language: dict[str, Score] = field(default_factory=lambda: defaultdict(Score))
    sections: Score = field(default_factory=Score)
    units: Score = field(default_factory=Score)  # every paragraph, detected or inherited
    detected: Score = field(default_factory=Score)  # paragraphs with a confidence
    inherited: Score = field(default_factory=Score)  # paragraphs with a null confidence
    text_100: Score = field(default_factory=Score)  # body paragraphs of 100+ characters
    by_kind: dict[str, Score] = field(default_factory=lambda: defaultdict(Score))
    confident_wrong: list[Miss] = field(default_factory=list)  # any unit, confidence > 0.9
    heading_confident_wrong: list[Miss] = field(default_factory=list)  # headings of 1-6 words
    n_short_headings: int = 0
    shares: Score = field(default_factory=Score)  # documents whose shares are within 5 points
    worst_share_error: float = 0.0
    n_und: int = 0

    def summary(self, examples: int = 5) -> str:
        rows = [
            f"documents {self.documents}   sections {self.sections}   paragraphs {self.units}",
            f"  detected {self.detected}   inherited {self.inherited}   text 100+ {self.text_100}",
            f"  shares within {pct(SHARE_TOLERANCE, 0)}: {self.shares} (worst error {pct(self.worst_share_error)})",
            f"  units wrong with confidence > {CONFIDENT}: {len(self.confident_wrong)}"
            f"   short headings among them: {len(self.heading_confident_wrong)}/{self.n_short_headings}",
        ]
        for m in (self.documents.misses + self.sections.misses + self.units.misses)[:examples]:
            rows.append(f"    {m}")
        return "\n".join(rows)


def measure_documents(docs: Iterable[LabelledDocument], labeller: Labeller = label_document) -> DocumentReport:
    report = DocumentReport()
    for doc in docs:
        built = build(doc)
        found, shares, sections, paragraphs = labeller(built.clean_text, list(built.sections), list(built.paragraphs))
        gold_doc = majority((g, len(p.text)) for g, p in zip(built.gold, built.paragraphs))
        ok = found.language == gold_doc
        miss = Miss(doc.name, (gold_doc,), found.language, found.confidence, doc.units[0].text)
        report.documents.add(ok, miss)
        report.by_language[doc.language].add(ok, miss)
        for s in sections:
            members = [(g, len(p.text)) for g, p in zip(built.gold, built.paragraphs) if p.section_no == s.section_no]
            gold_s = majority(members)
            report.sections.add(
                s.language == gold_s or all(s.language in g for g, _ in members),
                Miss(f"{doc.name} s{s.section_no}", (gold_s,), s.language, s.language_confidence, s.heading or s.text),
            )
        for p, gold, kind in zip(paragraphs, built.gold, built.kinds):
            ok = p.language in gold
            miss = Miss(f"{doc.name} s{p.section_no}p{p.para_no}", gold, p.language, p.language_confidence, p.text)
            report.units.add(ok, miss)
            report.by_kind[kind].add(ok, miss)
            (report.inherited if p.language_confidence is None else report.detected).add(ok, miss)
            if kind != "heading" and len(p.text) >= PARAGRAPH_MIN_CHARS:
                report.text_100.add(ok, miss)
            report.n_und += p.language == UNDETERMINED
            if _confidently_wrong(p.language, p.language_confidence, gold):
                report.confident_wrong.append(miss)
            if kind == "heading" and len(p.text.split()) <= 6:
                report.n_short_headings += 1
                if _confidently_wrong(p.language, p.language_confidence, gold):
                    report.heading_confident_wrong.append(miss)
        got = dict(shares)
        error = share_error(gold_shares(built, [p.language for p in paragraphs]), got)
        report.worst_share_error = max(report.worst_share_error, error)
        report.shares.add(
            error <= SHARE_TOLERANCE + 1e-9, Miss(doc.name, (gold_doc,), str(shares), None, f"share error {pct(error)}")
        )
    return report


def as_markdown(doc: LabelledDocument) -> str:
    """The document as a Markdown file: '# ' before the first heading, '## ' before the others."""
    parts, first = [], True
    for u in doc.units:
        if u.kind == "heading":
            parts.append(("# " if first else "## ") + u.text)
            first = False
        else:
            parts.append(u.text)
    return "\n\n".join(parts) + "\n"


@dataclass
class PipelineReport:
    documents: Score = field(default_factory=Score)
    paragraphs: Score = field(default_factory=Score)  # when the structure gives one paragraph per unit
    restructured: list[str] = field(default_factory=list)  # documents it split differently


def measure_pipeline(docs: Iterable[LabelledDocument], labeller: Labeller = label_document) -> PipelineReport:
    """The same documents through the real stages: clean_document, structure_document and
    label_languages (a check that `build` reproduces what the structure stage gives)."""
    from tasks.domain.cleaning import clean_document
    from tasks.domain.document import structure_document
    from tasks.domain.models import RawDocument

    report = PipelineReport()
    for doc in docs:
        raw = RawDocument(doc.name, f"language/{doc.name}.md", "md", as_markdown(doc), "utf-8")
        structured = structure_document(clean_document(raw))  # then label_languages does:
        found, _, _, paragraphs = labeller(
            structured.cleaned.clean_text, list(structured.sections), list(structured.paragraphs)
        )
        gold = majority((u.gold, len(u.text)) for u in doc.units)
        report.documents.add(
            found.language == gold, Miss(doc.name, (gold,), found.language, found.confidence, doc.units[0].text)
        )
        if [p.text for p in paragraphs] != [u.text for u in doc.units]:
            report.restructured.append(doc.name)
            continue
        for p, u in zip(paragraphs, doc.units):
            report.paragraphs.add(
                p.language in u.gold, Miss(doc.name, u.gold, p.language, p.language_confidence, p.text)
            )
    return report


# ----------------------------------------------------------------------------- (b) paragraphs


@dataclass
class ParagraphReport:
    all: Score = field(default_factory=Score)
    by_language: dict[str, Score] = field(default_factory=lambda: defaultdict(Score))
    by_kind: dict[str, Score] = field(default_factory=lambda: defaultdict(Score))
    confident_wrong: list[Miss] = field(default_factory=list)
    confidences: list[float] = field(default_factory=list)  # of the correct ones

    def summary(self, examples: int = 10) -> str:
        rows = [
            f"paragraphs {self.all}   wrong with confidence > {CONFIDENT}: {len(self.confident_wrong)}",
            "  " + "   ".join(f"{k} {v}" for k, v in sorted(self.by_language.items())),
            "  " + "   ".join(f"{k} {v}" for k, v in sorted(self.by_kind.items())),
        ]
        rows += [f"    {m}" for m in self.all.misses[:examples]]
        return "\n".join(rows)


def measure_paragraphs(
    samples: Iterable[Sample],
    detector: Detector = detect,
    min_chars: int = PARAGRAPH_MIN_CHARS,
    max_chars: int | None = None,
) -> ParagraphReport:
    """`detect` on every sample of min_chars..max_chars characters; None counts as wrong."""
    report = ParagraphReport()
    for s in samples:
        if len(s.text) < min_chars or (max_chars is not None and len(s.text) > max_chars):
            continue
        d = detector(s.text)
        ok = _ok(d, s.gold)
        miss = Miss(s.kind, s.gold, d and d.language, d and d.confidence, s.text)
        for score in (report.all, report.by_language[s.language], report.by_kind[s.kind]):
            score.add(ok, miss)
        if d is not None and _confidently_wrong(d.language, d.confidence, s.gold):
            report.confident_wrong.append(miss)
        if ok:
            report.confidences.append(d.confidence)
    return report


# ----------------------------------------------------------------------------- (c) headings


@dataclass
class HeadingReport:
    n: int = 0
    detected: int = 0  # detect gave a label (>= MIN_LETTERS letters)
    detected_wrong: list[Miss] = field(default_factory=list)
    confident_wrong: list[Miss] = field(default_factory=list)  # detect: wrong with confidence > 0.9
    raw_wrong: list[Miss] = field(default_factory=list)  # langdetect without the threshold
    raw_confident_wrong: list[Miss] = field(default_factory=list)
    alone_und: int = 0  # label_document on the heading alone: 'und' with a null confidence
    alone_confident_wrong: list[Miss] = field(default_factory=list)
    alone_wrong: list[Miss] = field(default_factory=list)  # a language other than 'und' and wrong

    def summary(self, examples: int = 8) -> str:
        rows = [
            f"short headings {self.n}: detect labels {self.detected}, wrong {len(self.detected_wrong)},"
            f" wrong with confidence > {CONFIDENT}: {len(self.confident_wrong)}",
            f"  without the threshold: wrong {len(self.raw_wrong)}/{self.n},"
            f" wrong with confidence > {CONFIDENT}: {len(self.raw_confident_wrong)}",
            f"  label_document on the heading alone: 'und' {self.alone_und}/{self.n},"
            f" wrong {len(self.alone_wrong)},"
            f" wrong with confidence > {CONFIDENT}: {len(self.alone_confident_wrong)}",
        ]
        rows += [f"    detect: {m}" for m in self.confident_wrong[:examples]]
        rows += [f"    alone: {m}" for m in self.alone_confident_wrong[:examples]]
        return "\n".join(rows)


def measure_headings(
    samples: Iterable[Sample], detector: Detector = detect, labeller: Labeller = label_document
) -> HeadingReport:
    report = HeadingReport()
    for s in samples:
        report.n += 1
        d = detector(s.text)
        if d is not None:
            report.detected += 1
            miss = Miss(s.kind, s.gold, d.language, d.confidence, s.text)
            if d.language not in s.gold:
                report.detected_wrong.append(miss)
            if _confidently_wrong(d.language, d.confidence, s.gold):
                report.confident_wrong.append(miss)
        r = raw_detect(s.text)
        if r is not None and r.language not in s.gold:
            miss = Miss(s.kind, s.gold, r.language, r.confidence, s.text)
            report.raw_wrong.append(miss)
            if r.confidence > CONFIDENT:
                report.raw_confident_wrong.append(miss)
        built = build(LabelledDocument("alone", s.language, (labelled.Unit(s.gold, "heading", s.text),)))
        _, _, _, (p,) = labeller(built.clean_text, list(built.sections), list(built.paragraphs))
        miss = Miss(s.kind, s.gold, p.language, p.language_confidence, s.text)
        if p.language == UNDETERMINED and p.language_confidence is None:
            report.alone_und += 1
        elif p.language not in s.gold:
            report.alone_wrong.append(miss)
        if _confidently_wrong(p.language, p.language_confidence, s.gold):
            report.alone_confident_wrong.append(miss)
    return report


# ----------------------------------------------------------------------------- (d) length curve


@dataclass
class Bucket:
    lo: int
    hi: int | None
    n: int = 0
    correct: int = 0
    confident_wrong: int = 0  # wrong with confidence > 0.9
    confident: int = 0  # any label with confidence > 0.9

    @property
    def label(self) -> str:
        return f"{self.lo}-{self.hi}" if self.hi is not None else f"{self.lo}+"

    @property
    def accuracy(self) -> float:
        return self.correct / self.n if self.n else float("nan")

    @property
    def confident_wrong_share(self) -> float:
        return self.confident_wrong / self.n if self.n else float("nan")

    @property
    def precision_when_confident(self) -> float:
        """Of the labels given with confidence > 0.9, the share that is right."""
        return 1 - self.confident_wrong / self.confident if self.confident else float("nan")


def prefixes(text: str, targets: Sequence[int] = PREFIX_TARGETS) -> list[str]:
    """For each target, the shortest word-boundary prefix with at least that many letters,
    and the whole text."""
    out, count, words = [], 0, list(_WORD.finditer(text))
    ends = []
    for w in words:
        count += letters(w.group())
        ends.append((count, w.end()))
    for target in targets:
        for n, end in ends:
            if n >= target:
                if not out or out[-1] != text[:end]:
                    out.append(text[:end])
                break
    if not out or out[-1] != text:
        out.append(text)
    return out


def _bucket_of(buckets: list[Bucket], n: int) -> Bucket | None:
    for b in buckets:
        if b.lo <= n and (b.hi is None or n < b.hi):
            return b
    return None


def length_curve(
    samples: Iterable[Sample],
    buckets: Sequence[tuple[int, int | None]] = LETTER_BUCKETS,
    detector: Detector = raw_detect,
    use_prefixes: bool = True,
) -> list[Bucket]:
    """Accuracy by letter count: prefixes of each sample (or the samples whole)."""
    out = [Bucket(lo, hi) for lo, hi in buckets]
    for s in samples:
        for text in prefixes(s.text) if use_prefixes else [s.text]:
            b = _bucket_of(out, letters(text))
            if b is None:
                continue
            d = detector(text)
            b.n += 1
            b.correct += _ok(d, s.gold)
            if d is not None and d.confidence is not None and d.confidence > CONFIDENT:
                b.confident += 1
                b.confident_wrong += d.language not in s.gold
    return out


def curve_table(curve: Sequence[Bucket]) -> str:
    rows = [f"{'letters':<10}{'n':>6}{'accuracy':>10}{'wrong>0.9':>11}{'right|>0.9':>12}"]
    for b in curve:
        rows.append(
            f"{b.label:<10}{b.n:>6}{pct(b.accuracy):>10}{pct(b.confident_wrong_share):>11}"
            f"{pct(b.precision_when_confident):>12}"
        )
    return "\n".join(rows)


# ----------------------------------------------------------------------------- (f) speed, thresholds


@dataclass
class Speed:
    detections: int
    seconds: float
    mean_chars: float

    @property
    def per_second(self) -> float:
        return self.detections / self.seconds

    @property
    def ms_each(self) -> float:
        return 1000 * self.seconds / self.detections


def speed(texts: Sequence[str], detector: Detector = detect, min_seconds: float = 2.0) -> Speed:
    """Detections per second over `texts`, repeated until min_seconds have passed."""
    n, chars, start = 0, 0, time.perf_counter()
    while True:
        for t in texts:
            detector(t)
        n += len(texts)
        chars += sum(map(len, texts))
        elapsed = time.perf_counter() - start
        if elapsed >= min_seconds:
            return Speed(n, elapsed, chars / n)


def long_texts(min_chars: int = 3000) -> list[Sample]:
    """Per language, runs of consecutive written paragraphs joined into texts of min_chars+
    (long units, whole documents), plus accent-stripped copies."""
    out = []
    for lang in labelled.LANGUAGES:
        pool = labelled.written_paragraphs(lang)
        text, i = "", 0
        for p in pool * 2:
            text = f"{text} {p}".strip()
            if len(text) >= min_chars:
                out.append(Sample((lang,), "long", text))
                if lang != "en":
                    out.append(Sample((lang,), "long_stripped", labelled.strip_accents(text)))
                text, i = "", i + 1
                if i == 8:
                    break
    return out


def cost_by_length(
    lengths: Sequence[int] = (100, 250, 500, 1000, 2000, 3000), min_seconds: float = 0.5
) -> list[tuple[int, float, float]]:
    """(characters, ms per detection, accuracy) of detect on texts cut at each length, with
    MAX_CHARS out of the way."""
    texts = long_texts()
    out = []
    with thresholds(max_chars=10**9):
        for n in lengths:
            cut = [Sample(s.gold, s.kind, s.text[:n]) for s in texts]
            acc = measure_paragraphs(cut, min_chars=0).all.accuracy
            out.append((n, speed([s.text for s in cut], min_seconds=min_seconds).ms_each, acc))
    return out


def max_chars_sweep(caps: Sequence[int] = (150, 250, 500, 1000, 2000), min_seconds: float = 0.5):
    """(MAX_CHARS, accuracy, ms per detection) of detect on 3,000-character texts."""
    texts = long_texts()
    out = []
    for cap in caps:
        with thresholds(max_chars=cap):
            acc = measure_paragraphs(texts, min_chars=0).all.accuracy
            out.append((cap, acc, speed([s.text for s in texts], min_seconds=min_seconds).ms_each))
    return out


@dataclass
class SweepRow:
    min_letters: int
    documents: Score
    units: Score
    inherited: int
    confident_wrong: int  # units of the documents (plain and mixed)
    heading_confident_wrong: int  # inside documents
    detect_heading_confident_wrong: int  # detect on the short headings alone
    detect_unit_confident_wrong: int  # detect on headings, list items and short lines alone


def threshold_sweep(values: Sequence[int] = (10, 20, 30, 35, 40, 45, 50, 60, 70)) -> list[SweepRow]:
    docs = [*labelled.documents(), *labelled.MIXED_DOCUMENTS]
    heads = labelled.headings()
    shorts = [
        *heads,
        *labelled.list_items(),
        *(Sample((lang,), "short", t) for lang in labelled.LANGUAGES for t in labelled.SHORT_LINES[lang]),
    ]
    rows = []
    for v in values:
        with thresholds(min_letters=v):
            r = measure_documents(docs)
            hw = sum(_confidently_wrong(*(_lc(detect(s.text))), s.gold) for s in heads)
            uw = sum(_confidently_wrong(*(_lc(detect(s.text))), s.gold) for s in shorts)
        rows.append(
            SweepRow(
                v, r.documents, r.units, r.inherited.n, len(r.confident_wrong), len(r.heading_confident_wrong), hw, uw
            )
        )
    return rows


def _lc(d: Detection | None) -> tuple[str | None, float | None]:
    return (d.language, d.confidence) if d is not None else (None, None)


# ----------------------------------------------------------------------------- (g) second opinions


def second_opinion_rate(texts: Sequence[str]) -> float:
    """Share of `texts` for which `detect` asked langdetect's other profiles (Latin or other
    script) besides the four: the costly path, meant for text that may be none of the four.
    Counted by wrapping the module's `_probabilities` for the duration of the call (it still
    runs; nothing is replaced)."""
    calls: list[tuple[str, ...]] = []
    real = language_module._probabilities

    def counting(sample: str, languages: tuple[str, ...]):
        calls.append(languages)
        return real(sample, languages)

    asked = 0
    language_module._probabilities = counting
    try:
        for text in texts:
            calls.clear()
            detect(text)
            asked += any(set(c) != set(language_module.CORPUS_LANGUAGES) for c in calls)
    finally:
        language_module._probabilities = real
    return asked / len(texts) if texts else 0.0
