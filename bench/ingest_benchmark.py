#!/usr/bin/env python
"""Ingest benchmark: a scaled corpus, a cold run and a no-op re-run, in one process.

    .venv/bin/python -m bench.ingest_benchmark [--docs 2000] [--batch-size 250] [--keep] [--out PATH]
                                               [--runner processes|dask|tcp://host:8786]
    .venv/bin/python -m bench.ingest_benchmark --compare-runners [--docs 400] [--runner dask|tcp://...]

The corpus is made from the seeds in seeds/: their paragraphs recombined, their numbers
changed, one distinct sentence per document, plus Spanish, French and Portuguese paragraphs
written for this benchmark. The seeds' noise (page numbers, "Similar documents" blocks, Word
bookmarks, markdown, odd characters) is reproduced so that cleaning does real work.

Prefect's temporary server starts on the first flow call of a process and stays up until the
process exits, so a trivial flow runs first: its first call is Prefect's start-up, and both
ingest runs after it are measured without it. This is a benchmark, not a test: it reports
numbers and targets, and only fails when the pipeline itself raises.

`--compare-runners` makes two cold runs of the same corpus into two fresh warehouses, one with
the default runner (a process pool inside each stage task) and one with a Dask runner (a local
cluster started by the run, one worker process per core, unless `--runner` names a scheduler),
and reports the speed-up of the second over the first: for the whole run, cluster start-up
included, and for the batch phase alone.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import platform
import random
import re
import resource
import shutil
import sys
import tempfile
import time
from collections import Counter, defaultdict
from dataclasses import asdict, dataclass, field
from datetime import datetime, timezone
from importlib.metadata import version
from pathlib import Path
from typing import Callable

REPO_ROOT = Path(__file__).resolve().parent.parent
SEEDS_DIR = REPO_ROOT / "seeds"
DEFAULT_OUT = REPO_ROOT / "bench" / "out" / "ingest.json"
DEFAULT_COMPARE_OUT = REPO_ROOT / "bench" / "out" / "runners.json"

# Prefect reads its settings once, at import: these must be set before the imports below.
os.environ["PREFECT_SERVER_ANALYTICS_ENABLED"] = "false"
os.environ.setdefault("DO_NOT_TRACK", "1")

from prefect import flow

from flows.ingest import ingest
from flows.runners import DASK, PROCESSES, check_runner, with_runner
from tasks.domain.cleaning import clean_document
from tasks.domain.models import SourceFile
from tasks.readers import read_document

MB = 1_000_000
# The run's phases, one after another: they and "orchestration" add up to the run's seconds.
PHASES = ("discover", "cluster", "batches", "land")
# Inside "batches", summed over batches: under Dask timed on the workers, so they add up to more
# than "batches" when batches run side by side.
BATCH_STAGES = ("extract", "clean", "structure", "language", "tabulate")
ORCHESTRATION_LANDING_TARGET = 0.25  # share of the cold run
NOOP_TARGET_SECONDS = 5.0  # beyond Prefect's start-up

# --------------------------------------------------------------------------------------------
# Text the seeds do not have: the consultations also arrive in Spanish, French and Portuguese.
# --------------------------------------------------------------------------------------------

FOREIGN_PARAGRAPHS: dict[str, tuple[str, ...]] = {
    "es": (
        "La Red Regional de Organizaciones Civiles para las Migraciones agradece la oportunidad de participar en esta consulta regional sobre el Pacto Mundial para una Migración Segura, Ordenada y Regular. Consideramos que el proceso de examen debe contar con la participación efectiva de las personas migrantes, de sus familias y de las organizaciones que las acompañan, y no limitarse a un intercambio entre gobiernos y agencias de Naciones Unidas.",
        "Observamos con preocupación que en la región persisten políticas de contención que privilegian el control fronterizo por encima de la protección de derechos. La militarización de las fronteras, la externalización de los controles migratorios hacia terceros países y el uso de la detención como respuesta habitual empujan a miles de personas hacia rutas más peligrosas y las exponen a redes de tráfico y extorsión.",
        "El acceso al procedimiento de asilo debe garantizarse en todos los puntos de entrada, sin exigencias documentales que en la práctica resultan imposibles de cumplir. Solicitamos a los Estados que refuercen las comisiones nacionales de refugiados con personal y presupuesto suficientes, ya que los plazos de resolución superan en muchos países los 18 meses y dejan a las personas solicitantes sin permiso de trabajo durante ese periodo.",
        "Niñas, niños y adolescentes no acompañados representan una proporción creciente de los flujos que atraviesan Centroamérica y México. Recordamos que el interés superior de la niñez debe prevalecer sobre cualquier consideración de control migratorio, que ningún niño debe ser privado de libertad por razones migratorias y que los procedimientos de retorno solo pueden aplicarse cuando exista una evaluación individual que garantice su seguridad.",
        "Los programas de regularización migratoria adoptados por varios países de América del Sur demuestran que es posible ofrecer vías regulares, ágiles y de bajo costo. Sin embargo, los requisitos de antecedentes penales apostillados, los aranceles elevados y la falta de información en los consulados siguen excluyendo a una parte importante de la población migrante, en particular a quienes llegaron por pasos no habilitados.",
        "Las mujeres migrantes sostienen buena parte del trabajo de cuidados en los países de destino, con frecuencia en el empleo doméstico y sin protección social. Pedimos que las políticas nacionales incorporen un enfoque de género transversal, que reconozcan la violencia sexual en el tránsito como una causa de especial vulnerabilidad y que se ratifique el Convenio 189 de la Organización Internacional del Trabajo sobre las trabajadoras y los trabajadores domésticos.",
        "La trata de personas y el tráfico ilícito de migrantes son delitos distintos que requieren respuestas distintas. Confundirlos conduce a criminalizar a las propias personas migrantes, cuando lo que se necesita es perseguir a las redes, proteger a las víctimas y asegurar que la cooperación entre fiscalías no se convierta en un pretexto para deportaciones sumarias.",
        "Insistimos en que la detención migratoria debe ser una medida excepcional, de último recurso y por el menor tiempo posible. Existen alternativas comunitarias probadas, como la presentación periódica ante la autoridad o la gestión de casos con acompañamiento social, que resultan más baratas y más respetuosas de la dignidad humana que las estaciones migratorias.",
        "Las remesas enviadas por las personas migrantes superan en varios países de la región la inversión extranjera directa y la ayuda oficial al desarrollo. Los costos de envío, que aún rondan el 6 por ciento en algunos corredores, deberían reducirse de acuerdo con la meta 10.c de la Agenda 2030, y los Estados no deberían imponer gravámenes adicionales sobre estas transferencias familiares.",
        "La falta de datos desagregados por sexo, edad, nacionalidad y situación migratoria impide evaluar el impacto real de las políticas públicas. Recomendamos que los institutos nacionales de estadística incluyan preguntas sobre migración en los censos y encuestas de hogares, y que la información se publique en formatos abiertos, con garantías estrictas de protección de datos personales.",
        "Los efectos del cambio climático, como las sequías prolongadas en el Corredor Seco centroamericano y los huracanes cada vez más intensos en el Caribe, ya provocan desplazamientos que no encajan en las categorías jurídicas tradicionales. El Pacto ofrece una base para desarrollar visas humanitarias y mecanismos de protección temporal que respondan a estas situaciones.",
        "Para el seguimiento del Pacto proponemos la creación de un mecanismo regional con participación paritaria de la sociedad civil, informes públicos cada dos años y espacios de diálogo previos al Foro de Examen de la Migración Internacional. Sin indicadores claros y sin recursos propios, el examen corre el riesgo de convertirse en un ejercicio meramente declarativo.",
    ),
    "fr": (
        "Le Réseau des organisations de la société civile pour les migrations remercie les co-facilitateurs de lui donner la parole lors de cette consultation régionale. Nous estimons que le Pacte mondial pour des migrations sûres, ordonnées et régulières ne produira d'effets concrets que si les personnes migrantes elles-mêmes sont associées à sa mise en œuvre, à son suivi et à son examen.",
        "Nous constatons avec inquiétude que la coopération migratoire entre l'Union européenne et les pays d'Afrique du Nord et de l'Ouest se concentre largement sur le contrôle des départs et sur la réadmission. Cette approche sécuritaire déplace les routes sans les fermer, rend les traversées de la Méditerranée et du Sahara plus meurtrières et fragilise la libre circulation au sein de la CEDEAO.",
        "Le droit de demander l'asile doit être garanti à toute personne qui se présente à une frontière, quelle que soit sa nationalité ou la manière dont elle est arrivée. Les procédures accélérées et la notion de pays d'origine sûr ne sauraient priver les demandeurs d'un examen individuel, d'un interprète qualifié et d'un recours suspensif devant une juridiction indépendante.",
        "Les enfants non accompagnés doivent être considérés avant tout comme des enfants. Nous demandons l'abandon des examens osseux pour déterminer l'âge, la désignation sans délai d'un tuteur ou d'un administrateur ad hoc, ainsi que l'interdiction absolue du placement en rétention des mineurs, y compris lorsqu'ils accompagnent leurs parents.",
        "Les travailleurs migrants saisonniers, notamment dans l'agriculture et le bâtiment, subissent encore des retenues illégales sur salaire, des logements indignes et la confiscation de leurs documents d'identité. Les accords bilatéraux de main-d'œuvre devraient prévoir la gratuité du recrutement pour le travailleur, la portabilité des droits à la sécurité sociale et un accès effectif à l'inspection du travail.",
        "Les femmes représentent près de la moitié des personnes migrantes, mais les politiques publiques continuent de les percevoir comme des personnes à charge. Il est indispensable de reconnaître leur autonomie, de garantir un titre de séjour propre aux victimes de violences conjugales et de renforcer l'accès aux services de santé sexuelle et reproductive tout au long du parcours migratoire.",
        "La lutte contre la traite des êtres humains exige une protection inconditionnelle des victimes. Subordonner la délivrance d'un titre de séjour à la coopération avec les services de police décourage les signalements et laisse les réseaux prospérer. Les victimes identifiées devraient bénéficier d'un délai de réflexion d'au moins 90 jours et d'un hébergement sécurisé.",
        "Nous rappelons que la rétention administrative doit rester une mesure de dernier ressort. Les centres de rétention demeurent trop souvent surpeuplés, l'accès des avocats et des associations y est limité et la durée maximale légale a été allongée dans plusieurs États. Des alternatives comme l'assignation à résidence ou l'accompagnement social ont pourtant fait leurs preuves.",
        "Les envois de fonds des diasporas constituent une ressource essentielle pour des millions de familles au Sénégal, au Mali, en Haïti ou aux Comores. Nous soutenons l'objectif de ramener les coûts de transfert sous le seuil de 3 pour cent et encourageons les partenariats avec les institutions de microfinance pour orienter une partie de ces fonds vers l'investissement productif local.",
        "L'intégration des personnes migrantes se joue d'abord à l'échelle des villes. Les municipalités qui offrent des cours de langue gratuits, un guichet unique d'information et un accès non discriminatoire au logement social obtiennent de meilleurs résultats en matière d'emploi et de cohésion sociale. Le Pacte devrait reconnaître explicitement le rôle des autorités locales.",
        "Les déplacements liés aux catastrophes et à la dégradation de l'environnement vont s'intensifier au Sahel comme dans les petits États insulaires. Nous recommandons de s'appuyer sur l'Agenda pour la protection de l'Initiative Nansen et d'étendre les dispositifs de protection temporaire aux personnes qui ne peuvent rentrer chez elles en raison d'un désastre soudain ou progressif.",
        "Pour que l'examen du Pacte soit crédible, les États devraient présenter des rapports nationaux volontaires fondés sur des indicateurs mesurables, élaborés en concertation avec les syndicats, les associations de migrants et les institutions nationales des droits de l'homme. Ces rapports devraient être publiés au moins trois mois avant le Forum d'examen des migrations internationales.",
    ),
    "pt": (
        "A Rede de Organizações da Sociedade Civil para as Migrações agradece o convite para participar desta consulta regional. Entendemos que o Pacto Global para uma Migração Segura, Ordenada e Regular só terá efeito prático se os Estados assumirem compromissos verificáveis e se as pessoas migrantes forem reconhecidas como sujeitos de direitos, e não apenas como objeto de políticas.",
        "A Lei de Migração brasileira, de 2017, substituiu o antigo Estatuto do Estrangeiro e representou um avanço ao tratar a migração a partir dos direitos humanos. No entanto, a regulamentação posterior restringiu alguns desses avanços, e a implementação ainda depende de portarias que mudam com frequência e que são pouco conhecidas pelos próprios servidores públicos.",
        "A resposta ao fluxo de venezuelanos em Roraima, com a chamada Operação Acolhida, mostrou a importância da interiorização voluntária para aliviar a pressão sobre os serviços públicos da fronteira. Recomendamos que o programa seja acompanhado de apoio à inserção no mercado de trabalho, ao reconhecimento de diplomas e ao acesso à moradia nas cidades de destino.",
        "O acesso ao refúgio deve ser assegurado a todas as pessoas que o solicitem, sem discriminação por nacionalidade. O Comitê Nacional para os Refugiados precisa de recursos humanos e financeiros suficientes para reduzir o acúmulo de pedidos pendentes, que ultrapassa dezenas de milhares de processos e deixa os solicitantes em situação de incerteza por anos.",
        "Crianças e adolescentes migrantes desacompanhados ou separados de suas famílias necessitam de proteção integral. Nenhuma criança deve ser devolvida ou deportada sem uma avaliação individual do seu interesse superior, realizada por profissionais capacitados, com participação da Defensoria Pública e do Conselho Tutelar.",
        "As mulheres migrantes enfrentam barreiras específicas no acesso à saúde, à justiça e ao trabalho decente. Muitas trabalham como empregadas domésticas ou em oficinas de costura em condições análogas à escravidão. Pedimos que as políticas públicas adotem uma perspectiva de gênero e que a fiscalização do trabalho priorize os setores onde a exploração é mais frequente.",
        "O enfrentamento ao tráfico de pessoas deve ter como centro a proteção das vítimas. É necessário ampliar a rede de núcleos estaduais e postos avançados, garantir abrigo especializado e assegurar que a regularização migratória das vítimas não dependa de sua colaboração com a investigação criminal.",
        "A detenção de migrantes por motivos exclusivamente migratórios é incompatível com os padrões internacionais de direitos humanos. Defendemos que a privação de liberdade seja substituída por medidas alternativas, como o comparecimento periódico perante a autoridade, e que nenhuma pessoa seja mantida em áreas restritas de aeroportos sem acesso a advogado.",
        "As remessas enviadas por trabalhadores migrantes sustentam milhões de famílias em Cabo Verde, Guiné-Bissau, Moçambique e no Nordeste brasileiro. Os custos de transferência continuam elevados, sobretudo em corredores pouco concorridos, e os Estados deveriam promover a concorrência entre operadores e a inclusão financeira dos migrantes sem documentos.",
        "A participação política das pessoas migrantes ainda é muito limitada. Conselhos municipais de imigrantes, como o que funciona em São Paulo desde 2016, demonstram que a escuta direta das comunidades melhora a qualidade das políticas locais e reduz a xenofobia. Recomendamos que experiências semelhantes sejam apoiadas em outros municípios da região.",
        "A produção de dados sobre migração deve respeitar a privacidade e a proteção de dados pessoais. Informações coletadas para fins de saúde, educação ou assistência social não podem ser compartilhadas com autoridades migratórias para fins de controle, sob pena de afastar as famílias dos serviços públicos essenciais.",
        "Para acompanhar a implementação do Pacto, propomos a criação de um comitê nacional com participação da sociedade civil, das universidades e das próprias comunidades migrantes, com relatórios públicos a cada dois anos. A revisão regional deve incluir audiências abertas e financiamento que permita a presença de organizações de base, e não apenas de grandes redes internacionais.",
    ),
}


@dataclass(frozen=True)
class Furniture:
    """The per-language pieces around a body: greetings, page labels, scraper headings."""

    salutations: tuple[str, ...]
    closings: tuple[str, ...]
    page_label: str  # formatted with n (page) and m (pages)
    similar_heading: str
    transcription: str
    headings: tuple[str, ...]
    titles: tuple[str, ...]  # English documents take their titles from the seeds instead
    months: tuple[str, ...]
    reference: str  # the sentence that makes each document distinct


FURNITURE: dict[str, Furniture] = {
    "en": Furniture(
        ("Dear {name},", "Dear Co-facilitators,", "Excellencies, distinguished delegates,"),
        ("Sincerely,", "Respectfully submitted,", "Kind regards,"),
        "Page {n} of {m}",
        "Similar documents",
        "Transcription:",
        ("Background", "Recommendations", "Follow-up and review", "Key messages", "Conclusions"),
        (),
        ("January", "March", "May", "June", "September", "October", "December"),
        "This contribution was registered as {ref} on {day} {month} {year} on behalf of {org}.",
    ),
    "es": Furniture(
        ("Estimada {name}:", "Señoras y señores cofacilitadores:", "Excelentísimos señores embajadores:"),
        ("Atentamente,", "Cordialmente,"),
        "Página {n} de {m}",
        "Documentos similares",
        "Transcripción:",
        ("Antecedentes", "Recomendaciones", "Seguimiento y examen", "Mensajes clave", "Conclusiones"),
        (
            "Consulta regional sobre el Pacto Mundial para la Migración",
            "Declaración de la sociedad civil de América Latina y el Caribe",
            "Aportes para el examen regional del Pacto Mundial",
        ),
        ("enero", "marzo", "mayo", "junio", "septiembre", "octubre", "diciembre"),
        "Esta contribución quedó registrada con la referencia {ref} el {day} de {month} de {year} en nombre de {org}.",
    ),
    "fr": Furniture(
        ("Madame {name},", "Mesdames et Messieurs les co-facilitateurs,", "Excellences,"),
        ("Veuillez agréer nos salutations distinguées.", "Respectueusement,"),
        "Page {n} sur {m}",
        "Documents similaires",
        "Transcription :",
        ("Contexte", "Recommandations", "Suivi et examen", "Messages clés", "Conclusions"),
        (
            "Consultation régionale sur le Pacte mondial pour les migrations",
            "Déclaration de la société civile d'Afrique de l'Ouest",
            "Contribution à l'examen régional du Pacte mondial",
        ),
        ("janvier", "mars", "mai", "juin", "septembre", "octobre", "décembre"),
        "Cette contribution a été enregistrée sous la référence {ref} le {day} {month} {year} au nom de {org}.",
    ),
    "pt": Furniture(
        ("Prezada {name},", "Senhoras e senhores cofacilitadores,", "Excelentíssimos senhores embaixadores,"),
        ("Atenciosamente,", "Respeitosamente,"),
        "Página {n} de {m}",
        "Documentos semelhantes",
        "Transcrição:",
        ("Antecedentes", "Recomendações", "Acompanhamento e revisão", "Mensagens principais", "Conclusões"),
        (
            "Consulta regional sobre o Pacto Global para a Migração",
            "Declaração da sociedade civil da América do Sul",
            "Contribuição para a revisão regional do Pacto Global",
        ),
        ("janeiro", "março", "maio", "junho", "setembro", "outubro", "dezembro"),
        "Esta contribuição foi registrada sob a referência {ref} em {day} de {month} de {year} em nome de {org}.",
    ),
}

NAMES = (
    "Louise Arbour",
    "Jürg Lauber",
    "Juan José Gómez Camacho",
    "António Vitorino",
    "Felipe González Morales",
    "Alma Maquitico",
    "Olga Estela Sánchez Caro",
    "Marie-Claire Diallo",
    "João Batista Ferreira",
    "Amina J. Mohammed",
)
ORGS = (
    "VIVAT International",
    "the Scalabrini International Migration Network",
    "Red Jesuita con Migrantes",
    "Caritas Internationalis",
    "Migrant Forum in Asia",
    "PICUM",
    "Conectas Direitos Humanos",
    "Forum Réfugiés",
    "the Latin American Bloc on Migration",
    "Red Regional de Organizaciones Civiles para las Migraciones",
)
PLACES = (
    "San José, Costa Rica",
    "Santiago",
    "Puerto Vallarta",
    "Lima",
    "Quito",
    "Bogotá",
    "São Paulo",
    "Geneva",
    "Rabat",
    "Dakar",
    "Montréal",
    "Ciudad de Panamá",
)
FOLDERS = (
    "",
    "",
    "",
    "americas",
    "americas/2017",
    "americas/2018",
    "europe/submissions",
    "africa",
    "asia-pacific/statements",
)
LANGUAGE_WEIGHTS = {"en": 0.70, "es": 0.12, "fr": 0.09, "pt": 0.09}
LAYOUT_WEIGHTS = {"letter": 0.35, "markdown": 0.25, "paged": 0.25, "scraped": 0.15}

# --------------------------------------------------------------------------------------------
# The seeds, taken apart into reusable pieces.
# --------------------------------------------------------------------------------------------

_PAGE_SUFFIX = re.compile(r"[ \t]+\d{1,4}[ \t]*$")  # seed 004's flattened pages end in their number
_BOOKMARK = re.compile(r"\[bookmark: [^\]]*\]")
_SIMILAR = re.compile(r"(?i)^\s*(similar|related) documents\s*$")
_TRANSCRIPTION = re.compile(r"(?i)^\s*transcription\s*:\s*$")
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[A-Z])")
_LOWER_WORD_START = re.compile(r" (?=[a-zà-ÿ])")
_NUMBER = re.compile(r"\b\d{1,4}\b")


@dataclass(frozen=True)
class SeedPool:
    prose: tuple[str, ...]  # English paragraphs, noise removed, at most ~900 characters
    bullets: tuple[str, ...]  # list items, without their dash
    titles: tuple[str, ...]  # the unrelated titles of seed 004's "Similar documents" block


def load_seed_pool(seeds_dir: Path) -> SeedPool:
    prose, bullets, titles = [], [], []
    for path in sorted(seeds_dir.glob("*.txt")):
        lines = [
            _PAGE_SUFFIX.sub("", _BOOKMARK.sub("", line)).strip()
            for line in path.read_text(encoding="utf-8").splitlines()
        ]
        block = _similar_titles(lines)
        titles += block
        for line in lines:
            if line.startswith("- ") and len(line) > 60:
                bullets.append(line[2:])
            elif len(line) >= 200 and line not in block:
                prose += _sentence_chunks(line, max_chars=900)
    if not prose or not titles:
        raise SystemExit(f"{seeds_dir}: the seeds no longer hold prose and a 'Similar documents' block")
    return SeedPool(tuple(prose), tuple(bullets), tuple(titles))


def _similar_titles(lines: list[str]) -> list[str]:
    starts = [i for i, line in enumerate(lines) if _SIMILAR.match(line)]
    ends = [i for i, line in enumerate(lines) if _TRANSCRIPTION.match(line)]
    if not starts or not ends or ends[-1] < starts[0]:
        return []
    return [line for line in lines[starts[0] + 1 : ends[-1]] if line]


def _sentence_chunks(text: str, max_chars: int) -> list[str]:
    """Seed 004's pages are 3-4 KB lines: cut into paragraph-sized runs of whole sentences."""
    chunks, current = [], ""
    for sentence in _SENTENCE_END.split(text):
        if current and len(current) + len(sentence) > max_chars:
            chunks.append(current)
            current = ""
        current = f"{current} {sentence}".strip()
    return chunks + [current] if current else chunks


# --------------------------------------------------------------------------------------------
# Varying a document: its body, numbers, distinct sentence and odd characters.
# --------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class DocSpec:
    index: int
    language: str
    layout: str
    rel_path: str
    encoding: str  # utf-8, utf-8-sig or cp1252: the decode step sees all three
    crlf: bool


def plan_document(index: int, rng: random.Random) -> DocSpec:
    language = _weighted(rng, LANGUAGE_WEIGHTS)
    layout = _weighted(rng, LAYOUT_WEIGHTS)
    suffix = ".md" if layout == "markdown" or rng.random() < 0.2 else ".txt"
    folder = rng.choice(FOLDERS)
    name = f"{index:05d}_{language}_{layout}{suffix}"
    # Old Windows tools saved Spanish, French and Portuguese files in cp1252.
    encoding = (
        "cp1252" if language != "en" and rng.random() < 0.3 else ("utf-8-sig" if rng.random() < 0.04 else "utf-8")
    )
    return DocSpec(index, language, layout, f"{folder}/{name}".lstrip("/"), encoding, crlf=rng.random() < 0.05)


def _weighted(rng: random.Random, weights: dict[str, float]) -> str:
    return rng.choices(list(weights), weights=list(weights.values()))[0]


def _pick(rng: random.Random, items: tuple[str, ...], count: int) -> list[str]:
    """`count` distinct items when there are enough, else with repeats (long scraped dumps)."""
    return rng.sample(items, count) if count <= len(items) else rng.choices(items, k=count)


def body_paragraphs(spec: DocSpec, rng: random.Random, pool: SeedPool, count: int) -> list[str]:
    if spec.language == "en":
        chosen = _pick(rng, pool.prose, count)
    else:
        chosen = _pick(rng, FOREIGN_PARAGRAPHS[spec.language], count)
        if rng.random() < 0.2:  # consultations quote English texts: some documents mix languages
            chosen.insert(rng.randrange(len(chosen) + 1), rng.choice(pool.prose))
    paragraphs = [vary_numbers(p, rng) for p in chosen]
    at = rng.randrange(len(paragraphs))
    paragraphs[at] = f"{paragraphs[at]} {reference_sentence(spec, rng)}"
    if rng.random() < 0.25:
        paragraphs = [sprinkle_odd_characters(p, rng) if rng.random() < 0.5 else p for p in paragraphs]
    return paragraphs


def vary_numbers(text: str, rng: random.Random) -> str:
    def swap(match: re.Match) -> str:
        value = match.group()
        if rng.random() < 0.5:
            return value
        if len(value) == 4 and value[:2] in ("19", "20"):
            return str(rng.randint(2010, 2024))
        return str(rng.randint(1, max(9, 2 * int(value))))

    return _NUMBER.sub(swap, text)


def reference_sentence(spec: DocSpec, rng: random.Random) -> str:
    """A sentence no other document has (it holds the index): every sha256 is distinct."""
    f, year = FURNITURE[spec.language], rng.randint(2016, 2024)
    return f.reference.format(
        ref=f"GCM/{year}/{spec.index:05d}",
        day=rng.randint(1, 28),
        month=rng.choice(f.months),
        year=year,
        org=rng.choice(ORGS),
    )


def sprinkle_odd_characters(text: str, rng: random.Random) -> str:
    """What PDF and Word converters leave: no-break spaces, soft hyphens, zero-width spaces,
    ligatures. The cleaning rules for characters only run when these are present."""
    for _ in range(rng.randint(1, 3)):
        spaces = [m.start() for m in re.finditer(" ", text)]
        if not spaces:
            break
        at = rng.choice(spaces)
        odd = rng.choice(("\u00a0", " \u00ad", " \u200b"))
        text = text[:at] + odd + text[at + 1 :]
    return text.replace("fi", "\ufb01", 1) if rng.random() < 0.5 else text


# --------------------------------------------------------------------------------------------
# Layouts, each after a seed: a letter (000, 001), a markdown report (002, 003), a paged
# report whose page breaks cut sentences, and a scraped page dump (004).
# --------------------------------------------------------------------------------------------


def render_letter(spec: DocSpec, rng: random.Random, pool: SeedPool) -> str:
    f = FURNITURE[spec.language]
    paragraphs = body_paragraphs(spec, rng, pool, rng.randint(4, 10))
    if rng.random() < 0.3:  # Word's hidden bookmark, printed by a converter
        at = rng.randrange(len(paragraphs))
        paragraphs[at] = "[bookmark: _GoBack]" + paragraphs[at]
    if spec.language == "en" and pool.bullets and rng.random() < 0.5:
        paragraphs += ["- " + b for b in _pick(rng, pool.bullets, rng.randint(2, 5))]
    gap = rng.choice(("\n", "\n\n"))  # seed 000 separates paragraphs by single line breaks
    head = "\n" * rng.randint(0, 4) + rng.choice(f.salutations).format(name=rng.choice(NAMES)) + " "
    body = gap.join(p + rng.choice(("", " ", "  ")) for p in paragraphs)
    tail = f"{rng.choice(f.closings)}  \n{rng.choice(NAMES)}  \n{rng.choice(ORGS)}"
    end = "\n\n###" if rng.random() < 0.2 else ""  # a press release's end marker
    return f"{head}\n{body}\n\n{tail}{end}\n"


def render_markdown(spec: DocSpec, rng: random.Random, pool: SeedPool) -> str:
    f = FURNITURE[spec.language]
    paragraphs = body_paragraphs(spec, rng, pool, rng.randint(5, 12))
    heading = "#" * rng.randint(1, 3) + f" **{_title(spec, rng, pool).upper()}**"
    parts = ["\n" * rng.randint(0, 4) + heading, _place_and_date(spec, rng)]
    for i, paragraph in enumerate(paragraphs):
        if i and rng.random() < 0.3:
            parts.append(f"**{rng.choice(f.headings)}**")
        if rng.random() < 0.2:  # converters keep links whose target was lost
            paragraph += f" ([A/RES/{rng.randint(60, 78)}/{rng.randint(1, 300)}](#))"
        parts.append(paragraph)
    return "\n\n".join(parts) + "\n"


def render_paged(spec: DocSpec, rng: random.Random, pool: SeedPool) -> str:
    paragraphs = body_paragraphs(spec, rng, pool, rng.randint(6, 12))
    per_page = rng.randint(2, 3)
    pages = [paragraphs[i : i + per_page] for i in range(0, len(paragraphs), per_page)]
    for page, following in zip(pages, pages[1:]):
        if rng.random() < 0.5:
            _cut_across_page_break(page, following, rng)
    label = rng.choice((FURNITURE[spec.language].page_label, "- {n} -", "{n}/{m}"))
    blocks = [_title(spec, rng, pool)]
    for n, page in enumerate(pages, 1):
        blocks += page + [label.format(n=n, m=len(pages))]
    return "\n\n".join(blocks) + "\n"


def _cut_across_page_break(page: list[str], following: list[str], rng: random.Random) -> None:
    """Move the end of a page's last paragraph, from mid-sentence, to the top of the next page,
    as flattened PDFs do: the cleaning rules must join it back."""
    last = page[-1]
    cuts = [
        m.start()
        for m in _LOWER_WORD_START.finditer(last)
        if len(last) // 4 < m.start() < 3 * len(last) // 4 and last[m.start() - 1].isalnum()
    ]
    if cuts:
        at = rng.choice(cuts)
        page[-1] = last[:at]
        following.insert(0, last[at + 1 :])


def render_scraped(spec: DocSpec, rng: random.Random, pool: SeedPool) -> str:
    """A document-sharing page: unrelated titles, a transcription marker, then the PDF's text
    with each page flattened into one line ending in its page number (the first has none)."""
    f = FURNITURE[spec.language]
    titles = _pick(rng, pool.titles, rng.randint(15, 60))
    paragraphs = body_paragraphs(spec, rng, pool, rng.randint(12, 45))
    pages = [" ".join(paragraphs[i : i + 3]) for i in range(0, len(paragraphs), 3)]
    numbered = [pages[0]] + [f"{page} {n}" for n, page in enumerate(pages[1:], 2)]
    blocks = [_place_and_date(spec, rng), f.similar_heading, *titles, f.transcription, *numbered]
    return "\n\n".join(blocks) + "\n"


def _title(spec: DocSpec, rng: random.Random, pool: SeedPool) -> str:
    return rng.choice(FURNITURE[spec.language].titles or pool.titles)


def _place_and_date(spec: DocSpec, rng: random.Random) -> str:
    f = FURNITURE[spec.language]
    return f"{rng.choice(PLACES)}, {rng.randint(1, 28)} {rng.choice(f.months)} {rng.randint(2016, 2024)}"


RENDERERS: dict[str, Callable[[DocSpec, random.Random, SeedPool], str]] = {
    "letter": render_letter,
    "markdown": render_markdown,
    "paged": render_paged,
    "scraped": render_scraped,
}

# --------------------------------------------------------------------------------------------
# Writing the corpus.
# --------------------------------------------------------------------------------------------


@dataclass
class Corpus:
    inbox: Path
    n_docs: int = 0
    n_bytes: int = 0
    mix: dict[str, Counter] = field(default_factory=lambda: defaultdict(Counter))

    def record(self, spec: DocSpec, size: int) -> None:
        self.n_docs += 1
        self.n_bytes += size
        self.mix["language"][spec.language] += 1
        self.mix["layout"][spec.layout] += 1
        self.mix["suffix"][Path(spec.rel_path).suffix] += 1
        self.mix["encoding"][spec.encoding + ("+crlf" if spec.crlf else "")] += 1
        self.mix["folder"]["subfolder" if "/" in spec.rel_path else "top"] += 1


def build_corpus(inbox: Path, n_docs: int, seed: int) -> Corpus:
    pool, rng = load_seed_pool(SEEDS_DIR), random.Random(seed)
    corpus, digests = Corpus(inbox), set()
    for index in range(n_docs):
        spec = plan_document(index, rng)
        data = write_document(inbox, spec, RENDERERS[spec.layout](spec, rng, pool))
        digests.add(hashlib.sha256(data).hexdigest())
        corpus.record(spec, len(data))
    if len(digests) != n_docs:  # duplicates would be skipped by discover and flatter the numbers
        raise RuntimeError(f"corpus has {n_docs - len(digests)} duplicate documents")
    return corpus


def write_document(inbox: Path, spec: DocSpec, text: str) -> bytes:
    if spec.crlf:
        text = text.replace("\n", "\r\n")
    try:
        data = text.encode(spec.encoding)
    except UnicodeEncodeError:  # a ligature or zero-width space has no cp1252 byte
        data = text.encode("utf-8")
    path = inbox / spec.rel_path
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data)
    return data


# --------------------------------------------------------------------------------------------
# Measuring.
# --------------------------------------------------------------------------------------------


@flow(name="bench-warmup", log_prints=False)
def warmup() -> None:
    """Does nothing: its first call starts Prefect's temporary server, its second is the
    cost of one flow run on a running server."""


def timed(fn: Callable, *args, **kwargs) -> tuple[object, float]:
    t0 = time.perf_counter()
    value = fn(*args, **kwargs)
    return value, time.perf_counter() - t0


def measure_prefect() -> dict:
    _, first = timed(warmup)
    _, second = timed(warmup)
    return {"startup_seconds": first - second, "first_flow_seconds": first, "flow_run_overhead_seconds": second}


def peak_rss_mb() -> float:
    """This process's peak resident memory (the temporary server is a separate process)."""
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return peak / MB if sys.platform == "darwin" else peak * 1024 / MB  # bytes on macOS, KiB on Linux


def summarize_run(result, seconds: float, corpus: Corpus) -> dict:
    stages = {s: result.stage_seconds.get(s, 0.0) for s in PHASES + BATCH_STAGES}
    # Whatever no phase timer saw: creating and finishing the flow run, assembling the rows.
    stages["orchestration"] = max(0.0, seconds - sum(stages[s] for s in PHASES))
    share = {s: v / seconds for s, v in stages.items()}
    return {
        "seconds": seconds,
        "docs_per_second": corpus.n_docs / seconds,
        "mb_per_second": corpus.n_bytes / MB / seconds,
        "counts": {k: getattr(result, k) for k in ("n_seen", "n_new", "n_changed", "n_unchanged", "n_failed")},
        "landed": result.landed,
        "stage_seconds": stages,
        "stage_share": share,
        "orchestration_landing_share": share["orchestration"] + share["land"],
        "failures": [asdict(f) for f in result.failures[:20]],
    }


def measure_cleaning(inbox: Path) -> dict:
    """clean_document alone, in this process, one core: the throughput the cleaning rules
    allow, without Prefect, I/O or decoding in the timings."""
    docs = [_read_raw(inbox, path) for path in sorted(inbox.rglob("*")) if path.is_file()]
    timings = []
    for doc, size in docs:
        _, seconds = timed(clean_document, doc)
        timings.append((seconds, size, doc.source_path))
    seconds, n_bytes = sum(t[0] for t in timings), sum(t[1] for t in timings)
    slowest = _slowest(docs, timings)
    return {
        "documents": len(timings),
        "mb": n_bytes / MB,
        "seconds": seconds,
        "mb_per_second": n_bytes / MB / seconds,
        "by_layout_mb_per_second": _by_layout(timings),
        "slowest": {"path": slowest[2], "seconds": slowest[0], "kb": slowest[1] / 1000},
    }


def _slowest(docs: list, timings: list[tuple[float, int, str]]) -> tuple[float, int, str]:
    """The slowest document, re-timed: one pass's maximum is often a garbage-collection pause
    landing on a small document, not a document the rules find hard."""
    by_path = {doc.source_path: doc for doc, _ in docs}
    candidates = sorted(timings, reverse=True)[:5]
    retimed = [
        (min(timed(clean_document, by_path[path])[1] for _ in range(3)), size, path) for _, size, path in candidates
    ]
    return max(retimed)


def _read_raw(inbox: Path, path: Path):
    data = path.read_bytes()
    source = SourceFile(path.relative_to(inbox).as_posix(), len(data), 0, hashlib.sha256(data).hexdigest())
    return read_document(source, data), len(data)


def _by_layout(timings: list[tuple[float, int, str]]) -> dict[str, float]:
    seconds, sizes = Counter(), Counter()
    for t, size, source_path in timings:
        layout = Path(source_path).stem.split("_")[-1]  # file names are index_language_layout
        seconds[layout] += t
        sizes[layout] += size
    return {layout: sizes[layout] / MB / seconds[layout] for layout in sorted(seconds)}


def run_benchmark(args: argparse.Namespace, inbox: Path, warehouse: Path) -> dict:
    corpus, build_seconds = timed(build_corpus, inbox, args.docs, args.seed)
    print(
        f"corpus: {corpus.n_docs} documents, {corpus.n_bytes / MB:.1f} MB in {inbox} ({build_seconds:.1f} s)",
        flush=True,
    )
    prefect = measure_prefect()
    rss_before_cold = peak_rss_mb()  # everything imported, one flow run done: the baseline
    run = with_runner(ingest, args.runner)
    cold, cold_seconds = timed(run, inbox=str(inbox), warehouse=str(warehouse), batch_size=args.batch_size)
    rss_after_cold = peak_rss_mb()
    noop, noop_seconds = timed(run, inbox=str(inbox), warehouse=str(warehouse), batch_size=args.batch_size)
    noop_summary = summarize_run(noop, noop_seconds, corpus)
    noop_summary["meets_target"] = noop_seconds < NOOP_TARGET_SECONDS
    cold_summary = summarize_run(cold, cold_seconds, corpus)
    cold_summary["meets_target"] = cold_summary["orchestration_landing_share"] < ORCHESTRATION_LANDING_TARGET
    return {
        "settings": _settings(args),
        "corpus": _corpus_summary(corpus, build_seconds),
        "prefect": prefect,
        "cold_run": cold_summary,
        "noop_run": noop_summary,
        "cleaning": measure_cleaning(inbox),
        "memory": {
            "peak_rss_mb_before_cold": rss_before_cold,
            "peak_rss_mb_after_cold": rss_after_cold,
            "peak_rss_mb_at_end": peak_rss_mb(),
        },
        "targets": {
            "orchestration_landing_share_below": ORCHESTRATION_LANDING_TARGET,
            "noop_seconds_beyond_startup_below": NOOP_TARGET_SECONDS,
        },
        "warnings": _sanity_warnings(corpus, cold, noop),
    }


def compare_runners(args: argparse.Namespace, inbox: Path, workdir: Path) -> dict:
    """Two cold runs of one corpus, each into a fresh warehouse: the default runner, then Dask."""
    corpus, build_seconds = timed(build_corpus, inbox, args.docs, args.seed)
    print(
        f"corpus: {corpus.n_docs} documents, {corpus.n_bytes / MB:.1f} MB in {inbox} ({build_seconds:.1f} s)",
        flush=True,
    )
    prefect = measure_prefect()
    dask = DASK if args.runner == PROCESSES else args.runner
    runs, results = {}, {}
    for name, runner in (("processes", PROCESSES), ("dask", dask)):
        print(f"cold run with runner {runner} ...", flush=True)
        results[name], seconds = timed(
            with_runner(ingest, runner),
            inbox=str(inbox),
            warehouse=str(workdir / f"warehouse-{name}"),
            batch_size=args.batch_size,
        )
        runs[name] = summarize_run(results[name], seconds, corpus)
        runs[name]["runner"] = runner
    base, other = runs["processes"], runs["dask"]
    warnings = [f"{name}: {w}" for name in runs for w in _cold_warnings(corpus, results[name])]
    if results["dask"].landed != results["processes"].landed:
        warnings.append(
            f"the runners landed different row counts: {results['processes'].landed} vs {results['dask'].landed}"
        )
    return {
        "settings": _settings(args),
        "corpus": _corpus_summary(corpus, build_seconds),
        "prefect": prefect,
        "runs": runs,
        "speedup": base["seconds"] / other["seconds"],
        "batch_phase_speedup": base["stage_seconds"]["batches"] / other["stage_seconds"]["batches"],
        "warnings": warnings,
    }


def _cold_warnings(corpus: Corpus, cold) -> list[str]:
    warnings = []
    if cold.n_new + cold.n_failed != corpus.n_docs:
        warnings.append(f"cold run saw {cold.n_new} new + {cold.n_failed} failed of {corpus.n_docs} documents")
    if cold.n_failed:
        warnings.append(f"cold run: {cold.n_failed} documents failed (see cold_run.failures)")
    return warnings


def _settings(args: argparse.Namespace) -> dict:
    return {
        "docs": args.docs,
        "batch_size": args.batch_size,
        "seed": args.seed,
        "runner": args.runner,
        "python": platform.python_version(),
        "prefect": version("prefect"),
        "duckdb": version("duckdb"),
        "cpus": os.cpu_count(),
        "platform": platform.platform(),
        "started_at": datetime.now(timezone.utc).isoformat(timespec="seconds"),
    }


def _corpus_summary(corpus: Corpus, build_seconds: float) -> dict:
    return {
        "documents": corpus.n_docs,
        "bytes": corpus.n_bytes,
        "mb": corpus.n_bytes / MB,
        "build_seconds": build_seconds,
        "mix": {k: dict(v) for k, v in corpus.mix.items()},
    }


def _sanity_warnings(corpus: Corpus, cold, noop) -> list[str]:
    """The numbers only mean something if the runs did what a benchmark assumes."""
    warnings = _cold_warnings(corpus, cold)
    if noop.n_unchanged != corpus.n_docs or noop.n_new or noop.n_changed:
        warnings.append(
            f"no-op re-run was not a no-op: {noop.n_new} new, {noop.n_changed} changed, {noop.n_unchanged} unchanged"
        )
    return warnings


# --------------------------------------------------------------------------------------------
# Reporting.
# --------------------------------------------------------------------------------------------


def print_report(report: dict) -> None:
    print()
    for label, value in _report_rows(report):
        print(f"  {label:<38} {value}" if label else "")
    for warning in report["warnings"]:
        print(f"  WARNING: {warning}")
    print()


def _report_rows(report: dict) -> list[tuple[str, str]]:
    c, p, cold = report["corpus"], report["prefect"], report["cold_run"]
    s = report["settings"]
    rows = [
        (
            "Ingest benchmark",
            f"{s['started_at']}  prefect {s['prefect']}  duckdb {s['duckdb']}  {s['cpus']} cpus  runner {s['runner']}",
        ),
        ("documents", f"{c['documents']:,}  ({_mix(c['mix']['language'])})"),
        ("layouts / files", f"{_mix(c['mix']['layout'])}; {_mix(c['mix']['suffix'])}; {_mix(c['mix']['folder'])}"),
        ("total size", f"{c['mb']:.2f} MB  (batch size {s['batch_size']})"),
        ("", ""),
        (
            "Prefect start-up (trivial flow)",
            f"{p['startup_seconds']:7.2f} s  (then {p['flow_run_overhead_seconds']:.2f} s per flow run)",
        ),
        (
            "cold run (server already up)",
            f"{cold['seconds']:7.2f} s  {cold['docs_per_second']:.1f} docs/s  {cold['mb_per_second']:.2f} MB/s",
        ),
    ]
    rows += _stage_rows(cold)
    rows += _target_rows(report)
    return rows


def _stage_rows(run: dict) -> list[tuple[str, str]]:
    rows = []
    for stage in ("discover", "cluster", "batches", "land", "orchestration"):
        seconds = run["stage_seconds"][stage]
        if stage == "cluster" and not seconds:
            continue
        rows.append((f"  {stage}", f"{seconds:7.2f} s  {100 * run['stage_share'][stage]:5.1f} %"))
        if stage == "batches":
            rows += [(f"    {s}", f"{run['stage_seconds'][s]:7.2f} s  (summed over batches)") for s in BATCH_STAGES]
    return rows


def print_comparison(report: dict) -> None:
    c, p, s, runs = report["corpus"], report["prefect"], report["settings"], report["runs"]
    rows = [
        ("Runner comparison", f"{s['started_at']}  prefect {s['prefect']}  {s['cpus']} cpus"),
        ("documents", f"{c['documents']:,}  {c['mb']:.2f} MB  (batch size {s['batch_size']})"),
        ("Prefect start-up (trivial flow)", f"{p['startup_seconds']:7.2f} s  (not in the runs below)"),
    ]
    for name, run in runs.items():
        rows += [
            ("", ""),
            (f"cold run, runner {run['runner']}", f"{run['seconds']:7.2f} s  {run['docs_per_second']:.1f} docs/s"),
        ]
        rows += _stage_rows(run)
    rows += [
        ("", ""),
        ("speed-up of Dask, whole cold run", f"{report['speedup']:7.2f} x"),
        ("speed-up of Dask, batch phase only", f"{report['batch_phase_speedup']:7.2f} x  (cluster start-up left out)"),
    ]
    print()
    for label, value in rows:
        print(f"  {label:<38} {value}" if label else "")
    for warning in report["warnings"]:
        print(f"  WARNING: {warning}")
    print()


def _target_rows(report: dict) -> list[tuple[str, str]]:
    cold, noop, cleaning, memory = (report[k] for k in ("cold_run", "noop_run", "cleaning", "memory"))
    slowest = cleaning["slowest"]
    return [
        (
            "orchestration + landing share",
            f"{100 * cold['orchestration_landing_share']:7.1f} %  "
            f"target < {100 * ORCHESTRATION_LANDING_TARGET:.0f} %  {_verdict(cold['meets_target'])}",
        ),
        (
            "no-op re-run (beyond start-up)",
            f"{noop['seconds']:7.2f} s  target < {NOOP_TARGET_SECONDS:.0f} s  "
            f"{_verdict(noop['meets_target'])}  (discover {noop['stage_seconds']['discover']:.2f} s, "
            f"land {noop['stage_seconds']['land']:.2f} s)",
        ),
        ("", ""),
        (
            "cleaning alone, one core",
            f"{cleaning['mb_per_second']:7.2f} MB/s  ({cleaning['seconds']:.1f} s for {cleaning['mb']:.1f} MB)",
        ),
        ("  by layout (MB/s)", ", ".join(f"{k} {v:.2f}" for k, v in cleaning["by_layout_mb_per_second"].items())),
        ("  slowest document", f"{slowest['seconds']:.3f} s  {slowest['kb']:.0f} KB  {slowest['path']}"),
        (
            "peak RSS (ru_maxrss) after cold run",
            f"{memory['peak_rss_mb_after_cold']:7.0f} MB  (before it "
            f"{memory['peak_rss_mb_before_cold']:.0f} MB, at end {memory['peak_rss_mb_at_end']:.0f} MB)",
        ),
    ]


def _mix(counts: dict[str, int]) -> str:
    return ", ".join(f"{k} {n}" for k, n in sorted(counts.items(), key=lambda kv: -kv[1]))


def _verdict(ok: bool) -> str:
    return "OK" if ok else "MISSED"


def write_json(report: dict, out: Path) -> None:
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(json.dumps(report, indent=2, ensure_ascii=False, default=str) + "\n", encoding="utf-8")
    print(f"  report written to {out}")


# --------------------------------------------------------------------------------------------


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--docs", type=int, default=2000, help="documents in the corpus (default 2000)")
    parser.add_argument("--batch-size", type=int, default=250, help="documents per task run (default 250)")
    parser.add_argument("--keep", action="store_true", help="keep the temporary inbox and warehouse")
    parser.add_argument(
        "--out",
        type=Path,
        default=None,
        help=f"JSON report (default {DEFAULT_OUT}, with --compare-runners {DEFAULT_COMPARE_OUT})",
    )
    parser.add_argument("--seed", type=int, default=2018, help="corpus random seed (default 2018)")
    parser.add_argument(
        "--runner",
        default=PROCESSES,
        help="where the batches run: processes (default), dask (a local cluster, one worker "
        "per core) or a Dask scheduler address tcp://host:8786",
    )
    parser.add_argument(
        "--compare-runners",
        action="store_true",
        help="cold runs with the default runner and with Dask (--runner, default dask), "
        "into fresh warehouses, and the speed-up",
    )
    args = parser.parse_args(argv)
    if args.docs < 1 or args.batch_size < 1:
        parser.error("--docs and --batch-size must be positive")
    try:
        check_runner(args.runner)
    except ValueError as error:
        parser.error(str(error))
    if args.out is None:
        args.out = DEFAULT_COMPARE_OUT if args.compare_runners else DEFAULT_OUT
    return args


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    workdir = Path(tempfile.mkdtemp(prefix="ingest-bench-"))
    inbox, warehouse = workdir / "inbox", workdir / "warehouse"
    try:
        if args.compare_runners:
            report = compare_runners(args, inbox, workdir)
        else:
            report = run_benchmark(args, inbox, warehouse)
    finally:
        if args.keep:
            print(
                f"kept: inbox {inbox}\n      warehouse {warehouse}"
                if not args.compare_runners
                else f"kept: inbox {inbox}\n      warehouses {workdir}/warehouse-*"
            )
        else:
            shutil.rmtree(workdir, ignore_errors=True)
    (print_comparison if args.compare_runners else print_report)(report)
    write_json(report, args.out)
    return 0


if __name__ == "__main__":
    sys.exit(main())
