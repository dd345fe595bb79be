"""Noise injection: clean paragraphs in, a noisy text dump out, with every noise string recorded.

A document is built as a flat list of `Piece`s. A piece is content (a word or the space
between words, copied from the clean corpus), layout (line breaks, blank lines, form feeds:
whitespace that is not counted either way), or noise (a string of one noise class). Each
piece also says what a perfect cleaner leaves in its place (`equiv`): "" for most noise, "fi"
for a "ﬁ" ligature, " " for a non-breaking space, " " for a page break that cut a sentence.
A page separator is a `group` piece: its inner pieces (page number lines, running footers and
headers, OCR garbage) are noise items of their own, and the group as a whole is either a
page_break item (it cut a sentence and must be joined back) or plain layout.

Rendering the pieces gives the raw text and, exactly, the raw span of every noise string
(`NoiseItem`), the raw span of every real word (`RealWord`, the words of the clean text as
they appear in the raw text, possibly with noise inside: `migra-\\ntion`, `ﬁnancement`), and the
perfect cleaner's edits (`OracleEdit`). The builder checks that the perfect cleaner's text has
exactly the words of the clean blocks, so the recorded words cannot drift from the corpus.

Everything is a pure function of a `random.Random`; `build_documents(seed, n)` is stable
across runs and machines (string seeds are hashed with SHA-512 by `random`).
"""

from __future__ import annotations

import random
import re
from dataclasses import dataclass, field

from tests.noise import corpus

CLASSES = (
    "similar_documents",
    "transcription_marker",
    "furniture",
    "end_marker",
    "page_number",
    "page_break",
    "hyphenation",
    "running_header",
    "running_footer",
    "word_bookmark",
    "image_marker",
    "markdown_residue",
    "ocr_garbage",
    "unicode",
)
PAGE_CLASSES = frozenset({"page_number", "page_break", "running_header", "running_footer"})

# A word, for the measurement: a run of letters and digits. Hyphens, apostrophes, slashes and
# dots separate words, so "Estados-membros" is two words and "A/RES/71/280" four.
WORD_RE = re.compile(r"[^\W_]+")

# How often a class appears in a document (page classes only in paged documents).
CLASS_RATES = {
    "similar_documents": 0.35,
    "transcription_marker": 0.2,  # always present after a similar-documents block
    "furniture": 0.4,
    "end_marker": 0.3,
    "page_number": 0.8,
    "page_break": 0.7,
    "hyphenation": 0.5,
    "running_header": 0.5,
    "running_footer": 0.5,
    "word_bookmark": 0.35,
    "image_marker": 0.3,
    "markdown_residue": 0.4,
    "ocr_garbage": 0.35,
    "unicode": 0.5,
}

# ----------------------------------------------------------------------------- noise material

SIMILAR_HEADINGS = {
    "en": ("Similar documents", "Related documents", "Similar Documents"),
    "es": ("Documentos similares", "Similar documents"),
    "fr": ("Documents similaires", "Similar documents"),
    "pt": ("Documentos semelhantes", "Similar documents"),
}

SCRAPED_TITLES = (
    "Chapter 4 Thermodynamics Lecture Notes",
    "2019 Annual Report - Parks and Recreation Department",
    "Practice Test 3 Grade 8 Mathematics",
    "How to Install a Solar Water Heater",
    "Curriculum Vitae John Smith (1).pdf",
    "Employee Handbook 2020 | PDF | Employment",
    "Wedding Planning Checklist",
    "Lecture 12: Organic Chemistry Reactions",
    "Football Club Newsletter March 2018",
    "Business Plan for a Small Bakery",
    "IELTS Writing Task 2 Sample Answers",
    "Owner's Manual - Toyota Corolla 2015",
    "Guía docente Derecho Mercantil 2019-2020",
    "Manual de instalación de calentadores solares",
    "Receta de pan casero sin gluten",
    "Examen de matemáticas 2º ESO tema 5",
    "Plan de negocios panadería artesanal | PDF",
    "Apuntes de Historia del Arte Barroco",
    "Contrato de arrendamiento de vivienda (modelo)",
    "Cours de comptabilité générale - Chapitre 3",
    "Exercices corrigés de probabilités",
    "Fiche de révision : la photosynthèse",
    "Règlement intérieur du club de tennis",
    "Mémoire de fin d'études en marketing digital",
    "Correction du bac de philosophie 2017",
    "Resumo de Direito Constitucional para concursos",
    "Receita de bolo de cenoura com cobertura",
    "Apostila de Física - Cinemática",
    "Plano de aula de Língua Portuguesa 6º ano",
    "Manual do proprietário Fiat Uno 2010",
    "Exercícios resolvidos de estatística",
    "TCC - Gestão de estoques em supermercados.docx",
)

FURNITURE = {
    "en": (
        "Download",
        "Report this document",
        "Loading...",
        "Download now",
        "Share this document",
        "Save",
        "Print",
        "Embed",
    ),
    "es": ("Descargar", "Denunciar este documento", "Cargando...", "Download", "Report this document"),
    "fr": ("Télécharger", "Signaler ce document", "Chargement...", "Download", "Loading..."),
    "pt": ("Baixar", "Denunciar este documento", "Carregando...", "Download", "Report this document"),
}

UN_SYMBOLS = ("A/HRC/35/25", "A/72/643", "A/CONF.231/3", "E/CN.9/2018/2", "A/73/PV.60", "A/HRC/WG.6/29/MEX/1")
JOB_LETTER = {"en": "E", "es": "S", "fr": "F", "pt": "P"}
ORGANISATION = {"en": "United Nations", "es": "Naciones Unidas", "fr": "Nations Unies", "pt": "Nações Unidas"}

OCR_SAMPLES = (
    "\\mj (~I.",
    "-~--.~.~,-",
    "»¦ ~^ |l",
    "·,'~ ;.-_",
    "I| ¦ ,; ~~",
    "'~:~ , '~'",
    ".:¦.. |- ~",
    "=== ~ ^`",
    "JI' .~ ':",
    "~~'~ -.'.,",
    "^ ¦¦ ~:. I",
    "(~ '· ,.,.",
)
OCR_SYMBOLS = "~^|¦»«-.,:;'`\"!()_=+<>/\\·°"
OCR_LETTERS = "lIijm"

BOOKMARK_NAMES = ("_GoBack", "_Hlk{n}", "_Toc{n}", "_Ref{n}")
IMAGE_NAMES = ("logo.png", "image1.png", "image2.jpeg", "media/image3.emf", "Logo_OIM.png", "emblem.jpg", "chart1.png")

DIGRAPHS = {"ch", "ph", "th", "sh", "nh", "lh", "qu", "gu", "ll", "rr", "gn", "ck"}
CLUSTERS = {a + b for a in "bcdfgkpt" for b in "lr"} - {"dl", "tl"}
VOWELS = set("aeiouyáéíóúàèìòùâêîôûãõäëïöüœAEIOUYÁÉÍÓÚÀÈÌÒÙÂÊÎÔÛÃÕÄËÏÖÜŒ")


# ----------------------------------------------------------------------------- data


@dataclass(frozen=True)
class Piece:
    text: str
    equiv: str  # what a perfect cleaner leaves in its place
    role: str  # word | space | layout | noise | group
    cls: str | None = None
    form: str = ""
    check: str = "gone"
    inner: tuple["Piece", ...] = ()
    whole: bool = False  # a whole whitespace-delimited chunk of the clean text


@dataclass(frozen=True)
class NoiseItem:
    """One injected noise string: `raw[start:end] == text`.

    check "gone": removed when every character of it other than blanks and newlines is inside
    a removal whose replacement does not put it back. check "joined": a page break that cut a
    sentence; removed when no paragraph break (blank line, form feed) is left at its place.
    """

    cls: str
    form: str
    text: str
    start: int
    end: int
    equiv: str
    check: str


@dataclass(frozen=True)
class RealWord:
    """A word of the clean text; `raw[start:end]` is where it is in the raw text, noise and all."""

    text: str
    start: int
    end: int


@dataclass(frozen=True)
class OracleEdit:
    start: int
    end: int
    replacement: str
    kind: str


@dataclass(frozen=True)
class NoisyDocument:
    doc_id: str
    language: str
    raw: str
    blocks: tuple[str, ...]  # the clean units it was made from, in order
    noise: tuple[NoiseItem, ...]
    words: tuple[RealWord, ...]
    oracle: tuple[OracleEdit, ...]  # a perfect cleaner's edits
    oracle_text: str  # what they make of `raw`
    features: tuple[str, ...]  # enabled classes and layout flags


@dataclass
class _Plan:
    lang: str
    enabled: set[str]
    paged: bool
    wrapped: bool
    ff: bool
    width: int
    features: list[str] = field(default_factory=list)


# ----------------------------------------------------------------------------- piece helpers


def _word(text: str, whole: bool = False) -> Piece:
    return Piece(text, text, "word", whole=whole)


def _space(text: str = " ") -> Piece:
    return Piece(text, text, "space")


def _layout(text: str, equiv: str) -> Piece:
    return Piece(text, equiv, "layout")


def _noise(text: str, cls: str, form: str, equiv: str = "") -> Piece:
    return Piece(text, equiv, "noise", cls, form)


def _group(inner: list[Piece], cls: str | None, form: str, equiv: str) -> Piece:
    return Piece("".join(p.text for p in inner), equiv, "group", cls, form, "joined" if cls else "gone", tuple(inner))


def _chunks(text: str) -> list[Piece]:
    return [_word(c, whole=True) if c.strip() else _space(c) for c in re.split(r"( +)", text) if c]


def _n_words(pieces: list[Piece]) -> int:
    return sum(1 for p in pieces if p.role == "word" and p.whole)


_EDGE = re.compile(r"^([(«“\[]*)(.*?)([.,;:)»”!?]*)$", re.S)


def _peel(text: str) -> tuple[str, str, str]:
    lead, core, trail = _EDGE.match(text).groups()
    return lead, core, trail


def _syllable_cuts(word: str, margin: int) -> list[int]:
    """Plausible hyphenation points: V-CV (inte-gra-tion), VC-CV (accor-dance, commit-ments) or
    before a digraph (desa-rrollo), never inside a digraph or an onset cluster (ch, ll, gr...)."""
    low = word.lower()
    cuts = []
    for p in range(margin, len(word) - margin + 1):
        if p + 1 >= len(word):
            continue
        before_digraph = (
            low[p - 1] in VOWELS and low[p : p + 2] in DIGRAPHS and p + 2 < len(word) and low[p + 2] in VOWELS
        )
        if low[p - 1 : p + 1] in DIGRAPHS or low[p - 1 : p + 1] in CLUSTERS:
            continue
        v_cv = low[p - 1] in VOWELS and low[p] not in VOWELS and low[p + 1] in VOWELS
        vc_cv = (
            p >= 2
            and low[p - 2] in VOWELS
            and low[p - 1] not in VOWELS
            and low[p] not in VOWELS
            and low[p + 1] in VOWELS
        )
        if before_digraph or ((v_cv or vc_cv) and low[p : p + 2] not in DIGRAPHS):
            cuts.append(p)
    return cuts or list(range(margin, len(word) - margin + 1))


def _letter_runs(pieces: list[Piece], min_len: int) -> list[tuple[int, int, int]]:
    """(piece index, run start, run end) of letter runs of at least `min_len` in word pieces."""
    runs = []
    for i, p in enumerate(pieces):
        if p.role == "word":
            for m in re.finditer(r"[^\W\d_]{%d,}" % min_len, p.text):
                runs.append((i, m.start(), m.end()))
    return runs


def _insert_in_word(pieces: list[Piece], i: int, at: int, noise: Piece) -> None:
    p = pieces[i]
    pieces[i : i + 1] = [_word(p.text[:at]), noise, _word(p.text[at:])]


# ----------------------------------------------------------------------------- in-block noise


def _markdown(rng: random.Random, kind: str, pieces: list[Piece]) -> list[Piece]:
    cls = "markdown_residue"
    if kind in ("title", "heading"):
        if rng.random() < 0.75:
            hashes = rng.choice(["#", "##", "##", "###"]) if kind == "heading" else rng.choice(["#", "##"])
            style = rng.random()
            if style < 0.5:
                return [
                    _noise(hashes + " ", cls, "heading-hash"),
                    _noise("**", cls, "heading-bold"),
                    *pieces,
                    _noise("**", cls, "heading-bold"),
                ]
            if style < 0.8:
                return [_noise(hashes + " ", cls, "heading-hash"), *pieces]
            return [_noise("**", cls, "heading-bold"), *pieces, _noise("**", cls, "heading-bold")]
        return pieces
    pieces = list(pieces)
    if rng.random() < 0.5:
        _wrap_run(rng, pieces, "**", "**", "bold")
    if rng.random() < 0.35:
        symbols = [i for i, p in enumerate(pieces) if p.whole and re.search(r"[A-Z]+/[A-Z0-9.]+/", p.text)]
        if symbols or rng.random() < 0.3:
            close = rng.choice(["](#)", "](#)", "]()"])
            _wrap_run(rng, pieces, "[", close, "empty-link", only=symbols or None)
    if rng.random() < 0.3:
        mark = rng.choice(["*", "_"])
        _wrap_run(rng, pieces, mark, mark, "emphasis" + mark)
    return pieces


def _wrap_run(
    rng: random.Random, pieces: list[Piece], left: str, right: str, form: str, only: list[int] | None = None
) -> None:
    """Wrap one or two consecutive whole words in markdown marks (punctuation stays outside)."""
    cls = "markdown_residue"
    starts = only or [i for i, p in enumerate(pieces) if p.whole and p.role == "word"]
    rng.shuffle(starts)
    for i in starts:
        j = i
        if (
            only is None
            and rng.random() < 0.4
            and i + 2 < len(pieces)
            and pieces[i + 1].role == "space"
            and pieces[i + 2].whole
        ):
            j = i + 2
        lead, core_i, trail_i = _peel(pieces[i].text)
        if j == i:
            if not WORD_RE.search(core_i):
                continue
            new = [_word(lead)] if lead else []
            new += [_noise(left, cls, form), _word(core_i), _noise(right, cls, form)]
            new += [_word(trail_i)] if trail_i else []
            pieces[i : i + 1] = new
            return
        lead_j, core_j, trail_j = _peel(pieces[j].text)
        if not WORD_RE.search(core_i + core_j) or trail_i or lead_j:
            continue
        new = [_word(lead)] if lead else []
        new += [_noise(left, cls, form), _word(core_i), pieces[i + 1], _word(core_j), _noise(right, cls, form)]
        new += [_word(trail_j)] if trail_j else []
        pieces[i : j + 1] = new
        return


def _bookmark(rng: random.Random, pieces: list[Piece]) -> list[Piece]:
    name = rng.choice(BOOKMARK_NAMES).format(n=rng.randint(100000000, 999999999))
    mark = f"[bookmark: {name}]"
    form = "GoBack" if name == "_GoBack" else name[:4]
    pieces = list(pieces)
    words = [i for i, p in enumerate(pieces) if p.role == "word" and p.whole]
    where = rng.random()
    if where < 0.4:  # glued to the start of the block
        pieces.insert(0, _noise(mark, "word_bookmark", form + "@start"))
    elif where < 0.7:  # glued before a word
        pieces.insert(rng.choice(words), _noise(mark, "word_bookmark", form + "@before"))
    else:  # glued after a word
        pieces.insert(rng.choice(words) + 1, _noise(mark, "word_bookmark", form + "@after"))
    return pieces


def _image(rng: random.Random, pieces: list[Piece]) -> list[Piece]:
    mark = f"[image: {rng.choice(IMAGE_NAMES)}]"
    pieces = list(pieces)
    if rng.random() < 0.5:  # on its own line above the block
        return [_noise(mark, "image_marker", "own-line"), _layout("\n", ""), *pieces]
    spaces = [i for i, p in enumerate(pieces) if p.role == "space"]
    if not spaces:
        return [_noise(mark + " ", "image_marker", "inline"), *pieces]
    i = rng.choice(spaces)
    pieces.insert(i, _noise(" " + mark, "image_marker", "inline"))
    return pieces


def _unicode(rng: random.Random, pieces: list[Piece], ligatures: bool) -> list[Piece]:
    cls = "unicode"
    pieces = list(pieces)
    if ligatures:
        out = []
        for p in pieces:
            if p.role != "word" or not re.search("f[il]", p.text):
                out.append(p)
                continue
            pos = 0
            for m in re.finditer("f[il]", p.text):
                if rng.random() < 0.8:
                    out.append(_word(p.text[pos : m.start()]))
                    lig = "ﬁ" if m.group() == "fi" else "ﬂ"
                    out.append(_noise(lig, cls, "ligature-" + m.group(), equiv=m.group()))
                    pos = m.end()
            out.append(_word(p.text[pos:]) if pos else p)
        pieces = [p for p in out if p.text]
    if rng.random() < 0.4:
        spaces = [i for i, p in enumerate(pieces) if p.role == "space" and p.text == " "]
        for i in rng.sample(spaces, min(len(spaces), rng.randint(1, 2))):
            pieces[i] = _noise("\u00a0", cls, "nbsp", equiv=" ")
    if rng.random() < 0.35:
        runs = _letter_runs(pieces, 6)
        if runs:
            i, a, b = rng.choice(runs)
            at = a + rng.choice(_syllable_cuts(pieces[i].text[a:b], 2))
            _insert_in_word(pieces, i, at, _noise("\u00ad", cls, "soft-hyphen"))
    if rng.random() < 0.25:
        if rng.random() < 0.5:
            spaces = [i for i, p in enumerate(pieces) if p.role == "space"]
            if spaces:
                pieces.insert(rng.choice(spaces) + 1, _noise("\u200b", cls, "zwsp-between"))
        else:
            runs = _letter_runs(pieces, 6)
            if runs:
                i, a, b = rng.choice(runs)
                _insert_in_word(pieces, i, rng.randint(a + 2, b - 2), _noise("\u200b", cls, "zwsp-inword"))
    return pieces


def _hyphenate(rng: random.Random, pieces: list[Piece], k: int) -> list[Piece]:
    """Break up to `k` different words at a line end: `migra-\ntion` (each word at most once)."""
    pieces = list(pieces)
    runs = {}
    for i, a, b in _letter_runs(pieces, 7):
        runs.setdefault(i, (i, a, b))  # one run per piece; pieces are whole words here
    chosen = rng.sample(sorted(runs.values()), min(k, len(runs)))
    for i, a, b in sorted(chosen, reverse=True):
        run = pieces[i].text[a:b]
        at = a + rng.choice(_syllable_cuts(run, 3))
        form = "accented" if not run.isascii() else "plain"
        _insert_in_word(pieces, i, at, _noise("-\n", "hyphenation", form))
    return pieces


def _wrap(rng: random.Random, pieces: list[Piece], width: int) -> list[Piece]:
    """Break lines at spaces (or after the hyphen of a compound) like a PDF text dump."""
    out: list[Piece] = []
    col = 0
    for k, p in enumerate(pieces):
        if p.role == "space" and p.text == " ":
            ahead = 0
            for q in pieces[k + 1 :]:
                if q.role in ("space", "layout") or "\n" in q.text:
                    break
                ahead += len(q.text)
            if col + 1 + ahead > width and col > 0:
                out.append(_layout("\n", " "))
                col = 0
                continue
        if (
            p.role == "word"
            and "-" in p.text[1:-1]
            and col + len(p.text) > width
            and col > width * 0.6
            and rng.random() < 0.5
        ):
            h = p.text.index("-", 1) + 1
            out += [_word(p.text[:h]), _layout("\n", ""), _word(p.text[h:])]
            col = len(p.text) - h
            continue
        out.append(p)
        col = len(p.text) - p.text.rindex("\n") - 1 if "\n" in p.text else col + len(p.text)
    return out


# ----------------------------------------------------------------------------- document plan


def _plan(rng: random.Random, lang: str, only: frozenset[str] | None) -> _Plan:
    paged = rng.random() < 0.75
    if only is not None:
        enabled = set(only)
        paged = paged or bool(enabled & PAGE_CLASSES)
    else:
        enabled = {c for c, rate in CLASS_RATES.items() if rng.random() < rate and (paged or c not in PAGE_CLASSES)}
        if "similar_documents" in enabled:
            enabled.add("transcription_marker")
    wrapped = paged and (rng.random() < 0.6 or "hyphenation" in enabled)
    plan = _Plan(lang, enabled, paged, wrapped, ff=paged and rng.random() < 0.6, width=rng.randint(62, 95))
    plan.features = sorted(enabled) + [f for f, on in (("paged", paged), ("wrapped", wrapped), ("ff", plan.ff)) if on]
    return plan


def _choose_blocks(rng: random.Random, lang: str) -> list[tuple[str, str]]:
    paras = [("paragraph", p) for p in rng.sample(corpus.PARAGRAPHS[lang], rng.randint(5, 8))]
    heads = rng.sample(corpus.HEADINGS[lang], rng.randint(1, 3))
    for i, h in sorted(zip(rng.sample(range(len(paras)), len(heads)), heads), reverse=True):
        paras.insert(i, ("heading", h))
    if rng.random() < 0.5:
        items = rng.sample(corpus.LIST_ITEMS[lang], rng.randint(3, 5))
        at = rng.randint(1, len(paras))
        paras[at:at] = [("list_item", f"{n}. {t}") for n, t in enumerate(items, 1)]
    return [("title", rng.choice(corpus.TITLES[lang])), *paras]


def _block_pieces(rng: random.Random, plan: _Plan, kind: str, text: str, ligatures: bool) -> list[Piece]:
    pieces = _chunks(text)
    on = plan.enabled
    if "markdown_residue" in on:
        pieces = _markdown(rng, kind, pieces)
    if "word_bookmark" in on and rng.random() < 0.3:
        pieces = _bookmark(rng, pieces)
    if "image_marker" in on and rng.random() < 0.2:
        pieces = _image(rng, pieces)
    if "hyphenation" in on and kind in ("paragraph", "list_item"):
        pieces = _hyphenate(rng, pieces, rng.choice([1, 1, 2]))
    if "unicode" in on:
        pieces = _unicode(rng, pieces, ligatures)
    if plan.wrapped:
        pieces = _wrap(rng, pieces, plan.width)
    return pieces


# ----------------------------------------------------------------------------- pages


def _ocr_line(rng: random.Random) -> tuple[str, str]:
    if rng.random() < 0.5:
        return rng.choice(OCR_SAMPLES), "sample"
    n = rng.randint(5, 16)
    chars = [rng.choice(OCR_LETTERS) if rng.random() < 0.15 else rng.choice(OCR_SYMBOLS) for _ in range(n)]
    for _ in range(rng.randint(0, 2)):
        chars.insert(rng.randint(1, n - 1), " ")
    line = "".join(chars).strip()
    return (line if len(line) >= 4 else line + "~.~"), "generated"


def _cut_point(rng: random.Random, pieces: list[Piece]) -> tuple[int, str] | None:
    """A space inside the block where a page break may cut the sentence, and its form."""
    n = len(pieces)

    def next_word(i: int) -> str:
        for q in pieces[i + 1 :]:
            if q.role == "word":
                return q.text
        return ""

    def ends_sentence(i: int) -> bool:
        # After ". ; : ! ?" the break may be a paragraph's end: undecidable, so never cut there.
        before = "".join(q.text for q in pieces[max(0, i - 3) : i]).rstrip()
        return before[-1:] in ".;:!?" or not before

    cuts = [
        i
        for i in range(int(n * 0.25), int(n * 0.85))
        if (
            (pieces[i].role == "space" and pieces[i].text == " ")
            or (pieces[i].role == "layout" and pieces[i].equiv == " ")
        )
        and not ends_sentence(i)
    ]
    if not cuts:
        return None

    accented_start = [i for i in cuts if next_word(i)[:1].isalpha() and not next_word(i)[:1].isascii()]
    accented = [i for i in cuts if not next_word(i).isascii()]
    if accented_start and rng.random() < 0.6:
        return rng.choice(accented_start), "accented-start"
    if accented and rng.random() < 0.4:
        return rng.choice(accented), "accented"
    return rng.choice(cuts), "plain"


@dataclass
class _Paging:
    n_pages: int
    style: str  # glued | a label format
    label_at: str  # top | bottom
    number_first: bool
    header: str | None
    header_form: str
    header_from: int
    footer: str | None
    footer_form: str
    footer_first: bool


LABEL_FORMATS = {
    "en": ("Page {k} of {n}", "- {k} -", "Page {k}", "{k}/{n}", "{k}"),
    "es": ("Página {k} de {n}", "- {k} -", "Pág. {k}", "{k}/{n}", "{k}"),
    "fr": ("Page {k} sur {n}", "- {k} -", "Page {k}", "{k}/{n}", "{k}"),
    "pt": ("Página {k} de {n}", "- {k} -", "Pág. {k}", "{k}/{n}", "{k}"),
}


def _paging(rng: random.Random, plan: _Plan, title: str, n_pages: int) -> _Paging:
    lang = plan.lang
    style = "glued" if rng.random() < 0.45 else rng.choice(LABEL_FORMATS[lang])
    header = footer = None
    header_form = footer_form = ""
    header_from = 1
    if "running_header" in plan.enabled:
        header_form = rng.choice(["symbol", "symbol", "title", "distr", "organisation"])
        header = {
            "symbol": rng.choice(UN_SYMBOLS),
            "title": title if len(title) < 60 or rng.random() < 0.5 else title[: title.rfind(" ", 0, 45)],
            "distr": "Distr.: General",
            "organisation": ORGANISATION[lang],
        }[header_form]
        header_from = 2 if header_form == "title" or rng.random() < 0.3 else 1
    if "running_footer" in plan.enabled:
        footer_form = rng.choice(["job", "job", "symbol", "distr", "title"])
        yy = rng.randint(16, 19)
        job = (
            f"GE.{yy}-{rng.randint(10000, 23999)}({JOB_LETTER[lang]})"
            if rng.random() < 0.5
            else f"{yy}-{rng.randint(10000, 23999)} ({JOB_LETTER[lang]})"
        )
        footer = {"job": job, "symbol": rng.choice(UN_SYMBOLS), "distr": "Distr.: General", "title": title}[footer_form]
        if footer == header:
            footer, footer_form = job, "job"
    footer_first = rng.random() < 0.8
    # A running line is only recognisable when it repeats: inject it only if it occurs at least
    # twice, and say in its form how often (x2, x3+).
    n_header = n_pages - header_from + 1
    n_footer = n_pages - (0 if footer_first else 1)
    if header and n_header < 2:
        header = None
    if footer and n_footer < 2:
        footer = None
    header_form += "/x2" if n_header == 2 else "/x3+"
    footer_form += "/x2" if n_footer == 2 else "/x3+"
    return _Paging(
        n_pages,
        style,
        rng.choice(["top", "bottom", "bottom"]),
        rng.random() < 0.5,
        header,
        header_form,
        header_from,
        footer,
        footer_form,
        footer_first,
    )


def _numbered(pg: _Paging, k: int) -> bool:
    return k > 1 or pg.number_first


def _label(pg: _Paging, k: int) -> Piece:
    text = pg.style.format(k=k, n=pg.n_pages)
    return _noise(text, "page_number", "label:" + pg.style.replace("{k}", "N").replace("{n}", "M"))


def _top_lines(pg: _Paging, plan: _Plan, k: int) -> list[Piece]:
    lines = []
    if pg.header and k >= pg.header_from:
        lines.append(_noise(pg.header, "running_header", pg.header_form))
    if "page_number" in plan.enabled and pg.style != "glued" and pg.label_at == "top" and _numbered(pg, k):
        lines.append(_label(pg, k))
    return lines


def _bottom_lines(pg: _Paging, plan: _Plan, k: int) -> list[Piece]:
    lines = []
    if "page_number" in plan.enabled and pg.style != "glued" and pg.label_at == "bottom" and _numbered(pg, k):
        lines.append(_label(pg, k))
    if pg.footer and (k > 1 or pg.footer_first):
        lines.append(_noise(pg.footer, "running_footer", pg.footer_form))
    return lines


def _glued(pg: _Paging, plan: _Plan, k: int) -> Piece | None:
    if "page_number" in plan.enabled and pg.style == "glued" and _numbered(pg, k):
        return _noise(f" {k}", "page_number", "glued")
    return None


def _lines(lines: list[Piece], after: str = "\n") -> list[Piece]:
    out = []
    for line in lines:
        out += [line, _layout(after, "")]
    return out


# ----------------------------------------------------------------------------- assembly


def build_document(rng: random.Random, doc_id: str, only: frozenset[str] | None = None) -> NoisyDocument:
    """One noisy document. `only`: inject exactly these classes (default: a random mix)."""
    lang = rng.choice(corpus.LANGUAGES)
    plan = _plan(rng, lang, only)
    blocks = _choose_blocks(rng, lang)
    ligatures = rng.random() < 0.7
    block_pieces = [(kind, _block_pieces(rng, plan, kind, text, ligatures)) for kind, text in blocks]
    if "image_marker" in plan.enabled and not any(p.cls == "image_marker" for _, ps in block_pieces for p in ps):
        i = rng.randrange(len(block_pieces))
        block_pieces[i] = (block_pieces[i][0], _image(rng, block_pieces[i][1]))

    # Pages: lists of segments (blocks or parts of a block cut by a page break).
    pages: list[list[list[Piece]]] = [[]]
    cuts: list[tuple[str, str] | None] = []  # per page boundary: (form) if it cut a sentence
    target, words = rng.randint(110, 220), 0
    for kind, pieces in block_pieces:
        n = _n_words(pieces)
        if plan.paged and pages[-1] and words + n > target:
            cut = None
            if "page_break" in plan.enabled and kind in ("paragraph", "list_item") and n >= 20 and rng.random() < 0.7:
                cut = _cut_point(rng, pieces)
            target = rng.randint(110, 220)
            if cut is not None:
                i, form = cut
                pages[-1].append(pieces[:i])
                pages.append([pieces[i + 1 :]])
                cuts.append(form)
                words = n // 2
                continue
            pages.append([])
            cuts.append(None)
            words = 0
        pages[-1].append(pieces)
        words += n

    pg = _paging(rng, plan, blocks[0][1], len(pages))

    # Standalone noise lines placed between segments: (page index, position) -> lines.
    between: dict[tuple[int, int], list[Piece]] = {}
    slots = [(k, s) for k, page in enumerate(pages) for s in range(1, len(page))]
    top: list[Piece] = []
    bottom: list[Piece] = []
    if "furniture" in plan.enabled:
        for _ in range(rng.randint(1, 3)):
            line = rng.choice(FURNITURE[lang])
            piece = _noise(line, "furniture", line)
            where = rng.random()
            if where < 0.4 or not slots:
                top.append(piece)
            elif where < 0.8:
                between.setdefault(rng.choice(slots), []).append(piece)
            else:
                bottom.append(piece)
    ocr_in_separator: dict[int, list[Piece]] = {}
    if "ocr_garbage" in plan.enabled:
        for _ in range(rng.randint(1, 4)):
            line, form = _ocr_line(rng)
            piece = _noise(line, "ocr_garbage", form)
            if plan.paged and len(pages) > 1 and rng.random() < 0.4:
                ocr_in_separator.setdefault(rng.randrange(len(pages) - 1), []).append(piece)
            elif slots:
                between.setdefault(rng.choice(slots), []).append(piece)
            else:
                top.append(piece)

    out: list[Piece] = []
    if "similar_documents" in plan.enabled:
        heading = rng.choice(SIMILAR_HEADINGS[lang])
        out += [_noise(heading, "similar_documents", "heading"), _layout("\n\n", "")]
        for title in rng.sample(SCRAPED_TITLES, rng.randint(3, 15)):
            out += [_noise(title, "similar_documents", "title"), _layout("\n\n", "")]
    if "transcription_marker" in plan.enabled:
        marker = "Transcription:" if lang == "en" or rng.random() < 0.8 else "Transcripción:"
        out += [_noise(marker, "transcription_marker", marker), _layout(rng.choice(["\n", "\n\n"]), "")]
    out += _lines(top, "\n\n" if rng.random() < 0.5 else "\n")
    if plan.paged:
        out += _lines(_top_lines(pg, plan, 1), "\n\n")

    for k, page in enumerate(pages):
        for s, segment in enumerate(page):
            if s:
                out.append(_layout("\n\n", "\n\n"))
                for line in between.get((k, s), []):
                    out += [line, _layout("\n\n", "")]
            out += segment
        if k + 1 < len(pages):
            glued = _glued(pg, plan, k + 1)
            cut = cuts[k]
            inner = []
            if glued and cut:
                inner.append(glued)
            elif glued:
                out.append(glued)
            inner.append(_layout("\n\n" if not plan.ff or rng.random() < 0.6 else "\n", ""))
            inner += _lines(ocr_in_separator.get(k, []))
            inner += _lines(_bottom_lines(pg, plan, k + 1))
            inner.append(_layout("\f" if plan.ff else "\n", ""))
            top_lines = _top_lines(pg, plan, k + 2)
            inner += _lines(top_lines)
            if top_lines and rng.random() < 0.7:
                inner.append(_layout("\n", ""))
            if cut:
                form = cut + ("+ff" if plan.ff else "+blank")
                out.append(_group(inner, "page_break", form, " "))
            else:
                out.append(_group(inner, None, "page-separator", "\n\n"))
    if plan.paged:
        glued = _glued(pg, plan, len(pages))
        if glued:
            out.append(glued)
        out += [_layout("\n\n", "")] + _lines(_bottom_lines(pg, plan, len(pages)))
    else:
        out.append(_layout("\n", ""))
    if bottom:
        out += [_layout("\n", "")] + _lines(bottom)
    if "end_marker" in plan.enabled:
        marker = rng.choice(["###", "-30-"])
        out += [_layout("\n", ""), _noise(marker, "end_marker", marker), _layout("\n", "")]

    return _render(doc_id, lang, out, tuple(text for _, text in blocks), tuple(plan.features))


def _render(
    doc_id: str, lang: str, pieces: list[Piece], blocks: tuple[str, ...], features: tuple[str, ...]
) -> NoisyDocument:
    raw_parts, oracle_parts = [], []
    items: list[NoiseItem] = []
    edits: list[OracleEdit] = []
    # The raw span behind each oracle-text character (both ends never decrease along the text).
    span_lo: list[int] = []
    span_hi: list[int] = []
    pos = 0
    for p in pieces:
        start, end = pos, pos + len(p.text)
        q = start
        for c in p.inner:
            if c.role == "noise":
                items.append(NoiseItem(c.cls, c.form, c.text, q, q + len(c.text), c.equiv, c.check))
            q += len(c.text)
        if p.role in ("noise", "group") and p.cls:
            items.append(NoiseItem(p.cls, p.form, p.text, start, end, p.equiv, p.check))
        if p.equiv != p.text:
            edits.append(OracleEdit(start, end, p.equiv, p.cls or "layout"))
            span_lo += [start] * len(p.equiv)
            span_hi += [end] * len(p.equiv)
        else:
            span_lo += range(start, end)
            span_hi += range(start + 1, end + 1)
        raw_parts.append(p.text)
        oracle_parts.append(p.equiv)
        pos = end
    raw, oracle_text = "".join(raw_parts), "".join(oracle_parts)
    words = []
    for m in WORD_RE.finditer(oracle_text):
        words.append(RealWord(m.group(), span_lo[m.start()], span_hi[m.end() - 1]))
    expected = WORD_RE.findall("\n\n".join(blocks))
    if [w.text for w in words] != expected:
        raise AssertionError(f"{doc_id}: the perfect cleaner's words differ from the clean blocks")
    for item in items:
        assert raw[item.start : item.end] == item.text
    return NoisyDocument(
        doc_id,
        lang,
        raw,
        blocks,
        tuple(sorted(items, key=lambda i: (i.start, i.end))),
        tuple(words),
        tuple(edits),
        oracle_text,
        features,
    )


def build_documents(seed: int, n_docs: int, only: frozenset[str] | None = None) -> list[NoisyDocument]:
    """`n_docs` noisy documents; document i depends only on (seed, i), not on n_docs."""
    return [build_document(random.Random(f"noise:{seed}:{i}"), f"noise-{seed}-{i:04d}", only) for i in range(n_docs)]
