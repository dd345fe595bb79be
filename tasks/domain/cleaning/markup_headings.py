"""Where the cleaning removed heading markup, so the structure stage can keep those headings.

The markdown rules take `## `, closing `##`, setext underlines and `**` out of the text; the
lines they marked are still headings. This module knows which removals those rules made (it
finds its own rule objects in the registry by their functions, not by name strings) and turns
them into clean offsets of paragraph starts with the level the markup gave."""

from __future__ import annotations

import re
from bisect import bisect_right

from tasks.domain.cleaning.engine import raw_to_clean
from tasks.domain.cleaning.registry import RULES
from tasks.domain.cleaning.rules import markup
from tasks.domain.models import CleanedDocument, Removal

BOLD = 0  # the level a bold line gets: structure places it under the title once the title is known

_HEADING_MARKS = next(r.label for r in RULES if r.find is markup.strip_markdown_heading_marks)
_BOLD_MARKS = next(r.label for r in RULES if r.find is markup.strip_bold_marks)


def markup_headings(cleaned: CleanedDocument) -> dict[int, int]:
    """Clean offsets of paragraph starts that markup marked as headings, with their level:
    the number of `#`, 1 under `===`, 2 under `---`, `BOLD` for a paragraph wrapped in `**`."""
    to_clean = raw_to_clean(cleaned.removals)
    raw = cleaned.raw.raw_text
    bold = [r for r in cleaned.removals if r.rule == _BOLD_MARKS]
    bold_starts = [r.raw_start for r in bold]
    in_order = all(a <= b for a, b in zip(bold_starts, bold_starts[1:]))
    marks: dict[int, int] = {}
    for r in cleaned.removals:
        if r.rule == _HEADING_MARKS and r.text.lstrip(" \t").startswith("\n"):  # a setext underline
            marks[to_clean(raw.rfind("\n", 0, r.raw_start) + 1)] = 1 if "=" in r.text else 2
        elif r.rule == _HEADING_MARKS and "#" in r.text and r.text.strip("# \t"):
            continue  # closing hashes after a heading's text
        elif r.rule == _HEADING_MARKS:
            marks[to_clean(r.raw_end)] = r.text.count("#")
        elif (
            r.rule == _BOLD_MARKS
            and _at_line_start(raw, r.raw_start)
            and _bold_covers_its_line(cleaned, r, _closing(bold, bold_starts, in_order, r))
        ):
            marks.setdefault(to_clean(r.raw_end), BOLD)
    return marks


def _closing(bold: list[Removal], bold_starts: list[int], in_order: bool, opening: Removal) -> Removal | None:
    """The first bold mark after an opening one: found by bisection in the removals' raw
    order (a scan of every removal per bold mark was quadratic in a long document)."""
    if in_order:
        i = bisect_right(bold_starts, opening.raw_start)
        return bold[i] if i < len(bold) else None
    return next((r for r in bold if r.raw_start > opening.raw_start), None)


_SPACES = re.compile(r"\s*")


def _bold_covers_its_line(cleaned: CleanedDocument, opening: Removal, closing: Removal | None) -> bool:
    """A bold span is a heading when it is the whole paragraph and not a sentence: a bold
    label (`**Note:** this draft…`) or an emphasised sentence is not."""
    raw = cleaned.raw.raw_text
    if closing is None:
        return False
    # only blank space up to the paragraph's end (a blank line, or the text's end); read
    # from the run of blank space after the mark, not from a copy of the rest of the text
    space_end = _SPACES.match(raw, closing.raw_end).end()
    after_is_blank = space_end == len(raw) or "\n\n" in raw[closing.raw_end : space_end]
    enclosed = raw[opening.raw_end : closing.raw_start].strip()
    return after_is_blank and not enclosed.endswith((".", "!", "?", ":"))


def _at_line_start(raw: str, pos: int) -> bool:
    line_start = raw.rfind("\n", 0, pos) + 1
    return raw[line_start:pos].strip(" \t#") == ""
