"""Rights as described (RGT): what the notice says of a right, against what the law gives for the recorded bases."""

from __future__ import annotations

import datetime as dt

import pytest

from checks import rights

D = dt.date
NOTICE = "notice:\n  id: example-notice\n  name: Example notice\n  rights:\n"


def _basis(basis_id: str, article: str) -> str:
    return f'  - id: {basis_id}\n    name: {basis_id}\n    article: "{article}"\n'


def _bases(*pairs: tuple[str, str]) -> str:
    return "lawful_bases:\n" + "".join(_basis(basis_id, article) for basis_id, article in pairs)


def _right(name: str, *lines: str) -> str:
    return f"    {name}:\n" + "".join(f"      {line}\n" for line in lines)


PUBLIC_TASK = ("public-task", "6(1)(e)")
LEGAL_OBLIGATION = ("legal-obligation", "6(1)(c)")
LEGITIMATE = ("legitimate-interests", "6(1)(f)")
CONSENT = ("consent", "6(1)(a)")
CONTRACT = ("contract", "6(1)(b)")
RECOGNISED = ("recognised", "6(1)(ea)")
QUOTE = "trace: {section: Your rights, quote: You can object to processing based on legitimate interests}"


# --- RGT001 narrowed below the law ------------------------------------------------------------


def test_objection_limited_to_legitimate_interests_is_an_error_where_public_task_is_relied_on(lint) -> None:
    snippet = _bases(PUBLIC_TASK, LEGITIMATE) + NOTICE + _right("objection", 'bases: ["6(1)(f)"]', QUOTE)
    (finding,) = lint(snippet, "RGT001")
    assert finding.severity.value == "error"
    assert finding.entity == "notice:example-notice" and finding.field == "rights.objection"
    assert finding.line == 14, "placed at the words of the notice (its trace)"
    assert "You can object to processing based on legitimate interests" in finding.message, "quotes the narrowing"
    assert "6(1)(e) public task" in finding.message and "public task or legitimate interests" in finding.message
    assert [related.entity for related in finding.related] == ["lawful_basis:public-task"]


def test_objection_limited_to_direct_marketing_is_an_error_where_legitimate_interests_are_relied_on(lint) -> None:
    snippet = _bases(LEGITIMATE) + NOTICE + _right("objection", "scope: direct-marketing-only")
    (finding,) = lint(snippet, "RGT001")
    assert "only to direct marketing" in finding.message


def test_a_limit_that_leaves_out_no_recorded_basis_is_not_an_error(lint) -> None:
    snippet = _bases(LEGITIMATE, LEGAL_OBLIGATION) + NOTICE + _right("objection", 'bases: ["6(1)(f)"]')
    assert lint(snippet, ["RGT001", "RGT002"]) == []


def test_recognised_legitimate_interests_join_the_right_to_object_on_2026_02_05(lint) -> None:
    snippet = _bases(RECOGNISED) + NOTICE + _right("objection", 'bases: ["6(1)(e)", "6(1)(f)"]')
    assert lint(snippet, "RGT001", D(2026, 2, 4)) == []
    (finding,) = lint(snippet, "RGT001", D(2026, 2, 5))
    assert "6(1)(ea) recognised legitimate interests" in finding.message
    assert "s.70(5)" in finding.citation


def test_portability_for_consent_only_is_an_error_where_a_contract_is_relied_on(lint) -> None:
    snippet = _bases(CONSENT, CONTRACT) + NOTICE + _right("portability", "scope: consent-only")
    (finding,) = lint(snippet, "RGT001")
    assert "6(1)(b) contract" in finding.message and "Art 20" in finding.citation


def test_consent_named_as_a_basis_covers_explicit_consent(lint) -> None:
    snippet = (
        _bases(CONSENT, ("explicit", "9(2)(a)"), CONTRACT)
        + NOTICE
        + _right("portability", 'bases: ["6(1)(a)", "6(1)(b)"]')
    )
    assert lint(snippet, ["RGT001", "RGT002"]) == []


def test_erasure_tied_to_consent_alone_is_an_error_where_legitimate_interests_are_relied_on(lint) -> None:
    snippet = _bases(CONSENT, LEGITIMATE) + NOTICE + _right("erasure", "scope: consent-only")
    (finding,) = lint(snippet, "RGT001")
    assert "6(1)(f) legitimate interests" in finding.message


# --- RGT002 narrowed ---------------------------------------------------------------------------


def test_a_right_narrowed_by_its_grounds_is_a_warning_quoting_the_words_and_the_note(lint) -> None:
    snippet = NOTICE + _right(
        "erasure",
        "scope: narrowed",
        "trace:",
        "  section: Your rights",
        "  quote: You can ask us to erase data we no longer need",
        "  note: only Art 17(1)(a) is given",
    )
    (finding,) = lint(snippet, "RGT002")
    assert finding.severity.value == "warning"
    assert "You can ask us to erase data we no longer need" in finding.message
    assert "only Art 17(1)(a) is given" in finding.message and "Art 17(1)" in finding.message


def test_erasure_for_consent_only_where_only_public_task_is_relied_on_is_a_warning(lint) -> None:
    # Art 17(3)(b) limits erasure for public task, it does not exclude it: a person weighs the omission
    snippet = _bases(CONSENT, PUBLIC_TASK) + NOTICE + _right("erasure", "scope: consent-only")
    assert lint(snippet, "RGT001") == []
    (finding,) = lint(snippet, "RGT002")
    assert "6(1)(e) public task" in finding.message


def test_a_limit_by_basis_with_no_basis_recorded_is_a_warning(lint) -> None:
    (finding,) = lint(NOTICE + _right("objection", "scope: direct-marketing-only"), "RGT002")
    assert "records no Art 6 lawful basis" in finding.message


def test_a_right_described_as_the_law_gives_it_is_not_narrowed(lint) -> None:
    snippet = NOTICE + _right("objection", "scope: as-law", 'bases: ["6(1)(e)", "6(1)(f)"]')
    assert lint(snippet, ["RGT001", "RGT002"]) == []


def test_the_automated_decision_right_cites_article_22c_from_2026_02_05(lint) -> None:
    snippet = NOTICE + _right("automated-decision-making", "scope: narrowed")
    (before,) = lint(snippet, "RGT002", D(2026, 2, 4))
    (after,) = lint(snippet, "RGT002", D(2026, 2, 5))
    assert "Art 22(1)-(3)" in before.citation and "22C" not in before.citation
    assert "Arts 22A-22C" in after.citation


# --- RGT003 overstated -------------------------------------------------------------------------


def test_portability_promised_without_condition_where_public_task_is_relied_on(lint) -> None:
    snippet = _bases(PUBLIC_TASK, CONSENT) + NOTICE + _right("portability", "scope: unconditional")
    (finding,) = lint(snippet, "RGT003")
    assert finding.severity.value == "warning"
    assert "6(1)(e) public task" in finding.message and "6(1)(a)" not in finding.message.split("limits it for")[1]


def test_portability_said_to_cover_public_task_is_overstated(lint) -> None:
    snippet = NOTICE + _right("portability", 'bases: ["6(1)(a)", "6(1)(e)"]')
    (finding,) = lint(snippet, "RGT003")
    assert "applies to processing based on 6(1)(e) public task" in finding.message


def test_erasure_promised_without_condition_where_legal_obligation_is_relied_on(lint) -> None:
    snippet = _bases(LEGAL_OBLIGATION) + NOTICE + _right("erasure", "scope: unconditional")
    (finding,) = lint(snippet, "RGT003")
    assert "6(1)(c) legal obligation" in finding.message


def test_unconditional_erasure_where_only_consent_is_relied_on_is_accurate(lint) -> None:
    assert lint(_bases(CONSENT) + NOTICE + _right("erasure", "scope: unconditional"), "RGT003") == []


def test_unconditional_portability_with_no_basis_recorded_is_not_reported(lint) -> None:
    assert lint(NOTICE + _right("portability", "scope: unconditional"), "RGT003") == []


# --- RGT004 access as FOI ----------------------------------------------------------------------


@pytest.mark.parametrize(
    "lines",
    [
        ["route: foi-request"],
        ["laws_cited: [Freedom of Information Act 2000]"],
        ["route: online-form", "how: Make a Freedom of Information request on our website"],
    ],
)
def test_access_down_the_foi_route_is_an_error(lint, lines: list[str]) -> None:
    (finding,) = lint(NOTICE + _right("access", *lines), "RGT004")
    assert finding.severity.value == "error"
    assert "s.40(1)" in finding.message and "s.40(1)" in finding.citation


def test_access_by_subject_access_request_passes(lint) -> None:
    snippet = NOTICE + _right("access", "route: subject-access-request", "how: Email dpo@example.gov.uk")
    assert lint(snippet, "RGT004") == []


# --- RGT005 complaint after an internal process ------------------------------------------------


def test_complaint_made_to_wait_for_the_internal_process_cites_the_law_of_the_day(lint) -> None:
    snippet = NOTICE + _right("complain", "precondition: internal-complaint-first")
    (before,) = lint(snippet, "RGT005", D(2026, 6, 18))
    (after,) = lint(snippet, "RGT005", D(2026, 6, 19))
    assert before.severity.value == "warning"
    assert "Art 77(1)" in before.citation and "s.165" not in before.citation
    assert "s.165(2)" in after.citation


def test_a_complaint_with_no_precondition_passes(lint) -> None:
    assert lint(NOTICE + _right("complain", "precondition: none"), "RGT005") == []
    assert lint(NOTICE + _right("complain-to-controller", "precondition: internal-complaint-first"), "RGT005") == []


# --- RGT006 / RGT007 time promises -------------------------------------------------------------


@pytest.mark.parametrize(
    ("promised", "too_long"),
    [
        ("40 days", True),
        ("31 days", False),
        ("32 days", True),
        ("20 working days", False),
        ("23 working days", False),
        ("24 working days", True),
        ("4 weeks", False),
        ("5 weeks", True),
        ("1 month", False),
        ("3 months", True),
        ("immediately", False),
    ],
)
def test_longer_than_one_month(promised: str, too_long: bool) -> None:
    assert rights.longer_than_allowed(promised) is too_long


def test_a_forty_day_promise_is_an_error_citing_article_12a_from_2026_02_05(lint) -> None:
    snippet = NOTICE + _right("access", "time_limit: 40 days")
    (before,) = lint(snippet, "RGT006", D(2026, 2, 4))
    (after,) = lint(snippet, "RGT006", D(2026, 2, 5))
    assert before.severity.value == "error"
    assert "Art 12(3)" in before.citation and "12A" not in before.citation
    assert "Art 12A" in after.citation
    assert "40 days" in after.message


def test_a_one_month_promise_passes(lint) -> None:
    assert lint(NOTICE + _right("access", "time_limit: 1 month"), ["RGT006", "RGT007"]) == []


def test_rectification_promised_immediately_is_a_warning(lint) -> None:
    snippet = NOTICE + _right(
        "rectification",
        "time_limit: immediately",
        "trace: {section: Your rights, quote: that anything inaccurate is corrected immediately}",
    )
    (finding,) = lint(snippet, "RGT007")
    assert finding.severity.value == "warning"
    assert "without undue delay" in finding.message and "corrected immediately" in finding.message


def test_access_promised_immediately_names_the_one_month(lint) -> None:
    (finding,) = lint(NOTICE + _right("access", "time_limit: immediately"), "RGT007")
    assert "within one month" in finding.message


# --- RGT008 cited under the DPA 2018 only ------------------------------------------------------


def test_access_under_the_act_only_is_information(lint) -> None:
    (finding,) = lint(NOTICE + _right("access", "laws_cited: [the Data Protection Act 2018]"), "RGT008")
    assert finding.severity.value == "info"
    assert "under the Data Protection Act 2018" in finding.message


@pytest.mark.parametrize(
    "law",
    ["the Data Protection Act", "Data Protection Act (2018)", "the DPA 2018", "the DPA", "Data Protection Act, 2018"],
)
def test_access_under_the_act_in_other_words_is_information(lint, law: str) -> None:
    (finding,) = lint(NOTICE + _right("access", f"laws_cited: [{law!r}]"), "RGT008")
    assert f"under {law}" in finding.message


@pytest.mark.parametrize("law", ["the Data Protection Act 1998", "Data Protection Act (1998)", "the DPA 1998"])
def test_the_repealed_acts_are_not_read_as_the_2018_act(lint, law: str) -> None:
    assert lint(NOTICE + _right("access", f"laws_cited: [{law!r}]"), "RGT008") == []


@pytest.mark.parametrize("law", ["the Data Protection Act and the UK GDPR", "Article 15 of the GDPR"])
def test_a_right_also_cited_under_the_gdpr_is_not_reported(lint, law: str) -> None:
    assert lint(NOTICE + _right("access", f"laws_cited: [{law!r}]"), "RGT008") == []


def test_complaints_under_the_act_are_right(lint) -> None:
    snippet = NOTICE + _right("complain", "laws_cited: [section 165 of the Data Protection Act 2018]")
    assert lint(snippet, "RGT008") == []


def test_unstated_rights_are_not_read(lint) -> None:
    snippet = _bases(PUBLIC_TASK) + NOTICE + _right("objection", "stated: false", "scope: direct-marketing-only")
    assert lint(snippet, ["RGT001", "RGT002", "RGT003"]) == []
