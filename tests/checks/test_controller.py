"""Controller rules (CTL001-CTL003): kind and record, a school's notice, duties that lie elsewhere."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from checks import authority, facts
from checks.naming import is_verified
from linter.findings import Finding, Severity

AssertFindings = Callable[..., None]
Lint = Callable[..., list[Finding]]


def controller(kind: str, recorded: str = "") -> str:
    line = f"  public_authority: {recorded}\n" if recorded else ""
    return f"controller:\n  id: body\n  name: Body\n  kind: {kind}\n{line}"


# --- CTL001 -----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "kind", ["local-authority", "nhs-body", "maintained-school", "academy", "government-department"]
)
def test_a_public_authority_kind_recorded_as_not_one_is_an_error(lint: Lint, kind: str) -> None:
    (finding,) = lint(controller(kind, "false"), "CTL001")
    assert finding.severity is Severity.ERROR and finding.line == 5
    assert "FOIA 2000 Sch 1" in finding.citation


@pytest.mark.parametrize(
    ("kind", "recorded"),
    [
        ("parish-council", "false"),  # DPA 2018 s.7(3)
        ("local-authority", "true"),
        ("local-authority", ""),  # the kind decides
        ("company", "false"),
        ("other-public-body", "false"),  # depends on the body
        ("independent-school", "false"),
    ],
)
def test_no_contradiction_is_not_reported(assert_findings: AssertFindings, kind: str, recorded: str) -> None:
    assert_findings(controller(kind, recorded), "CTL001", [])


def test_the_kinds_it_rests_on_are_verified() -> None:
    for kind in ("local-authority", "nhs-body", "maintained-school", "academy", "government-department"):
        assert authority.kinds()[kind].verified, kind
        assert authority.kind_implies_public_authority(kind) is True


# --- CTL002 -----------------------------------------------------------------------------------

NOTICE = "notice:\n  id: n\n  name: N\n  publisher: Park School\n  publisher_kind: {kind}\n"


def test_a_maintained_schools_notice_naming_the_council_is_an_error(lint: Lint) -> None:
    (finding,) = lint(controller("local-authority") + NOTICE.format(kind="maintained-school"), "CTL002")
    assert finding.severity is Severity.ERROR
    assert "published by 'Park School', a maintained school" in finding.message
    assert "SI 2005/1437" in finding.citation and "s.6(2)" in finding.citation


@pytest.mark.parametrize(
    ("controller_kind", "publisher_kind"),
    [("maintained-school", "maintained-school"), ("local-authority", "local-authority"), ("academy", "academy")],
)
def test_other_publishers_are_not_reported(
    assert_findings: AssertFindings, controller_kind: str, publisher_kind: str
) -> None:
    assert_findings(controller(controller_kind) + NOTICE.format(kind=publisher_kind), "CTL002", [])


def test_the_school_records_row_is_verified() -> None:
    assert is_verified(facts.load(authority.KNOWLEDGE_FILE)["school_records"])


# --- CTL003 -----------------------------------------------------------------------------------


def test_what_applies_to_a_processor_service_or_a_referral_is_said_once_each(lint: Lint) -> None:
    policy = (
        "services:\n"
        "  - {id: storage, name: storage, acting_as: processor, on_behalf_of: [GP practices]}\n"
        "  - {id: sign-in, name: sign in, refers_to: the NHS Care Identity notice}\n"
        "  - {id: feedback, name: feedback}\n"
        "purposes:\n  - {id: research, name: research, refers_to: our research notice}\n"
    )
    findings = lint(policy, "CTL003")
    assert [(f.entity, f.severity) for f in findings] == [
        ("service:storage", Severity.INFO),
        ("service:sign-in", Severity.INFO),
        ("purpose:research", Severity.INFO),
    ]
    assert "written processing contract with each of them (Art 28(3))" in findings[0].message
    assert "'the NHS Care Identity notice'" in findings[1].message


def test_processor_and_referred_services_get_no_controller_findings(assert_findings: AssertFindings) -> None:
    policy = (
        "data_categories:\n  - {id: health, name: health, special_category: true}\n"
        "services:\n"
        "  - {id: storage, name: storage, acting_as: processor, on_behalf_of: [GPs], data_categories: [health]}\n"
        "  - {id: sign-in, name: sign in, refers_to: the NHS Care Identity notice}\n"
    )
    for rule in ("LAW001", "LAW002", "LAW004", "RET001", "NTC010"):
        assert_findings(policy, rule, [])
