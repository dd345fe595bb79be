"""The ordered rule registry and the frozen configuration that switches rules on or off."""

from __future__ import annotations

from dataclasses import dataclass

from tasks.domain.cleaning.engine import Rule
from tasks.domain.cleaning.rules import (
    characters,
    contents,
    footnotes,
    furniture,
    garbage,
    layout,
    markdown,
    markup,
    pages,
    print_furniture,
    scraper,
    words,
)

# Formats whose text has pages: PDF, and text dumps (a flattened PDF keeps its page numbers).
# Word, web pages and markdown have none: a number there belongs to a heading or a list.
PAGED = frozenset({"pdf", "txt"})
# Front matter is a convention of text files (a markdown source, or its dump as .txt).
TEXT_FILES = frozenset({"md", "txt"})

# MARKDOWN_ORDER: front matter goes before anything reads lines (its closing `---` would pass
# for a setext underline, its opening one for a rule); entities are decoded before tags are
# looked for, so an encoded `&lt;b&gt;` is not left to become a tag on a second run; tags go
# before the scraper, OCR and markdown rules, so these see the lines a reader sees (a `###`
# behind a `<br>` starts its line, a `<meta>` line is markup, not OCR soup); links are
# unwrapped before bold and emphasis marks, whose `__` and `_` occur inside addresses.

# Order matters. Scraper furniture and markup go first so page rules see prose (end markers
# before markup: `###` is not a heading mark; converter markers before OCR soup, and
# OCR soup before the other markup, whose escapes would hide its backslashes); numbers glued to page ends go before page-label
# lines (`Page 3 of 16 3`), and both before running headers, so each is recorded as what it
# is; words and sentences cut by a page break are joined once the page furniture around them
# is gone; whitespace tidying comes last.
RULES: tuple[Rule, ...] = (
    Rule("drop_invisible_characters", 1, characters.drop_invisible_characters),
    # Markdown export residue first (see MARKDOWN_ORDER).
    Rule("drop_front_matter", 1, markdown.drop_front_matter, TEXT_FILES),
    Rule("decode_html_entities", 1, markdown.decode_html_entities),
    Rule("strip_inline_html", 1, markdown.strip_inline_html),
    Rule("normalize_characters", 1, characters.normalize_characters),
    Rule("drop_similar_documents_block", 2, scraper.drop_similar_documents_block),
    Rule("drop_transcription_marker", 1, scraper.drop_transcription_marker),
    Rule("drop_scraper_furniture_lines", 2, scraper.drop_scraper_furniture_lines),
    Rule("drop_end_marker", 2, scraper.drop_end_marker),
    # Footnote markers before the markdown rules (`[^*]` is no emphasis) and the page rules
    # (a footnote's number is no page number).
    Rule("strip_footnote_markers", 1, footnotes.strip_footnote_markers),
    Rule("drop_word_bookmarks", 1, markup.drop_word_bookmarks),
    Rule("drop_image_placeholders", 1, markup.drop_image_placeholders),
    Rule("drop_print_furniture_lines", 2, print_furniture.drop_print_furniture_lines),
    Rule("drop_ocr_garbage_lines", 4, garbage.drop_ocr_garbage_lines),
    # Contents lists before the markdown rules, so a `## Contents` line goes whole, mark and all.
    Rule("drop_contents_lists", 1, contents.drop_contents_lists),
    Rule("unwrap_empty_markdown_links", 2, markup.unwrap_empty_markdown_links),
    Rule("unwrap_markdown_links", 1, markdown.unwrap_markdown_links),
    Rule("strip_markdown_heading_marks", 4, markup.strip_markdown_heading_marks),
    Rule("strip_bold_marks", 1, markup.strip_bold_marks),
    Rule("strip_stray_markdown_marks", 2, markup.strip_stray_markdown_marks),
    Rule("strip_trailing_page_numbers", 5, pages.strip_trailing_page_numbers, PAGED),
    Rule("drop_page_number_lines", 5, pages.drop_page_number_lines, PAGED),
    Rule("drop_running_headers_and_footers", 4, furniture.drop_running_headers_and_footers),
    Rule("join_words_broken_by_hyphenation", 3, words.join_words_broken_by_hyphenation),
    Rule("join_sentences_cut_by_page_breaks", 7, pages.join_sentences_cut_by_page_breaks),
    Rule("unwrap_layout_lines", 1, layout.unwrap_layout_lines, frozenset({"pdf"})),
    Rule("tidy_whitespace", 2, characters.tidy_whitespace),
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
