"""Reliability (issue #8): bad files, hostile claims and drafts, index safety, limits, no surprises.

The good files here are the real seed articles (and re-encodings of them); the bad ones are
made in a temporary folder. The concurrency and crash tests run real processes.
"""

from __future__ import annotations

import json
import os
import random
import signal
import sqlite3
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import clirun
import pytest
from conftest import FIXTURES, ROOT, SEEDS
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from factcheck import ingest
from factcheck.draft import check_text
from factcheck.pipeline import verify
from factcheck.store import open_index

SEED_004 = (SEEDS / "004_b0943fd7179c371a.txt").read_text(encoding="utf-8")
SEED_000 = (SEEDS / "000_e5fcfa7cbf71c661.txt").read_text(encoding="utf-8")
VERDICTS = {"supported", "conflicting", "disputed", "unverified"}
IS_ROOT = hasattr(os, "geteuid") and os.geteuid() == 0  # root reads files whatever their mode


def _cli(*args, input=None):
    return clirun.invoke([str(a) for a in args], input=input)


def _env():
    env = {k: v for k, v in os.environ.items() if not k.startswith("FACTCHECK_")}
    env["PYTHONPATH"] = str(ROOT) + os.pathsep + env.get("PYTHONPATH", "")
    return env


def _factcheck(*args, timeout=120, **kwargs):
    """Run the real command in its own process."""
    return subprocess.run([sys.executable, "-m", "factcheck", *map(str, args)], capture_output=True, text=True,
                          env=_env(), timeout=timeout, **kwargs)


def _one_line_errors(stderr: str) -> list[str]:
    lines = [line for line in stderr.splitlines() if line.strip()]
    assert "Traceback" not in stderr and "syntax error" not in stderr.lower(), stderr
    return lines


def _db_rows(index: Path, sql: str):
    db = sqlite3.connect(index / "factcheck.db")
    try:
        return db.execute(sql).fetchall()
    finally:
        db.close()


def _stored(store) -> dict[str, list[tuple[str, int]]]:
    """Return {file name: [(passage text, line)]} of everything in an index, in document order."""
    out: dict[str, list[tuple[str, int]]] = {}
    for c in store.candidates([pid for pid, *_ in store.passages()]):
        out.setdefault(Path(c.source.path).name, []).append((c.text, c.line))
    return out


def _paragraphs(text: str) -> list[str]:
    return [p for p in (" ".join(b.split()) for b in text.split("\n\n")) if len(p) > 80]


# ---------------------------------------------------------------------------- 1. bad files while indexing


@pytest.fixture
def zoo(tmp_path):
    """A folder of every kind of bad file, beside real articles; returns (folder, {name: expectation})."""
    folder = tmp_path / "zoo"
    folder.mkdir()
    rng = random.Random(8)
    body = SEED_004
    files = {
        "good.txt": body.encode("utf-8"),
        "empty.txt": b"",
        "whitespace.md": b"  \n\n\t \n",
        "binary.txt": bytes(rng.randrange(256) for _ in range(4000)),
        "stray_nul.txt": body.replace("Vance Threatens", "Vance\x00Threatens", 1).encode("utf-8"),
        "half_written.txt": SEED_000.encode("utf-8") + b"\x00" * 4096,  # preallocated, cut short
        "invalid_utf8.txt": body.encode("utf-8").replace(b"Putin", b"Pu\xfftin\xc3", 1),
        "cp1252.txt": body.replace("’", "'").encode("cp1252"),
        "bom.md": b"\xef\xbb\xbf" + SEED_000.encode("utf-8"),
        "utf16le.txt": SEED_000.encode("utf-16"),
        "utf16be.txt": b"\xfe\xff" + SEED_000.encode("utf-16-be"),
        "crlf.txt": body.replace("\n", "\r\n").encode("utf-8"),
        "escapes.txt": b"Terminal tricks\n\nThe minister \x1b]0;pwned\x07said \x1b[2Jtoday that \x9b31mthe talks"
                       b" in Geneva had failed after three days of meetings.\n",
        "one_line.txt": (" ".join(_paragraphs(body)) + " ").encode("utf-8") * 1400,  # ~3.5 MB, no newline
        "bad_front_matter.md": b"---\ntitle: [unclosed\ndate: : :\n  - what\n---\n" + SEED_000.encode("utf-8"),
        "unterminated_front_matter.md": b"---\ntitle: Never closed\n" + SEED_000.encode("utf-8"),
        "impossible_date.md": b"---\ntitle: Impossible date\ndate: 2025-13-45\n---\n\nFebruary 30, 2025\n\n"
                              + SEED_000.encode("utf-8"),
        "truncated.json": b'{"title": "Cut short", "date": "2025-02-14", "body": "The summit',
        "truncated.html": b"<html><head><title>Cut off page</title></head><body><article><h1>Cut off page</h1><p>"
                          + _paragraphs(body)[1].encode("utf-8") + b"</p><p>" + _paragraphs(body)[2][:90].encode(),
        "deep.json": b"[" * 100_000 + b"]" * 100_000,
        "not_an_object.json": b"[1, 2, 3]",
    }
    for name, data in files.items():
        (folder / name).write_bytes(data)
    (folder / "dangling.txt").symlink_to(folder / "gone-for-good.txt")
    (folder / "unreadable.txt").write_bytes(body.encode("utf-8"))
    (folder / "unreadable.txt").chmod(0)
    skipped = {"empty.txt", "whitespace.md", "binary.txt", "truncated.json", "dangling.txt", "deep.json",
               "not_an_object.json"} | (set() if IS_ROOT else {"unreadable.txt"})
    yield folder, skipped
    (folder / "unreadable.txt").chmod(0o644)


def test_every_bad_file_is_indexed_or_skipped_with_a_reason(zoo, tmp_path):
    folder, expected_skips = zoo
    idx = tmp_path / "idx"
    r = _cli("index", folder, "--index", idx, "-f", "json")
    report = json.loads(r.stdout)
    names = {p.name for p in folder.iterdir()}
    skipped = {Path(s["path"]).name: s["reason"] for s in report["skipped_files"]}
    assert set(skipped) == expected_skips
    assert report["indexed"] == len(names) - len(skipped) and report["unchanged"] == 0
    assert r.exit_code == 1  # some were skipped
    lines = _one_line_errors(r.stderr)
    for name, reason in skipped.items():
        assert reason and "\n" not in reason
        assert sum(1 for line in lines if line.startswith("factcheck: skipped") and name in line) == 1
    # the reasons say what is wrong, in words
    assert "empty" in skipped["empty.txt"] and "binary" in skipped["binary.txt"]
    assert "JSON" in skipped["truncated.json"] and "link" in skipped["dangling.txt"]
    assert "nested" in skipped["deep.json"]
    store = open_index(str(idx))
    assert store.integrity() == "ok" and store.health() is None
    assert store.passage_count() == open_index(str(idx)).stored_passages()


def test_what_can_be_decoded_is_decoded(zoo, tmp_path):
    folder, _ = zoo
    idx = tmp_path / "idx"
    _cli("index", folder, "--index", idx)
    store = open_index(str(idx))
    docs = {Path(s.path).name: s for s in store.sources()}
    stored = _stored(store)
    texts = {name: " ".join(text for text, _ in stored[name]) for name in docs}
    # the re-encodings of a seed read as the seed itself
    reference = texts["good.txt"]
    assert texts["crlf.txt"] == reference
    assert docs["crlf.txt"].title == docs["good.txt"].title
    assert docs["good.txt"].title == "Vance Threatens Sanctions, U.S. Troops in Ukraine if Putin Rejects Peace Deal"
    assert "“There are economic tools of leverage" in texts["cp1252.txt"]  # curly quotes from cp1252 bytes
    for name in ("bom.md", "utf16le.txt", "utf16be.txt", "half_written.txt"):
        assert texts[name].startswith("Defense Secretary Pete Hegseth stated"), name
        assert docs[name].date == "2025-02-15", name
    # one bad byte in UTF-8 spoils one character, not every curly quote of the file
    assert "Pu\ufffdtin\ufffd" in docs["invalid_utf8.txt"].title
    assert texts["invalid_utf8.txt"].replace("Pu\ufffdtin\ufffd", "Putin") == reference
    assert "Vance Threatens" in texts["stray_nul.txt"] or "Vance Threatens" in (docs["stray_nul.txt"].title or "")
    # same line numbers as the file (CRLF counted once)
    assert [line for _, line in stored["crlf.txt"]] == [line for _, line in stored["good.txt"]]
    # a multi-megabyte line becomes many sentences and keeps its quotes
    assert docs["one_line.txt"].passages > 10_000 and docs["one_line.txt"].quotes > 5_000
    # front matter that does not parse: the body is still evidence; impossible dates are not invented
    assert texts["bad_front_matter.md"].startswith("Defense Secretary") or "Defense Secretary" in texts["bad_front_matter.md"]
    assert "Hegseth" in texts["unterminated_front_matter.md"]
    assert docs["impossible_date.md"].title == "Impossible date" and docs["impossible_date.md"].date is None
    assert docs["truncated.html"].title == "Cut off page" and "Vance" in texts["truncated.html"]
    # control characters (terminal escapes) never reach the index or the screen
    assert "\x1b" not in texts["escapes.txt"] and "\x9b" not in texts["escapes.txt"]
    assert "talks in Geneva had failed" in " ".join(texts["escapes.txt"].split())
    table = _cli("verify", "the talks in Geneva had failed", "--index", idx)
    assert "Geneva" in table.stdout and "\x1b]0;" not in table.stdout and "\x1b[2J" not in table.stdout


def test_summary_counts_and_exit_0_when_every_file_is_handled(tmp_path):
    folder = tmp_path / "good"
    folder.mkdir()
    for p in SEEDS.iterdir():
        (folder / p.name).write_bytes(p.read_bytes())
        (folder / (p.stem + "_crlf.txt")).write_bytes(p.read_bytes().replace(b"\n", b"\r\n"))
    idx = tmp_path / "idx"
    first = _cli("index", folder, "--index", idx)
    assert first.exit_code == 0 and first.stdout.startswith("indexed 4, unchanged 0, skipped 0")
    assert first.stderr == ""
    again = _cli("index", folder, "--index", idx, "-f", "json")
    assert again.exit_code == 0
    assert {k: json.loads(again.stdout)[k] for k in ("indexed", "unchanged", "skipped")} == \
           {"indexed": 0, "unchanged": 4, "skipped": 0}


def test_a_folder_of_thousands_of_files(tmp_path):
    """1,200 small articles: the parallel, bulk path; every file once, and a re-run changes nothing."""
    folder = tmp_path / "many"
    paragraphs = _paragraphs(SEED_004) + _paragraphs(SEED_000)
    for i in range(1200):
        sub = folder / f"{i // 300:02d}"
        sub.mkdir(parents=True, exist_ok=True)
        (sub / f"article-{i:04d}.md").write_text(
            f"---\ntitle: Dispatch {i}\ndate: 2025-02-{1 + i % 28:02d}\n---\n\n"
            f"{paragraphs[i % len(paragraphs)]}\n\nFiled as dispatch number {i}.\n", encoding="utf-8")
    idx = tmp_path / "idx"
    r = _factcheck("index", folder, "--index", idx, "-f", "json")
    assert r.returncode == 0, r.stderr
    assert json.loads(r.stdout)["indexed"] == 1200
    assert _db_rows(idx, "SELECT count(*), count(DISTINCT path) FROM documents") == [(1200, 1200)]
    again = _factcheck("index", folder, "--index", idx, "-f", "json")
    assert json.loads(again.stdout)["unchanged"] == 1200 and json.loads(again.stdout)["indexed"] == 0
    store = open_index(str(idx))
    assert store.health() is None and store.passage_count() == open_index(str(idx)).stored_passages()
    v = verify(store, "Filed as dispatch number 1117")
    assert v.evidence and v.evidence[0].candidate.source.title == "Dispatch 1117"


# ---------------------------------------------------------------------------- 2. hostile claims and drafts

HOSTILE = ['"', "(", ")", "AND", "OR NOT", "NOT", "NEAR(a b)", "*", "a*", "col:term", "t:Vance", "pid:1",
           "Vance AND NOT \"troops", "'", "\\", "[", "{}", "^2", "~", "Hegseth~2", "+Vance -troops",
           "x" * 5000, "Hegseth ruled out US troops " * 200, "\x00\x01\x02 Vance", "\x1b[31mred\x1b[0m",
           "\u200fHegseth\u202e ruled out", "🚀🇺🇦 Hegseth 🤷", "ﷺ ﷽", "\ud7ff", "Wład\u0301ysław",
           "  Vance   said  ", "Peskov said \"we had not heard such wording\""]


@pytest.mark.parametrize("claim", HOSTILE, ids=range(len(HOSTILE)))
def test_hostile_claims_get_an_answer_never_a_traceback(claim):
    r = _cli("verify", claim, "-f", "json")
    if r.exit_code == 2:
        assert len(_one_line_errors(r.stderr)) <= 3  # the error and the hint to --help
        return
    assert r.exit_code in (0, 1, 3)
    [v] = json.loads(r.stdout)
    assert v["verdict"] in VERDICTS
    _one_line_errors(r.stderr)


def test_empty_and_whitespace_claims_are_usage_errors():
    for claim in ("", "   ", "\t\n"):
        r = _cli("verify", claim)
        assert r.exit_code == 2 and "empty" in r.stderr and "Traceback" not in r.stderr


def test_hostile_claims_on_stdin_one_answer_per_line():
    lines = [c.replace("\n", " ") for c in HOSTILE if c.strip() and "\x00" not in c] + ["", "   "]
    r = _cli("verify", "-", "-f", "jsonl", input="\n".join(lines) + "\n")
    answers = [json.loads(x) for x in r.stdout.splitlines()]
    assert len(answers) == len([x for x in lines if x.strip()])
    assert all(a["verdict"] in VERDICTS for a in answers)
    assert r.exit_code in (0, 1, 3)


HOSTILE_DRAFTS = {
    "unclosed.md": 'Vance said "there are economic tools of leverage, and then it never closes.\n\nNext paragraph.\n',
    "long_line.md": ("Vance told the Wall Street Journal that troops could be sent. " * 1600)[:100_000] + "\n",
    "controls.md": "Peskov \x1b[31msaid\x00 that \u202ethe Kremlin\u202c had not heard it.\n",
    "only_marks.md": '"""\n“”‘’«»\n" " "\n',
    "fence_unclosed.md": "# Draft\n\n```\nVance said troops would go.\n",
    "comment_unclosed.md": "Vance said troops.\n<!-- factcheck: off\nPeskov said no.\n",
    "front_matter_only.md": "---\ntitle: x\n---\n",
    "rtl_emoji.md": "\u05e9\u05dc\u05d5\u05dd 🚀 Hegseth ruled out US troops 🇺🇦.\n",
}


@pytest.mark.parametrize("name", sorted(HOSTILE_DRAFTS))
def test_hostile_drafts_are_checked_never_a_traceback(name, tmp_path):
    draft = tmp_path / name
    draft.write_text(HOSTILE_DRAFTS[name], encoding="utf-8")
    r = _cli("check", draft, "-f", "json")
    assert r.exit_code in (0, 1), r.stderr
    [report] = json.loads(r.stdout)
    lines = HOSTILE_DRAFTS[name].split("\n")
    for f in report["findings"]:
        assert 1 <= f["line"] <= len(lines) and 1 <= f["column"] <= len(lines[f["line"] - 1]) + 1
    _one_line_errors(r.stderr)


def test_binary_and_undecodable_drafts_are_clear_errors(tmp_path):
    (tmp_path / "draft.md").write_bytes(bytes(range(256)) * 20)
    r = _cli("check", tmp_path / "draft.md")
    assert r.exit_code == 2 and "binary" in r.stderr and len(_one_line_errors(r.stderr)) == 1


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.text(max_size=300))
def test_any_text_is_a_claim(seed_store, text):
    if not text.strip():
        return
    v = verify(seed_store, text)
    assert v.verdict in VERDICTS
    assert all(0 <= e.score <= 100 for e in v.evidence)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(st.sampled_from(['"', "“", "”", "'", "‘", "’", ",", ":", " said ", " Vance", " Peskov told",
                                 "\n", "\n\n", "<!--", "-->", "```", "---\n", "> ", "# ", "|", "[x](", ")", "…",
                                 "troops", " U.S. ", "2025", "*"]) | st.text(max_size=12), max_size=40))
def test_any_text_is_a_draft(seed_store, pieces):
    text = "".join(pieces)
    report = check_text(seed_store, text, "draft.md")
    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")  # a lone CR ends a line, as in editors
    for f in report.findings:
        assert 1 <= f.line <= len(lines) and f.column >= 1
        assert (f.end_line, f.end_column) >= (f.line, f.column)
    assert report.checked + report.skipped + report.ignored <= report.sentences + report.quotes


# ---------------------------------------------------------------------------- 3. index safety


def _seed_index(tmp_path) -> Path:
    idx = tmp_path / "idx"
    assert _cli("index", SEEDS, "--index", idx).exit_code == 0
    return idx


def _newer_schema_index(tmp_path) -> Path:
    """Return an index that claims to be written by a future factcheck (schema 99)."""
    newer = tmp_path / "newer"
    _cli("index", SEEDS / "000_e5fcfa7cbf71c661.txt", "--index", newer)
    db = sqlite3.connect(newer / "factcheck.db")
    db.execute("UPDATE meta SET value = '99' WHERE key = 'schema_version'")
    db.commit()
    db.close()
    return newer


@pytest.mark.parametrize("command", [["verify", "Vance threatened sanctions"], ["quotes"], ["sources"],
                                     ["check", "DRAFT"]])
def test_unusable_index_paths_are_one_line_errors(command, tmp_path):
    draft = tmp_path / "draft.md"
    draft.write_text("Vance threatened sanctions.\n")
    command = [str(draft) if c == "DRAFT" else c for c in command]
    not_a_db = tmp_path / "not_a_db"
    not_a_db.mkdir()
    (not_a_db / "factcheck.db").write_text("this is not a database\n")
    a_file = tmp_path / "a_file"
    a_file.write_text("x")
    corrupt = _seed_index(tmp_path)
    with open(corrupt / "factcheck.db", "r+b") as fh:
        fh.seek(0)
        fh.write(b"\xde\xad\xbe\xef" * 32)  # the header: SQLite cannot open it
    newer = _newer_schema_index(tmp_path)
    cases = {tmp_path / "missing": "run `factcheck index", a_file: "not a factcheck index",
             not_a_db: "delete the folder", corrupt: "delete the folder", newer: "upgrade factcheck"}
    for index, advice in cases.items():
        r = _cli(*command, "--index", index)
        assert r.exit_code == 2, (index, r.stdout)
        lines = _one_line_errors(r.stderr)
        assert len(lines) == 1 and lines[0].startswith("factcheck: error:") and advice in lines[0], (index, lines)
        assert r.stdout == ""


def test_writing_into_an_unusable_index_is_refused_and_changes_nothing(tmp_path):
    newer = _newer_schema_index(tmp_path)
    before = (newer / "factcheck.db").read_bytes()
    r = _cli("index", SEEDS, "--index", newer)
    assert r.exit_code == 2 and "newer factcheck" in r.stderr
    assert (newer / "factcheck.db").read_bytes() == before


@pytest.mark.parametrize("damage", ["deleted", "garbage meta", "emptied"])
def test_a_lost_search_index_is_rebuilt_by_the_next_index_run(damage, tmp_path):
    import shutil

    idx = _seed_index(tmp_path)
    engine = idx / "tantivy"
    if damage == "deleted":
        shutil.rmtree(engine)
    elif damage == "garbage meta":
        (engine / "meta.json").write_text("garbage")
    else:
        for p in engine.iterdir():
            if p.name != "meta.json":
                p.unlink()
        (engine / "meta.json").unlink()
        engine.rmdir()
        engine.mkdir()
    r = _cli("verify", "Vance threatened sanctions", "--index", idx)
    assert r.exit_code == 2 and "search index" in r.stderr and f"factcheck index --index {idx}" in r.stderr
    assert len(_one_line_errors(r.stderr)) == 1
    again = _cli("index", SEEDS, "--index", idx)  # nothing changed on disk: the run repairs all the same
    assert again.exit_code == 0 and "unchanged 2" in again.stdout
    fixed = _cli("verify", "Vance threatened sanctions", "--index", idx, "-f", "json")
    assert json.loads(fixed.stdout)[0]["verdict"] == "supported" and fixed.stderr == ""


def _open_new_index(path: str) -> str:
    try:
        open_index(path, create=True)
    except Exception as exc:  # reported back to the test, not raised in the child
        return repr(exc)
    return "ok"


def test_processes_creating_one_new_index_at_once_all_open_it(tmp_path):
    # Writers started together used to race laying out the database: 1 in 80 opens saw
    # "database is locked" while another switched it to WAL, reported as an unreadable index.
    import multiprocessing

    ctx = multiprocessing.get_context("spawn")
    with ctx.Pool(6) as pool:
        for round_ in range(40):
            path = str(tmp_path / f"idx{round_}")
            assert pool.map(_open_new_index, [path] * 6) == ["ok"] * 6
            assert open_index(path).passage_count() == 0


def test_four_writers_at_once_all_succeed_and_each_document_is_stored_once(tmp_path):
    folders = []
    paragraphs = _paragraphs(SEED_004) + _paragraphs(SEED_000)
    shared = tmp_path / "shared"
    shared.mkdir()
    for i in range(12):  # every writer also indexes these: they race for the same paths
        (shared / f"common-{i}.txt").write_text(f"Common report {i}\n\n{paragraphs[i % len(paragraphs)]}\n")
    for w in range(4):
        folder = tmp_path / f"writer{w}"
        folder.mkdir()
        for i in range(15):
            (folder / f"own-{w}-{i}.txt").write_text(
                f"Report {w}-{i}\n\n{paragraphs[(w * 15 + i) % len(paragraphs)]} It was item {w}-{i}.\n")
        folders.append(folder)
    idx = tmp_path / "idx"
    procs = [subprocess.Popen([sys.executable, "-m", "factcheck", "index", str(f), str(shared), "--index", str(idx)],
                              stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=_env())
             for f in folders]
    outs = [p.communicate(timeout=120) for p in procs]
    assert [p.returncode for p in procs] == [0, 0, 0, 0], outs
    assert all("Traceback" not in err for _, err in outs)
    assert _db_rows(idx, "SELECT count(*), count(DISTINCT path) FROM documents") == [(72, 72)]
    assert _db_rows(idx, "PRAGMA integrity_check") == [("ok",)]
    store = open_index(str(idx))
    assert store.health() is None
    assert store.passage_count() == open_index(str(idx)).stored_passages()
    assert verify(store, "It was item 3-14").evidence[0].candidate.source.title == "Report 3-14"


# A process that indexes and dies (SIGKILL: no clean-up at all) at a chosen point.
_CRASHER = textwrap.dedent("""
    import os, signal, sys
    from factcheck import ingest, storewrite
    point, folder, index = sys.argv[1:4]
    storewrite.Writer.BATCH_DOCS = 4
    calls = {"n": 0}

    def die_after(n, fn):
        def wrapped(*args, **kwargs):
            calls["n"] += 1
            if calls["n"] > n:
                os.kill(os.getpid(), signal.SIGKILL)
            return fn(*args, **kwargs)
        return wrapped

    if point == "between-commits":      # SQLite committed a batch, the search index not yet
        import tantivy
        tantivy.Document = die_after(30, tantivy.Document)
    elif point == "before-stamp":        # both committed, the stamp not yet recorded
        storewrite._write_stamp = die_after(1, storewrite._write_stamp)
    elif point == "bulk":                # a bulk run: SQLite batches committed, the search index never
        ingest.BULK_MIN_FILES = 2
        storewrite._insert = die_after(9, storewrite._insert)
    ingest.index_paths(index, [folder])
    print("finished without dying")
""")


@pytest.fixture
def articles(tmp_path):
    folder = tmp_path / "articles"
    folder.mkdir()
    paragraphs = _paragraphs(SEED_004) + _paragraphs(SEED_000)
    for i in range(20):
        (folder / f"a{i:02d}.txt").write_text(f"Article {i}\n\n{paragraphs[i % len(paragraphs)]} Item {i}.\n")
    return folder


@pytest.mark.parametrize("point", ["between-commits", "before-stamp", "bulk"])
def test_a_killed_run_leaves_a_sound_index_and_rerunning_completes_it(point, articles, tmp_path):
    idx = tmp_path / "idx"
    died = subprocess.run([sys.executable, "-c", _CRASHER, point, str(articles), str(idx)],
                          capture_output=True, text=True, env=_env(), timeout=120)
    assert died.returncode == -signal.SIGKILL, (died.stdout, died.stderr)
    assert _db_rows(idx, "PRAGMA integrity_check") == [("ok",)]
    stored = _db_rows(idx, "SELECT count(*) FROM documents")[0][0]
    assert 0 < stored < 20  # it died part-way
    store = open_index(str(idx))
    assert store.health() is not None and "interrupted" in store.health()
    warned = _cli("verify", "Item 1", "--index", idx)
    assert "interrupted" in warned.stderr and f"factcheck index --index {idx}" in warned.stderr
    store.close()
    rerun = _cli("index", articles, "--index", idx, "-f", "json")
    assert rerun.exit_code == 0
    assert json.loads(rerun.stdout)["indexed"] + json.loads(rerun.stdout)["unchanged"] == 20
    assert _db_rows(idx, "SELECT count(*), count(DISTINCT path) FROM documents") == [(20, 20)]
    store = open_index(str(idx))
    assert store.health() is None and store.integrity() == "ok"
    assert store.passage_count() == open_index(str(idx)).stored_passages()
    assert verify(store, "Item 19").evidence[0].candidate.source.title == "Article 19"


def test_kill_9_of_the_command_mid_run(tmp_path):
    """The real thing: SIGKILL from outside once the first batch is in, then the same command again."""
    folder = tmp_path / "articles"
    paragraphs = _paragraphs(SEED_004) + _paragraphs(SEED_000)
    for i in range(700):  # a bulk run, read by worker processes
        sub = folder / f"{i // 100}"
        sub.mkdir(parents=True, exist_ok=True)
        (sub / f"a{i:03d}.txt").write_text(f"Article {i}\n\n{' '.join(paragraphs[i % 7:i % 7 + 3])} Item {i}.\n")
    idx = tmp_path / "idx"
    proc = subprocess.Popen([sys.executable, "-m", "factcheck", "index", str(folder), "--index", str(idx)],
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=_env(), start_new_session=True)
    deadline = time.monotonic() + 60
    stored = 0
    while time.monotonic() < deadline and proc.poll() is None:
        time.sleep(0.05)
        try:
            stored = _db_rows(idx, "SELECT count(*) FROM documents")[0][0]
        except sqlite3.Error:
            continue
        if stored:
            break
    if proc.poll() is None:
        os.killpg(proc.pid, signal.SIGKILL)  # the command and its worker processes
    proc.wait()
    assert _db_rows(idx, "PRAGMA integrity_check") == [("ok",)]
    rerun = _factcheck("index", folder, "--index", idx)
    assert rerun.returncode == 0, rerun.stderr
    assert _db_rows(idx, "SELECT count(*), count(DISTINCT path) FROM documents") == [(700, 700)]
    store = open_index(str(idx))
    assert store.health() is None
    assert store.passage_count() == open_index(str(idx)).stored_passages()


def test_reindexing_an_unchanged_folder_is_a_no_op(tmp_path):
    idx = _seed_index(tmp_path)
    rows = _db_rows(idx, "SELECT id, path, sha256, indexed_at FROM documents ORDER BY id")
    passages = list(open_index(str(idx)).passages())
    meta = json.loads((idx / "tantivy" / "meta.json").read_text())
    r = _cli("index", SEEDS, "--index", idx)
    assert r.exit_code == 0 and r.stdout.startswith("indexed 0, unchanged 2, skipped 0")
    assert _db_rows(idx, "SELECT id, path, sha256, indexed_at FROM documents ORDER BY id") == rows
    assert list(open_index(str(idx)).passages()) == passages
    assert json.loads((idx / "tantivy" / "meta.json").read_text()) == meta  # the search index untouched


# ---------------------------------------------------------------------------- 4. limits


def test_max_file_size_skips_what_is_over_it(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "small.txt").write_text(SEED_000)
    (folder / "large.txt").write_text(SEED_004 * 10)
    r = _cli("index", folder, "--index", tmp_path / "idx", "--max-file-size", 20_000, "-f", "json")
    assert r.exit_code == 1
    report = json.loads(r.stdout)
    assert report["indexed"] == 1
    [skip] = report["skipped_files"]
    assert skip["path"].endswith("large.txt") and "over the limit" in skip["reason"] and "--max-file-size" in skip["reason"]


def test_work_in_flight_is_bounded_by_files_and_bytes(tmp_path):
    sizes = [100, 5_000_000, 5_000_000, 20_000_000, 10] + [1000] * 40
    jobs = []
    for i, size in enumerate(sizes):
        p = tmp_path / f"f{i}.txt"
        with open(p, "wb") as fh:
            fh.truncate(size)  # sparse: only the size matters here
        jobs.append((str(p), p.name, 10**9, None, {}))
    chunks = list(ingest._batched(iter(jobs)))
    assert [job for chunk in chunks for job in chunk] == jobs  # in order, each once
    for chunk in chunks:
        assert len(chunk) <= ingest.CHUNK_FILES
        total = sum(sizes[int(job[1][1:-4])] for job in chunk)
        assert total <= ingest.CHUNK_BYTES or len(chunk) == 1


def test_progress_bar_only_on_a_terminal(monkeypatch):
    from factcheck import cli

    class Tty:
        def __init__(self):
            self.text = ""

        def isatty(self):
            return True

        def write(self, s):
            self.text += s

        def flush(self):
            pass

    tty = Tty()
    monkeypatch.setattr(sys, "stderr", tty)
    show = cli._progress()
    show(3, 12, "sources/a.txt")
    assert "[######" in tty.text and "3/12" in tty.text and "sources/a.txt" in tty.text
    monkeypatch.setattr(sys, "stderr", open(os.devnull, "w"))
    assert cli._progress() is None


def test_library_indexing_from_a_script_that_cannot_be_reimported(tmp_path):
    """Worker processes re-import the main module; a script fed on stdin cannot be: read in-process."""
    folder = tmp_path / "many"
    folder.mkdir()
    for i in range(80):
        (folder / f"a{i}.txt").write_text(f"Note {i}\n\nThe council met on day {i} to discuss the budget.\n")
    script = f"from factcheck.ingest import index_paths\nr = index_paths({str(tmp_path / 'idx')!r}, [{str(folder)!r}])\n" \
             "print(len(r.indexed), len(r.skipped))\n"
    done = subprocess.run([sys.executable, "-"], input=script, capture_output=True, text=True, env=_env(), timeout=120)
    assert done.returncode == 0, done.stderr
    assert done.stdout.split() == ["80", "0"]


# ---------------------------------------------------------------------------- 5. no surprises

# Runs the commands in one process with an audit hook that records every file opened, every
# connection and every program started; prints them as JSON.
_AUDITED = textwrap.dedent("""
    import json, os, sys
    events = []

    def hook(event, args):
        if event == "open" and isinstance(args[0], (str, bytes)):
            path = os.fsdecode(args[0])
            mode, flags = args[1], args[2] or 0
            writing = bool(mode and any(c in str(mode) for c in "wax+")) or bool(flags & (os.O_WRONLY | os.O_RDWR))
            events.append(["write" if writing else "read", os.path.abspath(path)])
        elif event.startswith(("socket.", "subprocess.", "os.exec", "os.posix_spawn", "os.spawn", "os.system",
                               "os.fork", "urllib.")):
            events.append([event, repr(args)[:200]])

    from factcheck.cli import main
    sys.addaudithook(hook)
    for args in json.loads(sys.argv[1]):
        try:
            main(args)
        except SystemExit:
            pass
    sys.stdout.write("\\nEVENTS " + json.dumps(events) + "\\n")
""")


def test_indexing_and_checking_never_connect_run_or_read_what_documents_name(tmp_path):
    sources = tmp_path / "sources"
    sources.mkdir()
    secret = tmp_path / "secret.dat"
    secret.write_text("the launch codes")
    for p in SEEDS.iterdir():
        (sources / p.name).write_bytes(p.read_bytes())
    for p in (FIXTURES / "pages").glob("*.htm*"):
        (sources / p.name).write_bytes(p.read_bytes())
    for p in (FIXTURES / "exports").iterdir():
        (sources / p.name).write_bytes(p.read_bytes())
    (sources / "links.html").write_text(f"""<html><head><title>Links everywhere</title>
        <link rel="stylesheet" href="https://example.com/style.css"><script src="https://example.com/x.js"></script>
        <script>fetch("https://example.com/beacon"); document.write("injected words");</script>
        <meta http-equiv="refresh" content="0; url=https://example.com/elsewhere"></head>
        <body><article><h1>Links everywhere</h1><p>The mayor said the new ferry terminal would open in spring,
        according to <a href="file://{secret}">the plan</a> and <a href="../secret.dat">notes</a>.</p>
        <img src="file://{secret}"><iframe src="https://example.com/frame"></iframe>
        <p>Officials expect the terminal to serve four thousand passengers a day once the ferries run.</p>
        </article></body></html>""")
    (sources / "links.md").write_text(f"# Links\n\nThe ferry terminal [plan](file://{secret}) was approved "
                                      f"on Monday ![map](../secret.dat) by the council.\n")
    draft = tmp_path / "draft.md"
    draft.write_text(f"The mayor said the [ferry terminal](file://{secret}) would open in spring.\n")
    idx = tmp_path / "idx"
    commands = [["index", str(sources), "--index", str(idx)],
                ["verify", "the ferry terminal would open in spring", "--index", str(idx)],
                ["check", str(draft), "--index", str(idx)], ["sources", "--index", str(idx)],
                ["quotes", "--index", str(idx)]]
    done = subprocess.run([sys.executable, "-c", _AUDITED, json.dumps(commands)], capture_output=True, text=True,
                          env=_env(), timeout=120, cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    events = json.loads(done.stdout.rsplit("\nEVENTS ", 1)[1])
    # No connection, name lookup or program started. (Importing urllib3, under trafilatura, makes
    # a socket and binds it to ::1 to learn whether IPv6 exists: no traffic, so allowed.)
    others = [e for e in events if e[0] not in ("read", "write", "socket.__new__")]
    assert all(e[0] == "socket.bind" and "'::1'" in e[1] for e in others), others
    opened = {path for kind, path in events if kind in ("read", "write")}
    assert str(secret) not in opened
    written = {path for kind, path in events if kind == "write" and not path.startswith("/dev/")}
    assert written and all(path.startswith(str(idx)) for path in written), written
    assert "Links everywhere" in done.stdout and "injected words" not in done.stdout


def test_commands_write_only_the_index(tmp_path):
    home = tmp_path / "home"
    home.mkdir()
    work = tmp_path / "work"
    work.mkdir()
    sources = work / "sources"
    sources.mkdir()
    for p in SEEDS.iterdir():
        (sources / p.name).write_bytes(p.read_bytes())
    (work / "draft.md").write_text("Vance threatened sanctions.\n")

    def snapshot():
        # files by content time; folders only by being there (adding the index touches its parent)
        return {str(p): p.stat().st_mtime_ns if p.is_file() else 0 for p in tmp_path.rglob("*")}

    env = {**_env(), "HOME": str(home), "XDG_CACHE_HOME": str(home / ".cache"), "TMPDIR": str(home / "tmp")}
    (home / "tmp").mkdir()
    before = snapshot()
    for args in (["index", "sources", "--index", "idx"], ["verify", "Vance threatened sanctions", "--index", "idx"],
                 ["check", "draft.md", "--index", "idx"], ["sources", "--index", "idx"], ["quotes", "--index", "idx"],
                 ["index", "sources", "--index", "idx", "--dry-run"]):
        r = subprocess.run([sys.executable, "-m", "factcheck", *args], cwd=work, env=env, capture_output=True,
                           text=True, timeout=120)
        assert r.returncode in (0, 1), (args, r.stderr)
    after = snapshot()
    changed = {p for p in after if before.get(p) != after[p]} | (set(before) - set(after))
    assert changed and all(p.startswith(str(work / "idx")) for p in changed), changed


def test_a_one_word_or_endless_claim_is_not_judged():
    """'NOT Hegseth' or one word said 3,000 times names a topic: no passage supports or denies it,
    and the table's heading shows the start of an endless claim, not all of it."""
    for claim in ("NOT Hegseth", "word " * 3000):
        r = clirun.invoke(["verify", claim])
        assert r.exit_code == 3 and r.stdout.startswith("UNVERIFIED")
        assert len(r.stdout.splitlines()[0]) < 400
        data = json.loads(clirun.invoke(["verify", claim, "--format", "json"]).stdout)[0]
        assert data["claim"] == " ".join(claim.split()) and all(e["stance"] == "related" for e in data["evidence"])
