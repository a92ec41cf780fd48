"""Speed at archive scale (issue #7): factcheck against a naive rapidfuzz scan and bm25s.

    python benchmarks/speed.py                      # 10 k, 100 k and 1 M passages (~25 min)
    python benchmarks/speed.py --sizes 10000        # one size
    python benchmarks/speed.py --data DIR --sizes 300 --claims 20 --scan-claims 5   # tiny

Prints a table; asserts nothing. Reads real news text from `DATA/fnc1/corpus` and
`DATA/fnc1/extra-corpus` (FNC-1 article bodies; DATA defaults to ../shared/data beside the
repository), or, when DATA is a folder of .txt files, those files.

Corpus: the articles are replicated until the corpus holds the asked number of passages.
Copy 0 is the text as it is; copy r > 0 replaces each word of 4+ letters, with probability
REPLACE_RATE, by a content word (5+ letters, not a stop word) drawn from the corpus's own
running text (so word frequencies keep their shape), seeded by (copy, file): every copy is
different text, and no two runs differ.

Claims: passages drawn at random (seeded) from the built index, each perturbed the way people
mistype a sentence: words dropped, two neighbours swapped, a typo inside a word, the case
changed. The passage the claim came from is its gold answer; recall@10 counts the claims whose
gold passage is among the first 10 pieces of evidence. Headlines: FNC-1 dev headlines whose
labelled bodies `agree`/`discuss`; hits@10 counts those with a passage of such a body (any
copy) in the top 10.

Compared, in the same run, on the same claims: the naive scan (rapidfuzz `process.extract`
with token_set_ratio over every passage, texts normalised beforehand, so only the scan is
timed) on a sample of claims (it takes seconds per claim at 1 M), `process.cdist` with all
cores when numpy is installed, and bm25s (top 200 + the same rerank) when installed.
"""

from __future__ import annotations

import argparse
import contextlib
import csv
import json
import os
import random
import re
import resource
import shutil
import statistics
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

REPLACE_RATE = 0.25  # share of 4+ letter words replaced in each copy after the first
BYTES_PER_PASSAGE = 124.3  # FNC-1 bodies: 5.75 MB of text, 46,239 passages (measured)
_WORD = re.compile(r"[A-Za-z]{4,}")
LOAD: list[tuple[float, float, float]] = []


# ---------------------------------------------------------------------------- corpus


def source_files(data: Path) -> list[Path]:
    """Return the article files to replicate."""
    fnc = data / "fnc1"
    if fnc.is_dir():
        return sorted((fnc / "corpus").glob("*.txt")) + sorted((fnc / "extra-corpus").glob("*.txt"))
    return sorted(p for p in data.iterdir() if p.suffix == ".txt")


def build_corpus(data: Path, target_passages: int, out: Path) -> tuple[int, int]:
    """Write the replicated corpus for `target_passages` into `out`; return (files, bytes)."""
    stamp = out / ".stamp"
    key = f"{data.resolve()}:{target_passages}:{REPLACE_RATE}:v2"
    if stamp.exists() and stamp.read_text() == key:
        files = [p for p in out.rglob("*.txt")]
        return len(files), sum(p.stat().st_size for p in files)
    if out.exists():
        shutil.rmtree(out)
    out.mkdir(parents=True)
    sources = [(p.name, p.read_text(encoding="utf-8")) for p in source_files(data)]
    if not sources:
        raise SystemExit(f"no .txt articles under {data}")
    from factcheck.text import STOP_WORDS

    # Replacements are content words, so that each copy differs from the others in words
    # that carry meaning (a stop word swapped in would make copies indistinguishable).
    pool = [w for _, text in sources for w in map(str.lower, _WORD.findall(text)) if len(w) >= 5 and w not in STOP_WORDS]
    wanted = target_passages * BYTES_PER_PASSAGE
    written = files = copy = 0
    while written < wanted:
        folder = out / f"copy{copy:03d}"
        folder.mkdir()
        for n, (name, text) in enumerate(sources):
            if written >= wanted:
                break
            if copy:
                rng = random.Random(copy * 1_000_003 + n)
                text = _WORD.sub(lambda m, rng=rng: _replace(m.group(0), rng, pool), text)
            data_bytes = text.encode("utf-8")
            (folder / name).write_bytes(data_bytes)
            written += len(data_bytes)
            files += 1
        copy += 1
    stamp.write_text(key)
    return files, written


def _replace(word: str, rng: random.Random, pool: list[str]) -> str:
    if rng.random() >= REPLACE_RATE:
        return word
    new = pool[rng.randrange(len(pool))]
    if word[0].isupper():
        new = new.upper() if word.isupper() else new.capitalize()
    return new


def perturb(text: str, rng: random.Random) -> str:
    """Return `text` as a hurried writer might retype it: dropped, swapped, mistyped words, case."""
    words = text.split()
    if len(words) > 30:
        start = rng.randrange(len(words) - 25)
        words = words[start:start + 25]
    for _ in range(1 if len(words) < 12 else 2):
        if len(words) > 6:
            words.pop(rng.randrange(len(words)))
    i = rng.randrange(len(words) - 1)
    words[i], words[i + 1] = words[i + 1], words[i]
    long_words = [k for k, w in enumerate(words) if len(w) >= 5 and w.isalpha()]
    if long_words:
        k = rng.choice(long_words)
        w = words[k]
        j = rng.randrange(1, len(w) - 1)
        edit = rng.randrange(3)
        if edit == 0:
            w = w[:j] + w[j + 1:]
        elif edit == 1:
            w = w[:j] + w[j + 1] + w[j] + w[j + 2:]
        else:
            w = w[:j] + rng.choice("aeioustrnl") + w[j + 1:]
        words[k] = w
    claim = " ".join(words)
    case = rng.randrange(3)
    if case == 0:
        claim = claim.lower()
    elif case == 1:
        claim = claim[:1].lower() + claim[1:]
    return claim


def make_claims(texts: dict[int, str], n: int, seed: int = 7) -> list[tuple[str, int]]:
    """Return (claim, gold passage id) pairs from passages with 8+ words and unique text."""
    from collections import Counter

    counts = Counter(texts.values())
    eligible = sorted(pid for pid, t in texts.items() if len(t.split()) >= 8 and counts[t] == 1)
    rng = random.Random(seed)
    chosen = rng.sample(eligible, min(n, len(eligible)))
    return [(perturb(texts[pid], rng), pid) for pid in chosen]


def headlines(data: Path, limit: int, present: set[str]) -> list[tuple[str, set[str]]]:
    """Return FNC-1 dev headlines with the body files (among `present`) that agree with or discuss them."""
    path = data / "fnc1" / "dev.csv"
    if not path.exists():
        return []
    related: dict[str, set[str]] = {}
    with path.open(encoding="utf-8") as fh:
        for row in csv.DictReader(fh):
            name = f"body-{row['body_id']}.txt"
            if row["stance"] in ("agree", "discuss") and name in present:
                related.setdefault(row["headline"], set()).add(name)
    items = sorted(related.items())
    return random.Random(11).sample(items, min(limit, len(items)))


# ---------------------------------------------------------------------------- measuring


def pct(values: list[float], q: float) -> float:
    """Return the q-quantile (0-1) of `values` (nearest rank)."""
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(q * (len(ordered) - 1))))]


def folder_bytes(path: Path) -> int:
    return sum(p.stat().st_size for p in path.rglob("*") if p.is_file())


def run_cli(args: list[str], stdin: str | None = None, env: dict[str, str] | None = None) -> tuple[float, str]:
    """Run `python -m factcheck ARGS`; return (wall seconds, stdout)."""
    start = time.perf_counter()
    done = subprocess.run([sys.executable, "-m", "factcheck", *args], input=stdin, capture_output=True,
                          text=True, env=env, cwd=ROOT)
    took = time.perf_counter() - start
    if done.returncode not in (0, 1, 3):
        raise SystemExit(f"factcheck {' '.join(args[:2])} failed ({done.returncode}): {done.stderr.strip()}")
    return took, done.stdout


def child_peak_rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024


def self_peak_rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def measure(size: int, args: argparse.Namespace) -> dict[str, object]:
    """Build the corpus and index for `size` passages and measure everything; return the figures."""
    from factcheck import open_index
    from factcheck.pipeline import Options, verify

    work = Path(args.work)
    corpus = work / f"corpus-{size}"
    index = work / f"index-{size}"
    t0 = time.perf_counter()
    n_files, text_bytes = build_corpus(Path(args.data), size, corpus)
    print(f"[{size}] corpus: {n_files} files, {text_bytes / 1e6:.1f} MB ({time.perf_counter() - t0:.1f} s)",
          file=sys.stderr)
    if index.exists():
        shutil.rmtree(index)
    build_s, _ = run_cli(["index", "--index", str(index), str(corpus), "--quiet"])
    build_rss = child_peak_rss_mb()
    index_bytes = folder_bytes(index)
    print(f"[{size}] index built in {build_s:.1f} s", file=sys.stderr)

    store = open_index(str(index))
    texts = {pid: text for pid, _, _, text in store.passages()}
    passages = len(texts)
    claims = make_claims(texts, args.claims)
    heads = headlines(Path(args.data), args.headlines, {p.name for p in corpus.rglob("*.txt")})

    # In process: verify = retrieve + rerank + stance, the library call with default options.
    for claim, _ in claims[:5]:
        verify(store, claim)  # warm: open the search index, fill caches
    times = []
    with stage_timer() as stages:
        for claim, _ in claims:
            start = time.perf_counter()
            verify(store, claim)
            times.append(time.perf_counter() - start)
    # Recall: the same call asked for 10 pieces of evidence (not timed).
    ten = Options(top=10)
    hits = sum(gold in [e.candidate.pid for e in verify(store, claim, ten).evidence] for claim, gold in claims)
    head_hits = 0
    for head, bodies in heads:
        verdict = verify(store, head, ten)
        head_hits += any(os.path.basename(e.candidate.source.path) in bodies for e in verdict.evidence)
    query_rss = self_peak_rss_mb()

    # Whole CLI calls: one claim per process.
    cli_times = [run_cli(["verify", "--index", str(index), "--format", "json", c])[0] for c, _ in claims[:args.cli_calls]]
    # Batch: claims on stdin, one process.
    batch = [c for c, _ in make_claims(texts, args.batch, seed=8)]  # distinct claims: no repeat is cached
    batch_s, out = run_cli(["verify", "--index", str(index), "--format", "jsonl", "-"], stdin="\n".join(batch) + "\n")
    assert out.count("\n") == len(batch), "one line of output per claim"

    row: dict[str, object] = {
        "passages": passages, "files": n_files, "text_mb": text_bytes / 1e6, "index_mb": index_bytes / 1e6,
        "build_s": build_s, "build_mb_s": text_bytes / 1e6 / build_s, "build_rss_mb": build_rss,
        "p50_ms": 1000 * statistics.median(times), "p90_ms": 1000 * pct(times, 0.9),
        "recall10": hits / len(claims), "head_hits10": head_hits / len(heads) if heads else None,
        "query_rss_mb": query_rss, "stages_ms": {k: 1000 * v / len(claims) for k, v in stages.items()},
        "cli_p50_ms": 1000 * statistics.median(cli_times), "cli_p90_ms": 1000 * pct(cli_times, 0.9),
        "batch_per_s": len(batch) / batch_s, "claims": len(claims), "headlines": len(heads),
    }
    row.update(naive_scan(texts, claims, heads, store, args))
    store.close()
    return row


@contextlib.contextmanager
def stage_timer() -> Iterator[dict[str, float]]:
    """Yield seconds spent per stage of verify (search engine, SQLite, rerank, stance), summed."""
    from factcheck import score, stance, store

    spent: dict[str, float] = {}
    targets = [(store.IndexStore, "search", "search"), (store.IndexStore, "fuzzy_search", "fuzzy search"),
               (store.IndexStore, "candidates", "fetch (SQLite)"), (score, "rank", "rerank"),
               (stance, "judge", "stance")]
    saved = [(obj, name, getattr(obj, name)) for obj, name, _ in targets]

    def timed(fn: Callable[..., Any], key: str) -> Callable[..., Any]:
        def run(*args: Any, **kwargs: Any) -> Any:
            start = time.perf_counter()
            try:
                return fn(*args, **kwargs)
            finally:
                spent[key] = spent.get(key, 0.0) + time.perf_counter() - start
        return run

    for (obj, name, key), (_, _, fn) in zip(targets, saved):
        setattr(obj, name, timed(fn, key))
    try:
        yield spent
    finally:
        for obj, name, fn in saved:
            setattr(obj, name, fn)


def naive_scan(texts: dict[int, str], claims: list[tuple[str, int]], heads: list[tuple[str, set[str]]],
               store, args: argparse.Namespace) -> dict[str, object]:  # type: ignore[no-untyped-def]
    """Return the figures of the naive full scan (and bm25s) on a sample of the same claims."""
    from rapidfuzz import fuzz, process

    from factcheck.text import normalize

    pids = list(texts)
    normed = [normalize(texts[p]) for p in pids]
    sample = claims[:args.scan_claims]
    times, hits = [], 0
    for claim, gold in sample:
        start = time.perf_counter()
        top = process.extract(normalize(claim), normed, scorer=fuzz.token_set_ratio, processor=None, limit=10)
        times.append(time.perf_counter() - start)
        hits += gold in [pids[i] for _, _, i in top]
    out: dict[str, object] = {"scan_claims": len(sample), "scan_p50_ms": 1000 * statistics.median(times),
                              "scan_p90_ms": 1000 * pct(times, 0.9), "scan_recall10": hits / len(sample)}
    head_hits = 0
    paths = {pid: path for pid, _, path, _ in store.passages()}
    for head, bodies in heads[:args.scan_claims]:
        top = process.extract(normalize(head), normed, scorer=fuzz.token_set_ratio, processor=None, limit=10)
        head_hits += any(os.path.basename(paths[pids[i]]) in bodies for _, _, i in top)
    if heads:
        out["scan_head_hits10"] = head_hits / min(len(heads), args.scan_claims)
        out["scan_head_n"] = min(len(heads), args.scan_claims)
    try:
        import numpy  # noqa: F401
    except ImportError:
        pass
    else:
        times = []
        for claim, _ in sample[:3]:
            start = time.perf_counter()
            process.cdist([normalize(claim)], normed, scorer=fuzz.token_set_ratio, processor=None, workers=-1)
            times.append(time.perf_counter() - start)
        out["cdist_p50_ms"] = 1000 * statistics.median(times)
    out.update(bm25s_figures(pids, normed, claims, args))
    return out


def bm25s_figures(pids: list[int], normed: list[str], claims: list[tuple[str, int]],
                  args: argparse.Namespace) -> dict[str, object]:
    """Return bm25s build time and latency (top 200 + token_set_ratio rerank) when installed."""
    try:
        import bm25s
    except ImportError:
        return {}
    from rapidfuzz import fuzz, process

    from factcheck.text import normalize

    start = time.perf_counter()
    retriever = bm25s.BM25()
    retriever.index(bm25s.tokenize(normed, stopwords="en", show_progress=False), show_progress=False)
    build = time.perf_counter() - start
    times, hits = [], 0
    for claim, gold in claims:
        start = time.perf_counter()
        q = normalize(claim)
        docs, _ = retriever.retrieve(bm25s.tokenize([q], stopwords="en", show_progress=False),
                                     k=min(200, len(normed)), show_progress=False)
        pool = [int(i) for i in docs[0]]
        top = process.extract(q, [normed[i] for i in pool], scorer=fuzz.token_set_ratio, processor=None, limit=10)
        times.append(time.perf_counter() - start)
        hits += gold in [pids[pool[i]] for _, _, i in top]
    return {"bm25s_build_s": build, "bm25s_p50_ms": 1000 * statistics.median(times),
            "bm25s_p90_ms": 1000 * pct(times, 0.9), "bm25s_recall10": hits / len(claims)}


def seeds_cli(args: argparse.Namespace) -> dict[str, float]:
    """Return whole-CLI latency on the bundled seeds (cache warmed first)."""
    env = dict(os.environ, FACTCHECK_CACHE=str(Path(args.work) / "seed-cache"))
    env.pop("FACTCHECK_INDEX", None)
    claims = ["Hegseth ruled out US troops", "Vance threatened sanctions", "Peskov said talks were productive"]
    run_cli(["verify", claims[0]], env=env)
    times = [run_cli(["verify", "--format", "json", c], env=env)[0] for c in claims * (args.cli_calls // 3 + 1)]
    help_times = [run_cli(["--help"], env=env)[0] for _ in range(max(args.cli_calls, 3))]
    return {"seeds_cli_p50_ms": 1000 * statistics.median(times), "seeds_cli_p90_ms": 1000 * pct(times, 0.9),
            "help_p50_ms": 1000 * statistics.median(help_times)}


# ---------------------------------------------------------------------------- report


def report(rows: list[dict[str, object]], seeds: dict[str, float]) -> str:
    """Return the figures as a Markdown table (one column per corpus size)."""
    def f(key: str, fmt: str) -> list[str]:
        return [format(r[key], fmt) if r.get(key) is not None else "-" for r in rows]

    def ratio() -> list[str]:
        return [f"{r['scan_p50_ms'] / r['p50_ms']:,.0f}x" for r in rows]

    lines = [
        ("passages", f("passages", ",")),
        ("text MB (files)", [f"{r['text_mb']:.1f} ({r['files']:,})" for r in rows]),
        ("index build s", f("build_s", ".1f")),
        ("index build MB/s", f("build_mb_s", ".2f")),
        ("index build peak RSS MB", f("build_rss_mb", ".0f")),
        ("index MB (x text)", [f"{r['index_mb']:.1f} ({r['index_mb'] / r['text_mb']:.2f}x)" for r in rows]),
        ("verify in-process p50 ms", f("p50_ms", ".2f")),
        ("verify in-process p90 ms", f("p90_ms", ".2f")),
        ("recall@10 (perturbed sentences)", f("recall10", ".3f")),
        ("headline hits@10", f("head_hits10", ".3f")),
        ("query process peak RSS MB", f("query_rss_mb", ".0f")),
        ("whole CLI call p50 ms", f("cli_p50_ms", ".0f")),
        ("whole CLI call p90 ms", f("cli_p90_ms", ".0f")),
        ("`verify -` batch claims/s", f("batch_per_s", ",.0f")),
        ("naive extract scan p50 ms", f("scan_p50_ms", ",.0f")),
        ("naive extract scan p90 ms", f("scan_p90_ms", ",.0f")),
        ("naive scan recall@10", f("scan_recall10", ".3f")),
        ("naive scan headline hits@10", f("scan_head_hits10", ".3f")),
        ("naive scan / verify (p50)", ratio()),
        ("cdist(workers=-1) scan p50 ms", f("cdist_p50_ms", ",.0f")),
        ("bm25s top 200 + rerank p50 ms", f("bm25s_p50_ms", ".1f")),
        ("bm25s p90 ms", f("bm25s_p90_ms", ".1f")),
        ("bm25s recall@10", f("bm25s_recall10", ".3f")),
        ("bm25s index build s (in memory)", f("bm25s_build_s", ".1f")),
    ]
    out = ["| figure | " + " | ".join(f"{r['passages']:,} passages" for r in rows) + " |",
           "|---|" + "---:|" * len(rows)]
    out += [f"| {name} | " + " | ".join(vals) + " |" for name, vals in lines]
    stages = sorted({k for r in rows for k in r["stages_ms"]})
    for key in stages:
        out.append(f"| of which {key} ms/claim | " + " | ".join(f"{r['stages_ms'].get(key, 0):.2f}" for r in rows) + " |")
    r = rows[-1]
    out.append("")
    out.append(f"claims: {r['claims']} perturbed sentences, {r['headlines']} headlines; naive scan and "
               f"cdist on the first {r['scan_claims']} claims (and headlines); CLI calls: "
               f"one process per claim; batch: one `verify -` process.")
    out.append(f"machine: {os.cpu_count()} cores; load average {LOAD[0]} at start, {os.getloadavg()} at end "
               "(other work on the machine slows every figure)")
    out.append(f"seeds: whole CLI call p50 {seeds['seeds_cli_p50_ms']:.0f} ms, p90 {seeds['seeds_cli_p90_ms']:.0f} ms; "
               f"`factcheck --help` p50 {seeds['help_p50_ms']:.0f} ms")
    return "\n".join(out)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--data", default=str(ROOT.parent / "shared" / "data"),
                        help="folder holding fnc1/ (or a folder of .txt articles)")
    parser.add_argument("--work", default="/tmp/factcheck-speed", help="where corpora and indexes are built")
    parser.add_argument("--sizes", default="10000,100000,1000000", help="corpus sizes in passages")
    parser.add_argument("--claims", type=int, default=200, help="perturbed-sentence claims per size")
    parser.add_argument("--headlines", type=int, default=100, help="FNC-1 headlines per size")
    parser.add_argument("--scan-claims", type=int, default=20, help="claims timed with the naive scan")
    parser.add_argument("--cli-calls", type=int, default=20, help="whole-CLI calls timed")
    parser.add_argument("--batch", type=int, default=1000, help="claims in the `verify -` batch")
    parser.add_argument("--json", help="also write the figures to this JSON file")
    args = parser.parse_args()
    Path(args.work).mkdir(parents=True, exist_ok=True)
    LOAD.append(os.getloadavg())
    # An installed package has its bytecode compiled; an editable checkout may not (and
    # PYTHONDONTWRITEBYTECODE keeps it so): compile it, so CLI calls time factcheck, not the compiler.
    import compileall

    compileall.compile_dir(str(ROOT / "factcheck"), quiet=1)
    rows = [measure(int(s), args) for s in args.sizes.split(",")]
    seeds = seeds_cli(args)
    print(report(rows, seeds))
    if args.json:
        Path(args.json).write_text(json.dumps({"sizes": rows, "seeds": seeds}, indent=2))


if __name__ == "__main__":
    main()
