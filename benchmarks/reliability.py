"""Reliability figures (issue #8): bad files handled, memory on a large folder, worst-case inputs.

    python benchmarks/reliability.py                    # zoo x 40, folders of 100 and 300 MB, fuzz
    python benchmarks/reliability.py --mb 1000          # the 1 GB folder (~40 min on 2 cores)
    python benchmarks/reliability.py --mb 0 --zoo 5     # a minute

Prints tables; asserts nothing (tests/test_robustness.py holds the guarantees).

1. The zoo: for each of N real FNC-1 article bodies (`DATA/fnc1/corpus`), the article as it is
   plus every kind of damaged file the issue lists (empty, binary, stray NUL, NUL padding,
   invalid UTF-8, cp1252, BOM, UTF-16 LE/BE, CRLF, a multi-megabyte line, malformed front
   matter, impossible dates, truncated JSON and HTML, dangling links, unreadable files). One
   `factcheck index` run over the folder: files tried / indexed / skipped (with the reasons),
   the exit code, and how many damaged copies read back as the article (their passages
   within 1% of the clean copy's).
2. A large folder: FNC-1 bodies replicated to the asked size as `benchmarks/speed.py` does (copy
   r > 0 replaces a quarter of the longer words, seeded), indexed by `factcheck index` in its own
   process while the resident memory of that process and its workers is sampled every 0.2 s:
   peak RSS at each size (flat when memory is bounded), MB/s.
3. Worst cases for the text stages: random soups of the tokens that quote and attribution
   patterns react to, and documents of shuffled article words (quote marks everywhere): the
   slowest microseconds per character of sentence + quote + speaker extraction.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import shutil
import subprocess
import sys
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))


def _env() -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("FACTCHECK_")}
    env["PYTHONPATH"] = str(ROOT) + os.pathsep + env.get("PYTHONPATH", "")
    return env


def _factcheck(*args: str, **kwargs) -> subprocess.CompletedProcess:  # type: ignore[type-arg]
    return subprocess.run([sys.executable, "-m", "factcheck", *args], capture_output=True, text=True,
                          env=_env(), **kwargs)


# ---------------------------------------------------------------------------- 1. the zoo


def damaged(body: str, rng: random.Random) -> dict[str, bytes]:
    """Return file name suffix -> bytes: the article and each damaged form of it."""
    paragraphs = [p for p in body.split("\n\n") if p.strip()]
    title = paragraphs[0][:80] if paragraphs else "Untitled"
    u = body.encode("utf-8")
    return {
        "good.txt": u,
        "empty.txt": b"",
        "binary.txt": bytes(rng.randrange(256) for _ in range(4096)),
        "stray_nul.txt": u[:200] + b"\x00" + u[200:],
        "nul_padded.txt": u + b"\x00" * 4096,
        "invalid_utf8.txt": u[:300] + b"\xff\xc3" + u[300:],
        "cp1252.txt": body.encode("cp1252", errors="replace"),
        "bom.md": b"\xef\xbb\xbf" + u,
        "utf16le.txt": body.encode("utf-16"),
        "utf16be.txt": b"\xfe\xff" + body.encode("utf-16-be"),
        "crlf.txt": u.replace(b"\n", b"\r\n"),
        "one_line.txt": (" ".join(body.split()) + " ").encode("utf-8") * max(1, 2_000_000 // max(len(u), 1)),
        "bad_front_matter.md": b"---\ntitle: [unclosed\ndate: : :\n---\n" + u,
        "impossible_date.md": f"---\ntitle: {title}\ndate: 2025-13-45\n---\n\n".encode() + u,
        "truncated.json": json.dumps({"title": title, "body": body})[: max(20, len(body) // 2)].encode(),
        "truncated.html": (f"<html><head><title>{title}</title></head><body><article><p>"
                           + body[: len(body) // 2].replace("\n\n", "</p><p>")).encode("utf-8"),
    }


def zoo(data: Path, count: int, work: Path) -> None:
    bodies = sorted((data / "fnc1" / "corpus").glob("*.txt"))
    rng = random.Random(8)
    picks = [p for p in rng.sample(bodies, min(count, len(bodies)))]
    folder = work / "zoo"
    shutil.rmtree(folder, ignore_errors=True)
    folder.mkdir(parents=True)
    for n, path in enumerate(picks):
        body = path.read_text(encoding="utf-8")
        for suffix, content in damaged(body, rng).items():
            (folder / f"{n:03d}_{suffix}").write_bytes(content)
        (folder / f"{n:03d}_dangling.txt").symlink_to(folder / f"{n:03d}_gone.txt")
        unreadable = folder / f"{n:03d}_unreadable.txt"
        unreadable.write_bytes(body.encode("utf-8"))
        unreadable.chmod(0)
    tried = sum(1 for _ in folder.iterdir())
    idx = work / "zoo-index"
    shutil.rmtree(idx, ignore_errors=True)
    started = time.monotonic()
    r = _factcheck("index", str(folder), "--index", str(idx), "-f", "json")
    seconds = time.monotonic() - started
    report = json.loads(r.stdout)
    kinds = Counter(Path(s["path"]).name.split("_", 1)[1] for s in report["skipped_files"])
    reasons = Counter(s["reason"].split("(")[0].split(":")[0].strip()[:50] for s in report["skipped_files"])
    tracebacks = r.stderr.count("Traceback")
    for p in folder.iterdir():
        p.chmod(0o644) if not p.is_symlink() else None
    # Does each re-encoded copy read back as the article? Its passages against the clean copy's.
    from rapidfuzz import fuzz

    readable = ("stray_nul.txt", "nul_padded.txt", "invalid_utf8.txt", "cp1252.txt", "bom.md", "utf16le.txt",
                "utf16be.txt", "crlf.txt", "bad_front_matter.md", "impossible_date.md")
    texts: dict[str, str] = {}
    import sqlite3

    db = sqlite3.connect(idx / "factcheck.db")
    for path, text in db.execute("SELECT d.path, group_concat(p.text, ' ') FROM documents d "
                                 "JOIN passages p ON p.doc_id = d.id GROUP BY d.id ORDER BY d.path"):
        texts[Path(path).name] = " ".join(text.split())
    db.close()
    found = Counter()
    for n in range(len(picks)):
        clean = texts.get(f"{n:03d}_good.txt", "")
        for kind in readable:
            got = texts.get(f"{n:03d}_{kind}", "")
            found[kind] += bool(clean) and fuzz.ratio(clean, got, processor=None, score_cutoff=99) >= 99
    print(f"## Bad files: {len(picks)} articles x {tried // max(len(picks), 1)} kinds\n")
    print("| files tried | indexed | skipped | exit code | tracebacks | seconds |")
    print("|---:|---:|---:|---:|---:|---:|")
    print(f"| {tried} | {report['indexed']} | {report['skipped']} | {r.returncode} | {tracebacks} | {seconds:.1f} |\n")
    print("Skipped, by kind of file: " + ", ".join(f"{k} {v}" for k, v in sorted(kinds.items())))
    print("Reasons: " + "; ".join(f"{k!r} x{v}" for k, v in reasons.most_common()))
    print(f"\nRead back as the article (its passages within 1% of the clean copy's), of {len(picks)}: "
          + ", ".join(f"{k} {found[k]}" for k in readable) + "\n")


# ---------------------------------------------------------------------------- 2. a large folder


def _tree_rss(pid: int) -> tuple[int, int]:
    """Return (RSS of `pid`, RSS of `pid` and all its descendants) in bytes, from /proc."""
    children: dict[int, list[int]] = {}
    rss: dict[int, int] = {}
    page = os.sysconf("SC_PAGE_SIZE")
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            with open(f"/proc/{entry}/stat") as fh:
                fields = fh.read().rsplit(")", 1)[1].split()
            with open(f"/proc/{entry}/statm") as fh:
                rss[int(entry)] = int(fh.read().split()[1]) * page
        except OSError:
            continue
        children.setdefault(int(fields[1]), []).append(int(entry))
    total, todo = 0, [pid]
    while todo:
        p = todo.pop()
        total += rss.get(p, 0)
        todo.extend(children.get(p, []))
    return rss.get(pid, 0), total


def large_folder(data: Path, mb: int, work: Path) -> dict[str, float]:
    from speed import BYTES_PER_PASSAGE, build_corpus

    corpus = work / f"corpus-{mb}mb"
    files, size = build_corpus(data, int(mb * 1e6 / BYTES_PER_PASSAGE), corpus)
    idx = work / f"index-{mb}mb"
    shutil.rmtree(idx, ignore_errors=True)
    started = time.monotonic()
    proc = subprocess.Popen([sys.executable, "-m", "factcheck", "index", str(corpus), "--index", str(idx), "-q"],
                            env=_env(), stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    peak_main = peak_total = 0
    while proc.poll() is None:
        main, total = _tree_rss(proc.pid)
        peak_main, peak_total = max(peak_main, main), max(peak_total, total)
        time.sleep(0.2)
    seconds = time.monotonic() - started
    stderr = proc.stderr.read() if proc.stderr else ""
    index_mb = sum(p.stat().st_size for p in idx.rglob("*") if p.is_file()) / 1e6
    return {"mb": size / 1e6, "files": files, "seconds": seconds, "rc": proc.returncode,
            "peak_main": peak_main / 1e6, "peak_total": peak_total / 1e6, "index_mb": index_mb,
            "errors": len([line for line in stderr.splitlines() if line.strip()])}


# ---------------------------------------------------------------------------- 3. worst cases

TOKENS = ["said", "told", "Vance", "J.D.", "Mr.", "the", "spokesman", "he", "she", "“", "”", '"', "'", "‘", "’",
          ",", ".", ":", ";", "—", "-", "(", ")", " ", "   ", "\t", "\n", "\n\n", "according", "to", "who", "and",
          "of", "President", "Donald", "Trump", "Sen.", "adding", "that", "U.S.", "[", "]", "#", "*", ">", "---",
          "http://x.y/z", "Related article:", "Photo:", "2025", "February 14, 2025", "Published:", "By", "says",
          "asked", "quoted", "as", "saying", "was", "It", "They", "is", "...", "…", "!", "?"]


def worst_cases(data: Path, trials: int) -> None:
    from factcheck.documents import parse_text
    from factcheck.segment import segment

    rng = random.Random(3)
    bodies = sorted((data / "fnc1" / "corpus").glob("*.txt"))
    words = [w for p in bodies[:200] for w in p.read_text(encoding="utf-8").split()]
    rows = []
    for kind in ("token soup", "shuffled article words"):
        worst = (0.0, 0.0, 0)
        chars = seconds = 0.0
        for _ in range(trials):
            if kind == "token soup":
                weights = [rng.random() ** 3 for _ in TOKENS]
                text = "".join(t + rng.choice(["", " "]) for t in rng.choices(TOKENS, weights, k=rng.randint(1, 3000)))
            else:
                text = " ".join(rng.choice(words) for _ in range(rng.randint(100, 5000)))
            started = time.perf_counter()
            segment(parse_text("x.txt", text, "-"))
            dt = time.perf_counter() - started
            chars += len(text)
            seconds += dt
            worst = max(worst, (dt / max(len(text), 1) * 1e6, dt, len(text)))
        rows.append((kind, trials, chars / 1e6, seconds / chars * 1e6, *worst))
    print("## Worst cases for sentence, quote and speaker extraction\n")
    print("| input | documents | MB | mean µs/char | worst µs/char | its seconds | its characters |")
    print("|---|---:|---:|---:|---:|---:|---:|")
    for kind, n, mb, mean, w_us, w_s, w_chars in rows:
        print(f"| {kind} | {n} | {mb:.1f} | {mean:.1f} | {w_us:.1f} | {w_s:.3f} | {w_chars:,} |")
    print()


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--data", type=Path, default=ROOT.parent / "shared" / "data")
    ap.add_argument("--work", type=Path, default=Path("/tmp/factcheck-reliability"),
                    help="where the folders and indexes are built")
    ap.add_argument("--zoo", type=int, default=40, help="articles to damage (0: skip)")
    ap.add_argument("--mb", default="100,300", help="large-folder sizes in MB, comma-separated (0: skip)")
    ap.add_argument("--fuzz", type=int, default=300, help="worst-case documents of each kind (0: skip)")
    args = ap.parse_args()
    if not (args.data / "fnc1" / "corpus").is_dir():
        raise SystemExit(f"no FNC-1 corpus under {args.data} (give the shared data folder with --data)")
    args.work.mkdir(parents=True, exist_ok=True)
    if args.zoo:
        zoo(args.data, args.zoo, args.work)
    sizes = [int(x) for x in args.mb.split(",") if int(x) > 0]
    if sizes:
        print("## Large folders (`factcheck index`, peak resident memory sampled every 0.2 s)\n")
        print("| text MB | files | seconds | MB/s | peak RSS, main MB | peak RSS, with workers MB | index MB | exit "
              "| stderr lines |")
        print("|---:|---:|---:|---:|---:|---:|---:|---:|---:|")
        for mb in sizes:
            f = large_folder(args.data, mb, args.work)
            print(f"| {f['mb']:.0f} | {f['files']:,} | {f['seconds']:.0f} | {f['mb'] / f['seconds']:.2f} | "
                  f"{f['peak_main']:.0f} | {f['peak_total']:.0f} | {f['index_mb']:.0f} | {f['rc']} | {f['errors']} |",
                  flush=True)
        print()
    if args.fuzz:
        worst_cases(args.data, args.fuzz)
    print(f"load average at the end: {os.getloadavg()[0]:.1f} (2 cores)")


if __name__ == "__main__":
    main()
