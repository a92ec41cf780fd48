"""Speakers in news prose of many outlets (issue #5, round 6: rules for errors seen on FNC-1 bodies).

Every sentence here is invented; each test is one general rule of English news prose.
"""

from __future__ import annotations

from factcheck.documents import parse_text
from factcheck.segment import segment


def _said(text: str) -> dict[str, str | None]:
    return {q.text: q.speaker for q in segment(parse_text("t.txt", text, "0"))[1]}


def test_a_given_name_that_is_also_an_organisation_word_opens_a_person():
    text = 'Bill Roe of the League said the plan is "not in" its budget.'
    assert _said(text) == {"not in": "Bill Roe"}


def test_a_person_described_by_a_participle_phrase_is_the_subject_not_the_place_at_its_end():
    text = "A woman answering the door at the family home in Leeds told reporters: “We have nothing to say.”"
    assert _said(text) == {"We have nothing to say.": "the woman"}


def test_two_single_marks_close_a_double_quote():
    text = "“I cannot talk now, I am sorry,’’ Tom Roe said before hanging up. “Call back later.”"
    assert _said(text) == {"I cannot talk now, I am sorry": "Tom Roe", "Call back later.": "Tom Roe"}


def test_a_relative_clause_whose_closing_comma_is_inside_a_quote_leaves_the_name_before_it():
    text = 'Senator Ann Roe, who has avoided the word "crisis," told the paper that "we are in deep trouble."'
    assert _said(text)["we are in deep trouble."] == "Ann Roe"
