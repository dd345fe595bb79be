"""Each cleaning rule against its case file, `tests/cases/cleaning/<rule>.json`.

A case is {"label", "input", "expected"}: `expected` is the text after running only that rule.
A case with an "xfail" key documents a known bug: it runs as a strict xfail with that reason.
"""

from __future__ import annotations

import pytest

from tasks.domain.cleaning.engine import clean, replay
from tasks.domain.cleaning.registry import RULES, RULES_BY_NAME
from tests.case_files import case_params, load_case_files

pytestmark = pytest.mark.unit

CASE_FILES = load_case_files("cleaning")


def assert_audit_trail(raw: str, clean_text: str, removals) -> None:
    """Every removal holds exactly the raw text it took out, and replaying them gives the text."""
    for r in removals:
        assert 0 <= r.raw_start < r.raw_end <= len(raw), r
        assert raw[r.raw_start : r.raw_end] == r.text, r
    spans = sorted((r.raw_start, r.raw_end) for r in removals)
    for (_, end), (start, _) in zip(spans, spans[1:]):
        assert end <= start, f"overlapping removals: {spans}"
    assert replay(raw, removals) == clean_text


@pytest.mark.parametrize("rule_name, case", list(case_params(CASE_FILES)))
def test_rule_case(rule_name: str, case: dict) -> None:
    rule = RULES_BY_NAME[rule_name]
    text, removals = clean(case["input"], [rule])
    assert text == case["expected"]
    assert_audit_trail(case["input"], text, removals)
    assert all(r.rule == rule.label for r in removals)
    if case["expected"] == case["input"]:
        assert removals == []


def test_every_case_file_names_a_rule() -> None:
    assert set(CASE_FILES) <= set(RULES_BY_NAME)


@pytest.mark.parametrize("rule_name", [rule.name for rule in RULES])
def test_every_rule_has_positive_and_unchanged_cases(rule_name: str) -> None:
    cases = [c for c in CASE_FILES.get(rule_name, []) if "xfail" not in c]
    assert any(c["expected"] == c["input"] for c in cases), f"{rule_name}: no unchanged case"
    assert any(c["expected"] != c["input"] for c in cases), f"{rule_name}: no positive case"


@pytest.mark.parametrize("rule_name", sorted(CASE_FILES))
def test_case_labels_are_unique(rule_name: str) -> None:
    labels = [c["label"] for c in CASE_FILES[rule_name]]
    assert len(labels) == len(set(labels))
    assert all(set(c) <= {"label", "input", "expected", "xfail"} for c in CASE_FILES[rule_name])
