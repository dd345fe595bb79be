"""PDF, Word and web pages through the real flow: their pages, heading styles, tables and
furniture land in the warehouse, and the page noise is gone from the clean text."""

from __future__ import annotations

import shutil
from dataclasses import dataclass
from pathlib import Path

import pytest

from tests.builders.docx_files import StatementFacts, statement_docx
from tests.builders.html_pages import ENGLISH_PAGE, SPANISH_PAGE, TABLE_PAGE
from tests.builders.pdfs import SampleReport, sample_report_pdf
from tests.warehouse_rows import dict_rows
from warehouse.connection import resolve_location

pytestmark = pytest.mark.integration

SEED = Path(__file__).resolve().parents[2] / "seeds" / "000_30b19b25cf31b9f3.txt"


@dataclass
class Landed:
    location: object
    result: object
    reports: dict[str, SampleReport]
    statements: dict[str, StatementFacts]

    def rows(self, sql: str, *params) -> list[dict]:
        return dict_rows(self.location, sql, *params)

    def document(self, source_path: str) -> dict:
        [row] = self.rows("SELECT * FROM documents WHERE source_path = ?", source_path)
        return row


@pytest.fixture(scope="module")
def landed(prefect_server, tmp_path_factory) -> Landed:
    from flows.ingest import ingest

    root = tmp_path_factory.mktemp("formats")
    inbox = root / "inbox"
    for folder in ("reports", "statements", "web"):
        (inbox / folder).mkdir(parents=True)
    reports = {lang: sample_report_pdf(lang) for lang in ("en", "es")}
    statements = {}
    for lang, report in reports.items():
        (inbox / "reports" / f"report_{lang}.pdf").write_bytes(report.pdf)
    for lang in ("en", "fr"):
        data, statements[lang] = statement_docx(lang)
        (inbox / "statements" / f"statement_{lang}.docx").write_bytes(data)
    (inbox / "web" / "statement_en.html").write_text(ENGLISH_PAGE, encoding="utf-8")
    (inbox / "web" / "declaracion_es.html").write_bytes(SPANISH_PAGE.encode("cp1252"))
    (inbox / "web" / "arrivals.html").write_text(TABLE_PAGE, encoding="utf-8")
    shutil.copy(SEED, inbox / "seed.txt")
    result = ingest(str(inbox), str(root / "warehouse"))
    return Landed(resolve_location(root / "warehouse"), result, reports, statements)


def test_every_file_lands_with_its_format_and_language(landed):
    assert landed.result.failures == []
    rows = {
        r["source_path"]: r
        for r in landed.rows("SELECT source_path, source_format, language, n_pages, encoding FROM documents")
    }
    assert {p: (r["source_format"], r["language"]) for p, r in rows.items()} == {
        "reports/report_en.pdf": ("pdf", "en"),
        "reports/report_es.pdf": ("pdf", "es"),
        "statements/statement_en.docx": ("docx", "en"),
        "statements/statement_fr.docx": ("docx", "fr"),
        "web/statement_en.html": ("html", "en"),
        "web/declaracion_es.html": ("html", "es"),
        "web/arrivals.html": ("html", "en"),
        "seed.txt": ("txt", "en"),
    }
    assert rows["reports/report_en.pdf"]["n_pages"] == landed.reports["en"].n_pages
    assert rows["web/declaracion_es.html"]["encoding"] == "cp1252"


@pytest.mark.parametrize("lang", ["en", "es"])
def test_pdf_page_noise_is_gone_and_cut_text_is_whole(landed, lang):
    report = landed.reports[lang]
    doc = landed.document(f"reports/report_{lang}.pdf")
    clean = doc["clean_text"]
    assert f"{report.cut_before} {report.cut_after}" in " ".join(clean.split())
    assert report.hyphen_first + report.hyphen_second in clean
    assert "\f" not in clean and clean.count(report.header) <= 1
    for page in range(1, report.n_pages + 1):
        assert f"Page {page}\n" not in clean + "\n" and f"Página {page}\n" not in clean + "\n"
    kinds = {r["kind"] for r in landed.rows("SELECT kind FROM artifacts WHERE doc_id = ?", doc["doc_id"])}
    assert {"running_header", "page_number", "hyphenation", "page_break", "table"} <= kinds


@pytest.mark.parametrize("lang", ["en", "es"])
def test_pdf_paragraphs_sections_and_artifacts_know_their_page(landed, lang):
    report = landed.reports[lang]
    doc = landed.document(f"reports/report_{lang}.pdf")
    paragraphs = landed.rows("SELECT * FROM paragraphs WHERE doc_id = ? ORDER BY section_no, para_no", doc["doc_id"])
    assert all(p["page"] is not None for p in paragraphs)
    assert [p["page"] for p in paragraphs] == sorted(p["page"] for p in paragraphs)
    [after] = [p for p in paragraphs if report.after_table[:40] in p["text"]]
    assert after["page"] == report.table_page
    sections = landed.rows("SELECT * FROM sections WHERE doc_id = ?", doc["doc_id"])
    assert min(s["page_start"] for s in sections) == 1
    assert max(s["page_end"] for s in sections) == report.n_pages
    artifacts = landed.rows("SELECT * FROM artifacts WHERE doc_id = ?", doc["doc_id"])
    assert all(a["page"] is not None for a in artifacts)
    assert all(doc["raw_text"][a["raw_start"] : a["raw_end"]] == a["text"] for a in artifacts)


@pytest.mark.parametrize("lang", ["en", "es"])
def test_a_pdf_table_lands_in_tables_not_in_paragraphs(landed, lang):
    report = landed.reports[lang]
    doc = landed.document(f"reports/report_{lang}.pdf")
    tables = landed.rows("SELECT * FROM tables WHERE doc_id = ?", doc["doc_id"])
    assert [(t["table_no"], t["page"], [tuple(row) for row in t["cells"]]) for t in tables] == [
        (0, report.table_page, list(report.table))
    ]
    figures = [cell for row in report.table[1:] for cell in row[1:]]
    assert not [
        p
        for p in landed.rows("SELECT text FROM paragraphs WHERE doc_id = ?", doc["doc_id"])
        if any(f in p["text"] for f in figures)
    ]
    [table_artifact] = landed.rows("SELECT * FROM artifacts WHERE doc_id = ? AND kind = 'table'", doc["doc_id"])
    assert table_artifact["rule"] == "pdf_reader@1" and all(f in table_artifact["text"] for f in figures)


@pytest.mark.parametrize("lang", ["en", "es"])
def test_pdf_properties_fill_what_the_body_does_not_say(landed, lang):
    report = landed.reports[lang]
    doc = landed.document(f"reports/report_{lang}.pdf")
    assert doc["properties"]["title"] == report.title
    assert tuple(doc["properties"]["authors"]) == report.authors
    assert doc["properties"]["created"] == report.created
    # the body prints no date: the file's creation date is the file's, not the document's
    assert doc["doc_date"] is None and "doc_date" not in {d["field"] for d in doc["decisions"]}


@pytest.mark.parametrize("lang", ["en", "fr"])
def test_word_heading_styles_give_sections_and_levels(landed, lang):
    facts = landed.statements[lang]
    doc = landed.document(f"statements/statement_{lang}.docx")
    sections = landed.rows("SELECT heading, level FROM sections WHERE doc_id = ? ORDER BY section_no", doc["doc_id"])
    assert [(s["level"], s["heading"]) for s in sections] == list(facts.headings)
    assert doc["title"] == facts.title


@pytest.mark.parametrize("lang", ["en", "fr"])
def test_word_lists_tables_headers_and_bookmarks(landed, lang):
    facts = landed.statements[lang]
    doc = landed.document(f"statements/statement_{lang}.docx")
    items = [
        p["text"]
        for p in landed.rows(
            "SELECT text FROM paragraphs WHERE doc_id = ? AND kind = 'list_item' ORDER BY section_no, para_no",
            doc["doc_id"],
        )
    ]
    assert [i.removeprefix("- ") for i in items] == list(facts.bullet_items + facts.numbered_items)
    [table] = landed.rows("SELECT cells FROM tables WHERE doc_id = ?", doc["doc_id"])
    assert [tuple(row) for row in table["cells"]] == list(facts.table_cells)
    furniture = {
        (a["kind"], a["text"].strip())
        for a in landed.rows(
            "SELECT kind, text FROM artifacts WHERE doc_id = ? AND rule = 'docx_reader@1'", doc["doc_id"]
        )
    }
    assert furniture == {("running_header", facts.header), ("running_footer", facts.footer)}
    assert facts.header not in doc["clean_text"] and facts.footer not in doc["clean_text"]
    assert not [secret for secret in facts.never_in_text if secret in doc["raw_text"]]
    assert doc["properties"]["language"] == facts.language


def test_web_page_furniture_is_recorded_and_headings_kept(landed):
    doc = landed.document("web/statement_en.html")
    kinds = {
        a["kind"]
        for a in landed.rows("SELECT kind FROM artifacts WHERE doc_id = ? AND rule = 'html_reader@1'", doc["doc_id"])
    }
    assert kinds == {"navigation", "similar_documents", "footer"}
    assert "Similar documents" not in doc["clean_text"] and "All rights reserved" not in doc["clean_text"]
    headings = landed.rows("SELECT heading, level FROM sections WHERE doc_id = ? ORDER BY section_no", doc["doc_id"])
    assert ("Background", 2) in [(h["heading"], h["level"]) for h in headings]
    assert doc["title"] == "Statement on the Global Compact for Migration"


def test_a_declared_legacy_charset_reads_accents_right(landed):
    doc = landed.document("web/declaracion_es.html")
    assert "niño" in doc["clean_text"] and "Ã" not in doc["raw_text"]


def test_web_tables_land_in_tables(landed):
    doc = landed.document("web/arrivals.html")
    [table] = landed.rows("SELECT cells FROM tables WHERE doc_id = ?", doc["doc_id"])
    assert len(table["cells"]) >= 2 and all(len(row) >= 2 for row in table["cells"])


def test_reprocess_keeps_reader_furniture_tables_and_properties(landed):
    from flows.reprocess import reprocess

    def snapshot():
        return (
            landed.rows(
                "SELECT doc_id, kind, raw_start, raw_end FROM artifacts "
                "WHERE rule LIKE '%\\_reader@%' ESCAPE '\\' ORDER BY ALL"
            ),
            landed.rows("SELECT * FROM tables ORDER BY ALL"),
            landed.rows("SELECT doc_id, properties, clean_text FROM documents ORDER BY doc_id"),
        )

    before = snapshot()
    assert before[0] and before[1]
    result = reprocess(str(landed.location.root), all_documents=True)
    assert result.n_rebuilt == 8 and result.failures == []
    assert snapshot() == before


@pytest.mark.parametrize("lang", ["en", "es"])
def test_pdf_headings_in_larger_bold_type_give_sections_and_levels(landed, lang):
    report = landed.reports[lang]
    doc = landed.document(f"reports/report_{lang}.pdf")
    sections = landed.rows(
        "SELECT heading, level, page_start FROM sections WHERE doc_id = ? AND heading IS NOT NULL ORDER BY section_no",
        doc["doc_id"],
    )
    assert [(s["level"], s["heading"]) for s in sections] == list(report.headings)
    assert doc["title"] == report.headings[0][1]
    assert sections[-1]["page_start"] == report.n_pages
