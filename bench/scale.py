#!/usr/bin/env python
"""Scale benchmark: does the ingest's memory stay flat as the number of documents grows?

    .venv/bin/python -m bench.scale                          # 1,000 documents, ~2 minutes
    .venv/bin/python -m bench.scale --docs 1000 10000 100000 # the issue's figures (hours for 100,000)
    .venv/bin/python -m bench.scale --docs 200 --keep        # keep the inbox and the warehouse

For each count, writes that many small text documents into a temporary inbox (the corpus of
bench/ingest_benchmark.py: the seeds' paragraphs recombined, en/es/fr/pt, letters, markdown
reports, paged reports and scraped pages, every document distinct), then runs the command a
user runs, `.venv/bin/consultations ingest INBOX --warehouse W`, in a subprocess, and every 0.2 s
sums the resident memory (RSS) of that process and all its descendants (the temporary Prefect
server, the worker processes) with psutil for the peak. Then runs the same command again on the
unchanged inbox (a no-op run) and counts the files under the warehouse's data folder
(`W/files`) before and after it: a no-op run should write none.

Both runs share a Prefect home of their own in the temporary folder, so other ingests on the
machine are not disturbed; the cold run's seconds include the temporary server's start-up
(~20 s here) and the creation of its database.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import psutil

REPO_ROOT = Path(__file__).resolve().parent.parent
CLI = REPO_ROOT / ".venv" / "bin" / "consultations"
DEFAULT_OUT = REPO_ROOT / "bench" / "out" / "scale.json"
_MB = 2**20


def tree_rss(root: psutil.Process) -> tuple[int, int]:
    """Bytes resident in `root` and all its descendants, and how many processes that is. Shared
    pages (libraries, forked memory) count once per process: an upper bound."""
    total, count = 0, 0
    try:
        processes = [root, *root.children(recursive=True)]
    except psutil.NoSuchProcess:
        return 0, 0
    for process in processes:
        try:
            total += process.memory_info().rss
            count += 1
        except (psutil.NoSuchProcess, psutil.AccessDenied):
            pass
    return total, count


def run_watched(command: list[str], env: dict[str, str], log: Path, interval: float) -> dict:
    """The command's exit status, wall seconds and the peak RSS of its process tree."""
    started = time.monotonic()
    with log.open("w") as out:
        child = subprocess.Popen(command, cwd=REPO_ROOT, env=env, stdout=out, stderr=subprocess.STDOUT)
        root = psutil.Process(child.pid)
        peak, peak_processes = 0, 0
        while child.poll() is None:
            rss, count = tree_rss(root)
            peak, peak_processes = max(peak, rss), max(peak_processes, count)
            time.sleep(interval)
    wall = time.monotonic() - started
    tail = log.read_text(errors="replace").strip().splitlines()[-12:]
    return {
        "exit_status": child.returncode,
        "seconds": round(wall, 1),
        "peak_tree_mb": round(peak / _MB),
        "peak_processes": peak_processes,
        "output_tail": tail,
    }


def data_files(warehouse: Path) -> int:
    folder = warehouse / "files"
    return sum(1 for path in folder.rglob("*") if path.is_file()) if folder.exists() else 0


def measure(n_docs: int, seed: int, workdir: Path, batch_size: int | None, interval: float) -> dict:
    from bench.ingest_benchmark import build_corpus  # imports Prefect: only the parent pays it

    inbox, warehouse = workdir / "inbox", workdir / "warehouse"
    started = time.monotonic()
    corpus = build_corpus(inbox, n_docs, seed)
    built = time.monotonic() - started
    env = {**os.environ, "PREFECT_HOME": str(workdir / "prefect-home"), "PREFECT_SERVER_ANALYTICS_ENABLED": "false"}
    env.pop("PREFECT_API_URL", None)  # the command's own temporary server, as a user's first run
    command = [str(CLI), "ingest", str(inbox), "--warehouse", str(warehouse)]
    if batch_size:
        command += ["--batch-size", str(batch_size)]
    cold = run_watched(command, env, workdir / "cold.log", interval)
    before = data_files(warehouse)
    noop = run_watched(command, env, workdir / "noop.log", interval)
    after = data_files(warehouse)
    return {
        "docs": n_docs,
        "inbox_mb": round(corpus.n_bytes / _MB, 1),
        "mean_doc_kb": round(corpus.n_bytes / n_docs / 1024, 1),
        "languages": dict(corpus.mix["language"]),
        "build_seconds": round(built, 1),
        "cold": {**cold, "docs_per_s": round(n_docs / cold["seconds"], 1)},
        "noop": {**noop, "data_files_before": before, "data_files_after": after, "new_data_files": after - before},
    }


def print_row(row: dict) -> None:
    cold, noop = row["cold"], row["noop"]
    print(
        f"{row['docs']:>8,} {row['inbox_mb']:>8.1f} {cold['seconds']:>9.1f} {cold['docs_per_s']:>7.1f} "
        f"{cold['peak_tree_mb']:>9,} {cold['peak_processes']:>5} | {noop['seconds']:>8.1f} {noop['peak_tree_mb']:>9,} "
        f"{noop['new_data_files']:>9}",
        flush=True,
    )
    for name, run in (("cold", cold), ("no-op", noop)):
        if run["exit_status"] != 0:
            print(f"  the {name} run ended with status {run['exit_status']}:", *run["output_tail"], sep="\n    ")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--docs", type=int, nargs="+", default=[1000], help="document counts (default 1000)")
    parser.add_argument("--seed", type=int, default=7, help="the corpus's random seed")
    parser.add_argument("--batch-size", type=int, help="passed to the ingest (default: the command's)")
    parser.add_argument("--interval", type=float, default=0.2, help="seconds between memory samples")
    parser.add_argument("--keep", action="store_true", help="keep each inbox and warehouse and print the folder")
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT, help=f"the JSON report (default {DEFAULT_OUT})")
    args = parser.parse_args(argv)
    if not CLI.exists():
        print(f"{CLI} not found: install the project first (make install)", file=sys.stderr)
        return 2

    rows = []
    print(f"{'':>8} {'':>8} {'cold run':^38} | {'no-op run':^29}")
    print(
        f"{'docs':>8} {'inbox MB':>8} {'seconds':>9} {'docs/s':>7} {'peak MB':>9} {'procs':>5} | "
        f"{'seconds':>8} {'peak MB':>9} {'new files':>9}"
    )
    for n_docs in args.docs:
        workdir = Path(tempfile.mkdtemp(prefix=f"scale-{n_docs}-"))
        try:
            row = measure(n_docs, args.seed, workdir, args.batch_size, args.interval)
        finally:
            if args.keep:
                print(f"kept: {workdir}")
            else:
                shutil.rmtree(workdir, ignore_errors=True)
        rows.append(row)
        print_row(row)
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(rows, indent=2))
    print(f"report: {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
