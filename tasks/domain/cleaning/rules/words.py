"""Words broken across lines by hyphenation.

A hyphen at a line end is evidence of one of two things: a word the typesetter cut
(`migra-⏎tion`) or a compound that happened to end the line at its own hyphen
(`Secretary-⏎General`, `sixty-⏎third`, `encontrá-⏎lo`, `Estados-⏎miembros`). pdfium's line-end
hyphen mark (U+FFFE) says no more than that, and the PDF reader writes it back as the `-` the
page printed. The hyphen is dropped only when the joined form is a word the document knows, or
when nothing says the hyphenated form is a compound; it is always kept inside a web address or
an e-mail address, and before a capital."""

from __future__ import annotations

import re
from collections import Counter
from typing import Iterator

from tasks.domain.cleaning.engine import Edit
from tasks.domain.lexicon import (
    ALL_FUNCTION_WORDS,
    NUMBER_COMPOUND_FIRST,
    NUMBER_COMPOUND_SECOND,
    PORTUGUESE_CLITICS,
    PORTUGUESE_UNAMBIGUOUS_CLITICS,
)

_GAP = r"([ \t]*[\n\f](?:[ \t]*[\n\f])*[ \t]*)"
# A letter word, a hyphen at the line end (maybe across a page break), a letter continuation.
# Digits and slashes before the hyphen (`A/RES/71/-`, `COVID-⏎19`) are never hyphenation.
_BROKEN = re.compile(r"(?<![\w/])([^\W\d_]{1,40})-" + _GAP + r"([^\W\d_]{1,40})")
# A hyphen at a line end inside a web or e-mail address: the address's own hyphen.
_LINE_END_HYPHEN = re.compile(r"(?<=[\w.])-" + _GAP + r"(?=\w)")
_ADDRESS = re.compile(r"https?://|www\.|\w@\w", re.I)
_WORD = re.compile(r"[^\W\d_]+(?:-[^\W\d_]+)*")
# Real compounds that a line break can split at their own hyphen, in the four languages.
# Only parts that are words of their own: a bare prefix (`inter`, `pro`, `co`) is as often
# the first syllables of a plain word (`inter-national`, `pro-tección`), which are joined.
_COMPOUND_FIRST = frozenset(
    """
non self vice ex well cross follow long short high low mid socio sócio bem mal recém
além peut demi grand
""".split()
)
_COMPOUND_SECOND = frozenset(
    """
membros membro membres membre miembros miembro être là ci up based known making term level led
related wide responsive sensitive oriented specific friendly centred centered sharing building
""".split()
)
# A Portuguese verb before an enclitic pronoun ends in a stressed vowel (`encontrá-lo`,
# `fazê-la`), an infinitive's `r` (`dar-se`) or a person ending (`tornou-se`, `deram-lhe`).
_PORTUGUESE_VERB_END = re.compile(r"(?:[áéêíóô]|[aeiou]r|ou|eu|iu|am|em|ei|ui)$")
# Both halves must be words of their own, at least this long, for an unlisted compound.
_MIN_PART = 3


def join_words_broken_by_hyphenation(text: str) -> Iterator[Edit]:
    """`migra-\\ntion` becomes `migration`. A real compound split at its hyphen
    (`Estados-\\nmembros`, `well-\\nknown`) keeps its hyphen and loses only the line break.
    The document's own spelling decides first: a form seen elsewhere in it wins."""
    address_gaps = [m for m in _LINE_END_HYPHEN.finditer(text) if _in_address(text, m.start(), m.end())]
    for m in address_gaps:
        yield Edit(m.start(1), m.end(1), "hyphenation")
    in_address = {m.start(1) for m in address_gaps}
    broken = [m for m in _BROKEN.finditer(text) if m.start(2) not in in_address]
    vocabulary = _vocabulary(text, broken)
    for m in broken:
        first, second = m.group(1), m.group(3)
        if not second[0].islower() or _is_compound(first.lower(), second.lower(), vocabulary):
            yield Edit(m.start(2), m.end(2), "hyphenation")
        else:
            yield Edit(m.end(1), m.end(2), "hyphenation")


def _in_address(text: str, hyphen: int, after: int) -> bool:
    """The hyphen and what follows the break make one web or e-mail address."""
    start = max(text.rfind(" ", 0, hyphen), text.rfind("\n", 0, hyphen)) + 1
    end = after
    while end < len(text) and not text[end].isspace():
        end += 1
    return bool(_ADDRESS.search(text[start:hyphen] + text[after:end]))


def _vocabulary(text: str, broken: list[re.Match]) -> Counter:
    """The document's words, less the halves of the words cut at line ends."""
    if not broken:
        return Counter()
    vocabulary = Counter(w.lower() for w in _WORD.findall(text))
    vocabulary.subtract(m.group(k).lower() for m in broken for k in (1, 3))
    return vocabulary


def _is_compound(first: str, second: str, vocabulary: Counter) -> bool:
    joined, hyphenated = first + second, f"{first}-{second}"
    if vocabulary[hyphenated] > vocabulary[joined]:
        return True
    if vocabulary[joined]:
        return False
    if first in _COMPOUND_FIRST or second in _COMPOUND_SECOND:
        return True
    if first in NUMBER_COMPOUND_FIRST and second in NUMBER_COMPOUND_SECOND:
        return True
    if second in PORTUGUESE_UNAMBIGUOUS_CLITICS or (
        second in PORTUGUESE_CLITICS and _PORTUGUESE_VERB_END.search(first)
    ):
        return True
    return _both_words_of_the_document(first, second, vocabulary)


def _both_words_of_the_document(first: str, second: str, vocabulary: Counter) -> bool:
    """`middle-⏎income`: both halves stand as words elsewhere in the document, neither is a
    function word (`with-⏎out`, `some-⏎thing` are cut words) and the joined form is not."""
    return all(
        len(part) >= _MIN_PART and vocabulary[part] > 0 and part not in ALL_FUNCTION_WORDS for part in (first, second)
    )
