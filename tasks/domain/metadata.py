"""Who, where, when and which UN documents: metadata read off a structured document.

Authors and organisations come from the header block above the title and the signature block
at the end; organisations also from acronyms a document defines (`International Organization
for Migration (IOM)`); places from datelines and `in City, Country`; the date is the one the
document carries (tasks/domain/dates.py); UN symbols are kept as found, de-duplicated in order."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date

from tasks.domain.dates import document_date, find_dates
from tasks.domain.dates import step_labels as date_step_labels
from tasks.domain.lexicon import (
    BODY_WORDS,
    DISTRIBUTION_VALUES,
    PUBLISHED_WORDS,
    STATE_NAME_WORDS,
    UN_CITIES,
    UPDATED_WORDS,
    WEEKDAYS,
)
from tasks.domain.masthead import masthead_fields
from tasks.domain.masthead import step_labels as masthead_step_labels
from tasks.domain.metadata_types import Decision
from tasks.domain.models import CleanedDocument, Paragraph
from tasks.domain.structure.headings import DATELINE

# A/RES/71/280, A/71/L.58, E/CN.9/2018/2, A/HRC/RES/35/17, A/69/488/Add.2
UN_SYMBOL = re.compile(
    r"\b(?:A|E|S|ST|TD|UNEP|HRC|CRC|CCPR|CERD|CEDAW|CAT|CMW|DP|ECE|LC|UNW|ICEF|SG)"
    r"(?:/(?:(?:Add|Rev|Corr|Amend)\.\d{1,3}|[A-Z]{1,6}\.\d{1,4}|RES|Res|\d{1,4}|[A-Z]{1,6}))+"
    r"(?![\w/])"
)
_SYMBOL_NUMBER = re.compile(r"/\d")

# Words that make a name international, not an organisation (`Le droit international humanitaire`).
_QUALIFIER_ORG_WORDS = frozenset({"international", "internacional"})
# A body's head noun (lexicon.BODY_WORDS, which spells `organization`/`organisation` both ways;
# also `organisación`), or `international`, which makes a name a body's only with another.
_ORG_HEADS = BODY_WORDS | _QUALIFIER_ORG_WORDS | {"organisación"}
_ORG_WORDS = re.compile(
    r"(?i)(?<![\w-])(?:" + "|".join(sorted(map(re.escape, _ORG_HEADS), key=len, reverse=True)) + r")(?![\w-])"
)
_DEFINED_ACRONYM = re.compile(r"((?:[A-ZÀ-Ý][\w'’-]*\s+)(?:[\w'’-]+\s+){0,8}[\w'’-]+)\s+\(([A-Z]{2,8})\)")
# An acronym alone on a signature or header line names a body only from three letters on:
# two capitals alone are a country, a language or a role code (`UK`, `EN`, `PR`).
_ACRONYM_LINE = re.compile(r"^[A-Z]{3,8}$")
_BEHALF = re.compile(
    r"(?i)^(?:on behalf of|en nombre de|au nom de|em nome de|representing)\s+(?:the\s+|la\s+|el\s+|le\s+|a\s+|o\s+)?"
)
_HONORIFIC = re.compile(r"^(?:Mr|Mrs|Ms|Dr|Prof|Sr|Sra|Srta|Sr\.a|Dra|Mme|M|Me|Hon|H\.E)\.?\s+")
_PERSON = re.compile(
    r"^[A-ZÀ-Ý][a-zà-ÿ'’-]+(?:\s+(?:(?:de|da|do|dos|del|la|las|los|van|von|y|e)\s+)*[A-ZÀ-Ý][a-zà-ÿ'’-]+){1,4}$"
)
_ROLE_WORDS = re.compile(
    r"(?i)\b(?:director|directora|directeur|directrice|diretor|diretora|executive|ejecutiv[oa]|ex[eé]cuti[fv]e?|"
    r"coordinator|coordinador|coordinadora|coordinateur|coordinatrice|coordenador|coordenadora|secretary|secretario|"
    r"secretaria|secr[eé]taire|president|presidente|pr[eé]sident|ambassador|embajador|ambassadeur|embaixador|"
    r"minister|ministro|ministre|chair|chairperson|rapporteur|relator|general|assembly|asamblea|assembl[eé]e|"
    r"assembleia|officer|oficial|representative|representante|repr[eé]sentant)\b"
)
# Countries, as the four languages write them: `in City, Country` is only a place when the
# second part is a country (`in the document, Its ...` is not).
_COUNTRIES = (
    "Argentina, Bahamas, Barbados, Belize, Belice, Bolivia, Brazil, Brasil, Brésil, Canada, Canadá, Chile, "
    "Chili, Colombia, Colombie, Colômbia, Costa Rica, Cuba, Dominican Republic, República Dominicana, "
    "Ecuador, Équateur, Equador, El Salvador, Guatemala, Guyana, Haiti, Haití, Haïti, Honduras, Jamaica, "
    "Jamaïque, Mexico, México, Mexique, Nicaragua, Panama, Panamá, Paraguay, Peru, Perú, Pérou, Suriname, "
    "Trinidad and Tobago, Uruguay, Venezuela, United States, Estados Unidos, États-Unis, Spain, España, "
    "Espagne, Espanha, France, Francia, França, Portugal, Italy, Italia, Italie, Itália, Germany, Alemania, "
    "Allemagne, Alemanha, Switzerland, Suiza, Suisse, Suíça, Belgium, Bélgica, Belgique, Netherlands, "
    "Austria, Autriche, Sweden, Poland, Pologne, Greece, Grecia, Grèce, Turkey, Turquía, Turquie, Turquia, "
    "Morocco, Marruecos, Maroc, Marrocos, Senegal, Sénégal, Nigeria, Nigéria, Ghana, Ethiopia, Etiopía, "
    "Éthiopie, Etiópia, Kenya, Kenia, South Africa, Sudáfrica, Afrique du Sud, África do Sul, Egypt, Egipto, "
    "Égypte, Egito, Tunisia, Tunisie, Libya, Libia, Libye, Mali, Niger, Angola, Mozambique, Moçambique, "
    "Cabo Verde, Cape Verde, Cap-Vert, Indonesia, Indonésie, Thailand, Tailandia, Thaïlande, Philippines, "
    "Filipinas, Bangladesh, India, Inde, Índia, Pakistan, Pakistán, China, Chine, Japan, Japón, Japon, "
    "Qatar, Jordan, Jordania, Jordanie, Lebanon, Líbano, Liban, Poland, Ireland, United Kingdom, Reino Unido"
).split(", ")
_COUNTRY = "|".join(re.escape(c) for c in sorted(set(_COUNTRIES), key=len, reverse=True))
_PLACE_NAME = re.compile(
    rf"^(?:{_COUNTRY}|San José|San Jose|Santiago|Ginebra|Genève|Geneva|Genebra|Nueva York|New York)$"
)
_IN_PLACE = re.compile(rf"\b(?:in|en|à|em|at)\s+([A-ZÀ-Ý][\w'’-]+(?:\s+[A-ZÀ-Ý][\w'’-]+){{0,2}}),\s+({_COUNTRY})\b")
_MINOR_WORDS = frozenset("the of and for de del la las los el y e pour des du le les et da do das dos".split())
_NOT_PLACES = frozenset(
    """
on in at by the le la les el los las em no na de du des a au aux en from since until
""".split()
)
_FRONT = 2000  # characters at the top where a document says where and when it happened


@dataclass(frozen=True)
class Metadata:
    authors: tuple[str, ...] = ()
    organizations: tuple[str, ...] = ()
    places: tuple[str, ...] = ()
    doc_date: date | None = None
    un_symbols: tuple[str, ...] = field(default_factory=tuple)  # the symbols it cites, not its own
    doc_symbol: str | None = None
    distribution: str | None = None  # General | Limited | Restricted
    original_language: str | None = None  # ISO 639-1
    job_number: str | None = None
    session: str | None = None
    agenda_item: str | None = None
    decisions: tuple[Decision, ...] = ()


def extract_metadata(cleaned: CleanedDocument, paragraphs: list[Paragraph]) -> Metadata:
    """Every document-level field with the step that read it: the masthead's values first
    (from the raw text, so a masthead the cleaning removed as furniture still counts), then
    the document's own date, then who and where from its header and signature blocks."""
    clean_text = cleaned.clean_text
    block_lines = [p.text.strip() for p in paragraphs if p.kind in ("front_matter", "signature")]
    authors, organizations = _people_and_bodies(block_lines)
    organizations += [acronym for _, acronym in _defined_acronyms(clean_text)]
    decisions = {d.field: d for d in masthead_fields(cleaned.raw.raw_text)}
    if "doc_date" not in decisions:
        dated = document_date(cleaned)
        if dated is not None:
            decisions["doc_date"] = dated
    own = decisions.get("doc_symbol")
    cited = un_symbols(clean_text)
    if own is not None:
        # `A/78/902-S/2024/417` is two symbols; `S/RES/2712 (2023)` and `E/ICEF/701(Part II)` cite as `S/RES/2712`
        bare = re.sub(r"\s*\([^)]*\)", "", str(own.value))
        parts = {part.strip().casefold() for part in bare.split("-")} | {bare.casefold(), str(own.value).casefold()}
        cited = tuple(s for s in cited if s.casefold() not in parts)

    def value(name: str):
        return decisions[name].value if name in decisions else None

    return Metadata(
        _unique(authors),
        _unique(organizations),
        _places(clean_text),
        value("doc_date"),
        cited,
        doc_symbol=value("doc_symbol"),
        distribution=value("distribution"),
        original_language=value("original_language"),
        job_number=value("job_number"),
        session=value("session"),
        agenda_item=value("agenda_item"),
        decisions=tuple(decisions.values()),
    )


def un_symbols(text: str) -> tuple[str, ...]:
    """Document symbols with at least two parts after the series and a number among them
    (`A/RES/71/280`, not `A/B` or `S/N`), `Res` written `RES`."""
    text = re.sub(r"/[ \t]*\n[ \t]*", "/", text)  # a symbol broken at a line end
    found = (
        m.group().replace("/Res/", "/RES/")
        for m in UN_SYMBOL.finditer(text)
        if m.group().count("/") >= 2 and _SYMBOL_NUMBER.search(m.group())
    )
    return _unique(found)


def _people_and_bodies(lines: list[str]) -> tuple[list[str], list[str]]:
    authors, organizations = [], []
    for line in lines:
        line = _BEHALF.sub("", line).strip(" ,;")
        role, _, rest = line.partition(", ")
        if rest and _ROLE_WORDS.search(role) and _ORG_WORDS.search(rest):
            line = rest  # `Coordinatrice, Réseau …`: the organisation after the job title
        if _ACRONYM_LINE.match(line) or (_names_a_body(line) and len(line.split()) <= 12):
            organizations.append(line)
            continue
        name = _HONORIFIC.sub("", line)
        if _PERSON.match(name) and not _ROLE_WORDS.search(name) and not _PLACE_NAME.match(name) and not _states(name):
            authors.append(name)
    return authors, organizations


def _states(name: str) -> bool:
    return name.split()[0].lower() in STATE_NAME_WORDS


def names_a_body(line: str) -> bool:
    """An organisation's or a state's name (`United Nations`, `República Oriental del Uruguay`)."""
    return _names_a_body(line) or _states(line)


def _names_a_body(line: str) -> bool:
    """An organisation's name leads with it: `Joint submission to the United Nations` is a
    sentence about one."""
    m = _ORG_WORDS.search(line)
    if not m:
        return False
    before = line[: m.start()].split()
    return all(w[:1].isupper() or w.lower() in _MINOR_WORDS for w in before)


def _defined_acronyms(text: str):
    """`International Organization for Migration (IOM)`: the name must hold a word that makes it
    a body (not only `international`, which a body of law has too), and a two-letter acronym
    must be the initials of the words before it (`European Union (EU)`, `Unión Europea (UE)`):
    so short an acronym is otherwise a code or a label, not an organisation."""
    for m in _DEFINED_ACRONYM.finditer(text):
        name, acronym = m.group(1), m.group(2)
        if not any(w.group().lower() not in _QUALIFIER_ORG_WORDS for w in _ORG_WORDS.finditer(name)):
            continue
        if len(acronym) <= 2 and not _initials_match(name, acronym):
            continue
        yield name, acronym


def _initials_match(name: str, acronym: str) -> bool:
    """The acronym spells the initials of the last words, the first of them capitalised (a
    name's start): `l'Union européenne (UE)`, not `the programme review (PR)`."""
    words = [re.sub(r"^\w['’]", "", w) for w in re.split(r"[\s-]+", name)]
    words = [w for w in words if w and w.lower() not in _MINOR_WORDS]
    tail = words[-len(acronym) :]
    if len(tail) != len(acronym) or not tail[0][:1].isupper():
        return False
    return all(w[:1].upper() == c for w, c in zip(tail, acronym, strict=True))


def _places(text: str) -> tuple[str, ...]:
    front = text[:_FRONT]
    found = [
        _place_of(front, m)
        for m in DATELINE.finditer(front)
        if m.group("place").split()[0].lower() not in _NOT_PLACES
        and not _ORG_WORDS.search(m.group("place"))
        and not _ROLE_WORDS.search(m.group("place"))
        and _names_a_place(front, m)
    ]
    found += _press_places(front)
    found += [f"{m.group(1)}, {m.group(2)}" for m in _IN_PLACE.finditer(text) if not _ORG_WORDS.search(m.group(1))]
    found += [m.group(1) for m in _AGENCY_CITY.finditer(front)]
    return _unique(found)


# A press release's dateline: the place opens the line and the date follows in brackets or after
# a particle (`Geneva (14 March 2024) –`, `Ciudad de México, a 3 de marzo de 2024.`).
_PRESS_PLACE = re.compile(
    r"^[ \t]*(?P<place>[A-ZÀ-Ý][\w'’.-]+"
    r"(?:\s+(?:(?:de\s+la|de|del|da|do|dos|das|di|du|des)\s+)?[A-ZÀ-Ý][\w'’.-]+){0,3})"
    r"[ \t]*(?:\(|,[ \t]*(?:a|à|le|el|em|on)[ \t]+)$"
)


def _press_places(front: str) -> list[str]:
    places = []
    for found in find_dates(front):
        line_start = front.rfind("\n", 0, found.start) + 1
        m = _PRESS_PLACE.match(front[line_start : found.start])
        if m and not {w.casefold() for w in m.group("place").split()} & _NOT_PLACE_WORDS:
            places.append(m.group("place"))
    return places


# Words that stand before a date without naming where: a weekday (`on Tuesday, 12 March 2024`), a
# distribution value (`Distr.: Limited 5 February 2024`), a publication word (`Published 20 May`).
_NOT_PLACE_WORDS = WEEKDAYS | frozenset(DISTRIBUTION_VALUES) | PUBLISHED_WORDS | UPDATED_WORDS


def _names_a_place(text: str, m: re.Match) -> bool:
    """A dateline's place is followed by a comma (`Santiago, 12 de ...`), or carries its country
    (`San Jose, Costa Rica September 12`), or is a known city or country (`New York 20 May`): a
    capitalised word straight before a date is as often a heading's last word or a label."""
    place = m.group("place")
    words = {w.casefold() for w in re.findall(r"[^\W\d_]+(?:-[^\W\d_]+)*", place)}
    if words & _NOT_PLACE_WORDS:
        return False
    if "," in place or text[m.end("place") : m.end("place") + 1] == ",":
        return True
    return bool(_PLACE_NAME.match(place)) or place.casefold() in UN_CITIES


# A header line naming an agency and its city (`ECLAC, Santiago`).
_AGENCY_CITY = re.compile(r"(?m)^[ \t]*[A-Z]{2,8}, ([A-ZÀ-Ý][\w'’-]+(?: [A-ZÀ-Ý][\w'’-]+)?)[ \t]*$")


def _place_of(text: str, m: re.Match) -> str:
    """A dateline's place; a first word that ends a title running into it (`… para la
    Migración Santiago, 12 de septiembre`) belongs to the title."""
    place = m.group("place")
    city = place.split(",")[0].split()
    before = text[: m.start()].split()
    if len(city) == 2 and before and before[-1].lower() in _MINOR_WORDS | _NOT_PLACES:
        return place[len(city[0]) + 1 :]
    opening = _PLACE_OPENING.search(text, 0, m.start())  # `Ciudad de ` of `Ciudad de México, ...`
    return opening.group(1) + place if opening else place


# The first words of a place with a lower-case particle, opening the line the dateline is on.
_PLACE_OPENING = re.compile(r"(?:^|\n)[ \t]*([A-ZÀ-Ý][\w'’.-]+\s+(?:de\s+la|de|del|da|do|dos|das|di|du|des)\s+)$")


def _unique(items) -> tuple[str, ...]:
    seen, out = set(), []
    for item in items:
        key = " ".join(item.split()).casefold()
        if key and key not in seen:
            seen.add(key)
            out.append(" ".join(item.split()))
    return tuple(out)


def step_labels() -> tuple[str, ...]:
    """`name@version` of every metadata step, in order: part of the pipeline version."""
    return ("metadata@3", *masthead_step_labels(), *date_step_labels())
