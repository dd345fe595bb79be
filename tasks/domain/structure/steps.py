"""The structure steps, in the order `registry.STEPS` runs them. Each does one job on the
paragraph records; the ones that decide a paragraph's kind say what they saw."""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right

from tasks.domain.cleaning.markup_headings import BOLD
from tasks.domain.cleaning.rules.contents import is_contents_entry
from tasks.domain.front_matter import front_matter_title
from tasks.domain.lexicon import (
    ANNEX_WORDS,
    AUXILIARY_VERBS,
    BYLINE_WORDS,
    CLOSING_PHRASES,
    HONORIFICS,
    READ_MORE_LABELS,
    SALUTATION_WORDS,
    SECTION_NAMES,
    UN_CITIES,
    UN_ORGANS,
)
from tasks.domain.masthead import masthead_kinds, title_index
from tasks.domain.paragraphs import LIST_ITEM, starts_new_paragraph
from tasks.domain.structure.headings import (
    DATELINE,
    MINOR_WORDS,
    MONTH_WORD,
    inline_heading_length,
    inline_title_length,
    is_body_name,
    recurring_subheadings,
    split_subheading,
    title_like,
)
from tasks.domain.structure.records import Para, State

# --- paragraphs ----------------------------------------------------------------------------


def paragraph_spans(text: str, keep_whole: frozenset[int] = frozenset()) -> list[Para]:
    """Blocks between blank lines; a block of list items, of separate sentences on their own
    lines, or of short lines (an address, a signature) is split into its lines. A block that
    starts at an offset in `keep_whole` (a marked heading, a footnote) stays one paragraph."""
    spans = []
    for block, m in enumerate(re.finditer(r"[^\n]*\S[^\n]*(?:\n[ \t]*\S[^\n]*)*", text)):
        parts = [(m.start(), m.end())] if m.start() in keep_whole else _split_block(text, m.start(), m.end())
        spans.extend(Para(start, end, block, len(parts) == 1) for start, end in parts)
    return spans


def _split_block(text: str, start: int, end: int) -> list[tuple[int, int]]:
    line_spans, pos = [], start
    for line in text[start:end].split("\n"):
        line_spans.append((pos, pos + len(line)))
        pos += len(line) + 1
    out = [line_spans[0]]
    for prev, line in zip(line_spans, line_spans[1:]):
        if starts_new_paragraph(text[prev[0] : prev[1]], text[line[0] : line[1]]):
            out.append(line)
        else:
            out[-1] = (out[-1][0], line[1])
    return out


def split_paragraphs(state: State) -> None:
    state.paras = paragraph_spans(state.text, frozenset(state.marks) | state.notes)


def _cut(state: State, para: Para, length: int) -> tuple[Para, Para]:
    """A paragraph cut in two after `length` characters, the whitespace between dropped."""
    text = state.text
    head_end = para.start + length
    rest_start = head_end + len(text[head_end : para.end]) - len(text[head_end : para.end].lstrip())
    return Para(para.start, head_end, para.block, False), Para(rest_start, para.end, para.block, False)


_SPACES = re.compile(r"\s*")


def _rstrip_end(text: str, end: int) -> int:
    """`len(text[:end].rstrip())` without copying everything before `end` (done once per cut,
    that copy made a long document's structure quadratic)."""
    while end > 0 and text[end - 1].isspace():
        end -= 1
    return end


def _lstrip_start(text: str, start: int, end: int) -> int:
    """Where `text[start:end].lstrip()` starts, without the copy."""
    return _SPACES.match(text, start, end).end() if start < end else start


# --- kinds decided by what the cleaning and the template say --------------------------------


def mark_footnotes(state: State) -> None:
    """A footnote is a paragraph of its own kind, so SQL can leave footnotes out."""
    for p in state.undecided():
        if p.start in state.notes:
            state.decide(p, "footnote", evidence="footnote area")


_OPENING_PARAGRAPHS = 40


def mark_masthead(state: State) -> None:
    """The UN template's masthead lines (symbol, `Distr.`, session, agenda item...) are never
    headings and never the title; the template also says which paragraph is the title. The
    title's evidence starts with `title:`, as every title's does: a reader finds it by that."""
    opening = state.paras[:_OPENING_PARAGRAPHS]
    texts = [state.text_of(p) for p in opening]
    blocks = [p.block for p in opening]  # an agenda item's title runs to the end of its block
    for p, item in zip(opening, masthead_kinds(texts, blocks)):
        if item and p.kind is None:
            state.decide(p, "masthead", evidence=f"masthead: {item}")
    found = title_index(texts, blocks)
    if found is not None and 0 <= found < len(opening) and opening[found].kind in (None, "heading"):
        state.title = found
        state.decide(opening[found], "heading", 1, "title: masthead")


def mark_markup_headings(state: State) -> None:
    """A paragraph the markup marked (`## `, `===`, a whole line in `**`) is a heading, at the
    level the markup gives, unless it is too long to be one."""
    for p in state.undecided():
        level = state.marks.get(p.start)
        line = state.text_of(p).strip()
        if level is not None and len(line) <= 300 and not never_a_heading(line):
            p.marked = level
            state.decide(p, "heading", level, "bold line" if level == BOLD else f"markdown {'#' * level}")


def split_inline_headings(state: State) -> None:
    """`Topic I: Human rights ... Contextualization - ...`: the topic heading is cut from the
    body text it runs into."""
    out = []
    for p in state.paras:
        length = inline_heading_length(state.text_of(p)) if p.kind is None else None
        if length is None:
            out.append(p)
            continue
        head, rest = _cut(state, p, length)
        state.decide(head, "heading", 2, f"topic heading `{state.text_of(head).split()[0]}`, runs into its text")
        out += [head, rest]
    state.paras = out


def split_recurring_subheadings(state: State) -> None:
    """Cut paragraphs around the recurring sub-headings inside them (`Plenary session` |
    `Intervention by the States`); each part gets its depth."""
    text = state.text
    found = recurring_subheadings(text)
    if not found:
        return
    starts = [start for start, _ in found]
    out: list[Para] = []
    for p in state.paras:
        if p.kind is not None:
            out.append(p)
            continue
        pos = p.start
        for start, end in found[bisect_left(starts, p.start) : bisect_right(starts, p.end)]:
            if not (p.start <= start and end <= p.end) or start < pos:
                continue
            if text[pos:start].strip():
                out.append(Para(pos, _rstrip_end(text, start), p.block, False))
            part_start = start
            for depth, part in enumerate(split_subheading(text[start:end])):
                part_start = text.index(part.split()[0], part_start)
                part_end = part_start + len(part) if text.startswith(part, part_start) else end
                head = Para(part_start, part_end, p.block, False, subheading=depth)
                state.decide(
                    head, "heading", 2, "recurring sub-heading" if depth == 0 else "recurring sub-heading, part"
                )
                out.append(head)
                part_start = part_end
            pos = _lstrip_start(text, end, p.end)
        if pos < p.end:
            out.append(Para(pos, p.end, p.block, pos == p.start and p.alone))
    state.paras = out


# --- kinds read from a paragraph's own words and shape -------------------------------------

_SALUTATION_WORD = "(?:" + "|".join(sorted(SALUTATION_WORDS, key=len, reverse=True)) + ")"
_HONORIFIC = "(?:" + "|".join(re.escape(h) for h in sorted(HONORIFICS, key=len, reverse=True)) + ")"
# `Dear Ms. Arbour,`, `Excellency,`; `Excelencia:`, `Excelentísimo señor:`, `Estimado Sr. Presidente:`
# (a colon only after names or honorifics: `Excellence in governance:` heads a section);
# `Mr. Chairman:`, `Monsieur le Président,`.
_SALUTATION = re.compile(
    r"(?i)^(?:" + _SALUTATION_WORD + r"\b.*,"
    r"|" + _SALUTATION_WORD + r"(?:\s+(?:" + _HONORIFIC + r"|(?-i:[A-ZÀ-Ý])\S*)){0,3}\s*:"
    r"|" + _HONORIFIC + r"(?:\s+\S+){0,3}[:,])\s*$"
)
_CLOSING = re.compile(
    r"(?i)^(?:" + "|".join(re.escape(c) for c in sorted(CLOSING_PHRASES, key=len, reverse=True)) + r")\b[^\n]{0,40}$"
)
_MAX_CLOSING_WORDS = 5


def classify_salutations_and_closings(state: State) -> None:
    for p in state.undecided():
        line = state.text_of(p).strip()
        if _SALUTATION.match(line):
            state.decide(p, "salutation", evidence=f"opens with `{line.split()[0]}`, ends with `{line[-1]}`")
        elif _CLOSING.match(line) and len(line.split()) <= _MAX_CLOSING_WORDS:
            state.decide(p, "closing", evidence="closing formula")


_NUMBERED_HEADING = re.compile(r"^(?:(\d{1,2}(?:\.\d{1,2}){0,3})\.?|([IVX]{1,5})\.|([A-H])\.|([ivx]{1,5})\.)\s+(?=\S)")
_MAX_HEADING_CHARS = 100
_MAX_HEADING_WORDS = 14


def headings_by_numbering(state: State) -> None:
    """A short line alone in its block, after a heading number (`I.`, `2.1`, `B.`): a
    numbered heading; its level is set once the document's numbering styles are known. A
    heading numbered `III.` or `B.` may wrap over a second or third line. Where the blank
    lines were lost too (a PDF printed in one font, a dump), a numbered line on its own line
    right above running text is one (`_line_above_text`)."""
    for p in state.undecided():
        line = state.text_of(p).strip()
        m = _NUMBERED_HEADING.match(line)
        if p.alone and m and (looks_like_heading(line, True) or _wrapped_numbered_heading(line, m)):
            state.decide(p, "heading", _numbered_level(m), f"numbered {m.group().strip()}")
    _headings_above_text(state, numbered=True)


_MAX_WRAPPED_HEADING_CHARS = 200
_MAX_WRAPPED_HEADING_WORDS = 28


def _wrapped_numbered_heading(line: str, m: re.Match) -> bool:
    """`III. Medidas adoptadas por los Estados ...` over two lines: a roman or capital-letter number,
    a capitalised body, no sentence inside and none ending it."""
    if not (m.group(2) or m.group(3)) or line.count("\n") > 2:
        return False
    body = line[m.end() :]
    return (
        len(line) <= _MAX_WRAPPED_HEADING_CHARS
        and len(line.split()) <= _MAX_WRAPPED_HEADING_WORDS
        and body[:1].isupper()
        and not re.search(r"[.;:!?]\s", body)
        and not line.endswith((".", ",", ";", ":", "?", "!"))
        and not is_contents_entry(" ".join(line.split()))
    )


_ANNEX_WORD = r"(?:" + "|".join(sorted(ANNEX_WORDS, key=len, reverse=True)) + r")"
# `Annex`, `Annex II`, `Anexo A`, `Annexe 3` alone on the first line of a block.
_ANNEX_LINE = re.compile(r"(?i)(?=[A-ZÀ-Ý])" + _ANNEX_WORD + r"(?:\s+(?:[IVXLC]{1,6}|\d{1,2}|[A-Z]))?[.:]?")
# `Annex to the letter dated ...`, `Anexo de la carta ...`, `Annexe à la lettre ...`, `Anexo: ...`.
_ANNEX_HEADING = re.compile(
    r"(?i)^(?=[A-ZÀ-Ý])"
    + _ANNEX_WORD
    + r"(?:\s+(?:[IVXLC]{1,6}|\d{1,2}|[A-Z])\b)?(?:\s*[:.\-–]|\s+(?:to|of|de|à|a|da|do|des|du)\b)"
)
_MAX_ANNEX_HEADING_WORDS = 40


def headings_by_part_word(state: State) -> None:
    """An annex is headed by its word: `Annex` alone on the first line of a block (its title
    below it), or a paragraph that opens with it (`Anexo de la nota verbal de fecha ...`), though
    it names a date and runs long."""
    out: list[Para] = []
    for p in state.paras:
        line = state.text_of(p)
        block_start = not out or out[-1].block != p.block
        first = line.split("\n", 1)[0].strip()
        if p.kind is None and "\n" in line.strip() and _ANNEX_LINE.fullmatch(first):
            head, rest = _cut(state, p, len(line.split("\n", 1)[0].rstrip()))
            state.decide(head, "heading", 2, f"part word `{first.split()[0]}` on its own line")
            out += [head, rest]
            continue
        out.append(p)
        stripped = line.strip()
        if p.kind is None and block_start and _ANNEX_LINE.fullmatch(stripped):
            state.decide(p, "heading", 2, f"part word `{stripped.split()[0]}` on its own line")
        elif p.kind is None and p.alone and _annex_heading(stripped):
            state.decide(p, "heading", 2, f"opens with the part word `{stripped.split()[0]}`")
    state.paras = out


def _annex_heading(line: str) -> bool:
    return (
        bool(_ANNEX_HEADING.match(line))
        and line.count("\n") <= 2
        and len(line.split()) <= _MAX_ANNEX_HEADING_WORDS
        and not re.search(r"[.;!?]\s", line)
        and not line.endswith((".", ",", ";", "?", "!"))
    )


def headings_by_layout(state: State) -> None:
    """A short line alone between blank lines, capitalised, with no closing punctuation and
    not a date or an address: a heading without markup."""
    for p in state.undecided():
        line = state.text_of(p).strip()
        if p.alone and not _NUMBERED_HEADING.match(line) and looks_like_heading(line, False):
            state.decide(p, "heading", 2, _layout_evidence(line))
    _headings_above_text(state, numbered=False)


_SENTENCE_CLOSE = re.compile(r"[.!?…][\"'’”»)\]]*$")
ABOVE_TEXT = "own line above running text"
_SHORTER_THAN_TEXT = 0.65  # a heading line is clearly shorter than the running line below it
_MAX_LINE_HEADING_CHARS = 60
_MIN_TEXT_LINE = 50


def _headings_above_text(state: State, numbered: bool) -> None:
    """Text that lost its blank lines as well as its markup (a PDF printed in one font, a
    scraped dump) keeps its headings on lines of their own: a heading-shaped line of at most
    60 characters, clearly shorter than the running line below it, that opens a paragraph (the block's first line, or
    one after a finished sentence) right above running text that starts with a capital (a
    full sentence, or eight words and more) is a heading, cut from the lines around it.
    Precision first: never above a list item or another numbered line (a list), never after
    a line that introduces one (`:`) or runs on (`,`), never in a block of short lines (an
    address, a signature), never a row of names, a citation, a sentence or a contents line
    (`looks_like_heading`)."""
    longest = _longest_lines(state)  # cutting a line out of its paragraph changes no block's longest line
    for _ in range(_STACKED_HEADINGS):  # a heading found makes the one right above it a heading's
        if not _cut_headings_above_text(state, numbered, longest):
            break


_STACKED_HEADINGS = 3


def _longest_lines(state: State) -> dict[int, int]:
    """The length of each block's longest line."""
    longest: dict[int, int] = {}
    for p in state.paras:
        width = max(len(line.strip()) for line in state.text_of(p).split("\n"))
        longest[p.block] = max(longest.get(p.block, 0), width)
    return longest


def _cut_headings_above_text(state: State, numbered: bool, longest: dict[int, int]) -> bool:
    out: list[Para] = []
    paras = state.paras
    for i, p in enumerate(paras):
        cuts = _heading_lines(state, paras, i, numbered, longest[p.block]) if p.kind is None else []
        pos = p.start
        for start, end in cuts:
            if state.text[pos:start].strip():
                out.append(Para(pos, _rstrip_end(state.text, start), p.block, False))
            head = Para(start, end, p.block, False)
            line = state.text_of(head)
            m = _NUMBERED_HEADING.match(line)
            if numbered and m:
                state.decide(head, "heading", _numbered_level(m), f"numbered {m.group().strip()}, {ABOVE_TEXT}")
            else:
                state.decide(head, "heading", 2, f"{ABOVE_TEXT}, {_layout_evidence(line).removeprefix('alone, ')}")
            out.append(head)
            pos = _lstrip_start(state.text, end, p.end)
        if not cuts:
            out.append(p)
        elif pos < p.end:
            out.append(Para(pos, p.end, p.block, False))
    found = len(out) != len(paras) or any(a is not b for a, b in zip(out, paras))
    state.paras = out
    return found


def _heading_lines(state: State, paras: list[Para], i: int, numbered: bool, longest: int) -> list[tuple[int, int]]:
    """(start, end) of the heading lines inside paragraph `i` of a block of lines."""
    p = paras[i]
    if longest < _MIN_TEXT_LINE or (p.alone and "\n" not in state.text_of(p).strip()):
        return []
    spans, pos = [], p.start
    for line in state.text_of(p).split("\n"):
        spans.append((pos, pos + len(line)))
        pos += len(line) + 1
    same_block = lambda j: 0 <= j < len(paras) and paras[j].block == p.block  # noqa: E731
    lines = [state.text[a:b].strip() for a, b in spans]
    # a heading of either kind may stand right above another (`II. Findings` / `A. Recruitment`)
    # a label (`In favour:`) introduces what follows it: a list, a vote's names, not a section
    shaped = [bool(ln) and _shaped(ln) for ln in lines]
    after = paras[i + 1] if same_block(i + 1) else None
    # the length of the running line below each line (through stacked headings); 0: none
    width = [0] * len(lines)
    for j in reversed(range(len(lines))):
        if j + 1 < len(lines):
            then = lines[j + 2] if j + 2 < len(lines) else ""
            running = _running_below(lines[j + 1], then)
            width[j] = len(lines[j + 1]) if running else width[j + 1] if shaped[j + 1] else 0
        elif after is not None:
            width[j] = _running_width(state, paras, i + 1)
    cuts: list[tuple[int, int]] = []
    previous_cut = same_block(i - 1) and paras[i - 1].kind == "heading"
    for j, ((start, end), line) in enumerate(zip(spans, lines)):
        above = lines[j - 1] if j else (state.text_of(paras[i - 1]) if same_block(i - 1) else None)
        # a title on the block's first line may stand right above a section's heading
        first_above = (j == 1 and not same_block(i - 1)) or (j == 0 and same_block(i - 1) and not same_block(i - 2))
        title_above = first_above and above is not None and "\n" not in above.strip() and _shaped(above.strip())
        opens = previous_cut or title_above or _opens_paragraph(above, line, numbered)
        short = len(line) <= min(_MAX_LINE_HEADING_CHARS, _SHORTER_THAN_TEXT * width[j])
        this = shaped[j] and short and opens
        if this and bool(_NUMBERED_HEADING.match(line)) == numbered:
            lead = len(state.text[start:end]) - len(state.text[start:end].lstrip())
            cuts.append((start + lead, start + lead + len(line)))
        previous_cut = this
    return cuts


def _running_width(state: State, paras: list[Para], k: int) -> int:
    """The length of the running line that paragraph `k` starts, or that starts right under
    the heading (found or heading-shaped) that paragraph `k` is; 0 if none."""
    lines = [ln.strip() for ln in state.text_of(paras[k]).strip().split("\n")] + ["", ""]
    if paras[k].kind is None and _running_below(lines[0], lines[1]):
        return len(lines[0])
    if paras[k].kind is None and _shaped(lines[0]) and lines[1]:
        return len(lines[1]) if _running_below(lines[1], lines[2]) else 0
    nxt = k + 1 < len(paras) and paras[k + 1].block == paras[k].block and paras[k + 1].kind is None
    if nxt and (paras[k].kind == "heading" or (paras[k].kind is None and _shaped(lines[0]))):
        below = [ln.strip() for ln in state.text_of(paras[k + 1]).strip().split("\n")] + [""]
        return len(below[0]) if _running_below(below[0], below[1]) else 0
    return 0


def _shaped(line: str) -> bool:
    """A heading's shape; a label (`In favour:`) introduces what follows it (a list, a vote's
    names), not a section."""
    return not line.endswith(":") and looks_like_heading(line, bool(_NUMBERED_HEADING.match(line)))


def _running_below(below: str, then: str = "") -> bool:
    """`below` starts running text: capitalised, not a list item, eight words or a full
    sentence, mostly words in lower case (not a table's row of names and figures), and it
    ends a sentence or goes on in lower case on the line after it (`then`)."""
    below = below.strip().split("\n")[0].strip()
    if not below[:1].isupper() or LIST_ITEM.match(below) or _NUMBERED_HEADING.match(below):
        return False
    words = below.split()
    closes = bool(_SENTENCE_CLOSE.search(below))
    if not (len(words) >= _BODY_WORDS or (len(words) >= 3 and closes)):
        return False
    if sum(w[:1].islower() for w in words) * 2 < len(words):
        return False
    return closes or then.strip()[:1].islower()


def _opens_paragraph(above: str | None, line: str, numbered: bool) -> bool:
    """Nothing above in the block, or a line that ends a sentence (for a numbered heading, a
    line that neither runs on nor introduces a list, nor is numbered alike)."""
    if above is None:
        return True
    above = above.strip()
    if numbered:
        return not above.endswith((":", ",", ";")) and numbering_style(above) != numbering_style(line)
    return bool(_SENTENCE_CLOSE.search(above))


def _layout_evidence(line: str) -> str:
    words = line.split()
    # never the word `title`: only the title's own evidence names it (`title: ...`)
    case = "all capitals" if line.isupper() else "capitalised words" if title_like(line) else "capitalised"
    return f"alone, {case}, {len(words)} word{'s' if len(words) != 1 else ''}"


def mark_list_items_and_text(state: State) -> None:
    """What no step claimed: a list item when it starts like one, else body text."""
    for p in state.undecided():
        m = LIST_ITEM.match(state.text_of(p).strip())
        if m:
            state.decide(p, "list_item", evidence=f"list marker `{m.group().strip()}`")
        else:
            state.decide(p, "text", evidence="body text")


def classify(text: str, marked_level: int | None, alone: bool = True) -> tuple[str, int | None]:
    """The kind of one paragraph and, for a heading, its level, by the same tests the steps
    apply (for callers that hold a single line)."""
    stripped = text.strip()
    if marked_level is not None and len(stripped) <= 300:
        return "heading", marked_level
    if _SALUTATION.match(stripped):
        return "salutation", None
    if _CLOSING.match(stripped) and len(stripped.split()) <= _MAX_CLOSING_WORDS:
        return "closing", None
    numbered = _NUMBERED_HEADING.match(stripped)
    if alone and looks_like_heading(stripped, numbered is not None):
        return "heading", _numbered_level(numbered) if numbered else 2
    if LIST_ITEM.match(stripped):
        return "list_item", None
    return "text", None


_CITIES = "|".join(sorted((re.escape(c) for c in UN_CITIES), key=len, reverse=True))
# `United Nations • Geneva, 2023`: a publisher's imprint, a place and a year.
_IMPRINT = re.compile(r"(?i)\b(?:" + _CITIES + r"),?\s+(?:19|20)\d\d$")
# `E/ICEF/701 (Part II)`, `A/77/36` (OCR may misread a letter): a document symbol left as a
# running header; a symbol anywhere in a line (`... (UN DESA/POP/2024/TR/NO.9)`) makes it a citation.
_SYMBOL_LINE = re.compile(r"^[A-Z][\w'’]{0,5}/[\w.\-]+(?:/[\w.\-]+)*")
_CITED_SYMBOL = re.compile(r"\b[A-Z][A-Za-z]{0,5}/[\w.\-]+/[\w.\-]+")
# `12/10/2021`, `14:33`: a byline's or a page's date and time.
_NUMERIC_DATE_OR_TIME = re.compile(r"\b\d{1,2}/\d{1,2}/\d{2,4}\b|\b\d{1,2}:\d{2}\b")
_NAMES_WORDS = 5
_ARTICLES = re.compile(r"(?i)^(?:the|el|la|los|las|le|les|l['’]|o|a|os|as)\s*")


def never_a_heading(line: str) -> bool:
    """Lines no heading can be, marked or not: the opener of a sentence that goes on below
    (`The General Assembly,`, `The Economic and Social Council`), an imprint, a document
    symbol, a web page's read-more label."""
    folded = " ".join(line.split())
    organ = _ARTICLES.sub("", folded.rstrip(",")).lower()
    return (
        folded.endswith(",")
        or (organ != folded.rstrip(",").lower() and organ in UN_ORGANS)
        or bool(_IMPRINT.search(folded))
        or bool(_SYMBOL_LINE.match(folded) or _CITED_SYMBOL.search(folded))
        or bool(_NUMERIC_DATE_OR_TIME.search(folded))
        or folded.rstrip(":").strip().lower() in READ_MORE_LABELS
        or _date_only(folded)
    )


def _date_only(line: str) -> bool:
    """`12 June 2018`, `4 de julio de 2018`: a short line that opens with a date; not `1. Marco
    jurídico` (a Portuguese month's spelling, then a word that is not a small one)."""
    m = MONTH_WORD.match(line)
    if not m or len(line.split()) > 6:
        return False
    after = line[m.end() :].split()
    return not (after and after[0][:1].islower() and after[0].lower() not in MINOR_WORDS)


def _clause_or_names(line: str) -> bool:
    """A clause (`The text will be amended`: it holds an auxiliary verb) or a row of names
    (`Ana Ruiz Pereda Tomás Lindqvist`: five or more capitalised words, no small word,
    no figure) is not a heading."""
    words = [w.strip(",:;()") for w in line.split()]
    if any(w.lower() in AUXILIARY_VERBS for w in words):
        return True
    return (
        len(words) >= _NAMES_WORDS
        and not line.isupper()
        and all(w[:1].isupper() for w in words if w)
        and not any(w.lower() in MINOR_WORDS for w in words)
        and not any(c.isdigit() for c in line)
    )


def looks_like_heading(line: str, numbered: bool) -> bool:
    if "\n" in line or len(line) > _MAX_HEADING_CHARS or len(line.split()) > _MAX_HEADING_WORDS:
        return False
    if is_contents_entry(line):
        return False  # `I. Introduction ...... 3`: a contents entry the cleaning left points at a heading
    if line.endswith((".", ",", ";", "?", "!")) or not line[:1].isalnum():
        return False
    if line.endswith(":") and (len(line.split()) > 6 or _INTRODUCES_A_LIST.search(line)):
        return False
    if never_a_heading(line):
        return False
    body = _NUMBERED_HEADING.sub("", line, count=1) if numbered else line
    if not body[:1].isupper() or _clause_or_names(body):
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
    if DATELINE.search(line) or MONTH_WORD.search(line):
        return True
    if ", " not in line:
        return False
    words = [w.strip(",") for w in line.split()]
    lowercase_content = any(w[:1].islower() and w.lower() not in MINOR_WORDS for w in words)
    return not (lowercase_content or (line.isupper() and len(words) >= 3))


def _numbered_level(m: re.Match) -> int:
    """A first guess; `nest_numbering` sets the final levels by order of appearance."""
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


# --- the title and what surrounds it --------------------------------------------------------


def find_title(state: State) -> None:
    """The title: the one the template names; else a markup-marked heading near the top; else
    a title running into its dateline; else the last line of an opening block of short lines
    (a statement's header); else a short first line standing alone above body text or a
    dateline. A letter (salutation first) has none. Its evidence starts with `title:`."""
    if state.title is not None:
        return
    found = _title(state)
    if found is None:
        return
    index, evidence = found
    p = state.paras[index]
    marked = p.marked is not None and p.kind == "heading" and p.level
    state.title = index
    state.decide(p, "heading", p.level if marked else 1, f"title: {evidence}")


def _title(state: State) -> tuple[int, str] | None:
    text, paras = state.text, state.paras
    for i, p in enumerate(paras[:6]):
        paragraph = state.text_of(p)
        if p.kind == "masthead":
            continue
        if p.marked is not None and p.kind == "heading" and _marked_title(state, i):
            return i, p.evidence or "marked heading at the top"
        if p.kind == "salutation":
            return None  # a letter
        if i == 0 and _all_caps_title(paragraph) and not is_body_name(paragraph):
            return 0, "first paragraph, all capitals"  # `MIGRATION POLICY INSTITUTE` is an agency line
        if p.kind == "text" and _body_text(paragraph):
            break  # body text came first: a marked heading further down is a section's
    for i, p in enumerate(paras[:3]):
        length = inline_title_length(text[p.start : p.end]) if p.kind == "text" else None
        if length is not None:
            title, rest = _cut(state, p, length)
            rest.kind, rest.rule, rest.evidence = p.kind, p.rule, p.evidence
            state.paras[i : i + 1] = [title, rest]
            return i, "runs into its dateline"
    i = _header_block_title(state)
    if i is not None:
        return i, "last title-like line of the opening block"
    i = _first_line_title(state)
    return (i, "first line") if i is not None else None


_BODY_WORDS = 8


def _body_text(paragraph: str) -> bool:
    """A sentence of body text: several words and a closing full stop."""
    return len(paragraph.split()) >= _BODY_WORDS and paragraph.rstrip().endswith((".", "!", "?", "…"))


def _marked_title(state: State, i: int) -> bool:
    """A marked heading at the top is the title, unless it is a short bold section name
    (`**Background**`) among other bold section names: then they are siblings."""
    p = state.paras[i]
    if state.marks[p.start] != BOLD:
        return True
    paragraph = state.text_of(p)
    more_bold = any(state.marks.get(q.start) == BOLD for j, q in enumerate(state.paras) if j != i)
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


_YEAR = re.compile(r"\b(?:19|20)\d\d\b")


def _header_block_title(state: State) -> int | None:
    paras = state.paras
    if not paras:
        return None
    block = [i for i, p in enumerate(paras) if p.block == paras[0].block]
    lines = [state.text_of(paras[i]).strip() for i in block]
    on_own_lines = all("\n" in state.text[paras[a].end : paras[b].start] for a, b in zip(block, block[1:]))
    if (
        len(block) < 3
        or any(len(line) > 100 or (_body_text(line) and not title_like(line)) for line in lines)
        or not on_own_lines
    ):
        return None  # a block that holds a sentence of body text is not an opening block of short lines
    if title_like(lines[-1]) and not _YEAR.search(lines[-1]):
        return block[-1]
    # a header block that ends in a dateline (`Geneva, 4 December 2017`): its first title
    return next((i for i, line in zip(block, lines) if title_like(line) and not _YEAR.search(line)), None)


_OPENING_LINES = 4  # the title is among the first paragraphs, after at most a body's name, a symbol, a date
_MAX_TITLE_CHARS = 160
_MAX_TITLE_WORDS = 20
_LETTER_PARAGRAPHS = 8
# `We, the undersigned ...`, `Nous saluons ...`: a first line led by a pronoun is a sentence.
_PRONOUN = re.compile(
    r"(?i)^(?:we|i|they|our|nous|je|ils|elles|notre|nosotros|nosotras|yo|ellos|ellas|nuestro|nuestra|"
    r"nós|eu|eles|elas|nosso|nossa)\b"
)
_DISTR = re.compile(r"(?i)^distr\b")


def _first_line_title(state: State) -> int | None:
    """`Annual report on migrant protection` above a paragraph of body text, `Joint NGO
    Statement on ...` above `Geneva, 3 March 2024`: a short line alone in its block, no final
    full stop, capitalised and not a sentence (no pronoun opening it, no auxiliary verb in it,
    not ending on a small word), below at most a body's name, a symbol or a date. Not in a
    letter; never a body's name (`MIGRATION POLICY INSTITUTE`), a dateline, a date, a `Distr.`
    or symbol line. Two words are enough above a dateline (`Nota informativa`), three above
    body text (`Executive summary` above body text heads a section). A title the file declares
    in its front matter (`title:`, `post_title:`) beats this guess from layout."""
    paras = state.paras
    if any(p.kind == "salutation" for p in paras[:_LETTER_PARAGRAPHS]) or front_matter_title(state.cleaned):
        return None  # a letter; or a file that names its own title
    for i, p in enumerate(paras[:_OPENING_LINES]):
        line = " ".join(state.text_of(p).split())
        if p.kind == "masthead" or _front_line(state.text_of(p), line):
            continue
        if i + 1 >= len(paras) or not _plain_title_candidate(p, state.text_of(p), line):
            return None
        after = paras[i + 1]
        below = " ".join(state.text_of(after).split())
        if _date_line(below):
            return i if len(line.split()) >= 2 else None
        body = after.kind == "list_item" or (after.kind == "text" and _running_text(below))
        return i if body and len(line.split()) >= 3 else None
    return None


def _front_line(paragraph: str, line: str) -> bool:
    """A line that may stand above a title: a body's name, a document symbol, `Distr.`, a date."""
    if paragraph.count("\n") > 2:
        return False
    return is_body_name(paragraph) or bool(_SYMBOL_LINE.match(line) or _DISTR.match(line)) or _date_line(line)


_DATE_LINE_WORDS = 8


def _date_line(line: str) -> bool:
    """A short line that carries a date: `Geneva, 3 March 2024`, `14 March 2024`, `Published
    20 May 2024`, `Policy Brief No. 14, March 2024`, `Lisboa, 3 de março de 2024`."""
    if len(line.split()) > _DATE_LINE_WORDS:
        return False
    return bool(DATELINE.search(line) or MONTH_WORD.search(line) or _NUMERIC_DATE_OR_TIME.search(line))


def _running_text(paragraph: str) -> bool:
    """Body text: a full sentence, or a paragraph too long for a line of front matter."""
    words = len(paragraph.split())
    return words >= _BODY_WORDS or (words >= 3 and paragraph.endswith((".", "!", "?", "…")))


def _plain_title_candidate(p: Para, paragraph: str, line: str) -> bool:
    """A paragraph no markup or number made a heading, alone in its block, short, with the
    shape of a title, not of a sentence."""
    # only the layout step's own headings: markup and numbers decide theirs in steps of their own
    from_layout = p.kind == "heading" and "headings_by_layout" in p.rule
    if not (p.alone and (p.kind == "text" or from_layout)):
        return False
    words = line.split()
    if paragraph.strip().count("\n") > 1 or len(line) > _MAX_TITLE_CHARS or len(words) > _MAX_TITLE_WORDS:
        return False
    if line.endswith((".", ",", ";", ":", "?", "!", "…")) or not line[:1].isupper() or not line[:1].isalpha():
        return False
    if re.search(r"[.;!?]\s", line) or DATELINE.search(line) or MONTH_WORD.match(line):
        return False
    if never_a_heading(line) or is_body_name(paragraph) or _PRONOUN.match(line) or _DISTR.match(line):
        return False
    first = words[0].strip(":,").lower()
    if line.lower() in SECTION_NAMES or first in SECTION_NAMES:
        return False  # `Resumen ejecutivo`, `Introduction and background`: a section
    if first in BYLINE_WORDS and (words[0].endswith(":") or all(w[:1].isupper() for w in words[1:])):
        return False  # `By Maria Lopez`, `Photo: UNHCR`; not `Por una migración segura`
    if _INTRODUCES_A_LIST.search(line):
        return False  # `The Committee adopted the following`
    if any(w.strip(",:;()").lower() in AUXILIARY_VERBS for w in words):
        return False  # `The meeting was held in Geneva`: a clause
    return title_like(line) or words[-1].lower() not in MINOR_WORDS


def mark_front_matter(state: State) -> None:
    """Lines above the title (an agency name, an author, a dateline) are front matter."""
    if state.title is None:
        return
    for p in state.paras[: state.title]:
        if p.kind in ("heading", "text"):
            state.decide(p, "front_matter", evidence="above the title")


# --- levels ----------------------------------------------------------------------------------


def place_bold_headings(state: State) -> None:
    """Bold lines head sections one level under the title (or at level 1 without one)."""
    title_level = state.paras[state.title].level or 0 if state.title is not None else 0
    for i, p in enumerate(state.paras):
        if p.marked == BOLD and p.kind == "heading" and i != state.title:
            p.level = title_level + 1


def nest_numbering(state: State) -> None:
    """Numbering styles nest in the order a document first uses them (`I.` > `A.` > `1.`),
    each one level below the style before it, under the unnumbered heading above them. A
    heading whose level the markup gave (`## 1. Introduction`) or the title keeps its level."""
    levels: dict[str, int] = {}
    plain = 1
    for i, p in enumerate(state.paras):
        if p.kind != "heading":
            continue
        if i == state.title or (p.marked is not None and p.marked != BOLD):
            plain = p.level or plain
            continue
        style = numbering_style(state.text_of(p))
        if style is None:
            plain = p.level or plain
            continue
        if style not in levels:
            levels[style] = max(levels.values(), default=plain) + 1
        p.level = levels[style]


def place_subheadings(state: State) -> None:
    """A sub-heading sits under the heading above it; its later parts one level deeper each."""
    parent = 1
    for p in state.paras:
        if p.subheading is not None:
            p.level = parent + 1 + p.subheading
        elif p.kind == "heading":
            parent = p.level or parent


def mark_signature(state: State) -> None:
    """A last block of short lines with no closing punctuation (a name, an organisation)."""
    paras = state.paras
    if not paras:
        return
    tail = [p for p in paras if p.block == paras[-1].block]
    if tail and tail[0].kind == "closing":
        tail = tail[1:]  # `Sincerely,` above the name
    lines = [state.text_of(p).strip() for p in tail]
    if len(tail) < 2 or any(len(ln) > 80 or ln.endswith((".", ";", ":")) for ln in lines):
        return
    if any(p.kind not in ("text", "heading") for p in tail):
        return
    for p in tail:
        state.decide(p, "signature", evidence="last block of short lines")
