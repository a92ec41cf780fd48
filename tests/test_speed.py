"""Speed work (issue #7) changes no answer: shortcuts equal the exhaustive paths they replace.

Timings live in benchmarks/speed.py, never here; these tests check behaviour only.
"""

from __future__ import annotations

import functools
import json
import os
import re
import shutil
import subprocess
import sys
import unicodedata
from bisect import bisect_right
from pathlib import Path

import pytest
from conftest import ROOT, SEEDS, load_json
from hypothesis import given, settings
from hypothesis import strategies as st
from rapidfuzz import fuzz

from factcheck import alignment, bodies, figures, ingest, lexicon, pipeline, polarity, retrieve, score, stance, store, storewrite
from factcheck import text as text_module
from factcheck.ingest import index_paths
from factcheck.pipeline import Options, parse_claim, verify
from factcheck.readers import ReadOptions
from factcheck.store import open_index
from factcheck.text import STOP_WORDS, fold, folded, folded_words, normalize, prepare, stem, words

MISSPELT = ["Hegsth ruled out US trops", "Peskov sayd the talks were productve", "Vanse threatened sanctoins"]


def _claims() -> list[str]:
    return [c["claim"] for c in load_json("seed_claims.json")["cases"]] + MISSPELT


@pytest.mark.parametrize("top", [1, 3, 5])
def test_judging_a_prefix_gives_the_exhaustive_output(seed_store, monkeypatch, top):
    fast = [verify(seed_store, c, Options(top=top)) for c in _claims()]
    monkeypatch.setattr(pipeline, "_judge", functools.partial(pipeline._judge, exhaustive=True))
    slow = [verify(seed_store, c, Options(top=top)) for c in _claims()]
    assert fast == slow


def test_rank_equals_one_typo_lookup_per_candidate(seed_store):
    """The joint typo table gives what rapidfuzz extractOne per (word, passage) gave."""
    checked = 0
    for text in _claims():
        terms, cands = retrieve.candidates(seed_store, parse_claim(text))
        texts = [normalize(c.text) for c in cands]
        ratios = [fuzz.token_set_ratio(terms.normalized, t, processor=None) for t in texts]
        reference = [score._match(terms, c, float(r)) for c, r in zip(cands, ratios)]
        assert score.rank(terms, cands) == reference
        checked += sum(bool(m.corrected) for m in reference)
    assert checked, "some claim exercised the typo path"


def _prepare_reference(text: str) -> str:
    """text.prepare without its shortcuts: every substitution run on every text."""
    for pattern, repl in ((r"\b(?:[A-Za-z]\.){2,}(?![A-Za-z])", None), (r"(?<=\w)['’]s\b", ""),
                          (r"(?<=\w)['’](?=\w)", ""), (r"(?<=\d),(?=\d{3}\b)", "")):
        text = re.sub(pattern, (lambda m: m.group(0).replace(".", "")) if repl is None else repl, text)
    return text


def test_prepare_shortcuts_match_the_full_substitutions():
    samples = ["U.S. troops", "Hegseth's 2,000 troops", "wasn't it", "no marks here", "J.D. Vance’s view, 1,500",
               "a.b. c", "e.g.", "U.S.A", "x. y. z.", "A.B"]
    for text in samples:
        assert prepare(text) == _prepare_reference(text)


def _fold_reference(text: str) -> str:
    """text.fold without its ASCII shortcut: every text through the translation table."""
    text = text.translate(text_module._SPECIAL_FOLD)
    if not text.isascii():
        text = "".join(ch for ch in unicodedata.normalize("NFKD", text) if not unicodedata.combining(ch))
    return text.casefold()


_MARKS = st.text(alphabet="aZ.,'’` 19\u00a0\n\u2009—éß", max_size=40)


@settings(max_examples=300, deadline=None)
@given(_MARKS)
def test_prepare_and_fold_cache_equal_the_plain_functions(text):
    assert prepare(text) == _prepare_reference(text)
    assert fold(text) == _fold_reference(text)
    assert folded(text) == fold(prepare(text)) and folded_words(text) == words(text)
    assert normalize(text) == re.sub(r"\s+", " ", fold(prepare(text))).strip()


@settings(max_examples=300, deadline=None)
@given(st.one_of(st.from_regex(score._TOKEN, fullmatch=True), st.text(alphabet="aZ09_.'’é", max_size=12)))
def test_token_word_shortcut_equals_words(token):
    found = words(token)
    assert score._word_stem.__wrapped__(token) == ((found[0], stem(found[0])) if found else ("", ""))


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=30))
def test_normalize_and_fold_equal_the_full_paths_on_any_text(text):
    assert normalize(text) == re.sub(r"\s+", " ", fold(prepare(text))).strip()
    assert fold(text) == _fold_reference(text)


_START_UP = """import sys
from factcheck.cli import main
try:
    main(sys.argv[1:])
except SystemExit:
    pass
print(" ".join(sorted(sys.modules)), file=sys.stderr)
"""


def test_plain_verify_imports_only_the_query_path(seed_store):
    """Start-up: `verify --format json` leaves the --documents models, the index and check records
    and the table and csv writers unimported (each costs milliseconds to import)."""
    done = subprocess.run([sys.executable, "-c", _START_UP, "verify", "Hegseth ruled out US troops",
                           "--index", seed_store.path, "--format", "json"], capture_output=True, text=True, timeout=120)
    loaded = set(done.stderr.split())
    assert "factcheck.pipeline" in loaded and "factcheck.store" in loaded
    unwanted = {"factcheck.docstance", "factcheck.docfeatures", "factcheck.records", "factcheck.ingest",
                "factcheck.segment", "factcheck.grid", "csv", "textwrap", "importlib.resources", "click",
                "platformdirs", "pathlib", "dataclasses", "inspect"}
    assert not loaded & unwanted


def test_verify_on_the_seeds_does_not_import_platformdirs(tmp_path):
    """Start-up on the bundled seeds: the cache folder is found without platformdirs' ~13 ms import
    (on Linux, the platform it is measured on)."""
    env = {k: v for k, v in os.environ.items() if k != "FACTCHECK_CACHE"}
    env["XDG_CACHE_HOME"] = str(tmp_path / "cache")
    args = [sys.executable, "-c", _START_UP, "verify", "Hegseth ruled out US troops", "--format", "json"]
    subprocess.run(args, capture_output=True, env=env, cwd=tmp_path, timeout=120)  # builds the seed index
    done = subprocess.run(args, capture_output=True, text=True, env=env, cwd=tmp_path, timeout=120)
    loaded = set(done.stderr.split())
    assert "factcheck.pipeline" in loaded and (tmp_path / "cache" / "factcheck").is_dir()
    if sys.platform.startswith("linux"):
        assert "platformdirs" not in loaded and "pathlib" not in loaded


def test_records_are_importable_from_models():
    from factcheck import models, records

    for name in ("Document", "IndexReport", "Preview", "PreviewItem", "Finding", "DraftReport"):
        assert getattr(models, name) is getattr(records, name)
    with pytest.raises(AttributeError):
        models.NoSuchRecord  # noqa: B018


def _rows(idx: str) -> list[tuple]:
    s = open_index(idx)
    pids = [pid for pid, *_ in s.passages()]
    rows = [(c.pid, c.text, c.start, c.end, c.line, c.kind, c.speaker, c.source, c.context, c.quotes)
            for c in s.candidates(pids)]
    rows += [(q.text, q.speaker, q.cue, q.start, q.end, q.line, q.source) for q in s.quotes()]
    s.close()
    return rows


def test_parallel_bulk_ingest_stores_what_serial_ingest_does(sources_dir, tmp_path, monkeypatch):
    shutil.copytree(ROOT / "fixtures" / "exports", sources_dir / "exports")  # many-article files too
    serial = str(tmp_path / "serial")
    index_paths(serial, [str(sources_dir)])
    monkeypatch.setattr(ingest, "PARALLEL_MIN_FILES", 1)
    monkeypatch.setattr(ingest, "BULK_MIN_FILES", 1)
    monkeypatch.setattr(ingest, "CHUNK_FILES", 2)
    parallel = str(tmp_path / "parallel")
    report = index_paths(parallel, [str(sources_dir)])
    assert len(report.indexed) > 7 and any("#" in p for p in report.indexed)
    assert _rows(parallel) == _rows(serial)
    s = open_index(parallel)
    assert s.passage_count() == report.passages
    assert s.db.execute("SELECT value FROM meta WHERE key='engine_stamp'").fetchone()[0] != store.PENDING
    assert verify(s, "Hegseth ruled out US troops").evidence


def test_bulk_run_that_dies_before_finish_is_rebuilt(sources_dir, tmp_path):
    """A bulk writer commits SQLite per batch with a "pending" stamp; the next writer rebuilds."""
    idx = str(tmp_path / "idx")
    s = open_index(idx, create=True)
    files = [(str(p), f"seeds/{p.name}") for p in sorted(SEEDS.iterdir())]
    w = storewrite.Writer(s, bulk=True)
    for job in [(fs_path, shown, 10**7, ReadOptions(), {}) for fs_path, shown in files]:
        for _, (doc, passages, quotes, prepared) in ingest._read_file(job)[3]:
            w.add(doc, passages, quotes, prepared)
    w.flush()
    w.release()  # dies here: no finish(), the search index never committed
    assert s.db.execute("SELECT value FROM meta WHERE key='engine_stamp'").fetchone()[0] == store.PENDING
    s.close()
    index_paths(idx, [str(sources_dir / "docs")])  # any later writer repairs the index
    s = open_index(idx)
    assert s.passage_count() == s.stored_passages()
    assert verify(s, "Hegseth ruled out US troops").verdict != "unverified"


def test_speed_benchmark_runs_on_a_tiny_corpus(tmp_path):
    data = tmp_path / "data"
    data.mkdir()
    for p in SEEDS.iterdir():
        (data / p.name).write_bytes(p.read_bytes())
    out = tmp_path / "figures.json"
    env = {k: v for k, v in os.environ.items() if not k.startswith("FACTCHECK_")}
    done = subprocess.run(
        [sys.executable, str(ROOT / "benchmarks" / "speed.py"), "--data", str(data), "--work", str(tmp_path / "w"),
         "--sizes", "200", "--claims", "8", "--headlines", "0", "--scan-claims", "2", "--cli-calls", "1",
         "--batch", "5", "--json", str(out)],
        capture_output=True, text=True, env=env, timeout=300,
    )
    assert done.returncode == 0, done.stderr
    assert "verify in-process p50 ms" in done.stdout
    figures = json.loads(Path(out).read_text())["sizes"][0]
    assert figures["passages"] >= 100 and figures["claims"] == 8
    assert 0 <= figures["recall10"] <= 1 and figures["scan_claims"] == 2


# ---------------------------------------------------------------------------- stance shortcuts


def _polarity_reference(text: str, anchors=None, names=frozenset()):
    """polarity.polarity before its shortcuts: every phrase searched, word positions always read."""
    text = re.sub(r"\b(?:if|unless|whether)\b[^,;.]*", " ", text)
    text = polarity._WHO_CONDITION.sub(lambda m: m.group(0).split()[0] + " ", text)
    text = re.sub(r"\bno\.\s?(?=\d)", "number ", text)
    text = polarity.MONTH_MAY.sub(lambda m: (m.group("pre") or "") + "month", text)
    sign, certainty, cues, consumed = 1, stance.CERTAIN, [], []
    token_starts = [m.start() for m in re.finditer(r"\w+", text) if m.group(0) not in STOP_WORDS]
    far = frozenset(anchors) - frozenset(names) if anchors is not None else None
    plain = (far or anchors) if anchors is not None else None
    anchored = polarity._anchor_positions(text, far) if far is not None else None
    named = polarity._anchor_positions(text, anchors) if anchors is not None else None

    def in_scope(start, forward=False):
        if anchored is None:
            return True
        i = max(bisect_right(token_starts, start) - 1, 0)
        own = token_starts[i] == start if token_starts else False  # the cue is that content word
        if forward:
            return (any(own <= j - i <= stance.NEGATION_SCOPE for j in anchored)
                    or any(own <= j - i <= polarity.NAME_SCOPE for j in named))
        return (any(own <= abs(i - j) <= stance.NEGATION_SCOPE for j in anchored)
                or any(own <= abs(i - j) <= polarity.NAME_SCOPE for j in named))

    def scan(phrases, scoped):
        found = []
        for phrase in sorted(phrases, key=len, reverse=True):
            for m in re.finditer(rf"\b{re.escape(phrase)}\b", text):
                if any(s <= m.start() < e for s, e in consumed):
                    continue
                consumed.append((m.start(), m.end()))
                if not scoped or in_scope(m.start(), polarity.forward_only(text, m.start(), phrase)):
                    found.append((phrase, m.end()))
        return found

    possible = [phrase for phrase, end in scan(lexicon.POSSIBLE_PHRASES, scoped=False)
                if plain is None or not polarity._hedges_other_verb(text, end, plain)]
    if possible:
        certainty = stance.POSSIBLE
        cues.extend(possible)
    if any(anchors is None or not polarity._hedges_other_verb(text, m.end(), anchors)
           for p in lexicon.PROBABLE_PHRASES for m in re.finditer(rf"\b{re.escape(p)}\b", text)):
        certainty = min(certainty, stance.PROBABLE)
    for phrase, end in scan(lexicon.NEGATIVE_PHRASES, scoped=True):
        if anchors is None or phrase not in polarity.NEGATIONS or polarity._negates_claim_word(text, end, anchors):
            sign = -sign
            cues.append(phrase)
    for m in re.finditer(r"\b\w+nt\b", text):
        if m.group(0) in polarity.NEGATIONS and m.group(0) not in cues and in_scope(m.start()) and (
                anchors is None or polarity._negates_claim_word(text, m.end(), anchors)):
            sign = -sign
            cues.append(m.group(0))
    if any((anchored is None or not anchored or in_scope(re.search(rf"\b{re.escape(c)}\b", text).start()))
           for c in possible if c in lexicon.OPENING_PHRASES):
        sign = 1
    return sign, certainty, cues


def _retraction_reference(passage: str, subject):
    for phrase in lexicon.RETRACTION_PHRASES:
        m = re.search(rf"\b{re.escape(phrase)}\b", passage)
        if not m:
            continue
        if subject:
            lead = re.split(r"[,;:]", passage[max(0, m.start() - 80):m.start()])[-1]
            surname = words(subject)[-1] if words(subject) else ""
            if surname not in words(lead) and not re.search(r"\b(?:he|she|they)\b", lead):
                continue
        return f"retraction: the source says '{phrase}'"
    return None


def _antonym_reference(claim_text: str, passage: str):
    c = {stem(w): w for w in words(claim_text)}
    p = {stem(w): w for w in words(passage)}
    for s, word in c.items():
        for opposite in lexicon.antonym_stems().get(s, ()):
            if opposite in p and s not in p and _near_reference(claim_text, s) & _near_reference(passage, opposite):
                return f"opposite words: the claim says '{word}', the source says '{p[opposite]}'"
    ws = words(passage)
    for k, y in enumerate(ws):  # a claim word with a negating prefix put on or taken off
        for x in words(claim_text):
            if x not in STOP_WORDS and alignment.prefix_opposed(x, y) and stem(x) not in p \
                    and not stance.negated_before(ws, k) \
                    and _near_reference(claim_text, stem(x)) & _near_reference(passage, stem(y)):
                return f"opposite words: the claim says '{x}', the source says '{y}'"
    return None


def _near_reference(text: str, s: str) -> set[str]:
    """The content stems (and their synonyms) within OPPOSITE_REACH content words of the first word of stem s."""
    stops = {stem(w) for w in STOP_WORDS}
    stems = [stem(w) for w in words(text)]
    k = stems.index(s)
    before = [t for t in stems[:k] if t not in stops][::-1][:stance.OPPOSITE_REACH]
    after = [t for t in stems[k + 1:] if t not in stops][:stance.OPPOSITE_REACH]
    around = before + after
    return set(around) | {x for t in around for x in lexicon.synonym_stems().get(t, ())}


@functools.lru_cache(maxsize=1)
def _seed_texts() -> tuple[list[str], list[tuple[str, str | None]]]:
    """Return the seeds' folded passages, and each seed claim's folded text with its subject."""
    passages = []
    for p in sorted(SEEDS.iterdir()):
        passages += [folded(line) for line in p.read_text(encoding="utf-8").splitlines() if line.strip()]
    claims = [(folded(c), stance.claim_subject(parse_claim(c))) for c in _claims()]
    return passages, claims


def test_stance_shortcuts_equal_the_full_scans():
    """Phrase index, skipped regex passes and lazy word positions: the same as searching everything."""
    passages, claims = _seed_texts()
    for text in passages + [c for c, _ in claims]:
        assert stance.polarity(text) == _polarity_reference(text)
        for claim_text, subject in claims:
            anchors = stance._anchors(claim_text, subject)
            assert stance.polarity(text, anchors) == _polarity_reference(text, anchors)
            names = frozenset(sorted(anchors)[:1])  # an anchor read as a name: next to the cue only
            assert stance.polarity(text, anchors, names) == _polarity_reference(text, anchors, names)
            assert stance._antonym(claim_text, text) == _antonym_reference(claim_text, text)
            assert polarity.retraction_in(text, subject) == _retraction_reference(text, subject)
    for text in passages:  # _focus_clause looks for an attribution only where "that" occurs
        assert all("that" in m.group(0) for m in stance._ATTRIBUTED.finditer(text))


_CUE_WORDS = sorted({w for p in lexicon.NEGATIVE_PHRASES + lexicon.POSSIBLE_PHRASES + lexicon.PROBABLE_PHRASES
                     + lexicon.RETRACTION_PHRASES for w in re.findall(r"[\w-]+", p)}
                    | {w for pair in lexicon.ANTONYMS for w in pair}
                    | {"if", "unless", "whether", "who", "workers", "could", "didnt", "wasnt", "cannot", "troops", "he",
                       "vance", "u-turn"})


@settings(max_examples=300, deadline=None)
@given(st.lists(st.tuples(st.sampled_from(_CUE_WORDS), st.sampled_from([" ", " ", ", ", "; ", " - ", ". ", "-"])),
                max_size=14))
def test_stance_shortcuts_on_cue_dense_text(pieces):
    text = "".join(w + sep for w, sep in pieces)
    anchors = frozenset(stem(w) for w in ("troops", "deal", "talks"))
    assert stance.polarity(text) == _polarity_reference(text)
    assert stance.polarity(text, anchors) == _polarity_reference(text, anchors)
    names = frozenset((stem("troops"),))
    assert stance.polarity(text, anchors, names) == _polarity_reference(text, anchors, names)
    assert polarity.retraction_in(text, "Vance") == _retraction_reference(text, "Vance")
    assert stance._antonym("they won and rose higher", text) == _antonym_reference("they won and rose higher", text)


def test_claim_caches_give_what_a_fresh_process_gives(seed_store):
    """Per-claim caches (stance, fold) keyed right: a batch equals each claim verified from cold caches."""
    claims = _claims() + _claims()[:5]
    batch = [verify(seed_store, c) for c in claims]
    cold = []
    for c in claims:
        for cached in (stance._claim_polarity, stance._anchors, stance._claim_stems, stance._claim_opposites,
                       stance._claim_clauses, figures._claim_numbers, figures._claim_figures, folded):
            cached.cache_clear()
        cold.append(verify(seed_store, c))
    assert batch == cold


def test_table_verify_does_not_load_package_metadata(seed_store):
    """Start-up: the default table output stays clear of importlib.metadata (27 ms through tabulate 0.10)."""
    done = subprocess.run([sys.executable, "-c", _START_UP, "verify", "Hegseth ruled out US troops",
                           "--index", seed_store.path, "--format", "table"], capture_output=True, text=True, timeout=120)
    loaded = set(done.stderr.split())
    assert "factcheck.grid" in loaded
    assert "importlib.metadata" not in loaded


def test_records_packed_in_workers_are_stored_as_the_writer_would_pack_them(tmp_path):
    """A worker given the index's dictionary ships the packed record; one packed with another is repacked."""
    files = [(str(p), f"seeds/{p.name}") for p in sorted(SEEDS.iterdir())]
    jobs = [(fs_path, shown, 10**7, ReadOptions(), {}) for fs_path, shown in files]
    results = {}
    for name, zdict in (("plain", b""), ("packed", b"Ukraine Vance Hegseth said the "),
                        ("stale", b"another dictionary entirely ")):
        s = open_index(str(tmp_path / name), create=True)
        if name != "plain":  # as if an earlier run made the index's dictionary
            s.db.execute("INSERT INTO meta VALUES ('zdict', ?)", (b"Ukraine Vance Hegseth said the ",))
        with s.writer() as w:
            for job in jobs:
                for _, (doc, passages, quotes, prepared) in ingest._read_file(job, zdict)[3]:
                    if name == "plain":
                        w.add(doc, passages, quotes, prepared)
                    else:
                        assert isinstance(passages, bodies.Packed) and quotes == []
                        w.add_packed(doc, passages, prepared)
        s.close()
        results[name] = _rows(str(tmp_path / name))
    assert results["plain"] and results["packed"] == results["plain"] == results["stale"]


def test_search_index_of_an_earlier_schema_is_read_and_written_as_it_is(sources_dir, tmp_path, monkeypatch):
    """Indexes whose passage ids were also indexed as terms open, answer and take new documents."""
    idx = str(tmp_path / "idx")
    legacy = store._schema
    monkeypatch.setattr(store, "_schema", lambda pid_indexed=False: legacy(pid_indexed=True))
    index_paths(idx, [str(SEEDS)])
    monkeypatch.undo()
    import tantivy

    with pytest.raises(ValueError, match="schema does not match"):  # it is the earlier schema
        tantivy.Index(store._schema(), path=os.path.join(idx, store.TANTIVY_DIR), reuse=True)
    before = open_index(idx)
    assert before.health() is None and verify(before, "Hegseth ruled out US troops").evidence
    index_paths(idx, [str(sources_dir / "docs")])
    after = open_index(idx)
    assert after.health() is None and after.passage_count() == after.stored_passages() > before.passage_count()
    fresh = str(tmp_path / "fresh")
    index_paths(fresh, [str(SEEDS), str(sources_dir / "docs")])
    assert after.search(after.analyze("Hegseth ruled out US troops"), 10) == \
        open_index(fresh).search(open_index(fresh).analyze("Hegseth ruled out US troops"), 10)
