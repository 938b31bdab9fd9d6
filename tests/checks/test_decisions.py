"""Automated decision rules (ADM001-ADM006): both sides of 2026-02-05 (Arts 22A-22D)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

import pytest

from checks import decisions, facts
from checks.naming import is_verified
from linter.findings import Finding, Severity

AssertFindings = Callable[..., None]
Lint = Callable[..., list[Finding]]
D = dt.date
BEFORE, AFTER = D(2026, 2, 4), D(2026, 2, 5)


def notice(*lines: str, used: str = "true") -> str:
    """The notice's automated decisions; the mapping's key is on line 4."""
    body = "".join(f"    {line}\n" for line in lines)
    return f"notice:\n  id: n\n  name: N\n  automated_decision_making:\n    used: {used}\n    stated: true\n{body}"


SIGNIFICANT = ("solely_automated: true", "significant_effects: true")
EXPLAINED = ("logic_explained: true", "consequences_explained: true")
ALL = "safeguards: [information, representations, human-intervention, contest]"


# --- ADM001 / ADM002 -------------------------------------------------------------------------------


@pytest.mark.parametrize("as_of", [BEFORE, AFTER])
def test_significant_decisions_with_no_safeguard_are_an_error_on_both_sides(lint: Lint, as_of: D) -> None:
    (finding,) = lint(notice(*SIGNIFICANT, *EXPLAINED), "ADM001", as_of)
    assert finding.severity is Severity.ERROR and finding.line == 4
    assert ("Art 22(3)" in finding.citation) is (as_of == BEFORE)
    assert ("Art 22C" in finding.citation) is (as_of == AFTER)


@pytest.mark.parametrize(
    "lines",
    [
        ("solely_automated: true",),  # effects not said
        ("significant_effects: true",),  # not said to be solely automated
        ("solely_automated: false", "significant_effects: true"),
    ],
)
def test_decisions_not_said_to_be_solely_automated_and_significant_are_not_judged(lint: Lint, lines) -> None:
    assert lint(notice(*lines), ["ADM001", "ADM002", "ADM006"]) == []


def test_decisions_said_not_to_be_made_are_not_judged(lint: Lint) -> None:
    assert lint(notice(*SIGNIFICANT, used="false"), ["ADM001", "ADM002", "ADM006"]) == []


def test_information_is_required_only_from_2026_02_05(lint: Lint) -> None:
    policy = notice(*SIGNIFICANT, *EXPLAINED, "safeguards: [representations, human-intervention, contest]")
    assert lint(policy, "ADM002", BEFORE) == []
    (finding,) = lint(policy, "ADM002", AFTER)
    assert finding.message.endswith("but not: be told about the decisions")


def test_some_safeguards_is_a_warning_naming_those_missing(lint: Lint) -> None:
    (finding,) = lint(notice(*SIGNIFICANT, *EXPLAINED, "safeguards: [information, contest]"), "ADM002", AFTER)
    assert finding.severity is Severity.WARNING
    assert "make representations about them and obtain human intervention" in finding.message
    assert lint(notice(*SIGNIFICANT, *EXPLAINED, "safeguards: [information]"), "ADM001", AFTER) == []


def test_a_service_mapping_is_judged_at_the_service(lint: Lint) -> None:
    policy = (
        "services:\n  - id: eligibility\n    name: eligibility scoring\n    automated_decision_making:\n"
        "      used: true\n      stated: true\n      solely_automated: true\n      significant_effects: true\n"
    )
    (finding,) = lint(policy, "ADM001")
    assert finding.entity == "service:eligibility" and "service 'eligibility'" in finding.message


# --- ADM003: Art 22B(4) ----------------------------------------------------------------------------


def test_recognised_legitimate_interests_is_forbidden_from_2026_02_05(lint: Lint) -> None:
    policy = notice(*SIGNIFICANT, *EXPLAINED, ALL, 'articles: ["6(1)(ea)"]')
    assert lint(policy, "ADM003", BEFORE) == []
    (finding,) = lint(policy, "ADM003", AFTER)
    assert finding.severity is Severity.ERROR and "22B(4)" in finding.citation


def test_the_service_bases_count_when_the_decision_gives_none(lint: Lint) -> None:
    policy = (
        "services:\n  - id: scoring\n    name: scoring\n    lawful_bases: [recognised]\n"
        "    automated_decision_making: {used: true, stated: true, solely_automated: true, significant_effects: true,"
        " safeguards: [information, representations, human-intervention, contest]}\n"
        "lawful_bases:\n  - {id: recognised, name: recognised legitimate interests, article: '6(1)(ea)'}\n"
    )
    assert [f.entity for f in lint(policy, "ADM003", AFTER)] == ["service:scoring"]


# --- ADM004: Art 22B(1)-(3) ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("articles", "reported"), [('["9(2)(h)"]', True), ('["9(2)(a)"]', False), ('["9(2)(g)"]', False)]
)
def test_special_category_decisions_need_explicit_consent_or_9_2_g(lint: Lint, articles: str, reported: bool) -> None:
    policy = notice(*SIGNIFICANT, *EXPLAINED, ALL, "special_category: true", f"articles: {articles}")
    assert bool(lint(policy, "ADM004", AFTER)) is reported
    assert lint(policy, "ADM004", BEFORE) == []  # Art 22(4) was not re-read: nothing before 2026-02-05


def test_special_category_decisions_with_no_basis_given_are_not_judged(lint: Lint) -> None:
    assert lint(notice(*SIGNIFICANT, *EXPLAINED, ALL, "special_category: true"), "ADM004", AFTER) == []


# --- ADM005 / ADM006 -------------------------------------------------------------------------------


def test_speaking_of_automated_decisions_without_saying_whether_any_are_made(lint: Lint) -> None:
    policy = "notice:\n  id: n\n  name: N\n  automated_decision_making:\n    stated: true\n    safeguards: [contest]\n"
    (finding,) = lint(policy, "ADM005")
    assert finding.severity is Severity.WARNING
    assert lint(policy.replace("    stated: true\n", "    stated: true\n    used: false\n"), "ADM005") == []


def test_decisions_described_without_logic_or_consequences(lint: Lint) -> None:
    (finding,) = lint(notice(*SIGNIFICANT, ALL, "logic_explained: true"), "ADM006")
    assert finding.message.endswith("does not explain their consequences")
    assert lint(notice(*SIGNIFICANT, ALL, *EXPLAINED), "ADM006") == []


def test_the_rows_the_errors_rest_on_are_verified() -> None:
    rows = facts.load("notice-requirements")["automated_decisions"]
    for key in ("safeguards", "special_category", "recognised_legitimate_interests", "transparency"):
        assert is_verified(rows[key]), key
    assert decisions._required(BEFORE) == ["human-intervention", "representations", "contest"]
    assert decisions._required(AFTER) == ["information", "representations", "human-intervention", "contest"]
