"""Findings and the rule contract every check in ``checks/`` fulfils."""

from __future__ import annotations

import datetime as dt
import hashlib
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from enum import StrEnum
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from linter.context import Context


class Severity(StrEnum):
    """How much a finding matters; ordered info < warning < error."""

    INFO = "info"
    WARNING = "warning"
    ERROR = "error"

    @property
    def rank(self) -> int:
        return _RANK[self]


_RANK = {Severity.INFO: 0, Severity.WARNING: 1, Severity.ERROR: 2}


@dataclass(frozen=True, slots=True)
class Related:
    """An entity a finding affects beside the one it is about (one finding per cause)."""

    entity: str
    file: str
    line: int
    column: int

    def to_dict(self) -> dict[str, Any]:
        return {"entity": self.entity, "file": self.file, "line": self.line, "column": self.column}


@dataclass(frozen=True, slots=True)
class Assignment:
    """The action recorded for a finding (in the waiver file): who fixes it by when."""

    owner: str
    due: dt.date
    #: open, in-progress or done
    status: str
    note: str = ""
    #: not done and past its due date (as of the run's date)
    overdue: bool = False

    def to_dict(self) -> dict[str, Any]:
        return {
            "owner": self.owner,
            "due": self.due.isoformat(),
            "status": self.status,
            "note": self.note,
            "overdue": self.overdue,
        }

    def __str__(self) -> str:
        late = ", overdue" if self.overdue else ""
        return f"action: {self.owner}, due {self.due.isoformat()}, {self.status}{late}"


@dataclass(frozen=True, slots=True)
class Finding:
    """One problem in the policy, located and cited.

    The fingerprint is built from the rule, the entity, the field and an
    optional ``detail`` (for example the dangling id), never from positions,
    so it survives edits elsewhere in the file. Baselines and waivers key on it.

    One cause is one finding: when one fact (a notice that gives no bases per
    purpose) affects many entities, the finding is placed at the cause and
    ``related`` lists the entities affected; they are not part of the
    fingerprint, so the finding survives one more or one fewer of them.
    """

    rule: str
    severity: Severity
    message: str
    file: str
    line: int
    column: int
    entity: str
    field: str
    citation: str
    remediation: str
    detail: str = ""
    related: tuple[Related, ...] = ()
    #: the action recorded for this finding, if any (never part of the fingerprint)
    action: Assignment | None = None

    @property
    def affects(self) -> str:
        """The entities affected beside the finding's own, for one line of text ('' when none)."""
        if not self.related:
            return ""
        return f"affects {len(self.related)}: " + ", ".join(related.entity for related in self.related)

    @property
    def fingerprint(self) -> str:
        key = "\x1f".join((self.rule, self.entity, self.field, self.detail))
        return hashlib.sha256(key.encode("utf-8")).hexdigest()[:16]

    def sort_key(self) -> tuple[str, int, int, str, str]:
        return (self.file, self.line, self.column, self.rule, self.message)

    def to_dict(self) -> dict[str, Any]:
        return {
            "rule": self.rule,
            "severity": self.severity.value,
            "message": self.message,
            "file": self.file,
            "line": self.line,
            "column": self.column,
            "entity": self.entity,
            "field": self.field,
            "citation": self.citation,
            "remediation": self.remediation,
            "detail": self.detail,
            "related": [related.to_dict() for related in self.related],
            "action": self.action.to_dict() if self.action else None,
            "fingerprint": self.fingerprint,
        }


CheckFunction = Callable[["Context"], Iterable[Finding]]


@dataclass(frozen=True, slots=True)
class Rule:
    """A rule of the catalogue: what ``explain`` prints and what ``check`` runs.

    ``failing`` and ``passing`` are short policy snippets that show the rule
    firing and not firing; ``rules``/``explain`` print them and the tests
    run them. An example that needs more than one file (a policy and its
    ``policy-waivers.yaml``) starts each file with a ``# file: NAME`` line;
    the tests write those files side by side into one policy folder.
    """

    id: str
    title: str
    severity: Severity
    area: str
    rationale: str
    citation: str
    remediation: str
    check: CheckFunction = field(repr=False, compare=False)
    failing: str = ""
    passing: str = ""
    time_dependent: bool = False
