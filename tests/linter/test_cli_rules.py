"""`policy-lint rules` and `policy-lint explain RULE-ID`."""

from __future__ import annotations

import json

import pytest
from support import cli

from linter import engine


def test_rules_lists_every_rule() -> None:
    code, out, _ = cli("rules")
    assert code == 0
    lines = out.splitlines()
    catalogue = engine.all_rules()
    assert [line.split()[0] for line in lines] == list(catalogue)
    first = catalogue[lines[0].split()[0]]
    assert lines[0].split(None, 3) == [first.id, first.severity.value, first.area, first.title]


def test_rules_as_json() -> None:
    code, out, _ = cli("rules", "--format", "json")
    assert code == 0
    rows = json.loads(out)
    assert [row["id"] for row in rows] == list(engine.all_rules())
    assert set(rows[0]) == {"id", "severity", "area", "title", "citation", "citations", "time_dependent"}
    dated = {row["id"]: row["citations"] for row in rows if row["citations"]}
    assert "NTC005" in dated
    assert [entry["until"] for entry in dated["NTC005"]] == ["2026-06-18", None]
    assert [entry["from"] for entry in dated["NTC005"]] == [None, "2026-06-19"]


def test_explain_prints_the_citation_history_only_for_dated_rules() -> None:
    _, dated, _ = cli("explain", "TRF007")
    assert "Citation history (a finding cites the one in force on --as-of)" in dated
    assert "until 2026-02-04:" in dated and "from 2026-02-05:" in dated
    _, single, _ = cli("explain", "NTC001")
    assert "Citation history" not in single


@pytest.mark.parametrize("rule_id", list(engine.all_rules()))
def test_explain_prints_the_rule_page(rule_id: str) -> None:
    rule = engine.all_rules()[rule_id]
    code, out, _ = cli("explain", rule_id.lower())
    assert code == 0
    headings = ["What it checks", "Why it matters", "Citation", "Failing example", "Passing example", "Fix"]
    positions = [out.index(f"\n{heading}\n") for heading in headings]
    assert positions == sorted(positions)
    assert out.startswith(f"{rule.id} ({rule.severity.value}, {rule.area}")
    flat = " ".join(out.split())
    for text in (rule.title, rule.rationale, rule.citation, rule.remediation):
        assert " ".join(text.split()) in flat
    for example in (rule.failing, rule.passing):
        assert all(f"    {line}" in out for line in example.splitlines() if line.strip())


def test_explain_unknown_rule_suggests_the_nearest() -> None:
    code, out, err = cli("explain", "REF01")
    assert code == 2 and out == ""
    assert err.startswith("policy-lint: error: no rule 'REF01'; did you mean REF001")


def test_explain_nothing_like_any_rule() -> None:
    code, _, err = cli("explain", "hello")
    assert code == 2 and "see 'policy-lint rules'" in err
