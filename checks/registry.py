"""The one explicit registry of rules. Add a module's RULES here to enable it.

Nothing registers itself by being imported: this list is the catalogue.
"""

from __future__ import annotations

from checks import (
    access_fee,
    addresses,
    basis_consistency,
    completeness,
    consent,
    controller,
    cookies,
    currency,
    decisions,
    lawful_basis,
    legislation,
    notice,
    notice_changes,
    processors,
    references,
    regime,
    retention,
    retention_gaps,
    rights,
    schema,
    signoff,
    special_category,
    statutory_requirement,
    transfer_grounds,
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
    transfer_grounds.RULES,
    lawful_basis.RULES,
    special_category.RULES,
    basis_consistency.RULES,
    notice.RULES,
    notice_changes.RULES,
    addresses.RULES,
    statutory_requirement.RULES,
    controller.RULES,
    decisions.RULES,
    processors.RULES,
    retention.RULES,
    retention_gaps.RULES,
    currency.RULES,
    rights.RULES,
    access_fee.RULES,
    consent.RULES,
    cookies.RULES,
    regime.RULES,
    legislation.RULES,
    completeness.RULES,
)
