"""The template a UN (or similar) document is printed on: the masthead at the top of its first
page — organisation, symbol, issuing organ, `Distr.: General`, date, `Original: English`, job
number, session, agenda item and its title — told apart from the document's own title.

Used by structure (masthead lines are neither headings nor the title) and by metadata (the
masthead's values become document fields). Works on the raw text too, so a Word masthead
that the cleaning removed with the first-page header is still read.

Every line is judged by what it is as a whole (`General Assembly` alone on its line is an
organ; a sentence about the General Assembly is not), and a masthead exists only when at
least two different kinds of template lines stand together at the top, one of them a line only
the template prints (`Distr.`, the symbol beside the organisation, `Original:` with the symbol):
precision first. Structure and metadata use that same test (`_is_masthead`)."""

from __future__ import annotations

import re
from datetime import date

from tasks.domain.lexicon import (
    AGENDA_ITEM_NOUNS,
    AGENDA_ITEM_WORDS,
    AGENDA_NAMES,
    AUTHOR_LINES,
    BODY_WORDS,
    DISTRIBUTION_VALUES,
    DRAFT_WORDS,
    GENRE_OPENINGS,
    LANGUAGE_NAME_CODES,
    MEETING_WORDS,
    MINOR_TITLE_WORDS,
    MONTH_NUMBERS,
    OFFICIAL_RECORDS,
    ORDINAL_WORDS,
    PREAMBLE_OPENINGS,
    SECTION_NAMES,
    SESSION_QUALIFIERS,
    SESSION_RESUMED,
    SESSION_WORDS,
    SUPPLEMENT_WORDS,
    TEMPLATE_ORGANISATIONS,
    UN_CITIES,
    UN_ORGANS,
    WEEKDAYS,
)
from tasks.domain.metadata_types import Decision

_WINDOW = 40  # opening paragraphs a masthead can span
_RAW_LINES = 60  # raw lines read as the first page when the text has no form feed
_MAX_GAP = 3  # unknown lines a masthead may hold between two template lines


def _alternation(words) -> str:
    return "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in sorted(words, key=len, reverse=True))


# --------------------------------------------------------------------------- line patterns
_ORG = _alternation(TEMPLATE_ORGANISATIONS)
_ORGAN = _alternation(UN_ORGANS)
# A symbol: series, then parts split by `/`, one at least with a digit; a joint symbol
# (`A/78/902-S/2024/417`); an emergency special session's part (`A/ES-11/L.9`); a part's
# note in brackets (`E/ICEF/701(Deuxième partie)`, `AG/RES. 2929 (XLVIII-O/18)`).
_PART = r"[A-Za-z0-9]\w*(?:-\d{1,3}(?!\d))?(?:\.(?:\s?\d+|\w+))*"
_ONE_SYMBOL = rf"[A-Z]{{1,8}}(?:\.\d+)?(?:/{_PART})+"
_SYMBOL = rf"(?<![\w/])(?:{_ONE_SYMBOL})(?:-(?:{_ONE_SYMBOL}))?(?:\s?\([^()\n]{{1,30}}\))?(?![\w/])"
_SYMBOL_RE = re.compile(_SYMBOL)
_MONTH = _alternation(MONTH_NUMBERS)
# A masthead's date, day first (`2 July 2025`, `3 de marzo de 2024`) or month first (`July 2,
# 2025`), written once: `_DATE` recognises it inside the line patterns, `_to_date` reads its parts.
_DAY_FIRST_FORM = rf"(\d{{1,2}})(?:st|nd|rd|th|er|º|°)?\s+(?:de\s+)?({_MONTH})\.?\s+(?:de\s+)?(\d{{4}})"
_MONTH_FIRST_FORM = rf"({_MONTH})\.?\s+(\d{{1,2}}),?\s+(\d{{4}})"
_DATE = rf"(?:{_DAY_FIRST_FORM}|{_MONTH_FIRST_FORM})"
_DAY_FIRST = re.compile(rf"(?i){_DAY_FIRST_FORM}")
_MONTH_FIRST = re.compile(rf"(?i){_MONTH_FIRST_FORM}")
_WEEKDAY = _alternation(WEEKDAYS)
_TIME = (
    r"(?:,?\s*(?:at\s+|a\s+las\s+|à\s+|às\s+)?\d{1,2}(?:[.:h]\d{2})?"
    r"\s*(?:a\.\s?m\.|p\.\s?m\.|h(?:eures)?|horas)?)"
)
# A date alone on its line, maybe with its weekday and hour (`Wednesday, 16 April 2025, 10 a.m.`).
_DATE_LINE = re.compile(rf"(?i)^(?:(?:{_WEEKDAY}),?\s+)?{_DATE}{_TIME}?\.?$")
# A span of days (`3 March–5 April 2024`, `9–13 September 2024`, `2 a 6 de octubre de 2023`) with
# or without its place (`New York, 9–13 September 2024`), or a headquarters city alone.
_RANGE = (
    rf"\(?(?:\d{{1,2}}(?:\s+(?:de\s+)?(?:{_MONTH})(?:\s+(?:de\s+)?\d{{4}})?)?\s*(?:-|–|—|to|a|al|au|à)\s*)"
    rf"{_DATE}\)?"
)
_CITY = _alternation(UN_CITIES)
_DATELINE = re.compile(
    rf"(?i)^(?:(?:{_CITY}|[A-ZÀ-Ý][\w'’.-]+(?:\s[A-ZÀ-Ý][\w'’.-]+)?),\s+(?:{_RANGE}|{_DATE})"
    rf"|{_RANGE}|(?:{_CITY}))$"
)
_DISTR = r"(?:Distr\.?|D\s?i\s?s\s?[tc]\s?r\.)"
_DISTR_VALUE = _alternation(DISTRIBUTION_VALUES)
# `Distr.` after the organ, the organisation or any other body's name (`Convention on the Rights
# of the Child Distr.: General`): the prefix is checked by `_distribution_match`.
_DISTRIBUTION = re.compile(
    rf"(?i)^(?P<prefix>.{{0,90}}?)\s*(?<!\w){_DISTR}\s*:?\s*(?:(?P<value>{_DISTR_VALUE})(?!\w))?\.?"
    rf"(?:\s+(?P<date>{_DATE}))?$"
)
_LANGUAGE = _alternation(LANGUAGE_NAME_CODES)
_ORIGINAL = re.compile(rf"(?i)^original\s*:\s*(?P<langs>(?:{_LANGUAGE})(?:\s*(?:/|,|and|y|et|e)\s*(?:{_LANGUAGE})?)*)$")
_LANGUAGE_LINE = re.compile(rf"(?i)^(?:{_LANGUAGE})(?:\s*/\s*(?:{_LANGUAGE})?)*/?$")
# `24-13579 (E) 080424`, `GE.24-02468 (E) 150324 180324 iii`, `23-11223 (E) 041223 *2311223*`,
# an OCR'd `80-12957 /.`
_JOB = r"(?P<job>(?:GE\.)?\d{2}-\d{5})"
_JOB_LINE = re.compile(
    rf"^{_JOB}(?P<lang>\s*\([A-Z]\))?(?:\s+\d{{6}})*(?:\s*\*\d{{7,8}}\*)?(?:\s+[ivxlc]{{1,5}}|\s+\d{{1,3}})?[\s/._-]*$"
)
_BARCODE = re.compile(r"^\*\d{7,8}\*$")
_BARCODE_LEAD = re.compile(r"^\*?\d{7,8}\*?\s+(?=[A-ZÀ-Ý])")
_ORDINAL_EN_FR = r"(?:[a-zà-ÿ]+-)*[a-zà-ÿ]*(?:first|second|third|[a-z]th|ième|ieme|ier|ière)"
_ORDINAL_ES_PT = _alternation(ORDINAL_WORDS)
_ORDINAL_WORD = rf"(?:{_ORDINAL_EN_FR}|first|second|third|(?:{_ORDINAL_ES_PT})(?:\s+(?:{_ORDINAL_ES_PT}))?)"
_SESSION_WORD = _alternation(SESSION_WORDS)
_QUALIFIER = _alternation(SESSION_QUALIFIERS)
_YEAR_ISH = r"(?=(?:\D*\d){2})[\dOÔÖoIl]{4}"  # a year, OCR'd digits allowed (`19Ô0`)
_RESUMED = _alternation(SESSION_RESUMED)
# `Fifty-ninth session`, `Resumed eightieth session`, `Eleventh emergency special session`,
# `Undécimo período extraordinario de sesiones de emergencia`, `Session de 1980`; its dates in
# brackets or (a PDF line joined) after it.
_SESSION = re.compile(
    rf"(?i)^(?P<session>(?:(?:{_RESUMED})\s+)?(?:(?:{_ORDINAL_WORD}|\d{{1,3}}(?:st|nd|rd|th|e|ª|º)|{_YEAR_ISH})\s+"
    rf"(?:(?:{_QUALIFIER})\s+)*(?:{_SESSION_WORD})(?:\s+(?:{_QUALIFIER}))*"
    rf"|(?:{_SESSION_WORD})\s+(?:(?:de|of)\s+)?{_YEAR_ISH}))"
    rf"(?:\s*\((?:[^()]*)\)|\s+{_RANGE})?$"
)
_RECORDS = re.compile(
    rf"(?i)^(?:{_alternation(OFFICIAL_RECORDS)}"
    rf"|(?:{_alternation(SUPPLEMENT_WORDS)})\s+(?:no|núm|n\.?º|n°)\.?\s*\d+[A-Z]?)$"
)
_MEETING = re.compile(
    rf"(?i)^\d{{1,4}}(?:st|nd|rd|th|e|ª|º|a)?\.?\s+(?:{_alternation(MEETING_WORDS)})(?:\s*\([^()]{{1,20}}\))?$"
)  # `9479th Meeting (AM)`
# `Agenda item 71`, `Agenda item 19 (c)`, `Item 7 of the provisional agenda*`,
# `Tema 5 del programa`, `Point 71 b) de l'ordre du jour`, `Item 13 da agenda provisória`.
_SUB_ITEM = r"(?:\s?(?:\([a-z]{1,4}\)|[a-z]{1,4}\)))?"
_ITEM_NO = rf"(\d{{1,3}}{_SUB_ITEM}(?:\s*(?:,|and|y|et|e)\s*\d{{1,3}}{_SUB_ITEM})*)"
_TAIL = r"(?:\s*\((?:continued|continuación|suite|continuação)\))?\s*\*{0,3}$"
_AGENDA = re.compile(
    rf"(?i)^(?:(?:{_alternation(AGENDA_ITEM_WORDS)})\s+{_ITEM_NO}"
    rf"|(?:{_alternation(AGENDA_ITEM_NOUNS)})\s+{_ITEM_NO}\s+(?:of\s+the|del|de\s+l['’]|de\s+la|da|do)\s*"
    rf"(?:{_alternation(AGENDA_NAMES)})){_TAIL}"
)
_PREAMBLE = re.compile(rf"(?i)^(?:{_alternation(PREAMBLE_OPENINGS)})\s")
_BRACKETED = re.compile(r"^\[[^\[\]]{3,300}\]\.?$")
_DRAFT = re.compile(rf"(?i):\s*(?:{_alternation(DRAFT_WORDS)})$")
_AUTHOR = re.compile(rf"(?i)^(?:{_alternation(AUTHOR_LINES)})\.?$")
_GENRE = re.compile(rf"(?i)^(?:{_alternation(GENRE_OPENINGS)})\b")
_NUMBERED = re.compile(r"^\(?\d{1,3}[.)]\s+\S")
_MARKDOWN = re.compile(r"^\s*#{1,6}\s+|\[\^[^\]]*\]|\*\*")

# Template lines told by one pattern each, tried in this order (after the organisation, symbol,
# `Distr.` and organ lines, which need more than a pattern).
_LINE_PATTERNS: tuple[tuple[re.Pattern, str], ...] = (
    (_ORIGINAL, "language"),
    (_LANGUAGE_LINE, "language"),
    (_JOB_LINE, "job_number"),
    (_BARCODE, "barcode"),
    (_BARCODE_LEAD, "body"),
    (_SESSION, "session"),
    (_RECORDS, "session"),
    (_MEETING, "meeting"),
    (_AGENDA, "agenda_item"),
    (_DATE_LINE, "date"),
    (_DATELINE, "dateline"),
)
# Compiled once, not per line: what may stand beside a symbol, an organ's line, the names a
# `Distr.` line's prefix may hold, a symbol line led by the organisation, a date in a line.
_BESIDE_SYMBOL = re.compile(rf"(?i)(?:(?:{_ORG}|{_ORGAN})\s*)*(?:{_DATE})?")
_ORGAN_LINE = re.compile(rf"(?i)(?:(?:{_ORGAN})\s*)+")
_ORG_OR_ORGAN = re.compile(rf"(?i){_ORGAN}|{_ORG}")
_LED_BY_ORG = re.compile(rf"(?i)(?:{_ORG})\b")
_DATE_RE = re.compile(_DATE, re.I)

_TEMPLATE_ONLY = frozenset({"symbol", "job_number", "barcode"})  # with `Original:`, a masthead
_ELISION = re.compile(r"^(?:d|l|del|de)['’]", re.I)
_NAME_LINKS = MINOR_TITLE_WORDS | {"os", "às"}  # small words inside a name (`Convenção sobre os Direitos`)


def _plain(line: str) -> str:
    """A line without markdown heading marks, footnote references or bold marks."""
    return " ".join(_MARKDOWN.sub(" ", line).split())


def _symbol_line(line: str) -> str | None:
    """The own symbol when the line is the symbol alone or the symbol beside the
    organisation, the organ or a date (`United Nations A/HRC/55/L.9`); a reissue's marks
    after it (`A/79/L.1*`) are no part of it."""
    m = _SYMBOL_RE.search(line)
    if m is None or not re.search(r"\d", m.group()):
        return None
    rest = (line[: m.start()] + " " + re.sub(r"^\*{1,3}", "", line[m.end() :])).strip(" ,")
    if rest and not _BESIDE_SYMBOL.fullmatch(rest):
        return None
    return " ".join(m.group().split()).replace("/Res/", "/RES/")


def _organ_line(line: str) -> bool:
    return bool(_ORGAN_LINE.fullmatch(line))


def _name_words(words: list[str]) -> bool:
    """Words of a name as printed: each capitalised (or in capitals), a small word (`on`,
    `de`, `et`) or elided (`d'administration`) — not a sentence (`The document is marked`)."""
    return all(w[:1].isupper() or w.lower() in _NAME_LINKS or _ELISION.match(w) for w in words)


def _distribution_match(line: str) -> re.Match | None:
    """`Distr.: General`, maybe after a short name: the organ's, the organisation's or any
    other body's (`United Nations Environment Programme Distr.: Limited`)."""
    m = _DISTRIBUTION.match(line)
    if m is None:
        return None
    prefix = _ORG_OR_ORGAN.sub(" ", m.group("prefix")).split()
    if prefix and (len(prefix) > 12 or not _name_words(prefix) or not m.group("value")):
        return None
    return m


def line_kind(text: str) -> str | None:
    """Which template line a paragraph is, judged on its first line (an agenda item's title
    and a wrapped `Original:` list ride along in the same paragraph), or None."""
    lines = [_plain(x) for x in text.splitlines() if _plain(x)]
    if not lines:
        return None
    line = lines[0]
    if len(line) > 200:
        return None
    low = line.lower()
    if low in TEMPLATE_ORGANISATIONS:
        return "organization"
    if _symbol_line(line):
        return "symbol"
    distribution = _distribution_match(line)
    if distribution and (distribution.group("value") or len(line) < 12):  # `Distr.: General`, OCR'd `Dis cr.`
        return "distribution"
    if low.rstrip(".") in DISTRIBUTION_VALUES:
        return "distribution_value"  # a value alone: only under an OCR'd `Distr.` line
    if _organ_line(line):
        return "organ"
    for pattern, kind in _LINE_PATTERNS:
        if pattern.match(line):
            return kind
    if _PREAMBLE.match(line) or _BRACKETED.match(" ".join(lines)) or _DRAFT.search(" ".join(lines)):
        return "preamble"
    return None


def _is_masthead(texts: list[str], kinds: list[str | None]) -> bool:
    """The one test, for structure and metadata alike, that lines make a masthead: two kinds of
    template lines, with `Distr.`; the symbol beside (or under) the organisation's name;
    `Original:` with the symbol or the job number; a session line with an agenda item (a Word
    file whose header the cleaning took); or a cover page's organisation, organ and session.
    A press release's number, date, organ and meeting are not one."""
    found = {k for k in kinds if k is not None}
    if len(found) < 2:  # one template-like line is no masthead
        return False
    if "distribution" in found or {"session", "agenda_item"} <= found:
        return True
    if "symbol" in found and "organization" in found:
        return True
    if any(k == "symbol" and _LED_BY_ORG.match(_plain(t)) for t, k in zip(texts, kinds)):
        return True
    if found & _TEMPLATE_ONLY and any(_ORIGINAL.match(_plain(t.split("\n", 1)[0])) for t in texts):
        return True
    return {"organization", "organ", "session"} <= found


def _prose(text: str) -> bool:
    """Running text: a numbered paragraph, a long block, or a sentence of five words or more."""
    flat = " ".join(text.split())
    if _NUMBERED.match(flat) or len(flat) > 300:
        return True
    return len(flat.split()) >= 5 and flat[-1:] in ".;,!?" and not _BRACKETED.match(flat)


def _section_name(text: str) -> bool:
    """`Summary`, `Résumé`, `I. Introduction`: a section's name, never the document's title."""
    name = re.sub(r"^(?:[IVXLC]{1,5}|\d{1,2}|[A-H])[.)]\s+", "", _plain(text)).rstrip(" .:").lower()
    return name in SECTION_NAMES


def _candidate(text: str) -> bool:
    """A line that could be a title: no template or preamble line, no running text, no author
    line (`Report of the Secretary-General`), no section name."""
    return not (_prose(text) or line_kind(text) or _AUTHOR.match(_plain(text)) or _section_name(text))


def _body_name(text: str) -> bool:
    """A body's name on its own (`Committee on the Rights of the Child`, `Troisième
    Commission`, `CONSEJO PERMANENTE DE LA ORGANIZACIÓN ...`): a body's word at its head, only
    name words before it, and no common noun after it (`Regional cooperation and ...` is
    a subject). A title opening with its genre (`Report of the Committee ...`) is no name."""
    words = _plain(text).split()
    if not words or len(words) > 14 or _GENRE.match(_plain(text)):
        return False
    heads = [k for k, w in enumerate(words) if _ELISION.sub("", w).strip(",").lower() in BODY_WORDS]
    if not heads or not words[0][:1].isupper() or not _name_words(words[: heads[0]]):
        return False
    after = words[heads[0] + 1 : heads[0] + 2]
    return _name_words(after)


def _organ_runs(paragraphs: list[str], kinds: list[str | None]) -> None:
    """An organ's name broken over short lines by the layout or OCR (`CONSEIL` /
    `ECONOMIQUE` / `ET SOCIA`): the joined lines start an organ's name."""
    organs = [o.replace("é", "e").replace("è", "e") for o in UN_ORGANS]
    i = 0
    while i < len(paragraphs):
        for n in (4, 3, 2):
            run = paragraphs[i : i + n]
            if len(run) < n or any(kinds[i + k] is not None or len(p.split()) > 3 for k, p in enumerate(run)):
                continue
            joined = " ".join(_plain(p) for p in run).lower().replace("é", "e").replace("è", "e")
            if len(joined) >= 12 and any(o.startswith(joined) and len(joined) >= 0.8 * len(o) for o in organs):
                kinds[i : i + n] = ["organ"] * n
                i += n - 1
                break
        i += 1


def _item_count(text: str) -> int:
    """How many items an agenda line names (`Points 2 et 3` names two)."""
    m = _AGENDA.match(_plain(text.split("\n", 1)[0]))
    return len(re.findall(r"\d{1,3}", (m.group(1) or m.group(2)) if m else ""))


def _agenda_titles(paragraphs: list[str], kinds: list[str | None], after: int, blocks: list[int] | None) -> int:
    """An agenda item that ends the masthead prints its title under it, in its own layout
    block (`Agenda item 12` / `Social development questions`): the lines after it to
    the end of that block are its title, not the document's; an item line naming n items
    (`Points 2 et 3`) has n titles, the others each in the next block. An item alone in its
    block has no title there (`Agenda item 123`, then the document's title). The index after
    the last such line."""
    if blocks is None or not after or kinds[after - 1] != "agenda_item":
        return after
    item = after - 1
    titles = 1 if len([x for x in paragraphs[item].splitlines() if x.strip()]) > 1 else 0
    j = after
    while j < len(paragraphs) and blocks[j] == blocks[item] and _candidate(paragraphs[j]):
        kinds[j], titles, j = "agenda_title", 1, j + 1
    if j < len(paragraphs) and blocks[j] == blocks[item]:
        return j  # something else ends the item's block: no title of another item follows
    for _ in range(_item_count(paragraphs[item]) - 1 if titles else 0):
        block = blocks[j] if j < len(paragraphs) else None
        if block is None or not _candidate(paragraphs[j]):
            break
        while j < len(paragraphs) and blocks[j] == block and _candidate(paragraphs[j]):
            kinds[j], j = "agenda_title", j + 1
    return j


def _classify(paragraphs: list[str], blocks: list[int] | None) -> tuple[list[str | None], int, int | None]:
    """Kinds of the opening paragraphs, the index after the masthead block (with the agenda
    item's title) and, when a title sits inside the block (a cover page), its index."""
    kinds = [line_kind(p) for p in paragraphs]
    _organ_runs(paragraphs, kinds)
    for i, kind in enumerate(kinds):  # `GENERALE` under an OCR'd `Dis cr.`
        if kind == "distribution_value":
            kinds[i] = "distribution" if i and kinds[i - 1] == "distribution" else None
    core = [i for i, k in enumerate(kinds) if k is not None and k != "preamble"]
    if not core or core[0] > 2:
        return [None] * len(paragraphs), 0, None
    end, gap_title = core[0], None
    for i in range(core[0] + 1, len(paragraphs)):
        if kinds[i] is None and _prose(paragraphs[i]):
            break
        if kinds[i] is not None and kinds[i] != "preamble":
            if i - end - 1 > _MAX_GAP:
                break
            end = i
    if not _is_masthead(paragraphs[core[0] : end + 1], kinds[core[0] : end + 1]):
        return [None] * len(paragraphs), 0, None
    for i in range(core[0], end + 1):  # lines between template lines: a body's name, an item's title
        if kinds[i] is None:
            if _GENRE.match(_plain(paragraphs[i])):
                gap_title = i if gap_title is None else gap_title
            elif kinds[i - 1] in ("agenda_item", "agenda_title"):
                kinds[i] = "agenda_title"
            else:
                kinds[i] = "body"
    for i in range(end + 1, len(kinds)):
        kinds[i] = "preamble" if kinds[i] == "preamble" else None  # below the block only preamble lines count
    return kinds, _agenda_titles(paragraphs, kinds, end + 1, blocks), gap_title


def _below(
    paragraphs: list[str], kinds: list[str | None], after: int, gap_title: int | None
) -> tuple[int | None, list[int]]:
    """The title and the body names above it (`Committee on the Rights of the Child` over
    `General comment No. 26 ...`): a body's name is the title only when no other title-like
    line follows it (`United Nations Assistance Mission in Somalia` over the author line)."""
    meeting = [i for i in range(after) if kinds[i] == "meeting"]
    if meeting:  # a meeting record is cited by its meeting
        return meeting[0], []
    if gap_title is not None:
        return gap_title, []
    bodies: list[int] = []
    for i in range(after, len(paragraphs)):
        if kinds[i] == "preamble" or _AUTHOR.match(_plain(paragraphs[i])):
            continue
        if not _candidate(paragraphs[i]):
            return None, bodies  # a letter or note that opens with its text has no title
        if _body_name(paragraphs[i]) and i + 1 < len(paragraphs) and _candidate(paragraphs[i + 1]):
            bodies.append(i)
            continue
        return i, bodies
    return None, bodies


def _read(paragraphs: list[str], blocks: list[int] | None) -> tuple[list[str | None], int | None]:
    """Each opening paragraph's masthead kind and the title's index."""
    head = paragraphs[:_WINDOW]
    kinds, after, gap_title = _classify(head, blocks[:_WINDOW] if blocks is not None else None)
    out: list[str | None] = [None] * len(paragraphs)
    if after == 0:
        return out, None
    title, bodies = _below(head, kinds, after, gap_title)
    out[:after] = kinds[:after]
    for i in bodies:
        out[i] = "body"
    i = after
    while i < len(head) and i != title and (kinds[i] == "preamble" or _AUTHOR.match(_plain(head[i])) or i in bodies):
        out[i] = "body" if i in bodies else "preamble"  # preamble and author lines above the title
        i += 1
    if title is not None:  # the title is no masthead line, even the meeting line a record is cited by
        out[title] = None
    if title is not None and title >= after:  # the author line under it: `Report of the Secretary-General`
        i = title + 1
        while i < len(head) and (_AUTHOR.match(_plain(head[i])) or kinds[i] == "preamble"):
            out[i] = "preamble"
            i += 1
    return out, title


def masthead_kinds(paragraphs: list[str], blocks: list[int] | None = None) -> list[str | None]:
    """For the opening paragraphs of a clean text (in order, each one line or block as
    structure splits them) and, when known, the layout block each one sits in (paragraphs
    between the same blank lines share one): which masthead item each one is
    (`organization`, `organ`, `symbol`, `distribution`, `date`, `language`, `job_number`,
    `barcode`, `session`, `meeting`, `dateline`, `agenda_item`, `agenda_title`, `body`,
    `preamble`), None for a paragraph that is not part of the masthead. Empty for a document
    without one. Without blocks an agenda item's title is read only inside its paragraph or
    between template lines."""
    return _read(paragraphs, blocks)[0]


def title_index(paragraphs: list[str], blocks: list[int] | None = None) -> int | None:
    """Index of the document's own title among the opening paragraphs of a templated
    document (the first paragraph after the masthead that a person would cite), None when
    the document has no masthead or no title (a letter, a note verbale, a report whose first
    line after the masthead is `Summary`). `blocks` as for `masthead_kinds`."""
    return _read(paragraphs, blocks)[1]


# --------------------------------------------------------------------------- fields
# One small named step per field: its `name@version` is recorded with each value it reads.
STEPS: dict[str, str] = {
    "doc_symbol": "masthead_symbol@3",  # 3: the OAS template too
    "distribution": "masthead_distribution@2",
    "original_language": "masthead_original@2",
    "job_number": "masthead_job_number@2",
    "session": "masthead_session@2",
    "agenda_item": "masthead_agenda_item@2",
    "doc_date": "masthead_date@2",
}


def step_labels() -> tuple[str, ...]:
    """`name@version` of every masthead step: part of the pipeline version."""
    return tuple(STEPS.values())


def _first_page(raw_text: str) -> list[str]:
    page = raw_text.split("\f", 1)[0] if "\f" in raw_text else "\n".join(raw_text.splitlines()[:_RAW_LINES])
    return page.splitlines()


def _blocks(lines: list[str]) -> list[str]:
    """Lines grouped as the page separates them (blank lines): a prose block ends the masthead."""
    blocks, current = [], []
    for line in lines:
        if line.strip():
            current.append(line)
        elif current:
            blocks.append("\n".join(current))
            current = []
    if current:
        blocks.append("\n".join(current))
    return blocks


def _masthead_lines(raw_text: str) -> list[str]:
    """The first page's lines down to its first running text, when they make a masthead (the
    same test as structure's)."""
    lines: list[str] = []
    for block in _blocks(_first_page(raw_text)):
        if _prose(block) and not any(line_kind(x) for x in block.splitlines()):
            break
        lines += [_plain(x) for x in block.splitlines() if _plain(x)]
    return lines if _is_masthead(lines, [line_kind(x) for x in lines]) else []


def _to_date(text: str) -> date | None:
    for rx, order in ((_DAY_FIRST, (3, 2, 1)), (_MONTH_FIRST, (3, 1, 2))):
        m = rx.search(text)
        if m:
            year, month, day = (m.group(k) for k in order)
            try:
                return date(int(year), MONTH_NUMBERS[month.lower().rstrip(".")], int(day))
            except (ValueError, KeyError):
                return None
    return None


def _symbol(lines: list[str]) -> Decision | None:
    for line in lines:
        symbol = _symbol_line(line)
        if symbol:
            return Decision("doc_symbol", symbol, STEPS["doc_symbol"], line)
    return None


def _distribution(lines: list[str]) -> Decision | None:
    for i, line in enumerate(lines):
        m = _distribution_match(line)
        if m is None:
            continue
        value = m.group("value")
        if value is None and i + 1 < len(lines) and lines[i + 1].lower().rstrip(".") in DISTRIBUTION_VALUES:
            value, line = lines[i + 1].rstrip("."), f"{line} {lines[i + 1]}"  # OCR put the value below
        if value:
            return Decision("distribution", DISTRIBUTION_VALUES[value.lower()], STEPS["distribution"], line)
    return None


def _original_language(lines: list[str]) -> Decision | None:
    """`Original: English` → `en`; a list of originals (`Arabic/English/French/`) names no one
    language, so none is given."""
    for line in lines:
        m = _ORIGINAL.match(line)
        if m:
            names = [n for n in re.split(r"\s*(?:/|,|\band\b|\by\b|\bet\b|\be\b)\s*", m.group("langs")) if n]
            if len(names) == 1 and not line.endswith("/"):
                return Decision(
                    "original_language", LANGUAGE_NAME_CODES[names[0].lower()], STEPS["original_language"], line
                )
            return None
    return None


_FOOTER_JOB = re.compile(rf"(?m)^[ \t]*{_JOB}[ \t]*\([A-Z]\)(?:[ \t]+\d{{6}})*(?:[ \t]*\*\d{{7,8}}\*)?")


def _job_number(lines: list[str], raw_text: str) -> Decision | None:
    """The job number on the first page; a Word file prints it in its first-page footer, which
    the reader puts at the end, and a cover page may hide it: then the first line anywhere
    that has its strict form, job number and language letter (`23-11223 (E) 041223`)."""
    for line in lines + _first_page(raw_text):
        m = _JOB_LINE.match(_plain(line))
        if m:
            return Decision("job_number", m.group("job"), STEPS["job_number"], _plain(line))
    m = _FOOTER_JOB.search(raw_text)
    if m:
        return Decision("job_number", m.group("job"), STEPS["job_number"], m.group().strip())
    return None


def _session(lines: list[str]) -> Decision | None:
    for line in lines:
        m = _SESSION.match(line)
        if m and not _RECORDS.match(line):
            return Decision("session", m.group("session"), STEPS["session"], line)
    return None


def _agenda_item(lines: list[str]) -> Decision | None:
    for line in lines:
        m = _AGENDA.match(line)
        if m:
            item = m.group(1) or m.group(2)
            return Decision("agenda_item", " ".join(item.split()), STEPS["agenda_item"], line)
    return None


def _doc_date(lines: list[str]) -> Decision | None:
    """The masthead's own date: a date alone on its line, or beside `Distr.` or the symbol;
    never a span of days (a session's) nor a preamble's adoption date."""
    for line in lines:
        kind = line_kind(line)
        m = _distribution_match(line)
        if kind == "date" or (m and m.group("date")) or (kind == "symbol" and _DATE_RE.search(line)):
            found = _to_date(line)
            if found is not None:
                return Decision("doc_date", found, STEPS["doc_date"], line)
    return None


def masthead_fields(raw_text: str) -> tuple[Decision, ...]:
    """The masthead's values as document fields (`doc_symbol`, `distribution`,
    `original_language`, `job_number`, `session`, `agenda_item`, `doc_date`), each with the
    step that read it and its evidence."""
    lines = _masthead_lines(raw_text)
    if not lines:
        return ()
    found = (
        _symbol(lines),
        _distribution(lines),
        _original_language(lines),
        _job_number(lines, raw_text),
        _session(lines),
        _agenda_item(lines),
        _doc_date(lines),
    )
    return tuple(d for d in found if d is not None)
