"""Extraction errors every reader shares, and the reader of plain text formats."""

from __future__ import annotations

from tasks.domain.decode import DecodeError, decode
from tasks.domain.models import RawDocument

# Failures that say nothing about the document: the next run reads the file again even if it
# looks unchanged (sources.status 'retry'). Every other failure waits for the file to change.
TRANSIENT_ERRORS = frozenset({"read_error", "changed_during_run"})


class ReadError(ValueError):
    """A file that cannot be read. `error_type` says why (`encrypted`, `corrupt`,
    `no_text_layer`, …); the message says what a person can do about it."""

    def __init__(self, error_type: str, message: str):
        super().__init__(message)
        self.error_type = error_type


def read_text(source_path: str, doc_id: str, data: bytes, source_format: str) -> RawDocument:
    try:
        text, encoding = decode(data)
    except DecodeError as error:  # the same type, its message naming the file like every reader's
        raise ReadError(error.error_type, f"{source_path}: {error}") from error
    return RawDocument(doc_id, source_path, source_format, text, encoding)
