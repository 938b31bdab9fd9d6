"""The statutory minimum to show beside each retention rule, read defensively.

The minimums are cited rows of ``checks/knowledge/retention-minimums.yaml``
(owned by the retention rules). The report only shows them: a missing file,
or a row of an unexpected shape, means no minimum is shown, never a failed
report. Matching follows the file's own header: a rule whose
``statutory_basis`` names a row (its id or one of its ``names``) takes that
row; otherwise its ``record_class`` must contain every word of ``match.all``,
one of ``match.any`` and none of ``match.none``.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import yaml

from checks import facts
from linter.model import RetentionRule

KNOWLEDGE = "retention-minimums"


@dataclass(frozen=True, slots=True)
class Minimum:
    id: str
    record: str
    minimum: str
    starts: str
    alternative: str
    citation: str
    #: statute or guidance
    kind: str
    #: the row's source was read and confirmed (its ``verified`` starts with "yes")
    verified: bool
    names: tuple[str, ...]
    all_words: tuple[str, ...]
    any_words: tuple[str, ...]
    no_words: tuple[str, ...]

    def matches_record_class(self, record_class: str) -> bool:
        text = record_class.lower()
        if not (self.all_words or self.any_words) or any(word in text for word in self.no_words):
            return False
        return all(word in text for word in self.all_words) and (
            not self.any_words or any(word in text for word in self.any_words)
        )


def _words(value: Any) -> tuple[str, ...]:
    return tuple(str(item).lower() for item in value) if isinstance(value, list) else ()


def _row(raw: Any) -> Minimum | None:
    if not isinstance(raw, dict) or not raw.get("id") or not raw.get("minimum"):
        return None
    match = raw.get("match") if isinstance(raw.get("match"), dict) else {}
    return Minimum(
        id=str(raw["id"]),
        record=str(raw.get("record", "")),
        minimum=str(raw["minimum"]),
        starts=str(raw.get("starts", "")),
        alternative=str(raw.get("alternative", "")),
        citation=str(raw.get("citation", "")),
        kind=str(raw.get("kind", "")),
        verified=str(raw.get("verified", "")).lower().startswith("yes"),
        names=tuple(str(name) for name in raw.get("names", []) if name) if isinstance(raw.get("names"), list) else (),
        all_words=_words(match.get("all")),
        any_words=_words(match.get("any")),
        no_words=_words(match.get("none")),
    )


def minimums() -> list[Minimum]:
    """The rows of the knowledge file, or none if it is missing or unreadable."""
    try:
        data = facts.load(KNOWLEDGE)
    except (OSError, yaml.YAMLError):
        return []
    rows = data.get("minimums") if isinstance(data, dict) else None
    if not isinstance(rows, list):
        return []
    return [row for row in map(_row, rows) if row is not None]


def minimum_for(rule: RetentionRule, rows: list[Minimum] | None = None) -> Minimum | None:
    """The statutory (or guidance) minimum that applies to ``rule``, if any."""
    rows = minimums() if rows is None else rows
    basis = rule.statutory_basis.lower()
    if basis:
        for row in rows:
            if any(name.lower() in basis for name in (row.id, *row.names)):
                return row
    return next((row for row in rows if row.matches_record_class(rule.record_class)), None)
