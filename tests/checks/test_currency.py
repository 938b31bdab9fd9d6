"""Currency rules (CUR): stale names, moved units and overdue reviews, judged at --as-of.

Every dated row of the renamed-bodies table is tested on both sides of its
dates: clean the day before a name went stale, found on the day, and (for a
name that became right again) found the day before and clean on the day.
"""

from __future__ import annotations

import datetime as dt

import pytest

from checks import facts, naming
from checks.currency import add_months, law_changes_since, stale_on

K = facts.load("renamed-bodies")
DATED = [row for row in K["bodies"] if row["stale_from"] is not None]
VERIFIED = [row for row in DATED if naming.verdict(row) != "no"]
UNVERIFIED = [row for row in DATED if naming.verdict(row) == "no"]
ENDED = [row for row in VERIFIED if row["stale_until"] is not None]
DAY = dt.timedelta(days=1)


def recipient(name: str, extra: str = "") -> str:
    return f"recipients:\n  - id: example-body\n    name: {name}\n    role: public-body\n{extra}"


def row_of(row_id: str) -> dict:
    return next(row for table in ("bodies", "misspellings") for row in K[table] if row["id"] == row_id)


# --- CUR001 renamed or abolished bodies -----------------------------------------------


def test_community_rehabilitation_companies_go_stale_on_2021_06_26(assert_findings) -> None:
    snippet = recipient("community rehabilitation companies")
    assert_findings(snippet, "CUR001", [], as_of=dt.date(2021, 6, 25))
    assert_findings(snippet, "CUR001", [("CUR001", 3)], as_of=dt.date(2021, 6, 26))


@pytest.mark.parametrize("row", VERIFIED, ids=[row["id"] for row in VERIFIED])
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


def test_a_row_without_a_date_never_fires() -> None:
    row = {"id": "announced", "stale_from": None, "stale_until": None}
    assert not stale_on(row, dt.date(2100, 1, 1))


def test_new_name_is_not_itself_stale_when_the_old_one_goes_stale(lint) -> None:
    assert VERIFIED, "the knowledge file has dated renamings to test"
    for row in VERIFIED:
        assert lint(recipient(row["current_name"]), "CUR001", row["stale_from"]) == [], row["id"]


def test_one_finding_per_stale_name_lists_every_entity_that_uses_it(lint) -> None:
    row = DATED[0]
    snippet = (
        "recipients:\n  - id: agencies\n    name: government agencies\n    role: public-body\n"
        f"    examples: [Ofsted, {row['example']}]\n"
        f"  - id: ministry\n    name: a ministry\n    role: public-body\n    purpose: {row['example']}\n"
    )
    (finding,) = lint(snippet, "CUR001")
    assert (finding.entity, finding.field, finding.line) == ("recipient:agencies", "examples", 5)
    assert [related.entity for related in finding.related] == ["recipient:ministry"]
    assert "2 other place" not in finding.message and "1 other place" in finding.message


def test_stale_name_in_record_class_source_and_processor_is_one_cause(lint) -> None:
    row = DATED[0]
    snippet = (
        f"sources:\n  - id: courts\n    name: {row['example']}\n"
        f"retention_rules:\n  - id: r\n    name: checks\n    record_class: {row['example']} checks\n"
        f"processors:\n  - id: p\n    name: Example Ltd\n    service_provided: work for {row['example']}\n"
    )
    (finding,) = lint(snippet, "CUR001")
    assert {finding.entity, *(related.entity for related in finding.related)} == {
        "source:courts",
        "retention_rule:r",
        "processor:p",
    }


def test_two_stale_names_are_two_causes(lint) -> None:
    first, second = VERIFIED[0], VERIFIED[1]
    snippet = recipient(first["example"], f"    purpose: {second['example']}\n")
    assert sorted(finding.detail for finding in lint(snippet, "CUR001")) == sorted([first["id"], second["id"]])


def test_trace_quotes_and_descriptions_are_read(assert_findings) -> None:
    row = row_of("public-health-england")
    snippet = recipient(
        "the UK Health Security Agency",
        f"    description: We share data with {row['example']}.\n"
        f"    trace:\n      quote: Data goes to {row['example']}\n",
    )
    assert_findings(snippet, "CUR001", [("CUR001", 5)])


@pytest.mark.parametrize(
    "mention",
    [
        "NHS England (formerly Health Education England)",
        "NHS England, which replaced Health Education England",
        "Health Education England (now NHS England)",
        "NHS England, previously known as Health Education England",
    ],
)
def test_a_mention_that_explains_the_change_is_not_reported(mention: str, assert_findings) -> None:
    snippet = recipient("NHS England", f"    description: {mention}\n")
    assert_findings(snippet, "CUR001", [])


def test_contact_emails_on_an_abolished_bodys_domain(assert_findings) -> None:
    row = row_of("health-education-england")
    snippet = (
        "controller:\n  id: nhse\n  name: NHS England\n  kind: nhs-body\n"
        "  dpo:\n    name: Data Protection Officer\n    email: gdpr@hee.nhs.uk\n"
    )
    assert_findings(snippet, "CUR001", [], as_of=row["stale_from"] - DAY)
    assert_findings(snippet, "CUR001", [("CUR001", 5)], as_of=row["stale_from"])


def test_contact_name_placed_before_other_mentions(lint) -> None:
    row = row_of("nhs-digital")
    snippet = (
        "notice:\n  id: n\n  name: Privacy notice\n"
        f"  rights_information: Ask {row['example']}.\n"
        f"  complaint:\n    name: {row['example']}\n    email: a@example.org\n"
    )
    (finding,) = lint(snippet, "CUR001")
    assert finding.field == "complaint.name"


def test_finding_carries_the_row_citation(lint) -> None:
    row = VERIFIED[0]
    (finding,) = lint(recipient(row["example"]), "CUR001")
    assert finding.citation == " ".join(row["citation"].split())
    assert finding.severity.value == "warning"


@pytest.mark.parametrize(
    ("name", "row_id"),
    [
        ("Trouble Families Programme", "troubled-families-programme"),
        ("the Children's Safeguarding Board", "local-safeguarding-children-boards"),
        ("Local Safeguarding Children Boards", "local-safeguarding-children-boards"),
        ("Her Majesty's Revenue and Customs", "her-majestys-bodies"),
        ("Her Majesty's Prison and Probation Service", "her-majestys-bodies"),
        ("Health and Social Care Information Centre", "nhs-digital"),
        ("NHSX", "nhsx"),
        ("BEIS", "department-for-business-energy-and-industrial-strategy"),
    ],
)
def test_variants_people_write(name: str, row_id: str, lint) -> None:
    (finding,) = lint(recipient(name), "CUR001")
    assert finding.detail == row_id


@pytest.mark.parametrize(
    "name",
    [
        "Essex Safeguarding Children Board",
        "His Majesty's Revenue and Customs",
        "HM Revenue and Customs",
        "NHS England",
        "the Department for Business and Trade",
        "SHA-256 checksums",
    ],
)
def test_current_names_are_left_alone(name: str, assert_findings) -> None:
    assert_findings(recipient(name), "CUR001", [])


def test_her_majestys_courts_and_tribunals_is_one_finding_of_its_own_row(lint) -> None:
    (finding,) = lint(recipient("Her Majesty's Courts and Tribunals Service"), "CUR001")
    assert finding.detail == "her-majestys-courts-and-tribunals-service"


# --- CUR005 renamings reported but not verified ------------------------------------------------


@pytest.mark.parametrize("row", UNVERIFIED, ids=[row["id"] for row in UNVERIFIED])
def test_an_unverified_renaming_is_information_from_its_reported_date(row, lint) -> None:
    snippet = recipient(row["example"])
    assert lint(snippet, "CUR005", row["stale_from"] - DAY) == []
    (finding,) = lint(snippet, "CUR005", row["stale_from"])
    assert finding.severity.value == "info" and "not verified" in finding.message
    assert lint(snippet, "CUR001", row["stale_from"] + DAY * 400) == []


@pytest.mark.parametrize(
    "name",
    [
        "Information Commissioner's Office",
        "Information Commissioner\u2019s Office",
        "Information Commissioners Office",
        "the Information Commissioner",
    ],
)
def test_the_commissioners_names_people_write(name: str, lint) -> None:
    (finding,) = lint(recipient(name), "CUR005", dt.date(2026, 11, 24))
    assert finding.detail == "information-commissioners-office"


@pytest.mark.parametrize("name", ["the Information Commission", "Information Commission's Office", "ICO"])
def test_the_new_name_and_the_kept_brand_are_not_reported(name: str, assert_findings) -> None:
    assert_findings(recipient(name), "CUR005", [], as_of=dt.date(2026, 11, 24))


def test_the_scottish_information_commissioner_is_another_office(assert_findings) -> None:
    assert_findings(recipient("the Scottish Information Commissioner"), "CUR005", [], as_of=dt.date(2026, 11, 24))


# --- CUR002 misspellings --------------------------------------------------------------------


@pytest.mark.parametrize("row", K["misspellings"], ids=[row["id"] for row in K["misspellings"]])
def test_each_misspelling_is_found_and_its_correction_passes(row, assert_findings) -> None:
    assert_findings(recipient(row["example"]), "CUR002", [("CUR002", 3)])
    assert_findings(recipient(row["correct"]), "CUR002", [])


def test_two_misspellings_of_one_department_are_two_causes(lint) -> None:
    snippet = recipient("Department of Work and Pensions", "    purpose: Department for Works and Pensions checks\n")
    assert sorted(finding.detail for finding in lint(snippet, "CUR002")) == [
        "department-for-work-and-pensions",
        "department-of-work-and-pensions",
    ]


def test_misspelling_in_a_description_is_found(assert_findings) -> None:
    snippet = (
        "controller:\n  id: dhsc\n  name: DHSC\n  kind: government-department\n"
        "  description: A service of the Department for Health and Social Care.\n"
    )
    assert_findings(snippet, "CUR002", [("CUR002", 5)])


# --- CUR006 units moved between departments ---------------------------------------------------

MOVED = K["moved_units"][0]


def controller(description: str, contact: str = "") -> str:
    return (
        "controller:\n  id: example-controller\n  name: Cabinet Office\n  kind: government-department\n"
        f"  description: {description}\n{contact}"
    )


def test_a_unit_in_its_old_department_is_found_from_the_move(assert_findings) -> None:
    snippet = controller(MOVED["example"])
    assert_findings(snippet, "CUR006", [], as_of=MOVED["moved"] - DAY)
    assert_findings(snippet, "CUR006", [("CUR006", 5)], as_of=MOVED["moved"])


def test_a_contact_named_old_department_then_unit(lint) -> None:
    snippet = controller(
        "This service is run by the Cabinet Office.",
        "  contact:\n    name: Cabinet Office (Government Digital Service)\n    email: a@example.org\n",
    )
    (finding,) = lint(snippet, "CUR006")
    assert finding.field == "contact.name" and finding.severity.value == "warning"


@pytest.mark.parametrize(
    "description",
    [
        "GOV.UK Notify is provided by the Government Digital Service, part of the Department for Science, "
        "Innovation and Technology.",
        "The Cabinet Office runs this service.",
        "The Government Digital Service (formerly part of the Cabinet Office) runs it.",
    ],
)
def test_the_unit_in_its_new_department_is_clean(description: str, assert_findings) -> None:
    assert_findings(controller(description), "CUR006", [])


# --- CUR003 / CUR004 notice review ----------------------------------------------------------

NOTICE = "notice:\n  id: example-notice\n  name: Example notice\n"
CHANGES = K["notice_law_changes"]


def test_add_months_keeps_the_day_or_clamps_to_month_end() -> None:
    assert add_months(dt.date(2025, 11, 24), 12) == dt.date(2026, 11, 24)
    assert add_months(dt.date(2024, 1, 31), 1) == dt.date(2024, 2, 29)
    assert add_months(dt.date(2025, 12, 15), 1) == dt.date(2026, 1, 15)


def test_a_stated_cycle_is_due_on_its_date_and_overdue_the_day_after(assert_findings) -> None:
    snippet = NOTICE + "  last_reviewed: 2026-07-01\n  review_cycle_months: 3\n"
    assert_findings(snippet, "CUR003", [], as_of=dt.date(2026, 10, 1))
    assert_findings(snippet, "CUR003", [("CUR003", 4)], as_of=dt.date(2026, 10, 2))


def test_no_cycle_is_assumed_where_the_notice_states_none(assert_findings) -> None:
    snippet = NOTICE + "  last_reviewed: 2026-07-01\n"
    assert_findings(snippet, "CUR003", [], as_of=dt.date(2030, 6, 30))


@pytest.mark.parametrize("change", CHANGES, ids=[row["id"] for row in CHANGES])
def test_a_review_before_a_change_in_the_law_is_overdue_from_the_change(change, lint) -> None:
    snippet = NOTICE + f"  last_reviewed: {change['date'] - DAY}\n"
    assert lint(snippet, "CUR003", change["date"] - DAY) == []
    (finding,) = lint(snippet, "CUR003", change["date"])
    assert str(change["date"]) in finding.message
    assert finding.citation == " ".join(change["citation"].split())


def test_a_review_on_the_day_of_the_change_is_current(assert_findings) -> None:
    change = CHANGES[-1]
    assert_findings(NOTICE + f"  last_reviewed: {change['date']}\n", "CUR003", [], as_of=change["date"] + DAY)


def test_law_changes_since_lists_every_change_missed() -> None:
    missed = law_changes_since(dt.date(2019, 3, 5), dt.date(2026, 11, 24))
    assert [row["id"] for row in missed] == [row["id"] for row in CHANGES if row["date"] > dt.date(2019, 3, 5)]


def test_cycle_and_law_change_give_one_finding(lint) -> None:
    snippet = NOTICE + "  last_reviewed: 2020-01-15\n  review_cycle_months: 12\n"
    (finding,) = lint(snippet, "CUR003", dt.date(2026, 11, 24))
    assert "12-month review cycle" in finding.message and "2021-01-01" in finding.message


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
    row = row_of(row_id)
    assert row["stale_from"] == stale_from
    assert_findings(recipient(row["example"]), "CUR001", [], as_of=stale_from - DAY)
    assert_findings(recipient(row["example"]), "CUR001", [("CUR001", 3)], as_of=stale_from)


@pytest.mark.parametrize(
    "name", ["HM Courts & Tribunals Service", "HMCTS", "His Majesty's Courts and Tribunals Service"]
)
def test_the_current_hmcts_names_are_never_stale(name: str, assert_findings) -> None:
    assert_findings(recipient(name), "CUR001", [], as_of=dt.date(2026, 11, 24))


def test_every_note_starts_with_its_verdict() -> None:
    rows = [*K["bodies"], *K["misspellings"], *K["moved_units"], *K["notice_law_changes"], K["notice_review"]]
    for row in rows:
        assert str(row["verified"]).startswith(("yes", "partly: ", "no: ")), row.get("id")
