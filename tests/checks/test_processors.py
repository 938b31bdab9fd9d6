"""Processor rules (PRC): one failing case with its line and one passing case per rule."""

from __future__ import annotations

import pytest

from checks import facts, processors
from linter.schema import RECIPIENT_ROLES

ALIASES = facts.load("name-aliases")["aliases"]
CONTRACT = "    contract:\n      reference: CON-1\n      article_28: true\n"


# --- PRC001 contract evidence --------------------------------------------------


def test_processor_without_contract_is_a_warning(assert_findings, lint) -> None:
    snippet = "processors:\n  - id: mosaic\n    name: Mosaic\n    location: GB\n"
    assert_findings(snippet, "PRC001", [("PRC001", 2)])
    assert lint(snippet, "PRC001")[0].severity.value == "warning"


def test_contract_without_reference_or_terms_is_reported_at_the_contract(assert_findings, lint) -> None:
    snippet = "processors:\n  - id: mosaic\n    name: Mosaic\n    contract:\n      signed: 2024-01-01\n"
    assert_findings(snippet, "PRC001", [("PRC001", 4)])
    message = lint(snippet, "PRC001")[0].message
    assert "no contract reference or evidence" in message and "article_28" in message


def test_contract_with_evidence_but_unconfirmed_terms_is_reported(assert_findings) -> None:
    snippet = "processors:\n  - id: mosaic\n    name: Mosaic\n    contract:\n      evidence: signed copy on file\n"
    assert_findings(snippet, "PRC001", [("PRC001", 4)])


def test_category_processors_are_not_checked_for_contracts(assert_findings) -> None:
    snippet = "processors:\n  - id: day-care-providers\n    name: day care providers\n    category: true\n"
    assert_findings(snippet, "PRC001", [])


def test_processor_with_contract_passes(assert_findings) -> None:
    assert_findings("processors:\n  - id: mosaic\n    name: Mosaic\n" + CONTRACT, "PRC001", [])


# --- PRC002 location ----------------------------------------------------------------


def test_processor_without_location_is_reported(assert_findings) -> None:
    assert_findings("processors:\n  - id: mosaic\n    name: Mosaic\n" + CONTRACT, "PRC002", [("PRC002", 2)])


def test_processor_with_location_passes(assert_findings) -> None:
    assert_findings("processors:\n  - id: mosaic\n    name: Mosaic\n    location: GB\n", "PRC002", [])


def test_category_processor_needs_no_single_location(assert_findings) -> None:
    snippet = "processors:\n  - id: carers\n    name: care providers\n    category: true\n"
    assert_findings(snippet, "PRC002", [])


# --- PRC003 both roles -----------------------------------------------------------------


def test_same_id_as_independent_recipient_and_processor_is_reported_at_the_role(assert_findings) -> None:
    snippet = (
        "recipients:\n  - id: stopford\n    name: Stopford\n    role: independent-controller\n"
        "processors:\n  - id: stopford\n    name: Stopford\n"
    )
    assert_findings(snippet, "PRC003", [("PRC003", 4)])


def test_same_body_under_an_alias_and_another_id_is_reported(assert_findings) -> None:
    forms = ALIASES[0]["forms"]
    snippet = (
        f"recipients:\n  - id: inspectorate\n    name: {forms[-1]}\n    role: public-body\n"
        f"processors:\n  - id: standards-office\n    name: {forms[1]}\n"
    )
    assert_findings(snippet, "PRC003", [("PRC003", 4)])


def test_recipient_recorded_as_processor_passes(assert_findings) -> None:
    snippet = (
        "recipients:\n  - id: stopford\n    name: Stopford\n    role: processor\n"
        "processors:\n  - id: stopford\n    name: Stopford\n"
    )
    assert_findings(snippet, "PRC003", [])


def test_different_bodies_pass(assert_findings) -> None:
    snippet = (
        "recipients:\n  - id: nspcc\n    name: NSPCC\n    role: independent-controller\n"
        "processors:\n  - id: stopford\n    name: Stopford\n"
    )
    assert_findings(snippet, "PRC003", [])


# --- PRC004 acts on our behalf -------------------------------------------------------


def test_recipient_acting_on_our_behalf_without_processor_entry_is_an_error(assert_findings, lint) -> None:
    snippet = (
        "recipients:\n  - id: telljo\n    name: Telljo\n    role: independent-controller\n"
        "    acts_on_our_behalf: true\n"
    )
    assert_findings(snippet, "PRC004", [("PRC004", 5)])
    assert lint(snippet, "PRC004")[0].severity.value == "error"


@pytest.mark.parametrize("role", ["joint-controller", "public-body"])
def test_every_controller_role_acting_on_our_behalf_is_a_contradiction(assert_findings, role: str) -> None:
    snippet = f"recipients:\n  - id: telljo\n    name: Telljo\n    role: {role}\n    acts_on_our_behalf: true\n"
    assert_findings(snippet, "PRC004", [("PRC004", 5)])


def test_processor_role_without_processor_entry_is_not_a_contradiction(assert_findings) -> None:
    snippet = "recipients:\n  - id: telljo\n    name: Telljo\n    role: processor\n    acts_on_our_behalf: true\n"
    assert_findings(snippet, "PRC004", [])
    assert_findings(snippet, "PRC006", [("PRC006", 4)])


def test_roles_named_by_the_rules_are_schema_roles() -> None:
    named = {
        processors.PROCESSOR_ROLE,
        processors.INTERNAL_ROLE,
        processors.DATA_SUBJECT_ROLE,
        *processors.INDEPENDENT_ROLES,
    }
    assert named <= set(RECIPIENT_ROLES)
    assert set(processors.CONTROLLER_ROLES) == {
        "independent-controller",
        "joint-controller",
        "public-body",
        "individual",
        "public",
    }


def test_internal_team_is_not_a_processor(assert_findings) -> None:
    snippet = "recipients:\n  - id: legal\n    name: Legal Services\n    role: internal\n    acts_on_our_behalf: true\n"
    assert_findings(snippet, "PRC004", [])


def test_recipient_with_matching_processor_by_name_passes(assert_findings) -> None:
    snippet = (
        "recipients:\n  - id: telljo-recipient\n    name: Telljo\n    role: processor\n    acts_on_our_behalf: true\n"
        "processors:\n  - id: telljo\n    name: TELLJO\n"
    )
    assert_findings(snippet, "PRC004", [])


# --- PRC006 processor role missing from the processors list --------------------------


def test_processor_role_missing_from_processors_is_a_warning(assert_findings, lint) -> None:
    snippet = (
        "recipients:\n"
        "  - id: telljo\n    name: Telljo\n    role: processor\n"  # 2-4
        "  - id: hostco\n    name: HostCo\n    role: processor\n"  # 5-7
        "  - id: police\n    name: Police\n    role: public-body\n"  # 8-10
        "processors:\n  - id: hosting\n    name: HOSTCO\n"
    )
    assert_findings(snippet, "PRC006", [("PRC006", 4)])
    assert lint(snippet, "PRC006")[0].severity.value == "warning"


# --- PRC005 sub-processor country ------------------------------------------------------


def test_sub_processor_without_country_is_reported(assert_findings) -> None:
    snippet = (
        "processors:\n  - id: mosaic\n    name: Mosaic\n    location: GB\n"
        "    sub_processors:\n      - name: Hosting Ltd\n      - name: Backup Ltd\n        country: IE\n"
    )
    assert_findings(snippet, "PRC005", [("PRC005", 5)])


def test_each_sub_processor_without_country_is_its_own_finding(lint) -> None:
    snippet = (
        "processors:\n  - id: mosaic\n    name: Mosaic\n"
        "    sub_processors:\n      - name: Hosting Ltd\n      - name: Backup Ltd\n"
    )
    findings = lint(snippet, "PRC005")
    assert len(findings) == 2 and len({finding.fingerprint for finding in findings}) == 2


def test_sub_processors_with_countries_pass(assert_findings) -> None:
    snippet = (
        "processors:\n  - id: mosaic\n    name: Mosaic\n"
        "    sub_processors:\n      - name: Hosting Ltd\n        country: GB\n"
    )
    assert_findings(snippet, "PRC005", [])
