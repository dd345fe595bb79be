"""Real Word files made with python-docx, as bytes: a statement on migration policy in English,
Spanish or French with what Word leaves in such files (a running header and footer with page
fields, a `_GoBack` bookmark, a tracked change, a hyperlink, merged table cells, core
properties), documents that exercise heading styles, sections, footnotes and endnotes, and the
files a reader must refuse (a renamed .doc, a damaged member, a zip bomb, a zip that is not a Word document).

What python-docx has no API for (fields, bookmarks, tracked changes, hyperlinks, content
controls, footnotes and endnotes) is written as the WordprocessingML that Word itself writes."""

from __future__ import annotations

import io
import re
import struct
import zipfile
from dataclasses import dataclass
from datetime import date, datetime, timezone
from functools import lru_cache

import docx
from docx.enum.section import WD_SECTION
from docx.enum.style import WD_STYLE_TYPE
from docx.opc.constants import CONTENT_TYPE as CT
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.opc.packuri import PackURI
from docx.opc.part import Part
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.text.paragraph import Paragraph
from lxml import etree


@dataclass(frozen=True)
class StatementFacts:
    """What a correct reading of `statement_docx` gives."""

    headings: tuple[tuple[int, str], ...]  # (level, text) in document order; the Title is level 1
    paragraphs: tuple[str, ...]  # body paragraphs as shown: soft breaks as "\n", a tab as a space
    bullet_items: tuple[str, ...]
    numbered_items: tuple[str, ...]
    table_cells: tuple[tuple[str, ...], ...]
    header: str
    footer: str
    title: str
    authors: tuple[str, ...]
    created: date
    language: str
    never_in_text: tuple[str, ...]  # in the file's XML, never shown: bookmark names, field codes, deletions


@dataclass(frozen=True)
class _Prose:
    mission: str
    title: str
    opening: str
    context: str
    bookmarked_word: str  # a word of `irregular_situation` split by the `_GoBack` bookmark
    irregular_situation: str
    link_before: str
    link_text: str
    link_after: str
    pathways: str
    call: str
    reference: str  # "label\tvalue": the tab must read as one space
    bullets: tuple[str, ...]
    commitments: str
    numbered: tuple[str, ...]
    rejects: str
    deleted: str
    inserted: str
    agreed: str
    adopted_on: str
    conclusion: str
    closing: str
    page: str
    of: str
    table: tuple[tuple[str, ...], ...]  # region, arrivals, years row labels; see _add_table
    authors: str
    language_tag: str


_PROSE = {
    "en": _Prose(
        mission="Permanent Mission of Ecuador — Statement",
        title="Statement on the Global Compact for Safe, Orderly and Regular Migration",
        opening="Mr. Chair, distinguished delegates, Ecuador thanks the co-facilitators for their tireless "
        "work and aligns itself with the statement delivered on behalf of the Group of 77 and China.",
        context="Context",
        bookmarked_word="irregular",
        irregular_situation="Human mobility is a reality that no State can manage alone. Over the past decade "
        "our region has received more than four million people, many of them in an irregular "
        "situation, whose rights must be protected regardless of their migratory status.",
        link_before="The full text of our proposals is available on the ",
        link_text="Global Compact portal",
        link_after=" of the United Nations.",
        pathways="Regular pathways",
        call="We call on States to expand regular pathways for migration.",
        reference="Reference:\tA/CONF.231/3",
        bullets=(
            "family reunification procedures that are simple and affordable",
            "labour mobility schemes that respect international labour standards",
            "humanitarian visas for people fleeing disasters and climate change",
        ),
        commitments="Commitments of my Government",
        numbered=(
            "Guarantee access to basic services for all migrants, including health care and education.",
            "End the detention of migrant children.",
            "Strengthen consular protection throughout the migration cycle.",
        ),
        rejects="Ecuador rejects any measure that criminalizes ",
        deleted="illegal migrants",
        inserted="migrants in an irregular situation",
        agreed=", as agreed in Marrakech on ",
        adopted_on="10 December 2018",
        conclusion="Conclusion",
        closing="Migration must be a choice, not a necessity. Thank you, Mr. Chair.",
        page="Page",
        of="of",
        table=(("Region", "Arrivals"), ("Americas", "Europe", "Total", "(all regions)")),
        authors="Ministry of Foreign Affairs and Human Mobility; Pérez, María José",
        language_tag="en-GB",
    ),
    "es": _Prose(
        mission="Misión Permanente del Ecuador — Declaración",
        title="Declaración sobre el Pacto Mundial para una Migración Segura, Ordenada y Regular",
        opening="Señor Presidente, distinguidos delegados: el Ecuador agradece a los cofacilitadores su "
        "incansable labor y se adhiere a la declaración formulada en nombre del Grupo de los 77 y China.",
        context="Contexto",
        bookmarked_word="irregular",
        irregular_situation="La movilidad humana es una realidad que ningún Estado puede gestionar por sí solo. "
        "En la última década nuestra región ha acogido a más de cuatro millones de personas, "
        "muchas de ellas en situación irregular, cuyos derechos deben protegerse con "
        "independencia de su condición migratoria.",
        link_before="El texto completo de nuestras propuestas está disponible en el ",
        link_text="portal del Pacto Mundial",
        link_after=" de las Naciones Unidas.",
        pathways="Vías de migración regular",
        call="Instamos a los Estados a ampliar las vías de migración regular.",
        reference="Referencia:\tA/CONF.231/3",
        bullets=(
            "procedimientos de reunificación familiar sencillos y asequibles",
            "programas de movilidad laboral que respeten las normas internacionales del trabajo",
            "visados humanitarios para quienes huyen de desastres y del cambio climático",
        ),
        commitments="Compromisos de mi Gobierno",
        numbered=(
            "Garantizar el acceso de todos los migrantes a los servicios básicos, incluidas la salud y la educación.",
            "Poner fin a la detención de niños, niñas y adolescentes migrantes.",
            "Fortalecer la protección consular durante todo el ciclo migratorio.",
        ),
        rejects="El Ecuador rechaza toda medida que criminalice a los ",
        deleted="inmigrantes ilegales",
        inserted="migrantes en situación irregular",
        agreed=", tal como se acordó en Marrakech el ",
        adopted_on="10 de diciembre de 2018",
        conclusion="Conclusión",
        closing="La migración debe ser una opción y no una necesidad. Muchas gracias, señor Presidente.",
        page="Página",
        of="de",
        table=(("Región", "Llegadas"), ("Américas", "Europa", "Total", "(todas las regiones)")),
        authors="Ministerio de Relaciones Exteriores y Movilidad Humana; Pérez, María José",
        language_tag="es-EC",
    ),
    "fr": _Prose(
        mission="Mission permanente de l'Équateur — Déclaration",
        title="Déclaration sur le Pacte mondial pour des migrations sûres, ordonnées et régulières",
        opening="Monsieur le Président, Mesdames et Messieurs les délégués, l'Équateur remercie les "
        "cofacilitateurs de leur travail inlassable et s'associe à la déclaration prononcée au nom du "
        "Groupe des 77 et de la Chine.",
        context="Contexte",
        bookmarked_word="irrégulière",
        irregular_situation="La mobilité humaine est une réalité qu'aucun État ne peut gérer seul. Au cours de "
        "la dernière décennie, notre région a accueilli plus de quatre millions de personnes, "
        "dont beaucoup en situation irrégulière, dont les droits doivent être protégés quel "
        "que soit leur statut migratoire.",
        link_before="Le texte intégral de nos propositions est disponible sur le ",
        link_text="portail du Pacte mondial",
        link_after=" des Nations Unies.",
        pathways="Voies de migration régulière",
        call="Nous appelons les États à élargir les voies de migration régulière.",
        reference="Référence :\tA/CONF.231/3",
        bullets=(
            "des procédures de regroupement familial simples et abordables",
            "des programmes de mobilité de la main-d'œuvre respectueux des normes internationales du travail",
            "des visas humanitaires pour les personnes fuyant les catastrophes et les changements climatiques",
        ),
        commitments="Engagements de mon gouvernement",
        numbered=(
            "Garantir l'accès de tous les migrants aux services de base, y compris la santé et l'éducation.",
            "Mettre fin à la rétention des enfants migrants.",
            "Renforcer la protection consulaire tout au long du cycle migratoire.",
        ),
        rejects="L'Équateur rejette toute mesure qui criminalise les ",
        deleted="clandestins",
        inserted="migrants en situation irrégulière",
        agreed=", comme convenu à Marrakech le ",
        adopted_on="10 décembre 2018",
        conclusion="Conclusion",
        closing="La migration doit être un choix et non une nécessité. Je vous remercie, Monsieur le Président.",
        page="Page",
        of="sur",
        table=(("Région", "Arrivées"), ("Amériques", "Europe", "Total", "(toutes les régions)")),
        authors="Ministère des Affaires étrangères et de la Mobilité humaine; Pérez, María José",
        language_tag="fr-FR",
    ),
}

_CREATED = datetime(2018, 7, 12, 9, 30, tzinfo=timezone.utc)
_LINK_URL = "https://refugeesmigrants.un.org/migration-compact"
_DATE_FIELD = ' DATE \\@ "d MMMM yyyy" \\* MERGEFORMAT '
# Arrivals by year; the numbers must never show up in the body text.
_FIGURES = (("1 234 567", "1 301 220"), ("2 345 110", "2 190 004"), ("3 579 677", "3 491 224"))


@lru_cache(maxsize=None)
def statement_docx(lang: str = "en") -> tuple[bytes, StatementFacts]:
    """A statement as a mission would send it: Title, Heading 1/2 sections, prose, a bulleted
    and a numbered list, a table with merged cells, a header and a "Page 1 of 3" footer."""
    prose = _PROSE[lang]
    document = docx.Document()
    _set_core_properties(document, prose)
    document.sections[0].header.paragraphs[0].text = prose.mission
    _add_page_footer(document.sections[0].footer.paragraphs[0], prose)

    document.add_heading(prose.title, 0)
    document.add_paragraph(prose.opening)
    document.add_paragraph()  # the empty paragraphs people type for spacing
    document.add_heading(prose.context, 1)
    _add_bookmarked_paragraph(document, prose.irregular_situation, prose.bookmarked_word)
    _add_link_paragraph(document, prose)
    document.add_heading(prose.pathways, 2)
    _add_broken_line(document, prose.call, prose.reference)
    for item in prose.bullets:
        document.add_paragraph(item, style="List Bullet")
    document.add_paragraph()
    document.add_heading(prose.commitments, 2)
    for item in prose.numbered:
        document.add_paragraph(item, style="List Number")
    cells = _add_table(document, prose)
    _add_tracked_change(document, prose)
    document.add_heading(prose.conclusion, 1)
    document.add_paragraph(prose.closing)

    tracked = prose.rejects + prose.inserted + prose.agreed + prose.adopted_on + "."
    facts = StatementFacts(
        headings=(
            (1, prose.title),
            (1, prose.context),
            (2, prose.pathways),
            (2, prose.commitments),
            (1, prose.conclusion),
        ),
        paragraphs=(
            prose.opening,
            prose.irregular_situation,
            prose.link_before + prose.link_text + prose.link_after,
            prose.call + "\n" + prose.reference.replace("\t", " "),
            tracked,
            prose.closing,
        ),
        bullet_items=prose.bullets,
        numbered_items=prose.numbered,
        table_cells=cells,
        header=prose.mission,
        footer=f"{prose.page} 1 {prose.of} 3",
        title=prose.title,
        authors=tuple(a.strip() for a in prose.authors.split(";")),
        created=_CREATED.date(),
        language=lang,
        never_in_text=("_GoBack", "MERGEFORMAT", "NUMPAGES", prose.deleted, _LINK_URL),
    )
    return _save(document), facts


def _set_core_properties(document, prose: _Prose) -> None:
    core = document.core_properties
    core.title = prose.title
    core.author = prose.authors
    core.created = _CREATED
    core.language = prose.language_tag


def _add_page_footer(paragraph: Paragraph, prose: _Prose) -> None:
    """`Page 1 of 3` as Word writes it: two fields whose last computed results are stored."""
    paragraph.add_run(f"{prose.page} ")
    _add_field(paragraph, " PAGE \\* MERGEFORMAT ", "1")
    paragraph.add_run(f" {prose.of} ")
    _add_field(paragraph, " NUMPAGES \\* MERGEFORMAT ", "3")


def _add_field(paragraph: Paragraph, instruction: str, result: str) -> None:
    """A complex field: begin, the field code, separate, the shown result, end."""
    paragraph._p.append(_run_with(_element("w:fldChar", {"w:fldCharType": "begin"})))
    instr = _element("w:instrText", {"xml:space": "preserve"})
    instr.text = instruction
    paragraph._p.append(_run_with(instr))
    paragraph._p.append(_run_with(_element("w:fldChar", {"w:fldCharType": "separate"})))
    paragraph.add_run(result)
    paragraph._p.append(_run_with(_element("w:fldChar", {"w:fldCharType": "end"})))


def _add_bookmarked_paragraph(document, text: str, word: str) -> None:
    """Word keeps the last edit position as a hidden `_GoBack` bookmark, here in mid-word."""
    cut = text.index(word) + len(word) // 2
    paragraph = document.add_paragraph(text[:cut])
    paragraph._p.append(_element("w:bookmarkStart", {"w:id": "0", "w:name": "_GoBack"}))
    paragraph._p.append(_element("w:bookmarkEnd", {"w:id": "0"}))
    paragraph.add_run(text[cut:])


def _add_link_paragraph(document, prose: _Prose) -> None:
    paragraph = document.add_paragraph(prose.link_before)
    r_id = paragraph.part.relate_to(_LINK_URL, RT.HYPERLINK, is_external=True)
    link = _element("w:hyperlink", {"r:id": r_id, "w:history": "1"})
    link.append(_run_with(_text(prose.link_text)))
    paragraph._p.append(link)
    paragraph.add_run(prose.link_after)


def _add_broken_line(document, first: str, second: str) -> None:
    """Two lines of one paragraph, separated by a soft line break (Shift+Enter)."""
    paragraph = document.add_paragraph()
    paragraph.add_run(first).add_break()
    paragraph.add_run(second)  # python-docx writes the "\t" as a w:tab


def _add_table(document, prose: _Prose) -> tuple[tuple[str, ...], ...]:
    """Region spans two rows, Arrivals two columns; returns the cells as a reader keeps them."""
    (region, arrivals), (first, second, total, all_regions) = prose.table
    table = document.add_table(rows=5, cols=3)
    table.style = "Table Grid"
    table.cell(0, 0).merge(table.cell(1, 0)).text = region
    table.cell(0, 1).merge(table.cell(0, 2)).text = arrivals
    table.cell(1, 1).text, table.cell(1, 2).text = "2016", "2017"
    for row, label in enumerate((first, second), start=2):
        table.cell(row, 0).text = label
    table.cell(4, 0).text = total
    table.cell(4, 0).add_paragraph(all_regions)
    for row, figures in enumerate(_FIGURES, start=2):
        table.cell(row, 1).text, table.cell(row, 2).text = figures
    return (
        (region, arrivals),
        ("", "2016", "2017"),
        (first, *_FIGURES[0]),
        (second, *_FIGURES[1]),
        (f"{total} {all_regions}", *_FIGURES[2]),
    )


def _add_tracked_change(document, prose: _Prose) -> None:
    """A revision left in the file: the deleted words stay in `w:delText`, the inserted ones in
    `w:ins`; then a date field whose code must not show."""
    paragraph = document.add_paragraph(prose.rejects)
    revision = {"w:author": "Pérez, María José", "w:date": "2018-07-11T17:02:00Z"}
    deleted = _element("w:del", {"w:id": "1", **revision})
    deleted.append(_run_with(_element("w:delText", {"xml:space": "preserve"}, prose.deleted)))
    inserted = _element("w:ins", {"w:id": "2", **revision})
    inserted.append(_run_with(_text(prose.inserted)))
    paragraph._p.append(deleted)
    paragraph._p.append(inserted)
    paragraph.add_run(prose.agreed)
    _add_field(paragraph, _DATE_FIELD, prose.adopted_on)
    paragraph.add_run(".")


@lru_cache(maxsize=None)
def styled_headings_docx() -> tuple[bytes, tuple[str, ...]]:
    """Headings and lists as documents from other offices mark them: custom styles based on a
    heading, an outline level on a style or a paragraph, a heading named in Spanish, numbering
    set on a Normal paragraph, a content control. Returns the bytes and the expected blocks."""
    document = docx.Document()
    styles = document.styles
    chapter = styles.add_style("Título Capítulo", WD_STYLE_TYPE.PARAGRAPH)
    chapter.base_style = styles["Heading 2"]
    report = styles.add_style("Encabezado Informe", WD_STYLE_TYPE.PARAGRAPH)
    report.base_style = styles["Normal"]
    report.element.get_or_add_pPr().append(_element("w:outlineLvl", {"w:val": "0"}))
    styles.add_style("Título 3", WD_STYLE_TYPE.PARAGRAPH).base_style = styles["Normal"]

    document.add_paragraph("Informe sobre movilidad humana", style="Encabezado Informe")
    document.add_paragraph("Antecedentes", style="Título Capítulo")
    document.add_paragraph("Marco jurídico", style="Título 3")
    _with_ppr(document.add_paragraph("Obligaciones del Estado"), _element("w:outlineLvl", {"w:val": "3"}))
    document.add_paragraph("Anexo estadístico", style="Heading 8")
    _with_ppr(
        document.add_paragraph("Texto con estilo de título pero nivel de cuerpo.", style="Heading 1"),
        _element("w:outlineLvl", {"w:val": "9"}),
    )
    document.add_paragraph("", style="Heading 1")  # empty: skipped
    heading = document.add_paragraph(style="Heading 1").add_run("Primera parte")
    heading.add_break()
    heading.add_text("Disposiciones generales")
    numbered = document.add_paragraph("Acceso a la justicia para todas las personas migrantes.")
    _with_ppr(numbered, _numbering("1"))
    numbered = document.add_paragraph("Regularización migratoria sin discriminación.")
    _with_ppr(numbered, _numbering("1"))
    _with_ppr(
        document.add_paragraph("Párrafo con estilo de lista sin numeración.", style="List Bullet"), _numbering("0")
    )
    hidden = document.add_paragraph("Texto visible.").add_run(" Nota oculta del redactor.")
    hidden.font.hidden = True
    _add_content_control(document, "Texto dentro de un control de contenido.")
    blocks = (
        "# Informe sobre movilidad humana",
        "## Antecedentes",
        "### Marco jurídico",
        "#### Obligaciones del Estado",
        "###### Anexo estadístico",
        "Texto con estilo de título pero nivel de cuerpo.",
        "# Primera parte Disposiciones generales",
        "- Acceso a la justicia para todas las personas migrantes.\n- Regularización migratoria sin discriminación.",
        "Párrafo con estilo de lista sin numeración.",
        "Texto visible.",
        "Texto dentro de un control de contenido.",
    )
    return _save(document), blocks


def _with_ppr(paragraph: Paragraph, child) -> None:
    paragraph._p.get_or_add_pPr().append(child)


def _numbering(num_id: str):
    num_pr = OxmlElement("w:numPr")
    num_pr.append(_element("w:ilvl", {"w:val": "0"}))
    num_pr.append(_element("w:numId", {"w:val": num_id}))
    return num_pr


def _add_content_control(document, text: str) -> None:
    """A block-level content control (`w:sdt`), as templates and cover pages use."""
    paragraph = document.add_paragraph(text)
    sdt, content = OxmlElement("w:sdt"), OxmlElement("w:sdtContent")
    sdt_pr = OxmlElement("w:sdtPr")
    sdt_pr.append(_element("w:alias", {"w:val": "Resumen"}))
    sdt.append(sdt_pr)
    paragraph._p.addprevious(sdt)
    content.append(paragraph._p)
    sdt.append(content)


@dataclass(frozen=True)
class SectionsFacts:
    headers: tuple[str, ...]  # in order, each once
    footers: tuple[str, ...]
    body: tuple[str, ...]


@lru_cache(maxsize=None)
def sections_docx() -> tuple[bytes, SectionsFacts]:
    """Two sections: the first with a distinct first-page header and even-page headers, the
    second with its own header (the same text again) and its own footer."""
    document = docx.Document()
    document.settings.odd_and_even_pages_header_footer = True
    first = document.sections[0]
    first.different_first_page_header_footer = True
    first.first_page_header.paragraphs[0].text = "Check against delivery"
    _write_lines(first.header, ("Permanent Mission of Chile", "", "Statement"))
    _write_lines(first.even_page_header, ("Permanent Mission of Chile", "Statement"))
    first.footer.paragraphs[0].text = "Geneva, 12 July 2018"
    document.add_paragraph("Chile welcomes the adoption of the Global Compact for Migration.")
    second = document.add_section(WD_SECTION.NEW_PAGE)
    second.different_first_page_header_footer = False
    second.header.is_linked_to_previous = False
    _write_lines(second.header, ("Permanent Mission of Chile", "Statement"))
    second.footer.is_linked_to_previous = False
    second.footer.paragraphs[0].text = "Annex"
    document.add_paragraph("Annex: national measures on labour migration.")
    facts = SectionsFacts(
        headers=("Check against delivery", "Permanent Mission of Chile\nStatement"),
        footers=("Geneva, 12 July 2018", "Annex"),
        body=(
            "Chile welcomes the adoption of the Global Compact for Migration.",
            "Annex: national measures on labour migration.",
        ),
    )
    return _save(document), facts


def _write_lines(story, lines: tuple[str, ...]) -> None:
    story.paragraphs[0].text = lines[0]
    for line in lines[1:]:
        story.add_paragraph(line)


@dataclass(frozen=True)
class NotesFacts:
    blocks: tuple[str, ...]  # the body's blocks, then the notes' `[^N]: text` blocks, as the text holds them
    table_cells: tuple[tuple[str, ...], ...]
    header: str
    footer: str
    never_in_text: tuple[str, ...]  # in the notes parts or the body's XML, never shown


_NOTES_PART = {
    "footnote": (RT.FOOTNOTES, CT.WML_FOOTNOTES, "/word/footnotes.xml"),
    "endnote": (RT.ENDNOTES, CT.WML_ENDNOTES, "/word/endnotes.xml"),
}
_TREATY = "United Nations, Treaty Series, vol. 1577, No. 27531."
_REPORT = ("A/72/100.", "The report covers the period from 1 August 2016 to 31 July 2017.")


@lru_cache(maxsize=None)
def footnoted_docx() -> tuple[bytes, NotesFacts]:
    """A resolution citing treaties in footnotes, as the UN's Word files do: note ids that are
    not in reference order (Word keeps them through edits), two footnotes in one paragraph, one of
    two paragraphs, one referenced from a table cell, one holding a field, a bookmark and a comment,
    a `*` custom mark on the heading, an endnote, a reference inside a tracked deletion (not shown)
    and a note never referenced; separators with the rule typed as underscores, as ODS files have."""
    document = docx.Document()
    document.sections[0].header.paragraphs[0].text = "Resolution adopted by the General Assembly"
    document.sections[0].footer.paragraphs[0].text = "17-23195"

    heading = document.add_heading("Protection of migrants", 1)
    _add_note_reference(heading, "footnote", "7", custom_mark="*")
    recalling = document.add_paragraph("Recalling the Convention on the Rights of the Child")
    _add_note_reference(recalling, "footnote", "3")
    recalling.add_run(
        " and the International Convention on the Protection of the Rights of All Migrant "
        "Workers and Members of Their Families,"
    )
    _add_note_reference(recalling, "footnote", "1")
    _add_note_reference(document.add_paragraph("Taking note of the report of the Secretary-General,"), "footnote", "2")
    table = document.add_table(rows=1, cols=2)
    table.cell(0, 0).text, table.cell(0, 1).text = "Arrivals in 2017", "1 000"
    _add_note_reference(table.cell(0, 0).paragraphs[0], "footnote", "5")
    reaffirming = document.add_paragraph("Reaffirming the Global Compact for Safe, Orderly and Regular Migration")
    deleted = _element("w:del", {"w:id": "9", "w:author": "Editor", "w:date": "2017-12-01T10:00:00Z"})
    deleted.append(_note_reference("footnote", "6"))
    deleted.append(_run_with(_element("w:delText", {"xml:space": "preserve"}, " of 2016")))
    reaffirming._p.append(deleted)
    reaffirming.add_run(",")
    _add_note_reference(reaffirming, "footnote", "4")
    _add_note_reference(document.add_paragraph("Decides to remain seized of the matter."), "endnote", "1")

    _add_notes_part(
        document,
        "footnote",
        {
            "7": [_note_paragraph("footnote", "Reissued for technical reasons on 1 March 2018.", custom_mark="*")],
            "3": [_note_paragraph("footnote", _TREATY)],
            "1": [_note_paragraph("footnote", "Ibid., vol. 2220, No. 39481.")],
            "2": [_note_paragraph("footnote", _REPORT[0]), _note_paragraph(None, _REPORT[1])],
            "5": [_note_paragraph("footnote", "Provisional figures.")],
            "6": [_note_paragraph("footnote", "A note whose reference was deleted.")],
            "4": [_field_note_paragraph()],
            "8": [_note_paragraph("footnote", "A note nothing refers to.")],
        },
    )
    _add_notes_part(document, "endnote", {"1": [_note_paragraph("endnote", "Adopted without a vote.")]})
    facts = NotesFacts(
        blocks=(
            "# Protection of migrants[^*]",
            "Recalling the Convention on the Rights of the Child[^1] and the International Convention on "
            "the Protection of the Rights of All Migrant Workers and Members of Their Families,[^2]",
            "Taking note of the report of the Secretary-General,[^3]",
            "Reaffirming the Global Compact for Safe, Orderly and Regular Migration,[^5]",
            "Decides to remain seized of the matter.[^6]",
            "[^*]: Reissued for technical reasons on 1 March 2018.",
            f"[^1]: {_TREATY}",
            "[^2]: Ibid., vol. 2220, No. 39481.",
            f"[^3]: {_REPORT[0]}\n{_REPORT[1]}",
            "[^4]: Provisional figures.",
            "[^5]: Resolution 70/1, annex.",
            "[^6]: Adopted without a vote.",
        ),
        table_cells=(("Arrivals in 2017[^4]", "1 000"),),
        header="Resolution adopted by the General Assembly",
        footer="17-23195",
        never_in_text=(
            "____",
            "HYPERLINK",
            "undocs.org",
            "_Ref",
            "whose reference was deleted",
            "of 2016",
            "nothing refers to",
        ),
    )
    return _save(document), facts


def with_separators_only_docx() -> bytes:
    """The English statement with the footnotes and endnotes parts Word writes into every file,
    holding only the separators: a document without notes."""
    document = docx.Document(io.BytesIO(statement_docx("en")[0]))
    _add_notes_part(document, "footnote", {})
    _add_notes_part(document, "endnote", {})
    return _save(document)


def _note_reference(kind: str, note_id: str, custom_mark: str | None = None):
    """The run Word puts where a note is referenced; a custom mark follows the reference in it."""
    run = OxmlElement("w:r")
    run.append(_superscript())
    reference = _element(f"w:{kind}Reference", {"w:id": note_id})
    run.append(reference)
    if custom_mark is not None:
        reference.set(qn("w:customMarkFollows"), "1")
        run.append(_text(custom_mark))
    return run


def _add_note_reference(paragraph: Paragraph, kind: str, note_id: str, custom_mark: str | None = None) -> None:
    paragraph._p.append(_note_reference(kind, note_id, custom_mark))


def _note_paragraph(kind: str | None, text: str, custom_mark: str | None = None):
    """A note's paragraph as Word writes it: the note's number (`w:footnoteRef`), or its custom
    mark typed as text, then a space and the text; a continuation paragraph has neither."""
    p = OxmlElement("w:p")
    p.append(_with_child(OxmlElement("w:pPr"), _element("w:pStyle", {"w:val": "FootnoteText"})))
    if kind is not None:
        mark = _text(custom_mark) if custom_mark is not None else OxmlElement(f"w:{kind}Ref")
        p.append(_with_child(_run_with(_superscript()), mark))
        p.append(_run_with(_text(" ")))
    p.append(_run_with(_text(text)))
    return p


def _field_note_paragraph():
    """`Resolution 70/1, annex.` where 70/1 is a HYPERLINK field's result, inside a bookmark and
    a comment's range, with the comment's reference mark after it."""
    p = _note_paragraph("footnote", "Resolution ")
    p.append(_element("w:bookmarkStart", {"w:id": "1", "w:name": "_Ref500001"}))
    p.append(_element("w:commentRangeStart", {"w:id": "0"}))
    for child in (
        _element("w:fldChar", {"w:fldCharType": "begin"}),
        _element("w:instrText", {"xml:space": "preserve"}, ' HYPERLINK "https://undocs.org/A/RES/70/1" '),
        _element("w:fldChar", {"w:fldCharType": "separate"}),
        _text("70/1"),
        _element("w:fldChar", {"w:fldCharType": "end"}),
    ):
        p.append(_run_with(child))
    p.append(_element("w:commentRangeEnd", {"w:id": "0"}))
    p.append(_run_with(_element("w:commentReference", {"w:id": "0"})))
    p.append(_element("w:bookmarkEnd", {"w:id": "1"}))
    p.append(_run_with(_text(", annex.")))
    return p


def _add_notes_part(document, kind: str, notes: dict[str, list]) -> None:
    """`word/footnotes.xml` (or endnotes) with Word's separator and continuation separator first,
    related to the main document part; python-docx has no API for notes."""
    reltype, content_type, partname = _NOTES_PART[kind]
    root = OxmlElement(f"w:{kind}s")
    separator = _element(f"w:{kind}", {"w:type": "separator", "w:id": "-1"})
    separator.append(_with_child(OxmlElement("w:p"), _run_with(_text("__________________"))))
    continuation = _element(f"w:{kind}", {"w:type": "continuationSeparator", "w:id": "0"})
    continuation.append(_with_child(OxmlElement("w:p"), _run_with(OxmlElement("w:continuationSeparator"))))
    root.extend((separator, continuation))
    for note_id, paragraphs in notes.items():
        note = _element(f"w:{kind}", {"w:id": note_id})
        note.extend(paragraphs)
        root.append(note)
    blob = etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)
    document.part.relate_to(Part(PackURI(partname), content_type, blob, document.part.package), reltype)


def _superscript():
    return _with_child(OxmlElement("w:rPr"), _element("w:vertAlign", {"w:val": "superscript"}))


def _with_child(element, child):
    element.append(child)
    return element


def without_core_properties_docx() -> bytes:
    """The English statement with its core properties part unlinked from the package, as some
    converters write: python-docx would then invent a title ("Word Document")."""
    data = statement_docx("en")[0]
    with zipfile.ZipFile(io.BytesIO(data)) as zf:
        rels = zf.read("_rels/.rels").decode("utf-8")
    kept = re.sub(r'<Relationship [^>]*Type="[^"]*/core-properties"[^>]*/>', "", rels)
    assert kept != rels
    return _replace_member(data, "_rels/.rels", kept.encode("utf-8"))


# --- files a reader must refuse ----------------------------------------------------------------


def blank_docx() -> bytes:
    """A Word document with nothing in its body but a header, like a template saved unused."""
    document = docx.Document()
    document.sections[0].header.paragraphs[0].text = "Permanent Mission of Ecuador — Statement"
    document.add_paragraph()
    return _save(document)


def not_a_zip_docx() -> bytes:
    """The first sector of an OLE compound file, which is how an old binary Word .doc starts:
    a .doc renamed .docx, the most common reason a .docx is not a zip."""
    header = bytearray(512)
    header[:8] = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
    header[24:34] = struct.pack("<HHHHH", 0x3E, 0x3, 0xFFFE, 0x9, 0x6)  # version, byte order, sector sizes
    return (
        bytes(header)
        + "Root Entry".encode("utf-16-le").ljust(64, b"\0")
        + "WordDocument".encode("utf-16-le").ljust(64, b"\0")
        + bytes(384)
    )


def encrypted_docx() -> bytes:
    """How a password-protected .docx starts: an OLE compound file whose directory names the
    `EncryptionInfo` and `EncryptedPackage` streams (the zip is inside, encrypted)."""
    ole = bytearray(not_a_zip_docx())
    streams = b"".join(
        name.encode("utf-16-le").ljust(64, b"\0") for name in ("Root Entry", "EncryptionInfo", "EncryptedPackage")
    )
    ole[512 : 512 + len(streams)] = streams
    return bytes(ole)


def zip_without_document() -> bytes:
    """An Office package with no `word/document.xml`: a spreadsheet named .docx."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr(
            "[Content_Types].xml",
            '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>',
        )
        zf.writestr("xl/workbook.xml", "<workbook/>")
    return buffer.getvalue()


def bad_crc_docx() -> bytes:
    """The English statement with one bit flipped inside the compressed data of
    word/document.xml: the zip directory still reads, the member's CRC-32 no longer matches."""
    data = bytearray(statement_docx("en")[0])
    info = zipfile.ZipFile(io.BytesIO(bytes(data))).getinfo("word/document.xml")
    name_len, extra_len = struct.unpack("<HH", data[info.header_offset + 26 : info.header_offset + 30])
    start = info.header_offset + 30 + name_len + extra_len
    # Most flips break the CRC only; some make the deflate stream itself invalid. Take the first
    # of the former, so the file fails the CRC check and nothing else.
    for offset in range(start + info.compress_size // 2, start + info.compress_size):
        data[offset] ^= 0x01
        if _fails_crc_only(bytes(data), info.filename):
            return bytes(data)
        data[offset] ^= 0x01
    raise AssertionError("no single-bit flip fails only the CRC")


def _fails_crc_only(data: bytes, name: str) -> bool:
    try:
        zipfile.ZipFile(io.BytesIO(data)).read(name)
    except zipfile.BadZipFile as e:
        return "CRC" in str(e)
    except Exception:
        return False
    return False


def encrypted_member_docx() -> bytes:
    """The English statement with word/document.xml flagged as encrypted (zip's traditional
    encryption), as some archivers leave it."""
    data = bytearray(statement_docx("en")[0])
    info = zipfile.ZipFile(io.BytesIO(bytes(data))).getinfo("word/document.xml")
    central = data.index(b"PK\x01\x02")  # the central directory entry naming the member
    while data[central + 46 : central + 46 + len(info.filename)] != info.filename.encode():
        central = data.index(b"PK\x01\x02", central + 4)
    data[central + 8] |= 0x01  # general purpose flag, bit 0: encrypted
    data[info.header_offset + 6] |= 0x01
    return bytes(data)


def broken_xml_docx() -> bytes:
    """A sound zip whose word/document.xml is cut off mid-element, as an interrupted save leaves it."""
    return _replace_member(
        statement_docx("en")[0],
        "word/document.xml",
        b'<?xml version="1.0"?><w:document xmlns:w="http://schemas.openxmlformats.org/'
        b'wordprocessingml/2006/main"><w:body><w:p><w:r><w:t>Statement',
    )


@lru_cache(maxsize=None)
def zip_bomb_docx(megabytes: int = 300) -> bytes:
    """The English statement plus an "image" of `megabytes` MB of zeros, which deflate
    squeezes about 1000:1 (300 MB become ~300 KB). Built in chunks: takes about a second."""
    buffer = io.BytesIO()
    with (
        zipfile.ZipFile(io.BytesIO(statement_docx("en")[0])) as source,
        zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as bomb,
    ):
        for info in source.infolist():
            bomb.writestr(info, source.read(info))
        with bomb.open("word/media/image1.png", "w", force_zip64=True) as member:
            chunk = bytes(2**20)
            for _ in range(megabytes):
                member.write(chunk)
    return buffer.getvalue()


def _replace_member(data: bytes, name: str, content: bytes) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as source, zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as out:
        for info in source.infolist():
            out.writestr(info, content if info.filename == name else source.read(info))
    return buffer.getvalue()


# --- small XML helpers --------------------------------------------------------------------------


def _element(tag: str, attrs: dict[str, str] | None = None, text: str | None = None):
    element = OxmlElement(tag)
    for name, value in (attrs or {}).items():
        element.set(
            qn(name) if not name.startswith("xml:") else "{http://www.w3.org/XML/1998/namespace}" + name[4:], value
        )
    if text is not None:
        element.text = text
    return element


def _text(text: str):
    return _element("w:t", {"xml:space": "preserve"}, text)


def _run_with(child):
    run = OxmlElement("w:r")
    run.append(child)
    return run


def _save(document) -> bytes:
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()
