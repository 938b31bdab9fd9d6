"""Regime rules (REG): EU-regime and pre-2018 wording in notice prose, judged at --as-of."""

from __future__ import annotations

import datetime as dt

import pytest

from checks import facts

K = facts.load("regime-wording")
TERMS = K["terms"]
DAY = dt.timedelta(days=1)
RULE = {"eu-regime": "REG001", "superseded-term": "REG002"}


def statement(text: str, name: str = "s") -> str:
    return f'  - id: {name}\n    name: {name}\n    topic: other\n    text: "{text}"\n'


def statements(*texts: str) -> str:
    return "statements:\n" + "".join(statement(text, f"s{index}") for index, text in enumerate(texts))


@pytest.mark.parametrize("row", TERMS, ids=[row["id"] for row in TERMS])
def test_each_phrase_is_wrong_from_its_date_and_right_the_day_before(row, lint) -> None:
    rule = RULE[row["kind"]]
    snippet = statements(row["example"])
    assert lint(snippet, rule, row["from"] - DAY) == []
    (finding,) = lint(snippet, rule, row["from"])
    assert finding.detail == row["id"]
    assert " ".join(str(row["use"]).split()) in finding.message
    assert finding.citation == " ".join(str(row["citation"]).split())


def test_eu_wording_was_right_for_a_uk_body_until_the_end_of_2020(lint) -> None:
    snippet = statements("Your rights under the General Data Protection Regulation (GDPR) are set out below.")
    assert lint(snippet, "REG001", dt.date(2020, 12, 31)) == []
    (finding,) = lint(snippet, "REG001", dt.date(2021, 1, 1))
    assert finding.severity.value == "warning"
    assert "'General Data Protection Regulation (GDPR)'" in finding.message
    assert "(statement:s0 text)" in finding.message and "UK GDPR" in finding.message


@pytest.mark.parametrize(
    "text",
    [
        "We comply with the GDPR.",
        "the EU GDPR gives you these rights",
        "You have rights under the General Data Protection Regulations.",
        "as set out in Article 6(1) of the General Data Protection Regulation (GDPR)",
        "necessary for reasons of substantial public interest on the basis of Union or Member State law",
        "as required by Regulation (EU) 2016/679",
        "We process your data in line with Regulation (EU) No 2016/679.",
    ],
)
def test_eu_regime_phrases(text: str, assert_findings) -> None:
    assert_findings(statements(text), "REG001", [("REG001", 5)])


@pytest.mark.parametrize(
    "text",
    [
        "We comply with the UK GDPR and the Data Protection Act 2018.",
        "the UK General Data Protection Regulation (UK GDPR)",
        "the UK General Data Protection Regulation (GDPR)",
        "The retained EU law version of the General Data Protection Regulation ((EU) 2016/679) (UK GDPR) applies.",
        "See https://ico.org.uk/guide-to-the-general-data-protection-regulation-gdpr/ for more.",
        "Write to gdpr@example.gov.uk.",
        "authorised by domestic law",
        "Regulation (EU) 2016/679 as it forms part of the law of England and Wales",
        "Regulation (EU) 2016/679 (the UK GDPR)",
        "the assimilated Regulation (EU) 2016/679, retained in UK law",
    ],
)
def test_the_uk_regime_is_clean(text: str, assert_findings) -> None:
    assert_findings(statements(text), "REG001", [])


def test_one_finding_per_phrase_row_listing_every_entity(lint) -> None:
    snippet = statements("Under the GDPR you may object.", "The GDPR gives you a right of access.", "See the GDPR.")
    (finding,) = lint(snippet, "REG001")
    assert finding.entity == "statement:s0"
    assert [related.entity for related in finding.related] == ["statement:s1", "statement:s2"]
    assert "2 other place(s)" in finding.message


def test_the_law_a_notice_cites_is_read(assert_findings) -> None:
    snippet = "notice:\n  id: n\n  name: N\n  laws_cited:\n    - cited_as: the General Data Protection Regulation\n"
    assert_findings(snippet, "REG001", [("REG001", 4)])


def test_trace_quotes_are_read(assert_findings) -> None:
    snippet = (
        "statements:\n  - id: s\n    name: s\n    topic: other\n"
        "    trace:\n      section: Rights\n      quote: Sensitive personal data is kept safe.\n"
    )
    assert_findings(snippet, "REG002", [("REG002", 7)])


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("A full copy of our notification to the Information Commissioner's Office is on its website.", 1),
        ("Our notification number is Z123.", 1),
        ("We will make a notification to the ICO of a personal data breach within 72 hours.", 0),
        ("We notify the ICO of breaches.", 0),
    ],
)
def test_notification_is_the_1998_registration_not_a_breach_report(text: str, expected: int, lint) -> None:
    assert len(lint(statements(text), "REG002")) == expected


def test_retained_eu_law_is_assimilated_law_from_2024(lint) -> None:
    snippet = statements("The retained EU law version of the GDPR (UK GDPR) applies.")
    assert lint(snippet, "REG002", dt.date(2023, 12, 31)) == []
    (finding,) = lint(snippet, "REG002", dt.date(2024, 1, 1))
    assert "assimilated law" in finding.message


def test_transfer_wording_is_left_to_trf006(lint) -> None:
    snippet = statements("We never send your information outside the EEA.")
    assert lint(snippet, ["REG001", "REG002"]) == []
    assert [finding.rule for finding in lint(snippet, "TRF006")] == ["TRF006"]


def test_an_instrument_title_is_left_to_the_register(lint) -> None:
    snippet = statements("We process your data under the Data Protection Act 1998.")
    assert lint(snippet, ["REG001", "REG002"]) == []
    assert [finding.rule for finding in lint(snippet, "LEG002")] == ["LEG002"]


def test_every_row_is_documented() -> None:
    for row in TERMS:
        assert row["kind"] in RULE, row["id"]
        assert str(row["verified"]).startswith(("yes", "partly: ", "no: ")), row["id"]
        for key in ("pattern", "regime", "use", "example", "citation"):
            assert str(row[key]).strip(), (row["id"], key)
