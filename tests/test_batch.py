"""verify - on many claims: worker processes give the answers one process gives, in order, as they come."""

from __future__ import annotations

import json
import subprocess
import sys
import threading

import clirun
from conftest import ROOT, SEEDS, load_json

from factcheck import batch
from factcheck.ingest import index_paths
from factcheck.pipeline import Options, verify_all
from factcheck.render import verdict_dict
from factcheck.store import open_index

CLAIMS = [c["claim"] for c in load_json("seed_claims.json")["cases"]]


def _index(tmp_path) -> str:
    idx = str(tmp_path / "idx")
    index_paths(idx, [str(SEEDS)])
    return idx


def _dicts(verdicts):
    return [json.dumps(verdict_dict(v), sort_keys=True) for v in verdicts]


def test_workers_give_the_single_process_answers_in_input_order(tmp_path):
    idx = _index(tmp_path)
    store = open_index(idx)
    claims = CLAIMS * 3
    options = Options(top=3)
    alone = _dicts(verify_all(store, claims, options))
    shared = _dicts(batch.verify_stream(store, idx, claims, options, jobs=2, serial_claims=5))
    assert shared == alone and len(shared) == len(claims)


def test_an_answer_comes_as_soon_as_it_is_ready_not_when_the_input_ends(tmp_path):
    idx = _index(tmp_path)
    store = open_index(idx)
    answered = threading.Event()
    timed_out = []

    def slow_producer():
        yield from CLAIMS[:6]
        timed_out.append(not answered.wait(60))  # the producer pauses until the 6 answers are out
        yield CLAIMS[6]

    out = []
    for v in batch.verify_stream(store, idx, slow_producer(), Options(), jobs=2, serial_claims=2):
        out.append(v.claim.text)
        if len(out) == 6:
            answered.set()
    assert out == [" ".join(c.split()) for c in CLAIMS[:7]] and timed_out == [False]


def test_workers_that_cannot_start_leave_the_work_to_this_process(tmp_path):
    """A script fed on stdin cannot be imported again by a worker: the batch is answered in-process."""
    idx = _index(tmp_path)
    claims = CLAIMS * 3
    script = (f"import json, sys\nsys.path.insert(0, {str(ROOT / 'tests')!r})\n"
              "from factcheck import batch\nfrom factcheck.store import open_index\n"
              f"store = open_index({idx!r})\n"
              f"out = [v.verdict for v in batch.verify_stream(store, {idx!r}, {claims!r}, jobs=2, serial_claims=3)]\n"
              "print(json.dumps(out))\n")
    done = subprocess.run([sys.executable, "-"], input=script, capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    expected = [v.verdict for v in verify_all(open_index(idx), claims)]
    assert json.loads(done.stdout.splitlines()[-1]) == expected


def test_cli_jobs_option(tmp_path):
    idx = _index(tmp_path)
    stdin = "\n".join(CLAIMS) + "\n"
    one = clirun.invoke(["verify", "-", "--index", idx, "-f", "jsonl", "--jobs", "1"], input=stdin)
    assert one.exit_code in (1, 3) and len(one.stdout.splitlines()) == len(CLAIMS)
    bad = clirun.invoke(["verify", "-", "--index", idx, "--jobs", "0"], input=stdin)
    assert bad.exit_code == 2 and "--jobs" in bad.stderr
