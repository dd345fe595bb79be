"""Files an inbox must survive, as bytes: bombs, huge and one-line texts, a page nested 20,000
deep, broken PDFs and Word files, pages of nothing, NUL bytes and invalid UTF-8, whitespace.

Each is what an accident or an attacker leaves in an inbox, not a consultation: the pipeline
must read it, or fail it with a typed error, in bounded time and memory, and never lose the
real text inside it. The well-formed files come from the other builders (the Word statement,
the meeting report PDF), so a hostile file differs from a good one only by what makes it
hostile. `catalogue()` lists them all for bench/hostile.py.
"""

from __future__ import annotations

import io
import random
import zipfile
from dataclasses import dataclass
from functools import lru_cache
from typing import Callable

from tests.builders.docx_files import broken_xml_docx, statement_docx, zip_bomb_docx
from tests.builders.pdfs import blank_pdf, long_pdf, truncated_pdf

MB = 2**20

# Sentences of a consultation's report in its four languages, recombined into paragraphs.
SENTENCES = {
    "en": (
        "The delegation of Chile stressed the need for regular pathways for migrant workers.",
        "Civil society organizations asked for firewalls between health services and immigration enforcement.",
        "The regional review welcomed the new data on remittances collected by the central banks.",
        "Several States reported progress on alternatives to the detention of children.",
        "The co-facilitators invited written contributions before the end of the month.",
    ),
    "es": (
        "La delegación de México subrayó la importancia de las vías regulares de migración.",
        "Las organizaciones de la sociedad civil pidieron proteger a las trabajadoras domésticas.",
        "El examen regional acogió con satisfacción los nuevos datos sobre las remesas.",
        "Varios Estados informaron de avances en las alternativas a la detención de niños.",
    ),
    "fr": (
        "La délégation du Sénégal a souligné la nécessité de voies de migration régulières.",
        "Les organisations de la société civile ont demandé la protection des travailleurs saisonniers.",
        "L'examen régional a salué les nouvelles données sur les envois de fonds des migrants.",
        "Plusieurs États ont fait état de progrès dans les alternatives à la rétention des enfants.",
    ),
    "pt": (
        "A delegação do Brasil sublinhou a importância das vias regulares de migração.",
        "As organizações da sociedade civil pediram a proteção dos trabalhadores sazonais.",
        "O exame regional saudou os novos dados sobre as remessas dos migrantes.",
        "Vários Estados relataram progressos nas alternativas à detenção de crianças.",
    ),
}


def paragraphs(n: int, seed: int = 13) -> list[str]:
    """`n` paragraphs of two to five sentences, each in one language, with a distinct figure in
    each so no two are alike (a paragraph repeated is furniture to the cleaning)."""
    rng = random.Random(seed)
    out = []
    for i in range(n):
        sentences = SENTENCES[rng.choice(tuple(SENTENCES))]
        chosen = [rng.choice(sentences) for _ in range(rng.randint(2, 5))]
        out.append(" ".join(chosen) + f" ({i + 1} / {rng.randint(1000, 9999)})")
    return out


# --- texts ---------------------------------------------------------------------------------------


@lru_cache(maxsize=4)
def huge_text(megabytes: float = 16) -> bytes:
    """A plain-text report of `megabytes` MB of UTF-8: a title, then paragraphs a blank line apart."""
    target = int(megabytes * MB)
    parts, size, batch = ["Regional review of the Global Compact for Migration\n\n"], 0, 0
    while size < target:
        chunk = "\n\n".join(paragraphs(500, seed=batch)) + "\n\n"
        parts.append(chunk)
        size += len(chunk.encode("utf-8"))
        batch += 1
    return "".join(parts).encode("utf-8")[:target].decode("utf-8", "ignore").encode("utf-8")


def one_line_text(megabytes: float = 8) -> bytes:
    """The huge text with every line break made a space: one line of `megabytes` MB, as a
    minified dump or a broken export leaves it."""
    return b" ".join(huge_text(megabytes).split())


def nul_bytes_text() -> bytes:
    """A report whose sentences are separated by NUL bytes, as a UTF-16 file read byte by byte
    or a binary pasted into a text file gives them."""
    return "\0".join(paragraphs(20)).encode("utf-8") + b"\0\0\0\n"


def invalid_utf8_text() -> bytes:
    """A UTF-8 report with bytes that are no UTF-8 at all in it: a lone continuation byte, a cut
    multi-byte sequence, an overlong encoding, 0xFF."""
    pieces = [p.encode("utf-8") for p in paragraphs(20)]
    bad = (b"\x80", b"\xc3(", b"\xc0\xaf", b"\xff\xfe", b"\xe2\x82")
    return b"\n\n".join(piece + bad[i % len(bad)] for i, piece in enumerate(pieces)) + b"\n"


def whitespace_text(size: int = 4096) -> bytes:
    """Nothing but spaces, tabs, line and page breaks and no-break spaces."""
    unit = " \t\n\r\n\f\u00a0\u3000"
    return (unit * (size // len(unit.encode("utf-8")) + 1)).encode("utf-8")


# --- web pages -----------------------------------------------------------------------------------


@dataclass(frozen=True)
class DeepPage:
    html: bytes
    paragraphs: tuple[str, ...]  # every one must be read, in this order


def deep_html(depth: int = 20_000, every: int = 1_000) -> DeepPage:
    """A page whose body nests `depth` `<div>`s, a paragraph of text every `every` levels on the
    way down and one after the nesting closes: libxml2 reads no element deeper than 255."""
    texts = paragraphs(depth // every + 2, seed=depth)
    opening, closing = [], []
    for level in range(depth):
        opening.append("<div>" if level % every else f"<div><p>{texts[level // every]}</p>")
        closing.append("</div>")
    html = (
        "<!DOCTYPE html>\n<html lang='en'><head><meta charset='utf-8'><title>A page nested deep</title></head>"
        f"<body><h1>A page nested deep</h1>{''.join(opening)}<p>{texts[-2]}</p>{''.join(closing)}"
        f"<p>{texts[-1]}</p></body></html>"
    )
    ordered = [texts[level // every] for level in range(0, depth, every)] + [texts[-2], texts[-1]]
    return DeepPage(html.encode("utf-8"), tuple(ordered))


# --- Word files ----------------------------------------------------------------------------------


@lru_cache(maxsize=2)
def document_bomb_docx(megabytes: int = 300) -> bytes:
    """The English statement whose word/document.xml holds `megabytes` MB of one paragraph
    repeated, which deflate squeezes several hundred to one: a bomb in the text itself."""
    source = zipfile.ZipFile(io.BytesIO(statement_docx("en")[0]))
    buffer = io.BytesIO()
    paragraph = b"<w:p><w:r><w:t>" + SENTENCES["en"][0].encode() + b"</w:t></w:r></w:p>"
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as bomb:
        for info in source.infolist():
            if info.filename != "word/document.xml":
                bomb.writestr(info, source.read(info))
                continue
            xml = source.read(info)
            head, tail = xml.split(b"<w:body>", 1)
            with bomb.open("word/document.xml", "w", force_zip64=True) as member:
                member.write(head + b"<w:body>")
                chunk = paragraph * (MB // len(paragraph))
                for _ in range(megabytes):
                    member.write(chunk)
                member.write(tail)
    return buffer.getvalue()


def truncated_docx() -> bytes:
    """The English statement cut in half, as an interrupted download leaves it: no central directory."""
    data = statement_docx("en")[0]
    return data[: len(data) // 2]


def deep_tables_docx(depth: int = 200) -> bytes:
    """The English statement with a table nested `depth` deep (a cell holding a table holding a
    table ...), a sentence in the innermost cell."""
    import docx

    document = docx.Document(io.BytesIO(statement_docx("en")[0]))
    cell = document.add_table(rows=1, cols=1).cell(0, 0)
    for _ in range(depth - 1):
        cell = cell.add_table(rows=1, cols=1).cell(0, 0)
    cell.paragraphs[0].text = SENTENCES["en"][1]
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


# --- the whole set -------------------------------------------------------------------------------


@dataclass(frozen=True)
class Hostile:
    name: str  # the file's name in an inbox, its extension saying how it is read
    build: Callable[[], bytes]
    why: str


def catalogue(scale: float = 1.0) -> list[Hostile]:
    """Every hostile file, sizes multiplied by `scale` (bench/hostile.py --scale); the bombs
    keep their size, since a small one is no bomb (the .docx reader judges ratios from 8 MB)."""

    def mb(n: float) -> float:
        return max(n * scale, 0.1)

    return [
        Hostile("zip_bomb_image.docx", lambda: zip_bomb_docx(300), "a 300 MB image compressed 1000:1"),
        Hostile("zip_bomb_text.docx", lambda: document_bomb_docx(300), "a 300 MB document.xml"),
        Hostile("huge_16mb.txt", lambda: huge_text(mb(16)), "16 MB of prose"),
        Hostile("one_line_8mb.txt", lambda: one_line_text(mb(8)), "8 MB on one line"),
        Hostile("deep_20000.html", lambda: deep_html(int(20_000 * scale) or 1_000).html, "20,000 nested divs"),
        Hostile("truncated.pdf", truncated_pdf, "a PDF cut in half"),
        Hostile("truncated.docx", truncated_docx, "a .docx cut in half"),
        Hostile("broken_xml.docx", broken_xml_docx, "document.xml cut mid-element"),
        Hostile("blank_2000_pages.pdf", lambda: blank_pdf(int(2000 * scale) or 10), "pages with nothing on them"),
        Hostile("long_500_pages.pdf", lambda: long_pdf(int(500 * scale) or 10), "500 pages of text"),
        Hostile("nul_bytes.txt", nul_bytes_text, "NUL bytes between sentences"),
        Hostile("invalid_utf8.txt", invalid_utf8_text, "bytes that are no UTF-8"),
        Hostile("whitespace.txt", whitespace_text, "only whitespace"),
        Hostile("deep_tables.docx", lambda: deep_tables_docx(int(200 * scale) or 10), "tables nested 200 deep"),
    ]
