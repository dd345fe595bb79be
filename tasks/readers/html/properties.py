"""A page's title, authors, date and language from its `<title>`, `<meta>` tags and `lang`."""

from __future__ import annotations

import json
import re
from datetime import date

import lxml.html

from tasks.domain.models import Properties
from tasks.readers.html.blocks import match_key

_DATE_NAMES = (
    "date",
    "dcterms.date",
    "article:published_time",
    "datepublished",
    "citation_publication_date",
    "dc.date",
    "dcterms.created",
    "dcterms.issued",
    "dc.date.issued",
    "citation_date",
    "datecreated",
)
_AUTHOR_NAMES = ("author", "citation_author", "dc.creator", "dcterms.creator")
_ISO_DATE = re.compile(r"^\s*(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})")
_LANGUAGE = re.compile(r"^\s*([a-zA-Z]{2})(?=[-_,;\s]|$)")
# `Statement on X | IOM`: the site's name after the page's.
_TITLE_SUFFIX = re.compile(r"^(.*\S)\s+([|\-–—])\s+(\S[^|]*)$")
_ACRONYM = re.compile(r"^[A-Z][A-Z0-9&.]{1,9}$")
_DOMAIN = re.compile(r"^[\w-]+(?:\.[\w-]+)*\.[a-z]{2,6}$", re.I)
_MAX_SITE_NAME_WORDS = 5


def _metas(tree: lxml.html.HtmlElement) -> dict[str, list[str]]:
    found: dict[str, list[str]] = {}
    for meta in tree.iter("meta"):
        # `itemprop` is schema.org microdata: `<meta itemprop="datePublished" content="...">`
        name = meta.get("name") or meta.get("property") or meta.get("itemprop") or meta.get("http-equiv") or ""
        name = name.strip().lower()
        content = match_key(meta.get("content") or "")
        if name and content:
            found.setdefault(name, []).append(content)
    for key, value in _linked_data(tree):
        found.setdefault(key, []).append(value)
    return found


def _linked_data(tree: lxml.html.HtmlElement) -> list[tuple[str, str]]:
    """Dates a news page declares only in its JSON-LD (`"datePublished": "2023-09-18T08:30"`),
    as lower-case keys; a block that is not valid JSON is skipped."""
    found = []
    for script in tree.iter("script"):
        if (script.get("type") or "").strip().lower() != "application/ld+json" or not script.text:
            continue
        try:
            data = json.loads(script.text)
        except ValueError:
            continue
        stack = [data]
        while stack:
            item = stack.pop(0)
            if isinstance(item, list):
                stack.extend(item)
            elif isinstance(item, dict):
                found += [
                    (k.lower(), v)
                    for k, v in item.items()
                    if k in ("datePublished", "dateCreated") and isinstance(v, str)
                ]
                stack.extend(v for v in item.values() if isinstance(v, dict | list))
    return found


def read_properties(tree: lxml.html.HtmlElement) -> tuple[Properties, set[str]]:
    """The page's properties, and the forms of its title an `<h1>` may repeat."""
    metas = _metas(tree)
    title_el = tree.find(".//title")
    page_title = match_key(title_el.text_content()) if title_el is not None else ""
    og_title = (metas.get("og:title") or metas.get("dc.title") or [""])[0]
    site_names = {n.casefold() for key in ("og:site_name", "application-name") for n in metas.get(key, [])}
    title = _without_site_name(page_title, site_names) if page_title else og_title
    properties = Properties(
        title=title or None,
        authors=_authors(metas),
        created=_created(metas),
        language=_language(tree, metas),
        url=_own_url(tree, metas),
    )
    return properties, {t.casefold() for t in (page_title, title, og_title) if t}


def _without_site_name(title: str, site_names: set[str]) -> str:
    """Kept conservative: ` - ` also joins a title's own parts (`Migration - a global view`),
    so after it only the site's declared name, an acronym or a domain is taken off."""
    m = _TITLE_SUFFIX.match(title)
    if not m:
        return title
    head, separator, tail = m.groups()
    if len(tail) >= len(head):
        return title
    site = tail.casefold() in site_names or bool(_ACRONYM.match(tail)) or bool(_DOMAIN.match(tail))
    if site or (separator == "|" and len(tail.split()) <= _MAX_SITE_NAME_WORDS):
        return head
    return title


def _authors(metas: dict[str, list[str]]) -> tuple[str, ...]:
    names: list[str] = []
    for key in _AUTHOR_NAMES:
        for value in metas.get(key, []):
            for name in value.split(";"):
                name = name.strip()
                if name and not name.startswith(("http:", "https:")) and name not in names:
                    names.append(name)
    return tuple(names)


def _created(metas: dict[str, list[str]]) -> date | None:
    for key in _DATE_NAMES:
        for value in metas.get(key, []):
            if m := _ISO_DATE.match(value):
                try:
                    return date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
                except ValueError:
                    continue
    return None


def _language(tree: lxml.html.HtmlElement, metas: dict[str, list[str]]) -> str | None:
    declared = [
        tree.get("lang"),
        tree.get("xml:lang"),
        tree.get("{http://www.w3.org/XML/1998/namespace}lang"),
        *metas.get("content-language", []),
        *metas.get("dc.language", []),
        *metas.get("language", []),
    ]
    for value in declared:
        if value and (m := _LANGUAGE.match(value)):
            return m.group(1).lower()
    return None


def _own_url(tree: lxml.html.HtmlElement, metas: dict[str, list[str]]) -> str | None:
    """The address the page gives itself: `<link rel="canonical">`, else `og:url`. Only an
    absolute http(s) address is taken (a relative one says nothing without the site)."""
    found = [link.get("href") or "" for link in tree.iter("link") if "canonical" in (link.get("rel") or "").lower()]
    found += metas.get("og:url", [])
    return next((u.strip() for u in found if u.strip().lower().startswith(("http://", "https://"))), None)
