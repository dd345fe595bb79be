"""A Word document's title, authors, creation date and language from its core properties."""

from __future__ import annotations

import re
from datetime import date, datetime, timezone

from docx.opc.constants import RELATIONSHIP_TYPE as RT

from tasks.domain.models import Properties

# python-docx's own template: documents it generates without setting these carry its values.
_PLACEHOLDER_AUTHORS = frozenset({"python-docx"})
_PLACEHOLDER_CREATED = datetime(2013, 12, 23, 23, 15, tzinfo=timezone.utc)
_EARLIEST_CREATED = date(1980, 1, 1)  # zero or epoch dates some tools write when they know none
_LANGUAGE_TAG = re.compile(r"^([A-Za-z]{2})(?:[-_][A-Za-z0-9]+)*$")


def read_properties(document) -> Properties:
    """From the core properties part, when there is one: python-docx invents a title ("Word
    Document") for a file without it, which must not pass for the document's own."""
    try:
        part = document.part.package.part_related_by(RT.CORE_PROPERTIES)
    except KeyError:
        return Properties()
    core = part.core_properties
    return Properties(
        title=(core.title or "").strip() or None,
        authors=_authors(core.author),
        created=_created(core.created),
        language=_language(core.language),
    )


def _authors(author: str | None) -> tuple[str, ...]:
    """Several authors are separated by ";" in Word; a comma is part of a name ("Smith, John")."""
    names = (" ".join(name.split()) for name in (author or "").split(";"))
    return tuple(dict.fromkeys(n for n in names if n and n not in _PLACEHOLDER_AUTHORS))


def _created(created: datetime | None) -> date | None:
    if created is None or created == _PLACEHOLDER_CREATED or created.date() < _EARLIEST_CREATED:
        return None
    return created.date()


def _language(tag: str | None) -> str | None:
    m = _LANGUAGE_TAG.match((tag or "").strip())
    return m.group(1).lower() if m else None
