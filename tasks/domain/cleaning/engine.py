"""The cleaning engine: applies ordered rules to a text and keeps the audit trail.

Rules see only the current text and propose edits on it. The engine maps every edit back to
raw offsets, so each removal is recorded once, with exactly the raw text it took out, and
replaying the removals on the raw text gives the clean text. A rule author cannot forget the
audit: the engine records whatever a rule edits.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from dataclasses import dataclass, replace
from typing import Callable, Iterable, Sequence

from tasks.domain.models import Removal


@dataclass(frozen=True)
class Edit:
    """A proposed change to the current text: `text[start:end]` becomes `replacement`."""

    start: int
    end: int
    kind: str
    replacement: str = ""


@dataclass(frozen=True)
class Rule:
    """A named cleaning rule: a pure function from the current text to edits on it.

    `formats` limits a rule to the source formats whose text can hold its noise (page
    numbers only where there are pages); empty means every format."""

    name: str
    version: int
    find: Callable[[str], Iterable[Edit]]
    formats: frozenset[str] = frozenset()

    def applies_to(self, source_format: str) -> bool:
        return not self.formats or source_format in self.formats

    @property
    def label(self) -> str:
        return f"{self.name}@{self.version}"


@dataclass(frozen=True)
class _Segment:
    cur_start: int
    cur_end: int
    raw_start: int
    raw_end: int
    removal: int | None  # index into the removal list; None for text copied from raw


def replay(raw_text: str, removals: Sequence[Removal]) -> str:
    """The clean text that `removals` (non-overlapping, any order) make of `raw_text`."""
    out, pos = [], 0
    for r in sorted(removals, key=lambda r: (r.raw_start, r.raw_end)):
        out.append(raw_text[pos : r.raw_start])
        out.append(r.replacement)
        pos = r.raw_end
    out.append(raw_text[pos:])
    return "".join(out)


def _segments(raw_len: int, removals: Sequence[Removal]) -> list[_Segment]:
    segments, cur, pos = [], 0, 0
    for index, r in enumerate(removals):
        if r.raw_start > pos:
            length = r.raw_start - pos
            segments.append(_Segment(cur, cur + length, pos, r.raw_start, None))
            cur += length
        segments.append(_Segment(cur, cur + len(r.replacement), r.raw_start, r.raw_end, index))
        cur += len(r.replacement)
        pos = r.raw_end
    if pos < raw_len:
        segments.append(_Segment(cur, cur + raw_len - pos, pos, raw_len, None))
    return segments


class Ledger:
    """The raw text, the removals so far, and the current text they make."""

    def __init__(self, raw_text: str):
        self.raw_text = raw_text
        self.removals: list[Removal] = []
        self.text = raw_text

    def apply(self, rule: Rule) -> int:
        """Apply one rule's edits; returns how many removals it recorded."""
        edits = sorted(rule.find(self.text), key=lambda e: (e.start, e.end))
        edits = [e for e in edits if e.end > e.start and self.text[e.start : e.end] != e.replacement]
        if not edits:
            return 0
        _check_disjoint(rule, edits)
        segments = _segments(len(self.raw_text), self.removals)
        seg_ends = [s.cur_end for s in segments]
        absorbed: set[int] = set()
        added: list[Removal] = []
        for edit in edits:
            added.extend(self._record(edit, rule.label, _touched(segments, seg_ends, edit), absorbed))
        kept = [r for i, r in enumerate(self.removals) if i not in absorbed]
        self.removals = sorted(kept + added, key=lambda r: (r.raw_start, r.raw_end))
        self.text = replay(self.raw_text, self.removals)
        return len(added)

    def _record(self, edit: Edit, label: str, touched: list[_Segment], absorbed: set[int]) -> list[Removal]:
        if any(s.removal is not None and s.cur_end > s.cur_start for s in touched):
            return [self._merge(edit, label, touched, absorbed)]
        return self._split(edit, label, touched)

    def _split(self, edit: Edit, label: str, touched: list[_Segment]) -> list[Removal]:
        """The edit covers copied text only, maybe around earlier deletions: one removal per
        contiguous raw run, so earlier removals keep their own rule and kind."""
        runs: list[list[int]] = []
        for s in touched:
            if s.removal is not None:  # an earlier deletion inside the edit: start a new run
                runs.append([])
                continue
            lo = s.raw_start + max(edit.start, s.cur_start) - s.cur_start
            hi = s.raw_start + min(edit.end, s.cur_end) - s.cur_start
            if runs and runs[-1] and runs[-1][1] == lo:
                runs[-1][1] = hi
            else:
                runs.append([lo, hi])
        spans = [r for r in runs if r]
        return [
            Removal(edit.kind, label, self.raw_text[lo:hi], edit.replacement if i == len(spans) - 1 else "", lo, hi)
            for i, (lo, hi) in enumerate(spans)
        ]

    def _merge(self, edit: Edit, label: str, touched: list[_Segment], absorbed: set[int]) -> Removal:
        """The edit changes text an earlier rule put in: one removal covers both, so the
        raw text stays whole in the audit and replay stays exact."""
        cur_lo, cur_hi, raw_lo, raw_hi = edit.start, edit.end, None, None
        for s in touched:
            if s.removal is not None:
                absorbed.add(s.removal)
                cur_lo, cur_hi = min(cur_lo, s.cur_start), max(cur_hi, s.cur_end)
        for s in touched:
            if s.cur_start <= cur_lo < s.cur_end or (s.removal is not None and s.cur_start == cur_lo):
                lo = s.raw_start if s.removal is not None else s.raw_start + cur_lo - s.cur_start
                raw_lo = lo if raw_lo is None else min(raw_lo, lo)
            if s.cur_start < cur_hi <= s.cur_end or (s.removal is not None and s.cur_end == cur_hi):
                hi = s.raw_end if s.removal is not None else s.raw_start + cur_hi - s.cur_start
                raw_hi = hi if raw_hi is None else max(raw_hi, hi)
        assert raw_lo is not None and raw_hi is not None
        replacement = self.text[cur_lo : edit.start] + edit.replacement + self.text[edit.end : cur_hi]
        return Removal(edit.kind, label, self.raw_text[raw_lo:raw_hi], replacement, raw_lo, raw_hi)


def _touched(segments: list[_Segment], seg_ends: list[int], edit: Edit) -> list[_Segment]:
    """The segments an edit touches, in order. Segments tile the current text, so their ends
    rise: a bisection finds the first one that can touch the edit, and the scan stops at the
    edit's end (never a scan of every segment for every edit)."""
    touched = []
    for i in range(bisect_left(seg_ends, edit.start), len(segments)):
        s = segments[i]
        if s.cur_start >= edit.end:
            break
        if _touches(s, edit):
            touched.append(s)
    return touched


def _touches(s: _Segment, edit: Edit) -> bool:
    if s.cur_end > s.cur_start:
        return s.cur_start < edit.end and s.cur_end > edit.start
    return edit.start < s.cur_start < edit.end  # an earlier deletion strictly inside the edit


def non_overlapping(edits: Iterable[Edit]) -> list[Edit]:
    """For rules built from several patterns: of overlapping edits, the first (and, at the
    same start, the longest) wins."""
    kept: list[Edit] = []
    for e in sorted(edits, key=lambda e: (e.start, -e.end)):
        if not kept or e.start >= kept[-1].end:
            kept.append(e)
    return kept


def _check_disjoint(rule: Rule, edits: list[Edit]) -> None:
    for before, after in zip(edits, edits[1:]):
        if after.start < before.end:
            raise ValueError(f"rule {rule.label} proposed overlapping edits {before} and {after}")


def clean(raw_text: str, rules: Sequence[Rule]) -> tuple[str, list[Removal]]:
    """Run the rules in order; returns the clean text and every removal, in raw order."""
    ledger = Ledger(raw_text)
    for rule in rules:
        ledger.apply(rule)
    return ledger.text, ledger.removals


def with_pages(removals: Iterable[Removal], page_of: Callable[[int], int | None]) -> list[Removal]:
    """Attach the page of each removal's raw start, for page-aware sources."""
    return [replace(r, page=page_of(r.raw_start)) for r in removals]


def clean_to_raw(removals: Sequence[Removal]) -> Callable[[int], int]:
    """A function mapping a clean offset to the raw offset of the same character (for a
    character that a replacement put in, the start of what it replaced)."""
    ordered = sorted(removals, key=lambda r: r.raw_start)
    clean_starts, shift = [], 0
    for r in ordered:
        clean_starts.append(r.raw_start + shift)
        shift += len(r.replacement) - (r.raw_end - r.raw_start)

    def convert(clean_pos: int) -> int:
        i = bisect_right(clean_starts, clean_pos) - 1
        if i < 0:
            return clean_pos
        r, start = ordered[i], clean_starts[i]
        if clean_pos < start + len(r.replacement):
            return r.raw_start
        return r.raw_end + clean_pos - start - len(r.replacement)

    return convert


def raw_to_clean(removals: Sequence[Removal]) -> Callable[[int], int]:
    """A function mapping a raw offset to the clean offset where that raw position ends up."""
    ordered = sorted(removals, key=lambda r: r.raw_start)
    if all(a.raw_end <= b.raw_start for a, b in zip(ordered, ordered[1:])):
        return _raw_to_clean_disjoint(ordered)

    def convert(raw_pos: int) -> int:
        shift = 0
        for r in ordered:
            if r.raw_start >= raw_pos:
                break
            if r.raw_end <= raw_pos:
                shift += len(r.replacement) - (r.raw_end - r.raw_start)
            else:  # inside a removal: its replacement's end
                return r.raw_start + shift + len(r.replacement)
        return raw_pos + shift

    return convert


def _raw_to_clean_disjoint(ordered: list[Removal]) -> Callable[[int], int]:
    """`raw_to_clean` for removals that do not overlap (the engine's): their starts and ends
    both rise, so a bisection finds the removal at or before a raw offset and a running sum
    holds the shift before it, instead of a walk over every earlier removal per offset."""
    starts = [r.raw_start for r in ordered]
    ends = [r.raw_end for r in ordered]
    shifts = [0]  # shifts[i]: how much the first i removals shift what follows them
    for r in ordered:
        shifts.append(shifts[-1] + len(r.replacement) - (r.raw_end - r.raw_start))

    def convert(raw_pos: int) -> int:
        before = bisect_left(starts, raw_pos)  # removals that start before raw_pos
        inside = bisect_right(ends, raw_pos)  # the first removal that ends after raw_pos
        if inside < before:  # raw_pos is inside it: its replacement's end
            return ordered[inside].raw_start + shifts[inside] + len(ordered[inside].replacement)
        return raw_pos + shifts[before]

    return convert
