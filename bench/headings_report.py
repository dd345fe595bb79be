#!/usr/bin/env python
"""Headings report: how many known headings the pipeline finds, per rendering of one text.

    .venv/bin/python -m bench.headings_report [--misses] [--only RENDERING ...]

Documents with known headings are taken from the project's own test material only: the seeds
whose expected headings tests/gold/*.json states, the statement behind
tests/builders/docx_files.py, the meeting report behind tests/builders/pdfs.py, and a few short
reports written here in en/es/fr/pt that hold what must never be a heading (a short sentence, a
row of names, a citation, contents lines, a bold label inside a sentence, a bold sentence).
Each document is rendered six ways:

- `markdown`: as written, headings marked with `#` (a bold sentence or label in `**`);
- `stripped`: the same text with its `#` and `**` marks lost, as a scraped dump has it;
- `docx-styles`: a Word file whose headings carry Title / Heading n styles;
- `docx-direct`: the same Word file with direct formatting only: headings in bold, larger runs;
- `pdf-styled`: a PDF (fpdf2) with headings in bold, larger type;
- `pdf-plain`: the same PDF with all text in the body font.

Every rendering goes through the real pipeline in-process (readers, `clean_document`,
`structure_document`). A found heading (a section's heading) matches an expected one (the
title or a heading) when it starts with it, case-folded, also without a leading enumerator
(`I.`, `A.`, `1.`), as ../shared/realdocs/score.py counts. Recall: expected headings found;
precision: found headings that are expected ones.
"""

from __future__ import annotations

import argparse
import hashlib
import io
import json
import re
import sys
import time
import unicodedata
from dataclasses import dataclass
from pathlib import Path

import docx
from docx.shared import Pt

from tasks.domain.cleaning import clean_document
from tasks.domain.document import structure_document
from tasks.domain.models import SourceFile
from tasks.readers import read_document
from tests.builders.docx_files import _PROSE
from tests.builders.pdfs import Styled, _english, _spanish, heading, report_pdf

ROOT = Path(__file__).resolve().parent.parent
RENDERINGS = ("markdown", "stripped", "docx-styles", "docx-direct", "pdf-styled", "pdf-plain")

# Roles of a block: the title, a heading of level 2-4, body text, a list item, and what must
# never be a heading though it looks a little like one.
TITLE, TEXT, ITEM, BOLD_SENTENCE, BOLD_LABEL = "title", "text", "item", "bold sentence", "bold label"


@dataclass(frozen=True)
class Block:
    role: str  # TITLE, "h2".."h4", TEXT, ITEM, BOLD_SENTENCE, BOLD_LABEL
    text: str  # for BOLD_LABEL: "label\tthe rest of the sentence"

    @property
    def level(self) -> int | None:
        return 1 if self.role == TITLE else int(self.role[1]) if self.role[:1] == "h" else None


@dataclass(frozen=True)
class Doc:
    name: str
    blocks: tuple[Block, ...]
    markdown: str | None = None  # the file as written, when it exists (a seed)

    @property
    def expected(self) -> list[str]:
        return [b.text for b in self.blocks if b.level is not None]


# --- the documents -------------------------------------------------------------------------

_LINK = re.compile(r"\[([^\]]+)\]\([^)]*\)")


def _seed_docs() -> list[Doc]:
    """The seeds with a title or headings in their gold file, cut into blocks: a block whose
    text is the gold title or a gold heading is one, a `- ` line a list item, the rest text."""
    docs = []
    for gold_path in sorted((ROOT / "tests" / "gold").glob("*.json")):
        gold = json.loads(gold_path.read_text(encoding="utf-8"))
        heads, title = gold.get("headings", []), gold.get("title")
        raw = (ROOT / "seeds" / gold["file"]).read_text(encoding="utf-8")
        if not (heads or title) or any(h.startswith("Topic") for h in heads):
            continue  # 004's topics run into their text: no rendering can give them a line
        blocks = []
        for para in re.split(r"\n\s*\n", raw):
            lines = [_LINK.sub(r"\1", ln).replace("**", "").lstrip("#").strip() for ln in para.splitlines()]
            lines = [ln for ln in lines if ln]
            joined = " ".join(lines)
            if not lines:
                continue
            if title and _fold(joined).rstrip(".") == _fold(title):
                blocks.append(Block(TITLE, joined))
                title = None  # the title said again further down is body text
            elif joined.rstrip(":") in heads:
                blocks.append(Block("h3" if re.match(r"\d+\.", joined) else "h2", joined))
            elif all(ln.startswith("- ") for ln in lines):
                blocks += [Block(ITEM, ln[2:]) for ln in lines]
            elif title and any(_fold(ln).rstrip(".") == _fold(title) for ln in lines):
                # a header block of short lines whose last is the title
                blocks += [Block(TITLE if _fold(ln).rstrip(".") == _fold(title) else TEXT, ln) for ln in lines]
            else:
                blocks.append(Block(TEXT, joined))
        docs.append(Doc(f"seed {gold_path.stem[:3]}", tuple(blocks), raw))
    return docs


def _statement_docs() -> list[Doc]:
    """The statement tests/builders/docx_files.py writes, in en/es/fr."""
    docs = []
    for lang, p in _PROSE.items():
        blocks = [
            Block(TITLE, p.title),
            Block(TEXT, p.opening),
            Block("h2", p.context),
            Block(TEXT, p.irregular_situation),
            Block(TEXT, p.link_before + p.link_text + p.link_after),
            Block("h3", p.pathways),
            Block(TEXT, p.call),
            *(Block(ITEM, b) for b in p.bullets),
            Block("h3", p.commitments),
            *(Block(ITEM, n) for n in p.numbered),
            Block(TEXT, p.rejects + p.inserted + p.agreed + p.adopted_on + "."),
            Block("h2", p.conclusion),
            Block(TEXT, p.closing),
        ]
        docs.append(Doc(f"statement {lang}", tuple(blocks)))
    return docs


def _report_docs() -> list[Doc]:
    """The meeting report tests/builders/pdfs.py prints, in en/es (its table left out)."""
    docs = []
    for lang, make in (("en", _english), ("es", _spanish)):
        _, pages = make()
        blocks = []
        for page in pages:
            for b in page:
                if isinstance(b, Styled):
                    level = {16: 1, 14: 2, 12: 3}[int(b.size)]
                    text = " ".join(b.text.split())
                    blocks.append(Block(TITLE if level == 1 else f"h{level}", text))
                elif isinstance(b, str):
                    blocks.append(Block(TEXT, b.replace("-\n", "")))
        docs.append(Doc(f"report {lang}", tuple(blocks)))
    return docs


def _written(name: str, *blocks: tuple[str, str]) -> Doc:
    return Doc(name, tuple(Block(role, text) for role, text in blocks))


# Short reports whose headings nest by their numbers (`I.` > `A.` > `1.`), with lines that
# must never be headings: a short sentence, a row of names, a citation, contents lines, a bold
# label inside a sentence, a bold sentence.
_WRITTEN = (
    _written(
        "written en",
        (TITLE, "Regional Review of Labour Migration Policies"),
        (TEXT, "Contents"),
        (TEXT, "I. Introduction .......... 2"),
        (TEXT, "II. Findings .......... 4"),
        ("h2", "I. Introduction"),
        (TEXT, "The review covers eleven countries of the region and the period from 2019 to 2023."),
        (BOLD_LABEL, "Note:\tthe figures for 2023 are provisional and will be revised next year."),
        ("h2", "II. Findings"),
        ("h3", "A. Recruitment practices"),
        (TEXT, "Most migrant workers paid recruitment fees that exceeded one month of wages."),
        (TEXT, "Maria Lopez Garcia Thomas Becker Amina Diallo"),
        ("h4", "1. Fees and costs"),
        (TEXT, "Fees were highest in the agricultural sector, where contracts are seasonal."),
        (BOLD_SENTENCE, "The committee adopted the report without a vote."),
        ("h4", "2. Contracts"),
        (TEXT, "See General Assembly resolution A/RES/73/195 of 19 December 2018"),
        (TEXT, "Written contracts were rare in domestic work and in construction."),
        ("h3", "B. Access to justice"),
        (TEXT, "Labour inspectors rarely visited private homes, where many migrant women work."),
        ("h2", "III. Recommendations"),
        (TEXT, "States should ban recruitment fees charged to workers."),
    ),
    _written(
        "written es",
        (TITLE, "Informe sobre la protección de la niñez migrante"),
        ("h2", "Resumen"),
        (TEXT, "El informe examina la situación de los niños y niñas migrantes no acompañados en la región."),
        (BOLD_LABEL, "Importante:\tlos datos de 2023 son provisionales y se revisarán el próximo año."),
        ("h2", "1. Marco jurídico"),
        (TEXT, "La Convención sobre los Derechos del Niño obliga a los Estados a proteger a todos los niños."),
        ("h3", "1.1 Legislación nacional"),
        (TEXT, "Siete países han prohibido la detención de niños migrantes por motivos migratorios."),
        (TEXT, "Ana María Torres Luis Fernando Rojas Carmen Vidal"),
        ("h3", "1.2 Práctica administrativa"),
        (BOLD_SENTENCE, "La detención de niños nunca responde a su interés superior."),
        (TEXT, "Las autoridades remiten a los niños a los servicios de protección de la infancia."),
        ("h2", "2. Recomendaciones"),
        (TEXT, "Los Estados deben designar un tutor para cada niño no acompañado."),
    ),
    _written(
        "written fr",
        (TITLE, "Rapport sur la migration de main-d'œuvre"),
        ("h2", "Introduction"),
        (TEXT, "Le rapport porte sur les travailleurs migrants saisonniers employés dans l'agriculture."),
        ("h2", "Principales conclusions"),
        (TEXT, "Les travailleurs saisonniers ont souvent payé des frais de recrutement élevés."),
        (BOLD_LABEL, "Remarque :\tles chiffres de 2023 sont provisoires et seront révisés."),
        (TEXT, "Voir la résolution A/RES/73/195 du 19 décembre 2018"),
        ("h2", "Recommandations"),
        (TEXT, "Les États devraient interdire les frais de recrutement facturés aux travailleurs."),
        (BOLD_SENTENCE, "Le comité a adopté le rapport sans vote."),
    ),
    _written(
        "written pt",
        (TITLE, "Relatório sobre a integração de migrantes"),
        ("h2", "I. Contexto"),
        (TEXT, "O relatório analisa as políticas de integração de migrantes em cinco municípios."),
        ("h2", "II. Resultados"),
        ("h3", "A. Acesso à saúde"),
        (TEXT, "Os migrantes em situação irregular têm acesso aos cuidados de saúde primários."),
        (BOLD_LABEL, "Nota:\tos dados de 2023 são provisórios e serão revistos no próximo ano."),
        ("h3", "B. Acesso à educação"),
        (TEXT, "Todas as crianças migrantes estão matriculadas nas escolas públicas."),
        (TEXT, "João Pedro Almeida Ricardo Sousa Beatriz Costa"),
        ("h2", "III. Conclusões"),
        (BOLD_SENTENCE, "A integração começa nos municípios."),
        (TEXT, "Os municípios devem coordenar os serviços de acolhimento."),
    ),
)


def documents() -> list[Doc]:
    return _seed_docs() + _statement_docs() + _report_docs() + list(_WRITTEN)


# --- the renderings ------------------------------------------------------------------------


def _label_parts(text: str) -> tuple[str, str]:
    label, rest = text.split("\t", 1)
    return label, " " + rest


def as_markdown(doc: Doc, marks: bool = True) -> str:
    out = []
    for b in doc.blocks:
        bold = (lambda s: f"**{s}**") if marks else (lambda s: s)
        if b.level is not None:
            out.append(("#" * b.level + " " if marks else "") + b.text)
        elif b.role == ITEM:
            out.append("- " + b.text)
        elif b.role == BOLD_SENTENCE:
            out.append(bold(b.text))
        elif b.role == BOLD_LABEL:
            label, rest = _label_parts(b.text)
            out.append(bold(label) + rest)
        else:
            out.append(b.text)
    text = "\n\n".join(out) + "\n"
    return text


_DOCX_SIZES = {1: 16, 2: 14, 3: 12, 4: 11}


def as_docx(doc: Doc, styles: bool) -> bytes:
    document = docx.Document()
    for b in doc.blocks:
        if b.level is not None and styles:
            document.add_heading(b.text, 0 if b.level == 1 else b.level - 1)
        elif b.level is not None:
            run = document.add_paragraph().add_run(b.text)
            run.bold, run.font.size = True, Pt(_DOCX_SIZES[b.level])
        elif b.role == ITEM:
            document.add_paragraph(b.text, style="List Bullet")
        elif b.role == BOLD_SENTENCE:
            document.add_paragraph().add_run(b.text).bold = True
        elif b.role == BOLD_LABEL:
            label, rest = _label_parts(b.text)
            p = document.add_paragraph()
            p.add_run(label).bold = True
            p.add_run(rest)
        else:
            document.add_paragraph(b.text)
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


_PAGE_MM = 215  # room for text between the running header and the footer
_CHARS_PER_LINE = 85


# fpdf2's core fonts encode latin-1 only.
_LATIN1 = str.maketrans({"\u2014": "-", "\u2013": "-", "\u2018": "'", "\u2019": "'", "\u201c": '"', "\u201d": '"'})


def _latin1(text: str) -> str:
    text = text.translate(_LATIN1).replace("\u0153", "oe")
    return text.encode("latin-1", "replace").decode("latin-1")


def as_pdf(doc: Doc, styled: bool) -> bytes:
    """Blocks laid out on A4 pages (report_pdf breaks pages only where it is told)."""
    pages: list[list] = [[]]
    used = 0.0
    for b in doc.blocks:
        b = Block(b.role, _latin1(b.text))
        if b.level is not None and styled:
            block = heading(b.text, min(b.level, 3))
        elif b.role in (BOLD_SENTENCE,) and styled:
            block = Styled(b.text)
        elif b.role == BOLD_LABEL and styled:
            label, rest = _label_parts(b.text)
            block = Styled(f"**{label}**{rest}", style="", markdown=True)
        elif b.role == BOLD_LABEL:
            block = "".join(_label_parts(b.text))
        else:
            block = ("- " if b.role == ITEM else "") + b.text
        height = (len(b.text) // _CHARS_PER_LINE + 1) * 7 + 4
        if used + height > _PAGE_MM and pages[-1]:
            pages.append([])
            used = 0.0
        pages[-1].append(block)
        used += height
    return report_pdf(pages, footer="Page {n}")


def render(doc: Doc, rendering: str) -> tuple[str, bytes]:
    """(file name, bytes) of a document in one rendering."""
    if rendering == "markdown":
        return "d.md", (doc.markdown or as_markdown(doc)).encode()
    if rendering == "stripped":
        text = doc.markdown or as_markdown(doc)
        text = re.sub(r"(?m)^#+\s*", "", text).replace("**", "")
        return "d.txt", text.encode()
    if rendering.startswith("docx"):
        return "d.docx", as_docx(doc, rendering == "docx-styles")
    return "d.pdf", as_pdf(doc, rendering == "pdf-styled")


# --- matching ------------------------------------------------------------------------------

_QUOTES = str.maketrans({"\u2018": "'", "\u2019": "'", "\u201c": '"', "\u201d": '"'})
_ENUM = re.compile(r"^(?:[IVXLC]+|[A-Z]|\d+(?:\.\d+)*|[a-z])[.)\-]?\s+")


def _fold(s: str) -> str:
    s = unicodedata.normalize("NFC", s).translate(_QUOTES)
    return re.sub(r"\s+", " ", s).strip().lower()


def heading_match(found: str, expected: str) -> bool:
    """As ../shared/realdocs/score.py: `found` starts with `expected`, or with it without its
    leading enumerator."""
    e = _fold(expected).rstrip(" .:")
    if found.startswith(e):
        return True
    bare = _ENUM.sub("", e, count=1)
    return bare != e and len(bare) >= 4 and found.startswith(bare)


@dataclass
class Outcome:
    doc: str
    expected: list[str]
    found: list[str]

    @property
    def missed(self) -> list[str]:
        return [e for e in self.expected if not any(heading_match(f, e) for f in self.found)]

    @property
    def wrong(self) -> list[str]:
        return [f for f in self.found if not any(heading_match(f, e) for e in self.expected)]


def run(doc: Doc, rendering: str) -> Outcome:
    name, data = render(doc, rendering)
    f = SourceFile(name, len(data), 0, hashlib.sha256(data).hexdigest())
    structured = structure_document(clean_document(read_document(f, data)))
    found = [_fold(re.sub(r"^#+\s*|\s*#+$", "", s.heading)) for s in structured.sections if s.heading]
    expected = [_latin1(e) for e in doc.expected] if rendering.startswith("pdf") else doc.expected
    return Outcome(doc.name, expected, found)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--misses", action="store_true", help="list each missed and each wrong heading")
    parser.add_argument("--only", nargs="+", choices=RENDERINGS, help="only these renderings")
    args = parser.parse_args(argv)
    started = time.perf_counter()
    docs = documents()
    n_expected = sum(len(d.expected) for d in docs)
    print(f"headings report: {len(docs)} documents, {n_expected} expected headings each rendering")
    print(f"\n{'rendering':12} {'expected':>8} {'found':>6} {'right':>6} {'recall':>7} {'precision':>9}")
    details = []
    for rendering in args.only or RENDERINGS:
        outcomes = [run(d, rendering) for d in docs]
        expected = sum(len(o.expected) for o in outcomes)
        found = sum(len(o.found) for o in outcomes)
        hit = expected - sum(len(o.missed) for o in outcomes)
        right = found - sum(len(o.wrong) for o in outcomes)
        recall, precision = hit / expected if expected else 1.0, right / found if found else 1.0
        print(f"{rendering:12} {expected:>8} {found:>6} {right:>6} {recall:>7.2f} {precision:>9.2f}")
        details.append((rendering, outcomes))
    if args.misses:
        for rendering, outcomes in details:
            print(f"\n== {rendering}")
            for o in outcomes:
                for e in o.missed:
                    print(f"  {o.doc:14} missed {e[:90]!r}")
                for f in o.wrong:
                    print(f"  {o.doc:14} wrong  {f[:90]!r}")
    print(f"\n({time.perf_counter() - started:.1f} s)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
