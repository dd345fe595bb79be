"""Trafilatura's main content matched to the blocks, and what kind of furniture the rest is."""

from __future__ import annotations

import re
from bisect import bisect_left
from collections import Counter
from dataclasses import dataclass
from difflib import SequenceMatcher

import lxml.html
import trafilatura

from tasks.domain.extract import ReadError
from tasks.readers.html.blocks import Block, match_key
from tasks.readers.html.render import visible_text

# A line of ours this long found inside trafilatura's text is the same text, however either
# side broke its lines; shorter ones (`Home`, `Contact`) must match a whole line in order.
_MIN_QUOTED_CHARS = 25
_TRAFILATURA_MARKER = re.compile(r"^\s*(?:[-*•]\s+|#{1,6}\s+)")
# What a list of other documents is headed by, in the corpus's four languages.
_SIMILAR_LABEL = re.compile(
    r"(?i)^(?:(?:similar|related) (?:documents?|publications?|content|articles?|links|resources|news|stories)"
    r"|related|see also|read also|more like this|you may also like"
    r"|(?:documentos|publicaciones|art[ií]culos|noticias|enlaces|publica[cç][oõ]es)"
    r" (?:similares|relacionad[oa]s|semelhantes)"
    r"|ver tambi[eé]n|v[eé]ase tambi[eé]n|ver tamb[eé]m|veja tamb[eé]m"
    r"|(?:documents|publications|articles) (?:similaires|connexes)|liens connexes|voir aussi|(?:[àa] )?lire aussi"
    r")\s*:?$"
)
_SIMILAR_NAME = re.compile(r"similar|related|see-?also|relacionad|similaires|connexes|semelhantes")
_NAV_NAME = re.compile(r"(?<![a-z])nav|nav(?![a-z])|menu|breadcrumb")
_FOOTER_NAME = re.compile(r"footer|copyright")
# Up to this many pairs of lines difflib aligns the whole page (a second at worst); past it, anchors.
_EXACT_CELLS = 1_000_000
# Most of a block's text in links: a list of titles pointing elsewhere, not prose.
_MOSTLY_LINKS = 0.5


@dataclass(frozen=True)
class _Region:
    kind: str
    landmark: bool  # an element that says what it is (`<nav>`, `<footer>`, `<aside>`), not a class name
    sure: bool = False  # never main content, whatever trafilatura keeps


def main_lines(source_path: str, html_text: str) -> list[str]:
    try:
        main = trafilatura.extract(
            html_text,
            output_format="txt",
            include_comments=False,
            include_tables=False,
            favor_precision=False,
            with_metadata=False,
        )
    except Exception as error:  # trafilatura raises whatever its parsers and fallbacks raise
        raise ReadError(
            "corrupt",
            f"{source_path}: the page's main content cannot be extracted "
            f"({type(error).__name__}: {error}); save it again from the browser",
        ) from error
    return [key for line in (main or "").splitlines() if (key := match_key(_TRAFILATURA_MARKER.sub("", line)))]


def main_flags(blocks: list[Block], main_lines: list[str]) -> list[bool] | None:
    """Which blocks are main content; None when trafilatura's text matches none of them."""
    lines = [(i, key) for i, block in enumerate(blocks) if block.kind != "table" for key in block.keys if key]
    matched = aligned([key for _, key in lines], main_lines)
    joined = " ".join(main_lines)
    for j, (_i, key) in enumerate(lines):
        matched[j] = matched[j] or (len(key) >= _MIN_QUOTED_CHARS and key in joined)
    total, in_main = [0] * len(blocks), [0] * len(blocks)
    for (i, key), hit in zip(lines, matched):
        total[i] += len(key)
        in_main[i] += len(key) if hit else 0
    if not any(in_main):
        return None
    return [total[i] > 0 and 2 * in_main[i] >= total[i] for i in range(len(blocks))]


def aligned(ours: list[str], theirs: list[str]) -> list[bool]:
    """Which of our lines trafilatura's lines match, aligned in order, so `Background` in a menu
    does not take the place of the heading. difflib finds the longest common runs, but takes
    time in the product of the number of times each line repeats: 10,000 equal lines took 70 s.
    Past `_EXACT_CELLS` the lines found once on each side anchor the alignment (the longest
    increasing run of them, as patience diff does) and each gap between anchors is aligned by
    difflib when small, else each of their lines takes the next equal line of ours."""
    matched = [False] * len(ours)
    if len(ours) * len(theirs) <= _EXACT_CELLS:
        for a, _b, size in SequenceMatcher(None, ours, theirs, autojunk=False).get_matching_blocks():
            matched[a : a + size] = [True] * size
        return matched
    count_ours, count_theirs = Counter(ours), Counter(theirs)
    where_ours = {key: a for a, key in enumerate(ours) if count_ours[key] == 1}
    pairs = [(where_ours[key], b) for b, key in enumerate(theirs) if count_theirs[key] == 1 and key in where_ours]
    anchors = _increasing_run(pairs)
    positions: dict[str, list[int]] = {}
    for a, key in enumerate(ours):
        positions.setdefault(key, []).append(a)
    bounds = [(-1, -1), *anchors, (len(ours), len(theirs))]
    for (a0, b0), (a1, b1) in zip(bounds, bounds[1:]):
        if a1 < len(ours):
            matched[a1] = True
        if (a1 - a0 - 1) * (b1 - b0 - 1) <= _EXACT_CELLS:
            sub = aligned(ours[a0 + 1 : a1], theirs[b0 + 1 : b1])
            matched[a0 + 1 : a1] = [m or s for m, s in zip(matched[a0 + 1 : a1], sub)]
            continue
        cursor = a0 + 1
        for key in theirs[b0 + 1 : b1]:
            found = positions.get(key, ())
            k = bisect_left(found, cursor)
            if k < len(found) and found[k] < a1:
                matched[found[k]] = True
                cursor = found[k] + 1
    return matched


def _increasing_run(pairs: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """The longest run of pairs increasing on both sides (pairs come in increasing second side)."""
    tails: list[int] = []  # tails[k]: the smallest first side ending a run of k + 1 pairs
    ends: list[int] = []  # the pair index that ends it
    before = [-1] * len(pairs)
    for n, (a, _b) in enumerate(pairs):
        k = bisect_left(tails, a)
        before[n] = ends[k - 1] if k else -1
        if k == len(tails):
            tails.append(a)
            ends.append(n)
        else:
            tails[k], ends[k] = a, n
    run, n = [], ends[-1] if ends else -1
    while n != -1:
        run.append(pairs[n])
        n = before[n]
    return run[::-1]


def _names(el: lxml.html.HtmlElement) -> str:
    return " ".join(el.get(attr, "") for attr in ("class", "id", "aria-label")).lower()


def _inside(el: lxml.html.HtmlElement, tags: tuple[str, ...]) -> bool:
    return any(a.tag in tags for a in el.iterancestors())


def _mostly_links(el: lxml.html.HtmlElement) -> bool:
    text = len(visible_text(el))
    links = sum(len(visible_text(a)) for a in el.iter("a") if a.get("href") is not None)
    return text > 0 and links >= _MOSTLY_LINKS * text


def _region_of(el: lxml.html.HtmlElement) -> _Region | None:
    """What one element says it is: a menu, a footer, a list of related links."""
    tag, role, names = el.tag, el.get("role", ""), _names(el)
    if _SIMILAR_NAME.search(names):
        return _Region("similar_documents", landmark=False)
    if tag == "nav" or role == "navigation":
        return _Region("navigation", landmark=True, sure=True)
    if tag == "footer" or role == "contentinfo":
        # an article's own footer may carry its signature; the page's never does
        return _Region("footer", landmark=True, sure=not _inside(el, ("article",)))
    if tag == "aside" or role == "complementary":
        return _Region("similar_documents" if _mostly_links(el) else "boilerplate", landmark=True)
    if (tag == "header" or role == "banner") and not _inside(el, ("article", "main")):
        return _Region("navigation", landmark=False)
    if _NAV_NAME.search(names):
        return _Region("navigation", landmark=False)
    if _FOOTER_NAME.search(names):
        return _Region("footer", landmark=False)
    return None


class _Regions:
    """The nearest region around an element. Each element is judged once: an aside's share of
    links would otherwise be counted again for every block inside it."""

    def __init__(self) -> None:
        self._judged: dict[lxml.html.HtmlElement, _Region | None] = {}

    def around(self, el: lxml.html.HtmlElement, stop: lxml.html.HtmlElement | None = None) -> _Region | None:
        """Up to `stop` (excluded) and never above `<body>`."""
        for node in (el, *el.iterancestors()):
            if node is stop or node.tag == "body":
                return None
            if node not in self._judged:
                self._judged[node] = _region_of(node)
            if self._judged[node] is not None:
                return self._judged[node]
        return None


def _similar_sections(blocks: list[Block], main: list[bool], regions: _Regions) -> set[int]:
    """Blocks under a "Similar documents" label: the label and the links listed after it,
    even where trafilatura keeps them (it keeps such a heading and drops its list)."""
    named: set[int] = set()
    for i, label in enumerate(blocks):
        if label.kind == "table" or not _SIMILAR_LABEL.match(" ".join(label.keys)):
            continue
        own = match_key(visible_text(label.element)) == " ".join(label.keys)
        container = label.element.getparent() if own and label.element.getparent() is not None else label.element
        members = _listed_after(blocks, main, i, container, regions)
        if members:
            named |= {i, *members}
    return named


def _listed_after(
    blocks: list[Block], main: list[bool], label: int, container: lxml.html.HtmlElement, regions: _Regions
) -> list[int]:
    members = []
    for j in range(label + 1, len(blocks)):
        block = blocks[j]
        inside = block.element is container or any(a is container for a in block.element.iterancestors())
        if not inside or block.kind in ("heading", "table"):
            break
        region = regions.around(block.element, stop=container)
        if region is not None and region.kind in ("navigation", "footer"):
            break
        if block.link_share < _MOSTLY_LINKS and (main[j] or block.kind != "item"):
            break  # prose: the list is over
        members.append(j)
    return members


def furniture_kinds(blocks: list[Block], main: list[bool] | None, titles: set[str]) -> list[str | None]:
    """Each block's furniture kind, None for body. Precision first: without trafilatura's
    verdict only what a landmark element encloses is furniture."""
    judge = _Regions()
    regions = [judge.around(block.element) for block in blocks]
    similar = _similar_sections(blocks, main if main is not None else [True] * len(blocks), judge)
    body = _body(blocks, main, regions, titles) if main is not None else None
    kinds: list[str | None] = []
    for i, (block, region) in enumerate(zip(blocks, regions)):
        if block.kind == "table" or block.element.tag == "caption":
            kind = "table"
        elif i in similar:
            kind = "similar_documents"
        elif region is not None and region.sure:
            kind = region.kind
        elif body is None:
            kind = region.kind if region is not None and region.landmark else None
        else:
            kind = None if body[i] else region.kind if region is not None else "boilerplate"
        kinds.append(kind)
    return kinds


def _body(blocks: list[Block], main: list[bool], regions: list[_Region | None], titles: set[str]) -> list[bool]:
    """Trafilatura's main content, with what it drops from inside it given back: it leaves out
    the page's `<h1>` (it keeps it as metadata), and lists or headings inside layout tables."""
    body = list(main)
    loose = [
        region is None and block.kind != "table" and block.link_share < _MOSTLY_LINKS
        for block, region in zip(blocks, regions)
    ]
    kept = [i for i, flag in enumerate(main) if flag]
    for before, after in zip(kept, kept[1:]):
        for j in range(before + 1, after):
            body[j] = body[j] or loose[j]
    for i in range(len(blocks) - 2, -1, -1):  # backwards: a heading over a sub-heading over text
        if blocks[i].kind == "heading" and loose[i] and body[i + 1]:
            body[i] = True
    for i, block in enumerate(blocks):
        if block.kind == "heading" and block.level == 1 and match_key(block.lines[0]).casefold() in titles:
            body[i] = regions[i] is None or not regions[i].sure
    return body
