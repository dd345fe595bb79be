"""PDF reader: the text layer with pypdfium2, its layout for paragraphs and headings, ruled
tables with pdfplumber.

pypdfium2 reads hundreds of pages a second and keeps the column order; pdfplumber finds ruled
tables well but is slow on text, so it searches only the pages that draw enough straight lines
to hold a ruled table and sees only their paths, and pdfium reads the cells' text (`tables`). A
table's lines stay in `raw_text` and are named `Furniture("table")`, so its numbers never end up
in the paragraphs and nothing disappears unseen.

The text is pdfium's, page by page, with these changes only: line endings become LF and every
page ends with one, as pdftotext writes it; pdfium's line-break hyphen mark becomes the `-` and
line break printed on the page (the cleaning decides whether the word is joined); a blank line
goes where the layout separates paragraphs, and headings the layout marks (larger or bold type)
become `#` lines (`layout`, `blocks`). Page numbers, running headers and sentences cut by page
breaks stay: the cleaning rules remove and record them.

Footnotes are written in the markdown footnote syntax every reader shares (`notes`,
`tasks.domain.footnotes`): a marker in the body becomes `[^12]` glued to the word it follows,
and each note at a page's foot a paragraph `[^12]: text of the note` (its rule of underscores,
when printed, a line of its own above the notes). The reader chooses where the notes go in the
reading order, so that no note stands inside a sentence: a page's notes are written after the
paragraph that runs on from that page into the next (after its end on the next page), or, when
the page ended a sentence and the next page opens a paragraph, at the start of the next page's
body. The sentence cut by the page break then reads on once the running headers are gone, and
the cleaning rule `join_sentences_cut_by_page_breaks` rejoins it. The `footnotes` table keeps the
page each note is printed on (its first reference's). Lines some files give last although they
are printed at the top of the page (a masthead after the footnotes) are read first.
"""

from __future__ import annotations

from typing import Sequence

import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c

from tasks.domain.extract import ReadError
from tasks.domain.models import RawDocument, Table
from tasks.readers.pdf.blocks import write_text
from tasks.readers.pdf.budget import Budget
from tasks.readers.pdf.layout import Page, read_pages
from tasks.readers.pdf.properties import pdf_properties
from tasks.readers.pdf.tables import find_tables


def read_pdf(source_path: str, doc_id: str, data: bytes, time_budget_s: float) -> RawDocument:
    budget = Budget(source_path, time_budget_s)
    pdf = _open(source_path, data)
    try:
        pages = read_pages(pdf, budget)
        _refuse_without_text(source_path, pages)
        ruled = find_tables(pdf, pages, budget)
        raw_text, furniture = write_text(pages, ruled.lines)
        properties = pdf_properties(pdf)
    except pdfium.PdfiumError as e:
        # The document opened but a page or its text did not load: a damaged file.
        raise ReadError(
            "corrupt",
            f"{source_path}: part of this PDF cannot be read ({e}); "
            "re-download or re-export the complete file and put it back in the inbox",
        ) from e
    finally:
        pdf.close()
    tables = tuple(Table(no, t.page_index + 1, t.rows) for no, t in enumerate(ruled.found))
    return RawDocument(
        doc_id,
        source_path,
        "pdf",
        raw_text,
        "",
        n_pages=len(pages),
        furniture=furniture,
        tables=tables,
        properties=properties,
    )


def _open(source_path: str, data: bytes) -> pdfium.PdfDocument:
    try:
        return pdfium.PdfDocument(data)
    except pdfium.PdfiumError as e:
        code = getattr(e, "err_code", None)
        if code == pdfium_c.FPDF_ERR_PASSWORD:
            raise ReadError(
                "encrypted",
                f"{source_path}: the PDF is protected by a password; "
                "ask its author for an unprotected copy (or open it with the password and "
                "save it without one) and put that in the inbox",
            ) from e
        if code == pdfium_c.FPDF_ERR_SECURITY:
            raise ReadError(
                "encrypted",
                f"{source_path}: the PDF uses an encryption scheme that cannot "
                "be opened here; save an unprotected copy and put that in the inbox",
            ) from e
        raise ReadError("corrupt", f"{source_path}: {_why_unreadable(data, e)}") from e


def _why_unreadable(data: bytes, error: Exception) -> str:
    # pdfium accepts the %PDF header anywhere in the first kilobyte.
    if b"%PDF-" not in data[:1024]:
        return (
            f"the file is not a PDF, although its name says so ({error}); find the real document "
            "or give the file the extension of its real format"
        )
    return (
        f"the PDF is damaged or incomplete, e.g. an interrupted download ({error}); "
        "re-download or re-export the complete file and put it back in the inbox"
    )


def _refuse_without_text(source_path: str, pages: Sequence[Page]) -> None:
    if any(p.text.strip() for p in pages):
        return
    if any(p.has_images for p in pages):
        raise ReadError(
            "no_text_layer",
            f"{source_path}: the PDF holds only images of pages (a scan) and "
            "no text; run OCR on it (e.g. `ocrmypdf in.pdf out.pdf`) and put the result in the inbox",
        )
    raise ReadError(
        "empty",
        f"{source_path}: the PDF has {len(pages)} page(s) but no text and no images; "
        "check that the right file was exported and replace it with the complete document",
    )


__all__ = ["read_pdf"]
