"""A document's own date — the date it carries (masthead, dateline, adoption or signature
date, its title, its front matter or page metadata) — never a date it merely cites.

`document_date` tries a short ordered list of named, versioned steps, most trusted first, and
keeps the first answer with the text it read it from. The masthead (tasks/domain/masthead.py)
is read before all of them by metadata and wins. Precision first: a date the document cites
(`the Convention of 28 July 1951`), a deadline (`by 31 December 2030`), a date in a footnote
or a period (`4-15 March 2024`, `from 1 August 2022 to 31 July 2023`) is not the document's,
and no answer beats a wrong one: there is no last resort taking the first date in the text.

Dates are read in the forms the corpus prints: `2 July 2025`, `Nov 25, 2025`, `1er juin 2017`,
`DE 3 DE MARZO DE 2024`, `3 de março de 2024`, `4. März 2023`, `17.06.2022`, `2019-05-14`,
`28/04/2024` (only when the day cannot be the month), `this twelfth day of March one thousand
nine hundred and eighty`."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import date

from tasks.domain.front_matter import DATE_KEYS, first_of, front_matter
from tasks.domain.lexicon import (
    DAY_ORDINAL_WORDS,
    MONTH_NAMES,
    MONTH_NUMBERS,
    NUMBER_WORDS,
    OTHER_MONTH_NUMBERS,
    PUBLISHED_WORDS,
)
from tasks.domain.metadata_types import Decision
from tasks.domain.models import CleanedDocument

_MONTH_NUMBERS = {**OTHER_MONTH_NUMBERS, **MONTH_NUMBERS}
_MONTH = "(?:" + "|".join(re.escape(m) for m in sorted(_MONTH_NUMBERS, key=len, reverse=True)) + r")\b\.?"
_ORDINAL = r"(?:st|nd|rd|th|er|re|º|°|o|a)?"
_JOIN = r"(?:\s*(?:-|–|—|and|y|et|e|to|al|au|a|bis|tot)\s*|\s+)"
# `30 and 31 August 2017`, `4-6 décembre 2017`, `12 de septiembre de 2017`, `4. März 2023`
_DAY_FIRST = re.compile(
    rf"(?i)\b(\d{{1,2}}){_ORDINAL}\.?(?P<range>{_JOIN}\d{{1,2}}{_ORDINAL}\.?)?\s+(?:de\s+)?({_MONTH})"
    rf",?\s+(?:del?\s+)?(\d{{4}})\b"
)
# `September 12 13, 2017`, `Nov 25, 2025`, `November 25th, 2025`
_MONTH_FIRST = re.compile(
    rf"(?i)\b({_MONTH})\s+(\d{{1,2}})(?:st|nd|rd|th)?(?P<range>{_JOIN}\d{{1,2}}(?:st|nd|rd|th)?)?,?\s+(\d{{4}})\b"
)
_ISO = re.compile(r"\b(\d{4})-(\d{2})-(\d{2})\b")
_DOTTED = re.compile(r"(?<![\d.])(\d{1,2})\.(\d{1,2})\.(\d{4})\b(?!\.\d)")  # `17.06.2022`: day first
_SLASHED = re.compile(r"(?<![\d/])(\d{1,2})/(\d{1,2})/(\d{4})\b(?!/)")
_NUMBER_WORD = "(?:" + "|".join(sorted(NUMBER_WORDS, key=len, reverse=True)) + ")"
_YEAR_WORDS = rf"{_NUMBER_WORD}(?:[\s-]+(?:thousand|hundred|and|{_NUMBER_WORD}))*"
# `this twelfth day of March two thousand and four`, `the 12th day of
# March 2004`
_DAY_OF = re.compile(
    rf"(?i)\b(?:this|the)\s+(\d{{1,2}}(?:st|nd|rd|th)?|{'|'.join(sorted(DAY_ORDINAL_WORDS, key=len, reverse=True))})"
    rf"\s+day\s+of\s+({_MONTH}),?\s+(?:in\s+the\s+year\s+)?(\d{{4}}|{_YEAR_WORDS})\b"
)


@dataclass(frozen=True)
class FoundDate:
    """A full date in a text: where it is, what it says, and whether it opens a period."""

    start: int
    end: int
    value: date
    is_range: bool


def find_dates(text: str) -> list[FoundDate]:
    """Every full date (day, month, year) in `text`, in order; impossible dates skipped."""
    found: list[FoundDate] = []
    for m in _DAY_FIRST.finditer(text):
        _add(found, m, m.group(4), m.group(3), m.group(1), bool(m.group("range")))
    for m in _MONTH_FIRST.finditer(text):
        _add(found, m, m.group(4), m.group(1), m.group(2), bool(m.group("range")))
    for m in _ISO.finditer(text):
        _add(found, m, m.group(1), m.group(2), m.group(3))
    for m in _DOTTED.finditer(text):
        _add(found, m, m.group(3), m.group(2), m.group(1))
    for m in _SLASHED.finditer(text):
        first, second = int(m.group(1)), int(m.group(2))
        if first > 12 >= second:
            _add(found, m, m.group(3), m.group(2), m.group(1))
        elif second > 12 >= first:
            _add(found, m, m.group(3), m.group(1), m.group(2))
    for m in _DAY_OF.finditer(text):
        day = m.group(1).lower()
        day_number = DAY_ORDINAL_WORDS.get(day) or int(re.sub(r"\D", "", day))
        year = m.group(3) if m.group(3).isdigit() else _year_in_words(m.group(3))
        if year:
            _add(found, m, str(year), m.group(2), str(day_number))
    found.sort(key=lambda f: (f.start, -f.end))
    # one date per place: the longest reading at each start, none inside another
    out: list[FoundDate] = []
    for f in found:
        if not out or f.start >= out[-1].end:
            out.append(f)
    return out


def _add(found: list[FoundDate], m: re.Match, year: str, month: str, day: str, is_range: bool = False) -> None:
    month_number = int(month) if month.isdigit() else _MONTH_NUMBERS.get(month.lower().rstrip("."))
    if month_number is None:
        return
    try:
        found.append(FoundDate(m.start(), m.end(), date(int(year), month_number, int(day)), is_range))
    except ValueError:
        pass


def _year_in_words(words: str) -> int | None:
    """`one thousand nine hundred and eighty` → 1980; `nineteen eighty` is not read."""
    total, current = 0, 0
    for word in re.split(r"[\s-]+", words.lower()):
        if word == "and":
            continue
        if word == "thousand":
            total, current = total + max(current, 1) * 1000, 0
        elif word == "hundred":
            current = max(current, 1) * 100
        elif word in NUMBER_WORDS:
            current += NUMBER_WORDS[word]
        else:
            return None
    year = total + current
    return year if 1000 <= year <= 2999 else None


def first_date(text: str) -> date | None:
    """The first full date in a text written with a corpus-language month name, whatever it
    dates: structure asks it whether a line is a dateline (a numeric or German date, or an
    abbreviated month, is not what it looks for there)."""
    for found in find_dates(text):
        if any(word in MONTH_NAMES for word in re.findall(r"[^\W\d_]+", text[found.start : found.end].lower())):
            return found.value
    return None


# --- what a date is not -------------------------------------------------------------------

# A date another instrument carries: `resolution 62/153 of 18 December 2007`, `the Convention
# ... done at Vienna on 9 May 1980`, `Carta de fecha 4 de mayo`, `letters dated`.
_INSTRUMENT = (
    r"(?:convention|convenci[oó]n|conven[cç][aã]o|protocol|protocolo|protocole|resolution|resoluci[oó]n|"
    r"r[eé]solution|resolu[cç][aã]o|decision|decisi[oó]n|d[eé]cision|decis[aã]o|declaration|declaraci[oó]n|"
    r"d[eé]claration|declara[cç][aã]o|agreement|acuerdo|accord|acordo|treaty|tratado|trait[eé]|charter|carta|"
    r"charte|act|ley|loi|lei|law|decree|decreto|d[eé]cret|letter|lettre|note|nota|report|informe|rapport|"
    r"relat[oó]rio|covenant|pacto|pacte|statute|estatuto|statut|wet|besluit|gesetz|verordnung)"
)
_CITED = re.compile(
    rf"(?i)\b{_INSTRUMENT}\b[^.;\n]{{0,80}}?(?:\b(?:of|dated|de\s+fecha|fechad[ao]|dat[ée]e?s?|datad[ao]|de|del|du|"
    rf"da|do|van|vom)|\bdone\s+at\s+[^,.;\n]{{1,40}}\s+on|\badopted\s+(?:by\s+[^,.;\n]{{1,60}}\s+)?on)\s*$"
)
_INSTRUMENT_WORD = re.compile(rf"(?i)\b{_INSTRUMENT}\b")
# A deadline or a period's bound: `by 31 December 2030`, `antes del`, `jusqu'au`, `até`, `since`.
_BOUND = re.compile(
    r"(?i)\b(?:by|before|until|till|since|after|(?:as\s+)?from|no\s+later\s+than|not\s+later\s+than|deadline|"
    r"due|expires?|"
    r"antes\s+del?|hasta\s+el|a\s+m[aá]s\s+tardar\s+el|desde\s+el|despu[eé]s\s+del?|plazo|"
    r"avant\s+le|jusqu['’]au|au\s+plus\s+tard\s+le|depuis\s+le|d['’]ici\s+(?:au|le)|apr[eè]s\s+le|"
    r"at[eé]|antes\s+de|desde|prazo|ap[oó]s|entre)\s*(?:the\s+|el\s+|le\s+|o\s+|a\s+|la\s+|dia\s+|d[ií]a\s+)?$"
)
# A footnote's line: `1 See resolution ...`, `[^2]: ...`, `* Reissued ...`.
_FOOTNOTE_LINE = re.compile(r"^\s*(?:\d{1,3}|\[\^?\w+\]:?|\*{1,3}|[¹²³⁴⁵⁶⁷⁸⁹⁰]+)\s+\S")


def _line_of(text: str, found: FoundDate) -> tuple[str, int]:
    start = text.rfind("\n", 0, found.start) + 1
    end = text.find("\n", found.end)
    return text[start : len(text) if end < 0 else end], start


# A period written with two dates: `from 1 August 2022 to 31 July 2023`, `du ... au ...`, `de ...
# a ...`, `1 January–31 December 2024`, `January 1–December 31, 2024`. Neither end is a date the
# document carries: the joiner that links them, then (after the first) the second date.
_PERIOD_JOINER = re.compile(
    r"(?i)\s*(?:to|through|until|till|au|al|até|a|à|[-–—])(?!\w)\s*(?:the\s+|el\s+|le\s+|o\s+)?"
)
_PERIOD_END = re.compile(
    rf"(?i)(?:\b\d{{1,2}}{_ORDINAL}\.?\s+(?:de\s+)?{_MONTH}(?:,?\s+(?:del?\s+)?\d{{4}})?|\b{_MONTH}\s+\d{{1,2}}"
    r"(?:st|nd|rd|th)?(?:,?\s+\d{4})?)\s*(?:to|through|until|till|au|a|à|al|até|[-–—])\s*"
    r"(?:the\s+|el\s+|le\s+|o\s+)?$"
)


def _is_cited(text: str, found: FoundDate) -> bool:
    """Cited, a deadline or a period's bound: the date is not the document's own."""
    before = text[max(0, found.start - 160) : found.start]
    return bool(_CITED.search(before) or _BOUND.search(before) or _PERIOD_END.search(before)) or _opens_period(
        text, found
    )


def _opens_period(text: str, found: FoundDate) -> bool:
    joiner = _PERIOD_JOINER.match(text, found.end)
    if joiner is None:
        return False
    following = find_dates(text[joiner.end() : joiner.end() + 60])
    return bool(following) and following[0].start == 0


def _in_footnote(text: str, found: FoundDate) -> bool:
    """On a line opened by a footnote marker, unless the marker is the date's own day."""
    line, start = _line_of(text, found)
    return bool(_FOOTNOTE_LINE.match(line)) and bool(text[start : found.start].strip())


# --- the steps ------------------------------------------------------------------------------

_OPENING = 4000  # characters at the top where a document prints its date, dateline and title
_CLOSING = 2500  # characters at the end where it is signed
_TITLE_BLOCK = 300  # longest first paragraph still taken for a title line


def _decision(step: str, found: FoundDate, evidence: str) -> Decision:
    return Decision("doc_date", found.value, step, " ".join(evidence.split())[:200])


def front_matter_date(cleaned: CleanedDocument) -> Decision | None:
    """`date: 2019-05-14` (or `post_date:` ...) in the front matter the cleaning removed."""
    found = first_of(front_matter(cleaned), DATE_KEYS)
    if found is None:
        return None
    dates = find_dates(found[1])
    return _decision("front_matter_date@1", dates[0], f"{found[0]}: {found[1]}") if dates else None


def page_metadata_date(cleaned: CleanedDocument) -> Decision | None:
    """A web page's declared publication date (`article:published_time`, `datePublished` ...),
    read by the HTML reader into its properties. A PDF's or Word file's creation date is the
    file's, not the document's (a 1991 judgment scanned in 2004), so only HTML counts."""
    created = cleaned.raw.properties.created
    if cleaned.raw.source_format != "html" or created is None:
        return None
    return Decision("doc_date", created, "page_metadata_date@1", f"published {created.isoformat()}")


# `Resolution adopted by the General Assembly on 8 December 2021`, `Adopted at the 41st meeting,
# on 8 July 2025`, `Aprobada por ... el`, `Adoptée le`, `Adotada em`: a line that starts with it.
_ADOPTED = r"(?:adopted|approved|adoptad[ao]|aprobad[ao]|adopt[ée]e?|approuv[ée]e?|adotad[ao]|aprovad[ao])\b"
_VERB = re.compile(rf"(?i)\b{_ADOPTED}")
_ADOPTION_LINE = re.compile(
    r"(?im)^\W{0,3}(?:(?:resolution|decision|declaration|resoluci[oó]n|decisi[oó]n|declaraci[oó]n|r[eé]solution|"
    rf"d[eé]cision|d[eé]claration|resolu[cç][aã]o|decis[aã]o|declara[cç][aã]o)\s+)?{_ADOPTED}[^\n]{{0,200}}$"
)


def adoption_date(cleaned: CleanedDocument) -> Decision | None:
    """The date a line opening with the adoption formula gives, in the opening or closing part
    (a body sentence saying another text was adopted does not open its line with it)."""
    text = cleaned.clean_text
    for part in (text[:_OPENING], text[-_CLOSING:]):
        for m in _ADOPTION_LINE.finditer(part):
            line = m.group()
            for found in find_dates(line):
                # the line's own verb is no citation; another text's date after it is
                after_verb = line[_VERB.search(line).end() : found.start]
                if not found.is_range and not _CITED.search(after_verb) and not _BOUND.search(after_verb):
                    return _decision("adoption_date@1", found, line)
    return None


def title_date(cleaned: CleanedDocument) -> Decision | None:
    """The date of the title line (`Besluit van 3 april 2016 houdende ...`, `Session 5 | ... (Mar
    14, 2024)`, `RESOLUCIÓN ... DEL 12 DE MAYO DE 2003`): the first paragraph, when short. Only a
    date that opens or closes the title, or follows the instrument word it opens with, dates it;
    a date inside it is a subject (`Report on the 6 February 2023 earthquakes in ...`)."""
    text = cleaned.clean_text.lstrip()
    first = text.split("\n\n", 1)[0].rstrip()
    if len(first) > _TITLE_BLOCK or first.endswith((".", "!", "?", ";", ",", ":")):
        return None  # a sentence, not a title line
    for found in find_dates(first):
        if not found.is_range and _dates_the_title(first, found) and not _cites_another(first, found):
            return _decision("title_date@2", found, first)
    return None


_NO_WORD = re.compile(r"^[\W_]*$")


def _dates_the_title(title: str, found: FoundDate) -> bool:
    before, after = title[: found.start], title[found.end :]
    if _NO_WORD.match(before) or _NO_WORD.match(after):
        return True
    return bool(_OWN_INSTRUMENT.match(before))


# The instrument word a title opens with, its number, and the word that dates it: `Besluit van `,
# `Decree No. 123 of `, `Resolución 2/18 de `, `Décret du `.
_OWN_INSTRUMENT = re.compile(
    rf"(?i)^[\W_]*{_INSTRUMENT}(?:\s+(?:no\.?|n[º°o]\.?|number|n[uú]mero|num[eé]ro)?\s*[\w./-]*\d[\w./-]*,?)?"
    r"\s+(?:of|dated|de\s+fecha|fechad[ao]|dat[ée]e?|datad[ao]|del?|du|da|do|van|vom)\s*$"
)


def _cites_another(title: str, found: FoundDate) -> bool:
    """In a title, `Protocol to the Convention of 28 July 1951` dates the Convention; `Decree of
    1 March 2014` dates the title's own instrument, the one it opens with."""
    before = title[: found.start]
    if _BOUND.search(before) or _PERIOD_END.search(before) or _opens_period(title, found):
        return True
    starts = [m.start() for m in _INSTRUMENT_WORD.finditer(before) if _CITED.match(before, m.start())]
    return bool(starts) and starts[-1] > 0


# What may stand before a date on a dateline: a place and a comma or a bracket (`Geneva, `,
# `Wednesday, `, `Ciudad de México, a `, `GENÈVE (`), a place with its country (`San Jose, Costa
# Rica `), the publication word (`Published `, `Publicado el `, `Publié le `), a bracket; after it a
# time (`, 10 a.m.`), the title it heads (`4. März 2023 Title`), the venue it opens (`30 and 31
# August 2017, Raúl Prebisch conference room`) or, after a place, a press release's lede (`) – The`).
_PARTICLE = r"(?:de\s+la|de|del|da|do|dos|das|la|di|du|des|of)"
_PLACE = rf"[A-ZÀ-Ý][\w.'’-]*(?:\s+(?:{_PARTICLE}\s+)?[A-ZÀ-Ý][\w.'’-]*){{0,3}}"
_PUBLISHED = "(?i:" + "|".join(sorted(PUBLISHED_WORDS, key=len, reverse=True)) + ")"
_DATELINE_BEFORE = re.compile(
    rf"^[\s\[(]*(?:{_PLACE}(?:,\s*{_PLACE})?\s*[,(]\s*|{_PLACE},\s*{_PLACE}\s+|{_PUBLISHED}\s*:?\s*)?"
    r"(?:(?i:le|el|em|on|den|am|the|ce|a|à)\s+)?$"
)
_DATELINE_AFTER = re.compile(
    r"^[\s\])]*[,.]?\s*(?:\d{1,2}(?:[.:h]\d{2})?\s*(?:a\.\s*m\.|p\.\s*m\.|h|horas|heures)?\.?)?$"
)
_HEADED_TITLE = re.compile(r"^\s+[A-ZÀ-Ý][^\n]{10,200}[^.!?:;,\s]$")
_VENUE = re.compile(r"^,\s+[A-ZÀ-Ý][^\n.;:!?]{2,80}$")
_LEDE = re.compile(r"^\)?\s*[-–—]\s+\S")


def dateline_date(cleaned: CleanedDocument) -> Decision | None:
    """A date on a line of its own near the top (`9 May 2024`, `[3 June 2024]`, `Santiago, 12 de
    septiembre de 2017`, `17.06.2022`, `Published 20 May 2024`), a press release's dateline before
    its lede (`Geneva (14 March 2024) – The ...`), or a web article's date printed before its title."""
    text = cleaned.clean_text[:_OPENING]
    for found in find_dates(text):
        line, start = _line_of(text, found)
        before, after = text[start : found.start], line[found.end - start :]
        if _dateline_shape(before, after) and not _is_cited(text, found) and not _in_footnote(text, found):
            return _decision("dateline_date@2", found, line)
    return None


def _dateline_shape(before: str, after: str) -> bool:
    if not _DATELINE_BEFORE.match(before):
        return False
    if _DATELINE_AFTER.match(after):
        return True
    if not before.strip():
        return bool(_HEADED_TITLE.match(after) or _VENUE.match(after))
    return bool(before.strip(" \t[(")) and bool(_LEDE.match(after))


_SIGNING = re.compile(
    r"(?i)\b(?:done|signed|signatures?|witness|hecho|firmad[oa]s?|firmas?|fait|sign[ée]e?s?|feito|assinad[oa]s?|"
    r"assinaturas?|gedaan|ondertekend|geschehen|unterzeichnet)\b"
)


def signature_date(cleaned: CleanedDocument) -> Decision | None:
    """The date a document is signed on, at its end: a closing formula (`Done at New York, this
    twelfth day of March ...`, `Hecho en ..., el ...`, `Fait à ..., le ...`) or a place and
    date over the signatures (`Den Haag` / `3 april 2016`)."""
    text = cleaned.clean_text
    offset = max(0, len(text) - _CLOSING)
    closing = text[offset:]
    dates = find_dates(closing)
    for found in dates:
        sentence_start = max(closing.rfind(". ", 0, found.start), closing.rfind("\n", 0, found.start)) + 1
        if _SIGNING.search(closing[sentence_start : found.start]) and not _is_cited(closing, found):
            return _decision("signature_date@2", found, closing[sentence_start : found.end])
    for found in reversed(dates):
        line, start = _line_of(closing, found)
        before, after = closing[start : found.start], line[found.end - start :]
        if _DATELINE_BEFORE.match(before) and _DATELINE_AFTER.match(after) and not found.is_range:
            return _decision("signature_date@2", found, line)
    return None


Step = Callable[[CleanedDocument], "Decision | None"]
# Most trusted first: what the file declares, then what the document prints about itself. There
# is no last resort taking the first date near the top: that date is as often a period's bound or
# a meeting the text cites as the document's own, and no date is better than a wrong one.
STEPS: tuple[tuple[str, Step], ...] = (
    ("front_matter_date@1", front_matter_date),
    ("page_metadata_date@1", page_metadata_date),
    ("adoption_date@1", adoption_date),
    ("title_date@2", title_date),
    ("dateline_date@2", dateline_date),
    ("signature_date@2", signature_date),
)


def step_labels() -> tuple[str, ...]:
    """`name@version` of every date step, in the order they are tried."""
    return tuple(label for label, _ in STEPS)


def document_date(cleaned: CleanedDocument) -> Decision | None:
    """The document's own date with the step that found it and its evidence, or None."""
    return next(_decisions(cleaned), None)


def _decisions(cleaned: CleanedDocument) -> Iterator[Decision]:
    for _, step in STEPS:
        decision = step(cleaned)
        if decision is not None:
            yield decision
