#!/usr/bin/env python
"""Removal report: which cleaning rules removed real words, on a folder of real documents.

    .venv/bin/python -m bench.removal_report [FOLDER] [--examples 3] [--rule NAME ...] [--documents]

Each file of FOLDER (default ../shared/realdocs/files if present, else seeds/) is read by the
project's readers and cleaned by its rules; tasks/domain/cleaning/guard.py counts, per rule,
the dictionary-like words it removed (a word of letters that the document keeps elsewhere, or
a function word of en/es/fr/pt). Per rule: the documents it touched (made any removal in),
the words and letters it removed, their share of all the words read, the words its class does
not excuse (`excess`: strict rules may remove none, furniture only repeated or kept phrases,
boilerplate and tables are reported, never excused nor counted as excess) and the documents
where that excess passes the tolerance; then the worst removals in their raw context. The same
allowances are asserted by tests/golden/test_cleaning_keeps_words.py.
"""

from __future__ import annotations

import argparse
import hashlib
import sys
import time
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

from tasks.domain.cleaning import clean_document
from tasks.domain.cleaning.guard import Example, RemovedWords, removed_words, rule_class, rule_key
from tasks.domain.discover import source_format
from tasks.domain.models import SourceFile
from tasks.readers import ReadError, read_document

ROOT = Path(__file__).resolve().parent.parent
REALDOCS = ROOT.parent / "shared" / "realdocs" / "files"
CONTEXT = 40


@dataclass
class RuleTotals:
    allowance: str = ""  # the rule's class
    documents: int = 0  # documents where the rule removed something
    with_words: int = 0  # documents where it removed dictionary-like words
    over: int = 0  # documents where its excess passes the tolerance
    words: int = 0
    letters: int = 0
    excess: int = 0
    examples: list[tuple[str, str, Example]] = field(default_factory=list)  # (path, raw_text, example)


def default_folder() -> Path:
    return REALDOCS if REALDOCS.is_dir() else ROOT / "seeds"


def read_folder(folder: Path):
    """(path, CleanedDocument) for each readable file, and (path, error) for the others."""
    for path in sorted(p for p in folder.rglob("*") if p.is_file() and source_format(p.name)):
        data = path.read_bytes()
        name = path.relative_to(folder).as_posix()
        f = SourceFile(name, len(data), 0, hashlib.sha256(data).hexdigest())
        try:
            yield name, clean_document(read_document(f, data)), None
        except ReadError as error:
            yield name, None, str(error)


def tally(results: list[tuple[str, object, RemovedWords]]) -> dict[str, RuleTotals]:
    totals: dict[str, RuleTotals] = defaultdict(RuleTotals)
    for path, cleaned, found in results:
        for key in {rule_key(r) for r in cleaned.removals}:
            totals[key].documents += 1
            totals[key].allowance = rule_class(key)
        for rule in found.rules:
            t = totals[rule.rule]
            excess = rule.excess(found.n_words)
            t.with_words += 1
            t.words, t.letters, t.excess = t.words + rule.n_words, t.letters + rule.n_letters, t.excess + excess
            t.over += excess > found.tolerance()
            t.examples += [(path, cleaned.raw.raw_text, e) for e in rule.examples]
    return totals


def in_context(raw_text: str, e: Example) -> str:
    """The removal between `[[` and `]]` in its raw context; a long one is cut around its
    longest lost word."""
    before = raw_text[max(0, e.raw_start - CONTEXT) : e.raw_start]
    after = raw_text[e.raw_end : e.raw_end + CONTEXT]
    removed = e.text
    if len(removed) > 3 * CONTEXT:
        at = removed.casefold().find(max(e.words, key=len)) if e.words else -1
        if at > CONTEXT:
            removed = removed[: CONTEXT // 2] + " … " + removed[at - CONTEXT :]
        if len(removed) > 4 * CONTEXT:
            removed = removed[: 3 * CONTEXT] + " … " + removed[-CONTEXT // 2 :]
    visible = lambda s: s.replace("\n", "⏎").replace("\f", "↡").replace("\t", "⇥")  # noqa: E731
    return f"…{visible(before)}[[{visible(removed)}]]{visible(after)}…"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "folder",
        nargs="?",
        type=Path,
        default=None,
        help=f"documents to read (default {REALDOCS} if present, else seeds/)",
    )
    parser.add_argument("--examples", type=int, default=3, help="worst removals shown per rule (default 3)")
    parser.add_argument("--rule", nargs="+", metavar="NAME", help="only these rules (name or name:kind)")
    parser.add_argument("--documents", action="store_true", help="also list each document's removed share")
    args = parser.parse_args(argv)
    folder = args.folder or default_folder()

    started = time.perf_counter()
    results, failed = [], []
    for path, cleaned, error in read_folder(folder):
        if cleaned is None:
            failed.append((path, error))
        else:
            results.append((path, cleaned, removed_words(cleaned, max_examples=args.examples)))
    n_words = sum(found.n_words for _, _, found in results)
    print(
        f"removal report: {folder}: {len(results)} documents read, {len(failed)} failed, "
        f"{n_words} dictionary-like words ({time.perf_counter() - started:.1f} s)"
    )
    for path, error in failed:
        print(f"  failed {path}: {error}")

    totals = tally(results)
    rules = sorted(
        (k for k in totals if not args.rule or k in args.rule or k.split(":")[0] in args.rule),
        key=lambda k: (-totals[k].excess, -totals[k].words, k),
    )
    print()
    print(
        f"{'rule':44} {'class':11} {'docs':>5} {'w/words':>7} {'words':>6} {'letters':>7} "
        f"{'share':>6} {'excess':>6} {'over':>5}"
    )
    for key in rules:
        t = totals[key]
        share = f"{t.words / n_words:.2%}" if n_words else "-"
        print(
            f"{key:44} {t.allowance or '-':11} {t.documents:>5} {t.with_words:>7} {t.words:>6} "
            f"{t.letters:>7} {share:>6} {t.excess:>6} {t.over:>5}"
        )

    if args.documents:
        print(f"\n{'document':60} {'words':>6} {'removed':>8} {'lost':>6}  over allowance")
        for path, _, found in sorted(results, key=lambda r: -r[2].removed_share):
            over = ", ".join(f"{r.rule} {r.excess(found.n_words)}" for r in found.over_allowance())
            print(f"{path[:60]:60} {found.n_words:>6} {found.removed_share:>8.1%} {found.lost_share:>6.1%}  {over}")

    for key in rules:
        t = totals[key]
        worst = sorted(t.examples, key=lambda x: (-x[2].letters, -len(x[2].excused)))[: args.examples]
        if not worst or not t.words:
            continue
        print(f"\n== {key} ({t.allowance}): {t.words} words in {t.with_words} documents, excess {t.excess}")
        for path, raw_text, e in worst:
            words = " ".join(e.words[:12]) + (" …" if len(e.words) > 12 else "")
            excused = f"; excused: {' '.join(e.excused[:8])}{' …' if len(e.excused) > 8 else ''}" if e.excused else ""
            print(f"- {path} raw {e.raw_start}–{e.raw_end}: lost {len(e.words)} ({words}){excused}")
            print(f"  {in_context(raw_text, e)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
