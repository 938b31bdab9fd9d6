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
from pathlib import Path
from typing import Any

from linter.findings import Finding
from linter.loader import LoadError, Position

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
    try:
        text = Path(path).read_text(encoding="utf-8")
    except FileNotFoundError:
        raise LoadError(Position(path, 1, 1), "baseline file not found") from None
    except (OSError, UnicodeDecodeError) as error:
        raise LoadError(Position(path, 1, 1), f"cannot read baseline: {error}") from None
    try:
        document: Any = json.loads(text)
    except json.JSONDecodeError as error:
        raise LoadError(Position(path, error.lineno, error.colno), f"invalid JSON: {error.msg}") from None
    findings = document.get("findings") if isinstance(document, dict) else None
    if not isinstance(findings, dict):
        raise LoadError(Position(path, 1, 1), "not a policy-lint baseline: expected an object with 'findings'")
    return frozenset(findings)


def split(findings: Iterable[Finding], accepted: frozenset[str]) -> tuple[list[Finding], list[Finding]]:
    """(new findings, findings the baseline accepts)."""
    new: list[Finding] = []
    known: list[Finding] = []
    for finding in findings:
        (known if finding.fingerprint in accepted else new).append(finding)
    return new, known
