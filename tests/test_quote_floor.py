"""Accuracy floors for quotes and speakers on the labelled slices in fixtures/quotes/.

`benchmarks/quotes.py` measures the full data sets; these floors catch regressions in CI.
"""

from __future__ import annotations

import hashlib
import json
import re

import pytest
from conftest import FIXTURES, ROOT, load_json

from factcheck.documents import parse_text, read_document
from factcheck.quotes import extract_quotes
from factcheck.segment import _line_starts, segment, sentence_spans
from factcheck.speakers import name_key, same_person


def _litbank_scores() -> tuple[float, float]:
    """Return (exact quote-span F1, speaker accuracy on exact spans) over the LitBank slice."""
    rows = [json.loads(line) for line in (FIXTURES / "quotes" / "litbank_slice.jsonl").open(encoding="utf-8")]
    books: dict[str, list[dict]] = {}
    for r in rows:
        books.setdefault(r["doc"], []).append(r)
    tp = pred = gold = right = 0
    for passages in books.values():
        passages.sort(key=lambda r: r["passage"])
        whole = " ".join(r["text"] for r in passages)
        quotes = [q for q in extract_quotes(whole, sentence_spans(whole), _line_starts(whole)) if q.depth == 0]
        offset = 0
        for r in passages:
            end = offset + len(r["text"])
            found = {(q.span_start - offset, q.span_end - offset): q for q in quotes if offset <= q.span_start < end}
            labels = {(g["start"], g["end"]): g for g in r["quotes"]}
            pred += len(found)
            gold += len(labels)
            for key in found.keys() & labels.keys():
                tp += 1
                q, g = found[key], labels[key]
                span_ok = q.mention_start is not None and any(
                    s < q.mention_end - offset and q.mention_start - offset < e for s, e in g["mentions"])
                words = set(name_key(q.speaker or "")[0]) & {w.lower() for w in re.findall(r"\w{2,}", g["speaker"])}
                right += span_ok or bool(words)
            offset = end + 1
    p, r_ = tp / pred, tp / gold
    return 2 * p * r_ / (p + r_), right / tp


def _norm(text: str) -> str:
    return " ".join(re.sub(r"[^\w\s]", "", text).split()).casefold()


_STOP = frozenset("the a an of for to in on at by and s".split())


def _speaker_ok(predicted: str | None, gold: str) -> bool:
    """Return True when the names match, or one's words (articles aside) contain the other's ("the bank")."""
    if not predicted:
        return False
    a, b = set(_norm(predicted).split()) - _STOP, set(_norm(gold).split()) - _STOP
    return same_person(predicted, gold) or bool(a and b and (a <= b or b <= a))


def _dev_page(doc_id: str) -> bool:
    """Return True for the seeds and the dev pages of benchmarks/quotes.py (same hash of the page's id).

    The floors hold on dev pages only: a floor over test pages would tell whoever tunes a rule
    how it does on test (a change reverted for breaking such a floor is tuning on test).
    """
    return doc_id.startswith("seeds/") or hashlib.sha256(doc_id.encode()).hexdigest()[0] in "01234567"


def _news_scores(fixture: str = "news.json", every_page: bool = False) -> tuple[float, int]:
    """Return (speaker accuracy on the labelled quotes found, scare quotes or titles taken for speech), dev pages.

    `every_page` for a fixture that is dev material throughout (news_fnc.json and news_fnc6.json to
    news_fncN.json have no test pages).
    """
    data = load_json(f"quotes/{fixture}")
    scored = right = false = 0
    for d in data["documents"]:
        if not (every_page or _dev_page(d["id"])):
            continue
        if "file" in d:
            doc = read_document(str(ROOT / d["file"]))
        else:
            head = d["title"] + "\n\n" if d["title"] else ""  # FNC-1 bodies have no headline
            doc = parse_text(d["id"] + ".txt", head + "\n\n".join(d["paragraphs"]) + "\n", "0")
        quotes = [(_norm(q.text), q) for q in segment(doc)[1]]
        for lab in d["quotes"]:
            hits = [q for t, q in quotes if _norm(lab["quote"]) in t]
            if not hits or lab["speaker"] is None:
                continue
            q = min(hits, key=lambda q: len(q.text))
            scored += 1
            names = [lab["speaker"], *lab.get("also", [])]
            right += any(_speaker_ok(q.speaker, n) for n in names)
        # a scare quote is taken for speech when a quote is that span (or opens with a long title's first words)
        false += sum(1 for lab in d["not_quotes"] if any(
            t == _norm(lab) or len(lab.split()) >= 4 and t.startswith(_norm(lab)) for t, _ in quotes))
    return right / scored, false


def test_litbank_slice_floor():
    floors = load_json("floors.json")
    f1, speakers = _litbank_scores()
    assert f1 >= floors["litbank_slice_quote_f1"], f"quote-span F1 {f1:.3f}"
    assert speakers >= floors["litbank_slice_speaker_accuracy"], f"speaker accuracy {speakers:.3f}"


def test_news_speaker_floor():
    floors = load_json("floors.json")
    accuracy, false = _news_scores()
    assert accuracy >= floors["news_speaker_accuracy"], f"news speaker accuracy {accuracy:.3f}"
    assert false <= floors["news_false_quotes_max"], f"{false} scare quotes or titles taken for speech"


def test_news_htmldate_speaker_floor():
    floors = load_json("floors.json")
    accuracy, false = _news_scores("news_htmldate.json")
    assert accuracy >= floors["news_htmldate_speaker_accuracy"], f"news (htmldate pages) speaker accuracy {accuracy:.3f}"
    assert false <= floors["news_htmldate_false_quotes_max"], f"{false} scare quotes or titles taken for speech"


def _fnc_fixtures() -> list[str]:
    """Return the FNC-1 rounds' fixture names in round order (news_fnc.json is round 5)."""
    return sorted((p.name for p in (FIXTURES / "quotes").glob("news_fnc*.json")),
                  key=lambda n: int(n.removeprefix("news_fnc").removesuffix(".json") or 5))


@pytest.mark.parametrize("fixture", _fnc_fixtures())
def test_news_fnc_speaker_floor(fixture):
    floors = load_json("floors.json")
    key = fixture.removesuffix(".json")
    accuracy, false = _news_scores(fixture, every_page=True)
    assert accuracy >= floors[f"{key}_speaker_accuracy"], f"news (FNC-1 bodies, {fixture}) speaker accuracy {accuracy:.3f}"
    assert false <= floors[f"{key}_false_quotes_max"], f"{false} scare quotes or titles taken for speech"
