"""The PDF reader on real PDFs made by fpdf2: the text layer page by page, paragraphs and
headings from its layout, ruled tables named as furniture, what the file says about itself,
and a typed, actionable error for every PDF that cannot be read."""

from __future__ import annotations

import re
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
    assert (doc.doc_id, doc.source_path, doc.source_format, doc.encoding) == ("doc-1", "reports/meeting.pdf", "pdf", "")


def test_pages_are_joined_by_one_form_feed(sample, doc):
    pages = doc.raw_text.split("\f")
    assert doc.n_pages == sample.n_pages == len(pages) == 3
    assert all(p.strip() for p in pages)
    assert not doc.raw_text.endswith("\f")


def test_every_page_ends_with_a_line_end(doc):
    # as pdftotext writes it: a page's last line is a whole line, the form feed comes after it
    assert all(page.endswith("\n") and not page.endswith("\n\n") for page in doc.raw_text.split("\f"))


def test_line_endings_are_lf_and_no_pdfium_marks_are_left(doc):
    assert "\r" not in doc.raw_text
    assert "\ufffe" not in doc.raw_text and "\x02" not in doc.raw_text


def test_the_text_comes_in_reading_order(sample, doc):
    markers = [
        sample.hyphen_first + "-",
        sample.cut_before,
        "\f",
        sample.cut_after,
        sample.before_table,
        sample.table[1][0],
        sample.after_table,
        "\f",
    ]
    positions, start = [], 0
    for marker in markers:
        start = doc.raw_text.index(marker, start)
        positions.append(start)
    assert positions == sorted(positions)


def test_running_headers_and_page_numbers_are_left_for_the_cleaning(sample, doc):
    # plain lines, apart from the body by the gap the page leaves around them
    for n, page in enumerate(doc.raw_text.split("\f"), start=1):
        assert page.startswith(sample.header + "\n\n")
        assert page.endswith(f"\n\nPage {n}\n")


def test_a_sentence_cut_by_the_page_break_is_left_cut(sample, doc):
    first, second = doc.raw_text.split("\f")[:2]
    assert first.endswith(f"{sample.cut_before}\n\nPage 1\n")
    assert second.startswith(f"{sample.header}\n\n{sample.cut_after}")


def test_a_hyphen_at_a_line_end_comes_back_as_printed(sample, doc):
    broken = f"{sample.hyphen_first}-\n{sample.hyphen_second}"
    assert broken in doc.raw_text


def test_the_hyphenation_rule_joins_the_word_the_reader_gave_back(sample, doc):
    start = doc.raw_text.index(f"{sample.hyphen_first}-\n")
    edits = [e for e in join_words_broken_by_hyphenation(doc.raw_text) if start <= e.start < start + 20]
    assert [doc.raw_text[e.start : e.end] for e in edits] == ["-\n"]


@pytest.mark.parametrize(
    "pdfium_text,expected",
    [
        ("migra\ufffetion policy\r\nnext", "migra-\ntion policy\nnext\n"),
        ("migra\ufffe\r\ntion", "migra-\ntion\n"),  # a mark before a line break: one break, no blank line
        ("old\x02style mark", "old-\nstyle mark\n"),
        ("a\rb\n\nc", "a\nb\n\nc\n"),
        ("last line-", "last line-\n"),  # a hyphen at the end of a page is printed as is
        ("ends with its break\r\n", "ends with its break\n"),
    ],
)
def test_pdfium_line_ends_and_hyphen_marks(pdfium_text, expected):
    # what the reader does to pdfium's lines, before the layout adds blank lines and `#` marks
    from tasks.readers.pdf.layout import Line, split_lines

    assert (
        "".join(Line(start, content, hyphen, None).text for start, content, hyphen in split_lines(pdfium_text))
        == expected
    )


def test_letters_and_accents_survive(doc):
    assert "migration" in doc.raw_text or "migración" in doc.raw_text
    assert "Ã" not in doc.raw_text


# --- paragraphs and headings from the layout -----------------------------------------------------


def headings(raw_text: str) -> list[tuple[int, str]]:
    return [(len(m.group(1)), m.group(2)) for m in re.finditer(r"(?m)(?:^|(?<=\f))(#+) (.*)$", raw_text)]


def blocks(page: str) -> list[str]:
    """A page's blocks: what blank lines keep apart."""
    return [b.strip("\n") for b in page.split("\n\n") if b.strip()]


def test_headings_are_hash_lines_with_their_levels(sample, doc):
    # 16 pt bold title on two lines -> 1, 14 pt bold -> 2, 12 pt bold -> 3
    assert headings(doc.raw_text) == list(sample.headings)


def test_paragraphs_and_headings_are_blocks_apart(sample, doc):
    for n, (page, outline) in enumerate(zip(doc.raw_text.split("\f"), sample.outline), start=1):
        found = blocks(page)
        assert found[0] == sample.header and found[-1] == f"Page {n}"
        assert [b if b.startswith("#") else " ".join(b.split())[:30] for b in found[1:-1]] == list(outline)


def test_a_paragraph_keeps_its_lines_together(sample, doc):
    # no blank line where a line only wrapped: the paragraph with the hyphenated word is one block of three lines
    [block] = [b for b in blocks(doc.raw_text) if f"{sample.hyphen_first}-\n{sample.hyphen_second}" in b]
    assert block.count("\n") == 2 and block.endswith(".")


def test_a_running_header_and_footer_in_large_bold_type_are_no_headings():
    pages = [
        [
            pdfs.heading(f"{n}. Part {n}", 2),
            "The body text of this part runs over a line of the page in the "
            "body font of the report, as body text does.",
        ]
        for n in (1, 2, 3)
    ]
    doc = read(
        pdfs.report_pdf(pages, header="Regional Consultation 2024", header_font=("B", 16), footer_font=("B", 14))
    )
    assert headings(doc.raw_text) == [(1, "1. Part 1"), (1, "2. Part 2"), (1, "3. Part 3")]
    for n, page in enumerate(doc.raw_text.split("\f"), start=1):
        assert page.startswith("Regional Consultation 2024\n\n") and page.endswith(f"\n\nPage {n}\n")


def test_a_heading_atop_each_page_is_no_running_header():
    pages = [
        [
            pdfs.heading(title, 1),
            "The body text of this part runs over a line of the page in the body "
            "font of the report, as body text does.",
        ]
        for title in ("Opening", "Arrivals", "Conclusions")
    ]
    doc = read(pdfs.report_pdf(pages, footer=None))
    assert headings(doc.raw_text) == [(1, "Opening"), (1, "Arrivals"), (1, "Conclusions")]


def test_short_lines_in_body_font_bold_sentences_and_large_blocks_are_no_headings():
    styled = pdfs.Styled
    page = [
        "List of participants",  # short, no final period, body font
        "The delegations of the following States took part in the meeting and in its working groups.",
        styled("This bold sentence is a paragraph of its own.", 11, "B"),  # ends with a period
        styled(
            "The meeting heard statements from the delegations\n**on the protection of migrant children**\n"
            "and from the observers, who spoke after them.",
            11,
            "",
            markdown=True,
        ),  # bold inside a paragraph
        styled(
            "A statement printed in large type runs over three lines of the page, as a quotation set "
            "apart from the text might, and it is not a heading of the report at all",
            16,
            "",
        ),
        "The report closes with the list of documents.",
    ]
    doc = read(pdfs.report_pdf([page]))
    assert headings(doc.raw_text) == []
    assert [" ".join(b.split())[:20] for b in blocks(doc.raw_text)] == [
        "List of participants",
        "The delegations of t",
        "This bold sentence i",
        "The meeting heard st",
        "A statement printed ",
        "The report closes wi",
        "Page 1",
    ]


def test_a_bold_line_at_body_size_is_the_deepest_heading():
    page = [
        pdfs.heading("2. Arrivals", 2),
        "The arrivals were registered at the border crossings of the region by the national migration "
        "services, every month, and sent to the secretariat at the end of each quarter.",
        pdfs.Styled("Data sources"),
        "Border records and household surveys were compared for every State, and the differences between "
        "them were explained by the definitions each State uses for a regular entry.",
    ]
    doc = read(pdfs.report_pdf([page]))
    assert headings(doc.raw_text) == [(1, "2. Arrivals"), (2, "Data sources")]


def test_sizes_set_by_the_text_matrix_count():
    # `/F1 1 Tf` scaled to 16 pt and 11 pt by the matrix, as layout programs write it
    doc = read(pdfs.matrix_sized_pdf())
    assert doc.raw_text.startswith("# Background\n\n## Sources of the data\n\n")
    assert [b.split("\n")[0] for b in blocks(doc.raw_text)][2:] == [
        "The working group compared the figures of eleven States",
        "It agreed on a common calendar for the publication",
    ]


def test_two_columns_read_in_order_with_their_paragraphs():
    columns = pdfs.two_column_pdf()
    doc = read(columns.pdf)
    found = blocks(doc.raw_text)
    assert found[0] == "# " + columns.title
    # a paragraph that ends the left column ends there; one that goes on in the right column goes on
    assert [" ".join(b.split()) for b in found[1:]] == list(columns.paragraphs)
    left, right = columns.across_columns
    assert f"{left}\n{right}" in doc.raw_text


@pytest.mark.parametrize("page_no", [1, 2])
@pytest.mark.parametrize("degrees", [90, 180, 270])
def test_a_turned_page_reads_as_the_upright_one(degrees, page_no):
    # pdfium alone reads a page turned by 90 bottom line first, and a row's cells right to left at 180
    sample = pdfs.sample_report_pdf("en")
    upright = read(sample.pdf)
    turned = read(pdfs.with_page_rotated(sample.pdf, page_no, degrees))
    assert turned.raw_text == upright.raw_text and turned.furniture == upright.furniture


@pytest.mark.parametrize("degrees", [90, 180, 270])
def test_text_printed_sideways_keeps_its_headings_and_paragraphs(degrees):
    # the text matrix turns (at 270 pdfium gives the lines bottom to top: their baselines put them back)
    text = (
        "The arrivals at the northern crossing grew in each of the three years, while those at the "
        "coastal port stayed close to their level of 2021, as the table of the annex shows."
    )
    doc = read(
        pdfs.turned_text_pdf([pdfs.heading("Arrivals by crossing", 2), text, "Returns were not counted."], degrees)
    )
    assert [" ".join(b.split()) for b in blocks(doc.raw_text)] == [
        "# Arrivals by crossing",
        text,
        "Returns were not counted.",
    ]


# --- tables -----------------------------------------------------------------------------------


def test_a_ruled_table_lands_in_tables_with_its_page(sample, doc):
    assert len(doc.tables) == 1
    table = doc.tables[0]
    assert (table.table_no, table.page, table.cells) == (0, sample.table_page, sample.table)


def test_the_table_text_is_named_furniture_on_whole_lines(sample, doc):
    assert [f.kind for f in doc.furniture] == ["table"]
    span = doc.furniture[0]
    named = doc.raw_text[span.raw_start : span.raw_end]
    # exactly the table's lines: no blank line inside, the blank lines around it outside
    assert named == "".join(" ".join(row) + "\n" for row in sample.table)
    assert doc.raw_text[span.raw_start - 2 : span.raw_start] == "\n\n" and doc.raw_text[span.raw_end] == "\n"
    page = doc.raw_text.count("\f", 0, span.raw_start) + 1
    assert page == sample.table_page


def test_the_paragraphs_around_the_table_are_not_furniture(sample, doc):
    for paragraph in (sample.before_table, sample.after_table, sample.cut_after):
        at = doc.raw_text.index(paragraph)
        assert not any(f.raw_start < at + len(paragraph) and at < f.raw_end for f in doc.furniture)


def test_furniture_spans_are_sorted_and_disjoint():
    data = pdfs.report_pdf(
        [
            [pdfs.sample_report_pdf("en").table, "Between the tables.", (("a", "b"), ("1", "2"))],
            ["No table here."],
            [(("x", "y"), ("3", "4"))],
        ]
    )
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
    named = "".join(doc.raw_text[f.raw_start : f.raw_end] for f in doc.furniture)
    assert all(cell in named for row in sample.table for cell in row)
    assert sample.after_table not in named and sample.before_table not in named


@pytest.mark.parametrize("degrees", [90, 180, 270])
def test_a_table_on_a_turned_page_reads_as_printed(degrees):
    # the page turned by /Rotate alone: its table is read the way its text reads, row by row
    sample = pdfs.sample_report_pdf("en")
    doc = read(pdfs.with_page_rotated(sample.pdf, sample.table_page, degrees))
    assert [t.cells for t in doc.tables] == [sample.table]


@pytest.mark.parametrize("turned_by_rotate", [False, True])
@pytest.mark.parametrize("degrees", [90, 180, 270])
def test_a_table_printed_sideways_reads_row_by_row(degrees, turned_by_rotate):
    # a landscape table: the text matrix turns it; /Rotate may turn the page back upright on screen
    rows = (
        ("Border crossing", "2021", "2022"),
        ("Northern crossing", "12,430", "15,872"),
        ("Coastal port", "3,905", "4,117"),
    )
    data = _sideways_table_pdf(rows, degrees)
    doc = read(pdfs.with_page_rotated(data, 1, degrees) if turned_by_rotate else data)
    assert [t.cells for t in doc.tables] == [rows]


def _sideways_table_pdf(rows, degrees: int) -> bytes:
    from fpdf import FPDF

    pdf = FPDF(format="A4")
    pdf.add_page()
    pdf.set_font("Helvetica", "", 10)
    with pdf.rotation(degrees, x=pdf.w / 2, y=pdf.h / 2):
        pdf.set_y(90)
        pdf.multi_cell(
            150, 5, "Arrivals by crossing, as registered by the border authorities. " * 2, new_x="LMARGIN", new_y="NEXT"
        )
        with pdf.table(width=150, first_row_as_headings=False) as table:
            for cells in rows:
                row = table.row()
                for cell in cells:
                    row.cell(cell)
    return bytes(pdf.output())


_PROSE = (
    "The delegations reviewed the arrivals at each border crossing, the registrations of requests "
    "for international protection and the capacity of the reception centres, 2021 to 2023. "
)


def test_a_table_among_long_paragraphs_keeps_its_cells():
    # the cells' text is read on the page, box by box: none of the prose around them gets in
    table = pdfs.sample_report_pdf("en").table
    doc = read(pdfs.report_pdf([[_PROSE * 4, _PROSE * 3, table, _PROSE * 4, _PROSE * 3]]))
    assert [t.cells for t in doc.tables] == [table]
    [span] = doc.furniture
    assert doc.raw_text[span.raw_start : span.raw_end] == "".join(" ".join(row) + "\n" for row in table)


def test_a_table_drawn_in_a_form_xobject_keeps_its_cells():
    # imposition tools and placed graphics draw a page inside a form XObject, scaled and moved
    sample = pdfs.sample_report_pdf("en")
    doc = read(_in_forms(sample.pdf))
    assert [(t.page, t.cells) for t in doc.tables] == [(sample.table_page, sample.table)]
    named = "".join(doc.raw_text[f.raw_start : f.raw_end] for f in doc.furniture)
    assert named == "".join(" ".join(row) + "\n" for row in sample.table)


def _in_forms(data: bytes) -> bytes:
    """The PDF with each page drawn as a form XObject, scaled by 0.9 and moved."""
    import io

    import pypdfium2

    source, out = pypdfium2.PdfDocument(data), pypdfium2.PdfDocument.new()
    try:
        for index in range(len(source)):
            width, height = source[index].get_size()
            form = source.page_as_xobject(index, out).as_pageobject()
            form.transform(pypdfium2.PdfMatrix().scale(0.9, 0.9).translate(20, 30))
            page = out.new_page(width, height)
            page.insert_obj(form)
            page.gen_content()
        buffer = io.BytesIO()
        out.save(buffer)
        return buffer.getvalue()
    finally:
        out.close()
        source.close()


@pytest.mark.parametrize("in_forms", [False, True])
def test_pdfplumber_reads_no_characters_of_a_table_page(in_forms):
    # what makes a table page cheap: pdfplumber sees the page's paths only (form XObjects too)
    import io

    import pdfplumber
    import pypdfium2

    from tasks.readers.pdf.tables import _paths_only

    sample = pdfs.sample_report_pdf("en")
    pdf = pypdfium2.PdfDocument(_in_forms(sample.pdf) if in_forms else sample.pdf)
    try:
        copy = _paths_only(pdf, sample.table_page - 1, 0)
    finally:
        pdf.close()
    with pdfplumber.open(io.BytesIO(copy)) as plumber:
        page = plumber.pages[0]
        assert page.chars == [] and len(page.find_tables()) == 1


def test_a_framed_box_of_one_column_is_not_a_table():
    # three framed lines draw enough rules for pdfplumber to look, and find one column
    box = (("Only one cell in a frame",), ("and another",), ("and a third",))
    doc = read(pdfs.report_pdf([["Before.", box, "After."]]))
    assert doc.tables == () and doc.furniture == ()
    assert "and a third" in doc.raw_text


_BOX_PROSE = (
    "The delegations reviewed the arrivals at each border crossing and agreed that the reception "
    "centres need more staff. They asked the secretariat to report on progress at the next meeting."
)
_BOX_PROSE_2 = (
    "Participants stressed that regular pathways reduce the risks faced by migrants. The working "
    "group will publish its findings before the end of the year, together with the data collected."
)


def _one_line(text: str) -> str:
    return " ".join(text.split())


def test_a_ruled_box_of_prose_is_not_a_table():
    # two columns of running prose in a ruled grid: a text box, its sentences stay in the paragraphs
    box = ((_BOX_PROSE, _BOX_PROSE_2), (_BOX_PROSE_2, _BOX_PROSE))
    doc = read(pdfs.report_pdf([["Before the box.", box, "After the box."]], footer=None))
    assert doc.tables == () and doc.furniture == ()
    assert "reception centres need more staff" in _one_line(doc.raw_text)


def test_a_ruled_block_of_numbered_notes_is_not_a_table():
    notes = (
        ("1", "See General Assembly resolution 79/217 on international migration."),
        ("2", "Report of the International Conference on Population and Development, Cairo, 1994."),
        ("3", "See the data portal of the Statistics Division."),
    )
    doc = read(pdfs.report_pdf([[_BOX_PROSE, _BOX_PROSE_2, notes]], footer=None))
    assert doc.tables == () and doc.furniture == ()
    assert "data portal of the Statistics Division" in _one_line(doc.raw_text)


def test_a_ruled_two_row_letterhead_is_not_a_table():
    # a first page's top: one or two ruled rows of words, no figures
    letterhead = (("United Nations", "A/80/999"), ("General Assembly", "Distr.: General"))
    doc = read(pdfs.report_pdf([[letterhead, "Report of the Secretary-General", _BOX_PROSE]], footer=None))
    assert doc.tables == () and doc.furniture == ()
    assert "Distr.: General" in doc.raw_text


def test_a_ruled_data_table_at_the_top_of_the_first_page_is_a_table():
    # three columns of short cells and figures: a table wherever it stands
    rows = (
        ("Crossing", "2022", "2023"),
        ("Northern crossing", "15,872", "18,215"),
        ("Coastal port", "4,117", "5,268"),
        ("Airport", "31,009", "33,480"),
    )
    doc = read(pdfs.report_pdf([[rows, "After the table.", _BOX_PROSE]], footer=None))
    assert [t.cells for t in doc.tables] == [rows]
    assert [f.kind for f in doc.furniture] == ["table"]


def test_text_pages_with_a_header_rule_are_not_searched_for_tables():
    import pypdfium2

    from tasks.readers.pdf.budget import Budget  # the cheap signal that spares pdfplumber
    from tasks.readers.pdf.layout import read_pages

    sample = pdfs.sample_report_pdf("en")
    pdf = pypdfium2.PdfDocument(sample.pdf)
    try:
        ruled = [p.ruled for p in read_pages(pdf, Budget("x.pdf", BUDGET_S))]
    finally:
        pdf.close()
    assert ruled == [n == sample.table_page for n in range(1, sample.n_pages + 1)]


# --- properties -------------------------------------------------------------------------------


def test_properties_come_from_the_info_dictionary_and_catalog(sample, doc):
    p = doc.properties
    assert (p.title, p.authors, p.created, p.language) == (
        sample.title,
        sample.authors,
        sample.created,
        sample.language,
    )


@pytest.mark.parametrize(
    "title", ["Microsoft Word - informe_final.docx", "untitled", "informe-2024.pdf", "Document1", "   "]
)
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


@pytest.mark.parametrize(
    "data, error_type, says",
    [
        (pdfs.truncated_pdf(), "corrupt", ("damaged or incomplete", "PDFium", "re-download")),
        (pdfs.not_a_pdf(), "corrupt", ("not a PDF", "real format")),
        (b"%PDF-1.7\n" + bytes(range(256)) * 8, "corrupt", ()),
        (pdfs.scan_pdf(), "no_text_layer", ("OCR", "ocrmypdf", "inbox")),
        (pdfs.blank_pdf(), "empty", ("no text and no images", "replace it")),
    ],
    ids=["truncated", "not-a-pdf", "garbage-after-header", "scan", "blank"],
)
def test_an_unreadable_pdf_fails_typed_and_says_what_to_do(data, error_type, says):
    error = failure(data)
    assert error.error_type == error_type
    assert all(phrase in str(error) for phrase in says), str(error)


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
    """Its speed is measured by bench/pdf_benchmark.py, not here."""
    data = pdfs.long_pdf(500)
    peak_before_kb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    doc = read(data)
    grown_mb = (resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - peak_before_kb) / 1024
    assert doc.n_pages == 500 and doc.raw_text.count("\f") == 499
    assert doc.raw_text.endswith("\n\n- 500 -\n")
    assert doc.tables == ()
    # one paragraph of even lines and the page number on every page; nothing there is a heading
    assert all(len(blocks(page)) == 2 for page in doc.raw_text.split("\f"))
    assert "#" not in doc.raw_text
    # every page is closed after use: the peak grows by the text, not by 500 parsed pages
    assert grown_mb < 150
