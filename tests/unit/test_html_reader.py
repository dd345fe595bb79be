"""The HTML reader: a saved statement page gives its text as blocks, and the menu, the "Similar
documents" list and the footer are named as furniture, never lost and never taken for body."""

from __future__ import annotations

import codecs
from datetime import date

import pytest

from tasks.domain.extract import ReadError
from tasks.domain.models import Properties, RawDocument, Table
from tasks.readers.html import read_html
from tests.builders.html_pages import ENGLISH_ARTICLE, ENGLISH_PAGE, FRENCH_PAGE, LAYOUT_PAGE, SPANISH_PAGE, TABLE_PAGE
from tests.reading import body_of, spans_of

pytestmark = pytest.mark.unit


def read(page: str | bytes, encoding: str = "utf-8") -> RawDocument:
    data = page.encode(encoding) if isinstance(page, str) else page
    return read_html("statements/page.html", "doc1", data)


# --- the English statement page --------------------------------------------------------------


def test_the_article_is_the_whole_body_with_headings_and_list_items_marked():
    assert body_of(read(ENGLISH_PAGE)) == ENGLISH_ARTICLE


def test_the_raw_text_keeps_everything_visible_in_document_order():
    text = read(ENGLISH_PAGE).raw_text
    order = [
        "International Organization for Migration\n\n- Home\n- About us",
        "# Statement on the Global",
        "## Background",
        "### Similar documents",
        "© 2018 International Organization for Migration",
    ]
    assert [text.index(s) for s in order] == sorted(text.index(s) for s in order)
    assert "tracking" not in text and "font-family" not in text and "editor:" not in text
    assert "\n\n\n" not in text and text.endswith("\n")


def test_menu_similar_documents_and_footer_are_named_by_kind():
    doc = read(ENGLISH_PAGE)
    assert spans_of(doc, "navigation") == [
        "International Organization for Migration\n\n- Home\n- About us\n- News and stories\n- Contact\n\n"
    ]
    assert spans_of(doc, "similar_documents") == [
        "### Similar documents\n\n"
        "- Opening Remarks. Mr. Filippo Grandi, United Nations High Commissioner for Refugees\n"
        "- The Americas. UNHCR Global Appeal 2017 Update\n"
        "- RESOLUTION 2/18 FORCED MIGRATION OF VENEZUELANS\n\n"
    ]
    assert spans_of(doc, "footer") == [
        "© 2018 International Organization for Migration. All rights reserved.\n\nPrivacy policy · Terms of use\n"
    ]


@pytest.mark.parametrize(
    "page", [ENGLISH_PAGE, SPANISH_PAGE.replace("windows-1252", "utf-8"), FRENCH_PAGE, TABLE_PAGE, LAYOUT_PAGE]
)
def test_spans_are_sorted_apart_and_whole_lines_with_their_line_ending(page):
    doc = read(page)
    ends = [0] + [f.raw_end for f in doc.furniture]
    for f, previous_end in zip(doc.furniture, ends):
        assert previous_end <= f.raw_start < f.raw_end <= len(doc.raw_text)
        assert f.raw_start == 0 or doc.raw_text[f.raw_start - 1] == "\n"
        assert doc.raw_text[f.raw_end - 1] == "\n"


@pytest.mark.parametrize(
    "page, encoding, expected",
    [
        (
            ENGLISH_PAGE,
            "utf-8",
            Properties(
                "Statement on the Global Compact for Migration",  # without " | IOM"
                ("Amina Diallo",),
                date(2018, 7, 13),
                "en",
            ),
        ),
        (
            SPANISH_PAGE,
            "cp1252",
            Properties(
                "Declaración de la sociedad civil sobre el Pacto Mundial",  # without " - OIM"
                ("Red Regional de Organizaciones Civiles para las Migraciones",),
                date(2018, 6, 5),
                "es",
            ),
        ),
    ],
    ids=["en", "es"],
)
def test_properties_come_from_the_head(page, encoding, expected):
    assert read(page, encoding).properties == expected


def test_a_web_page_is_one_page_of_html():
    doc = read(ENGLISH_PAGE)
    assert (doc.source_format, doc.encoding, doc.n_pages, doc.tables) == ("html", "utf-8", None, ())
    assert (doc.doc_id, doc.source_path) == ("doc1", "statements/page.html")


# --- Spanish and French ----------------------------------------------------------------------


def test_a_page_declared_windows_1252_reads_its_accents_right():
    doc = read(SPANISH_PAGE, "cp1252")
    assert doc.encoding == "cp1252"
    assert "# Declaración de la sociedad civil sobre el Pacto Mundial\n" in doc.raw_text
    assert "Un niño migrante no acompañado" in body_of(doc) and "Ã" not in doc.raw_text
    assert "- La detención de niñas y niños migrantes debe prohibirse sin excepción.\n- La participación" in body_of(
        doc
    )


def test_spanish_landmarks_are_named():
    doc = read(SPANISH_PAGE, "cp1252")
    assert spans_of(doc, "navigation") == ["Inicio | Quiénes somos | Noticias\n\n"]
    assert spans_of(doc, "similar_documents") == [
        "#### Documentos similares\n\n"
        "- Informe regional sobre flujos migratorios irregulares en las Américas\n"
        "- Resolución 2/18 sobre la migración forzada de personas venezolanas\n\n"
    ]
    assert spans_of(doc, "footer") == ["© 2018 Organización Internacional para las Migraciones\n"]


def test_french_page_with_xml_declaration():
    doc = read(FRENCH_PAGE)
    assert doc.properties.language == "fr" and doc.properties.created == date(2017, 12, 4)
    assert doc.properties.title == "Contribution de la France au Pacte mondial"
    assert spans_of(doc, "navigation") == ["Accueil › Pactes mondiaux\n\n"]
    assert spans_of(doc, "similar_documents") == [
        "Documents similaires\n\n- Déclaration de New York pour les réfugiés et les migrants\n"
        "- Rapport du Secrétaire général sur les migrations\n\n"
    ]
    assert spans_of(doc, "footer") == ["Ministère de l'Europe et des Affaires étrangères – mentions légales\n"]
    body = body_of(doc)
    assert body.startswith("# Contribution de la France au Pacte mondial\n\nLa France soutient l'élaboration")
    assert body.endswith("afin d'éviter la création de nouvelles structures coûteuses.\n\n")


def test_a_similar_documents_list_inside_the_article_is_named_with_its_heading():
    # trafilatura keeps such a heading, and here the first title under it, as content
    similar = ENGLISH_PAGE[ENGLISH_PAGE.index("  <h3>Similar") : ENGLISH_PAGE.index("</aside>")]
    page = ENGLISH_PAGE.replace(similar, "").replace('<aside class="related">\n</aside>\n', "")
    page = page.replace("  <p>The compact will be formally", similar + "  <p>The compact will be formally")
    doc = read(page)
    assert "<aside" not in page and doc.raw_text.index("Similar documents") < doc.raw_text.index("Marrakech")
    assert spans_of(doc, "similar_documents") == [
        "### Similar documents\n\n"
        "- Opening Remarks. Mr. Filippo Grandi, United Nations High Commissioner for Refugees\n"
        "- The Americas. UNHCR Global Appeal 2017 Update\n"
        "- RESOLUTION 2/18 FORCED MIGRATION OF VENEZUELANS\n\n"
    ]
    assert body_of(doc) == ENGLISH_ARTICLE


@pytest.mark.parametrize(
    "title,expected",
    [
        ("Statement on the Global Compact | IOM", "Statement on the Global Compact"),
        ("Opening remarks by the High Commissioner - UNHCR", "Opening remarks by the High Commissioner"),
        ("Opening remarks by the High Commissioner - www.unhcr.org", "Opening remarks by the High Commissioner"),
        # ` - ` also joins a title's own parts
        ("Migration in the Americas - a regional view", "Migration in the Americas - a regional view"),
    ],
)
def test_a_site_name_after_the_title_is_taken_off(title, expected):
    page = f"<html><head><title>{title}</title></head><body><p>Text of the statement.</p></body></html>"
    assert read(page).properties.title == expected


def test_hidden_and_unseen_elements_are_not_text():
    page = (
        "<html><body><p>Shown.</p><p hidden>Hidden attribute.</p><div style='display: none'>Hidden style."
        "</div><noscript>Enable JavaScript.</noscript><template><p>Template.</p></template>"
        "<svg><text>Logo</text></svg><p>Also <span aria-hidden='true'>icon</span>shown.</p></body></html>"
    )
    assert read(page).raw_text == "Shown.\n\nAlso shown.\n"


# --- tables ----------------------------------------------------------------------------------


def test_a_data_table_goes_to_tables_and_its_text_is_table_furniture():
    doc = read(TABLE_PAGE)
    assert doc.tables == (
        Table(0, None, (("Country", "Arrivals"), ("Spain", "12,500"), ("Italy", "16,000"), ("Greece", ""))),
    )
    assert spans_of(doc, "table") == [
        "Arrivals by country, January to June\n\nCountry | Arrivals\nSpain | 12,500\nItaly | 16,000\nGreece |\n\n"
    ]
    body = body_of(doc)
    assert "published in the monthly update of the regional bureau.\n\nThe decrease" in body
    assert "12,500" not in body


def test_a_layout_table_is_read_as_the_page_it_lays_out():
    doc = read(LAYOUT_PAGE)
    assert doc.tables == ()
    assert spans_of(doc, "navigation") == ["Inicio\nDocumentos\n\n"]
    assert body_of(doc) == (
        "# Comunicado de prensa\n\n"
        "La Comisión Interamericana expresa su preocupación por la situación de las personas migrantes "
        "en tránsito y llama a los Estados a garantizar su protección internacional sin discriminación.\n\n"
        "- Garantizar el acceso al asilo.\n- Evitar la detención migratoria.\n\n"
        "La Comisión recuerda que los Estados tienen la obligación de proteger la vida y la integridad "
        "de todas las personas bajo su jurisdicción, con independencia de su situación migratoria.\n"
    )


# --- short pages and line breaks -------------------------------------------------------------


def test_a_page_too_short_for_trafilatura_keeps_all_but_its_landmarks():
    page = (
        "<html><body><nav><a href='/'>Home</a></nav><h1>Note verbale</h1>"
        "<p>The Mission presents its compliments.<br>Geneva, 2 May 2018</p>"
        "<footer>&copy; 2018 Permanent Mission</footer></body></html>"
    )
    doc = read(page)
    assert spans_of(doc, "navigation") == ["Home\n\n"]
    assert spans_of(doc, "footer") == ["© 2018 Permanent Mission\n"]
    assert body_of(doc) == "# Note verbale\n\nThe Mission presents its compliments.\nGeneva, 2 May 2018\n\n"


def test_double_line_breaks_separate_paragraphs_and_inline_space_collapses():
    doc = read(
        "<html><body><div>First   line\n of <b>text</b>.<br>Second line.<br><br>New paragraph.</div></body></html>"
    )
    assert doc.raw_text == "First line of text.\nSecond line.\n\nNew paragraph.\n"


def test_nested_lists_are_one_run_of_items_and_an_items_paragraphs_stay_in_it():
    doc = read(
        "<html><body><ol><li>One<ul><li>sub a</li><li>sub b</li></ul></li>"
        "<li><p>Two.</p><p>Two, continued.</p></li></ol><ul><li>Other list</li></ul></body></html>"
    )
    assert doc.raw_text == "- One\n- sub a\n- sub b\n- Two.\nTwo, continued.\n\n- Other list\n"


def test_preformatted_text_keeps_its_lines():
    doc = read("<html><body><pre>Article 1.   Scope\n  Article 2. Definitions\n</pre></body></html>")
    assert doc.raw_text == "Article 1. Scope\nArticle 2. Definitions\n"


# --- charsets --------------------------------------------------------------------------------


def page_declaring(charset: str, body: bytes) -> bytes:
    return (
        b'<html><head><meta http-equiv="Content-Type" content="text/html; charset='
        + charset.encode()
        + b'"></head><body><p>'
        + body
        + b"</p></body></html>"
    )


@pytest.mark.parametrize(
    "data,text,encoding",
    [
        (page_declaring("windows-1252", "Migración".encode("cp1252")), "Migración", "cp1252"),
        # browsers read Latin-1 as windows-1252: 0x92 is a right quote
        (page_declaring("ISO-8859-1", b"l\x92\xe9l\xe8ve"), "l’élève", "cp1252"),
        (page_declaring("utf-8", "Migração".encode()), "Migração", "utf-8"),
        (page_declaring("iso-8859-15", "€ coût".encode("iso-8859-15")), "€ coût", "iso8859-15"),
        (
            b'<?xml version="1.0" encoding="windows-1252"?><html><body><p>'
            + "Migración".encode("cp1252")
            + b"</p></body></html>",
            "Migración",
            "cp1252",
        ),
        (b"<html><body><p>" + "Migração".encode() + b"</p></body></html>", "Migração", "utf-8"),
        (b"<html><body><p>" + "Migración".encode("cp1252") + b"</p></body></html>", "Migración", "cp1252"),
        # the byte-order mark wins over a declaration
        (codecs.BOM_UTF8 + page_declaring("windows-1252", "Migração".encode()), "Migração", "utf-8-sig"),
        (codecs.BOM_UTF16_LE + "<html><body><p>Migração</p></body></html>".encode("utf-16-le"), "Migração", "utf-16"),
    ],
)
def test_charsets(data, text, encoding):
    doc = read(data)
    assert (doc.raw_text, doc.encoding) == (text + "\n", encoding)


def test_latin_1_bytes_in_a_page_declared_utf_8_are_a_bad_charset():
    data = page_declaring("utf-8", "Declaración".encode("latin-1"))
    offset = data.index(b"\xf3")
    with pytest.raises(ReadError) as caught:
        read(data)
    assert caught.value.error_type == "bad_charset"
    message = str(caught.value)
    assert "'utf-8'" in message and f"byte {offset}" in message and "re-save the page as UTF-8" in message


def test_an_unknown_charset_name_is_reported():
    with pytest.raises(ReadError) as caught:
        read(page_declaring("klingon-8", b"qapla'"))
    assert caught.value.error_type == "unknown_charset" and "klingon-8" in str(caught.value)


# --- pages that cannot be read ---------------------------------------------------------------


@pytest.mark.parametrize(
    "data",
    [
        b"<html><head><title>Nothing</title></head><body><script>var x = 1;</script><!-- empty --></body></html>",
        b"<html><body>   <p>&nbsp;</p> <img src='scan.png'></body></html>",
        b"<!-- only a comment -->",
        b"   \n  ",
    ],
)
def test_a_page_without_visible_text_is_empty(data):
    with pytest.raises(ReadError) as caught:
        read(data)
    assert caught.value.error_type == "empty"


def test_binary_data_is_not_a_page():
    with pytest.raises(ReadError) as caught:
        read(bytes(range(256)) * 10)
    assert caught.value.error_type == "binary"


# --- publication dates declared outside <meta name> ------------------------------------------

_DATED_PAGE = """<!DOCTYPE html><html lang="es"><head><title>Caravanas migrantes</title>{head}</head>
<body><article><h1>Caravanas migrantes</h1><p>Las caravanas migrantes son movimientos masivos de
personas a través de las fronteras internacionales, según la oficina regional.</p></article></body></html>"""


def test_microdata_itemprop_date_published_is_the_created_date():
    page = _DATED_PAGE.format(head='<meta itemprop="datePublished" content="2021-10-08T14:33">')
    assert read(page).properties.created == date(2021, 10, 8)


def test_json_ld_date_published_is_the_created_date():
    head = (
        '<script type="application/ld+json">{"@context": "https://schema.org", "@graph": [{"@type": '
        '"NewsArticle", "dateModified": "2022-05-04T10:00:00Z", "datePublished": "2022-05-03T20:51:06Z"}]}</script>'
    )
    assert read(_DATED_PAGE.format(head=head)).properties.created == date(2022, 5, 3)


def test_broken_json_ld_is_skipped():
    head = '<script type="application/ld+json">{"datePublished": "2022-05-03"</script>'
    assert read(_DATED_PAGE.format(head=head)).properties.created is None


def test_the_page_address_is_its_canonical_link_else_its_og_url():
    canonical = '<link rel="canonical" href="https://example.org/es/noticias/4411/caravanas">'
    og_url = '<meta property="og:url" content="https://example.org/fr/actualites/4411/caravanes">'
    head = f"<html><head><title>Caravanas</title>{canonical}{og_url}</head><body><p>Texto.</p></body></html>"
    assert read(head.encode()).properties.url == "https://example.org/es/noticias/4411/caravanas"
    assert (
        read(head.replace(canonical, "").encode()).properties.url == "https://example.org/fr/actualites/4411/caravanes"
    )
    relative = head.replace(canonical, '<link rel="canonical" href="/es/noticias/4411">').replace(og_url, "")
    assert read(relative.encode()).properties.url is None  # an address without its site names nothing
