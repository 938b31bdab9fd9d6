"""Completeness rules (CMP): what a near-empty policy hides."""

from __future__ import annotations

from collections.abc import Callable

# the near-empty policy of issue 14: a valid controller, notice and service that say nothing
NEAR_EMPTY = """\
controller:
  id: st-marys-school
  name: St Mary's School
  kind: maintained-school
notice:
  id: privacy-notice
  name: Privacy notice for pupils and parents
services:
  - id: admissions
    name: Admissions
"""


def test_a_near_empty_policy_is_not_clean(lint) -> None:  # type: ignore[no-untyped-def]
    found = {(finding.rule, finding.entity) for finding in lint(NEAR_EMPTY, ["CMP", "LAW002"])}
    assert found == {
        ("CMP002", "service:admissions"),  # no purpose
        ("CMP003", "service:admissions"),  # no data subjects
        ("CMP004", "service:admissions"),  # no trace
        ("LAW002", "service:admissions"),  # no lawful basis reachable: LAW002's, not repeated here
    }


def test_notice_wide_lists_the_service_relies_on_count(lint) -> None:  # type: ignore[no-untyped-def]
    snippet = (
        "purposes:\n  - id: allocate-places\n    name: to allocate places\n"
        "data_subjects:\n  - id: pupils\n    name: pupils\n"
        "notice:\n  id: n\n  name: N\n  notice_wide:\n    purposes: [allocate-places]\n    data_subjects: [pupils]\n"
        "services:\n  - id: admissions\n    name: Admissions\n    relies_on_notice_wide: [purposes, data_subjects]\n"
        "    trace: {added: the notice is written from this policy}\n"
    )
    assert lint(snippet, "CMP") == []
    not_relied_on = snippet.replace("    relies_on_notice_wide: [purposes, data_subjects]\n", "")
    assert sorted(finding.rule for finding in lint(not_relied_on, "CMP")) == ["CMP002", "CMP003"]


def test_a_trace_with_only_a_note_is_no_trace(lint) -> None:  # type: ignore[no-untyped-def]
    snippet = "services:\n  - id: s\n    name: S\n    trace: {note: to do}\n"
    assert [finding.rule for finding in lint(snippet, "CMP004")] == ["CMP004"]
    for trace in ("{section: Admissions}", "{quote: We allocate places.}", "{added: implied by the notice}"):
        assert lint(snippet.replace("{note: to do}", trace), "CMP004") == []


def test_a_placeholder_says_what_to_write_where_it_stands(lint) -> None:  # type: ignore[no-untyped-def]
    snippet = (
        "controller:\n  id: c\n  name: C\n  contact:\n"
        '    email: "TODO: the address people write to about their information"\n'
        "    address:\n      - 1 High Street\n      - TODO\n"
    )
    found = [(f.rule, f.line, f.field, f.detail, f.message) for f in lint(snippet, "CMP001")]
    assert found == [
        (
            "CMP001",
            5,
            "contact",
            "contact.email",
            "'contact.email' is still to be written: the address people write to about their information",
        ),
        ("CMP001", 8, "contact", "contact.address[1]", "'contact.address[1]' is still to be written"),
    ]


def test_only_a_leading_todo_is_a_placeholder(lint) -> None:  # type: ignore[no-untyped-def]
    for text in ("Todo list app", "TODOS", "We have nothing TODO: with it", "TODOLIST"):
        assert lint(f'services:\n  - id: s\n    name: "{text}"\n', "CMP001") == [], text


def test_a_placeholder_holds_back_the_findings_on_its_field(lint) -> None:  # type: ignore[no-untyped-def]
    basis = (
        'lawful_bases:\n  - id: b\n    name: B\n    article: "TODO: the article of UK GDPR Art 6(1), such as 6(1)(e)"\n'
    )
    assert [f.rule for f in lint(basis, ["CMP001", "LAW003"])] == ["CMP001"]
    written = basis.replace('"TODO: the article of UK GDPR Art 6(1), such as 6(1)(e)"', "6(1)(z)")
    assert [f.rule for f in lint(written, ["CMP001", "LAW003"])] == ["LAW003"]


def test_an_invalid_value_is_not_also_a_placeholder(lint: Callable[..., list]) -> None:  # type: ignore[type-arg]
    snippet = "retention_rules:\n  - id: r\n    name: R\n    record_class: R\n    period: TODO\n"
    assert [f.rule for f in lint(snippet, ["CMP001", "SCH001"])] == ["SCH001"]
