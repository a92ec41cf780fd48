"""Command line: parse options, call one core function, hand the result to `render`.

The parser is the standard library's argparse rather than Click: importing Click costs ~23 ms
of a ~100 ms `factcheck verify` call (measured, issue #7), argparse under 1 ms. Heavy modules
are imported inside the commands so that `--help` and small commands start fast.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Callable, Iterator
from typing import Any, NoReturn

from . import __version__
from .errors import ExitCode, FactcheckError

FORMATS = ["table", "json", "jsonl", "csv", "markdown"]
CHECK_FORMATS = ["text", "json", "jsonl", "csv", "markdown", "github", "sarif", "table"]

OVERVIEW = """\
Check claims and drafts against your own source articles, offline.

  factcheck index sources/              read articles into ./.factcheck
  factcheck verify "Hegseth ruled out US troops"
  factcheck check draft.md              misquotes, wrong speakers, contradicted claims
  factcheck quotes --speaker Vance
  factcheck sources

With no index configured, commands answer from the seed articles bundled with factcheck.
Exit codes: 0 ok, 1 findings (conflicting claims, skipped files), 2 usage or input error,
3 (verify) some claim unverified.
"""


class UsageError(Exception):
    """A command line the command cannot run; reported with its usage hint, exit 2."""


class _Formatter(argparse.RawDescriptionHelpFormatter):
    """Help as written (the examples keep their lines), wrapped to the terminal, at most 100 columns."""

    def __init__(self, prog: str) -> None:
        # argparse builds a formatter for every add_argument; finding the width here spares the
        # shutil import (~2 ms) its default does.
        try:
            columns = int(os.environ.get("COLUMNS", ""))
        except ValueError:
            try:
                columns = os.get_terminal_size(sys.__stdout__.fileno()).columns  # type: ignore[union-attr]
            except (AttributeError, ValueError, OSError):
                columns = 80
        super().__init__(prog, width=max(min(columns, 100), 40) - 2)


class _Parser(argparse.ArgumentParser):
    """A parser whose errors are two lines on stderr and exit code 2."""

    def error(self, message: str) -> NoReturn:
        sys.stderr.write(f"{self.prog}: error: {message}\nTry '{self.prog} --help' for help.\n")
        sys.exit(ExitCode.USAGE)


def main(argv: list[str] | None = None) -> NoReturn:
    """Run the command line `argv` (default: the process's arguments) and exit with its code."""
    args = sys.argv[1:] if argv is None else list(argv)
    if not args or args[0] in ("-h", "--help"):
        out = sys.stdout if args else sys.stderr
        out.write(_overview())
        sys.exit(ExitCode.OK if args else ExitCode.USAGE)
    if args[0] == "--version":
        sys.stdout.write(f"factcheck, version {__version__}\n")
        sys.exit(ExitCode.OK)
    entry = COMMANDS.get(args[0])
    if entry is None:
        known = ", ".join(COMMANDS)
        sys.stderr.write(f"factcheck: error: no such command {args[0]!r} (commands: {known})\n"
                         "Try 'factcheck --help' for help.\n")
        sys.exit(ExitCode.USAGE)
    build, run = entry
    parser = build(_Parser(prog=f"factcheck {args[0]}", formatter_class=_Formatter, allow_abbrev=False,
                           description=_doc(run)))
    options = _parse(parser, args[1:])
    sys.exit(_guarded(run, options, parser))


_REST = "\0rest"  # stands for the arguments after "--" while the ones before are parsed


def _parse(parser: argparse.ArgumentParser, args: list[str]) -> argparse.Namespace:
    """Return the parsed options; options and arguments may be mixed ("verify CLAIM --top 3"),
    and everything after "--" is an argument ("verify -- -5 degrees in Moscow"), which
    argparse's intermixed parsing does not allow by itself."""
    if "--" not in args:
        return parser.parse_intermixed_args(args)
    cut = args.index("--")
    rest = args[cut + 1:]
    positionals = [a for a in parser._actions if not a.option_strings]
    if rest and not positionals:
        parser.error(f"unrecognized arguments: {' '.join(rest)}")
    options = parser.parse_intermixed_args(args[:cut] + ([_REST] if rest else []))
    for action in positionals:  # the positional argument that takes the rest
        value = getattr(options, action.dest, None)
        if isinstance(value, list) and _REST in value:
            setattr(options, action.dest, [v for v in value if v != _REST] + rest)
        elif value == _REST:
            if len(rest) > 1:
                parser.error(f"unrecognized arguments: {' '.join(rest[1:])}")
            setattr(options, action.dest, rest[0])
    return options


def _doc(fn: Callable[..., Any]) -> str:
    """Return a command's docstring as help text (its first line unindented, so dedent the rest)."""
    lines = (fn.__doc__ or "").strip().splitlines()
    return "\n".join(line[4:] if line.startswith("    ") else line for line in lines)


def _overview() -> str:
    lines = [f"usage: factcheck [--version] [-h] COMMAND [OPTIONS] [ARGS]...\n\n{OVERVIEW}\ncommands:"]
    for name, (_, run) in COMMANDS.items():
        lines.append(f"  {name:<9} {_doc(run).splitlines()[0]}")
    lines.append("\nRun 'factcheck COMMAND --help' for a command's options.\n")
    return "\n".join(lines)


def _guarded(run: Callable[[argparse.Namespace], int], options: argparse.Namespace, parser: _Parser) -> int:
    """Run a command; turn domain errors (and bugs) into one line on stderr, in one place."""
    try:
        return run(options)
    except UsageError as exc:
        parser.error(str(exc))
    except FactcheckError as exc:
        _clear_progress()
        sys.stderr.write(f"factcheck: error: {exc}\n")
        return exc.exit_code
    except BrokenPipeError:
        # The reader went away (| head); stop quietly, as grep does.
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return ExitCode.OK
    except KeyboardInterrupt:
        sys.stderr.write("factcheck: interrupted\n")
        return 130
    except Exception as exc:  # a bug: say so in one line unless debugging
        if os.environ.get("FACTCHECK_DEBUG"):
            raise
        sys.stderr.write(f"factcheck: internal error: {type(exc).__name__}: {exc} "
                         "(run with FACTCHECK_DEBUG=1 for the traceback)\n")
        return ExitCode.USAGE


# ---------------------------------------------------------------------------- option types


def _at_least(low: int) -> Callable[[str], int]:
    def parse(text: str) -> int:
        try:
            value = int(text)
        except ValueError:
            raise argparse.ArgumentTypeError(f"{text!r} is not a whole number") from None
        if value < low:
            raise argparse.ArgumentTypeError(f"{value} is not in the range x>={low}")
        return value

    return parse


def _score(text: str) -> float:
    try:
        value = float(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a number") from None
    if not 0 <= value <= 100:
        raise argparse.ArgumentTypeError(f"{value:g} is not in the range 0<=x<=100")
    return value


def _common(parser: _Parser, formats: list[str] = FORMATS) -> _Parser:
    """Add --index, --format and --quiet, which every command takes."""
    parser.add_argument("--index", metavar="PATH", default=None,
                        help="Index folder (env FACTCHECK_INDEX; default ./.factcheck, else the bundled seeds).")
    parser.add_argument("-f", "--format", dest="fmt", choices=formats, metavar="FORMAT", default=None,
                        help=f"Output format: {', '.join(formats)} (default: {formats[0]}; env FACTCHECK_FORMAT).")
    parser.add_argument("-q", "--quiet", action="store_const", const=True, default=None,
                        help="Print nothing but data and errors.")
    return parser


def _evidence_options(parser: _Parser, verb: str) -> None:
    """Add --top, --min-score, --since and --until (verify and check)."""
    parser.add_argument("-n", "--top", type=_at_least(0), default=None, metavar="N",
                        help="Evidence passages per claim (default 5; the best supporting and the best "
                             "conflicting one are always among them).")
    parser.add_argument("--min-score", type=_score, default=None, metavar="S",
                        help=f"{verb} evidence scoring below this (0-100).")
    parser.add_argument("--since", metavar="DATE", default=None,
                        help="Only evidence published on or after DATE (YYYY-MM-DD); undated sources are left out.")
    parser.add_argument("--until", metavar="DATE", default=None,
                        help="Only evidence published on or before DATE; undated sources are left out.")


def _settings(**options: Any):  # type: ignore[no-untyped-def]
    from .config import load_settings

    return load_settings().with_options(**options)


# ---------------------------------------------------------------------------- index


def _index_parser(p: _Parser) -> _Parser:
    p.usage = "factcheck index [OPTIONS] PATH..."
    p.add_argument("paths", nargs="+", metavar="PATH", help="Files and folders to read (recursive).")
    p.add_argument("--prune", action="store_true", help="Remove documents whose files are gone from disk.")
    p.add_argument("--max-file-size", type=int, default=None, metavar="BYTES",
                   help="Skip files larger than this (default 50 MB).")
    p.add_argument("--field", dest="fields", action="append", default=[], metavar="NAME=KEY",
                   help="JSON exports: read NAME (title, date, url, body, author, site) from KEY, "
                        "a dotted path such as story.body. Repeatable.")
    p.add_argument("--dry-run", action="store_true", help="Show what would be read and the metadata found; write nothing.")
    return _common(p)


def index(o: argparse.Namespace) -> int:
    """Add or update documents from files and folders (recursive); unchanged files are skipped.

    Reads .txt, .md, .html, .htm, .html.gz, .json, .jsonl and .pdf (PDF needs the [pdf] extra).
    An article of a many-article JSON file is stored as FILE#N (N: line of a JSON Lines
    file, position in a JSON array).
    """
    from . import render
    from .config import index_for_writing
    from .readers import ReadOptions, parse_field_specs

    try:
        fields = parse_field_specs(o.fields)
    except ValueError as exc:
        raise UsageError(f"argument --field: {exc}") from None
    settings = _settings(index=o.index, format=o.fmt, quiet=o.quiet, max_file_size=o.max_file_size)
    target = index_for_writing(settings)
    options = ReadOptions(fields=fields, max_bytes=settings.max_file_size)
    if o.dry_run:
        from .ingest import preview_paths

        preview = preview_paths(target, o.paths, max_bytes=settings.max_file_size, options=options)
        for path, reason in preview.skipped:
            render.warning(f"would skip {path}: {reason}")
        render.preview(preview, settings.format or "table")
        return ExitCode.FINDINGS if preview.skipped else ExitCode.OK
    from .ingest import index_paths

    progress = _progress() if not settings.quiet else None
    report = index_paths(target, o.paths, prune=o.prune, max_bytes=settings.max_file_size,
                         progress=progress, options=options)
    if progress:
        _clear_progress()
    for path, reason in report.skipped:
        render.warning(f"skipped {path}: {reason}")
    if not settings.quiet or settings.format:
        render.index_report(report, settings.format or "table", target)
    return ExitCode.FINDINGS if report.skipped else ExitCode.OK


# ---------------------------------------------------------------------------- verify


def _verify_parser(p: _Parser) -> _Parser:
    p.usage = "factcheck verify [OPTIONS] CLAIM... | -"
    p.add_argument("claims", nargs="+", metavar="CLAIM", help='A claim to check; "-" reads one per line from stdin.')
    _evidence_options(p, "Hide")
    p.add_argument("--sort", choices=["score", "date"], default=None,
                   help="Order evidence by relevance (score), or by publication date as a timeline (date).")
    p.add_argument("--documents", action=argparse.BooleanOptionalAction, default=None,
                   help="Also give each relevant document's stance as a whole (supports / conflicts / related).")
    p.add_argument("-j", "--jobs", type=_at_least(1), default=None, metavar="N",
                   help="Processes for a long batch on stdin (default: one per core; 1: this process only).")
    return _common(p)


def verify(o: argparse.Namespace) -> int:
    """Print a verdict and the supporting / conflicting passages for each CLAIM ("-" reads stdin)."""
    from . import render
    from .config import index_for_reading
    from .pipeline import Options, exit_code, verify_all
    from .store import open_index

    settings = _settings(index=o.index, format=o.fmt, quiet=o.quiet, top=o.top, min_score=o.min_score,
                         since=_date_option("--since", o.since), until=_date_option("--until", o.until),
                         sort=o.sort, documents=o.documents, jobs=o.jobs)
    texts = list(_claims(o.claims)) if o.claims != ["-"] else None
    index_path = index_for_reading(settings)
    store = _searchable(open_index(index_path))
    _note_undated(store, settings)
    options = Options(top=settings.top, min_score=settings.min_score, since=settings.since,
                      until=settings.until, sort=settings.sort, documents=settings.documents)
    if texts is not None:
        verdicts = verify_all(store, texts, options)
    else:
        from .batch import verify_stream

        verdicts = verify_stream(store, index_path, _stdin_claims(), options, jobs=settings.jobs)
    seen: list[str] = []

    def run() -> Iterator[Any]:
        for v in verdicts:
            seen.append(v.verdict)
            yield v

    render.verdicts(run(), settings.format or "table", documents=settings.documents)
    return exit_code(seen)


# ---------------------------------------------------------------------------- check


def _check_parser(p: _Parser) -> _Parser:
    p.usage = "factcheck check [OPTIONS] FILE... | -"
    p.add_argument("files", nargs="+", metavar="FILE", help='A draft (Markdown or text); "-" reads stdin.')
    p.add_argument("--fail-on", metavar="KINDS", action="append", default=None,
                   help="Finding kinds (comma-separated) or a severity (error, warning, note) that make the exit "
                        "code 1; 'none' for never (default: error = misquote, misattributed, paraphrase-quoted, "
                        "conflicting).")
    p.add_argument("--no-fail", action="store_true", help="Exit 0 whatever is found (report only).")
    p.add_argument("--strict", action="store_const", const=True, default=None,
                   help="Fail a draft in which nothing could be checked.")
    p.add_argument("--min-severity", choices=["note", "warning", "error"], default=None,
                   help="Show findings of this severity and above (default: note = all); failing ones always show.")
    p.add_argument("--changed-since", metavar="REV", default=None, help="Report only lines changed since git revision REV.")
    p.add_argument("--stdin-filename", metavar="NAME", default=None, help='The name to report for a draft read from "-".')
    _evidence_options(p, "Ignore")
    return _common(p, CHECK_FORMATS)


def check(o: argparse.Namespace) -> int:
    """Check draft FILES (Markdown or text; "-" reads stdin): quotes and factual sentences, with file:line findings.

    Exit codes: 0 no finding at or above --fail-on, 1 some (or, with --strict, a draft with nothing
    checkable), 2 usage or input error.
    """
    from . import draft, findings, render
    from .config import index_for_reading
    from .store import open_index

    settings = _settings(index=o.index, format=o.fmt, quiet=o.quiet, top=o.top, min_score=o.min_score,
                         strict=o.strict, since=_date_option("--since", o.since),
                         until=_date_option("--until", o.until), fail_on=tuple(o.fail_on or ()) or None,
                         min_severity=o.min_severity)
    fail = findings.parse_fail_on(settings.fail_on)  # options are checked before any work is done
    level = findings.parse_level(settings.min_severity)
    out = _check_format(settings.format)
    store = _searchable(open_index(_refreshed(settings) or index_for_reading(settings)))
    _note_undated(store, settings)
    run = draft.check_paths(store, o.files, draft.check_options(settings), o.changed_since,
                            o.stdin_filename or draft.STDIN_NAME)
    render.check_reports(findings.visible(run.reports, level, fail), out)
    render.check_diagnostics(list(run.reports), list(run.errors), settings.quiet, settings.strict)
    return findings.outcome(run.reports, fail, no_fail=o.no_fail, strict=settings.strict, errors=len(run.errors))


# ---------------------------------------------------------------------------- quotes, sources


def _quotes_parser(p: _Parser) -> _Parser:
    p.add_argument("--speaker", metavar="NAME", default=None,
                   help="Only quotes by this person (any form of the name, or an alias from .factcheck.toml [aliases]).")
    return _common(p)


def quotes(o: argparse.Namespace) -> int:
    """List the quotes found in the sources, with speaker, source and date."""
    from . import render
    from .config import index_for_reading
    from .pipeline import list_quotes
    from .store import open_index

    settings = _settings(index=o.index, format=o.fmt, quiet=o.quiet)
    store = open_index(index_for_reading(settings))
    render.quotes(list_quotes(store, o.speaker, settings.aliases), settings.format or "table")
    return ExitCode.OK


def _sources_parser(p: _Parser) -> _Parser:
    p.add_argument("--missing", action="store_true", help="Only documents without a publication date or URL.")
    return _common(p)


def sources(o: argparse.Namespace) -> int:
    """List indexed documents with title, date, URL and counts; flags those missing a date or URL."""
    from . import render
    from .config import index_for_reading
    from .store import open_index

    settings = _settings(index=o.index, format=o.fmt, quiet=o.quiet)
    store = open_index(index_for_reading(settings))
    items = store.sources()
    if o.missing:
        items = [s for s in items if s.date is None or s.url is None]
    render.sources(items, settings.format or "table")
    if not settings.quiet:
        render.missing_summary(items)
    return ExitCode.OK


COMMANDS: dict[str, tuple[Callable[[_Parser], _Parser], Callable[[argparse.Namespace], int]]] = {
    "index": (_index_parser, index),
    "verify": (_verify_parser, verify),
    "check": (_check_parser, check),
    "quotes": (_quotes_parser, quotes),
    "sources": (_sources_parser, sources),
}


# ---------------------------------------------------------------------------- helpers


def _claims(args: list[str]) -> Iterator[str]:
    for arg in args:
        if arg == "-":
            raise UsageError('"-" (read claims from stdin) must be the only claim')
        if not arg.strip():
            raise UsageError("a claim is empty; give the words to check")
        yield arg


def _stdin_claims() -> Iterator[str]:
    for line in sys.stdin:
        if line.strip():
            yield line.rstrip("\n")


def _check_format(fmt: str | None) -> str:
    if fmt is None:
        return CHECK_FORMATS[0]
    if fmt not in CHECK_FORMATS:
        raise UsageError(f"check cannot write format {fmt!r}; use one of {', '.join(CHECK_FORMATS)}")
    return fmt


def _refreshed(settings: Any) -> str | None:
    """Bring the project index up to date with the configured `sources` (unchanged files are skipped)."""
    if not settings.sources:
        return None
    from . import render
    from .config import index_for_writing
    from .ingest import index_paths

    target = index_for_writing(settings)
    report = index_paths(target, list(settings.sources), max_bytes=settings.max_file_size)
    for path, reason in report.skipped:
        render.warning(f"skipped {path}: {reason}")
    return target


def _searchable(store: Any) -> Any:
    """Return `store`, having warned on stderr when its search index may miss documents."""
    problem = store.health()
    if problem:
        from . import render

        render.warning(problem)
    return store


def _note_undated(store: Any, settings: Any) -> None:
    """Say on stderr how many documents a --since/--until window leaves out for having no date."""
    if (settings.since or settings.until) and not settings.quiet and (n := store.undated_count()):
        from . import render

        render.warning(f"{n} undated document(s) are left out by --since/--until "
                       "(list them with `factcheck sources --missing`)")


def _date_option(name: str, value: str | None) -> str | None:
    if value is None:
        return None
    from .documents import parse_date

    parsed = parse_date(value)
    if parsed is None:
        raise UsageError(f"argument {name}: {value!r} is not a date; use YYYY-MM-DD")
    return parsed


def _progress() -> Callable[[int, int, str], None] | None:
    """Return a progress bar drawn on stderr (a terminal only; a pipe or log gets none)."""
    if not sys.stderr.isatty():
        return None
    width = 24

    def show(n: int, total: int, path: str) -> None:
        done = width * n // max(total, 1)
        sys.stderr.write(f"\r\x1b[Kindexing [{'#' * done}{'.' * (width - done)}] {n}/{total} {path[-50:]}")
        sys.stderr.flush()

    return show


def _clear_progress() -> None:
    if sys.stderr.isatty():
        sys.stderr.write("\r\x1b[K")
