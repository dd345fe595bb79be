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

import re

import lxml.html
from lxml import etree

from tasks.domain.extract import ReadError
from tasks.domain.models import RawDocument
from tasks.readers.html.blocks import compose
from tasks.readers.html.boilerplate import furniture_kinds, main_flags, main_lines
from tasks.readers.html.charset import decode_page
from tasks.readers.html.deep import MAX_DEPTH, depth, parse_flat_below
from tasks.readers.html.properties import read_properties
from tasks.readers.html.render import Renderer, parse

# lxml refuses a str that still carries its XML declaration.
_XML_DECLARATION_TEXT = re.compile(r"^\s*<\?xml[^>]*\?>")


def read_html(source_path: str, doc_id: str, data: bytes) -> RawDocument:
    text, encoding = decode_page(source_path, data)
    text = _XML_DECLARATION_TEXT.sub("", text, count=1)
    tree = parse(source_path, text)
    if depth(tree) > MAX_DEPTH:  # libxml2 drops what lies below 255 levels; recursion has limits
        tree = parse_flat_below(source_path, text)
        text = lxml.html.tostring(tree, encoding="unicode")  # what trafilatura reads, as flat
    try:
        renderer = Renderer()
        body = tree.find("body")
        renderer.render(body if body is not None else tree)
        properties, titles = read_properties(tree)
    except (ValueError, etree.LxmlError) as error:
        raise ReadError(
            "corrupt", f"{source_path}: the page cannot be read as HTML ({error}); save it again from the browser"
        ) from error
    if not renderer.blocks:
        raise ReadError(
            "empty",
            f"{source_path}: the page shows no text (only markup, scripts or images); "
            "save the complete page, or the document it links to",
        )
    main = main_flags(renderer.blocks, main_lines(source_path, text))
    raw_text, furniture = compose(renderer.blocks, furniture_kinds(renderer.blocks, main, titles))
    return RawDocument(
        doc_id, source_path, "html", raw_text, encoding, None, furniture, tuple(renderer.tables), properties
    )


__all__ = ["read_html"]
