"""Extraction of text formats from bytes."""
from __future__ import annotations

from tasks.domain.decode import decode
from tasks.domain.discover import source_format
from tasks.domain.models import RawDocument, SourceFile


class UnsupportedFormat(ValueError):
    error_type = "unsupported_format"


def extract_text_document(f: SourceFile, data: bytes) -> RawDocument:
    fmt = source_format(f.source_path)
    if fmt is None:
        raise UnsupportedFormat(f"{f.source_path}: this kind of file is not ingested "
                                "(supported: .txt, .md); move it out of the inbox or convert it")
    text, encoding = decode(data)
    return RawDocument(f.doc_id, f.source_path, fmt, text, encoding)
