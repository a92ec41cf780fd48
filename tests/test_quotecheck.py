"""Quote comparison shared by verify and check: normalisation, fragments, ellipses, brackets, speakers."""

from __future__ import annotations

import pytest

from factcheck.models import Candidate, Quote, Source
from factcheck.quotecheck import (
    EXACT,
    MISATTRIBUTED,
    MISQUOTE,
    NARRATION,
    compare_quote,
    in_order,
    judge_across,
    same_person,
)
from factcheck.score import word_diff

SOURCE = "There are economic tools of leverage, there are of course military tools of leverage"


def _cand(text: str, quotes: list[tuple[str, str | None]], path: str = "a.txt") -> Candidate:
    qs = tuple(Quote(text=t, start=0, end=len(t), line=1, speaker=s) for t, s in quotes)
    return Candidate(pid=1, text=text, start=0, end=len(text), line=1, kind="sentence", speaker=None,
                     source=Source(path=path), quotes=qs)


@pytest.mark.parametrize("claimed", [
    "there are economic tools of leverage",  # a fragment, case
    "“There are economic tools of leverage — there are of course military tools of leverage.”",  # marks, dashes
    "There are economic tools ... military tools of leverage",  # an ellipsis, in order
    "There are economic tools…of leverage",
    "there are [Washington's] economic tools of leverage",  # an insertion
    "[There are] economic tools of leverage",
    "THERE   ARE ECONOMIC TOOLS OF LEVERAGE!",
])
def test_in_order_accepts_faithful_forms(claimed):
    assert in_order(claimed, SOURCE)


@pytest.mark.parametrize("claimed", [
    "military tools ... economic tools",  # pieces out of order
    "there are economic tools of pressure",
    "economic [weapons and] military tools",  # an insertion standing for too much (7 words)
])
def test_in_order_rejects_changes(claimed):
    assert not in_order(claimed, SOURCE)


def test_us_and_u_s_compare_equal():
    assert in_order("send US troops to Ukraine", "and send U.S. troops to Ukraine if")


def test_same_person():
    assert same_person("Vance", "J.D. Vance") and same_person("JD Vance", "J.D. Vance")
    assert same_person("Zelensky", "Volodymyr Zelenskyy")
    assert not same_person("Peskov", "J.D. Vance") and not same_person("Wicker", "Walker")
    assert not same_person("Mike Vance", "J.D. Vance")


def test_compare_quote_kinds():
    cand = _cand(f"“{SOURCE},” Vance was quoted as saying.", [(SOURCE, "J.D. Vance")])
    assert compare_quote("economic tools of leverage", "Vance", cand).kind == EXACT
    assert compare_quote("economic tools of leverage", None, cand).kind == EXACT
    wrong = compare_quote("there are economic tools of leverage", "Peskov", cand)
    assert wrong.kind == MISATTRIBUTED and "J.D. Vance" in wrong.reasons[0] and "Peskov" in wrong.reasons[0]
    changed = compare_quote("there are economic tools of pressure", "Vance", cand)
    assert changed.kind == MISQUOTE and "[-leverage-]{+pressure+}" in changed.diff
    assert compare_quote("the weather in Munich was cold today", "Vance", cand) is None


def test_narration_is_paraphrase_quoted_and_short_quotes_must_be_whole():
    cand = _cand("He indicated that Trump would employ a wide range of tools, calling it a “rookie mistake” today.",
                 [("rookie mistake", "Roger Wicker")])
    assert compare_quote("a wide range of tools", "Vance", cand).kind == NARRATION
    assert compare_quote("rookie mistake", "Wicker", cand).kind == EXACT
    assert compare_quote("rookie mistake", "Vance", cand).kind == MISATTRIBUTED
    assert compare_quote("a rookie", "Wicker", cand) is None  # a short fragment proves nothing
    assert compare_quote("mistake", "Wicker", cand) is None  # one word is a scare quote


def test_across_passages_the_speakers_own_words_win():
    other = _cand("“There are economic tools,” Peskov said.", [("There are economic tools", "Dmitry Peskov")], "b.txt")
    own = _cand(f"“{SOURCE},” Vance said.", [(SOURCE, "J.D. Vance")], "c.txt")
    judged, cand = judge_across("there are economic tools", "Vance", [other, own])
    assert judged.kind == EXACT and cand.source.path == "c.txt"
    judged, cand = judge_across("there are economic tools", "Rubio", [other, own])
    assert judged.kind == MISATTRIBUTED


def test_hyphenated_and_transliterated_surnames_are_the_same_person():
    assert same_person("Waller-Bridge", "Phoebe Waller-Bridge")
    assert same_person("Vuillemont-Smith", "Ronda Vuillemont-Smith")
    assert not same_person("Olena Zelensky", "Volodymyr Zelenskyy")
    assert not same_person("Mr. Johnson", "Mrs. Johnston")


def test_a_given_name_alone_is_the_full_name_it_opens():
    # FNC-1 training body 1008 calls the boy "Nikolai" and quotes "Nikolai Kryaglyachenko"
    assert same_person("Nikolai", "Nikolai Kryaglyachenko") and same_person("Nikolai Kryaglyachenko", "Nikolai")
    cand = _cand("He said: 'I can do things I couldn't do before but I don't have a lot of control over it.'",
                 [("I can do things I couldn't do before but I don't have a lot of control over it.",
                   "Nikolai Kryaglyachenko")])
    assert compare_quote("I can do things I couldn't do before", "Nikolai", cand).kind == EXACT
    assert compare_quote("I can do things I couldn't do before", "Boris", cand).kind == MISATTRIBUTED
    assert not same_person("Kryaglyachenko", "Nikolai Petrov") and not same_person("Nikolai", "Boris Nikolaev")


def test_a_given_name_may_be_an_honorific_and_surname_of_the_same_gender_only():
    cand = _cand("In an online video Miss Somers described her brother as a romantic who 'always believes the best "
                 "in people.'", [("always believes the best in people.", "Miss Somers")])
    assert compare_quote("always believes the best in people.", "Michael", cand).kind == MISATTRIBUTED
    assert compare_quote("always believes the best in people.", "Lucy", cand).kind not in (MISATTRIBUTED, EXACT)


def _long_quote_part(text: str, quote: str, q_start: int, q_end: int, start: int = 100) -> Candidate:
    """A passage at offsets start.. of a document holding a quote at q_start..q_end (a longer span)."""
    q = Quote(text=quote, start=q_start, end=q_end, line=1, speaker="Jane Smith")
    return Candidate(pid=1, text=text, start=start, end=start + len(text), line=1, kind="sentence",
                     speaker=None, source=Source(path="a.txt"), quotes=(q,))


LONG = "We will win this vote. The plan is working and the numbers prove it"


def test_a_sentence_inside_a_longer_quote_is_quoted_words_not_narration():
    # the second sentence of the quote: it closes here, then the reporter's words follow
    tail = _long_quote_part("The plan is working and the numbers prove it,” said Mayor Jane Smith, adding that "
                            "the vote would pass.", LONG, 77, 145)
    assert compare_quote("the numbers prove it", "Smith", tail).kind == EXACT
    assert compare_quote("the numbers disprove it", "Smith", tail).kind == MISQUOTE
    assert compare_quote("the vote would pass", "Smith", tail).kind == NARRATION
    # the first sentence: the quote opens here and runs on
    head = _long_quote_part("Smith spoke to the council on Monday: “We will win this vote.", LONG, 139, 207, 100)
    assert compare_quote("Smith spoke to the council", "Smith", head).kind == NARRATION
    assert compare_quote("We will lose this vote", "Smith", head).kind == MISQUOTE
    # a sentence wholly inside the quote has no narration at all
    said = "The plan is working and the numbers prove it beyond any reasonable doubt."
    middle = _long_quote_part(said, f"I said so. {said} It is.", 90, 190)
    changed = compare_quote("The plan is working and the numbers show it beyond any reasonable doubt", "Smith", middle)
    assert changed.kind == MISQUOTE and "[-prove-]{+show+}" in changed.diff


def test_a_misquote_diff_starts_where_the_claim_starts():
    source = "I think there is a deal that is going to come out of this that’s going to shock a lot of people."
    diff = word_diff(source, "I think there is a deal that's going to come out of this that's going to shock people.")
    assert diff.startswith("I think there is a deal ") and "{+I+}" not in diff
