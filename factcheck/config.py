"""Settings: option > FACTCHECK_* environment variable > .factcheck.toml / [tool.factcheck] > default.

Also where the index lives: --index, else FACTCHECK_INDEX, else ./.factcheck/ when it
exists, else the seed articles bundled with the package (indexed once into a cache folder).
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field, fields, replace
from pathlib import Path
from typing import Any

from .errors import InputError

LOCAL_INDEX = ".factcheck"
DEFAULT_FAIL_ON = ("misquote", "misattributed", "paraphrase-quoted", "conflicting")


@dataclass(frozen=True)
class Settings:
    """Every tunable the commands read; built once per command."""

    index: str | None = None
    format: str | None = None
    top: int = 5
    min_score: float | None = None
    since: str | None = None
    until: str | None = None
    quiet: bool = False
    sort: str = "score"
    documents: bool = False  # verify: also judge each returned document as a whole
    fail_on: tuple[str, ...] = DEFAULT_FAIL_ON  # check: finding kinds (or a severity) that fail the run
    strict: bool = False  # check: a draft with nothing checkable fails the run
    min_severity: str = "note"  # check: findings shown (failing ones are always shown)
    quote_near: float | None = None  # check: quote similarity from which a quote is a misquote (None: 70)
    max_file_size: int = 50 * 1024 * 1024
    jobs: int | None = None  # verify -: worker processes for a long batch (None: every core; 1: this one)
    aliases: dict[str, list[str]] = field(default_factory=dict)
    sources: tuple[str, ...] = ()

    def with_options(self, **options: Any) -> Settings:
        """Return a copy with the options that were actually given (not None) applied."""
        given = {k: v for k, v in options.items() if v is not None and k in _FIELD_NAMES}
        return replace(self, **given)


_FIELD_NAMES = {f.name for f in fields(Settings)}
_ENV_PREFIX = "FACTCHECK_"


def load_settings(cwd: str | None = None) -> Settings:
    """Return the defaults overlaid with the project file and then the environment."""
    values: dict[str, Any] = {}
    values.update(_project_file(Path(cwd or os.getcwd())))
    for name in _FIELD_NAMES:
        raw = os.environ.get(_ENV_PREFIX + name.upper())
        if raw is not None and raw != "":
            values[name] = raw
    return _coerce(values)


def _project_file(cwd: Path) -> dict[str, Any]:
    """Return [tool.factcheck] / .factcheck.toml settings from `cwd` or its parents."""
    for folder in (cwd, *cwd.parents):
        for name, table in ((".factcheck.toml", None), ("pyproject.toml", ("tool", "factcheck"))):
            path = folder / name
            if not path.is_file():
                continue
            import tomllib  # only when there is a file to read: ~2 ms of start-up otherwise

            try:
                data = tomllib.loads(path.read_text(encoding="utf-8"))
            except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as exc:
                raise InputError(f"{path}: cannot read settings ({exc})") from None
            if table:
                for key in table:
                    data = data.get(key, {}) if isinstance(data, dict) else {}
                if not data:
                    continue
            data = {k.replace("-", "_"): v for k, v in data.items()}
            if "index" in data and not os.path.isabs(str(data["index"])):
                data["index"] = str(folder / str(data["index"]))
            if isinstance(data.get("sources"), list):
                # Relative to the settings file, spelt relative to the working folder (as `index PATH` would).
                data["sources"] = [s if os.path.isabs(str(s)) else os.path.relpath(folder / str(s)) for s in data["sources"]]
            return data
    return {}


def _coerce(values: dict[str, Any]) -> Settings:
    out: dict[str, Any] = {}
    for name, value in values.items():
        if name not in _FIELD_NAMES:
            continue
        try:
            if name in ("top", "max_file_size", "jobs"):
                out[name] = int(value)
            elif name in ("min_score", "quote_near"):
                out[name] = float(value)
                if not 0 <= out[name] <= 100:
                    raise ValueError(name)
            elif name in ("quiet", "strict", "documents"):
                out[name] = value if isinstance(value, bool) else str(value).lower() in ("1", "true", "yes")
            elif name in ("fail_on", "sources"):
                items = value if isinstance(value, (list, tuple)) else str(value).split(",")
                out[name] = tuple(str(v).strip() for v in items if str(v).strip())
            elif name == "aliases":
                out[name] = _aliases(value)
            else:
                out[name] = str(value)
        except (TypeError, ValueError):
            raise InputError(f"setting {name!r}: cannot use {value!r}") from None
    return Settings(**out)


def _aliases(value: Any) -> dict[str, list[str]]:
    """Return the alias table: canonical name -> other names of the same person.

    From `.factcheck.toml` (`[aliases]` with `"J.D. Vance" = ["JD Vance", "James David Vance"]`)
    or from FACTCHECK_ALIASES (`J.D. Vance=JD Vance|James David Vance; Other=…`).
    """
    if isinstance(value, str):
        table: dict[str, Any] = {}
        for entry in value.split(";"):
            if not entry.strip():
                continue
            canonical, sep, names = entry.partition("=")
            if not sep or not canonical.strip():
                raise ValueError(entry)
            table[canonical.strip()] = [n.strip() for n in names.split("|") if n.strip()]
        value = table
    if not isinstance(value, dict):
        raise ValueError(value)
    out: dict[str, list[str]] = {}
    for canonical, names in value.items():
        if isinstance(names, str):
            names = [names]
        if not isinstance(names, list) or not all(isinstance(n, str) for n in names):
            raise TypeError(names)
        out[str(canonical)] = [str(n) for n in names]
    return out


# ---------------------------------------------------------------------------- index location


def index_for_reading(settings: Settings) -> str:
    """Return the index folder a reading command uses (building the seed index if needed)."""
    if settings.index:
        return settings.index
    if os.path.isdir(LOCAL_INDEX):
        return LOCAL_INDEX
    return seed_index()


def index_for_writing(settings: Settings) -> str:
    """Return the index folder `factcheck index` writes to."""
    return settings.index or LOCAL_INDEX


def seeds_dir() -> Path:
    """Return the folder of seed articles shipped with the package."""
    here = Path(__file__).resolve().parent
    for candidate in (here / "seeds", here.parent / "seeds"):
        if candidate.is_dir():
            return candidate
    raise InputError("the bundled seed articles are missing from this installation; reinstall factcheck")


def seed_files() -> list[tuple[str, str]]:
    """Return (file path, display path "seeds/<name>") for each bundled seed article."""
    folder = seeds_dir()
    return [(str(p), f"seeds/{p.name}") for p in sorted(folder.iterdir()) if p.is_file() and not p.name.startswith(".")]


def cache_root() -> Path:
    """Return the folder for derived data (the seed index); FACTCHECK_CACHE overrides it."""
    override = os.environ.get("FACTCHECK_CACHE")
    if override:
        return Path(override)
    from platformdirs import user_cache_dir

    return Path(user_cache_dir("factcheck", appauthor=False))


def seed_index() -> str:
    """Return the folder of the index over the bundled seeds, building it the first time."""
    files = seed_files()
    import hashlib  # only for the seed index: ~4 ms of start-up otherwise

    digest = hashlib.sha256()
    package = Path(__file__).resolve().parent
    for path in sorted(package.glob("*.py")):  # code changes re-segment the seeds
        st = path.stat()
        digest.update(f"{path.name}:{st.st_size}:{st.st_mtime_ns}".encode())
    for path, shown in files:
        st = os.stat(path)
        digest.update(f"{shown}:{st.st_size}:{st.st_mtime_ns}".encode())
    target = cache_root() / f"seeds-{digest.hexdigest()[:16]}"
    if (target / "ready").exists():
        return str(target)
    from .ingest import build_index_atomically

    build_index_atomically(str(target), files)
    return str(target)
