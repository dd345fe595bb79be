"""Markdown exports through the whole cleaning chain: front matter, inline HTML, links and
glued heading marks, as the realdocs markdown files carry them (texts written for the test)."""

from __future__ import annotations

import pytest

from tasks.domain.cleaning import clean_document
from tasks.domain.document import structure_document
from tasks.domain.models import RawDocument

pytestmark = pytest.mark.unit

# The shape of a Jekyll post exported from a WordPress site (realdocs md_vida_migrante_es.md):
# YAML front matter with a folded title and theme keys, a body wrapped in styled spans split in
# the middle of a sentence, and an HTML link to the full text.
POST = (
    "---\nID: 12\npost_title: >\n  Informe sobre la acogida\n  de migrantes\nauthor: admin\n"
    "post_date: 2019-03-01 10:00:00\nlayout: post\nqode_show-sidebar:\n  - default\n---\n"
    '<span style="font-weight: 400;">La ciudad abrió un centro de acogida. Las familias</span> '
    '<span style="font-weight: 400;">llegaron en marzo de 2019.</span>\n\n'
    '<a href="https://example.org/informe" target="_blank" rel="noopener noreferrer">'
    "Para leer el informe completo, haga clic aquí.</a>"
)
# The shape of a law converted to markdown (realdocs md_protocol_status_refugees_1967_en.md):
# a stray <meta> line, '####' glued to sub-headings, and links with their address as text.
LAW = (
    "<meta http-equiv='Content-Type' content='text/html; charset=utf-8' />\n\n"
    "##Protocol on the example\n\n### Article  I  \n\n####General provision\n\n"
    "1.  The States Parties undertake to apply the Convention.\n\n"
    "###References\n\n- [https://example.org/a_b__c.pdf](https://example.org/a_b__c.pdf)\n"
)


def _raw(text: str, fmt: str) -> RawDocument:
    return RawDocument("e" * 16, f"doc.{fmt}", fmt, text, "utf-8")


def test_a_post_keeps_its_body_and_loses_its_front_matter_and_tags() -> None:
    cleaned = clean_document(_raw(POST, "md"))
    assert cleaned.clean_text == (
        "La ciudad abrió un centro de acogida. Las familias llegaron en marzo de 2019.\n\n"
        "Para leer el informe completo, haga clic aquí."
    )
    front = [r for r in cleaned.removals if r.kind == "front_matter"]
    assert len(front) == 1 and "post_date: 2019-03-01" in front[0].text  # kept for metadata readers
    assert any("https://example.org/informe" in r.text for r in cleaned.removals)


@pytest.mark.parametrize("fmt, dropped", [("md", True), ("txt", True), ("pdf", False), ("docx", False)])
def test_front_matter_is_a_text_file_convention(fmt: str, dropped: bool) -> None:
    cleaned = clean_document(_raw(POST, fmt))
    assert ("layout: post" not in cleaned.clean_text) is dropped


def test_glued_heading_marks_go_and_still_mark_headings() -> None:
    doc = structure_document(clean_document(_raw(LAW, "md")))
    text = doc.cleaned.clean_text
    assert "#" not in text and "<meta" not in text and "](" not in text
    assert "https://example.org/a_b__c.pdf" in text  # the address was the link's text
    headings = [s.heading for s in doc.sections if s.heading]
    assert "General provision" in headings and "References" in headings


def test_a_text_dump_without_markup_is_left_alone() -> None:
    """Prose with comparisons, ampersands, bracketed references and addresses."""
    text = (
        "Migration & development: less than <5% of a < b cases.\n\n"
        "See [on the report of the Third Committee (A/72/439)] and <info@example.int>."
    )
    assert clean_document(_raw(text, "txt")).clean_text == text
