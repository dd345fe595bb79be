"""Running headers and footers: their shown texts, kept in the text as furniture around the body."""

from __future__ import annotations

from tasks.domain.models import Furniture
from tasks.readers.docx.body import story_lines


def running_texts(document, kind: str) -> list[str]:
    """The distinct texts of every section's headers (or footers) that show: the first-page one
    when the section has a distinct first page, even-page ones when the document uses them.
    One linked to the previous section repeats it, so it is skipped."""
    even_pages = document.settings.odd_and_even_pages_header_footer
    texts: list[str] = []
    for section in document.sections:
        shown = [getattr(section, kind)]
        if section.different_first_page_header_footer:
            shown.insert(0, getattr(section, f"first_page_{kind}"))
        if even_pages:
            shown.append(getattr(section, f"even_page_{kind}"))
        for story in shown:
            if story.is_linked_to_previous:
                continue
            text = "\n".join(story_lines(story.part.element))
            if text and text not in texts:
                texts.append(text)
    return texts


def assemble(headers: list[str], blocks: list[str], footers: list[str]) -> tuple[str, tuple[Furniture, ...]]:
    """Headers first and footers last, each one block named as furniture with its blank line,
    so removing them leaves the body exactly."""
    pieces: list[str] = []
    furniture: list[Furniture] = []
    pos = 0

    def add(piece: str, kind: str | None = None) -> None:
        nonlocal pos
        if kind:
            furniture.append(Furniture(kind, pos, pos + len(piece)))
        pieces.append(piece)
        pos += len(piece)

    for header in headers:
        add(header + "\n\n", "running_header")
    if blocks:
        add("\n\n".join(blocks) + ("\n\n" if footers else "\n"))
    for footer in footers:
        add(footer + "\n\n", "running_footer")
    return "".join(pieces), tuple(furniture)
