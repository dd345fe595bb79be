"""Rows of the warehouse tables for processed documents and failures: plain dicts."""

from __future__ import annotations

import hashlib
from datetime import datetime, timezone

from tasks.domain.cleaning.guard import removed_words
from tasks.domain.cleaning.registry import CleaningConfig
from tasks.domain.families import FINGERPRINT_VERSION, fingerprint
from tasks.domain.front_matter import front_matter_url
from tasks.domain.language import LANGUAGE_VERSION
from tasks.domain.metadata import Metadata
from tasks.domain.metadata import step_labels as metadata_step_labels
from tasks.domain.models import CleanedDocument, Failure, Properties, SourceFile, StructuredDocument
from tasks.domain.pages import count_pages
from tasks.domain.structure import step_labels as structure_step_labels

# 0.3.0: document fields read off the masthead with the step behind each (`decisions`), the step
# behind each heading and paragraph kind, families of translations (fingerprint, family_id).
PACKAGE_VERSION = "0.3.0"


def pipeline_version(config: CleaningConfig = CleaningConfig()) -> str:
    """The code version plus a digest of every stage's steps: the active cleaning rules, the
    structure and metadata steps, the language stage and the family fingerprint. It changes
    whenever one of them is bumped, added, removed or switched off, so `reprocess` knows what
    an older pipeline made."""
    labels = ",".join(
        [
            *(rule.label for rule in config.rules()),
            *structure_step_labels(),
            *metadata_step_labels(),
            f"language@{LANGUAGE_VERSION}",
            f"fingerprint@{FINGERPRINT_VERSION}",
        ]
    )
    digest = hashlib.sha256(labels.encode()).hexdigest()[:8]
    return f"{PACKAGE_VERSION}+rules.{digest}"


def document_rows(doc: StructuredDocument, run_id: str, now: datetime, version: str) -> dict[str, list[dict]]:
    raw, cleaned = doc.cleaned.raw, doc.cleaned
    n_words = len(cleaned.clean_text.split())
    url = source_url(cleaned)
    documents = [
        {
            "doc_id": raw.doc_id,
            "source_path": raw.source_path,
            "source_format": raw.source_format,
            "title": doc.title,
            "language": doc.language,
            "language_confidence": doc.language_confidence,
            "languages": [{"lang": lang, "share": share} for lang, share in doc.languages],
            "n_pages": raw.n_pages or count_pages(raw.raw_text),
            "n_sections": len(doc.sections),
            "n_paragraphs": len(doc.paragraphs),
            "n_chars": len(cleaned.clean_text),
            "n_words": n_words,
            "raw_text": raw.raw_text,
            "clean_text": cleaned.clean_text,
            "encoding": raw.encoding,
            **_metadata_fields(doc.metadata),
            "fingerprint": _fingerprint(doc, url),
            "source_url": url,
            "pipeline_version": version,
            "run_id": run_id,
            "ingested_at": now,
            "properties": _properties(raw.properties),
            "removed_word_share": removed_words(cleaned, max_examples=0).lost_share,
        }
    ]
    sections = [{"doc_id": raw.doc_id, **_fields(s)} for s in doc.sections]
    paragraphs = [{"doc_id": raw.doc_id, **_fields(p)} for p in doc.paragraphs]
    artifacts = [{"doc_id": raw.doc_id, "artifact_no": i, **_fields(r)} for i, r in enumerate(cleaned.removals)]
    tables = [
        {"doc_id": raw.doc_id, "table_no": t.table_no, "page": t.page, "cells": [list(row) for row in t.cells]}
        for t in raw.tables
    ]
    footnotes = [{"doc_id": raw.doc_id, **_fields(f)} for f in doc.footnotes]
    return {
        "documents": documents,
        "sections": sections,
        "paragraphs": paragraphs,
        "artifacts": artifacts,
        "tables": tables,
        "footnotes": footnotes,
    }


def _properties(p: Properties) -> dict | None:
    if p == Properties():
        return None
    return {"title": p.title, "authors": list(p.authors), "created": p.created, "language": p.language}


def _metadata_fields(metadata: Metadata | None) -> dict:
    metadata = metadata or Metadata()
    return {
        "authors": list(metadata.authors),
        "organizations": list(metadata.organizations),
        "places": list(metadata.places),
        "doc_date": metadata.doc_date,
        "un_symbols": list(metadata.un_symbols),
        "doc_symbol": metadata.doc_symbol,
        "distribution": metadata.distribution,
        "original_language": metadata.original_language,
        "job_number": metadata.job_number,
        "session": metadata.session,
        "agenda_item": metadata.agenda_item,
        "decisions": [
            {"field": d.field, "value": _text(d.value), "step": d.step, "evidence": d.evidence}
            for d in metadata.decisions
        ],
    }


def _fingerprint(doc: StructuredDocument, url: str | None) -> str:
    symbol = doc.metadata.doc_symbol if doc.metadata else None
    return fingerprint(doc.cleaned.raw.raw_text, doc.cleaned.clean_text, symbol, url).to_text()


def source_url(cleaned: CleanedDocument) -> str | None:
    """The document's own address: the page's canonical link, or a post's front-matter permalink."""
    return cleaned.raw.properties.url or front_matter_url(cleaned)


def _text(value) -> str | None:
    if value is None:
        return None
    return value.isoformat() if hasattr(value, "isoformat") else str(value)


def _fields(obj) -> dict:
    return dict(vars(obj))


def failure_row(failure: Failure, run_id: str, now: datetime) -> dict:
    return {**_fields(failure), "run_id": run_id, "failed_at": now}


def source_row(f: SourceFile, status: str, now: datetime, first_seen: datetime | None, inbox: str) -> dict:
    return {
        "source_path": f.source_path,
        "doc_id": f.doc_id,
        "size_bytes": f.size_bytes,
        "mtime": datetime.fromtimestamp(f.mtime_us / 1e6, tz=timezone.utc),
        "first_seen": first_seen or now,
        "last_seen": now,
        "status": status,
        "inbox": inbox,
    }
