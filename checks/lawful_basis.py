"""Lawful basis rules (LAW): Art 6 bases, Art 9 and Art 10 conditions, Schedule 1.

Every purpose and every service needs an Article 6 basis; special category
data needs an Article 9 condition (and, for five of them, a DPA 2018
Schedule 1 condition, some with an appropriate policy document); criminal
offence data needs an Article 10 basis. Which grounds exist, from when, and
which Schedule 1 conditions need a policy document are rows of
``checks/knowledge/lawful-bases.yaml``.

A service's bases are its own ``lawful_bases``, the notice-wide ones it relies
on, and the bases of its (effective) purposes.

An error rests only on knowledge rows whose ``verified`` note starts with
"yes" (``checks.naming.is_verified``): consent relied on through a row that is
not verified is reported by the warning LAW013 instead of LAW010, and a ground's
dates drive LAW003 only when its row is verified (the knowledge tests require
every dated ground to be).
"""

from __future__ import annotations

import datetime as dt
import functools
import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from checks import facts, naming
from checks.authority import is_public_authority
from linter.context import Context
from linter.findings import DatedCitation, Finding, Rule, Severity, citation_on
from linter.model import Entity, LawfulBasis, Service

AREA = "lawful basis"
KNOWLEDGE_FILE = "lawful-bases"


# --- knowledge -------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Ground:
    """One row of ``grounds``: an Art 6 basis, Art 9 condition or Art 10."""

    article: str
    family: str
    name: str
    start: dt.date | None
    end: dt.date | None
    consent: bool
    legitimate_interests: bool
    needs_schedule1: str
    verified: bool
    verdict: str
    citation: str


@dataclass(frozen=True, slots=True)
class Schedule1Condition:
    """One DPA 2018 Schedule 1 paragraph."""

    paragraph: int
    part: str
    name: str
    apd: str
    criminal_data: bool
    citation: str
    #: other names of the paragraph (an old heading), matched like ``name``
    aliases: tuple[str, ...] = ()
    citations: tuple[DatedCitation, ...] = ()

    def cite_on(self, day: dt.date) -> str:
        """The paragraph's citation as it stood on ``day``."""
        return citation_on(self.citations, day, self.citation)


_PREFIX = re.compile(r"^\s*(article|art\.?)\s*", re.IGNORECASE)
_SUFFIX = re.compile(r"\s*(of\s+the\s+)?(uk\s+)?gdpr\s*$", re.IGNORECASE)


def normalise(article: str) -> str:
    """'Art 6(1)(e) UK GDPR' -> '6(1)(e)'."""
    return re.sub(r"\s+", "", _SUFFIX.sub("", _PREFIX.sub("", article))).lower()


def family(article: str) -> str:
    """The article number a reference belongs to: '9' for '9(2)(g)'."""
    return normalise(article).split("(", 1)[0]


@functools.cache
def _knowledge() -> Any:
    return facts.load(KNOWLEDGE_FILE)


@functools.cache
def grounds() -> dict[str, Ground]:
    return {
        normalise(str(row["article"])): Ground(
            article=str(row["article"]),
            family=str(row["family"]),
            name=str(row["name"]),
            start=facts.date(row.get("from")),
            end=facts.date(row.get("until")),
            consent=bool(row.get("consent", False)),
            legitimate_interests=bool(row.get("legitimate_interests", False)),
            needs_schedule1=str(row.get("needs_schedule1", "")),
            verified=naming.is_verified(row),
            verdict=naming.verdict(row) or "no note",
            citation=facts.cite(row),
        )
        for row in _knowledge()["grounds"]
    }


@functools.cache
def schedule1() -> dict[int, Schedule1Condition]:
    return {
        int(row["paragraph"]): Schedule1Condition(
            paragraph=int(row["paragraph"]),
            part=str(row["part"]),
            name=str(row["name"]),
            apd=str(row["apd"]),
            criminal_data=bool(row.get("criminal_data", False)),
            citation=facts.cite(row),
            aliases=tuple(str(alias) for alias in row.get("aliases") or ()),
            citations=facts.history(row),
        )
        for row in _knowledge()["schedule1"]["conditions"]
    }


@functools.cache
def families() -> dict[str, str]:
    """Role -> article family: 'lawful_basis' -> '6' and so on (from the knowledge file)."""
    return {role: str(number) for role, number in _knowledge()["families"].items()}


def consent_basis() -> str:
    """The article of the Art 6 consent basis, for messages."""
    return next(g.article for g in grounds().values() if g.consent and g.family == families()["lawful_basis"])


def _cite(section: str, day: dt.date | None = None) -> str:
    """The citation of a knowledge section (as it stood on ``day``, when it has a dated history)."""
    return facts.cite(_knowledge()[section], day)


def _withdrawal_duty_verified() -> bool:
    """Whether the knowledge behind LAW010 (the duty to state the right to withdraw) is verified."""
    return naming.is_verified(_withdrawal_duty())


def _withdrawal_duty() -> dict[str, Any]:
    return dict(_knowledge()["consent_withdrawal"])


def ground_of(basis: LawfulBasis) -> Ground | None:
    return grounds().get(normalise(basis.article))


_NUMBER_LIST = r"\d+(?:\s*(?:,|&|\band\b|\bor\b|-|\u2013|\bto\b)\s*\d+)*"
_PARAGRAPH = re.compile(rf"\b(?:para(?:graph)?s?|p)\.?\s*({_NUMBER_LIST})", re.IGNORECASE)
_RANGE = re.compile(r"(\d+)\s*(?:-|\u2013|\bto\b)\s*(\d+)", re.IGNORECASE)


def _paragraph_numbers(numbers: str) -> list[int]:
    """'5, 18' -> [5, 18]; '5 and 18' -> [5, 18]; '10-12' -> [10, 11, 12]."""
    found: list[int] = []
    for start, end in _RANGE.findall(numbers):
        found.extend(range(int(start), int(end) + 1))
    found.extend(int(number) for number in re.findall(r"\d+", _RANGE.sub(" ", numbers)))
    return found


def schedule1_conditions(text: str) -> list[Schedule1Condition]:
    """The Schedule 1 paragraphs a free-text condition names (by number or by name).

    Every number of a list counts: 'Part 2 paras 5, 18' names paragraphs 5 and 18.
    """
    found: dict[int, Schedule1Condition] = {}
    for match in _PARAGRAPH.finditer(text):
        for number in _paragraph_numbers(match.group(1)):
            condition = schedule1().get(number)
            if condition is not None:
                found[condition.paragraph] = condition
    if not found:
        lowered = text.lower()
        for condition in schedule1().values():
            if any(name.lower() in lowered for name in (condition.name, *condition.aliases)):
                found[condition.paragraph] = condition
    return list(found.values())


# --- policy helpers ----------------------------------------------------------


def service_bases(ctx: Context, service: Service) -> list[LawfulBasis]:
    """A service's own and notice-wide bases plus those of its purposes."""
    bases: list[LawfulBasis] = list(ctx.policy.effective(service, "lawful_bases"))
    for purpose in ctx.policy.effective(service, "purposes"):
        bases.extend(basis for basis in purpose.lawful_bases if basis not in bases)
    return bases


def _has_family(bases: list[LawfulBasis], role: str) -> bool:
    """True when one of ``bases`` is of the article family that plays ``role``."""
    number = families()[role]
    return any(family(basis.article) == number for basis in bases)


def _public_authority(ctx: Context) -> bool:
    return is_public_authority(ctx.policy.controller)


def _consent_uses(ctx: Context) -> Iterator[tuple[Entity, str]]:
    """(entity, field) for every basis that is consent and every purpose that promises it."""
    for basis in ctx.policy.lawful_bases:
        ground = ground_of(basis)
        if ground is not None and ground.consent:
            yield basis, "article"
    for purpose in ctx.policy.purposes:
        if purpose.consent:
            yield purpose, "consent"


def _ids(entities: list[Any]) -> str:
    return ", ".join(f"'{entity.id}'" for entity in entities)


# --- rule checks ----------------------------------------------------------


def _purpose_without_art6(ctx: Context) -> Iterator[Finding]:
    for purpose in ctx.policy.purposes:
        if purpose.anonymised and not purpose.consent:
            continue  # anonymised information is not personal data
        if _has_family(purpose.lawful_bases, "lawful_basis"):
            continue
        if _notice_wide_art6(ctx):
            continue  # bases exist notice-wide: LAW012 reports the missing link once
        extra = (
            f"; it promises to ask for consent, but lists no Art {consent_basis()} consent basis"
            if purpose.consent
            else ""
        )
        yield ctx.finding(
            PURPOSE_WITHOUT_ART6,
            purpose,
            "lawful_bases",
            f"purpose '{purpose.id}': no Article 6 lawful basis is stated{extra}",
        )


def _notice_wide_art6(ctx: Context) -> list[LawfulBasis]:
    notice = ctx.policy.notice
    bases = notice.notice_wide.lawful_bases if notice is not None else []
    return [basis for basis in bases if _has_family([basis], "lawful_basis")]


def _bases_only_notice_wide(ctx: Context) -> Iterator[Finding]:
    notice = ctx.policy.notice
    wide = _notice_wide_art6(ctx)
    if notice is None or not wide:
        return
    unlinked = [
        purpose
        for purpose in ctx.policy.purposes
        if not (purpose.anonymised and not purpose.consent) and not _has_family(purpose.lawful_bases, "lawful_basis")
    ]
    if unlinked:
        yield ctx.finding(
            BASES_ONLY_NOTICE_WIDE,
            notice,
            "notice_wide",
            f"the notice states its Article 6 bases ({_ids(wide)}) once for all processing; "
            f"{len(unlinked)} of {len(ctx.policy.purposes)} purposes do not say which basis applies to them",
        )


def _service_without_art6(ctx: Context) -> Iterator[Finding]:
    for service in ctx.policy.services:
        if not _has_family(service_bases(ctx, service), "lawful_basis"):
            yield ctx.finding(
                SERVICE_WITHOUT_ART6,
                service,
                "lawful_bases",
                f"service '{service.id}': no Article 6 lawful basis is stated, neither its own, notice-wide "
                "nor through its purposes",
            )


def _unknown_ground(ctx: Context) -> Iterator[Finding]:
    for basis in ctx.policy.lawful_bases:
        ground = ground_of(basis)
        if ground is None:
            known = {ground.article: ground.article for ground in grounds().values()}
            hint = naming.did_you_mean(normalise(basis.article), known, "grounds")
            yield ctx.finding(
                UNKNOWN_GROUND,
                basis,
                "article",
                f"lawful basis '{basis.id}' names article '{basis.article}', which is not an Art 6 basis, "
                f"Art 9 condition or Art 10{hint}",
                detail=basis.article,
            )
            continue
        if not ground.verified:
            continue  # its dates are not verified: never an error (the knowledge tests keep dated rows verified)
        if ground.start and ctx.as_of < ground.start:
            when = f"exists only from {ground.start}"
        elif ground.end and ctx.as_of > ground.end:
            when = f"existed only until {ground.end}"
        else:
            continue
        yield ctx.finding(
            UNKNOWN_GROUND,
            basis,
            "article",
            f"lawful basis '{basis.id}' rests on Art {ground.article} ({ground.name}), which {when}, "
            f"so is not a lawful basis on {ctx.as_of}",
            detail=basis.article,
            citation=ground.citation,
        )


def _gaps_once(
    ctx: Context, rule: Rule, gaps: list[tuple[Service, list[Any]]], what: str, tail: str = ""
) -> Iterator[Finding]:
    """Report each service's gap, but once on the notice when it comes only from
    the notice-wide data categories: one root cause, one finding to fix.

    The message is "... processes <what> (<categories>)<tail>".
    """
    notice = ctx.policy.notice
    from_notice: list[Service] = []
    for service, categories in gaps:
        if notice is not None and not any(c in service.data_categories for c in categories):
            from_notice.append(service)
            continue
        yield ctx.finding(
            rule,
            service,
            "data_categories",
            f"service '{service.id}' processes {what} ({_ids(categories)}){tail}",
        )
    if notice is not None and from_notice:
        categories = [c for c in notice.notice_wide.data_categories if any(c in gap for _, gap in gaps)]
        yield ctx.finding(
            rule,
            notice,
            "notice_wide",
            f"the notice-wide data categories include {what} ({_ids(categories)}){tail}; "
            f"{_services_relying(from_notice, len(ctx.policy.services))}",
        )


def _services_relying(services: list[Service], total: int, shown: int = 3) -> str:
    if len(services) == total:
        return f"all {total} services rely on them"
    more = f" and {len(services) - shown} more" if len(services) > shown else ""
    return f"{len(services)} services rely on them: {_ids(services[:shown])}{more}"


def _special_without_art9(ctx: Context) -> Iterator[Finding]:
    gaps = []
    for service in ctx.policy.services:
        special = [c for c in ctx.policy.effective(service, "data_categories") if c.special_category]
        if special and not _has_family(service_bases(ctx, service), "special_category"):
            gaps.append((service, special))
    return _gaps_once(
        ctx, SPECIAL_WITHOUT_ART9, gaps, "special category data", ", and no Article 9 condition is recorded for it"
    )


def _art9_without_schedule1(ctx: Context) -> Iterator[Finding]:
    for basis in ctx.policy.lawful_bases:
        ground = ground_of(basis)
        if ground is not None and ground.needs_schedule1 and not basis.schedule1_condition:
            yield ctx.finding(
                ART9_WITHOUT_SCHEDULE1,
                basis,
                "article",
                f"lawful basis '{basis.id}' rests on Art {ground.article} ({ground.name}), which is met only "
                f"with a condition in Part {ground.needs_schedule1} of DPA 2018 Schedule 1, and none is "
                "recorded (schedule1_condition)",
            )


def _no_policy_document(ctx: Context) -> Iterator[Finding]:
    for basis in ctx.policy.lawful_bases:
        if not basis.schedule1_condition or basis.appropriate_policy_document:
            continue
        needing = [c for c in schedule1_conditions(basis.schedule1_condition) if c.apd == "required"]
        if needing:
            names = ", ".join(f"para {c.paragraph} ({c.name})" for c in needing)
            yield ctx.finding(
                NO_POLICY_DOCUMENT,
                basis,
                "schedule1_condition",
                f"lawful basis '{basis.id}' relies on DPA 2018 Schedule 1 {names}, which is met only if an "
                "appropriate policy document is in place, and none is recorded (appropriate_policy_document)",
                citation="; ".join([NO_POLICY_DOCUMENT.citation, *(c.cite_on(ctx.as_of) for c in needing)]),
            )


def _schedule1_unrecognised(ctx: Context) -> Iterator[Finding]:
    for basis in ctx.policy.lawful_bases:
        if not basis.schedule1_condition:
            continue
        conditions = schedule1_conditions(basis.schedule1_condition)
        ground = ground_of(basis)
        if not conditions:
            message = "names no DPA 2018 Schedule 1 paragraph this linter recognises"
        elif ground and ground.needs_schedule1 and all(c.part != ground.needs_schedule1 for c in conditions):
            parts = ", ".join(sorted({c.part for c in conditions}))
            message = (
                f"names a condition in Part {parts}, but Art {ground.article} needs one in Part "
                f"{ground.needs_schedule1}"
            )
        else:
            continue
        yield ctx.finding(
            SCHEDULE1_UNRECOGNISED,
            basis,
            "schedule1_condition",
            f"lawful basis '{basis.id}': schedule1_condition '{basis.schedule1_condition}' {message}",
        )


def _criminal_without_art10(ctx: Context) -> Iterator[Finding]:
    gaps = []
    for service in ctx.policy.services:
        criminal = [c for c in ctx.policy.effective(service, "data_categories") if c.criminal_offence]
        if not criminal:
            continue
        bases = service_bases(ctx, service)
        covered = _has_family(bases, "criminal_offence") or any(
            condition.criminal_data for basis in bases for condition in schedule1_conditions(basis.schedule1_condition)
        )
        if not covered:
            gaps.append((service, criminal))
    return _gaps_once(
        ctx,
        CRIMINAL_WITHOUT_ART10,
        gaps,
        "criminal offence data with no Article 10 basis (official authority or a DPA 2018 Schedule 1 condition)",
    )


def _legitimate_interests_by_public_authority(ctx: Context) -> Iterator[Finding]:
    if not _public_authority(ctx):
        return
    for basis in ctx.policy.lawful_bases:
        ground = ground_of(basis)
        if ground is not None and ground.legitimate_interests:
            yield ctx.finding(
                LEGITIMATE_INTERESTS_BY_PUBLIC_AUTHORITY,
                basis,
                "article",
                f"lawful basis '{basis.id}' is Art {ground.article} ({ground.name}), which a public authority "
                "cannot rely on in the performance of its tasks; it is available only for processing outside "
                "them, so record which processing that is or use the public task basis",
                citation=_cite("legitimate_interests_public_authority", ctx.as_of),
            )


def _consent_in_use(ctx: Context) -> list[tuple[LawfulBasis, Ground]]:
    """Consent bases (Art 6(1)(a), 9(2)(a)) that a purpose or a service relies on."""
    bases: dict[str, LawfulBasis] = {}
    for purpose in ctx.policy.purposes:
        bases.update((basis.id, basis) for basis in purpose.lawful_bases)
    for service in ctx.policy.services:
        bases.update((basis.id, basis) for basis in service_bases(ctx, service))
    return [(basis, ground) for basis in bases.values() if (ground := ground_of(basis)) is not None and ground.consent]


def _withdrawal_unstated(ctx: Context) -> bool:
    notice = ctx.policy.notice
    return notice is not None and not notice.consent_withdrawal_stated


def _consent_without_withdrawal(ctx: Context) -> Iterator[Finding]:
    notice = ctx.policy.notice
    if notice is None or not _withdrawal_unstated(ctx) or not _withdrawal_duty_verified():
        return
    relied = [basis for basis, ground in _consent_in_use(ctx) if ground.verified]
    if relied:
        yield ctx.finding(
            CONSENT_WITHOUT_WITHDRAWAL,
            notice,
            "consent_withdrawal_stated",
            f"processing relies on consent ({_ids(relied)}) but the notice does not tell people they can "
            "withdraw consent at any time",
            citation=_cite("consent_withdrawal"),
        )


def _consent_promised(ctx: Context) -> Iterator[Finding]:
    if not _withdrawal_unstated(ctx):
        return
    in_use = _consent_in_use(ctx)
    duty = _withdrawal_duty()
    if in_use and _withdrawal_duty_verified() and any(ground.verified for _, ground in in_use):
        return  # LAW010 reports it as an error
    for basis, ground in in_use:  # relied on, but the knowledge for an error is not verified
        doubts = [f"grounds '{ground.article}' ({ground.verdict})"] if not ground.verified else []
        if not _withdrawal_duty_verified():
            doubts.append(f"consent_withdrawal ({naming.verdict(duty) or 'no note'})")
        yield ctx.finding(
            CONSENT_PROMISED,
            basis,
            "article",
            f"lawful basis '{basis.id}' is consent and is relied on, but the notice does not state the right to "
            "withdraw it; a warning, not a LAW010 error, because the knowledge it rests on is not verified: "
            f"checks/knowledge/lawful-bases.yaml {', '.join(doubts)}",
            citation=_cite("consent_withdrawal"),
        )
    if in_use:
        return
    for purpose in ctx.policy.purposes:
        if purpose.consent:
            yield ctx.finding(
                CONSENT_PROMISED,
                purpose,
                "consent",
                f"purpose '{purpose.id}': consent is promised; when it is relied on, the notice must state the "
                "right to withdraw it, and the notice does not (consent_withdrawal_stated)",
                citation=_cite("consent_withdrawal"),
            )


def _consent_by_public_authority(ctx: Context) -> Iterator[Finding]:
    if not _public_authority(ctx):
        return
    for entity, field in _consent_uses(ctx):
        yield ctx.finding(
            CONSENT_BY_PUBLIC_AUTHORITY,
            entity,
            field,
            f"{entity.ref} relies on consent given to a public authority: consent is valid only if people "
            "have a genuine choice and can refuse without detriment",
            citation=_cite("consent_public_authority"),
        )


# --- examples ---------------------------------------------------------------

_CONTROLLER = "controller:\n  id: council\n  name: Council\n  public_authority: true\n"


def _basis(basis_id: str, article: str, *lines: str) -> str:
    body = "".join(f"    {line}\n" for line in lines)
    return f'  - id: {basis_id}\n    name: {basis_id}\n    article: "{article}"\n{body}'


def _service(*lines: str) -> str:
    body = "".join(f"    {line}\n" for line in lines)
    return f"services:\n  - id: child-protection\n    name: Child protection\n{body}"


_PUBLIC_TASK = _basis("public-task", "6(1)(e)")
_HEALTH = _basis("health-care", "9(2)(h)", "schedule1_condition: Part 1 paragraph 2 (health or social care)")
_HEALTH_DATA = "data_categories:\n  - id: health\n    name: health details\n    special_category: true\n"
_CONSENT_USED = (
    "purposes:\n  - id: research\n    name: research\n    consent: true\n    lawful_bases: [consent]\n"
    "lawful_bases:\n" + _basis("consent", "6(1)(a)")
)
_OFFENCES = "data_categories:\n  - id: offences\n    name: offences\n    criminal_offence: true\n"


# --- rules ------------------------------------------------------------------

PURPOSE_WITHOUT_ART6 = Rule(
    id="LAW001",
    title="Purpose with no Article 6 lawful basis stated",
    severity=Severity.ERROR,
    area=AREA,
    rationale=(
        "Processing is lawful only if an Article 6 basis applies, and a notice must give the purposes "
        "together with the lawful basis for each. A purpose with no basis is processing the controller "
        "cannot show to be lawful, and a notice that lists bases only in general does not say which "
        "applies to what."
    ),
    citation="UK GDPR Art 6(1) and Art 13(1)(c) / 14(1)(c); ICO 'Right to be informed' checklist",
    remediation="List the Article 6 basis (or bases) for this purpose in its lawful_bases.",
    check=_purpose_without_art6,
    failing="purposes:\n  - id: safeguard-children\n    name: safeguard children\n",
    passing="purposes:\n  - id: safeguard-children\n    name: safeguard children\n    lawful_bases: [public-task]\n"
    "lawful_bases:\n" + _PUBLIC_TASK,
)

SERVICE_WITHOUT_ART6 = Rule(
    id="LAW002",
    title="Service with no Article 6 lawful basis stated",
    severity=Severity.ERROR,
    area=AREA,
    rationale=(
        "Each service processes personal data and so needs an Article 6 basis, stated on the service, "
        "notice-wide, or through the purposes it serves. A service with none has no shown legal ground."
    ),
    citation="UK GDPR Art 6(1) and Art 13(1)(c) / 14(1)(c)",
    remediation=(
        "Give the service lawful_bases, rely on the notice-wide bases (relies_on_notice_wide: "
        "[lawful_bases]) or link purposes that carry a basis."
    ),
    check=_service_without_art6,
    failing=_service(),
    passing=_service("lawful_bases: [public-task]") + "lawful_bases:\n" + _PUBLIC_TASK,
)

BASES_ONLY_NOTICE_WIDE = Rule(
    id="LAW012",
    title="Article 6 bases stated for the notice as a whole, not for each purpose",
    severity=Severity.WARNING,
    area=AREA,
    rationale=(
        "A notice must give the purposes together with the legal basis for the processing, and the ICO "
        "expects the basis for each purpose, so that a person can tell, for instance, which processing "
        "rests on a legal obligation (no right to object) and which on a public task (a right to object). "
        "A single list of bases is common and each purpose may still have a basis, so this is a warning: "
        "the gap is in what people are told, not necessarily in the lawfulness of the processing."
    ),
    citation="UK GDPR Art 13(1)(c) and 14(1)(c); ICO guidance 'The right to be informed: what privacy information "
    "should we provide?' (checklist)",
    remediation="Give each purpose the lawful_bases that apply to it.",
    check=_bases_only_notice_wide,
    failing="notice:\n  id: n\n  name: N\n  notice_wide:\n    lawful_bases: [public-task]\n"
    "purposes:\n  - id: safeguard-children\n    name: safeguard children\nlawful_bases:\n" + _PUBLIC_TASK,
    passing="notice:\n  id: n\n  name: N\n  notice_wide:\n    lawful_bases: [public-task]\n"
    "purposes:\n  - id: safeguard-children\n    name: safeguard children\n    lawful_bases: [public-task]\n"
    "lawful_bases:\n" + _PUBLIC_TASK,
)

UNKNOWN_GROUND = Rule(
    id="LAW003",
    title="Lawful basis names an article that is not a lawful basis or condition on the evaluation date",
    severity=Severity.ERROR,
    area=AREA,
    rationale=(
        "Only the grounds in Art 6(1), Art 9(2) and Art 10 make processing lawful. A basis that names "
        "anything else ('6(1)(g)', '9(2)(k)', a typo) gives no legal ground and is ignored by every other "
        "lawful basis rule. A ground also counts only from the day it exists: recognised legitimate "
        "interests (Art 6(1)(ea)) only from the commencement date in lawful-bases.yaml."
    ),
    citation=(
        "UK GDPR Art 6(1), Art 9(2), Art 10; Art 6(1)(ea) inserted by Data (Use and Access) Act 2025 s.70, "
        "in force 5 February 2026 (SI 2026/82 reg 2(c)); see checks/knowledge/lawful-bases.yaml"
    ),
    remediation=(
        "Correct article to one of the grounds in checks/knowledge/lawful-bases.yaml in force on the date; for "
        "processing before a ground existed, record the basis then in force."
    ),
    check=_unknown_ground,
    failing="lawful_bases:\n" + _basis("public-task", "6(1)(g)"),
    passing="lawful_bases:\n" + _PUBLIC_TASK,
    time_dependent=True,
)

SPECIAL_WITHOUT_ART9 = Rule(
    id="LAW004",
    title="Special category data processed with no Article 9 condition recorded",
    severity=Severity.WARNING,
    area=AREA,
    rationale=(
        "Processing health, ethnicity, religion and the other special categories is prohibited unless an "
        "Article 9(2) condition applies, in addition to an Article 6 basis. A council's statutory work "
        "(social care, safeguarding) usually meets one, and Art 13 does not in terms require the notice "
        "to name the Art 9 condition, so a policy that records none is a gap to close rather than proof "
        "of unlawful processing: a warning."
    ),
    citation="UK GDPR Art 9(1)-(2); ICO guidance on special category data",
    remediation="Record the Art 9(2) condition (and its DPA 2018 Schedule 1 condition) the service relies on.",
    check=_special_without_art9,
    failing=_HEALTH_DATA
    + _service("data_categories: [health]", "lawful_bases: [public-task]")
    + "lawful_bases:\n"
    + _PUBLIC_TASK,
    passing=_HEALTH_DATA
    + _service("data_categories: [health]", "lawful_bases: [public-task, health-care]")
    + "lawful_bases:\n"
    + _PUBLIC_TASK
    + _HEALTH,
)

ART9_WITHOUT_SCHEDULE1 = Rule(
    id="LAW005",
    title="Article 9 condition that needs a DPA 2018 Schedule 1 condition has none recorded",
    severity=Severity.WARNING,
    area=AREA,
    rationale=(
        "In the UK, Art 9(2)(b), (g), (h), (i) and (j) are met only if a condition in DPA 2018 Schedule 1 "
        "is also met (Part 1 for (b), (h), (i), (j); Part 2 for substantial public interest). A policy that "
        "does not name the condition cannot show the Art 9 condition is satisfied, and the ICO expects it "
        "in the record of processing. It is a warning, not an error: the condition may well be met (health "
        "and social care work usually meets Part 1 para 2) and a privacy notice need not name the "
        "paragraph; where the condition also needs an appropriate policy document, LAW006 applies."
    ),
    citation="DPA 2018 s.10 and Schedule 1 Parts 1-2; ICO guidance on special category data",
    remediation=(
        "Record the Schedule 1 paragraph relied on in schedule1_condition (for example 'Part 1 para 2' for "
        "health or social care, 'Part 2 para 18' for safeguarding)."
    ),
    check=_art9_without_schedule1,
    failing="lawful_bases:\n" + _basis("health-care", "9(2)(h)"),
    passing="lawful_bases:\n" + _HEALTH,
)

NO_POLICY_DOCUMENT = Rule(
    id="LAW006",
    title="Schedule 1 condition that needs an appropriate policy document has none recorded",
    severity=Severity.WARNING,
    area=AREA,
    rationale=(
        "The employment condition (Sch 1 para 1) and, except where a paragraph says otherwise, every "
        "substantial public interest condition (Part 2) are met only if the controller has an appropriate "
        "policy document in place when processing: how the Article 5 principles are met, and its "
        "retention and erasure policy. Without one the condition fails, so the gap matters; it is a "
        "warning because the policy not recording the document does not prove the council has none."
    ),
    citation="DPA 2018 Sch 1 paras 1(1)(b), 5(1), 38-40",
    remediation="Write the appropriate policy document and record where it is in appropriate_policy_document.",
    check=_no_policy_document,
    failing="lawful_bases:\n"
    + _basis("substantial-public-interest", "9(2)(g)", "schedule1_condition: Part 2 para 18 (safeguarding)"),
    passing="lawful_bases:\n"
    + _basis(
        "substantial-public-interest",
        "9(2)(g)",
        "schedule1_condition: Part 2 para 18 (safeguarding)",
        "appropriate_policy_document: https://example.org/apd",
    ),
)

SCHEDULE1_UNRECOGNISED = Rule(
    id="LAW007",
    title="Schedule 1 condition not recognised, or from the wrong Part",
    severity=Severity.WARNING,
    area=AREA,
    rationale=(
        "The linter reads schedule1_condition to decide whether an appropriate policy document is needed "
        "and whether criminal offence data is covered. Text that names no paragraph cannot be checked, and "
        "a Part 1 paragraph cannot satisfy Art 9(2)(g) (which needs Part 2). It is a warning because the "
        "text may be right but phrased in a way this linter does not parse."
    ),
    citation="DPA 2018 s.10 and Schedule 1",
    remediation="Name the paragraph, for example 'Schedule 1 Part 2 paragraph 18', matching the Art 9 condition.",
    check=_schedule1_unrecognised,
    failing="lawful_bases:\n" + _basis("health-care", "9(2)(h)", "schedule1_condition: the health bit of the Act"),
    passing="lawful_bases:\n" + _HEALTH,
)

CRIMINAL_WITHOUT_ART10 = Rule(
    id="LAW008",
    title="Criminal offence data processed with no Article 10 basis recorded",
    severity=Severity.WARNING,
    area=AREA,
    rationale=(
        "Personal data about criminal convictions and offences, including allegations, may be processed "
        "only under official authority or when authorised by law, which in the UK means a condition in "
        "DPA 2018 Schedule 1 Part 1, 2 or 3. A council's statutory work (youth justice, safeguarding) "
        "usually has official authority, and Art 13 does not in terms require the notice to name the "
        "Art 10 basis, so a policy that records none is a gap to close rather than proof of unlawful "
        "processing: a warning."
    ),
    citation="UK GDPR Art 10; DPA 2018 s.10(5), s.11(2) and Schedule 1 Part 3",
    remediation=(
        "Add a lawful basis with article '10' recording the official authority or Schedule 1 condition "
        "relied on for criminal offence data, and link it to the service."
    ),
    check=_criminal_without_art10,
    failing=_OFFENCES
    + _service("data_categories: [offences]", "lawful_bases: [public-task]")
    + "lawful_bases:\n"
    + _PUBLIC_TASK,
    passing=_OFFENCES
    + _service("data_categories: [offences]", "lawful_bases: [public-task, criminal-data]")
    + "lawful_bases:\n"
    + _PUBLIC_TASK
    + _basis(
        "criminal-data",
        "10",
        "schedule1_condition: Part 2 para 18 extended by Part 3 para 36",
        "appropriate_policy_document: https://example.org/apd",
    ),
)

LEGITIMATE_INTERESTS_BY_PUBLIC_AUTHORITY = Rule(
    id="LAW009",
    title="Public authority relies on legitimate interests",
    severity=Severity.WARNING,
    area=AREA,
    rationale=(
        "Legitimate interests (Art 6(1)(f)) and recognised legitimate interests (Art 6(1)(ea)) do not apply "
        "to processing by public authorities in the performance of their tasks. It is a warning, not an "
        "error, because the law still allows a public authority to use them for processing outside its "
        "tasks (for example some of its own administration), which the data cannot tell apart."
    ),
    citation=_cite("legitimate_interests_public_authority"),
    citations=facts.history(_knowledge()["legitimate_interests_public_authority"]),
    time_dependent=True,
    remediation=(
        "Use public task (Art 6(1)(e)) for processing that is part of the authority's functions; keep "
        "legitimate interests only for processing outside them and say which."
    ),
    check=_legitimate_interests_by_public_authority,
    failing=_CONTROLLER + "lawful_bases:\n" + _basis("our-interests", "6(1)(f)"),
    passing=_CONTROLLER + "lawful_bases:\n" + _PUBLIC_TASK,
)

CONSENT_WITHOUT_WITHDRAWAL = Rule(
    id="LAW010",
    title="Consent relied on, but the notice does not state the right to withdraw it",
    severity=Severity.ERROR,
    area=AREA,
    rationale=(
        "Where processing is based on consent (Art 6(1)(a) or 9(2)(a)), the notice must tell people they "
        "can withdraw it at any time, and they must be told before they consent. This applies to every "
        "controller, public authority or not. The rule fires only when a purpose or a service actually "
        "relies on a consent basis; consent that is only promised is LAW013's warning."
    ),
    citation="UK GDPR Art 13(2)(c), 14(2)(d) and 7(3)",
    remediation=(
        "Add to the notice that consent can be withdrawn at any time and how, and set consent_withdrawal_stated: true."
    ),
    check=_consent_without_withdrawal,
    failing="notice:\n  id: privacy-notice\n  name: Privacy notice\n" + _CONSENT_USED,
    passing="notice:\n  id: privacy-notice\n  name: Privacy notice\n  consent_withdrawal_stated: true\n"
    + _CONSENT_USED,
)

CONSENT_PROMISED = Rule(
    id="LAW013",
    title="Consent promised, and the notice does not state the right to withdraw it",
    severity=Severity.WARNING,
    area=AREA,
    rationale=(
        "A purpose that promises to ask for consent (for identifiable research, say) will rely on it when "
        "it does, and from then the notice must tell people they can withdraw it at any time, before they "
        "consent. While no consent basis is in use, nothing unlawful has happened yet, so this is a "
        "warning; once a purpose or a service relies on a consent basis, LAW010 reports an error. It also "
        "reports consent that is relied on when the knowledge row behind that error is not verified."
    ),
    citation="UK GDPR Art 13(2)(c), 14(2)(d) and 7(3)",
    remediation=(
        "State in the notice that consent can be withdrawn at any time and how (consent_withdrawal_stated: "
        "true), and record the consent basis on the purpose when it is relied on."
    ),
    check=_consent_promised,
    failing="notice:\n  id: privacy-notice\n  name: Privacy notice\n"
    "purposes:\n  - id: research\n    name: research\n    consent: true\n",
    passing="notice:\n  id: privacy-notice\n  name: Privacy notice\n  consent_withdrawal_stated: true\n"
    "purposes:\n  - id: research\n    name: research\n    consent: true\n",
)

CONSENT_BY_PUBLIC_AUTHORITY = Rule(
    id="LAW011",
    title="Public authority relies on consent",
    severity=Severity.WARNING,
    area=AREA,
    rationale=(
        "Consent must be freely given; where there is an imbalance of power, as between a council and the "
        "people who depend on its services, the ICO says public authorities should avoid relying on it. "
        "It is a warning, not an error: consent can be valid when refusing has no detriment (for example "
        "optional research), which the controller must be able to show."
    ),
    citation="ICO guidance on consent, 'When is consent appropriate?'; UK GDPR Art 4(11), 7 and Recital 43",
    remediation=(
        "Use another basis (public task, legal obligation) where the processing is part of the authority's "
        "functions; keep consent only where people have a real choice, and record why."
    ),
    check=_consent_by_public_authority,
    failing=_CONTROLLER + "purposes:\n  - id: research\n    name: research\n    consent: true\n",
    passing=_CONTROLLER + "purposes:\n  - id: research\n    name: research\n    lawful_bases: [public-task]\n"
    "lawful_bases:\n" + _PUBLIC_TASK,
)

RULES = (
    PURPOSE_WITHOUT_ART6,
    SERVICE_WITHOUT_ART6,
    UNKNOWN_GROUND,
    SPECIAL_WITHOUT_ART9,
    ART9_WITHOUT_SCHEDULE1,
    NO_POLICY_DOCUMENT,
    SCHEDULE1_UNRECOGNISED,
    CRIMINAL_WITHOUT_ART10,
    LEGITIMATE_INTERESTS_BY_PUBLIC_AUTHORITY,
    CONSENT_WITHOUT_WITHDRAWAL,
    CONSENT_BY_PUBLIC_AUTHORITY,
    BASES_ONLY_NOTICE_WIDE,
    CONSENT_PROMISED,
)
