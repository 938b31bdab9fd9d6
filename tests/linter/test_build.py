"""Schema validation and model building: problems are located, never raised."""

from __future__ import annotations

import datetime as dt

from linter.build import build
from linter.loader import Document, parse
from linter.model import Processor, Service, Transfer


def built(text: str, file: str = "p.yaml"):  # type: ignore[no-untyped-def]
    return build([Document(file, parse(text, file))])


def problems(text: str) -> list[tuple[str, int, int, str]]:
    _, found = built(text)
    return [(p.rule, p.position.line, p.position.column, p.message) for p in found]


def test_valid_policy_builds_typed_model_with_resolved_references() -> None:
    policy, found = built(
        """\
controller:
  id: ecc
  name: Essex County Council
  public_authority: true
services:
  - id: travel
    name: Travel and accommodation
    processors: [redfern]
    data_categories: [contact]
data_categories:
  - id: contact
    name: name and contact details
processors:
  - id: redfern
    name: Redfern
    location: GB
    parent_company: {name: Redfern Inc, country: US}
    contract: {reference: C-1, signed: 2021-04-01, article_28: true}
transfers:
  - id: redfern-us
    name: Redfern to its US parent
    exporter: ecc
    importer: redfern
    destination: US
    mechanism: privacy-shield
    in_place_from: 2019-05-01
"""
    )
    assert found == []
    service = policy.get("service", "travel")
    assert isinstance(service, Service)
    redfern = policy.get("processor", "redfern")
    assert isinstance(redfern, Processor)
    assert service.processors == [redfern]
    assert redfern.parent_company is not None and redfern.parent_company.country == "US"
    assert redfern.contract is not None and redfern.contract.signed == dt.date(2021, 4, 1)
    transfer = policy.get("transfer", "redfern-us")
    assert isinstance(transfer, Transfer)
    assert transfer.importer is redfern and transfer.exporter is policy.controller
    assert transfer.at("mechanism").line == 25
    assert service.ref == "service:travel"


def test_unknown_key_suggests_the_nearest_name() -> None:
    assert problems("purposes:\n  - id: p\n    name: P\n    lawfull_bases: []\n") == [
        ("SCH002", 4, 5, "unknown key 'lawfull_bases'; did you mean 'lawful_bases'?")
    ]


def test_unknown_nested_key_and_unknown_kind() -> None:
    found = problems("processorz: []\nprocessors:\n  - id: p\n    name: P\n    contract: {refrence: x}\n")
    assert found[0][:3] == ("SCH002", 1, 1) and "did you mean 'processors'" in found[0][3]
    assert found[1][:3] == ("SCH002", 5, 16) and "did you mean 'reference'" in found[1][3]


def test_wrong_type_and_missing_required_key_point_at_the_place() -> None:
    found = problems("recipients:\n  - id: r\n    name: R\n    category: yes please\n")
    assert ("SCH001", 2, 5, "required key 'role' is missing") in found
    assert ("SCH001", 4, 5, "'category' must be true or false, not text") in found


def test_invalid_field_is_dropped_but_entity_kept() -> None:
    policy, found = built("processors:\n  - id: p\n    name: P\n    location: United States\n")
    assert [p.rule for p in found] == ["SCH001"]
    processor = policy.get("processor", "p")
    assert isinstance(processor, Processor) and processor.location == ""


def test_entity_without_usable_id_is_left_out() -> None:
    policy, found = built("sources:\n  - id: Not Kebab\n    name: x\n  - name: y\n")
    assert policy.sources == []
    assert {p.message for p in found} == {
        "'id' has an invalid value 'Not Kebab' (expected a kebab-case id such as 'child-protection')",
        "required key 'id' is missing",
    }


def test_list_kind_given_a_mapping_and_entry_not_a_mapping() -> None:
    assert problems("services: {id: a}\nsources:\n  - just text\n") == [
        ("SCH001", 1, 1, "'services' must be a list of entries, not a mapping"),
        ("SCH001", 3, 5, "each 'sources' entry must be a mapping, not text"),
    ]


def test_dangling_reference_points_at_the_list_item() -> None:
    found = problems(
        "purposes:\n  - id: p\n    name: P\n    lawful_bases: [a, missing]\n"
        "lawful_bases:\n  - {id: a, name: A, article: 6(1)(e)}\n"
    )
    assert found == [("REF001", 4, 23, "'lawful_bases' refers to lawful basis 'missing', which is not defined")]


def test_duplicate_ids_across_files_and_second_controller() -> None:
    first = Document(
        "a.yaml",
        parse(
            "sources:\n  - {id: police, name: police}\ncontroller: {id: c, name: C, public_authority: true}\n", "a.yaml"
        ),
    )
    second = Document(
        "b.yaml",
        parse(
            "sources:\n  - {id: police, name: Police}\ncontroller: {id: d, name: D, public_authority: true}\n", "b.yaml"
        ),
    )
    policy, found = build([first, second])
    assert [(p.rule, p.position.file, p.position.line) for p in found] == [
        ("REF002", "b.yaml", 2),
        ("REF002", "b.yaml", 3),
    ]
    assert "first defined at a.yaml:2:5" in found[0].message
    assert policy.controller is not None and policy.controller.id == "c"


def test_notice_wide_lists_feed_effective_service_lists() -> None:
    policy, found = built(
        """\
notice:
  id: notice
  name: Notice
  notice_wide:
    sources: [police, nope]
services:
  - id: a
    name: A
    sources: [family]
    relies_on_notice_wide: [sources]
  - id: b
    name: B
sources:
  - {id: police, name: police}
  - {id: family, name: family members}
"""
    )
    assert [(p.rule, p.position.line, p.position.column) for p in found] == [("REF001", 5, 23)]
    a, b = policy.get("service", "a"), policy.get("service", "b")
    assert isinstance(a, Service) and isinstance(b, Service)
    assert [s.id for s in policy.effective(a, "sources")] == ["family", "police"]
    assert [s.id for s in policy.taken_from_notice(a, "sources")] == ["police"]
    assert policy.effective(b, "sources") == [] and policy.taken_from_notice(b, "sources") == []


def test_the_contacts_of_a_policy_are_the_controller_s_then_where_to_complain() -> None:
    policy, _ = built(
        "controller:\n  id: c\n  name: C\n  contact: {email: info@c.gov.uk}\n  dpo: {email: dpo@c.gov.uk}\n"
        "notice:\n  id: n\n  name: N\n  complaint: {name: ICO, web: ico.org.uk}\n"
    )
    assert [(entity.ref, field, contact.email or contact.web) for entity, field, contact in policy.contacts()] == [
        ("controller:c", "contact", "info@c.gov.uk"),
        ("controller:c", "dpo", "dpo@c.gov.uk"),
        ("notice:n", "complaint", "ico.org.uk"),
    ]
    assert built("sources:\n  - {id: s, name: S}\n")[0].contacts() == []


def test_single_reference_that_dangles_becomes_none() -> None:
    policy, found = built("transfers:\n  - {id: t, name: T, importer: ghost, destination: US, mechanism: idta}\n")
    transfer = policy.get("transfer", "t")
    assert isinstance(transfer, Transfer) and transfer.importer is None
    assert [p.rule for p in found] == ["REF001"]


def test_norway_problem_gets_a_quoting_hint() -> None:
    ((rule, line, _, message),) = problems(
        "transfers:\n  - {id: t, name: T, importer: p, destination: NO, mechanism: adequacy}\n"
        "processors:\n  - {id: p, name: P}\n"
    )
    assert (rule, line) == ("SCH001", 2)
    assert "must be text, not true/false" in message and "put the value in quotes" in message


def test_malformed_id_in_a_reference_list_is_named() -> None:
    ((rule, line, _, message),) = problems("services:\n  - id: s\n    name: S\n    sources: [police, Not An Id, 3]\n")
    assert (rule, line) == ("SCH001", 4)
    assert "item 2 ('Not An Id') must be the kebab-case id of an entity" in message


def test_trace_of_a_field_with_its_own_trace() -> None:
    policy, _ = built(
        "notice:\n  id: n\n  name: N\n  trace: {section: Top, quote: the notice}\n"
        "  complaint:\n    name: ICO\n    trace: {section: Your rights, quote: lodge a complaint}\n"
    )
    notice = policy.notice
    assert notice is not None
    complaint_trace = notice.trace_at("complaint")
    assert complaint_trace is not None and complaint_trace.quote == "lodge a complaint"
    own = notice.trace_at("rights_stated")
    assert own is not None and own.quote == "the notice"
    assert notice.trace_at("") is notice.trace
