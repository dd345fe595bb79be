"""What the print shop adds to a UN document's pages: the job number (`24-13579 (E) 080424`,
`GE.24-02468 (E)`), its barcode (`*2413579*`), the recycling notice, and the page-foot lines
that pair the job number with a page counter (`2/15 24-13579`, `GE.24-02468 17`).

These lines say what they are by their form alone, so one occurrence is enough, in any format
(a Word file's first-page footer, a PDF page, a text dump). A bare job number or counter line
goes only when the document's own job number, printed with its language letter or as a
barcode, is the one it repeats: `24-13579` alone is otherwise left as it is."""

from __future__ import annotations

import re
from typing import Iterator

from tasks.domain.cleaning.engine import Edit
from tasks.domain.cleaning.rules.furniture import split_pages
from tasks.domain.cleaning.rules.lines import line_edits
from tasks.domain.lexicon import PRINT_NOTICES

_JOB = r"(?:GE\.)?(\d{2})-(\d{5})"
# The job number as the print shop stamps it: the language letter, then up to three
# six-digit date stamps, maybe the barcode on the same line.
_JOB_LINE = re.compile(
    r"^\s*" + _JOB + r"\s*\([A-Z]\)(?:\s+\d{6}){0,3}\s*(?:\*\d{7}\*)?"
    r"(?:\s+(?:\d{1,4}|[ivxlc]{1,6}))?\s*$"
)  # and the page's number
_BARCODE_LINE = re.compile(r"^\s*\*(\d{7})\*\s*$")
# A barcode the PDF's layout set at the head of the next line's text (`## *2500976* Commission on
# ...`): only the barcode goes, and only when it is the document's own job number.
_LEADING_BARCODE = re.compile(r"(?m)^[ \t]*(?:#{1,6}[ \t]+)?(\*(\d{7})\*[ \t]+)(?=\S)")
_JOB_OR_BARCODE = re.compile(r"(?<![\w.-])" + _JOB + r"\s*\([A-Z]\)|(?<!\w)\*(\d{7})\*(?!\w)")
# A page-foot line made of the job number and page counters only.
_COUNTER = r"\d{1,4}(?:\s*/\s*\d{1,4})?"
_JOB_FOOT_LINE = re.compile(r"^\s*(?:" + _COUNTER + r"\s+)?" + _JOB + r"(?:\s+" + _COUNTER + r")?\s*$")


def drop_print_furniture_lines(text: str) -> Iterator[Edit]:
    jobs = _document_job_numbers(text)
    doomed: dict[str, list] = {"job_number": [], "barcode": [], "print_notice": [], "running_footer": []}
    for line in (line for page in split_pages(text) for line in page):  # form feeds stay
        kind = _kind(line.text, jobs)
        if kind:
            doomed[kind].append(line)
    for kind, found in doomed.items():
        if found:
            yield from line_edits(text, found, kind)
    stamped = {m.group(1) + m.group(2) for m in _JOB_OR_BARCODE.finditer(text) if m.group(1)}
    for m in _LEADING_BARCODE.finditer(text):
        if m.group(2) in stamped:  # the job number stamped with its language letter: not the barcode alone
            yield Edit(m.start(1), m.end(1), "barcode")


def _document_job_numbers(text: str) -> set[str]:
    """The document's job numbers as seven digits, from the stamped forms only."""
    jobs = set()
    for m in _JOB_OR_BARCODE.finditer(text):
        jobs.add(m.group(1) + m.group(2) if m.group(1) else m.group(3))
    return jobs


def _kind(line: str, jobs: set[str]) -> str | None:
    if not line.strip() or len(line) > 60:
        return None
    if _JOB_LINE.match(line):
        return "job_number"
    if _BARCODE_LINE.match(line):
        return "barcode"
    if " ".join(line.lower().split()) in PRINT_NOTICES:
        return "print_notice"
    m = _JOB_FOOT_LINE.match(line)
    if m and m.group(1) + m.group(2) in jobs:
        return "running_footer"
    return None
