"""Run the command line in this process and capture what it writes (as Click's CliRunner did)."""

from __future__ import annotations

import io
import os
import sys
from dataclasses import dataclass

from factcheck.cli import main


@dataclass
class Result:
    exit_code: int
    stdout: str
    stderr: str
    output: str  # stdout and stderr interleaved, as a terminal shows them


class _Tee(io.StringIO):
    def __init__(self, both: io.StringIO) -> None:
        super().__init__()
        self.both = both

    def write(self, text: str) -> int:
        self.both.write(text)
        return super().write(text)


def invoke(args: list[str], input: str | None = None, env: dict[str, str] | None = None) -> Result:
    """Run `factcheck ARGS` with `input` on stdin and `env` added to the environment."""
    both = io.StringIO()
    out, err = _Tee(both), _Tee(both)
    stdin = io.TextIOWrapper(io.BytesIO((input or "").encode("utf-8")), encoding="utf-8")
    saved = sys.stdin, sys.stdout, sys.stderr
    saved_env = {k: os.environ.get(k) for k in env or {}}
    os.environ.update(env or {})
    sys.stdin, sys.stdout, sys.stderr = stdin, out, err
    try:
        main([str(a) for a in args])
        code = 0
    except SystemExit as exc:
        code = exc.code if isinstance(exc.code, int) else (0 if exc.code is None else 1)
    finally:
        sys.stdin, sys.stdout, sys.stderr = saved
        for k, v in saved_env.items():
            if v is None:
                os.environ.pop(k, None)
            else:
                os.environ[k] = v
    return Result(code, out.getvalue(), err.getvalue(), both.getvalue())
