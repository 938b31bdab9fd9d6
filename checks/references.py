"""Reference rules: ids that are duplicated or point at nothing, entities that
duplicate each other under another name, and definitions nothing uses."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from checks import facts
from checks.lawful_basis import normalise as normalise_article
from checks.naming import normalise
from linter.build import DANGLING_RULE, DUPLICATE_RULE
from linter.context import Context
from linter.findings import Finding, Rule, Severity
from linter.model import Entity, LawfulBasis, Policy
from linter.schema import NOTICE_WIDE_FIELDS


def _dangling(ctx: Context) -> Iterator[Finding]:
    return ctx.problems_of(DANGLING_REFERENCE)


def _duplicate(ctx: Context) -> Iterator[Finding]:
    return ctx.problems_of(DUPLICATE_ID)


DANGLING_REFERENCE = Rule(
    id=DANGLING_RULE,
    title="Reference to an id that is not defined",
    severity=Severity.ERROR,
    area="references",
    rationale=(
        "A service that names a lawful basis, recipient or retention rule that does not "
        "exist looks covered but is not: every rule that follows the reference sees nothing."
    ),
    citation="policy-lint policy format (docs/policy-format.md)",
    remediation="Define the missing entity, or correct the id to one that exists.",
    check=_dangling,
    failing=(
        "purposes:\n  - id: deliver-service\n    name: deliver your service\n"
        "    lawful_bases: [public-taks]\n"
        "lawful_bases:\n  - id: public-task\n    name: public task\n    article: 6(1)(e)\n"
    ),
    passing=(
        "purposes:\n  - id: deliver-service\n    name: deliver your service\n"
        "    lawful_bases: [public-task]\n"
        "lawful_bases:\n  - id: public-task\n    name: public task\n    article: 6(1)(e)\n"
    ),
)

DUPLICATE_ID = Rule(
    id=DUPLICATE_RULE,
    title="Two entities of one kind share an id",
    severity=Severity.ERROR,
    area="references",
    rationale=(
        "Ids are how entities refer to each other and how findings are fingerprinted; "
        "a second entity with the same id is ignored, so what it says is lost."
    ),
    citation="policy-lint policy format (docs/policy-format.md)",
    remediation="Give the second entity its own id, or merge the two if they are the same.",
    check=_duplicate,
    failing=("sources:\n  - id: police\n    name: police\n  - id: police\n    name: probation Service\n"),
    passing=("sources:\n  - id: police\n    name: police\n  - id: probation\n    name: probation Service\n"),
)


_NAMES: dict[str, Any] = facts.load("name-aliases")
_ALIASES: list[dict[str, Any]] = _NAMES["aliases"]
_ALIAS_FORMS: list[str] = [str(form) for form in _ALIASES[0]["forms"]]

#: kinds whose entities are compared by name (controller and notice are singletons)
NAMED_KINDS = (
    "service",
    "data_category",
    "data_subject",
    "source",
    "purpose",
    "recipient",
    "processor",
    "transfer",
    "retention_rule",
    "lawful_basis",
)

#: kinds that must be referred to by something to mean anything
DEFINED_KINDS = (
    "data_category",
    "data_subject",
    "source",
    "purpose",
    "lawful_basis",
    "recipient",
    "processor",
    "retention_rule",
)


def _meaning(entity: Entity) -> str:
    """What two entities must share to be the same thing.

    A lawful basis is what it rests on: its article and the legislation it
    names, with how it is met (consent_by, the Schedule 1 condition, the
    interests): consent under Art 6(1)(a) and explicit consent under Art
    9(2)(a) are two grounds, whatever their names, and consent asked for and
    consent taken from visiting a page are two statements; two names for Art
    6(1)(e) under the same Act are one. Everything else is its name.
    """
    if isinstance(entity, LawfulBasis) and (entity.article.strip() or entity.legislation):
        laws = sorted(normalise(law.title or law.words) for law in entity.legislation)
        how = [entity.consent_by, normalise(entity.schedule1_condition), normalise(entity.interests)]
        return "|".join([normalise_article(entity.article), *laws, *how])
    return normalise(entity.name)


def _same_name(ctx: Context) -> Iterator[Finding]:
    """Two entities of one kind are not the same thing under two names."""
    for kind in NAMED_KINDS:
        first: dict[str, Entity] = {}
        for entity in ctx.policy.of(kind):
            key = _meaning(entity)
            if not key:
                continue
            if key not in first:
                first[key] = entity
                continue
            earlier = first[key]
            what = "the same article and legislation" if isinstance(entity, LawfulBasis) else "the same thing"
            yield ctx.finding(
                SAME_NAME,
                entity,
                "name",
                f"{kind.replace('_', ' ')} '{entity.name}' duplicates '{earlier.name}' ({earlier.position}): "
                f"{what} listed twice",
                detail=earlier.id,
            )


SAME_NAME = Rule(
    id="REF003",
    title="Two entities of one kind are the same thing under different names",
    severity=Severity.WARNING,
    area="references",
    rationale=(
        "A notice that lists one body or record twice, in different words, is longer and less clear "
        "than it should be, and the two entries drift apart when one is edited. Names are compared after "
        "case, punctuation and known aliases (an abbreviation and the full name are one body; the alias "
        "table is cited knowledge). Lawful bases are compared by what they rest on (article and "
        "legislation), not their names: consent (Art 6(1)(a)) and explicit consent (Art 9(2)(a)) are two. "
        "Nothing is unlawful in a repeat, so a warning."
    ),
    citation=facts.cite(_NAMES["duplicates"]) + "; alias table: " + facts.cite(_ALIASES[0]),
    remediation="Merge the two entities into one and point every reference at the survivor.",
    check=_same_name,
    failing=(
        f"sources:\n  - id: checks-a\n    name: {_ALIAS_FORMS[-1]} checks\n"
        f"  - id: checks-b\n    name: {_ALIAS_FORMS[1]} checks\n"
    ),
    passing=(
        f"sources:\n  - id: checks-a\n    name: {_ALIAS_FORMS[-1]} checks\n"
        "  - id: checks-b\n    name: vetting agencies\n"
    ),
)


def _used_entities(policy: Policy) -> set[int]:
    """Python ids of the entities that something refers to."""
    used: list[Entity] = []
    notice = policy.notice
    for name in NOTICE_WIDE_FIELDS:
        for service in policy.services:
            used.extend(getattr(service, name))
        if notice is not None:
            used.extend(getattr(notice.notice_wide, name))
    for purpose in policy.purposes:
        used.extend(purpose.lawful_bases)
    for transfer in policy.transfers:
        used.extend(transfer.data_categories)
        if transfer.importer is not None:
            used.append(transfer.importer)
    for rule in policy.retention_rules:
        used.extend(rule.data_subjects)
        used.extend(rule.data_categories)
        if rule.applies_to:
            used.append(rule)
    return {id(entity) for entity in used}


def _unused(ctx: Context) -> Iterator[Finding]:
    """Every defined entity is referred to by a service, the notice, a purpose or a transfer."""
    used = _used_entities(ctx.policy)
    for kind in DEFINED_KINDS:
        for entity in ctx.policy.of(kind):
            if id(entity) not in used:
                yield ctx.finding(
                    UNUSED,
                    entity,
                    "id",
                    f"{kind.replace('_', ' ')} '{entity.id}' is defined but no service, notice-wide list, purpose or "
                    "transfer refers to it",
                )


UNUSED = Rule(
    id="REF004",
    title="Definition is not used",
    severity=Severity.INFO,
    area="references",
    rationale=(
        "A data category, source, purpose, lawful basis, recipient, processor or retention rule that "
        "nothing refers to is checked by no rule about services: it is either dead text or a link the "
        "author forgot. Often harmless, so information for the author."
    ),
    citation="policy-lint policy format (docs/policy-format.md): references between entities",
    remediation="Refer to the entity from the services (or a notice-wide list) it belongs to, or delete it.",
    check=_unused,
    failing="data_categories:\n  - id: date-of-birth\n    name: date of birth\n",
    passing=(
        "data_categories:\n  - id: date-of-birth\n    name: date of birth\n"
        "services:\n  - id: example-service\n    name: Example service\n    data_categories: [date-of-birth]\n"
    ),
)

RULES = (DANGLING_REFERENCE, DUPLICATE_ID, SAME_NAME, UNUSED)
