"""Language labels for documents, sections and paragraphs, with a policy for short units and
for text in none of the corpus's languages.

langdetect is run with only the corpus's language profiles (faster and more accurate than all
55) and a fixed seed (deterministic). Four profiles can only answer one of the four, so German
comes out English at 1.0: before a four-profile answer is taken, the text must look like one
of the four. Text mostly in another script is none of them; Latin text with few of the
answer's function words gets a second opinion from langdetect's 31 Latin-script profiles,
which name the language or leave it `und` (ISO 639-1 codes; never one of the four for text
that is none of them). A unit too short to be judged, or made of proper names, inherits its
section's or document's language with a null confidence, instead of a confident guess."""

from __future__ import annotations

import json
import re
import unicodedata
from collections import defaultdict
from dataclasses import dataclass, replace
from functools import lru_cache
from importlib import resources

from langdetect.detector_factory import DetectorFactory
from langdetect.lang_detect_exception import LangDetectException
from langdetect.language import Language

from tasks.domain.lexicon import FUNCTION_WORDS
from tasks.domain.models import Paragraph, Section

# Bump when a change here can change a label (documents, sections or paragraphs).
LANGUAGE_VERSION = "2"
CORPUS_LANGUAGES = ("en", "es", "fr", "pt")
UNDETERMINED = "und"
# Measured on the labelled set (tests/language): below 40 letters langdetect is wrong 4–11%
# of the time, often with confidence 1.0: the unit inherits. From 40 to 70 letters it is
# right 98.5–99% but its probability is not calibrated: the confidence is capped at 0.9 and
# such units do not vote. From 70 letters on it was right on every sample.
MIN_LETTERS = 40
RELIABLE_LETTERS = 70
UNRELIABLE_CONFIDENCE_CAP = 0.9
# Accuracy is the same from 150 to 2,000 characters; the cost grows with the sample. Every unit
# is judged on its first MAX_CHARS characters (a deterministic sample: a one-line dump of
# megabytes too), and the whole text only when no paragraph could say, so the cost per
# paragraph is bounded and the stage is linear in the document's length (test_language counts
# what langdetect is handed).
MAX_CHARS = 500
# Share of its words that are function words of the four-profile answer (tasks/domain/lexicon)
# from which that answer is taken as it is. Prose of the four languages: 0.3-0.6 (under 0.3:
# 10% of the real documents' paragraphs, mostly lists of names and figures); German, Dutch,
# Italian, Polish or Swedish prose: 0-0.25 (Catalan and Romanian up to 0.28, sharing `a`,
# `de`, `la`, `que`). Dutch lines full of `de` and `en` pass it too, so at least one word must
# be one that only the answer's language has. Otherwise a second opinion decides, at 1.6 to
# 2.5 times the cost of the first (31 Latin-script profiles instead of 4).
CERTAIN_FUNCTION_SHARE = 0.3
# Under 70 letters the second opinion is often wrong ("Guidance note on alternatives to
# immigration detention" comes out Italian at 1.0), and titles have fewer function words than
# prose: from this share on, with one word only its language has (`to`), a short unit keeps the
# four-profile answer, with the (low) probability the second opinion gives it.
SHORT_UNIT_VOUCHING_SHARE = 0.25
# The second opinion names a language outside the expected ones only this sure (it averages 7
# trials: 0.71 is five of them); below, the text is `und`. A unit under 70 letters needs all
# seven: Spanish titles without accents come out Italian at 0.71.
OTHER_LANGUAGE_MIN = 0.7
SHORT_UNIT_OTHER_LANGUAGE_MIN = 0.99
# A unit whose words mostly start with a capital is a list of names, places or organisations
# (or a title in title case): its language says little about the text around it. Its
# confidence is capped, it does not vote, and it takes its section's label when it disagrees.
NAMES_CAPITALISED_SHARE = 0.6
NAMES_MIN_WORDS = 4
NAMES_CONFIDENCE_CAP = 0.5
# A name runs over capitalised words and up to three short words between them (`de las`,
# `für`, `y el`, `dell'`), within one phrase (no punctuation between).
NAME_JOINERS = 3
NAME_JOINER_LETTERS = 4
_NAME_JOIN = re.compile(r"\s+|['’-]")
# When the words around the names are too few to be judged alone (under 40 letters) but number
# this many, and say another language than the whole, the names decide the whole: a list.
PROSE_CHECK_LETTERS = 20
# A detection this unsure that disagrees with its section takes the section's label.
WEAK_CONFIDENCE = 0.5
_LETTER = re.compile(r"[^\W\d_]")
# The letters `_is_latin` takes for Latin, counted by the regex engine, not one call per letter.
_LATIN = re.compile(r"[\x00-\u024f\u1e00-\u1eff]")
_WORD = re.compile(r"[^\W\d_]+")
# Addresses and markup are not language: `https://population.un.org/wpp/` reads as Afrikaans,
# `<a href="..." target="_blank" rel="noopener">` turns a Spanish link text Catalan.
_NOT_LANGUAGE = re.compile(r"(?:https?://|www\.)\S+|[\w.+-]+@[\w-]+(?:\.[\w-]+)+|</?[A-Za-z][^<>]*>", re.IGNORECASE)


@dataclass(frozen=True)
class Detection:
    """A label and how sure it is; for `und`, how sure it is that the text is in none of the
    expected languages (None: no detector could say)."""

    language: str
    confidence: float | None


INHERITED_UNDETERMINED = Detection(UNDETERMINED, None)


@dataclass(frozen=True)
class _Judged:
    detection: Detection | None
    letters: int
    names: bool  # mostly capitalised words: not evidence of the text's language


@lru_cache(maxsize=4)
def _factory(languages: tuple[str, ...]) -> DetectorFactory:
    profiles = resources.files("langdetect") / "profiles"
    factory = DetectorFactory()
    factory.load_json_profile([(profiles / lang).read_text(encoding="utf-8") for lang in languages])
    factory.seed = 0
    return factory


@lru_cache(maxsize=1)
def _profiles_by_script() -> dict[bool, tuple[str, ...]]:
    """langdetect's 55 profiles split by script, from their letter frequencies: 31 Latin
    (af ... vi), 24 other (ar, ru, zh-cn...). A second opinion only needs those of the text's
    script, which halves its cost; the others never win on it."""
    profiles = resources.files("langdetect") / "profiles"
    split: dict[bool, list[str]] = {True: [], False: []}
    for lang in available_languages():
        frequencies = json.loads((profiles / lang).read_text(encoding="utf-8"))["freq"]
        letters = {g: n for g, n in frequencies.items() if len(g) == 1 and g.isalpha()}
        latin = sum(n for g, n in letters.items() if _is_latin(g))
        split[2 * latin > sum(letters.values())].append(lang)
    return {script: tuple(langs) for script, langs in split.items()}


@lru_cache(maxsize=8)
def _function_words(language: str) -> frozenset[str]:
    return frozenset(_fold(w) for w in FUNCTION_WORDS.get(language, ()))


@lru_cache(maxsize=8)
def _own_function_words(language: str) -> frozenset[str]:
    """Those of `language` that no other corpus language has: `on`, `to`, `los`, `des`, `dos`,
    not `de`, `en`, `la`, which Dutch or Italian write as well."""
    others = [_function_words(lang) for lang in FUNCTION_WORDS if lang != language]
    return _function_words(language).difference(*others)


def detect(text: str, languages: tuple[str, ...] = CORPUS_LANGUAGES) -> Detection | None:
    """The language of `text`, or None when the text is too short or has no letters.
    `languages` are the ones expected (the fast path); any other comes out as its own ISO 639-1
    code when langdetect's profiles are sure of it, else as `und`, never as one of `languages`."""
    return _judge(text, languages).detection


def _judge(text: str, languages: tuple[str, ...]) -> _Judged:
    sample = _NOT_LANGUAGE.sub(" ", text[:MAX_CHARS])
    letters = _LETTER.findall(sample)
    if len(letters) < MIN_LETTERS:
        return _Judged(None, len(letters), False)
    if sum(map(str.isupper, letters)) > len(letters) / 2:  # ALL-CAPS reads as German or Welsh
        sample = sample.lower()
    words = _WORD.findall(sample)
    capitalised = sum(w[0].isupper() for w in words)
    names = len(words) >= NAMES_MIN_WORDS and capitalised >= NAMES_CAPITALISED_SHARE * len(words)
    if len(_LATIN.findall("".join(letters))) * 2 < len(letters):
        found = _in_another_script(sample)
    else:
        prose = _without_names(sample)
        prose_letters = len(_LETTER.findall(prose))
        if prose_letters >= MIN_LETTERS:
            sample, words = prose, _WORD.findall(prose)
        elif prose_letters >= PROSE_CHECK_LETTERS and not names:  # names pull another way?
            names = _top(prose, languages) != _top(sample, languages)
        found = _in_latin_script(sample, [_fold(w) for w in words], languages, names, len(letters))
    if found is None or found.confidence is None:
        return _Judged(found, len(letters), names)
    cap = 1.0 if len(letters) >= RELIABLE_LETTERS else UNRELIABLE_CONFIDENCE_CAP
    if names:
        cap = min(cap, NAMES_CONFIDENCE_CAP)
    return _Judged(Detection(found.language, round(min(found.confidence, cap), 4)), len(letters), names)


def _without_names(sample: str) -> str:
    """The text without its proper names: runs of capitalised words, with the short words that
    join them (`Deutsche Gesellschaft für Internationale Zusammenarbeit`, `Alto Comisionado de
    las Naciones Unidas`). Names keep the language they were given in; the words around them
    are the text's own (an English sentence about Spanish organisations is English)."""
    words = list(_WORD.finditer(sample))
    keep = [True] * len(words)
    i = 0
    while i < len(words):
        if not words[i].group()[0].isupper():
            i += 1
            continue
        last = k = i
        while k + 1 < len(words) and _NAME_JOIN.fullmatch(sample, words[k].end(), words[k + 1].start()):
            k += 1
            if words[k].group()[0].isupper():
                last = k
            elif len(words[k].group()) > NAME_JOINER_LETTERS or k - last > NAME_JOINERS:
                break
        keep[i : last + 1] = [False] * (last + 1 - i)
        i = last + 1
    return " ".join(w.group() for w, kept in zip(words, keep) if kept)


def _in_another_script(sample: str) -> Detection:
    """Cyrillic, Arabic, Greek, CJK...: none of the Latin-script corpus languages, whatever
    the four profiles would say; a script without a profile (Georgian, Armenian) is `und`."""
    found = _probabilities(sample, _profiles_by_script()[False])
    return Detection(_iso(found[0].lang), found[0].prob) if found else Detection(UNDETERMINED, None)


def _in_latin_script(
    sample: str, words: list[str], languages: tuple[str, ...], names: bool, letters: int
) -> Detection | None:
    """The four-profile answer when the function words vouch for it; else the second opinion
    of the Latin-script profiles: one of the expected languages (the function words choose if
    the two disagree), another language it is sure of, or `und`."""
    fast = _probabilities(sample, languages)
    share = _function_share(words, fast[0].lang) if fast else 0.0
    own = _function_share(words, fast[0].lang, own=True) if fast else 0.0
    if share >= CERTAIN_FUNCTION_SHARE and own > 0:
        return Detection(fast[0].lang, fast[0].prob)
    latin = _profiles_by_script()[True]
    full = _probabilities(sample, latin) if set(latin) - set(languages) else fast
    if not full:
        return Detection(fast[0].lang, fast[0].prob) if fast else None
    best = full[0]
    if best.lang in languages:  # one of the expected after all; if the two passes differ,
        chosen = best.lang  # the function words choose, and a tie keeps the fast answer
        if fast and share >= _function_share(words, best.lang):
            chosen = fast[0].lang
        return Detection(chosen, min(_prob(fast, chosen) if fast else 1.0, _prob(full, chosen)))
    vouched = letters < RELIABLE_LETTERS and share >= SHORT_UNIT_VOUCHING_SHARE and own > 0
    if vouched:
        return Detection(fast[0].lang, min(fast[0].prob, _prob(full, fast[0].lang)))
    sure = OTHER_LANGUAGE_MIN if letters >= RELIABLE_LETTERS else SHORT_UNIT_OTHER_LANGUAGE_MIN
    if best.prob >= sure and not names:
        return Detection(_iso(best.lang), best.prob)
    return Detection(UNDETERMINED, _outside(full, languages))


def _probabilities(sample: str, languages: tuple[str, ...]) -> list[Language]:
    detector = _factory(languages).create()
    detector.append(sample)
    try:
        return detector.get_probabilities()
    except LangDetectException:  # no letter n-gram of these profiles in the text
        return []


def _top(sample: str, languages: tuple[str, ...]) -> str | None:
    found = _probabilities(sample, languages)
    return found[0].lang if found else None


def _prob(found: list[Language], language: str) -> float:
    return next((x.prob for x in found if x.lang == language), 0.0)


def _outside(found: list[Language], languages: tuple[str, ...]) -> float:
    return round(sum(x.prob for x in found if x.lang not in languages), 4)


def _function_share(words: list[str], language: str, own: bool = False) -> float:
    vocabulary = _own_function_words(language) if own else _function_words(language)
    return sum(w in vocabulary for w in words) / len(words) if words else 0.0


@lru_cache(maxsize=1 << 16)  # the same few thousand words come back in every paragraph
def _fold(word: str) -> str:
    """`NÃO` -> `nao`: text typed or extracted without accents matches the lists."""
    return "".join(c for c in unicodedata.normalize("NFD", word.lower()) if not unicodedata.combining(c))


def _is_latin(letter: str) -> bool:
    code = ord(letter)
    return code < 0x250 or 0x1E00 <= code <= 0x1EFF


def _iso(code: str) -> str:
    """langdetect's `zh-cn` / `zh-tw` are ISO 639-1 `zh`."""
    return code.split("-")[0]


def label_document(
    clean_text: str,
    sections: list[Section],
    paragraphs: list[Paragraph],
    languages: tuple[str, ...] = CORPUS_LANGUAGES,
    hint: str | None = None,
):
    """Returns the document detection, its language shares, and labelled sections/paragraphs.

    The document and each section take the character-weighted vote of their reliable
    paragraphs (70+ letters; lists of names do not vote); a section without any votes with
    its shorter ones if they add up to 70 letters, else inherits the nearest labelled section
    after it (an annex's list of names belongs to the annex), else before it (the document
    when those two disagree), else the document. A short paragraph inherits its section's
    label with a null confidence, and so do a list of names, a weak detection (under 0.5), a
    short unit left `und` and a short heading that disagree with their section: a title's few
    words are not evidence against the text under it. The file's declared language (`hint`,
    e.g. `<html lang>`) is taken, with a null confidence, when the text says nothing, and
    replaces `und` when it names a language outside `languages` too."""
    judged = [_judge(p.text, languages) for p in paragraphs]
    evidence = [
        (p, j.detection, j.letters) for p, j in zip(paragraphs, judged) if j.detection is not None and not j.names
    ]
    doc = _declared(
        _vote([(p, d) for p, d, n in evidence if n >= RELIABLE_LETTERS])
        or _vote([(p, d) for p, d, _ in evidence])
        or detect(clean_text, languages),
        hint,
        languages,
    )
    by_section: dict[int, list[tuple[Paragraph, Detection, int]]] = defaultdict(list)
    for p, d, n in evidence:  # grouped once: a filter of all evidence per section is quadratic
        by_section[p.section_no].append((p, d, n))
    own = [_section_vote(by_section.get(s.section_no, [])) for s in sections]
    later, earlier = _neighbours(own)
    labelled_sections = []
    for i, s in enumerate(sections):
        label = own[i] or _nearest(later[i], earlier[i], doc) or _inherit(doc)
        labelled_sections.append(replace(s, language=label.language, language_confidence=label.confidence))
    section_label = {s.section_no: s for s in labelled_sections}
    labelled_paragraphs = []
    for p, j in zip(paragraphs, judged):
        section = section_label[p.section_no]
        d = j.detection
        if d is None or (d.language != section.language and _defers(p, j, languages)):
            d = Detection(section.language, None)
        labelled_paragraphs.append(replace(p, language=d.language, language_confidence=d.confidence))
    return doc, shares(labelled_paragraphs), labelled_sections, labelled_paragraphs


def _defers(p: Paragraph, judged: _Judged, languages: tuple[str, ...]) -> bool:
    """Whether a paragraph that disagrees with its section takes the section's label: a list of
    names, a weak detection, a short unit left `und`, or a short heading in a corpus language
    (a short unit that names a language of its own keeps it: the second opinion was sure)."""
    d = judged.detection
    short = judged.letters < RELIABLE_LETTERS
    short_heading = p.kind == "heading" and short and d.language in languages
    weak = d.confidence is not None and d.confidence < WEAK_CONFIDENCE
    return judged.names or weak or short_heading or (short and d.language == UNDETERMINED)


def _declared(found: Detection | None, hint: str | None, languages: tuple[str, ...]) -> Detection:
    """What the file declares (`<html lang="de">`, Word's or the PDF catalog's language) fills
    a silent text, and names an `und` text's language when it is outside `languages` too. A
    declared corpus language never overrides the text: UN PDFs in Spanish declare `en`."""
    declared = hint.lower() if hint and re.fullmatch(r"[A-Za-z]{2}", hint) else None
    if found is None:
        return Detection(declared, None) if declared else INHERITED_UNDETERMINED
    if found.language == UNDETERMINED and declared and declared not in languages:
        return Detection(declared, found.confidence)
    return found


def _section_vote(mine: list[tuple[Paragraph, Detection, int]]) -> Detection | None:
    reliable = [(p, d) for p, d, n in mine if n >= RELIABLE_LETTERS]
    if reliable:
        return _vote(reliable)
    if sum(n for _, _, n in mine) >= RELIABLE_LETTERS:
        return _vote([(p, d) for p, d, _ in mine])
    return None


def _neighbours(own: list[Detection | None]) -> tuple[list[Detection | None], list[Detection | None]]:
    """For each section, the label of the nearest labelled section after it and before it,
    in two passes (not a scan of the rest of the list per section)."""
    later: list[Detection | None] = [None] * len(own)
    earlier: list[Detection | None] = [None] * len(own)
    for i in range(len(own) - 2, -1, -1):
        later[i] = own[i + 1] if own[i + 1] is not None else later[i + 1]
    for i in range(1, len(own)):
        earlier[i] = own[i - 1] if own[i - 1] is not None else earlier[i - 1]
    return later, earlier


def _nearest(later: Detection | None, earlier: Detection | None, doc: Detection) -> Detection | None:
    """The nearest labelled section after, else before; the document's label when the two
    disagree (a contents page between an English opening and a Spanish statement is neither)."""
    if later and earlier and later.language != earlier.language:
        return _inherit(doc)
    near = later or earlier
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
    return tuple(sorted(((lang, round(n / total, 4)) for lang, n in weight.items()), key=lambda item: -item[1]))


def available_languages() -> list[str]:
    return sorted(p.name for p in (resources.files("langdetect") / "profiles").iterdir())
