"""Read paths over the warehouse: ad-hoc SQL, exports, summaries."""

from __future__ import annotations

from pathlib import Path

import duckdb
import pyarrow as pa

from warehouse.config import sql_literal
from warehouse.connection import CATALOG, WarehouseLocation, catalog_columns, connect, connect_sandboxed
from warehouse.schema import TABLES


class QueryError(ValueError):
    pass


# Statements that reach outside the warehouse (other databases, files, extensions, settings).
_OUTSIDE = {"ATTACH", "DETACH", "COPY", "COPY_DATABASE", "EXPORT", "LOAD", "SET", "VARIABLE_SET", "EXTENSION"}
_OUTSIDE_WORDS = "the query reads or writes outside the warehouse"
_PERMISSION_NOISE = (" - file system operations are disabled by configuration", "Permission Error: ")


def _keyword(statement) -> str:
    """What to call a refused statement: its type, or for INSTALL/LOAD and SET/RESET/USE (one
    type each in DuckDB) the words it starts with."""
    kind = statement.type.name
    if kind not in ("LOAD", "SET"):
        return {"MERGE_INTO": "MERGE", "COPY_DATABASE": "COPY", "VARIABLE_SET": "SET"}.get(kind, kind)
    try:
        words = statement.query.split()
    except IndexError:  # DuckDB cannot always cut a statement's own text out of the query
        return kind
    return " ".join(words[:2] if words[:1] == ["FORCE"] else words[:1]).upper() or kind


def _refusal(statement) -> str | None:
    """Why a parsed statement may not run, or None for a read: SELECT (with SHOW, DESCRIBE,
    SUMMARIZE, PRAGMA and FROM-first queries, which DuckDB parses as SELECT), EXPLAIN of a read,
    and the enum types DuckDB's parser itself creates for a PIVOT (a CREATE with no text)."""
    kind = statement.type.name
    if kind == "SELECT":
        return None
    if kind == "CREATE":
        try:
            if not statement.query.strip():
                return None
        except IndexError:
            pass
    if kind == "EXPLAIN":
        return None  # what it explains is checked with the statement it wraps (see run_sql)
    if kind in _OUTSIDE:
        return f"{_OUTSIDE_WORDS} ({_keyword(statement)} is not allowed)"
    if kind == "CALL":
        return "the warehouse is read-only (CALL is not allowed: write SELECT * FROM the function instead)"
    return f"the warehouse is read-only ({_keyword(statement)} is not allowed)"


def _explained(con: duckdb.DuckDBPyConnection, statement):
    """The statement an EXPLAIN [ANALYZE] wraps (EXPLAIN ANALYZE runs it); when it cannot be
    found, the EXPLAIN is refused rather than run unchecked."""
    try:
        text = statement.query.strip()
    except IndexError:
        text = ""
    rest = text.split(None, 1)[1] if len(text.split(None, 1)) == 2 else ""
    if rest.startswith("("):  # EXPLAIN (FORMAT json) …
        rest = rest[rest.index(")") + 1 :].strip() if ")" in rest else ""
    if rest[:7].upper() in ("ANALYZE", "ANALYSE"):
        rest = rest[7:].strip()
    inner = con.extract_statements(rest) if rest else []
    if not inner:
        raise QueryError("the warehouse is read-only (EXPLAIN is allowed of a SELECT only)")
    return inner


def _outside(error: duckdb.Error) -> str:
    detail = str(error).splitlines()[0]
    for noise in _PERMISSION_NOISE:
        detail = detail.replace(noise, "")
    return f"{_OUTSIDE_WORDS} ({detail.strip()})"


def _dicts(cursor) -> list[dict]:
    columns = [d[0] for d in cursor.description]
    return [dict(zip(columns, row)) for row in cursor.fetchall()]


def run_sql(location: WarehouseLocation, query: str) -> tuple[list[str], list[tuple]]:
    """Run a user's SQL so that it can only read the warehouse: every statement is parsed first by
    DuckDB (on the locked-down connection, so even parsing reads no file) and any that is not a
    read refuses the whole query before anything runs; the connection itself reads only the
    warehouse's data path (see `connect_sandboxed`). The lake is attached read-only, so a running
    ingestion is never blocked and never seen half-done."""
    con = connect_sandboxed(location)
    try:
        try:
            statements = con.extract_statements(query)
            for statement in statements:
                inner = _explained(con, statement) if statement.type.name == "EXPLAIN" else []
                for checked in [statement, *inner]:
                    if (reason := _refusal(checked)) is not None:
                        raise QueryError(reason)
            cursor = con.execute(query)
            if cursor.description is None:
                return [], []
            return [d[0] for d in cursor.description], cursor.fetchall()
        except duckdb.PermissionException as error:
            raise QueryError(_outside(error)) from None
        except duckdb.Error as error:
            raise QueryError(str(error)) from error
    finally:
        con.close()


def export_tables(location: WarehouseLocation, directory: Path) -> dict[str, int]:
    """Every table as `<directory>/<table>.parquet`, through a connection of its own: the
    connection `sql` uses cannot write files."""
    directory.mkdir(parents=True, exist_ok=True)
    con = connect(location, read_only=True)
    try:
        counts = {}
        for name in TABLES:
            target = sql_literal(str((directory / f"{name}.parquet").resolve()))
            con.execute(f'COPY (SELECT * FROM {CATALOG}."{name}") TO {target} (FORMAT parquet)')
            counts[name] = con.execute(f'SELECT count(*) FROM {CATALOG}."{name}"').fetchone()[0]
        return counts
    finally:
        con.close()


def landed_documents(location: WarehouseLocation, doc_ids: list[str]) -> list[tuple]:
    """Per document: path, title, language, sections, paragraphs, removals by kind."""
    con = connect(location, read_only=True)
    try:
        con.register("wanted", pa.table({"doc_id": pa.array(doc_ids, pa.string())}))
        return con.execute("""
            SELECT d.source_path, d.title, d.language, d.n_sections, d.n_paragraphs,
                   (SELECT list({'kind': kind, 'n': n}) FROM (
                        SELECT kind, count(*) AS n FROM artifacts a
                        WHERE a.doc_id = d.doc_id GROUP BY kind)) AS noise
            FROM documents d JOIN wanted USING (doc_id)
            ORDER BY d.source_path""").fetchall()
    finally:
        con.close()


def stored_ids(location: WarehouseLocation, only_outdated: str | None) -> list[tuple[str, object]]:
    """(doc_id, ingested_at) of the stored documents, in source path order; with `only_outdated`,
    those whose pipeline_version differs from it. Small: the texts are read batch by batch."""
    con = connect(location, read_only=True)
    try:
        where = "WHERE pipeline_version IS DISTINCT FROM ?" if only_outdated else ""
        return con.execute(
            f"SELECT doc_id, ingested_at FROM documents {where} ORDER BY source_path, doc_id",
            [only_outdated] if only_outdated else [],
        ).fetchall()
    finally:
        con.close()


def stored_documents(location: WarehouseLocation, doc_ids: list[str]) -> list[dict]:
    """Raw text and identity of these stored documents, with what their reader found besides the
    text (furniture spans, recorded as artifacts of a `<format>_reader` rule; tables;
    properties)."""
    con = connect(location, read_only=True)
    try:
        con.register("wanted", pa.table({"doc_id": pa.array(doc_ids, pa.string())}))
        where = "WHERE doc_id IN (SELECT doc_id FROM wanted)"
        source_url = "source_url" if "source_url" in catalog_columns(con).get("documents", ()) else "NULL AS source_url"
        cursor = con.execute(
            "SELECT doc_id, source_path, source_format, raw_text, encoding, n_pages, ingested_at, properties, "
            f"  {source_url}, "
            "  (SELECT list({'kind': a.kind, 'raw_start': a.raw_start, 'raw_end': a.raw_end} ORDER BY a.raw_start) "
            "   FROM artifacts a WHERE a.doc_id = d.doc_id AND regexp_matches(a.rule, '^[a-z]+_reader@')) AS furniture, "
            "  (SELECT list({'table_no': t.table_no, 'page': t.page, 'cells': t.cells} ORDER BY t.table_no) "
            "   FROM tables t WHERE t.doc_id = d.doc_id) AS tables "
            f"FROM documents d {where} ORDER BY source_path, doc_id"
        )
        return _dicts(cursor)
    finally:
        con.close()


def resolve_document(location: WarehouseLocation, ref: str) -> str | None:
    """A doc_id from a full id, an id prefix of 6+ characters, or a source path."""
    con = connect(location, read_only=True)
    try:
        rows = con.execute(
            "SELECT DISTINCT doc_id FROM sources WHERE source_path = ? "
            "UNION SELECT doc_id FROM documents WHERE doc_id = ? OR (length(?) >= 6 AND starts_with(doc_id, ?))",
            [ref, ref, ref, ref],
        ).fetchall()
        if len(rows) > 1:
            raise QueryError(f"{ref!r} matches {len(rows)} documents: give more of the doc_id")
        return rows[0][0] if rows else None
    finally:
        con.close()


def document_removals(location: WarehouseLocation, doc_id: str) -> tuple[dict, list[dict]]:
    con = connect(location, read_only=True)
    try:
        doc = con.execute(
            "SELECT doc_id, source_path, title, raw_text, clean_text FROM documents WHERE doc_id = ?", [doc_id]
        ).fetchone()
        if doc is None:
            raise QueryError(f"document {doc_id} is not in the warehouse")
        cursor = con.execute(
            "SELECT artifact_no, kind, rule, text, replacement, raw_start, raw_end, page "
            "FROM artifacts WHERE doc_id = ? ORDER BY raw_start",
            [doc_id],
        )
        return dict(zip(("doc_id", "source_path", "title", "raw_text", "clean_text"), doc)), _dicts(cursor)
    finally:
        con.close()


def document_outline(location: WarehouseLocation, doc_id: str) -> tuple[dict, list[dict]]:
    """A document's metadata and its sections, for `consultations show`: `doc["family"]` lists
    the other versions in its family, `doc["decisions"]` why each field has its value, each
    section its `heading_rule` and `paragraph_rules` (rule, evidence and count per paragraph kind).
    A warehouse made before a column existed reads it as NULL."""
    con = connect(location, read_only=True)
    try:
        have = catalog_columns(con)
        wanted = (
            "doc_id, source_path, source_format, title, language, language_confidence, languages, n_pages, "
            "n_sections, n_paragraphs, n_words, authors, organizations, places, doc_date, un_symbols, doc_symbol, "
            "distribution, original_language, job_number, session, agenda_item, decisions, family_id, "
            "pipeline_version, ingested_at"
        ).split(", ")
        cursor = con.execute(
            f"SELECT {', '.join(c if c in have['documents'] else f'NULL AS {c}' for c in wanted)} "
            "FROM documents WHERE doc_id = ?",
            [doc_id],
        )
        found = _dicts(cursor)
        if not found:
            raise QueryError(f"document {doc_id} is not in the warehouse")
        doc = found[0]
        doc["family"] = _family(con, doc["family_id"], doc_id) if "families" in have else []
        heading_rule = "heading_rule" if "heading_rule" in have["sections"] else "NULL AS heading_rule"
        paragraph_rules = (
            "(SELECT list({'kind': kind, 'rule': rule, 'evidence': evidence, 'n': n} ORDER BY first_para) FROM ("
            "  SELECT kind, rule, any_value(evidence) AS evidence, count(*) AS n, min(para_no) AS first_para"
            "  FROM paragraphs p WHERE p.doc_id = s.doc_id AND p.section_no = s.section_no AND rule IS NOT NULL"
            "  GROUP BY kind, rule))"
            if "rule" in have["paragraphs"]
            else "NULL"
        )
        cursor = con.execute(
            "SELECT section_no, heading, level, page_start, page_end, language, language_confidence, n_words, "
            f"{heading_rule}, {paragraph_rules} AS paragraph_rules FROM sections s WHERE doc_id = ? ORDER BY section_no",
            [doc_id],
        )
        return doc, _dicts(cursor)
    finally:
        con.close()


def _family(con: duckdb.DuckDBPyConnection, family_id: str | None, doc_id: str) -> list[dict]:
    """The other documents of a family: language, format, path and how each was linked."""
    if family_id is None:
        return []
    return _dicts(
        con.execute(
            "SELECT d.doc_id, d.language, d.source_format, d.source_path, f.method, f.score "
            "FROM families f JOIN documents d USING (doc_id) WHERE f.family_id = ? AND f.doc_id <> ? "
            "ORDER BY d.language, d.source_format, d.source_path",
            [family_id, doc_id],
        )
    )


def outdated_documents(location: WarehouseLocation, version: str) -> dict[str, int]:
    """How many documents each pipeline version other than `version` made (none: empty)."""
    con = connect(location, read_only=True)
    try:
        rows = con.execute(
            "SELECT coalesce(pipeline_version, 'unknown'), count(*) FROM documents "
            "WHERE pipeline_version IS DISTINCT FROM ? GROUP BY 1 ORDER BY 2 DESC, 1",
            [version],
        ).fetchall()
        return dict(rows)
    finally:
        con.close()


# The last failure of each path: what a file whose source is still `failed` or `retry` last met.
_FAILING_SQL = """
    SELECT s.source_path, s.doc_id, s.status, f.stage, f.error_type, f.error_message, f.failed_at
    FROM sources s
    LEFT JOIN (
        SELECT *, row_number() OVER (PARTITION BY source_path ORDER BY failed_at DESC) AS newest
        FROM failures
    ) f ON f.source_path = s.source_path AND f.newest = 1
    WHERE s.status IN ('failed', 'retry')
    ORDER BY s.source_path"""


def _failing(con: duckdb.DuckDBPyConnection) -> list[dict]:
    return _dicts(con.execute(_FAILING_SQL))


def lake_size(con: duckdb.DuckDBPyConnection) -> tuple[int, int]:
    """The lake's snapshots and its live data files: what maintenance keeps down."""
    snapshots = con.execute(f"SELECT count(*) FROM ducklake_snapshots('{CATALOG}')").fetchone()[0]
    files = con.execute(
        f"SELECT count(*) FROM __ducklake_metadata_{CATALOG}.ducklake_data_file WHERE end_snapshot IS NULL"
    ).fetchone()[0]
    return snapshots, files


def failing_sources(location: WarehouseLocation) -> list[dict]:
    """The files that still fail across the warehouse, whichever run last met them: every source
    whose last status is `failed` (read again once the file changes) or `retry` (read again by
    the next run), with the stage, error type and message of its newest failure."""
    con = connect(location, read_only=True)
    try:
        return _failing(con)
    finally:
        con.close()


def warehouse_status(location: WarehouseLocation, version: str, n_runs: int = 5) -> dict:
    """Everything `consultations status` shows, read in one connection: documents in all and by
    language, the last `n_runs` runs, the files still failing, the documents made by a pipeline
    other than `version` (by version), and the lake's snapshots and live data files (what
    `maintain` shrinks)."""
    con = connect(location, read_only=True)
    try:
        by_language = dict(
            con.execute(
                "SELECT coalesce(language, 'und'), count(*) FROM documents GROUP BY 1 ORDER BY 2 DESC, 1"
            ).fetchall()
        )
        runs = _dicts(
            con.execute(
                "SELECT run_id, flow_name, inbox, started_at, finished_at, n_seen, n_new, n_changed, n_unchanged, "
                "n_failed, pipeline_version, status FROM runs ORDER BY started_at DESC LIMIT ?",
                [n_runs],
            )
        )
        outdated = dict(
            con.execute(
                "SELECT coalesce(pipeline_version, 'unknown'), count(*) FROM documents "
                "WHERE pipeline_version IS DISTINCT FROM ? GROUP BY 1 ORDER BY 2 DESC, 1",
                [version],
            ).fetchall()
        )
        n_snapshots, n_files = lake_size(con)
        return {
            "n_documents": sum(by_language.values()),
            "languages": by_language,
            "runs": runs,
            "failing": _failing(con),
            "outdated": outdated,
            "n_snapshots": n_snapshots,
            "n_data_files": n_files,
        }
    finally:
        con.close()
