"""Who, where, when and which UN documents: metadata read off a structured document.

Authors and organisations come from the header block above the title and the signature block
at the end; organisations also from acronyms a document defines (`International Organization
for Migration (IOM)`); places from datelines and `in City, Country`; the date is the first
meeting or issue date; UN symbols are kept as found, de-duplicated in order."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date

from tasks.domain.headings import DATELINE
from tasks.domain.models import Paragraph

_MONTH_NUMBERS = {
    **{
        m: i + 1
        for i, m in enumerate(
            "january february march april may june july august september october november december".split()
        )
    },
    **{
        m: i + 1
        for i, m in enumerate(
            "enero febrero marzo abril mayo junio julio agosto septiembre octubre noviembre diciembre".split()
        )
    },
    "setiembre": 9,
    **{
        m: i + 1
        for i, m in enumerate(
            "janvier février mars avril mai juin juillet août septembre octobre novembre décembre".split()
        )
    },
    **{
        m: i + 1
        for i, m in enumerate(
            "janeiro fevereiro março abril maio junho julho agosto setembro outubro novembro dezembro".split()
        )
    },
}
_MONTH = "(?i:" + "|".join(sorted(_MONTH_NUMBERS, key=len, reverse=True)) + ")"
_JOIN = r"(?:\s*(?:-|–|and|y|et|e|to|al|au|a)\s*|\s+)"
# `30 and 31 August 2017`, `4-6 décembre 2017`, `12 de septiembre de 2017` / `September 12 13, 2017`
_DAY_FIRST = re.compile(
    rf"\b(\d{{1,2}})(?:st|nd|rd|th|er|º|°)?(?:{_JOIN}\d{{1,2}}(?:st|nd|rd|th|er|º|°)?)?\s+(?:de\s+)?({_MONTH})"
    rf"\s+(?:del?\s+)?(\d{{4}})\b"
)
_MONTH_FIRST = re.compile(rf"\b({_MONTH})\s+(\d{{1,2}})(?:{_JOIN}\d{{1,2}})?,?\s+(\d{{4}})\b")

# A/RES/71/280, A/71/L.58, E/CN.9/2018/2, A/HRC/RES/35/17, A/69/488/Add.2
UN_SYMBOL = re.compile(
    r"\b(?:A|E|S|ST|TD|UNEP|HRC|CRC|CCPR|CERD|CEDAW|CAT|CMW|DP|ECE|LC|UNW|ICEF|SG)"
    r"(?:/(?:(?:Add|Rev|Corr|Amend)\.\d{1,3}|[A-Z]{1,6}\.\d{1,4}|RES|Res|\d{1,4}|[A-Z]{1,6}))+"
    r"(?![\w/])"
)
_SYMBOL_NUMBER = re.compile(r"/\d")

_ORG_WORDS = re.compile(
    r"(?i)\b(?:network|international|organi[sz]ation|organi[sz]ación|organização|bloc|commission|comisi[oó]n|"
    r"comiss[aã]o|committee|comit[eé]|servicio|service|servi[cç]o|mission|misi[oó]n|miss[aã]o|haut-commissariat|council|conseil|consejo|conselho|union|uni[oó]n|association|asociaci[oó]n|"
    r"associa[cç][aã]o|alliance|alianza|alian[cç]a|foundation|fundaci[oó]n|funda[cç][aã]o|institute|instituto|"
    r"institut|coalition|coalici[oó]n|office|oficina|bureau|agency|agencia|programme|program|red|réseau|rede|"
    r"secretariat|secretar[ií]a|ministry|ministerio|minist[eè]re|minist[eé]rio|conference|conferencia|"
    r"conf[eé]rence|centre|center|centro|federation|federaci[oó]n|f[eé]d[eé]ration|society|sociedad|soci[eé]t[eé]|"
    r"nations)\b"
)
_DEFINED_ACRONYM = re.compile(r"((?:[A-ZÀ-Ý][\w'’-]*\s+)(?:[\w'’-]+\s+){0,8}[\w'’-]+)\s+\(([A-Z]{2,8})\)")
_ACRONYM_LINE = re.compile(r"^[A-Z]{2,8}$")
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
    un_symbols: tuple[str, ...] = field(default_factory=tuple)


def extract_metadata(clean_text: str, paragraphs: list[Paragraph]) -> Metadata:
    block_lines = [p.text.strip() for p in paragraphs if p.kind in ("front_matter", "signature")]
    authors, organizations = _people_and_bodies(block_lines)
    organizations += [acronym for _, acronym in _defined_acronyms(clean_text)]
    return Metadata(
        _unique(authors), _unique(organizations), _places(clean_text), first_date(clean_text), un_symbols(clean_text)
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
        if _PERSON.match(name) and not _ROLE_WORDS.search(name) and not _PLACE_NAME.match(name):
            authors.append(name)
    return authors, organizations


def _names_a_body(line: str) -> bool:
    """An organisation's name leads with it: `Joint submission to the United Nations` is a
    sentence about one."""
    m = _ORG_WORDS.search(line)
    if not m:
        return False
    before = line[: m.start()].split()
    return all(w[:1].isupper() or w.lower() in _MINOR_WORDS for w in before)


def _defined_acronyms(text: str):
    for m in _DEFINED_ACRONYM.finditer(text):
        name, acronym = m.group(1), m.group(2)
        if _ORG_WORDS.search(name):
            yield name, acronym


def _places(text: str) -> tuple[str, ...]:
    front = text[:_FRONT]
    found = [
        _place_of(front, m)
        for m in DATELINE.finditer(front)
        if m.group("place").split()[0].lower() not in _NOT_PLACES
        and not _ORG_WORDS.search(m.group("place"))
        and not _ROLE_WORDS.search(m.group("place"))
    ]
    found += [f"{m.group(1)}, {m.group(2)}" for m in _IN_PLACE.finditer(text) if not _ORG_WORDS.search(m.group(1))]
    found += [m.group(1) for m in _AGENCY_CITY.finditer(front)]
    return _unique(found)


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
    return place


def first_date(text: str) -> date | None:
    """The first full date (day, month, year) in the document: its meeting or issue date."""
    found = []
    for m in _DAY_FIRST.finditer(text):
        found.append((m.start(), int(m.group(3)), _MONTH_NUMBERS[m.group(2).lower()], int(m.group(1))))
    for m in _MONTH_FIRST.finditer(text):
        found.append((m.start(), int(m.group(3)), _MONTH_NUMBERS[m.group(1).lower()], int(m.group(2))))
    for _, year, month, day in sorted(found):
        try:
            return date(year, month, day)
        except ValueError:
            continue
    return None


def _unique(items) -> tuple[str, ...]:
    seen, out = set(), []
    for item in items:
        key = " ".join(item.split()).casefold()
        if key and key not in seen:
            seen.add(key)
            out.append(" ".join(item.split()))
    return tuple(out)
