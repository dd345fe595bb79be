"""A report as the UN prints it, through the real flow: a contents list over two pages (dot
leaders, page numbers in a column), then pages with footnotes under a rule, markers glued to
their words and a sentence cut by the page break and its notes. The contents list lands as
`contents` artifacts and never as paragraphs or headings; the notes land in `footnotes`; the cut
sentence is whole in one paragraph."""

from __future__ import annotations

import pytest

from tests.builders.footnote_pdfs import CONTENTS_ENTRIES, CUT_SENTENCE, contents_then_climate_report
from tests.warehouse_rows import dict_rows as rows
from warehouse.connection import resolve_location

pytestmark = pytest.mark.integration


@pytest.fixture(scope="module")
def landed(prefect_server, tmp_path_factory):
    from flows.ingest import ingest

    root = tmp_path_factory.mktemp("contents")
    inbox = root / "inbox"
    inbox.mkdir()
    report = contents_then_climate_report()
    (inbox / "report.pdf").write_bytes(report.pdf)
    result = ingest(str(inbox), str(root / "warehouse"))
    assert result.failures == []
    return resolve_location(root / "warehouse"), report


def test_the_contents_list_is_recorded_and_never_a_paragraph_or_heading(landed):
    location, _ = landed
    paragraphs = rows(location, "SELECT kind, text FROM paragraphs")
    sections = rows(location, "SELECT heading FROM sections")
    assert not [p for p in paragraphs if ". . ." in p["text"] or "...." in p["text"]]
    titles = {title for _, title, _ in CONTENTS_ENTRIES}
    assert not [p for p in paragraphs if p["text"].strip() in titles or p["text"].strip() == "Contents"]
    assert not [s for s in sections if s["heading"] and any(t in s["heading"] for t in titles)]
    contents = rows(location, "SELECT text, page FROM artifacts WHERE kind = 'contents' ORDER BY raw_start")
    assert [c["page"] for c in contents] == [1, 2]  # one per page: the running header between is its own
    removed = " ".join(" ".join(c["text"] for c in contents).split())
    assert all(title in removed for title in titles)


def test_the_notes_land_and_the_cut_sentence_is_whole(landed):
    location, report = landed
    notes = rows(location, "SELECT marker, text FROM footnotes ORDER BY footnote_no")
    assert {n["marker"]: " ".join(n["text"].split()) for n in notes} == report.notes
    assert [n["marker"] for n in notes] == ["*", "1", "2", "3"]
    paragraphs = rows(location, "SELECT kind, text FROM paragraphs")
    whole = [p for p in paragraphs if CUT_SENTENCE in " ".join(p["text"].split())]
    assert len(whole) == 1 and whole[0]["kind"] == "text"
    assert [p for p in paragraphs if p["kind"] == "footnote"]
