"""A field that cannot be read is reported once, by the rule that says why, and
hides the findings that would only follow from it being unreadable; values
that JSON (and so an editor) writes another way mean the same."""

from __future__ import annotations

import datetime as dt

import pytest
from support import AS_OF

from linter.build import build
from linter.loader import Document, parse
from linter.model import Notice, Processor

# a controller, notice and service that are otherwise complete, so that only what a test adds is found
_NOTICE = """\
notice:
  id: n
  name: N
  rights_stated: [access, rectification, erasure, restriction, objection, portability, complain]
"""


def rules_found(lint, snippet: str, rule: str | list[str] = ()) -> list[tuple[str, str]]:  # type: ignore[no-untyped-def]
    return [(finding.rule, finding.field) for finding in lint(snippet, rule)]


def test_a_mistyped_contract_date_is_not_also_a_missing_contract(lint) -> None:  # type: ignore[no-untyped-def]
    snippet = (
        "processors:\n  - id: mosaic\n    name: Mosaic\n    location: GB\n    contract:\n      signed: 15/01/2026\n"
        "      reference: C-1\n      article_28: true\n"
    )
    assert rules_found(lint, snippet, ["SCH", "PRC"]) == [("SCH001", "contract")]
    fixed = snippet.replace("15/01/2026", "2026-01-15")
    assert rules_found(lint, fixed, ["SCH", "PRC"]) == []


def test_the_same_processor_without_a_contract_is_reported(lint) -> None:  # type: ignore[no-untyped-def]
    snippet = "processors:\n  - id: mosaic\n    name: Mosaic\n    location: GB\n"
    assert rules_found(lint, snippet, ["SCH", "PRC"]) == [("PRC001", "contract")]


def test_a_period_in_words_names_the_forms_that_work_and_is_not_also_a_missing_period(lint) -> None:  # type: ignore[no-untyped-def]
    snippet = (
        "retention_rules:\n  - id: pupil-records\n    name: pupil records\n    record_class: pupil records\n"
        "    period: until the pupil leaves plus 6 years\n    disposal: destroy\n"
    )
    findings = lint(snippet, ["SCH", "RET"])
    assert [(f.rule, f.field) for f in findings] == [("SCH001", "period")]
    assert "criteria" in findings[0].message and "starts" in findings[0].message
    assert "'6 months'" in findings[0].message


def test_an_invalid_place_is_not_also_a_missing_location(lint) -> None:  # type: ignore[no-untyped-def]
    snippet = "processors:\n  - id: mosaic\n    name: Mosaic\n    location: United States\n"
    assert rules_found(lint, snippet, ["SCH", "PRC002"]) == [("SCH001", "location")]


def test_a_misspelt_key_hides_the_field_it_was_meant_to_be(lint) -> None:  # type: ignore[no-untyped-def]
    snippet = "services:\n  - id: admissions\n    name: Admissions\n    purpose: [allocate-places]\n"
    assert rules_found(lint, snippet, ["SCH", "CMP002"]) == [("SCH002", "purpose")]
    unrelated = "services:\n  - id: admissions\n    name: Admissions\n    colour: blue\n"
    assert sorted(rules_found(lint, unrelated, ["SCH", "CMP002"])) == [("CMP002", "purposes"), ("SCH002", "colour")]


def test_references_to_nothing_hide_what_follows_from_the_empty_list(lint) -> None:  # type: ignore[no-untyped-def]
    snippet = "services:\n  - id: admissions\n    name: Admissions\n    purposes: [allocate-places]\n"
    assert rules_found(lint, snippet, ["REF001", "CMP002"]) == [("REF001", "purposes")]


def test_a_bad_right_hides_the_rights_it_is_read_with(lint) -> None:  # type: ignore[no-untyped-def]
    snippet = _NOTICE + "  rights:\n    acess: {route: email}\n"
    findings = lint(snippet, ["SCH", "NTC003", "NTC004"])
    assert [(f.rule, f.field) for f in findings] == [("SCH001", "rights")]
    assert "did you mean 'access'?" in findings[0].message
    assert "see 'policy-lint values rights'" in findings[0].message


def test_other_fields_of_the_entity_are_still_checked(lint) -> None:  # type: ignore[no-untyped-def]
    snippet = "processors:\n  - id: mosaic\n    name: Mosaic\n    contract:\n      signed: 15/01/2026\n"
    assert sorted(rules_found(lint, snippet, ["SCH", "PRC"])) == [("PRC002", "location"), ("SCH001", "contract")]


def test_an_enumerated_value_names_every_accepted_value() -> None:
    _, found = build(
        [Document("p.yaml", parse("recipients:\n  - id: r\n    name: R\n    role: controller\n", "p.yaml"))]
    )
    assert len(found) == 1
    assert "expected one of: independent-controller, joint-controller, processor" in found[0].message
    assert "see 'policy-lint values role'" in found[0].message


def test_a_list_of_enumerated_values_names_the_wrong_one() -> None:
    text = "notice:\n  id: n\n  name: N\n  rights_stated: [access, acces]\n"
    _, found = build([Document("p.yaml", parse(text, "p.yaml"))])
    assert len(found) == 1
    assert "'acces'" in found[0].message and "'access'" not in found[0].message.split("(")[0]
    assert "see 'policy-lint values rights_stated'" in found[0].message


# --- values written the way JSON writes them -------------------------------------------------------


def notice_of(text: str) -> tuple[Notice | None, list[str]]:
    policy, found = build([Document("p.yaml", parse("notice:\n  id: n\n  name: N\n" + text, "p.yaml"))])
    return policy.notice, [problem.message for problem in found]


def test_a_date_written_as_text_is_a_date() -> None:
    notice, found = notice_of('  last_reviewed: "2026-01-31"\n')
    assert found == []
    assert notice is not None and notice.last_reviewed == dt.date(2026, 1, 31)


def test_a_date_as_text_counts_in_the_rules(lint) -> None:  # type: ignore[no-untyped-def]
    stale = 'notice:\n  id: n\n  name: N\n  last_reviewed: "2020-01-31"\n  review_cycle_months: 12\n'
    assert rules_found(lint, stale, "CUR003") == [("CUR003", "last_reviewed")]
    fresh = stale.replace("2020-01-31", str(AS_OF))
    assert rules_found(lint, fresh, "CUR003") == []


@pytest.mark.parametrize(
    "value",
    [
        '"2026-02-30"',
        "31/01/2026",
        "2026-1-31",
        '"2026-01-31 "',
        "2026-01-31 10:00:00",
        "2026-01-31T10:00:00Z",
        "20260131",
    ],
)
def test_what_is_not_a_date(value: str) -> None:
    notice, found = notice_of(f"  last_reviewed: {value}\n")
    assert len(found) == 1 and "must be a date" in found[0], found
    assert notice is not None and notice.last_reviewed is None


def test_a_whole_number_written_with_a_point_is_a_whole_number() -> None:
    notice, found = notice_of("  review_cycle_months: 12.0\n")
    assert found == []
    assert notice is not None and notice.review_cycle_months == 12 and type(notice.review_cycle_months) is int


@pytest.mark.parametrize("value", ["true", "12.5", ".inf", '"12"'])
def test_what_is_not_a_whole_number(value: str) -> None:
    _, found = notice_of(f"  review_cycle_months: {value}\n")
    assert len(found) == 1 and "must be a whole number" in found[0], found


def test_a_year_in_a_legislation_mapping_is_a_whole_number() -> None:
    notice, found = notice_of("  laws_cited:\n    - {title: Children Act 1989, year: 1989.0}\n")
    assert found == []
    assert notice is not None and notice.laws_cited[0].year == 1989 and type(notice.laws_cited[0].year) is int


def test_a_nested_date_as_text_is_a_date_and_keeps_its_position() -> None:
    text = 'processors:\n  - id: p\n    name: P\n    contract:\n      signed: "2021-04-01"\n'
    policy, found = build([Document("p.yaml", parse(text, "p.yaml"))])
    assert found == []
    processor = policy.get("processor", "p")
    assert isinstance(processor, Processor) and processor.contract is not None
    assert processor.contract.signed == dt.date(2021, 4, 1)


def test_an_id_with_a_space_in_a_list_of_ids_is_refused() -> None:
    text = "services:\n  - id: s\n    name: S\n    purposes: [a b]\n"
    _, found = build([Document("p.yaml", parse(text, "p.yaml"))])
    assert [problem.message for problem in found] == [
        "'purposes' item 1 ('a b') must be the kebab-case id of an entity"
    ]


def test_a_date_where_text_is_meant_is_its_text() -> None:
    text = (
        "services:\n  - id: 2026-01-31\n    name: 2026-01-31\n    purposes: [2026-01-31]\n"
        "purposes:\n  - id: 2026-01-31\n    name: P\n"
    )
    policy, found = build([Document("p.yaml", parse(text, "p.yaml"))])
    assert found == []
    service = policy.get("service", "2026-01-31")
    assert service is not None and service.name == "2026-01-31"
    assert [purpose.id for purpose in service.purposes] == ["2026-01-31"]  # type: ignore[attr-defined]


def test_a_date_is_not_a_country() -> None:
    text = "processors:\n  - id: p\n    name: P\n    location: 2026-01-31\n"
    _, found = build([Document("p.yaml", parse(text, "p.yaml"))])
    assert [problem.message.split(" (")[0] for problem in found] == ["'location' has an invalid value '2026-01-31'"]


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("  review_cycle_months: 0\n", "'review_cycle_months' is 0, but must be at least 1"),
        ("  laws_cited: [{title: X, year: 99999}]\n", "'laws_cited[0].year' is 99999, but must be at most 9999"),
        ("  title: ''\n", "'title' is empty: write one, or leave the key out"),
        ("  title:\n", "'title' has no value: write one, or leave the key out"),
    ],
)
def test_bounds_and_empty_values_say_what_to_write(text: str, message: str) -> None:
    _, found = notice_of(text)
    assert found == [message]


def test_an_empty_required_value_is_to_be_written() -> None:
    _, found = build([Document("p.yaml", parse("notice:\n  id: n\n  name: ''\n", "p.yaml"))])
    assert [problem.message for problem in found] == ["'name' is empty: write one"]


def test_a_placeholder_hides_the_findings_on_the_parts_of_its_field(lint) -> None:  # type: ignore[no-untyped-def]
    notice = (
        "notice:\n  id: n\n  name: N\n  rights_stated: [complain]\n  complaint:\n"
        "    name: {name}\n    address: [Water Lane]\n"
    )
    found = lint(notice.format(name='"TODO: the regulator"'), ["CMP001", "NTC006"])
    assert [f.rule for f in found] == ["CMP001"]
    assert [f.rule for f in lint(notice.format(name="ICO"), ["CMP001", "NTC006"])] == ["NTC006"]
