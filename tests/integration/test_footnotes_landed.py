"""Footnotes through the real flow: a PDF with footnotes under a rule and a sentence cut by the
page break and the notes, and a markdown file with footnotes, land in the `footnotes` table;
their paragraphs are of kind `footnote`; the cut sentence is whole in one paragraph; and
`reprocess` gives an older warehouse, made before the table, its footnotes."""

from __future__ import annotations

import pytest

from tests.builders.footnote_pdfs import CUT_SENTENCE, climate_report
from tests.warehouse_rows import dict_rows as rows
from warehouse.connection import CATALOG, connect, resolve_location

pytestmark = pytest.mark.integration

MARKDOWN = """# Protocol relating to the Status of Refugees

The States Parties to the present Protocol, considering that the Convention[^1] covers only
those persons who have become refugees as a result of events occurring before 1 January 1951,

Have agreed as follows:[^2]

[^1]: United Nations, Treaty Series, vol. 189, No. 2545.

[^2]: Signed at New York on 31 January 1967.
"""


@pytest.fixture(scope="module")
def landed(prefect_server, tmp_path_factory):
    from flows.ingest import ingest

    root = tmp_path_factory.mktemp("footnotes")
    inbox = root / "inbox"
    inbox.mkdir()
    report = climate_report()
    (inbox / "climate.pdf").write_bytes(report.pdf)
    (inbox / "protocol.md").write_text(MARKDOWN, encoding="utf-8")
    result = ingest(str(inbox), str(root / "warehouse"))
    assert result.failures == []
    return resolve_location(root / "warehouse"), report


def footnotes_of(location, source_path: str) -> list[dict]:
    return rows(
        location,
        "SELECT f.*, d.raw_text, d.clean_text FROM footnotes f JOIN documents d USING (doc_id) "
        "WHERE d.source_path = ? ORDER BY footnote_no",
        source_path,
    )


def test_the_pdf_footnotes_land_with_marker_text_page_and_offsets(landed):
    location, report = landed
    notes = footnotes_of(location, "climate.pdf")
    assert [(n["footnote_no"], n["marker"], n["page"]) for n in notes] == [
        (0, "*", 1),
        (1, "1", 1),
        (2, "2", 1),
        (3, "3", 2),
    ]
    assert {n["marker"]: " ".join(n["text"].split()) for n in notes} == report.notes
    for n in notes:
        assert n["raw_text"][n["raw_start"] : n["raw_end"]].startswith(f"[^{n['marker']}]: ")
        assert n["clean_text"][n["char_start"] : n["char_end"]] == f"{n['marker']} {n['text']}"


def test_footnote_paragraphs_have_their_kind_and_the_cut_sentence_is_whole(landed):
    location, report = landed
    paragraphs = rows(
        location,
        "SELECT p.kind, p.text FROM paragraphs p JOIN documents d USING (doc_id) "
        "WHERE d.source_path = 'climate.pdf' ORDER BY section_no, para_no",
    )
    notes = [" ".join(p["text"].split()) for p in paragraphs if p["kind"] == "footnote"]
    assert notes == [f"{label} {text}" for label, text in report.notes.items()]
    whole = [p for p in paragraphs if CUT_SENTENCE in " ".join(p["text"].split())]
    assert len(whole) == 1 and whole[0]["kind"] == "text"
    [doc] = rows(location, "SELECT clean_text FROM documents WHERE source_path = 'climate.pdf'")
    assert "[^" not in doc["clean_text"] and "Convention, and the objective" in " ".join(doc["clean_text"].split())
    markers = rows(
        location,
        "SELECT a.text, a.replacement FROM artifacts a JOIN documents d USING (doc_id) "
        "WHERE d.source_path = 'climate.pdf' AND a.kind = 'footnote_ref' ORDER BY a.raw_start",
    )
    assert [(m["text"], m["replacement"]) for m in markers] == [("[^*]", "*"), ("[^1]", ""), ("[^2]", ""), ("[^3]", "")]


def test_markdown_footnotes_land_the_same_way(landed):
    location, _ = landed
    notes = footnotes_of(location, "protocol.md")
    assert [(n["marker"], n["text"], n["page"]) for n in notes] == [
        ("1", "United Nations, Treaty Series, vol. 189, No. 2545.", None),
        ("2", "Signed at New York on 31 January 1967.", None),
    ]


def test_reprocess_gives_an_older_warehouse_its_footnotes(landed):
    from flows.reprocess import reprocess

    location, _ = landed
    before = rows(location, "SELECT doc_id, footnote_no, marker, text, page FROM footnotes ORDER BY ALL")
    con = connect(location)
    try:  # as a warehouse made before the footnotes table: no table, an older pipeline version
        con.execute(f"DROP TABLE {CATALOG}.footnotes")
        con.execute(f"UPDATE {CATALOG}.documents SET pipeline_version = '0.0.1'")
    finally:
        con.close()
    result = reprocess(str(location.root))
    assert (result.n_rebuilt, result.failures) == (2, [])
    after = rows(location, "SELECT doc_id, footnote_no, marker, text, page FROM footnotes ORDER BY ALL")
    assert after == before and len(after) == 6
    assert reprocess(str(location.root)).n_rebuilt == 0
    assert rows(location, "SELECT count(*) AS n FROM footnotes") == [{"n": 6}]
