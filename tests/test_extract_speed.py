"""Shortcuts on the extraction path (read -> segment -> quotes -> speakers) equal the plain code they replace.

Each shortcut has a reference implementation here: the code as it was before the shortcut. The
pipeline test runs every fixture document through indexing's per-file path twice, once with the
references put back, and compares every passage, quote, speaker and offset.
"""

from __future__ import annotations

import json
import re
from dataclasses import replace

import pytest
from conftest import FIXTURES, ROOT, SEEDS, load_json
from hypothesis import given, settings
from hypothesis import strategies as st

from factcheck import attribution, cues, documents, ingest, nominals, quotes, subjects
from factcheck.documents import parse_text
from factcheck.readers import ReadOptions
from factcheck.segment import segment
from factcheck.speakers import ROLE_WORDS

# ---------------------------------------------------------------------------- references


_CONTRACTED_REFERENCE = re.compile(r"\b(I|[Hh]e|[Ss]he|[Ww]e|[Tt]hey|[Yy]ou)['’](?:d|s|ve)\b")


def _uncontracted_reference(text: str) -> str:
    return _CONTRACTED_REFERENCE.sub(lambda m: m.group(1) + " " * (len(m.group(0)) - len(m.group(1))), text)


def _reported_verb_starts_reference(text: str) -> list[int]:
    return [m.start() for m in cues.REPORTED_VERB.finditer(text)]


def _references(monkeypatch) -> None:
    """Put the plain code back in place of every shortcut."""
    monkeypatch.setattr(attribution, "reported_verb_starts", _reported_verb_starts_reference)
    monkeypatch.setattr(quotes, "_uncontracted", _uncontracted_reference)
    monkeypatch.setattr(nominals, "_may_occur", lambda np, window: True)
    monkeypatch.setattr(documents, "_is_credit", lambda line: documents._CREDIT.search(line) is not None)


# ---------------------------------------------------------------------------- the documents


def _fixture_files() -> list[tuple[str, str]]:
    """Return (file, stored path) for the seeds, the fixture pages, documents, exports and stance bodies."""
    folders = [SEEDS, FIXTURES / "docs", FIXTURES / "pages", FIXTURES / "exports",
               FIXTURES / "stance" / "fnc1" / "corpus", FIXTURES / "stance" / "emergent" / "corpus"]
    files = ingest._files([str(f) for f in folders])
    return [(fs, str(shown).replace(str(ROOT), "")) for fs, shown in files]


def _fixture_texts() -> list[tuple[str, str]]:
    """Return (name, text) for the labelled quote fixtures: news pages and FNC-1 bodies, LitBank passages."""
    out = []
    fnc = sorted(p.name for p in (FIXTURES / "quotes").glob("news_fnc*.json"))
    for name in ("news.json", "news_htmldate.json", *fnc):
        for d in load_json(f"quotes/{name}")["documents"]:
            if "paragraphs" in d:
                head = d["title"] + "\n\n" if d.get("title") else ""
                out.append((d["id"], head + "\n\n".join(d["paragraphs"]) + "\n"))
    for line in (FIXTURES / "quotes" / "litbank_slice.jsonl").read_text(encoding="utf-8").splitlines():
        row = json.loads(line)
        out.append((f"{row['doc']}#{row['passage']}", row["text"]))
    return out


def _records() -> list[tuple]:
    """Return everything indexing stores for the fixture files and texts (the content hash left out)."""
    out: list[tuple] = []
    options = ReadOptions()
    for fs, shown in _fixture_files():
        _, error, _, outcomes = ingest._read_file((fs, shown, ingest.DEFAULT_MAX_FILE_SIZE, options, {}))
        out.append((shown, error))
        for path, outcome in outcomes:
            if isinstance(outcome, tuple):
                doc, passages, found, prepared = outcome
                out.append((path, replace(doc, sha256=""), passages, found, prepared))
            else:
                out.append((path, outcome))
    for name, text in _fixture_texts():
        out.append((name, *segment(parse_text(name + ".txt", text, "0"))))
    return out


def test_extraction_with_the_shortcuts_stores_what_the_plain_code_does(monkeypatch):
    fast = _records()
    _references(monkeypatch)
    plain = _records()
    assert len(fast) == len(plain)
    for a, b in zip(fast, plain):
        assert a == b, a[0]
    # (path, document, passages, quotes, prepared) for a file's article, (name, passages, quotes) for a text
    stored = [r[2:4] if len(r) == 5 else r[1:] for r in fast if len(r) in (3, 5)]
    passages = [p for ps, _ in stored for p in ps]
    found = [q for _, qs in stored for q in qs]
    # not a vacuous comparison: the fixtures hold thousands of passages and hundreds of attributed quotes
    assert len(passages) > 3000
    assert sum(1 for q in found if q.speaker) > 500


# ---------------------------------------------------------------------------- one shortcut at a time


def _joined(pieces: list[str], max_size: int) -> st.SearchStrategy[str]:
    """Strings made of up to `max_size` of `pieces` (letters and whole words)."""
    return st.lists(st.sampled_from(pieces), max_size=max_size).map("".join)


@settings(max_examples=300, deadline=None)
@given(_joined([*"IHhesStTwyouWdv' ’.x\n", "he", "she", "they", "you", "'d", "’s", "'ve"], 60))
def test_uncontracted_equals_the_pronoun_first_pattern(text):
    assert quotes._uncontracted(text) == _uncontracted_reference(text)


def test_uncontracted_on_the_fixture_texts():
    texts = [t for _, t in _fixture_texts()]
    assert sum(quotes._uncontracted(t) != t for t in texts) > 20  # contractions are blanked...
    assert all(quotes._uncontracted(t) == _uncontracted_reference(t) for t in texts)  # ...as before


@settings(max_examples=300, deadline=None)
@given(st.sampled_from(["the boy's father", "the boy’s father", "a spokesman for the club", "The mother",
                        "the company's chief executive", "the mayor’s wife's lawyer"]),
       _joined(["the boy's father", "he boy’s father", "boy's", "father", ", ", "Jason Steward", " ",
                "A spokesman for the club", "the mayor", "’s wife's lawyer", ","], 12))
def test_introduced_pattern_never_matches_where_the_precheck_says_no(np, window):
    if not nominals._may_occur(np, window):
        assert nominals._introduced_pattern(np).search(window) is None


@pytest.mark.parametrize("np", ["the boy's father", "a spokesman for the club", "the mayor’s wife's lawyer"])
def test_introduced_pattern_precheck_lets_real_matches_through(np):
    for window in (f"Jason Steward, {np}, said", f"{np.capitalize()} Jason Steward said", f"x, {np}."):
        assert nominals._introduced_pattern(np).search(window) is not None
        assert nominals._may_occur(np, window)


def test_sets_and_patterns_made_once_equal_the_ones_made_per_call():
    assert subjects._CLAUSE_STOP_BUT_OF == subjects._CLAUSE_STOP - {"of"}
    assert subjects._CLAUSE_STOP_IN_LEAD == subjects._CLAUSE_STOP - {"and", "then", "so", "but"}
    per_call = rf"\b((?:{'|'.join(sorted(ROLE_WORDS))}))\s+(?:for|of)\s+[a-z]+\s*(?=[A-Z]|$)"
    assert subjects._ROLE_FOR_OF.pattern == per_call
    assert subjects._PRONOUN_ONLY.pattern == subjects.PRONOUN


def test_case_twins_are_every_non_ascii_character_an_ascii_letter_matches():
    twins = {c for c in map(chr, range(128, 0x110000)) if re.match("[a-z]", c, re.I)}
    assert twins == set(documents._CASE_TWINS)


@settings(max_examples=500, deadline=None)
@given(_joined(["photo", "PHOTO", "Credit", "credit:", " by", ":", "/", " Reuters", "AFP", "getty images", "(CC BY-SA)",
                "TASS", "kremlin.ru", "courtesy of", "“", "”", "—", "é", " ", "x", "ı", "ſ", "İ", "K", "Shutterſtock",
                "vıdeo", "Wikimedia Commons", "the"], 14))
def test_credit_words_test_equals_the_credit_regex(line):
    assert documents._is_credit(line) == (documents._CREDIT.search(line) is not None)


@settings(max_examples=500, deadline=None)
@given(_joined(["said", "says", "told", "tells", "added", "adds", "asked", "wrote", "explained", "argued", "insisted",
                "recalled", "warned", "add", "sa", "id", " ", ",", "é", "_", "9", "’", "-", "\n", "x", "S", "ys"], 12))
def test_reported_verbs_found_word_by_word_equal_the_regex(text):
    assert cues.reported_verb_starts(text) == _reported_verb_starts_reference(text)


def test_reported_verbs_on_the_fixture_texts():
    texts = [t for _, t in _fixture_texts()]
    assert sum(len(cues.reported_verb_starts(t)) for t in texts) > 500
    assert all(cues.reported_verb_starts(t) == _reported_verb_starts_reference(t) for t in texts)
