"""An lxml tree to blocks in document order, as a browser lays the page out; data tables to `tables`."""

from __future__ import annotations

import re

import lxml.html
from lxml import etree

from tasks.domain.extract import ReadError
from tasks.domain.models import Table
from tasks.readers.html.blocks import Block

# Not shown by a browser: code, metadata, embedded media, a drop-down's hidden options.
UNSEEN = frozenset(
    {
        "script",
        "style",
        "noscript",
        "template",
        "head",
        "title",
        "meta",
        "link",
        "base",
        "svg",
        "math",
        "iframe",
        "object",
        "embed",
        "canvas",
        "audio",
        "video",
        "select",
        "datalist",
        "frameset",
        "frame",
    }
)
BLOCKS = frozenset(
    {
        "address",
        "article",
        "aside",
        "blockquote",
        "body",
        "caption",
        "center",
        "dd",
        "details",
        "dialog",
        "dir",
        "div",
        "dl",
        "dt",
        "fieldset",
        "figcaption",
        "figure",
        "footer",
        "form",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "header",
        "hgroup",
        "hr",
        "html",
        "legend",
        "li",
        "main",
        "menu",
        "nav",
        "noframes",
        "ol",
        "p",
        "pre",
        "section",
        "summary",
        "table",
        "tbody",
        "td",
        "tfoot",
        "th",
        "thead",
        "tr",
        "ul",
    }
)
_BREAKING = BLOCKS | {"br"}  # what puts a space between the words around it
LISTS = frozenset({"ul", "ol", "menu", "dir"})
_HEADINGS = {f"h{n}": n for n in range(1, 7)}
_HTML_SPACE = re.compile(r"[ \t\n\r\f]+")  # HTML collapses these; a no-break space stays
_PRE_SPACE = re.compile(r"[ \t\r\f]+")  # `<pre>` keeps its line breaks
_SPACES = re.compile(r" {2,}")
_HIDDEN_STYLE = re.compile(r"display\s*:\s*none|visibility\s*:\s*hidden", re.I)
# A table cell longer than this is a region of a laid-out page, not a datum.
_MAX_DATA_CELL_CHARS = 2000


def parse(source_path: str, text: str) -> lxml.html.HtmlElement:
    try:
        return lxml.html.document_fromstring(text)
    except etree.ParserError as error:  # lxml's word for a document without any element
        raise ReadError(
            "empty", f"{source_path}: the page holds no HTML elements ({error}); save the complete page"
        ) from error
    except (ValueError, etree.LxmlError) as error:
        raise ReadError(
            "corrupt", f"{source_path}: the page cannot be parsed as HTML ({error}); save it again from the browser"
        ) from error


def hidden(el: lxml.html.HtmlElement) -> bool:
    return (
        el.get("hidden") is not None
        or el.get("aria-hidden") == "true"
        or bool(_HIDDEN_STYLE.search(el.get("style", "")))
    )


def visible_text(el: lxml.html.HtmlElement) -> str:
    """An element's text as one line, as a table cell or a landmark is measured."""
    parts: list[str] = []

    def walk(node: lxml.html.HtmlElement) -> None:
        if isinstance(node.tag, str) and node.tag not in UNSEEN and not hidden(node):
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
    if table.xpath(
        ".//*[self::h1 or self::h2 or self::h3 or self::h4 or self::h5 or self::h6 or self::nav "
        "or self::article or self::section or self::form or self::header or self::footer]"
    ):
        return False
    rows = _table_rows(table)
    if len(rows) < 2 or max(len(row) for row in rows) < 2:
        return False
    return all(len(cell) <= _MAX_DATA_CELL_CHARS for row in rows for cell in row)


def _table_rows(table: lxml.html.HtmlElement) -> list[tuple[str, ...]]:
    rows = table.xpath("./tr | ./thead/tr | ./tbody/tr | ./tfoot/tr")
    return [tuple(visible_text(cell) for cell in row.xpath("./td | ./th")) for row in rows]


class Renderer:
    """The page's visible text as blocks in document order, as a browser lays it out."""

    def __init__(self) -> None:
        self.blocks: list[Block] = []
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
        if not isinstance(el.tag, str) or el.tag in UNSEEN or hidden(el):
            return  # comments and processing instructions too; their tail is still text
        if el.tag == "br":
            self._buffer.append("\n")
        elif el.tag in BLOCKS:
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
        if mode in ("item", "heading") and el.tag not in LISTS and el.tag != "li":
            # a paragraph inside a list item or a heading is part of it, on its own line
            self._buffer.append("\n")
            self._contents(el)
            self._buffer.append("\n")
            return
        self._flush()
        outermost_list = el.tag in LISTS and self._list_root is None
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
            self.blocks.append(Block("table", lines, el))

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
                self.blocks.append(Block("heading", (text,), element, _HEADINGS[element.tag], None, link_share))
        elif mode == "item":
            item = tuple(line for line in lines if line)
            if item:
                self.blocks.append(Block("item", item, element, 0, self._list_root, link_share))
        else:
            for paragraph in _paragraphs(lines):
                self.blocks.append(Block("paragraph", paragraph, element, 0, None, link_share))


def _paragraphs(lines: list[str]) -> list[tuple[str, ...]]:
    """Lines split at empty ones: `<br><br>` is how old pages separate paragraphs."""
    out: list[list[str]] = [[]]
    for line in lines:
        if line:
            out[-1].append(line)
        elif out[-1]:
            out.append([])
    return [tuple(p) for p in out if p]
