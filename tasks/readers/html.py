"""The reader of web pages: the visible text as blocks, and what is not the page's content named.

A saved web page is mostly not the document: a menu, a "Similar documents" list of unrelated
titles, a copyright line. All of it is written into `raw_text` in document order, and whatever
is not the page's main content is named by a `Furniture` span, so the cleaning removes it and
records it. Trafilatura decides what the main content is; the page's own landmarks (`<nav>`,
`<footer>`, `<aside>`, class names) decide what kind of furniture the rest is.

Tables: a grid of data goes to `tables` and its rows (cells joined by ` | `) are written as one
block named `table` furniture, so nothing is lost and the body keeps only prose. A table that
lays out the page (nested tables, headings in cells, one column) is not data: its cells are
read as ordinary blocks.
"""
from __future__ import annotations

import codecs
import re
import unicodedata
from dataclasses import dataclass
from datetime import date
from difflib import SequenceMatcher

import lxml.html
import trafilatura
from lxml import etree

from tasks.domain.decode import DecodeError, decode
from tasks.domain.extract import ReadError
from tasks.domain.models import Furniture, Properties, RawDocument, Table

# --- charset -------------------------------------------------------------------------------

# Browsers look for a declaration in the first 1024 bytes; pages saved by tools sometimes put
# a long comment or script before it.
_PRESCAN_BYTES = 2048
_BOMS = (codecs.BOM_UTF8, codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)
_XML_DECLARATION = re.compile(rb"""^\s*<\?xml[^>]*?encoding\s*=\s*["']([^"']+)["']""", re.I)
# Both `<meta charset="x">` and `<meta http-equiv="Content-Type" content="text/html; charset=x">`.
_META_CHARSET = re.compile(rb"""<meta\b[^>]*?charset\s*=\s*["']?\s*([^\s"'/>;]+)""", re.I)
# lxml refuses a str that still carries its XML declaration.
_XML_DECLARATION_TEXT = re.compile(r"^\s*<\?xml[^>]*\?>")
# Browsers read a page declared Latin-1 or ASCII as windows-1252 (WHATWG Encoding standard),
# and authors fixed their pages until browsers showed them right: `’` and `€` are 0x92 and 0x80.
_READ_AS_WINDOWS_1252 = frozenset({"iso8859-1", "ascii"})
# cp1252 leaves five bytes undefined; browsers map them to the same code points, as Latin-1 does.
_WINDOWS_1252 = {i: bytes([i]).decode("cp1252") for i in range(0x80, 0xA0)
                 if i not in (0x81, 0x8D, 0x8F, 0x90, 0x9D)}


def _decode_page(source_path: str, data: bytes) -> tuple[str, str]:
    """The page's text and the charset it was read with: BOM, declaration, UTF-8, cp1252."""
    label = None if data.startswith(_BOMS) else _declared_charset(data[:_PRESCAN_BYTES])
    if label is None:
        try:
            return decode(data)
        except DecodeError as error:
            raise ReadError(error.error_type, f"{source_path}: {error}") from error
    codec = _codec(source_path, label)
    return _decode_declared(source_path, data, label, codec).replace("\r\n", "\n").replace("\r", "\n"), codec


def _declared_charset(head: bytes) -> str | None:
    m = _XML_DECLARATION.match(head) or _META_CHARSET.search(head)
    return m.group(1).decode("ascii", "replace").strip().lower() if m else None


def _codec(source_path: str, label: str) -> str:
    try:
        b"".decode(label)  # also refuses codecs that are not text encodings (`base64`, `rot13`)
        name = codecs.lookup(label).name
    except LookupError as error:
        raise ReadError("unknown_charset", f"{source_path}: the page declares charset {label!r}, which is not a "
                        "known character set; fix the declaration (utf-8, windows-1252, …) or re-save the page "
                        "as UTF-8") from error
    if name in _READ_AS_WINDOWS_1252:
        return "cp1252"
    # A declaration the bytes let us read is in an ASCII-compatible charset: a page saying
    # utf-16 there is UTF-8, as browsers take it.
    return "utf-8" if name.startswith(("utf-16", "utf-32")) else name


def _decode_declared(source_path: str, data: bytes, label: str, codec: str) -> str:
    if codec == "cp1252":
        return data.decode("latin-1").translate(_WINDOWS_1252)
    try:
        return data.decode(codec)
    except UnicodeDecodeError as error:
        hint = " (the bytes read as windows-1252)" if _reads_as_windows_1252(data) else ""
        raise ReadError("bad_charset", f"{source_path}: the page declares charset {label!r} but byte "
                        f"{error.start} (0x{data[error.start]:02X}) is not valid {codec}{hint}; fix the charset "
                        "declaration or re-save the page as UTF-8") from error


def _reads_as_windows_1252(data: bytes) -> bool:
    try:
        data.decode("cp1252")
    except UnicodeDecodeError:
        return False
    return True


# --- parsing and rendering -----------------------------------------------------------------

# Not shown by a browser: code, metadata, embedded media, a drop-down's hidden options.
_UNSEEN = frozenset({"script", "style", "noscript", "template", "head", "title", "meta", "link", "base",
                     "svg", "math", "iframe", "object", "embed", "canvas", "audio", "video", "select",
                     "datalist", "frameset", "frame"})
_BLOCKS = frozenset({"address", "article", "aside", "blockquote", "body", "caption", "center", "dd", "details",
                     "dialog", "dir", "div", "dl", "dt", "fieldset", "figcaption", "figure", "footer", "form",
                     "h1", "h2", "h3", "h4", "h5", "h6", "header", "hgroup", "hr", "html", "legend", "li",
                     "main", "menu", "nav", "noframes", "ol", "p", "pre", "section", "summary", "table",
                     "tbody", "td", "tfoot", "th", "thead", "tr", "ul"})
_BREAKING = _BLOCKS | {"br"}  # what puts a space between the words around it
_LISTS = frozenset({"ul", "ol", "menu", "dir"})
_HEADINGS = {f"h{n}": n for n in range(1, 7)}
_HTML_SPACE = re.compile(r"[ \t\n\r\f]+")  # HTML collapses these; a no-break space stays
_PRE_SPACE = re.compile(r"[ \t\r\f]+")  # `<pre>` keeps its line breaks
_SPACES = re.compile(r" {2,}")
_HIDDEN_STYLE = re.compile(r"display\s*:\s*none|visibility\s*:\s*hidden", re.I)
# A table cell longer than this is a region of a laid-out page, not a datum.
_MAX_DATA_CELL_CHARS = 2000


@dataclass(frozen=True)
class _Block:
    kind: str  # paragraph | heading | item | table
    lines: tuple[str, ...]  # without the `#`/`- ` marker
    element: lxml.html.HtmlElement  # its ancestry says what kind of furniture the block is
    level: int = 0  # a heading's
    list_root: object = None  # the outermost list of an item: its items are one newline apart
    link_share: float = 0.0  # how much of the text is the text of links

    @property
    def text(self) -> str:
        if self.kind == "heading":
            return "#" * self.level + " " + " ".join(self.lines)
        if self.kind == "item":
            return "- " + "\n".join(self.lines)
        return "\n".join(self.lines)

    @property
    def keys(self) -> list[str]:
        """Its lines as trafilatura would write them, for matching."""
        return [_key(" ".join(self.lines))] if self.kind == "heading" else [_key(line) for line in self.lines]


def _key(text: str) -> str:
    return " ".join(unicodedata.normalize("NFC", text).split())


def _parse(source_path: str, text: str) -> lxml.html.HtmlElement:
    try:
        return lxml.html.document_fromstring(text)
    except etree.ParserError as error:  # lxml's word for a document without any element
        raise ReadError("empty", f"{source_path}: the page holds no HTML elements ({error}); "
                        "save the complete page") from error
    except (ValueError, etree.LxmlError) as error:
        raise ReadError("corrupt", f"{source_path}: the page cannot be parsed as HTML ({error}); "
                        "save it again from the browser") from error


def _hidden(el: lxml.html.HtmlElement) -> bool:
    return (el.get("hidden") is not None or el.get("aria-hidden") == "true"
            or bool(_HIDDEN_STYLE.search(el.get("style", ""))))


def _visible_text(el: lxml.html.HtmlElement) -> str:
    """An element's text as one line, as a table cell or a landmark is measured."""
    parts: list[str] = []

    def walk(node: lxml.html.HtmlElement) -> None:
        if isinstance(node.tag, str) and node.tag not in _UNSEEN and not _hidden(node):
            parts.append(node.text or "")
            for child in node:
                walk(child)
                parts.append(" " if isinstance(child.tag, str) and child.tag in _BREAKING else "")
                parts.append(child.tail or "")

    walk(el)
    return " ".join("".join(parts).split())


def _is_data_table(table: lxml.html.HtmlElement) -> bool:
    """A grid of data, not a table used to lay out the page (which holds the body)."""
    if table.get("role") in ("presentation", "none") or table.xpath(".//table"):
        return False
    if table.xpath(".//*[self::h1 or self::h2 or self::h3 or self::h4 or self::h5 or self::h6 or self::nav "
                   "or self::article or self::section or self::form or self::header or self::footer]"):
        return False
    rows = _table_rows(table)
    if len(rows) < 2 or max(len(row) for row in rows) < 2:
        return False
    return all(len(cell) <= _MAX_DATA_CELL_CHARS for row in rows for cell in row)


def _table_rows(table: lxml.html.HtmlElement) -> list[tuple[str, ...]]:
    rows = table.xpath("./tr | ./thead/tr | ./tbody/tr | ./tfoot/tr")
    return [tuple(_visible_text(cell) for cell in row.xpath("./td | ./th")) for row in rows]


class _Renderer:
    """The page's visible text as blocks in document order, as a browser lays it out."""

    def __init__(self) -> None:
        self.blocks: list[_Block] = []
        self.tables: list[Table] = []
        self._buffer: list[str] = []
        self._link_chars = 0
        self._in_link = 0
        self._in_pre = 0
        self._open: list[tuple[lxml.html.HtmlElement, str]] = []  # block elements and their mode
        self._list_root: lxml.html.HtmlElement | None = None

    def render(self, body: lxml.html.HtmlElement) -> None:
        self._open.append((body, "paragraph"))
        self._contents(body)
        self._flush()

    def _contents(self, el: lxml.html.HtmlElement) -> None:
        self._text(el.text)
        for child in el:
            self._node(child)
            self._text(child.tail)

    def _node(self, el: lxml.html.HtmlElement) -> None:
        if not isinstance(el.tag, str) or el.tag in _UNSEEN or _hidden(el):
            return  # comments and processing instructions too; their tail is still text
        if el.tag == "br":
            self._buffer.append("\n")
        elif el.tag in _BLOCKS:
            self._block(el)
        else:
            self._inline(el)

    def _inline(self, el: lxml.html.HtmlElement) -> None:
        link = el.tag == "a" and el.get("href") is not None
        self._in_link += link
        self._contents(el)
        self._in_link -= link

    def _text(self, text: str | None) -> None:
        if text:
            text = _PRE_SPACE.sub(" ", text) if self._in_pre else _HTML_SPACE.sub(" ", text)
            self._buffer.append(text)
            self._link_chars += len(text.strip()) if self._in_link else 0

    def _block(self, el: lxml.html.HtmlElement) -> None:
        mode = self._open[-1][1]
        if el.tag == "table" and _is_data_table(el):
            self._flush()
            self._table(el)
            return
        if mode in ("item", "heading") and el.tag not in _LISTS and el.tag != "li":
            # a paragraph inside a list item or a heading is part of it, on its own line
            self._buffer.append("\n")
            self._contents(el)
            self._buffer.append("\n")
            return
        self._flush()
        outermost_list = el.tag in _LISTS and self._list_root is None
        if outermost_list:
            self._list_root = el
        self._open.append((el, "heading" if el.tag in _HEADINGS else "item" if el.tag == "li" else "paragraph"))
        self._in_pre += el.tag == "pre"
        self._contents(el)
        self._flush()
        self._in_pre -= el.tag == "pre"
        self._open.pop()
        if outermost_list:
            self._list_root = None

    def _table(self, el: lxml.html.HtmlElement) -> None:
        caption = el.find("caption")
        if caption is not None:
            self._block(caption)
        rows = [row for row in _table_rows(el) if any(row)]
        lines = tuple(" | ".join(row).rstrip() for row in rows)
        if lines:
            self.tables.append(Table(len(self.tables), None, tuple(rows)))
            self.blocks.append(_Block("table", lines, el))

    def _flush(self) -> None:
        if not self._buffer:
            return
        raw, link_chars = "".join(self._buffer), self._link_chars
        self._buffer, self._link_chars = [], 0
        element, mode = self._open[-1]
        lines = [_SPACES.sub(" ", line).strip() for line in raw.split("\n")]
        link_share = link_chars / max(1, sum(len(line) for line in lines))
        if mode == "heading":
            text = " ".join(line for line in lines if line)
            if text:
                self.blocks.append(_Block("heading", (text,), element, _HEADINGS[element.tag], None, link_share))
        elif mode == "item":
            item = tuple(line for line in lines if line)
            if item:
                self.blocks.append(_Block("item", item, element, 0, self._list_root, link_share))
        else:
            for paragraph in _paragraphs(lines):
                self.blocks.append(_Block("paragraph", paragraph, element, 0, None, link_share))


def _paragraphs(lines: list[str]) -> list[tuple[str, ...]]:
    """Lines split at empty ones: `<br><br>` is how old pages separate paragraphs."""
    out: list[list[str]] = [[]]
    for line in lines:
        if line:
            out[-1].append(line)
        elif out[-1]:
            out.append([])
    return [tuple(p) for p in out if p]


# --- main content and furniture ------------------------------------------------------------

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
    r")\s*:?$")
_SIMILAR_NAME = re.compile(r"similar|related|see-?also|relacionad|similaires|connexes|semelhantes")
_NAV_NAME = re.compile(r"(?<![a-z])nav|nav(?![a-z])|menu|breadcrumb")
_FOOTER_NAME = re.compile(r"footer|copyright")
# Most of a block's text in links: a list of titles pointing elsewhere, not prose.
_MOSTLY_LINKS = 0.5


@dataclass(frozen=True)
class _Region:
    kind: str
    landmark: bool  # an element that says what it is (`<nav>`, `<footer>`, `<aside>`), not a class name
    sure: bool = False  # never main content, whatever trafilatura keeps


def _main_lines(source_path: str, html_text: str) -> list[str]:
    try:
        main = trafilatura.extract(html_text, output_format="txt", include_comments=False, include_tables=False,
                                   favor_precision=False, with_metadata=False)
    except Exception as error:  # trafilatura raises whatever its parsers and fallbacks raise
        raise ReadError("corrupt", f"{source_path}: the page's main content cannot be extracted "
                        f"({type(error).__name__}: {error}); save it again from the browser") from error
    return [key for line in (main or "").splitlines() if (key := _key(_TRAFILATURA_MARKER.sub("", line)))]


def _main_flags(blocks: list[_Block], main_lines: list[str]) -> list[bool] | None:
    """Which blocks are main content; None when trafilatura's text matches none of them."""
    lines = [(i, key) for i, block in enumerate(blocks) if block.kind != "table" for key in block.keys if key]
    matched = [False] * len(lines)
    # Aligned in order, so `Background` in a menu does not take the place of the heading.
    matcher = SequenceMatcher(None, [key for _, key in lines], main_lines, autojunk=False)
    for a, _b, size in matcher.get_matching_blocks():
        matched[a:a + size] = [True] * size
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


def _names(el: lxml.html.HtmlElement) -> str:
    return " ".join(el.get(attr, "") for attr in ("class", "id", "aria-label")).lower()


def _inside(el: lxml.html.HtmlElement, tags: tuple[str, ...]) -> bool:
    return any(a.tag in tags for a in el.iterancestors())


def _mostly_links(el: lxml.html.HtmlElement) -> bool:
    text = len(_visible_text(el))
    links = sum(len(_visible_text(a)) for a in el.iter("a") if a.get("href") is not None)
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


def _similar_sections(blocks: list[_Block], main: list[bool], regions: _Regions) -> set[int]:
    """Blocks under a "Similar documents" label: the label and the links listed after it,
    even where trafilatura keeps them (it keeps such a heading and drops its list)."""
    named: set[int] = set()
    for i, label in enumerate(blocks):
        if label.kind == "table" or not _SIMILAR_LABEL.match(" ".join(label.keys)):
            continue
        own = _key(_visible_text(label.element)) == " ".join(label.keys)
        container = label.element.getparent() if own and label.element.getparent() is not None else label.element
        members = _listed_after(blocks, main, i, container, regions)
        if members:
            named |= {i, *members}
    return named


def _listed_after(blocks: list[_Block], main: list[bool], label: int, container: lxml.html.HtmlElement,
                  regions: _Regions) -> list[int]:
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


def _furniture_kinds(blocks: list[_Block], main: list[bool] | None, titles: set[str]) -> list[str | None]:
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


def _body(blocks: list[_Block], main: list[bool], regions: list[_Region | None], titles: set[str]) -> list[bool]:
    """Trafilatura's main content, with what it drops from inside it given back: it leaves out
    the page's `<h1>` (it keeps it as metadata), and lists or headings inside layout tables."""
    body = list(main)
    loose = [region is None and block.kind != "table" and block.link_share < _MOSTLY_LINKS
             for block, region in zip(blocks, regions)]
    kept = [i for i, flag in enumerate(main) if flag]
    for before, after in zip(kept, kept[1:]):
        for j in range(before + 1, after):
            body[j] = body[j] or loose[j]
    for i in range(len(blocks) - 2, -1, -1):  # backwards: a heading over a sub-heading over text
        if blocks[i].kind == "heading" and loose[i] and body[i + 1]:
            body[i] = True
    for i, block in enumerate(blocks):
        if block.kind == "heading" and block.level == 1 and _key(block.lines[0]).casefold() in titles:
            body[i] = regions[i] is None or not regions[i].sure
    return body


def _compose(blocks: list[_Block], kinds: list[str | None]) -> tuple[str, tuple[Furniture, ...]]:
    """The raw text and its furniture spans; a span takes its block's trailing line ending."""
    parts: list[str] = []
    spans: list[Furniture] = []
    pos = 0
    for i, block in enumerate(blocks):
        chunk = block.text + (_separator(block, blocks[i + 1]) if i + 1 < len(blocks) else "\n")
        kind = kinds[i]
        if kind is not None and spans and spans[-1].kind == kind and spans[-1].raw_end == pos:
            spans[-1] = Furniture(kind, spans[-1].raw_start, pos + len(chunk))
        elif kind is not None:
            spans.append(Furniture(kind, pos, pos + len(chunk)))
        parts.append(chunk)
        pos += len(chunk)
    return "".join(parts), tuple(spans)


def _separator(block: _Block, following: _Block) -> str:
    same_list = (block.kind == following.kind == "item" and block.list_root is not None
                 and block.list_root is following.list_root)
    return "\n" if same_list else "\n\n"


# --- properties ----------------------------------------------------------------------------

_DATE_NAMES = ("date", "dcterms.date", "article:published_time", "citation_publication_date", "dc.date",
               "dcterms.created", "dcterms.issued", "dc.date.issued", "citation_date")
_AUTHOR_NAMES = ("author", "citation_author", "dc.creator", "dcterms.creator")
_ISO_DATE = re.compile(r"^\s*(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})")
_LANGUAGE = re.compile(r"^\s*([a-zA-Z]{2})(?=[-_,;\s]|$)")
# `Statement on X | IOM`: the site's name after the page's.
_TITLE_SUFFIX = re.compile(r"^(.*\S)\s+([|\-–—])\s+(\S[^|]*)$")
_ACRONYM = re.compile(r"^[A-Z][A-Z0-9&.]{1,9}$")
_DOMAIN = re.compile(r"^[\w-]+(?:\.[\w-]+)*\.[a-z]{2,6}$", re.I)
_MAX_SITE_NAME_WORDS = 5


def _metas(tree: lxml.html.HtmlElement) -> dict[str, list[str]]:
    found: dict[str, list[str]] = {}
    for meta in tree.iter("meta"):
        name = (meta.get("name") or meta.get("property") or meta.get("http-equiv") or "").strip().lower()
        content = _key(meta.get("content") or "")
        if name and content:
            found.setdefault(name, []).append(content)
    return found


def _properties(tree: lxml.html.HtmlElement) -> tuple[Properties, set[str]]:
    """The page's properties, and the forms of its title an `<h1>` may repeat."""
    metas = _metas(tree)
    title_el = tree.find(".//title")
    page_title = _key(title_el.text_content()) if title_el is not None else ""
    og_title = (metas.get("og:title") or metas.get("dc.title") or [""])[0]
    site_names = {n.casefold() for key in ("og:site_name", "application-name") for n in metas.get(key, [])}
    title = _without_site_name(page_title, site_names) if page_title else og_title
    properties = Properties(title=title or None, authors=_authors(metas), created=_created(metas),
                            language=_language(tree, metas))
    return properties, {t.casefold() for t in (page_title, title, og_title) if t}


def _without_site_name(title: str, site_names: set[str]) -> str:
    """Kept conservative: ` - ` also joins a title's own parts (`Migration - a global view`),
    so after it only the site's declared name, an acronym or a domain is taken off."""
    m = _TITLE_SUFFIX.match(title)
    if not m:
        return title
    head, separator, tail = m.groups()
    if len(tail) >= len(head):
        return title
    site = tail.casefold() in site_names or bool(_ACRONYM.match(tail)) or bool(_DOMAIN.match(tail))
    if site or (separator == "|" and len(tail.split()) <= _MAX_SITE_NAME_WORDS):
        return head
    return title


def _authors(metas: dict[str, list[str]]) -> tuple[str, ...]:
    names: list[str] = []
    for key in _AUTHOR_NAMES:
        for value in metas.get(key, []):
            for name in value.split(";"):
                name = name.strip()
                if name and not name.startswith(("http:", "https:")) and name not in names:
                    names.append(name)
    return tuple(names)


def _created(metas: dict[str, list[str]]) -> date | None:
    for key in _DATE_NAMES:
        for value in metas.get(key, []):
            if m := _ISO_DATE.match(value):
                try:
                    return date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
                except ValueError:
                    continue
    return None


def _language(tree: lxml.html.HtmlElement, metas: dict[str, list[str]]) -> str | None:
    declared = [tree.get("lang"), tree.get("xml:lang"), tree.get("{http://www.w3.org/XML/1998/namespace}lang"),
                *metas.get("content-language", []), *metas.get("dc.language", []), *metas.get("language", [])]
    for value in declared:
        if value and (m := _LANGUAGE.match(value)):
            return m.group(1).lower()
    return None


# --- the reader ----------------------------------------------------------------------------

def read_html(source_path: str, doc_id: str, data: bytes) -> RawDocument:
    text, encoding = _decode_page(source_path, data)
    text = _XML_DECLARATION_TEXT.sub("", text, count=1)
    tree = _parse(source_path, text)
    try:
        renderer = _Renderer()
        body = tree.find("body")
        renderer.render(body if body is not None else tree)
        properties, titles = _properties(tree)
    except (ValueError, etree.LxmlError) as error:
        raise ReadError("corrupt", f"{source_path}: the page cannot be read as HTML ({error}); "
                        "save it again from the browser") from error
    if not renderer.blocks:
        raise ReadError("empty", f"{source_path}: the page shows no text (only markup, scripts or images); "
                        "save the complete page, or the document it links to")
    main = _main_flags(renderer.blocks, _main_lines(source_path, text))
    raw_text, furniture = _compose(renderer.blocks, _furniture_kinds(renderer.blocks, main, titles))
    return RawDocument(doc_id, source_path, "html", raw_text, encoding, None, furniture,
                       tuple(renderer.tables), properties)
