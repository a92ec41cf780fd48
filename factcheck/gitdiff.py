"""Which lines of a file changed since a git revision (for `check --changed-since REV`)."""

from __future__ import annotations

import os
import re
import subprocess

from .errors import InputError

GIT_TIMEOUT = 60  # seconds; a diff of one file is instant, a hung git should not hang CI
_HUNK = re.compile(r"^@@ -\d+(?:,\d+)? \+(\d+)(?:,(\d+))? @@", re.M)


def changed_lines(path: str, rev: str) -> set[int] | None:
    """Return the line numbers of `path` added or changed since `rev`; None when the file is new
    since then (every line counts). Raise InputError outside a git work tree or for a bad revision."""
    if rev.startswith("-"):
        raise InputError(f"--changed-since: {rev!r} is not a revision")
    folder = os.path.dirname(os.path.abspath(path))
    name = os.path.basename(path)
    _git(folder, ["rev-parse", "--is-inside-work-tree"],
         f"--changed-since needs a git repository, and {path} is not in one")
    _git(folder, ["rev-parse", "--verify", "--quiet", f"{rev}^{{commit}}"],
         f"--changed-since: unknown git revision {rev!r}")
    try:
        _git(folder, ["cat-file", "-e", f"{rev}:./{name}"], "")
    except InputError:
        return None  # not in that revision: the whole file is new
    diff = _git(folder, ["diff", "-U0", "--no-color", "--no-ext-diff", rev, "--", name], f"{path}: git diff failed")
    lines: set[int] = set()
    for m in _HUNK.finditer(diff):
        start, count = int(m.group(1)), int(m.group(2) or 1)
        lines.update(range(start, start + count))
    return lines


def _git(folder: str, args: list[str], message: str) -> str:
    try:
        done = subprocess.run(["git", "-C", folder, *args], capture_output=True, text=True,
                              timeout=GIT_TIMEOUT, check=False)
    except FileNotFoundError:
        raise InputError("--changed-since needs git, and it is not installed (or not on PATH)") from None
    except subprocess.TimeoutExpired:
        raise InputError(f"git {args[0]} took over {GIT_TIMEOUT} s; giving up") from None
    if done.returncode != 0:
        raise InputError(message)
    return done.stdout
