"""Footnotes and endnotes, written into the text in markdown footnote syntax.

Word keeps the notes' text in their own parts (`word/footnotes.xml`, `word/endnotes.xml`) and
leaves only a reference in the body; a treaty or document cited in a note is content, so it
must reach the text like the body does:

- a reference becomes `[^N]`, glued where it stands (`the right to health[^12] and`);
- each note shown becomes a block of its own, `[^N]: text of the note`, after the last body
  block, in number order; the lines of a note with several paragraphs stay in that one block.

Numbers: footnotes are numbered 1..n in the order of their first reference in the body, as
Word numbers them by default; endnotes continue after the footnotes shown (n+1, n+2, ...)
whatever Word shows for them (its default for endnotes is i, ii, iii), so every marker is a
number or a mark, and no two notes share one. A note with a custom mark (`*`, `†`, typed instead of a number) keeps
that mark (`[^*]`) unless it cannot be a marker (digits only, blank, spaces or brackets, or
already taken); then it is numbered like the others. Word's numbering options (start at, other
formats, restart on each page or section) are not followed: a restart would repeat markers.

Separators and continuation notices (the rule above the notes, `w:type` other than normal)
are not notes. A note is read like the body, so field codes, comments, bookmarks and deleted or
hidden text stay out of it; a reference in deleted or hidden text shows no note.
"""

from __future__ import annotations

from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.oxml.parser import parse_xml

from tasks.readers.docx.body import read_body, story_lines
from tasks.readers.docx.text import W

_KINDS = ("footnote", "endnote")
_PART = {"footnote": RT.FOOTNOTES, "endnote": RT.ENDNOTES}


class NoteMarks:
    """Numbers the references as the body is read (a `NoteMarker`), then gives the notes' blocks."""

    def __init__(self, texts: dict[str, dict[str, list[str]]], endnotes_from: int) -> None:
        self._texts = texts  # kind -> note id -> lines of the note's text
        self._next = {"footnote": 1, "endnote": endnotes_from}
        self._labels: dict[tuple[str, str], str] = {}  # (kind, note id) -> marker, in reference order
        self._custom: dict[tuple[str, str], str] = {}  # (kind, note id) -> its custom mark

    def __call__(self, kind: str, note_id: str, mark: str | None) -> str:
        key = (kind, note_id)
        if key not in self._labels:
            if note_id not in self._texts.get(kind, {}):
                return ""  # a separator, or a note the file does not hold: nothing is shown
            self._labels[key] = self._label(kind, key, mark)
        return f"[^{self._labels[key]}]"

    def _label(self, kind: str, key: tuple[str, str], mark: str | None) -> str:
        mark = (mark or "").strip()
        if _usable_mark(mark) and mark not in self._labels.values():
            self._custom[key] = mark
            return mark
        self._next[kind] += 1
        return str(self._next[kind] - 1)

    def numbered(self, kind: str) -> int:
        """How many notes of this kind have a number (rather than a custom mark) so far."""
        return sum(1 for (k, _), label in self._labels.items() if k == kind and label.isdigit())

    def blocks(self) -> list[str]:
        """`[^N]: text` for each note referenced, footnotes then endnotes, each in reference order
        (which is number order); a note without text gives no block."""
        blocks = []
        for kind in _KINDS:
            for key, label in self._labels.items():
                if key[0] != kind:
                    continue
                lines = _without_mark(self._texts[kind][key[1]], self._custom.get(key))
                if lines:
                    blocks.append(f"[^{label}]: " + "\n".join(lines))
        return blocks


def read_notes(document) -> NoteMarks:
    """The notes of the document, ready to number references as `read_body` meets them. With
    endnotes, the body is read once more beforehand to count the footnotes it shows, which the
    endnotes' numbers follow; most documents have none, and pay nothing."""
    texts = {kind: _note_texts(document, kind) for kind in _KINDS}
    endnotes_from = 1
    if texts["endnote"]:
        counter = NoteMarks(texts, endnotes_from)
        read_body(document, counter)
        endnotes_from = counter.numbered("footnote") + 1
    return NoteMarks(texts, endnotes_from)


def _note_texts(document, kind: str) -> dict[str, list[str]]:
    """The lines of each normal note of the part, by id. The part is parsed here because
    python-docx loads it as an opaque blob; its size was bounded by the package check."""
    try:
        part = document.part.part_related_by(_PART[kind])
    except KeyError:
        return {}
    texts = {}
    for note in parse_xml(part.blob).iterchildren(f"{W}{kind}"):
        note_id = note.get(f"{W}id")
        if note_id is not None and note.get(f"{W}type", "normal") == "normal":
            texts[note_id] = list(story_lines(note))
    return texts


def _usable_mark(mark: str) -> bool:
    """A mark that can stand in `[^...]` and never equals a number given to another note."""
    return bool(mark) and not mark.isdigit() and not any(c.isspace() or c in "[]^" for c in mark)


def _without_mark(lines: list[str], mark: str | None) -> list[str]:
    """A custom-marked note starts with its mark typed as text (a numbered one has `w:footnoteRef`,
    which is not read); the marker already says it."""
    if mark and lines and lines[0].startswith(mark):
        first = lines[0][len(mark) :].strip()
        return [first, *lines[1:]] if first else lines[1:]
    return lines
