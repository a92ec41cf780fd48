"""Quote extraction and speaker attribution, measured on labelled data.

    python benchmarks/quotes.py [--data ../shared/data] [--errors N] [--show dev|test] [--dev-only] [--no-speed]

LitBank quotations (`<data>/litbank-quotations/quotes.jsonl`, fiction, CC BY 4.0):
- quote-span P/R/F1: a predicted top-level quote counts when its span, marks included, is
  exactly a gold span (the rule behind the README's baseline); the baseline (matched
  “…”, "…", ‘…’ pairs) is computed in the same run;
- speaker accuracy on the quotes found exactly, by the data README's rule: the predicted
  speaker mention overlaps a gold mention of the speaker outside the quote, or the predicted
  name matches the gold speaker loosely (a shared name word, honorifics aside); and by names
  alone (the resolved name must match: pronouns and "the old man" count only once resolved);
- false quotes per 100 quote-free passages.
The 100 books are split by a hash of their names: 53 "dev" books (rules were tuned on these),
47 "test" books (only measured).

News (`fixtures/quotes/news.json`: paragraphs from `<data>/fundus-en-news` and the bundled
seeds; `news_htmldate.json`: paragraphs from `<data>/htmldate-en-news`, other publishers;
speakers labelled by hand): speaker accuracy on the labelled quotes found, per data set and
both together, split the same way by page (dev pages were looked at while writing rules;
test pages only measured). `news_fnc.json` (round 5: 60 FNC-1 article bodies from many outlets,
`<data>/fnc1/corpus`), `news_fnc6.json` (round 6: the next 50 bodies by the same rule),
`news_fnc7.json` (round 7: the 50 after those), `news_fnc8.json` on (rounds 8 on: 50 more
each; `benchmarks/fnc_bodies.py` reproduces the lists) are dev material only and are reported
on their own rows, `fnc dev-r5`, `fnc dev-r6`, ….

Speed: extraction (sentences + quotes + speakers) per MB of text.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import re
import sys
import time
from bisect import bisect_left
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from factcheck.documents import parse_text, read_document  # noqa: E402
from factcheck.quotes import extract_quotes  # noqa: E402
from factcheck.segment import _line_starts, segment, sentence_spans  # noqa: E402
from factcheck.speakers import name_key, same_person  # noqa: E402

BASELINE = re.compile(r"“[^”]*”|\"[^\"]*\"|‘[^’]*’(?!\w)")


def split_of(name: str) -> str:
    """Return "dev" or "test" for a book or page, by a stable hash of its name."""
    return "dev" if hashlib.sha256(name.encode()).hexdigest()[0] in "01234567" else "test"


def extract(text: str):
    """Return the quotes the pipeline finds in a plain text."""
    return extract_quotes(text, sentence_spans(text), _line_starts(text))


def loose_name_match(predicted: str | None, gold: str) -> bool:
    """Return True when the names share a name word (honorifics and roles aside)."""
    if not predicted:
        return False
    a = set(name_key(predicted)[0])
    b = set(name_key(gold.replace(".", ". "))[0]) | {w.lower() for w in gold.split() if len(w) > 2}
    return bool(a & b) and any(len(w) > 1 for w in a & b)


# ---------------------------------------------------------------------------- litbank


def litbank(data: Path, errors: int, show: str, whole_books: bool = True) -> dict:
    rows = [json.loads(line) for line in (data / "litbank-quotations" / "quotes.jsonl").open(encoding="utf-8")]
    stats: dict[str, Counter] = {"dev": Counter(), "test": Counter()}
    samples: dict[str, list[str]] = {"fn": [], "fp": [], "spk": []}
    by_doc: dict[str, list[dict]] = {}
    for r in rows:
        by_doc.setdefault(r["doc"], []).append(r)
    found_in: dict[tuple[str, int], list] = {}
    for doc, passages in by_doc.items():
        if not whole_books:
            for r in passages:
                found_in[(doc, r["passage"])] = [q for q in extract(r["text"]) if q.depth == 0]
            continue
        # Each book is read whole (its passages joined by a space, as the running text they
        # were cut from), so a quote at the start of a passage keeps the dialogue before it.
        passages.sort(key=lambda r: r["passage"])
        offsets, pos = [], 0
        for r in passages:
            offsets.append(pos)
            pos += len(r["text"]) + 1
        whole = " ".join(r["text"] for r in passages)
        quotes = [q for q in extract(whole) if q.depth == 0]
        starts = [q.span_start for q in quotes]
        for r, off in zip(passages, offsets):
            lo, hi = bisect_left(starts, off), bisect_left(starts, off + len(r["text"]))
            found_in[(doc, r["passage"])] = [_shift(q, -off) for q in quotes[lo:hi]]
    for r in rows:
        split = split_of(r["doc"])
        c = stats[split]
        text = r["text"]
        gold = {(q["start"], q["end"]): q for q in r["quotes"]}
        quotes = found_in[(r["doc"], r["passage"])]
        pred = {(q.span_start, q.span_end): q for q in quotes}
        base = {(m.start(), m.end()) for m in BASELINE.finditer(text)}
        c["passages"] += 1
        c["gold"] += len(gold)
        c["pred"] += len(pred)
        c["tp"] += len(gold.keys() & pred.keys())
        c["base_pred"] += len(base)
        c["base_tp"] += len(gold.keys() & base)
        c["overlap"] += sum(1 for g in gold if any(p[0] < g[1] and g[0] < p[1] for p in pred))
        if not gold:
            c["free"] += 1
            c["free_false"] += len(pred)
        for key in gold.keys() & pred.keys():
            g, p = gold[key], pred[key]
            outside = [m for m in g["speaker_mentions"] if not m["inside_quote"]]
            span_ok = p.mention_start is not None and any(
                m["start"] < p.mention_end and p.mention_start < m["end"] for m in outside)
            name_ok = loose_name_match(p.speaker, g["speaker"])
            c["spk_readme"] += span_ok or name_ok
            c["spk_name"] += name_ok
            c[f"how_{p.how}"] += 1
            inside = p.mention_start is not None and 0 <= p.mention_start < len(text)
            c[f"loc_{'in' if inside else 'out'}"] += 1
            c[f"loc_{'in' if inside else 'out'}_ok"] += span_ok or name_ok
            kind = "pron" if (p.mention or "").lower() in ("he", "she") else "I" if p.mention == "I" else "other"
            c[f"mk_{kind}"] += 1
            c[f"mk_{kind}_name"] += name_ok
            c[f"mk_{kind}_none"] += p.speaker is None
            c[f"how_{p.how}_ok"] += span_ok or name_ok
            if split == show and not (span_ok or name_ok) and len(samples["spk"]) < errors:
                s, e = key
                samples["spk"].append(f"[{r['doc']}] …{text[max(0, s - 150):s]}[[{text[s:e][:70]}]]{text[e:e + 70]}… "
                                      f"-> {p.speaker!r} via {p.mention!r} ({p.how}); gold {g['speaker']!r} "
                                      f"{[m['text'] for m in outside][:4]}")
        if split == show:
            for s, e in list(gold.keys() - pred.keys())[:2]:
                if len(samples["fn"]) < errors:
                    near = [k for k in pred if k[0] < e and s < k[1]]
                    samples["fn"].append(f"[{r['doc']}] …{text[max(0, s - 60):s]}[[{text[s:e][:100]}]]{text[e:e + 40]}… "
                                         f"pred {[text[a:b][:40] for a, b in near]}")
            for s, e in list(pred.keys() - gold.keys())[:2]:
                if len(samples["fp"]) < errors:
                    samples["fp"].append(f"[{r['doc']}] …{text[max(0, s - 60):s]}{{{{{text[s:e][:100]}}}}}{text[e:e + 40]}…")
    return {"stats": stats, "samples": samples}


def _shift(q, delta: int):
    """Return the quote with its offsets moved by `delta` (into passage coordinates)."""
    return q._replace(span_start=q.span_start + delta, span_end=q.span_end + delta,
                   mention_start=None if q.mention_start is None else q.mention_start + delta,
                   mention_end=None if q.mention_end is None else q.mention_end + delta)


def _prf(tp: int, pred: int, gold: int) -> tuple[float, float, float]:
    p = tp / pred if pred else 0.0
    r = tp / gold if gold else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def print_litbank(result: dict, passages: dict, dev_only: bool = False) -> None:
    stats = result["stats"]
    rows = [("dev", stats["dev"]), ("test", stats["test"]), ("all", stats["dev"] + stats["test"])]
    if dev_only:
        rows = rows[:1]
        stats = {"dev": stats["dev"], "test": Counter()}
        passages = {"stats": {"dev": passages["stats"]["dev"], "test": Counter()}}
    print("LitBank quotations: quote spans (exact, marks included) and speakers")
    print(f"{'split':6} {'gold':>5} {'pred':>5} {'P':>6} {'R':>6} {'F1':>6} {'base F1':>8} {'overlap R':>9} "
          f"{'spk(README)':>11} {'spk(name)':>9} {'false/100 free':>14}")
    for name, c in rows:
        p, r, f = _prf(c["tp"], c["pred"], c["gold"])
        bp, br, bf = _prf(c["base_tp"], c["base_pred"], c["gold"])
        print(f"{name:6} {c['gold']:5d} {c['pred']:5d} {p:6.3f} {r:6.3f} {f:6.3f} {bf:8.3f} {c['overlap'] / c['gold']:9.3f} "
              f"{c['spk_readme'] / c['tp']:11.3f} {c['spk_name'] / c['tp']:9.3f} {100 * c['free_false'] / c['free']:14.1f}")
    c = passages["stats"]["dev"] + passages["stats"]["test"]
    p, r, f = _prf(c["tp"], c["pred"], c["gold"])
    print(f"each passage read alone (all): P {p:.3f} R {r:.3f} F1 {f:.3f}, speaker (README rule) "
          f"{c['spk_readme'] / c['tp']:.3f}, (name) {c['spk_name'] / c['tp']:.3f}")
    c = stats["dev"] + stats["test"]
    bp, br, bf = _prf(c["base_tp"], c["base_pred"], c["gold"])
    print(f"baseline (all): P {bp:.3f} R {br:.3f} F1 {bf:.3f}")
    print(f"speaker mention in the quote's own passage: {c['loc_in_ok']}/{c['loc_in']} right; "
          f"further back in the book: {c['loc_out_ok']}/{c['loc_out']} right")
    hows = sorted(k[4:] for k in c if k.startswith("how_") and not k.endswith("_ok"))
    print("speaker mentions (all): " + ", ".join(
        f"{k}: {c['mk_' + k]} resolved to the right name {c['mk_' + k + '_name']}, unresolved {c['mk_' + k + '_none']}"
        for k in ("pron", "I", "other")))
    print("speaker rule (all): " + ", ".join(f"{h} {c['how_' + h + '_ok']}/{c['how_' + h]}" for h in hows))


# ---------------------------------------------------------------------------- news


def _norm(text: str) -> str:
    return " ".join(re.sub(r"[^\w\s]", "", text).split()).casefold()


_STOP = frozenset("the a an of for to in on at by and s".split())


def speaker_ok(predicted: str | None, gold: list[str]) -> bool:
    """Return True when the predicted speaker names the labelled one (or an accepted alternative)."""
    if not predicted:
        return False
    for g in gold:
        if same_person(predicted, g):
            return True
        a = {w for w in re.findall(r"\w+", predicted.casefold()) if w not in _STOP}
        b = {w for w in re.findall(r"\w+", g.casefold()) if w not in _STOP}
        if a and b and (a <= b or b <= a):
            return True
    return False


def taken_for_speech(label: str, quote: str) -> bool:
    """Return True when an extracted quote is the labelled non-speech span (both normalised).

    The quote must be that span, or start with it when the label is the opening of a long
    plaque or title; a scare word inside a real quote ("pragmatic" in "…pragmatic policies…")
    is not a false quote.
    """
    return quote == label or (len(label.split()) >= 4 and quote.startswith(label))


NEWS_FIXTURES = (("fundus", "news.json"), ("htmldate", "news_htmldate.json"))
# Rounds 5 on: FNC-1 article bodies from many outlets, all dev material (no test pages), each
# round reported on its own row so that "both" stays the two page sets it always was.
# `news_fnc.json` is round 5, `news_fncN.json` round N.


def _fnc_round(path: Path) -> int:
    return int(path.stem.removeprefix("news_fnc") or 5)


FNC_FIXTURES = tuple((f"dev-r{_fnc_round(p)}", p.name)
                     for p in sorted((ROOT / "fixtures" / "quotes").glob("news_fnc*.json"), key=_fnc_round))


def news_documents(fixture: Path):
    """Yield (id, Document, labelled document) for a news fixture."""
    data = json.loads(fixture.read_text(encoding="utf-8"))
    for d in data["documents"]:
        if "file" in d:
            doc = read_document(str(ROOT / d["file"]))
        else:
            head = d["title"] + "\n\n" if d["title"] else ""  # FNC-1 bodies have no headline
            text = head + "\n\n".join(d["paragraphs"]) + "\n"
            doc = parse_text(d["id"] + ".txt", text, "0")
        yield d["id"], doc, d


def news(folder: Path, errors: int, show: str) -> dict:
    """Return speaker and false-quote counts per (data set, split) over the news fixtures, and sample errors."""
    stats: dict[tuple[str, str], Counter] = {}
    samples: list[str] = []
    fnc_rounds = dict((name, rnd) for rnd, name in FNC_FIXTURES)
    for dataset, name in (*NEWS_FIXTURES, *(("fnc", name) for _, name in FNC_FIXTURES)):
        for doc_id, doc, d in news_documents(folder / name):
            split = "seeds" if doc_id.startswith("seeds/") else fnc_rounds[name] if dataset == "fnc" else split_of(doc_id)
            c = stats.setdefault(("seeds" if split == "seeds" else dataset, split), Counter())
            by_round = {} if dataset == "fnc" else {r: stats.setdefault((dataset, f"{split}-r{r}"), Counter()) for r in (3, 4)}
            shown = split == show or (show == "dev" and dataset == "fnc")
            _score_news(doc_id, doc, d, c, by_round, samples if shown or split == "seeds" else None, errors, shown)
    return {"stats": stats, "samples": samples}


def _score_news(doc_id: str, doc, d: dict, c0: Counter, by_round: dict[int, Counter], samples: list[str] | None,
                errors: int, show_all: bool) -> None:
    """Count one labelled document's quotes found, speakers right and non-speech spans taken for speech.

    Quotes labelled in a later round (`"round": 3` or `4`) count in that round's counter, so the
    rules' accuracy on paragraphs no rule was written for stays visible apart; everything else
    counts in c0.
    """
    c = c0
    quotes = segment(doc)[1]
    normed = [(_norm(q.text), q) for q in quotes]
    used = set()
    want = samples is not None
    for lab in d["quotes"]:
        rnd = lab.get("round")
        c = by_round.get(rnd, c0) if rnd else c0
        key = _norm(lab["quote"])
        hits = [(len(t), i, q) for i, (t, q) in enumerate(normed) if key in t]
        c["labelled"] += 1
        if not hits:
            if want and len(samples) < errors:
                samples.append(f"MISS{rnd or ''} [{doc_id}] {lab['quote']!r}")
            continue
        _, i, q = min(hits, key=lambda h: h[:2])
        used.add(i)
        c["found"] += 1
        if lab["speaker"] is None:
            continue  # speech, but the text does not say whose
        c["scored"] += 1
        ok = speaker_ok(q.speaker, [lab["speaker"], *lab.get("also", [])])
        c["correct"] += ok
        if not ok and want and show_all and len(samples) < errors:
            tag = f"SPK{rnd or ''}"
            samples.append(f"{tag} [{doc_id}] {q.text[:60]!r} -> {q.speaker!r} via {q.mention!r} ({q.how}); "
                           f"gold {lab['speaker']!r}")
    c = c0
    for lab in d["not_quotes"]:
        key = _norm(lab)
        c["not_quotes"] += 1
        hit = [i for i, (t, q) in enumerate(normed) if taken_for_speech(key, t)]
        c["false_quotes"] += bool(hit)
        used.update(hit)
        if hit and want and show_all and len(samples) < errors:
            samples.append(f"FALSE [{doc_id}] {lab!r}")
    c["unlabelled"] += len(normed) - len(used)


def print_news(result: dict, dev_only: bool = False) -> None:
    stats = result["stats"]
    print("News (speakers labelled by hand; each data set split dev/test by page; \"both\" = the two data sets)")
    print(f"{'data':9} {'split':6} {'labelled':>8} {'found':>6} {'spk scored':>10} {'spk acc':>8} {'scare/title':>11} "
          f"{'false':>6} {'unlabelled out':>14}")
    empty = Counter()
    rows = [("seeds", "dev", stats.get(("seeds", "seeds"), empty))]
    for dataset in [name for name, _ in NEWS_FIXTURES] + ["both"]:
        sets = [name for name, _ in NEWS_FIXTURES] if dataset == "both" else [dataset]
        dev = sum((stats.get((s, "dev"), empty) for s in sets), Counter())
        test = sum((stats.get((s, "test"), empty) for s in sets), Counter())
        dev3 = sum((stats.get((s, "dev-r3"), empty) for s in sets), Counter())
        dev4 = sum((stats.get((s, "dev-r4"), empty) for s in sets), Counter())
        test += sum((stats.get((s, f"test-r{r}"), empty) for s in sets for r in (3, 4)), Counter())
        rows += [(dataset, "dev", dev), (dataset, "dev-r3", dev3), (dataset, "dev-r4", dev4), (dataset, "test", test),
                 (dataset, "all", dev + dev3 + dev4 + test)]
    rows.append(("all+seeds", "all", sum((c for k, c in stats.items() if k[0] != "fnc"), Counter())))
    rows += [("fnc", rnd, stats.get(("fnc", rnd), empty)) for rnd, _ in FNC_FIXTURES]
    if dev_only:
        rows = [r for r in rows if r[1] in ("dev", "dev-r3", "dev-r4") or r[0] == "fnc"]
    for dataset, split, c in rows:
        acc = c["correct"] / c["scored"] if c["scored"] else 0.0
        print(f"{dataset:9} {split:6} {c['labelled']:8d} {c['found']:6d} {c['scored']:10d} {acc:8.3f} "
              f"{c['not_quotes']:11d} {c['false_quotes']:6d} {c['unlabelled']:14d}")


# ---------------------------------------------------------------------------- speed


def speed(data: Path) -> None:
    """Print the extraction cost per MB: litbank books one by one, and one long document."""
    rows = [json.loads(line) for line in (data / "litbank-quotations" / "quotes.jsonl").open(encoding="utf-8")]
    by_doc: dict[str, list[str]] = {}
    for r in sorted(rows, key=lambda r: (r["doc"], r["passage"])):
        by_doc.setdefault(r["doc"], []).append(r["text"])
    books = [" ".join(parts) for parts in by_doc.values()]
    news_texts = [doc.masked or doc.text for _, name in NEWS_FIXTURES
                  for _, doc, _ in news_documents(ROOT / "fixtures" / "quotes" / name)]
    long_text = "\n\n".join(books)  # ~2.4 MB in one document: no cost that grows faster than its length
    print("Speed (sentences + quotes + speakers, one process, best of 3)")
    for name, texts in ((f"litbank books ({len(books)} docs)", books), (f"news fixture ({len(news_texts)} docs)", news_texts),
                        ("all books as one document", [long_text])):
        size = sum(len(t.encode("utf-8")) for t in texts) / 1e6
        best = min(_timed(texts) for _ in range(3))
        print(f"  {name:28} {size:6.2f} MB  {best:6.2f} s  {best / size:6.2f} s/MB")


def _timed(texts: list[str]) -> float:
    t0 = time.perf_counter()
    for t in texts:
        extract(t)
    return time.perf_counter() - t0


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--data", type=Path, default=ROOT.parent / "shared" / "data")
    ap.add_argument("--errors", type=int, default=0, help="print this many errors of each kind")
    ap.add_argument("--show", choices=["dev", "test"], default="dev", help="which split's errors to print")
    ap.add_argument("--dev-only", action="store_true",
                    help="print dev figures only (for tuning: the test side stays unseen)")
    ap.add_argument("--no-speed", action="store_true", help="skip the speed measurement")
    args = ap.parse_args()
    if args.dev_only and args.show == "test":
        ap.error("--dev-only and --show test contradict each other")
    t0 = time.perf_counter()
    result = litbank(args.data, args.errors, args.show)
    print_litbank(result, litbank(args.data, 0, args.show, whole_books=False), args.dev_only)
    for kind, lines in result["samples"].items():
        for line in lines:
            print(kind.upper(), line)
    print()
    nres = news(ROOT / "fixtures" / "quotes", args.errors, args.show)
    print_news(nres, args.dev_only)
    for line in nres["samples"]:
        print(line)
    print()
    if not args.no_speed:
        speed(args.data)
    print(f"({time.perf_counter() - t0:.1f} s)")


if __name__ == "__main__":
    main()
