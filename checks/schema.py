"""Schema rules: the shape of the policy files (run by the engine itself).

The loader and the Cerberus schemas in ``linter/schema.py`` find these
problems while the model is built; these rules report them.
"""

from __future__ import annotations

from collections.abc import Iterator

from linter.build import SCHEMA_RULE, UNKNOWN_KEY_RULE
from linter.context import Context
from linter.findings import Finding, Rule, Severity


def _invalid_value(ctx: Context) -> Iterator[Finding]:
    return ctx.problems_of(INVALID_VALUE)


def _unknown_key(ctx: Context) -> Iterator[Finding]:
    return ctx.problems_of(UNKNOWN_KEY)


INVALID_VALUE = Rule(
    id=SCHEMA_RULE,
    title="Value has the wrong type or format, or a required key is missing",
    severity=Severity.ERROR,
    area="schema",
    rationale=(
        "A policy file that does not follow the schema cannot be checked reliably: "
        "the field is ignored by every other rule, so a real gap could go unreported."
    ),
    citation="policy-lint policy format (docs/policy-format.md)",
    remediation="Correct the value at the reported line to the type or format the message names.",
    check=_invalid_value,
    failing="processors:\n  - id: mosaic\n    name: Mosaic\n    location: United States\n",
    passing="processors:\n  - id: mosaic\n    name: Mosaic\n    location: US\n",
)

UNKNOWN_KEY = Rule(
    id=UNKNOWN_KEY_RULE,
    title="Unknown key (probably a misspelling)",
    severity=Severity.ERROR,
    area="schema",
    rationale=(
        "A misspelt key (`lawfull_bases`) silently drops what it holds: the policy "
        "looks complete to its author but the linter and the report never see the data."
    ),
    citation="policy-lint policy format (docs/policy-format.md)",
    remediation="Rename the key to the suggested one, or remove it.",
    check=_unknown_key,
    failing="purposes:\n  - id: safeguard-children\n    name: safeguard children\n    lawfull_bases: []\n",
    passing="purposes:\n  - id: safeguard-children\n    name: safeguard children\n    lawful_bases: []\n",
)

RULES = (INVALID_VALUE, UNKNOWN_KEY)
