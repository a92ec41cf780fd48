"""Command line: parse options, call one core function, hand the result to `render`.

Heavy modules are imported inside the commands so that `--help` and small commands start fast.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Callable, Iterator
from typing import Any

import click

from . import __version__
from .errors import ExitCode, FactcheckError

FORMATS = ["table", "json", "jsonl", "csv", "markdown"]
CHECK_FORMATS = ["text", "json", "jsonl", "csv", "markdown", "github", "sarif", "table"]


def common_options(formats: list[str] = FORMATS) -> Callable[[Callable[..., Any]], Callable[..., Any]]:
    """Return a decorator adding --index, --format and --quiet to a command."""

    def decorate(fn: Callable[..., Any]) -> Callable[..., Any]:
        fn = click.option("--quiet", "-q", is_flag=True, default=None, help="Print nothing but data and errors.")(fn)
        fn = click.option("--format", "-f", "fmt", type=click.Choice(formats), default=None,
                          help=f"Output format (default: {formats[0]}; env FACTCHECK_FORMAT).")(fn)
        fn = click.option("--index", "index", metavar="PATH", default=None,
                          help="Index folder (env FACTCHECK_INDEX; default ./.factcheck, else the bundled seeds).")(fn)
        return fn

    return decorate


def _settings(**options: Any):  # type: ignore[no-untyped-def]
    from .config import load_settings

    return load_settings().with_options(**options)


def _field_specs(ctx: click.Context, param: click.Parameter, value: tuple[str, ...]) -> tuple[tuple[str, str], ...]:
    from .readers import parse_field_specs

    try:
        return parse_field_specs(value)
    except ValueError as exc:
        raise click.BadParameter(str(exc)) from None


class _Group(click.Group):
    """A group that turns domain errors (and bugs) into one line on stderr, in one place."""

    def invoke(self, ctx: click.Context) -> Any:
        try:
            return super().invoke(ctx)
        except FactcheckError as exc:
            _clear_progress()
            click.echo(f"factcheck: error: {exc}", err=True)
            ctx.exit(exc.exit_code)
        except (click.ClickException, click.exceptions.Exit, click.exceptions.Abort):
            raise
        except BrokenPipeError:
            # The reader went away (| head); stop quietly, as grep does.
            devnull = os.open(os.devnull, os.O_WRONLY)
            os.dup2(devnull, sys.stdout.fileno())
            ctx.exit(ExitCode.OK)
        except KeyboardInterrupt:
            click.echo("factcheck: interrupted", err=True)
            ctx.exit(130)
        except Exception as exc:  # a bug: say so in one line unless debugging
            if os.environ.get("FACTCHECK_DEBUG"):
                raise
            click.echo(f"factcheck: internal error: {type(exc).__name__}: {exc} "
                       "(run with FACTCHECK_DEBUG=1 for the traceback)", err=True)
            ctx.exit(ExitCode.USAGE)


@click.group(cls=_Group, context_settings={"help_option_names": ["-h", "--help"], "max_content_width": 100})
@click.version_option(__version__, "--version", prog_name="factcheck")
def main() -> None:
    """Check claims and drafts against your own source articles, offline.

    \b
    factcheck index sources/              read articles into ./.factcheck
    factcheck verify "Hegseth ruled out US troops"
    factcheck check draft.md              misquotes, wrong speakers, contradicted claims
    factcheck quotes --speaker Vance
    factcheck sources

    With no index configured, commands answer from the seed articles bundled with factcheck.
    Exit codes: 0 ok, 1 findings (conflicting claims, skipped files), 2 usage or input error,
    3 (verify) some claim unverified.
    """


@main.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path())
@click.option("--prune", is_flag=True, help="Remove documents whose files are gone from disk.")
@click.option("--max-file-size", type=int, default=None, metavar="BYTES",
              help="Skip files larger than this (default 50 MB).")
@click.option("--field", "fields", multiple=True, metavar="NAME=KEY", callback=_field_specs,
              help="JSON exports: read NAME (title, date, url, body, author, site) from KEY, "
                   "a dotted path such as story.body. Repeatable.")
@click.option("--dry-run", is_flag=True, help="Show what would be read and the metadata found; write nothing.")
@common_options()
def index(paths: tuple[str, ...], prune: bool, max_file_size: int | None, fields: tuple[tuple[str, str], ...],
          dry_run: bool, index: str | None, fmt: str | None, quiet: bool | None) -> None:
    """Add or update documents from files and folders (recursive); unchanged files are skipped.

    Reads .txt, .md, .html, .htm, .html.gz, .json, .jsonl and .pdf (PDF needs the [pdf] extra).
    An article of a many-article JSON file is stored as FILE#N (N: line of a JSON Lines
    file, position in a JSON array).
    """
    from . import render
    from .config import index_for_writing
    from .readers import ReadOptions

    settings = _settings(index=index, format=fmt, quiet=quiet, max_file_size=max_file_size)
    target = index_for_writing(settings)
    options = ReadOptions(fields=fields, max_bytes=settings.max_file_size)
    if dry_run:
        from .ingest import preview_paths

        preview = preview_paths(target, paths, max_bytes=settings.max_file_size, options=options)
        for path, reason in preview.skipped:
            render.warning(f"would skip {path}: {reason}")
        render.preview(preview, settings.format or "table")
        sys.exit(ExitCode.FINDINGS if preview.skipped else ExitCode.OK)
    from .ingest import index_paths

    progress = _progress() if not settings.quiet else None
    report = index_paths(target, paths, prune=prune, max_bytes=settings.max_file_size,
                         progress=progress, options=options)
    if progress:
        _clear_progress()
    for path, reason in report.skipped:
        render.warning(f"skipped {path}: {reason}")
    if not settings.quiet or settings.format:
        render.index_report(report, settings.format or "table", target)
    sys.exit(ExitCode.FINDINGS if report.skipped else ExitCode.OK)


@main.command()
@click.argument("claims", nargs=-1, required=True)
@click.option("--top", "-n", type=click.IntRange(min=0), default=None, help="Evidence passages per claim (default 5).")
@click.option("--min-score", type=click.FloatRange(0, 100), default=None, help="Hide evidence scoring below this (0-100).")
@click.option("--since", metavar="DATE", default=None,
              help="Only evidence published on or after DATE (YYYY-MM-DD); undated sources are left out.")
@click.option("--until", metavar="DATE", default=None,
              help="Only evidence published on or before DATE; undated sources are left out.")
@click.option("--sort", type=click.Choice(["score", "date"]), default=None,
              help="Order evidence by relevance, or by publication date as a timeline.")
@click.option("--documents/--no-documents", default=None,
              help="Also give each relevant document's stance as a whole (supports / conflicts / related).")
@click.option("--jobs", "-j", type=click.IntRange(min=1), default=None, metavar="N",
              help="Processes for a long batch on stdin (default: one per core; 1: this process only).")
@common_options()
def verify(claims: tuple[str, ...], top: int | None, min_score: float | None, since: str | None,
           until: str | None, sort: str | None, documents: bool | None, jobs: int | None, index: str | None,
           fmt: str | None, quiet: bool | None) -> None:
    """Print a verdict and the supporting / conflicting passages for each CLAIM ("-" reads stdin)."""
    from . import render
    from .config import index_for_reading
    from .pipeline import Options, exit_code, verify_all
    from .store import open_index

    settings = _settings(index=index, format=fmt, quiet=quiet, top=top, min_score=min_score,
                         since=_date_option("--since", since), until=_date_option("--until", until), sort=sort,
                         documents=documents, jobs=jobs)
    texts = list(_claims(claims)) if claims != ("-",) else None
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
    sys.exit(exit_code(seen))


@main.command()
@click.argument("files", nargs=-1, required=True)
@click.option("--fail-on", metavar="KINDS", multiple=True,
              help="Finding kinds (comma-separated) or a severity (error, warning, note) that make the exit "
                   "code 1; 'none' for never (default: error = misquote, misattributed, paraphrase-quoted, conflicting).")
@click.option("--no-fail", is_flag=True, help="Exit 0 whatever is found (report only).")
@click.option("--strict", is_flag=True, default=None, help="Fail a draft in which nothing could be checked.")
@click.option("--min-severity", type=click.Choice(["note", "warning", "error"]), default=None,
              help="Show findings of this severity and above (default: note = all); failing ones always show.")
@click.option("--changed-since", metavar="REV", default=None, help="Report only lines changed since git revision REV.")
@click.option("--stdin-filename", metavar="NAME", default=None, help='The name to report for a draft read from "-".')
@click.option("--top", "-n", type=click.IntRange(min=0), default=None, help="Evidence passages per finding (default 5).")
@click.option("--min-score", type=click.FloatRange(0, 100), default=None, help="Ignore evidence scoring below this (0-100).")
@click.option("--since", metavar="DATE", default=None,
              help="Only evidence published on or after DATE (YYYY-MM-DD); undated sources are left out.")
@click.option("--until", metavar="DATE", default=None,
              help="Only evidence published on or before DATE; undated sources are left out.")
@common_options(CHECK_FORMATS)
def check(files: tuple[str, ...], fail_on: tuple[str, ...], no_fail: bool, strict: bool | None,
          min_severity: str | None, changed_since: str | None, stdin_filename: str | None, top: int | None,
          min_score: float | None, since: str | None, until: str | None, index: str | None, fmt: str | None,
          quiet: bool | None) -> None:
    """Check draft FILES (Markdown or text; "-" reads stdin): quotes and factual sentences, with file:line findings.

    Exit codes: 0 no finding at or above --fail-on, 1 some (or, with --strict, a draft with nothing
    checkable), 2 usage or input error.
    """
    from . import draft, findings, render
    from .config import index_for_reading
    from .store import open_index

    settings = _settings(index=index, format=fmt, quiet=quiet, top=top, min_score=min_score, strict=strict,
                         since=_date_option("--since", since), until=_date_option("--until", until),
                         fail_on=fail_on or None, min_severity=min_severity)
    fail = findings.parse_fail_on(settings.fail_on)  # options are checked before any work is done
    level = findings.parse_level(settings.min_severity)
    out = _check_format(settings.format)
    store = _searchable(open_index(_refreshed(settings) or index_for_reading(settings)))
    _note_undated(store, settings)
    run = draft.check_paths(store, files, draft.check_options(settings), changed_since,
                            stdin_filename or draft.STDIN_NAME)
    render.check_reports(findings.visible(run.reports, level, fail), out)
    render.check_diagnostics(list(run.reports), list(run.errors), settings.quiet, settings.strict)
    sys.exit(findings.outcome(run.reports, fail, no_fail=no_fail, strict=settings.strict, errors=len(run.errors)))


@main.command()
@click.option("--speaker", metavar="NAME", default=None,
              help="Only quotes by this person (any form of the name, or an alias from .factcheck.toml [aliases]).")
@common_options()
def quotes(speaker: str | None, index: str | None, fmt: str | None, quiet: bool | None) -> None:
    """List the quotes found in the sources, with speaker, source and date."""
    from . import render
    from .config import index_for_reading
    from .pipeline import list_quotes
    from .store import open_index

    settings = _settings(index=index, format=fmt, quiet=quiet)
    store = open_index(index_for_reading(settings))
    render.quotes(list_quotes(store, speaker, settings.aliases), settings.format or "table")


@main.command()
@click.option("--missing", is_flag=True, help="Only documents without a publication date or URL.")
@common_options()
def sources(missing: bool, index: str | None, fmt: str | None, quiet: bool | None) -> None:
    """List indexed documents with title, date, URL and counts; flags those missing a date or URL."""
    from . import render
    from .config import index_for_reading
    from .store import open_index

    settings = _settings(index=index, format=fmt, quiet=quiet)
    store = open_index(index_for_reading(settings))
    items = store.sources()
    if missing:
        items = [s for s in items if s.date is None or s.url is None]
    render.sources(items, settings.format or "table")
    if not settings.quiet:
        render.missing_summary(items)


# ---------------------------------------------------------------------------- helpers


def _claims(args: tuple[str, ...]) -> Iterator[str]:
    for arg in args:
        if arg == "-":
            raise click.UsageError('"-" (read claims from stdin) must be the only claim')
        if not arg.strip():
            raise click.UsageError("a claim is empty; give the words to check")
        yield arg


def _stdin_claims() -> Iterator[str]:
    for line in sys.stdin:
        if line.strip():
            yield line.rstrip("\n")


def _check_format(fmt: str | None) -> str:
    if fmt is None:
        return CHECK_FORMATS[0]
    if fmt not in CHECK_FORMATS:
        raise click.UsageError(f"check cannot write format {fmt!r}; use one of {', '.join(CHECK_FORMATS)}")
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
        raise click.BadParameter(f"{value!r} is not a date; use YYYY-MM-DD", param_hint=name)
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
