"""Notice content rules (NTC): one failing case with its line and one passing case per rule."""

from __future__ import annotations

import datetime as dt
import json

import pytest

from checks import facts, notice
from checks.naming import is_verified
from linter.schema import RIGHTS

K = facts.load("notice-requirements")
ICO = K["complaint"]["supervisory_authority"]["addresses"][0]
UNIVERSAL = [row["id"] for row in K["rights"] if row["universal"] and is_verified(row)]
OTHER = [row["id"] for row in K["rights"] if row["id"] not in UNIVERSAL]

NOTICE = "notice:\n  id: example-notice\n  name: Example notice\n"


def _address(lines: list[str]) -> str:
    return "  complaint:\n    address:\n" + "".join(f"      - {json.dumps(line)}\n" for line in lines)


# --- NTC001 controller contact -----------------------------------------------


def test_controller_without_contact_is_reported_at_the_controller(assert_findings) -> None:
    snippet = "controller:\n  id: council\n  name: Example Council\n  public_authority: true\n"
    assert_findings(snippet, "NTC001", [("NTC001", 1)])


def test_controller_contact_with_only_a_name_is_not_reachable(assert_findings) -> None:
    snippet = (
        "controller:\n  id: council\n  name: Example Council\n  public_authority: true\n"
        "  contact:\n    name: Information governance team\n"
    )
    assert_findings(snippet, "NTC001", [("NTC001", 5)])


def test_missing_controller_is_reported_on_the_notice(assert_findings) -> None:
    assert_findings(NOTICE, "NTC001", [("NTC001", 1)])


def test_controller_with_an_address_passes(assert_findings) -> None:
    snippet = (
        "controller:\n  id: council\n  name: Example Council\n  public_authority: true\n"
        "  contact:\n    address: [County Hall, Example Town]\n"
    )
    assert_findings(snippet, "NTC001", [])


# --- NTC002 DPO contact --------------------------------------------------------


def test_public_authority_without_dpo_is_an_error(assert_findings, lint) -> None:
    snippet = "controller:\n  id: council\n  name: Example Council\n  public_authority: true\n"
    assert_findings(snippet, "NTC002", [("NTC002", 1)])
    assert lint(snippet, "NTC002")[0].severity.value == "error"


def test_dpo_with_only_a_name_is_reported_at_the_dpo(assert_findings) -> None:
    snippet = (
        "controller:\n  id: council\n  name: Example Council\n  public_authority: true\n"
        "  dpo:\n    name: Data Protection Officer\n"
    )
    assert_findings(snippet, "NTC002", [("NTC002", 5)])


def test_private_controller_need_not_give_a_dpo(assert_findings) -> None:
    snippet = "controller:\n  id: charity\n  name: Example Charity\n  public_authority: false\n"
    assert_findings(snippet, "NTC002", [])


def test_public_authority_with_dpo_email_passes(assert_findings) -> None:
    snippet = (
        "controller:\n  id: council\n  name: Example Council\n  public_authority: true\n"
        "  dpo:\n    email: dpo@example.gov.uk\n"
    )
    assert_findings(snippet, "NTC002", [])


# --- NTC003 / NTC004 rights --------------------------------------------------------


def test_rights_are_split_by_universality_and_verification() -> None:
    # pinned: a change to the knowledge file's rights must be a deliberate change here too
    assert UNIVERSAL == ["access", "rectification", "restriction"]
    assert OTHER == ["erasure", "objection", "portability"]
    assert {r["id"] for r in notice._universal_rights()} == set(UNIVERSAL)
    assert {r["id"] for r in notice._other_rights()} == set(OTHER)


def test_each_missing_universal_right_is_one_error(assert_findings, lint) -> None:
    snippet = NOTICE + "  rights_stated: [complain]\n"
    assert_findings(snippet, "NTC003", [("NTC003", 4)] * len(UNIVERSAL))
    details = sorted(finding.fingerprint for finding in lint(snippet, "NTC003"))
    assert len(set(details)) == len(UNIVERSAL), "one fingerprint per right"


def test_missing_rights_list_is_reported_at_the_notice(assert_findings) -> None:
    assert_findings(NOTICE, "NTC003", [("NTC003", 1)] * len(UNIVERSAL))


def test_all_universal_rights_stated_passes(assert_findings) -> None:
    assert_findings(NOTICE + f"  rights_stated: [{', '.join(UNIVERSAL)}]\n", "NTC003", [])


def test_missing_conditional_right_is_a_warning_naming_when_it_applies(assert_findings, lint) -> None:
    snippet = NOTICE + f"  rights_stated: [{', '.join(UNIVERSAL + OTHER[1:])}]\n"
    assert_findings(snippet, "NTC004", [("NTC004", 4)])
    (finding,) = lint(snippet, "NTC004")
    assert finding.severity.value == "warning"
    assert "applies" in finding.message


def test_all_conditional_rights_addressed_passes(assert_findings) -> None:
    assert_findings(NOTICE + f"  rights_stated: [{', '.join(UNIVERSAL + OTHER)}]\n", "NTC004", [])


def _bases(*articles: str) -> str:
    return "lawful_bases:\n" + "".join(
        f'  - id: basis-{index}\n    name: basis {index}\n    article: "{article}"\n'
        for index, article in enumerate(articles)
    )


def _missing(lint, snippet: str, rule: str, day: dt.date = dt.date(2026, 11, 24)) -> list[str]:  # type: ignore[no-untyped-def]
    return sorted(finding.detail for finding in lint(snippet, rule, day))


UNIVERSAL_STATED = NOTICE + f"  rights_stated: [{', '.join(UNIVERSAL)}]\n"


def test_portability_is_not_reported_where_only_public_task_and_legal_obligation_are_relied_on(lint) -> None:
    # Art 20(1) gives portability only for consent or contract; Art 20(3) never for a public task
    assert _missing(lint, _bases("6(1)(e)", "6(1)(c)", "6(1)(d)") + UNIVERSAL_STATED, "NTC004") == ["erasure"]


def test_portability_is_reported_where_consent_or_contract_is_relied_on(lint) -> None:
    for article in ("6(1)(a)", "6(1)(b)", "9(2)(a)"):
        snippet = _bases("6(1)(c)", article) + UNIVERSAL_STATED
        assert "portability" in _missing(lint, snippet, "NTC004"), article


def test_a_purpose_that_seeks_consent_counts_as_consent_relied_on(lint) -> None:
    snippet = (
        _bases("6(1)(c)") + "purposes:\n  - id: research\n    name: research\n    consent: true\n" + UNIVERSAL_STATED
    )
    assert "portability" in _missing(lint, snippet, "NTC004")


def test_with_no_basis_recorded_every_conditional_right_is_a_warning(lint) -> None:
    assert _missing(lint, UNIVERSAL_STATED, "NTC004") == sorted(OTHER)
    assert lint(UNIVERSAL_STATED, "NTC013") == []


def test_a_basis_given_only_as_legislation_keeps_the_warnings(lint) -> None:
    snippet = (
        _bases("6(1)(c)")
        + "  - id: children-act\n    name: the Children Act 1989\n    legislation: [Children Act 1989]\n"
        + UNIVERSAL_STATED
    )
    assert _missing(lint, snippet, "NTC004") == sorted(OTHER)


@pytest.mark.parametrize("article", ["6(1)(e)", "6(1)(f)"])
def test_objection_not_named_where_public_task_or_legitimate_interests_are_relied_on_is_an_error(
    lint, article: str
) -> None:
    snippet = _bases(article) + UNIVERSAL_STATED
    (finding,) = lint(snippet, "NTC013")
    assert finding.severity.value == "error" and finding.entity == "notice:example-notice"
    assert [related.entity for related in finding.related] == ["lawful_basis:basis-0"]
    assert "Art 21" in finding.citation
    assert "objection" not in _missing(lint, snippet, "NTC004"), "one finding for the cause"


def test_objection_not_named_for_direct_marketing_is_an_error(lint) -> None:
    snippet = (
        _bases("6(1)(a)")
        + "purposes:\n  - id: newsletter\n    name: newsletter\n    direct_marketing: [email]\n"
        + UNIVERSAL_STATED
    )
    (finding,) = lint(snippet, "NTC013")
    assert "direct marketing (newsletter)" in finding.message


def test_objection_is_not_reported_where_the_law_does_not_give_it(lint) -> None:
    snippet = _bases("6(1)(c)", "6(1)(a)") + UNIVERSAL_STATED
    assert lint(snippet, "NTC013") == []
    assert "objection" not in _missing(lint, snippet, "NTC004")


@pytest.mark.parametrize(
    "unbased",
    [
        # a purpose of a service that states no basis at all (LAW002)
        "services:\n  - id: care\n    name: care\n    purposes: [care, sharing]\n",
        # a purpose on its own with no basis (LAW001)
        "",
    ],
)
def test_a_basis_recorded_for_some_processing_does_not_rule_out_objection_for_the_rest(lint, unbased: str) -> None:
    # consent is recorded for one purpose; the others state no basis, so what they rest on is unknown
    snippet = (
        "purposes:\n  - id: sharing\n    name: sharing beyond care\n    consent: true\n"
        "  - id: care\n    name: care\n" + unbased + UNIVERSAL_STATED
    )
    assert "objection" in _missing(lint, snippet, "NTC004")
    assert lint(snippet, "NTC013") == []


def test_recognised_legitimate_interests_need_the_right_to_object_from_2026_02_05(lint) -> None:
    snippet = _bases("6(1)(ea)") + UNIVERSAL_STATED
    assert lint(snippet, "NTC013", dt.date(2026, 2, 4)) == []
    (finding,) = lint(snippet, "NTC013", dt.date(2026, 2, 5))
    assert "6(1)(ea)" in finding.message and "s.70(5)" in finding.citation


def test_objection_named_passes(lint) -> None:
    snippet = _bases("6(1)(e)") + NOTICE + f"  rights_stated: [{', '.join(UNIVERSAL)}, objection]\n"
    assert lint(snippet, "NTC013") == []
    stated_in_rights = _bases("6(1)(e)") + UNIVERSAL_STATED + "  rights:\n    objection:\n      scope: as-law\n"
    assert lint(stated_in_rights, "NTC013") == []


# --- NTC005 right to complain -----------------------------------------------------


def test_notice_without_right_to_complain_is_an_error(assert_findings) -> None:
    assert_findings(NOTICE + "  rights_stated: [access]\n", "NTC005", [("NTC005", 4)])


def test_notice_with_right_to_complain_passes(assert_findings) -> None:
    assert_findings(NOTICE + "  rights_stated: [access, complain]\n", "NTC005", [])


# --- NTC006 regulator's address -----------------------------------------------------


def test_address_stopping_at_the_street_lacks_town_county_and_postcode(assert_findings, lint) -> None:
    snippet = NOTICE + "  rights_stated: [complain]\n" + _address(ICO["lines"][:3])
    assert_findings(snippet, "NTC006", [("NTC006", 5)])
    (finding,) = lint(snippet, "NTC006")
    assert "no postcode" in finding.message
    for line in ICO["lines"][3:]:
        assert f"'{line}'" in finding.message
    assert "confirm" in finding.message, "the relocation caveat is shown"


def test_full_address_passes(assert_findings) -> None:
    assert_findings(NOTICE + "  rights_stated: [complain]\n" + _address(ICO["lines"]), "NTC006", [])


def test_full_address_on_one_line_passes(assert_findings) -> None:
    assert_findings(NOTICE + "  rights_stated: [complain]\n" + _address([", ".join(ICO["lines"])]), "NTC006", [])


def test_other_complete_address_with_postcode_passes(assert_findings) -> None:
    snippet = NOTICE + "  rights_stated: [complain]\n" + _address(["PO Box 1", "Example Town", "AB1 2CD"])
    assert_findings(snippet, "NTC006", [])


def test_phone_only_complaint_contact_passes(assert_findings) -> None:
    snippet = NOTICE + "  rights_stated: [complain]\n  complaint:\n    phone: ['0300 000 0000']\n"
    assert_findings(snippet, "NTC006", [])


def test_right_to_complain_without_any_contact_is_reported(assert_findings) -> None:
    assert_findings(NOTICE + "  rights_stated: [complain]\n", "NTC006", [("NTC006", 1)])


def test_no_complaint_at_all_is_left_to_ntc005(assert_findings) -> None:
    assert_findings(NOTICE, "NTC006", [])


# --- NTC007 statutory or contractual requirement ------------------------------------

FROM_PERSON = "sources:\n  - id: the-data-subject\n    name: you\n    data_subject: true\n"


def test_data_from_the_person_without_requirement_statement_is_an_error(assert_findings) -> None:
    assert_findings(FROM_PERSON + NOTICE, "NTC007", [("NTC007", 5)])


def test_explicit_false_is_reported_at_the_field(assert_findings) -> None:
    snippet = FROM_PERSON + NOTICE + "  statutory_requirement_stated: false\n"
    assert_findings(snippet, "NTC007", [("NTC007", 8)])


def test_no_data_from_the_person_needs_no_requirement_statement(assert_findings) -> None:
    assert_findings("sources:\n  - id: police\n    name: police\n" + NOTICE, "NTC007", [])


def test_requirement_stated_passes(assert_findings) -> None:
    assert_findings(FROM_PERSON + NOTICE + "  statutory_requirement_stated: true\n", "NTC007", [])


# --- NTC008 / NTC009 automated decision-making --------------------------------------


def test_silence_on_adm_is_a_warning(assert_findings) -> None:
    assert_findings(NOTICE, "NTC008", [("NTC008", 1)])


def test_adm_block_not_stated_is_reported_at_the_block(assert_findings) -> None:
    snippet = NOTICE + "  automated_decision_making:\n    used: false\n    stated: false\n"
    assert_findings(snippet, "NTC008", [("NTC008", 4)])


def test_adm_statement_passes(assert_findings) -> None:
    snippet = NOTICE + "  automated_decision_making:\n    used: false\n    stated: true\n"
    assert_findings(snippet, "NTC008", [])


def test_used_adm_is_left_to_ntc009(assert_findings) -> None:
    snippet = NOTICE + "  automated_decision_making:\n    used: true\n"
    assert_findings(snippet, "NTC008", [])
    assert_findings(snippet, "NTC009", [("NTC009", 4)])


def test_service_using_adm_without_description_is_a_warning(assert_findings, lint) -> None:
    snippet = "services:\n  - id: triage\n    name: Triage\n    automated_decision_making: true\n" + NOTICE
    assert_findings(snippet, "NTC009", [("NTC009", 5)])
    (finding,) = lint(snippet, "NTC009")
    assert "triage" in finding.message
    # used: true does not show a solely automated decision with significant effects (Art 22)
    assert finding.severity.value == "warning"
    assert "solely automated" in finding.message


def test_described_adm_passes(assert_findings) -> None:
    snippet = (
        "services:\n  - id: triage\n    name: Triage\n    automated_decision_making: true\n"
        + NOTICE
        + "  automated_decision_making:\n    used: true\n    stated: true\n"
    )
    assert_findings(snippet, "NTC009", [])


# --- NTC010 sources ----------------------------------------------------------------


def test_service_without_sources_is_reported_at_the_service(assert_findings) -> None:
    assert_findings("services:\n  - id: example\n    name: Example\n", "NTC010", [("NTC010", 2)])


def test_relying_on_an_empty_notice_wide_list_still_fails(assert_findings) -> None:
    snippet = NOTICE + "services:\n  - id: example\n    name: Example\n    relies_on_notice_wide: [sources]\n"
    assert_findings(snippet, "NTC010", [("NTC010", 5)])


def test_notice_wide_sources_cover_a_relying_service(assert_findings) -> None:
    snippet = (
        "sources:\n  - id: police\n    name: police\n"
        + NOTICE
        + "  notice_wide:\n    sources: [police]\n"
        + "services:\n  - id: example\n    name: Example\n    relies_on_notice_wide: [sources]\n"
    )
    assert_findings(snippet, "NTC010", [])


# --- NTC011 notice-wide only ---------------------------------------------------------


def test_service_with_only_notice_wide_lists_is_info(assert_findings, lint) -> None:
    snippet = (
        "purposes:\n  - id: deliver\n    name: deliver your service\n"
        + NOTICE
        + "  notice_wide:\n    purposes: [deliver]\n"
        + "services:\n  - id: example\n    name: Example\n    relies_on_notice_wide: [purposes]\n"
    )
    assert_findings(snippet, "NTC011", [("NTC011", 12)])
    assert lint(snippet, "NTC011")[0].severity.value == "info"


def test_service_with_its_own_purposes_passes(assert_findings) -> None:
    snippet = (
        "purposes:\n  - id: deliver\n    name: deliver your service\n"
        "services:\n  - id: example\n    name: Example\n    purposes: [deliver]\n    relies_on_notice_wide: [sources]\n"
    )
    assert_findings(snippet, "NTC011", [])


def test_service_relying_on_nothing_is_not_this_rule(assert_findings) -> None:
    assert_findings("services:\n  - id: example\n    name: Example\n", "NTC011", [])


# --- NTC002 and the controller's kind (DPA 2018 s.7, Art 37(1)(a)) ------------------------

D = dt.date


def _controller(*lines: str) -> str:
    return "controller:\n  id: body\n  name: Example Body\n" + "".join(f"  {line}\n" for line in lines)


def test_kind_decides_when_public_authority_is_not_recorded(assert_findings) -> None:
    assert_findings(_controller("kind: local-authority"), "NTC002", [("NTC002", 1)])
    # a parish council is not a public authority (s.7(3)): no mandatory DPO
    assert_findings(_controller("kind: parish-council"), "NTC002", [])
    # a kind whose row is not verified is not relied on
    assert_findings(_controller("kind: independent-school"), "NTC002", [])


def test_recorded_public_authority_wins_over_the_kind(assert_findings) -> None:
    assert_findings(_controller("kind: local-authority", "public_authority: false"), "NTC002", [])
    assert_findings(_controller("kind: parish-council", "public_authority: true"), "NTC002", [("NTC002", 1)])


def test_courts_and_tribunals_need_no_dpo_from_2025_08_20(assert_findings) -> None:
    tribunal = _controller("kind: court-or-tribunal", "public_authority: true")
    assert_findings(tribunal, "NTC002", [("NTC002", 1)], as_of=D(2025, 8, 19))
    assert_findings(tribunal, "NTC002", [], as_of=D(2025, 8, 20))
    # the exception is about courts and tribunals only
    council = _controller("kind: local-authority")
    assert_findings(council, "NTC002", [("NTC002", 1)], as_of=D(2025, 8, 20))


def test_dpo_finding_cites_art_37_as_it_stood(lint) -> None:
    council = _controller("kind: local-authority")
    (before,) = lint(council, "NTC002", D(2025, 8, 19))
    (after,) = lint(council, "NTC002", D(2025, 8, 20))
    assert "except courts acting in their judicial capacity" in before.citation
    assert "tribunals" not in before.citation
    assert "except courts and tribunals acting" in after.citation and "Sch 11 para 11" in after.citation


# --- NTC005 / NTC006: the complaint provisions as they stood -------------------------------


def test_complaint_finding_cites_art_77_before_and_s165_from_2026_06_19(lint) -> None:
    snippet = NOTICE + "  rights_stated: [access]\n"
    (before,) = lint(snippet, "NTC005", D(2026, 6, 18))
    (after,) = lint(snippet, "NTC005", D(2026, 6, 19))
    assert "Art 77" in before.citation and "s.165" not in before.citation
    assert "s.165" in after.citation and "Art 77 omitted" in after.citation
    assert before.fingerprint == after.fingerprint  # the same finding, cited as the law stood


def test_address_finding_cites_the_complaint_provision_of_the_day(lint) -> None:
    snippet = NOTICE + f"  rights_stated: [{K['complaint']['right']}]\n" + _address(ICO["lines"][:3])
    (before,) = lint(snippet, "NTC006", D(2026, 6, 18))
    (after,) = lint(snippet, "NTC006", D(2026, 6, 19))
    assert "Art 77" in before.citation and "address: ICO" in before.citation
    assert "s.165" in after.citation and "address: ICO" in after.citation


def test_explain_shows_the_citation_history() -> None:
    from linter.rulepages import format_rule

    page = format_rule(notice.RIGHT_TO_COMPLAIN)
    assert "Citation history" in page
    assert "until 2026-06-18:" in page and "from 2026-06-19:" in page


# --- NTC012 right to complain to the controller ---------------------------------------------

TO_CONTROLLER = K["complaint_to_controller"]


def test_the_duty_rests_on_a_verified_row_dated_2026_06_19() -> None:
    assert is_verified(TO_CONTROLLER)
    assert TO_CONTROLLER["from"] == D(2026, 6, 19)
    assert TO_CONTROLLER["right"] in RIGHTS
    for words in ("Art 13(2)(ca)", "14(2)(da)", "s.164A", "SI 2026/82 reg 3", "reg 7"):
        assert words in facts.cite(TO_CONTROLLER), words


def test_no_complaint_to_controller_is_reported_only_from_2026_06_19(assert_findings, lint) -> None:
    snippet = NOTICE + "  rights_stated: [complain]\n"
    assert_findings(snippet, "NTC012", [], as_of=D(2026, 6, 18))
    assert_findings(snippet, "NTC012", [("NTC012", 4)], as_of=D(2026, 6, 19))
    (finding,) = lint(snippet, "NTC012", D(2026, 11, 24))
    assert finding.severity.value == "error"
    assert finding.field == "rights_stated"


def test_missing_rights_list_is_reported_at_the_notice_for_ntc012(assert_findings) -> None:
    assert_findings(NOTICE, "NTC012", [("NTC012", 1)], as_of=D(2026, 6, 19))


def test_complaint_to_controller_stated_passes(assert_findings) -> None:
    snippet = NOTICE + f"  rights_stated: [complain, {TO_CONTROLLER['right']}]\n"
    assert_findings(snippet, "NTC012", [], as_of=D(2026, 6, 19))


def test_message_names_the_controller(lint) -> None:
    snippet = _controller("kind: local-authority") + NOTICE + "  rights_stated: [complain]\n"
    (finding,) = lint(snippet, "NTC012")
    assert "'Example Body'" in finding.message


def test_an_unverified_row_gives_no_error(lint, monkeypatch) -> None:
    monkeypatch.setitem(notice._TO_CONTROLLER, "verified", "partly: not read")
    assert lint(NOTICE + "  rights_stated: [complain]\n", "NTC012") == []


def test_complaint_to_controller_described_in_rights_passes(assert_findings) -> None:
    snippet = NOTICE + f"  rights:\n    {TO_CONTROLLER['right']}:\n      route: online-form\n"
    assert_findings(snippet, "NTC012", [], as_of=D(2026, 6, 19))
    unstated = NOTICE + f"  rights:\n    {TO_CONTROLLER['right']}:\n      stated: false\n"
    assert_findings(unstated, "NTC012", [("NTC012", 1)], as_of=D(2026, 6, 19))
