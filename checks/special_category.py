"""Special category and criminal offence data rules (LAW004, LAW008, LAW016, LAW017).

Special category data may be processed only under an Article 9(2) condition,
criminal offence data only under Article 10 (official authority, or a DPA
2018 Schedule 1 condition: s.10(5)). A service's conditions are those of its
own and notice-wide bases, and of its purposes.

The errors (LAW004, LAW008) are for data the policy gives no condition for
anywhere: none on the service, none on its purposes, none stated in the notice
at all. The warnings (LAW016, LAW017) are for gaps a person must judge: a
condition stated for some of the service's purposes but not the others, a
condition the notice states without tying it to any processing, and, for
criminal offence data, only an Art 9(2)(g) "substantial public interest"
wording (DPA 2018 Sch 1 Part 3 para 36 extends the Part 2 conditions to
criminal offence data, but the notice names neither). A service run as a
processor for others, or referred to another notice, is not judged here
(its controllers' notices give the conditions).

When the gap comes only from the notice-wide data categories it is reported
once, at the notice, listing the services that rely on them.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import Any

from checks.lawful_basis import (
    AREA,
    EXAMPLE_HEALTH,
    EXAMPLE_PUBLIC_TASK,
    Ground,
    Schedule1Condition,
    controller_duties,
    example_basis,
    example_service,
    families,
    family,
    ground_of,
    schedule1,
    schedule1_conditions,
)
from linter.context import Context
from linter.findings import Finding, Rule, Severity
from linter.model import DataCategory, LawfulBasis, Service


def _art9(basis: LawfulBasis) -> bool:
    return family(basis.article) == families()["special_category"]


def _art10(basis: LawfulBasis) -> bool:
    return family(basis.article) == families()["criminal_offence"] or any(
        condition.criminal_data for condition in schedule1_conditions(basis.schedule1_condition)
    )


def _extended(basis: LawfulBasis) -> tuple[Ground, Schedule1Condition] | None:
    """(the Art 9 ground, the Sch 1 paragraph) where the Schedule 1 conditions
    that ground needs are extended to criminal offence data (9(2)(g) and para 36)."""
    ground = ground_of(basis)
    if ground is None or not ground.needs_schedule1:
        return None
    extension = next(
        (row for row in schedule1().values() if row.criminal_data and row.extends_part == ground.needs_schedule1),
        None,
    )
    return (ground, extension) if extension is not None else None


@dataclass(frozen=True, slots=True)
class _Gap:
    service: Service
    categories: list[DataCategory]
    #: "" when the policy gives no condition anywhere (an error); else why it is a warning
    why: str


def _ids(entities: list[Any]) -> str:
    return ", ".join(f"'{entity.id}'" for entity in entities)


def _used_bases(ctx: Context) -> set[int]:
    policy = ctx.policy
    used = [basis for service in policy.services for basis in service.lawful_bases]
    used += [basis for purpose in policy.purposes for basis in purpose.lawful_bases]
    if policy.notice is not None:
        used += policy.notice.notice_wide.lawful_bases
    return {id(basis) for basis in used}


def _gaps(ctx: Context, flag: str, meets: Callable[[LawfulBasis], bool], what: str) -> list[_Gap]:
    """Every controller service with ``flag`` data and no condition that ``meets``, with why (none: an error)."""
    policy = ctx.policy
    used = _used_bases(ctx)
    untied = [basis for basis in policy.lawful_bases if meets(basis) and id(basis) not in used]
    gaps: list[_Gap] = []
    for service in policy.services:
        categories = [c for c in policy.effective(service, "data_categories") if getattr(c, flag)]
        if not categories or not controller_duties(service):
            continue
        if any(meets(basis) for basis in policy.effective(service, "lawful_bases")):
            continue
        purposes = [p for p in policy.effective(service, "purposes") if not (p.anonymised and not p.consent)]
        covered = [p for p in purposes if any(meets(basis) for basis in p.lawful_bases)]
        others = [p for p in purposes if p not in covered]
        bases = [b for b in policy.effective(service, "lawful_bases")] + [b for p in purposes for b in p.lawful_bases]
        if covered and not others:
            continue
        if covered:
            stated = list(dict.fromkeys(b for p in covered for b in p.lawful_bases if meets(b)))
            why = (
                f"the {what} stated ({_ids(stated)}) is given for {_ids(covered)} only, not for its other "
                f"{len(others)} purposes ({_ids(others[:3])}{' ...' if len(others) > 3 else ''})"
            )
        elif flag == "criminal_offence" and (extended := next(filter(None, map(_extended, bases)), None)):
            ground, extension = extended
            part = extension.extends_part
            why = (
                f"only an Art {ground.article} {ground.name} condition is stated; DPA 2018 Sch 1 Part "
                f"{extension.part} para {extension.paragraph} extends the Part {part} conditions to criminal "
                f"offence data, but the notice names neither the Part {part} condition nor an Article 10 basis"
            )
        elif untied:
            why = f"the notice states a {what} ({_ids(untied)}) but does not tie it to this or any processing"
        else:
            why = ""
        gaps.append(_Gap(service, categories, why))
    return gaps


def _report(ctx: Context, rule: Rule, gaps: list[_Gap], what: str, tail: str) -> Iterator[Finding]:
    """Each service's gap, but once at the notice for the services whose gap comes only from the
    notice-wide data categories and has the same reason: one root cause, one finding to fix."""
    notice = ctx.policy.notice
    from_notice: dict[str, list[_Gap]] = {}
    for gap in gaps:
        if notice is not None and not any(c in gap.service.data_categories for c in gap.categories):
            from_notice.setdefault(gap.why, []).append(gap)
            continue
        reason = f": {gap.why}" if gap.why else tail
        yield ctx.finding(
            rule,
            gap.service,
            "data_categories",
            f"service '{gap.service.id}' processes {what} ({_ids(gap.categories)}){reason}",
        )
    for why, group in from_notice.items():
        assert notice is not None
        categories = [c for c in notice.notice_wide.data_categories if any(c in gap.categories for gap in group)]
        services = [gap.service for gap in group]
        reason = f": {why}" if why else tail
        yield ctx.finding(
            rule,
            notice,
            "notice_wide",
            f"the notice-wide data categories include {what} ({_ids(categories)}){reason}; "
            f"{_services_relying(services, len(ctx.policy.services))}",
            affects=services,
        )


def _services_relying(services: list[Service], total: int, shown: int = 3) -> str:
    if len(services) == total:
        return f"all {total} services rely on them"
    more = f" and {len(services) - shown} more" if len(services) > shown else ""
    return f"{len(services)} services rely on them: {_ids(services[:shown])}{more}"


_SPECIAL = "special category data"
_CRIMINAL = "criminal offence data"


def _special(ctx: Context) -> list[_Gap]:
    found: list[_Gap] | None = ctx.memo.get("special_category.art9")
    if found is None:
        found = _gaps(ctx, "special_category", _art9, "Article 9 condition")
        ctx.memo["special_category.art9"] = found
    return found


def _criminal(ctx: Context) -> list[_Gap]:
    found: list[_Gap] | None = ctx.memo.get("special_category.art10")
    if found is None:
        found = _gaps(ctx, "criminal_offence", _art10, "Article 10 basis")
        ctx.memo["special_category.art10"] = found
    return found


def _special_without_art9(ctx: Context) -> Iterator[Finding]:
    gaps = [gap for gap in _special(ctx) if not gap.why]
    return _report(ctx, SPECIAL_WITHOUT_ART9, gaps, _SPECIAL, ", and no Article 9 condition is stated for it anywhere")


def _special_partly_covered(ctx: Context) -> Iterator[Finding]:
    gaps = [gap for gap in _special(ctx) if gap.why]
    return _report(ctx, SPECIAL_PARTLY_COVERED, gaps, _SPECIAL, "")


def _criminal_without_art10(ctx: Context) -> Iterator[Finding]:
    gaps = [gap for gap in _criminal(ctx) if not gap.why]
    tail = ", and no Article 10 basis (official authority or a DPA 2018 Schedule 1 condition) is stated for it anywhere"
    return _report(ctx, CRIMINAL_WITHOUT_ART10, gaps, _CRIMINAL, tail)


def _criminal_partly_covered(ctx: Context) -> Iterator[Finding]:
    gaps = [gap for gap in _criminal(ctx) if gap.why]
    return _report(ctx, CRIMINAL_PARTLY_COVERED, gaps, _CRIMINAL, "")


# --- examples ---------------------------------------------------------------------------------


_SPI = example_basis("substantial-public-interest", "9(2)(g)")
_HEALTH_DATA = "data_categories:\n  - id: health\n    name: health details\n    special_category: true\n"
_OFFENCES = "data_categories:\n  - id: offences\n    name: offences\n    criminal_offence: true\n"
_CRIMINAL_DATA = example_basis(
    "criminal-data",
    "10",
    "schedule1_condition: Part 2 para 18 extended by Part 3 para 36",
    "appropriate_policy_document: https://example.org/apd",
)
_TWO_PURPOSES = (
    "purposes:\n  - id: provide-care\n    name: provide care\n    lawful_bases: [public-task, {condition}]\n"
    "  - id: plan-services\n    name: plan services\n    lawful_bases: [public-task]\n"
)

# --- rules ------------------------------------------------------------------------------------

SPECIAL_WITHOUT_ART9 = Rule(
    id="LAW004",
    title="Special category data processed with no Article 9 condition stated anywhere",
    severity=Severity.ERROR,
    area=AREA,
    rationale=(
        "Processing health, ethnicity, religion and the other special categories is prohibited unless an "
        "Article 9(2) condition applies, in addition to an Article 6 basis, and the notice must give the "
        "legal basis for the processing. A service that processes such data with no condition stated on it, "
        "on its purposes or anywhere in the notice is processing the controller cannot show to be lawful: "
        "an error. A condition stated for other processing, or not tied to any, is LAW016's warning."
    ),
    citation="UK GDPR Art 9(1)-(2) and Art 13(1)(c) / 14(1)(c); DPA 2018 s.10 and Schedule 1",
    remediation="Record the Art 9(2) condition (and its DPA 2018 Schedule 1 condition) the service relies on.",
    check=_special_without_art9,
    failing=_HEALTH_DATA
    + example_service("data_categories: [health]", "lawful_bases: [public-task]")
    + "lawful_bases:\n"
    + EXAMPLE_PUBLIC_TASK,
    passing=_HEALTH_DATA
    + example_service("data_categories: [health]", "lawful_bases: [public-task, health-care]")
    + "lawful_bases:\n"
    + EXAMPLE_PUBLIC_TASK
    + EXAMPLE_HEALTH,
)

SPECIAL_PARTLY_COVERED = Rule(
    id="LAW016",
    title="Special category data whose Article 9 condition covers only some of its processing",
    severity=Severity.WARNING,
    area=AREA,
    rationale=(
        "Each processing of special category data needs its own Art 9(2) condition. Where a service's only "
        "condition is given for one of its purposes (disclosing 'sensitive personal data' with explicit "
        "consent, say) its other purposes have none; where the notice states a condition but ties it to no "
        "processing, nobody can tell what it covers. The data may still be lawfully processed, so a person "
        "must judge: a warning."
    ),
    citation="UK GDPR Art 9(1)-(2) and Art 13(1)(c) / 14(1)(c); DPA 2018 s.10 and Schedule 1",
    remediation="Give each purpose that uses the data its Art 9(2) condition, or record the condition on the service.",
    check=_special_partly_covered,
    failing=_HEALTH_DATA
    + example_service("data_categories: [health]", "purposes: [provide-care, plan-services]")
    + _TWO_PURPOSES.format(condition="health-care")
    + "lawful_bases:\n"
    + EXAMPLE_PUBLIC_TASK
    + EXAMPLE_HEALTH,
    passing=_HEALTH_DATA
    + example_service(
        "data_categories: [health]", "purposes: [provide-care, plan-services]", "lawful_bases: [health-care]"
    )
    + _TWO_PURPOSES.format(condition="health-care")
    + "lawful_bases:\n"
    + EXAMPLE_PUBLIC_TASK
    + EXAMPLE_HEALTH,
)

CRIMINAL_WITHOUT_ART10 = Rule(
    id="LAW008",
    title="Criminal offence data processed with no Article 10 basis stated anywhere",
    severity=Severity.ERROR,
    area=AREA,
    rationale=(
        "Personal data about criminal convictions and offences, including allegations, may be processed "
        "only under official authority or when authorised by law, which in the UK means a condition in DPA "
        "2018 Schedule 1 Part 1, 2 or 3 (s.10(5)). A service that processes such data with no Art 10 basis "
        "and no Schedule 1 condition stated on it, on its purposes or anywhere in the notice, and no "
        "substantial public interest wording either, gives no ground for it: an error. The gaps a person "
        "must judge are LAW017's warning."
    ),
    citation="UK GDPR Art 10 and Art 13(1)(c) / 14(1)(c); DPA 2018 s.10(5), s.11(2) and Schedule 1 Part 3",
    remediation=(
        "Add a lawful basis with article '10' recording the official authority or Schedule 1 condition "
        "relied on for criminal offence data, and link it to the service."
    ),
    check=_criminal_without_art10,
    failing=_OFFENCES
    + example_service("data_categories: [offences]", "lawful_bases: [public-task]")
    + "lawful_bases:\n"
    + EXAMPLE_PUBLIC_TASK,
    passing=_OFFENCES
    + example_service("data_categories: [offences]", "lawful_bases: [public-task, criminal-data]")
    + "lawful_bases:\n"
    + EXAMPLE_PUBLIC_TASK
    + _CRIMINAL_DATA,
)

CRIMINAL_PARTLY_COVERED = Rule(
    id="LAW017",
    title="Criminal offence data whose Article 10 basis covers only some of its processing, or is only implied",
    severity=Severity.WARNING,
    area=AREA,
    rationale=(
        "Criminal offence data needs an Art 10 basis for each processing. Where the only basis is given for "
        "one of the service's purposes, or the notice states one without tying it to any processing, or "
        "gives only an Art 9(2)(g) substantial public interest wording (which DPA 2018 Sch 1 Part 3 para 36 "
        "can extend to criminal offence data, through a Part 2 condition the notice does not name), the "
        "ground may exist but is not shown: a warning for a person to judge."
    ),
    citation="UK GDPR Art 10; DPA 2018 s.10(5) and Schedule 1 Part 3 (para 36)",
    remediation="Record the Art 10 basis or the Schedule 1 condition (Part 3 para 36 with the Part 2 paragraph) "
    "for each processing of criminal offence data.",
    check=_criminal_partly_covered,
    failing=_OFFENCES
    + example_service("data_categories: [offences]", "lawful_bases: [public-task, substantial-public-interest]")
    + "lawful_bases:\n"
    + EXAMPLE_PUBLIC_TASK
    + _SPI,
    passing=_OFFENCES
    + example_service("data_categories: [offences]", "lawful_bases: [public-task, criminal-data]")
    + "lawful_bases:\n"
    + EXAMPLE_PUBLIC_TASK
    + _CRIMINAL_DATA,
)

RULES = (SPECIAL_WITHOUT_ART9, CRIMINAL_WITHOUT_ART10, SPECIAL_PARTLY_COVERED, CRIMINAL_PARTLY_COVERED)
