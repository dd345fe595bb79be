"""The warehouse contract (v1): table and column names users and outside checks rely on.

One pyarrow schema per table; the DuckLake DDL is derived from them, so the two never drift."""

from __future__ import annotations

import pyarrow as pa

_TS = pa.timestamp("us", tz="UTC")
_LANG_SHARES = pa.list_(pa.struct([("lang", pa.string()), ("share", pa.float64())]))
_STRINGS = pa.list_(pa.string())
# What the file says about itself (PDF info, Word core properties, HTML title and lang).
_PROPERTIES = pa.struct(
    [("title", pa.string()), ("authors", _STRINGS), ("created", pa.date32()), ("language", pa.string())]
)

_DECISIONS = pa.list_(
    pa.struct([("field", pa.string()), ("value", pa.string()), ("step", pa.string()), ("evidence", pa.string())])
)

TABLES: dict[str, pa.Schema] = {
    "documents": pa.schema(
        [
            ("doc_id", pa.string()),
            ("source_path", pa.string()),
            ("source_format", pa.string()),
            ("title", pa.string()),
            ("language", pa.string()),
            ("language_confidence", pa.float64()),
            ("languages", _LANG_SHARES),
            ("n_pages", pa.int32()),
            ("n_sections", pa.int32()),
            ("n_paragraphs", pa.int32()),
            ("n_chars", pa.int64()),
            ("n_words", pa.int64()),
            ("raw_text", pa.string()),
            ("clean_text", pa.string()),
            ("encoding", pa.string()),
            ("authors", _STRINGS),
            ("organizations", _STRINGS),
            ("places", _STRINGS),
            ("doc_date", pa.date32()),
            ("un_symbols", _STRINGS),  # the symbols it cites; its own is doc_symbol
            ("doc_symbol", pa.string()),
            ("source_url", pa.string()),  # the page's canonical address or a post's permalink
            ("distribution", pa.string()),
            ("original_language", pa.string()),
            ("job_number", pa.string()),
            ("session", pa.string()),
            ("agenda_item", pa.string()),
            # Why each field has its value: the metadata step that read it and the text it read.
            ("decisions", _DECISIONS),
            # Numbers and names a translation keeps, in order (tasks/domain/families.py): linking
            # families on every landing reads these, never the texts.
            ("fingerprint", pa.string()),
            ("family_id", pa.string()),  # shared with its other languages and formats (`families`)
            ("pipeline_version", pa.string()),
            ("run_id", pa.string()),
            ("ingested_at", _TS),
            ("properties", _PROPERTIES),
            # Share of its words the cleaning deleted for good (tasks/domain/cleaning/guard.py).
            ("removed_word_share", pa.float64()),
        ]
    ),
    "sources": pa.schema(
        [
            ("source_path", pa.string()),
            ("doc_id", pa.string()),
            ("size_bytes", pa.int64()),
            ("mtime", _TS),
            ("first_seen", _TS),
            ("last_seen", _TS),
            # 'landed', 'failed', 'retry' (read again next run) or 'removed' (gone from its inbox;
            # its document is kept, and the `current_documents` view leaves it out)
            ("status", pa.string()),
            # the inbox the path is relative to: two inboxes into one warehouse never share a path
            ("inbox", pa.string()),
        ]
    ),
    "sections": pa.schema(
        [
            ("doc_id", pa.string()),
            ("section_no", pa.int32()),
            ("heading", pa.string()),
            ("level", pa.int32()),
            ("text", pa.string()),
            ("char_start", pa.int64()),
            ("char_end", pa.int64()),
            ("page_start", pa.int32()),
            ("page_end", pa.int32()),
            ("language", pa.string()),
            ("language_confidence", pa.float64()),
            ("n_words", pa.int64()),
            ("heading_rule", pa.string()),  # the structure step that made its heading one
        ]
    ),
    "paragraphs": pa.schema(
        [
            ("doc_id", pa.string()),
            ("section_no", pa.int32()),
            ("para_no", pa.int32()),
            ("kind", pa.string()),
            ("text", pa.string()),
            ("char_start", pa.int64()),
            ("char_end", pa.int64()),
            ("page", pa.int32()),
            ("language", pa.string()),
            ("language_confidence", pa.float64()),
            ("rule", pa.string()),  # the structure step that decided its kind
            ("evidence", pa.string()),  # what that step saw
        ]
    ),
    "artifacts": pa.schema(
        [
            ("doc_id", pa.string()),
            ("artifact_no", pa.int32()),
            ("kind", pa.string()),
            ("rule", pa.string()),
            ("text", pa.string()),
            ("replacement", pa.string()),
            ("raw_start", pa.int64()),
            ("raw_end", pa.int64()),
            ("page", pa.int32()),
        ]
    ),
    "tables": pa.schema(
        [
            ("doc_id", pa.string()),
            ("table_no", pa.int32()),
            ("page", pa.int32()),
            ("cells", pa.list_(_STRINGS)),
        ]
    ),
    # `raw_text[raw_start:raw_end]` is the note as the reader wrote it (`[^12]: ...`), `clean_text[char_start:char_end]`
    # its paragraph (kind `footnote` in `paragraphs`); `page` is where its first reference is printed.
    "footnotes": pa.schema(
        [
            ("doc_id", pa.string()),
            ("footnote_no", pa.int32()),
            ("marker", pa.string()),
            ("text", pa.string()),
            ("page", pa.int32()),
            ("raw_start", pa.int64()),
            ("raw_end", pa.int64()),
            ("char_start", pa.int64()),
            ("char_end", pa.int64()),
        ]
    ),
    # One row per document: its family and how it was linked (`symbol`: the same own symbol;
    # `fingerprint`: its numbers and names match `linked_to`'s, `score` and `evidence` say how well;
    # `alone`: a family of one). Rebuilt whole in the commit of every run that lands documents.
    "families": pa.schema(
        [
            ("family_id", pa.string()),
            ("doc_id", pa.string()),
            ("language", pa.string()),
            ("source_format", pa.string()),
            ("method", pa.string()),
            ("linked_to", pa.string()),
            ("score", pa.float64()),
            ("evidence", pa.string()),
        ]
    ),
    "failures": pa.schema(
        [
            ("source_path", pa.string()),
            ("doc_id", pa.string()),
            ("stage", pa.string()),
            ("error_type", pa.string()),
            ("error_message", pa.string()),
            ("run_id", pa.string()),
            ("failed_at", _TS),
        ]
    ),
    "runs": pa.schema(
        [
            ("run_id", pa.string()),
            ("flow_name", pa.string()),
            ("inbox", pa.string()),
            ("started_at", _TS),
            ("finished_at", _TS),
            ("n_seen", pa.int64()),
            ("n_new", pa.int64()),
            ("n_changed", pa.int64()),
            ("n_unchanged", pa.int64()),
            ("n_failed", pa.int64()),
            ("pipeline_version", pa.string()),
            ("n_removed", pa.int64()),  # paths gone from the inbox since the run before
            ("status", pa.string()),
        ]
    ),
}

# Views over the tables, made beside the tables' own in every connection: the documents whose
# file is still in an inbox (a document whose every path was removed is kept, and left out here).
VIEWS = {
    "current_documents": "SELECT * FROM documents d WHERE EXISTS (SELECT 1 FROM sources s "
    "WHERE s.doc_id = d.doc_id AND s.status IS DISTINCT FROM 'removed')",
}

# Tables whose small writes stay in the catalog instead of a Parquet file each: a run's own row,
# its few failures and the sources rows of a small run. A scheduled run that finds nothing new
# then writes no data file. Only tables without nested dates (a DATE inside a STRUCT does not read
# back from an inlined SQLite row); `consultations maintain` flushes them into Parquet.
INLINED_ROWS = {"runs": 100, "failures": 100, "sources": 100}

# Tables whose rows belong to one document version and go when it is superseded.
DOCUMENT_TABLES = ("documents", "sections", "paragraphs", "artifacts", "tables", "footnotes")


def _duck_type(t: pa.DataType) -> str:
    if pa.types.is_string(t):
        return "VARCHAR"
    if pa.types.is_int32(t):
        return "INTEGER"
    if pa.types.is_int64(t):
        return "BIGINT"
    if pa.types.is_float64(t):
        return "DOUBLE"
    if pa.types.is_date32(t):
        return "DATE"
    if pa.types.is_timestamp(t):
        return "TIMESTAMPTZ"
    if pa.types.is_list(t):
        return _duck_type(t.value_type) + "[]"
    if pa.types.is_struct(t):
        fields = ", ".join(f'"{f.name}" {_duck_type(f.type)}' for f in t)
        return f"STRUCT({fields})"
    raise TypeError(f"no DuckDB type for {t}")


def column_sql(field: pa.Field) -> str:
    return f'"{field.name}" {_duck_type(field.type)}'


def create_table_sql(catalog: str, name: str) -> str:
    columns = ", ".join(column_sql(f) for f in TABLES[name])
    return f"CREATE TABLE IF NOT EXISTS {catalog}.{name} ({columns})"
