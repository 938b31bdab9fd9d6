"""Transfer ground rules (TRF012-TRF019) and places given as regions: both sides of each date."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from textwrap import dedent

import pytest

from checks import transfer_grounds, transfers
from linter.findings import Finding

AssertFindings = Callable[..., None]
Lint = Callable[..., list[Finding]]
D = dt.date


def transfer(*extra: str, destination: str = "US", importer: bool = True) -> str:
    """A processor in the UK and one transfer; the transfer's ``destination:`` is on line 9."""
    lines = [
        "processors:",  # 1
        "  - id: hosting",  # 2
        "    name: Hosting Ltd",  # 3
        "    location: GB",  # 4
        "transfers:",  # 5
        "  - id: hosting-abroad",  # 6
        "    name: hosting abroad",  # 7
        "    importer: hosting" if importer else "    exporter: council",  # 8
        f"    destination: {destination}",  # 9
    ]
    lines.extend(f"    {line}" for line in extra)  # 10 onwards
    return "\n".join(lines) + "\n"


# --- TRF012 / TRF013: derogations for routine transfers ----------------------------------------


def test_compelling_interests_for_routine_transfers_is_an_error(assert_findings: AssertFindings) -> None:
    policy = transfer("mechanism: compelling-legitimate-interests", "frequency: routine", "safeguard_copy: on request")
    assert_findings(policy, "TRF012", [("TRF012", 11)])
    assert_findings(policy, "TRF013", [])


@pytest.mark.parametrize("frequency", ["one-off", "occasional"])
def test_compelling_interests_for_occasional_transfers_is_not_reported(
    assert_findings: AssertFindings, frequency: str
) -> None:
    policy = transfer("mechanism: compelling-legitimate-interests", f"frequency: {frequency}")
    assert_findings(policy, "TRF012", [])
    assert_findings(policy, "TRF013", [])


@pytest.mark.parametrize("mechanism", ["art49-1-a", "art49-1-d", "art49-1-e", "art49-1-g"])
def test_other_derogations_for_routine_transfers_are_a_warning(assert_findings: AssertFindings, mechanism: str) -> None:
    policy = transfer(f"mechanism: {mechanism}", "frequency: routine")
    assert_findings(policy, "TRF013", [("TRF013", 11)])
    assert_findings(policy, "TRF012", [])


def test_routine_safeguards_are_not_derogations(lint: Lint) -> None:
    policy = transfer("mechanism: uk-idta", "frequency: routine", "in_place_from: 2023-01-01")
    assert lint(policy, ["TRF012", "TRF013"]) == []


def test_the_rows_these_errors_rest_on_are_verified() -> None:
    rows = [m for m in transfers.mechanisms().values() if m.routine == transfer_grounds.NOT_REPETITIVE]
    rows += [m for m in transfers.mechanisms().values() if m.kind == transfer_grounds.NOT_A_GROUND]
    assert rows and all(row.source.verified for row in rows)
    assert all(m.routine for m in transfers.mechanisms().values() if m.kind == "derogation")


# --- TRF014: a foreign authority's request is no ground ---------------------------------------


@pytest.mark.parametrize(
    ("as_of", "cited"),
    [
        (D(2020, 12, 31), "GDPR Art 48 (a third country"),
        (D(2021, 1, 1), "Art 48 omitted"),
        (D(2026, 2, 4), "UK GDPR Art 44 ("),
        (D(2026, 2, 5), "Art 44A"),
    ],
)
def test_a_foreign_request_is_no_ground_whatever_the_date(lint: Lint, as_of: D, cited: str) -> None:
    (finding,) = lint(transfer("mechanism: art48-foreign-authority-request"), "TRF014", as_of)
    assert finding.line == 10
    assert cited in finding.citation


def test_a_derogation_for_legal_claims_is_a_ground(assert_findings: AssertFindings) -> None:
    assert_findings(transfer("mechanism: art49-1-e", "frequency: one-off"), "TRF014", [])


# --- TRF015: safeguards said to exist, not named ------------------------------------------------


@pytest.mark.parametrize("mechanism", ["art46-unnamed-safeguard", "standard-contractual-clauses"])
def test_unnamed_safeguards_are_reported_for_that_reason(lint: Lint, mechanism: str) -> None:
    policy = transfer(f"mechanism: {mechanism}", "safeguard_copy: on request")
    (finding,) = lint(policy, "TRF015")
    assert "must say which safeguard" in finding.message
    assert lint(policy, "TRF004") == []  # not an unknown mechanism


def test_unnamed_safeguards_cite_art_46_as_it_stood(lint: Lint) -> None:
    policy = transfer("mechanism: art46-unnamed-safeguard")
    (before,) = lint(policy, "TRF015", D(2026, 2, 4))
    (after,) = lint(policy, "TRF015", D(2026, 2, 5))
    assert "Art 46(1) (in the absence of adequacy regulations" in before.citation
    assert "Art 46(1A)" in after.citation and "the safeguards relied on" in after.citation


def test_an_unnamed_safeguard_with_no_copy_is_the_trf007_error(lint: Lint) -> None:
    (finding,) = lint(transfer("mechanism: art46-unnamed-safeguard", destination="outside-uk"), "TRF007")
    assert finding.severity.value == "error"


def test_a_named_safeguard_is_not_reported(assert_findings: AssertFindings) -> None:
    policy = transfer("mechanism: uk-idta", "in_place_from: 2023-01-01", "safeguard_copy: on request")
    assert_findings(policy, "TRF015", [])


# --- TRF016 / TRF017: no ground stated ------------------------------------------------------------


@pytest.mark.parametrize("destination", ["IN", "outside-uk", "worldwide", "outside-eu", "non-adequate-country"])
def test_no_ground_for_a_destination_adequacy_does_not_cover_is_an_error(
    assert_findings: AssertFindings, destination: str
) -> None:
    policy = transfer(destination=destination, importer=False)
    assert_findings(policy, "TRF016", [("TRF016", 6)])
    assert_findings(policy, "TRF017", [])


@pytest.mark.parametrize("destination", ["eea", "FR", "JP"])
def test_no_ground_for_an_adequate_destination_is_information(
    assert_findings: AssertFindings, destination: str
) -> None:
    policy = transfer(destination=destination)
    assert_findings(policy, "TRF017", [("TRF017", 9)])
    assert_findings(policy, "TRF016", [])


def test_adequacy_is_judged_on_the_date(assert_findings: AssertFindings) -> None:
    policy = transfer(destination="KR")  # UK adequacy regulations cover Korea from 2022-12-19
    assert_findings(policy, "TRF016", [("TRF016", 6)], D(2022, 12, 18))
    assert_findings(policy, "TRF017", [("TRF017", 9)], D(2022, 12, 19))


def test_a_uk_destination_is_no_transfer(lint: Lint) -> None:
    assert lint(transfer(destination="GB"), ["TRF016", "TRF017"]) == []


# --- TRF018: silence or a blank heading on transfers --------------------------------------------

NOTICE = dedent("""\
    notice:
      id: privacy-notice
      name: Privacy notice
    """)


def test_silence_while_a_processor_is_abroad_is_one_finding_at_the_notice(lint: Lint) -> None:
    policy = NOTICE + dedent("""\
        processors:
          - {id: cloudco, name: CloudCo, location: US}
          - {id: mailco, name: MailCo, location: GB, parent_company: {name: MailCo Inc, country: CA}}
        """)
    (finding,) = lint(policy, "TRF018")
    assert finding.entity == "notice:privacy-notice"
    assert [r.entity for r in finding.related] == ["processor:cloudco", "processor:mailco"]


def test_a_blank_transfers_heading_is_reported_even_with_other_text(lint: Lint) -> None:
    policy = (
        NOTICE
        + "  transfers_statement:\n    text: We keep your data safe.\n"
        + "  blank_sections:\n    - {heading: Will my data go abroad?, topic: transfers}\n"
        + "processors:\n  - {id: cloudco, name: CloudCo, location: US}\n"
    )
    (finding,) = lint(policy, "TRF018")
    assert "Will my data go abroad?" in finding.message and finding.field == "blank_sections"


def test_a_notice_that_describes_transfers_is_not_silent(assert_findings: AssertFindings) -> None:
    policy = (
        NOTICE
        + "  transfers_statement:\n    text: CloudCo hosts our data in the US under the IDTA.\n"
        + ("processors:\n  - {id: cloudco, name: CloudCo, location: US}\n")
    )
    assert_findings(policy, "TRF018", [])


def test_silence_with_nothing_abroad_is_not_reported(assert_findings: AssertFindings) -> None:
    assert_findings(NOTICE + "processors:\n  - {id: cloudco, name: CloudCo, location: GB}\n", "TRF018", [])


# --- TRF019: the controller's own view of adequacy -----------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "Your data may only be transferred abroad where we are assured that the country ensures an adequate "
        "level of protection.",
        "If we do, you can expect a similar degree of protection in respect of your personal information.",
    ],
)
def test_an_own_view_of_protection_is_reported(lint: Lint, text: str) -> None:
    (finding,) = lint(NOTICE + f"  transfers_statement:\n    text: {text}\n", "TRF019")
    assert finding.field == "transfers_statement"


def test_own_view_wording_is_left_to_the_transfer_rules_when_a_transfer_is_recorded(
    assert_findings: AssertFindings,
) -> None:
    policy = (
        NOTICE
        + "  transfers_statement:\n    text: You can expect a similar degree of protection.\n"
        + transfer(destination="outside-uk")
    )
    assert_findings(policy, "TRF019", [])


def test_own_view_citation_follows_the_date(lint: Lint) -> None:
    policy = NOTICE + "  transfers_statement:\n    text: We are satisfied it ensures adequate protection.\n"
    (before,) = lint(policy, "TRF019", D(2026, 2, 4))
    (after,) = lint(policy, "TRF019", D(2026, 2, 5))
    assert "s.17A" in before.citation and "Art 45A" in after.citation


# --- regions (checks/transfers.py) ------------------------------------------------------------------


def test_adequacy_to_a_region_is_no_trf003_error_unless_the_region_is_not_adequate(
    assert_findings: AssertFindings,
) -> None:
    for destination in ("outside-uk", "worldwide", "outside-eea", "outside-eu", "eea"):
        assert_findings(transfer("mechanism: uk-adequacy", destination=destination), "TRF003", [])
    assert_findings(transfer("mechanism: uk-adequacy", destination="non-adequate-country"), "TRF003", [("TRF003", 9)])


def test_adequacy_for_the_eea_is_judged_on_the_date(assert_findings: AssertFindings) -> None:
    policy = transfer("mechanism: uk-adequacy", destination="eea")
    assert_findings(policy, "TRF003", [], D(2021, 1, 1))
    assert_findings(policy, "TRF003", [("TRF003", 9)], D(2020, 12, 31))  # UK adequacy regulations from 2021


@pytest.mark.parametrize(
    ("destination", "place", "reached"),
    [
        ("outside-uk", "US", True),
        ("worldwide", "eea", True),
        ("outside-eea", "US", True),
        ("outside-eea", "FR", False),
        ("outside-eea", "non-adequate-country", True),
        ("outside-eu", "NO", True),  # Norway: in the EEA, not in the EU
        ("outside-eu", "outside-eea", True),
        ("outside-eea", "outside-eu", False),
        ("eea", "IE", True),
        ("eea", "US", False),
        ("US", "US", True),
        ("US", "outside-uk", False),
        ("outside-uk", "GB", False),
    ],
)
def test_a_transfer_reaches_the_places_its_destination_contains(destination: str, place: str, reached: bool) -> None:
    assert transfers.reaches(destination, place) is reached


def test_a_transfer_outside_the_uk_covers_a_processor_abroad(assert_findings: AssertFindings) -> None:
    policy = dedent("""\
        processors:
          - {id: cloudco, name: CloudCo, location: US}
        transfers:
          - {id: t, name: t, importer: cloudco, destination: outside-uk, mechanism: uk-idta, safeguard_copy: on request}
        """)
    assert_findings(policy, "TRF008", [])
    assert_findings(policy.replace("outside-uk", "eea"), "TRF008", [("TRF008", 2)])


def test_a_processor_in_a_region_is_named_in_words(lint: Lint) -> None:
    (finding,) = lint("processors:\n  - {id: cloudco, name: CloudCo, location: outside-uk}\n", "TRF008")
    assert "is located outside the UK" in finding.message


def test_a_processor_placed_only_outside_the_uk_is_covered_by_its_transfers(assert_findings: AssertFindings) -> None:
    policy = dedent("""\
        processors:
          - {id: suppliers, name: suppliers, location: outside-uk}
        transfers:
          - {id: t1, name: t1, importer: suppliers, destination: eea}
          - {id: t2, name: t2, importer: suppliers, destination: US, mechanism: uk-idta, safeguard_copy: on request}
        """)
    assert_findings(policy, "TRF008", [])
    assert_findings(policy.replace("location: outside-uk", "location: JP"), "TRF008", [("TRF008", 2)])
