"""The body in document order: paragraphs, `#` headings from styles and outline levels, `- ` list items, tables."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from docx.enum.style import WD_STYLE_TYPE

from tasks.domain.models import Table
from tasks.readers.docx.text import TRANSPARENT_BLOCK, W_VAL, NoteMarker, W, block_items, paragraph_lines, val

_MAX_HEADING_LEVEL = 6  # markdown has six; Word's Heading 7-9 become level 6
# Heading style names as Word and LibreOffice write them in the corpus's languages, for
# styles that neither carry an outline level nor derive from a built-in heading.
_HEADING_NAME = re.compile(r"^(?:heading|t[ií]tulo|titre|encabezado|cabe[çc]alho)\s*(\d)$", re.I)
_TITLE_NAME = re.compile(r"^(?:title|t[ií]tulo|titre)$", re.I)
_LIST_NAME = re.compile(r"^list (?:paragraph|bullet|number)(?: \d)?$", re.I)


@dataclass(frozen=True)
class _Role:
    heading_level: int | None = None
    is_list: bool = False


def read_body(document, notes: NoteMarker | None = None) -> tuple[list[str], tuple[Table, ...]]:
    """Blank-line-separated blocks in document order (a list is one block of `- ` lines), and
    the tables, which stay out of the text: their cells would be number soup in the prose.
    Note references are read in this same order, so `notes` numbers them as Word does."""
    styles = _style_roles(document)
    blocks: list[str] = []
    items: list[str] = []
    tables: list[Table] = []

    def end_list() -> None:
        if items:
            blocks.append("\n".join(items))
            items.clear()

    for element in block_items(document.element.body):
        if element.tag == f"{W}tbl":
            end_list()
            cells = table_cells(element, notes)
            if any(any(row) for row in cells):
                tables.append(Table(len(tables), None, cells))
            continue
        lines = paragraph_lines(element, notes)
        if not lines:
            continue  # an empty paragraph is spacing, and does not end a list
        role = _paragraph_role(element, styles)
        if role.heading_level is not None:
            end_list()
            blocks.append("#" * role.heading_level + " " + " ".join(lines))
        elif role.is_list:
            # Numbered items are `- ` lines too: Word computes their numbers at display time, and
            # rebuilding them from the numbering part (restarts, levels, formats) risks wrong ones.
            items.append("- " + "\n".join(lines))
        else:
            end_list()
            blocks.append("\n".join(lines))
    end_list()
    return blocks, tuple(tables)


def _paragraph_role(p, styles: dict[str | None, _Role]) -> _Role:
    """Direct formatting wins over the style: an outline level set on the paragraph makes it a
    heading (level 9 is Word's "body text"), a numbering id of 0 switches a list style off."""
    ppr = p.find(f"{W}pPr")
    style_id = val(ppr.find(f"{W}pStyle")) if ppr is not None else None
    role = styles.get(style_id, styles.get(None, _Role()))
    if ppr is None:
        return role
    level = _outline_level(ppr)
    if level is not None:
        return _Role(level if level > 0 else None, role.is_list)
    num_id = val(ppr.find(f"{W}numPr/{W}numId"))
    if num_id is not None and role.heading_level is None:
        return _Role(None, num_id != "0")
    return role


def _style_roles(document) -> dict[str | None, _Role]:
    """The role of every paragraph style, by id; `None` holds the default style's."""
    roles: dict[str | None, _Role] = {}
    for style in document.styles:
        if style.type == WD_STYLE_TYPE.PARAGRAPH:
            roles[style.style_id] = _style_role(style)
    default = document.styles.default(WD_STYLE_TYPE.PARAGRAPH)
    roles[None] = roles.get(default.style_id, _Role()) if default is not None else _Role()
    return roles


def _style_role(style) -> _Role:
    """Walks the `base_style` chain, so a localized or custom style based on a heading (or on
    List Bullet) takes its role; the nearest style that says something decides."""
    heading, is_list, seen = None, None, set()
    while style is not None and style.style_id not in seen and (heading is None or is_list is None):
        seen.add(style.style_id)  # a chain that loops back is broken, not infinite
        ppr = style.element.find(f"{W}pPr")
        if heading is None:
            heading = _style_heading_level(style, ppr)
        if is_list is None and ppr is not None and ppr.find(f"{W}numPr/{W}numId") is not None:
            is_list = val(ppr.find(f"{W}numPr/{W}numId")) != "0"
        if is_list is None and _LIST_NAME.match(style.name or ""):
            is_list = True
        style = style.base_style
    return _Role(heading or None, bool(is_list) and not heading)


def _style_heading_level(style, ppr) -> int | None:
    """The level a style gives, 0 when it says "not a heading", None when it does not say."""
    level = _outline_level(ppr) if ppr is not None else None
    if level is not None:
        return level
    name = (style.name or "").strip()
    if m := _HEADING_NAME.match(name):
        return min(max(int(m.group(1)), 1), _MAX_HEADING_LEVEL)
    return 1 if _TITLE_NAME.match(name) else None


def _outline_level(ppr) -> int | None:
    """Word's outline level 0-8 is heading level 1-9; 9 is body text (returned as 0)."""
    raw = val(ppr.find(f"{W}outlineLvl"))
    if raw is None or not raw.isdigit():
        return None
    level = int(raw)
    return 0 if level >= 9 else min(level + 1, _MAX_HEADING_LEVEL)


# --- tables -------------------------------------------------------------------------------------


def table_cells(tbl, notes: NoteMarker | None = None) -> tuple[tuple[str, ...], ...]:
    """Each `w:tc` once: a cell merged across columns is one `w:tc` (python-docx's `row.cells`
    would repeat it), and a cell continuing a vertical merge is '' (its text is above)."""
    return tuple(tuple(_cell_text(tc, notes) for tc in _children(tr, "tc")) for tr in _children(tbl, "tr"))


def _children(element, local_name: str) -> Iterator:
    for child in element:
        if child.tag == f"{W}{local_name}":
            yield child
        elif child.tag in TRANSPARENT_BLOCK:
            yield from _children(child, local_name)


def _cell_text(tc, notes: NoteMarker | None) -> str:
    merge = tc.find(f"{W}tcPr/{W}vMerge")
    if merge is not None and merge.get(W_VAL, "continue") == "continue":
        return ""
    return " ".join(" ".join(story_lines(tc, notes)).split())


def story_lines(container, notes: NoteMarker | None = None) -> Iterator[str]:
    """The text lines of a cell, header, footer or note; a nested table gives one line per cell."""
    for element in block_items(container):
        if element.tag == f"{W}tbl":
            for row in table_cells(element, notes):
                yield from (cell for cell in row if cell)
        else:
            yield from paragraph_lines(element, notes)
