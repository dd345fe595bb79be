#!/usr/bin/env python
"""Big text benchmark: does every domain stage stay linear in a document's length?

    .venv/bin/python -m bench.big_text               # 1, 4 and 16 MB
    .venv/bin/python -m bench.big_text --max 64      # also 64 MB
    .venv/bin/python -m bench.big_text --sizes 1 2 4 --upto structure   # clean and structure only

A 40 MB text dump once held the ingest for hours: one structure step copied the rest of the
document for every word it looked at. This script writes plain-text documents of growing
size from paragraphs made up here (numbered headings, body text, lists, in en/es/fr/pt),
runs each stage in-process on each (`clean_document`, `structure_document`,
`label_languages`, `records.document_rows`) and prints the seconds per stage and the ratio to
the previous size. Each size is four times the last, so a linear stage shows a ratio near 4,
a quadratic one near 16. The seconds are this process's CPU time (the stages run in it, on one
thread): on a shared machine, wall-clock time also counts the other processes' turns and once
showed a linear stage at 7.8 for 4 to 16 MB.
"""

from __future__ import annotations

import argparse
import random
import sys
import time
from datetime import datetime, timezone

from tasks.domain.cleaning import clean_document
from tasks.domain.document import label_languages, structure_document
from tasks.domain.models import RawDocument
from tasks.domain.records import document_rows

MB = 1_000_000
STAGES = ("clean", "structure", "language", "rows")

# Per language: section headings, words for sentences, list openers, a recurring sub-heading.
LANGUAGES = {
    "en": {
        "headings": [
            "Introduction",
            "Background and context",
            "Findings of the review",
            "Recommendations",
            "Protection of migrant workers",
            "Access to health services",
            "Conclusions",
        ],
        "subjects": [
            "The Committee",
            "The State party",
            "Civil society",
            "The Special Rapporteur",
            "The delegation",
            "Many countries",
            "The working group",
        ],
        "verbs": ["notes with concern", "welcomes", "recommends", "recalls", "underlines", "acknowledges"],
        "objects": [
            "the lack of data on irregular migration",
            "the new national action plan",
            "the efforts made to protect children on the move",
            "the situation of domestic workers",
            "the importance of regular pathways",
            "the reports received from local authorities",
        ],
        "tails": [
            "in the border regions",
            "since the last review",
            "with the support of partners",
            "for all migrants without discrimination",
            "during the reporting period",
        ],
        "items": [
            "strengthen the collection of data",
            "review the detention policy",
            "train border officials",
            "consult the communities concerned",
        ],
        "recurring": "Plenary session",
    },
    "es": {
        "headings": [
            "Introducción",
            "Antecedentes y contexto",
            "Resultados del examen",
            "Recomendaciones",
            "Protección de los trabajadores migrantes",
            "Acceso a los servicios de salud",
            "Conclusiones",
        ],
        "subjects": [
            "El Comité",
            "El Estado parte",
            "La sociedad civil",
            "El Relator Especial",
            "La delegación",
            "Muchos países",
            "El grupo de trabajo",
        ],
        "verbs": ["observa con preocupación", "acoge con satisfacción", "recomienda", "recuerda", "subraya"],
        "objects": [
            "la falta de datos sobre la migración irregular",
            "el nuevo plan nacional de acción",
            "los esfuerzos para proteger a los niños en tránsito",
            "la situación de las trabajadoras domésticas",
            "la importancia de las vías regulares",
            "los informes recibidos de las autoridades locales",
        ],
        "tails": [
            "en las regiones fronterizas",
            "desde el último examen",
            "con el apoyo de los asociados",
            "para todos los migrantes sin discriminación",
            "durante el período del informe",
        ],
        "items": [
            "reforzar la recopilación de datos",
            "revisar la política de detención",
            "capacitar a los funcionarios de frontera",
            "consultar a las comunidades afectadas",
        ],
        "recurring": "Sesión plenaria",
    },
    "fr": {
        "headings": [
            "Introduction",
            "Contexte et historique",
            "Résultats de l'examen",
            "Recommandations",
            "Protection des travailleurs migrants",
            "Accès aux services de santé",
            "Conclusions",
        ],
        "subjects": [
            "Le Comité",
            "L'État partie",
            "La société civile",
            "Le Rapporteur spécial",
            "La délégation",
            "De nombreux pays",
            "Le groupe de travail",
        ],
        "verbs": ["note avec préoccupation", "salue", "recommande", "rappelle", "souligne", "reconnaît"],
        "objects": [
            "le manque de données sur la migration irrégulière",
            "le nouveau plan d'action national",
            "les efforts faits pour protéger les enfants en déplacement",
            "la situation des travailleuses domestiques",
            "l'importance des voies régulières",
            "les rapports reçus des autorités locales",
        ],
        "tails": [
            "dans les régions frontalières",
            "depuis le dernier examen",
            "avec le soutien des partenaires",
            "pour tous les migrants sans discrimination",
            "pendant la période considérée",
        ],
        "items": [
            "renforcer la collecte des données",
            "revoir la politique de rétention",
            "former les agents des frontières",
            "consulter les communautés concernées",
        ],
        "recurring": "Séance plénière",
    },
    "pt": {
        "headings": [
            "Introdução",
            "Antecedentes e contexto",
            "Resultados do exame",
            "Recomendações",
            "Proteção dos trabalhadores migrantes",
            "Acesso aos serviços de saúde",
            "Conclusões",
        ],
        "subjects": [
            "O Comité",
            "O Estado parte",
            "A sociedade civil",
            "O Relator Especial",
            "A delegação",
            "Muitos países",
            "O grupo de trabalho",
        ],
        "verbs": ["observa com preocupação", "saúda", "recomenda", "recorda", "sublinha", "reconhece"],
        "objects": [
            "a falta de dados sobre a migração irregular",
            "o novo plano nacional de ação",
            "os esforços para proteger as crianças em trânsito",
            "a situação das trabalhadoras domésticas",
            "a importância das vias regulares",
            "os relatórios recebidos das autoridades locais",
        ],
        "tails": [
            "nas regiões fronteiriças",
            "desde o último exame",
            "com o apoio dos parceiros",
            "para todos os migrantes sem discriminação",
            "durante o período do relatório",
        ],
        "items": [
            "reforçar a recolha de dados",
            "rever a política de detenção",
            "formar os funcionários de fronteira",
            "consultar as comunidades afetadas",
        ],
        "recurring": "Sessão plenária",
    },
}
ROMAN = ["I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X"]


def _sentence(rng: random.Random, words: dict) -> str:
    return (
        f"{rng.choice(words['subjects'])} {rng.choice(words['verbs'])} {rng.choice(words['objects'])} "
        f"{rng.choice(words['tails'])}, {rng.choice(words['objects'])} {rng.randint(2, 2030)}."
    )


def _wrap(text: str, width: int = 90) -> str:
    """Hard line breaks inside a paragraph, as a text dump of a PDF keeps them."""
    lines, line = [], ""
    for word in text.split():
        # never a line that opens on a figure (`17. El Comité ...` reads as a numbered item) nor
        # one that ends a sentence (sentences on lines of their own are separate paragraphs)
        if line and len(line) + 1 + len(word) > width and not word[:1].isdigit() and not line.endswith("."):
            lines.append(line)
            line = word
        else:
            line = f"{line} {word}" if line else word
    return "\n".join(lines + [line])


def _section(rng: random.Random, number: int, language: str) -> list[str]:
    """One numbered section in one language: a heading, sub-headings, paragraphs, a list, and
    a report's recurring sub-heading run into its first sentence."""
    words = LANGUAGES[language]
    blocks = [f"{ROMAN[number % len(ROMAN)]}. {rng.choice(words['headings'])}"]
    for sub in range(1, rng.randint(2, 4)):
        blocks.append(f"{sub}. {rng.choice(words['headings'])}")
        for _ in range(rng.randint(2, 4)):
            paragraph = " ".join(_sentence(rng, words) for _ in range(rng.randint(3, 7)))
            blocks.append(_wrap(paragraph) if rng.random() < 0.5 else paragraph)
        if rng.random() < 0.5:
            blocks.append("\n".join(f"- {item};" for item in rng.sample(words["items"], 3)))
        else:
            letters = "abcd"
            blocks.append("\n".join(f"({letters[k]}) {item};" for k, item in enumerate(rng.sample(words["items"], 3))))
        if rng.random() < 0.3:
            blocks.append(f"{words['recurring']} {_sentence(rng, words)} {_sentence(rng, words)}")
    return blocks


def big_text(size_mb: float, seed: int = 13) -> str:
    """A plain-text report of about `size_mb` million characters: a title, then numbered
    sections whose language changes every few sections."""
    rng = random.Random(seed)
    target = int(size_mb * MB)
    blocks = ["Regional review of the Global Compact for Migration", "Report of the consultation"]
    total, number, language = 0, 0, "en"
    while total < target:
        if number % 5 == 0:
            language = rng.choice(list(LANGUAGES))
        for block in _section(rng, number, language):
            blocks.append(block)
            total += len(block) + 2
        number += 1
    return "\n\n".join(blocks) + "\n"


def run_stages(text: str, upto: str = STAGES[-1]) -> tuple[dict[str, float], object]:
    """Seconds per stage for one document, stages run in order up to `upto`, and the last
    stage's output."""
    raw = RawDocument("big", "big.txt", "txt", text, "utf-8")
    seconds: dict[str, float] = {}
    out: object = raw
    steps = {
        "clean": clean_document,
        "structure": structure_document,
        "language": label_languages,
        "rows": lambda doc: document_rows(doc, "bench", datetime.now(timezone.utc), "bench"),
    }
    for name in STAGES[: STAGES.index(upto) + 1]:
        started = time.process_time()
        out = steps[name](out)
        seconds[name] = time.process_time() - started
    return seconds, out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--max", type=int, default=16, help="largest size in MB: 16 (default) or 64")
    parser.add_argument("--sizes", type=float, nargs="+", help="sizes in MB (default 1, 4, 16 up to --max)")
    parser.add_argument("--upto", choices=STAGES, default=STAGES[-1], help="the last stage run (default rows)")
    args = parser.parse_args(argv)
    sizes = args.sizes or [s for s in (1, 4, 16, 64) if s <= args.max]
    stages = STAGES[: STAGES.index(args.upto) + 1]

    print(f"{'MB':>5} {'chars':>11} " + " ".join(f"{s:>10} {'ratio':>5}" for s in stages) + f" {'total':>9}")
    previous: dict[str, float] = {}
    for size in sizes:
        text = big_text(size)
        seconds, _ = run_stages(text, args.upto)
        cells = []
        for s in stages:
            ratio = f"{seconds[s] / previous[s]:5.1f}" if previous.get(s) else f"{'-':>5}"
            cells.append(f"{seconds[s]:9.2f}s {ratio}")
        print(f"{size:>5g} {len(text):>11,} " + " ".join(cells) + f" {sum(seconds.values()):8.1f}s", flush=True)
        previous = seconds
    return 0


if __name__ == "__main__":
    sys.exit(main())
