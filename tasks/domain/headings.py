"""Headings and titles that share a line with body text, as flattened PDFs print them.

`Topic I: Human rights of all migrants Contextualization - Mrs. ...`: a numbered topic
heading runs straight into its body. `Rapporteurship on the ... Americas San Jose, Costa Rica
September 12 13, 2017 This Forum ...`: a title runs into its dateline. Both are told apart
from prose by their shape, in the four languages."""
from __future__ import annotations

import re

_TOPIC = re.compile(
    r"^(?:Topic|Theme|Session|Panel|Part|Chapter|Section|Annex|Item"
    r"|Tema|Sesi[oó]n|Mesa|Parte|Cap[ií]tulo|Secci[oó]n|Anexo|Eje"
    r"|Th[eè]me|S[eé]ance|Partie|Chapitre|Annexe|Point"
    r"|T[oó]pico|Sess[aã]o|Painel|Cap[ií]tulo|Se[cç][aã]o|Eixo)"
    r"\s+(?:[IVXLC]{1,6}|\d{1,2}|[A-H])\b(?:\s*[:.\-–]\s+|\s+(?=[A-ZÀ-Ý]))")
_WORD = re.compile(r"\S+")
_MAX_HEADING_WORDS = 16
# Small words that stay lower-case inside a title in the four languages.
_MINOR = frozenset("""
a an and as at by for from in of on or the to with vs into among between
de del la las el los y e o u en con por para al sobre entre hacia
des du le les et ou à au aux pour par sur dans entre vers
da do das dos em no na nos nas com pelo pela ao aos sobre entre
""".split())


def inline_heading_length(paragraph: str) -> int | None:
    """Length of a topic heading at the start of a paragraph that goes on with body text: it
    ends before the first capitalised word that follows a lower-case one (`... all migrants
    Contextualization`)."""
    m = _TOPIC.match(paragraph)
    if not m:
        return None
    words = list(_WORD.finditer(paragraph, m.end()))
    for previous, word in zip(words, words[1:_MAX_HEADING_WORDS + 1]):
        if word.group()[:1].isupper() and previous.group()[:1].islower() and not previous.group().endswith(":"):
            end = previous.end()
            return end if len(paragraph) - end > 40 else None
    return None


_MONTHS = (r"(?i:January|February|March|April|May|June|July|August|September|October|November|December"
           r"|enero|febrero|marzo|abril|mayo|junio|julio|agosto|septiembre|setiembre|octubre|noviembre|diciembre"
           r"|janvier|février|mars|avril|mai|juin|juillet|août|septembre|octobre|novembre|décembre"
           r"|janeiro|fevereiro|março|maio|junho|julho|setembro|outubro|novembro|dezembro)")
# `San Jose, Costa Rica September 12 13, 2017`, `Santiago, 30 and 31 August 2017`,
# `Genève, 4-6 décembre 2017`: a place, then a date.
# The city is at most two capitalised words (`San Jose`): a title's last words are not eaten.
DATELINE = re.compile(
    r"(?P<place>(?<![\w'’.-])[A-ZÀ-Ý][\w'’.-]+(?: [A-ZÀ-Ý][\w'’.-]+)?(?:, [A-ZÀ-Ý][\w'’.-]+(?: [A-ZÀ-Ý][\w'’.-]+)*)?),?[ \t]+"
    r"(?P<date>(?:" + _MONTHS + r"\s+\d{1,2}(?:\s*(?:-|–|and|y|et|e|to|al|au|a)?\s*\d{1,2})?,?\s+\d{4}"
    r"|\d{1,2}(?:\s*(?:-|–|and|y|et|e|to|al|au|a)\s*\d{1,2})?\s+(?:de\s+)?" + _MONTHS + r"\s+(?:de\s+)?\d{4}))")


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
        if 3 <= len(title.split()) <= 25 and (title_like(title) or _sentence_case_title(title, paragraph[m.end():])):
            return len(paragraph[:end].rstrip())
    return None


def _sentence_case_title(title: str, after: str) -> bool:
    """`Consultation régionale sur le Pacte mondial pour les migrations` before a dateline and
    a new sentence: a title, though not in Title Case. A sentence cut by the date is not."""
    words = title.split()
    return (words[0][:1].isupper() and words[-1].lower() not in _MINOR and not re.search(r"[.;:!?]", title)
            and after.strip()[:1].isupper())


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
