"""Waiver rules: waivers that have expired, actions that are overdue or marked
done too early, entries that match nothing or cannot be read.

The engine applies the waiver file (see :mod:`linter.waivers`) after every
other rule has run and records what is wrong with it; these rules report it.
Their examples span two files: the policy and its ``policy-waivers.yaml``,
each introduced by a ``# file: NAME`` line (see :class:`linter.findings.Rule`).
"""

from __future__ import annotations

from collections.abc import Iterator

from linter.context import Context
from linter.findings import Finding, Rule, Severity
from linter.waivers import EXPIRED_RULE, INVALID_RULE, NOT_DONE_RULE, OVERDUE_RULE, STALE_RULE


def _expired(ctx: Context) -> Iterator[Finding]:
    return ctx.problems_of(EXPIRED)


def _stale(ctx: Context) -> Iterator[Finding]:
    return ctx.problems_of(STALE)


def _invalid(ctx: Context) -> Iterator[Finding]:
    return ctx.problems_of(INVALID)


def _overdue(ctx: Context) -> Iterator[Finding]:
    return ctx.problems_of(OVERDUE)


def _not_done(ctx: Context) -> Iterator[Finding]:
    return ctx.problems_of(NOT_DONE)


_CITATION = "policy-lint waiver files (README, 'Waivers')"

_DANGLING_POLICY = (
    "# file: policy.yaml\n"
    "purposes:\n  - id: deliver-service\n    name: deliver your service\n    lawful_bases: [public-task]\n"
)
_FIXED_POLICY = _DANGLING_POLICY + "lawful_bases:\n  - id: public-task\n    name: public task\n    article: 6(1)(e)\n"


def _waiver(expires: str, owner: str = "    owner: Data Protection Officer\n") -> str:
    return (
        "# file: policy-waivers.yaml\n"
        "waivers:\n"
        "  - rule: REF001\n"
        "    entity: purpose:deliver-service\n"
        "    field: lawful_bases\n"
        "    reason: The lawful basis is being agreed with Legal Services.\n"
        f"{owner}"
        f"    expires: {expires}\n"
    )


def _action(due: str, status: str = "open") -> str:
    return (
        "# file: policy-waivers.yaml\n"
        "actions:\n"
        "  - rule: REF001\n"
        "    entity: purpose:deliver-service\n"
        "    field: lawful_bases\n"
        "    owner: Information Governance team\n"
        f"    due: {due}\n"
        f"    status: {status}\n"
        "    note: Legal Services are agreeing the basis.\n"
    )


EXPIRED = Rule(
    id=EXPIRED_RULE,
    title="Waiver has expired",
    severity=Severity.WARNING,
    area="waivers",
    rationale=(
        "A waiver records that a named owner accepted a known gap for a stated reason until a "
        "date. Once that date passes nobody has accepted the gap any more: the finding counts "
        "again, and the waiver is reported so that it is renewed deliberately or removed."
    ),
    citation=_CITATION,
    remediation="Fix what the waived finding reports and delete the waiver, or agree a new expiry date with its owner.",
    check=_expired,
    failing=_DANGLING_POLICY + _waiver("2025-01-31"),
    passing=_DANGLING_POLICY + _waiver("2099-01-31"),
    time_dependent=True,
)

STALE = Rule(
    id=STALE_RULE,
    title="Waiver or open action matches no finding",
    severity=Severity.WARNING,
    area="waivers",
    rationale=(
        "A waiver that matches nothing either outlived the problem it accepted or names the "
        "rule, entity or field wrongly. Left in place it would silently accept the problem "
        "if it came back, without anyone deciding so again. An action that is not done and "
        "matches nothing was either fixed without being closed or names its finding wrongly."
    ),
    citation=_CITATION,
    remediation=(
        "Delete the waiver (or mark the action done), or correct its rule, entity and field to "
        "the finding's (see 'policy-lint check --format json')."
    ),
    check=_stale,
    failing=_FIXED_POLICY + _waiver("2099-01-31"),
    passing=_DANGLING_POLICY + _waiver("2099-01-31"),
)

INVALID = Rule(
    id=INVALID_RULE,
    title="Waiver or action entry is invalid",
    severity=Severity.ERROR,
    area="waivers",
    rationale=(
        "Every waiver must say which finding it accepts (rule, entity, field), why, who owns "
        "the decision and until when; every action which finding it fixes, who owns it and by "
        "when. An entry that lacks any of these does nothing: the finding it meant to waive "
        "still counts, and nobody is shown as fixing it."
    ),
    citation=_CITATION,
    remediation=(
        "Complete the entry: a waiver needs rule, entity, field, reason, owner and expires (YYYY-MM-DD); "
        "an action needs rule, entity, field, owner and due (YYYY-MM-DD), and a status of open, "
        "in-progress or done."
    ),
    check=_invalid,
    failing=_DANGLING_POLICY + _waiver("2099-01-31", owner=""),
    passing=_DANGLING_POLICY + _waiver("2099-01-31"),
)

OVERDUE = Rule(
    id=OVERDUE_RULE,
    title="Action is overdue",
    severity=Severity.WARNING,
    area="waivers",
    rationale=(
        "An action records who is fixing a finding and by when. Once its due date passes with "
        "the finding still reported and the action not done, the fix has slipped: the owner "
        "and the DPO need to know, as they would for an expired waiver."
    ),
    citation=_CITATION,
    remediation="Fix the finding, or agree a new due date with the action's owner and record it.",
    check=_overdue,
    failing=_DANGLING_POLICY + _action("2025-01-31"),
    passing=_DANGLING_POLICY + _action("2099-01-31"),
    time_dependent=True,
)

NOT_DONE = Rule(
    id=NOT_DONE_RULE,
    title="Action is marked done but its finding remains",
    severity=Severity.WARNING,
    area="waivers",
    rationale=(
        "An action marked done says the finding was fixed. If the finding is still reported, "
        "either the fix did not reach the policy files or it did not fix what the rule checks."
    ),
    citation=_CITATION,
    remediation="Finish the fix in the policy files, or set the action's status back to in-progress.",
    check=_not_done,
    failing=_DANGLING_POLICY + _action("2099-01-31", "done"),
    passing=_FIXED_POLICY + _action("2099-01-31", "done"),
)

RULES = (EXPIRED, STALE, INVALID, OVERDUE, NOT_DONE)
