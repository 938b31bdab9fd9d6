"""Findings and the rule contract every check in ``checks/`` fulfils."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from linter.severity import Severity

if TYPE_CHECKING:
    from linter.context import Context

__all__ = ["Assignment", "CheckFunction", "DatedCitation", "Finding", "Related", "Rule", "Severity", "citation_on"]


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
        import hashlib  # not on the path of --help, rules and explain

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

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Finding:
        """The finding :meth:`to_dict` gave (its fingerprint is computed again)."""
        action = data.get("action")
        return cls(
            rule=data["rule"],
            severity=Severity(data["severity"]),
            message=data["message"],
            file=data["file"],
            line=data["line"],
            column=data["column"],
            entity=data["entity"],
            field=data["field"],
            citation=data["citation"],
            remediation=data["remediation"],
            detail=data["detail"],
            related=tuple(Related(**related) for related in data["related"]),
            action=None if action is None else Assignment(**{**action, "due": dt.date.fromisoformat(action["due"])}),
        )


CheckFunction = Callable[["Context"], Iterable[Finding]]


@dataclass(frozen=True, slots=True)
class DatedCitation:
    """A citation as the law stood from ``start`` to ``end`` (both inclusive; None: no bound).

    A provision can be renumbered, reworded or replaced: a finding on a given
    ``--as-of`` date cites the text in force that day.
    """

    text: str
    start: dt.date | None = None
    end: dt.date | None = None

    def in_force(self, day: dt.date) -> bool:
        return (self.start is None or self.start <= day) and (self.end is None or day <= self.end)

    def period(self) -> str:
        """'2021-01-01 to 2026-06-18', 'from 2026-06-19', 'until 2020-12-31' or 'always'."""
        if self.start and self.end:
            return f"{self.start} to {self.end}"
        if self.start:
            return f"from {self.start}"
        if self.end:
            return f"until {self.end}"
        return "always"


def citation_on(history: Iterable[DatedCitation], day: dt.date, default: str = "") -> str:
    """The text of the first citation of ``history`` in force on ``day``.

    A day before every entry takes the earliest one (the provision as first
    made), a day in no entry otherwise the latest; ``default`` when there is
    no history at all.
    """
    entries = list(history)
    found = next((entry for entry in entries if entry.in_force(day)), None)
    if found is None and entries:
        starts = [entry.start for entry in entries if entry.start is not None]
        found = entries[0] if len(starts) == len(entries) and day < min(starts) else entries[-1]
    return found.text if found is not None else default


@dataclass(frozen=True, slots=True)
class Rule:
    """A rule of the catalogue: what ``explain`` prints and what ``check`` runs.

    ``failing`` and ``passing`` are short policy snippets that show the rule
    firing and not firing; ``rules``/``explain`` print them and the tests
    run them. An example that needs more than one file (a policy and its
    ``policy-waivers.yaml``) starts each file with a ``# file: NAME`` line;
    the tests write those files side by side into one policy folder.

    ``citation`` is the rule's citation; a rule whose provision changed over
    time also gives ``citations``, the dated history, and a finding cites the
    entry in force on the ``--as-of`` date (``citation_on``).
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
    citations: tuple[DatedCitation, ...] = ()

    def citation_on(self, day: dt.date) -> str:
        """The citation in force on ``day``: from ``citations`` when one covers it, else ``citation``."""
        return citation_on(self.citations, day, self.citation)
