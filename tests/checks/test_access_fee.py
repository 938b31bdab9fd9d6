"""A fee asked for a request to see one's own information: RGT009."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from linter.findings import Finding

Lint = Callable[..., list[Finding]]


def statement(text: str, topic: str = "rights") -> str:
    return f"statements:\n  - id: access\n    name: your right of access\n    topic: {topic}\n    text: {text!r}\n"


ASKED = [
    "To make a subject access request, send us the form with the fee of £10.",
    "A £10 fee applies to subject access requests.",
    "We may charge a fee of up to £10 for a copy of your personal information.",
    "You can make a subject access request to see what we hold about you. There is a charge of £10.",
    "You have the right to request access to your personal data; a fee may be charged.",
    "Requests for access to your records are subject to a £10 administration charge.",
]

NOT_ASKED = [
    "There is no fee for a subject access request.",
    "You will not normally be charged for a subject access request.",
    "We may charge a reasonable fee if your request is manifestly unfounded or excessive.",
    "We may charge a reasonable fee for further copies of your information.",
    "Subject access requests are free of charge.",
    "You can request a copy of your information free of charge.",
    "The officer in charge of subject access requests will reply within a month.",
    "A fee of £11 is payable for a copy birth certificate.",
    "You have the right to request a copy of your information. We will not charge you for this.",
    "Parking fees are collected by our contractor.",
]


@pytest.mark.parametrize("text", ASKED)
def test_a_fee_for_a_request_is_a_warning(lint: Lint, text: str) -> None:
    (finding,) = lint(statement(text), "RGT009")
    assert (finding.severity.value, finding.entity, finding.field) == ("warning", "statement:access", "text")
    assert "free of charge" in finding.message
    assert "Art 12(5)" in finding.citation and "Art 15(3)" in finding.citation


@pytest.mark.parametrize("text", NOT_ASKED)
def test_no_fee_or_one_the_law_allows_is_not_reported(lint: Lint, text: str) -> None:
    assert lint(statement(text), "RGT009") == []


def test_the_amount_is_quoted_whole(lint: Lint) -> None:
    (finding,) = lint(statement("Make a subject access request in writing. The charge is £10.50."), "RGT009")
    assert "£10.50" in finding.message


def test_the_notice_entity_s_own_words_are_read(lint: Lint) -> None:
    policy = (
        "notice:\n  id: n\n  name: N\n  rights_information: A fee of £10 is payable for each subject access request.\n"
    )
    (finding,) = lint(policy, "RGT009")
    assert (finding.entity, finding.field) == ("notice:n", "rights_information")


def test_one_finding_per_statement(lint: Lint) -> None:
    text = "A £10 fee applies to subject access requests. Send the £10 fee with your access request."
    assert len(lint(statement(text), "RGT009")) == 1
