"""Transfer rules (TRF001-TRF011): failing and passing cases, both sides of each date."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from textwrap import dedent

import pytest
from support import ROOT

from checks import facts, transfers
from checks.naming import is_verified
from linter import engine
from linter.findings import Finding, Severity

AssertFindings = Callable[..., None]
D = dt.date
Expected = list[tuple[str, int]]


def transfer(mechanism: str, *extra: str, destination: str = "US", copy: bool = True) -> str:
    """A processor in the UK and one transfer to ``destination``; ``mechanism:`` is on line 11."""
    lines = [
        "processors:",  # 1
        "  - id: redfern",  # 2
        "    name: Redfern",  # 3
        "    location: GB",  # 4
        "    parent_company: {name: Redfern Inc, country: US}",  # 5
        "transfers:",  # 6
        "  - id: redfern-parent",  # 7
        "    name: Redfern parent company",  # 8
        "    importer: redfern",  # 9
        f"    destination: {destination}",  # 10
        f"    mechanism: {mechanism}",  # 11
    ]
    if copy:
        lines.append("    safeguard_copy: on request from the Data Protection Officer")  # 12
    lines.extend(f"    {line}" for line in extra)
    return "\n".join(lines) + "\n"


MECHANISM_LINE = 11
DESTINATION_LINE = 10


# --- TRF001: mechanism not valid on the date ----------------------------------


@pytest.mark.parametrize(
    ("as_of", "expected"),
    [
        (D(2020, 1, 1), []),  # UK under the EU GDPR in the transition: Privacy Shield still valid
        (D(2020, 7, 16), []),  # the day of Schrems II is its last day
        (D(2020, 7, 17), [("TRF001", MECHANISM_LINE)]),
        (D(2026, 11, 24), [("TRF001", MECHANISM_LINE)]),
    ],
)
def test_privacy_shield_clean_until_schrems_ii(assert_findings: AssertFindings, as_of: D, expected: Expected) -> None:
    assert_findings(transfer("eu-us-privacy-shield", "in_place_from: 2019-01-01"), "TRF001", expected, as_of)


def test_same_policy_clean_on_2020_01_01_and_in_error_on_2020_07_17(lint: Callable[..., list[Finding]]) -> None:
    policy = transfer("eu-us-privacy-shield", "in_place_from: 2019-01-01")
    assert lint(policy, "TRF", D(2020, 1, 1)) == []
    assert [f.rule for f in lint(policy, "TRF", D(2020, 7, 17))] == ["TRF001"]


@pytest.mark.parametrize(
    ("as_of", "expected"),
    [(D(2015, 10, 6), []), (D(2015, 10, 7), [("TRF001", MECHANISM_LINE)])],
)
def test_safe_harbor_dead_after_schrems_i(assert_findings: AssertFindings, as_of: D, expected: Expected) -> None:
    assert_findings(transfer("safe-harbour", "in_place_from: 2010-01-01"), "TRF001", expected, as_of)


@pytest.mark.parametrize(
    ("in_place_from", "expected"),
    [("2022-09-21", []), ("2022-09-22", [("TRF001", MECHANISM_LINE)])],
)
def test_old_eu_sccs_new_contract_cutoff(
    assert_findings: AssertFindings, in_place_from: str, expected: Expected
) -> None:
    policy = transfer("eu-sccs-2010", f"in_place_from: {in_place_from}")
    assert_findings(policy, "TRF001", expected, D(2023, 6, 1))


@pytest.mark.parametrize(
    ("as_of", "expected"),
    [(D(2019, 1, 1), []), (D(2024, 3, 21), []), (D(2024, 3, 22), [("TRF001", MECHANISM_LINE)])],
)
def test_old_eu_sccs_end_for_all_contracts(assert_findings: AssertFindings, as_of: D, expected: Expected) -> None:
    assert_findings(transfer("old-eu-sccs", "in_place_from: 2018-06-01"), "TRF001", expected, as_of)


@pytest.mark.parametrize("as_of", [D(2021, 7, 1), D(2023, 1, 1), D(2026, 11, 24)])
def test_eu_2021_sccs_alone_never_valid_for_uk(assert_findings: AssertFindings, as_of: D) -> None:
    assert_findings(transfer("eu-sccs-2021"), "TRF001", [("TRF001", MECHANISM_LINE)], as_of)


@pytest.mark.parametrize(
    ("as_of", "expected"),
    [(D(2022, 3, 20), [("TRF001", MECHANISM_LINE)]), (D(2022, 3, 21), [])],
)
def test_uk_addendum_from_21_march_2022(assert_findings: AssertFindings, as_of: D, expected: Expected) -> None:
    assert_findings(transfer("eu-sccs-2021-with-uk-addendum"), "TRF001", expected, as_of)


@pytest.mark.parametrize(
    ("as_of", "expected"),
    [(D(2023, 10, 11), [("TRF001", MECHANISM_LINE)]), (D(2023, 10, 12), [])],
)
def test_uk_extension_from_12_october_2023(assert_findings: AssertFindings, as_of: D, expected: Expected) -> None:
    policy = transfer("uk-extension-dpf", "dpf_certified: true", "uk_extension: true", copy=False)
    assert_findings(policy, "TRF001", expected, as_of)


@pytest.mark.parametrize(
    ("as_of", "expected"),
    [(D(2020, 12, 31), []), (D(2021, 1, 1), [("TRF001", MECHANISM_LINE)])],
)
def test_eu_adequacy_decision_ends_with_transition(
    assert_findings: AssertFindings, as_of: D, expected: Expected
) -> None:
    assert_findings(transfer("eu-adequacy", destination="CH", copy=False), "TRF001", expected, as_of)


def test_eu_dpf_without_uk_extension_never_valid(assert_findings: AssertFindings) -> None:
    policy = transfer("eu-us-dpf", "dpf_certified: true", copy=False)
    assert_findings(policy, "TRF001", [("TRF001", MECHANISM_LINE)], D(2024, 1, 1))


def test_mechanism_matched_by_alias_and_spelling(assert_findings: AssertFindings) -> None:
    assert_findings(transfer("Privacy Shield"), "TRF001", [("TRF001", MECHANISM_LINE)])
    assert_findings(transfer("IDTA", "in_place_from: 2023-01-01"), "TRF001", [])


# --- TRF002: UK Extension conditions --------------------------------------------


def test_uk_extension_needs_certified_and_opted_in_importer(assert_findings: AssertFindings) -> None:
    assert_findings(
        transfer("uk-extension-dpf", "dpf_certified: true", copy=False), "TRF002", [("TRF002", MECHANISM_LINE)]
    )
    assert_findings(
        transfer("uk-extension-dpf", "uk_extension: true", copy=False), "TRF002", [("TRF002", MECHANISM_LINE)]
    )
    assert_findings(transfer("uk-extension-dpf", "dpf_certified: true", "uk_extension: true", copy=False), "TRF002", [])


def test_uk_extension_only_for_the_us(assert_findings: AssertFindings) -> None:
    policy = transfer("uk-extension-dpf", "dpf_certified: true", "uk_extension: true", destination="IN", copy=False)
    assert_findings(policy, "TRF002", [("TRF002", DESTINATION_LINE)])


def test_uk_adequacy_to_the_us_is_the_uk_extension(assert_findings: AssertFindings) -> None:
    assert_findings(transfer("uk-adequacy", copy=False), "TRF002", [("TRF002", MECHANISM_LINE)])
    assert_findings(transfer("uk-adequacy", "dpf_certified: true", "uk_extension: true", copy=False), "TRF002", [])


# --- TRF003: adequacy destination -----------------------------------------------


@pytest.mark.parametrize(
    ("as_of", "expected"),
    [(D(2022, 12, 18), [("TRF003", DESTINATION_LINE)]), (D(2022, 12, 19), [])],
)
def test_korea_adequate_from_19_december_2022(assert_findings: AssertFindings, as_of: D, expected: Expected) -> None:
    assert_findings(transfer("uk-adequacy", destination="KR", copy=False), "TRF003", expected, as_of)


@pytest.mark.parametrize(
    ("as_of", "expected"),
    [(D(2023, 10, 11), [("TRF003", DESTINATION_LINE)]), (D(2023, 10, 12), [])],
)
def test_us_adequacy_from_12_october_2023(assert_findings: AssertFindings, as_of: D, expected: Expected) -> None:
    policy = transfer("uk-adequacy", "dpf_certified: true", "uk_extension: true", copy=False)
    assert_findings(policy, "TRF003", expected, as_of)


@pytest.mark.parametrize(
    ("destination", "expected"),
    [
        ("IN", [("TRF003", DESTINATION_LINE)]),
        ("CN", [("TRF003", DESTINATION_LINE)]),
        ("FR", []),
        ('"NO"', []),  # quoted: a bare NO is YAML 1.1 for false
        ("JE", []),
        ("GB", []),
        ("FO", []),  # unverified row: never an error on its say-so
    ],
)
def test_adequacy_only_for_listed_destinations(
    assert_findings: AssertFindings, destination: str, expected: Expected
) -> None:
    assert_findings(transfer("uk-adequacy", destination=destination, copy=False), "TRF003", expected)


def test_invalid_destination_is_left_to_the_schema_rule(assert_findings: AssertFindings) -> None:
    assert_findings(transfer("uk-adequacy", destination="NO", copy=False), "TRF003", [])


def test_uk_adequacy_did_not_exist_before_2021(assert_findings: AssertFindings) -> None:
    policy = transfer("uk-adequacy", destination="CH", copy=False)
    assert_findings(policy, "TRF001", [("TRF001", MECHANISM_LINE)], D(2020, 12, 31))
    assert_findings(policy, "TRF001", [], D(2021, 1, 1))


# --- TRF004: unknown mechanism --------------------------------------------------


def test_unknown_mechanism(assert_findings: AssertFindings) -> None:
    assert_findings(transfer("standard-clauses-of-our-own"), "TRF004", [("TRF004", MECHANISM_LINE)])
    assert_findings(transfer("uk-idta"), "TRF004", [])


def test_unknown_mechanism_suggests_a_known_id(lint: Callable[..., list[Finding]]) -> None:
    [finding] = lint(transfer("uk-idtaa"), "TRF004")
    assert "did you mean 'uk-idta'" in finding.message


# --- TRF005: in place before the mechanism existed ----------------------------------


@pytest.mark.parametrize(("in_place_from", "expected"), [("2022-03-20", [("TRF005", 13)]), ("2022-03-21", [])])
def test_idta_before_it_existed(assert_findings: AssertFindings, in_place_from: str, expected: Expected) -> None:
    assert_findings(transfer("uk-idta", f"in_place_from: {in_place_from}"), "TRF005", expected)


def test_no_start_date_nothing_to_compare(assert_findings: AssertFindings) -> None:
    assert_findings(transfer("uk-idta"), "TRF005", [])


# --- TRF006: EU-regime wording ----------------------------------------------------


@pytest.mark.parametrize(
    "wording",
    [
        "The parent company is registered with the US Privacy Shield.",
        "The EU has agreed that they have an adequate level of data protection.",
        "This is covered by an EU adequacy decision.",
        "We use EU standard contractual clauses.",
        "Transfers rely on the Safe Harbour scheme.",
    ],
)
def test_eu_wording_in_transfer(assert_findings: AssertFindings, wording: str) -> None:
    policy = transfer("uk-idta", f"notice_wording: {wording}")
    assert_findings(policy, "TRF006", [("TRF006", 13)])


@pytest.mark.parametrize(
    "wording",
    [
        "We have an International Data Transfer Agreement with the parent company.",
        "We use the EU standard contractual clauses with the UK Addendum.",
        "The importer participates in the UK Extension to the EU-US Data Privacy Framework.",
    ],
)
def test_uk_wording_is_clean(assert_findings: AssertFindings, wording: str) -> None:
    assert_findings(transfer("uk-idta", f"notice_wording: {wording}"), "TRF006", [])


def test_eu_wording_in_the_transfers_statement(assert_findings: AssertFindings) -> None:
    policy = dedent("""\
        notice:
          id: privacy-notice
          name: Privacy notice
          transfers_statement:
            text: Transfers only happen where the EU has decided the country is adequate.
        """)
    assert_findings(policy, "TRF006", [("TRF006", 4)])


@pytest.mark.parametrize(
    "wording",
    [
        "We will not transfer your personal data outside of the European Economic Area (EEA).",
        "We may transfer your personal information outside the EU.",
        "The UK GDPR restricts transfers of personal data outside the European Union.",
        "This facilitates flows of personal data to certified US companies in the EU-US Data Privacy Framework.",
        "The European Commission has made a decision that the country is adequate.",
        "Your data will not leave the European Union.",
        "Information is never transferred beyond the EEA.",
        "If data leaves the European Economic Area (EEA) we use safeguards.",
    ],
)
def test_eu_boundary_and_framework_wording(assert_findings: AssertFindings, wording: str) -> None:
    assert_findings(transfer("uk-idta", f"notice_wording: {wording}"), "TRF006", [("TRF006", 13)])


@pytest.mark.parametrize(
    "wording",
    [
        "We will not transfer your personal data outside the UK.",
        "We will not transfer your personal data outside the UK and the EEA.",
        "US companies in the UK Extension to the EU-US Data Privacy Framework receive it.",
        "The EU-US Data Privacy Framework, with its UK-US data bridge, covers the transfer.",
        "Since the UK left the EU, the UK GDPR applies to us.",
        "After the United Kingdom leaves the European Union our duties stay the same.",
        "Your data will not leave the UK.",
    ],
)
def test_uk_boundary_wording_is_clean(assert_findings: AssertFindings, wording: str) -> None:
    assert_findings(transfer("uk-idta", f"notice_wording: {wording}"), "TRF006", [])


def test_the_eu_boundary_was_right_until_the_end_of_2020(assert_findings: AssertFindings) -> None:
    policy = transfer("uk-idta", "notice_wording: Nothing is sent outside the EEA.")
    assert_findings(policy, "TRF006", [], as_of=D(2020, 12, 31))
    assert_findings(policy, "TRF006", [("TRF006", 13)], as_of=D(2021, 1, 1))


def test_the_privacy_shield_is_wrong_from_its_invalidation(assert_findings: AssertFindings) -> None:
    policy = transfer("uk-idta", "notice_wording: The importer is in the Privacy Shield.")
    assert_findings(policy, "TRF006", [], as_of=D(2020, 7, 15))
    assert_findings(policy, "TRF006", [("TRF006", 13)], as_of=D(2020, 7, 16))


def test_eu_wording_anywhere_in_the_notice_is_one_finding_per_phrase(lint: Callable[..., list[Finding]]) -> None:
    policy = dedent("""\
        notice:
          id: privacy-notice
          name: Privacy notice
          transfers_statement:
            text: We do not send personal data outside the EEA.
        statements:
          - id: security
            name: security
            topic: security
            text: Our suppliers keep your data in the UK; nothing goes outside the EEA.
            trace:
              quote: Nothing leaves the EEA. Data never goes outside of the EEA.
        """)
    (finding,) = lint(policy, "TRF006")
    assert (finding.entity, finding.line) == ("notice:privacy-notice", 4)
    assert [related.entity for related in finding.related] == ["statement:security"]


# --- TRF007: no copy of the safeguards ----------------------------------------------


def test_safeguards_need_a_copy(assert_findings: AssertFindings) -> None:
    assert_findings(transfer("uk-idta", copy=False), "TRF007", [("TRF007", MECHANISM_LINE)])
    assert_findings(transfer("uk-bcr", copy=False), "TRF007", [("TRF007", MECHANISM_LINE)])
    assert_findings(transfer("uk-idta"), "TRF007", [])


def test_adequacy_needs_no_copy(assert_findings: AssertFindings) -> None:
    assert_findings(transfer("uk-adequacy", destination="FR", copy=False), "TRF007", [])
    policy = transfer("uk-extension-dpf", "dpf_certified: true", "uk_extension: true", copy=False)
    assert_findings(policy, "TRF007", [])


# --- TRF008: importer outside the UK with no transfer ----------------------------------


PROCESSORS = dedent("""\
    processors:
      - id: mosaic
        name: Mosaic
        location: GB
      - id: redfern
        name: Redfern
        location: GB
        parent_company:
          name: Redfern Inc
          country: US
      - id: cloudco
        name: CloudCo
        location: IE
        sub_processors:
          - {name: SupportCo, country: IN}
          - {name: HostCo, country: GB}
    recipients:
      - id: us-agency
        name: US agency
        role: independent-controller
        country: US
    """)


def test_non_uk_places_need_a_transfer(assert_findings: AssertFindings) -> None:
    assert_findings(
        PROCESSORS,
        "TRF008",
        [
            ("TRF008", 8),  # Redfern's parent company in the US
            ("TRF008", 13),  # CloudCo located in Ireland: EEA is adequate but still a transfer
            ("TRF008", 14),  # CloudCo's sub-processor in India
            ("TRF008", 21),  # recipient in the US
        ],
    )


def test_recorded_transfers_cover_them(assert_findings: AssertFindings) -> None:
    covered = PROCESSORS + dedent("""\
        transfers:
          - {id: t1, name: parent, importer: redfern, destination: US, mechanism: uk-idta}
          - {id: t2, name: hosting, importer: cloudco, destination: IE, mechanism: uk-adequacy}
          - {id: t3, name: support, importer: cloudco, destination: IN, mechanism: uk-idta}
          - {id: t4, name: agency, importer: us-agency, destination: US, mechanism: art49-1-d}
        """)
    assert_findings(covered, "TRF008", [])


def test_a_transfer_to_another_country_does_not_cover(assert_findings: AssertFindings) -> None:
    policy = PROCESSORS + dedent("""\
        transfers:
          - {id: t1, name: parent, importer: redfern, destination: CA, mechanism: uk-adequacy}
        """)
    assert_findings(policy, "TRF008", [("TRF008", 8), ("TRF008", 13), ("TRF008", 14), ("TRF008", 21)])


# --- TRF009: "no other transfers" contradicted ------------------------------------------


NOTICE = dedent("""\
    notice:
      id: privacy-notice
      name: Privacy notice
      transfers_statement:
        no_other_transfers: true
    """)


def test_no_other_transfers_contradicted_by_processor(assert_findings: AssertFindings) -> None:
    policy = NOTICE + "processors:\n  - {id: cloudco, name: CloudCo, location: US}\n"
    assert_findings(policy, "TRF009", [("TRF009", 4)])


def test_no_other_transfers_finding_lists_what_contradicts_it(lint) -> None:  # type: ignore[no-untyped-def]
    policy = NOTICE + dedent("""\
        processors:
          - {id: cloudco, name: CloudCo, location: US}
          - {id: backupco, name: BackupCo, location: GB}
        transfers:
          - {id: backup, name: backup, importer: backupco, destination: IN, mechanism: uk-idta}
        """)
    related = sorted(related.entity for finding in lint(policy, "TRF009") for related in finding.related)
    assert related == ["processor:cloudco", "transfer:backup"]


def test_no_other_transfers_contradicted_by_unstated_transfer(assert_findings: AssertFindings) -> None:
    policy = NOTICE + dedent("""\
        processors:
          - {id: cloudco, name: CloudCo, location: GB}
        transfers:
          - {id: backup, name: backup, importer: cloudco, destination: US, mechanism: uk-idta}
        """)
    assert_findings(policy, "TRF009", [("TRF009", 4)])


def test_stated_transfers_do_not_contradict(assert_findings: AssertFindings) -> None:
    policy = NOTICE + dedent("""\
        processors:
          - {id: cloudco, name: CloudCo, location: GB, parent_company: {name: CloudCo Inc, country: US}}
        transfers:
          - id: backup
            name: backup
            importer: cloudco
            destination: US
            mechanism: uk-idta
            notice_wording: Backups are held by the parent company in the US under an IDTA.
        """)
    assert_findings(policy, "TRF009", [])


def test_transfer_without_destination_is_not_a_contradiction(assert_findings: AssertFindings) -> None:
    policy = NOTICE + dedent("""\
        processors:
          - {id: cloudco, name: CloudCo, location: GB}
        transfers:
          - {id: backup, name: backup, importer: cloudco, mechanism: uk-idta}
        """)
    assert_findings(policy, "TRF009", [])


def test_contradiction_is_a_warning_naming_what_the_notice_omits(lint: Callable[..., list[Finding]]) -> None:
    policy = NOTICE + "processors:\n  - {id: cloudco, name: CloudCo, location: US}\n"
    (finding,) = lint(policy, "TRF009")
    assert finding.severity is Severity.WARNING
    assert "located in US" in finding.message


def test_without_the_statement_nothing_is_contradicted(assert_findings: AssertFindings) -> None:
    policy = NOTICE.replace("true", "false") + "processors:\n  - {id: cloudco, name: CloudCo, location: US}\n"
    assert_findings(policy, "TRF009", [])


# --- TRF010: Art 49 derogations and public authorities ------------------------------------


COUNCIL = "controller:\n  id: council\n  name: Council\n  public_authority: {flag}\n"


def shifted(mechanism: str, flag: str) -> str:
    return COUNCIL.format(flag=flag) + transfer(mechanism, copy=False)


@pytest.mark.parametrize(
    "mechanism", ["art49-1-a", "art49-1-b", "art49-1-c", "art49-1-compelling-legitimate-interests"]
)
def test_public_authority_excluded_derogations(assert_findings: AssertFindings, mechanism: str) -> None:
    assert_findings(shifted(mechanism, "true"), "TRF010", [("TRF010", MECHANISM_LINE + 4)])


def test_other_derogations_and_other_controllers(assert_findings: AssertFindings) -> None:
    assert_findings(shifted("art49-1-d", "true"), "TRF010", [])
    assert_findings(shifted("art49-1-a", "false"), "TRF010", [])


# --- TRF011: a problem resting on knowledge that is not verified --------------------------


def test_copy_duty_for_a_partly_verified_mechanism_is_a_warning(assert_findings: AssertFindings) -> None:
    policy = transfer("art46-2-a", copy=False, destination="IN")
    assert_findings(policy, "TRF007", [])
    assert_findings(policy, "TRF011", [("TRF011", MECHANISM_LINE)])
    assert_findings(transfer("art46-2-a", destination="IN"), "TRF011", [])


def test_dates_of_an_unverified_mechanism_give_a_warning_not_an_error(assert_findings: AssertFindings) -> None:
    policy = transfer("art46-2-a")  # "partly: ... not re-read": valid_from 2018-05-25
    assert_findings(policy, "TRF001", [], D(2018, 5, 24))
    assert_findings(policy, "TRF011", [("TRF011", MECHANISM_LINE)], D(2018, 5, 24))
    assert_findings(policy, "TRF011", [], D(2018, 5, 25))


def test_unverified_adequacy_row_gives_a_warning_not_an_error(assert_findings: AssertFindings) -> None:
    policy = transfer("uk-adequacy", destination="UY", copy=False)  # UY: "partly: ..." from 2021-01-01
    as_of = D(2020, 12, 31)
    assert_findings(policy, "TRF003", [], as_of)
    assert_findings(policy, "TRF011", [("TRF011", DESTINATION_LINE)], as_of)


def test_warning_names_the_rule_and_the_row(lint: Callable[..., list[Finding]]) -> None:
    (finding,) = lint(transfer("art46-2-a", copy=False, destination="IN"), "TRF011")
    assert "not as a TRF007 error" in finding.message
    assert "'art46-2-a-public-authority-instrument' (partly)" in finding.message


def test_verified_rows_still_give_errors_not_warnings(assert_findings: AssertFindings) -> None:
    policy = transfer("eu-us-privacy-shield", "in_place_from: 2019-01-01")
    assert_findings(policy, "TRF001", [("TRF001", MECHANISM_LINE)])
    assert_findings(policy, "TRF011", [])


def test_the_shipped_policy_still_fails_on_the_privacy_shield() -> None:
    result = engine.run([str(ROOT / "policy")], D(2026, 11, 24), select=["TRF"])
    errors = [(f.rule, f.file.rsplit("/", 1)[-1]) for f in result.findings if f.severity is Severity.ERROR]
    assert errors == [("TRF001", "transfers.yaml")]


# --- knowledge ----------------------------------------------------------------------------


def _verified_notes() -> list[tuple[str, str]]:
    mechanisms = facts.load("transfer-mechanisms")
    rows = [*mechanisms["regimes"], *mechanisms["mechanisms"]]
    notes = [(str(row["id"]), row["verified"]) for row in rows]
    notes += [(section, mechanisms[section]["verified"]) for section in ("safeguard_copy", "eu_regime_wording")]
    notes += [(str(row["code"]), row["verified"]) for row in facts.load("adequacy")["destinations"]]
    return notes


def test_every_verified_note_starts_with_its_verdict() -> None:
    notes = _verified_notes()
    assert len(notes) > 50
    for name, note in notes:
        assert isinstance(note, str) and note.startswith(("yes: ", "partly: ", "no: ")), name


@pytest.mark.parametrize(
    "mechanism",
    [
        "eu-us-privacy-shield",
        "eu-us-safe-harbor",
        "old-eu-sccs",
        "uk-idta",
        "eu-sccs-2021-with-uk-addendum",
        "uk-extension-dpf",
    ],
)
def test_rows_behind_the_date_errors_are_verified(mechanism: str) -> None:
    assert transfers.mechanisms()[mechanism].source.verified
    assert is_verified(next(row for row in facts.load("transfer-mechanisms")["mechanisms"] if row["id"] == mechanism))


def test_verification_reads_the_note_not_its_presence() -> None:
    assert not transfers.mechanisms()["art46-2-a"].source.verified
    assert transfers.mechanisms()["art49-1-d"].source.verified
    assert not transfers.destinations()["UY"].source.verified
    assert transfers.destinations()["FO"].source.verified
    assert transfers.destinations()["KR"].source.verified


def test_every_knowledge_row_is_cited() -> None:
    for mechanism in transfers.mechanisms().values():
        assert mechanism.citation.strip(), mechanism.id
    for code, destination in transfers.destinations().items():
        assert destination.citation.strip(), destination.code
        # a bare NO (Norway) in YAML 1.1 is false: every code must be a quoted two-letter string
        assert isinstance(code, str) and len(code) == 2 and code.isupper(), code
    assert "NO" in transfers.destinations()


# --- the law as it stood on the date: DUAA 2025 (2026-02-05) -------------------------------


def test_copy_finding_cites_art_13_1_f_as_it_stood(lint: Callable[..., list[Finding]]) -> None:
    policy = transfer("uk-idta", "in_place_from: 2023-01-01", copy=False)
    (before,) = lint(policy, "TRF007", D(2026, 2, 4))
    (after,) = lint(policy, "TRF007", D(2026, 2, 5))
    assert "reference to the appropriate or suitable safeguards" in before.citation
    assert "the safeguards relied on" in after.citation and "Sch 9 paras 2-3" in after.citation
    assert "the safeguards relied on" not in before.citation


def test_eu_wording_finding_cites_s17a_then_art_45a(lint: Callable[..., list[Finding]]) -> None:
    policy = transfer("uk-idta", "in_place_from: 2023-01-01", "notice_wording: covered by EU adequacy")
    (before,) = lint(policy, "TRF006", D(2026, 2, 4))
    (after,) = lint(policy, "TRF006", D(2026, 2, 5))
    assert "adequacy regulations under section 17A" in before.citation
    assert "regulations under Article 45A" in after.citation and "section 17A" not in after.citation


def test_adequacy_finding_cites_s17a_or_art_45a_by_date(lint: Callable[..., list[Finding]]) -> None:
    (finding,) = lint(transfer("uk-adequacy", destination="KR", copy=False), "TRF003", D(2022, 12, 18))
    assert "made under DPA 2018 s.17A" in finding.citation and "Art 45A" not in finding.citation
    rule = transfers.ADEQUACY_DESTINATION
    assert "s.17A" in rule.citation_on(D(2026, 2, 4)) and "Art 45A" not in rule.citation_on(D(2026, 2, 4))
    assert "Art 45A" in rule.citation_on(D(2026, 2, 5)) and "Sch 9 para 26" in rule.citation_on(D(2026, 2, 5))


def test_korea_and_us_regulations_are_carried_over_as_art_45a_regulations() -> None:
    for code in ("KR", "US"):
        destination = transfers.destinations()[code]
        assert "s.17A" in destination.cite_on(D(2026, 2, 4))
        assert "treated as made under UK GDPR Art 45A" in destination.cite_on(D(2026, 2, 5))
        assert "Sch 9 para 26" in destination.cite_on(D(2026, 2, 5))


def test_old_sccs_cite_schedule_21_paras_7_8_then_their_omission(lint: Callable[..., list[Finding]]) -> None:
    policy = transfer("old-eu-sccs", "in_place_from: 2018-06-01")
    (before,) = lint(policy, "TRF001", D(2026, 2, 4))
    (after,) = lint(policy, "TRF001", D(2026, 2, 5))
    assert "Sch 21 paras 7-8" in before.citation and "omitted" not in before.citation
    assert "omitted by the Data (Use and Access) Act 2025 Sch 9 para 25(5)" in after.citation


def test_old_sccs_last_valid_day_is_recorded_with_its_reason() -> None:
    row = next(row for row in facts.load("transfer-mechanisms")["mechanisms"] if row["id"] == "old-eu-sccs")
    assert row["valid_until"] == D(2024, 3, 21)
    assert "LAST valid day" in row["verified"]


def test_art_46_2_a_wording_follows_the_date() -> None:
    mechanism = transfers.mechanisms()["art46-2-a"]
    assert "between public authorities or bodies" in mechanism.cite_on(D(2026, 2, 4))
    assert "a public body and another relevant person" in mechanism.cite_on(D(2026, 2, 5))


# --- the adequacy list as read in DPA 2018 Sch 21 para 5 ------------------------------------


@pytest.mark.parametrize(
    ("as_of", "trf003", "trf011"),
    [(D(2020, 12, 31), [("TRF003", DESTINATION_LINE)], []), (D(2021, 1, 1), [], [])],
)
def test_faroe_islands_are_covered_from_2021_01_01(
    assert_findings: AssertFindings, as_of: D, trf003: Expected, trf011: Expected
) -> None:
    policy = transfer("uk-adequacy", destination="FO", copy=False)
    assert_findings(policy, "TRF003", trf003, as_of)
    assert_findings(policy, "TRF011", trf011, as_of)


def test_faroe_and_israel_rows_are_verified_and_partial() -> None:
    for code in ("FO", "IL"):
        destination = transfers.destinations()[code]
        assert destination.source.verified, code
        assert destination.scope_note, code
    assert "automated" in transfers.destinations()["IL"].scope_note
    assert "Faeroese Act" in transfers.destinations()["FO"].scope_note


def test_eu_and_eea_institutions_are_recorded() -> None:
    rows = {row["id"]: row for row in facts.load("adequacy")["international_organisations"]}
    assert set(rows) == {"eu-institutions", "eea-institutions"}
    assert all(is_verified(row) and row["from"] == D(2021, 1, 1) for row in rows.values())


def test_no_later_data_bridge_is_recorded_with_the_date_checked() -> None:
    row = facts.load("adequacy")["later_regulations"]
    assert row["checked_on"] == D(2026, 11, 24)
    assert [code for code, d in transfers.destinations().items() if d.start and d.start > D(2021, 1, 1)] == [
        "KR",
        "US",
    ]
    assert str(row["verified"]).startswith("partly: ")
