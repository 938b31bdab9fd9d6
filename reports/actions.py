"""Who is fixing what, by when: the report's actions section.

Actions live in the waiver file (see :mod:`linter.waivers`) and reach the
report on each finding (``Finding.action``). Open findings are grouped by the
owner of their action, overdue ones first; those with no action are listed
apart, the most severe first, so that a DPO can see what still needs an
owner before signing off.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Protocol

from linter.findings import Assignment, Finding, Severity


class Viewed(Protocol):
    """A finding as the report shows it (``reports.html.FindingView``)."""

    @property
    def finding(self) -> Finding: ...


@dataclass(frozen=True, slots=True)
class ActionRow:
    view: Viewed
    action: Assignment
    #: days from the run's date to the due date (negative: overdue)
    days: int
    #: the finding is accepted by a current waiver meanwhile
    waived: bool = False

    @property
    def when(self) -> str:
        if self.action.status == "done":
            return "marked done"
        if self.days < 0:
            return f"{-self.days} day{'' if self.days == -1 else 's'} overdue"
        if self.days == 0:
            return "due today"
        return f"due in {self.days} day{'' if self.days == 1 else 's'}"


@dataclass(frozen=True, slots=True)
class OwnerGroup:
    owner: str
    rows: list[ActionRow]

    @property
    def overdue(self) -> int:
        return sum(1 for row in self.rows if row.action.overdue)


@dataclass(frozen=True, slots=True)
class Actions:
    owners: list[OwnerGroup]
    #: open findings with no action, by severity (most severe first)
    unassigned: list[tuple[Severity, list[Viewed]]]

    @property
    def open(self) -> int:
        return sum(1 for group in self.owners for row in group.rows if row.action.status != "done")

    @property
    def overdue(self) -> int:
        return sum(group.overdue for group in self.owners)

    def unassigned_at(self, severity: Severity) -> int:
        return sum(len(views) for level, views in self.unassigned if level == severity)

    @property
    def empty(self) -> bool:
        return not self.owners and not self.unassigned


def group_by_owner(
    kept: Iterable[Viewed], waived: Iterable[Viewed], as_of: dt.date, skip: Iterable[str] = ()
) -> Actions:
    """Open findings by owner (overdue first, then by due date), and those with no owner.

    ``kept`` are the findings that count, ``waived`` those a waiver accepts
    meanwhile (listed only when they have an action); findings of the rules
    in ``skip`` (about the record files themselves) need no owner."""
    skipped = set(skip)
    by_owner: dict[str, list[ActionRow]] = {}
    unassigned: dict[Severity, list[Viewed]] = {}
    for is_waived, views in ((False, kept), (True, waived)):
        for view in views:
            finding = view.finding
            if finding.rule in skipped:
                continue
            if finding.action is None:
                if not is_waived:
                    unassigned.setdefault(finding.severity, []).append(view)
                continue
            days = (finding.action.due - as_of).days
            by_owner.setdefault(finding.action.owner, []).append(ActionRow(view, finding.action, days, is_waived))
    owners = [
        OwnerGroup(owner, sorted(rows, key=lambda row: (not row.action.overdue, row.action.status == "done", row.days)))
        for owner, rows in by_owner.items()
    ]
    owners.sort(key=lambda g: (-g.overdue, min(row.days for row in g.rows), g.owner.lower()))
    levels = (Severity.ERROR, Severity.WARNING, Severity.INFO)
    return Actions(owners, [(severity, unassigned[severity]) for severity in levels if severity in unassigned])
