"""What the command line prints: plain data in, rich renderables or text out."""

from __future__ import annotations

import csv
import io
import json
from datetime import date, datetime

from rich.markup import escape
from rich.table import Table

from tasks.domain.cleaning.guard import FLAG_SHARE, RemovedWords, flagged

_CELL = 80


def landed_table(rows: list[tuple], title: str) -> Table:
    table = Table(title=title, title_justify="left")
    for name in ("document", "title", "lang", "sect.", "para.", "noise removed"):
        table.add_column(name, overflow="fold")
    for source_path, doc_title, language, n_sections, n_paragraphs, noise in rows:
        table.add_row(
            source_path, _short(doc_title or "—", 48), language, str(n_sections), str(n_paragraphs), _noise(noise)
        )
    return table


def _noise(noise: list[dict] | None) -> str:
    """Removals by kind; whitespace tidying is counted apart, it is not noise in the text."""
    counted = [n for n in noise or [] if n["kind"] != "whitespace"]
    if not counted:
        return "none"
    return ", ".join(f"{n['n']} {n['kind']}" for n in sorted(counted, key=lambda n: -n["n"]))


def _short(text: str, width: int = _CELL) -> str:
    text = " ".join(str(text).split())
    return text if len(text) <= width else text[: width - 1] + "…"


def result_table(columns: list[str], rows: list[tuple]) -> Table:
    table = Table(show_lines=False)
    for column in columns:
        table.add_column(column, overflow="fold")
    for row in rows:
        table.add_row(*(_short(_plain(v)) if v is not None else "NULL" for v in row))
    return table


def _plain(value) -> str:
    if isinstance(value, (list, dict)):
        return json.dumps(value, default=str, ensure_ascii=False)
    return str(value)


def to_csv(columns: list[str], rows: list[tuple]) -> str:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(columns)
    for row in rows:
        writer.writerow(["" if v is None else _plain(v) for v in row])
    return out.getvalue()


def to_json(columns: list[str], rows: list[tuple]) -> str:
    return json.dumps([dict(zip(columns, row)) for row in rows], default=_json_default, ensure_ascii=False, indent=1)


def _json_default(value):
    if isinstance(value, (datetime, date)):
        return value.isoformat()
    return str(value)


_CONTEXT = 40


def _visible(text: str) -> str:
    return text.replace("\n", "⏎").replace("\t", "⇥")


def explain_lines(raw_text: str, artifacts: list[dict], hidden_kinds: set[str]) -> list[str]:
    """One block of rich markup per removal: where it was in the raw text, what was cut,
    what replaced it, and by which rule."""
    out = []
    for a in artifacts:
        if a["kind"] in hidden_kinds:
            continue
        start, end = a["raw_start"], a["raw_end"]
        before = _visible(raw_text[max(0, start - _CONTEXT) : start])
        after = _visible(raw_text[end : end + _CONTEXT])
        removed = _visible(a["text"])
        if len(removed) > 2 * _CONTEXT:
            removed = removed[:_CONTEXT] + " … " + removed[-_CONTEXT // 2 :]
        replacement = f"[green]{escape(_visible(a['replacement']))}[/green]" if a["replacement"] else ""
        page = f" page {a['page']}" if a["page"] is not None else ""
        out.append(
            f"[bold]#{a['artifact_no']}[/bold] {a['kind']} [dim]{a['rule']} raw {start}–{end}{page}[/dim]\n"
            f"  …{escape(before)}[red strike]{escape(removed)}[/red strike]{replacement}{escape(after)}…"
        )
    return out


def removed_words_lines(found: RemovedWords) -> list[str]:
    """Rich markup: how many of the document's words cleaning deleted, by rule, and whether
    that is more than a little furniture (guard.FLAG_SHARE) or more than a rule's allowance."""
    verdict = f" [yellow]— more than {FLAG_SHARE:.0%}: check the removals below[/yellow]" if flagged(found) else ""
    out = [
        f"words deleted {found.n_removed} of {found.n_words} ({found.removed_share:.1%}); "
        f"lost for good {found.n_lost} ({found.lost_share:.1%}){verdict}"
    ]
    over = {r.rule for r in found.over_allowance()}
    for r in found.rules:
        flag = " [red]over its allowance[/red]" if r.rule in over else ""
        out.append(
            f"  {escape(r.rule)} [dim]({r.allowance})[/dim]: {r.n_words} words deleted, "
            f"{r.n_words - r.n_excused} lost{flag}"
        )
    return out


# The document fields `show` prints, in order: (label, column).
_FIELDS = (
    ("symbol", "doc_symbol"),
    ("distribution", "distribution"),
    ("original", "original_language"),
    ("job number", "job_number"),
    ("session", "session"),
    ("agenda item", "agenda_item"),
    ("date", "doc_date"),
    ("authors", "authors"),
    ("organisations", "organizations"),
    ("places", "places"),
    ("UN symbols", "un_symbols"),
)


def outline_lines(doc: dict, sections: list[dict], why: bool = False) -> list[str]:
    """Rich markup: a document's title, metadata, the other versions in its family and the outline
    of its sections; with `why`, the step behind each field, heading and paragraph kind."""
    shares = ", ".join(f"{s['lang']} {s['share']:.0%}" for s in doc["languages"] or [])
    decisions = {d["field"]: d for d in doc.get("decisions") or []}
    out = [
        f"[bold]{escape(doc['title'] or 'untitled')}[/bold]" + (_why(decisions.get("title")) if why else ""),
        f"[dim]{doc['source_path']} · {doc['source_format']} · doc_id {doc['doc_id'][:12]}… · "
        f"{doc['pipeline_version']}[/dim]",
        f"language      {doc['language']} ({_confidence(doc['language_confidence'])}){'; ' + shares if shares else ''}",
    ]
    for label, key in _FIELDS:
        value = doc.get(key)
        if value:
            text = "; ".join(value) if isinstance(value, list) else str(value)
            out.append(f"{label:<13} {escape(text)}" + (_why(decisions.get(key)) if why else ""))
    if why:
        shown = {"title", *(key for _, key in _FIELDS if doc.get(key))}
        out += [
            f"{'(' + d['field'] + ')':<13} {escape(str(d['value']))}{_why(d)}"
            for d in decisions.values()
            if d["field"] not in shown
        ]
    pages = f"{doc['n_pages']} pages, " if doc["n_pages"] else ""
    out.append(
        f"size          {pages}{doc['n_sections']} sections, {doc['n_paragraphs']} paragraphs, {doc['n_words']} words"
    )
    out += family_lines(doc.get("family") or [])
    out.append("")
    for s in sections:
        out += _section_lines(s, why)
    return out


def family_lines(family: list[dict]) -> list[str]:
    """The other versions of the document: language, format, path, and how each was linked."""
    if not family:
        return ["family        no other version"]
    out = [f"family        {len(family)} other version{'s' if len(family) != 1 else ''}:"]
    for m in family:
        how = m["method"] + (f" {m['score']:.2f}" if m.get("score") is not None else "")
        out.append(
            f"              {m['language']} {m['source_format']:<5} {escape(m['source_path'])} "
            f"[dim]({how}, {m['doc_id'][:12]}…)[/dim]"
        )
    return out


def _why(decision: dict | None) -> str:
    if not decision:
        return ""
    evidence = f" “{escape(_short(decision['evidence'], 70))}”" if decision.get("evidence") else ""
    return f" [dim]← {escape(decision['step'])}{evidence}[/dim]"


def _section_lines(s: dict, why: bool) -> list[str]:
    indent = "  " * max(0, (s["level"] or 1) - 1)
    heading = escape(_short(s["heading"], 90)) if s["heading"] else "[dim](untitled opening)[/dim]"
    pages = (
        ""
        if s["page_start"] is None
        else (f" p.{s['page_start']}" + (f"–{s['page_end']}" if s["page_end"] != s["page_start"] else ""))
    )
    rule = f" · heading by {escape(s['heading_rule'] or 'unrecorded')}" if why and s["heading"] else ""
    out = [
        f"{s['section_no']:>3} {indent}{heading} [dim]· L{s['level']}{pages} · {s['language']}"
        f" ({_confidence(s['language_confidence'])}) · {s['n_words']} words{rule}[/dim]"
    ]
    if why:
        for p in s.get("paragraph_rules") or []:
            evidence = f" “{escape(_short(p['evidence'], 60))}”" if p.get("evidence") else ""
            out.append(f"    {indent}[dim]{p['n']} {p['kind']} by {escape(p['rule'])}{evidence}[/dim]")
    return out


def _confidence(value: float | None) -> str:
    return "inherited" if value is None else f"{value:.2f}"


def stale_line(outdated: dict[str, int]) -> str | None:
    """One line when documents in the warehouse were made by an older pipeline: how many, by which
    version(s), and the command that rebuilds them."""
    n = sum(outdated.values())
    if not n:
        return None
    versions = ", ".join(outdated)
    made = "document was made" if n == 1 else "documents were made"
    pipeline = "an older pipeline" if len(outdated) == 1 else "older pipelines"
    return f"{n} {made} by {pipeline} ({versions}); run `consultations reprocess` to rebuild them."
