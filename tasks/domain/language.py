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
# Fewer letters than this and langdetect is a coin toss: the unit inherits.
MIN_LETTERS = 40
# Past this many characters the label no longer changes, while langdetect's cost keeps
# growing with the length (0.5 ms for 100 characters, 11 ms for 3,000).
MAX_CHARS = 1000
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
    return Detection(best.lang, round(best.prob, 4))


def label_paragraphs(paragraphs: list[Paragraph], languages=CORPUS_LANGUAGES) -> list[Detection | None]:
    return [detect(p.text, languages) for p in paragraphs]


def label_document(clean_text: str, sections: list[Section], paragraphs: list[Paragraph],
                   languages: tuple[str, ...] = CORPUS_LANGUAGES):
    """Returns the document detection, its language shares, and labelled sections/paragraphs.

    Sections and the document take the character-weighted vote of their detected paragraphs
    (no second pass over the same text); paragraphs too short to judge inherit their
    section's label with a null confidence."""
    found = label_paragraphs(paragraphs, languages)
    detected = [(p, d) for p, d in zip(paragraphs, found) if d is not None]
    doc = _vote(detected) or detect(clean_text, languages) or INHERITED_UNDETERMINED
    by_section: dict[int, list[tuple[Paragraph, Detection]]] = defaultdict(list)
    for p, d in detected:
        by_section[p.section_no].append((p, d))
    labelled_sections = []
    for s in sections:
        label = _vote(by_section.get(s.section_no, [])) or _inherit(doc)
        labelled_sections.append(replace(s, language=label.language, language_confidence=label.confidence))
    section_label = {s.section_no: s for s in labelled_sections}
    labelled_paragraphs = []
    for p, d in zip(paragraphs, found):
        if d is None:
            s = section_label[p.section_no]
            d = Detection(s.language, None)
        labelled_paragraphs.append(replace(p, language=d.language, language_confidence=d.confidence))
    return doc, shares(labelled_paragraphs), labelled_sections, labelled_paragraphs


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


