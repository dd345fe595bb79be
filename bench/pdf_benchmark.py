#!/usr/bin/env python
"""PDF benchmark: pages per second for each PDF library alone and for the pipeline end to end,
and the memory and time of one 500-page PDF, in one run.

    .venv/bin/python -m bench.pdf_benchmark [--docs 60] [--pages 20] [--keep] [--out PATH]

The corpus is meeting reports made with fpdf2 from the seeds' English prose: a running header,
a page number in the footer, headings in larger bold type, and a ruled table on one page in
ten. Measured:
- pypdfium2 alone (text of every page) and pdfplumber alone (`extract_text` with
  `use_text_flow=True, x_tolerance=1`, closing each page) on one core;
- the PDF reader alone (text, table detection, properties) on one core;
- the `ingest` flow end to end on every core (Prefect's start-up excluded, as in the ingest
  benchmark);
- a 500-page PDF read, cleaned, structured and labelled in a fresh process: seconds and the
  process's peak memory.
It reports numbers and the target; it only fails when the pipeline itself raises.
"""

from __future__ import annotations

import argparse
import io
import json
import os
import random
import shutil
import subprocess
import sys
import tempfile
import time
from importlib.metadata import version
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parent.parent
DEFAULT_OUT = REPO_ROOT / "bench" / "out" / "pdf.json"
END_TO_END_TARGET_PAGES_PER_SECOND = 60.0
PDFPLUMBER_SAMPLE_PAGES = 120  # pdfplumber reads ~8 pages/s: a sample tells its speed

os.environ["PREFECT_SERVER_ANALYTICS_ENABLED"] = "false"
os.environ.setdefault("DO_NOT_TRACK", "1")
os.environ.setdefault("PREFECT_LOGGING_LEVEL", "WARNING")

import pdfplumber  # noqa: E402
import pypdfium2  # noqa: E402

from bench.ingest_benchmark import SEEDS_DIR, load_seed_pool, measure_prefect, timed  # noqa: E402
from flows.ingest import ingest  # noqa: E402
from tasks.readers.pdf import read_pdf  # noqa: E402
from tests.builders.pdfs import heading, long_pdf, report_pdf  # noqa: E402

HEADINGS = (
    "Opening of the meeting",
    "Regular pathways",
    "Labour mobility",
    "Return and reintegration",
    "Data and evidence",
    "Follow-up and review",
    "Conclusions and recommendations",
)


def _latin1(text: str) -> str:
    """fpdf2's core fonts encode latin-1 only."""
    return (
        text.translate({0x2019: "'", 0x2018: "'", 0x201C: '"', 0x201D: '"', 0x2013: "-", 0x2014: "-", 0x2026: "..."})
        .encode("latin-1", "replace")
        .decode("latin-1")
    )


def make_report(index: int, n_pages: int, rng: random.Random, prose: tuple[str, ...]) -> bytes:
    pages = []
    for page_no in range(n_pages):
        blocks: list = []
        if page_no % 3 == 0:
            blocks.append(heading(f"{page_no // 3 + 1}. {rng.choice(HEADINGS)}", 2))
        for _ in range(3):
            blocks.append(_latin1(rng.choice(prose))[:700])
        if page_no % 10 == 5:
            blocks.append(
                (
                    ("Country", "2022", "2023"),
                    *(
                        (f"Country {k}", f"{rng.randint(1000, 99999):,}", f"{rng.randint(1000, 99999):,}")
                        for k in range(4)
                    ),
                )
            )
        pages.append(blocks)
    return report_pdf(
        pages,
        header=f"Regional consultation on migration {index}",
        footer="Page {n}",
        title=f"Meeting report {index}",
        author="Secretariat",
    )


def build_corpus(inbox: Path, n_docs: int, n_pages: int, seed: int) -> list[Path]:
    rng, prose = random.Random(seed), load_seed_pool(SEEDS_DIR).prose
    inbox.mkdir(parents=True, exist_ok=True)
    paths = []
    for i in range(n_docs):
        path = inbox / f"report_{i:04d}.pdf"
        path.write_bytes(make_report(i, n_pages, rng, prose))
        paths.append(path)
    return paths


def pypdfium2_alone(paths: list[Path]) -> dict:
    pages, start = 0, time.perf_counter()
    for path in paths:
        pdf = pypdfium2.PdfDocument(path.read_bytes())
        for i in range(len(pdf)):
            page = pdf[i]
            text = page.get_textpage()
            text.get_text_range()
            text.close()
            page.close()
            pages += 1
        pdf.close()
    return _rate(pages, time.perf_counter() - start)


def pdfplumber_alone(paths: list[Path], max_pages: int) -> dict:
    pages, start = 0, time.perf_counter()
    for path in paths:
        with pdfplumber.open(io.BytesIO(path.read_bytes())) as pdf:
            for page in pdf.pages:
                page.extract_text(use_text_flow=True, x_tolerance=1)
                page.close()
                pages += 1
                if pages >= max_pages:
                    return _rate(pages, time.perf_counter() - start)
    return _rate(pages, time.perf_counter() - start)


def reader_alone(paths: list[Path]) -> dict:
    pages, tables, start = 0, 0, time.perf_counter()
    for path in paths:
        doc = read_pdf(path.name, "", path.read_bytes(), 600.0)
        pages += doc.n_pages
        tables += len(doc.tables)
    return {**_rate(pages, time.perf_counter() - start), "tables": tables}


def end_to_end(inbox: Path, warehouse: Path, n_pages: int) -> dict:
    prefect = measure_prefect()
    result, seconds = timed(ingest, inbox=str(inbox), warehouse=str(warehouse))
    if result.failures:
        raise SystemExit(f"the pipeline failed on {len(result.failures)} PDFs: {result.failures[:3]}")
    return {
        **_rate(n_pages, seconds),
        "documents": result.n_new,
        "prefect_startup_seconds": prefect["startup_seconds"],
        "stage_seconds": result.stage_seconds,
        "landed": result.landed,
    }


# Peak memory from /proc/self/status (VmHWM): getrusage's ru_maxrss survives exec on Linux,
# so a child would report its parent's peak.
_LONG_PDF_PROBE = """
import json, re, sys, time
from tasks.domain.cleaning import clean_document
from tasks.domain.document import label_languages, structure_document
from tasks.readers.pdf import read_pdf
def peak_mb():
    status = open("/proc/self/status").read()
    return int(re.search(r"VmHWM:\\s+(\\d+)", status).group(1)) / 1024
data = open(sys.argv[1], "rb").read()
before = peak_mb()
t0 = time.perf_counter()
raw = read_pdf("long.pdf", "", data, 600.0)
t1 = time.perf_counter()
after_read = peak_mb()
doc = label_languages(structure_document(clean_document(raw)))
t2 = time.perf_counter()
print(json.dumps({"pages": raw.n_pages, "read_seconds": t1 - t0, "process_seconds": t2 - t1,
                  "rss_mb_before": before, "peak_rss_mb_after_read": after_read, "peak_rss_mb_at_end": peak_mb(),
                  "paragraphs": len(doc.paragraphs), "removals": len(doc.cleaned.removals)}))
"""


def long_document(workdir: Path, n_pages: int = 500) -> dict:
    """In a fresh process, so its peak memory is this document's alone."""
    path = workdir / "long.pdf"
    path.write_bytes(long_pdf(n_pages))
    out = subprocess.run(
        [sys.executable, "-c", _LONG_PDF_PROBE, str(path)], cwd=REPO_ROOT, capture_output=True, text=True, check=True
    )
    return {"file_mb": path.stat().st_size / 2**20, **json.loads(out.stdout)}


def _rate(pages: int, seconds: float) -> dict:
    return {"pages": pages, "seconds": seconds, "pages_per_second": pages / seconds if seconds else 0.0}


def run(args: argparse.Namespace, workdir: Path) -> dict:
    inbox = workdir / "inbox"
    paths, build_seconds = timed(build_corpus, inbox, args.docs, args.pages, args.seed)
    n_pages = args.docs * args.pages
    print(
        f"corpus: {args.docs} PDFs, {n_pages} pages, "
        f"{sum(p.stat().st_size for p in paths) / 2**20:.1f} MB ({build_seconds:.1f} s)",
        flush=True,
    )
    report = {
        "settings": {
            "docs": args.docs,
            "pages_per_doc": args.pages,
            "seed": args.seed,
            "cores": os.cpu_count(),
            "python": sys.version.split()[0],
            "pypdfium2": version("pypdfium2"),
            "pdfplumber": version("pdfplumber"),
        },
        "pypdfium2_alone": pypdfium2_alone(paths),
        "pdfplumber_alone": pdfplumber_alone(paths, PDFPLUMBER_SAMPLE_PAGES),
        "reader_alone": reader_alone(paths),
        "end_to_end": end_to_end(inbox, workdir / "warehouse", n_pages),
        "long_pdf": long_document(workdir),
    }
    report["end_to_end"]["meets_target"] = (
        report["end_to_end"]["pages_per_second"] >= END_TO_END_TARGET_PAGES_PER_SECOND
    )
    report["target_pages_per_second"] = END_TO_END_TARGET_PAGES_PER_SECOND
    return report


def print_report(report: dict) -> None:
    rows = [
        ("pypdfium2 alone, 1 core", f"{report['pypdfium2_alone']['pages_per_second']:.0f} pages/s"),
        (
            "pdfplumber alone, 1 core",
            f"{report['pdfplumber_alone']['pages_per_second']:.1f} pages/s "
            f"({report['pdfplumber_alone']['pages']} pages sampled)",
        ),
        (
            "PDF reader alone, 1 core",
            f"{report['reader_alone']['pages_per_second']:.0f} pages/s "
            f"({report['reader_alone']['tables']} tables found)",
        ),
        (
            "pipeline end to end, all cores",
            f"{report['end_to_end']['pages_per_second']:.0f} pages/s "
            f"(target {END_TO_END_TARGET_PAGES_PER_SECOND:.0f}: "
            f"{'met' if report['end_to_end']['meets_target'] else 'MISSED'})",
        ),
        (
            "500-page PDF",
            f"read {report['long_pdf']['read_seconds']:.1f} s, cleaned/structured/labelled "
            f"{report['long_pdf']['process_seconds']:.1f} s, peak RSS "
            f"{report['long_pdf']['peak_rss_mb_at_end']:.0f} MB "
            f"({report['long_pdf']['rss_mb_before']:.0f} MB before)",
        ),
    ]
    width = max(len(k) for k, _ in rows)
    for k, v in rows:
        print(f"{k:<{width}}  {v}")
    stages = report["end_to_end"]["stage_seconds"]
    print("end-to-end stages (s): " + ", ".join(f"{k} {v:.1f}" for k, v in stages.items()))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--docs", type=int, default=60)
    parser.add_argument("--pages", type=int, default=20)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--keep", action="store_true", help="keep the corpus and warehouse")
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT)
    args = parser.parse_args(argv)
    workdir = Path(tempfile.mkdtemp(prefix="pdf-bench-"))
    try:
        report = run(args, workdir)
    finally:
        if not args.keep:
            shutil.rmtree(workdir, ignore_errors=True)
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(report, indent=2, default=str) + "\n")
    print_report(report)
    print(f"written to {args.out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
