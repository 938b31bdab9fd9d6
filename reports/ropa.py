"""The Article 30 record of processing activities, one row per service.

Columns follow the ICO's documentation template for controllers (UK GDPR
Art 30(1)); :data:`ICO_TEMPLATE` lists every column of that template and
:data:`COLUMNS` the ones the policy data can fill, in the template's order,
after a ``Service id`` column that ties each row back to its policy file.
Columns the policy has no data for (security measures, DPIA, breach records,
consent records, ...) are left out rather than exported empty.

What the policy does not record is "not stated", never "no": a notice that
is silent about automated decisions has not said there are none. A transfer
whose mechanism is not valid on the export's date (``--as-of``) says so in
its cell, as the transfer rules judge it.

CSV cells hold several values joined with ``"; "``; JSON keeps them as lists
and adds a ``metadata`` block (organisation, revision, as-of date).
Every CSV cell that a spreadsheet would read as a formula (first character
``= + - @``, tab or carriage return) is prefixed with ``'``, because DPOs
open this file in a spreadsheet and policy text is not trusted input.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from linter.model import Contact, LawfulBasis, Policy, Processor, Service, Transfer
from reports import registers as r

NOT_STATED = "not stated"

#: every column of the ICO controller documentation template, in its order
ICO_TEMPLATE = (
    "Controller name",
    "Controller contact details",
    "DPO name",
    "DPO contact details",
    "Representative name",
    "Representative contact details",
    "Business function",
    "Purpose of processing",
    "Joint controller",
    "Categories of individuals",
    "Categories of personal data",
    "Categories of recipients",
    "Link to contract with processor",
    "Third countries or international organisations",
    "Safeguards for exceptional transfers",
    "Retention schedule",
    "Security measures",
    "Article 6 lawful basis",
    "Article 9 condition",
    "Legitimate interests",
    "Link to legitimate interests assessment",
    "Rights available",
    "Automated decision-making",
    "Source of the personal data",
    "Link to record of consent",
    "Location of personal data",
    "DPIA required",
    "DPIA progress",
    "Link to DPIA",
    "Personal data breach occurred",
    "Link to breach record",
    "DPA 2018 Schedule 1 condition",
    "Link to retention and erasure policy document",
    "Retained and erased in line with policy document",
    "Reasons for not adhering",
)

SERVICE_ID = "Service id"
#: our addition: Art 30 and the ICO expect the Art 10 basis for criminal offence data
ARTICLE_10 = "Article 10 basis"

Cell = str | list[str]


@dataclass(frozen=True, slots=True)
class _Facts:
    """The policy with the indexes every row needs, built once per export."""

    policy: Policy
    transfers: dict[int, list[Transfer]]
    as_of: dt.date


Extractor = Callable[[_Facts, Service], Cell]


def _names(items: list[Any]) -> list[str]:
    return [item.name for item in items]


def _basis(basis: LawfulBasis) -> str:
    return f"{basis.name} (Art {basis.article})" if basis.article else basis.name


def _bases(article: str) -> Extractor:
    def extract(facts: _Facts, service: Service) -> Cell:
        return [_basis(b) for b in r.lawful_bases(facts.policy, service) if b.article_number == article]

    return extract


def _categories(facts: _Facts, service: Service) -> Cell:
    cells = []
    for category in facts.policy.effective(service, "data_categories"):
        kinds = [
            k
            for k, on in (
                ("special category", category.special_category),
                ("criminal offence", category.criminal_offence),
            )
            if on
        ]
        cells.append(f"{category.name} ({', '.join(kinds)})" if kinds else category.name)
    return cells


def _recipients(facts: _Facts, service: Service) -> Cell:
    recipients = [f"{x.name} ({x.role})" if x.role else x.name for x in facts.policy.effective(service, "recipients")]
    return recipients + [f"{p.name} (processor)" for p in facts.policy.effective(service, "processors")]


def _joint(facts: _Facts, service: Service) -> Cell:
    return [x.name for x in facts.policy.effective(service, "recipients") if x.role == "joint-controller"]


def _contract(processor: Processor) -> str:
    contract = processor.contract
    if contract is None:
        return f"{processor.name}: no contract recorded"
    parts = [part for part in (contract.reference, contract.evidence) if part]
    if contract.signed:
        parts.append(f"signed {contract.signed.isoformat()}")
    return f"{processor.name}: {', '.join(parts) or 'contract recorded without reference'}"


def _contracts(facts: _Facts, service: Service) -> Cell:
    return [_contract(p) for p in facts.policy.effective(service, "processors")]


def _third_countries(facts: _Facts, service: Service) -> Cell:
    from checks.transfers import uk_codes

    countries: list[str] = []
    for entity in r.importers(facts.policy, service):
        for country in [r.location(entity), *(t.destination for t in facts.transfers.get(id(entity), []))]:
            shown = r.place(country)
            if country and country not in uk_codes() and shown not in countries:
                countries.append(shown)
    return countries


def mechanism_text(transfer: Transfer, as_of: dt.date) -> str:
    """The transfer's mechanism by name, flagged when it is not valid on ``as_of``."""
    from checks.transfers import invalid_reason, mechanism_of

    if not transfer.mechanism:
        return f"mechanism {NOT_STATED}"
    mechanism = mechanism_of(transfer)
    if mechanism is None:
        return f"{transfer.mechanism} (not a known transfer mechanism)"
    reason = invalid_reason(transfer, mechanism, as_of)
    return f"{mechanism.name}: NOT VALID, it {reason}" if reason else mechanism.name


def _safeguards(facts: _Facts, service: Service) -> Cell:
    return [
        f"{t.name}: {mechanism_text(t, facts.as_of)} ({r.place(t.destination)})"
        for entity in r.importers(facts.policy, service)
        for t in facts.transfers.get(id(entity), [])
    ]


def _retention(facts: _Facts, service: Service) -> Cell:
    return [
        f"{rule.record_class or rule.name}: {r.retention_text(rule)}"
        for rule in facts.policy.effective(service, "retention_rules")
    ]


def _rights(facts: _Facts, service: Service) -> Cell:
    notice = facts.policy.notice
    return sorted(notice.stated_rights) if notice else []


def _schedule1(facts: _Facts, service: Service) -> Cell:
    return [
        f"{b.schedule1_condition} (for {b.name})"
        for b in r.lawful_bases(facts.policy, service)
        if b.schedule1_condition
    ]


def _policy_document(facts: _Facts, service: Service) -> Cell:
    documents = [b.appropriate_policy_document for b in r.lawful_bases(facts.policy, service)]
    return list(dict.fromkeys(d for d in documents if d))


def _automated(facts: _Facts, service: Service) -> Cell:
    """yes / no as the policy records it for the service, else what the notice says once, else not stated."""
    if service.automated_decision_making is not None:
        return "yes" if service.automated_decision_making else "no"
    notice = facts.policy.notice
    said = notice.automated_decision_making if notice else None
    if said is not None and said.used is not None:
        return f"{'yes' if said.used else 'no'} (stated once for the whole notice)"
    return NOT_STATED


def _contact_name(contact: Contact | None) -> str:
    return contact.name if contact and contact.name else ""


def _contact_details(contact: Contact | None) -> Cell:
    if contact is None:
        return []
    return [detail for detail in (contact.email, *contact.phone, contact.web, ", ".join(contact.address)) if detail]


def _controller(part: str, details: bool) -> Extractor:
    def extract(facts: _Facts, service: Service) -> Cell:
        controller = facts.policy.controller
        if controller is None:
            return [] if details else ""
        contact = {
            "controller": controller.contact,
            "dpo": controller.dpo,
            "representative": controller.representative,
        }[part]
        if details:
            return _contact_details(contact)
        return controller.name if part == "controller" else _contact_name(contact)

    return extract


#: the exported columns: header -> how a service fills it
COLUMNS: dict[str, Extractor] = {
    SERVICE_ID: lambda facts, service: service.id,
    "Controller name": _controller("controller", details=False),
    "Controller contact details": _controller("controller", details=True),
    "DPO name": _controller("dpo", details=False),
    "DPO contact details": _controller("dpo", details=True),
    "Representative name": _controller("representative", details=False),
    "Representative contact details": _controller("representative", details=True),
    "Business function": lambda facts, service: service.name,
    "Purpose of processing": lambda facts, service: _names(facts.policy.effective(service, "purposes")),
    "Joint controller": _joint,
    "Categories of individuals": lambda facts, service: _names(facts.policy.effective(service, "data_subjects")),
    "Categories of personal data": _categories,
    "Categories of recipients": _recipients,
    "Link to contract with processor": _contracts,
    "Third countries or international organisations": _third_countries,
    "Safeguards for exceptional transfers": _safeguards,
    "Retention schedule": _retention,
    "Article 6 lawful basis": _bases("6"),
    "Article 9 condition": _bases("9"),
    ARTICLE_10: _bases("10"),
    "Rights available": _rights,
    "Automated decision-making": _automated,
    "Source of the personal data": lambda facts, service: _names(facts.policy.effective(service, "sources")),
    "DPA 2018 Schedule 1 condition": _schedule1,
    "Link to retention and erasure policy document": _policy_document,
}

FORMATS = ("csv", "json")
_FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def rows(policy: Policy, as_of: dt.date | None = None) -> list[dict[str, Cell]]:
    """One row per service, in policy order, keyed by column header; transfer
    mechanisms are judged as of ``as_of`` (default: today)."""
    facts = _Facts(policy, r.transfers_by_importer(policy), as_of or dt.date.today())
    return [{header: extract(facts, service) for header, extract in COLUMNS.items()} for service in policy.services]


def defuse(cell: str) -> str:
    """The cell as a spreadsheet will show it as text, never run it as a formula."""
    return f"'{cell}" if cell.startswith(_FORMULA_STARTS) else cell


def to_csv(table: list[dict[str, Cell]]) -> str:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(COLUMNS)
    for row in table:
        writer.writerow(defuse("; ".join(value) if isinstance(value, list) else value) for value in row.values())
    return buffer.getvalue()


def metadata(policy: Policy, as_of: dt.date, revision: str = "") -> dict[str, Any]:
    """Who the record is of, which revision of the policy, and as of when."""
    from importlib.metadata import PackageNotFoundError, version

    controller = policy.controller
    try:
        generator = f"policy-lint {version('policy-lint')}"
    except PackageNotFoundError:  # pragma: no cover - run from a source tree that is not installed
        generator = "policy-lint"
    return {
        "organisation": controller.name if controller else None,
        "controller_kind": (controller.kind or None) if controller else None,
        "public_authority": controller.public_authority if controller else None,
        "revision": revision or None,
        "as_of": as_of.isoformat(),
        "services": len(policy.services),
        "generated_by": generator,
    }


def to_json(table: list[dict[str, Cell]], meta: dict[str, Any] | None = None) -> str:
    document = {"metadata": meta or {}, "columns": list(COLUMNS), "rows": table}
    return json.dumps(document, indent=2, ensure_ascii=False) + "\n"


def render(policy: Policy, fmt: str, *, as_of: dt.date | None = None, revision: str = "") -> str:
    day = as_of or dt.date.today()
    table = rows(policy, day)
    return to_csv(table) if fmt == "csv" else to_json(table, metadata(policy, day, revision))
