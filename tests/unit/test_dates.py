"""The document's own date: which step reads it and what it read it from, a web page's declared
date, the front matter's title, and file-property authors that name nobody.

The values of `doc_date` in every form and language are in tests/cases/metadata/doc_date.json;
these tests check what the case files cannot see: the step and its evidence."""

from __future__ import annotations

from datetime import date

import pytest

from tasks.domain.cleaning import clean_document
from tasks.domain.dates import document_date, find_dates, first_date, step_labels
from tasks.domain.document import is_person_or_body, structure_document
from tasks.domain.front_matter import front_matter_url
from tasks.domain.models import Properties, RawDocument
from tasks.readers.html import read_html

pytestmark = pytest.mark.unit


def cleaned(text: str, properties: Properties = Properties(), path: str = "d.md", fmt: str = "md"):
    return clean_document(RawDocument("d", path, fmt, text, "utf-8", properties=properties))


@pytest.mark.parametrize(
    "text, step, evidence",
    [
        ("---\ntitle: A post\ndate: 2017-06-20\n---\n\nBody text.", "front_matter_date@1", "date: 2017-06-20"),
        (
            "Agenda item 64\n\nResolution adopted by the General Assembly on 19 December 2017\n\nThe Assembly,",
            "adoption_date@1",
            "Resolution adopted by the General Assembly on 19 December 2017",
        ),
        ("# Briefing (Nov 25, 2025)\n\nI call the meeting to order.", "title_date@2", "Briefing (Nov 25, 2025)"),
        (
            "A long statement without a date in its title line\n\n" + "Text. " * 60 + "\n\nGenève, le 4 décembre 2017",
            "dateline_date@2",
            "Genève, le 4 décembre 2017",
        ),
        (
            "Protocol\n\n" + "The States agree to cooperate. " * 150 + "\n\nDone at New York, on 31 January 1967.",
            "signature_date@2",
            "Done at New York, on 31 January 1967",
        ),
        (
            "GENÈVE (12 mars 2024) – Le HCR salue la décision du gouvernement.",
            "dateline_date@2",
            "GENÈVE (12 mars 2024) – Le HCR",
        ),
        (
            "Report on the 6 February 2023 earthquakes in the region\n\nPublished 20 May 2024\n\nThe earthquakes.",
            "dateline_date@2",
            "Published 20 May 2024",
        ),
    ],
)
def test_each_step_names_itself_and_its_evidence(text, step, evidence):
    decision = document_date(cleaned(text))
    assert decision is not None and decision.step == step and evidence in decision.evidence


def test_steps_are_listed_most_trusted_first_with_no_first_date_last_resort():
    labels = step_labels()
    assert labels[0] == "front_matter_date@1" and labels[-1] == "signature_date@2" and len(set(labels)) == len(labels)
    assert not any(label.startswith("first_date") for label in labels)


@pytest.mark.parametrize(
    "text",
    [
        "Annual report\n\nThe present report covers the period from 1 August 2022 to 31 July 2023.",
        "Annual report\n\nThis report covers the period 1 January–31 December 2024. It describes the work.",
        "Statement\n\nAs agreed at the meeting held on 5 February 2024, we present our views.",
    ],
)
def test_a_date_in_prose_near_the_top_is_no_document_date(text):
    assert document_date(cleaned(text)) is None


def test_a_web_page_declared_date_is_read_as_page_metadata():
    page = (
        '<html lang="es"><head><title>Nota</title><meta property="article:published_time" content="2022-05-03">'
        "</head><body><article><h1>Nota</h1><p>El periodista advirtió sobre el fin de la humanidad en Ginebra "
        "el martes, citando la Convención de 28 de julio de 1951.</p></article></body></html>"
    )
    raw = read_html("web/nota.html", "d", page.encode())
    decision = document_date(clean_document(raw))
    assert decision is not None and (decision.value, decision.step) == (date(2022, 5, 3), "page_metadata_date@1")


def test_a_pdf_creation_date_is_not_the_documents_page_metadata():
    doc = cleaned("Resolución de la Corte.", Properties(created=date(2004, 6, 1)), "d.pdf", "pdf")
    assert document_date(doc) is None


def test_the_front_matter_title_is_the_fallback_title():
    doc = structure_document(
        cleaned("---\npost_title: >\n  Una vida como migrante, una vida\n  para los migrantes\n---\n\nLa huida.")
    )
    assert doc.title == "Una vida como migrante, una vida para los migrantes"


@pytest.mark.parametrize(
    "name", ["Administrator", "Microsoft Office User", "Windows User", "Author", "usuario", "mr_admin", "user01"]
)
def test_file_property_placeholders_name_nobody(name):
    assert not is_person_or_body(name)
    doc = structure_document(cleaned("A short note on migration.", Properties(authors=(name,))))
    assert doc.metadata.authors == ()


def test_a_real_file_author_is_kept_and_an_organisation_goes_to_organizations():
    doc = structure_document(cleaned("A short note.", Properties(authors=("Shana Carter",))))
    assert doc.metadata.authors == ("Shana Carter",)
    doc = structure_document(cleaned("A short note.", Properties(authors=("United Nations",))))
    assert (doc.metadata.authors, doc.metadata.organizations) == ((), ("United Nations",))


@pytest.mark.parametrize(
    "text, expected",
    [
        ("1. Februar 2022", date(2022, 2, 1)),
        ("Besluit van 1 maart 2014", date(2014, 3, 1)),
        ("le 1er juin 2017", date(2017, 6, 1)),
        ("3 de março de 2024", date(2024, 3, 3)),
        ("November 25th, 2025", date(2025, 11, 25)),
        ("11/25/2025", date(2025, 11, 25)),
        ("this 31st day of January 1967", date(1967, 1, 31)),
        ("08/10/2021", None),  # day and month both up to 12: which is which is not said
        ("9.087 entries", None),
        ("31 September 2017", None),
    ],
)
def test_find_dates_reads_the_forms_documents_print(text, expected):
    found = find_dates(text)
    assert (found[0].value if found else None) == expected


def test_first_date_is_kept_for_structure_with_corpus_month_names_only():
    assert first_date("Santiago, 12 de septiembre de 2017") == date(2017, 9, 12)
    assert first_date("10.11.2021") is None and first_date("1. Februar 2022 Title") is None


def test_the_front_matter_permalink_is_the_document_address():
    raw = "---\ntitle: Un post\npermalink: >\n  https://example.org/es/blog/2017/06/20/un-post/\n---\n\nTexto del post."
    cleaned = clean_document(RawDocument("d", "d.md", "md", raw, "utf-8"))
    assert front_matter_url(cleaned) == "https://example.org/es/blog/2017/06/20/un-post/"
    no_address = raw.replace("https://example.org", "/relative")
    assert front_matter_url(clean_document(RawDocument("d", "d.md", "md", no_address, "utf-8"))) is None
