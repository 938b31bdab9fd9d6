"""Retention statement rules (RET013-RET019): how notices state retention."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

import pytest

from linter.findings import Finding

AssertFindings = Callable[..., None]
Lint = Callable[..., list[Finding]]
D = dt.date


def rule(*lines: str, rule_id: str = "records") -> str:
    """One retention rule; its first extra line is line 4."""
    body = "".join(f"    {line}\n" for line in lines)
    return f"retention_rules:\n  - id: {rule_id}\n    name: {rule_id}\n{body}"


# --- RET013 ------------------------------------------------------------------------------------


@pytest.mark.parametrize("criteria", ["", "criteria: for historical purposes"])
def test_indefinite_retention_without_a_statute_is_a_warning_whatever_the_reason(lint: Lint, criteria: str) -> None:
    lines = ["record_class: academic records", "period: indefinite", *([criteria] if criteria else [])]
    (finding,) = lint(rule(*lines), "RET013")
    assert finding.severity.value == "warning" and finding.line == 5


@pytest.mark.parametrize(
    "extra",
    [
        ["record_class: published research reports", "disposal: anonymise"],
        ["record_class: anonymised information in published papers"],
        ["record_class: adoption case records", "statutory_basis: adoption-case-records"],
    ],
)
def test_anonymised_or_statutory_permanent_keeping_is_not_reported(assert_findings: AssertFindings, extra) -> None:
    assert_findings(rule("period: indefinite", *extra), "RET013", [])


def test_indefinite_retention_cites_the_research_safeguards_as_they_stood(lint: Lint) -> None:
    policy = rule("record_class: research data", "period: indefinite")
    (before,) = lint(policy, "RET013", D(2026, 2, 4))
    (after,) = lint(policy, "RET013", D(2026, 2, 5))
    assert "Art 89(1)" in before.citation and "Article 84B" in after.citation


# --- RET014 / RET015 ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    "criteria",
    [
        "as long as necessary to fulfil the purposes we collected it for",
        "for as long as we need it",
        "no longer than reasonably necessary",
        "once your details are no longer required",
    ],
)
def test_criteria_that_restate_the_law_are_a_warning(lint: Lint, criteria: str) -> None:
    (finding,) = lint(rule("record_class: your data", f"criteria: {criteria}"), "RET014")
    assert finding.field == "criteria"


@pytest.mark.parametrize(
    "lines",
    [
        ["criteria: until two years after your account is closed"],
        ["criteria: as long as necessary", "period: 6 years", "starts: last-contact"],
        ["criteria: as long as necessary", "schedule_reference: https://example.gov.uk/schedule"],
    ],
)
def test_real_criteria_a_period_or_a_schedule_are_not_restated_law(assert_findings: AssertFindings, lines) -> None:
    assert_findings(rule("record_class: your data", *lines), "RET014", [])


@pytest.mark.parametrize(
    "reference", ["our corporate data retention schedule", "Hampshire County Council HR retention schedules"]
)
def test_a_schedule_nobody_can_find_is_a_warning(lint: Lint, reference: str) -> None:
    (finding,) = lint(rule("record_class: personnel files", f"schedule_reference: {reference}"), "RET015")
    assert "no address or published title" in finding.message


@pytest.mark.parametrize(
    "reference",
    [
        "https://transform.england.nhs.uk/records-management-code",
        "the NHS Records Management Code of Practice",
        "the IRMS Information Management Toolkit for Schools",
    ],
)
def test_a_published_schedule_is_enough(assert_findings: AssertFindings, reference: str) -> None:
    assert_findings(rule("record_class: records", f"schedule_reference: {reference}"), "RET015", [])


def test_a_schedule_beside_real_criteria_or_a_period_is_not_reported(assert_findings: AssertFindings) -> None:
    assert_findings(rule("record_class: r", "schedule_reference: our schedule", "period: 6 years"), "RET015", [])
    assert_findings(
        rule("record_class: r", "schedule_reference: our schedule", "criteria: two years after you leave"),
        "RET015",
        [],
    )


# --- RET016 ------------------------------------------------------------------------------------


def test_an_alternative_without_whichever_is_a_warning(assert_findings: AssertFindings) -> None:
    lines = ["record_class: medical information", "period: 25 years", "starts: date-of-birth"]
    assert_findings(rule(*lines, "alternative: {until: 8 years after leaving}"), "RET016", [("RET016", 7)])
    assert_findings(rule(*lines, "alternative: {until: 8 years after leaving, whichever: longer}"), "RET016", [])


# --- RET017 ------------------------------------------------------------------------------------

DATA = "data_categories:\n  - {id: grades, name: grades}\n  - {id: photos, name: photographs}\n"


def test_data_no_rule_names_is_one_warning_per_service(lint: Lint) -> None:
    policy = DATA + "services:\n  - {id: school, name: school, data_categories: [grades, photos]}\n"
    policy += rule(
        "record_class: academic records", "period: 6 years", "data_categories: [grades]", "applies_to: [school]"
    )
    (finding,) = lint(policy, "RET017")
    assert finding.entity == "service:school" and "'photographs'" in finding.message
    assert [r.entity for r in finding.related] == ["data_category:photos"]


def test_rules_that_do_not_go_by_data_are_not_compared(assert_findings: AssertFindings) -> None:
    policy = DATA + "services:\n  - {id: school, name: school, data_categories: [grades, photos]}\n"
    policy += rule("record_class: school records", "period: 6 years", "applies_to: [school]")
    assert_findings(policy, "RET017", [])


# --- RET018 ------------------------------------------------------------------------------------

VOLUNTEERS = "data_subjects:\n  - {id: volunteers, name: volunteers}\n  - {id: staff, name: staff}\n"


def test_two_statements_about_the_same_people_are_a_warning(lint: Lint) -> None:
    policy = VOLUNTEERS + (
        "retention_rules:\n"
        "  - {id: a, name: on leaving, record_class: volunteer details, criteria: stop using when you leave,"
        " data_subjects: [volunteers]}\n"
        "  - {id: b, name: archive, record_class: volunteer records, period: 75 years, starts: date-of-birth,"
        " data_subjects: [volunteers]}\n"
    )
    (finding,) = lint(policy, "RET018")
    assert finding.entity == "retention_rule:b" and [r.entity for r in finding.related] == ["retention_rule:a"]


def test_rules_for_other_people_or_other_data_are_not_compared(assert_findings: AssertFindings) -> None:
    policy = VOLUNTEERS + (
        "data_categories:\n  - {id: dbs, name: DBS checks}\n"
        "retention_rules:\n"
        "  - {id: a, name: on leaving, record_class: volunteer details, criteria: stop using when you leave,"
        " data_subjects: [volunteers]}\n"
        "  - {id: b, name: staff files, record_class: staff files, period: 6 years, data_subjects: [staff]}\n"
        "  - {id: c, name: checks, record_class: DBS checks, period: 6 months, data_subjects: [volunteers],"
        " data_categories: [dbs]}\n"
    )
    assert_findings(policy, "RET018", [])


@pytest.mark.parametrize(
    ("first", "second"),
    [
        ("online job applications", "interview notes and supporting recruitment information"),
        ("volunteer application forms", "volunteer expenses claims"),
        ("CCTV footage", "visitor sign-in book"),
    ],
)
def test_rules_naming_different_records_of_the_same_people_are_not_compared(
    assert_findings: AssertFindings, first: str, second: str
) -> None:
    policy = VOLUNTEERS + (
        "retention_rules:\n"
        f"  - {{id: a, name: a, record_class: {first}, period: 3 years, data_subjects: [volunteers]}}\n"
        f"  - {{id: b, name: b, record_class: {second}, period: 6 months, data_subjects: [volunteers]}}\n"
    )
    assert_findings(policy, "RET018", [])


@pytest.mark.parametrize(
    ("first", "second"),
    [
        ("volunteer details", "volunteer records"),
        ("personal data", "all the information we hold"),
        ("your application", "applications"),
    ],
)
def test_rules_naming_the_same_records_or_none_in_particular_are_compared(lint: Lint, first: str, second: str) -> None:
    policy = VOLUNTEERS + (
        "retention_rules:\n"
        f"  - {{id: a, name: a, record_class: {first}, period: 3 years, data_subjects: [volunteers]}}\n"
        f"  - {{id: b, name: b, record_class: {second}, period: 6 months, data_subjects: [volunteers]}}\n"
    )
    (finding,) = lint(policy, "RET018")
    assert finding.entity == "retention_rule:b"


# --- RET019 ------------------------------------------------------------------------------------


def test_one_long_period_for_all_data_is_a_warning(assert_findings: AssertFindings) -> None:
    assert_findings(rule("record_class: all personal data", "period: 75 years"), "RET019", [("RET019", 5)])
    assert_findings(rule("record_class: all personal data", "period: 6 years"), "RET019", [])


def test_a_period_far_beyond_the_minimum_with_no_reason_is_a_warning(assert_findings: AssertFindings) -> None:
    assert_findings(rule("record_class: fostering service records", "period: 40 years"), "RET019", [("RET019", 5)])
    assert_findings(rule("record_class: fostering service records", "period: 20 years"), "RET019", [])
    reasoned = rule("record_class: fostering service records", "period: 40 years", "criteria: for the inquiry")
    assert_findings(reasoned, "RET019", [])
