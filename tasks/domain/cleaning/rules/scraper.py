"""Furniture that scrapers of document-sharing pages leave in a text dump."""
from __future__ import annotations

import re
from typing import Iterator

from tasks.domain.cleaning.engine import Edit
from tasks.domain.cleaning.rules.lines import Line, lines, whole_line_edit

_SIMILAR_HEADINGS = re.compile(
    r"(?i)^\s*(?:(?:similar|related) (?:documents|publications|content)"
    r"|documentos (?:similares|relacionados|semelhantes)"
    r"|(?:documents|publications) (?:similaires|connexes))\s*:?\s*$"
)
_TRANSCRIPTION = re.compile(r"(?i)^\s*(?:transcription|transcripci[oó]n|transcri[cç][aã]o)\s*:\s*$")
# A scraped list item is a title: one line, never a paragraph of running prose.
_MAX_TITLE_CHARS = 250


def drop_similar_documents_block(text: str) -> Iterator[Edit]:
    """A "Similar documents" heading and the list of unrelated titles under it.

    The list ends at a transcription marker, or at the first line too long to be a title
    (the body). Without either end in sight the rule is unsure and keeps the text."""
    all_lines = lines(text)
    i = 0
    while i < len(all_lines):
        end = _end_of_title_list(all_lines, i + 1) if _SIMILAR_HEADINGS.match(all_lines[i].text) else None
        if end is None:
            i += 1
            continue
        yield whole_line_edit(text, all_lines[i], "similar_documents")
        for title in all_lines[i + 1:end]:
            if title.stripped:
                yield whole_line_edit(text, title, "similar_documents")
        i = end


def _end_of_title_list(all_lines: list[Line], first: int) -> int | None:
    n_titles = 0
    for j in range(first, len(all_lines)):
        line = all_lines[j]
        if _TRANSCRIPTION.match(line.text):
            return j
        if len(line.stripped) > _MAX_TITLE_CHARS:
            return j if n_titles else None
        n_titles += bool(line.stripped)
    return None


def drop_transcription_marker(text: str) -> Iterator[Edit]:
    """The "Transcription:" line a document-sharing site puts before a PDF's text layer."""
    for line in lines(text):
        if _TRANSCRIPTION.match(line.text):
            yield whole_line_edit(text, line, "transcription_marker")


_MARKER_LINE = r"^[ \t]*(?:#{3}|-[ \t]?30[ \t]?-)[ \t]*$"
_END_MARKER = re.compile(rf"(?m)(?<=\n){_MARKER_LINE}(?:\s*{_MARKER_LINE})*\s*\Z")


def drop_end_marker(text: str) -> Iterator[Edit]:
    """Press-release end markers (`###`, `-30-`) on the document's last lines."""
    match = _END_MARKER.search(text)
    if match:
        yield Edit(match.start(), match.end(), "end_marker")
