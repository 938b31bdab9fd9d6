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
from collections.abc import Collection, Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from linter.findings import Finding
from linter.loader import LoadError, Position

VERSION = 1


def render(findings: Iterable[Finding]) -> str:
    return render_entries(
        Entry(finding.fingerprint, finding.rule, finding.entity, finding.field, finding.detail) for finding in findings
    )


def render_entries(entries: Iterable[Entry]) -> str:
    """The baseline file of ``entries``, sorted by fingerprint."""
    rows: dict[str, dict[str, str]] = {}
    for entry in entries:
        row = {"rule": entry.rule, "entity": entry.entity, "field": entry.field}
        if entry.detail:
            row["detail"] = entry.detail
        rows[entry.fingerprint] = row
    document = {"version": VERSION, "findings": dict(sorted(rows.items()))}
    return json.dumps(document, indent=2, ensure_ascii=False) + "\n"


@dataclass(frozen=True, slots=True)
class Entry:
    """One finding a baseline accepts, as the file records it for its readers."""

    fingerprint: str
    rule: str = ""
    entity: str = ""
    field: str = ""
    detail: str = ""

    def __str__(self) -> str:
        return " ".join(part for part in (self.rule, self.entity, self.field, self.detail) if part) or self.fingerprint


def load(path: str) -> dict[str, Entry]:
    """The findings a baseline accepts, by fingerprint; :class:`LoadError` if it is unusable."""
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
    return {str(key): _entry(str(key), value) for key, value in findings.items()}


def _entry(fingerprint: str, value: Any) -> Entry:
    fields = value if isinstance(value, dict) else {}
    return Entry(fingerprint, *(str(fields.get(name, "")) for name in ("rule", "entity", "field", "detail")))


def stale(accepted: Mapping[str, Entry], found: Iterable[Finding], rules: Collection[str]) -> list[Entry]:
    """The entries no finding of this run matches any more (the finding was fixed, or
    its rule no longer exists), among those of the ``rules`` run or of no known rule."""
    present = {finding.fingerprint for finding in found}
    return [
        entry
        for fingerprint, entry in sorted(accepted.items())
        if fingerprint not in present and (entry.rule in rules or entry.rule not in _catalogue())
    ]


def _catalogue() -> Collection[str]:
    from checks.registry import RULES

    return RULES.keys()


def split(findings: Iterable[Finding], accepted: Collection[str]) -> tuple[list[Finding], list[Finding]]:
    """(new findings, findings the baseline accepts)."""
    new: list[Finding] = []
    known: list[Finding] = []
    for finding in findings:
        (known if finding.fingerprint in accepted else new).append(finding)
    return new, known
