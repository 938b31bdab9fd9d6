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
from linter.model import Entity, LawfulBasis, Purpose, Service

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
    #: the obligation must be laid down by law (Art 6(3)): 6(1)(c)
    obligation_in_law: bool = False


@dataclass(frozen=True, slots=True)
class Schedule1Condition:
    """One DPA 2018 Schedule 1 paragraph."""

    paragraph: int
    part: str
    name: str
    apd: str
    criminal_data: bool
    citation: str
    #: the Part of Schedule 1 whose conditions this paragraph extends to criminal offence data (para 36: "2")
    extends_part: str = ""
    #: other names of the paragraph (an old heading), matched like ``name``
    aliases: tuple[str, ...] = ()
    citations: tuple[DatedCitation, ...] = ()

    def cite_on(self, day: dt.date) -> str:
        """The paragraph's citation as it stood on ``day``."""
        return citation_on(self.citations, day, self.citation)


_PREFIX = re.compile(r"^\s*(article|art\.?)\s*", re.IGNORECASE)
# (?<!\s) and (?<!\d): a match starts where a run starts (as the leftmost one does
# anyway), so that a long run of spaces or digits is scanned once, not once per character
_SUFFIX = re.compile(r"(?<!\s)\s*(of\s+the\s+)?(uk\s+)?gdpr\s*$", re.IGNORECASE)


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
            obligation_in_law=bool(row.get("obligation_in_law", False)),
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
            extends_part=str(row.get("extends_part", "")),
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
_RANGE = re.compile(r"(?<!\d)(\d+)\s*(?:-|\u2013|\bto\b)\s*(\d+)", re.IGNORECASE)


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


def controller_duties(service: Service) -> bool:
    """Whether the controller's Art 13/14 duties apply to the service as the notice gives it.

    Not for a service the body runs as a processor for other controllers (their
    notices give the lawful basis, retention and sources), nor for one whose
    details the notice sends people to another notice for (checked there).
    """
    return not service.as_processor and not service.refers_to


def _needs_art6(purpose: Purpose) -> bool:
    """A purpose that must show its own Art 6 basis and does not."""
    if purpose.refers_to or (purpose.anonymised and not purpose.consent):
        return False  # referred to another notice; anonymised information is not personal data
    return not _has_family(purpose.lawful_bases, "lawful_basis")


@dataclass(slots=True)
class _Art6:
    """Where Article 6 bases are missing, computed once per run (one finding per cause)."""

    #: controller services with no Art 6 basis at all, with their purposes that have none
    services: dict[str, tuple[Service, list[Purpose]]]
    #: purposes with no basis whose services give none for them (LAW001), by the list that holds them
    errors: dict[str, tuple[Entity | None, list[Purpose]]]
    #: purposes with no basis whose services state a basis only for another purpose (LAW015)
    warnings: dict[str, tuple[Entity | None, list[Purpose]]]
    #: no Art 6 basis is stated anywhere in the policy
    none_anywhere: bool


def _art6(ctx: Context) -> _Art6:
    found: _Art6 | None = ctx.memo.get("lawful_basis.art6")
    if found is None:
        found = _find_art6_gaps(ctx)
        ctx.memo["lawful_basis.art6"] = found
    return found


def processing_without_art6(ctx: Context) -> bool:
    """Some of the processing the policy describes has no Art 6 basis recorded (LAW001, LAW002,
    LAW015 report it): what the controller relies on is then not fully known, so no rule may
    conclude from the recorded bases alone that a right does not apply."""
    gaps = _art6(ctx)
    return bool(gaps.services or gaps.errors or gaps.warnings)


def _non_consent_grounds(purpose: Purpose) -> set[str]:
    """The Art 6 grounds other than consent that a purpose states (their articles)."""
    return {
        ground.article
        for basis in purpose.lawful_bases
        if (ground := ground_of(basis)) is not None
        and ground.family == families()["lawful_basis"]
        and not ground.consent
    }


def _other_non_consent(ctx: Context, service: Service) -> bool:
    """The service states one basis other than consent for most of its purposes, so a reader may take
    it for the service's basis. Consent covers only the purposes it was given for (Art 6(1)(a)), a
    basis stated for a few of many purposes cannot be read as the basis of the rest, and where the
    purposes carry different bases a reader cannot tell which of them the others rest on."""
    purposes = [p for p in ctx.policy.effective(service, "purposes") if not p.refers_to and not p.anonymised]
    stated = [grounds for purpose in purposes if (grounds := _non_consent_grounds(purpose))]
    needing = sum(1 for purpose in purposes if _needs_art6(purpose))
    return bool(stated) and len(stated) >= needing and len(set().union(*stated)) == 1


def _find_art6_gaps(ctx: Context) -> _Art6:
    policy = ctx.policy
    notice = policy.notice
    users: dict[str, list[Service]] = {}
    for service in policy.services:
        for purpose in policy.effective(service, "purposes"):
            users.setdefault(purpose.id, []).append(service)
    missing = [purpose for purpose in policy.purposes if _needs_art6(purpose)]
    services: dict[str, tuple[Service, list[Purpose]]] = {}
    for service in policy.services:
        if controller_duties(service) and not _has_family(service_bases(ctx, service), "lawful_basis"):
            services[service.id] = (service, [p for p in policy.effective(service, "purposes") if p in missing])
    errors: dict[str, tuple[Entity | None, list[Purpose]]] = {}
    warnings: dict[str, tuple[Entity | None, list[Purpose]]] = {}
    wide_purposes = notice.notice_wide.purposes if notice is not None else []
    for purpose in missing if not _notice_wide_art6(ctx) else []:
        using = users.get(purpose.id, [])
        controllers = [service for service in using if controller_duties(service)]
        if using and not controllers:
            continue  # run for others or referred elsewhere: CTL003 says what applies instead
        if any(service.id in services for service in controllers):
            continue  # the service gives no basis at all: LAW002 reports it once, with this purpose
        own = [_has_family(policy.effective(service, "lawful_bases"), "lawful_basis") for service in controllers]
        if controllers and all(own):
            continue  # bases stated per service satisfy Art 13(1)(c)
        holder: Entity | None = notice if purpose in wide_purposes else (controllers[0] if controllers else None)
        key = holder.ref if holder is not None else purpose.ref
        if controllers and all(o or _other_non_consent(ctx, s) for o, s in zip(own, controllers, strict=True)):
            warnings.setdefault(key, (holder, []))[1].append(purpose)
        else:
            errors.setdefault(key, (holder, []))[1].append(purpose)
    anywhere = any(_has_family([basis], "lawful_basis") for basis in policy.lawful_bases)
    return _Art6(services, errors, warnings, none_anywhere=not anywhere)


def _group_findings(
    ctx: Context, rule: Rule, groups: dict[str, tuple[Entity | None, list[Purpose]]], why: str
) -> Iterator[Finding]:
    """One finding per list of purposes that share the cause: at the purpose when it is alone,
    else at the service or notice whose list holds them, affecting each."""
    for holder, purposes in groups.values():
        if len(purposes) == 1 or holder is None:
            for purpose in purposes:
                yield ctx.finding(rule, purpose, "lawful_bases", f"purpose '{purpose.id}': {why}")
            continue
        where = "the notice-wide purposes" if holder.KIND == "notice" else f"service '{holder.id}'"
        yield ctx.finding(
            rule,
            holder,
            "notice_wide" if holder.KIND == "notice" else "purposes",
            f"{len(purposes)} purposes of {where} ({_ids(purposes)}): {why}",
            affects=purposes,
        )


def _purpose_without_art6(ctx: Context) -> Iterator[Finding]:
    gaps = _art6(ctx)
    if gaps.none_anywhere and len(gaps.services) + len(gaps.errors) > 1 and ctx.policy.notice is not None:
        return  # LAW002 reports the one cause at the notice
    for holder, purposes in gaps.errors.values():
        promised = [purpose for purpose in purposes if purpose.consent]
        why = "no Article 6 lawful basis is stated"
        if promised:
            why += f"; {_ids(promised)} promise to ask for consent, but list no Art {consent_basis()} consent basis"
        yield from _group_findings(ctx, PURPOSE_WITHOUT_ART6, {"": (holder, purposes)}, why)


def _basis_for_another_purpose(ctx: Context) -> Iterator[Finding]:
    why = (
        "no Article 6 lawful basis is stated for it; its service states one only for another of its purposes, "
        "which a reader must guess applies here too"
    )
    return _group_findings(ctx, BASIS_FOR_ANOTHER_PURPOSE, _art6(ctx).warnings, why)


def _notice_wide_art6(ctx: Context) -> list[LawfulBasis]:
    notice = ctx.policy.notice
    bases = notice.notice_wide.lawful_bases if notice is not None else []
    return [basis for basis in bases if _has_family([basis], "lawful_basis")]


def _bases_only_notice_wide(ctx: Context) -> Iterator[Finding]:
    notice = ctx.policy.notice
    wide = _notice_wide_art6(ctx)
    if notice is None or len(wide) < 2:
        return  # one basis stated for all processing says which basis applies to each purpose
    unlinked = [
        purpose
        for purpose in ctx.policy.purposes
        if not (purpose.anonymised and not purpose.consent)
        and not purpose.refers_to
        and not _has_family(purpose.lawful_bases, "lawful_basis")
    ]
    if unlinked:
        yield ctx.finding(
            BASES_ONLY_NOTICE_WIDE,
            notice,
            "notice_wide",
            f"the notice states its Article 6 bases ({_ids(wide)}) once for all processing; "
            f"{len(unlinked)} of {len(ctx.policy.purposes)} purposes do not say which basis applies to them",
            affects=unlinked,
        )


def _service_without_art6(ctx: Context) -> Iterator[Finding]:
    gaps = _art6(ctx)
    notice = ctx.policy.notice
    if gaps.none_anywhere and len(gaps.services) + len(gaps.errors) > 1 and notice is not None:
        services = [service for service, _ in gaps.services.values()]
        purposes = [p for _, ps in gaps.services.values() for p in ps] + [
            p for _, ps in gaps.errors.values() for p in ps
        ]
        yield ctx.finding(
            SERVICE_WITHOUT_ART6,
            notice,
            "notice_wide",
            f"the notice states no Article 6 lawful basis for any of its processing: {len(services)} services "
            f"and {len(dict.fromkeys(purposes))} purposes have none",
            affects=[*services, *dict.fromkeys(purposes)],
        )
        return
    for service, purposes in gaps.services.values():
        tail = f" ({len(purposes)} of its purposes have none: {_ids(purposes)})" if purposes else ""
        yield ctx.finding(
            SERVICE_WITHOUT_ART6,
            service,
            "lawful_bases",
            f"service '{service.id}': no Article 6 lawful basis is stated, neither its own, notice-wide "
            f"nor through its purposes{tail}",
            affects=purposes,
        )


def _unknown_ground(ctx: Context) -> Iterator[Finding]:
    for basis in ctx.policy.lawful_bases:
        if not basis.article.strip():
            continue  # the notice names only legislation: it gives no ground, which LAW001/LAW002 judge
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
                "cannot rely on in the performance of its tasks; use the public task basis, or, for processing "
                "genuinely outside those tasks, record why in a waiver",
                citation=_cite("legitimate_interests_public_authority", ctx.as_of),
                affects=[purpose for purpose in ctx.policy.purposes if basis in purpose.lawful_bases],
            )


def _processor_contract_as_basis(ctx: Context) -> Iterator[Finding]:
    for service in ctx.policy.services:
        if not service.as_processor:
            continue
        given = [basis for basis in service_bases(ctx, service) if ground_of(basis) is None]
        if not given:
            continue
        words = ", ".join(f"'{_words(basis)}'" for basis in given)
        for_whom = ", ".join(service.on_behalf_of) or "the controllers it acts for"
        yield ctx.finding(
            PROCESSOR_CONTRACT_AS_BASIS,
            service,
            "lawful_bases",
            f"service '{service.id}' is run as a processor for {for_whom}, and the notice gives {words} as its "
            "legal permission: the contract or other legal act a processor works under is not a lawful basis; "
            f"the lawful basis and any Art 9 condition are those of {for_whom}, whose notices give them: say so "
            "and point to those notices",
            affects=[p for p in ctx.policy.effective(service, "purposes") if any(b in given for b in p.lawful_bases)],
        )


def _words(basis: LawfulBasis) -> str:
    """A basis as the notice words it: its legislation, else its name."""
    return "; ".join(law.words for law in basis.legislation if law.words) or basis.name


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
            "withdraw it; a warning, not a LAW010 error, because the knowledge it rests on is not verified "
            f"(policy-lint knowledge lawful-bases): {', '.join(doubts)}",
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
    relying: dict[str, list[Purpose]] = {}
    for purpose in ctx.policy.purposes:
        for basis in purpose.lawful_bases:
            relying.setdefault(basis.id, []).append(purpose)
    reported: set[str] = set()
    for entity, field in _consent_uses(ctx):
        if entity.id in reported and isinstance(entity, Purpose):
            continue  # its consent basis is the cause, reported once with it
        purposes = relying.get(entity.id, []) if isinstance(entity, LawfulBasis) else []
        reported.update(purpose.id for purpose in purposes)
        also = f" for {_ids(purposes)}" if purposes else ""
        yield ctx.finding(
            CONSENT_BY_PUBLIC_AUTHORITY,
            entity,
            field,
            f"{entity.ref} relies on consent given to a public authority{also}: consent is valid only if people "
            "have a genuine choice and can refuse without detriment",
            citation=_cite("consent_public_authority"),
            affects=purposes,
        )


# --- examples ---------------------------------------------------------------

_CONTROLLER = "controller:\n  id: council\n  name: Council\n  public_authority: true\n"


def example_basis(basis_id: str, article: str, *lines: str) -> str:
    body = "".join(f"    {line}\n" for line in lines)
    return f'  - id: {basis_id}\n    name: {basis_id}\n    article: "{article}"\n{body}'


def example_service(*lines: str) -> str:
    body = "".join(f"    {line}\n" for line in lines)
    return f"services:\n  - id: child-protection\n    name: Child protection\n{body}"


EXAMPLE_PUBLIC_TASK = example_basis("public-task", "6(1)(e)")
EXAMPLE_HEALTH = example_basis(
    "health-care", "9(2)(h)", "schedule1_condition: Part 1 paragraph 2 (health or social care)"
)
_CONSENT_USED = (
    "purposes:\n  - id: research\n    name: research\n    consent: true\n    lawful_bases: [consent]\n"
    "lawful_bases:\n" + example_basis("consent", "6(1)(a)")
)


# --- rules ------------------------------------------------------------------

PURPOSE_WITHOUT_ART6 = Rule(
    id="LAW001",
    title="Purpose with no Article 6 lawful basis stated",
    severity=Severity.ERROR,
    area=AREA,
    rationale=(
        "Processing is lawful only if an Article 6 basis applies, and a notice must give the purposes "
        "together with the legal basis for the processing. A purpose with no basis, used by no service that "
        "states one, is processing the controller cannot show to be lawful. Bases stated per service satisfy "
        "the duty for the purposes of that service, so a purpose whose every service states its own basis is "
        "not reported; one whose service states a basis only for another purpose is LAW015's warning, one "
        "whose service has no basis at all is reported once with the service (LAW002). Purposes of one list "
        "that share the gap are one finding, at the service or notice that lists them."
    ),
    citation="UK GDPR Art 6(1) and Art 13(1)(c) / 14(1)(c); ICO 'Right to be informed' checklist",
    remediation="List the Article 6 basis (or bases) for this purpose in its lawful_bases.",
    check=_purpose_without_art6,
    failing="purposes:\n  - id: safeguard-children\n    name: safeguard children\n",
    passing="purposes:\n  - id: safeguard-children\n    name: safeguard children\n    lawful_bases: [public-task]\n"
    "lawful_bases:\n" + EXAMPLE_PUBLIC_TASK,
)

SERVICE_WITHOUT_ART6 = Rule(
    id="LAW002",
    title="Service with no Article 6 lawful basis stated",
    severity=Severity.ERROR,
    area=AREA,
    rationale=(
        "Each service processes personal data and so needs an Article 6 basis, stated on the service, "
        "notice-wide, or through the purposes it serves. A service with none has no shown legal ground; the "
        "finding lists its purposes that have none either (one cause, one finding). Where the notice states "
        "no Article 6 basis anywhere and several services lack one, it is one finding at the notice. A "
        "service run as a processor for others, or whose details the notice refers to another notice for, "
        "is not reported (CTL003 says what applies instead)."
    ),
    citation="UK GDPR Art 6(1) and Art 13(1)(c) / 14(1)(c)",
    remediation=(
        "Give the service lawful_bases, rely on the notice-wide bases (relies_on_notice_wide: "
        "[lawful_bases]) or link purposes that carry a basis."
    ),
    check=_service_without_art6,
    failing=example_service(),
    passing=example_service("lawful_bases: [public-task]") + "lawful_bases:\n" + EXAMPLE_PUBLIC_TASK,
)

BASIS_FOR_ANOTHER_PURPOSE = Rule(
    id="LAW015",
    title="Purpose with no basis of its own, whose service states a basis only for another purpose",
    severity=Severity.WARNING,
    area=AREA,
    rationale=(
        "A notice must say which legal basis applies to the processing. When most of a service's purposes "
        "carry one basis (other than consent) and a few have none, readers may take the stated basis for the "
        "whole service, or may not: a person must judge whether they are misled, so this is a warning. "
        "Consent stated for one purpose never counts for another, since consent is given for specific "
        "purposes (Art 6(1)(a)); a basis stated for a few of many purposes cannot be read as the basis "
        "of the rest; and where the purposes carry different bases, nothing says which of them the others "
        "rest on: those purposes are LAW001's error."
    ),
    citation="UK GDPR Art 13(1)(c) / 14(1)(c) and Art 5(1)(a) (transparency); Art 6(1)(a)",
    remediation="Give the purpose its own lawful_bases, or state the basis once for the whole service.",
    check=_basis_for_another_purpose,
    failing=example_service("purposes: [give-access, create-specification]")
    + "purposes:\n  - id: give-access\n    name: give access\n"
    "  - id: create-specification\n    name: create a specification\n    lawful_bases: [public-task]\n"
    "lawful_bases:\n" + EXAMPLE_PUBLIC_TASK,
    passing=example_service("purposes: [give-access, create-specification]")
    + "purposes:\n  - id: give-access\n    name: give access\n    lawful_bases: [public-task]\n"
    "  - id: create-specification\n    name: create a specification\n    lawful_bases: [public-task]\n"
    "lawful_bases:\n" + EXAMPLE_PUBLIC_TASK,
)

PROCESSOR_CONTRACT_AS_BASIS = Rule(
    id="LAW014",
    title="A service run as a processor gives its processing contract as its legal permission",
    severity=Severity.WARNING,
    area=AREA,
    rationale=(
        "A body that runs a service as a processor for other controllers works under a contract or other "
        "legal act binding it to them (Art 28(3)); the lawful basis for the processing, and any Art 9 "
        "condition, are the controllers' own. The Art 13/14 duties are theirs too, so the processor's notice "
        "need not state a basis; but one that presents its contract or deed as the 'legal permission' to "
        "process people's data tells them something untrue about why the processing is lawful. A warning: "
        "the processing may well be lawful, under bases the notice does not give."
    ),
    citation="UK GDPR Art 28(3), Art 6(1), Art 9(2) and Art 5(1)(a) (transparency)",
    remediation=(
        "Say that the body acts as a processor for the named controllers, that the lawful basis is theirs, "
        "and where their notices are; do not present the processing contract as a lawful basis."
    ),
    check=_processor_contract_as_basis,
    failing="services:\n  - id: storage\n    name: storage\n    acting_as: processor\n"
    "    on_behalf_of: [GP practices]\n    lawful_bases: [deed]\n"
    "lawful_bases:\n  - id: deed\n    name: the processing deed\n    legislation: [National Data Processing Deed]\n",
    passing="services:\n  - id: storage\n    name: storage\n    acting_as: processor\n"
    "    on_behalf_of: [GP practices]\n",
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
        "the gap is in what people are told, not necessarily in the lawfulness of the processing. A notice "
        "that states one basis for all its processing does say which basis applies to each purpose, so it "
        "is not reported."
    ),
    citation="UK GDPR Art 13(1)(c) and 14(1)(c); ICO guidance 'The right to be informed: what privacy information "
    "should we provide?' (checklist)",
    remediation="Give each purpose the lawful_bases that apply to it.",
    check=_bases_only_notice_wide,
    failing="notice:\n  id: n\n  name: N\n  notice_wide:\n    lawful_bases: [public-task, legal-obligation]\n"
    "purposes:\n  - id: safeguard-children\n    name: safeguard children\n"
    "lawful_bases:\n" + EXAMPLE_PUBLIC_TASK + example_basis("legal-obligation", "6(1)(c)"),
    passing="notice:\n  id: n\n  name: N\n  notice_wide:\n    lawful_bases: [public-task, legal-obligation]\n"
    "purposes:\n  - id: safeguard-children\n    name: safeguard children\n    lawful_bases: [public-task]\n"
    "lawful_bases:\n" + EXAMPLE_PUBLIC_TASK + example_basis("legal-obligation", "6(1)(c)"),
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
        "interests (Art 6(1)(ea)) only from its commencement date ('policy-lint values article' lists each ground "
        "with its date)."
    ),
    citation=(
        "UK GDPR Art 6(1), Art 9(2), Art 10; Art 6(1)(ea) inserted by Data (Use and Access) Act 2025 s.70, "
        "in force 5 February 2026 (SI 2026/82 reg 2(c)); see 'policy-lint knowledge lawful-bases'"
    ),
    remediation=(
        "Correct article to one of the grounds in force on the date ('policy-lint values article' lists them); for "
        "processing before a ground existed, record the basis then in force."
    ),
    check=_unknown_ground,
    failing="lawful_bases:\n" + example_basis("public-task", "6(1)(g)"),
    passing="lawful_bases:\n" + EXAMPLE_PUBLIC_TASK,
    time_dependent=True,
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
    failing="lawful_bases:\n" + example_basis("health-care", "9(2)(h)"),
    passing="lawful_bases:\n" + EXAMPLE_HEALTH,
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
        "warning because the policy not recording the document does not prove the controller has none."
    ),
    citation="DPA 2018 Sch 1 paras 1(1)(b), 5(1), 38-40",
    remediation="Write the appropriate policy document and record where it is in appropriate_policy_document.",
    check=_no_policy_document,
    failing="lawful_bases:\n"
    + example_basis("substantial-public-interest", "9(2)(g)", "schedule1_condition: Part 2 para 18 (safeguarding)"),
    passing="lawful_bases:\n"
    + example_basis(
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
    failing="lawful_bases:\n"
    + example_basis("health-care", "9(2)(h)", "schedule1_condition: the health bit of the Act"),
    passing="lawful_bases:\n" + EXAMPLE_HEALTH,
)

LEGITIMATE_INTERESTS_BY_PUBLIC_AUTHORITY = Rule(
    id="LAW009",
    title="Public authority relies on legitimate interests",
    severity=Severity.ERROR,
    area=AREA,
    rationale=(
        "Legitimate interests (Art 6(1)(f)) and, from 2026-02-05, recognised legitimate interests (Art "
        "6(1)(ea)) do not apply to processing carried out by public authorities in the performance of their "
        "tasks. The processing a public body's notice describes is the work of its services, that is the "
        "performance of its tasks, so a basis of legitimate interests there is an error. Where some "
        "processing is genuinely outside those tasks (some of the body's own administration), record why "
        "in a waiver. Whether the controller is a public authority is its recorded public_authority, else "
        "what its kind's verified row says (DPA 2018 s.7)."
    ),
    citation=_cite("legitimate_interests_public_authority"),
    citations=facts.history(_knowledge()["legitimate_interests_public_authority"]),
    time_dependent=True,
    remediation=(
        "Use public task (Art 6(1)(e)) for processing that is part of the authority's functions; keep "
        "legitimate interests only for processing outside them, and record why in a waiver."
    ),
    check=_legitimate_interests_by_public_authority,
    failing=_CONTROLLER + "lawful_bases:\n" + example_basis("our-interests", "6(1)(f)"),
    passing=_CONTROLLER + "lawful_bases:\n" + EXAMPLE_PUBLIC_TASK,
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
        "Consent must be freely given; where there is an imbalance of power, as between a public body and the "
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
    "lawful_bases:\n" + EXAMPLE_PUBLIC_TASK,
)

RULES = (
    PURPOSE_WITHOUT_ART6,
    SERVICE_WITHOUT_ART6,
    PROCESSOR_CONTRACT_AS_BASIS,
    BASIS_FOR_ANOTHER_PURPOSE,
    UNKNOWN_GROUND,
    ART9_WITHOUT_SCHEDULE1,
    NO_POLICY_DOCUMENT,
    SCHEDULE1_UNRECOGNISED,
    LEGITIMATE_INTERESTS_BY_PUBLIC_AUTHORITY,
    CONSENT_WITHOUT_WITHDRAWAL,
    CONSENT_BY_PUBLIC_AUTHORITY,
    BASES_ONLY_NOTICE_WIDE,
    CONSENT_PROMISED,
)
