"""The statutory minimum to show beside each retention rule, read defensively.

Which minimum applies to a rule is the retention rules' decision
(:func:`checks.retention.minimum_for`, reading the cited rows of
``checks/knowledge/retention-minimums.yaml``); the report only shows it. If
that module or its knowledge file is unavailable, or a row lacks a field,
the report shows no minimum (or an empty field) instead of failing.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any

import yaml

from checks.naming import is_verified
from linter.model import RetentionRule

Lookup = Callable[[RetentionRule], Mapping[str, Any] | None]


@dataclass(frozen=True, slots=True)
class Minimum:
    record: str
    minimum: str
    starts: str
    alternative: str
    citation: str
    #: "statute" or "guidance"
    kind: str
    #: the row's legal source was read and confirmed
    verified: bool


def lookup() -> Lookup | None:
    """The retention rules' matcher, or None when it cannot be loaded."""
    try:
        from checks import retention
    except (ImportError, OSError, LookupError, TypeError, yaml.YAMLError):
        return None
    return retention.minimum_for


def minimum_for(rule: RetentionRule, find: Lookup | None) -> Minimum | None:
    if find is None:
        return None
    try:
        row = find(rule)
    except (LookupError, TypeError, ValueError, AttributeError):
        return None
    if not isinstance(row, Mapping) or not row.get("minimum"):
        return None

    def text(key: str) -> str:
        return " ".join(str(row.get(key, "") or "").split())

    return Minimum(
        record=text("record"),
        minimum=text("minimum"),
        starts=text("starts"),
        alternative=text("alternative"),
        citation=text("citation"),
        kind=text("kind"),
        verified=is_verified(row),
    )
