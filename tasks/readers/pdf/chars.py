"""Single characters of a page's text layer, by their offset in the text pdfium gives."""

from __future__ import annotations

import math
import re
from typing import Callable

import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c

_ASTRAL = re.compile("[\U00010000-\U0010ffff]")
VISIBLE = re.compile(r"\S")
# Baselines this close (in font sizes) are one line cut in two, not a pitch.
MIN_PITCH = 0.3


def char_indexer(textpage: pdfium.PdfTextPage, text: str) -> Callable[[int], int]:
    """Maps an offset in the page text to pdfium's character index, -1 when that character is
    not the one the text shows there. The text counts UTF-16 units (a character beyond the BMP
    is two) and pdfium may leave characters out of it or add some: its own map decides, and
    the character's code point confirms."""
    astral = [m.start() for m in _ASTRAL.finditer(text)]
    tp = textpage.raw
    get_index, get_unicode = pdfium_c.FPDFText_GetCharIndexFromTextIndex, pdfium_c.FPDFText_GetUnicode

    def index(offset: int) -> int:
        units = offset + sum(1 for a in astral if a < offset) if astral else offset
        i = get_index(tp, units)
        return i if i >= 0 and get_unicode(tp, i) == ord(text[offset]) else -1

    return index


def printed_size(tp: pdfium_c.FPDF_TEXTPAGE, i: int, matrix: pdfium_c.FS_MATRIX) -> float | None:
    """The printed size of character i, to half a point: its font size times the scale of its
    text object's matrix (which is left in `matrix`); None when pdfium gives no matrix."""
    if not pdfium_c.FPDFText_GetMatrix(tp, i, matrix):
        return None
    m = matrix
    return round(pdfium_c.FPDFText_GetFontSize(tp, i) * math.sqrt(abs(m.a * m.d - m.b * m.c)) * 2) / 2
