"""Words broken across lines by hyphenation."""
from __future__ import annotations

import re
from collections import Counter
from typing import Iterator

from tasks.domain.cleaning.engine import Edit

# A letter word, a hyphen at the line end (maybe across a page break), a lower-case
# continuation. Digits, slashes and capitals around the hyphen (`A/RES/71/-`, `COVID-\n19`)
# are never hyphenation.
_BROKEN = re.compile(r"(?<![\w/])([^\W\d_]{1,40})-([ \t]*[\n\f](?:[ \t]*[\n\f])*[ \t]*)([^\W\d_]{1,40})")
_WORD = re.compile(r"[^\W\d_]+(?:-[^\W\d_]+)*")
# Real compounds that a line break can split at their own hyphen, in the four languages.
# Only parts that are words of their own: a bare prefix (`inter`, `pro`, `co`) is as often
# the first syllables of a plain word (`inter-national`, `pro-tección`), which are joined.
_COMPOUND_FIRST = frozenset("""
non self vice ex well cross follow long short high low mid socio sócio bem mal recém
além peut demi grand
""".split())
_COMPOUND_SECOND = frozenset("""
membros membro membres membre être là ci up based known making term level led related wide
responsive sensitive oriented specific friendly centred centered sharing building
""".split())


def join_words_broken_by_hyphenation(text: str) -> Iterator[Edit]:
    """`migra-\\ntion` becomes `migration`. A real compound split at its hyphen
    (`Estados-\\nmembros`, `well-\\nknown`) keeps its hyphen and loses only the line break.
    The document's own spelling decides first: a form seen elsewhere in it wins."""
    broken = list(_BROKEN.finditer(text))
    vocabulary = Counter(w.lower() for w in _WORD.findall(text)) if broken else Counter()
    for m in broken:
        first, gap, second = m.group(1), m.group(2), m.group(3)
        if not second[0].islower():
            continue
        if _is_compound(first.lower(), second.lower(), vocabulary):
            yield Edit(m.start(2), m.end(2), "hyphenation")
        else:
            yield Edit(m.end(1), m.end(2), "hyphenation")


def _is_compound(first: str, second: str, vocabulary: Counter) -> bool:
    joined, hyphenated = first + second, f"{first}-{second}"
    if vocabulary[hyphenated] > vocabulary[joined]:
        return True
    if vocabulary[joined]:
        return False
    return first in _COMPOUND_FIRST or second in _COMPOUND_SECOND
