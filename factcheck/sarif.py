"""SARIF 2.1.0 for `check`: one result per finding, located on the draft's own line and columns.

Regions are in Unicode code points (`columnKind`), end columns exclusive, as SARIF defines
them; the sources a finding rests on are its `relatedLocations`. Findings that passed
(exact-quote, supported) are results of kind "pass" with level "none".
"""

from __future__ import annotations

import hashlib
import os
from collections.abc import Callable
from pathlib import PurePath
from typing import Any
from urllib.parse import quote

from . import __version__
from .findings import SEVERITY
from .models import DraftReport, Evidence

RULES = {  # finding kind -> (SARIF rule name, description)
    "misquote": ("Misquote", "The quoted words are close to a source quote, with words changed, added or dropped."),
    "misattributed": ("MisattributedQuote", "The quoted words are in the sources, from someone else."),
    "paraphrase-quoted": ("ParaphraseQuoted", "Quotation marks around words that in the source are the reporter's "
                                              "narration, not a quote."),
    "conflicting": ("ConflictingClaim", "The sources contradict the sentence (negation, opposite words, numbers, "
                                        "a retraction, or more certainty than the source has)."),
    "disputed": ("DisputedClaim", "Some sources support the sentence and others contradict it."),
    "unverified": ("UnverifiedClaim", "No source passage is relevant enough to confirm or contradict it."),
    "exact-quote": ("ExactQuote", "The quoted words are in a source quote from that speaker."),
    "supported": ("SupportedClaim", "A source supports the sentence and none contradicts it."),
}


def _uri(path: str) -> str:
    """Return a file path as a URI reference: relative paths stay relative."""
    if os.path.isabs(path):
        return PurePath(path).as_uri()
    return quote(path.replace(os.sep, "/"))


def sarif_log(reports: list[DraftReport], evidence_text: Callable[[Evidence], str]) -> dict[str, Any]:
    """Return a SARIF 2.1.0 log: one result per finding, located on the draft's line and columns."""
    kinds = list(RULES)
    rules = [{"id": k, "name": RULES[k][0], "shortDescription": {"text": RULES[k][1]},
              "defaultConfiguration": {"level": SEVERITY[k]}, "properties": {"tags": ["fact-check"]}} for k in kinds]
    results = []
    for r in reports:
        for f in r.findings:
            passed = f.severity == "note"  # exact-quote, supported: the check ran and passed
            related = [{"id": i + 1, "message": {"text": evidence_text(e)},
                        "physicalLocation": {"artifactLocation": {"uri": _uri(e.candidate.source.path)},
                                             "region": {"startLine": max(e.candidate.line, 1)}}}
                       for i, e in enumerate(f.evidence)]
            digest = hashlib.sha256(f"{f.kind}\0{' '.join(f.claim.split())}".encode()).hexdigest()[:32]
            result: dict[str, Any] = {
                "ruleId": f.kind, "ruleIndex": kinds.index(f.kind),
                "kind": "pass" if passed else "fail", "level": "none" if passed else f.severity,
                "message": {"text": " ".join(f.message.split())},
                "locations": [{"physicalLocation": {
                    "artifactLocation": {"uri": _uri(r.path)},
                    "region": {"startLine": f.line, "startColumn": f.column, "endLine": f.end_line,
                               "endColumn": f.end_column}}}],
                "partialFingerprints": {"factcheckClaim/v1": digest},
                "properties": {"severity": f.severity, "claim": f.claim, "speaker": f.speaker},
            }
            if related:
                result["relatedLocations"] = related
            results.append(result)
    return {
        "$schema": "https://json.schemastore.org/sarif-2.1.0.json",
        "version": "2.1.0",
        "runs": [{"tool": {"driver": {"name": "factcheck", "version": __version__, "semanticVersion": __version__,
                                      "rules": rules}},
                  "columnKind": "unicodeCodePoints",
                  "results": results}],
    }
