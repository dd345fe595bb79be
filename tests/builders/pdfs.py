"""Real PDFs made with fpdf2, as bytes: a meeting report in English or Spanish with a running
header, page numbers, headings in larger bold type, a sentence cut by a page break, a hyphenated
word and a ruled table; layouts a reader must follow (two columns, text printed sideways, font
sizes set by the text matrix); and the PDFs a reader must refuse (a scan, a password-protected
file, a truncated file, blank pages).

The core fonts of fpdf2 only encode latin-1, which covers é, ñ, ç, ã, ü but not typographic
quotes or dashes: the prose below keeps to it."""

from __future__ import annotations

import struct
import zlib
from dataclasses import dataclass
from datetime import date, datetime, timezone
from functools import lru_cache
from io import BytesIO
from typing import Sequence, Union

from fpdf import FPDF

Rows = tuple[tuple[str, ...], ...]

_FONT = "Helvetica"
_BODY_SIZE = 11
_LINE_MM = 5.5
# What a word processor's heading styles look like: level 1 to 3, bold, larger than the body.
HEADING_SIZES = {1: 16, 2: 14, 3: 12}


@dataclass(frozen=True)
class Styled:
    """A paragraph in another font than the body's: a heading, or a line in bold or large type
    that is not one. A "\n" in it forces a line break there."""

    text: str
    size: float = _BODY_SIZE
    style: str = "B"  # fpdf2's style letters: "" regular, "B" bold, "I" italic, "BI"
    markdown: bool = False  # `**bold**` inside the text, as fpdf2 reads it


def heading(text: str, level: int) -> Styled:
    """A heading as a word processor prints it: bold, larger the higher its level."""
    return Styled(text, HEADING_SIZES[level], "B")


# A page is a list of blocks: a paragraph (a "\n" in it forces a line break there), a styled
# paragraph (a heading) or a table.
Block = Union[str, Styled, Rows]


class _Report(FPDF):
    """fpdf2 calls header() and footer() on every page, as a word processor repeats them."""

    def __init__(
        self, header: str | None, footer: str | None, header_font: tuple[str, float], footer_font: tuple[str, float]
    ):
        super().__init__(format="A4")
        self._header_text, self._footer_text = header, footer
        self._header_font, self._footer_font = header_font, footer_font
        self.set_auto_page_break(False)  # pages break where the caller says, so the facts are known

    def header(self) -> None:
        if self._header_text:
            self.set_font(_FONT, *self._header_font)
            self.cell(0, 5, self._header_text, align="C", new_x="LMARGIN", new_y="NEXT")
            self.line(self.l_margin, self.get_y() + 1, self.w - self.r_margin, self.get_y() + 1)
            self.ln(6)

    def footer(self) -> None:
        if self._footer_text:
            self.set_y(-15)
            self.set_font(_FONT, *self._footer_font)
            self.cell(0, 5, self._footer_text.format(n=self.page_no()), align="C")


def report_pdf(
    pages: Sequence[Sequence[Block]],
    *,
    header: str | None = None,
    footer: str | None = "Page {n}",
    title: str | None = None,
    author: str | None = None,
    created: date | None = None,
    language: str | None = None,
    header_font: tuple[str, float] = ("I", 9),
    footer_font: tuple[str, float] = ("", 9),
) -> bytes:
    """One PDF page per item of `pages`; paragraphs are justified like a word processor's,
    tables are ruled (every cell bordered). `footer` is formatted with the page number `n`; the
    fonts of header and footer are (style, size)."""
    pdf = _Report(header, footer, header_font, footer_font)
    _set_properties(pdf, title, author, created, language)
    for blocks in pages:
        pdf.add_page()
        for block in blocks:
            if isinstance(block, str):
                _paragraph(pdf, block)
            elif isinstance(block, Styled):
                _styled(pdf, block)
            else:
                _table(pdf, block)
    return bytes(pdf.output())


def _set_properties(
    pdf: FPDF, title: str | None, author: str | None, created: date | None, language: str | None
) -> None:
    if title:
        pdf.set_title(title)
    if author:
        pdf.set_author(author)
    if created:
        pdf.set_creation_date(datetime(created.year, created.month, created.day, 9, 30, tzinfo=timezone.utc))
    if language:
        pdf.set_lang(language)


def _paragraph(pdf: FPDF, text: str) -> None:
    pdf.set_font(_FONT, "", _BODY_SIZE)
    pdf.multi_cell(0, _LINE_MM, text, new_x="LMARGIN", new_y="NEXT")
    pdf.ln(3)


def _styled(pdf: FPDF, block: Styled) -> None:
    pdf.set_font(_FONT, block.style, block.size)
    line_mm = _LINE_MM if block.size == _BODY_SIZE else block.size * 0.5  # 1.4 em
    pdf.multi_cell(0, line_mm, block.text, new_x="LMARGIN", new_y="NEXT", markdown=block.markdown)
    pdf.ln(3)


def _table(pdf: FPDF, rows: Rows) -> None:
    pdf.set_font(_FONT, "", 10)
    align = ("LEFT",) + ("RIGHT",) * (max(len(r) for r in rows) - 1)  # labels left, numbers right
    with pdf.table(text_align=align, first_row_as_headings=False) as table:
        for cells in rows:
            row = table.row()
            for cell in cells:
                row.cell(cell)
    pdf.ln(4)


@dataclass(frozen=True)
class SampleReport:
    """A report PDF and what a reader must find in it."""

    pdf: bytes
    n_pages: int
    title: str
    author: str
    authors: tuple[str, ...]
    created: date
    language: str  # ISO 639-1, as the reader reports it (the PDF says e.g. "en-GB")
    header: str
    cut_before: str  # the end of page 1: a sentence cut by the page break
    cut_after: str  # the start of page 2 that continues it
    hyphen_first: str  # "migra" of "migra-" at a line end
    hyphen_second: str  # "tion" on the next line
    table_page: int  # 1-based
    table: Rows
    before_table: str  # the paragraph just above the table
    after_table: str  # the paragraph just below it
    headings: tuple[tuple[int, str], ...]  # (level, text) in reading order; the title's two lines as one
    # Each page's blocks between its header and its footer, as the reader writes them apart
    # with blank lines: a heading as its `#` line, a paragraph or a table by its first 30 characters.
    outline: tuple[tuple[str, ...], ...]


_TABLE_EN: Rows = (
    ("Border crossing", "2021", "2022", "2023"),
    ("Northern crossing", "12,430", "15,872", "18,215"),
    ("Coastal port", "3,905", "4,117", "5,268"),
    ("International airport", "27,614", "31,009", "33,480"),
)
_TABLE_ES: Rows = (
    ("Paso fronterizo", "2021", "2022", "2023"),
    ("Paso del norte", "9,812", "11,240", "13,975"),
    ("Puerto de Valparaíso", "2,306", "2,451", "3,118"),
    ("Aeropuerto internacional", "21,447", "24,902", "26,630"),
)


def _english() -> tuple[dict, list[list[Block]]]:
    facts = dict(
        title="Regional Consultation on Migration Governance: Meeting Report",
        author="María Fernández; John Smith",
        authors=("María Fernández", "John Smith"),
        created=date(2024, 3, 15),
        language="en",
        pdf_language="en-GB",
        header="Regional Consultation on Migration Governance",
        cut_before="national action plans should be",
        cut_after="reviewed every two years with the participation of local authorities",
        hyphen_first="migra",
        hyphen_second="tion",
        table_page=2,
        table=_TABLE_EN,
        before_table="The table below shows the arrivals registered at the main border crossings",
        after_table="The increase in 2023 was concentrated at the northern crossing",
        headings=(
            (1, "Report of the Santiago Consultation on Migration Governance"),
            (2, "1. Opening of the meeting"),
            (3, "1.1 Participation"),
            (2, "2. Arrivals and registrations"),
            (2, "3. Conclusions"),
        ),
    )
    pages: list[list[Block]] = [
        [
            heading("Report of the Santiago Consultation\non Migration Governance", 1),
            heading("1. Opening of the meeting", 2),
            "The regional consultation on migration governance took place in Santiago on 14 and 15 March 2024.",
            heading("1.1 Participation", 3),
            "Delegations from eleven States, the International Organization for Migration "
            "and civil society organisations took part in the discussions, which were chaired by the "
            "Ministry of Foreign Affairs of the host country.",
            "Participants stressed that regular pathways for labour migra-\ntion reduce the risks "
            "faced by migrants in irregular situations and strengthen the protection of their rights "
            "throughout the migration cycle, including access to health care and education.",
            "The delegations agreed that the implementation of the Global Compact requires closer "
            "cooperation between countries of origin, transit and destination, and that the "
            "national action plans should be",
        ],
        [
            "reviewed every two years with the participation of local authorities and migrant associations.",
            heading("2. Arrivals and registrations", 2),
            "The table below shows the arrivals registered at the main border crossings in the last three years.",
            _TABLE_EN,
            "The increase in 2023 was concentrated at the northern crossing, where reception capacity "
            "remains limited and where most requests for international protection were lodged.",
        ],
        [
            heading("3. Conclusions", 2),
            "The participants recommended that States share data on arrivals and returns every "
            "quarter, and that the next consultation review the progress made on the integration "
            "of migrant children into national school systems.",
        ],
    ]
    return facts, pages


def _spanish() -> tuple[dict, list[list[Block]]]:
    facts = dict(
        title="Consulta regional sobre la gobernanza de la migración: informe de la reunión",
        author="Ana Núñez; François Léger",
        authors=("Ana Núñez", "François Léger"),
        created=date(2023, 11, 8),
        language="es",
        pdf_language="es-CL",
        header="Consulta regional sobre la gobernanza de la migración",
        cut_before="los planes nacionales de acción deberán ser",
        cut_after="revisados cada dos años con la participación de las autoridades locales",
        hyphen_first="regulariza",
        hyphen_second="ción",
        table_page=2,
        table=_TABLE_ES,
        before_table="El cuadro siguiente muestra las llegadas registradas en los principales pasos",
        after_table="El aumento de 2023 se concentró en el paso del norte",
        headings=(
            (1, "Informe de la consulta de Santiago sobre la gobernanza migratoria"),
            (2, "1. Apertura de la reunión"),
            (3, "1.1 Participación"),
            (2, "2. Llegadas y registros"),
            (2, "3. Conclusiones"),
        ),
    )
    pages: list[list[Block]] = [
        [
            heading("Informe de la consulta de Santiago\nsobre la gobernanza migratoria", 1),
            heading("1. Apertura de la reunión", 2),
            "La consulta regional sobre la gobernanza de la migración se celebró en Santiago los días "
            "14 y 15 de marzo de 2024.",
            heading("1.1 Participación", 3),
            "Participaron delegaciones de once Estados, la Organización "
            "Internacional para las Migraciones y organizaciones de la sociedad civil, bajo la "
            "presidencia del Ministerio de Relaciones Exteriores del país anfitrión.",
            "Los participantes señalaron que los programas de regulariza-\nción migratoria reducen los "
            "riesgos que enfrentan los migrantes en situación irregular y fortalecen la protección de "
            "sus derechos, incluido el acceso a la atención de salud y a la educación.",
            "Las delegaciones acordaron que la aplicación del Pacto Mundial exige una cooperación más "
            "estrecha entre los países de origen, tránsito y destino, y que los planes nacionales de "
            "acción deberán ser",
        ],
        [
            "revisados cada dos años con la participación de las autoridades locales y de las "
            "asociaciones de migrantes.",
            heading("2. Llegadas y registros", 2),
            "El cuadro siguiente muestra las llegadas registradas en los principales pasos fronterizos "
            "durante los últimos tres años.",
            _TABLE_ES,
            "El aumento de 2023 se concentró en el paso del norte, donde la capacidad de acogida sigue "
            "siendo limitada y donde se presentó la mayoría de las solicitudes de protección "
            "internacional.",
        ],
        [
            heading("3. Conclusiones", 2),
            "Los participantes recomendaron que los Estados compartan cada trimestre los datos sobre "
            "llegadas y retornos, y que la próxima consulta examine los avances en la integración de "
            "los niños y niñas migrantes en los sistemas escolares nacionales.",
        ],
    ]
    return facts, pages


@lru_cache(maxsize=None)
def sample_report_pdf(lang: str = "en") -> SampleReport:
    """A three-page meeting report ("en" or "es"): header and "Page N" footer on every page, a
    title of two lines in 16 pt bold, numbered headings in 14 pt bold and one in 12 pt bold, a
    hyphenated word at a line end on page 1, a sentence cut by the page break between pages 1
    and 2, a ruled table of numbers on page 2 between two paragraphs."""
    facts, pages = {"en": _english, "es": _spanish}[lang]()
    pdf_language = facts.pop("pdf_language")
    data = report_pdf(
        pages,
        header=facts["header"],
        footer="Page {n}",
        title=facts["title"],
        author=facts["author"],
        created=facts["created"],
        language=pdf_language,
    )
    return SampleReport(pdf=data, n_pages=len(pages), outline=outline(pages), **facts)


def outline(pages: Sequence[Sequence[Block]]) -> tuple[tuple[str, ...], ...]:
    """What a reader that keeps paragraphs and headings apart finds on each page: a heading's
    `#` line (its lines joined), the first 30 characters of a paragraph or of a table's first
    row (spaces and line breaks as one space)."""
    levels = {size: level for level, size in HEADING_SIZES.items()}

    def start(block: Block) -> str:
        if isinstance(block, Styled):
            return "#" * levels[block.size] + " " + " ".join(block.text.split())
        return " ".join((block if isinstance(block, str) else " ".join(block[0])).split())[:30]

    return tuple(tuple(start(b) for b in blocks) for blocks in pages)


def scan_pdf(n_pages: int = 2) -> bytes:
    """Pages that hold only a picture of a page, as a scanner without OCR makes them."""
    pdf = FPDF(format="A4")
    image = _striped_png(240, 320)
    for _ in range(n_pages):
        pdf.add_page()
        pdf.image(BytesIO(image), x=10, y=10, w=190)
    return bytes(pdf.output())


def _striped_png(width: int, height: int) -> bytes:
    """A grey-scale PNG with dark bands like lines of text, made by hand (no imaging library)."""
    rows = b"".join(b"\x00" + (b"\x30" if (y // 6) % 3 == 0 else b"\xf0") * width for y in range(height))
    header = struct.pack(">IIBBBBB", width, height, 8, 0, 0, 0, 0)  # 8-bit grey, no interlace

    def chunk(kind: bytes, body: bytes) -> bytes:
        return struct.pack(">I", len(body)) + kind + body + struct.pack(">I", zlib.crc32(kind + body))

    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(rows)) + chunk(b"IEND", b"")


def encrypted_pdf(user_password: str = "secret") -> bytes:
    """A report that opens only with a password; with `user_password=""` it opens without one
    and the encryption only restricts printing or copying, as on many official reports."""
    pdf = FPDF(format="A4")
    pdf.set_encryption(owner_password="owner-" + user_password, user_password=user_password)
    pdf.add_page()
    pdf.set_font(_FONT, "", _BODY_SIZE)
    pdf.multi_cell(0, _LINE_MM, "Confidential: the list of participants in the consultation.")
    return bytes(pdf.output())


def truncated_pdf() -> bytes:
    """A good report cut in half, as an interrupted download leaves it."""
    data = sample_report_pdf("en").pdf
    return data[: len(data) // 2]


def not_a_pdf() -> bytes:
    """A web page saved under a .pdf name."""
    return b"<!DOCTYPE html>\n<html><body><p>The document has moved.</p></body></html>\n"


def blank_pdf(n_pages: int = 2) -> bytes:
    """Pages with nothing on them: no text, no image."""
    pdf = FPDF(format="A4")
    for _ in range(n_pages):
        pdf.add_page()
    return bytes(pdf.output())


@dataclass(frozen=True)
class TwoColumns:
    """A page with a title across it and two columns of justified paragraphs below, in two
    sections: the first breaks to the right column between two paragraphs, the second in the
    middle of a sentence."""

    pdf: bytes
    title: str
    paragraphs: tuple[str, ...]  # in reading order: down the left column, then the right one
    across_columns: tuple[str, str]  # the last words in the left column and the first in the right


_COLUMNS_FIRST = (
    "The first paragraph of the left column describes the mandate of the working group on "
    "migration statistics and the sources it relies on, from border records to household surveys.",
    "The second paragraph explains how the group compared the figures of eleven States and why "
    "the definitions of a regular entry differ between countries of the region.",
    "The third paragraph opens the right column with the calendar agreed for the publication of "
    "quarterly data by the national statistical offices.",
    "The fourth paragraph closes the first section with a call for shared definitions across the region.",
)
_COLUMNS_SECOND = (
    "The fifth paragraph is short.",
    "The sixth paragraph is long enough to run from the bottom of the left column to the top of "
    "the right column, so that a reader must carry its sentence across the column break without "
    "a blank line in the middle of it, as a careful reader of the page would do, and it goes on "
    "a little longer.",
    "The seventh paragraph ends the page.",
)


@lru_cache(maxsize=None)
def two_column_pdf() -> TwoColumns:
    title = "Migration statistics in the region"
    pdf = FPDF(format="A4")
    pdf.set_auto_page_break(False)
    pdf.add_page()
    pdf.set_font(_FONT, "B", HEADING_SIZES[1])
    pdf.multi_cell(0, 8, title, new_x="LMARGIN", new_y="NEXT")
    pdf.ln(3)
    pdf.set_font(_FONT, "", _BODY_SIZE)
    top = pdf.get_y()
    with pdf.text_columns(ncols=2, gutter=8, text_align="J") as columns:
        for n, text in enumerate(_COLUMNS_FIRST):
            if n == 2:
                columns.new_column()
            with columns.paragraph(bottom_margin=3) as paragraph:
                paragraph.write(text)
    pdf.set_y(top + 60)
    with pdf.text_columns(ncols=2, gutter=8, text_align="J", balance=True) as columns:
        for text in _COLUMNS_SECOND:
            with columns.paragraph(bottom_margin=3) as paragraph:
                paragraph.write(text)
    return TwoColumns(
        bytes(pdf.output()),
        title,
        _COLUMNS_FIRST + _COLUMNS_SECOND,
        ("bottom of the left column to the top of the right", "column, so that a reader"),
    )


def turned_text_pdf(blocks: Sequence[Block], degrees: int) -> bytes:
    """One page whose text is printed turned by `degrees` (counter-clockwise) about the page's
    centre, as a landscape table or a sideways caption is: the text matrix turns, /Rotate does not."""
    pdf = FPDF(format="A4")
    pdf.set_auto_page_break(False)
    pdf.add_page()
    with pdf.rotation(degrees, x=pdf.w / 2, y=pdf.h / 2):
        pdf.set_y(100)
        for block in blocks:
            pdf.set_x(40)
            if isinstance(block, Styled):
                pdf.set_font(_FONT, block.style, block.size)
                pdf.multi_cell(130, block.size * 0.5, block.text, new_x="LMARGIN", new_y="NEXT")
            else:
                pdf.set_font(_FONT, "", _BODY_SIZE)
                pdf.multi_cell(130, _LINE_MM, str(block), new_x="LMARGIN", new_y="NEXT")
            pdf.ln(3)
    return bytes(pdf.output())


def matrix_sized_pdf() -> bytes:
    """A page written as some layout programs write it: every font set at size 1 (`/F1 1 Tf`)
    and scaled by the text matrix (`16 0 0 16 x y Tm`). A 16 pt bold heading, an 11 pt bold
    one, and two paragraphs of 11 pt lines 14 pt apart with a wider gap between them."""
    lines = [("F2", 16, 740, "Background"), ("F2", 11, 712, "Sources of the data")]
    body = [
        "The working group compared the figures of eleven States",
        "and the definitions of a regular entry in each of them,",
        "from border records to household surveys.",
        None,
        "It agreed on a common calendar for the publication",
        "of quarterly data by the national statistical offices.",
    ]
    y = 690
    for text in body:
        if text is None:
            y -= 10  # the paragraph's spacing
            continue
        lines.append(("F1", 11, y, text))
        y -= 14
    content = "\n".join(
        f"BT /{font} 1 Tf {size} 0 0 {size} 72 {y} Tm ({text}) Tj ET" for font, size, y, text in lines
    ).encode("latin-1")
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R "
        b"/Resources << /Font << /F1 5 0 R /F2 6 0 R >> >> >>",
        b"<< /Length %d >>\nstream\n" % len(content) + content + b"\nendstream",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica-Bold /Encoding /WinAnsiEncoding >>",
    ]
    out = b"%PDF-1.4\n"
    offsets = []
    for number, body_bytes in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body_bytes + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref)
    return out


@lru_cache(maxsize=None)
def long_pdf(n_pages: int = 500) -> bytes:
    """`n_pages` pages of text with a page number each. Lines are placed one by one (no word
    wrapping), which keeps 500 pages to about a second to build."""
    pdf = FPDF(format="A4")
    pdf.set_auto_page_break(False)
    pdf.set_font(_FONT, "", _BODY_SIZE)
    for n in range(1, n_pages + 1):
        pdf.add_page()
        y = 25.0
        for i, line in enumerate(_LONG_LINES):
            pdf.text(20, y, line.format(n=n, i=i + 1))
            y += _LINE_MM
        pdf.text(100, 285, f"- {n} -")
    return bytes(pdf.output())


_LONG_LINES = [
    "Section {n}.{i}: the States reviewed the implementation of the commitments on",
    "safe, orderly and regular migration, and the reports submitted by the regional",
    "offices on reception, registration and the protection of unaccompanied children.",
    "The delegations welcomed the cooperation between countries of origin, transit",
    "and destination, and asked the secretariat to publish the data every quarter.",
] * 8


def with_page_rotated(data: bytes, page_no: int, degrees: int) -> bytes:
    """The PDF with page `page_no` (1-based) turned by /Rotate, as scanners and landscape tables
    leave it: the content stays where it is, the viewer shows it turned."""
    import pypdfium2  # a pdfplumber dependency; fpdf2 cannot set /Rotate

    doc = pypdfium2.PdfDocument(data)
    try:
        doc[page_no - 1].set_rotation(degrees)
        out = BytesIO()
        doc.save(out)
        return out.getvalue()
    finally:
        doc.close()
