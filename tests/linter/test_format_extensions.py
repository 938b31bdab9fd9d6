"""The format as real notices need it (issue 9, 16): each extension builds into
the model, and a mistake in it is a located schema problem."""

from __future__ import annotations

from linter.build import build
from linter.loader import Document, parse
from linter.model import (
    Controller,
    Cookie,
    LawfulBasis,
    Notice,
    Policy,
    Recipient,
    RetentionRule,
    Service,
    Statement,
    Transfer,
)

Found = list[tuple[str, int, str]]


def built(text: str) -> tuple[Policy, Found]:
    policy, problems = build([Document("p.yaml", parse(text, "p.yaml"))])
    return policy, [(p.rule, p.position.line, p.message) for p in problems]


def test_controller_kind_and_an_unstated_public_authority() -> None:
    policy, found = built("controller:\n  id: c\n  name: C\n  kind: parish-council\n")
    assert found == []
    controller = policy.controller
    assert isinstance(controller, Controller)
    assert controller.kind == "parish-council"
    assert controller.public_authority is None


def test_unknown_controller_kind_is_a_schema_problem() -> None:
    _, found = built("controller:\n  id: c\n  name: C\n  kind: council\n")
    assert [(rule, line) for rule, line, _ in found] == [("SCH001", 4)]
    assert "invalid value 'council' (expected one of: local-authority," in found[0][2]


def test_legislation_as_text_or_structured_and_a_basis_with_no_article() -> None:
    policy, found = built(
        """\
lawful_bases:
  - id: children-act
    name: under the Children Act 1989
    legislation:
      - the Children Act 2004
      - cited_as: section 17 of the Children Act 1989
        title: Children Act 1989
        year: 1989
        chapter: c. 41
        provision: s.17
      - title: Care Planning, Placement and Case Review (England) Regulations 2010
        si: 2010/959
        provision: reg 50
"""
    )
    assert found == []
    basis = policy.get("lawful_basis", "children-act")
    assert isinstance(basis, LawfulBasis)
    assert basis.article == ""
    assert [law.words for law in basis.legislation] == [
        "the Children Act 2004",
        "section 17 of the Children Act 1989",
        "Care Planning, Placement and Case Review (England) Regulations 2010 reg 50",
    ]
    assert basis.legislation[1].year == 1989 and basis.legislation[2].si == "2010/959"


def test_a_malformed_statutory_instrument_number_says_the_form() -> None:
    _, found = built(
        "lawful_bases:\n  - id: b\n    name: B\n    legislation:\n      - title: X\n        si: 959/2010\n"
    )
    assert [(rule, line) for rule, line, _ in found] == [("SCH001", 6)]
    assert "year/number" in found[0][2]


def test_destinations_a_notice_does_not_name() -> None:
    policy, found = built(
        """\
recipients:
  - id: partners
    name: partners
    role: independent-controller
    country: worldwide
    catch_all: true
  - id: you
    name: you
    role: data-subject
transfers:
  - id: abroad
    name: abroad
    importer: partners
    destination: outside-uk
    frequency: routine
"""
    )
    assert found == []
    transfer = policy.get("transfer", "abroad")
    assert isinstance(transfer, Transfer)
    assert transfer.destination == "outside-uk" and transfer.mechanism == "" and transfer.frequency == "routine"
    partners = policy.get("recipient", "partners")
    assert isinstance(partners, Recipient) and partners.catch_all and partners.country == "worldwide"


def test_a_made_up_region_is_refused_with_the_accepted_ones() -> None:
    _, found = built(
        "recipients:\n  - id: x\n    name: X\n    role: public-body\n"
        "transfers:\n  - id: t\n    name: T\n    importer: x\n    destination: abroad\n"
    )
    assert [(rule, line) for rule, line, _ in found] == [("SCH001", 9)]
    assert "outside-uk" in found[0][2]


def test_rights_as_described_count_as_stated() -> None:
    policy, found = built(
        """\
notice:
  id: n
  name: N
  rights_stated: [complain]
  rights:
    objection:
      scope: direct-marketing-only
      trace: {section: Your rights, quote: you can object to marketing}
    access:
      route: foi-request
      time_limit: 20 working days
      laws_cited: [the Data Protection Act 2018]
    erasure:
      stated: false
"""
    )
    assert found == []
    notice = policy.notice
    assert isinstance(notice, Notice)
    assert notice.stated_rights == {"complain", "objection", "access"}
    assert notice.rights["objection"].scope == "direct-marketing-only"
    assert notice.rights["objection"].trace is not None
    assert notice.rights["access"].time_limit == "20 working days"
    assert notice.rights["access"].laws_cited[0].words == "the Data Protection Act 2018"


def test_a_misspelt_right_field_gets_a_suggestion_and_an_unknown_right_is_refused() -> None:
    _, found = built("notice:\n  id: n\n  name: N\n  rights:\n    access:\n      rout: email\n    acess: {}\n")
    messages = sorted((rule, line, message) for rule, line, message in found)
    assert messages[0][:2] == ("SCH001", 4) or messages[0][:2] == ("SCH001", 7)
    unknown = [m for m in messages if m[0] == "SCH002"]
    assert len(unknown) == 1 and unknown[0][1] == 6 and "did you mean 'route'" in unknown[0][2]
    assert any("acess" in message for _, _, message in messages)


def test_a_time_promise_must_be_a_time() -> None:
    _, found = built("notice:\n  id: n\n  name: N\n  rights:\n    rectification:\n      time_limit: asap\n")
    assert [(rule, line) for rule, line, _ in found] == [("SCH001", 6)]
    assert "immediately" in found[0][2]


def test_blank_sections_laws_cited_and_automated_decisions() -> None:
    policy, found = built(
        """\
notice:
  id: n
  name: N
  laws_cited:
    - cited_as: the General Data Protection Regulation
  blank_sections:
    - heading: Will my data be transferred abroad?
      topic: transfers
  automated_decision_making:
    used: true
    stated: true
    solely_automated: true
    significant_effects: true
    articles: ["6(1)(e)"]
    safeguards: [human-intervention]
services:
  - id: s
    name: S
    automated_decision_making:
      used: true
      solely_automated: false
"""
    )
    assert found == []
    notice = policy.notice
    assert isinstance(notice, Notice)
    assert notice.laws_cited[0].words == "the General Data Protection Regulation"
    blank = notice.blank("transfers")
    assert blank is not None and blank.heading.startswith("Will my data")
    assert notice.blank("retention") is None
    adm = notice.automated_decision_making
    assert adm is not None and adm.solely_automated and adm.safeguards == ["human-intervention"]
    assert adm.profiling is None  # not stated is not "no"
    service = policy.get("service", "s")
    assert isinstance(service, Service)
    assert service.automated_decision_making is True
    assert service.automated_decisions is not None and service.automated_decisions.solely_automated is False


def test_a_service_silent_on_automated_decisions_is_none_not_false() -> None:
    policy, _ = built("services:\n  - id: s\n    name: S\n")
    service = policy.get("service", "s")
    assert isinstance(service, Service) and service.automated_decision_making is None


def test_retention_by_reference_criteria_and_whose_records() -> None:
    policy, found = built(
        """\
data_subjects:
  - id: pupils
    name: pupils
retention_rules:
  - id: all
    name: all records
    record_class: all records
    schedule_reference: https://example.org/retention-schedule
    data_subjects: [pupils]
  - id: account
    name: account data
    record_class: account data
    criteria: while your account is open
"""
    )
    assert found == []
    rule = policy.get("retention_rule", "all")
    assert isinstance(rule, RetentionRule)
    assert rule.schedule_reference.endswith("schedule") and [s.id for s in rule.data_subjects] == ["pupils"]


def test_statements_and_cookies_are_entity_kinds() -> None:
    policy, found = built(
        """\
statements:
  - id: security
    name: how we keep data safe
    topic: security
    trace: {section: Security, quote: We keep your data safe.}
cookies:
  - id: ga
    name: Google Analytics
    category: analytics
    consent: by-use
    identifiers: [ip-address, cookie-id]
    described_as_anonymous: true
data_categories:
  - id: ip
    name: IP address
    online_identifier: true
"""
    )
    assert found == []
    assert isinstance(policy.get("statement", "security"), Statement)
    cookie = policy.get("cookie", "ga")
    assert isinstance(cookie, Cookie)
    assert cookie.consent == "by-use" and cookie.identifiers == ["ip-address", "cookie-id"]


def test_a_statement_needs_a_topic() -> None:
    _, found = built("statements:\n  - id: s\n    name: S\n")
    assert [(rule, line) for rule, line, _ in found] == [("SCH001", 2)]


def test_a_trace_may_quote_several_places() -> None:
    policy, found = built(
        """\
purposes:
  - id: p
    name: P
    trace:
      section: A
      quote: first place
      also:
        - {section: B, quote: second place}
"""
    )
    assert found == []
    purpose = policy.get("purpose", "p")
    assert purpose is not None and purpose.trace is not None
    assert purpose.trace.quotes == ["first place", "second place"]


def test_a_field_of_several_types_names_them_all_when_given_another() -> None:
    _, found = built("services:\n  - id: s\n    name: S\n    automated_decision_making: 0\n")
    assert found == [("SCH001", 4, "'automated_decision_making' must be true or false or a mapping, not int")]
    _, found = built("lawful_bases:\n  - id: b\n    name: B\n    legislation: [yes]\n")
    assert [(rule, line) for rule, line, _ in found] == [("SCH001", 4)]
    assert "text or a mapping" in found[0][2] and "quotes" in found[0][2]
