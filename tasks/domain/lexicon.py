"""Words of the corpus languages (en, es, fr, pt) that more than one stage needs.

One place for them, so that cleaning, structure, metadata and language never disagree about
what a function word or a number word is. Lists are lower case; compare with `.lower()`.
"""

from __future__ import annotations

# Articles, prepositions, conjunctions, pronouns and auxiliaries: words that never stand as
# one half of a hyphenated compound and that a sentence never ends on.
FUNCTION_WORDS: dict[str, frozenset[str]] = {
    "en": frozenset(
        """
        a an the of to in on at by for from with without within into onto upon over under
        and or nor but if as than that which who whom whose what where when while how why
        this these those there here it its he she him her his they them their we us our you
        your i me my be is are was were been being have has had do does did not no so any
        some every each all both either neither such other another more most less much many
        can could may might must shall should will would up out off about after before
        because though although since until unless whether per via
    """.split()
    ),
    "es": frozenset(
        """
        el la los las lo un una unos unas de del al a en con por para sin sobre entre hacia
        hasta desde y e o u ni pero sino que quien quienes cual cuales cuyo cuya donde cuando
        como si no se su sus mi mis tu tus nos les le me te este esta estos estas ese esa esos
        esas aquel aquella es son fue ha han ser estar muy más menos también ya
    """.split()
    ),
    "fr": frozenset(
        """
        le la les l un une des de du d au aux à en dans par pour sur sous avec sans entre
        vers chez et ou ni mais donc or car que qui quoi dont où quand comme si ne pas plus
        se sa son ses leur leurs ce cet cette ces il elle ils elles on nous vous est sont
        été être avoir a ont très aussi
    """.split()
    ),
    "pt": frozenset(
        """
        o a os as um uma uns umas de do da dos das em no na nos nas ao aos à às por pelo pela
        pelos pelas para com sem sobre entre até desde e ou nem mas que quem qual quais cujo
        cuja onde quando como se não seu sua seus suas lhe lhes me te este esta estes estas
        esse essa esses essas aquele aquela é são foi ser estar muito mais menos também já
    """.split()
    ),
}
ALL_FUNCTION_WORDS: frozenset[str] = frozenset().union(*FUNCTION_WORDS.values())

# Halves of compound number words, which their language writes with a hyphen:
# `sixty-third`, `twenty-five`, `vingt-deuxième`, `quatre-vingt-dix`, `dix-sept`.
NUMBER_COMPOUND_FIRST: frozenset[str] = frozenset(
    """
    twenty thirty forty fifty sixty seventy eighty ninety
    vingt trente quarante cinquante soixante quatre dix cent
""".split()
)
NUMBER_COMPOUND_SECOND: frozenset[str] = frozenset(
    """
    one two three four five six seven eight nine
    first second third fourth fifth sixth seventh eighth ninth
    un une deux trois quatre cinq six sept huit neuf dix onze douze treize quatorze quinze
    seize vingt vingts unième deuxième troisième quatrième cinquième sixième septième
    huitième neuvième dixième onzième douzième treizième quatorzième quinzième seizième
""".split()
)

# Portuguese pronouns joined to a verb by a hyphen (`encontrá-lo`, `dar-lhe`, `tornou-se`).
# `lhe(s)` never ends a word split by hyphenation; the others do (`sa-la`, `ca-se`), so the
# verb's own ending must say it is a verb (see cleaning's hyphenation rule).
PORTUGUESE_CLITICS: frozenset[str] = frozenset("lhe lhes lo la los las no na nos nas se me te vos o a os as".split())
PORTUGUESE_UNAMBIGUOUS_CLITICS: frozenset[str] = frozenset({"lhe", "lhes"})

# The print shop's notice at a UN page foot, in the languages it is printed in.
PRINT_NOTICES: frozenset[str] = frozenset(
    {
        "please recycle",
        "accessible document please recycle",
        "merci de recycler",
        "sírvase reciclar",
        "favor reciclar",
        "prière de recycler",
    }
)

# What a table of contents (or a list of its figures and tables) is headed, as a line of its
# own; the first four languages are the corpus's, the others cost nothing to know.
CONTENTS_TITLES: frozenset[str] = frozenset(
    {
        "contents",
        "table of contents",
        "list of contents",
        "list of figures",
        "list of tables",
        "list of boxes",
        "list of annexes",
        "índice",
        "indice",
        "índice general",
        "contenido",
        "contenidos",
        "tabla de contenido",
        "tabla de contenidos",
        "sumario",
        "índice de figuras",
        "índice de cuadros",
        "lista de cuadros",
        "table des matières",
        "sommaire",
        "liste des figures",
        "liste des tableaux",
        "liste des annexes",
        "sumário",
        "índice geral",
        "conteúdo",
        "lista de figuras",
        "lista de tabelas",
        "lista de quadros",
        "inhalt",
        "inhaltsverzeichnis",
        "inhoud",
        "inhoudsopgave",
        "sommario",
        "содержание",
        "оглавление",
        "المحتويات",
        "目录",
    }
)
# The column heads over a contents list's page numbers (and paragraph ranges, in UN reports).
CONTENTS_COLUMNS: frozenset[str] = frozenset(
    {
        "page",
        "pages",
        "página",
        "páginas",
        "pág",
        "pág.",
        "p.",
        "pp.",
        "paragraphs page",
        "paragraphs",
        "párrafos página",
        "párrafos",
        "paragraphes page",
        "paragraphes",
        "parágrafos página",
        "parágrafos",
        "seite",
        "pagina",
        "страница",
        "стр.",
        "الصفحة",
    }
)


def _numbered(names: str, start: int = 1) -> dict[str, int]:
    return {name: i for i, name in enumerate(names.split(), start)}


# Month names of the corpus languages, lower case, to their number.
MONTH_NAMES: dict[str, int] = {
    **_numbered("january february march april may june july august september october november december"),
    **_numbered("enero febrero marzo abril mayo junio julio agosto septiembre octubre noviembre diciembre"),
    "setiembre": 9,
    **_numbered("janvier février mars avril mai juin juillet août septembre octobre novembre décembre"),
    **_numbered("janeiro fevereiro março abril maio junho julho agosto setembro outubro novembro dezembro"),
}
# Their abbreviations (and spellings without accents), written with or without a trailing dot
# (`nov.`, `févr.`); readers strip the dot.
MONTH_ABBREVIATIONS: dict[str, int] = {
    **_numbered("jan feb mar apr may jun jul aug sep oct nov dec"),
    "sept": 9,
    **_numbered("ene feb mar abr may jun jul ago sep oct nov dic"),
    **_numbered("janv févr mars avr mai juin juil août sept oct nov déc"),
    "fév": 2,
    "fevrier": 2,
    "aout": 8,
    "decembre": 12,
    **_numbered("jan fev mar abr mai jun jul ago set out nov dez"),
    "marco": 3,
}
MONTH_NUMBERS: dict[str, int] = {**MONTH_ABBREVIATIONS, **MONTH_NAMES}
# Months of languages outside the corpus that its web pages and legal texts still print
# dates in (German, Dutch): read for a document's date, never used to label a language.
OTHER_MONTH_NUMBERS: dict[str, int] = {
    **_numbered("januar februar märz april mai juni juli august september oktober november dezember"),
    "jänner": 1,
    "maerz": 3,
    **_numbered("januari februari maart april mei juni juli augustus september oktober november december"),
}
_UNIT_ORDINALS = _numbered("first second third fourth fifth sixth seventh eighth ninth")
# A day written as an ordinal word, as closing formulas write it (`this thirty-first day of`).
DAY_ORDINAL_WORDS: dict[str, int] = {
    **_numbered(
        "first second third fourth fifth sixth seventh eighth ninth tenth eleventh twelfth thirteenth "
        "fourteenth fifteenth sixteenth seventeenth eighteenth nineteenth twentieth"
    ),
    **{f"twenty-{w}": 20 + i for w, i in _UNIT_ORDINALS.items()},
    "thirtieth": 30,
    "thirty-first": 31,
}
# Cardinal number words a year is written in (`one thousand nine hundred and eighty`).
NUMBER_WORDS: dict[str, int] = {
    **_numbered(
        "one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen "
        "seventeen eighteen nineteen"
    ),
    **{w: 10 * i for w, i in _numbered("twenty thirty forty fifty sixty seventy eighty ninety", 2).items()},
}

# --- The UN document template (masthead): read by tasks/domain/masthead.py -----------------
# The organisation's name as the masthead prints it, alone on its line: the UN's, or another
# organisation whose documents carry their symbol on the same kind of template (the OAS's).
TEMPLATE_ORGANISATIONS: frozenset[str] = frozenset(
    {
        "united nations",
        "naciones unidas",
        "nations unies",
        "nações unidas",
        "organization of american states",
        "organización de los estados americanos",
        "organisation des états américains",
        "organização dos estados americanos",
    }
)
# The issuing organs (and the subsidiary councils the template names in the organ's place).
UN_ORGANS: frozenset[str] = frozenset(
    {
        "general assembly",
        "security council",
        "economic and social council",
        "human rights council",
        "trusteeship council",
        "asamblea general",
        "consejo de seguridad",
        "consejo económico y social",
        "consejo de derechos humanos",
        "consejo de administración fiduciaria",
        "assemblée générale",
        "conseil de sécurité",
        "conseil économique et social",
        "conseil des droits de l'homme",
        "conseil de tutelle",
        "assembleia geral",
        "conselho de segurança",
        "conselho económico e social",
        "conselho econômico e social",
        "conselho de direitos humanos",
        "conselho dos direitos humanos",
    }
)
# `Distr.: General` and its translations (accents may be lost to OCR) -> the English value.
DISTRIBUTION_VALUES: dict[str, str] = {
    **dict.fromkeys(("general", "générale", "generale", "geral"), "General"),
    **dict.fromkeys(("limited", "limitada", "limitée", "limitee"), "Limited"),
    **dict.fromkeys(("restricted", "reservada", "restreinte", "restrita"), "Restricted"),
}
# Language names as `Original: ...` and the language line print them -> ISO 639-1.
LANGUAGE_NAME_CODES: dict[str, str] = {
    **dict.fromkeys(("english", "inglés", "ingles", "anglais", "inglês"), "en"),
    **dict.fromkeys(("spanish", "español", "espanol", "espagnol", "espanhol"), "es"),
    **dict.fromkeys(("french", "francés", "frances", "français", "francais", "francês"), "fr"),
    **dict.fromkeys(("portuguese", "portugués", "portugais", "português"), "pt"),
    **dict.fromkeys(("russian", "ruso", "russe", "russo"), "ru"),
    **dict.fromkeys(("arabic", "árabe", "arabe"), "ar"),
    **dict.fromkeys(("chinese", "chino", "chinois", "chinês"), "zh"),
    **dict.fromkeys(("german", "alemán", "allemand", "alemão"), "de"),
}
# What the session line calls a session (or, for the Security Council, a year).
SESSION_WORDS: frozenset[str] = frozenset(
    {
        "session",
        "período de sesiones",
        "periodo de sesiones",
        "período extraordinario de sesiones",
        "periodo extraordinario de sesiones",
        "sessão",
        "year",
        "año",
        "année",
        "ano",
    }
)
# Qualifiers a session line may carry after or before its word.
SESSION_QUALIFIERS: frozenset[str] = frozenset(
    """
    regular special substantive resumed organizational emergency annual
    ordinario extraordinario sustantivo sustantiva reanudado reanudada organizativo anual
    ordinaire extraordinaire substantielle reprise d'organisation annuelle
    ordinária extraordinária substantiva retomada organizacional anual
    especial d'urgence
""".split()
) | {"de emergencia", "de emergência"}
# A resumed session's line opens with these (`Resumed eightieth session`, `Reprise de la ...`).
SESSION_RESUMED: frozenset[str] = frozenset({"resumed", "reprise de la", "continuación del", "continuação da"})
# Spanish and Portuguese ordinal words (English and French ones are told by their endings:
# `-th`, `-st`, `-nd`, `-rd`, `-ième`, `premier`).
ORDINAL_WORDS: frozenset[str] = frozenset(
    """
    primer primero primera segundo segunda tercer tercero tercera cuarto cuarta quinto quinta
    sexto sexta séptimo séptima octavo octava noveno novena décimo décima undécimo undécima
    duodécimo duodécima vigésimo vigésima trigésimo trigésima cuadragésimo cuadragésima
    quincuagésimo quincuagésima sexagésimo sexagésima septuagésimo septuagésima octogésimo
    octogésima nonagésimo nonagésima
    primeiro primeira terceiro terceira sétimo sétima oitavo oitava nono nona quadragésimo
    quadragésima quinquagésimo quinquagésima
    premier première
""".split()
)
# How an agenda item is introduced: `Agenda item 71`, `Item 7 of the provisional agenda`,
# `Tema 5 del programa`, `Point 3 de l'ordre du jour`, `Item 5 da agenda`.
AGENDA_ITEM_WORDS: frozenset[str] = frozenset(
    {"agenda item", "agenda items", "provisional agenda item", "tema del programa", "punto del orden del día"}
)
AGENDA_ITEM_NOUNS: frozenset[str] = frozenset(
    {"item", "items", "tema", "temas", "punto", "puntos", "point", "points", "ponto", "pontos"}
)
AGENDA_NAMES: frozenset[str] = frozenset(
    {
        "agenda",
        "provisional agenda",
        "programa",
        "programa provisional",
        "orden del día",
        "orden del día provisional",
        "ordre du jour",
        "ordre du jour provisoire",
        "agenda provisória",
        "ordem do dia",
        "ordem do dia provisória",
        "preliminary list",
        "lista preliminar",
        "liste préliminaire",
    }
)
# Lines of the template that are neither the title nor the body: the record series ...
OFFICIAL_RECORDS: frozenset[str] = frozenset(
    {"official records", "documentos oficiales", "documents officiels", "documentos oficiais"}
)
SUPPLEMENT_WORDS: frozenset[str] = frozenset({"supplement", "suplemento", "supplément"})
# ... the meeting (`51st plenary meeting`, `12th meeting`, `51ª sesión plenaria`, `51e séance plénière`) ...
MEETING_WORDS: frozenset[str] = frozenset(
    {
        "meeting",
        "plenary meeting",
        "sesión",
        "sesión plenaria",
        "séance",
        "séance plénière",
        "sessão plenária",
        "reunião",
    }
)
# ... the preamble above a resolution's subject, and the author line under a report's title.
PREAMBLE_OPENINGS: tuple[str, ...] = (
    "resolution adopted by",
    "decision adopted by",
    "resolución aprobada por",
    "decisión aprobada por",
    "résolution adoptée par",
    "décision adoptée par",
    "resolução adotada pela",
    "resolução adotada por",
    "decisão adotada pela",
    "draft resolution submitted by",
    "draft decision submitted by",
    "proyecto de resolución presentado por",
    "proyecto de decisión presentado por",
    "projet de résolution présenté par",
    "projet de décision présenté par",
    "projeto de resolução apresentado por",
    "projeto de decisão apresentado por",
)
AUTHOR_LINES: frozenset[str] = frozenset(
    {
        "note by the secretariat",
        "note by the secretary-general",
        "report of the secretary-general",
        "corrigendum",
        "nota de la secretaría",
        "documento de la secretaría",
        "nota del secretario general",
        "informe del secretario general",
        "corrección",
        "note du secrétariat",
        "note du secrétaire général",
        "rapport du secrétaire général",
        "rectificatif",
        "nota do secretariado",
        "nota do secretário-geral",
        "relatório do secretário-geral",
        "retificação",
    }
)
# A sponsors' line ends `...: draft resolution` (`... : projet de résolution révisé`).
DRAFT_WORDS: frozenset[str] = frozenset(
    {
        "draft resolution",
        "draft decision",
        "revised draft resolution",
        "revised draft decision",
        "proyecto de resolución",
        "proyecto de decisión",
        "proyecto de resolución revisado",
        "proyecto de decisión revisado",
        "projet de résolution",
        "projet de décision",
        "projet de résolution révisé",
        "projet de décision révisé",
        "projeto de resolução",
        "projeto de decisão",
        "projeto de resolução revisto",
        "projeto de resolução revisado",
        "projeto de decisão revista",
        "projeto de decisão revisada",
    }
)
# A title begins with the document's genre; a body's name does not.
GENRE_OPENINGS: tuple[str, ...] = (
    "report of",
    "note by",
    "letter dated",
    "identical letters",
    "compendium",
    "informe de",
    "informe del",
    "nota de",
    "nota verbal",
    "carta de fecha",
    "cartas idénticas",
    "rapport du",
    "rapport de",
    "note du",
    "lettre datée",
    "lettres identiques",
    "relatório d",
    "carta datada",
)
# Cities of the datelines and headquarters lines, in the four languages.
UN_CITIES: frozenset[str] = frozenset(
    {
        "new york",
        "nueva york",
        "nova iorque",
        "geneva",
        "ginebra",
        "genève",
        "genebra",
        "vienna",
        "viena",
        "vienne",
        "nairobi",
        "bangkok",
        "santiago",
        "addis ababa",
    }
)
WEEKDAYS: frozenset[str] = frozenset(
    """
    monday tuesday wednesday thursday friday saturday sunday
    lunes martes miércoles jueves viernes sábado domingo
    lundi mardi mercredi jeudi vendredi samedi dimanche
    segunda-feira terça-feira quarta-feira quinta-feira sexta-feira sábado domingo
""".split()
)
# A section's name, never a document's title (`Summary`, `Résumé`, `I. Introduction`), lower case.
SECTION_NAMES: frozenset[str] = frozenset(
    {
        "summary",
        "executive summary",
        "abstract",
        "introduction",
        "contents",
        "background",
        "resumen",
        "resumen ejecutivo",
        "introducción",
        "índice",
        "antecedentes",
        "résumé",
        "sommaire",
        "table des matières",
        "contexte",
        "resumo",
        "sumário",
        "sumário executivo",
        "introdução",
        "contexto",
    }
)
# The head noun of a body's name (`Committee on the Rights of the Child`, `Troisième
# Commission`, `Consejo Permanente de la Organización ...`), lower case.
BODY_WORDS: frozenset[str] = frozenset(
    """
    committee commission council board assembly programme program fund office secretariat
    organization organisation mission agency group forum court conference union division department
    comité comisión consejo junta asamblea programa fondo oficina secretaría organización misión
    agencia grupo foro corte tribunal conferencia unión división departamento
    commission conseil assemblée programme fonds bureau secrétariat organisation mission agence
    groupe cour conférence département
    comitê comissão conselho assembleia fundo escritório secretariado organização missão agência
    fórum conferência união divisão
    institute ministry association network foundation federation alliance coalition centre center
    nations embassy delegation parliament government university bureau service society bloc
    instituto ministerio asociación red fundación federación alianza coalición centro naciones
    embajada delegación parlamento gobierno universidad servicio sociedad bloque
    institut ministère réseau fondation fédération centre unies ambassade délégation
    parlement gouvernement université haut-commissariat service société
    ministério associação rede fundação federação aliança coalizão nações embaixada delegação
    governo universidade serviço sociedade
""".split()
)

# Structure: words that open a salutation line (`Dear ...,`, `Estimada ...,`), lower case.
SALUTATION_WORDS: frozenset[str] = frozenset(
    "dear estimado estimada estimados estimadas querido querida queridos queridas cher chère chers chères "
    "prezado prezada prezados prezadas caro cara caros caras "
    "excellency excelencia excelentísimo excelentísima excellence excelência excelentíssimo excelentíssima".split()
) | {"your excellency", "su excelencia", "votre excellence", "vossa excelência", "sua excelência"}
# Closing formulas of a letter or a statement (`Sincerely,`, `Muchas gracias.`), lower case.
CLOSING_PHRASES: tuple[str, ...] = (
    "thank you very much",
    "thank you",
    "many thanks",
    "sincerely",
    "yours sincerely",
    "yours faithfully",
    "best regards",
    "kind regards",
    "muchas gracias",
    "gracias",
    "atentamente",
    "cordialmente",
    "merci beaucoup",
    "merci",
    "cordialement",
    "bien cordialement",
    "muito obrigado",
    "muito obrigada",
    "obrigado",
    "obrigada",
    "atenciosamente",
)
# Words that name a part of a document before its number (`Topic I:`, `Tema 2.`, `Annexe A`).
PART_WORDS: frozenset[str] = frozenset(
    "topic theme session panel part chapter section annex appendix item "
    "tema sesión sesion mesa parte capítulo capitulo sección seccion anexo apéndice eje "
    "thème séance seance partie chapitre annexe appendice point "
    "tópico topico sessão sessao painel seção secção eixo apêndice".split()
)
# A web page's link to the rest of an article or to more articles: a label, never a heading.
READ_MORE_LABELS: frozenset[str] = frozenset(
    {
        "read more",
        "continue reading",
        "read the full article",
        "see also",
        "related",
        "seguir leyendo",
        "leer más",
        "continuar leyendo",
        "ver más",
        "ver también",
        "lea también",
        "lire la suite",
        "en savoir plus",
        "voir aussi",
        "lire aussi",
        "leia mais",
        "saiba mais",
        "continuar lendo",
        "ver também",
        "leia também",
    }
)
# Small words that stay lower case inside a title (`Report of the Committee on ...`).
MINOR_TITLE_WORDS: frozenset[str] = frozenset(
    """
a an and as at by for from in of on or the to with vs into among between
de del la las el los y e o u en con por para al sobre entre hacia
des du le les et ou à au aux pour par sur dans entre vers
da do das dos em no na nos nas com pelo pela ao aos sobre entre
""".split()
)

# What office software writes as a file's author when nobody typed a name: an account or a
# default, never a person or an organisation (compared lower case, whitespace folded).
FILE_AUTHOR_PLACEHOLDERS: frozenset[str] = frozenset(
    """
    administrator administrador administrateur admin user usuario usuaria utilisateur utilisatrice
    utilizador usuário author autor auteur autora owner propietario propriétaire proprietário
    unknown desconocido inconnu desconhecido anonymous anónimo anonyme anônimo guest invitado invité
    convidado default
    """.split()
) | {
    "microsoft office user",
    "microsoft office-benutzer",
    "utilisateur de microsoft office",
    "usuario de microsoft office",
    "usuário do microsoft office",
    "windows user",
    "utilisateur windows",
    "usuario de windows",
    "usuário do windows",
    "python-docx",
}

# The first word of a state's formal name (`República Oriental del Uruguay`, `Republic of Korea`,
# `Kingdom of the Netherlands`): a signature line that starts with it names a state, not a person.
STATE_NAME_WORDS: frozenset[str] = frozenset(
    """
    republic república république república kingdom reino royaume state states estado estados état états
    commonwealth principality principado principauté sultanate sultanato sultanat emirate emirates emirato
    emiratos émirat émirats federation federación fédération federação confederation confederación
    """.split()
)
# What an annex or appendix is headed (`Annex`, `Anexo de la nota verbal de fecha ...`), lower case.
ANNEX_WORDS: frozenset[str] = frozenset("annex appendix anexo apéndice annexe appendice apêndice".split())
# Honorifics a speaker addresses the chair with (`Mr. Chairman:`, `Sr. Presidente:`), lower case.
HONORIFICS: frozenset[str] = frozenset(
    "mr. mrs. ms. madam sir sr. sra. señor señora señores monsieur madame m. mme senhor senhora sr.ª".split()
)
# Auxiliary and modal verbs: a line that holds one is a clause (`The text will be amended`),
# not a heading. Lower case.
AUXILIARY_VERBS: frozenset[str] = frozenset(
    """
    is are was were has have had will would shall should can could must does did
    es son fue fueron era eran será serán debe deben debería deberían puede pueden
    est sont était étaient sera seront doit doivent devrait peut peuvent
    é são foi foram era eram será serão deve devem deveria pode podem
""".split()
)
# Dates and places: the word a page prints before its own date (`Published 20 May 2024`,
# `Publicado el ...`, `Publié le ...`, `Publicado em ...`), and the word before a later revision's
# date, which is not the document's own. Neither is a place. Lower case.
PUBLISHED_WORDS: frozenset[str] = frozenset("published publicado publicada publié publiée".split())
UPDATED_WORDS: frozenset[str] = frozenset(
    "updated revised actualizado actualizada modificado modificada modifié modifiée atualizado atualizada".split()
)
# Words that open a byline or a caption (`By Maria Lopez`, `Photo: UNHCR`, `Fuente: OIM`),
# lower case: such a first line names who wrote or took something, never the title.
BYLINE_WORDS: frozenset[str] = frozenset(
    """
    by photo image credit source por foto imagen crédito fuente par crédit pelo pela fonte imagem
""".split()
)
