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


def test_a_described_news_source_is_the_antecedent_of_he_and_a_definite_one_with_its_head_is_the_same():
    text = ("The group holds the body of Tom Brown. A former Syrian rebel fighter, speaking anonymously, has "
            "admitted he was approached by the group.\n\nHe said: “They want the money first.”\n\n"
            "The anonymous fighter claimed he wanted to help.\n\nHe called it “a humanity case.”")
    assert _said(text) == {"They want the money first.": "the former syrian rebel fighter",
                           "a humanity case.": "the former syrian rebel fighter"}


def test_the_diplomatic_source_is_not_the_person_named_just_before():
    text = "The son of an aide to Tom Brown is in hiding. “There was an attempt to force him back,” said the diplomatic source."
    assert _said(text) == {"There was an attempt to force him back": "the diplomatic source"}


def test_the_journalist_is_the_journalist_named_before():
    text = ("According to journalist Tom Roe, the woman planned it. “He has been played,” Roe said.\n\n"
            "The journalist also said the man feels “it is a stupid idea”.")
    assert _said(text) == {"He has been played": "Tom Roe", "it is a stupid idea": "Tom Roe"}
