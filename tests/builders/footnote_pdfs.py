"""Real PDFs with footnotes, made with fpdf2 the way UN documents print them: body text in
11 pt with superscript markers (7 pt, raised) glued to the word before them, and at each
page's foot, under a short rule of underscores, the notes in 9 pt, each opening with its number
in 6 pt raised. Lines are placed one by one (`FPDF.text` at a baseline), so the facts a test
checks (which sentence a page break cuts, which numbers are markers) are known exactly.

A body line is written with its markers in braces: `the right to health,{1} the rights` prints
a superscript 1 after the comma. `{*}` prints a `*` marker at body size, as UN mastheads do."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Sequence

from fpdf import FPDF

_FONT = "Helvetica"
BODY_PT = 11
NOTE_PT = 9
MARKER_PT = 7
LABEL_PT = 6
_LEFT_MM = 20
_BODY_TOP_MM = 30
_BODY_LINE_MM = 5.5
_PARAGRAPH_GAP_MM = 4
_NOTE_LINE_MM = 4.2
_RISE_MM = 1.2  # a superscript's baseline above the line's
_MARK = re.compile(r"\{([^}]+)\}")
RULE = "_" * 18


@dataclass(frozen=True)
class Note:
    label: str
    lines: tuple[str, ...]  # the note's text, line by line as printed (its label apart)


@dataclass(frozen=True)
class NotedPage:
    paragraphs: tuple[tuple[str, ...], ...]  # each paragraph's lines, markers in braces
    notes: tuple[Note, ...] = ()
    rule: bool = True  # a rule of underscores above the notes
    # numbered lines printed like notes but between the first paragraph and the next (a
    # small-type list or table in the body): not notes
    inset: tuple[Note, ...] = ()


@dataclass
class NotedReport:
    pdf: bytes
    pages: Sequence[NotedPage]
    header: str
    notes: dict[str, str] = field(default_factory=dict)  # label -> the note's text, lines joined by spaces


def noted_report_pdf(
    pages: Sequence[NotedPage], header: str = "A/80/999", superscript_labels: bool = True
) -> NotedReport:
    """`superscript_labels=False`: the notes' numbers in the notes' own size, on their baseline."""
    pdf = FPDF(format="A4")
    pdf.set_auto_page_break(False)
    for number, page in enumerate(pages, start=1):
        pdf.add_page()
        _text(pdf, 9, 12, header, x=_LEFT_MM + 140)  # a running header, top right
        y = _BODY_TOP_MM
        for n, paragraph in enumerate(page.paragraphs):
            for line in paragraph:
                _body_line(pdf, y, line)
                y += _BODY_LINE_MM
            y += _PARAGRAPH_GAP_MM
            if n == 0 and page.inset:
                y = _note_lines(pdf, page.inset, y, superscript_labels) + _PARAGRAPH_GAP_MM
        if page.notes:
            lines = sum(len(note.lines) for note in page.notes)
            y = 270 - lines * _NOTE_LINE_MM  # the block ends above the page number
            if page.rule:
                _text(pdf, NOTE_PT, y - _NOTE_LINE_MM, RULE)
            _note_lines(pdf, page.notes, y, superscript_labels)
        _text(pdf, 9, 285, str(number), x=105)  # the page number, centred at the foot
    notes = {n.label: " ".join(n.lines) for page in pages for n in page.notes}
    return NotedReport(bytes(pdf.output()), pages, header, notes)


def _text(pdf: FPDF, size: float, y: float, text: str, x: float = _LEFT_MM) -> float:
    pdf.set_font(_FONT, "", size)
    pdf.text(x, y, text)
    return x + pdf.get_string_width(text)


def _body_line(pdf: FPDF, y: float, line: str) -> None:
    x, pos = _LEFT_MM, 0
    for m in _MARK.finditer(line):
        x = _text(pdf, BODY_PT, y, line[pos : m.start()], x)
        label = m.group(1)
        if label.isdigit():
            x = _text(pdf, MARKER_PT, y - _RISE_MM, label, x)
        else:
            x = _text(pdf, BODY_PT, y, label, x)
        pos = m.end()
    _text(pdf, BODY_PT, y, line[pos:], x)


def _note_lines(pdf: FPDF, notes: Sequence[Note], y: float, superscript: bool) -> float:
    for note in notes:
        if note.label.isdigit() and superscript:
            _text(pdf, LABEL_PT, y - _RISE_MM, note.label, _LEFT_MM + 2)
        else:
            _text(pdf, NOTE_PT, y, note.label, _LEFT_MM + 2)
        for line in note.lines:
            _text(pdf, NOTE_PT, y, line, _LEFT_MM + 6)
            y += _NOTE_LINE_MM
    return y


# --- the report the tests read: a sentence cut by a page break and the notes under it ----------

# Page 1 ends inside this sentence; page 2 goes on with it.
CUT_BEFORE = "the right to health, the rights of"
CUT_AFTER = "migrants, children and persons with disabilities."
CUT_SENTENCE = "obligations on human rights, the right to health, the rights of migrants, children and persons"
PROSE_FIGURES = "Noting article 3 of General Assembly resolution 73/195 of 19 December 2018"


def climate_report() -> NotedReport:
    """Three pages: on page 1 a `*` note on the agenda line and two numbered notes, the body
    cut mid-sentence by the page break and the notes under it; on page 2 figures in the prose
    (`article 3` while note 3 is on the page, `resolution 73/195`, `2024`) beside a marker, and a
    note of two lines; a short page 3."""
    page1 = NotedPage(
        paragraphs=(
            ("Item 4 of the provisional agenda{*}",),
            (
                "Recalling the Paris Agreement adopted under the Convention,{1} and the objective",
                "and principles thereof, and the resolutions of the Human Rights Council.{2}",
            ),
            (
                "Recalling that Parties should, when taking action to address climate change, respect,",
                "promote and consider their respective obligations on human rights, the right to health,",
                "the rights of",
            ),
        ),
        notes=(
            Note("*", ("E/CN.9/2025/1.",)),
            Note("1", ("See FCCC/CP/2015/10/Add.1, decision 1/CP.21, annex.",)),
            Note(
                "2",
                (
                    "Adopted under the United Nations Framework Convention on Climate Change; see",
                    "FCCC/CP/2015/10/Add.1, decision 1/CP.21.",
                ),
            ),
        ),
    )
    page2 = NotedPage(
        paragraphs=(
            ("migrants, children and persons with disabilities.",),
            (
                "Noting article 3 of General Assembly resolution 73/195 of 19 December 2018 and the",
                "report submitted in 2024 on the human rights of migrants{3} in vulnerable situations,",
            ),
        ),
        notes=(Note("3", ("A/HRC/59/42, on the imperative of defossilizing our economies, and", "A/79/176.")),),
    )
    page3 = NotedPage(paragraphs=(("Decides to remain seized of the matter.",),))
    return noted_report_pdf([page1, page2, page3])


CONTENTS_ENTRIES = (
    ("I.", "Introduction", 3),
    ("II.", "Human rights and climate change", 3),
    ("III.", "Obligations of States towards migrants and persons with disabilities", 4),
    ("IV.", "Access to health care and adaptation", 4),
    ("V.", "Conclusions and recommendations", 5),
    ("", "Annex", 5),
)


def contents_then_climate_report() -> NotedReport:
    """Two pages of a contents list (dot leaders, page numbers in a column, the list running on
    over the page break), then the three pages of `climate_report`: its notes, markers and the
    sentence cut by the page break and the notes."""
    leader = " ." * 30

    def entry(number: str, title: str, page: int) -> tuple[str, ...]:
        return (f"{number} {title}{leader} {page}".strip(),)

    first = NotedPage(paragraphs=(("Contents",), ("Page",), *(entry(*e) for e in CONTENTS_ENTRIES[:4])), rule=False)
    second = NotedPage(paragraphs=tuple(entry(*e) for e in CONTENTS_ENTRIES[4:]), rule=False)
    body = climate_report()
    return noted_report_pdf([first, second, *body.pages])
