"""Language labels for documents, sections and paragraphs, with a policy for short units.

langdetect is run with only the corpus's language profiles (faster and more accurate than all
55) and a fixed seed (deterministic). A unit too short to be judged inherits its section's or
document's language with a null confidence, instead of a confident guess."""
from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass, replace
from functools import lru_cache
from importlib import resources

from langdetect.detector_factory import DetectorFactory
from langdetect.lang_detect_exception import LangDetectException

from tasks.domain.models import Paragraph, Section

CORPUS_LANGUAGES = ("en", "es", "fr", "pt")
UNDETERMINED = "und"
# Measured on the labelled set (tests/language): below 40 letters langdetect is wrong 4–11%
# of the time, often with confidence 1.0: the unit inherits. From 40 to 70 letters it is
# right 98.5–99% but its probability is not calibrated: the confidence is capped at 0.9 and
# such units do not vote. From 70 letters on it was right on every sample.
MIN_LETTERS = 40
RELIABLE_LETTERS = 70
UNRELIABLE_CONFIDENCE_CAP = 0.9
# Accuracy is the same from 150 to 2,000 characters; the cost grows with the sample.
MAX_CHARS = 500
_LETTER = re.compile(r"[^\W\d_]")


@dataclass(frozen=True)
class Detection:
    language: str
    confidence: float | None


INHERITED_UNDETERMINED = Detection(UNDETERMINED, None)


@lru_cache(maxsize=4)
def _factory(languages: tuple[str, ...]) -> DetectorFactory:
    profiles = resources.files("langdetect") / "profiles"
    factory = DetectorFactory()
    factory.load_json_profile([(profiles / lang).read_text(encoding="utf-8") for lang in languages])
    factory.seed = 0
    return factory


def detect(text: str, languages: tuple[str, ...] = CORPUS_LANGUAGES) -> Detection | None:
    """The language of `text`, or None when the text is too short or has no letters."""
    sample = text[:MAX_CHARS]
    letters = len(_LETTER.findall(sample))
    if letters < MIN_LETTERS:
        return None
    if sum(c.isupper() for c in sample) > letters / 2:  # ALL-CAPS reads as German or Welsh
        sample = sample.lower()
    detector = _factory(languages).create()
    detector.append(sample)
    try:
        best = detector.get_probabilities()[0]
    except (LangDetectException, IndexError):
        return None
    confidence = best.prob if letters >= RELIABLE_LETTERS else min(best.prob, UNRELIABLE_CONFIDENCE_CAP)
    return Detection(best.lang, round(confidence, 4))


def letter_count(text: str) -> int:
    return len(_LETTER.findall(text[:MAX_CHARS]))


def label_paragraphs(paragraphs: list[Paragraph], languages=CORPUS_LANGUAGES) -> list[Detection | None]:
    return [detect(p.text, languages) for p in paragraphs]


def label_document(clean_text: str, sections: list[Section], paragraphs: list[Paragraph],
                   languages: tuple[str, ...] = CORPUS_LANGUAGES, hint: str | None = None):
    """Returns the document detection, its language shares, and labelled sections/paragraphs.

    The document and each section take the character-weighted vote of their reliable
    paragraphs (70+ letters); a section without any votes with its shorter ones if they add
    up to 70 letters, else inherits the nearest labelled section after it (an annex's list of
    names belongs to the annex), else before it, else the document. A short paragraph inherits
    its section's label with a null confidence, and so does a short heading that disagrees with
    its section: a title's few words are not evidence against the text under it. The file's
    declared language (`hint`) is taken, with a null confidence, only when the text says nothing."""
    found = label_paragraphs(paragraphs, languages)
    size = [letter_count(p.text) for p in paragraphs]
    detected = [(p, d, n) for p, d, n in zip(paragraphs, found, size) if d is not None]
    doc = (_vote([(p, d) for p, d, n in detected if n >= RELIABLE_LETTERS])
           or _vote([(p, d) for p, d, _ in detected])
           or detect(clean_text, languages)
           or (Detection(hint, None) if hint in languages else INHERITED_UNDETERMINED))
    own = [_section_vote([(p, d, n) for p, d, n in detected if p.section_no == s.section_no]) for s in sections]
    labelled_sections = []
    for i, s in enumerate(sections):
        label = own[i] or _nearest(own, i) or _inherit(doc)
        labelled_sections.append(replace(s, language=label.language, language_confidence=label.confidence))
    section_label = {s.section_no: s for s in labelled_sections}
    labelled_paragraphs = []
    for p, d, n in zip(paragraphs, found, size):
        section = section_label[p.section_no]
        if d is None or (p.kind == "heading" and n < RELIABLE_LETTERS and d.language != section.language):
            d = Detection(section.language, None)
        labelled_paragraphs.append(replace(p, language=d.language, language_confidence=d.confidence))
    return doc, shares(labelled_paragraphs), labelled_sections, labelled_paragraphs


def _section_vote(mine: list[tuple[Paragraph, Detection, int]]) -> Detection | None:
    reliable = [(p, d) for p, d, n in mine if n >= RELIABLE_LETTERS]
    if reliable:
        return _vote(reliable)
    if sum(n for _, _, n in mine) >= RELIABLE_LETTERS:
        return _vote([(p, d) for p, d, _ in mine])
    return None


def _nearest(own: list[Detection | None], i: int) -> Detection | None:
    later = [x for x in own[i + 1:] if x is not None]
    earlier = [x for x in own[:i][::-1] if x is not None]
    near = (later or earlier or [None])[0]
    return Detection(near.language, None) if near else None


def _vote(detected: list[tuple[Paragraph, Detection]]) -> Detection | None:
    """The language with most characters; its confidence is the mean confidence of its
    paragraphs scaled by its share, so a 60/40 bilingual unit is not 'certain'."""
    if not detected:
        return None
    weight: dict[str, float] = defaultdict(float)
    confidence: dict[str, float] = defaultdict(float)
    for p, d in detected:
        weight[d.language] += len(p.text)
        confidence[d.language] += len(p.text) * (d.confidence or 0.0)
    best = max(weight, key=weight.get)
    total = sum(weight.values())
    return Detection(best, round(confidence[best] / total, 4))


def _inherit(doc: Detection) -> Detection:
    return Detection(doc.language, None)


def shares(paragraphs: list[Paragraph]) -> tuple[tuple[str, float], ...]:
    """Share of the document's paragraph characters in each language, largest first."""
    weight: dict[str, int] = defaultdict(int)
    for p in paragraphs:
        weight[p.language] += len(p.text)
    total = sum(weight.values()) or 1
    return tuple(sorted(((lang, round(n / total, 4)) for lang, n in weight.items()),
                        key=lambda item: -item[1]))


def available_languages() -> list[str]:
    return sorted(p.name for p in (resources.files("langdetect") / "profiles").iterdir())


