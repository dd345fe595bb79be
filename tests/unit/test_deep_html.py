"""Pages nested deeper than libxml2 builds (255 levels) keep their body: read flat below a
depth, every paragraph in order, hidden text still hidden, then cleaned, structured and labelled.

A page of 20,000 nested `<div>`s once came out as its title alone, the rest dropped silently."""

from __future__ import annotations

import pytest

from tasks.domain.cleaning import clean_document
from tasks.domain.document import label_languages, structure_document
from tasks.readers.html import read_html
from tasks.readers.html.boilerplate import aligned
from tasks.readers.html.deep import MAX_DEPTH, depth, parse_flat_below
from tests.builders.hostile import deep_html, paragraphs
from tests.reading import body_of

pytestmark = pytest.mark.unit


def nested(inner: str, levels: int, tag: str = "div") -> bytes:
    page = f"<html><head><title>Nested</title></head><body>{f'<{tag}>' * levels}{inner}{f'</{tag}>' * levels}</body></html>"
    return page.encode("utf-8")


def in_order(text: str, parts: tuple[str, ...] | list[str]) -> bool:
    positions = [text.find(part) for part in parts]
    return -1 not in positions and positions == sorted(positions)


def test_a_page_nested_20000_deep_keeps_every_paragraph_in_its_body_in_order():
    page = deep_html(20_000, every=1_000)
    doc = read_html("deep/page.html", "deep", page.html)
    body = body_of(doc)
    assert in_order(body, page.paragraphs), body[:500]
    assert len(page.paragraphs) == 22


def test_the_deep_page_goes_through_cleaning_structure_and_language_with_its_words():
    page = deep_html(20_000, every=500)
    structured = label_languages(structure_document(clean_document(read_html("deep.html", "deep", page.html))))
    texts = [p.text for p in structured.paragraphs]
    joined = "\n".join(texts)
    assert all(paragraph in joined for paragraph in page.paragraphs)
    assert {p.language for p in structured.paragraphs} >= {"en", "es", "fr", "pt"}


@pytest.mark.parametrize("levels", [20, MAX_DEPTH + 50, 254, 300, 5_000])
def test_the_same_paragraphs_read_the_same_at_any_depth(levels):
    inner = "".join(f"<p>{text}</p>" for text in paragraphs(4)) + "<ul><li>first point</li><li>second point</li></ul>"
    shallow = read_html("page.html", "a", nested(inner, 1)).raw_text
    assert read_html("page.html", "b", nested(inner, levels)).raw_text == shallow


def test_below_the_limit_blocks_stay_apart_inline_words_join_and_hidden_text_stays_unseen():
    inner = (
        "<p>One paragraph with a <b>bold</b> and <a href='/x'>linked</a> word.</p>"
        "<div>Text before a block<p>a paragraph inside</p>text after it</div>"
        "<script>var tracking = 1;</script><div hidden><p>hidden words</p></div>"
        "<div style='display:none'>styled away</div><h2>A heading deep down</h2>"
        "Line one<br>line two"
    )
    text = read_html("page.html", "d", nested(inner, 1_000)).raw_text
    assert "One paragraph with a bold and linked word." in text
    assert in_order(text, ["Text before a block\n\n", "a paragraph inside\n\n", "text after it"])
    assert "tracking" not in text and "hidden words" not in text and "styled away" not in text
    assert "## A heading deep down" in text
    assert "Line one\nline two" in text


def test_the_rebuilt_tree_is_no_deeper_than_the_limit_plus_its_flat_blocks():
    tree = parse_flat_below("page.html", nested("<p>deep words</p>", 20_000).decode())
    assert depth(tree) <= MAX_DEPTH + 3  # a list, a flat block and a `<br>` in it
    assert "deep words" in tree.text_content()


def test_a_page_of_thousands_of_equal_lines_is_read_and_aligned_with_its_main_text():
    # difflib alone took a minute for 10,000 equal lines, growing with the square of their number
    items = "".join("<li><a href='/more'>Read more</a></li>" for _ in range(10_000))
    page = (
        f"<html><body><article>{''.join(f'<p>{t}</p>' for t in paragraphs(30))}</article><ul>{items}</ul></body></html>"
    )
    doc = read_html("page.html", "e", page.encode())
    assert doc.raw_text.count("Read more") == 10_000
    assert in_order(body_of(doc), paragraphs(30))


def test_alignment_past_the_exact_size_keeps_the_heading_not_the_menu_entry():
    article = [f"unique line {i}" for i in range(1_200)]
    ours = ["Home", "Background", *article[:600], "Background", *article[600:]]
    theirs = [*article[:600], "Background", *article[600:]]
    assert len(ours) * len(theirs) > 1_000_000  # past difflib's share: anchors decide
    matched = aligned(ours, theirs)
    assert matched[:2] == [False, False]
    assert matched[602] and all(matched[2:602]) and all(matched[603:])


def test_alignment_of_small_pages_is_difflib_s():
    ours = ["Home", "Background", "Title", "Background", "Text", "Footer"]
    assert aligned(ours, ["Title", "Background", "Text"]) == [False, False, True, True, True, False]
