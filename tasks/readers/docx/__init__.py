"""Word (.docx) reader: the body in document order, headings as `#` lines, list items as `- `
lines, tables to `tables`, footnotes and endnotes as markdown footnotes (`[^N]` where referenced,
`[^N]: text` blocks after the body; see `notes`), running headers and footers kept in the text
as furniture.

A .docx is a zip of XML parts. The zip is checked before python-docx opens it (a renamed .doc,
a zip bomb, a damaged member), so a hostile or broken file fails with a typed error instead of
exhausting memory or surfacing as a stack trace.

The text is taken from the XML rather than `Paragraph.text`, because python-docx's text
drops tracked insertions and content controls (`w:ins`, `w:sdt`) and keeps hidden text:
what is read here is what the reader of the document sees on the page.
"""

from __future__ import annotations

import io

import docx

from tasks.domain.extract import ReadError
from tasks.domain.models import RawDocument
from tasks.readers.docx.body import read_body
from tasks.readers.docx.furniture import assemble, running_texts
from tasks.readers.docx.notes import read_notes
from tasks.readers.docx.package import (
    MAX_COMPRESSION_RATIO,
    MAX_MEMBERS,
    MAX_UNCOMPRESSED_BYTES,
    RATIO_CHECKED_FROM_BYTES,
    check_package,
)
from tasks.readers.docx.properties import read_properties


def read_docx(source_path: str, doc_id: str, data: bytes) -> RawDocument:
    check_package(source_path, data)
    try:
        document = docx.Document(io.BytesIO(data))
        notes = read_notes(document)
        blocks, tables = read_body(document, notes)
        headers, footers = running_texts(document, "header"), running_texts(document, "footer")
        properties = read_properties(document)
    except Exception as e:  # python-docx and lxml raise many types on a damaged part
        if "Excessive depth" in str(e):  # libxml2's limit on nesting, not damage: repairing will not help
            raise ReadError(
                "too_deep",
                f"{source_path}: the Word document nests its elements (tables inside tables) deeper "
                "than the XML parser reads (256 levels); flatten the nested tables and save it again",
            ) from e
        raise ReadError(
            "corrupt",
            f"{source_path}: the Word document is damaged and cannot be read "
            f"({type(e).__name__}: {e}); open it in Word or LibreOffice, let it repair the "
            "file, and save it again as .docx",
        ) from e
    if not blocks and not tables:
        raise ReadError(
            "empty",
            f"{source_path}: the Word document has no text in its body (it is blank "
            "or holds only images, such as scanned pages); replace it with a version that "
            "has text, or run OCR on the scans and save the result",
        )
    text, furniture = assemble(headers, blocks + notes.blocks(), footers)
    return RawDocument(doc_id, source_path, "docx", text, "", None, furniture, tables, properties)


__all__ = ["MAX_COMPRESSION_RATIO", "MAX_MEMBERS", "MAX_UNCOMPRESSED_BYTES", "RATIO_CHECKED_FROM_BYTES", "read_docx"]
