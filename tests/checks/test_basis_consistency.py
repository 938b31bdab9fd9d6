"""Bases that contradict other law or each other: LAW018 (PECR reg 22), LAW019 (analytics two ways)."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from linter.findings import Finding

Lint = Callable[..., list[Finding]]

BASES = (
    "lawful_bases:\n"
    '  - {id: interests, name: legitimate interests, article: "6(1)(f)"}\n'
    '  - {id: consent, name: consent, article: "6(1)(a)"}\n'
    '  - {id: public-task, name: public task, article: "6(1)(e)"}\n'
)


@pytest.mark.parametrize(
    ("channels", "bases", "reported"),
    [
        ("[email]", "[interests]", True),
        ("[sms, post]", "[interests]", True),
        ("[post]", "[interests]", False),  # PECR reg 22 is about electronic mail
        ("[email]", "[interests, consent]", False),
        ("[email]", "[public-task]", False),
    ],
)
def test_electronic_marketing_on_legitimate_interests(lint: Lint, channels: str, bases: str, reported: bool) -> None:
    policy = f"purposes:\n  - {{id: alumni, name: alumni, direct_marketing: {channels}, lawful_bases: {bases}}}\n"
    findings = lint(policy + BASES, "LAW018")
    assert bool(findings) is reported
    if reported:
        assert "PECR" in findings[0].citation or "2003/2426" in findings[0].citation


def test_analytics_on_consent_and_on_another_basis(lint: Lint) -> None:
    policy = (
        "purposes:\n"
        "  - {id: ga, name: performance analysis (web analytics), lawful_bases: [consent]}\n"
        "  - {id: insights, name: Azure App Insights analysis}\n"
        "  - {id: deliver, name: deliver the service, lawful_bases: [public-task]}\n"
    )
    (finding,) = lint(policy + BASES, "LAW019")
    assert finding.entity == "purpose:insights" and [r.entity for r in finding.related] == ["purpose:ga"]


def test_analytics_all_on_consent_or_none_on_consent_is_one_statement(lint: Lint) -> None:
    both = "purposes:\n  - {id: ga, name: web analytics, lawful_bases: [consent]}\n"
    none = "purposes:\n  - {id: ga, name: web analytics, lawful_bases: [public-task]}\n"
    assert lint(both + BASES, "LAW019") == [] and lint(none + BASES, "LAW019") == []
