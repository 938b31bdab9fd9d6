"""Consent by conduct (CNS): "by using this site you agree" is not consent.

Consent must be a statement or a clear affirmative action (UK GDPR Art
4(11)); silence, pre-ticked boxes and inactivity are not consent (Recital
32), and consent bundled into terms is neither distinguishable (Art 7(2))
nor free (Art 7(4)). The policy records how consent is obtained as
``consent_by`` on lawful bases and purposes; what each means amounts to is
``checks/knowledge/consent.yaml``, with the prose patterns that find the
same wording where the policy records it only as words (statements, trace
quotes: checks/prose.py).

Cookies are the cookie rules' (checks/cookies.py, PECR): a cookie's consent
is not reported here.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from checks import facts, prose
from checks.lawful_basis import grounds, normalise
from checks.naming import is_verified
from linter.context import Context
from linter.findings import Finding, Rule, Severity
from linter.model import Cookie, Entity, LawfulBasis, Purpose

AREA = "consent"
KNOWLEDGE_FILE = "consent"


@functools.cache
def _knowledge() -> Any:
    return facts.load(KNOWLEDGE_FILE)


def _definition() -> dict[str, Any]:
    row: dict[str, Any] = _knowledge()["definition"]
    return row


@functools.cache
def _means() -> dict[str, dict[str, Any]]:
    return {str(row["id"]): row for row in _knowledge()["means"]}


def _validity(means: str) -> str:
    """'true', 'false', 'judge' or 'unknown' for a consent means."""
    row = _means().get(means)
    return str(row["valid"]).lower() if row is not None else "unknown"


def _why(means: str) -> str:
    row = _means().get(means)
    return " ".join(str(row["why"]).split()) if row is not None else ""


@dataclass(frozen=True, slots=True)
class _Pattern:
    id: str
    means: str
    pattern: prose.Lazy
    citation: str


@functools.cache
def _patterns() -> tuple[_Pattern, ...]:
    return tuple(
        _Pattern(
            str(row["id"]),
            str(row["means"]),
            prose.Lazy(" ".join(str(row["pattern"]).split()), re.IGNORECASE),
            str(row["citation"]),
        )
        for row in _knowledge()["prose"]
    )


_QUOTES = str.maketrans({"\u2019": "'", "\u2018": "'", "\u201c": '"', "\u201d": '"'})


def _straight(text: str) -> str:
    """``text`` with straight quotes; the same string when it has no curly ones (most have
    none, and a copy of every passage of a large policy is memory the run need not take)."""
    return text.translate(_QUOTES) if any(quote in text for quote in _CURLY) else text


_CURLY = ("\u2019", "\u2018", "\u201c", "\u201d")


def _is_consent_basis(basis: LawfulBasis) -> bool:
    ground = grounds().get(normalise(basis.article)) if basis.article else None
    return ground is None or ground.consent


def _relying(ctx: Context, basis: LawfulBasis) -> list[Entity]:
    """The purposes and services that rest on ``basis``."""
    purposes = [purpose for purpose in ctx.policy.purposes if basis in purpose.lawful_bases]
    found: list[Entity] = list(purposes)
    for service in ctx.policy.services:
        if basis in ctx.policy.effective(service, "lawful_bases") or any(
            purpose in purposes for purpose in ctx.policy.effective(service, "purposes")
        ):
            found.append(service)
    return found


def _invalid_uses(ctx: Context, validity: str) -> Iterator[tuple[Entity, str, list[Entity]]]:
    """(basis or purpose, its consent means, the entities resting on it) whose means has ``validity``."""
    reported: set[str] = set()
    for basis in ctx.policy.lawful_bases:
        if basis.consent_by and _validity(basis.consent_by) == validity and _is_consent_basis(basis):
            reported.add(basis.id)
            yield basis, basis.consent_by, _relying(ctx, basis)
    for purpose in ctx.policy.purposes:
        if not purpose.consent_by or _validity(purpose.consent_by) != validity:
            continue
        if any(basis.id in reported for basis in purpose.lawful_bases):
            continue  # reported once, at the basis it rests on
        yield purpose, purpose.consent_by, []


def _words(entity: Entity) -> str:
    quotes = entity.trace.quotes if entity.trace is not None else []
    return f' ("{" ".join(quotes[-1].split())}")' if quotes else ""


def _by_conduct(ctx: Context) -> Iterator[Finding]:
    """A consent basis or purpose rests on use, acceptance of terms, silence or a pre-ticked box."""
    if not is_verified(_definition()):
        return
    for entity, means, resting in _invalid_uses(ctx, "false"):
        kind = "lawful basis" if isinstance(entity, LawfulBasis) else "purpose"
        yield ctx.finding(
            BY_CONDUCT,
            entity,
            "consent_by",
            f"{kind} '{entity.id}' takes consent {means}{_words(entity)}: {_why(means)}; the processing has no "
            "valid consent",
            detail=means,
            affects=resting,
        )


BY_CONDUCT = Rule(
    id="CNS001",
    title="Consent is taken from use, acceptance of terms, silence or a pre-ticked box",
    severity=Severity.ERROR,
    area=AREA,
    rationale=(
        "Consent is a statement or a clear affirmative action signifying agreement (Art 4(11)); silence, "
        "pre-ticked boxes and inactivity are not consent (Recital 32), and consent folded into terms is "
        "neither distinguishable (Art 7(2)) nor freely given (Art 7(4)). Where the policy records that a "
        "consent basis (or a purpose's consent) is obtained by use or visiting (by-use), by accepting terms "
        "(accept-terms), by a pre-ticked box, by not opting out, or not asked at all, the processing that "
        "rests on it has no consent: an error, reported once at the basis with the purposes and services "
        "resting on it."
    ),
    citation=facts.cite(_knowledge()["definition"]),
    remediation=(
        "Ask for consent separately, by an unticked box or a clear 'yes' the person chooses, or rest the "
        "processing on another basis that fits it (for a public body, usually public task)."
    ),
    check=_by_conduct,
    failing=(
        'lawful_bases:\n  - id: consent\n    name: consent by visiting our page\n    article: "6(1)(a)"\n'
        "    consent_by: by-use\n"
    ),
    passing=(
        'lawful_bases:\n  - id: consent\n    name: consent given on the sign-up form\n    article: "6(1)(a)"\n'
        "    consent_by: opt-in\n"
    ),
)


def _structured(entity: Entity) -> bool:
    """The entity records its consent means, so the structured rules read it, not its words."""
    if isinstance(entity, Cookie):
        return bool(entity.consent)
    if isinstance(entity, LawfulBasis | Purpose):
        return bool(entity.consent_by)
    return False


def _stated_by_conduct(ctx: Context) -> Iterator[Finding]:
    """Consent by conduct that a person must weigh: 'implied' consent, or words that take agreement from use."""
    if not is_verified(_definition()):
        return
    for entity, means, resting in _invalid_uses(ctx, "judge"):
        yield ctx.finding(
            STATED_BY_CONDUCT,
            entity,
            "consent_by",
            f"'{entity.id}' takes consent {means}{_words(entity)}: {_why(means)}",
            detail=means,
            affects=resting,
        )
    seen: set[str] = set()
    passages = [passage for passage in prose.passages(ctx) if not _structured(passage.entity)]
    texts = [_straight(passage.text) for passage in passages]
    rows = _patterns()
    for index, possible in prose.candidates(texts, [row.pattern for row in rows]):
        passage, text = passages[index], texts[index]
        entity = passage.entity
        if entity.ref in seen:
            continue
        hit = next(((rows[number], match) for number in possible if (match := rows[number].pattern.search(text))), None)
        if hit is None:
            continue
        row, match = hit
        seen.add(entity.ref)
        yield ctx.finding(
            STATED_BY_CONDUCT,
            entity,
            passage.field,
            f'the notice takes agreement from conduct ("{match.group(0)}"): {_why(row.means)}',
            detail=row.id,
            position=passage.position,
            citation=f"{facts.cite(_definition())}; {row.citation}",
        )


STATED_BY_CONDUCT = Rule(
    id="CNS002",
    title="The notice treats conduct as agreement",
    severity=Severity.WARNING,
    area=AREA,
    rationale=(
        "Words such as 'by using this site you agree' or 'you will be asked to confirm that you have read and "
        "accepted the terms of this privacy statement' treat conduct or acceptance of a notice as agreement. "
        "A notice informs; it is not a contract or a consent (Art 4(11), Art 7(2) and 7(4), Recital 32). "
        "Where the policy does not record that any processing rests on such consent (the words are in a "
        "statement), or records consent as 'implied' (conduct can be consent only where it clearly "
        "indicates acceptance in its context), a person must weigh what the words do: a warning. A consent "
        "basis recorded as taken by use is CNS001; cookies are CKE001."
    ),
    citation=facts.cite(_knowledge()["definition"]),
    remediation=(
        "Remove the wording; where consent is the basis, ask for it separately and record how "
        "(consent_by: opt-in). Acknowledging that a notice was read is not consent."
    ),
    check=_stated_by_conduct,
    failing=(
        "statements:\n  - id: terms\n    name: acceptance of this notice\n    topic: consent\n"
        "    text: By using this website you agree to this privacy notice.\n"
    ),
    passing=(
        "statements:\n  - id: terms\n    name: consent\n    topic: consent\n"
        "    text: We ask for your consent separately, and you can withdraw it at any time.\n"
    ),
)


RULES = (BY_CONDUCT, STATED_BY_CONDUCT)
