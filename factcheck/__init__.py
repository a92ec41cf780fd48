"""factcheck: check claims and drafts against your own source articles, offline.

Library use::

    from factcheck import open_index, verify
    verdict = verify(open_index(".factcheck"), "Hegseth ruled out US troops")
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

__version__ = "0.1.0"
__all__ = ["__version__", "open_index", "verify", "index_paths", "parse_claim"]

if TYPE_CHECKING:
    from .ingest import index_paths
    from .pipeline import parse_claim, verify
    from .store import open_index


def __getattr__(name: str) -> Any:
    # Lazy, so that `import factcheck` (and the CLI's start-up) stays cheap.
    if name in ("verify", "parse_claim"):
        from . import pipeline

        return getattr(pipeline, name)
    if name == "open_index":
        from .store import open_index

        return open_index
    if name == "index_paths":
        from .ingest import index_paths

        return index_paths
    raise AttributeError(name)
