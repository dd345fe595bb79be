#!/usr/bin/env python
"""Hostile-input benchmark: what each file an inbox must survive costs, and how it ends.

    .venv/bin/python -m bench.hostile                 # every file of tests/builders/hostile.py, ~2 minutes
    .venv/bin/python -m bench.hostile --scale 0.1     # the same files a tenth of the size: a quick look
    .venv/bin/python -m bench.hostile --only deep_20000.html huge_16mb.txt --keep

Builds the hostile files (bombs, huge and one-line texts, a page nested 20,000 deep, broken PDFs
and Word files, pages of nothing, NUL bytes, invalid UTF-8, whitespace) with the tests'
builders into a temporary folder, and runs each through the domain stages (read, clean,
structure, language) in a fresh process of its own, as a worker of the flow would, under the
per-document budget of tasks/domain/budget.py: past its seconds the process is killed
(`time_budget`), past its memory an allocation fails (`memory_budget`). Prints per file its
size, its outcome (`landed`, or the typed failure's error_type and the stage it failed in), the
seconds and the peak resident memory of its process (VmHWM, start-up included: the `base`
column is the same process before it reads the file: the stages imported, the readers not yet).
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from tasks.domain.budget import MEMORY_BUDGET, TIME_BUDGET, Budget

REPO_ROOT = Path(__file__).resolve().parent.parent
DEFAULT_OUT = REPO_ROOT / "bench" / "out" / "hostile.json"
STAGES = ("read", "clean", "structure", "language")
_MB = 2**20


def run_one(path: Path, memory_mb: int | None) -> dict:
    """One file through the stages, in this process: what the child prints."""
    from tasks.domain.cleaning import clean_document
    from tasks.domain.document import label_languages, structure_document
    from tasks.domain.models import SourceFile
    from tasks.readers import read_document

    base_kb = _high_water_kb("self")
    _limit_memory(memory_mb)
    data = path.read_bytes()
    source = SourceFile(path.name, len(data), 0, "hostile")
    steps = {
        "read": lambda _: read_document(source, data),
        "clean": clean_document,
        "structure": structure_document,
        "language": label_languages,
    }
    out: object = None
    seconds: dict[str, float] = {}
    report: dict = {"base_mb": base_kb / 1024}
    for stage, step in steps.items():
        started = time.perf_counter()
        try:
            out = step(out)
        except MemoryError:
            out = None  # let the memory go before anything else is allocated
            return {**report, "outcome": MEMORY_BUDGET, "stage": stage, "seconds": seconds}
        except Exception as error:  # a typed failure (error_type) or a crash the flow would record by its class
            message = str(error).splitlines()[0] if str(error) else repr(error)
            error_type = getattr(error, "error_type", type(error).__name__)
            return {**report, "outcome": error_type, "stage": stage, "message": message[:300], "seconds": seconds}
        finally:
            seconds[stage] = round(time.perf_counter() - started, 3)
    return {
        **report,
        "outcome": "landed",
        "seconds": seconds,
        "n_chars": len(out.cleaned.clean_text),
        "n_paragraphs": len(out.paragraphs),
        "language": out.language,
    }


def _high_water_kb(pid: str | int) -> int:
    """The peak resident memory of a process so far (VmHWM). Not ru_maxrss: on Linux a child's
    ru_maxrss starts at its parent's peak (it survives fork and exec), and this parent holds the
    files it built."""
    try:
        with open(f"/proc/{pid}/status") as status:
            return next((int(line.split()[1]) for line in status if line.startswith("VmHWM:")), 0)
    except OSError:  # the process is gone, or this is not Linux
        return 0


def _limit_memory(memory_mb: int | None) -> None:
    """`memory_mb` more private data than the process holds now (RLIMIT_DATA, Linux), as the
    flow's workers run each document (tasks/parallel.py)."""
    if memory_mb is None or not sys.platform.startswith("linux"):
        return
    with open("/proc/self/status") as status:
        data = next((int(line.split()[1]) * 1024 for line in status if line.startswith("VmData:")), 0)
    _, hard = resource.getrlimit(resource.RLIMIT_DATA)
    soft = data + memory_mb * _MB
    resource.setrlimit(resource.RLIMIT_DATA, (soft if hard == resource.RLIM_INFINITY else min(soft, hard), hard))


def measure(path: Path, budget: Budget) -> dict:
    """The file in a child process: its report, wall seconds and peak RSS (its VmHWM, read as it
    runs; ru_maxrss where /proc has none)."""
    command = [sys.executable, "-m", "bench.hostile", "--child", str(path), "--memory-budget", str(budget.memory_mb)]
    started = time.monotonic()
    child = subprocess.Popen(command, cwd=REPO_ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    killed, peak_kb = False, 0
    while True:
        peak_kb = max(peak_kb, _high_water_kb(child.pid))
        pid, status, usage = os.wait4(child.pid, os.WNOHANG)
        if pid:
            break
        if not killed and time.monotonic() - started > budget.time_s:
            child.send_signal(signal.SIGKILL)
            killed = True
        time.sleep(0.05)
    child.returncode = os.waitstatus_to_exitcode(status)
    wall = time.monotonic() - started
    stdout, stderr = child.stdout.read().decode(), child.stderr.read().decode()
    child.stdout.close()
    child.stderr.close()
    if killed:
        report = {"outcome": TIME_BUDGET, "stage": "?"}
    elif child.returncode != 0 or not stdout.strip():
        last = (stderr.strip().splitlines() or [f"exit status {child.returncode}"])[-1]
        report = {"outcome": "worker_died", "stage": "?", "message": last[:300]}
    else:
        report = json.loads(stdout.strip().splitlines()[-1])
    return {
        **report,
        "size": path.stat().st_size,
        "wall_s": round(wall, 2),
        "peak_mb": round((peak_kb or usage.ru_maxrss) / 1024),
    }


def _size(n: int) -> str:
    return f"{n / _MB:.1f} MB" if n >= _MB else f"{n / 1024:.1f} KB"


def print_row(name: str, row: dict) -> None:
    outcome = row["outcome"] if row["outcome"] == "landed" else f"{row['outcome']} ({row['stage']})"
    print(
        f"{name:<22} {_size(row['size']):>9} {outcome:<28} {row['wall_s']:>8.2f} "
        f"{row['peak_mb']:>7} {row.get('base_mb', 0):>6.0f}  {row.get('message', '')[:70]}",
        flush=True,
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--scale", type=float, default=1.0, help="multiply every file's size (default 1)")
    parser.add_argument("--only", nargs="+", metavar="NAME", help="only these files (names as printed)")
    parser.add_argument("--keep", action="store_true", help="keep the folder of built files and print its path")
    parser.add_argument("--time-budget", type=float, default=Budget().time_s, help="seconds per file")
    parser.add_argument("--memory-budget", type=int, default=Budget().memory_mb, help="MB per file")
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT, help=f"the JSON report (default {DEFAULT_OUT})")
    parser.add_argument("--child", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.child is not None:
        print(json.dumps(run_one(args.child, args.memory_budget)))
        return 0

    from tests.builders.hostile import catalogue

    budget = Budget(args.time_budget, args.memory_budget)
    folder = Path(tempfile.mkdtemp(prefix="hostile-"))
    rows: dict[str, dict] = {}
    print(f"budget per file: {budget.time_s:g} s, {budget.memory_mb} MB; files in {folder}")
    print(f"{'file':<22} {'size':>9} {'outcome (stage)':<28} {'seconds':>8} {'peak MB':>7} {'base':>6}  message")
    for hostile in catalogue(args.scale):
        if args.only and hostile.name not in args.only:
            continue
        path = folder / hostile.name
        path.write_bytes(hostile.build())
        rows[hostile.name] = {"why": hostile.why, **measure(path, budget)}
        print_row(hostile.name, rows[hostile.name])
        if not args.keep:
            path.unlink()
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps({"scale": args.scale, "budget": vars(budget), "files": rows}, indent=2))
    if args.keep:
        print(f"kept: {folder}")
    else:
        folder.rmdir()
    print(f"report: {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
