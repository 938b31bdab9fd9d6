"""Every rule of the registry keeps the catalogue's contract."""

from __future__ import annotations

import dataclasses
import re

import pytest

from checks import registry
from checks.registry import RULES
from linter.findings import Rule, Severity

RULE_ID = re.compile(r"^[A-Z]{3}\d{3}$")


@pytest.mark.parametrize("rule", list(RULES.values()), ids=list(RULES))
def test_rule_is_documented(rule: Rule) -> None:
    assert RULE_ID.match(rule.id), rule.id
    assert isinstance(rule.severity, Severity)
    for text in (rule.title, rule.area, rule.rationale, rule.citation, rule.remediation):
        assert text.strip()
    assert rule.failing.strip() and rule.passing.strip(), "each rule needs a failing and a passing example"


@pytest.mark.parametrize("rule", list(RULES.values()), ids=list(RULES))
def test_failing_example_fires(rule: Rule, lint) -> None:  # type: ignore[no-untyped-def]
    findings = lint(rule.failing, rule.id)
    assert findings, f"{rule.id}: its failing example reports nothing"
    assert {f.rule for f in findings} == {rule.id}
    assert all(f.severity == rule.severity for f in findings)


@pytest.mark.parametrize("rule", list(RULES.values()), ids=list(RULES))
def test_passing_example_is_clean(rule: Rule, lint) -> None:  # type: ignore[no-untyped-def]
    assert lint(rule.passing, rule.id) == []


def test_registering_one_id_twice_is_refused() -> None:
    rule = RULES["TRF001"]
    twin = dataclasses.replace(rule, title="another rule with the same id")
    with pytest.raises(ValueError, match="TRF001 is registered twice"):
        registry._index((rule,), (twin,))
    with pytest.raises(ValueError, match="TRF001"):
        registry._index((rule, rule))


def test_registry_holds_every_rule_of_every_family() -> None:
    modules = [
        registry.schema,
        registry.references,
        registry.waivers,
        registry.signoff,
        registry.transfers,
        registry.transfer_grounds,
        registry.lawful_basis,
        registry.special_category,
        registry.basis_consistency,
        registry.notice,
        registry.statutory_requirement,
        registry.controller,
        registry.decisions,
        registry.processors,
        registry.retention,
        registry.retention_gaps,
        registry.currency,
        registry.rights,
        registry.consent,
        registry.cookies,
        registry.regime,
        registry.legislation,
        registry.completeness,
    ]
    family_rules = [rule for module in modules for rule in module.RULES]
    assert len(family_rules) == len(RULES)
    assert all(RULES[rule.id] is rule for rule in family_rules)


def test_rule_ids_are_grouped_by_area() -> None:
    areas: dict[str, set[str]] = {}
    for rule in RULES.values():
        areas.setdefault(rule.id[:3], set()).add(rule.area)
    assert all(len(names) == 1 for names in areas.values()), areas
