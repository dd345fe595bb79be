"""OCR garbage: lines of symbol soup a text layer made of a stamp, a logo or a scan.

A line goes only when it can say why it is not content: OCR's tell-tale symbols or a scatter
of unrelated marks, and almost nothing that reads as a word. A word is a word in any script
(Cyrillic, Greek, Arabic, CJK), with any apostrophe look-alike (`l´Europe`, `don`t`); a
reference (`(S/PRST/2021/18).`, `CMW/C/BEN/CO/1`), a figure and a speaker label
(`**Name | Role**`) are content."""

from __future__ import annotations

import re
import unicodedata
from typing import Iterator

from tasks.domain.cleaning.engine import Edit
from tasks.domain.cleaning.rules.lines import line_edits, lines

# Characters prose almost never uses but OCR of images produces.
# Not `|` (tables), `<` `>` (links, figures) or `§` (legal references): prose uses them.
_SOUP = re.compile(r"[~^\\{}¬¦¤¨´`]")
# Apostrophe look-alikes between letters are the word's own (`l´Europe`, `d`un`).
_INNER_APOSTROPHE = re.compile(r"(?<=[^\W\d_])[´`'’ʼ](?=[^\W\d_])")
# Wrapping a word may carry: brackets, quotes, markdown emphasis, trailing punctuation.
_EDGES = "([«“\"'‘¿¡*_)]»”’.,;:!?"
_LATIN_VOWEL = re.compile(r"[aeiouyáéíóúàèìòùâêîôûãõäëïöüœæ]", re.I)
# A figure (`2016.`, `65%`, `1.251.225`) or a reference: capitals, digits and `/`, `.`, `-`
# with at least one slash or a digit next to capitals (`S/PRST/2021/18`, `E/ICEF/CRP/79-3`).
_FIGURE = re.compile(r"^\d[\d.,]*%?$")
_REFERENCE = re.compile(r"^(?=[^/]*[A-Z])[A-Z0-9]+(?:[/.-][A-Za-z0-9]+)*$")
_ONE_LETTER_WORDS = frozenset("aàeéoóuyæ")


def _is_word(token: str) -> bool:
    core = _INNER_APOSTROPHE.sub("", token.strip(_EDGES))
    if not core:
        return False
    if _FIGURE.match(core) or ("/" in core and _REFERENCE.match(core)):
        return True
    parts = core.split("-")
    return all(_is_letter_word(part) for part in parts) and (len(core) >= 2 or core.lower() in _ONE_LETTER_WORDS)


def _is_letter_word(part: str) -> bool:
    if not part or not all(ch.isalpha() for ch in part):
        return False
    if any(not _is_latin(ch) for ch in part):
        return True  # a word in another script: its letters are enough
    return bool(_LATIN_VOWEL.search(part)) or part.isupper()  # `IAHWG`, `UNHCR`: an acronym


def _is_latin(ch: str) -> bool:
    return ord(ch) < 0x250 or "LATIN" in unicodedata.name(ch, "")


def garbage_score(line: str) -> float:
    """Share of the line's visible characters that are not part of a real word."""
    visible = "".join(line.split())
    if not visible:
        return 0.0
    in_words = sum(len(token) for token in line.split() if _is_word(token))
    return 1 - in_words / len(visible)


def drop_ocr_garbage_lines(text: str) -> Iterator[Edit]:
    """A line with OCR's tell-tale symbols and little else than non-words. A real line with a
    few odd characters (`rates < 5% in 2016`) is mostly words and stays."""
    yield from line_edits(text, [line for line in lines(text) if _is_garbage(line.stripped)], "ocr_garbage")


_PUNCTUATION = re.compile(r"[^\w\s]")
_PUNCTUATION_RUN = re.compile(r"^[\W_]{5,}$")
_ADDRESS = re.compile(r"\w@\w|https?://|www\.", re.I)
_WORD_CHARACTER = re.compile(r"[^\W_]")


# A scatter of marks without OCR's symbols is short; longer lines are only scored when they
# hold those symbols (this keeps the rule cheap on prose).
_MAX_SCATTER_CHARS = 80
# Soup is mostly marks: a line whose visible characters are half letters or digits says
# something (a reference, a name, a figure), whatever marks surround it.
_MAX_GARBAGE_WORD_CHARACTERS = 0.5


def _is_garbage(stripped: str) -> bool:
    if len(stripped) < 3:
        return False
    soup = _SOUP.search(stripped)
    if (not soup and len(stripped) > _MAX_SCATTER_CHARS) or _ADDRESS.search(stripped):
        return False
    visible = "".join(stripped.split())
    if len(_WORD_CHARACTER.findall(visible)) >= _MAX_GARBAGE_WORD_CHARACTERS * len(visible):
        return False
    score = garbage_score(stripped)
    if soup and score > 0.5:
        return True
    marks = _PUNCTUATION.findall(stripped)
    if score >= 0.9 and len(marks) >= 4 and len(set(marks)) >= 3:
        return True  # no word at all, a scatter of unrelated marks
    return (
        bool(_PUNCTUATION_RUN.match(stripped)) and len(set(stripped)) >= 3 and not re.fullmatch(r"[-*_=.\s]+", stripped)
    )
