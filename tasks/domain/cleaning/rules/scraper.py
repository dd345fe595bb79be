"""Furniture that scrapers of document-sharing pages leave in a text dump."""

from __future__ import annotations

import re
from typing import Iterator

from tasks.domain.cleaning.engine import Edit
from tasks.domain.cleaning.rules.lines import Line, line_edits, lines

_SIMILAR_HEADINGS = re.compile(
    r"(?i)^\s*(?:(?:similar|related) (?:documents|publications|content|links)"
    r"|(?:documentos|publicaciones|publicações) (?:similares|relacionad[oa]s|semelhantes)"
    r"|(?:enlaces|links) relacionados"
    r"|(?:documents|publications) (?:similaires|connexes)|liens connexes)\s*:?\s*$"
)
_TRANSCRIPTION = re.compile(r"(?i)^\s*(?:transcription|transcripci[oó]n|transcri[cç][aã]o)\s*:\s*$")
# A scraped list item is a title: one line, never a paragraph of running prose.
_MAX_TITLE_CHARS = 250


def drop_similar_documents_block(text: str) -> Iterator[Edit]:
    """A "Similar documents" heading and the list of unrelated titles under it.

    The list ends at a transcription marker, or at the first line too long to be a title
    (the body). Without either end in sight the rule is unsure and keeps the text."""
    all_lines, doomed = lines(text), []
    i = 0
    while i < len(all_lines):
        end = _end_of_title_list(all_lines, i + 1) if _SIMILAR_HEADINGS.match(all_lines[i].text) else None
        if end is None:
            i += 1
            continue
        doomed += [line for line in all_lines[i:end] if line.stripped]
        i = end
    yield from line_edits(text, doomed, "similar_documents")


def _end_of_title_list(all_lines: list[Line], first: int) -> int | None:
    """Where the list ends: at a transcription marker before any line too long to be a title;
    without a marker, at the body's first line. Lines are judged as the page-break join will
    leave them (a line with the lower-case lines it runs on into), so the decision is the same
    before and after joining."""
    for j in range(first, len(all_lines)):
        if _TRANSCRIPTION.match(all_lines[j].text):
            return j
        if len(all_lines[j].stripped) > _MAX_TITLE_CHARS:
            break
    n_titles, j = 0, first
    while j < len(all_lines):
        if not all_lines[j].stripped:
            j += 1
            continue
        following, length = _logical_line(all_lines, j)
        if length > _MAX_TITLE_CHARS:
            return j if n_titles else None
        n_titles, j = n_titles + 1, following
    return None


def _logical_line(all_lines: list[Line], j: int) -> tuple[int, int]:
    """The index after the logical line starting at j, and its length in characters."""
    length, k = len(all_lines[j].stripped), j + 1
    while True:
        nxt = next((i for i in range(k, len(all_lines)) if all_lines[i].stripped), None)
        if nxt is None or not all_lines[nxt].stripped[:1].islower():
            return k, length
        length += 1 + len(all_lines[nxt].stripped)
        k = nxt + 1


def drop_transcription_marker(text: str) -> Iterator[Edit]:
    """The "Transcription:" line a document-sharing site puts before a PDF's text layer."""
    yield from line_edits(
        text, [line for line in lines(text) if _TRANSCRIPTION.match(line.text)], "transcription_marker"
    )


_MARKER_LINE = r"^[ \t]*(?:#{3}|-[ \t]?30[ \t]?-)[ \t]*$"
_END_MARKER = re.compile(rf"(?m)(?<=\n){_MARKER_LINE}(?:\s*{_MARKER_LINE})*\s*\Z")


def drop_end_marker(text: str) -> Iterator[Edit]:
    """Press-release end markers (`###`, `-30-`) on the document's last lines."""
    match = _END_MARKER.search(text)
    if match:
        yield Edit(match.start(), match.end(), "end_marker")


_FURNITURE_LINE = re.compile(
    r"(?i)^[ \t]*(?:download(?: (?:now|pdf|file|document))?|report this document|loading\s*(?:\.\.\.|…)?"
    r"|share(?: this (?:document|page))?|print(?: this (?:document|page))?|save|embed"
    r"|compartir|imprimir|guardar|partager|imprimer|enregistrer|compartilhar|salvar"
    r"|descargar(?: pdf)?|reportar este documento|cargando\s*(?:\.\.\.|…)?"
    r"|t[ée]l[ée]charger(?: le pdf)?|signaler ce document|chargement\s*(?:\.\.\.|…)?"
    r"|baixar(?: pdf)?|denunciar este documento|carregando\s*(?:\.\.\.|…)?)[ \t]*$"
)


def drop_scraper_furniture_lines(text: str) -> Iterator[Edit]:
    """Buttons a scraper flattened into lines of their own: `Download`, `Report this
    document`, `Loading...`, in the four languages. Only whole lines: `Download the report
    from the website` is a sentence."""
    yield from line_edits(text, [line for line in lines(text) if _FURNITURE_LINE.match(line.text)], "scraper_furniture")
