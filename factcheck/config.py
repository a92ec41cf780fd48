"""Settings: option > FACTCHECK_* environment variable > .factcheck.toml / [tool.factcheck] > default.

Also where the index lives: --index, else FACTCHECK_INDEX, else ./.factcheck/ when it
exists, else the seed articles bundled with the package (indexed once into a cache folder).
"""

from __future__ import annotations

import os
import sys
from collections.abc import Mapping
from types import MappingProxyType
from typing import Any, NamedTuple

from .errors import InputError

LOCAL_INDEX = ".factcheck"
DEFAULT_FAIL_ON = ("misquote", "misattributed", "paraphrase-quoted", "conflicting")


class Settings(NamedTuple):
    """Every tunable the commands read; built once per command."""

    index: str | None = None  # type: ignore[assignment]  # shadows tuple.index, which nothing calls on Settings
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
    aliases: Mapping[str, list[str]] = MappingProxyType({})  # read-only: a NamedTuple default is shared
    sources: tuple[str, ...] = ()

    def with_options(self, **options: Any) -> Settings:
        """Return a copy with the options that were actually given (not None) applied."""
        given = {k: v for k, v in options.items() if v is not None and k in _FIELD_NAMES}
        return self._replace(**given)


_FIELD_NAMES = frozenset(Settings._fields)
_ENV_PREFIX = "FACTCHECK_"


def load_settings(cwd: str | None = None) -> Settings:
    """Return the defaults overlaid with the project file and then the environment."""
    values: dict[str, Any] = {}
    values.update(_project_file(os.path.abspath(cwd or os.getcwd())))
    for name in _FIELD_NAMES:
        raw = os.environ.get(_ENV_PREFIX + name.upper())
        if raw is not None and raw != "":
            values[name] = raw
    return _coerce(values)


def _project_file(cwd: str) -> dict[str, Any]:
    """Return [tool.factcheck] / .factcheck.toml settings from `cwd` or its parents."""
    for folder in _self_and_parents(cwd):
        for name, table in ((".factcheck.toml", None), ("pyproject.toml", ("tool", "factcheck"))):
            path = os.path.join(folder, name)
            if not os.path.isfile(path):
                continue
            try:
                with open(path, encoding="utf-8") as fh:
                    text = fh.read()
            except (OSError, UnicodeDecodeError) as exc:
                if table:
                    continue  # another tool's file that cannot be read holds no settings of ours
                raise InputError(f"{path}: cannot read settings ({exc})") from None
            if table and "factcheck" not in text:
                continue  # any spelling of [tool.factcheck] names it: no TOML parse (~2.5 ms) needed
            import tomllib  # only when there is a file to read: ~2 ms of start-up otherwise

            try:
                data = tomllib.loads(text)
            except tomllib.TOMLDecodeError as exc:
                raise InputError(f"{path}: cannot read settings ({exc})") from None
            if table:
                for key in table:
                    data = data.get(key, {}) if isinstance(data, dict) else {}
                if not data:
                    continue
            data = {k.replace("-", "_"): v for k, v in data.items()}
            if "index" in data and not os.path.isabs(str(data["index"])):
                data["index"] = os.path.join(folder, str(data["index"]))
            if isinstance(data.get("sources"), list):
                # Relative to the settings file, spelt relative to the working folder (as `index PATH` would).
                data["sources"] = [s if os.path.isabs(str(s)) else os.path.relpath(os.path.join(folder, str(s)))
                                   for s in data["sources"]]
            return data
    return {}


def _self_and_parents(folder: str) -> list[str]:
    out = [folder]
    while (parent := os.path.dirname(out[-1])) != out[-1]:
        out.append(parent)
    return out


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
        listed = [names] if isinstance(names, str) else names
        if not isinstance(listed, list) or not all(isinstance(n, str) for n in listed):
            raise TypeError(names)
        out[str(canonical)] = [str(n) for n in listed]
    return out


# ---------------------------------------------------------------------------- index location

_PACKAGE = os.path.dirname(os.path.realpath(__file__))



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


def seeds_dir() -> str:
    """Return the folder of seed articles shipped with the package."""
    for candidate in (os.path.join(_PACKAGE, "seeds"), os.path.join(os.path.dirname(_PACKAGE), "seeds")):
        if os.path.isdir(candidate):
            return candidate
    raise InputError("the bundled seed articles are missing from this installation; reinstall factcheck")


def seed_files() -> list[tuple[str, str]]:
    """Return (file path, display path "seeds/<name>") for each bundled seed article."""
    folder = seeds_dir()
    names = sorted(n for n in os.listdir(folder) if not n.startswith(".") and os.path.isfile(os.path.join(folder, n)))
    return [(os.path.join(folder, n), f"seeds/{n}") for n in names]


def cache_root() -> str:
    """Return the folder for derived data (the seed index); FACTCHECK_CACHE overrides it."""
    override = os.environ.get("FACTCHECK_CACHE")
    if override:
        return override
    if sys.platform.startswith("linux"):
        # The XDG rule platformdirs applies here, without its import (~13 ms of a ~100 ms call:
        # pathlib, tempfile); tests check the two agree. Odd settings (a relative HOME) and other
        # platforms (known-folder lookups on Windows) are left to platformdirs.
        xdg, home = os.environ.get("XDG_CACHE_HOME", ""), os.environ.get("HOME", "")
        if os.path.isabs(xdg):
            return os.path.join(xdg, "factcheck")
        if os.path.isabs(home):
            return os.path.join(home, ".cache", "factcheck")
    from platformdirs import user_cache_dir

    return user_cache_dir("factcheck", appauthor=False)


def seed_index() -> str:
    """Return the folder of the index over the bundled seeds, building it the first time."""
    files = seed_files()
    # The folder is named after the sizes and times of the code and the seeds: code changes
    # re-segment the seeds. Two 32-bit checksums, not hashlib: its OpenSSL load is ~3 ms a call.
    import zlib

    stamps = []
    for name in sorted(n for n in os.listdir(_PACKAGE) if n.endswith(".py")):
        st = os.stat(os.path.join(_PACKAGE, name))
        stamps.append(f"{name}:{st.st_size}:{st.st_mtime_ns}")
    for path, shown in files:
        st = os.stat(path)
        stamps.append(f"{shown}:{st.st_size}:{st.st_mtime_ns}")
    key = "\n".join(stamps).encode()
    target = os.path.join(cache_root(), f"seeds-{zlib.crc32(key):08x}{zlib.adler32(key):08x}")
    if os.path.exists(os.path.join(target, "ready")):
        return target
    from .ingest import build_index_atomically

    build_index_atomically(target, files)
    return target
