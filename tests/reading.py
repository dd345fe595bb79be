"""What the tests of the readers look at in a RawDocument: its body and its furniture."""

from __future__ import annotations

from tasks.domain.models import RawDocument


def spans_of(doc: RawDocument, kind: str) -> list[str]:
    """The text of each furniture span of this kind, in order."""
    return [doc.raw_text[f.raw_start : f.raw_end] for f in doc.furniture if f.kind == kind]


def body_of(doc: RawDocument) -> str:
    """The raw text without its furniture: what the cleaning will keep of it."""
    out, pos = [], 0
    for f in doc.furniture:
        out.append(doc.raw_text[pos : f.raw_start])
        pos = f.raw_end
    return "".join(out) + doc.raw_text[pos:]
