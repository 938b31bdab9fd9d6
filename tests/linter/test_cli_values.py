"""`policy-lint values FIELD`: what a field takes, and no message sends a user
to a file inside the installed package."""

from __future__ import annotations

import datetime as dt
import json
import re

import pytest
from support import ROOT, cli

from checks import facts
from checks.registry import RULES
from linter import engine


def test_values_of_a_field_named_by_its_end() -> None:
    code, out, _ = cli("values", "starts")
    assert code == 0
    assert out.startswith("retention_rules.starts: Starting events (policy-lint knowledge retention-minimums)")
    assert re.search(r"^  last-contact +also: last contact", out, re.MULTILINE)
    assert "(docs/reference/retention.md)" in out


def test_values_of_an_enumerated_field_come_from_the_schema_and_the_knowledge() -> None:
    code, out, _ = cli("values", "controller.kind")
    assert code == 0
    assert out.startswith("controller.kind: one of\n  local-authority\n")
    assert "a public authority" in out


def test_values_of_a_formatted_field() -> None:
    out = cli("values", "period")[1]
    assert "'35 years'" in out and "criteria" in out


def test_values_lists_every_field_without_one() -> None:
    code, out, _ = cli("values")
    assert code == 0
    assert "retention_rules.starts" in out and "transfers.mechanism" in out and "cookies.category" in out


def test_values_as_json() -> None:
    rows = json.loads(cli("values", "mechanism", "--format", "json")[1])
    assert rows[0]["fields"] == ["transfers.mechanism"]
    shield = next(value for value in rows[0]["values"] if value["value"] == "eu-us-privacy-shield")
    assert "last day 2020-07-16" in shield["notes"]


def test_an_unknown_field_is_a_usage_error_with_a_suggestion() -> None:
    code, out, err = cli("values", "mechanisms")
    assert (code, out) == (2, "")
    assert "did you mean" in err and "mechanism" in err


# --- no message points inside the installed package -----------------------------------------------

_INSIDE = re.compile(r"checks/knowledge|knowledge/[a-z-]+\.yaml|[a-z-]+\.yaml\b")


@pytest.mark.parametrize("rule", list(RULES.values()), ids=list(RULES))
def test_no_rule_text_names_a_knowledge_file_path(rule) -> None:  # type: ignore[no-untyped-def]
    texts = [rule.title, rule.rationale, rule.remediation, rule.citation, *(c.text for c in rule.citations)]
    allowed = ("policy-waivers.yaml",)  # the user's own file, beside the policy
    for text in texts:
        found = [match for match in _INSIDE.findall(text) if match not in allowed]
        assert found == [], text


_KNOWLEDGE_FILE = re.compile(
    r"checks/knowledge|site-packages|\b(?:" + "|".join(map(re.escape, facts.knowledge_files())) + r")\.yaml"
)


def test_no_finding_names_a_knowledge_file_path() -> None:
    folders = [ROOT / "policy", *sorted((ROOT / "tests" / "corpus").glob("*/policy"))]
    for folder in folders:
        result = engine.run([str(folder)], dt.date(2026, 11, 24))
        for finding in result.findings:
            said = finding.message + finding.remediation + finding.citation
            assert not _KNOWLEDGE_FILE.search(said), finding
