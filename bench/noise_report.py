#!/usr/bin/env python
"""Noise-injection report: how much injected noise the cleaning rules remove, per class.

    .venv/bin/python -m bench.noise_report [--docs 300] [--seed 20240611] [--examples 3]
                                           [--only CLASS ...] [--no-forms]

Clean paragraphs written for the measurement (tests/noise/corpus.py) get every noise class
injected at random places (tests/noise/inject.py); the project's rules clean them; the
report counts, per class and per form, the injected noise strings removed, and the real
words kept (tests/noise/measure.py). Targets (the cleaning issue): >= 95% of the noise
removed, >= 99.5% of the real words kept. `--only` injects just the given classes, to look at
one rule without the others' noise around it. The same figures are asserted by
tests/integration/test_noise_injection.py.
"""

from __future__ import annotations

import argparse
import sys
import time

from tests.noise.inject import CLASSES, build_documents
from tests.noise.measure import (
    NOISE_TARGET,
    WORDS_TARGET,
    measure_documents,
    rules_cleaner,
)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--docs", type=int, default=300, help="documents to build (default 300)")
    parser.add_argument("--seed", type=int, default=20240611, help="random seed (default: the test's)")
    parser.add_argument("--examples", type=int, default=3, help="examples per class (max 10)")
    parser.add_argument(
        "--only", nargs="+", choices=CLASSES, metavar="CLASS", help="inject only these classes: " + ", ".join(CLASSES)
    )
    parser.add_argument("--no-forms", action="store_true", help="hide the per-form breakdown")
    args = parser.parse_args(argv)

    started = time.perf_counter()
    docs = build_documents(args.seed, args.docs, frozenset(args.only) if args.only else None)
    built = time.perf_counter()
    report = measure_documents(docs, rules_cleaner, args.seed)
    done = time.perf_counter()

    n_chars = sum(len(d.raw) for d in docs)
    print(
        f"noise injection: {report.n_docs} documents, seed {args.seed}, {n_chars / 1e6:.2f} MB raw "
        f"(built in {built - started:.1f} s, cleaned and measured in {done - built:.1f} s)"
    )
    languages = {}
    for d in docs:
        languages[d.language] = languages.get(d.language, 0) + 1
    print("languages: " + ", ".join(f"{k} {v}" for k, v in sorted(languages.items())))
    print()
    print(report.table(forms=not args.no_forms))
    print()
    verdict = lambda ok: "OK" if ok else "MISSED"  # noqa: E731
    print(
        f"noise removed {100 * report.noise_removed_share:.1f}% "
        f"(target {100 * NOISE_TARGET:.0f}%: {verdict(report.noise_removed_share >= NOISE_TARGET)}); "
        f"real words kept {100 * report.words_kept_share:.2f}% "
        f"(target {100 * WORDS_TARGET:.1f}%: {verdict(report.words_kept_share >= WORDS_TARGET)})"
    )

    if args.examples:
        for cls in CLASSES:
            examples = report.missed_by_class.get(cls, [])
            if examples:
                stats = report.classes[cls]
                print(f"\n== missed {cls}: {stats.injected - stats.removed} of {stats.injected}")
                for ex in examples[: args.examples]:
                    print(ex)
        if report.lost_causes:
            print(f"\n== lost real words: {report.n_words - report.n_kept} of {report.n_words}")
            print("by nearby noise: " + ", ".join(f"{k} {v}" for k, v in report.lost_causes.most_common()))
            print("by rule touching them: " + ", ".join(f"{k} {v}" for k, v in report.lost_rules.most_common()))
            print("most lost: " + ", ".join(f"{k!r} {v}" for k, v in report.lost_words.most_common(15)))
            for cause, examples in report.lost_by_cause.items():
                print(f"\n-- lost words, {cause}: {report.lost_causes[cause]}")
                for ex in examples[: args.examples]:
                    print(ex)
    return 0


if __name__ == "__main__":
    sys.exit(main())
