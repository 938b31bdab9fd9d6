"""Every rule of the registry keeps the catalogue's contract."""

from __future__ import annotations

import dataclasses
import datetime as dt
import re
from pathlib import Path

import pytest

from checks import catalogue, registry
from checks.registry import RULES
from linter.build import build
from linter.context import Context
from linter.findings import Rule, Severity
from linter.loader import Document, parse

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
        registry.notice_changes,
        registry.addresses,
        registry.statutory_requirement,
        registry.controller,
        registry.decisions,
        registry.processors,
        registry.retention,
        registry.retention_gaps,
        registry.currency,
        registry.rights,
        registry.access_fee,
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


# --- the index of rule metadata (checks/catalogue.json) -------------------------------


def _metadata(rule: Rule) -> tuple[object, ...]:
    return tuple(getattr(rule, f.name) for f in dataclasses.fields(Rule) if f.name != "check")


def test_the_shipped_index_is_current() -> None:
    on_disk = catalogue.INDEX.read_text(encoding="utf-8")
    assert on_disk == catalogue.generate() + "\n", "run: python -m checks.catalogue"


def test_the_index_gives_every_rule_as_the_registry_does() -> None:
    indexed = catalogue.rules()
    assert list(indexed) == list(RULES)
    assert all(indexed[rule_id] is not RULES[rule_id] for rule_id in RULES), "read from the index"
    assert [_metadata(rule) for rule in indexed.values()] == [_metadata(rule) for rule in RULES.values()]


def test_a_rule_from_the_index_runs_the_registered_check() -> None:
    rule = catalogue.rules()["TRF001"]
    policy, problems = build([Document("x.yaml", parse(RULES["TRF001"].failing, "x.yaml"))])
    context = Context(policy, dt.date(2026, 11, 24), problems)
    assert [f.message for f in rule.check(context)] == [f.message for f in RULES["TRF001"].check(context)] != []


def test_a_missing_or_broken_index_is_not_used(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    index = tmp_path / "catalogue.json"
    monkeypatch.setattr(catalogue, "INDEX", index)
    assert catalogue.rules() is RULES, "missing: the registry"
    for text in ("", "{", "[]", '{"rules": 1}', '{"rules": [{"id": "X"}]}', '{"rules": [{"severity": "bad"}]}'):
        index.write_text(text, encoding="utf-8")
        assert catalogue.rules() is RULES, text
