"""Case files (`tests/cases/<kind>/<name>.json`): loading them and turning them into pytest
parameters, an `xfail` key becoming a strict xfail with its reason."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

CASES_ROOT = Path(__file__).resolve().parent / "cases"


def load_case_files(kind: str) -> dict[str, list[dict]]:
    """Every case file of one kind, by file name."""
    return {path.stem: json.loads(path.read_text(encoding="utf-8"))
            for path in sorted((CASES_ROOT / kind).glob("*.json"))}


def case_params(case_files: dict[str, list[dict]], with_name: bool = True):
    """One pytest parameter per case: `(name, case)`, or `(case,)` without the file name."""
    for name, cases in case_files.items():
        for case in cases:
            marks = [pytest.mark.xfail(strict=True, reason=case["xfail"])] if "xfail" in case else []
            values = (name, case) if with_name else (case,)
            yield pytest.param(*values, id=f"{name}: {case['label']}", marks=marks)
