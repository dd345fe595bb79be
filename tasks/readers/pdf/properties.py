"""What a PDF says about itself: the info dictionary's title, authors and creation date, and
the catalog's language."""

from __future__ import annotations

import ctypes
import re
from datetime import date

import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c

from tasks.domain.models import Properties

_JUNK_TITLE = re.compile(
    r"^(?:microsoft (?:word|powerpoint|excel) - .*|untitled\d*|sin t[ií]tulo|sans titre|document\d*"
    r"|.*\.(?:docx?|pdf|rtf|odt|txt|pptx?|xlsx?|indd|tmp))$",
    re.I,
)
# A date needs its day: "D:2024" alone would become 1 January, a date the file never gave.
_PDF_DATE = re.compile(r"^(?:D:)?(\d{4})(\d{2})(\d{2})")
_LANGUAGE = re.compile(r"^([A-Za-z]{2})(?:[-_].*)?$")


def pdf_properties(pdf: pdfium.PdfDocument) -> Properties:
    info = pdf.get_metadata_dict()
    return Properties(
        title=_title(info.get("Title", "")),
        authors=_authors(info.get("Author", "")),
        created=_pdf_date(info.get("CreationDate", "")),
        language=_language(_catalog_language(pdf)),
    )


def _title(value: str) -> str | None:
    title = " ".join(value.split())
    # word processors fill the title with the file name or a placeholder
    return title if title and not _JUNK_TITLE.match(title) else None


def _authors(value: str) -> tuple[str, ...]:
    return tuple(a for a in (" ".join(part.split()) for part in value.split(";")) if a)


def _pdf_date(value: str) -> date | None:
    m = _PDF_DATE.match(value.strip())
    if not m:
        return None
    try:
        return date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
    except ValueError:
        return None


def _catalog_language(pdf: pdfium.PdfDocument) -> str:
    size = pdfium_c.FPDFCatalog_GetLanguage(pdf.raw, None, 0)
    if size <= 2:  # nothing but the terminating NUL
        return ""
    buffer = ctypes.create_string_buffer(size)
    pdfium_c.FPDFCatalog_GetLanguage(pdf.raw, ctypes.cast(buffer, ctypes.POINTER(pdfium_c.FPDF_WCHAR)), size)
    return buffer.raw.decode("utf-16-le", errors="ignore").rstrip("\x00")


def _language(tag: str) -> str | None:
    m = _LANGUAGE.match(tag.strip())
    return m.group(1).lower() if m else None
