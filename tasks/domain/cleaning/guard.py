"""Which cleaning rules removed real words: the guard against the next over-eager rule.

A rule that takes out noise (page numbers, OCR soup, markup) should take out no word a reader
would call a word; a rule that takes out page furniture (running headers, print notices) may
take out the words that furniture repeats. This module counts, per rule and per document, the
"dictionary-like" words each rule removed, so a test, a benchmark and the command line can say
when a rule deleted content.

A dictionary-like word needs no big lexicon. It is a token of letters only (any script; a token
mixing digits, like a job number, is not one) of at least three letters, not one letter
repeated (`lllll`), not a roman numeral, that reads as a word of this very document: it occurs
in the document's kept (clean) text, or it is a function word of the four corpus languages
(tasks/domain/lexicon.py), which any line of prose is full of. Words inside web addresses,
markup tags and document symbols (`A/INF/78/2`) are not counted: they are not prose. A rule
that deletes every occurrence of a rare word is seen only through the function words around
it: the evidence is the document's own vocabulary, not a dictionary.

What a removal removed is its text minus its replacement, word for word (a multiset
difference, after joining words a line-end hyphen cut): a join (`migra-⏎tion` → `migration`),
a ligature spelled out, or a move within one rule removes nothing.

Each rule has a class (below): strict by default, so a new rule must say why it may remove
words. A removed word is *excused* (no loss) for any class but strict and contents when the
same rule removes the same words again elsewhere in the document (furniture repeats); for
any class but strict when it stands in a phrase of two words or more that the clean text
still holds (a masthead's `United Nations`, a contents entry's `Activities of the
Committee`), or is a furniture label of the shared lexicon (`Page`, `Contents`, `Please
recycle`). Furniture and contents rules may remove excused words only; boilerplate (similar
documents, navigation, front matter) and table cells (moved to `tables`) are never over their
allowance, but what they delete for good counts in the document's lost share.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from typing import Sequence

from tasks.domain.lexicon import (
    ALL_FUNCTION_WORDS,
    CONTENTS_COLUMNS,
    CONTENTS_TITLES,
    DISTRIBUTION_VALUES,
    LANGUAGE_NAME_CODES,
    MONTH_NAMES,
    PRINT_NOTICES,
)
from tasks.domain.models import CleanedDocument, Removal

MIN_LETTERS = 3
_TOKEN = re.compile(r"\w+")
# A token of letters only: a run of letters that no digit or underscore touches (`GE.25` has
# none, `migration` is one).
_LETTERS = re.compile(r"(?<!\w)[^\W\d_]+(?!\w)")
# A word cut by a line-end hyphen, as printed (`-`, a soft hyphen, pdfium's U+FFFE mark).
_HYPHEN_BREAK = re.compile(r"(?<=[^\W\d_])[-\u00ad\ufffe\x02][ \t]*[\n\f](?:[ \t]*[\n\f])*[ \t]*(?=[^\W\d_])")
_SOFT_HYPHEN = re.compile(r"[\u00ad\ufffe\x02]")
_ADDRESS = re.compile(r"(?:https?://|ftp://|www\.)\S+|(?<!\S)[^\s@]+@\S+", re.I)
_TAG = re.compile(r"</?[A-Za-z][^<>\n]{0,300}>")
# A document symbol (`A/INF/78/2`, `E/2023/41/Corr.1`): its letters are series, not words.
_SYMBOL = re.compile(r"(?<![\w.()/-])[\w.()-]*\w/[\w./()-]*")
_ROMAN = re.compile(r"m{0,4}(?:cm|cd|d?c{0,3})(?:xc|xl|l?x{0,3})(?:ix|iv|v?i{0,3})")
# What may stand between two words of one phrase: blanks, a hyphen, an apostrophe. A line
# break, a leader, a digit or other punctuation ends the phrase.
_IN_PHRASE = re.compile(r"[ \t'’-]*")

# How much of a document's words a rule may remove. The default is STRICT: a new rule must
# say here why it removes words before it may.
STRICT = "strict"  # characters, marks, numbers, joins, OCR soup: no real word at all
FURNITURE = "furniture"  # page furniture: words it repeats, labels, phrases the text keeps
CONTENTS = "contents"  # a map of the document: words the text keeps (its headings), labels
BOILERPLATE = "boilerplate"  # whole non-body blocks by design (similar documents, navigation)
MOVED = "moved"  # text kept elsewhere: a table's cells land in the `tables` table

_RULE_CLASSES: dict[str, str] = {
    "drop_front_matter": BOILERPLATE,  # metadata, kept whole in the artifacts
    "drop_similar_documents_block": BOILERPLATE,
    "drop_transcription_marker": BOILERPLATE,
    "drop_scraper_furniture_lines": BOILERPLATE,
    "drop_end_marker": BOILERPLATE,
    "drop_image_placeholders": BOILERPLATE,
    "drop_contents_lists": CONTENTS,
    "drop_print_furniture_lines": FURNITURE,
    "strip_trailing_page_numbers": FURNITURE,
    "drop_page_number_lines": FURNITURE,
    "drop_running_headers_and_footers": FURNITURE,
}
# The readers' furniture (`pdf_reader`, `docx_reader`, `html_reader`), by kind; a web page's
# footer is its contact and legal links, a Word footer is printed on every page.
_READER_CLASSES: dict[str, str] = {
    "running_header": FURNITURE,
    "running_footer": FURNITURE,
    "footer": FURNITURE,
    "navigation": BOILERPLATE,
    "similar_documents": BOILERPLATE,
    "boilerplate": BOILERPLATE,
    "html_reader:footer": BOILERPLATE,
    "table": MOVED,
}
# Furniture repeats, but never makes much of a document: past this share of its words, even
# excused removals count (a rule taking every `Article N` line for a running header).
FURNITURE_MAX_SHARE = 0.10
# A document that lost more than this share of its words to cleaning is worth a look (the
# run summary and `consultations explain` say so). On the real documents and seeds, texts
# without boilerplate blocks lose at most 0.3%; web pages and posts that carry navigation,
# teasers or front matter lose 3.6% to 48%; the noise-injection corpus at most 3.1%.
FLAG_SHARE = 0.05
# Slack for a rule beyond its allowance, per document: a word on a thousand (an OCR line that
# happened to hold one real word in a long report), none on a short document.
TOLERANCE_SHARE = 0.001


def fold(word: str) -> str:
    return unicodedata.normalize("NFKC", word).casefold()


# A masthead's labels and values (`Distr.: General 18 June 2018`, `Original: English`) are read
# into document fields (tasks/domain/masthead.py): removed with a Word first-page header, they
# are not lost.
_MASTHEAD_WORDS = frozenset({"distr", "original", *DISTRIBUTION_VALUES, *LANGUAGE_NAME_CODES, *MONTH_NAMES})
_LABELS: frozenset[str] = frozenset(
    fold(word)
    for phrase in PRINT_NOTICES | CONTENTS_TITLES | CONTENTS_COLUMNS | _MASTHEAD_WORDS
    for word in _TOKEN.findall(phrase)
)


def rule_key(removal: Removal) -> str:
    """The rule's name without its version; a reader's furniture also by kind
    (`docx_reader:running_header`), as each kind has its own allowance."""
    name = removal.rule.split("@", 1)[0]
    return f"{name}:{removal.kind}" if name.endswith("_reader") else name


def rule_class(key: str) -> str:
    name, _, kind = key.partition(":")
    if name.endswith("_reader"):
        return _READER_CLASSES.get(key, _READER_CLASSES.get(kind, STRICT))
    return _RULE_CLASSES.get(name, STRICT)


@dataclass(frozen=True)
class Example:
    """One removal that took dictionary-like words out."""

    rule: str
    words: tuple[str, ...]  # the dictionary-like words it removed and nothing excuses, in order
    letters: int  # their letters
    excused: tuple[str, ...]  # the words it removed that its class excuses
    text: str  # what it removed, whole
    raw_start: int
    raw_end: int


@dataclass(frozen=True)
class RuleWords:
    """The dictionary-like words one rule removed from one document."""

    rule: str  # rule_key()
    allowance: str  # STRICT | FURNITURE | CONTENTS | BOILERPLATE | MOVED
    n_words: int
    n_letters: int
    n_excused: int  # of n_words, those the rule's class excuses
    examples: tuple[Example, ...] = ()  # most unexcused letters first

    def excess(self, doc_words: int) -> int:
        """Words removed beyond what the rule's class allows, tolerance not included."""
        if self.allowance in (BOILERPLATE, MOVED):
            return 0
        over_cap = max(0, self.n_excused - int(FURNITURE_MAX_SHARE * doc_words))
        return self.n_words - self.n_excused + over_cap


@dataclass(frozen=True)
class RemovedWords:
    """A document's dictionary-like words, and what each rule removed of them."""

    n_words: int  # dictionary-like words of the raw text
    rules: tuple[RuleWords, ...] = field(default_factory=tuple)  # most letters first

    @property
    def n_removed(self) -> int:
        """Words the cleaning deleted: a table's cells, which land in `tables`, are not."""
        return sum(r.n_words for r in self.rules if r.allowance != MOVED)

    @property
    def n_lost(self) -> int:
        """Deleted words nothing excuses: not repeated furniture, not kept elsewhere in the text."""
        return sum(r.n_words - r.n_excused for r in self.rules if r.allowance != MOVED)

    @property
    def removed_share(self) -> float:
        return self.n_removed / self.n_words if self.n_words else 0.0

    @property
    def lost_share(self) -> float:
        return self.n_lost / self.n_words if self.n_words else 0.0

    def tolerance(self) -> int:
        return int(TOLERANCE_SHARE * self.n_words)

    def over_allowance(self) -> list[RuleWords]:
        """Rules that removed more real words than their class allows, beyond the tolerance."""
        return [r for r in self.rules if r.excess(self.n_words) > self.tolerance()]


def flagged(found: RemovedWords) -> bool:
    """Whether cleaning took more of the document's words than a little furniture."""
    return found.lost_share > FLAG_SHARE


def _prose(text: str) -> str:
    """The text with cut words joined and addresses, tags and symbols blanked (the length kept
    where nothing is joined, so both ends of a removal's text still mean its ends)."""
    if "\n" in text or "\f" in text:
        text = _HYPHEN_BREAK.sub("", text)
    text = _SOFT_HYPHEN.sub("", text)
    blank = lambda m: " " * len(m.group())  # noqa: E731
    if "@" in text or "://" in text or "www." in text.lower():
        text = _ADDRESS.sub(blank, text)
    if "<" in text:
        text = _TAG.sub(blank, text)
    return _SYMBOL.sub(blank, text) if "/" in text else text


def _letter_tokens(text: str) -> list[re.Match]:
    return list(_LETTERS.finditer(text))


@dataclass(frozen=True)
class _Kept:
    """What the clean text holds: its words, and its word sequence for phrase look-ups."""

    words: frozenset[str]
    sequence: str  # " w1 w2 ... " folded

    @classmethod
    def of(cls, clean_text: str) -> "_Kept":
        tokens = [m.group() for m in _letter_tokens(_prose(clean_text))]
        folded = {t: fold(t) for t in set(tokens)}
        sequence = " " + " ".join(folded[t] for t in tokens) + " "
        return cls(frozenset(f for f in folded.values() if len(f) >= MIN_LETTERS), sequence)

    def holds(self, phrase: Sequence[str]) -> bool:
        return len(phrase) >= 2 and f" {' '.join(phrase)} " in self.sequence


def is_dictionary_like(word: str, known: frozenset[str]) -> bool:
    folded = fold(word)
    if len(folded) < MIN_LETTERS or not folded.isalpha() or len(set(folded)) == 1:
        return False
    if _ROMAN.fullmatch(folded):
        return False
    return folded in known or folded in ALL_FUNCTION_WORDS


def count_words(text: str, known: frozenset[str]) -> int:
    tokens = Counter(m.group() for m in _letter_tokens(_prose(text)))
    return sum(n for token, n in tokens.items() if is_dictionary_like(token, known))


@dataclass(frozen=True)
class _Token:
    key: str  # the folded token as it stands in the removal (maybe a cut piece of a word)
    word: str  # the whole word in the raw text, for the dictionary test
    phrase: tuple[str, ...]  # the folded tokens of its phrase in the removal


def _removal_tokens(r: Removal, raw_text: str) -> list[_Token]:
    """The removal's letter tokens. A token cut at either end of the removal is a piece of a
    raw word: the piece is what went, the whole word decides whether it was a word."""
    text = _prose(r.text)
    cut_before = r.raw_start > 0 and raw_text[r.raw_start - 1].isalnum() and r.text[:1].isalnum()
    cut_after = r.raw_end < len(raw_text) and raw_text[r.raw_end].isalnum() and r.text[-1:].isalnum()
    matches = _letter_tokens(text)
    phrases: list[list[int]] = []
    for i, m in enumerate(matches):
        joined = i and _IN_PHRASE.fullmatch(text, matches[i - 1].end(), m.start())
        if joined:
            phrases[-1].append(i)
        else:
            phrases.append([i])
    out = []
    for members in phrases:
        phrase = tuple(fold(matches[i].group()) for i in members)
        for i in members:
            m, word = matches[i], matches[i].group()
            if cut_before and m.start() == 0:
                word = _word_end_before(raw_text, r.raw_start) + word
            if cut_after and m.end() == len(text):
                word += _word_start_after(raw_text, r.raw_end)
            out.append(_Token(fold(m.group()), word, phrase))
    return out


def _word_end_before(raw_text: str, pos: int) -> str:
    start = pos
    while start > 0 and raw_text[start - 1].isalnum():
        start -= 1
    return raw_text[start:pos]


def _word_start_after(raw_text: str, pos: int) -> str:
    end = pos
    while end < len(raw_text) and raw_text[end].isalnum():
        end += 1
    return raw_text[pos:end]


def _removed_tokens(r: Removal, raw_text: str, known: frozenset[str]) -> tuple[list[_Token], Counter]:
    """The dictionary-like tokens of the removal's text that its replacement does not put back,
    and the replacement's tokens left over (words it puts in, maybe moved from elsewhere)."""
    put_back = Counter(fold(m.group()) for m in _letter_tokens(_prose(r.replacement)))
    removed = []
    for token in _removal_tokens(r, raw_text):
        if put_back[token.key] > 0:
            put_back[token.key] -= 1
        elif is_dictionary_like(token.word, known):
            removed.append(token)
    return removed, +put_back


def removed_words(doc: CleanedDocument, max_examples: int = 5) -> RemovedWords:
    return removed_words_of(doc.raw.raw_text, doc.clean_text, doc.removals, max_examples)


def removed_words_of(
    raw_text: str, clean_text: str, removals: Sequence[Removal], max_examples: int = 5
) -> RemovedWords:
    """Per rule, the dictionary-like words the removals took out of `raw_text` (whose
    cleaning gave `clean_text`). Within one rule, words one removal takes and another puts
    in (a move) cancel out."""
    kept = _Kept.of(clean_text)
    by_rule: dict[str, list[tuple[Removal, list[_Token]]]] = defaultdict(list)
    put_in: dict[str, Counter] = defaultdict(Counter)
    for r in removals:
        key = rule_key(r)
        removed, leftover = _removed_tokens(r, raw_text, kept.words)
        by_rule[key].append((r, removed))
        put_in[key].update(leftover)
    rules = [_rule_words(key, found, put_in[key], kept, max_examples) for key, found in by_rule.items()]
    rules = [r for r in rules if r.n_words]
    rules.sort(key=lambda r: (-(r.n_words - r.n_excused), -r.n_words, r.rule))
    return RemovedWords(count_words(raw_text, kept.words), tuple(rules))


def _rule_words(
    key: str, found: list[tuple[Removal, list[_Token]]], put_in: Counter, kept: _Kept, max_examples: int
) -> RuleWords:
    allowance, moved = rule_class(key), Counter(put_in)
    repeats = Counter(frozenset(t.key for t in tokens) for _, tokens in found if tokens)
    examples, n_words, n_letters, n_excused = [], 0, 0, 0
    for r, tokens in found:
        taken = []
        for t in tokens:
            if moved[t.key] > 0:
                moved[t.key] -= 1
            else:
                taken.append(t)
        if not taken:
            continue
        repeated = repeats[frozenset(t.key for t in tokens)] >= 2
        excused = [t for t in taken if _excused(t, allowance, repeated, kept)]
        words = [t.key for t in taken if t not in excused]
        n_words, n_excused = n_words + len(taken), n_excused + len(excused)
        n_letters += sum(len(t.key) for t in taken)
        if max_examples:  # the hot path (every landed document) only needs the counts
            examples.append(
                Example(
                    key,
                    tuple(words),
                    sum(map(len, words)),
                    tuple(t.key for t in excused),
                    r.text,
                    r.raw_start,
                    r.raw_end,
                )
            )
    examples.sort(key=lambda e: (-e.letters, -len(e.excused), e.raw_start))
    return RuleWords(key, allowance, n_words, n_letters, n_excused, tuple(examples[:max_examples]))


def _excused(t: _Token, allowance: str, repeated: bool, kept: _Kept) -> bool:
    """Whether a removed word is no loss for a rule of this class. A strict rule has no
    excuse; boilerplate is never over its allowance, but only what is kept elsewhere or
    repeated is no loss (the document's lost share counts the rest)."""
    if allowance == STRICT:
        return False
    if repeated and allowance != CONTENTS:
        return True
    if allowance == CONTENTS and len(t.phrase) == 1 and t.key in kept.words:
        return True  # a one-word entry (`Introduction`) the text keeps as its heading
    return t.key in _LABELS or kept.holds(t.phrase)
