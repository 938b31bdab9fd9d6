"""Controller rules (CTL): who the controller is, and whose notice a service belongs to.

Whether a kind of body is a public authority, and who by law controls a
maintained school's records, are rows of ``checks/knowledge/controller-kinds.yaml``
(read through ``checks/authority.py``). A service the body runs as a
processor for other controllers, or whose details the notice sends people to
another notice for, is not judged as the controller's own processing by the
lawful basis, retention and sources rules; CTL003 says so, and what applies
instead, once per such service or purpose.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from checks import authority, facts, naming
from linter.context import Context
from linter.findings import Finding, Rule, Severity

AREA = "controller"
_K: dict[str, Any] = facts.load(authority.KNOWLEDGE_FILE)
_SCHOOL_RECORDS: dict[str, Any] = _K["school_records"]


# --- CTL001: a kind that is a public authority recorded as not one -------------------------------


def _kind_contradicts_record(ctx: Context) -> Iterator[Finding]:
    controller = ctx.policy.controller
    if controller is None or controller.public_authority is not False:
        return
    row = authority.kinds().get(controller.kind)
    if row is None or row.public_authority is not True or not row.verified:
        return
    yield ctx.finding(
        KIND_CONTRADICTS_RECORD,
        controller,
        "public_authority",
        f"'{controller.name}' is recorded as not a public authority, but it is {row.name} ({controller.kind}), "
        "which is one: it must have a data protection officer and cannot rely on legitimate interests in "
        "performing its tasks",
        citation=row.citation,
    )


# --- CTL002: a maintained school's notice naming another body as the only controller --------------


def _school_not_controller(ctx: Context) -> Iterator[Finding]:
    notice = ctx.policy.notice
    controller = ctx.policy.controller
    if notice is None or controller is None or not naming.is_verified(_SCHOOL_RECORDS):
        return
    if notice.publisher_kind not in _SCHOOL_RECORDS["kinds"] or controller.kind == notice.publisher_kind:
        return
    publisher = f"'{notice.publisher}'" if notice.publisher else "the school"
    yield ctx.finding(
        SCHOOL_NOT_CONTROLLER,
        notice,
        "publisher_kind",
        f"the notice is published by {publisher}, a maintained school, yet names '{controller.name}' as the "
        "controller: the school's governing body must by law keep its pupils' records and is their controller "
        "(and a public authority with its own data protection officer); name it as controller, and the other "
        "body only for what it decides itself",
        citation=facts.cite(_SCHOOL_RECORDS),
    )


# --- CTL003: what applies to a service run for others, or referred elsewhere ---------------------


def _judged_elsewhere(ctx: Context) -> Iterator[Finding]:
    for service in ctx.policy.services:
        if service.as_processor:
            for_whom = ", ".join(service.on_behalf_of) or "the controllers it is run for"
            yield ctx.finding(
                JUDGED_ELSEWHERE,
                service,
                "acting_as",
                f"service '{service.id}' is run as a processor for {for_whom}: the lawful basis, any Art 9 "
                f"condition, retention and sources are for {for_whom} to give in their own notices (Art 13 and "
                "14 are the controller's duties), so they are not checked here; what applies to this body is a "
                "written processing contract with each of them (Art 28(3))",
                citation=JUDGED_ELSEWHERE.citation_on(ctx.as_of),
            )
        elif service.refers_to:
            yield ctx.finding(
                JUDGED_ELSEWHERE,
                service,
                "refers_to",
                f"service '{service.id}': the notice sends people to '{service.refers_to}' for its details, so its "
                "lawful basis, retention and sources are not checked here; check that notice, and that this one "
                "links to it where people will see it",
                citation=_LAYERED,
            )
    for purpose in ctx.policy.purposes:
        if purpose.refers_to:
            yield ctx.finding(
                JUDGED_ELSEWHERE,
                purpose,
                "refers_to",
                f"purpose '{purpose.id}': the notice sends people to '{purpose.refers_to}' for its lawful basis; "
                "check that notice, and that this one links to it",
                citation=_LAYERED,
            )


_LAYERED = (
    "UK GDPR Art 12(1) (information in a concise, transparent, intelligible and easily accessible form) "
    "and Art 13(1)(c) / 14(1)(c); ICO guidance 'Right to be informed: what methods can we use?' (layered "
    "approach)"
)

# --- rules --------------------------------------------------------------------------------------

KIND_CONTRADICTS_RECORD = Rule(
    id="CTL001",
    title="Controller recorded as not a public authority, though its kind is one",
    severity=Severity.ERROR,
    area=AREA,
    rationale=(
        "A local authority, an NHS body of FOIA 2000 Sch 1 Part III, the governing body of a maintained "
        "school, an Academy's proprietor and a government department are public authorities for the UK GDPR "
        "(DPA 2018 s.7, FOIA 2000 Schedule 1). Recording such a controller as not one switches off the duties "
        "that follow (a data protection officer, no legitimate interests in performing its tasks, no Art 49 "
        "derogations in exercising public powers), so every rule that depends on it is silenced: an error, "
        "resting only on the kind's verified row. A parish council is not a public authority (s.7(3))."
    ),
    citation="DPA 2018 s.7(1)-(3); FOIA 2000 Schedule 1; see 'policy-lint knowledge controller-kinds'",
    remediation="Set public_authority: true (or remove it, so that the kind decides), or correct the kind.",
    check=_kind_contradicts_record,
    failing="controller:\n  id: council\n  name: Council\n  kind: local-authority\n  public_authority: false\n",
    passing="controller:\n  id: council\n  name: Parish Council\n  kind: parish-council\n  public_authority: false\n",
)

SCHOOL_NOT_CONTROLLER = Rule(
    id="CTL002",
    title="A maintained school's notice names another body as the controller",
    severity=Severity.ERROR,
    area=AREA,
    rationale=(
        "The governing body of a maintained school must by law keep each pupil's curricular record and make "
        "the educational record available to parents; where an enactment imposes the processing, the body it "
        "imposes it on is the controller (DPA 2018 s.6(2)). The governing body is also a public authority "
        "with its own duty to designate a data protection officer. A notice written by the school ('we') "
        "that names the local authority maintaining it as the only controller misstates who is responsible "
        "for the data: an error."
    ),
    citation=facts.cite(_SCHOOL_RECORDS),
    remediation=(
        "Name the school's governing body as controller, with its DPO's contact details; name the local "
        "authority only as controller of what it decides itself (for example as employer)."
    ),
    check=_school_not_controller,
    failing="controller:\n  id: county\n  name: County Council\n  kind: local-authority\n"
    "notice:\n  id: n\n  name: N\n  publisher: Park School\n  publisher_kind: maintained-school\n",
    passing="controller:\n  id: school\n  name: Park School governing body\n  kind: maintained-school\n"
    "notice:\n  id: n\n  name: N\n  publisher: Park School\n  publisher_kind: maintained-school\n",
)

JUDGED_ELSEWHERE = Rule(
    id="CTL003",
    title="Service run for other controllers, or referred to another notice: its controller duties lie elsewhere",
    severity=Severity.INFO,
    area=AREA,
    rationale=(
        "Art 13 and 14 are the controller's duties. Where the body runs a service as a processor for other "
        "controllers, those controllers' notices give its lawful basis, retention and sources, and this body "
        "needs a processing contract with each; where the notice sends people to another notice for a "
        "service's or purpose's details (a layered notice), that notice gives them. The lawful basis, "
        "special category, retention and sources rules therefore do not judge them (no LAW001, LAW002, "
        "LAW004, LAW008, RET001 or NTC010); this information says so, and what applies instead."
    ),
    citation="UK GDPR Art 4(7)-(8), Art 13-14 and Art 28(3)",
    remediation=(
        "Name the controllers and link their notices (for a processor service), or make sure the referral "
        "links to the other notice where people will see it."
    ),
    check=_judged_elsewhere,
    failing="services:\n  - id: storage\n    name: storage\n    acting_as: processor\n"
    "    on_behalf_of: [GP practices]\n",
    passing="services:\n  - id: storage\n    name: storage\n",
)

RULES = (KIND_CONTRADICTS_RECORD, SCHOOL_NOT_CONTROLLER, JUDGED_ELSEWHERE)
