"""Special category and criminal offence data (LAW004, LAW008 errors; LAW016, LAW017 warnings)."""

from __future__ import annotations

from collections.abc import Callable
from textwrap import dedent

import pytest

from linter.findings import Finding, Severity

AssertFindings = Callable[..., None]
Lint = Callable[..., list[Finding]]

BASES = dedent("""\
    lawful_bases:
      - {id: public-task, name: public task, article: "6(1)(e)"}
      - {id: explicit-consent, name: explicit consent, article: "9(2)(a)"}
      - {id: spi, name: substantial public interest, article: "9(2)(g)"}
      - {id: criminal-data, name: criminal data, article: "10"}
    """)

HEALTH = "data_categories:\n  - {id: health, name: health, special_category: true}\n"
OFFENCES = "data_categories:\n  - {id: offences, name: offences, criminal_offence: true}\n"


def services(*lines: str) -> str:
    return "services:\n" + "".join(f"  - {line}\n" for line in lines)


# --- LAW004 / LAW016: special category data ------------------------------------------------------


def test_no_condition_anywhere_is_an_error(lint: Lint) -> None:
    policy = HEALTH + services("{id: care, name: care, data_categories: [health], lawful_bases: [public-task]}")
    policy += "lawful_bases:\n  - {id: public-task, name: public task, article: '6(1)(e)'}\n"
    (finding,) = lint(policy, "LAW004")
    assert finding.severity is Severity.ERROR
    assert lint(policy, "LAW016") == []


def test_a_condition_given_only_for_one_purpose_is_a_warning_naming_the_rest(lint: Lint) -> None:
    policy = (
        HEALTH
        + services("{id: care, name: care, data_categories: [health], purposes: [disclose, deliver, plan]}")
        + dedent("""\
            purposes:
              - {id: disclose, name: disclose sensitive personal data, lawful_bases: [explicit-consent]}
              - {id: deliver, name: deliver services, lawful_bases: [public-task]}
              - {id: plan, name: plan services}
            """)
        + BASES
    )
    assert lint(policy, "LAW004") == []
    (finding,) = lint(policy, "LAW016")
    assert finding.entity == "service:care"
    assert "given for 'disclose' only, not for its other 2 purposes ('deliver', 'plan')" in finding.message


def test_anonymised_purposes_need_no_condition(assert_findings: AssertFindings) -> None:
    policy = (
        HEALTH
        + services("{id: care, name: care, data_categories: [health], purposes: [deliver, statistics]}")
        + dedent("""\
            purposes:
              - {id: deliver, name: deliver services, lawful_bases: [public-task, explicit-consent]}
              - {id: statistics, name: anonymised statistics, anonymised: true}
            """)
        + BASES
    )
    assert_findings(policy, "LAW016", [])
    assert_findings(policy, "LAW004", [])


def test_a_condition_stated_but_tied_to_nothing_is_a_warning(lint: Lint) -> None:
    policy = HEALTH + services("{id: care, name: care, data_categories: [health], lawful_bases: [public-task]}")
    (finding,) = lint(policy + BASES, "LAW016")
    assert "does not tie it to this or any processing" in finding.message
    assert lint(policy + BASES, "LAW004") == []


def test_a_service_run_for_others_is_not_judged(assert_findings: AssertFindings) -> None:
    policy = HEALTH + services(
        "{id: storage, name: storage, data_categories: [health], acting_as: processor, on_behalf_of: [GP practices]}",
        "{id: sign-in, name: sign in, data_categories: [health], refers_to: the NHS login privacy notice}",
    )
    assert_findings(policy, "LAW004", [])
    assert_findings(policy, "LAW016", [])


def test_notice_wide_gap_is_one_finding_at_the_notice_listing_the_services(lint: Lint) -> None:
    policy = (
        HEALTH
        + "notice:\n  id: n\n  name: N\n  notice_wide:\n    data_categories: [health]\n"
        + services(
            "{id: a, name: A, relies_on_notice_wide: [data_categories], lawful_bases: [public-task]}",
            "{id: b, name: B, relies_on_notice_wide: [data_categories], lawful_bases: [public-task]}",
        )
        + "lawful_bases:\n  - {id: public-task, name: public task, article: '6(1)(e)'}\n"
    )
    (finding,) = lint(policy, "LAW004")
    assert finding.entity == "notice:n"
    assert [related.entity for related in finding.related] == ["service:a", "service:b"]


# --- LAW008 / LAW017: criminal offence data ------------------------------------------------------


def test_criminal_data_with_nothing_is_an_error(lint: Lint) -> None:
    policy = OFFENCES + services("{id: staff, name: staff, data_categories: [offences], lawful_bases: [public-task]}")
    policy += "lawful_bases:\n  - {id: public-task, name: public task, article: '6(1)(e)'}\n"
    (finding,) = lint(policy, "LAW008")
    assert finding.severity is Severity.ERROR and "anywhere" in finding.message


def test_criminal_data_on_a_substantial_public_interest_wording_is_a_warning(lint: Lint) -> None:
    policy = OFFENCES + services("{id: checker, name: checker, data_categories: [offences], lawful_bases: [spi]}")
    policy += "lawful_bases:\n  - {id: spi, name: substantial public interest, article: '9(2)(g)'}\n"
    assert lint(policy, "LAW008") == []
    (finding,) = lint(policy, "LAW017")
    assert "Part 3 para 36" in finding.message


@pytest.mark.parametrize(
    "condition",
    ["lawful_bases: [public-task, criminal-data]", "purposes: [vet]"],
)
def test_criminal_data_with_an_art10_basis_is_not_reported(assert_findings: AssertFindings, condition: str) -> None:
    policy = (
        OFFENCES
        + services(f"{{id: staff, name: staff, data_categories: [offences], {condition}}}")
        + "purposes:\n  - {id: vet, name: vet staff, lawful_bases: [public-task, part3]}\n"
        + BASES
        + "  - {id: part3, name: legal claims, article: '9(2)(f)', schedule1_condition: Part 3 para 33}\n"
    )
    assert_findings(policy, "LAW008", [])
    assert_findings(policy, "LAW017", [])
