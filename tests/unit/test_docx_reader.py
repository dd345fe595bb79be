"""The Word reader on real .docx files: the body in order with `#` headings and `- ` list items,
tables kept aside, footnotes and endnotes as markdown footnotes, headers and footers named as
furniture, nothing hidden leaking into the text, core properties, and a typed error for every
file it must refuse."""

from __future__ import annotations

import io
import re
import zipfile
from datetime import date

import docx
import pytest

from tasks.domain.extract import ReadError
from tasks.domain.models import Properties, RawDocument, SourceFile, Table
from tasks.readers import read_document
from tasks.readers.docx import read_docx
from tests.builders.docx_files import (
    bad_crc_docx,
    blank_docx,
    broken_xml_docx,
    encrypted_docx,
    encrypted_member_docx,
    footnoted_docx,
    not_a_zip_docx,
    sections_docx,
    statement_docx,
    styled_headings_docx,
    with_separators_only_docx,
    without_core_properties_docx,
    zip_bomb_docx,
    zip_without_document,
)
from tests.reading import body_of, spans_of

pytestmark = pytest.mark.unit

LANGUAGES = ["en", "es", "fr"]


def _read(data: bytes) -> RawDocument:
    return read_docx("missions/statement.docx", "d0c", data)


def _statement(lang: str):
    data, facts = statement_docx(lang)
    return _read(data), facts


def _assert_furniture_sound(doc: RawDocument) -> None:
    """Sorted, never overlapping, inside the text, each span a whole block with its blank line."""
    previous_end = 0
    for f in doc.furniture:
        assert previous_end <= f.raw_start < f.raw_end <= len(doc.raw_text)
        assert doc.raw_text[f.raw_start : f.raw_end].endswith("\n\n")
        assert f.raw_start == 0 or doc.raw_text[: f.raw_start].endswith("\n\n")
        previous_end = f.raw_end


@pytest.mark.parametrize("lang", LANGUAGES)
def test_headings_become_hash_lines_with_their_levels_in_order(lang):
    doc, facts = _statement(lang)
    found = [(len(m.group(1)), m.group(2)) for m in re.finditer(r"^(#+) (.+)$", doc.raw_text, re.M)]
    assert found == list(facts.headings)
    for level, heading in facts.headings:
        assert f"\n\n{'#' * level} {heading}\n\n" in doc.raw_text


@pytest.mark.parametrize("lang", LANGUAGES)
def test_body_paragraphs_are_blocks_separated_by_a_blank_line(lang):
    doc, facts = _statement(lang)
    for paragraph in facts.paragraphs:
        assert f"\n\n{paragraph}\n\n" in doc.raw_text
    order = [doc.raw_text.index(p) for p in facts.paragraphs]
    assert order == sorted(order)


def test_a_soft_line_break_is_a_newline_and_a_tab_one_space():
    doc, _facts = _statement("en")
    assert (
        "\n\nWe call on States to expand regular pathways for migration.\nReference: A/CONF.231/3\n\n" in doc.raw_text
    )
    assert "\t" not in doc.raw_text and "\r" not in doc.raw_text and "\f" not in doc.raw_text


def test_empty_paragraphs_leave_no_extra_blank_lines():
    doc, _facts = _statement("en")
    assert "\n\n\n" not in doc.raw_text


@pytest.mark.parametrize("lang", LANGUAGES)
def test_a_list_is_one_block_of_dash_lines(lang):
    doc, facts = _statement(lang)
    for items in (facts.bullet_items, facts.numbered_items):
        assert "\n\n" + "\n".join(f"- {item}" for item in items) + "\n\n" in doc.raw_text
    dash_lines = re.findall(r"^- (.+)$", doc.raw_text, re.M)
    assert dash_lines == [*facts.bullet_items, *facts.numbered_items]


@pytest.mark.parametrize("lang", LANGUAGES)
def test_table_cells_go_to_tables_and_not_into_the_text(lang):
    doc, facts = _statement(lang)
    assert doc.tables == (Table(0, None, facts.table_cells),)
    for row in facts.table_cells[1:]:
        for cell in row:
            if cell[:1].isdigit() or cell.startswith("("):
                assert cell not in doc.raw_text


def test_merged_cells_appear_once_and_a_vertical_merge_leaves_an_empty_cell():
    doc, _facts = _statement("en")
    cells = doc.tables[0].cells
    assert cells[0] == ("Region", "Arrivals")  # Arrivals spans two columns, kept once
    assert cells[1] == ("", "2016", "2017")  # Region spans two rows: its text is above
    assert cells[4][0] == "Total (all regions)"  # a cell's two paragraphs, one line


@pytest.mark.parametrize("lang", LANGUAGES)
def test_header_and_footer_stay_in_the_text_named_as_furniture(lang):
    doc, facts = _statement(lang)
    _assert_furniture_sound(doc)
    assert [f.kind for f in doc.furniture] == ["running_header", "running_footer"]
    header, footer = doc.furniture
    assert doc.raw_text[header.raw_start : header.raw_end] == facts.header + "\n\n"
    assert doc.raw_text[footer.raw_start : footer.raw_end] == facts.footer + "\n\n"
    assert header.raw_start == 0 and footer.raw_end == len(doc.raw_text)


@pytest.mark.parametrize("lang", LANGUAGES)
def test_furniture_covers_no_body(lang):
    doc, facts = _statement(lang)
    body = body_of(doc)
    assert body.startswith(f"# {facts.title}\n\n") and body.endswith(f"{facts.paragraphs[-1]}\n\n")
    assert facts.header not in body and facts.footer not in body
    for paragraph in facts.paragraphs:
        start = doc.raw_text.index(paragraph)
        assert not any(f.raw_start < start + len(paragraph) and start < f.raw_end for f in doc.furniture)


def test_what_word_hides_is_in_the_file_but_not_in_the_text():
    data, facts = statement_docx("en")
    xml = zipfile.ZipFile(io.BytesIO(data)).read("word/document.xml").decode("utf-8")
    footer_xml = zipfile.ZipFile(io.BytesIO(data)).read("word/footer1.xml").decode("utf-8")
    assert '<w:bookmarkStart w:id="0" w:name="_GoBack"/>' in xml
    assert "<w:instrText" in xml and "<w:delText" in xml and "<w:ins " in xml and "NUMPAGES" in footer_xml
    doc = _read(data)
    for hidden in facts.never_in_text:
        assert hidden not in doc.raw_text


@pytest.mark.parametrize("lang", LANGUAGES)
def test_a_bookmark_inside_a_word_does_not_split_it(lang):
    doc, facts = _statement(lang)
    assert facts.paragraphs[1] in doc.raw_text and "_GoBack" not in doc.raw_text


def test_python_docx_alone_would_lose_the_tracked_insertion():
    """Why the reader walks the XML itself: `Paragraph.text` skips runs inside `w:ins`."""
    data, facts = statement_docx("en")
    texts = [p.text for p in docx.Document(io.BytesIO(data)).paragraphs]
    assert facts.paragraphs[4] not in texts
    assert facts.paragraphs[4] in _read(data).raw_text


def test_hyperlink_text_is_kept_and_its_address_is_not():
    doc, _facts = _statement("en")
    assert "available on the Global Compact portal of the United Nations." in doc.raw_text
    assert "http" not in doc.raw_text


@pytest.mark.parametrize("lang", LANGUAGES)
def test_properties_come_from_the_core_properties(lang):
    doc, facts = _statement(lang)
    assert doc.properties == Properties(title=facts.title, authors=facts.authors, created=facts.created, language=lang)


def test_an_author_with_a_comma_stays_one_name():
    doc, _facts = _statement("es")
    assert doc.properties.authors == ("Ministerio de Relaciones Exteriores y Movilidad Humana", "Pérez, María José")
    assert doc.properties.created == date(2018, 7, 12)


def test_python_docx_template_values_are_not_taken_for_the_documents_own():
    data, _blocks = styled_headings_docx()
    core = docx.Document(io.BytesIO(data)).core_properties
    assert core.author == "python-docx" and core.created.year == 2013  # what the file carries
    assert _read(data).properties == Properties()


def test_a_document_without_core_properties_has_none():
    data = without_core_properties_docx()
    assert docx.Document(io.BytesIO(data)).core_properties.title == "Word Document"  # python-docx invents it
    assert _read(data).properties == Properties()


def test_headings_from_custom_styles_outline_levels_and_spanish_names():
    data, blocks = styled_headings_docx()
    doc = _read(data)
    assert doc.raw_text == "\n\n".join(blocks) + "\n"
    assert doc.furniture == () and doc.tables == ()


def test_hidden_text_is_not_read():
    doc = _read(styled_headings_docx()[0])
    assert "Nota oculta" not in doc.raw_text and "\n\nTexto visible.\n\n" in doc.raw_text


def test_headers_and_footers_of_every_section_each_once():
    data, facts = sections_docx()
    doc = _read(data)
    _assert_furniture_sound(doc)
    named = [(f.kind, doc.raw_text[f.raw_start : f.raw_end]) for f in doc.furniture]
    assert named == [
        *(("running_header", h + "\n\n") for h in facts.headers),
        *(("running_footer", f + "\n\n") for f in facts.footers),
    ]
    assert body_of(doc) == "\n\n".join(facts.body) + "\n\n"


def _notes_text(doc: RawDocument) -> list[str]:
    return [block for block in body_of(doc).split("\n\n") if block.startswith("[^")]


def test_footnotes_and_endnotes_follow_the_body_as_markdown_footnotes():
    data, facts = footnoted_docx()
    doc = _read(data)
    assert body_of(doc) == "\n\n".join(facts.blocks) + "\n\n"
    _assert_furniture_sound(doc)
    assert spans_of(doc, "running_header") == [facts.header + "\n\n"]
    assert spans_of(doc, "running_footer") == [facts.footer + "\n\n"]
    assert doc.raw_text.endswith(f"\n\n{facts.blocks[-1]}\n\n{facts.footer}\n\n")  # notes, then furniture


def test_two_footnotes_of_a_paragraph_are_numbered_in_reference_order_not_by_their_ids():
    """The builder gives them ids 3 and 1: Word numbers what the reader sees, not the ids."""
    doc = _read(footnoted_docx()[0])
    assert "Rights of the Child[^1] and the International Convention" in doc.raw_text
    assert "Members of Their Families,[^2]\n\n" in doc.raw_text
    assert _notes_text(doc)[1:3] == [
        "[^1]: United Nations, Treaty Series, vol. 1577, No. 27531.",
        "[^2]: Ibid., vol. 2220, No. 39481.",
    ]


def test_an_endnote_is_numbered_after_the_footnotes_and_written_after_them():
    doc = _read(footnoted_docx()[0])
    assert "Decides to remain seized of the matter.[^6]\n\n" in doc.raw_text
    assert _notes_text(doc)[-1] == "[^6]: Adopted without a vote."


def test_a_footnote_of_two_paragraphs_stays_one_block():
    doc = _read(footnoted_docx()[0])
    assert "\n\n[^3]: A/72/100.\nThe report covers the period from 1 August 2016 to 31 July 2017.\n\n" in doc.raw_text


def test_a_reference_in_a_table_cell_is_numbered_where_the_table_stands():
    data, facts = footnoted_docx()
    doc = _read(data)
    assert doc.tables == (Table(0, None, facts.table_cells),)
    assert "[^4]: Provisional figures." in _notes_text(doc)
    assert "Migration,[^5]" in doc.raw_text  # the paragraph after the table


def test_a_custom_mark_is_the_marker_and_is_not_repeated_in_the_note():
    doc = _read(footnoted_docx()[0])
    assert "\n\n# Protection of migrants[^*]\n\n" in doc.raw_text
    assert _notes_text(doc)[0] == "[^*]: Reissued for technical reasons on 1 March 2018."


def test_separators_field_codes_bookmarks_and_notes_not_shown_stay_out_of_the_text():
    data, facts = footnoted_docx()
    with zipfile.ZipFile(io.BytesIO(data)) as zf:
        notes_xml = zf.read("word/footnotes.xml").decode("utf-8") + zf.read("word/endnotes.xml").decode("utf-8")
        body_xml = zf.read("word/document.xml").decode("utf-8")
    assert 'w:type="separator"' in notes_xml and "<w:instrText" in notes_xml and "commentReference" in notes_xml
    assert '<w:footnoteReference w:id="6"/>' in body_xml  # inside the tracked deletion
    doc = _read(data)
    assert "[^5]: Resolution 70/1, annex." in _notes_text(doc)
    for hidden in facts.never_in_text:
        assert hidden not in doc.raw_text
    assert len(_notes_text(doc)) == 7


def test_a_document_whose_notes_parts_hold_only_separators_reads_as_before():
    data = with_separators_only_docx()
    assert {"word/footnotes.xml", "word/endnotes.xml"} <= set(zipfile.ZipFile(io.BytesIO(data)).namelist())
    doc = _read(data)
    assert doc.raw_text == _read(statement_docx("en")[0]).raw_text
    assert "[^" not in doc.raw_text and "____" not in doc.raw_text


def test_the_reader_is_reached_through_read_document():
    data, facts = statement_docx("fr")
    source = SourceFile("missions/déclaration.docx", len(data), 0, "d0c")
    doc = read_document(source, data)
    assert (doc.source_format, doc.encoding, doc.n_pages, doc.doc_id) == ("docx", "", None, "d0c")
    assert doc.raw_text == _read(data).raw_text and doc.source_path == source.source_path


@pytest.mark.parametrize(
    "build,error_type,says",
    [
        (not_a_zip_docx, "corrupt", "save it as .docx"),
        (encrypted_docx, "encrypted", "password"),
        (zip_without_document, "corrupt", "not a Word document"),
        (bad_crc_docx, "corrupt", "word/document.xml"),
        (encrypted_member_docx, "encrypted", "password"),
        (broken_xml_docx, "corrupt", "damaged"),
        (blank_docx, "empty", "no text"),
        (zip_bomb_docx, "zip_bomb", "300 MB"),
        (lambda: zip_bomb_docx(50), "zip_bomb", "image1.png"),
    ],
    ids=[
        "old_doc",
        "encrypted",
        "not_word",
        "bad_crc",
        "encrypted_member",
        "broken_xml",
        "blank",
        "zip_bomb_total",
        "zip_bomb_ratio",
    ],
)
def test_each_unreadable_file_is_a_typed_error_saying_what_to_do(build, error_type, says):
    with pytest.raises(ReadError) as caught:
        _read(build())
    message = str(caught.value)
    assert caught.value.error_type == error_type
    assert says in message and message.startswith("missions/statement.docx: ")


def test_the_damaged_file_fails_its_crc_and_nothing_else():
    """The builder's premise: the zip directory still reads, only the member's checksum fails."""
    with zipfile.ZipFile(io.BytesIO(bad_crc_docx())) as zf:
        assert "word/document.xml" in zf.namelist()
        assert zf.testzip() == "word/document.xml"


def test_a_zip_bomb_is_refused_from_its_directory_without_inflating_it():
    data = zip_bomb_docx()
    assert len(data) < 2 * 2**20  # 300 MB of zeros in well under 2 MB
    with zipfile.ZipFile(io.BytesIO(data)) as zf:
        assert sum(m.file_size for m in zf.infolist()) > 300 * 2**20
