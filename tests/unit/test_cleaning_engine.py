"""The cleaning engine: mapping edits back to raw offsets, splitting, merging, replaying."""

from __future__ import annotations

import pytest

from tasks.domain.cleaning.engine import Edit, Ledger, Rule, clean, raw_to_clean, replay
from tasks.domain.cleaning.registry import RULES, RULES_BY_NAME, CleaningConfig
from tasks.domain.models import Removal

pytestmark = pytest.mark.unit


def fixed_rule(name: str, *edits: Edit) -> Rule:
    """A rule that proposes the same edits whatever the text."""
    return Rule(name, 1, lambda text: list(edits))


def substring_rule(name: str, target: str, replacement: str = "", kind: str = "test") -> Rule:
    """A rule that edits the first occurrence of `target` in the current text."""

    def find(text: str):
        start = text.find(target)
        return [] if start < 0 else [Edit(start, start + len(target), kind, replacement)]

    return Rule(name, 1, find)


def check_invariants(raw: str, text: str, removals) -> None:
    for r in removals:
        assert raw[r.raw_start : r.raw_end] == r.text
    assert replay(raw, removals) == text


# --- split: a later edit around an earlier deletion ---------------------------------------


def test_line_removal_around_a_bookmark_keeps_the_bookmark_artifact() -> None:
    raw = "Intro [bookmark: _GoBack]line\nThe mandates of specialized agencies"
    drop_line = substring_rule("drop_first_line", "Intro line\n", kind="line")
    text, removals = clean(raw, [RULES_BY_NAME["drop_word_bookmarks"], drop_line])

    assert text == "The mandates of specialized agencies"
    assert [(r.rule, r.kind, r.text) for r in removals] == [
        ("drop_first_line@1", "line", "Intro "),
        ("drop_word_bookmarks@1", "word_bookmark", "[bookmark: _GoBack]"),
        ("drop_first_line@1", "line", "line\n"),
    ]
    check_invariants(raw, text, removals)


def test_split_puts_the_replacement_on_the_last_piece_only() -> None:
    raw = "Page 3[bookmark: _GoBack] of 16"
    label = substring_rule("label_page", "Page 3 of 16", replacement="<p>")
    text, removals = clean(raw, [RULES_BY_NAME["drop_word_bookmarks"], label])

    assert text == "<p>"
    assert [(r.text, r.replacement) for r in removals] == [
        ("Page 3", ""),
        ("[bookmark: _GoBack]", ""),
        (" of 16", "<p>"),
    ]
    check_invariants(raw, text, removals)


def test_page_break_join_around_a_dropped_page_label_is_split() -> None:
    """A page label between two halves of a sentence: the label keeps its own artifact and the
    join is recorded as two pieces of the blank lines around it."""
    raw = "based on the principle of\n\nPage 3 of 16\n\nshared responsibility"
    text, removals = clean(
        raw, [RULES_BY_NAME["drop_page_number_lines"], RULES_BY_NAME["join_sentences_cut_by_page_breaks"]]
    )

    assert text == "based on the principle of shared responsibility"
    assert [(r.kind, r.text, r.replacement) for r in removals] == [
        ("page_break", "\n\n", ""),
        ("page_number", "Page 3 of 16\n", ""),
        ("page_break", "\n", " "),
    ]
    check_invariants(raw, text, removals)


def test_deletion_at_the_edge_of_an_edit_is_not_split_or_absorbed() -> None:
    raw = "A[bookmark: x]B"
    text, removals = clean(raw, [RULES_BY_NAME["drop_word_bookmarks"], substring_rule("b", "B")])
    assert text == "A"
    assert [(r.rule, r.text) for r in removals] == [("drop_word_bookmarks@1", "[bookmark: x]"), ("b@1", "B")]
    check_invariants(raw, text, removals)


# --- merge: a later edit overlapping an earlier replacement --------------------------------


def test_edit_overlapping_a_replacement_merges_into_one_removal() -> None:
    raw = "adopted under [A/RES/71/1](#) of 19 September 2016"
    drop = substring_rule("drop_symbol", "A/RES/71/1 ")
    text, removals = clean(raw, [RULES_BY_NAME["unwrap_empty_markdown_links"], drop])

    assert text == "adopted under of 19 September 2016"
    assert removals == [Removal("test", "drop_symbol@1", "[A/RES/71/1](#) ", "", 14, 30)]
    check_invariants(raw, text, removals)


def test_edit_inside_a_replacement_keeps_the_rest_of_it() -> None:
    raw = "under [A/RES/71/1](#) of"
    drop = substring_rule("drop_res", "RES")
    text, removals = clean(raw, [RULES_BY_NAME["unwrap_empty_markdown_links"], drop])

    assert text == "under A//71/1 of"
    assert [(r.rule, r.text, r.replacement) for r in removals] == [("drop_res@1", "[A/RES/71/1](#)", "A//71/1")]
    check_invariants(raw, text, removals)


def test_edit_starting_before_a_replacement_merges_from_raw_text() -> None:
    raw = "See [A/RES/71/1](#) now"
    drop = substring_rule("cut", "See A/RE")
    text, removals = clean(raw, [RULES_BY_NAME["unwrap_empty_markdown_links"], drop])

    assert text == "S/71/1 now"
    assert [(r.text, r.replacement, r.raw_start, r.raw_end) for r in removals] == [
        ("See [A/RES/71/1](#)", "S/71/1", 0, 19)
    ]
    check_invariants(raw, text, removals)


def test_trailing_no_break_space_is_one_removal_of_the_raw_character() -> None:
    """normalize_characters turns the NBSP into a space; tidy_whitespace then drops that space:
    the audit keeps one removal of the raw NBSP."""
    raw = "Dear Louise Arbour,\u00a0\nFirst of all"
    text, removals = clean(raw, [RULES_BY_NAME["normalize_characters"], RULES_BY_NAME["tidy_whitespace"]])

    assert text == "Dear Louise Arbour,\nFirst of all"
    assert [(r.rule, r.text, r.replacement) for r in removals] == [
        (RULES_BY_NAME["tidy_whitespace"].label, "\u00a0", "")
    ]
    check_invariants(raw, text, removals)


def test_edit_adjacent_to_a_replacement_does_not_merge() -> None:
    raw = "[Pacto Mundial](#) 2018"
    text, removals = clean(raw, [RULES_BY_NAME["unwrap_empty_markdown_links"], substring_rule("drop_year", " 2018")])
    assert text == "Pacto Mundial"
    assert [r.rule for r in removals] == [RULES_BY_NAME["unwrap_empty_markdown_links"].label, "drop_year@1"]
    check_invariants(raw, text, removals)


def test_edit_spanning_two_replacements_absorbs_both() -> None:
    raw = "[A](#) y [B](#) fin"
    text, removals = clean(raw, [RULES_BY_NAME["unwrap_empty_markdown_links"], substring_rule("drop", "A y B")])
    assert text == " fin"
    assert [(r.rule, r.text) for r in removals] == [("drop@1", "[A](#) y [B](#)")]
    check_invariants(raw, text, removals)


# --- what a rule may propose -----------------------------------------------------------------


@pytest.mark.parametrize(
    "edits",
    [
        (Edit(0, 5, "x"), Edit(3, 8, "x")),
        (Edit(0, 5, "x"), Edit(0, 5, "x", "y")),
        (Edit(2, 4, "x"), Edit(0, 8, "x")),
    ],
    ids=["partial", "identical", "nested"],
)
def test_overlapping_edits_from_one_rule_raise(edits) -> None:
    ledger = Ledger("Los Estados miembros")
    with pytest.raises(ValueError, match="overlapping edits"):
        ledger.apply(fixed_rule("bad", *edits))
    assert ledger.text == "Los Estados miembros"
    assert ledger.removals == []


def test_adjacent_edits_from_one_rule_are_fine() -> None:
    ledger = Ledger("**bold**")
    assert ledger.apply(fixed_rule("marks", Edit(0, 2, "m"), Edit(6, 8, "m"), Edit(2, 6, "m", "B"))) == 3
    assert ledger.text == "B"


def test_empty_and_no_op_edits_record_nothing() -> None:
    ledger = Ledger("peut-être")
    assert ledger.apply(fixed_rule("noop", Edit(3, 3, "x", "!"), Edit(0, 4, "x", "peut"))) == 0
    assert ledger.text == "peut-être"
    assert ledger.removals == []


def test_edits_are_applied_in_any_proposed_order() -> None:
    raw = "uno dos tres"
    text, removals = clean(raw, [fixed_rule("r", Edit(8, 12, "x", "3"), Edit(0, 3, "x", "1"))])
    assert text == "1 dos 3"
    assert [r.raw_start for r in removals] == [0, 8]


# --- replay and raw_to_clean --------------------------------------------------------------


def test_replay_accepts_removals_in_any_order() -> None:
    raw = "ab[x]cd[y]ef"
    removals = [Removal("k", "r@1", "[y]", "", 7, 10), Removal("k", "r@1", "[x]", "-", 2, 5)]
    assert replay(raw, removals) == "ab-cdef"


def test_raw_to_clean_maps_positions_around_removals() -> None:
    raw = "12345[bookmark: x]67890"
    text, removals = clean(raw, [RULES_BY_NAME["drop_word_bookmarks"]])
    convert = raw_to_clean(removals)
    assert text == "1234567890"
    assert convert(0) == 0
    assert convert(5) == 5  # the removal's start
    assert convert(10) == 5  # inside the removal: where its (empty) replacement ends
    assert convert(18) == 5  # the removal's end
    assert convert(20) == 7
    assert convert(len(raw)) == len(text)


def test_raw_to_clean_with_replacements() -> None:
    raw = "ver [A/RES/71/280](#) y\n\n\n\nel texto"
    text, removals = clean(raw, RULES)
    convert = raw_to_clean(removals)
    assert text == "ver A/RES/71/280 y el texto"
    assert text[convert(raw.index("ver")) :].startswith("ver")
    assert text[convert(raw.index(" y")) :].startswith(" y el")
    assert text[convert(raw.index("el texto")) :] == "el texto"
    assert convert(raw.index("[") + 1) == len("ver A/RES/71/280")  # inside: end of replacement
    assert convert(len(raw)) == len(text)


def test_raw_to_clean_keeps_every_copied_character() -> None:
    raw = "\n\nDear Louise Arbour, \n[bookmark: _GoBack]The **mandates** of  \n\n\n\nagencies\n"
    text, removals = clean(raw, RULES)
    convert = raw_to_clean(removals)
    removed = {p for r in removals for p in range(r.raw_start, r.raw_end)}
    for pos, char in enumerate(raw):
        if pos not in removed:
            assert text[convert(pos)] == char, pos


def test_raw_to_clean_without_removals_is_identity() -> None:
    convert = raw_to_clean([])
    assert [convert(p) for p in range(5)] == list(range(5))


# --- registry and configuration ----------------------------------------------------------


def test_config_disables_rules_in_order() -> None:
    rules = CleaningConfig(disabled=frozenset({"tidy_whitespace"})).rules()
    assert [r.name for r in rules] == [r.name for r in RULES if r.name != "tidy_whitespace"]


def test_config_rejects_unknown_rules() -> None:
    with pytest.raises(ValueError, match="strip_everything"):
        CleaningConfig(disabled=frozenset({"strip_everything"})).rules()


def test_rule_names_are_unique() -> None:
    assert len(RULES_BY_NAME) == len(RULES)
