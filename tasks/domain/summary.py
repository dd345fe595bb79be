"""The run summary people read in the Prefect UI: plain data in, markdown out."""
from __future__ import annotations

from dataclasses import dataclass, field

from tasks.domain.models import Failure


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


def summary_markdown(s: RunSummary) -> str:
    lines = [f"# {s.flow_name} run `{s.run_id}`", "", f"Inbox: `{s.inbox}`", "",
             "| files | count |", "| --- | ---: |"]
    lines += [f"| {name} | {n} |" for name, n in s.counts.items()]
    lines += ["", "## Languages", ""]
    lines += _table("language", "documents", s.languages) if s.languages else ["No document landed."]
    lines += ["", "## Noise removed", ""]
    lines += _table("kind", "removals", s.noise) if s.noise else ["None."]
    lines += ["", f"## Failures ({len(s.failures)})", ""]
    if s.failures:
        lines += ["| file | stage | error | what happened |", "| --- | --- | --- | --- |"]
        lines += [f"| {_cell(f.source_path)} | {f.stage} | {f.error_type} | {_cell(f.error_message)} |"
                  for f in s.failures]
    else:
        lines.append("None: every file was read.")
    if s.slowest:
        lines += ["", "## Slowest documents", "", "| file | seconds |", "| --- | ---: |"]
        lines += [f"| {_cell(path)} | {seconds:.2f} |" for path, seconds in s.slowest]
    return "\n".join(lines) + "\n"


def _table(key: str, value: str, counts: dict[str, int]) -> list[str]:
    rows = sorted(counts.items(), key=lambda item: (-item[1], item[0]))
    return [f"| {key} | {value} |", "| --- | ---: |"] + [f"| {k} | {n} |" for k, n in rows]


def _cell(text: str) -> str:
    return " ".join(text.split()).replace("|", "\\|")
