"""Pages nested deeper than any real page: read flat below a depth, never dropped.

libxml2 builds no element deeper than 255 levels (2047 with its "huge" option) and silently
stops reading the page there: a page of 20,000 nested `<div>`s came out as its title alone, its
body lost without an error. Its event interface (a parser target) has no such limit and is
linear in the page's length, so a page deeper than `MAX_DEPTH` is rebuilt from its events:
down to `MAX_DEPTH` as written, below it as a flat row of blocks under the deepest element
kept. Block boundaries stay (each block below the limit is a block of its own, in order), hidden
and unseen elements stay unseen, inline markup is dropped and its text kept. The renderer and
trafilatura then walk a tree of bounded depth: no recursion limit, no silent loss.
"""

from __future__ import annotations

from typing import Any

import lxml.html
from lxml import etree

from tasks.domain.extract import ReadError
from tasks.readers.html.render import BLOCKS, LISTS, UNSEEN, hidden

# Deeper than any page written by hand or by a content system (they stay well under 60); deep
# enough that nothing real is flattened, shallow enough for a recursive walk (3 frames a level).
MAX_DEPTH = 128


def depth(tree: etree._Element) -> int:
    """The number of levels of elements, the root counting one."""
    level = deepest = 0
    for event, _el in etree.iterwalk(tree, events=("start", "end")):
        level += 1 if event == "start" else -1
        deepest = max(deepest, level)
    return deepest


def parse_flat_below(source_path: str, text: str, limit: int = MAX_DEPTH) -> lxml.html.HtmlElement:
    """The page as `lxml.html.document_fromstring` would build it, flat below `limit` levels."""
    try:
        root = etree.fromstring(text, etree.HTMLParser(target=_FlatBelow(limit)))
    except (ValueError, etree.LxmlError) as error:
        raise ReadError(
            "corrupt", f"{source_path}: the page cannot be parsed as HTML ({error}); save it again from the browser"
        ) from error
    if root is None:
        raise ReadError("empty", f"{source_path}: the page holds no HTML elements; save the complete page")
    return root


class _FlatBelow:
    """A parser target building the tree, each element below `limit` a sibling of the last kept.

    `_stack` follows the page as written: (tag, built, unseen) per open element, `built` when the
    element is in the tree (above the limit), `unseen` when it or an ancestor below the limit is
    hidden. Below the limit, text goes into `_flat`, the current flat block, opened on demand;
    the outermost list below the limit is kept, its items (nested lists' too) flat inside it.
    """

    def __init__(self, limit: int) -> None:
        self._limit = limit
        self._builder = etree.TreeBuilder(parser=lxml.html.HTMLParser())
        self._stack: list[tuple[str, bool, bool]] = []
        self._flat: str | None = None  # the tag of the open flat block
        self._pending: tuple[str, dict[str, Any]] = ("div", {})  # the flat block text would open
        self._list: tuple[str, int] | None = None  # a list below the limit, kept around its items

    def _below(self) -> bool:
        return bool(self._stack) and not self._stack[-1][1]

    def _open_flat(self) -> None:
        """Opened only when text comes: 20,000 empty `<div>`s add nothing to the tree."""
        if self._flat is None:
            tag, attrib = self._pending
            self._builder.start(tag, attrib)
            self._flat, self._pending = tag, ("div", {})

    def _close_flat(self) -> None:
        if self._flat is not None:
            self._builder.end(self._flat)
            self._flat = None

    def start(self, tag: str, attrib: dict[str, Any], nsmap: Any = None) -> None:
        if len(self._stack) < self._limit and not self._below():
            self._builder.start(tag, dict(attrib))
            self._stack.append((tag, True, False))
            return
        unseen = (self._below() and self._stack[-1][2]) or tag in UNSEEN or hidden(attrib)
        self._stack.append((tag, False, unseen))
        if unseen:
            return
        if tag in LISTS and self._list is None:
            # one level more for the outermost list, so its items stay one list
            self._close_flat()
            self._builder.start(tag, dict(attrib))
            self._list = (tag, len(self._stack))
        elif tag in BLOCKS:
            self._close_flat()
            self._pending = (tag, dict(attrib))
        elif tag == "br":
            self._open_flat()
            self._builder.start("br", {})
            self._builder.end("br")

    def end(self, tag: str) -> None:
        if not self._stack:
            return
        open_tag, built, unseen = self._stack.pop()
        if built:
            self._close_flat()
            self._builder.end(open_tag)
        elif self._list == (open_tag, len(self._stack) + 1):
            self._close_flat()
            self._builder.end(open_tag)
            self._list = None
        elif not unseen and open_tag in BLOCKS:
            self._close_flat()  # the text after a block is a block of its own
            self._pending = ("div", {})

    def data(self, data: str) -> None:
        if not self._below():
            self._builder.data(data)
        elif not self._stack[-1][2]:
            self._open_flat()
            self._builder.data(data)

    def comment(self, text: str) -> None:
        if not self._below():
            self._builder.comment(text)

    def pi(self, target: str, data: str | None = None) -> None:
        if not self._below():
            self._builder.pi(target, data)

    def close(self) -> etree._Element | None:
        self._close_flat()
        while self._stack:
            self.end(self._stack[-1][0])
        try:
            return self._builder.close()
        except AssertionError:  # lxml's TreeBuilder asserts when no element was ever started
            return None
