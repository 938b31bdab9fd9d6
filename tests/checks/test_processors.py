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


# --- PRC007 / PRC008: recipients and sources nobody can identify ---------------------------------


def test_catch_all_recipients_are_one_warning_each(lint) -> None:
    policy = (
        "recipients:\n"
        "  - {id: others, name: any other agency deemed necessary, role: independent-controller, catch_all: true}\n"
        "  - {id: law, name: anyone the law allows, role: public-body, catch_all: true}\n"
        "  - {id: police, name: the police, role: public-body, category: true}\n"
    )
    findings = lint(policy, "PRC007")
    assert [(f.entity, f.severity.value) for f in findings] == [
        ("recipient:others", "warning"),
        ("recipient:law", "warning"),
    ]
    assert "Art 13(1)(e)" in findings[0].citation


def test_catch_all_sources_are_one_warning_each(lint) -> None:
    policy = "sources:\n  - {id: someone, name: someone else, catch_all: true}\n"
    policy += "  - {id: you, name: you, data_subject: true}\n"
    (finding,) = lint(policy, "PRC008")
    assert finding.entity == "source:someone" and "Art 14(2)(f)" in finding.citation


# --- PRC009: an MoU or NDA is not a processor contract ---------------------------------------------


@pytest.mark.parametrize(
    "evidence",
    [
        "a contract, memorandum of understanding or information sharing protocol",
        "asked to sign appropriate non-disclosure or data sharing agreements",
        "MoU 2021",
    ],
)
def test_an_arrangement_that_is_not_a_contract_is_reported_once(lint, evidence: str) -> None:
    policy = "processors:\n  - id: partners\n    name: partners\n    location: GB\n"
    policy += f"    contract:\n      evidence: {evidence}\n"
    (finding,) = lint(policy, "PRC009")
    assert finding.severity.value == "warning" and "not in itself the written contract" in finding.message
    assert lint(policy, "PRC001") == []  # one cause, one finding


def test_an_arrangement_confirmed_to_have_the_article_28_terms_is_not_reported(assert_findings) -> None:
    policy = (
        "processors:\n  - id: partners\n    name: partners\n    location: GB\n"
        "    contract:\n      evidence: data sharing agreement with processor terms\n      article_28: true\n"
    )
    assert_findings(policy, "PRC009", [])
    assert_findings(policy, "PRC001", [])


# --- PRC010: the controller as its own processor ---------------------------------------------------


@pytest.mark.parametrize("name", ["we (the 'Access and store' service)", "We", "NHS England"])
def test_the_controller_named_as_its_own_processor(lint, name: str) -> None:
    policy = f'controller:\n  id: nhse\n  name: NHS England\nprocessors:\n  - id: p\n    name: "{name}"\n'
    (finding,) = lint(policy, "PRC010")
    assert "is the controller itself" in finding.message and "NHS England" in finding.message


@pytest.mark.parametrize("name", ["Western Hosting Ltd", "Usborne Data", "Wessex IT"])
def test_other_processors_are_not_the_controller(assert_findings, name: str) -> None:
    policy = f"controller:\n  id: nhse\n  name: NHS England\nprocessors:\n  - id: p\n    name: {name}\n"
    assert_findings(policy, "PRC010", [])


def test_acting_on_behalf_names_the_controller(lint) -> None:
    policy = (
        "controller:\n  id: co\n  name: Cabinet Office\n"
        "recipients:\n  - {id: callers, name: call centre, role: independent-controller, acts_on_our_behalf: true}\n"
    )
    (finding,) = lint(policy, "PRC004")
    assert "acts on Cabinet Office's behalf" in finding.message and "council" not in finding.message


# --- PRC011: the platform hosting a page is a joint controller -------------------------------------

PAGE = (
    "cookies:\n  - {id: fb, name: Facebook cookies, category: social-media, provider: Facebook,"
    " on_other_platform: true}\n"
)


@pytest.mark.parametrize(("role", "reported"), [("independent-controller", True), ("joint-controller", False)])
def test_the_platform_of_the_page_is_a_joint_controller(lint, role: str, reported: bool) -> None:
    policy = f"recipients:\n  - {{id: facebook, name: Facebook, role: {role}}}\n" + PAGE
    findings = lint(policy, "PRC011")
    assert bool(findings) is reported
    if reported:
        assert [r.entity for r in findings[0].related] == ["cookie:fb"]


def test_cookies_set_on_the_bodys_own_site_make_no_joint_controller(assert_findings) -> None:
    policy = "recipients:\n  - {id: facebook, name: Facebook, role: independent-controller}\n" + PAGE.replace(
        ", on_other_platform: true", ""
    )
    assert_findings(policy, "PRC011", [])


# --- PRC012: data from others with no categories -----------------------------------------------------


def test_data_from_others_with_no_categories_is_a_warning(lint) -> None:
    policy = (
        "sources:\n  - {id: someone, name: someone else}\n  - {id: you, name: you, data_subject: true}\n"
        "services:\n  - {id: council, name: council services, sources: [someone, you]}\n"
        "  - {id: forms, name: online forms, sources: [you]}\n"
    )
    (finding,) = lint(policy, "PRC012")
    assert finding.entity == "service:council" and [r.entity for r in finding.related] == ["source:someone"]
