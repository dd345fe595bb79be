"""Headings and titles that share a line with body text, as flattened PDFs print them.

`Topic I: Human rights of all migrants Contextualization - Mrs. ...`: a numbered topic
heading runs straight into its body. `Rapporteurship on the ... Americas San Jose, Costa Rica
September 12 13, 2017 This Forum ...`: a title runs into its dateline. Both are told apart
from prose by their shape, in the four languages."""

from __future__ import annotations

import re

from tasks.domain.lexicon import (
    ALL_FUNCTION_WORDS,
    BODY_WORDS,
    MINOR_TITLE_WORDS,
    MONTH_NUMBERS,
    OTHER_MONTH_NUMBERS,
    PART_WORDS,
)

# `Topic I:`, `Tema 2.`, `Annexe A -`: a part word, capitalised, then its number.
_PART_WORD = "|".join(sorted((re.escape(w) for w in PART_WORDS), key=len, reverse=True))
_TOPIC = re.compile(
    r"^(?=[A-ZÀ-Ý])(?i:" + _PART_WORD + r")"
    r"\s+(?:[IVXLC]{1,6}|\d{1,2}|[A-H])\b(?:\s*[:.\-–]\s+|\s+(?=[A-ZÀ-Ý]))"
)
_WORD = re.compile(r"\S+")
_MAX_HEADING_WORDS = 16
# Small words that stay lower-case inside a title in the four languages.
MINOR_WORDS = _MINOR = MINOR_TITLE_WORDS


def inline_heading_length(paragraph: str) -> int | None:
    """Length of a topic heading at the start of a paragraph that goes on with body text: it
    ends before a capitalised word followed by a dash (`... all migrants Contextualization -`),
    else before the first capitalised word that follows a lower-case one."""
    m = _TOPIC.match(paragraph)
    if not m:
        return None
    words = list(_WORD.finditer(paragraph, m.end()))
    for previous, word, after in zip(words, words[1 : _MAX_HEADING_WORDS + 1], words[2 : _MAX_HEADING_WORDS + 2]):
        if word.group()[:1].isupper() and after.group() in ("-", "–", "—"):
            end = previous.end()
            return end if len(paragraph) - end > 40 else None
    for previous, word in zip(words, words[1 : _MAX_HEADING_WORDS + 1]):
        if word.group()[:1].isupper() and previous.group()[:1].islower() and not previous.group().endswith(":"):
            end = previous.end()
            return end if len(paragraph) - end > 40 else None
    return None


# Month names and their abbreviations, longest first so `mayo` is not read as `may`.
_MONTHS = "(?i:" + "|".join(sorted(map(re.escape, MONTH_NUMBERS), key=len, reverse=True)) + ")"
_ALL_MONTHS = (
    "(?i:" + "|".join(sorted(map(re.escape, MONTH_NUMBERS | OTHER_MONTH_NUMBERS), key=len, reverse=True)) + ")"
)
# A month next to a day or a year (`August 2017`, `4 de julio`); a bare `May` or `March` is a word.
MONTH_WORD = re.compile(r"\b(?:\d{1,2}\.?\s+(?:de\s+)?" + _MONTHS + r"\b|" + _MONTHS + r"\.?\s+\d{1,4}\b)")
# A date at the start of a line, before more words (`4. März 2023 Staatssekretärin ...`).
LEADING_DATE = re.compile(r"^\d{1,2}\.?\s+(?:de\s+)?" + _ALL_MONTHS + r"\.?,?\s+(?:de\s+)?\d{4}\b[\s,:–-]*(?=\S)")
# `San Jose, Costa Rica September 12 13, 2017`, `Santiago, 30 and 31 August 2017`,
# `Genève, 4-6 décembre 2017`: a place, then a date.
# The city is at most two capitalised words (`San Jose`): a title's last words are not eaten.
DATELINE = re.compile(
    r"(?P<place>(?<![\w'’.-])[A-ZÀ-Ý][\w'’.-]+(?: [A-ZÀ-Ý][\w'’.-]+)?(?:, [A-ZÀ-Ý][\w'’.-]+(?: [A-ZÀ-Ý][\w'’.-]+)*)?),?[ \t]+"
    r"(?P<date>(?:" + _MONTHS + r"\s+\d{1,2}(?:\s*(?:-|–|and|y|et|e|to|al|au|a)?\s*\d{1,2})?,?\s+\d{4}"
    r"|\d{1,2}(?:\s*(?:-|–|and|y|et|e|to|al|au|a)\s*\d{1,2})?\s+(?:de\s+)?" + _MONTHS + r"\s+(?:de\s+)?\d{4}))"
)


def inline_title_length(paragraph: str) -> int | None:
    """Length of a title at the very start of a paragraph when a dateline follows it. The
    city may be one or two words (`San Jose`, `Santiago`): the title takes what is left."""
    m = DATELINE.search(paragraph[:400])
    if m is None:
        return None
    place_words = m.group("place").split(",")[0].split()
    for taken in range(len(place_words)):  # the title keeps the place's first words, if any
        end = m.start() + len(" ".join(place_words[:taken]))
        title = paragraph[:end].strip()
        if 3 <= len(title.split()) <= 25 and (title_like(title) or _sentence_case_title(title, paragraph[m.end() :])):
            return len(paragraph[:end].rstrip())
    return None


def _sentence_case_title(title: str, after: str) -> bool:
    """`Consultation régionale sur le Pacte mondial pour les migrations` before a dateline and
    a new sentence: a title, though not in Title Case. A sentence cut by the date is not."""
    words = title.split()
    return (
        words[0][:1].isupper()
        and words[-1].lower() not in _MINOR
        and not re.search(r"[.;:!?]", title)
        and after.strip()[:1].isupper()
    )


def title_like(text: str) -> bool:
    """Title Case or capitals, no sentence inside: `Latin American Review of the Global
    Compact of Migration`."""
    if text.endswith((",", ";", ":")):
        return False
    text = text.rstrip(".")
    words = text.split()
    if not words or not words[0][:1].isupper() or re.search(r"[.;!?]\s", text):
        return False
    if words[-1].lower() in _MINOR:
        return False  # a title does not end on `of` or `la`
    capitalised = [w[:1].isupper() or not w[:1].isalpha() for w in words]
    fitting = sum(cap or w.lower() in _MINOR for w, cap in zip(words, capitalised))
    return fitting == len(words) and sum(capitalised) >= max(2, len(words) // 2)


# `UNHCR`, `OHCHR`: an acronym alone on a line names a body.
_ACRONYM_LINE = re.compile(r"^[A-Z]{3,8}$")
_MAX_BODY_NAME_WORDS = 12


def is_body_name(paragraph: str) -> bool:
    """Every line names a body (`MIGRATION POLICY INSTITUTE`, `Committee on the Rights of the
    Child`, `Misión Permanente de Chile`): the words before the first small word start or end
    on a body's head noun. `Report of the Committee on ...` (led by `Report`) and `Security
    Council Adopts Resolution ...` (a headline about a body) are not names of bodies. Stricter
    than `metadata.names_a_body`, which finds an organisation in a signature line; both read
    the one list of head nouns, `lexicon.BODY_WORDS`."""
    lines = [line.strip() for line in paragraph.splitlines() if line.strip()]
    return bool(lines) and all(_body_name_line(line) for line in lines)


def _body_name_line(line: str) -> bool:
    words = [w.strip("(),.:;") for w in line.split()]
    words = [w for w in words if w]
    if not words or len(words) > _MAX_BODY_NAME_WORDS:
        return False
    if len(words) == 1 and _ACRONYM_LINE.match(words[0]):
        return True
    head = []
    for w in words:
        if w.lower() in _MINOR:
            break
        head.append(w.lower())
    return bool(head) and (head[0] in BODY_WORDS or head[-1] in BODY_WORDS)


# A sub-heading starts a sentence: at a paragraph's start or after a full stop.
_SENTENCE_START = re.compile(r"(?:^|(?<=[.!?]))\s+(?=[A-ZÀ-Ý])|^(?=[A-ZÀ-Ý])", re.M)
_MAX_SUBHEADING_WORDS = 6
_PHRASE_WORD = re.compile(r"[\w'’-]+")
_GAP = re.compile(r"[ \t]+")


def _phrase_after(text: str, start: int) -> list[tuple[int, int]]:
    """(end, n_words) of every phrase starting at `start` that stops right before a
    capitalised word or the paragraph's end, has no punctuation, and does not end on `of`."""
    out, pos, n = [], start, 0
    while n < _MAX_SUBHEADING_WORDS:
        m = _PHRASE_WORD.match(text, pos)
        if not m:
            break
        n, end = n + 1, m.end()
        gap = _GAP.match(text, end)  # never `text[end:]`: a copy of the rest for every word
        nxt = gap.end() if gap else end
        if (
            n >= 2
            and m.group().lower() not in _MINOR
            and (nxt >= len(text) or text[nxt] == "\n" or (gap and text[nxt].isupper()))
        ):
            out.append((end, n))
        if not gap or nxt >= len(text) or not text[nxt].isalnum():
            break
        pos = nxt
    return out


# Sub-headings of a meeting report's sessions, recognised even when they occur once.
_KNOWN_SUBHEADING = re.compile(
    r"(?:Plenary session|Sesi[oó]n plenaria|S[eé]ance pl[eé]ni[eè]re|Sess[aã]o plen[aá]ria)"
    r"(?:\s+(?:Interventions? (?:by|of) the States|Intervenci[oó]n(?:es)? de los Estados"
    r"|Interventions? des [EÉ]tats|Interven[cç](?:ão|ões) dos Estados))?"
)


def recurring_subheadings(text: str) -> list[tuple[int, int]]:
    """Spans of sub-headings a flattened report repeats inside its sections (`Plenary
    session Intervention by the States`): the same short phrase starting a sentence, followed
    by a capitalised word, at least twice, and each time by a different sentence (a phrase
    always followed by the same word, `The Secretary` `General`, is part of a name). The
    longest such phrase at each place wins."""
    candidates: dict[str, list[tuple[int, int]]] = {}
    for m in _SENTENCE_START.finditer(text):
        start = m.end()
        for end, _ in _phrase_after(text, start):
            candidates.setdefault(" ".join(text[start:end].split()), []).append((start, end))
    best: dict[int, int] = {}
    for m in _SENTENCE_START.finditer(text):
        known = _KNOWN_SUBHEADING.match(text, m.end())
        if known:
            best[m.end()] = known.end()
    for phrase, places in candidates.items():
        followers = {_next_word(text, end) for _, end in places}
        if len(places) >= 2 and len(followers) >= 2 and title_like_phrase(phrase):
            for start, end in places:
                best[start] = max(best.get(start, 0), end)
    return sorted(best.items())


def _next_word(text: str, end: int) -> str:
    m = _PHRASE_WORD.search(text, end, end + 40)
    return m.group().lower() if m and "\n" not in text[end : m.start()] else ""


def title_like_phrase(phrase: str) -> bool:
    """A heading's words: capitalised first, some lower-case (not a name), not starting on
    an article or ending on `of`, no figures, no pronoun or auxiliary (`I thank`, `Thank
    you`: words of a speech, not a heading)."""
    words = phrase.split()
    return (
        words[0][:1].isupper()
        and words[0].lower() not in ALL_FUNCTION_WORDS
        and all(w.lower() in _MINOR or w.lower() not in ALL_FUNCTION_WORDS for w in words)
        and words[-1].lower() not in _MINOR
        and any(w[:1].islower() for w in words)
        and not any(c.isdigit() for c in phrase)
    )


def split_subheading(phrase: str) -> list[str]:
    """`Plenary session Intervention by the States` → `Plenary session`, `Intervention by the
    States`: a capitalised word after a lower-case one starts the next, deeper heading."""
    parts, current = [], []
    for word in phrase.split():
        if current and word[:1].isupper() and current[-1][:1].islower() and current[-1].lower() not in _MINOR:
            parts.append(" ".join(current))
            current = []
        current.append(word)
    return parts + [" ".join(current)]
