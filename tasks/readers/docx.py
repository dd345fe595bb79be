"""Word (.docx) reader: the body in document order, headings as `#` lines, list items as `- `
lines, tables to `tables`, running headers and footers kept in the text as furniture.

A .docx is a zip of XML parts. The zip is checked before python-docx opens it (a renamed .doc,
a zip bomb, a damaged member), so a hostile or broken file fails with a typed error instead of
exhausting memory or surfacing as a stack trace.

The text is taken from the XML rather than `Paragraph.text`, because python-docx's text
drops tracked insertions and content controls (`w:ins`, `w:sdt`) and keeps hidden text:
what is read here is what the reader of the document sees on the page.
"""
from __future__ import annotations

import io
import re
import zipfile
import zlib
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, datetime, timezone

import docx
from docx.enum.style import WD_STYLE_TYPE
from docx.opc.constants import RELATIONSHIP_TYPE as RT

from tasks.domain.extract import ReadError
from tasks.domain.models import Furniture, Properties, RawDocument, Table

# Real statements and reports are a few MB unzipped; a file declaring more is a bomb, not prose.
MAX_UNCOMPRESSED_BYTES = 256 * 2**20
# XML compresses about 10:1 and images not at all; only padding built to explode goes past this.
MAX_COMPRESSION_RATIO = 100
# Small parts can legitimately compress very well (a styles part full of repeats).
RATIO_CHECKED_FROM_BYTES = 8 * 2**20
MAX_MEMBERS = 10_000

_MAIN_PART = "word/document.xml"
_OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_W_VAL = f"{_W}val"

# Wrappers whose children are read as if they stood in the parent: links, tracked insertions
# and moves, content controls, simple fields (their child runs hold the field's shown result).
# Everything else inside a paragraph (w:del, w:moveFrom, bookmarks, comment ranges,
# proofing marks, properties) has no text a reader sees.
_TRANSPARENT_INLINE = frozenset(f"{_W}{t}" for t in (
    "hyperlink", "ins", "moveTo", "smartTag", "sdt", "sdtContent", "fldSimple", "customXml", "dir", "bdo"))
_TRANSPARENT_BLOCK = frozenset(f"{_W}{t}" for t in ("sdt", "sdtContent", "customXml"))
_OFF = frozenset({"0", "false", "off"})

# python-docx's own template: documents it generates without setting these carry its values.
_PLACEHOLDER_AUTHORS = frozenset({"python-docx"})
_PLACEHOLDER_CREATED = datetime(2013, 12, 23, 23, 15, tzinfo=timezone.utc)
_EARLIEST_CREATED = date(1980, 1, 1)  # zero or epoch dates some tools write when they know none

_MAX_HEADING_LEVEL = 6  # markdown has six; Word's Heading 7-9 become level 6
# Heading style names as Word and LibreOffice write them in the corpus's languages, for
# styles that neither carry an outline level nor derive from a built-in heading.
_HEADING_NAME = re.compile(r"^(?:heading|t[ií]tulo|titre|encabezado|cabe[çc]alho)\s*(\d)$", re.I)
_TITLE_NAME = re.compile(r"^(?:title|t[ií]tulo|titre)$", re.I)
_LIST_NAME = re.compile(r"^list (?:paragraph|bullet|number)(?: \d)?$", re.I)
_LANGUAGE_TAG = re.compile(r"^([A-Za-z]{2})(?:[-_][A-Za-z0-9]+)*$")


def read_docx(source_path: str, doc_id: str, data: bytes) -> RawDocument:
    with _open_zip(source_path, data) as zf:
        _refuse_unsafe_zip(source_path, zf)
        _require_word_document(source_path, zf)
        _check_integrity(source_path, zf)
    try:
        document = docx.Document(io.BytesIO(data))
        blocks, tables = _body(document)
        headers, footers = _running_texts(document, "header"), _running_texts(document, "footer")
        properties = _properties(document)
    except Exception as e:  # python-docx and lxml raise many types on a damaged part
        raise ReadError("corrupt", f"{source_path}: the Word document is damaged and cannot be read "
                        f"({type(e).__name__}: {e}); open it in Word or LibreOffice, let it repair the "
                        "file, and save it again as .docx") from e
    if not blocks and not tables:
        raise ReadError("empty", f"{source_path}: the Word document has no text in its body (it is blank "
                        "or holds only images, such as scanned pages); replace it with a version that "
                        "has text, or run OCR on the scans and save the result")
    text, furniture = _assemble(headers, blocks, footers)
    return RawDocument(doc_id, source_path, "docx", text, "", None, furniture, tables, properties)


# --- the zip, checked before any XML is parsed -------------------------------------------------

def _open_zip(source_path: str, data: bytes) -> zipfile.ZipFile:
    try:
        return zipfile.ZipFile(io.BytesIO(data))
    except (zipfile.BadZipFile, zipfile.LargeZipFile, ValueError, OSError, EOFError) as e:
        raise _not_a_zip(source_path, data) from e


def _not_a_zip(source_path: str, data: bytes) -> ReadError:
    """A .docx is always a zip; say what the file is instead, since that decides the fix."""
    if data.startswith(_OLE_MAGIC):
        if "EncryptedPackage".encode("utf-16-le") in data:
            return ReadError("encrypted", f"{source_path}: the Word document is password-protected; "
                             "open it with the password and save a copy without one")
        return ReadError("corrupt", f"{source_path}: this is an old binary Word .doc (Word 97-2003) named "
                         ".docx; open it in Word or LibreOffice and save it as .docx")
    if data.lstrip().startswith(b"{\\rtf"):
        return ReadError("corrupt", f"{source_path}: this is an RTF file named .docx; open it in Word or "
                         "LibreOffice and save it as .docx")
    return ReadError("corrupt", f"{source_path}: the file is not a valid .docx (not a zip archive; it may be "
                     "truncated, or an old binary .doc renamed); download it again, or open it in Word or "
                     "LibreOffice and save it as .docx")


def _refuse_unsafe_zip(source_path: str, zf: zipfile.ZipFile) -> None:
    """Judged on the sizes the zip declares; zipfile never inflates a member past its declared
    size, so nothing read afterwards can be bigger than what is checked here."""
    members = zf.infolist()
    if len(members) > MAX_MEMBERS:
        raise _bomb(source_path, f"it holds {len(members)} files")
    total = sum(m.file_size for m in members)
    if total > MAX_UNCOMPRESSED_BYTES:
        raise _bomb(source_path, f"it unpacks to {total // 2**20} MB")
    for m in members:
        if m.file_size >= RATIO_CHECKED_FROM_BYTES and m.file_size > MAX_COMPRESSION_RATIO * max(m.compress_size, 1):
            raise _bomb(source_path, f"its part {m.filename} unpacks to {m.file_size // 2**20} MB "
                        f"from {m.compress_size // 1024} KB")
    encrypted = [m.filename for m in members if m.flag_bits & 0x1]
    if encrypted:
        raise ReadError("encrypted", f"{source_path}: parts of the archive are encrypted ({encrypted[0]}); "
                        "open the document with its password and save a copy without one")


def _bomb(source_path: str, why: str) -> ReadError:
    return ReadError("zip_bomb", f"{source_path}: the file is not read because {why}, far beyond any real "
                     "Word document (a zip bomb, or a document padded with huge embedded files); remove it "
                     "from the inbox, or ask the sender for a plain copy")


def _require_word_document(source_path: str, zf: zipfile.ZipFile) -> None:
    names = set(zf.namelist())
    if _MAIN_PART in names:
        return
    if "mimetype" in names and "content.xml" in names:
        what = "an OpenDocument file (.odt) named .docx; save it as .docx"
    elif any(n.startswith("xl/") for n in names):
        what = "an Excel workbook named .docx; export the text to a Word document"
    elif any(n.startswith("ppt/") for n in names):
        what = "a PowerPoint presentation named .docx; export the text to a Word document"
    else:
        what = "a zip archive without word/document.xml; check that the right file was put in the inbox"
    raise ReadError("corrupt", f"{source_path}: not a Word document: {what}")


def _check_integrity(source_path: str, zf: zipfile.ZipFile) -> None:
    """Inflate every member once: a damaged one fails here with its name, which says more
    than the XML error python-docx would raise halfway through."""
    for m in zf.infolist():
        try:
            with zf.open(m) as member:
                while member.read(2**20):
                    pass
        except (zipfile.BadZipFile, zlib.error, EOFError, OSError, NotImplementedError, RuntimeError) as e:
            raise ReadError("corrupt", f"{source_path}: the part {m.filename} of the Word document is damaged "
                            f"({e}); download the file again, or open it in Word, let it repair the file, "
                            "and save it again") from e


# --- the body -----------------------------------------------------------------------------------

@dataclass(frozen=True)
class _Role:
    heading_level: int | None = None
    is_list: bool = False


def _body(document) -> tuple[list[str], tuple[Table, ...]]:
    """Blank-line-separated blocks in document order (a list is one block of `- ` lines), and
    the tables, which stay out of the text: their cells would be number soup in the prose."""
    styles = _style_roles(document)
    blocks: list[str] = []
    items: list[str] = []
    tables: list[Table] = []

    def end_list() -> None:
        if items:
            blocks.append("\n".join(items))
            items.clear()

    for element in _block_items(document.element.body):
        if element.tag == f"{_W}tbl":
            end_list()
            cells = _table_cells(element)
            if any(any(row) for row in cells):
                tables.append(Table(len(tables), None, cells))
            continue
        lines = _paragraph_lines(element)
        if not lines:
            continue  # an empty paragraph is spacing, and does not end a list
        role = _paragraph_role(element, styles)
        if role.heading_level is not None:
            end_list()
            blocks.append("#" * role.heading_level + " " + " ".join(lines))
        elif role.is_list:
            # Numbered items are `- ` lines too: Word computes their numbers at display time, and
            # rebuilding them from the numbering part (restarts, levels, formats) risks wrong ones.
            items.append("- " + "\n".join(lines))
        else:
            end_list()
            blocks.append("\n".join(lines))
    end_list()
    return blocks, tuple(tables)


def _block_items(container) -> Iterator:
    """The paragraphs and tables of a story in order, including those inside content controls
    (a cover page, a form field), which `iter_inner_content()` skips."""
    for child in container:
        if child.tag in (f"{_W}p", f"{_W}tbl"):
            yield child
        elif child.tag in _TRANSPARENT_BLOCK:
            yield from _block_items(child)


def _paragraph_lines(p) -> list[str]:
    """The lines of a paragraph as shown: soft breaks end a line, tabs and runs of spaces are
    one space, blank lines are dropped so a paragraph never reads as two."""
    text = "".join(_inline_text(p)).replace("\r\n", "\n").replace("\r", "\n")
    lines = (re.sub(r"[ \t]+", " ", line).strip() for line in text.split("\n"))
    return [line for line in lines if line]


def _inline_text(element) -> Iterator[str]:
    for child in element:
        if child.tag == f"{_W}r":
            if not _is_hidden(child):
                yield from _run_text(child)
        elif child.tag in _TRANSPARENT_INLINE:
            yield from _inline_text(child)


def _run_text(r) -> Iterator[str]:
    """Field codes (`w:instrText`), deleted text (`w:delText`) and drawings are not shown text;
    a field's result is, and stands in ordinary `w:t` runs."""
    for child in r:
        tag = child.tag
        if tag == f"{_W}t":
            yield child.text or ""
        elif tag in (f"{_W}tab", f"{_W}ptab"):
            yield "\t"
        elif tag in (f"{_W}br", f"{_W}cr"):
            yield "\n"
        elif tag == f"{_W}noBreakHyphen":
            yield "-"


def _is_hidden(r) -> bool:
    vanish = r.find(f"{_W}rPr/{_W}vanish")
    return vanish is not None and vanish.get(_W_VAL, "true").lower() not in _OFF


def _paragraph_role(p, styles: dict[str | None, _Role]) -> _Role:
    """Direct formatting wins over the style: an outline level set on the paragraph makes it a
    heading (level 9 is Word's "body text"), a numbering id of 0 switches a list style off."""
    ppr = p.find(f"{_W}pPr")
    style_id = _val(ppr.find(f"{_W}pStyle")) if ppr is not None else None
    role = styles.get(style_id, styles.get(None, _Role()))
    if ppr is None:
        return role
    level = _outline_level(ppr)
    if level is not None:
        return _Role(level if level > 0 else None, role.is_list)
    num_id = _val(ppr.find(f"{_W}numPr/{_W}numId"))
    if num_id is not None and role.heading_level is None:
        return _Role(None, num_id != "0")
    return role


def _style_roles(document) -> dict[str | None, _Role]:
    """The role of every paragraph style, by id; `None` holds the default style's."""
    roles: dict[str | None, _Role] = {}
    for style in document.styles:
        if style.type == WD_STYLE_TYPE.PARAGRAPH:
            roles[style.style_id] = _style_role(style)
    default = document.styles.default(WD_STYLE_TYPE.PARAGRAPH)
    roles[None] = roles.get(default.style_id, _Role()) if default is not None else _Role()
    return roles


def _style_role(style) -> _Role:
    """Walks the `base_style` chain, so a localized or custom style based on a heading (or on
    List Bullet) takes its role; the nearest style that says something decides."""
    heading, is_list, seen = None, None, set()
    while style is not None and style.style_id not in seen and (heading is None or is_list is None):
        seen.add(style.style_id)  # a chain that loops back is broken, not infinite
        ppr = style.element.find(f"{_W}pPr")
        if heading is None:
            heading = _style_heading_level(style, ppr)
        if is_list is None and ppr is not None and ppr.find(f"{_W}numPr/{_W}numId") is not None:
            is_list = _val(ppr.find(f"{_W}numPr/{_W}numId")) != "0"
        if is_list is None and _LIST_NAME.match(style.name or ""):
            is_list = True
        style = style.base_style
    return _Role(heading or None, bool(is_list) and not heading)


def _style_heading_level(style, ppr) -> int | None:
    """The level a style gives, 0 when it says "not a heading", None when it does not say."""
    level = _outline_level(ppr) if ppr is not None else None
    if level is not None:
        return level
    name = (style.name or "").strip()
    if m := _HEADING_NAME.match(name):
        return min(max(int(m.group(1)), 1), _MAX_HEADING_LEVEL)
    return 1 if _TITLE_NAME.match(name) else None


def _outline_level(ppr) -> int | None:
    """Word's outline level 0-8 is heading level 1-9; 9 is body text (returned as 0)."""
    raw = _val(ppr.find(f"{_W}outlineLvl"))
    if raw is None or not raw.isdigit():
        return None
    level = int(raw)
    return 0 if level >= 9 else min(level + 1, _MAX_HEADING_LEVEL)


def _val(element) -> str | None:
    return element.get(_W_VAL) if element is not None else None


# --- tables -------------------------------------------------------------------------------------

def _table_cells(tbl) -> tuple[tuple[str, ...], ...]:
    """Each `w:tc` once: a cell merged across columns is one `w:tc` (python-docx's `row.cells`
    would repeat it), and a cell continuing a vertical merge is '' (its text is above)."""
    return tuple(tuple(_cell_text(tc) for tc in _children(tr, "tc")) for tr in _children(tbl, "tr"))


def _children(element, local_name: str) -> Iterator:
    for child in element:
        if child.tag == f"{_W}{local_name}":
            yield child
        elif child.tag in _TRANSPARENT_BLOCK:
            yield from _children(child, local_name)


def _cell_text(tc) -> str:
    merge = tc.find(f"{_W}tcPr/{_W}vMerge")
    if merge is not None and merge.get(_W_VAL, "continue") == "continue":
        return ""
    return " ".join(" ".join(_story_lines(tc)).split())


def _story_lines(container) -> Iterator[str]:
    """The text lines of a cell, header or footer; a nested table gives one line per cell."""
    for element in _block_items(container):
        if element.tag == f"{_W}tbl":
            for row in _table_cells(element):
                yield from (cell for cell in row if cell)
        else:
            yield from _paragraph_lines(element)


# --- running headers and footers ---------------------------------------------------------------

def _running_texts(document, kind: str) -> list[str]:
    """The distinct texts of every section's headers (or footers) that show: the first-page one
    when the section has a distinct first page, even-page ones when the document uses them.
    One linked to the previous section repeats it, so it is skipped."""
    even_pages = document.settings.odd_and_even_pages_header_footer
    texts: list[str] = []
    for section in document.sections:
        shown = [getattr(section, kind)]
        if section.different_first_page_header_footer:
            shown.insert(0, getattr(section, f"first_page_{kind}"))
        if even_pages:
            shown.append(getattr(section, f"even_page_{kind}"))
        for story in shown:
            if story.is_linked_to_previous:
                continue
            text = "\n".join(_story_lines(story.part.element))
            if text and text not in texts:
                texts.append(text)
    return texts


def _assemble(headers: list[str], blocks: list[str], footers: list[str]) -> tuple[str, tuple[Furniture, ...]]:
    """Headers first and footers last, each one block named as furniture with its blank line,
    so removing them leaves the body exactly."""
    pieces: list[str] = []
    furniture: list[Furniture] = []
    pos = 0

    def add(piece: str, kind: str | None = None) -> None:
        nonlocal pos
        if kind:
            furniture.append(Furniture(kind, pos, pos + len(piece)))
        pieces.append(piece)
        pos += len(piece)

    for header in headers:
        add(header + "\n\n", "running_header")
    if blocks:
        add("\n\n".join(blocks) + ("\n\n" if footers else "\n"))
    for footer in footers:
        add(footer + "\n\n", "running_footer")
    return "".join(pieces), tuple(furniture)


# --- properties ---------------------------------------------------------------------------------

def _properties(document) -> Properties:
    """From the core properties part, when there is one: python-docx invents a title ("Word
    Document") for a file without it, which must not pass for the document's own."""
    try:
        part = document.part.package.part_related_by(RT.CORE_PROPERTIES)
    except KeyError:
        return Properties()
    core = part.core_properties
    return Properties(title=(core.title or "").strip() or None, authors=_authors(core.author),
                      created=_created(core.created), language=_language(core.language))


def _authors(author: str | None) -> tuple[str, ...]:
    """Several authors are separated by ";" in Word; a comma is part of a name ("Smith, John")."""
    names = (" ".join(name.split()) for name in (author or "").split(";"))
    return tuple(dict.fromkeys(n for n in names if n and n not in _PLACEHOLDER_AUTHORS))


def _created(created: datetime | None) -> date | None:
    if created is None or created == _PLACEHOLDER_CREATED or created.date() < _EARLIEST_CREATED:
        return None
    return created.date()


def _language(tag: str | None) -> str | None:
    m = _LANGUAGE_TAG.match((tag or "").strip())
    return m.group(1).lower() if m else None
