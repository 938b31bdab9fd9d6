"""Consent by conduct (CNS): agreement taken from use, terms, silence or a pre-ticked box."""

from __future__ import annotations

import pytest


def _basis(means: str, article: str = "6(1)(a)") -> str:
    return (
        f'lawful_bases:\n  - id: consent\n    name: consent\n    article: "{article}"\n    consent_by: {means}\n'
        "    trace: {section: Facebook, quote: By visiting our page you consent}\n"
    )


PURPOSE = "purposes:\n  - id: page-statistics\n    name: page statistics\n    lawful_bases: [consent]\n"
SERVICE = "services:\n  - id: social-media\n    name: social media\n    purposes: [page-statistics]\n"


@pytest.mark.parametrize("means", ["by-use", "accept-terms", "pre-ticked", "opt-out", "not-asked"])
def test_a_consent_basis_taken_by_conduct_is_an_error(lint, means: str) -> None:
    (finding,) = lint(_basis(means), "CNS001")
    assert finding.severity.value == "error"
    assert finding.entity == "lawful_basis:consent" and finding.field == "consent_by"
    assert "Art 4(11)" in finding.citation


def test_the_finding_is_once_at_the_basis_listing_what_rests_on_it(lint) -> None:
    snippet = _basis("by-use") + PURPOSE + SERVICE
    (finding,) = lint(snippet, "CNS001")
    assert "By visiting our page you consent" in finding.message
    assert [related.entity for related in finding.related] == ["purpose:page-statistics", "service:social-media"]


def test_a_purpose_resting_on_a_reported_basis_is_not_reported_again(lint) -> None:
    snippet = _basis("by-use") + PURPOSE.replace(
        "lawful_bases: [consent]\n", "lawful_bases: [consent]\n    consent_by: by-use\n"
    )
    assert [finding.entity for finding in lint(snippet, "CNS001")] == ["lawful_basis:consent"]


def test_a_purpose_with_its_own_consent_by_use_is_reported(lint) -> None:
    snippet = "purposes:\n  - id: newsletter\n    name: newsletter\n    consent: true\n    consent_by: accept-terms\n"
    (finding,) = lint(snippet, "CNS001")
    assert finding.entity == "purpose:newsletter"


@pytest.mark.parametrize("means", ["opt-in", "not-stated"])
def test_consent_asked_for_or_not_described_is_not_an_error(lint, means: str) -> None:
    assert lint(_basis(means), ["CNS001", "CNS002"]) == []


def test_a_basis_other_than_consent_is_not_read(lint) -> None:
    assert lint(_basis("by-use", "6(1)(e)"), "CNS001") == []


def test_implied_consent_is_a_warning(lint) -> None:
    (finding,) = lint(_basis("implied"), "CNS002")
    assert finding.severity.value == "warning"
    assert "Recital 32" in finding.message


@pytest.mark.parametrize(
    "words",
    [
        "By using this website you agree to our use of your information.",
        "By continuing to browse the site, you are agreeing to this notice.",
        "Your continued use of the service constitutes acceptance of these terms.",
        "You will be asked to confirm that you have read and accepted the terms of this privacy statement.",
        "By accepting these terms you consent to us sharing your details.",
        "If you continue to use our services we will assume that you are happy with this.",
        "If you carry on browsing, we'll take it that you accept our cookies.",
        "Use of this service means you accept this privacy notice.",
        "Your use of the website constitutes consent to the processing described here.",
        "By submitting this form you agree to us processing your data.",
        "By completing the application, you consent to the checks described below.",
    ],
)
def test_words_that_take_agreement_from_conduct_are_a_warning(lint, words: str) -> None:
    snippet = f"statements:\n  - id: terms\n    name: terms\n    topic: consent\n    text: {words}\n"
    (finding,) = lint(snippet, "CNS002")
    assert finding.entity == "statement:terms" and finding.field == "text"


@pytest.mark.parametrize(
    "words",
    [
        "We ask for your consent separately, and you can withdraw it at any time.",
        "By using our online form you can apply for a parking permit.",
        "If you agree, tick the box below.",
        "If you continue to have problems, contact us.",
        "By submitting an enquiry you will get a reply within 10 days.",
        "Use of this service is free.",
    ],
)
def test_other_words_pass(lint, words: str) -> None:
    snippet = f"statements:\n  - id: terms\n    name: terms\n    topic: consent\n    text: {words}\n"
    assert lint(snippet, "CNS002") == []


def test_words_on_an_entity_that_records_its_consent_means_are_left_to_the_structured_rules(lint) -> None:
    basis = _basis("by-use").replace("By visiting our page you consent", "By visiting our page you consent to this")
    cookie = (
        "cookies:\n  - id: analytics\n    name: analytics\n    category: analytics\n    consent: by-use\n"
        "    trace: {section: Cookies, quote: By using our website you agree that we can place cookies}\n"
    )
    assert lint(basis + cookie, "CNS002") == []


def test_one_finding_per_statement(lint) -> None:
    snippet = (
        "statements:\n  - id: terms\n    name: By using this site you agree\n    topic: consent\n"
        "    text: By using this website you agree to this notice.\n"
    )
    assert len(lint(snippet, "CNS002")) == 1
