"""What a rule sees: the built policy, the evaluation date and build problems."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from typing import Any

from linter.build import Problem
from linter.findings import Finding, Related, Rule
from linter.loader import Position
from linter.model import Entity, Policy
from linter.signoff import SignOffRecord


@dataclass(slots=True)
class Context:
    policy: Policy
    as_of: dt.date
    problems: list[Problem] = field(default_factory=list)
    #: the sign-off record of the run (None: there is no sign-off file)
    signoff: SignOffRecord | None = None
    #: ``signoff-period-months`` from the configuration, if set
    signoff_months: int | None = None
    #: what rules compute once per run and share (an index, every prose passage)
    memo: dict[str, Any] = field(default_factory=dict)

    def finding(
        self,
        rule: Rule,
        entity: Entity,
        field: str,
        message: str,
        *,
        detail: str = "",
        position: Position | None = None,
        citation: str | None = None,
        affects: Iterable[Entity] = (),
    ) -> Finding:
        """A finding of ``rule`` about ``entity.field``, placed at that field.

        It cites ``citation`` when given, else the rule's citation as it stood
        on the evaluation date (:meth:`Rule.citation_on`). ``affects`` lists the
        other entities the same cause touches, so that one cause is one finding
        however many entities it reaches.
        """
        where = position or entity.at(field)
        return Finding(
            rule=rule.id,
            severity=rule.severity,
            message=message,
            file=where.file,
            line=where.line,
            column=where.column,
            entity=entity.ref,
            field=field,
            citation=citation or rule.citation_on(self.as_of),
            remediation=rule.remediation,
            detail=detail,
            related=tuple(
                Related(other.ref, other.position.file, other.position.line, other.position.column) for other in affects
            ),
        )

    def from_problem(self, rule: Rule, problem: Problem) -> Finding:
        return Finding(
            rule=rule.id,
            severity=rule.severity,
            message=problem.message,
            file=problem.position.file,
            line=problem.position.line,
            column=problem.position.column,
            entity=problem.entity,
            field=problem.field,
            citation=rule.citation_on(self.as_of),
            remediation=rule.remediation,
            detail=problem.detail,
        )

    def problems_of(self, rule: Rule) -> Iterator[Finding]:
        """The build problems recorded under ``rule``'s id, as findings."""
        return (self.from_problem(rule, problem) for problem in self.problems if problem.rule == rule.id)
