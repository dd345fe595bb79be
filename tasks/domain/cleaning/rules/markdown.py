"""What a markdown export carries besides its text: front matter, raw HTML, entities, links.

Each rule recognises its own shape strictly enough to run on any text: a plain-text dump
without these shapes is left alone, whatever its format says.
"""

from __future__ import annotations

import re
import unicodedata
from html.entities import html5
from typing import Iterator

from tasks.domain.cleaning.engine import Edit, non_overlapping

# --- front matter ---------------------------------------------------------------------------

# The fences: `---` (YAML; Pandoc may close it with `...`) or `+++` (TOML, Hugo).
_FENCE = re.compile(r"\A(?:[ \t]*\n)*(---|\+\+\+)[ \t]*\n")
_CLOSING_FENCE = {"---": re.compile(r"(?:---|\.\.\.)[ \t]*$"), "+++": re.compile(r"\+\+\+[ \t]*$")}
# A key is one identifier (`post_date`, `theme_layout-header-style`), never a phrase.
_KEY = {
    "---": re.compile(r"(['\"]?)[A-Za-z_][\w.-]*\1:(?:[ \t]|$)"),
    "+++": re.compile(r"(['\"]?)[A-Za-z_][\w.-]*\1[ \t]*="),
}
# Lines a front matter holds besides keys: list items, indented continuations of a folded or
# listed value, comments, blank lines; TOML adds `[table]` headers and closing brackets.
_COMMENT_OR_BLANK = re.compile(r"[ \t]*(?:#|$)")
_OTHER_LINE = {
    "---": re.compile(r"[ \t]*(?:-(?:[ \t]|$)|#|$)|[ \t]+\S"),
    "+++": re.compile(r"[ \t]*(?:\[|\]|#|$)|[ \t]+\S"),
}


def drop_front_matter(text: str) -> Iterator[Edit]:
    """A Jekyll/Hugo/Pandoc metadata block at the very start: a fence, lines that are all
    `key: value` (or `key = value`), list items and continuations, and the closing fence.

    A rule followed by prose, or a `---` further down, is not one. With a single key, the key
    must be lower-case (`title:`), so a document opening with a rule and `Note: …` keeps it.
    The block's title, date and language are metadata: the removal keeps them, whole, in the
    artifacts, where a metadata reader can find them."""
    opening = _FENCE.match(text)
    if not opening:
        return
    fence, keys, pos = opening.group(1), [], opening.end()
    while pos < len(text):
        end = text.find("\n", pos)
        end = len(text) if end < 0 else end
        line = text[pos:end]
        if _CLOSING_FENCE[fence].match(line):
            if len(keys) >= 2 or (keys and keys[0][:1].islower()):
                yield Edit(0, min(end + 1, len(text)), "front_matter")
            return
        key = _KEY[fence].match(line)
        if key:
            keys.append(key.group().strip("'\" \t:="))
        elif not _OTHER_LINE[fence].match(line) or not keys and not _COMMENT_OR_BLANK.match(line):
            return  # prose, or a list before any key: a horizontal rule, not metadata
        pos = end + 1


# --- HTML entities --------------------------------------------------------------------------

# `&amp;`, `&nbsp;`, `&#8217;`, `&#x2019;`; `&amp;` chains (`&amp;amp;`) decode in one go, so
# a second run finds nothing. A name needs its `;`: `AT&T` and `&c.` are text.
_ENTITY = re.compile(r"&(?:amp;)*(#[0-9]{1,7}|#[xX][0-9A-Fa-f]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});")
# What an entity may stand for that the text should not hold: spaces that do not break become
# spaces, invisible characters nothing (the same choice as the character rules).
_SPACES = {"\u00a0": " ", "\u2007": " ", "\u202f": " ", "\u2009": " ", "\u2002": " ", "\u2003": " "}
_INVISIBLE = frozenset("\u00ad\u200b\u200c\u200d\u2060\ufeff")


def _character(name: str) -> str | None:
    """What `&name;` stands for: a known HTML5 name or a printable code point, else None."""
    if not name.startswith("#"):
        return html5.get(name + ";")
    code = int(name[2:], 16) if name[1:2] in "xX" else int(name[1:])
    if code > 0x10FFFF or 0xD800 <= code <= 0xDFFF:
        return None
    char = chr(code)
    return None if unicodedata.category(char) == "Cc" else char


def decode_html_entities(text: str) -> Iterator[Edit]:
    """An entity becomes the character it names; an unknown name or a control code stays."""
    for m in _ENTITY.finditer(text):
        chars = _character(m.group(1))
        if chars is not None:
            chars = "".join(_SPACES.get(c, "" if c in _INVISIBLE else c) for c in chars)
            yield Edit(m.start(), m.end(), "markup", chars)


# --- inline HTML ----------------------------------------------------------------------------

_VOID = frozenset("area base br col embed hr img input link meta source track wbr".split())
# Elements whose tags stand between paragraphs: a tag between two words becomes a line break.
_BLOCK = frozenset(
    "address article aside blockquote body br center dd div dl dt figcaption figure footer form h1 h2 h3 h4 h5 h6 "
    "head header hr html li main nav ol p pre section table tbody td tfoot th thead title tr ul".split()
)
_INLINE = frozenset(
    "a abbr b bdi bdo big cite code del dfn em font i img ins kbd label mark q s samp small span strike strong "
    "sub sup time tt u var".split()
)
_ELEMENTS = _VOID | _BLOCK | _INLINE
# Empty elements that are tags even bare (`<br>`, `</br>`, `<hr/>`); `<link>` or `<source>`
# bare are more likely a template's placeholders.
_BARE = frozenset({"br", "hr", "wbr"})
# A quoted value holds no `<` or `>`: a stray quote cannot carry a tag across the text.
_ATTRIBUTE = r"""[^\s"'<>/=]+(?:\s*=\s*(?:"[^"<>]*"|'[^'<>]*'|[^\s"'<>=`]+))?"""
# A tag of a known element, not doubled (`<<JOB NUMBER>>` is someone else's).
_TAG = re.compile(rf"(?<!<)<(/)?([A-Za-z][A-Za-z0-9]*)((?:\s+{_ATTRIBUTE})*)\s*(/)?>(?!>)")
# Elements whose content is not text, and comments (up to a page long): they go whole.
_WHOLE = re.compile(r"<!--(?:(?!-->).){0,3000}-->|<!DOCTYPE[^<>]*>|<(script|style)\b[^<>]*>.*?</\1\s*>", re.S | re.I)


def _is_tag(m: re.Match, closed: frozenset[str]) -> bool:
    """A tag of a known element, and sure to be one. Many element names are words, so a tag
    without attributes counts only beside its closing tag: `x<b and c>y`, `a<b>c` and a
    template's `<title>` or `<address>` placeholder stay."""
    closing, name, attributes, self_closing = m.groups()
    name = name.lower()
    if name not in _ELEMENTS:
        return False
    if closing:
        return not attributes and not self_closing
    if attributes:
        return "=" in attributes
    if name in _BARE:
        return True
    return name in closed  # `<b>`, `<title>` need their closing tag


_CLOSING_TAG = re.compile(r"</([A-Za-z][A-Za-z0-9]*)\s*>")


def _tag_spans(text: str) -> list[tuple[int, int, bool]]:
    """(start, end, is_block) of every tag, comment and script, in text order."""
    spans = [(m.start(), m.end(), False) for m in _WHOLE.finditer(text)]
    closed = frozenset(m.group(1).lower() for m in _CLOSING_TAG.finditer(text))  # names closed somewhere
    spans += [(m.start(), m.end(), m.group(2).lower() in _BLOCK) for m in _TAG.finditer(text) if _is_tag(m, closed)]
    kept: list[tuple[int, int, bool]] = []
    for span in sorted(spans, key=lambda s: (s[0], -s[1])):
        if not kept or span[0] >= kept[-1][1]:
            kept.append(span)
    return kept


def _intervals(text: str, spans: list[tuple[int, int, bool]]) -> list[list]:
    """[start, end, block tags, only <br>, spaces inside] of the edits: tags that touch or
    stand only spaces apart are one edit, and a line holding nothing but tags is one edit with
    its newline."""
    masked = list(text)
    for start, end, _ in spans:
        masked[start:end] = ["\n" if c == "\n" else "\0" for c in text[start:end]]
    found = [(start, end, block, block and _is_br(text[start:end])) for start, end, block in spans]
    pos = 0
    for line in "".join(masked).split("\n"):
        if "\0" in line and not line.replace("\0", "").strip():
            found.append((pos, min(pos + len(line) + 1, len(text)), False, True))
        pos += len(line) + 1
    out: list[list] = []
    for start, end, block, br in sorted(found):
        if out and (start <= out[-1][1] or not text[out[-1][1] : start].strip(" \t")):
            last = out[-1]
            last[4] = last[4] or start > last[1]
            last[1], last[2], last[3] = max(last[1], end), last[2] or block, last[3] and (br or not block)
        else:
            out.append([start, end, block, br or not block, False])
    return out


def _is_br(tag: str) -> bool:
    return re.match(r"</?br\b", tag, re.I) is not None


def strip_inline_html(text: str) -> Iterator[Edit]:
    """Tags go and their text stays (`<span style=…>texto</span>` → `texto`); an `<img>`, a
    comment or a script goes whole. A line left with nothing goes with its newline; a block tag
    between two words leaves a line break (a paragraph break unless it is a `<br>`), an inline
    one takes a space with it when it stood between two. `a < b`, `<5%`, `<name@org.int>` and
    `<https://…>` are not tags."""
    for start, end, block, only_br, spaced in _intervals(text, _tag_spans(text)):
        if text[end - 1 : end] == "\n" and (start == 0 or text[start - 1] == "\n"):
            yield Edit(start, end, "markup")  # whole lines
            continue
        line_start = text.rfind("\n", 0, start) + 1
        line_end = text.find("\n", end)
        line_end = len(text) if line_end < 0 else line_end
        before, after = text[line_start:start], text[end:line_end]
        spaces_before = len(before) - len(before.rstrip(" \t"))
        spaces_after = len(after) - len(after.lstrip(" \t"))
        if not before.strip():  # at the start of a line: the spaces after it too
            yield Edit(line_start, end + spaces_after, "markup")
        elif not after.strip():
            yield Edit(start - spaces_before, line_end, "markup")
        elif block:
            yield Edit(start - spaces_before, end + spaces_after, "markup", "\n" if only_br else "\n\n")
        elif spaces_before and spaces_after:
            yield Edit(start, end + 1, "markup")
        else:  # `huida</span> <span …>hacia`: the words stay apart
            yield Edit(start, end, "markup", " " if spaced else "")


# --- markdown links -------------------------------------------------------------------------

# `[text](target "title")`, or `![alt](src)` for an image. The text may wrap over lines of one
# paragraph and hold one level of brackets (an image inside a link); the target one level of
# parentheses (`…/Foo_(bar)`).
_LINK = re.compile(
    r"(!?)\[((?:[^\[\]\n]|\n(?![ \t]*\n)|\[[^\[\]\n]*\])*)\]"
    r"\(\s*(<[^<>\n]*>|(?:[^\s()]|\([^\s()]*\))+)(?:\s+(?:\"[^\"\n]*\"|'[^'\n]*'|\([^()\n]*\)))?\s*\)"
)
# A target that is surely an address: a scheme, `www.`, an anchor, a path from `/`, `./` or
# `../`, a file name or a folder. `[a](ii)` in a legal text is a paragraph reference and
# `(A/72/439/Add.2)` a document symbol, not links.
_ADDRESS = re.compile(
    r"<?(?:(?:https?|ftps?|mailto|tel|file|news|urn|data):|www\.|#|\.{0,2}/|\S*\.[A-Za-z]{2,5}>?$|\S*/>?$)", re.I
)


def unwrap_markdown_links(text: str) -> Iterator[Edit]:
    """A link's text stays where it stood and its target goes, kept in the artifact. When the
    text is the address itself (`[https://…](https://…)`) the address thus stays, once. An
    image (`![alt](src)`) goes whole: its alt text was never shown as text."""
    yield from non_overlapping(_link_edits(text))


def _link_edits(text: str, offset: int = 0, nested: bool = False) -> list[Edit]:
    edits: list[Edit] = []
    for m in _LINK.finditer(text):
        if not _ADDRESS.match(m.group(3)):
            continue
        if m.group(1) or not m.group(2).strip():
            edits.append(Edit(offset + m.start(), offset + m.end(), "markdown_residue"))
            continue
        edits.append(Edit(offset + m.start(), offset + m.start(2), "markdown_residue"))
        if not nested:  # one level down: the text of a link may hold a link or an image
            edits += _link_edits(m.group(2), m.start(2), nested=True)
        edits.append(Edit(offset + m.end(2), offset + m.end(), "markdown_residue"))
    return edits
