"""Retention rules (RET): one failing case with its line and one passing case per rule.

Statutory minimums come from the knowledge file, so the tests walk its rows:
a verified statutory row must give RET005 (error) and never RET006; any
other row must give RET006 (warning) and never an error.
"""

from __future__ import annotations

import pytest

from checks import facts
from checks.naming import is_verified
from checks.retention import event_id, minimum_for

K = facts.load("retention-minimums")
VERIFIED = [row for row in K["minimums"] if row["kind"] == "statute" and is_verified(row)]
UNVERIFIED = [row for row in K["minimums"] if row not in VERIFIED]
EVENTS = [event["id"] for event in K["starting_events"]]


def rules(*entries: str) -> str:
    return "retention_rules:\n" + "".join(entries)


def rule(rule_id: str, record_class: str, period: str | None = None, starts: str | None = None, extra: str = "") -> str:
    """A rule: '- id' on its first line, name +1, record_class +2, period +3, starts +3 or +4."""
    text = f"  - id: {rule_id}\n    name: {rule_id}\n    record_class: {record_class}\n"
    if period:
        text += f"    period: {period}\n"
    if starts:
        text += f"    starts: {starts}\n"
    return text + extra


def test_knowledge_has_both_kinds_of_minimum() -> None:
    assert VERIFIED and UNVERIFIED
    assert all(row["starts"] in EVENTS for row in K["minimums"]), "statutory starts are vocabulary ids"


# --- RET001 coverage -------------------------------------------------------------


def test_service_without_retention_rule_is_reported(assert_findings) -> None:
    assert_findings("services:\n  - id: example\n    name: Example\n", "RET001", [("RET001", 2)])


def test_service_named_by_applies_to_is_covered(assert_findings) -> None:
    snippet = "services:\n  - id: example\n    name: Example\n" + rules(
        rule("records", "case files", "6 years", EVENTS[0], "    applies_to: [example]\n")
    )
    assert_findings(snippet, "RET001", [])


def test_service_relying_on_notice_wide_rules_is_covered(assert_findings) -> None:
    snippet = (
        rules(rule("records", "case files", "6 years", EVENTS[0]))
        + "notice:\n  id: n\n  name: n\n  notice_wide:\n    retention_rules: [records]\n"
        + "services:\n  - id: example\n    name: Example\n    relies_on_notice_wide: [retention_rules]\n"
    )
    assert_findings(snippet, "RET001", [])


# --- RET002 period or criteria ------------------------------------------------------


def test_rule_without_period_or_criteria_is_an_error(assert_findings, lint) -> None:
    snippet = rules(rule("notes", "consultation notes", extra="    disposal: destroy\n"))
    assert_findings(snippet, "RET002", [("RET002", 2)])
    assert lint(snippet, "RET002")[0].severity.value == "error"


def test_rule_ending_at_an_event_gives_criteria(assert_findings) -> None:
    assert_findings(rules(rule("research", "research information", starts="project-completion")), "RET002", [])


def test_rule_with_an_alternative_limit_gives_criteria(assert_findings) -> None:
    snippet = rules(rule("staff", "staff files", extra="    alternative:\n      until: normal-retirement-age\n"))
    assert_findings(snippet, "RET002", [])


# --- RET003 starting event -------------------------------------------------------------


def test_period_without_start_is_reported_at_the_period(assert_findings) -> None:
    assert_findings(rules(rule("carers", "young carers records", "15 years")), "RET003", [("RET003", 5)])


def test_period_with_start_passes(assert_findings) -> None:
    assert_findings(rules(rule("carers", "young carers records", "15 years", EVENTS[0])), "RET003", [])


def test_indefinite_period_needs_no_start(assert_findings) -> None:
    assert_findings(rules(rule("archive", "anonymised reports", "indefinite")), "RET003", [])


# --- RET004 disposal --------------------------------------------------------------------


def test_rule_without_disposal_is_info(assert_findings, lint) -> None:
    snippet = rules(rule("files", "case files", "35 years", EVENTS[0]))
    assert_findings(snippet, "RET004", [("RET004", 2)])
    assert lint(snippet, "RET004")[0].severity.value == "info"


def test_rule_with_disposal_passes(assert_findings) -> None:
    snippet = rules(rule("files", "case files", "35 years", EVENTS[0], "    disposal: delete\n"))
    assert_findings(snippet, "RET004", [])


def test_indefinite_rule_needs_no_disposal(assert_findings) -> None:
    assert_findings(rules(rule("archive", "anonymised reports", "indefinite")), "RET004", [])


# --- RET005 / RET006 statutory minimums ----------------------------------------------------


@pytest.mark.parametrize("row", VERIFIED, ids=[row["id"] for row in VERIFIED])
def test_period_below_a_verified_minimum_is_an_error(row, assert_findings, lint) -> None:
    snippet = rules(rule("records", row["example"], "1 year", row["starts"], f"    statutory_basis: {row['id']}\n"))
    assert_findings(snippet, "RET005", [("RET005", 5)])
    assert_findings(snippet, "RET006", [])
    assert lint(snippet, "RET005")[0].citation == " ".join(row["citation"].split())


@pytest.mark.parametrize(
    ("record_class", "reported"),
    [
        ("allegations against staff", True),
        ("safeguarding allegations", True),
        ("allegations about volunteers working with children", True),
        ("allegations of crime reported to us", False),
        ("records of allegations made by members of the public about a noisy neighbour", False),
    ],
)
def test_the_guidance_on_allegations_is_about_people_who_work_with_children(
    record_class: str, reported: bool, lint
) -> None:
    findings = lint(rules(rule("records", record_class, "1 year", "allegation")), "RET006")
    assert bool(findings) is reported


@pytest.mark.parametrize("row", VERIFIED, ids=[row["id"] for row in VERIFIED])
def test_minimum_suggested_only_by_the_record_class_is_a_warning(row, assert_findings) -> None:
    snippet = rules(rule("records", row["loose_example"], "1 year", row["starts"]))
    assert_findings(snippet, "RET005", [])
    assert_findings(snippet, "RET006", [("RET006", 5)])


@pytest.mark.parametrize("row", VERIFIED, ids=[row["id"] for row in VERIFIED])
def test_a_record_class_that_can_only_be_the_statutory_record_is_an_error(row, assert_findings) -> None:
    snippet = rules(rule("records", row["example"], "1 year", row["starts"]))
    assert_findings(snippet, "RET005", [("RET005", 5)])
    assert_findings(snippet, "RET006", [])


def test_unambiguous_words_never_reach_an_unverified_or_guidance_row() -> None:
    with_words = [row for row in K["minimums"] if "unambiguous" in row]
    assert len(with_words) >= 3, "the rows with unambiguous words are the ones RET005 may call an error"
    for row in with_words:
        assert row["kind"] == "statute" and str(row["verified"]).startswith("yes"), row["id"]


def test_most_specific_statutory_basis_wins(assert_findings, lint) -> None:
    # "SI 2011/581 reg 32(3)" (3 years for refused or withdrawn applicants) is not reg 32(1) (10 years)
    basis = "    statutory_basis: SI 2011/581 reg 32(3)\n"
    snippet = rules(rule("applicants", "withdrawn applications", "3 years", "refusal-or-withdrawal", basis))
    assert_findings(snippet, "RET005", [])
    assert_findings(snippet, "RET007", [])
    shorter = rules(rule("applicants", "withdrawn applications", "1 year", "refusal-or-withdrawal", basis))
    (finding,) = lint(shorter, "RET005")
    assert "3 years" in finding.message and finding.line == 5


def test_record_class_words_match_from_a_word_start(assert_findings) -> None:
    # "unadoptable" is not about adoption; a capitalised class still matches
    assert_findings(rules(rule("x", "unadoptable items", "1 year", "last-contact")), "RET006", [])
    assert_findings(rules(rule("x", "ADOPTION Records", "1 year", "adoption-order")), "RET006", [("RET006", 5)])


@pytest.mark.parametrize("row", VERIFIED, ids=[row["id"] for row in VERIFIED])
def test_period_at_the_verified_minimum_passes(row, assert_findings) -> None:
    assert_findings(rules(rule("records", row["example"], row["minimum"], row["starts"])), "RET005", [])


@pytest.mark.parametrize("row", UNVERIFIED, ids=[row["id"] for row in UNVERIFIED])
def test_period_below_an_unverified_minimum_is_only_a_warning(row, assert_findings) -> None:
    snippet = rules(rule("records", row["example"], "1 year", row["starts"]))
    assert_findings(snippet, "RET006", [("RET006", 5)])
    assert_findings(snippet, "RET005", [])


@pytest.mark.parametrize("row", UNVERIFIED, ids=[row["id"] for row in UNVERIFIED])
def test_period_at_the_unverified_minimum_passes(row, assert_findings) -> None:
    assert_findings(rules(rule("records", row["example"], row["minimum"], row["starts"])), "RET006", [])


def test_statutory_basis_names_the_row_whatever_the_record_class(assert_findings) -> None:
    row = VERIFIED[0]
    snippet = rules(
        rule("records", "archive boxes", "1 year", row["starts"], f"    statutory_basis: {row['names'][0]}\n")
    )
    assert_findings(snippet, "RET005", [("RET005", 5)])


def test_refused_applicants_are_not_held_to_the_approved_carers_minimum() -> None:
    from linter.loader import Position
    from linter.model import RetentionRule

    def matched(record_class: str) -> str | None:
        found = minimum_for(RetentionRule("r", "r", Position("f", 1, 1), record_class=record_class))
        return None if found is None else str(found["id"])

    assert matched("unapproved foster carers or withdrawn applications") == "refused-or-withdrawn-foster-applicants"
    assert matched("approved foster carer records") == "approved-foster-carer-records"
    assert matched("young carers records") is None


# --- RET007 statutory start -------------------------------------------------------------

LAC = next(row for row in K["minimums"] if row["starts"] == "date-of-birth")


def test_start_other_than_the_statutory_one_is_reported_at_starts(assert_findings) -> None:
    other = next(event for event in EVENTS if event != LAC["starts"])
    assert_findings(rules(rule("records", LAC["example"], LAC["minimum"], other)), "RET007", [("RET007", 6)])


def test_statutory_start_passes_also_as_an_alias(assert_findings) -> None:
    alias = next(e for e in K["starting_events"] if e["id"] == LAC["starts"])["aliases"][0]
    assert event_id(alias) == LAC["starts"]
    assert_findings(rules(rule("records", LAC["example"], LAC["minimum"], alias)), "RET007", [])


def test_missing_start_is_left_to_ret003(assert_findings) -> None:
    assert_findings(rules(rule("records", LAC["example"], LAC["minimum"])), "RET007", [])


# --- RET008 / RET009 same record class ------------------------------------------------------


def test_same_class_with_different_periods_is_reported_on_the_later_rule(assert_findings) -> None:
    snippet = rules(
        rule("checks-a", "vetting checks", "1 year", "last-action"),
        rule("checks-b", "Vetting checks.", "2 years", "last-action"),
    )
    assert_findings(snippet, "RET008", [("RET008", 10)])


def test_same_class_via_alias_with_different_periods_is_reported(assert_findings) -> None:
    forms = facts.load("name-aliases")["aliases"][0]["forms"]
    snippet = rules(
        rule("checks-a", f"{forms[-1]} checks", "1 year", "last-action"),
        rule("checks-b", f"{forms[1]} checks", "6 months", "last-action"),
    )
    assert_findings(snippet, "RET008", [("RET008", 10)])


def test_same_class_same_period_is_not_a_conflict(assert_findings) -> None:
    snippet = rules(
        rule("checks-a", "vetting checks", "1 year", "last-action"),
        rule("checks-b", "vetting checks", "12 months", "last-action"),
    )
    assert_findings(snippet, "RET008", [])


def test_same_class_and_period_under_another_name_is_a_duplicate(assert_findings) -> None:
    snippet = rules(
        rule("day-care-checks", "day care checks", "1 year", "last-action"),
        rule("nursery-checks", "Day Care checks", "1 year", "last-action"),
    )
    assert_findings(snippet, "RET009", [("RET009", 9)])


def test_duplicate_with_the_same_name_is_left_to_ref003(assert_findings) -> None:
    snippet = rules(
        rule("checks", "day care checks", "1 year", "last-action"),
        "  - id: checks-again\n    name: checks\n    record_class: day care checks\n    period: 1 year\n",
    )
    assert_findings(snippet, "RET009", [])


def test_different_classes_are_not_duplicates(assert_findings) -> None:
    snippet = rules(
        rule("day-care-checks", "day care checks", "1 year", "last-action"),
        rule("vetting-checks", "vetting checks", "1 year", "last-action"),
    )
    assert_findings(snippet, "RET009", [])


# --- RET010 vocabulary ---------------------------------------------------------------------


def test_start_outside_the_vocabulary_is_info(assert_findings) -> None:
    assert_findings(rules(rule("files", "case files", "35 years", "whenever convenient")), "RET010", [("RET010", 6)])


@pytest.mark.parametrize("event", EVENTS)
def test_every_vocabulary_id_is_known(event, assert_findings) -> None:
    assert_findings(rules(rule("files", "case files", "35 years", event)), "RET010", [])


@pytest.mark.parametrize("event", ["end of employment", "termination of employment", "Date of leaving"])
def test_the_end_of_employment_is_a_known_start_however_worded(event, assert_findings) -> None:
    # staff records are kept "for 6 years after you have left": a start every employer notice uses
    assert_findings(rules(rule("files", "personnel files", "6 years", event)), "RET010", [])


# --- RET011: statutory records kept by a service ----------------------------------

_FOSTERING = """\
notice:
  id: n
  name: N
  notice_wide:
    retention_rules: [general]
services:
  - id: fostering
    name: Fostering Service and Special Guardianship Orders (SGO)
    relies_on_notice_wide: [retention_rules]
  - id: hub
    name: Children and Families Hub
    relies_on_notice_wide: [retention_rules]
retention_rules:
  - {id: general, name: general, record_class: general social care records, period: 35 years, starts: last-contact}
  - id: unapproved
    name: unapproved foster carers
    record_class: unapproved foster carers or withdrawn applications
    period: 3 years
    starts: refusal-or-withdrawal
    applies_to: [fostering]
"""


_FOSTERING_KEEPS = [row["id"] for row in K["minimums"] if row.get("kept_by", {}).get("any") == ["fostering"]]


def test_service_keeping_statutory_records_without_a_rule_for_them(lint) -> None:  # type: ignore[no-untyped-def]
    # the fostering service covers refused applicants but not approved carers, its Schedule 2
    # records (SI 2011/581 reg 22) or connected-person carers (reg 32(2)); the hub keeps none
    missing = {"approved-foster-carer-records", "fostering-service-records", "connected-person-carer-records"}
    assert set(_FOSTERING_KEEPS) == {*missing, "refused-or-withdrawn-foster-applicants"}
    findings = lint(_FOSTERING, "RET011")
    assert [(f.rule, f.line) for f in findings] == [("RET011", 7)] * 3
    assert {f.detail for f in findings} == missing


def test_rule_for_the_statutory_records_clears_it(assert_findings) -> None:  # type: ignore[no-untyped-def]
    rules = "".join(
        f"  - id: {row['id']}\n    name: {row['example']}\n    record_class: {row['example']}\n"
        f"    period: {row['minimum']}\n    starts: {row['starts']}\n    applies_to: [fostering]\n"
        for row in K["minimums"]
        if row["id"] in _FOSTERING_KEEPS
    )
    assert_findings(_FOSTERING + rules, "RET011", [])


# --- rows read in the regulations themselves (issue 15) ---------------------------------------


@pytest.mark.parametrize(
    ("row_id", "minimum", "starts"),
    [
        ("looked-after-child-case-record", "75 years", "date-of-birth"),  # SI 2010/959 reg 50
        ("adoption-case-records", "100 years", "adoption-order"),  # SI 2005/888 reg 6
        ("fostering-service-records", "15 years", "last-entry"),  # SI 2011/581 reg 22(2)
        ("connected-person-carer-records", "10 years", "placement-terminated"),  # SI 2011/581 reg 32(2)
    ],
)
def test_rows_read_in_the_regulations_are_verified(row_id: str, minimum: str, starts: str) -> None:
    row = next(row for row in K["minimums"] if row["id"] == row_id)
    assert row in VERIFIED
    assert (row["minimum"], row["starts"]) == (minimum, starts)


@pytest.mark.parametrize(
    ("record_class", "row_id"),
    [
        ("fostering service records", "fostering-service-records"),
        ("connected person carer records", "connected-person-carer-records"),
        ("family and friends foster carer records", "connected-person-carer-records"),
        ("approved foster carer records", "approved-foster-carer-records"),
        ("withdrawn foster carer applications", "refused-or-withdrawn-foster-applicants"),
    ],
)
def test_fostering_records_match_the_regulation_that_governs_them(record_class: str, row_id: str) -> None:
    from linter.loader import Position
    from linter.model import RetentionRule

    found = minimum_for(RetentionRule("r", "r", Position("f", 1, 1), record_class=record_class))
    assert found is not None and found["id"] == row_id


def test_looked_after_case_record_kept_too_briefly_is_now_an_error(assert_findings) -> None:
    # reg 50 read: a rule that names SI 2010/959 and keeps the record too briefly is an error
    named = "    statutory_basis: SI 2010/959 reg 50\n"
    snippet = rules(rule("lac", "looked after children case records", "50 years", "date-of-birth", named))
    assert_findings(snippet, "RET005", [("RET005", 5)])
    assert_findings(snippet, "RET006", [])


# --- RET001 / RET012: no retention at all, or a service left out (one finding per cause) ----------


def test_no_retention_anywhere_is_one_error_at_the_notice(lint) -> None:
    policy = "notice:\n  id: n\n  name: N\nservices:\n  - {id: a, name: A}\n  - {id: b, name: B}\n"
    (finding,) = lint(policy, "RET001")
    assert finding.severity.value == "error" and finding.entity == "notice:n"
    assert [r.entity for r in finding.related] == ["service:a", "service:b"]
    assert lint(policy, "RET012") == []


def test_a_service_left_out_of_the_notices_retention_is_a_warning(lint) -> None:
    policy = (
        "notice:\n  id: n\n  name: N\nservices:\n  - {id: accounts, name: accounts}\n  - {id: mailing, name: mailing}\n"
        + rules(rule("account-data", "account data", "2 years", EVENTS[0], "    applies_to: [accounts]\n"))
    )
    (finding,) = lint(policy, "RET012")
    assert finding.severity.value == "warning" and finding.entity == "service:mailing"
    assert lint(policy, "RET001") == []


def test_covered_services_give_no_finding(lint) -> None:
    policy = "notice:\n  id: n\n  name: N\nservices:\n  - {id: accounts, name: accounts}\n" + rules(
        rule("account-data", "account data", "2 years", EVENTS[0], "    applies_to: [accounts]\n")
    )
    assert lint(policy, ["RET001", "RET012"]) == []


def test_services_run_for_others_or_referred_are_not_judged(assert_findings) -> None:
    policy = (
        "services:\n  - {id: storage, name: storage, acting_as: processor}\n"
        "  - {id: sign-in, name: sign in, refers_to: another notice}\n"
    )
    assert_findings(policy, "RET001", [])
