"""Currency rules (CUR): stale names and overdue reviews, judged at --as-of.

Every dated row of the renamed-bodies table is tested on both sides of its
dates: clean the day before a name went stale, found on the day, and (for a
name that became right again) found the day before and clean on the day.
"""

from __future__ import annotations

import datetime as dt

import pytest

from checks import facts
from checks.currency import add_months, stale_on

K = facts.load("renamed-bodies")
DATED = [row for row in K["bodies"] if row["stale_from"] is not None]
UNDATED = [row for row in K["bodies"] if row["stale_from"] is None]
ENDED = [row for row in DATED if row["stale_until"] is not None]
DAY = dt.timedelta(days=1)


def recipient(name: str, extra: str = "") -> str:
    return f"recipients:\n  - id: example-body\n    name: {name}\n    role: public-body\n{extra}"


# --- CUR001 renamed or abolished bodies -----------------------------------------------


def test_community_rehabilitation_companies_go_stale_on_2021_06_26(assert_findings) -> None:
    snippet = recipient("community rehabilitation companies")
    assert_findings(snippet, "CUR001", [], as_of=dt.date(2021, 6, 25))
    assert_findings(snippet, "CUR001", [("CUR001", 3)], as_of=dt.date(2021, 6, 26))


@pytest.mark.parametrize("row", DATED, ids=[row["id"] for row in DATED])
def test_each_name_is_clean_the_day_before_it_goes_stale_and_found_on_the_day(row, assert_findings) -> None:
    snippet = recipient(row["example"])
    assert_findings(snippet, "CUR001", [], as_of=row["stale_from"] - DAY)
    assert_findings(snippet, "CUR001", [("CUR001", 3)], as_of=row["stale_from"])


@pytest.mark.parametrize("row", ENDED, ids=[row["id"] for row in ENDED])
def test_a_name_that_became_right_again_is_clean_from_that_day(row, assert_findings) -> None:
    snippet = recipient(row["example"])
    assert_findings(snippet, "CUR001", [("CUR001", 3)], as_of=row["stale_until"] - DAY)
    assert_findings(snippet, "CUR001", [], as_of=row["stale_until"])


def test_ministry_name_was_wrong_under_dluhc_and_is_right_now(assert_findings) -> None:
    row = next(row for row in ENDED)
    snippet = recipient(row["example"])
    assert_findings(snippet, "CUR001", [("CUR001", 3)], as_of=dt.date(2022, 6, 1))
    assert_findings(snippet, "CUR001", [], as_of=dt.date(2026, 11, 24))


@pytest.mark.parametrize("row", UNDATED, ids=[row["id"] for row in UNDATED])
def test_a_row_without_a_date_never_fires(row, assert_findings) -> None:
    assert not stale_on(row, dt.date(2100, 1, 1))
    assert_findings(recipient(row["example"]), "CUR001", [], as_of=dt.date(2100, 1, 1))


def test_new_name_is_not_itself_stale_when_the_old_one_goes_stale(lint) -> None:
    assert DATED, "the knowledge file has dated renamings to test"
    for row in DATED:
        assert lint(recipient(row["current_name"]), "CUR001", row["stale_from"]) == [], row["id"]


def test_stale_name_in_purpose_and_examples_is_found_at_those_fields(assert_findings) -> None:
    row = DATED[0]
    snippet = (
        "recipients:\n  - id: agencies\n    name: government agencies\n    role: public-body\n"
        f"    examples: [Ofsted, {row['example']}]\n"
        f"  - id: ministry\n    name: a ministry\n    role: public-body\n    purpose: {row['example']}\n"
    )
    assert_findings(snippet, "CUR001", [("CUR001", 5), ("CUR001", 9)])


def test_stale_name_in_record_class_source_and_processor_is_found(assert_findings) -> None:
    row = DATED[0]
    snippet = (
        f"sources:\n  - id: courts\n    name: {row['example']}\n"
        f"retention_rules:\n  - id: r\n    name: checks\n    record_class: {row['example']} checks\n"
        f"processors:\n  - id: p\n    name: Example Ltd\n    service_provided: work for {row['example']}\n"
    )
    assert_findings(snippet, "CUR001", [("CUR001", 3), ("CUR001", 7), ("CUR001", 11)])


def test_descriptions_and_trace_quotes_are_not_scanned(assert_findings) -> None:
    row = DATED[0]
    snippet = recipient(
        "the Probation Service",
        f"    description: formerly {row['example']}\n    trace:\n      quote: {row['example']}\n",
    )
    assert_findings(snippet, "CUR001", [])


def test_one_finding_per_entity_and_body(lint) -> None:
    row = DATED[0]
    snippet = recipient(row["example"], f"    purpose: {row['example']}\n")
    assert len(lint(snippet, "CUR001")) == 1


def test_finding_carries_the_row_citation(lint) -> None:
    row = DATED[0]
    (finding,) = lint(recipient(row["example"]), "CUR001")
    assert finding.citation == " ".join(row["citation"].split())
    assert finding.severity.value == "warning"


# --- CUR002 misspellings --------------------------------------------------------------------


@pytest.mark.parametrize("row", K["misspellings"], ids=[row["id"] for row in K["misspellings"]])
def test_each_misspelling_is_found_and_its_correction_passes(row, assert_findings) -> None:
    assert_findings(recipient(row["example"]), "CUR002", [("CUR002", 3)])
    assert_findings(recipient(row["correct"]), "CUR002", [])


# --- CUR003 / CUR004 notice review ----------------------------------------------------------

NOTICE = "notice:\n  id: example-notice\n  name: Example notice\n"


def test_add_months_keeps_the_day_or_clamps_to_month_end() -> None:
    assert add_months(dt.date(2025, 11, 24), 12) == dt.date(2026, 11, 24)
    assert add_months(dt.date(2024, 1, 31), 1) == dt.date(2024, 2, 29)
    assert add_months(dt.date(2025, 12, 15), 1) == dt.date(2026, 1, 15)


def test_review_is_due_on_the_cycle_date_and_overdue_the_day_after(assert_findings) -> None:
    snippet = NOTICE + "  last_reviewed: 2025-11-24\n  review_cycle_months: 12\n"
    assert_findings(snippet, "CUR003", [], as_of=dt.date(2026, 11, 24))
    assert_findings(snippet, "CUR003", [("CUR003", 4)], as_of=dt.date(2026, 11, 25))


def test_default_cycle_applies_without_review_cycle_months(assert_findings) -> None:
    months = K["notice_review"]["default_cycle_months"]
    reviewed = dt.date(2024, 3, 1)
    due = add_months(reviewed, months)
    snippet = NOTICE + f"  last_reviewed: {reviewed}\n"
    assert_findings(snippet, "CUR003", [], as_of=due)
    assert_findings(snippet, "CUR003", [("CUR003", 4)], as_of=due + DAY)


def test_notice_without_review_date_is_left_to_cur004(assert_findings) -> None:
    assert_findings(NOTICE, "CUR003", [])
    assert_findings(NOTICE, "CUR004", [("CUR004", 1)])


def test_notice_with_review_date_passes_cur004(assert_findings) -> None:
    assert_findings(NOTICE + "  last_reviewed: 2026-06-01\n", "CUR004", [])


# --- dates corrected in issue 15 --------------------------------------------------------------


@pytest.mark.parametrize(
    ("row_id", "stale_from"),
    [
        ("troubled-families-programme", dt.date(2021, 3, 26)),
        ("mhclg-during-dluhc", dt.date(2021, 9, 19)),
        ("her-majestys-courts-and-tribunals-service", dt.date(2022, 9, 8)),
    ],
)
def test_corrected_dates(row_id: str, stale_from: dt.date, assert_findings) -> None:
    row = next(row for row in K["bodies"] if row["id"] == row_id)
    assert row["stale_from"] == stale_from
    assert_findings(recipient(row["example"]), "CUR001", [], as_of=stale_from - DAY)
    assert_findings(recipient(row["example"]), "CUR001", [("CUR001", 3)], as_of=stale_from)


@pytest.mark.parametrize(
    "name", ["HM Courts & Tribunals Service", "HMCTS", "His Majesty's Courts and Tribunals Service"]
)
def test_the_current_hmcts_names_are_never_stale(name: str, assert_findings) -> None:
    assert_findings(recipient(name), "CUR001", [], as_of=dt.date(2026, 11, 24))


def test_every_note_starts_with_its_verdict() -> None:
    for row in [*K["bodies"], *K["misspellings"]]:
        assert str(row["verified"]).startswith(("yes", "partly: ", "no: ")), row["id"]
