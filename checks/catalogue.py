"""The catalogue's metadata without its code: what ``rules`` and ``explain`` print.

The registry (:mod:`checks.registry`) is the catalogue: it imports every rule
module, and with them the model, the loader, Cerberus and the knowledge files.
Listing the rules or explaining one needs none of that, only each rule's id,
title, severity, texts and examples. ``catalogue.json`` beside this module
holds exactly that, generated from the registry: ``python -m checks.catalogue``
rewrites it (``scripts/reference_docs.py`` does too, with the pages that change
when knowledge does), and tests/checks/test_catalogue.py fails until it is
current. Without the file (or with one that cannot be read), the registry is
imported instead.

A rule read from the index carries a check function that imports the registry
and runs the registered rule's check: the registry stays the one place where a
rule is enabled.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from linter.findings import DatedCitation, Finding, Rule, Severity

if TYPE_CHECKING:
    from linter.context import Context

INDEX = Path(__file__).with_name("catalogue.json")
#: the fields of a rule that the index holds (everything but its check function)
FIELDS = ("id", "title", "severity", "area", "rationale", "citation", "remediation", "failing", "passing")


def _row(rule: Rule) -> dict[str, Any]:
    row: dict[str, Any] = {name: getattr(rule, name) for name in FIELDS}
    row["severity"] = rule.severity.value
    if rule.time_dependent:
        row["time_dependent"] = True
    if rule.citations:
        row["citations"] = [
            [entry.text, entry.start and entry.start.isoformat(), entry.end and entry.end.isoformat()]
            for entry in rule.citations
        ]
    return row


def generate() -> str:
    """The index, as JSON text, from the registry as it is now."""
    from checks.registry import RULES

    return json.dumps({"rules": [_row(rule) for rule in RULES.values()]}, indent=1, ensure_ascii=False)


def write() -> bool:
    """Rewrite the index when it is out of date; True when it changed."""
    text = generate() + "\n"
    try:
        if INDEX.read_text(encoding="utf-8") == text:
            return False
    except OSError:
        pass
    from linter.files import write_atomic

    write_atomic(INDEX, text)
    return True


def _deferred(rule_id: str) -> Any:
    """A check function that runs the registered rule's check (importing the registry)."""

    def check(ctx: Context) -> Iterable[Finding]:
        from checks.registry import RULES

        return RULES[rule_id].check(ctx)

    return check


def _date(text: str | None) -> dt.date | None:
    return dt.date.fromisoformat(text) if text else None


def _from_index() -> dict[str, Rule] | None:
    """The rules of the index, or None when it is missing or unreadable."""
    try:
        document = json.loads(INDEX.read_text(encoding="utf-8"))
        rules: dict[str, Rule] = {}
        for row in document["rules"]:
            rules[row["id"]] = Rule(
                **{name: row[name] for name in FIELDS if name != "severity"},
                severity=Severity(row["severity"]),
                check=_deferred(row["id"]),
                time_dependent=bool(row.get("time_dependent", False)),
                citations=tuple(
                    DatedCitation(text, _date(start), _date(end)) for text, start, end in row.get("citations", ())
                ),
            )
        return rules
    except (OSError, ValueError, KeyError, TypeError):
        return None


def rules() -> dict[str, Rule]:
    """Every rule's metadata, from the index, else (no index) from the registry."""
    found = _from_index()
    if found is not None:
        return found
    from checks.registry import RULES

    return RULES


if __name__ == "__main__":  # pragma: no cover - python -m checks.catalogue
    print(f"{INDEX}: {'rewritten' if write() else 'already current'}")
