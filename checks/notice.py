"""Notice content rules (NTC): what a privacy notice must tell people.

Each rule reads its legal facts (which rights, who needs a DPO, the ICO's
address) from ``checks/knowledge/notice-requirements.yaml``, where every row
carries its citation and how it was verified. Where the law changed (the
complaint provisions on 2026-06-19, Art 37(1)(a) on 2025-08-20) a row gives a
dated citation history and a finding cites the provision as it stood on the
``--as-of`` date.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from typing import Any

from checks import facts, rights
from checks.authority import dpo_exempt, is_public_authority
from checks.naming import is_verified
from linter.context import Context
from linter.findings import Finding, Rule, Severity
from linter.model import Entity, Notice

AREA = "notice content"
_K: dict[str, Any] = facts.load("notice-requirements")
_COMPLAINT: dict[str, Any] = _K["complaint"]
_TO_CONTROLLER: dict[str, Any] = _K["complaint_to_controller"]
_AUTHORITY: dict[str, Any] = _COMPLAINT["supervisory_authority"]
_ICO_LINES: list[str] = [str(line) for line in _AUTHORITY["addresses"][0]["lines"]]
_POSTCODE = re.compile(_COMPLAINT["postcode_pattern"], re.IGNORECASE)
_K_RIGHTS: dict[str, Any] = facts.load("rights")
_OBJECTION = "objection"


def _q(text: str) -> str:
    """A YAML scalar for ``text`` (JSON strings are valid YAML)."""
    return json.dumps(text, ensure_ascii=False)


def _universal_rights() -> list[dict[str, Any]]:
    return [row for row in _K["rights"] if row["universal"] and is_verified(row)]


def _other_rights() -> list[dict[str, Any]]:
    return [row for row in _K["rights"] if not (row["universal"] and is_verified(row))]


def _rights_list(rows: list[dict[str, Any]]) -> str:
    return "[" + ", ".join(str(row["id"]) for row in rows) + "]"


# --- NTC001 --------------------------------------------------------------------


def _controller_contact(ctx: Context) -> Iterator[Finding]:
    """The controller is named, with contact details people can use."""
    controller = ctx.policy.controller
    if controller is None:
        notice = ctx.policy.notice
        if notice is not None:
            yield ctx.finding(
                CONTROLLER_CONTACT,
                notice,
                "controller",
                "the policy names no controller: the notice must say who it is",
            )
        return
    if controller.contact is None or not controller.contact.reachable:
        yield ctx.finding(
            CONTROLLER_CONTACT,
            controller,
            "contact",
            f"controller '{controller.name}' is named but has no contact details (email, phone, web page or address)",
        )


CONTROLLER_CONTACT = Rule(
    id="NTC001",
    title="Controller has no contact details",
    severity=Severity.ERROR,
    area=AREA,
    rationale=(
        "People must be told who is responsible for their information and how to reach them; "
        "a name alone gives nobody to write to. The law requires both identity and contact details, "
        "so the gap is an error."
    ),
    citation=facts.cite(_K["controller_identity"]),
    remediation="Add the controller's postal address and at least one of email, phone or web contact page.",
    check=_controller_contact,
    failing="controller:\n  id: example-council\n  name: Example Council\n  public_authority: true\n",
    passing=(
        "controller:\n  id: example-council\n  name: Example Council\n  public_authority: true\n"
        "  contact:\n    email: information.governance@example.gov.uk\n"
    ),
)


# --- NTC002 --------------------------------------------------------------------


def _dpo_contact(ctx: Context) -> Iterator[Finding]:
    """A public authority's notice gives its DPO's contact details."""
    controller = ctx.policy.controller
    if controller is None or not is_public_authority(controller) or not _K["dpo"]["required_for_public_authorities"]:
        return
    if dpo_exempt(controller, ctx.as_of):
        return  # a court or tribunal acting in its judicial capacity (Art 37(1)(a))
    if controller.dpo is None or not controller.dpo.reachable:
        yield ctx.finding(
            DPO_CONTACT,
            controller,
            "dpo",
            f"'{controller.name}' is a public authority, which must have a data protection officer, "
            "but no DPO contact details are given",
        )


DPO_CONTACT = Rule(
    id="NTC002",
    title="Public authority gives no data protection officer contact",
    severity=Severity.ERROR,
    area=AREA,
    rationale=(
        "A public authority must designate a data protection officer and publish the DPO's contact "
        "details in its notice, so people can raise a concern with someone independent of the service "
        "that holds their information. For a public authority the duty is unconditional: an error. "
        "Courts, and from 2025-08-20 tribunals, acting in their judicial capacity are excepted: a controller "
        "of kind court-or-tribunal is not reported from that date. Whether the controller is a public "
        "authority is its recorded public_authority, else what its kind says (DPA 2018 s.7: a parish "
        "council is not one)."
    ),
    citation=facts.cite(_K["dpo"]),
    citations=facts.history(_K["dpo"]),
    time_dependent=True,
    remediation="Add the DPO's contact details (a dedicated email address or postal address) under controller.dpo.",
    check=_dpo_contact,
    failing=(
        "controller:\n  id: example-council\n  name: Example Council\n  public_authority: true\n"
        "  contact:\n    email: info@example.gov.uk\n"
    ),
    passing=(
        "controller:\n  id: example-council\n  name: Example Council\n  public_authority: true\n"
        "  contact:\n    email: info@example.gov.uk\n  dpo:\n    email: dpo@example.gov.uk\n"
    ),
)


# --- NTC003 / NTC004 -------------------------------------------------------------


def _missing_rights(ctx: Context, rule: Rule, rows: list[dict[str, Any]]) -> Iterator[Finding]:
    notice = ctx.policy.notice
    if notice is None:
        return
    stated = notice.stated_rights
    for row in rows:
        if row["id"] in stated:
            continue
        when = f": it applies {' '.join(str(row['applies_when']).split())}" if row.get("applies_when") else ""
        yield ctx.finding(
            rule,
            notice,
            "rights_stated",
            f"the notice does not name {row['name']}{when}",
            detail=str(row["id"]),
            citation=facts.cite(row),
        )


def _universal_right(ctx: Context) -> Iterator[Finding]:
    """Every right that applies to all processing is named in the notice."""
    return _missing_rights(ctx, UNIVERSAL_RIGHT, _universal_rights())


def _objection_due(ctx: Context) -> tuple[frozenset[str], list[Entity]]:
    """(the bases the policy records that the right to object covers, the purposes that are direct marketing)."""
    recorded = rights.recorded_bases(ctx)
    law = rights.law_bases(_OBJECTION, ctx.as_of) or frozenset()
    return frozenset(recorded.articles() & law), recorded.direct_marketing


def _does_not_apply(ctx: Context, right: str) -> bool:
    """The policy records its lawful bases, and the law gives ``right`` for none of them (nor direct marketing)."""
    recorded = rights.recorded_bases(ctx)
    law = rights.law_bases(right, ctx.as_of)
    if recorded.unknown or law is None:
        return False
    if right == _OBJECTION and recorded.direct_marketing:
        return False
    return not (recorded.articles() & law)


def _conditional_right(ctx: Context) -> Iterator[Finding]:
    """Every right that applies only to some processing is addressed, where it may apply."""
    rows = []
    for row in _other_rights():
        if row["id"] == _OBJECTION and _objection_required(ctx):
            continue  # NTC013 reports it, as an error
        if _does_not_apply(ctx, str(row["id"])):
            continue  # e.g. portability where only public task and legal obligation are relied on (Art 20(1))
        rows.append(row)
    return _missing_rights(ctx, CONDITIONAL_RIGHT, rows)


UNIVERSAL_RIGHT = Rule(
    id="NTC003",
    title="A right that always applies is not named",
    severity=Severity.ERROR,
    area=AREA,
    rationale=(
        "Some rights (access, rectification, restriction) apply whatever the lawful basis, and the "
        "notice must tell people they exist. Referring people elsewhere for 'further information' does "
        "not name them. One finding per missing right, from the required-rights list in the knowledge "
        "file (only rows verified against the law's text)."
    ),
    citation=facts.cite(_K["rights_duty"]),
    remediation="Name each missing right in the notice with a sentence on how to use it, and list it in rights_stated.",
    check=_universal_right,
    failing=(
        "notice:\n  id: example-notice\n  name: Example notice\n"
        f"  rights_stated: {_rights_list(_universal_rights()[1:])}\n"
    ),
    passing=(
        f"notice:\n  id: example-notice\n  name: Example notice\n  rights_stated: {_rights_list(_universal_rights())}\n"
    ),
)

CONDITIONAL_RIGHT = Rule(
    id="NTC004",
    title="A right that applies only to some processing is not addressed",
    severity=Severity.WARNING,
    area=AREA,
    rationale=(
        "Erasure, objection and portability apply only to some processing (they depend on the lawful "
        "basis), so their absence may be correct; but people should be told which apply and when. A right "
        "the law gives for none of the lawful bases the policy records is not reported (portability where "
        "only public task, legal obligation or vital interests are relied on: Art 20(1) and (3)); the right "
        "to object where the policy records public task or legitimate interests is NTC013 (an error). "
        "Otherwise a warning for the DPO to decide, not an error."
    ),
    citation=facts.cite(_K["rights_duty"]),
    remediation=(
        "Say in the notice whether each right applies to this processing and, where it does not, why "
        "(for example: portability does not apply to information we hold to perform a public task)."
    ),
    check=_conditional_right,
    failing=(
        "notice:\n  id: example-notice\n  name: Example notice\n"
        f"  rights_stated: {_rights_list(_universal_rights() + _other_rights()[1:])}\n"
    ),
    passing=(
        "notice:\n  id: example-notice\n  name: Example notice\n"
        f"  rights_stated: {_rights_list(_universal_rights() + _other_rights())}\n"
    ),
)


# --- NTC013 --------------------------------------------------------------------


def _objection_required(ctx: Context) -> bool:
    row = rights.right_row(_OBJECTION)
    articles, marketing = _objection_due(ctx)
    return row is not None and is_verified(row) and bool(articles or marketing)


def _objection_not_named(ctx: Context) -> Iterator[Finding]:
    """The right to object is named where the policy records public task, legitimate interests or direct marketing."""
    notice = ctx.policy.notice
    if notice is None or _OBJECTION in notice.stated_rights or not _objection_required(ctx):
        return
    articles, marketing = _objection_due(ctx)
    recorded = rights.recorded_bases(ctx)
    resting = recorded.entities(articles) + [
        purpose for purpose in marketing if purpose not in recorded.entities(articles)
    ]
    reasons = []
    if articles:
        reasons.append(f"the policy records {', '.join(rights.basis_name(article) for article in sorted(articles))}")
    if marketing:
        reasons.append(f"purposes that are direct marketing ({', '.join(purpose.id for purpose in marketing)})")
    yield ctx.finding(
        OBJECTION_NOT_NAMED,
        notice,
        "rights_stated",
        f"the notice does not tell people they can object, but {' and '.join(reasons)}: the law gives a right to "
        "object to that processing and requires it to be brought to their attention explicitly and separately",
        detail=_OBJECTION,
        citation=facts.cite(rights.right_row(_OBJECTION) or {}, ctx.as_of),
        affects=resting,
    )


OBJECTION_NOT_NAMED = Rule(
    id="NTC013",
    title="The right to object is not named where public task, legitimate interests or direct marketing are relied on",
    severity=Severity.ERROR,
    area=AREA,
    rationale=(
        "People may object to processing based on public task or legitimate interests (Art 6(1)(e), (f), "
        "and from 2026-02-05 (ea)) and to direct marketing at any time, and the right must be 'explicitly "
        "brought to the attention of the data subject' and 'presented clearly and separately from any other "
        "information' (Art 21(4)). Where the policy records one of those bases, or a direct-marketing purpose, "
        "the right applies to processing the notice describes, so a notice that does not name it fails Art "
        "13(2)(b), 14(2)(c) and 21(4): an error. Where it cannot apply, NTC004 says nothing of it; where the "
        "policy records no basis, NTC004 warns."
    ),
    citation=facts.cite(_K_RIGHTS["rights"][_OBJECTION]),
    citations=facts.history(_K_RIGHTS["rights"][_OBJECTION]),
    time_dependent=True,
    remediation=(
        "Tell people, in its own paragraph, that they can object to processing you carry out as a public task "
        "or in your legitimate interests, and to direct marketing, and how; add 'objection' to rights_stated."
    ),
    check=_objection_not_named,
    failing=(
        'lawful_bases:\n  - id: public-task\n    name: public task\n    article: "6(1)(e)"\n'
        "notice:\n  id: example-notice\n  name: Example notice\n  rights_stated: [access]\n"
    ),
    passing=(
        'lawful_bases:\n  - id: public-task\n    name: public task\n    article: "6(1)(e)"\n'
        "notice:\n  id: example-notice\n  name: Example notice\n  rights_stated: [access, objection]\n"
    ),
)


# --- NTC005 --------------------------------------------------------------------


def _complain(ctx: Context) -> Iterator[Finding]:
    """The notice tells people they can complain to the supervisory authority."""
    notice = ctx.policy.notice
    if notice is None or _COMPLAINT["right"] in notice.stated_rights:
        return
    yield ctx.finding(
        RIGHT_TO_COMPLAIN,
        notice,
        "rights_stated",
        f"the notice does not tell people they can complain to the {_AUTHORITY['name']}",
    )


RIGHT_TO_COMPLAIN = Rule(
    id="NTC005",
    title="Right to complain to the regulator is not stated",
    severity=Severity.ERROR,
    area=AREA,
    rationale=(
        "People must be told they can complain to the data protection regulator; it is their route "
        "when the controller's own answer does not satisfy them. The duty has no conditions: an error. "
        "The provision changed on 2026-06-19 (Art 77 omitted; complaints to the Commissioner under "
        "DPA 2018 s.165): findings cite the one in force on the evaluation date."
    ),
    citation=facts.cite(_COMPLAINT),
    citations=facts.history(_COMPLAINT),
    time_dependent=True,
    remediation=(
        "State the right to complain to the regulator, with its contact details, and add 'complain' to rights_stated."
    ),
    check=_complain,
    failing="notice:\n  id: example-notice\n  name: Example notice\n  rights_stated: [access]\n",
    passing=f"notice:\n  id: example-notice\n  name: Example notice\n  rights_stated: [{_COMPLAINT['right']}]\n",
)


# --- NTC006 --------------------------------------------------------------------


def _split_lines(lines: list[str]) -> list[str]:
    return [part.strip() for line in lines for part in line.split(",") if part.strip()]


def _key(line: str) -> str:
    return " ".join(line.replace("\u2019", "'").lower().split())


def _address_problems(notice: Notice) -> tuple[str, str] | None:
    """(message, detail) when the complaint address is missing or incomplete."""
    complaint = notice.complaint
    if complaint is None or not complaint.reachable:
        return f"the notice gives no contact details for the {_AUTHORITY['name']}", "contact"
    lines = _split_lines(complaint.address)
    if not lines:
        return None
    given = {_key(line) for line in lines}
    problems: list[str] = []
    if not _POSTCODE.search(" ".join(lines)):
        problems.append("it has no postcode")
    best = max(_AUTHORITY["addresses"], key=lambda row: sum(_key(str(line)) in given for line in row["lines"]))
    known = [str(line) for line in best["lines"]]
    matched = sum(_key(line) in given for line in known)
    missing = [line for line in known if _key(line) not in given]
    if matched and missing:
        problems.append("compared with the address on record it lacks " + ", ".join(f"'{line}'" for line in missing))
    if not problems:
        return None
    caveat = f" (note: {' '.join(str(best['caveat']).split())})" if matched and best.get("caveat") else ""
    return (
        f"the {_AUTHORITY['name']} postal address is incomplete: it ends at '{lines[-1]}' and "
        + "; ".join(problems)
        + caveat,
        "address",
    )


def _complaint_address(ctx: Context) -> Iterator[Finding]:
    """The regulator's postal address, where given, is complete."""
    notice = ctx.policy.notice
    if notice is None or (_COMPLAINT["right"] not in notice.stated_rights and notice.complaint is None):
        return
    problem = _address_problems(notice)
    if problem is not None:
        message, detail = problem
        citation = f"{facts.cite(_COMPLAINT, ctx.as_of)}; address: {facts.cite(_AUTHORITY['addresses'][0])}"
        yield ctx.finding(COMPLAINT_ADDRESS, notice, "complaint", message, detail=detail, citation=citation)


COMPLAINT_ADDRESS = Rule(
    id="NTC006",
    title="Regulator's contact details are missing or its postal address is incomplete",
    severity=Severity.WARNING,
    area=AREA,
    rationale=(
        "An address that stops short of the town and postcode cannot be used to post a complaint. "
        "The law requires the notice to state the right to complain, not the regulator's address, and "
        "people can still phone or use the website, so this is a warning, not an error. The address on "
        "record is knowledge data with its own date and caveat."
    ),
    citation=f"{facts.cite(_COMPLAINT)}; address: {facts.cite(_AUTHORITY['addresses'][0])}",
    remediation=(
        "Give the regulator's current postal address in full, including town and postcode, or link "
        "to its complaint page."
    ),
    check=_complaint_address,
    failing=(
        f"notice:\n  id: example-notice\n  name: Example notice\n  rights_stated: [{_COMPLAINT['right']}]\n"
        "  complaint:\n    address:\n" + "".join(f"      - {_q(line)}\n" for line in _ICO_LINES[:3])
    ),
    passing=(
        f"notice:\n  id: example-notice\n  name: Example notice\n  rights_stated: [{_COMPLAINT['right']}]\n"
        "  complaint:\n    address:\n" + "".join(f"      - {_q(line)}\n" for line in _ICO_LINES)
    ),
)


# --- NTC012 --------------------------------------------------------------------


def _complain_to_controller(ctx: Context) -> Iterator[Finding]:
    """From 2026-06-19 the notice tells people they can complain to the controller itself."""
    notice = ctx.policy.notice
    start = facts.date(_TO_CONTROLLER.get("from"))
    if notice is None or not is_verified(_TO_CONTROLLER) or (start is not None and ctx.as_of < start):
        return
    if _TO_CONTROLLER["right"] in notice.stated_rights:
        return
    controller = ctx.policy.controller
    who = f"'{controller.name}'" if controller is not None else "the controller"
    yield ctx.finding(
        RIGHT_TO_COMPLAIN_TO_CONTROLLER,
        notice,
        "rights_stated",
        f"the notice does not tell people they can complain to {who} itself (a notice must say so from {start})",
    )


RIGHT_TO_COMPLAIN_TO_CONTROLLER = Rule(
    id="NTC012",
    title="Right to complain to the controller is not stated",
    severity=Severity.ERROR,
    area=AREA,
    rationale=(
        "Since 19 June 2026 people can complain to the controller about how it uses their information, "
        "and the controller must make that easy (an electronic complaint form, for example), acknowledge "
        "a complaint within 30 days and tell them the outcome. A notice must tell people they have this "
        "right, besides the right to complain to the regulator. Before that date nothing is reported. "
        "The duty has no conditions and the knowledge it rests on is verified against the Act and its "
        "commencement regulations: an error."
    ),
    citation=facts.cite(_TO_CONTROLLER),
    remediation=(
        "Say in the notice that people can complain to the controller about its use of their information, and "
        f"how (a complaint form, email or address); add '{_TO_CONTROLLER['right']}' to rights_stated."
    ),
    check=_complain_to_controller,
    failing=f"notice:\n  id: example-notice\n  name: Example notice\n  rights_stated: [{_COMPLAINT['right']}]\n",
    passing=(
        "notice:\n  id: example-notice\n  name: Example notice\n"
        f"  rights_stated: [{_COMPLAINT['right']}, {_TO_CONTROLLER['right']}]\n"
    ),
    time_dependent=True,
)


# --- NTC007 --------------------------------------------------------------------


def _statutory_requirement(ctx: Context) -> Iterator[Finding]:
    """Where data is collected from people, the notice says whether they must provide it."""
    notice = ctx.policy.notice
    if notice is None or notice.statutory_requirement_stated or notice.statutory_requirement_partly:
        return  # a partial statement is NTC014's or NTC015's
    from_person = [source for source in ctx.policy.sources if source.data_subject]
    if not from_person:
        return
    yield ctx.finding(
        STATUTORY_REQUIREMENT,
        notice,
        "statutory_requirement_stated",
        f"information is collected from the person (source '{from_person[0].id}') but the notice does not say "
        "whether providing it is a statutory or contractual requirement, or what happens if they do not",
    )


STATUTORY_REQUIREMENT = Rule(
    id="NTC007",
    title="Notice does not say whether people must provide their information",
    severity=Severity.ERROR,
    area=AREA,
    rationale=(
        "When information is collected from the person, they must be told whether they are obliged to "
        "provide it (by law or contract) and what happens if they do not; a parent asked for details in "
        "a child protection enquiry needs to know. The duty applies whenever data is collected from the "
        "person, which the policy records as a source with data_subject: true, so the gap is an error."
    ),
    citation=facts.cite(_K["statutory_requirement"]),
    remediation=(
        "Add a sentence per service (or for all) saying whether providing the information is required "
        "by law or contract and the consequences of not providing it; set statutory_requirement_stated: true."
    ),
    check=_statutory_requirement,
    failing=(
        "sources:\n  - id: the-data-subject\n    name: you\n    data_subject: true\n"
        "notice:\n  id: example-notice\n  name: Example notice\n"
    ),
    passing=(
        "sources:\n  - id: the-data-subject\n    name: you\n    data_subject: true\n"
        "notice:\n  id: example-notice\n  name: Example notice\n  statutory_requirement_stated: true\n"
    ),
)


# --- NTC008 / NTC009 ---------------------------------------------------------------


def _adm_state(ctx: Context) -> tuple[bool, bool, list[str]]:
    """(used, stated, ids of services that use ADM)."""
    notice = ctx.policy.notice
    adm = notice.automated_decision_making if notice is not None else None
    services = [service.id for service in ctx.policy.services if service.automated_decision_making]
    used = bool(services) or (adm is not None and bool(adm.used))
    stated = adm is not None and adm.stated
    return used, stated, services


def _adm_silent(ctx: Context) -> Iterator[Finding]:
    """The notice says whether automated decision-making is used."""
    notice = ctx.policy.notice
    used, stated, _ = _adm_state(ctx)
    if notice is None or used or stated:
        return
    yield ctx.finding(
        ADM_SILENT,
        notice,
        "automated_decision_making",
        "the notice does not say whether any decision about people is made by automated means, including profiling",
    )


def _adm_undescribed(ctx: Context) -> Iterator[Finding]:
    """Automated decision-making that is used is described in the notice."""
    notice = ctx.policy.notice
    used, stated, services = _adm_state(ctx)
    if notice is None or not used or stated:
        return
    where = f" (services: {', '.join(services)})" if services else ""
    yield ctx.finding(
        ADM_UNDESCRIBED,
        notice,
        "automated_decision_making",
        f"automated decision-making is recorded as used{where} but the notice does not describe it; where a "
        "decision is solely automated and has legal or similarly significant effects, the notice must give its "
        "logic, significance and consequences",
    )


ADM_SILENT = Rule(
    id="NTC008",
    title="Notice is silent on automated decision-making",
    severity=Severity.WARNING,
    area=AREA,
    rationale=(
        "The notice must describe automated decision-making and profiling where they are used; the ICO "
        "expects notices to say so either way. Where nothing in the policy says ADM is used, silence may "
        "be lawful, so this is a warning: state that no decisions are made solely by automated means, or "
        "describe them. Where ADM is recorded as used, NTC009 reports it instead."
    ),
    citation=(
        f"{facts.cite(_K['automated_decision_making'])}; {_K['automated_decision_making']['good_practice_citation']}"
    ),
    remediation=(
        "Say whether any decision is made solely by automated means (including profiling); set "
        "automated_decision_making.stated: true."
    ),
    check=_adm_silent,
    failing="notice:\n  id: example-notice\n  name: Example notice\n",
    passing=(
        "notice:\n  id: example-notice\n  name: Example notice\n"
        "  automated_decision_making:\n    used: false\n    stated: true\n"
    ),
)

ADM_UNDESCRIBED = Rule(
    id="NTC009",
    title="Automated decision-making is used but not described",
    severity=Severity.WARNING,
    area=AREA,
    rationale=(
        "Where decisions about people are made by automated means, they must be told that this happens, "
        "how the decision is reached and what it means for them, so that they can ask for a person to "
        "review it. The Art 13(2)(f) duty covers decisions based solely on automated processing that "
        "have legal or similarly significant effects (Art 22); the policy's 'used: true' says only that "
        "some automated decision-making or profiling happens, not that it is solely automated or "
        "significant, so the duty is not shown to apply: a warning. Describe it anyway where it is, and "
        "say what human involvement there is where it is not."
    ),
    citation=facts.cite(_K["automated_decision_making"]),
    remediation=(
        "Describe each automated decision: what it decides, the logic involved, its significance and "
        "consequences, and how to ask for human review; set automated_decision_making.stated: true."
    ),
    check=_adm_undescribed,
    failing=(
        "services:\n  - id: example-service\n    name: Example service\n    automated_decision_making: true\n"
        "notice:\n  id: example-notice\n  name: Example notice\n"
    ),
    passing=(
        "services:\n  - id: example-service\n    name: Example service\n    automated_decision_making: true\n"
        "notice:\n  id: example-notice\n  name: Example notice\n"
        "  automated_decision_making:\n    used: true\n    stated: true\n"
        "    text: Eligibility scores are calculated automatically and always checked by a social worker.\n"
    ),
)


# --- NTC010 --------------------------------------------------------------------


def _service_sources(ctx: Context) -> Iterator[Finding]:
    """Every service says where its information comes from."""
    for service in ctx.policy.services:
        if service.as_processor or service.refers_to:
            continue  # its controllers' notice, or the notice it refers to, gives the sources (CTL003)
        if not ctx.policy.effective(service, "sources"):
            yield ctx.finding(
                SERVICE_SOURCES,
                service,
                "sources",
                f"service '{service.name}' names no source of its information (not even the person themselves)",
            )


SERVICE_SOURCES = Rule(
    id="NTC010",
    title="Service names no source of its information",
    severity=Severity.WARNING,
    area=AREA,
    rationale=(
        "When information comes from someone other than the person (police, schools, relatives), the "
        "notice must say where it came from. A service with no source at all leaves people unable to "
        "tell; but if all of its information comes from the person, only a 'you' source is missing, so "
        "this is a warning rather than an error."
    ),
    citation=facts.cite(_K["sources"]),
    remediation=(
        "List the service's sources (including 'you' where the person provides it), or rely on the notice-wide sources."
    ),
    check=_service_sources,
    failing="services:\n  - id: example-service\n    name: Example service\n",
    passing=(
        "sources:\n  - id: the-data-subject\n    name: you\n    data_subject: true\n"
        "services:\n  - id: example-service\n    name: Example service\n    sources: [the-data-subject]\n"
    ),
)


# --- NTC011 --------------------------------------------------------------------


def _notice_wide_only(ctx: Context) -> Iterator[Finding]:
    """Services carry some detail of their own, not only the notice-wide lists."""
    fields: list[str] = list(_K["service_detail"]["fields"])
    for service in ctx.policy.services:
        if any(getattr(service, name) for name in fields):
            continue
        wide = [name.replace("_", " ") for name in fields if name in service.relies_on_notice_wide]
        if not wide:
            continue
        yield ctx.finding(
            NOTICE_WIDE_ONLY,
            service,
            "relies_on_notice_wide",
            f"service '{service.name}' states none of its own {', '.join(wide)}: it relies only on the "
            "notice-wide lists, so people cannot tell which of them apply to this service",
        )


NOTICE_WIDE_ONLY = Rule(
    id="NTC011",
    title="Service relies only on notice-wide lists",
    severity=Severity.INFO,
    area=AREA,
    rationale=(
        "A notice that lists every category, source, purpose and recipient once 'for all services' "
        "leaves a foster carer unable to tell what happens to their information. Relying on shared "
        "lists is not unlawful in itself, so this is information for the DPO: it shows where "
        "service-level detail is missing."
    ),
    citation=facts.cite(_K["service_detail"]),
    remediation=(
        "Tie each service to the purposes, data categories, sources, lawful bases and recipients that apply to it."
    ),
    check=_notice_wide_only,
    failing=(
        "purposes:\n  - id: deliver-service\n    name: deliver your service\n"
        "notice:\n  id: example-notice\n  name: Example notice\n  notice_wide:\n    purposes: [deliver-service]\n"
        "services:\n  - id: example-service\n    name: Example service\n    relies_on_notice_wide: [purposes]\n"
    ),
    passing=(
        "purposes:\n  - id: deliver-service\n    name: deliver your service\n"
        "services:\n  - id: example-service\n    name: Example service\n    purposes: [deliver-service]\n"
    ),
)

RULES = (
    CONTROLLER_CONTACT,
    DPO_CONTACT,
    UNIVERSAL_RIGHT,
    CONDITIONAL_RIGHT,
    RIGHT_TO_COMPLAIN,
    COMPLAINT_ADDRESS,
    RIGHT_TO_COMPLAIN_TO_CONTROLLER,
    OBJECTION_NOT_NAMED,
    STATUTORY_REQUIREMENT,
    ADM_SILENT,
    ADM_UNDESCRIBED,
    SERVICE_SOURCES,
    NOTICE_WIDE_ONLY,
)
