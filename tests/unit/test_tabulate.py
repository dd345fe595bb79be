"""A document whose rows the warehouse cannot store fails alone, typed; its batch lands."""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime, timezone

from tasks.domain.cleaning import clean_document
from tasks.domain.document import label_languages, structure_document
from tasks.domain.models import SourceFile
from tasks.land import tabulate
from tasks.readers import read_document
from tests.conftest import SEEDS


def seed_documents():
    docs = []
    for path in sorted(SEEDS.glob("*.txt"))[:3]:
        data = path.read_bytes()
        raw = read_document(SourceFile(path.name, len(data), 0, path.stem), data)
        docs.append(label_languages(structure_document(clean_document(raw))))
    return docs


def test_a_document_with_a_value_the_schema_refuses_fails_alone():
    good, bad, other = seed_documents()
    bad = replace(bad, title="half of a character: \udc80")  # a lone surrogate cannot be stored as UTF-8
    now = datetime(2026, 12, 3, tzinfo=timezone.utc)

    tables, failures = tabulate.fn([good, bad, other], "run", now, "v")
    assert tables["documents"].column("doc_id").to_pylist() == [good.doc_id, other.doc_id]
    [failure] = failures
    assert (failure.doc_id, failure.stage, failure.error_type) == (bad.doc_id, "tabulate", "unstorable")
    assert failure.error_message.startswith(bad.cleaned.raw.source_path) and "\n" not in failure.error_message

    tables, failures = tabulate.fn([good, other], "run", now, "v")  # must not change: nothing to refuse
    assert failures == [] and tables["documents"].num_rows == 2
