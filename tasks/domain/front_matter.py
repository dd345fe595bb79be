"""The YAML front matter of a markdown file, read back as fields.

Cleaning removes the block (rule `drop_front_matter`, artifact kind `front_matter`) because it
is metadata, not body text; its `title:`, `date:` and `lang:` still say what the document is,
when it was published and in what language. Only flat `key: value` pairs and folded (`>`) or
literal (`|`) block scalars are read: that is what blog and static-site exports write, and no
YAML library is needed for it. Lists and nested maps are skipped."""

from __future__ import annotations

import re

from tasks.domain.models import CleanedDocument

_KEY = re.compile(r"^([A-Za-z_][\w.-]*)\s*:\s*(.*)$")
_BLOCK = re.compile(r"^[>|][+-]?\d?$")
# The keys that carry the document's own title, date and language, most specific first.
TITLE_KEYS = ("title", "post_title", "headline", "name")
DATE_KEYS = ("date", "post_date", "pubdate", "publishdate", "published_at", "date_published", "issued", "created")
LANGUAGE_KEYS = ("lang", "language", "locale")
URL_KEYS = ("permalink", "canonical_url", "canonical", "url", "link")


def front_matter(cleaned: CleanedDocument) -> dict[str, str]:
    """The removed front matter's scalar values by lower-case key ({} when there was none)."""
    for removal in cleaned.removals:
        if removal.kind == "front_matter":
            return parse_front_matter(removal.text)
    return {}


def parse_front_matter(text: str) -> dict[str, str]:
    """`key: value` pairs of a `---` block; a block scalar's indented lines folded into one."""
    fields: dict[str, str] = {}
    lines = [line for line in text.splitlines() if line.strip() not in ("---", "...")]
    i = 0
    while i < len(lines):
        m = _KEY.match(lines[i])
        i += 1
        if not m or lines[i - 1][:1].isspace():
            continue
        key, value = m.group(1).lower(), m.group(2).strip()
        if _BLOCK.match(value):
            block = []
            while i < len(lines) and (lines[i][:1].isspace() or not lines[i].strip()):
                block.append(lines[i].strip())
                i += 1
            joiner = "\n" if value.startswith("|") else " "
            value = joiner.join(part for part in block if part)
        elif len(value) >= 2 and value[0] == value[-1] and value[0] in "'\"":
            value = value[1:-1]
        if value and key not in fields:
            fields[key] = value
    return fields


def first_of(fields: dict[str, str], keys: tuple[str, ...]) -> tuple[str, str] | None:
    """The first of `keys` the front matter has, as (key, value)."""
    for key in keys:
        if fields.get(key):
            return key, fields[key]
    return None


def front_matter_title(cleaned: CleanedDocument) -> str | None:
    """The title the front matter declares, folded to one line."""
    found = first_of(front_matter(cleaned), TITLE_KEYS)
    return " ".join(found[1].split()) if found else None


def front_matter_url(cleaned: CleanedDocument) -> str | None:
    """The absolute address the front matter gives the post (`permalink:`), or None."""
    found = first_of(front_matter(cleaned), URL_KEYS)
    url = "".join(found[1].split()) if found else ""
    return url if url.lower().startswith(("http://", "https://")) else None
