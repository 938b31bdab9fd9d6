"""What the registers say about each service, shared by the HTML report and
the Article 30 export. Pure functions of the model: no I/O, no Jinja2."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any, TypeVar

from linter.model import LawfulBasis, Policy, Processor, Recipient, RetentionRule, Service, Transfer

T = TypeVar("T")


def unique(items: Iterable[T]) -> list[T]:
    """``items`` without repeats, first occurrence kept (entities compare by identity)."""
    seen: set[int] = set()
    kept: list[T] = []
    for item in items:
        if id(item) not in seen:
            seen.add(id(item))
            kept.append(item)
    return kept


def split_effective(policy: Policy, service: Service, name: str) -> tuple[list[Any], list[Any]]:
    """(the service's own items, the items it takes from the notice-wide list)."""
    return list(getattr(service, name)), policy.taken_from_notice(service, name)


def lawful_bases(policy: Policy, service: Service) -> list[LawfulBasis]:
    """The bases a service relies on: its own (and notice-wide) ones, then its purposes'."""
    purposes = policy.effective(service, "purposes")
    return unique([*policy.effective(service, "lawful_bases"), *(b for p in purposes for b in p.lawful_bases)])


def importers(policy: Policy, service: Service) -> list[Processor | Recipient]:
    """The processors and recipients a service's data goes to."""
    return unique([*policy.effective(service, "processors"), *policy.effective(service, "recipients")])


def transfers_by_importer(policy: Policy) -> dict[int, list[Transfer]]:
    """Transfers indexed by ``id()`` of their importer entity."""
    index: dict[int, list[Transfer]] = {}
    for transfer in policy.transfers:
        if transfer.importer is not None:
            index.setdefault(id(transfer.importer), []).append(transfer)
    return index


def services_by_retention_rule(policy: Policy) -> dict[int, list[Service]]:
    """The services each retention rule covers: its ``applies_to`` plus the
    services that list it themselves (or through the notice-wide list)."""
    index: dict[int, list[Service]] = {id(rule): list(rule.applies_to) for rule in policy.retention_rules}
    for service in policy.services:
        for rule in policy.effective(service, "retention_rules"):
            covered = index.setdefault(id(rule), [])
            if service not in covered:
                covered.append(service)
    return index


def retention_summary(period: str, starts: str, disposal: str) -> str:
    """'35 years from case-closure, then secure-destruction' (parts left out when unknown)."""
    text = period or "period not stated"
    if starts:
        text += f" from {starts}"
    if disposal:
        text += f", then {disposal}"
    return text


def retention_text(rule: RetentionRule) -> str:
    """The retention as the policy states it: a period, else the criteria, else the schedule it points to."""
    if rule.period:
        return retention_summary(rule.period, rule.starts, rule.disposal)
    parts = []
    if rule.criteria:
        parts.append(f"period not stated; criteria: {rule.criteria}")
    if rule.schedule_reference:
        parts.append(f"{'see' if parts else 'period not stated; see'} {rule.schedule_reference}")
    text = "; ".join(parts) or "period not stated"
    return f"{text}, then {rule.disposal}" if rule.disposal else text


#: what a place that is not a country means (linter.schema.REGIONS)
PLACES = {
    "outside-uk": "outside the UK (country not stated)",
    "outside-eea": "outside the EEA (country not stated)",
    "worldwide": "worldwide",
    "non-adequate-country": "a country without UK adequacy (not named)",
}


def place(code: str) -> str:
    """A country code as it is, a region in words."""
    return PLACES.get(code, code)


def location(entity: Processor | Recipient) -> str:
    return entity.location if isinstance(entity, Processor) else entity.country
