"""Case files (`tests/cases/<kind>/<name>.json`): loading them and turning them into pytest
parameters, an `xfail` key becoming a strict xfail with its reason."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

CASES_ROOT = Path(__file__).resolve().parent / "cases"


def load_case_files(kind: str) -> dict[str, list[dict]]:
    """Every case file of one kind, by file name."""
    return {
        path.stem: json.loads(path.read_text(encoding="utf-8")) for path in sorted((CASES_ROOT / kind).glob("*.json"))
    }


def case_params(case_files: dict[str, list[dict]], with_name: bool = True):
    """One pytest parameter per case: `(name, case)`, or `(case,)` without the file name."""
    for name, cases in case_files.items():
        for case in cases:
            marks = [pytest.mark.xfail(strict=True, reason=case["xfail"])] if "xfail" in case else []
            values = (name, case) if with_name else (case,)
            yield pytest.param(*values, id=f"{name}: {case['label']}", marks=marks)


MUST_NOT = "not:"  # label prefix of a must-not-match case
LANGUAGE_PREFIXES = {"en:", "es:", "fr:", "pt:"}


def assert_labels_unique(cases: list[dict]) -> None:
    labels = [c["label"] for c in cases]
    assert len(labels) == len(set(labels)), "labels must be unique"
    for case in cases:
        assert "xfail" not in case or case["xfail"].strip(), f"{case['label']}: an xfail needs its reason"


def assert_matching_and_must_not_match(name: str, cases: list[dict]) -> None:
    """A case file proves both sides: something it must find, and something it must not."""
    passing = [c for c in cases if "xfail" not in c]
    assert any(c["label"].startswith(MUST_NOT) for c in passing), f"{name}: no must-not-match case that passes"
    assert any(not c["label"].startswith(MUST_NOT) for c in passing), f"{name}: no matching case that passes"


def assert_four_languages(name: str, cases: list[dict]) -> None:
    prefixes = {c["label"].removeprefix(MUST_NOT).strip()[:3] for c in cases}
    assert LANGUAGE_PREFIXES <= prefixes, f"{name}: {sorted(prefixes)}"
