"""Structure: paragraphs with their kind, headings, sections and the title of a clean text.

Works on the clean text only, plus the positions where the cleaning removed heading markup
(`## `, a paragraph wrapped in `**`), so markup-made headings keep their role."""

from __future__ import annotations

import re
from dataclasses import dataclass

from tasks.domain.cleaning.engine import raw_to_clean
from tasks.domain.cleaning.rules.contents import is_contents_entry
from tasks.domain.footnotes import document_footnotes
from tasks.domain.headings import (
    DATELINE,
    inline_heading_length,
    inline_title_length,
    recurring_subheadings,
    split_subheading,
    title_like,
)
from tasks.domain.headings import MINOR_WORDS as _MINOR_TITLE_WORDS
from tasks.domain.headings import MONTH_WORD as _MONTH_WORD
from tasks.domain.metadata import first_date
from tasks.domain.models import CleanedDocument, Paragraph, Section
from tasks.domain.paragraphs import LIST_ITEM, starts_new_paragraph

_NUMBERED_HEADING = re.compile(r"^(?:(\d{1,2}(?:\.\d{1,2}){0,3})\.?|([IVX]{1,5})\.|([A-H])\.|([ivx]{1,5})\.)\s+(?=\S)")
BOLD = 0  # the level marks give a bold line: placed under the title once the title is known
_SALUTATION = re.compile(
    r"^(?:dear|estimad[oa]s?|querid[oa]s?|cher|ch[eè]re|chers|prezad[oa]s?|caro|cara)\b.*,\s*$", re.I
)
_CLOSING = re.compile(
    r"^(?:thank you(?: very much)?|many thanks|sincerely|yours (?:sincerely|faithfully)|best regards"
    r"|muchas gracias|gracias|atentamente|merci(?: beaucoup)?|cordialement|muito obrigad[oa]|obrigad[oa]"
    r"|atenciosamente)\b[^\n]{0,40}$",
    re.I,
)
_MAX_CLOSING_WORDS = 5
_YEAR = re.compile(r"\b(?:19|20)\d\d\b")
_MAX_HEADING_CHARS = 100
_MAX_HEADING_WORDS = 14


@dataclass(frozen=True)
class _Span:
    start: int
    end: int
    block: int = 0  # index of the blank-line-separated block it belongs to
    alone: bool = True  # the only paragraph of its block


def paragraph_spans(text: str, keep_whole: frozenset[int] = frozenset()) -> list[_Span]:
    """Blocks between blank lines; a block of list items, of separate sentences on their own
    lines, or of short lines (an address, a signature) is split into its lines. A block that
    starts at an offset in `keep_whole` (a marked heading) stays one paragraph."""
    spans = []
    for block, m in enumerate(re.finditer(r"[^\n]*\S[^\n]*(?:\n[ \t]*\S[^\n]*)*", text)):
        parts = [_Span(m.start(), m.end())] if m.start() in keep_whole else _split_block(text, m.start(), m.end())
        spans.extend(_Span(p.start, p.end, block, len(parts) == 1) for p in parts)
    return spans


def _split_block(text: str, start: int, end: int) -> list[_Span]:
    line_spans, pos = [], start
    for line in text[start:end].split("\n"):
        line_spans.append(_Span(pos, pos + len(line)))
        pos += len(line) + 1
    out = [line_spans[0]]
    for prev, line in zip(line_spans, line_spans[1:]):
        if starts_new_paragraph(text[prev.start : prev.end], text[line.start : line.end]):
            out.append(line)
        else:
            out[-1] = _Span(out[-1].start, line.end)
    return out


def marked_heading_starts(cleaned: CleanedDocument) -> dict[int, int]:
    """Clean offsets of paragraph starts that markup marked as headings, with their level."""
    to_clean = raw_to_clean(cleaned.removals)
    marks: dict[int, int] = {}
    for r in cleaned.removals:
        if r.kind != "markdown_residue":
            continue
        if r.rule.startswith("strip_markdown_heading_marks") and r.text.lstrip(" \t").startswith("\n"):
            line_start = cleaned.raw.raw_text.rfind("\n", 0, r.raw_start) + 1  # a setext underline
            marks[to_clean(line_start)] = 1 if "=" in r.text else 2
        elif r.rule.startswith("strip_markdown_heading_marks") and "#" in r.text and r.text.strip("# \t"):
            continue  # closing hashes after a heading's text
        elif r.rule.startswith("strip_markdown_heading_marks"):
            marks[to_clean(r.raw_end)] = r.text.count("#")
        elif r.rule.startswith("strip_bold_marks") and _at_line_start(cleaned.raw.raw_text, r.raw_start):
            if _bold_covers_its_line(cleaned, r):
                marks.setdefault(to_clean(r.raw_end), BOLD)
    return marks


def _bold_covers_its_line(cleaned: CleanedDocument, opening) -> bool:
    """A bold span is a heading when it is the whole paragraph and not a sentence: a bold
    label (`**Note:** this draft…`) or an emphasised sentence is not."""
    raw = cleaned.raw.raw_text
    closing = next((r for r in cleaned.removals if r.rule == opening.rule and r.raw_start > opening.raw_start), None)
    if closing is None:
        return False
    line_end = raw.find("\n\n", closing.raw_end)
    after = raw[closing.raw_end : line_end if line_end >= 0 else len(raw)]
    enclosed = raw[opening.raw_end : closing.raw_start].strip()
    return not after.strip() and not enclosed.endswith((".", "!", "?", ":"))


def _at_line_start(raw: str, pos: int) -> bool:
    line_start = raw.rfind("\n", 0, pos) + 1
    return raw[line_start:pos].strip(" \t#") == ""


def classify(text: str, marked_level: int | None, alone: bool = True) -> tuple[str, int | None]:
    """The kind of one paragraph and, for a heading, its level. Only a paragraph alone in its
    block can be an unmarked heading: lines of an address or a list are not headings."""
    stripped = text.strip()
    if marked_level is not None and len(stripped) <= 300:
        return "heading", marked_level
    if _SALUTATION.match(stripped):
        return "salutation", None
    if _CLOSING.match(stripped) and len(stripped.split()) <= _MAX_CLOSING_WORDS:
        return "closing", None
    numbered = _NUMBERED_HEADING.match(stripped)
    if alone and _looks_like_heading(stripped, numbered is not None):
        return "heading", _numbered_level(numbered) if numbered else 2
    if LIST_ITEM.match(stripped):
        return "list_item", None
    return "text", None


def _looks_like_heading(line: str, numbered: bool) -> bool:
    if "\n" in line or len(line) > _MAX_HEADING_CHARS or len(line.split()) > _MAX_HEADING_WORDS:
        return False
    if is_contents_entry(line):
        return False  # `I. Introduction ...... 3`: a contents entry the cleaning left points at a heading
    if line.endswith((".", ",", ";", "?", "!")) or not line[:1].isalnum():
        return False
    if line.endswith(":") and (len(line.split()) > 6 or _INTRODUCES_A_LIST.search(line)):
        return False
    body = _NUMBERED_HEADING.sub("", line, count=1) if numbered else line
    if not body[:1].isupper():
        return False
    return numbered or not _front_matter_line(body)


# `We propose the following:` introduces a list; `In the medium term:` heads a section.
_INTRODUCES_A_LIST = re.compile(
    r"(?i)^(?:we|i|they|nous|je|ils|nosotros|nosotras|yo|ellos|nós|eu|eles)\b|\b(?:following|siguientes?|suivants?|"
    r"suivantes|seguintes?)\b"
)


def _front_matter_line(line: str) -> bool:
    """A place and a date, or an address (`ECLAC, Santiago`, `30 and 31 August 2017, Raúl
    Prebisch conference room`), is front matter; `Migration, climate change and disasters`
    and `Agenda 2030 y migración` are headings."""
    if DATELINE.search(line) or first_date(line) or _MONTH_WORD.search(line):
        return True
    if ", " not in line:
        return False
    words = [w.strip(",") for w in line.split()]
    lowercase_content = any(w[:1].islower() and w.lower() not in _MINOR_TITLE_WORDS for w in words)
    return not (lowercase_content or (line.isupper() and len(words) >= 3))


def _numbered_level(m: re.Match) -> int:
    """A first guess; `_nest_numbering` sets the final levels by order of appearance."""
    if m.group(1):
        return 2 + m.group(1).count(".") + 1
    return 2 if m.group(2) else 3


def numbering_style(text: str) -> str | None:
    m = _NUMBERED_HEADING.match(text.strip())
    if not m:
        return None
    if m.group(1):
        return f"arabic{m.group(1).count('.')}"
    return "roman" if m.group(2) else "letter" if m.group(3) else "small-roman"


def _nest_numbering(text: str, spans, kinds):
    """Numbering styles nest in the order a document first uses them (`I.` > `A.` > `1.`),
    each one level below the style before it, under the unnumbered heading above them."""
    levels: dict[str, int] = {}
    plain = 1
    out = list(kinds)
    for i, (kind, level) in enumerate(kinds):
        if kind != "heading":
            continue
        style = numbering_style(text[spans[i].start : spans[i].end])
        if style is None:
            plain = level or plain
            continue
        if style not in levels:
            levels[style] = max(levels.values(), default=plain) + 1
        out[i] = ("heading", levels[style])
    return out


def heading_label(text: str) -> str:
    return " ".join(text.split()).rstrip(":.").strip()


def structure(cleaned: CleanedDocument) -> tuple[str | None, list[Section], list[Paragraph]]:
    """Title, sections and paragraphs of a cleaned document (languages come later)."""
    text = cleaned.clean_text
    marks = marked_heading_starts(cleaned)
    # a footnote is a paragraph of its own kind, so SQL can leave footnotes out
    notes = frozenset(n.char_start for n in document_footnotes(cleaned, raw_to_clean(cleaned.removals)))
    spans = paragraph_spans(text, frozenset(marks) | notes)
    spans, inline = _split_inline_headings(text, spans)
    spans, subheadings = _split_subheadings(text, spans)
    kinds = [
        ("footnote", None)
        if s.start in notes
        else ("heading", 2)
        if s.start in inline or s.start in subheadings
        else classify(text[s.start : s.end], marks.get(s.start), s.alone)
        for s in spans
    ]
    spans, kinds, title_index = _find_title(text, spans, kinds, marks)
    kinds = _mark_front_matter(kinds, title_index, title_index is not None and spans[title_index].start in marks)
    kinds = _place_bold_headings(kinds, spans, marks, title_index)
    kinds = _nest_numbering(text, spans, kinds)
    kinds = _place_subheadings(kinds, spans, subheadings)
    kinds = _mark_signature(text, spans, kinds)
    title = heading_label(text[spans[title_index].start : spans[title_index].end]) if title_index is not None else None
    sections, paragraphs = _sections(text, spans, kinds)
    return title, sections, paragraphs


def _place_bold_headings(kinds, spans, marks: dict[int, int], title_index: int | None):
    """Bold lines head sections one level under the title (or at level 1 without one)."""
    title_level = kinds[title_index][1] if title_index is not None else 0
    return [
        ("heading", title_level + 1) if marks.get(s.start) == BOLD and k == "heading" and i != title_index else (k, lvl)
        for i, (s, (k, lvl)) in enumerate(zip(spans, kinds))
    ]


def _split(span: _Span, text: str, length: int) -> tuple[_Span, _Span]:
    """A paragraph cut in two after `length` characters, the whitespace between dropped."""
    head_end = span.start + length
    rest_start = head_end + len(text[head_end : span.end]) - len(text[head_end : span.end].lstrip())
    return _Span(span.start, head_end, span.block, False), _Span(rest_start, span.end, span.block, False)


def _split_inline_headings(text: str, spans: list[_Span]) -> tuple[list[_Span], set[int]]:
    out, inline = [], set()
    for span in spans:
        length = inline_heading_length(text[span.start : span.end])
        if length is None:
            out.append(span)
            continue
        head, rest = _split(span, text, length)
        out += [head, rest]
        inline.add(head.start)
    return out, inline


def _split_subheadings(text: str, spans: list[_Span]) -> tuple[list[_Span], dict[int, int]]:
    """Cut paragraphs around the recurring sub-headings inside them; each part of a
    sub-heading (`Plenary session` | `Intervention by the States`) gets its depth."""
    found = recurring_subheadings(text)
    if not found:
        return spans, {}
    out: list[_Span] = []
    depth: dict[int, int] = {}
    for span in spans:
        pos = span.start
        for start, end in found:
            if not (span.start <= start and end <= span.end) or start < pos:
                continue
            if text[pos:start].strip():
                out.append(_Span(pos, len(text[:start].rstrip()), span.block, False))
            part_start = start
            for i, part in enumerate(split_subheading(text[start:end])):
                part_start = text.index(part.split()[0], part_start)
                part_end = part_start + len(part) if text.startswith(part, part_start) else end
                out.append(_Span(part_start, part_end, span.block, False))
                depth[part_start] = i
                part_start = part_end
            pos = end + len(text[end : span.end]) - len(text[end : span.end].lstrip())
        if pos < span.end:
            out.append(_Span(pos, span.end, span.block, pos == span.start and span.alone))
    return out, depth


def _place_subheadings(kinds, spans, depth: dict[int, int]):
    """A sub-heading sits under the heading above it; its later parts one level deeper each."""
    out, parent = list(kinds), 1
    for i, (kind, level) in enumerate(kinds):
        if spans[i].start in depth:
            out[i] = ("heading", parent + 1 + depth[spans[i].start])
        elif kind == "heading":
            parent = level or parent
    return out


def _find_title(text: str, spans: list[_Span], kinds, marks: dict[int, int]):
    """The title: a markup-marked heading near the top; else a title running into its
    dateline; else the last line of an opening block of short lines (a statement's header).
    A letter (salutation first) has none."""
    head = list(zip(spans, kinds))[:6]
    for i, (span, (kind, _)) in enumerate(head):
        paragraph = text[span.start : span.end]
        if span.start in marks and _marked_title(text, spans, marks, i):
            return spans, kinds, i
        if kind == "salutation":
            return spans, kinds, None  # a letter
        if i == 0 and _all_caps_title(paragraph):
            return spans, kinds, 0
        if kind == "text" and _body_text(paragraph):
            break  # body text came first: a marked heading further down is a section's
    for i, (span, (kind, _)) in enumerate(head[:3]):
        length = inline_title_length(text[span.start : span.end]) if kind == "text" else None
        if length is not None:
            title, rest = _split(span, text, length)
            return (
                spans[:i] + [title, rest] + spans[i + 1 :],
                kinds[:i] + [("heading", 1), ("text", None)] + kinds[i + 1 :],
                i,
            )
    return spans, kinds, _header_block_title(text, spans, kinds)


_BODY_WORDS = 8


def _body_text(paragraph: str) -> bool:
    """A sentence of body text: several words and a closing full stop."""
    return len(paragraph.split()) >= _BODY_WORDS and paragraph.rstrip().endswith((".", "!", "?", "…"))


def _marked_title(text: str, spans: list[_Span], marks: dict[int, int], i: int) -> bool:
    """A marked heading at the top is the title, unless it is a short bold section name
    (`**Background**`) among other bold section names: then they are siblings."""
    if marks[spans[i].start] != BOLD:
        return True
    paragraph = text[spans[i].start : spans[i].end]
    more_bold = any(marks.get(s.start) == BOLD for j, s in enumerate(spans) if j != i)
    return not more_bold or paragraph.isupper() or len(paragraph.split()) >= 4


def _all_caps_title(paragraph: str) -> bool:
    """An opening paragraph in capitals, on up to three lines: a title without markup."""
    letters = [c for c in paragraph if c.isalpha()]
    return (
        len(paragraph.split()) >= 3
        and paragraph.count("\n") <= 2
        and len(paragraph) <= 300
        and bool(letters)
        and all(c.isupper() for c in letters)
        and not paragraph.rstrip().endswith(".")
    )


def _header_block_title(text: str, spans: list[_Span], kinds) -> int | None:
    if not spans:
        return None
    block = [i for i, s in enumerate(spans) if s.block == spans[0].block]
    lines = [text[spans[i].start : spans[i].end].strip() for i in block]
    on_own_lines = all("\n" in text[spans[a].end : spans[b].start] for a, b in zip(block, block[1:]))
    if len(block) < 3 or any(len(line) > 100 for line in lines) or not on_own_lines:
        return None
    if title_like(lines[-1]) and not _YEAR.search(lines[-1]):
        return block[-1]
    # a header block that ends in a dateline (`Geneva, 4 December 2017`): its first title
    return next((i for i, line in zip(block, lines) if title_like(line) and not _YEAR.search(line)), None)


def _mark_front_matter(kinds, title_index: int | None, marked: bool = True):
    """Lines above the title (an agency name, an author, a dateline) are front matter; the
    title itself heads the document's first titled section."""
    if title_index is None:
        return kinds
    kinds = [
        ("front_matter", None) if i < title_index and k in ("heading", "text") else (k, lvl)
        for i, (k, lvl) in enumerate(kinds)
    ]
    kind, level = kinds[title_index]
    kinds[title_index] = ("heading", level if marked and kind == "heading" and level else 1)
    return kinds


def _mark_signature(text: str, spans: list[_Span], kinds):
    """A last block of short lines with no closing punctuation (a name, an organisation)."""
    if not spans:
        return kinds
    last_block = spans[-1].block
    tail = [i for i, s in enumerate(spans) if s.block == last_block]
    if tail and kinds[tail[0]][0] == "closing":
        tail = tail[1:]  # `Sincerely,` above the name
    lines = [text[spans[i].start : spans[i].end].strip() for i in tail]
    if len(tail) < 2 or any(len(ln) > 80 or ln.endswith((".", ";", ":")) for ln in lines):
        return kinds
    if any(kinds[i][0] not in ("text", "heading") for i in tail):
        return kinds
    return [("signature", None) if i in tail else k for i, k in enumerate(kinds)]


def _sections(text: str, spans: list[_Span], kinds) -> tuple[list[Section], list[Paragraph]]:
    sections: list[Section] = []
    paragraphs: list[Paragraph] = []
    bounds: list[tuple[int, str | None, int]] = []  # (first paragraph index, heading, level)
    for i, (kind, level) in enumerate(kinds):
        if kind == "heading":
            bounds.append((i, heading_label(text[spans[i].start : spans[i].end]), level or 1))
        elif not bounds:
            bounds.append((i, None, 0))
    for section_no, (first, heading, level) in enumerate(bounds):
        last = bounds[section_no + 1][0] if section_no + 1 < len(bounds) else len(spans)
        start, end = spans[first].start, spans[last - 1].end
        body = text[start:end]
        sections.append(Section(section_no, heading, level, body, start, end, n_words=len(body.split())))
        for para_no, i in enumerate(range(first, last)):
            s = spans[i]
            paragraphs.append(Paragraph(section_no, para_no, kinds[i][0], text[s.start : s.end], s.start, s.end))
    return sections, paragraphs
