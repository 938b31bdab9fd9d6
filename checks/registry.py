"""The one explicit registry of rules. Add a module's RULES here to enable it.

Nothing registers itself by being imported: this list is the catalogue.
"""

from __future__ import annotations

from checks import (
    consent,
    cookies,
    currency,
    lawful_basis,
    legislation,
    notice,
    processors,
    references,
    regime,
    retention,
    rights,
    schema,
    signoff,
    transfers,
    waivers,
)
from linter.findings import Rule


def _index(*families: tuple[Rule, ...]) -> dict[str, Rule]:
    rules: dict[str, Rule] = {}
    for family in families:
        for rule in family:
            if rule.id in rules:
                raise ValueError(f"rule id {rule.id} is registered twice")
            rules[rule.id] = rule
    return rules


RULES: dict[str, Rule] = _index(
    schema.RULES,
    references.RULES,
    waivers.RULES,
    signoff.RULES,
    transfers.RULES,
    lawful_basis.RULES,
    notice.RULES,
    processors.RULES,
    retention.RULES,
    currency.RULES,
    rights.RULES,
    consent.RULES,
    cookies.RULES,
    regime.RULES,
    legislation.RULES,
)
