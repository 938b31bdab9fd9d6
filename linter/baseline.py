"""Baselines: accept today's findings so that CI fails only on new ones.

A baseline is a JSON file of the findings of one run keyed by fingerprint
(rule + entity + field + detail, never a line number, so edits elsewhere do
not invalidate it), sorted so that it diffs cleanly in review::

    {
      "version": 1,
      "findings": {
        "3f1c...": {"rule": "TRF001", "entity": "transfer:x", "field": "mechanism"}
      }
    }

Only the keys matter to ``check --baseline``; rule, entity and field are there
for the people reading the file.
"""

from __future__ import annotations

import json
from collections.abc import Iterable

from linter.findings import Finding
from linter.inputs import BASELINE_LIMITS
from linter.loader import LoadError, Position, load_json
from linter.printable import display_name

VERSION = 1


def render(findings: Iterable[Finding]) -> str:
    entries: dict[str, dict[str, str]] = {}
    for finding in findings:
        entry = {"rule": finding.rule, "entity": finding.entity, "field": finding.field}
        if finding.detail:
            entry["detail"] = finding.detail
        entries[finding.fingerprint] = entry
    document = {"version": VERSION, "findings": dict(sorted(entries.items()))}
    return json.dumps(document, indent=2, ensure_ascii=False) + "\n"


def load(path: str) -> frozenset[str]:
    """The fingerprints a baseline accepts; :class:`LoadError` if it is unusable."""
    document = load_json(path, limits=BASELINE_LIMITS, missing="baseline file not found")
    findings = document.get("findings") if isinstance(document, dict) else None
    if not isinstance(findings, dict):
        message = "not a policy-lint baseline: expected an object with 'findings'"
        raise LoadError(Position(display_name(path), 1, 1), message)
    return frozenset(findings)


def split(findings: Iterable[Finding], accepted: frozenset[str]) -> tuple[list[Finding], list[Finding]]:
    """(new findings, findings the baseline accepts)."""
    new: list[Finding] = []
    known: list[Finding] = []
    for finding in findings:
        (known if finding.fingerprint in accepted else new).append(finding)
    return new, known
