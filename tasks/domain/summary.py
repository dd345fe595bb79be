"""The run summary people read in the Prefect UI: plain data in, markdown out."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Iterable

from tasks.domain.cleaning.guard import FLAG_SHARE
from tasks.domain.models import Failure

# A run of thousands of files lists its worst over-cleaned documents, not all of them.
MAX_OVERCLEANED = 50


@dataclass(frozen=True)
class RunSummary:
    run_id: str
    flow_name: str
    inbox: str
    counts: dict[str, int]  # seen, new, changed, unchanged, failed
    languages: dict[str, int] = field(default_factory=dict)  # documents per language
    noise: dict[str, int] = field(default_factory=dict)  # removals per kind, whitespace apart
    failures: tuple[Failure, ...] = ()
    slowest: tuple[tuple[str, float], ...] = ()  # (source_path, seconds in the stages), slowest first
    overcleaned: tuple[tuple[str, float], ...] = ()  # (source_path, share of words deleted), see overcleaned()
    # Every file that still fails across the warehouse, whichever run met it (None: not known).
    still_failing: tuple[Failure, ...] | None = None


def overcleaned(shares: Iterable[tuple[str, float | None]]) -> tuple[tuple[str, float], ...]:
    """Documents whose cleaning deleted more than a small share of their words (guard.FLAG_SHARE),
    most first: worth a look with `consultations explain`."""
    flagged = [(path, share) for path, share in shares if share is not None and share > FLAG_SHARE]
    return tuple(sorted(flagged, key=lambda item: (-item[1], item[0])))


def summary_markdown(s: RunSummary) -> str:
    lines = [f"# {s.flow_name} run `{s.run_id}`", "", f"Inbox: `{s.inbox}`", "", "| files | count |", "| --- | ---: |"]
    lines += [f"| {name} | {n} |" for name, n in s.counts.items()]
    lines += ["", "## Languages", ""]
    lines += _table("language", "documents", s.languages) if s.languages else ["No document landed."]
    lines += ["", "## Noise removed", ""]
    lines += _table("kind", "removals", s.noise) if s.noise else ["None."]
    lines += ["", f"## Documents that lost words to cleaning ({len(s.overcleaned)})", ""]
    lines += _overcleaned_lines(s.overcleaned)
    lines += ["", f"## Failures ({len(s.failures)})", ""]
    if s.failures:
        lines += ["| file | stage | error | what happened |", "| --- | --- | --- | --- |"]
        lines += [
            f"| {_cell(f.source_path)} | {f.stage} | {f.error_type} | {_cell(f.error_message)} |" for f in s.failures
        ]
    elif s.still_failing:
        lines.append("None in this run.")
    else:
        lines.append("None: every file was read.")
    if s.still_failing is not None:
        lines += ["", f"## Files still failing in the warehouse ({len(s.still_failing)})", ""]
        lines += _still_failing_lines(s.still_failing)
    if s.slowest:
        lines += ["", "## Slowest documents", "", "| file | seconds |", "| --- | ---: |"]
        lines += [f"| {_cell(path)} | {seconds:.2f} |" for path, seconds in s.slowest]
    return "\n".join(lines) + "\n"


def _still_failing_lines(failing: tuple[Failure, ...]) -> list[str]:
    """Every source whose last status is failed or retry: a run that read nothing new must not
    look clean while older failures stand."""
    if not failing:
        return ["None: every file in the warehouse landed."]
    lines = [
        "These files failed at their last reading and stay out of the warehouse until they change "
        "(or, for a passing failure, until the next run reads them again).",
        "",
        "| file | stage | error | what happened |",
        "| --- | --- | --- | --- |",
    ]
    lines += [
        f"| {_cell(f.source_path)} | {f.stage} | {f.error_type} | {_cell(f.error_message)} |"
        for f in failing[:MAX_OVERCLEANED]
    ]
    if len(failing) > MAX_OVERCLEANED:
        lines.append(f"| … and {len(failing) - MAX_OVERCLEANED} more | | | |")
    return lines


def _overcleaned_lines(documents: tuple[tuple[str, float], ...]) -> list[str]:
    if not documents:
        return [f"None: no document lost more than {FLAG_SHARE:.0%} of its words."]
    lines = [
        f"Cleaning deleted more than {FLAG_SHARE:.0%} of these documents' words (repeated page furniture "
        "and text kept elsewhere not counted): see `consultations explain <file>`.",
        "",
        "| file | words deleted |",
        "| --- | ---: |",
    ]
    lines += [f"| {_cell(path)} | {share:.1%} |" for path, share in documents[:MAX_OVERCLEANED]]
    if len(documents) > MAX_OVERCLEANED:
        lines.append(f"| … and {len(documents) - MAX_OVERCLEANED} more | |")
    return lines


def _table(key: str, value: str, counts: dict[str, int]) -> list[str]:
    rows = sorted(counts.items(), key=lambda item: (-item[1], item[0]))
    return [f"| {key} | {value} |", "| --- | ---: |"] + [f"| {k} | {n} |" for k, n in rows]


def _cell(text: str) -> str:
    return " ".join(text.split()).replace("|", "\\|")
