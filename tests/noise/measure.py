"""Measure a cleaner on noisy documents: noise removed per class, real words kept.

A cleaner takes a `NoisyDocument` and returns `(clean_text, removals)` like the engine does
(removals with raw offsets; replaying them on the raw text must give the clean text, or the
measurement refuses to go on). Both figures are computed from raw offsets, not by searching
strings, so a noise string that happens to equal a real word elsewhere cannot be confused
with it:

- noise removed: a "gone" item is removed when every character of it other than blanks and
  newlines lies inside some removal, and none of those removals puts the item back in its
  replacement (a ligature "ﬁ" replaced by "fi" is removed; "**" replaced by "**" is not). A
  "joined" item (a page break that cut a sentence) is removed when the clean text between the
  word before and the word after holds no blank line and no form feed.
- real words kept: every word of the clean paragraphs (a run of letters and digits) must be
  a word of the clean text, with exactly the same letters, and made from that word's own raw
  characters (copied, or produced by a removal that overlaps it or is contiguous with one
  that does: "migra-\\ntion" rejoined, "ﬁnancement" normalised, "[A/RES/71/1](#)" unwrapped).
  Each clean word is matched at most once, and clean-text order follows raw order, so order
  is respected.

`oracle_cleaner` applies exactly the recorded edits (it must score 100% / 100%),
`identity_cleaner` changes nothing (0% removed; it keeps exactly the words with no noise
inside them), `rules_cleaner` is the project's cleaning.
"""

from __future__ import annotations

import bisect
import re
import unicodedata
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from typing import Callable, Iterable, Sequence

from tasks.domain.cleaning import clean_document
from tasks.domain.cleaning.engine import raw_to_clean, replay
from tasks.domain.models import RawDocument, Removal
from tests.noise.inject import CLASSES, WORD_RE, NoiseItem, NoisyDocument, build_documents

Cleaner = Callable[[NoisyDocument], tuple[str, Sequence[Removal]]]

NOISE_TARGET = 0.95
WORDS_TARGET = 0.995
MAX_EXAMPLES = 10
_BLANK = " \t\r\n"
_PARAGRAPH_BREAK = re.compile(r"\n[^\S\n]*\n|\f")


# ----------------------------------------------------------------------------- cleaners


def rules_cleaner(doc: NoisyDocument) -> tuple[str, Sequence[Removal]]:
    cleaned = clean_document(RawDocument(doc.doc_id, f"noise/{doc.doc_id}.txt", "txt", doc.raw, "utf-8"))
    return cleaned.clean_text, cleaned.removals


def identity_cleaner(doc: NoisyDocument) -> tuple[str, Sequence[Removal]]:
    return doc.raw, []


def oracle_cleaner(doc: NoisyDocument) -> tuple[str, Sequence[Removal]]:
    removals = [
        Removal(e.kind, "oracle@1", doc.raw[e.start : e.end], e.replacement, e.start, e.end) for e in doc.oracle
    ]
    return replay(doc.raw, removals), removals


def oracle_for(classes: Iterable[str]) -> Cleaner:
    """A perfect cleaner for some classes only (it leaves every other class in place)."""
    wanted = frozenset(classes)

    def cleaner(doc: NoisyDocument) -> tuple[str, Sequence[Removal]]:
        chosen: list[NoiseItem] = []
        for item in sorted((i for i in doc.noise if i.cls in wanted), key=lambda i: (i.start, -i.end)):
            if chosen and item.end <= chosen[-1].end:
                continue  # inside a page break already taken out whole
            chosen.append(item)
        removals = [Removal(i.cls, "oracle@1", i.text, i.equiv, i.start, i.end) for i in chosen]
        return replay(doc.raw, removals), removals

    return cleaner


# ----------------------------------------------------------------------------- report


@dataclass
class Example:
    doc_id: str
    cls: str  # noise class (missed noise) or cause (lost word)
    form: str
    text: str
    raw_context: str
    clean_context: str
    rules: tuple[str, ...] = ()  # removals touching it: "rule: 'text' -> 'replacement'"

    def __str__(self) -> str:
        lines = [
            f"[{self.doc_id}] {self.cls}/{self.form}: {self.text!r}",
            f"    raw:   {self.raw_context!r}",
            f"    clean: {self.clean_context!r}",
        ]
        lines += [f"    by:    {r}" for r in self.rules]
        return "\n".join(lines)


@dataclass
class ClassStats:
    injected: int = 0
    removed: int = 0
    forms: dict[str, list[int]] = field(default_factory=dict)  # form -> [injected, removed]

    @property
    def share(self) -> float:
        return self.removed / self.injected if self.injected else 1.0

    def add(self, form: str, removed: bool) -> None:
        self.injected += 1
        self.removed += removed
        counts = self.forms.setdefault(form, [0, 0])
        counts[0] += 1
        counts[1] += removed


@dataclass
class Report:
    seed: int | None
    n_docs: int = 0
    classes: dict[str, ClassStats] = field(default_factory=lambda: {c: ClassStats() for c in CLASSES})
    n_words: int = 0
    n_kept: int = 0
    missed: list[Example] = field(default_factory=list)  # first MAX_EXAMPLES, all classes
    lost: list[Example] = field(default_factory=list)
    missed_by_class: dict[str, list[Example]] = field(default_factory=lambda: defaultdict(list))
    lost_by_cause: dict[str, list[Example]] = field(default_factory=lambda: defaultdict(list))
    lost_causes: Counter = field(default_factory=Counter)  # cause -> lost words
    lost_rules: Counter = field(default_factory=Counter)  # rule touching a lost word -> count
    lost_words: Counter = field(default_factory=Counter)  # word -> times lost

    @property
    def n_noise(self) -> int:
        return sum(s.injected for s in self.classes.values())

    @property
    def n_removed(self) -> int:
        return sum(s.removed for s in self.classes.values())

    @property
    def noise_removed_share(self) -> float:
        return self.n_removed / self.n_noise if self.n_noise else 1.0

    @property
    def words_kept_share(self) -> float:
        return self.n_kept / self.n_words if self.n_words else 1.0

    @property
    def meets_targets(self) -> bool:
        return self.noise_removed_share >= NOISE_TARGET and self.words_kept_share >= WORDS_TARGET

    def table(self, forms: bool = False) -> str:
        rows = [f"{'class':<22}{'injected':>9}{'removed':>9}{'share':>9}"]
        for cls, s in self.classes.items():
            rows.append(f"{cls:<22}{s.injected:>9}{s.removed:>9}{_pct(s.share):>9}")
            if forms and s.removed < s.injected:
                for form, (n, r) in sorted(s.forms.items(), key=lambda kv: kv[1][1] / kv[1][0]):
                    rows.append(f"  {form[:36]:<38}{n:>5}{r:>9}{_pct(r / n):>9}")
        rows.append(
            f"{'all noise':<22}{self.n_noise:>9}{self.n_removed:>9}{_pct(self.noise_removed_share):>9}"
            f"   target >= {_pct(NOISE_TARGET)}"
        )
        rows.append(
            f"{'real words kept':<22}{self.n_words:>9}{self.n_kept:>9}{_pct(self.words_kept_share):>9}"
            f"   target >= {_pct(WORDS_TARGET, 1)}"
        )
        return "\n".join(rows)

    def summary(self, examples: int = 3) -> str:
        """The table plus a few examples per class: what an assertion message should show."""
        parts = [self.table()]
        for cls, exs in self.missed_by_class.items():
            parts += [f"-- missed {cls}"] + [str(e) for e in exs[:examples]]
        for cause, exs in self.lost_by_cause.items():
            parts += [f"-- lost words near {cause}"] + [str(e) for e in exs[:examples]]
        return "\n".join(parts)


def _pct(x: float, digits: int = 1) -> str:
    return f"{100 * x:.{digits}f}%"


# ----------------------------------------------------------------------------- measurement


def measure(seed: int, n_docs: int, cleaner: Cleaner = rules_cleaner) -> Report:
    """Build `n_docs` noisy documents from `seed`, clean them, and measure."""
    return measure_documents(build_documents(seed, n_docs), cleaner, seed)


def measure_documents(
    docs: Iterable[NoisyDocument], cleaner: Cleaner = rules_cleaner, seed: int | None = None
) -> Report:
    report = Report(seed)
    for doc in docs:
        text, removals = cleaner(doc)
        evaluate(doc, text, removals, report)
    return report


def _clip(s: str, lo: int, hi: int) -> str:
    return s[max(0, lo) : max(0, hi)]


def evaluate(doc: NoisyDocument, text: str, removals: Sequence[Removal], report: Report) -> None:
    """Add one cleaned document to `report`."""
    raw = doc.raw
    removals = sorted(removals, key=lambda r: (r.raw_start, r.raw_end))
    if replay(raw, removals) != text:
        raise AssertionError(f"{doc.doc_id}: replaying the removals does not give the clean text")
    for r in removals:
        if raw[r.raw_start : r.raw_end] != r.text:
            raise AssertionError(f"{doc.doc_id}: removal {r} does not hold its raw slice")
    report.n_docs += 1
    to_clean = raw_to_clean(removals)
    starts = [r.raw_start for r in removals]

    # Which removal covers each raw character (-1: copied into the clean text).
    covered = [-1] * len(raw)
    for i, r in enumerate(removals):
        covered[r.raw_start : r.raw_end] = [i] * (r.raw_end - r.raw_start)

    def touching(lo: int, hi: int) -> list[int]:
        """Removals overlapping raw[lo:hi] (or, for an empty removal, strictly inside it)."""
        out = []
        k = bisect.bisect_left(starts, hi) - 1
        while k >= 0 and removals[k].raw_end > lo - 1:
            r = removals[k]
            if r.raw_end > lo or (r.raw_start == r.raw_end and lo <= r.raw_start <= hi):
                out.append(k)
            k -= 1
        return sorted(out)

    def describe(ks: Iterable[int]) -> tuple[str, ...]:
        return tuple(f"{removals[k].rule}: {removals[k].text!r} -> {removals[k].replacement!r}" for k in ks)

    def clean_context(lo: int, hi: int) -> str:
        return _clip(text, to_clean(lo) - 40, to_clean(hi) + 40)

    # --- noise
    for item in doc.noise:
        if item.check == "joined":
            gap = text[to_clean(item.start) : to_clean(item.end)]
            removed = not _PARAGRAPH_BREAK.search(gap)
        else:
            visible = [p for p in range(item.start, item.end) if raw[p] not in _BLANK]
            removed = all(covered[p] >= 0 for p in visible)
            if removed:
                core = item.text.strip(_BLANK)
                removed = not any(
                    _puts_back(removals[k].replacement, core) for k in sorted({covered[p] for p in visible})
                )
        report.classes[item.cls].add(item.form, removed)
        if not removed:
            ex = Example(
                doc.doc_id,
                item.cls,
                item.form,
                item.text,
                _clip(raw, item.start - 40, item.end + 40),
                clean_context(item.start, item.end),
                describe(touching(item.start, item.end)),
            )
            _keep(report.missed, ex)
            _keep(report.missed_by_class[item.cls], ex)

    # --- real words: where each clean character comes from
    origin: list[int] = []  # raw index (>= 0) or ~removal index
    pos = 0
    for i, r in enumerate(removals):
        origin += range(pos, r.raw_start)
        origin += [~i] * len(r.replacement)
        pos = r.raw_end
    origin += range(pos, len(raw))
    token_at_raw: dict[int, int] = {}
    tokens_of_removal: dict[int, list[int]] = defaultdict(list)
    tokens = []
    for t, m in enumerate(WORD_RE.finditer(text)):
        tokens.append(unicodedata.normalize("NFC", m.group()))
        for c in range(m.start(), m.end()):
            o = origin[c]
            if o >= 0:
                token_at_raw[o] = t
            elif not tokens_of_removal[~o] or tokens_of_removal[~o][-1] != t:
                tokens_of_removal[~o].append(t)
    used: set[int] = set()
    for w in doc.words:
        report.n_words += 1
        candidates = {token_at_raw[p] for p in range(w.start, w.end) if p in token_at_raw}
        for k in _chained(removals, touching(w.start, w.end), w.start, w.end):
            candidates.update(tokens_of_removal.get(k, ()))
        match = min((t for t in candidates if t not in used and tokens[t] == w.text), default=None)
        if match is not None:
            used.add(match)
            report.n_kept += 1
            continue
        cause = _cause(doc.noise, w.start, w.end)
        rules = describe(touching(w.start - 1, w.end + 1))
        ex = Example(
            doc.doc_id,
            cause,
            "word",
            w.text,
            _clip(raw, w.start - 40, w.end + 40),
            clean_context(w.start, w.end),
            rules,
        )
        _keep(report.lost, ex)
        _keep(report.lost_by_cause[cause], ex)
        report.lost_causes[cause] += 1
        report.lost_words[w.text] += 1
        for rule in {r.split(":")[0] for r in rules} or {"(no removal touches it)"}:
            report.lost_rules[rule] += 1


def _chained(removals: Sequence[Removal], ks: list[int], start: int, end: int, reach: int = 80) -> set[int]:
    """`ks` and the removals contiguous with them (within `reach` of the word). One edit over
    text with an earlier deletion inside is recorded as several contiguous removals, the whole
    replacement on the last: `[S’agis` -> '' + `\xad` -> '' + `sant du](#)` -> 'S’agissant du'.
    The word's letters then come from a neighbouring removal, and still count as its own."""
    out = set(ks)
    for k in ks:
        j = k
        while j > 0 and removals[j - 1].raw_end == removals[j].raw_start and removals[j - 1].raw_start >= start - reach:
            j -= 1
            out.add(j)
        j = k
        while (
            j + 1 < len(removals)
            and removals[j + 1].raw_start == removals[j].raw_end
            and removals[j + 1].raw_end <= end + reach
        ):
            j += 1
            out.add(j)
    return out


def _puts_back(replacement: str, core: str) -> bool:
    if not core or not replacement:
        return False
    if WORD_RE.fullmatch(core):  # "3", "Download": as a whole word only
        return re.search(rf"(?<![^\W_]){re.escape(core)}(?![^\W_])", replacement) is not None
    return core in replacement


def _cause(noise: Sequence[NoiseItem], start: int, end: int) -> str:
    """The noise classes inside or touching a lost word, else the nearest one within 40
    characters ("near:..."), else "content" (a rule ate clean text)."""
    inside = sorted({i.cls for i in noise if i.start <= end and i.end >= start})
    if inside:
        return "+".join(inside)
    near = [(min(abs(i.start - end), abs(start - i.end)), i.cls) for i in noise]
    near = [n for n in near if n[0] <= 40]
    return "near:" + min(near)[1] if near else "content"


def _keep(examples: list[Example], ex: Example) -> None:
    if len(examples) < MAX_EXAMPLES:
        examples.append(ex)
