"""The ordered rule registry and the frozen configuration that switches rules on or off."""
from __future__ import annotations

from dataclasses import dataclass

from tasks.domain.cleaning.engine import Rule
from tasks.domain.cleaning.rules import characters, markup, pages, scraper

# Order matters: scraper furniture and markup go first so page rules see prose; numbers glued
# to page ends go before page-label lines (`Page 3 of 16 3`), and both before joins so a cut
# sentence is recognised; whitespace tidying comes last.
RULES: tuple[Rule, ...] = (
    Rule("drop_invisible_characters", 1, characters.drop_invisible_characters),
    Rule("normalize_characters", 1, characters.normalize_characters),
    Rule("drop_similar_documents_block", 1, scraper.drop_similar_documents_block),
    Rule("drop_transcription_marker", 1, scraper.drop_transcription_marker),
    Rule("drop_end_marker", 1, scraper.drop_end_marker),
    Rule("drop_word_bookmarks", 1, markup.drop_word_bookmarks),
    Rule("unwrap_empty_markdown_links", 1, markup.unwrap_empty_markdown_links),
    Rule("strip_markdown_heading_marks", 1, markup.strip_markdown_heading_marks),
    Rule("strip_bold_marks", 1, markup.strip_bold_marks),
    Rule("strip_trailing_page_numbers", 1, pages.strip_trailing_page_numbers),
    Rule("drop_page_number_lines", 1, pages.drop_page_number_lines),
    Rule("join_sentences_cut_by_page_breaks", 1, pages.join_sentences_cut_by_page_breaks),
    Rule("tidy_whitespace", 1, characters.tidy_whitespace),
)
RULES_BY_NAME = {rule.name: rule for rule in RULES}


@dataclass(frozen=True)
class CleaningConfig:
    """Which rules run. A flow parameter, never read from the environment."""

    disabled: frozenset[str] = frozenset()

    def rules(self) -> tuple[Rule, ...]:
        unknown = self.disabled - RULES_BY_NAME.keys()
        if unknown:
            raise ValueError(f"unknown cleaning rules: {', '.join(sorted(unknown))}")
        return tuple(r for r in RULES if r.name not in self.disabled)

