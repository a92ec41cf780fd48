"""Speakers in news prose of many outlets (issue #5, round 5: rules for errors seen on FNC-1 bodies).

Every sentence here is invented; each test is one general rule of English news prose.
"""

from __future__ import annotations

from factcheck.documents import parse_text
from factcheck.segment import segment


def _said(text: str) -> dict[str, str | None]:
    return {q.text: q.speaker for q in segment(parse_text("t.txt", text, "0"))[1]}


def test_a_nationality_before_a_role_is_no_name():
    said = _said("“We are still looking at it,” said an Iraqi intelligence official. “There is nothing yet.”")
    assert said == {"We are still looking at it": "an Iraqi intelligence official",
                    "There is nothing yet.": "an Iraqi intelligence official"}


def test_a_nationality_or_a_country_is_no_antecedent_for_he():
    text = ("Iraqi forces have struggled since June. Tom Brown said the plan would work. Saudi Arabia did not "
            "comment. “We will train them,” he said.")
    assert _said(text) == {"We will train them": "Tom Brown"}
