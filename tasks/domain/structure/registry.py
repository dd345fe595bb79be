"""The ordered registry of structure steps.

Order matters: paragraphs are cut first; the kinds the cleaning and the template already tell
(footnotes, masthead lines, markup headings) are decided before any guess from shape; headings
that run into their text are cut out before lines are classified; the title is found once
every line has a kind, and the lines above it become front matter; levels are settled last,
when the title and the numbering styles are known; a final signature block comes after."""

from __future__ import annotations

from tasks.domain.structure import steps
from tasks.domain.structure.records import Step

STEPS: tuple[Step, ...] = (
    Step("split_paragraphs", 1, steps.split_paragraphs),
    Step("mark_footnotes", 1, steps.mark_footnotes),
    Step("mark_masthead", 4, steps.mark_masthead),
    Step("mark_markup_headings", 2, steps.mark_markup_headings),
    Step("headings_by_part_word", 1, steps.headings_by_part_word),
    Step("split_inline_headings", 1, steps.split_inline_headings),
    Step("split_recurring_subheadings", 1, steps.split_recurring_subheadings),
    Step("classify_salutations_and_closings", 2, steps.classify_salutations_and_closings),
    Step("headings_by_numbering", 2, steps.headings_by_numbering),
    Step("headings_by_layout", 3, steps.headings_by_layout),
    Step("mark_list_items_and_text", 1, steps.mark_list_items_and_text),
    Step("find_title", 3, steps.find_title),
    Step("mark_front_matter", 1, steps.mark_front_matter),
    Step("place_bold_headings", 1, steps.place_bold_headings),
    Step("nest_numbering", 1, steps.nest_numbering),
    Step("place_subheadings", 1, steps.place_subheadings),
    Step("mark_signature", 1, steps.mark_signature),
)
STEPS_BY_NAME = {step.name: step for step in STEPS}
