"""The PDF reader on real PDFs made by fpdf2: the text layer page by page, ruled tables named as
furniture, what the file says about itself, and a typed, actionable error for every PDF that
cannot be read."""
from __future__ import annotations

import resource
from datetime import date

import pytest

from tasks.domain.cleaning.rules.words import join_words_broken_by_hyphenation
from tasks.domain.extract import ReadError
from tasks.domain.models import RawDocument, SourceFile
from tasks.readers import read_document
from tasks.readers.pdf import read_pdf
from tests.builders import pdfs

pytestmark = pytest.mark.unit

BUDGET_S = 120.0


def read(data: bytes, path: str = "reports/meeting.pdf", budget: float = BUDGET_S) -> RawDocument:
    return read_pdf(path, "doc-1", data, budget)


def failure(data: bytes, path: str = "reports/meeting.pdf", budget: float = BUDGET_S) -> ReadError:
    with pytest.raises(ReadError) as caught:
        read(data, path, budget)
    assert path in str(caught.value)
    return caught.value


@pytest.fixture(scope="module", params=["en", "es"])
def sample(request) -> pdfs.SampleReport:
    return pdfs.sample_report_pdf(request.param)


@pytest.fixture(scope="module")
def doc(sample) -> RawDocument:
    return read(sample.pdf)


# --- pages and text ---------------------------------------------------------------------------

def test_a_raw_document_of_format_pdf(doc):
    assert (doc.doc_id, doc.source_path, doc.source_format, doc.encoding) == (
        "doc-1", "reports/meeting.pdf", "pdf", "")


def test_pages_are_joined_by_one_form_feed(sample, doc):
    pages = doc.raw_text.split("\f")
    assert doc.n_pages == sample.n_pages == len(pages) == 3
    assert all(p.strip() for p in pages)
    assert not doc.raw_text.endswith("\f")


def test_line_endings_are_lf_and_no_pdfium_marks_are_left(doc):
    assert "\r" not in doc.raw_text
    assert "\ufffe" not in doc.raw_text and "\x02" not in doc.raw_text


def test_the_text_comes_in_reading_order(sample, doc):
    markers = [sample.hyphen_first + "-", sample.cut_before, "\f", sample.cut_after, sample.before_table,
               sample.table[1][0], sample.after_table, "\f"]
    positions, start = [], 0
    for marker in markers:
        start = doc.raw_text.index(marker, start)
        positions.append(start)
    assert positions == sorted(positions)


def test_running_headers_and_page_numbers_are_left_for_the_cleaning(sample, doc):
    for n, page in enumerate(doc.raw_text.split("\f"), start=1):
        assert page.startswith(sample.header + "\n")
        assert page.endswith(f"\nPage {n}")


def test_a_sentence_cut_by_the_page_break_is_left_cut(sample, doc):
    first, second = doc.raw_text.split("\f")[:2]
    assert first.endswith(f"{sample.cut_before}\nPage 1")
    assert second.startswith(f"{sample.header}\n{sample.cut_after}")


def test_a_hyphen_at_a_line_end_comes_back_as_printed(sample, doc):
    broken = f"{sample.hyphen_first}-\n{sample.hyphen_second}"
    assert broken in doc.raw_text


def test_the_hyphenation_rule_joins_the_word_the_reader_gave_back(sample, doc):
    start = doc.raw_text.index(f"{sample.hyphen_first}-\n")
    edits = [e for e in join_words_broken_by_hyphenation(doc.raw_text) if start <= e.start < start + 20]
    assert [doc.raw_text[e.start:e.end] for e in edits] == ["-\n"]


@pytest.mark.parametrize("pdfium_text,expected", [
    ("migra\ufffetion policy\r\nnext", "migra-\ntion policy\nnext"),
    ("migra\ufffe\r\ntion", "migra-\ntion"),  # a mark before a line break: one break, no blank line
    ("old\x02style mark", "old-\nstyle mark"),
    ("a\rb\n\nc", "a\nb\n\nc"),
    ("last line-", "last line-"),  # a hyphen at the end of a page is printed as is
])
def test_pdfium_line_ends_and_hyphen_marks(pdfium_text, expected):
    from tasks.readers.pdf import _normalise  # what the reader does to pdfium's text, and only that

    assert _normalise(pdfium_text, None) == (expected, [])


def test_letters_and_accents_survive(doc):
    assert "migration" in doc.raw_text or "migración" in doc.raw_text
    assert "Ã" not in doc.raw_text


# --- tables -----------------------------------------------------------------------------------

def test_a_ruled_table_lands_in_tables_with_its_page(sample, doc):
    assert len(doc.tables) == 1
    table = doc.tables[0]
    assert (table.table_no, table.page, table.cells) == (0, sample.table_page, sample.table)


def test_the_table_text_is_named_furniture_on_whole_lines(sample, doc):
    assert [f.kind for f in doc.furniture] == ["table"]
    span = doc.furniture[0]
    named = doc.raw_text[span.raw_start:span.raw_end]
    assert doc.raw_text[span.raw_start - 1] == "\n" and named.endswith("\n")
    for row in sample.table:
        assert " ".join(row) + "\n" in named
    page = doc.raw_text.count("\f", 0, span.raw_start) + 1
    assert page == sample.table_page


def test_the_paragraphs_around_the_table_are_not_furniture(sample, doc):
    for paragraph in (sample.before_table, sample.after_table, sample.cut_after):
        at = doc.raw_text.index(paragraph)
        assert not any(f.raw_start < at + len(paragraph) and at < f.raw_end for f in doc.furniture)


def test_furniture_spans_are_sorted_and_disjoint():
    data = pdfs.report_pdf([[pdfs.sample_report_pdf("en").table, "Between the tables.", (("a", "b"), ("1", "2"))],
                            ["No table here."], [(("x", "y"), ("3", "4"))]])
    doc = read(data)
    spans = [(f.raw_start, f.raw_end) for f in doc.furniture]
    assert len(doc.tables) == 3 and [t.page for t in doc.tables] == [1, 1, 3]
    assert spans == sorted(spans)
    assert all(a_end <= b_start for (_, a_end), (b_start, _) in zip(spans, spans[1:]))
    assert "Between the tables." not in "".join(doc.raw_text[s:e] for s, e in spans)


@pytest.mark.parametrize("degrees", [90, 180, 270])
def test_a_table_on_a_turned_page_is_still_named(degrees):
    sample = pdfs.sample_report_pdf("en")
    doc = read(pdfs.with_page_rotated(sample.pdf, sample.table_page, degrees))
    assert len(doc.tables) == 1 and doc.tables[0].page == sample.table_page
    named = "".join(doc.raw_text[f.raw_start:f.raw_end] for f in doc.furniture)
    assert all(cell in named for row in sample.table for cell in row)
    assert sample.after_table not in named and sample.before_table not in named


def test_a_framed_box_of_one_column_is_not_a_table():
    # three framed lines draw enough rules for pdfplumber to look, and find one column
    box = (("Only one cell in a frame",), ("and another",), ("and a third",))
    doc = read(pdfs.report_pdf([["Before.", box, "After."]]))
    assert doc.tables == () and doc.furniture == ()
    assert "and a third" in doc.raw_text


def test_text_pages_with_a_header_rule_are_not_searched_for_tables():
    from tasks.readers.pdf import _read_pages, _Budget  # the cheap signal that spares pdfplumber
    import pypdfium2

    sample = pdfs.sample_report_pdf("en")
    pdf = pypdfium2.PdfDocument(sample.pdf)
    try:
        ruled = [p.ruled for p in _read_pages(pdf, _Budget("x.pdf", BUDGET_S))]
    finally:
        pdf.close()
    assert ruled == [n == sample.table_page for n in range(1, sample.n_pages + 1)]


# --- properties -------------------------------------------------------------------------------

def test_properties_come_from_the_info_dictionary_and_catalog(sample, doc):
    p = doc.properties
    assert (p.title, p.authors, p.created, p.language) == (
        sample.title, sample.authors, sample.created, sample.language)


@pytest.mark.parametrize("title", ["Microsoft Word - informe_final.docx", "untitled", "informe-2024.pdf",
                                   "Document1", "   "])
def test_a_file_name_or_placeholder_is_no_title(title):
    doc = read(pdfs.report_pdf([["Some text about migration."]], title=title))
    assert doc.properties.title is None


def test_missing_properties_are_none():
    doc = read(pdfs.report_pdf([["Some text about migration."]]))
    p = doc.properties
    assert (p.title, p.authors, p.language) == (None, (), None)


def test_a_language_tag_is_reduced_to_its_language():
    doc = read(pdfs.report_pdf([["Texte sur la migration."]], language="fr-CA", created=date(2022, 1, 31)))
    assert (doc.properties.language, doc.properties.created) == ("fr", date(2022, 1, 31))


# --- failures ---------------------------------------------------------------------------------

def test_a_password_protected_pdf_is_encrypted():
    error = failure(pdfs.encrypted_pdf())
    assert error.error_type == "encrypted"
    assert "password" in str(error) and "unprotected copy" in str(error)


def test_a_pdf_encrypted_only_against_copying_is_read():
    doc = read(pdfs.encrypted_pdf(user_password=""))
    assert "list of participants" in doc.raw_text


def test_a_truncated_pdf_is_corrupt_and_says_why():
    error = failure(pdfs.truncated_pdf())
    assert error.error_type == "corrupt"
    assert "damaged or incomplete" in str(error) and "PDFium" in str(error) and "re-download" in str(error)


def test_a_file_that_is_no_pdf_is_corrupt():
    error = failure(pdfs.not_a_pdf())
    assert error.error_type == "corrupt"
    assert "not a PDF" in str(error) and "real format" in str(error)


def test_garbage_after_a_pdf_header_is_corrupt():
    error = failure(b"%PDF-1.7\n" + bytes(range(256)) * 8)
    assert error.error_type == "corrupt"


def test_a_scan_without_text_needs_ocr():
    error = failure(pdfs.scan_pdf())
    assert error.error_type == "no_text_layer"
    assert "OCR" in str(error) and "ocrmypdf" in str(error) and "inbox" in str(error)


def test_blank_pages_are_empty():
    error = failure(pdfs.blank_pdf())
    assert error.error_type == "empty"
    assert "no text and no images" in str(error) and "replace it" in str(error)


def test_reading_past_the_time_budget_stops_with_pages_read():
    error = failure(pdfs.long_pdf(50), budget=0.0)
    assert error.error_type == "time_budget"
    assert "of 50 pages" in str(error) and "time budget of 0 s" in str(error) and "split" in str(error)


def test_read_document_sends_pdfs_here():
    data = pdfs.sample_report_pdf("en").pdf
    doc = read_document(SourceFile("inbox/report.pdf", len(data), 0, "doc-2"), data)
    assert (doc.source_format, doc.doc_id, doc.n_pages) == ("pdf", "doc-2", 3)


# --- size -------------------------------------------------------------------------------------

@pytest.mark.unit
def test_a_500_page_pdf_reads_in_bounded_memory():
    data = pdfs.long_pdf(500)
    peak_before_kb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    doc = read(data)
    grown_mb = (resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - peak_before_kb) / 1024
    assert doc.n_pages == 500 and doc.raw_text.count("\f") == 499
    assert doc.raw_text.rstrip().endswith("- 500 -")
    assert doc.tables == ()
    # every page is closed after use: the peak grows by the text, not by 500 parsed pages
    assert grown_mb < 150
