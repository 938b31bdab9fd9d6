"""Reference rules: ids that are duplicated or point at nothing."""

from __future__ import annotations

from collections.abc import Iterator

from linter.build import DANGLING_RULE, DUPLICATE_RULE
from linter.context import Context
from linter.findings import Finding, Rule, Severity


def _dangling(ctx: Context) -> Iterator[Finding]:
    return ctx.problems_of(DANGLING_REFERENCE)


def _duplicate(ctx: Context) -> Iterator[Finding]:
    return ctx.problems_of(DUPLICATE_ID)


DANGLING_REFERENCE = Rule(
    id=DANGLING_RULE,
    title="Reference to an id that is not defined",
    severity=Severity.ERROR,
    area="references",
    rationale=(
        "A service that names a lawful basis, recipient or retention rule that does not "
        "exist looks covered but is not: every rule that follows the reference sees nothing."
    ),
    citation="policy-lint policy format (docs/policy-format.md)",
    remediation="Define the missing entity, or correct the id to one that exists.",
    check=_dangling,
    failing=(
        "purposes:\n  - id: deliver-service\n    name: deliver your service\n"
        "    lawful_bases: [public-taks]\n"
        "lawful_bases:\n  - id: public-task\n    name: public task\n    article: 6(1)(e)\n"
    ),
    passing=(
        "purposes:\n  - id: deliver-service\n    name: deliver your service\n"
        "    lawful_bases: [public-task]\n"
        "lawful_bases:\n  - id: public-task\n    name: public task\n    article: 6(1)(e)\n"
    ),
)

DUPLICATE_ID = Rule(
    id=DUPLICATE_RULE,
    title="Two entities of one kind share an id",
    severity=Severity.ERROR,
    area="references",
    rationale=(
        "Ids are how entities refer to each other and how findings are fingerprinted; "
        "a second entity with the same id is ignored, so what it says is lost."
    ),
    citation="policy-lint policy format (docs/policy-format.md)",
    remediation="Give the second entity its own id, or merge the two if they are the same.",
    check=_duplicate,
    failing=(
        "sources:\n  - id: police\n    name: police\n  - id: police\n    name: probation Service\n"
    ),
    passing=(
        "sources:\n  - id: police\n    name: police\n  - id: probation\n    name: probation Service\n"
    ),
)

RULES = (DANGLING_REFERENCE, DUPLICATE_ID)
