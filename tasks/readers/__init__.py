"""Readers: the bytes of one file to a RawDocument, one module per format.

What every reader promises (the stages after it rely on it):
- `raw_text` has LF line endings; paragraphs are separated by a blank line. Paged formats
  join their pages with one form feed (`\\f`) and set `n_pages`.
- Headings the file marks as such (Word heading styles, HTML `<h1>`–`<h6>`) are written as
  `#` lines (`## Background`, one `#` per level) and list items as `- ` lines, so the one
  structure stage gives them their role for every format.
- Text the reader knows is not body (Word headers and footers, a web page's navigation, the
  cells of a table printed in a PDF's text layer) stays in `raw_text` and is named in
  `furniture`: the cleaning removes it and records it, so nothing disappears unseen. Spans
  are sorted, never overlap, and take their line ending with them.
- Tables go to `tables` (a Word table's cells are only there: they are not text of the body);
  what the file says about itself goes to `properties`.
- A file that cannot be read raises `ReadError` with a typed `error_type`.
"""

from __future__ import annotations

from pathlib import Path

from tasks.domain.budget import DEFAULT_MEMORY_BUDGET_MB, DEFAULT_TIME_BUDGET_S
from tasks.domain.discover import source_format
from tasks.domain.extract import ReadError, read_text
from tasks.domain.models import RawDocument, SourceFile
from tasks.io.files import read_as_hashed


def read_document(f: SourceFile, data: bytes, time_budget_s: float = DEFAULT_TIME_BUDGET_S) -> RawDocument:
    fmt = source_format(f.source_path)
    if fmt is None:
        raise ReadError(
            "unsupported_format",
            f"{f.source_path}: this kind of file is not ingested (supported: "
            ".txt, .md, .pdf, .docx, .html); move it out of the inbox or convert it",
        )
    if not data:
        raise ReadError("empty", f"{f.source_path}: the file is empty (0 bytes); replace it with the complete document")
    if fmt == "pdf":
        from tasks.readers.pdf import read_pdf

        return read_pdf(f.source_path, f.doc_id, data, time_budget_s)
    if fmt == "docx":
        from tasks.readers.docx import read_docx

        return read_docx(f.source_path, f.doc_id, data)
    if fmt == "html":
        from tasks.readers.html import read_html

        return read_html(f.source_path, f.doc_id, data)
    return read_text(f.source_path, f.doc_id, data, fmt)


def read_inbox_file(f: SourceFile, inbox: Path, time_budget_s: float = DEFAULT_TIME_BUDGET_S) -> RawDocument:
    """One inbox file read and turned into a RawDocument: what a worker process runs for the
    extract stage (here, not in tasks/extract.py, so that workers do not import Prefect)."""
    return read_document(f, read_as_hashed(inbox, f), time_budget_s)


__all__ = ["DEFAULT_MEMORY_BUDGET_MB", "DEFAULT_TIME_BUDGET_S", "ReadError", "read_document", "read_inbox_file"]
