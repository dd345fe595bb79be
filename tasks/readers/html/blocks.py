"""The blocks a page is read as, and the raw text and furniture spans they compose."""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass

import lxml.html

from tasks.domain.models import Furniture


@dataclass(frozen=True)
class Block:
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
        return [match_key(" ".join(self.lines))] if self.kind == "heading" else [match_key(line) for line in self.lines]


def match_key(text: str) -> str:
    return " ".join(unicodedata.normalize("NFC", text).split())


def compose(blocks: list[Block], kinds: list[str | None]) -> tuple[str, tuple[Furniture, ...]]:
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


def _separator(block: Block, following: Block) -> str:
    same_list = (
        block.kind == following.kind == "item"
        and block.list_root is not None
        and block.list_root is following.list_root
    )
    return "\n" if same_list else "\n\n"
