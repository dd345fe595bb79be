"""Each inbox is its own namespace: two inboxes into one warehouse never overwrite each other's
sources; a file removed from its inbox is marked `removed`, its document kept and left out of
`current_documents`; back in the inbox, it is current again without being processed twice."""

from __future__ import annotations

import shutil

import pytest

from tests.conftest import SEEDS
from tests.warehouse_rows import rows as query

pytestmark = pytest.mark.integration


def test_two_inboxes_with_the_same_file_names_keep_their_own_sources(prefect_server, tmp_path):
    from flows.ingest import ingest

    seeds, other, warehouse = tmp_path / "seeds", tmp_path / "other", tmp_path / "wh"
    shutil.copytree(SEEDS, seeds)
    other.mkdir()
    name = sorted(p.name for p in seeds.glob("*.txt"))[0]
    (other / name).write_text("Another inbox, another statement on labour migration.\n", encoding="utf-8")

    ingest(str(seeds), str(warehouse))
    second = ingest(str(other), str(warehouse))
    assert (second.n_new, second.n_changed, second.n_removed) == (1, 0, 0)
    rows = query(warehouse, f"SELECT inbox, status FROM sources WHERE source_path = '{name}' ORDER BY inbox")
    assert rows == [(str(other.resolve()), "landed"), (str(seeds.resolve()), "landed")]
    assert query(warehouse, "SELECT count(*) FROM documents") == [(6,)]  # the seed was not replaced
    # and each inbox's next run sees its own files unchanged, none removed
    again = ingest(str(seeds), str(warehouse))
    assert (again.n_new, again.n_changed, again.n_unchanged, again.n_removed) == (0, 0, 5, 0)


def test_a_removed_file_is_flagged_kept_and_current_again_when_it_comes_back(prefect_server, tmp_path):
    from flows.ingest import ingest

    inbox, warehouse, aside = tmp_path / "inbox", tmp_path / "wh", tmp_path / "aside"
    shutil.copytree(SEEDS, inbox)
    aside.mkdir()
    ingest(str(inbox), str(warehouse))
    gone = sorted(inbox.glob("*.txt"))[0]
    shutil.move(gone, aside / gone.name)

    run = ingest(str(inbox), str(warehouse))
    assert (run.n_seen, run.n_removed, run.doc_ids) == (4, 1, [])
    assert query(warehouse, f"SELECT status FROM sources WHERE source_path = '{gone.name}'") == [("removed",)]
    assert query(warehouse, "SELECT count(*) FROM documents") == [(5,)]  # kept
    assert query(warehouse, "SELECT count(*) FROM current_documents") == [(4,)]
    assert query(warehouse, "SELECT n_removed FROM runs ORDER BY started_at") == [(0,), (1,)]
    assert ingest(str(inbox), str(warehouse)).n_removed == 0  # said once

    shutil.move(aside / gone.name, gone)
    back = ingest(str(inbox), str(warehouse))
    assert back.doc_ids == []  # its document is still there: nothing to process again
    assert query(warehouse, f"SELECT status FROM sources WHERE source_path = '{gone.name}'") == [("landed",)]
    assert query(warehouse, "SELECT count(*) FROM current_documents") == [(5,)]
