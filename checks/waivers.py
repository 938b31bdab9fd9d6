"""Waiver rules: waivers that have expired, match nothing or cannot be read.

The engine applies the waiver file (see :mod:`linter.waivers`) after every
other rule has run and records what is wrong with it; these rules report it.
Their examples span two files: the policy and its ``policy-waivers.yaml``,
each introduced by a ``# file: NAME`` line (see :class:`linter.findings.Rule`).
"""

from __future__ import annotations

from collections.abc import Iterator

from linter.context import Context
from linter.findings import Finding, Rule, Severity
from linter.waivers import EXPIRED_RULE, INVALID_RULE, STALE_RULE


def _expired(ctx: Context) -> Iterator[Finding]:
    return ctx.problems_of(EXPIRED)


def _stale(ctx: Context) -> Iterator[Finding]:
    return ctx.problems_of(STALE)


def _invalid(ctx: Context) -> Iterator[Finding]:
    return ctx.problems_of(INVALID)


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
    title="Waiver matches no finding",
    severity=Severity.WARNING,
    area="waivers",
    rationale=(
        "A waiver that matches nothing either outlived the problem it accepted or names the "
        "rule, entity or field wrongly. Left in place it would silently accept the problem "
        "if it came back, without anyone deciding so again."
    ),
    citation=_CITATION,
    remediation=(
        "Delete the waiver, or correct its rule, entity and field to the finding's "
        "(see 'policy-lint check --format json')."
    ),
    check=_stale,
    failing=_FIXED_POLICY + _waiver("2099-01-31"),
    passing=_DANGLING_POLICY + _waiver("2099-01-31"),
)

INVALID = Rule(
    id=INVALID_RULE,
    title="Waiver entry is invalid",
    severity=Severity.ERROR,
    area="waivers",
    rationale=(
        "Every waiver must say which finding it accepts (rule, entity, field), why, who owns "
        "the decision and until when. An entry that lacks any of these accepts nothing: the "
        "finding it meant to waive still counts."
    ),
    citation=_CITATION,
    remediation="Complete the entry: rule, entity, field, reason, owner and expires (YYYY-MM-DD) are all required.",
    check=_invalid,
    failing=_DANGLING_POLICY + _waiver("2099-01-31", owner=""),
    passing=_DANGLING_POLICY + _waiver("2099-01-31"),
)

RULES = (EXPIRED, STALE, INVALID)
