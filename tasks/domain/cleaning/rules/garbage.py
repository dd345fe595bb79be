"""OCR garbage: lines of symbol soup a text layer made of a stamp, a logo or a scan."""
from __future__ import annotations

import re
from typing import Iterator

from tasks.domain.cleaning.engine import Edit
from tasks.domain.cleaning.rules.lines import line_edits, lines

# Characters prose almost never uses but OCR of images produces.
# Not `|` (tables), `<` `>` (links, figures) or `§` (legal references): prose uses them.
_SOUP = re.compile(r"[~^\\{}¬¦¤¨´`]")
# A real word: letters with a vowel (compounds and elisions too: `Estados-membros`, `l’œuvre`),
# or a figure (`2016.`, `65%`), maybe wrapped in ordinary punctuation.
_WORD = re.compile(
    r"^[(\[«“\"'‘¿¡]*(?:[^\W\d_]*[aeiouyáéíóúàèìòùâêîôûãõäëïöüœæ][^\W\d_]*(?:[-'’][^\W\d_]+)*"
    r"|\d[\d.,]*%?)[)\]»”\"'’.,;:!?]*$", re.I)
_PUNCTUATION_RUN = re.compile(r"^[\W_]{5,}$")


def garbage_score(line: str) -> float:
    """Share of the line's visible characters that are not part of a real word."""
    visible = "".join(line.split())
    if not visible:
        return 0.0
    in_words = sum(len(token) for token in line.split() if _WORD.match(token) and (len(token) >= 3 or token[0].isdigit()))
    return 1 - in_words / len(visible)


def drop_ocr_garbage_lines(text: str) -> Iterator[Edit]:
    """A line with OCR's tell-tale symbols and little else than non-words. A real line with a
    few odd characters (`rates < 5% in 2016`) is mostly words and stays."""
    yield from line_edits(text, [line for line in lines(text) if _is_garbage(line.stripped)], "ocr_garbage")


_PUNCTUATION = re.compile(r"[^\w\s]")
_ADDRESS = re.compile(r"\w@\w|https?://|www\.", re.I)


# A scatter of marks without OCR's symbols is short; longer lines are only scored when they
# hold those symbols (this keeps the rule cheap on prose).
_MAX_SCATTER_CHARS = 80


def _is_garbage(stripped: str) -> bool:
    if len(stripped) < 3:
        return False
    soup = _SOUP.search(stripped)
    if (not soup and len(stripped) > _MAX_SCATTER_CHARS) or _ADDRESS.search(stripped):
        return False
    if soup and garbage_score(stripped) > 0.5:
        return True
    marks = _PUNCTUATION.findall(stripped)
    if garbage_score(stripped) >= 0.9 and len(marks) >= 4 and len(set(marks)) >= 3:
        return True  # no word at all, a scatter of unrelated marks
    return bool(_PUNCTUATION_RUN.match(stripped)) and len(set(stripped)) >= 3 \
        and not re.fullmatch(r"[-*_=.\s]+", stripped)
