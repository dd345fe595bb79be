"""Pages of a raw text: extractors of paged formats separate pages with a form feed."""

from __future__ import annotations

from bisect import bisect_right
from typing import Callable

PAGE_SEPARATOR = "\f"


def count_pages(raw_text: str) -> int | None:
    """The number of pages, or None for a text with no page structure."""
    return raw_text.count(PAGE_SEPARATOR) + 1 if PAGE_SEPARATOR in raw_text else None


def page_locator(raw_text: str) -> Callable[[int], int | None]:
    """Maps a raw offset to its 1-based page; None for unpaged text."""
    breaks = [i for i, c in enumerate(raw_text) if c == PAGE_SEPARATOR]
    if not breaks:
        return lambda _: None
    return lambda pos: bisect_right(breaks, pos - 1) + 1 if pos > 0 else 1
