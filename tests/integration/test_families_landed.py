"""Families landed by real ingest runs: a translation arriving in a later run joins the family of a
document landed earlier, in that run's one commit; a draft and its resolution stay apart; `show`
lists the other versions, `show --why` the steps; `ingest` says when an older pipeline made
documents."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

from tests.conftest import ROOT
from tests.unit.test_families import ES, FR, OTHER_ES, RESOLUTION_BODY
from tests.warehouse_rows import dict_rows

pytestmark = pytest.mark.integration

SPANISH_PAGE = "<html lang='es'><head><title>Declaración</title></head><body><main>{}</main></body></html>".format(
    "".join(f"<p>{p}</p>" for p in ES.split("\n\n"))
)


def cli(*args: str) -> subprocess.CompletedProcess:
    """The command as a user runs it, on this session's Prefect server."""
    from prefect.settings import PREFECT_API_URL

    env = {**os.environ, "PREFECT_API_URL": PREFECT_API_URL.value(), "COLUMNS": "200"}
    return subprocess.run(
        [sys.executable, "-m", "flows.cli", *args], capture_output=True, text=True, timeout=180, cwd=ROOT, env=env
    )


def said(done: subprocess.CompletedProcess) -> str:
    return " ".join(done.stdout.split())


@pytest.fixture(scope="module")
def landed(prefect_server, tmp_path_factory):
    """Run 1: a French statement, an unrelated Spanish note, a draft and its resolution. Run 2:
    the Spanish translation of the statement, as a web page."""
    from flows.ingest import ingest
    from warehouse.connection import resolve_location

    root = tmp_path_factory.mktemp("families")
    inbox, warehouse = root / "inbox", root / "wh"
    inbox.mkdir()
    (inbox / "statement_fr.md").write_text(FR, encoding="utf-8")
    (inbox / "note_es.md").write_text(OTHER_ES, encoding="utf-8")
    (inbox / "draft.txt").write_text("A/HRC/59/L.17\nDraft resolution\n\n" + RESOLUTION_BODY, encoding="utf-8")
    (inbox / "adopted.md").write_text("A/HRC/RES/59/25\nResolution adopted\n\n" + RESOLUTION_BODY, encoding="utf-8")
    first = ingest(str(inbox), str(warehouse))
    location = resolve_location(warehouse)
    before = dict_rows(location, "SELECT doc_id, family_id FROM documents")
    snapshots = dict_rows(location, "SELECT count(*) AS n FROM lake.snapshots()")[0]["n"]
    (inbox / "declaracion_es.html").write_text(SPANISH_PAGE, encoding="utf-8")
    second = ingest(str(inbox), str(warehouse))
    return location, inbox, first, second, before, snapshots


def family_of(location) -> dict[str, dict]:
    rows = dict_rows(
        location,
        "SELECT d.source_path, d.family_id AS document_family, f.* FROM documents d JOIN families f USING (doc_id)",
    )
    return {r["source_path"]: r for r in rows}


def test_a_translation_landed_later_joins_its_original_when_its_run_ends(landed):
    location, _, first, second, before, snapshots = landed
    assert (first.n_new, second.n_new, first.failures, second.failures) == (4, 1, [], [])
    # the batch's commit, then the run's, which links the families
    assert dict_rows(location, "SELECT count(*) AS n FROM lake.snapshots()")[0]["n"] == snapshots + 2
    found = family_of(location)
    assert len(found) == 5 and all(r["document_family"] == r["family_id"] for r in found.values())
    fr, es = found["statement_fr.md"], found["declaracion_es.html"]
    assert fr["family_id"] == es["family_id"] == fr["doc_id"]  # the original's family keeps its name
    assert {before_row["doc_id"]: before_row["family_id"] for before_row in before}[fr["doc_id"]] == fr["family_id"]
    assert (es["method"], es["linked_to"], es["language"], es["source_format"]) == (
        "fingerprint",
        fr["doc_id"],
        "es",
        "html",
    )
    assert es["score"] >= 0.6 and "2017" in es["evidence"]
    others = {found[p]["family_id"] for p in ("note_es.md", "draft.txt", "adopted.md")}
    assert len(others) == 3 and fr["family_id"] not in others  # the draft and its resolution stay apart
    assert {found[p]["method"] for p in ("note_es.md", "draft.txt", "adopted.md")} == {"alone"}


def test_one_language_per_family_is_one_query(landed):
    """The query of the README."""
    location = landed[0]
    rows = dict_rows(
        location,
        "SELECT family_id, language, source_path, title FROM documents QUALIFY row_number() OVER "
        "(PARTITION BY family_id ORDER BY language = 'en' DESC, language = 'es' DESC, doc_id) = 1 ORDER BY source_path",
    )
    assert [r["source_path"] for r in rows] == ["adopted.md", "declaracion_es.html", "draft.txt", "note_es.md"]


def test_show_lists_the_other_versions_and_why_names_the_steps(landed):
    location = landed[0]
    done = cli("show", "statement_fr.md", "-w", str(location.root))
    assert done.returncode == 0, done.stderr
    out = said(done)
    assert "family 1 other version: es html declaracion_es.html (fingerprint" in out
    assert "by " not in out.split("family", 1)[1]  # no steps without --why
    alone = said(cli("show", "note_es.md", "-w", str(location.root)))
    assert "family no other version" in alone
    why = said(cli("show", "statement_fr.md", "--why", "-w", str(location.root)))
    doc = dict_rows(location, "SELECT doc_id, decisions FROM documents WHERE source_path = 'statement_fr.md'")[0]
    steps = [f"← {d['step']}" for d in doc["decisions"]]
    headings = dict_rows(
        location, "SELECT heading_rule FROM sections WHERE doc_id = ? AND heading IS NOT NULL", doc["doc_id"]
    )
    kinds = dict_rows(location, "SELECT DISTINCT kind, rule FROM paragraphs WHERE doc_id = ?", doc["doc_id"])
    shown = (
        steps + [f"heading by {h['heading_rule']}" for h in headings] + [f"{k['kind']} by {k['rule']}" for k in kinds]
    )
    assert steps and headings and kinds  # the document has fields, a heading and paragraphs to explain
    for expected in shown:
        assert expected in why, expected
    assert "family 1 other version: es html declaracion_es.html (fingerprint 1.00" in why


def test_ingest_says_when_documents_were_made_by_an_older_pipeline(landed, tmp_path):
    from warehouse.connection import CATALOG, connect

    location, inbox = landed[0], landed[1]
    (tmp_path / "inbox").mkdir()
    (tmp_path / "inbox" / "note_es.md").write_text(OTHER_ES, encoding="utf-8")
    fresh = cli("ingest", str(tmp_path / "inbox"), "-w", str(tmp_path / "wh"))
    assert fresh.returncode == 0, fresh.stderr
    assert "older pipeline" not in said(fresh)
    con = connect(location)
    con.execute(f"UPDATE {CATALOG}.documents SET pipeline_version = '0.2.0+rules.abcd1234'")
    con.close()
    done = cli("ingest", str(inbox), "-w", str(location.root))
    assert done.returncode == 0, done.stderr
    assert said(done).endswith(
        "5 documents were made by an older pipeline (0.2.0+rules.abcd1234); run `consultations reprocess` to rebuild them."
    )
