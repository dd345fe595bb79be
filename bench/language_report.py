#!/usr/bin/env python
"""Language report: how right the language labels are, by unit and by length, and how fast.

    .venv/bin/python -m bench.language_report [--examples 5] [--seconds 3] [--quick]

Runs the project's `detect` and `label_document` (tasks/domain/language.py) on the labelled
set written for the measurement (tests/language/labelled.py: paragraphs, headings, 80
documents and 10 mixed-language documents in en/es/fr/pt, with accent-stripped text and text
dense with names and acronyms), through tests/language/measure.py. Prints:

  (a) document accuracy, (b) accuracy of paragraphs of 100+ characters, (c) short headings
  given a wrong language with confidence > 0.9 (raw detect, without the threshold, labelled),
  (d) the accuracy-vs-length curve of langdetect on prefixes (the case for MIN_LETTERS) and a
  MIN_LETTERS sweep, (e) mixed documents and shares, (f) detections per second, cost by
  length and a MAX_CHARS sweep; then the same figures for the change recommended to
  language.py.

Targets (the language issue): documents >= 99%, paragraphs of 100+ characters >= 97%, no short
heading labelled in a wrong language with a confidence above 0.9. The same figures are
asserted by tests/integration/test_language_accuracy.py. `--quick` skips the sweeps.
"""

from __future__ import annotations

import argparse
import time

from tasks.domain import language as language_module
from tests.language import labelled
from tests.language.labelled import Sample
from tests.language.measure import (
    CONFIDENT,
    DOCUMENT_TARGET,
    FINE_BUCKETS,
    LETTER_BUCKETS,
    PARAGRAPH_MIN_CHARS,
    PARAGRAPH_TARGET,
    SHARE_TOLERANCE,
    cost_by_length,
    curve_table,
    length_curve,
    max_chars_sweep,
    measure_documents,
    measure_headings,
    measure_paragraphs,
    measure_pipeline,
    pct,
    speed,
    threshold_sweep,
)


def _title(text: str) -> None:
    print(f"\n== {text}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--examples", type=int, default=5, help="failures shown per figure (default 5)")
    parser.add_argument("--seconds", type=float, default=3.0, help="time spent measuring speed (default 3)")
    parser.add_argument("--quick", action="store_true", help="skip the MIN_LETTERS / MAX_CHARS sweeps")
    args = parser.parse_args(argv)
    k = args.examples
    started = time.perf_counter()

    docs, mixed = labelled.documents(), labelled.MIXED_DOCUMENTS
    paras, heads, items = labelled.paragraphs(), labelled.headings(), labelled.list_items()
    shorts = [Sample((lang,), "short", t) for lang in labelled.LANGUAGES for t in labelled.SHORT_LINES[lang]]
    print(
        f"language.py: MIN_LETTERS={language_module.MIN_LETTERS}, MAX_CHARS={language_module.MAX_CHARS},"
        f" profiles {', '.join(language_module.CORPUS_LANGUAGES)}"
    )
    print(
        f"labelled set: {sum(len(labelled.written_paragraphs(lang)) for lang in labelled.LANGUAGES)} written paragraphs"
        f" + {sum(s.kind == 'stripped' for s in paras)} accent-stripped variants, {len(items)} list items,"
        f" {len(shorts)} short lines, {len(heads)} short headings (with capitals and accent-stripped"
        f" variants), {len(docs)} documents, {len(mixed)} mixed documents"
    )

    _title(f"(a) documents (target >= {pct(DOCUMENT_TARGET, 0)})")
    doc_report = measure_documents(docs)
    mixed_report = measure_documents(mixed)
    n = doc_report.documents.n + mixed_report.documents.n
    ok = doc_report.documents.correct + mixed_report.documents.correct
    print(
        f"all documents {ok}/{n} = {pct(ok / n, 2)}   "
        + "   ".join(f"{lang} {s}" for lang, s in sorted(doc_report.by_language.items()))
        + f"   mixed {mixed_report.documents}"
    )
    print(doc_report.summary(k))
    print("  by unit kind: " + "   ".join(f"{kind} {s}" for kind, s in sorted(doc_report.by_kind.items())))
    for m in doc_report.confident_wrong[:k]:
        print(f"  confidently wrong: {m}")
    pipe = measure_pipeline([*docs, *mixed])
    print(
        f"the same 90 documents as Markdown through clean_document + structure_document +"
        f" label_languages: documents {pipe.documents}, paragraphs {pipe.paragraphs}"
        f" ({len(pipe.restructured)} documents split differently by the structure stage)"
    )
    for m in pipe.documents.misses[:k] + pipe.paragraphs.misses[:k]:
        print(f"    {m}")

    _title(f"(b) paragraphs of {PARAGRAPH_MIN_CHARS}+ characters, detect (target >= {pct(PARAGRAPH_TARGET, 0)})")
    para_report = measure_paragraphs(paras)
    print(para_report.summary(k))
    unsure = sum(c <= CONFIDENT for c in para_report.confidences)
    print(
        f"  right with confidence <= {CONFIDENT}: {unsure}   mean confidence when right:"
        f" {sum(para_report.confidences) / len(para_report.confidences):.4f}"
    )
    item_report = measure_paragraphs(items, min_chars=0)
    print(
        f"list items (40-99 characters): {item_report.all}   wrong with confidence > {CONFIDENT}:"
        f" {len(item_report.confident_wrong)}"
    )

    _title(f"(c) short headings (1-6 words): wrong language with confidence > {CONFIDENT} (target 0)")
    head_report = measure_headings(heads)
    print(head_report.summary(k))
    print(
        f"  inside the documents (labelled output): {len(doc_report.heading_confident_wrong)}/"
        f"{doc_report.n_short_headings}, mixed {len(mixed_report.heading_confident_wrong)}/"
        f"{mixed_report.n_short_headings}; heading labels right: {doc_report.by_kind['heading']}"
    )
    for m in doc_report.heading_confident_wrong[:k]:
        print(f"    {m}")
    print("  without the threshold, examples:")
    for m in head_report.raw_confident_wrong[:k]:
        print(f"    {m}")

    _title("(d) accuracy of langdetect (corpus profiles, seed 0, no threshold) by letters, on prefixes")
    print(curve_table(length_curve(paras, LETTER_BUCKETS)))
    print("\nfiner:")
    print(curve_table(length_curve(paras, FINE_BUCKETS)))
    print("\nnatural short units (headings, titles, list items, short lines), whole:")
    print(curve_table(length_curve([*heads, *items, *shorts], FINE_BUCKETS[:10], use_prefixes=False)))
    if not args.quick:
        print("\nMIN_LETTERS sweep (label_document on the 90 documents; detect on short units alone):")
        print(
            f"{'MIN':>4}{'documents':>12}{'paragraphs':>20}{'inherited':>11}{'wrong>0.9':>11}"
            f"{'headings':>10}{'detect hdg':>12}{'detect short':>14}"
        )
        for row in threshold_sweep():
            print(
                f"{row.min_letters:>4}{pct(row.documents.accuracy):>12}{str(row.units):>20}{row.inherited:>11}"
                f"{row.confident_wrong:>11}{row.heading_confident_wrong:>10}"
                f"{row.detect_heading_confident_wrong:>12}{row.detect_unit_confident_wrong:>14}"
            )

    _title(f"(e) mixed-language documents (shares within {pct(SHARE_TOLERANCE, 0)})")
    print(mixed_report.summary(k))
    print("  by unit kind: " + "   ".join(f"{kind} {s}" for kind, s in sorted(mixed_report.by_kind.items())))

    _title("(f) speed")
    texts = [s.text for s in paras if len(s.text) >= PARAGRAPH_MIN_CHARS]
    sp = speed(texts, min_seconds=args.seconds)
    print(
        f"detect on paragraphs of {PARAGRAPH_MIN_CHARS}+ characters (mean {sp.mean_chars:.0f}):"
        f" {sp.per_second:.0f} detections/s ({sp.ms_each:.2f} ms each, one core)"
    )
    if not args.quick:
        print("cost by length (MAX_CHARS out of the way; 3,000-character monolingual texts cut):")
        for chars, ms, acc in cost_by_length():
            print(f"  {chars:>5} characters: {ms:5.2f} ms   accuracy {pct(acc)}")
        print("MAX_CHARS sweep (detect on 3,000-character texts, with accent-stripped copies):")
        for cap, acc, ms in max_chars_sweep():
            print(f"  MAX_CHARS={cap:<5} accuracy {pct(acc):>7}   {ms:5.2f} ms per detection")

    _title("targets")
    wrong_heads = (
        len(doc_report.heading_confident_wrong)
        + len(mixed_report.heading_confident_wrong)
        + len(head_report.alone_confident_wrong)
    )
    for label, met in (
        (f"documents {pct(ok / n, 2)} >= {pct(DOCUMENT_TARGET, 0)}", ok / n >= DOCUMENT_TARGET),
        (
            f"paragraphs 100+ {pct(para_report.all.accuracy, 2)} >= {pct(PARAGRAPH_TARGET, 0)}",
            para_report.all.accuracy >= PARAGRAPH_TARGET,
        ),
        (f"short headings wrong with confidence > {CONFIDENT}: {wrong_heads} == 0", wrong_heads == 0),
    ):
        print(f"  {'met   ' if met else 'MISSED'} {label}")
    print(f"\n({time.perf_counter() - started:.1f} s)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
