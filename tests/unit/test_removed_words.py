"""The removed-words guard: which rule removed real words, and how many (texts written for the test)."""

from __future__ import annotations

import pytest

from tasks.domain.cleaning import clean_document
from tasks.domain.cleaning.engine import Edit, Rule, clean
from tasks.domain.cleaning.guard import (
    BOILERPLATE,
    CONTENTS,
    FURNITURE,
    MOVED,
    STRICT,
    flagged,
    removed_words,
    removed_words_of,
    rule_class,
)
from tasks.domain.cleaning.registry import RULES
from tasks.domain.models import RawDocument, Removal

pytestmark = pytest.mark.unit

PROSE = (
    "The regional review examined the implementation of the compact in every country of the region. "
    "Delegations described national policies on labour migration and on the protection of migrants."
)


def line_rule(name: str, predicate, kind: str = "test") -> Rule:
    """A rule that deletes every line the predicate picks, with its line break."""

    def find(text: str):
        pos = 0
        for line in text.splitlines(keepends=True):
            if predicate(line.rstrip("\n")):
                yield Edit(pos, pos + len(line), kind)
            pos += len(line)

    return Rule(name, 1, find)


def guard_after(raw: str, *rules: Rule):
    text, removals = clean(raw, rules)
    return removed_words_of(raw, text, removals)


def test_a_rule_deleting_a_line_of_prose_is_over_its_allowance():
    raw = f"{PROSE}\n\nThe delegations examined the protection of migrants.\n\n{PROSE}\n"
    found = guard_after(raw, line_rule("drop_short_sentences", lambda line: line.startswith("The delegations")))
    (rule,) = found.rules
    assert (rule.rule, rule.allowance, rule.n_excused) == ("drop_short_sentences", STRICT, 0)
    # words the text keeps elsewhere; `of` is too short to tell a word
    assert rule.n_words == 6 and rule.n_letters == len("thedelegationsexaminedtheprotectionmigrants")
    assert found.over_allowance() == [rule]


def test_example_names_the_lost_words_in_order():
    raw = f"{PROSE}\nThe delegations examined the region.\n{PROSE}\n"
    found = guard_after(raw, line_rule("drop_it", lambda line: line.startswith("The delegations")))
    example = found.rules[0].examples[0]
    assert example.words == ("the", "delegations", "examined", "the", "region")
    assert example.text == "The delegations examined the region.\n"
    assert raw[example.raw_start : example.raw_end] == example.text


def test_noise_that_holds_no_word_removes_nothing():
    noise = {"12", "~^|¦ lllll ,;:", "- 3 -", "GE.25-10053 (E)", "iii"}
    raw = f"{PROSE}\n\n12\n\n~^|¦ lllll ,;:\n\n{PROSE}\n- 3 -\nGE.25-10053 (E)\niii\n"
    found = guard_after(raw, line_rule("drop_noise", lambda line: line in noise))
    assert found.rules == () and found.n_removed == 0
    assert found.n_words > 20


def test_a_join_or_a_spelled_out_ligature_removes_nothing():
    raw = f"{PROSE} The migra-\ntion of workers and their ﬁnancial security.\n"
    doc = clean_document(RawDocument("d", "a.txt", "txt", raw, "utf-8"))
    assert "migration" in doc.clean_text and "financial" in doc.clean_text
    assert removed_words(doc).rules == ()


def test_a_replacement_that_keeps_the_words_removed_nothing():
    raw = "Read [the report](https://example.org/the-report-of-the-committee) of the committee.\n"
    start, end = raw.index("["), raw.index(")") + 1
    removal = Removal("markdown_residue", "unwrap_markdown_links@1", raw[start:end], "the report", start, end)
    clean_text = raw[:start] + "the report" + raw[end:]
    assert removed_words_of(raw, clean_text, [removal]).rules == ()  # the address's words are no prose


def test_a_move_within_one_rule_removes_nothing():
    raw = "Footnote text here.\n\nBody of the document.\n"
    moved_out = Removal("move", "move_notes@1", "Footnote text here.\n\n", "", 0, 21)
    moved_in = Removal("move", "move_notes@1", "\n", "\n\nFootnote text here.\n", len(raw) - 1, len(raw))
    clean_text = "Body of the document.\n\nFootnote text here.\n"
    assert removed_words_of(raw, clean_text, [moved_out, moved_in]).rules == ()


def test_a_piece_cut_out_of_a_word_counts_and_the_whole_word_decides():
    raw = "The implementation of the compact.\nThe implementation continues.\n"
    cut = raw.index("mentation")
    removal = Removal("test", "chop@1", "mentation", "", cut, cut + len("mentation"))
    clean_text = raw[:cut] + raw[cut + len("mentation") :]
    (rule,) = removed_words_of(raw, clean_text, [removal]).rules
    assert rule.n_words == 1 and rule.n_letters == len("mentation")


def test_symbols_addresses_roman_numerals_and_one_letter_runs_are_not_words():
    raw = f"{PROSE}\nA/INF/76/1 www.example.org/report info@example.org XIV lllll\n{PROSE} Report info XIV\n"
    found = guard_after(raw, line_rule("drop_debris", lambda line: line.startswith("A/INF")))
    assert found.rules == ()


def test_a_word_the_clean_text_never_keeps_counts_only_when_it_is_a_function_word():
    raw = f"{PROSE}\nzyxwv qwrtp without within\n"
    found = guard_after(raw, line_rule("drop_it", lambda line: line.startswith("zyxwv")))
    assert found.rules[0].examples[0].words == ("without", "within")


def test_repeated_running_headers_are_excused_a_one_off_header_is_not():
    page = f"Regional review of the compact\n{PROSE * 3}\n"
    one_off = "Delegations described the policies"
    raw = "\f".join([page] * 3) + f"\f{one_off}\n{PROSE}\n"
    rule = line_rule(
        "drop_running_headers_and_footers",
        lambda line: line.lstrip("\f") in ("Regional review of the compact", one_off),
        "running_header",
    )
    found = guard_after(raw, rule)
    (furniture,) = found.rules
    assert furniture.allowance == FURNITURE
    assert furniture.n_words == 3 * 4 + 4  # regional review the compact, three times; the one-off line
    assert furniture.n_excused == 3 * 4
    assert furniture.excess(found.n_words) == 4 and furniture in found.over_allowance()


def test_a_furniture_line_whose_phrase_the_text_keeps_is_excused():
    raw = f"Migration in the Americas\n\n# Migration in the Americas\n\n{PROSE * 2}\n"
    header = line_rule("drop_running_headers_and_footers", lambda line: line == "Migration in the Americas")
    found = guard_after(raw, header)
    (rule,) = found.rules
    assert rule.n_words == 3 and rule.n_excused == 3 and found.over_allowance() == []


def test_a_page_label_is_excused_for_furniture_never_for_a_strict_rule():
    raw = f"{PROSE}\nPage 2\n{PROSE} The page.\n"
    furniture = guard_after(raw, line_rule("drop_page_number_lines", lambda line: line == "Page 2"))
    strict = guard_after(raw, line_rule("drop_ocr_garbage_lines", lambda line: line == "Page 2"))
    assert furniture.rules[0].n_excused == 1 and furniture.over_allowance() == []
    assert strict.rules[0].n_excused == 0 and strict.over_allowance() == list(strict.rules[:1])


def test_a_masthead_line_read_into_fields_is_excused_for_furniture_a_line_of_prose_is_not():
    masthead, prose_line = "Distr.: General 18 June 2018", "Gravely concerned about displaced persons"
    raw = f"{masthead}\n{prose_line}\n{PROSE} The General Assembly met in June.\n"
    header = guard_after(raw, line_rule("drop_running_headers_and_footers", lambda line: line == masthead))
    assert header.rules[0].n_words == header.rules[0].n_excused == 2 and header.over_allowance() == []
    prose = guard_after(raw, line_rule("drop_running_headers_and_footers", lambda line: line == prose_line))
    assert prose.rules[0].n_excused == 0 and prose.over_allowance() == list(prose.rules[:1])


def test_furniture_over_a_tenth_of_the_document_is_over_its_allowance_even_when_repeated():
    raw = "".join(f"Article of the convention\nThe article {i} of the convention applies.\n" for i in range(20))
    found = guard_after(raw, line_rule("drop_running_headers_and_footers", lambda line: line.startswith("Article")))
    (rule,) = found.rules
    assert rule.n_excused == rule.n_words == 60 and found.n_words == 160
    assert rule.excess(found.n_words) > 0 and found.over_allowance() == [rule]


def test_boilerplate_and_tables_are_reported_never_over_their_allowance():
    raw = "Similar documents\nThe report of the committee on migration\n\nBody of the report.\n"
    cut = raw.index("Body")
    block = Removal("similar_documents", "drop_similar_documents_block@2", raw[:cut], "", 0, cut)
    found = removed_words_of(raw, raw[cut:], [block])
    (rule,) = found.rules
    assert rule.allowance == BOILERPLATE and rule.n_words == 3 and found.over_allowance() == []
    assert found.lost_share == 3 / found.n_words  # the titles stay only in the artifacts: lost from the text
    table = Removal("table", "pdf_reader@1", raw[:cut], "", 0, cut)
    moved = removed_words_of(raw, raw[cut:], [table])
    assert moved.rules[0].allowance == MOVED and moved.removed_share == 0 == moved.lost_share


def test_tolerance_is_a_word_a_thousand():
    words = " ".join(["the report of the committee"] * 125) + "\n"  # 500 dictionary-like words
    raw = words + "The committee\nReport\n" + words
    two = guard_after(raw, line_rule("drop_it", lambda line: line == "The committee"))
    one = guard_after(raw, line_rule("drop_it", lambda line: line == "Report"))
    assert two.tolerance() == one.tolerance() == 1
    assert two.rules[0].n_words == 2 and two.over_allowance() == list(two.rules[:1])
    assert one.rules[0].n_words == 1 and one.over_allowance() == []


def test_a_new_rule_is_strict_until_it_says_why_it_removes_words():
    assert rule_class("drop_anything_new") == STRICT
    assert rule_class("pdf_reader:some_new_kind") == STRICT
    assert rule_class("drop_contents_lists") == CONTENTS
    assert rule_class("html_reader:footer") == BOILERPLATE and rule_class("docx_reader:running_footer") == FURNITURE
    gated = {r.name: rule_class(r.name) for r in RULES}
    assert gated["drop_ocr_garbage_lines"] == gated["join_words_broken_by_hyphenation"] == STRICT
    assert gated["drop_page_number_lines"] == gated["drop_running_headers_and_footers"] == FURNITURE


def test_a_document_that_lost_more_than_its_share_is_flagged():
    raw = f"Menu\nHome About Contact the services for members and their families\n\n{PROSE}\n"
    cut = raw.index("The regional")
    nav = Removal("navigation", "html_reader@1", raw[:cut], "", 0, cut)
    assert flagged(removed_words_of(raw, raw[cut:], [nav]))
    assert not flagged(removed_words_of(PROSE, PROSE, []))


def test_the_run_summary_lists_documents_that_lost_more_than_their_share_most_first():
    from tasks.domain.summary import RunSummary, overcleaned, summary_markdown

    documents = overcleaned([("a.txt", 0.002), ("web/page.html", 0.31), ("post.md", 0.07), ("old.txt", None)])
    assert documents == (("web/page.html", 0.31), ("post.md", 0.07))
    text = summary_markdown(RunSummary("r", "ingest", "/inbox", {"seen": 4}, overcleaned=documents))
    assert "## Documents that lost words to cleaning (2)" in text
    assert text.index("| web/page.html | 31.0% |") < text.index("| post.md | 7.0% |")
    assert "None: no document lost more than 5% of its words." in summary_markdown(RunSummary("r", "ingest", "/i", {}))


def test_the_guard_names_only_rules_the_registry_has() -> None:
    """A renamed rule must not silently fall back to the strict allowance."""
    from tasks.domain.cleaning import guard
    from tasks.domain.cleaning.registry import RULES_BY_NAME

    assert set(guard._RULE_CLASSES) <= set(RULES_BY_NAME)
