"""The ingest path's cheap pre-checks give what the full regexes give (issue #7: build speed).

Each shortcut skips a regex when a plain string test shows it cannot match. These tests run
both on every line, sentence and phrase of real articles (the seeds and the fixture texts), so
a regex alternative added without its pre-check word fails here.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from factcheck import attribution, documents, quotes, speakers, subjects, text
from factcheck.cues import NAMING

ROOT = Path(__file__).resolve().parent.parent


def _texts() -> list[str]:
    files = sorted((ROOT / "seeds").glob("*.txt")) + sorted((ROOT / "fixtures" / "docs").glob("*"))
    out = [p.read_text(encoding="utf-8", errors="replace") for p in files if p.is_file()]
    for name in ("news.json", "news_htmldate.json"):  # real news paragraphs (fundus, htmldate pages)
        data = json.loads((ROOT / "fixtures" / "quotes" / name).read_text(encoding="utf-8"))
        out += ["\n".join(doc.get("paragraphs", ())) for doc in data["documents"]]
    with open(ROOT / "fixtures" / "quotes" / "litbank_slice.jsonl", encoding="utf-8") as fh:  # fiction
        out += [json.loads(line)["text"] for line in fh]
    extra = ("Photo: Reuters", "Image credit: Getty Images", "(CC BY 2.0)", "Courtesy of the White House",
             "PHOTO BY JOHN SMITH", "Kremlin.ru", "the so-called", "a film titled", "he was also",
             "She has since", "the minister, a former banker,", "Mulligan's", "rock’n’roll", "1,000 and 12,345",
             "ſtill Kelvin İstanbul")
    return out + ["\n".join(extra)]


LINES = [line for t in _texts() for line in t.splitlines() if line.strip()]
# every prefix of every sentence that ends at a word: the phrases the attribution stage looks at
SENTENCES = [s for line in LINES for s in re.split(r"(?<=[.!?”\"])\s+", line) if s]
PHRASES = sorted({s[:m.end()] for s in SENTENCES for m in re.finditer(r"\S+", s)})


def test_there_is_enough_real_text():
    assert len(LINES) > 1_000 and len(PHRASES) > 50_000


def test_credit_precheck_equals_the_credit_regex():
    assert [documents._is_credit(x) for x in LINES] == [documents._CREDIT.search(x) is not None for x in LINES]


def test_naming_precheck_equals_the_naming_regex():
    windows = PHRASES + [p + " " for p in PHRASES[::7]]
    assert [quotes._names_something(w) for w in windows] == [NAMING.search(w) is not None for w in windows]


@pytest.mark.parametrize("pattern, ends", [(subjects._AUX_TAIL, subjects._AUX_ENDS),
                                           (subjects._INTENSIVE_END, subjects._INTENSIVE_ENDS),
                                           (attribution._REPORTED_TAIL, attribution._REPORTED_TAIL_ENDS)])
def test_tail_regexes_only_match_texts_with_their_endings(pattern, ends):
    for phrase in PHRASES:
        if not phrase.endswith(ends):
            assert pattern.sub("", phrase) == phrase, phrase


@pytest.mark.parametrize("fast, plain", [
    (speakers._PRONOUNS, r"\b(?:he|she|his|her|him|himself|herself)\b"),
    (text._POSSESSIVE, r"(?<=\w)['’]s\b"),
    (text._APOSTROPHE, r"(?<=\w)['’](?=\w)"),
    (text._THOUSANDS, r"(?<=\d),(?=\d{3}\b)"),
])
def test_rewritten_regexes_find_what_the_plain_ones_do(fast, plain):
    slow = re.compile(plain, fast.flags)
    for t in _texts():
        assert [m.span() for m in fast.finditer(t)] == [m.span() for m in slow.finditer(t)]


def test_squash_equals_the_whitespace_regex():
    samples = LINES + ["\u00a0a\u2003b\u2028c\x1c d\t\n", "", "   "]
    assert [text.squash(x) for x in samples] == [re.sub(r"\s+", " ", x).strip() for x in samples]
