"""Families: the same document in other languages and other formats.

Two ways to know that two files hold one document:
- its own symbol (`A/HRC/RES/52/8`): the same symbol is the same document, whatever the language;
  two different own symbols are never the same document (a draft and its resolution share most of
  their words, but they are two documents);
- the page's own address, when a site publishes each language under its own path segment
  (`…/es/blog/2017/06/20/<slug>` and `…/fr/blog/2017/06/20/<slug>`): the same address with the
  language and the slug left out is the same item, provided it still names one item (a date or a
  number in it) and no two documents of one language share it;
- otherwise, what a translation does not translate: figures, years and paragraph numbers, and the
  names of people and places, in the same order. Each document keeps a short fingerprint of them
  (`fingerprint()`, stored on its row), so linking the whole warehouse on every landing never
  rereads a text.

Linking is conservative: a fingerprint links only documents that differ in language or in format
(two files in one language and format that share their figures are versions, not translations),
only when enough anchors match in order (short texts do not link on a year and a name), and never
across two different symbols. A document nothing links to is a family of its own, so SQL can
always pick one document per family."""

from __future__ import annotations

import re
import sys
import unicodedata
from array import array
from collections import defaultdict
from dataclasses import dataclass
from difflib import SequenceMatcher
from urllib.parse import parse_qs, urlsplit

from tasks.domain.lexicon import LANGUAGE_NAME_CODES
from tasks.domain.metadata import un_symbols

# Bump when fingerprint() changes: stored fingerprints then need a reprocess (pipeline version).
FINGERPRINT_VERSION = "2"  # 2: the page address
# Families are recomputed on every landing; the version says which linking made them.
LINKING_VERSION = "2"  # 2: links by page address

# The first ones are enough to tell two documents apart and keep the row small. Numbers and names
# are capped apart: a translation spells names its own way, so a shared cap on both would end the
# numbers of a long text at different places in the two languages.
MAX_NUMBERS = 300
MAX_NAMES = 200
NAME_PREFIX = 4  # `Eritrea`/`Eritreia`, `Cornelio`/`Corneille`, `Itália`/`Italia` share theirs
HEAD_CHARS = 600  # where a masthead prints a document's symbol
MIN_SCORE = 0.6  # 2 * matched / (anchors of one + anchors of the other)
MIN_MATCHED = 8  # a short text needs this many anchors in common, whatever its score
SHINGLE = 3  # candidate pairs share a run of this many anchors
COMMON_SHINGLE = 50  # a run shared by more documents is a template (a masthead), not evidence

_TOKEN = re.compile(r"\d+|[^\W\d_]+")
# What ends a sentence or opens a quote: a capitalised word after one is an ordinary first word.
_SENTENCE_START = set('.!?:;"“”«»¿¡()[]•*#>|\n')


@dataclass(frozen=True)
class Fingerprint:
    """`head_symbol`: the document's own symbol, or else the first symbol printed in its head (it
    only keeps two documents apart, it never links them); `anchors`: numbers and folded name
    prefixes in text order."""

    head_symbol: str | None
    anchors: tuple[str, ...]
    address: str | None = None  # page_address() of the document's own URL

    def to_text(self) -> str:
        return f"{self.head_symbol or ''}\t{' '.join(self.anchors)}\t{self.address or ''}"

    @classmethod
    def from_text(cls, text: str | None) -> Fingerprint:
        head, _, rest = (text or "").partition("\t")
        anchors, _, address = rest.partition("\t")
        # interned: the same numbers and names recur across a warehouse, one copy of each
        return cls(head or None, tuple(map(sys.intern, anchors.split())), address or None)


def fingerprint(raw_text: str, clean_text: str, doc_symbol: str | None = None, url: str | None = None) -> Fingerprint:
    """The anchors of `clean_text`, the head symbol (`doc_symbol`, else the first symbol in the
    first lines of `raw_text`, where running headers that cleaning removes still are) and the
    language-neutral address of the document's own `url`."""
    head = doc_symbol or next(iter(un_symbols(raw_text[:HEAD_CHARS])), None)
    return Fingerprint(_normal_symbol(head), tuple(anchors(clean_text)), page_address(url))


_LANGUAGE_CODES = frozenset(LANGUAGE_NAME_CODES.values())
_LANGUAGE_SEGMENT = re.compile(r"^([a-z]{2})(?:[-_][a-z]{2,4})?$")


def page_address(url: str | None) -> str | None:
    """`host/path` of a URL with its language segment (`/es/`, `/pt-br/`, `?lang=fr`) and its
    last segment (a translated slug) left out — None when the URL names no language, or when
    what is left names no single item (no date or number in it: `/es/noticias/<slug>`)."""
    if not url:
        return None
    parts = urlsplit(url.strip().lower())
    segments = [s for s in parts.path.split("/") if s]
    in_path = [i for i, s in enumerate(segments) if _is_language(s)]
    in_query = any(_is_language(v) for v in parse_qs(parts.query).get("lang", []))
    if not (in_path or in_query):
        return None
    rest = [s for i, s in enumerate(segments) if i not in in_path[:1]]
    if in_path:
        rest = rest[:-1]
    else:  # a language in the query keeps the path and the item's other parameters: nothing is translated
        query = sorted((k, v) for k, vs in parse_qs(parts.query).items() if k != "lang" for v in vs)
        rest += [f"{k}={v}" for k, v in query]
    if not any(c.isdigit() for s in rest for c in s):
        return None
    host = (parts.hostname or "").removeprefix("www.")
    return "/".join([host, *rest])


def _is_language(segment: str) -> bool:
    m = _LANGUAGE_SEGMENT.match(segment)
    return bool(m) and m.group(1) in _LANGUAGE_CODES


def anchors(text: str) -> list[str]:
    """Numbers (digit runs: `10,000`, `10.000` and `10 000` give the same `10 000`) and the first
    letters of capitalised words that do not open a sentence, accents and case folded."""
    out, n_numbers, n_names = [], 0, 0
    for m in _TOKEN.finditer(text):
        token = m.group()
        if token[0].isdigit():
            if n_numbers < MAX_NUMBERS:
                out.append(token.lstrip("0") or "0")
                n_numbers += 1
        elif token[0].isupper() and len(token) >= NAME_PREFIX and not _opens_sentence(text, m.start()):
            if n_names < MAX_NAMES:
                out.append(_fold(token)[:NAME_PREFIX])
                n_names += 1
        if n_numbers >= MAX_NUMBERS and n_names >= MAX_NAMES:
            break
    return out


def _opens_sentence(text: str, start: int) -> bool:
    """After a full stop, a colon, a quote, a bullet or a line start; not after the hyphen of a
    compound (`Saint-Esprit`)."""
    before = text[max(0, start - 8) : start].rstrip(" \t\u00a0")
    if not before:
        return True
    if before[-1] in "-–—":
        return len(before) == 1 or before[-2].isspace()
    return before[-1] in _SENTENCE_START


def _fold(word: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFKD", word.lower()) if not unicodedata.combining(c))


def _normal_symbol(symbol: str | None) -> str | None:
    return re.sub(r"\s+", "", symbol).upper() if symbol else None


@dataclass(frozen=True)
class FamilyKey:
    """What linking needs of one document: small, read from its row. `family_id` is the one it
    has now (None for a new document), kept when its family has not changed."""

    doc_id: str
    language: str | None
    source_format: str | None
    doc_symbol: str | None
    fingerprint: str | None
    family_id: str | None = None


@dataclass(frozen=True)
class FamilyMember:
    """One row of `families`. `method`: `symbol` (shares its own symbol with another member),
    `address` (its page's address is `linked_to`'s in another language), `fingerprint` (its
    anchors match `linked_to`'s), `alone` (a family of one)."""

    family_id: str
    doc_id: str
    language: str | None
    source_format: str | None
    method: str
    linked_to: str | None
    score: float | None
    evidence: str | None


@dataclass(frozen=True)
class _Link:
    a: int
    b: int
    score: float
    evidence: str


def link_families(keys: list[FamilyKey]) -> list[FamilyMember]:
    """Every document's family, over all documents of the warehouse."""
    prints = [Fingerprint.from_text(k.fingerprint) for k in keys]
    parent = list(range(len(keys)))
    symbols: list[set[str]] = [{p.head_symbol} if p.head_symbol else set() for p in prints]

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    def union(a: int, b: int) -> bool:
        ra, rb = find(a), find(b)
        if ra == rb or len(symbols[ra] | symbols[rb]) > 1:
            return False
        parent[rb] = ra
        symbols[ra] |= symbols[rb]
        return True

    by_symbol: dict[str, list[int]] = defaultdict(list)
    for i, k in enumerate(keys):
        if k.doc_symbol:
            by_symbol[_normal_symbol(k.doc_symbol)].append(i)
    for members in by_symbol.values():
        for i in members[1:]:
            union(members[0], i)
    best: dict[int, _Link] = {}
    for link in _address_links(keys, prints):
        if union(link.a, link.b):
            best[link.a] = best[link.b] = link
    for link in sorted(_fingerprint_links(keys, prints), key=lambda x: -x.score):
        if union(link.a, link.b) or find(link.a) == find(link.b):
            for i in (link.a, link.b):
                if i not in best or best[i].score < link.score:
                    best[i] = link
    return _members(keys, [find(i) for i in range(len(keys))], by_symbol, best)


def _address_links(keys: list[FamilyKey], prints: list[Fingerprint]) -> list[_Link]:
    """Documents whose pages share an address in different languages, one document per language."""
    by_address: dict[str, list[int]] = defaultdict(list)
    for i, p in enumerate(prints):
        if p.address:
            by_address[p.address].append(i)
    links = []
    for address, members in by_address.items():
        languages = [keys[i].language for i in members]
        if len(members) < 2 or None in languages or len(set(languages)) < len(members):
            continue  # two documents of one language at one address: which is the translation?
        links += [_Link(members[0], i, 1.0, f"address: {address} in {', '.join(languages)}") for i in members[1:]]
    return links


def _fingerprint_links(keys: list[FamilyKey], prints: list[Fingerprint]) -> list[_Link]:
    links = []
    for a, b in sorted(_candidates(prints)):
        ka, kb = keys[a], keys[b]
        if (ka.language, ka.source_format) == (kb.language, kb.source_format):
            continue  # the same language and format: versions, not translations
        sa, sb = prints[a].head_symbol, prints[b].head_symbol
        if sa and sb and sa != sb:
            continue
        link = _compare(a, b, prints[a].anchors, prints[b].anchors)
        if link is not None:
            links.append(link)
    return links


def _candidates(prints: list[Fingerprint]) -> set[tuple[int, int]]:
    """Pairs that share a run of SHINGLE anchors no template shares: comparing every pair would
    grow with the square of the warehouse. Each document's runs are kept as one integer each
    (the run's hash, then the document's number) and sorted, so that runs shared by documents sit
    side by side: a few bytes per run, where a set of documents per run took a kilobyte. Two runs
    whose hashes collide only make a candidate pair more; the comparison decides."""
    bits = max(1, len(prints).bit_length())
    keep = (1 << (62 - bits)) - 1
    keyed = array("q")
    for i, p in enumerate(prints):
        runs = {hash(p.anchors[j : j + SHINGLE]) & keep for j in range(len(p.anchors) - SHINGLE + 1)}
        keyed.extend((h << bits) | i for h in runs)
    ordered = sorted(keyed)
    del keyed
    pairs: set[tuple[int, int]] = set()
    start, doc = 0, (1 << bits) - 1
    for end in range(1, len(ordered) + 1):
        if end < len(ordered) and ordered[end] >> bits == ordered[start] >> bits:
            continue
        if 1 < end - start <= COMMON_SHINGLE:
            docs = [k & doc for k in ordered[start:end]]  # ascending: sorted with their run
            pairs.update((x, y) for n, x in enumerate(docs) for y in docs[n + 1 :])
        start = end
    return pairs


def _compare(a: int, b: int, xs: tuple[str, ...], ys: tuple[str, ...]) -> _Link | None:
    """The better of two measures: all anchors, or the numbers alone (a long official text
    translates most of its capitalised words, `General Assembly`/`Asamblea General`, but none of
    its figures)."""
    found = [
        _match("anchors", xs, ys),
        _match("numbers", tuple(t for t in xs if t[0].isdigit()), tuple(t for t in ys if t[0].isdigit())),
    ]
    best = max((f for f in found if f is not None), key=lambda f: f[0], default=None)
    return None if best is None else _Link(a, b, *best)


def _match(what: str, xs: tuple[str, ...], ys: tuple[str, ...]) -> tuple[float, str] | None:
    total = len(xs) + len(ys)
    if 2 * min(len(xs), len(ys)) < MIN_SCORE * total or min(len(xs), len(ys)) < MIN_MATCHED:
        return None
    blocks = SequenceMatcher(None, xs, ys, autojunk=False).get_matching_blocks()
    matched = sum(block.size for block in blocks)
    score = 2 * matched / total
    if score < MIN_SCORE or matched < MIN_MATCHED:
        return None
    shown = [t for block in blocks for t in xs[block.a : block.a + block.size]][:12]
    more = " …" if matched > len(shown) else ""
    return round(score, 3), f"{what}: {matched} of {len(xs)}/{len(ys)} in order: {' '.join(shown)}{more}"


def _members(
    keys: list[FamilyKey], roots: list[int], by_symbol: dict[str, list[int]], best: dict[int, _Link]
) -> list[FamilyMember]:
    family_ids = _family_ids(keys, roots)
    out = []
    for i, k in enumerate(keys):
        shared_symbol = k.doc_symbol and len(by_symbol[_normal_symbol(k.doc_symbol)]) > 1
        link = best.get(i)
        if shared_symbol:
            method, linked_to, score, evidence = "symbol", None, None, _normal_symbol(k.doc_symbol)
        elif link is not None:
            other = keys[link.b if link.a == i else link.a]
            method = "address" if link.evidence.startswith("address:") else "fingerprint"
            linked_to, score, evidence = other.doc_id, link.score, link.evidence
        else:
            method, linked_to, score, evidence = "alone", None, None, None
        out.append(
            FamilyMember(
                family_ids[roots[i]], k.doc_id, k.language, k.source_format, method, linked_to, score, evidence
            )
        )
    return out


def _family_ids(keys: list[FamilyKey], roots: list[int]) -> dict[int, str]:
    """A family keeps the id most of its members had (a new translation joins its original's
    family without renaming it); a new family takes its smallest doc_id. Ids stay unique when a
    family splits."""
    groups: dict[int, list[int]] = defaultdict(list)
    for i, root in enumerate(roots):
        groups[root].append(i)
    claims: list[tuple[int, str, int]] = []  # (members holding it, id, root)
    for root, members in groups.items():
        held: dict[str, int] = defaultdict(int)
        for i in members:
            if keys[i].family_id:
                held[keys[i].family_id] += 1
        claims += [(n, family_id, root) for family_id, n in held.items()]
    ids: dict[int, str] = {}
    used: set[str] = set()
    for _, family_id, root in sorted(claims, key=lambda c: (-c[0], c[1])):
        if root not in ids and family_id not in used:
            ids[root] = family_id
            used.add(family_id)
    for root, members in sorted(groups.items()):
        if root not in ids:
            own = sorted(keys[i].doc_id for i in members)
            fresh = next((d for d in own if d not in used), f"{own[0]}.{len(used)}")
            ids[root] = fresh
            used.add(fresh)
    return ids
