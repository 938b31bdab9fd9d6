"""Reference rules (REF): dangling and duplicate ids, same-name duplicates, unused definitions."""

from __future__ import annotations

import pytest

from checks import facts
from checks.naming import normalise

ALIASES = facts.load("name-aliases")["aliases"]


# --- REF001 / REF002 (engine rules) ------------------------------------------------


def test_dangling_reference_is_reported_at_the_id(assert_findings) -> None:
    snippet = "purposes:\n  - id: deliver\n    name: deliver\n    lawful_bases: [public-taks]\n"
    assert_findings(snippet, "REF001", [("REF001", 4)])


def test_duplicate_id_is_reported_at_the_second_entity(assert_findings) -> None:
    snippet = "sources:\n  - id: police\n    name: police\n  - id: police\n    name: probation\n"
    assert_findings(snippet, "REF002", [("REF002", 4)])


# --- normalisation ---------------------------------------------------------------------


@pytest.mark.parametrize("row", ALIASES, ids=[row["canonical"] for row in ALIASES])
def test_every_form_of_an_alias_normalises_to_its_canonical_token(row) -> None:
    for form in row["forms"]:
        assert normalise(f"the {form} checks") == f"{row['canonical']} checks", form


def test_normalise_ignores_case_punctuation_and_repeated_abbreviation() -> None:
    forms = ALIASES[2]["forms"]  # a body whose abbreviation often follows its name in brackets
    assert normalise(f"{forms[1]} ({forms[-1]}) checks, reference number") == normalise(
        f"{forms[0]} checks reference number"
    )
    assert normalise("Courts") != normalise("courts and secure estate")


# --- REF003 same thing under two names -------------------------------------------------


def test_alias_duplicate_is_reported_on_the_second_entity(assert_findings) -> None:
    forms = ALIASES[0]["forms"]
    snippet = (
        "retention_rules:\n"
        f"  - id: checks-a\n    name: {forms[-1].upper()} checks\n    record_class: a\n"
        f"  - id: checks-b\n    name: {forms[1]} checks\n    record_class: b\n"
    )
    assert_findings(snippet, "REF003", [("REF003", 6)])


def test_duplicates_are_compared_within_one_kind_only(assert_findings) -> None:
    snippet = (
        "sources:\n  - id: education-providers\n    name: education providers\n"
        "recipients:\n  - id: education-providers\n    name: education providers\n    role: independent-controller\n"
    )
    assert_findings(snippet, "REF003", [])


def test_similar_but_different_names_pass(assert_findings) -> None:
    snippet = "recipients:\n  - id: courts\n    name: Courts\n    role: public-body\n" + (
        "  - id: courts-and-secure-estate\n    name: courts and secure estate\n    role: public-body\n"
    )
    assert_findings(snippet, "REF003", [])


def test_each_later_duplicate_points_at_the_first(lint) -> None:
    snippet = "sources:\n" + "".join(f"  - id: police-{n}\n    name: The Police\n" for n in range(3))
    findings = lint(snippet, "REF003")
    assert [finding.line for finding in findings] == [5, 7]
    assert all("policy.yaml:2:" in finding.message for finding in findings), "each names the first entity's position"


# --- REF004 unused definitions ------------------------------------------------------------


def test_unused_definition_is_info_at_its_id(assert_findings, lint) -> None:
    snippet = "data_categories:\n  - id: date-of-birth\n    name: date of birth\n"
    assert_findings(snippet, "REF004", [("REF004", 2)])
    assert lint(snippet, "REF004")[0].severity.value == "info"


@pytest.mark.parametrize(
    "snippet",
    [
        "data_categories:\n  - id: dob\n    name: dob\nservices:\n  - id: s\n    name: s\n    data_categories: [dob]\n",
        "sources:\n  - id: police\n    name: police\n"
        "notice:\n  id: n\n  name: n\n  notice_wide:\n    sources: [police]\n",
        "lawful_bases:\n  - id: task\n    name: task\n    article: 6(1)(e)\n"
        "purposes:\n  - id: p\n    name: p\n    lawful_bases: [task]\n"
        "services:\n  - id: s\n    name: s\n    purposes: [p]\n",
        "processors:\n  - id: redfern\n    name: Redfern\ntransfers:\n  - id: t\n    name: t\n    importer: redfern\n"
        "    destination: US\n    mechanism: idta\n",
        "services:\n  - id: s\n    name: s\nretention_rules:\n  - id: r\n    name: r\n    record_class: r\n"
        "    applies_to: [s]\n",
    ],
    ids=["service", "notice-wide", "purpose", "transfer", "applies-to"],
)
def test_definitions_referred_to_from_anywhere_pass(snippet, assert_findings) -> None:
    assert_findings(snippet, "REF004", [])


def test_unused_entities_of_every_defined_kind_are_reported(lint) -> None:
    snippet = (
        "data_subjects:\n  - id: a\n    name: a\n"
        "purposes:\n  - id: b\n    name: b\n"
        "recipients:\n  - id: c\n    name: c\n    role: public-body\n"
        "processors:\n  - id: d\n    name: d\n"
        "retention_rules:\n  - id: e\n    name: e\n    record_class: e\n"
        "lawful_bases:\n  - id: f\n    name: f\n    article: 6(1)(e)\n"
    )
    assert {finding.entity for finding in lint(snippet, "REF004")} == {
        "data_subject:a",
        "purpose:b",
        "recipient:c",
        "processor:d",
        "retention_rule:e",
        "lawful_basis:f",
    }


# --- REF003 on lawful bases: judged on meaning, not names (issue 10) ------------------------------


def test_consent_and_explicit_consent_are_not_duplicates(lint) -> None:  # type: ignore[no-untyped-def]
    policy = (
        "lawful_bases:\n"
        '  - {id: consent, name: consent, article: "6(1)(a)"}\n'
        '  - {id: explicit-consent, name: consent, article: "9(2)(a)"}\n'
    )
    assert lint(policy, "REF003") == []


def test_two_names_for_one_ground_under_one_act_are_duplicates(lint) -> None:  # type: ignore[no-untyped-def]
    policy = (
        "lawful_bases:\n"
        '  - {id: public-task, name: public task, article: "6(1)(e)", legislation: [Children Act 1989]}\n'
        '  - {id: official-authority, name: official authority, article: "Art 6(1)(e)",'
        " legislation: [Children Act 1989]}\n"
        '  - {id: education, name: public task, article: "6(1)(e)", legislation: [Education Act 1996]}\n'
    )
    (finding,) = lint(policy, "REF003")
    assert finding.entity == "lawful_basis:official-authority"
    assert "the same article and legislation" in finding.message


def test_one_ground_met_two_ways_is_not_a_duplicate(lint) -> None:  # type: ignore[no-untyped-def]
    policy = (
        "lawful_bases:\n"
        '  - {id: consent, name: where you have consented, article: "6(1)(a)", consent_by: opt-in}\n'
        '  - {id: facebook-consent, name: consent by visiting our page, article: "6(1)(a)", consent_by: by-use}\n'
    )
    assert lint(policy, "REF003") == []
