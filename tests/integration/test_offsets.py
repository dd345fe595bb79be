"""The offset contract of DESIGN.md holds for every landed artifact, section and paragraph."""

from __future__ import annotations

import pytest

from tasks.domain.cleaning import replay
from tasks.domain.models import Removal

pytestmark = pytest.mark.integration


def test_every_artifact_is_its_raw_slice_and_replay_gives_clean_text(seeded_con):
    docs = seeded_con.execute("SELECT doc_id, raw_text, clean_text FROM documents").fetchall()
    assert len(docs) == 5
    for doc_id, raw, clean in docs:
        rows = seeded_con.execute(
            "SELECT kind, rule, text, replacement, raw_start, raw_end FROM artifacts WHERE doc_id = ? "
            "ORDER BY artifact_no",
            [doc_id],
        ).fetchall()
        for kind, rule, text, replacement, start, end in rows:
            assert raw[start:end] == text, (doc_id, kind, rule)
        assert replay(raw, [Removal(*row) for row in rows]) == clean


@pytest.mark.parametrize("table", ["sections", "paragraphs"])
def test_units_are_slices_of_the_clean_text(seeded_con, table):
    rows = seeded_con.execute(
        f"SELECT d.clean_text, u.text, u.char_start, u.char_end FROM {table} u JOIN documents d USING (doc_id)"
    ).fetchall()
    assert rows
    for clean, text, start, end in rows:
        assert clean[start:end] == text
