"""How fast `factcheck check` is: a generated 2,000-line Markdown draft against the bundled seeds.

    python benchmarks/check_speed.py [--lines 2000] [--repeat 3] [--seed 7]

Prints the draft's size (lines, sentences, quotes, statements) and the time per 100 sentences
(best of --repeat runs, index already built and opened; the first run's time is shown too).
The draft is generated deterministically from templates - quotes (faithful, changed, given to
the wrong person, narration in quotation marks), factual sentences with varied names, numbers
and days, transitions, headings, lists, tables, code blocks - so that nearly every claim is
distinct and no run is served from a cache.
"""

from __future__ import annotations

import argparse
import os
import random
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

NAMES = ["Vance", "Hegseth", "Peskov", "Trump", "Rubio", "Zelensky", "Wicker", "Kellogg", "Waltz", "Putin",
         "Ana Ruiz", "Maria Lopez", "John Ratcliffe", "Steve Witkoff", "Keith Kellogg", "Olaf Berg"]
PLACES = ["Ukraine", "Moscow", "Kyiv", "Munich", "Washington", "Warsaw", "Brussels", "Berlin", "Geneva"]
DAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
QUOTES = [
    "There are economic tools of leverage, there are of course military tools of leverage",
    "I think there is a deal that is going to come out of this that's going to shock a lot of people",
    "The president is not going to go into this with blinders on",
    "We had not heard such wording before — it wasn't stated previously",
    "We expect to receive further clarification",
    "lengthy and highly productive phone call",
    "any number of formulations, of configurations",
]
NARRATION = [
    "a wide range of tools, including economic and military leverage",
    "alternative security guarantees for Ukraine",
    "unlikely to reclaim all of its lost territory",
    "tougher sanctions on Moscow",
]
SWAPS = ["pressure", "options", "weapons", "surprise", "many", "clearly", "announcement", "statement", "goal"]
STATEMENTS = [
    "{name} said the deployment of US troops to {place} is unlikely.",
    "{name} ruled out sending {n} US troops to {place} on {day}.",
    "{name} threatened sanctions on {place} on {day}.",
    "{name} will meet with Hegseth at the Munich Security Conference on {day}.",
    "Russia's war against its neighbor is nearly {n} years old, {name} said.",
    "{name} announced a team of {n} negotiators including Marco Rubio.",
    "{name} said {place} could impose tougher sanctions on Moscow within {n} days.",
    "{name} held a joint press conference with Kosiniak-Kamysz in {place} on {day}.",
    "Officials in {place} said {n} percent of the aid had arrived by {day}.",
    "{name} told reporters in {place} that the Kremlin expects further clarification.",
]
TRANSITIONS = ["Meanwhile, the mood shifted.", "That was not the end of it.", "Still, much remains unclear.",
               "Is a deal possible?", "I think the week mattered more than most.", "Few saw it coming."]


def quote_line(rng: random.Random) -> str:
    """Return a paragraph with a quotation: faithful, changed, misattributed or narration."""
    name = rng.choice(NAMES)
    kind = rng.random()
    if kind < 0.25:
        words = rng.choice(NARRATION).split()
    else:
        words = rng.choice(QUOTES).split()
        start = rng.randrange(0, max(1, len(words) - 5))
        words = words[start:start + rng.randint(5, 12)]
        if kind < 0.6:
            words[rng.randrange(len(words))] = rng.choice(SWAPS)
    quote = " ".join(words)
    form = rng.random()
    if form < 0.4:
        return f"“{quote},” {name} said on {rng.choice(DAYS)}."
    if form < 0.7:
        return f"{name} told reporters in {rng.choice(PLACES)}: \"{quote}.\""
    return f"{name} said it was \"{quote}\" and left {rng.choice(PLACES)} after {rng.randint(2, 90)} minutes."


def statement_line(rng: random.Random) -> str:
    return rng.choice(STATEMENTS).format(name=rng.choice(NAMES), place=rng.choice(PLACES), day=rng.choice(DAYS),
                                         n=rng.randint(2, 5000))


def generate(lines: int, seed: int) -> str:
    """Return a Markdown draft of about `lines` lines."""
    rng = random.Random(seed)
    out = ["---", "title: Generated benchmark draft", "date: 2025-02-16", "---", ""]
    while len(out) < lines:
        r = rng.random()
        if r < 0.05:
            out += [f"## {statement_line(rng).rstrip('.')}", ""]
        elif r < 0.10:
            out += [f"- {statement_line(rng)}", f"- {statement_line(rng)}", ""]
        elif r < 0.13:
            out += ["| Who | What |", "|---|---|", f"| {rng.choice(NAMES)} | {statement_line(rng)} |", ""]
        elif r < 0.15:
            out += ["```", f"{rng.choice(NAMES)} said \"{rng.choice(QUOTES)}\"", "```", ""]
        elif r < 0.45:
            out += [quote_line(rng), ""]
        else:
            sentences = [statement_line(rng) for _ in range(rng.randint(1, 3))]
            if rng.random() < 0.3:
                sentences.insert(rng.randrange(len(sentences) + 1), rng.choice(TRANSITIONS))
            out += [" ".join(sentences), ""]
    return "\n".join(out[:lines]) + "\n"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--lines", type=int, default=2000)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args()

    os.environ.setdefault("FACTCHECK_CACHE", os.path.join(tempfile.gettempdir(), "fc-bench-cache"))
    from factcheck.config import seed_index
    from factcheck.draft import check_text, draft_claims, parse_draft
    from factcheck.store import open_index

    store = open_index(seed_index())
    text = generate(args.lines, args.seed)
    draft = parse_draft(text, "bench.md")
    claims = draft_claims(draft)
    quotes = sum(1 for c in claims if c.kind == "quote")
    distinct = len({(c.kind, c.speaker, c.text) for c in claims})
    times = []
    for _ in range(args.repeat):
        t0 = time.perf_counter()
        report = check_text(store, text, "bench.md")
        times.append(time.perf_counter() - t0)
    kinds: dict[str, int] = {}
    for f in report.findings:
        kinds[f.kind] = kinds.get(f.kind, 0) + 1
    n = report.sentences
    print(f"draft: {text.count(chr(10))} lines, {n} sentences ({report.checked} checked, {report.skipped} skipped), "
          f"{len(claims)} claims ({quotes} quotes, {len(claims) - quotes} statements, {distinct} distinct)")
    print(f"findings: {', '.join(f'{k} {v}' for k, v in sorted(kinds.items()))}")
    print(f"time: first run {times[0]:.2f} s, best of {args.repeat} {min(times):.2f} s")
    print(f"per 100 sentences: {100 * min(times) / max(n, 1):.3f} s (first run {100 * times[0] / max(n, 1):.3f} s)")


if __name__ == "__main__":
    main()
