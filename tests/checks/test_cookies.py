"""Cookies (PECR reg 6, Schedule A1 from 2026-02-05) and online identifiers called anonymous (CKE)."""

from __future__ import annotations

import datetime as dt

import pytest

D = dt.date
BEFORE, AFTER = D(2026, 2, 4), D(2026, 2, 5)


def _cookie(cookie_id: str, category: str, *lines: str) -> str:
    return f"  - id: {cookie_id}\n    name: {cookie_id}\n    category: {category}\n" + "".join(
        f"    {line}\n" for line in lines
    )


def _cookies(*cookies: str) -> str:
    return "cookies:\n" + "".join(cookies)


# --- CKE001 without consent ----------------------------------------------------------------------


@pytest.mark.parametrize("means", ["by-use", "implied", "opt-out", "not-asked", "pre-ticked", "accept-terms"])
def test_advertising_cookies_without_consent_are_reported_before_and_after_2026_02_05(lint, means: str) -> None:
    snippet = _cookies(_cookie("ads", "advertising", f"consent: {means}"))
    for day in (BEFORE, AFTER):
        (finding,) = lint(snippet, "CKE001", day)
        assert finding.severity.value == "warning" and finding.entity == "cookie:ads"
    (before,) = lint(snippet, "CKE001", BEFORE)
    (after,) = lint(snippet, "CKE001", AFTER)
    assert "reg 6(1)-(2)" in before.citation and "Schedule A1" not in before.citation
    assert "Schedule A1" in after.citation


@pytest.mark.parametrize("category", ["analytics", "functional"])
def test_an_opt_out_is_the_schedule_a1_exception_from_2026_02_05(lint, category: str) -> None:
    snippet = _cookies(_cookie("site", category, "consent: opt-out"))
    assert len(lint(snippet, "CKE001", BEFORE)) == 1
    assert lint(snippet, "CKE001", AFTER) == []


def test_third_party_analytics_on_an_opt_out_must_not_share_the_data(lint) -> None:
    snippet = _cookies(_cookie("ga", "analytics", "consent: opt-out", "third_party: true", "provider: Google"))
    (finding,) = lint(snippet, "CKE001", AFTER)
    assert "not shared" in finding.message and "para 5" in finding.citation


def test_analytics_by_use_after_2026_02_05_says_what_the_exception_would_need(lint) -> None:
    (finding,) = lint(_cookies(_cookie("site", "analytics", "consent: by-use")), "CKE001", AFTER)
    assert "simple, free means of objecting" in finding.message


@pytest.mark.parametrize(
    "cookie",
    [
        _cookie("session", "strictly-necessary", "consent: not-asked"),
        _cookie("security", "security", "consent: not-asked"),
        _cookie("ads", "advertising", "consent: opt-in"),
        _cookie("ads", "advertising", "consent: not-stated"),
        _cookie("ads", "advertising"),
        _cookie("facebook", "social-media", "consent: by-use", "on_other_platform: true"),
    ],
)
def test_consented_exempt_unknown_or_other_platform_cookies_pass(lint, cookie: str) -> None:
    assert lint(_cookies(cookie), "CKE001", AFTER) == []


def test_one_finding_per_way_of_asking(lint) -> None:
    snippet = _cookies(
        _cookie("settings", "functional", "consent: by-use"),
        _cookie("postcode", "functional", "consent: by-use"),
        _cookie("analytics", "analytics", "consent: by-use"),
        _cookie("video", "other", "consent: opt-out"),
    )
    findings = lint(snippet, "CKE001", AFTER)
    assert [(finding.entity, finding.detail) for finding in findings] == [
        ("cookie:settings", "by-use"),
        ("cookie:video", "opt-out"),
    ]
    assert [related.entity for related in findings[0].related] == ["cookie:postcode", "cookie:analytics"]


# --- CKE002 before consent ----------------------------------------------------------------------


def test_cookies_set_before_consent_are_reported_once(lint) -> None:
    snippet = _cookies(
        _cookie("ads", "advertising", "consent: opt-in", "set_before_consent: true"),
        _cookie("social", "social-media", "consent: opt-in", "set_before_consent: true"),
    )
    (finding,) = lint(snippet, "CKE002")
    assert finding.entity == "cookie:ads" and [r.entity for r in finding.related] == ["cookie:social"]


def test_set_before_consent_is_left_to_cke001_when_there_is_no_consent_at_all(lint) -> None:
    snippet = _cookies(_cookie("ads", "advertising", "consent: by-use", "set_before_consent: true"))
    assert lint(snippet, "CKE002") == []
    assert len(lint(snippet, "CKE001")) == 1


def test_analytics_set_under_the_exception_before_any_choice_is_not_reported_after_2026_02_05(lint) -> None:
    snippet = _cookies(_cookie("site", "analytics", "consent: opt-out", "set_before_consent: true"))
    assert lint(snippet, "CKE002", AFTER) == []


@pytest.mark.parametrize("category", ["strictly-necessary", "security"])
def test_exempt_cookies_may_be_set_at_once(lint, category: str) -> None:
    assert lint(_cookies(_cookie("session", category, "set_before_consent: true")), "CKE002") == []


# --- CKE003 / CKE004 online identifiers called anonymous -----------------------------------------

ANONYMOUS = "described_as_anonymous: true"


def test_a_remember_me_cookie_called_anonymous_is_an_error_listing_the_rest_of_the_claim(lint) -> None:
    snippet = _cookies(
        _cookie("session", "strictly-necessary", "identifiers: [cookie-id]", ANONYMOUS),
        _cookie("remember-me", "functional", "identifiers: [cookie-id, user-id]", ANONYMOUS),
    ) + (
        "statements:\n  - id: cookie-claim\n    name: cookies\n    topic: cookies\n"
        "    text: We will not use cookies to collect personal data about you.\n"
    )
    (finding,) = lint(snippet, "CKE003")
    assert finding.severity.value == "error" and finding.entity == "cookie:remember-me"
    assert [r.entity for r in finding.related] == ["cookie:session", "statement:cookie-claim"]
    assert lint(snippet, "CKE004") == [], "the same claim is one finding"


def test_cookie_identifiers_called_anonymous_are_a_warning(lint) -> None:
    snippet = _cookies(_cookie("ga", "analytics", "identifiers: [ip-address]", ANONYMOUS))
    (finding,) = lint(snippet, "CKE004")
    assert finding.severity.value == "warning" and "ip-address" in finding.message
    assert "Recital 30" in finding.citation


def test_a_cookie_called_anonymous_that_records_no_identifier_passes(lint) -> None:
    assert lint(_cookies(_cookie("settings", "functional", ANONYMOUS)), ["CKE003", "CKE004"]) == []


def test_an_anonymised_usage_purpose_is_reported_while_identifiers_are_recorded(lint) -> None:
    snippet = (
        "data_categories:\n  - id: ip\n    name: IP address\n    online_identifier: true\n"
        "purposes:\n  - id: analytics\n    name: analyse how you use our website\n    anonymised: true\n"
    )
    (finding,) = lint(snippet, "CKE004")
    assert finding.entity == "purpose:analytics" and "IP address" in finding.message


def test_anonymised_statistics_that_are_not_about_site_use_pass(lint) -> None:
    snippet = (
        "data_categories:\n  - id: ip\n    name: IP address\n    online_identifier: true\n"
        "purposes:\n  - id: planning\n    name: plan services from anonymised statistics\n    anonymised: true\n"
    )
    assert lint(snippet, "CKE004") == []


def test_a_usage_record_said_to_hold_no_personal_data_with_no_word_on_how_it_is_made(lint) -> None:
    snippet = (
        "data_categories:\n  - id: usage\n    name: how you use the service, which pages you visit\n"
        "    trace:\n      section: Other data\n      quote: We record how you use the service.\n"
        "      also:\n        - {section: Other data, quote: No personal data is recorded.}\n"
        "purposes:\n  - id: improve\n    name: improve the service\n    anonymised: true\n"
        "services:\n  - id: site\n    name: the site\n    data_categories: [usage]\n    purposes: [improve]\n"
    )
    (finding,) = lint(snippet, "CKE004")
    assert finding.entity == "data_category:usage" and [r.entity for r in finding.related] == ["purpose:improve"]
    assert "does not say how that record is made" in finding.message


def test_a_cookie_statement_called_anonymous_is_reported_where_identifiers_are_recorded(lint) -> None:
    snippet = (
        "data_categories:\n  - id: ip\n    name: IP address\n    online_identifier: true\n"
        "statements:\n  - id: cookies\n    name: cookies\n    topic: cookies\n"
        "    text: Our cookies are anonymous and cannot be used to identify you.\n"
    )
    (finding,) = lint(snippet, "CKE004")
    assert finding.entity == "statement:cookies"


def _identifiers_and_statement(text: str) -> str:
    """A policy recording an IP address, with a statement about cookies in ``text``."""
    return (
        "data_categories:\n  - id: ip\n    name: IP address\n    online_identifier: true\n"
        f"statements:\n  - id: cookies\n    name: cookies\n    topic: cookies\n    text: {text}\n"
    )


@pytest.mark.parametrize(
    "text",
    [
        "Statistics come from Google Analytics; no information collected can be used to identify individual users.",
        "Our cookies are not used for identification purposes.",
        "The analytics we use does not identify individual visitors.",
        "Website usage statistics cannot identify you.",
    ],
)
def test_claims_that_web_data_identifies_nobody_are_read_however_worded(lint, text: str) -> None:
    (finding,) = lint(_identifiers_and_statement(text), "CKE004")
    assert finding.entity == "statement:cookies"


@pytest.mark.parametrize(
    "text",
    [
        "We use cookies to remember who you are when you sign in.",
        "Cookies help us identify you when you come back to the site.",
    ],
)
def test_cookie_statements_that_claim_no_anonymity_are_not_read_as_claims(lint, text: str) -> None:
    assert lint(_identifiers_and_statement(text), "CKE004") == []
