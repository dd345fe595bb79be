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
