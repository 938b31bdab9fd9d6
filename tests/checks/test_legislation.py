"""Legislation rules (LEG): the law a notice cites, against the register, judged at --as-of."""

from __future__ import annotations

import datetime as dt
import re

import pytest

from checks import facts
from checks.legislation import _title_pattern, instruments

K = facts.load("legislation")
ROWS = K["instruments"]
DAY = dt.timedelta(days=1)

#: the instruments issue 10 asks the register to hold
REQUIRED = [
    "children-act-1989",
    "children-act-2004",
    "children-and-social-work-act-2017",
    "adoption-and-children-act-2002",
    "adoption-agencies-regulations-2005",
    "fostering-services-england-regulations-2011",
    "care-planning-regulations-2010",
    "working-together-2015",
    "working-together-2018",
    "working-together-2023",
    "education-act-1996",
    "education-act-2002",
    "education-and-inspections-act-2006",
    "children-and-families-act-2014",
    "equality-act-2010",
    "localism-act-2011",
    "local-government-act-2000-s2",
    "crime-and-disorder-act-1998",
    "care-act-2014",
    "mental-capacity-act-2005",
    "health-and-social-care-act-2012",
    "health-and-care-act-2022",
    "national-health-service-act-2006",
    "records-management-code-2016",
    "records-management-code-2021",
    "records-management-code-2023",
    "data-protection-act-1998",
    "data-protection-act-2018",
    "digital-economy-act-2017",
]


def basis(*laws: str, article: str = "6(1)(c)") -> str:
    cited = "".join(f"      - {law}\n" for law in laws)
    return (
        "lawful_bases:\n  - id: obligation\n    name: to meet our legal obligations\n"
        f'    article: "{article}"\n    legislation:\n{cited}'
    )


def statement(text: str, name: str = "s") -> str:
    return f'statements:\n  - id: {name}\n    name: {name}\n    topic: other\n    text: "{text}"\n'


# --- the register -------------------------------------------------------------------------


def test_the_register_holds_at_least_forty_rows_and_every_required_instrument() -> None:
    assert len(ROWS) >= 40
    ids = {row["id"] for row in ROWS}
    assert not set(REQUIRED) - ids
    assert len(ids) == len(ROWS), "ids are unique"


@pytest.mark.parametrize("row", ROWS, ids=[row["id"] for row in ROWS])
def test_every_row_is_documented(row) -> None:
    for key in ("title", "kind", "status", "citation", "verified"):
        assert str(row[key]).strip(), key
    assert row["kind"] in ("act", "si", "guidance", "code", "assimilated")
    assert str(row["verified"]).startswith(("yes", "partly: ", "no: "))
    ended = row.get("ended")
    assert (row["status"] == "in-force") == (ended is None)
    if ended:
        assert isinstance(ended["since"], dt.date) and ended["how"] in ("repealed", "revoked", "superseded")
    if "pattern" in row:
        assert re.search(row["pattern"], row["example"], re.IGNORECASE), "a row's own pattern needs an example it finds"
    if row["kind"] == "act":
        assert re.fullmatch(r"c\. \d+", str(row["number"])), "an Act's chapter is 'c. N'"
    if row["kind"] == "si":
        assert re.fullmatch(rf"{row['year']}/\d+", str(row["number"])), "an SI's number is 'YEAR/N'"


@pytest.mark.parametrize("row", [row for row in ROWS if "pattern" not in row], ids=lambda row: row["id"])
def test_a_title_is_found_as_people_write_it(row) -> None:
    pattern = re.compile(_title_pattern(row["title"], row.get("year")), re.IGNORECASE)
    title = re.sub(r"^The ", "", row["title"])
    assert pattern.search(row["title"])
    assert pattern.search(f"under the {title.lower()}")
    if row.get("year"):
        base = title.removesuffix(f" {row['year']}")
        assert pattern.search(f"s.17 of the {base} ({row['year']})")
        assert pattern.search(f"{base.replace(' and ', ' & ')}, {row['year']}, section 2")


LAPSED = [
    instrument
    for instrument in instruments().values()
    if instrument.ended_how in ("repealed", "revoked")
    and not instrument.where
    and instrument.ended(dt.date(2026, 11, 24))  # the date the lint fixture checks on
]


def test_there_are_lapsed_instruments_to_cite() -> None:
    assert any(instrument.verified for instrument in LAPSED)


@pytest.mark.parametrize("instrument", LAPSED, ids=[instrument.id for instrument in LAPSED])
def test_a_basis_on_lapsed_law_is_an_error_only_from_a_verified_row(lint, instrument) -> None:
    """LEG001 (error) when the row is verified; otherwise the same citation is LEG002's warning."""
    policy = basis(str(instrument.row["title"]))
    rules = {finding.rule for finding in lint(policy, "LEG")}
    assert ("LEG001" in rules) is instrument.verified, rules
    assert ("LEG001" in rules) or instrument.kind not in ("act", "si", "assimilated") or "LEG002" in rules, rules


# --- LEG001 / LEG002 repealed and revoked ------------------------------------------------------------


def test_a_basis_on_the_1998_act_is_an_error_from_its_repeal(lint) -> None:
    snippet = basis("the Data Protection Act 1998")
    assert lint(snippet, ["LEG001", "LEG002"], dt.date(2018, 5, 24)) == []
    (finding,) = lint(snippet, ["LEG001", "LEG002"], dt.date(2018, 5, 25))
    assert (finding.rule, finding.severity.value) == ("LEG001", "error")
    assert "repealed on 2018-05-25 by Data Protection Act 2018" in finding.message
    assert "Sch 19 para 44" in finding.citation


@pytest.mark.parametrize(
    "words", ["DPA 1998", "Data Protection Act (1998)", "section 7 of the Data Protection Act 1998"]
)
def test_the_1998_act_as_people_cite_it(words: str, assert_findings) -> None:
    assert_findings(basis(words), "LEG001", [("LEG001", 5)])


def test_the_2018_act_is_clean(assert_findings) -> None:
    assert_findings(basis("Data Protection Act 2018", "DPA 2018 s.8"), "LEG001", [])


def test_elsewhere_than_a_basis_the_repealed_act_is_a_warning(lint) -> None:
    snippet = statement("We comply with the Data Protection Act 1998.")
    assert lint(snippet, "LEG002", dt.date(2018, 5, 24)) == []
    (finding,) = lint(snippet, "LEG002", dt.date(2018, 5, 25))
    assert finding.severity.value == "warning" and finding.entity == "statement:s"


def test_one_cause_for_the_same_act_in_a_basis_and_a_statement(lint) -> None:
    snippet = basis("DPA 1998") + statement("Under the Data Protection Act 1998 you may ask.")
    findings = lint(snippet, ["LEG001", "LEG002"])
    assert [(finding.rule, finding.entity) for finding in findings] == [("LEG001", "lawful_basis:obligation")]
    assert [related.entity for related in findings[0].related] == ["statement:s"]


def test_a_repeal_limited_to_england_is_a_warning_from_its_date(lint) -> None:
    snippet = basis("section 2 of the Local Government Act 2000", article="6(1)(e)")
    assert lint(snippet, ["LEG001", "LEG002"], dt.date(2012, 4, 3)) == []
    (finding,) = lint(snippet, ["LEG001", "LEG002"], dt.date(2012, 4, 4))
    assert finding.rule == "LEG002" and "England" in finding.message and "Localism Act 2011" in finding.message


@pytest.mark.parametrize(
    "words", ["the well-being power", "Local Government Act 2000, s.2", "s.2(1) of the Local Government Act 2000"]
)
def test_the_well_being_power_as_people_cite_it(words: str, assert_findings) -> None:
    assert_findings(basis(words, article="6(1)(e)"), "LEG002", [("LEG002", 5)])


def test_the_rest_of_the_local_government_act_2000_is_in_force(assert_findings) -> None:
    assert_findings(basis("Local Government Act 2000", article="6(1)(e)"), "LEG002", [])


def test_revoked_regulations_in_england(lint) -> None:
    (finding,) = lint(basis("the Fostering Services Regulations 2002"), ["LEG001", "LEG002"], dt.date(2011, 4, 1))
    assert finding.rule == "LEG002" and "Fostering Services (England) Regulations 2011" in finding.message
    assert lint(basis("the Fostering Services Regulations 2002"), "LEG002", dt.date(2011, 3, 31)) == []


# --- LEG003 superseded editions ---------------------------------------------------------------


def test_working_together_2018_is_superseded_at_the_end_of_2023(lint) -> None:
    snippet = statement("We follow Working Together to Safeguard Children 2018.")
    assert lint(snippet, "LEG003", dt.date(2023, 12, 30)) == []
    (finding,) = lint(snippet, "LEG003", dt.date(2023, 12, 31))
    assert finding.severity.value == "info" and "Working Together to Safeguard Children 2023" in finding.message


def test_an_old_edition_names_the_current_one_through_the_chain(lint) -> None:
    (finding,) = lint(statement("We follow Working Together 2015."), "LEG003", dt.date(2026, 11, 24))
    assert "superseded on 2019-09-29 by Working Together to Safeguard Children 2018" in finding.message
    assert finding.message.endswith("cite Working Together to Safeguard Children 2023 instead")


def test_a_cited_law_is_resolved_by_its_recorded_title(lint) -> None:
    snippet = (
        "retention_rules:\n  - id: r\n    name: records\n    record_class: records\n    period: 8 years\n"
        "    laws_cited:\n      - cited_as: the NHS Records Management Code of Practice\n"
        "        title: Records Management Code of Practice 2021\n        year: 2021\n"
    )
    assert lint(snippet, "LEG003", dt.date(2023, 12, 30)) == []
    (finding,) = lint(snippet, "LEG003", dt.date(2026, 11, 24))
    assert finding.entity == "retention_rule:r" and "Records Management Code of Practice 2023" in finding.message
    assert lint(snippet, "LEG005", dt.date(2026, 11, 24)) == []


# --- LEG004 misnamed ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("words", "title"),
    [
        ("the Health and Social Care Act 2022", "Health and Care Act 2022"),
        ("UK General Data Protection Regulation (GDPR) 2018", "UK GDPR"),
        ("UK GDPR 2016", "UK GDPR"),
        ("section 17 of the Children's Act 1989", "Children Act 1989"),
        ("the Equalities Act 2010", "Equality Act 2010"),
        ("the Data Use and Access Act 2025", "Data (Use and Access) Act 2025"),
    ],
)
def test_a_title_no_instrument_has_names_the_intended_one(words: str, title: str, lint) -> None:
    (finding,) = lint(basis(words), "LEG004")
    assert finding.severity.value == "info" and finding.message.endswith(f"cite it as {title}")


@pytest.mark.parametrize(
    "words", ["the Health and Social Care Act 2012", "UK GDPR", "the Children Act 1989", "the Equality Act 2010"]
)
def test_a_right_title_is_not_misnamed(words: str, assert_findings) -> None:
    assert_findings(basis(words), "LEG004", [])


# --- LEG005 vague ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("words", "titles"),
    [
        ("Education Act requirements", ["Education Act 1996", "Education Act 2002"]),
        ("the Data Protection Act", ["Data Protection Act 1998", "Data Protection Act 2018"]),
        ("the Children Act", ["Children Act 1989", "Children Act 2004"]),
    ],
)
def test_a_name_several_acts_share_needs_a_year(words: str, titles: list[str], lint) -> None:
    (finding,) = lint(basis(words), "LEG005")
    assert all(title in finding.message for title in titles)


@pytest.mark.parametrize(
    "words",
    ["Education Act 1996", "the Education Acts", "the Homelessness Reduction Act", "data protection legislation"],
)
def test_an_identified_law_is_not_vague(words: str, assert_findings) -> None:
    assert_findings(basis(words), "LEG005", [])


def test_vagueness_is_judged_in_cited_law_not_in_prose(assert_findings) -> None:
    assert_findings(statement("The Children Act gives us duties."), "LEG005", [])


# --- LEG006 guidance as law -----------------------------------------------------------------------


def test_guidance_given_as_the_legal_obligation(lint) -> None:
    (finding,) = lint(basis("Keeping Children Safe in Education guidance"), "LEG006")
    assert "Education Act 2002 s.175" in finding.message
    assert lint(basis("Keeping Children Safe in Education guidance", article="6(1)(e)"), "LEG006") == []


@pytest.mark.parametrize("article", ["Art 6(1)(c)", "6(1)(c) UK GDPR", "Article 6(1)(c)"])
def test_guidance_as_the_legal_obligation_whatever_the_article_is_called(lint, article: str) -> None:
    """The basis is known from its knowledge row (obligation_in_law), however the article is written."""
    assert [f.rule for f in lint(basis("Keeping Children Safe in Education guidance", article=article), "LEG006")] == [
        "LEG006"
    ]


ENDED = [row for row in ROWS if row.get("ended")]


@pytest.mark.parametrize("row", ENDED, ids=[row["id"] for row in ENDED])
def test_every_ended_instrument_is_cited_rightly_the_day_before_and_reported_from_the_day(row, lint) -> None:
    rules = ["LEG001", "LEG002", "LEG003"]
    snippet = statement(f"We act under {row.get('example') or row['title']}.")
    assert lint(snippet, rules, row["ended"]["since"] - DAY) == []
    (finding,) = lint(snippet, rules, row["ended"]["since"])
    assert finding.detail == row["id"]
