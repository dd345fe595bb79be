"""The document tables are named twice: by the domain, which makes their rows (it may not import
the warehouse), and by the warehouse, which deletes a superseded document's rows from them. A
table added to one and not the other would leave rows behind or never land them."""

from __future__ import annotations

from datetime import datetime, timezone

import pytest

from tasks.domain.cleaning import clean_document
from tasks.domain.document import label_languages, structure_document
from tasks.domain.models import RawDocument
from tasks.domain.records import document_rows
from tasks.domain.run import DOCUMENT_TABLES
from warehouse import schema

pytestmark = pytest.mark.unit


def test_the_domain_and_the_warehouse_name_the_same_document_tables():
    assert DOCUMENT_TABLES == schema.DOCUMENT_TABLES
    assert set(DOCUMENT_TABLES) <= set(schema.TABLES)


def test_a_document_has_rows_for_exactly_the_document_tables():
    raw = RawDocument("d1", "note.md", "md", "# Note\n\nThe delegation spoke.[^1]\n\n[^1]: A footnote.\n", "utf-8")
    doc = label_languages(structure_document(clean_document(raw)))
    rows = document_rows(doc, "run", datetime.now(timezone.utc), "v")
    assert set(rows) == set(DOCUMENT_TABLES)
    assert rows["footnotes"] and rows["documents"][0]["doc_id"] == "d1"
