"""Sign-off rules: a sign-off that is out of date, an entry that cannot be used.

The engine reads the sign-off file (see :mod:`linter.signoff`) and hands its
record to the rules through the context. The period after which a sign-off
is out of date is, in order: ``signoff-period-months`` in
``[tool.policy-lint]``, the notice's own ``review_cycle_months``, and the
default of ``checks/knowledge/governance.yaml``.
Their examples span two files: the policy and its ``policy-signoff.yaml``.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from checks import facts
from checks.currency import add_months
from linter.build import Problem
from linter.context import Context
from linter.findings import Finding, Rule, Severity
from linter.signoff import ENTITY, INVALID_RULE, OVERDUE_RULE

AREA = "sign-off"
_K: dict[str, Any] = facts.load("governance")["signoff_review"]


def period_months(ctx: Context) -> tuple[int, str]:
    """The sign-off period in months, and where it comes from."""
    if ctx.signoff_months:
        return ctx.signoff_months, "signoff-period-months in [tool.policy-lint]"
    notice = ctx.policy.notice
    if notice is not None and notice.review_cycle_months:
        return notice.review_cycle_months, "the notice's review_cycle_months"
    return int(_K["default_months"]), "the default period"


def _out_of_date(ctx: Context) -> Iterator[Finding]:
    latest = ctx.signoff.latest if ctx.signoff is not None else None
    if latest is None:
        return
    months, source = period_months(ctx)
    due = add_months(latest.date, months)
    if ctx.as_of > due:
        message = (
            f"the policy was last signed off on {latest.date.isoformat()} by {latest.signed_by}; with a "
            f"{months}-month period ({source}) a new sign-off was due by {due.isoformat()}, "
            f"{(ctx.as_of - due).days} days before {ctx.as_of.isoformat()}"
        )
        yield ctx.from_problem(OUT_OF_DATE, Problem(OVERDUE_RULE, latest.date_position, ENTITY, "date", message))


def _invalid(ctx: Context) -> Iterator[Finding]:
    return ctx.problems_of(INVALID)


_POLICY = "# file: policy.yaml\nnotice:\n  id: notice\n  name: Privacy notice\n  review_cycle_months: 12\n"


def _signoff(date: str, extra: str = "") -> str:
    return (
        "# file: policy-signoff.yaml\n"
        "signoffs:\n"
        "  - signed_by: Jane Smith, Data Protection Officer\n"
        f"    date: {date}\n"
        "    revision: 4f3c2a1\n"
        f"{extra}"
    )


OUT_OF_DATE = Rule(
    id=OVERDUE_RULE,
    title="Sign-off is out of date",
    severity=Severity.WARNING,
    area=AREA,
    rationale=(
        "A controller must review its measures and keep being able to show that its processing "
        "complies; a DPO's sign-off of the policy is that evidence. A sign-off older than the "
        "review period no longer covers a policy that has kept changing, and nobody has looked "
        "at the findings that arrived since."
    ),
    citation=facts.cite(_K),
    remediation=(
        "Review the report ('policy-lint report', whose first section shows what changed since "
        "the last sign-off) and add a new entry to the sign-off file."
    ),
    check=_out_of_date,
    failing=_POLICY + _signoff("2025-06-30"),
    passing=_POLICY + _signoff("2026-09-01"),
    time_dependent=True,
)

INVALID = Rule(
    id=INVALID_RULE,
    title="Sign-off entry is invalid",
    severity=Severity.WARNING,
    area=AREA,
    rationale=(
        "A sign-off must say who signed and when, and may say which revision and which findings "
        "were accepted. An entry that cannot be read counts for nothing: the report cannot show "
        "it and the out-of-date check cannot use it."
    ),
    citation="policy-lint sign-off files (README, 'Sign-off')",
    remediation=(
        "Correct the entry: signed_by (text) and date (YYYY-MM-DD) are required; revision is a git "
        "revision in quotes, decision one of approved, approved-with-actions, rejected, and accepted "
        "a list of finding fingerprints."
    ),
    check=_invalid,
    failing=_POLICY + _signoff("2026-09-01", "    decision: signed\n"),
    passing=_POLICY + _signoff("2026-09-01", "    decision: approved\n"),
)

RULES = (OUT_OF_DATE, INVALID)
