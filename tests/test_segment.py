"""Segmentation: sentences with offsets and lines, noise left out, quotes with speakers."""

from __future__ import annotations

from conftest import SEEDS
from hypothesis import given, settings
from hypothesis import strategies as st

from factcheck.documents import parse_text, read_document
from factcheck.segment import segment


def _doc(text, fmt="text"):
    return parse_text("t.txt", text, "0", fmt)


def _sentences(text, fmt="text"):
    return [p.text for p in segment(_doc(text, fmt))[0]]


def test_no_space_after_period():
    out = _sentences("He spoke of Russia and Ukraine.Vance, meanwhile, outlined a firm stance.")
    assert out == ["He spoke of Russia and Ukraine.", "Vance, meanwhile, outlined a firm stance."]


def test_sentence_broken_across_blank_line():
    out = _sentences("Officials raised concerns that Kyiv may be sidelined in talks about its own\n\nfuture.\n\nNext one here.")
    assert out[0] == "Officials raised concerns that Kyiv may be sidelined in talks about its own future."
    assert out[1] == "Next one here."


def test_space_before_period_and_abbreviations():
    out = _sentences("Hegseth addressed the troops entering Ukraine . U.S. Vice President J.D. Vance spoke. Mr. Smith agreed.")
    assert out == ["Hegseth addressed the troops entering Ukraine.", "U.S. Vice President J.D. Vance spoke.", "Mr. Smith agreed."]


def test_markdown_link_is_its_text():
    out = _sentences("Vance [told](#) the Wall Street Journal on Friday.", fmt="markdown")
    assert out == ["Vance told the Wall Street Journal on Friday."]


def test_seed_noise_is_not_evidence():
    doc = read_document(str(SEEDS / "004_b0943fd7179c371a.txt"))
    texts = [p.text for p in segment(doc)[0]]
    joined = " ".join(texts)
    assert "Gage Skidmore" not in joined
    assert "Related article" not in joined
    assert "https://" not in joined and "Original url" not in joined
    assert "February 14, 2025" not in joined
    assert any(t.endswith("about its own future.") for t in texts)


def test_offsets_and_lines_point_into_the_file():
    path = SEEDS / "004_b0943fd7179c371a.txt"
    doc = read_document(str(path))
    lines = doc.text.split("\n")
    for p in segment(doc)[0]:
        raw = doc.text[p.start:p.end]
        assert raw.split()[0].strip("“\"*") in lines[p.line - 1]
        assert p.text.split()[0] == " ".join(raw.split()).split()[0]


def test_seed_quotes_and_speakers():
    doc = read_document(str(SEEDS / "004_b0943fd7179c371a.txt"))
    quotes = {q.text[:30]: q.speaker for q in segment(doc)[1]}
    assert quotes["There are economic tools of le"] == "J.D. Vance"
    assert quotes["We had not heard such wording "] == "Dmitry Peskov"
    assert quotes["lengthy and highly productive "] == "Donald Trump"
    # a quote nested inside Vance's quote keeps its own speaker: "He" is the president
    assert quotes["Everything is on the table, le"] == "Donald Trump"
    assert quotes["He’s going to say, ‘Everything"] == "J.D. Vance"
    doc0 = read_document(str(SEEDS / "000_e5fcfa7cbf71c661.txt"))
    assert {q.text: q.speaker for q in segment(doc0)[1]}["rookie mistake"] == "Roger Wicker"


@settings(max_examples=150, deadline=None)
@given(st.text(alphabet=st.characters(codec="utf-8", exclude_categories=("Cs",)), max_size=400))
def test_any_text_segments_with_valid_offsets(text):
    doc = _doc(text)
    passages, quotes = segment(doc)
    for p in passages:
        assert 0 <= p.start < p.end <= len(doc.text)
        assert p.line == doc.text.count("\n", 0, p.start) + 1
    for q in quotes:
        assert 0 <= q.start <= q.end <= len(doc.text)


def test_every_sentence_of_a_long_quote_is_a_quote_of_its_speaker():
    doc = _doc('Smith said, "I have known the treasurer for ten years. He has never asked me for anything. '
               'I trust him completely." The council then voted on the budget for the coming year.')
    passages, quotes = segment(doc)
    [q] = quotes
    assert q.speaker == "Smith" and q.text.endswith("I trust him completely.")
    inside = [p for p in passages if p.start < q.end and p.end > q.start]
    assert len(inside) == 3
    assert all(p.kind == "quote" and p.speaker == "Smith" for p in inside)
    after = [p for p in passages if p.start >= q.end]
    assert after and all(p.kind == "sentence" and p.speaker is None for p in after)
