"""Bases that contradict other law or each other (LAW018, LAW019).

A direct marketing purpose sent by email or text message on legitimate
interests meets the UK GDPR but not PECR reg 22, which asks for prior
consent (with a narrow soft opt-in); and a notice that puts one kind of
processing (usage analytics) on consent in one place and on another basis in
another tells people two things. The facts are rows of
``checks/knowledge/lawful-bases.yaml``.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterator
from typing import Any

from checks import facts
from checks.lawful_basis import AREA, KNOWLEDGE_FILE, ground_of
from linter.context import Context
from linter.findings import Finding, Rule, Severity
from linter.model import Purpose

_K: dict[str, Any] = facts.load(KNOWLEDGE_FILE)
_PECR: dict[str, Any] = _K["direct_marketing_electronic"]


def _grounds(purpose: Purpose) -> list[Any]:
    return [ground for basis in purpose.lawful_bases if (ground := ground_of(basis)) is not None]


def _consent(purpose: Purpose) -> bool:
    return any(ground.consent for ground in _grounds(purpose))


# --- LAW018 ------------------------------------------------------------------------------------


def _marketing_without_consent(ctx: Context) -> Iterator[Finding]:
    channels = set(_PECR["channels"])
    for purpose in ctx.policy.purposes:
        electronic = [channel for channel in purpose.direct_marketing if channel in channels]
        interests = [ground for ground in _grounds(purpose) if ground.legitimate_interests]
        if electronic and interests and not _consent(purpose):
            yield ctx.finding(
                MARKETING_WITHOUT_CONSENT,
                purpose,
                "direct_marketing",
                f"purpose '{purpose.id}' is direct marketing by {' and '.join(electronic)} on Art "
                f"{interests[0].article} ({interests[0].name}): marketing by electronic mail needs the person's "
                "prior consent, unless they are the sender's customer and were offered a simple way to refuse",
                citation=facts.cite(_PECR),
            )


# --- LAW019 ------------------------------------------------------------------------------------


@functools.cache
def _analytics_words() -> tuple[re.Pattern[str], ...]:
    return tuple(re.compile(str(text), re.IGNORECASE) for text in _K["analytics_words"])


def _analytics(purpose: Purpose) -> bool:
    words = " ".join([purpose.name, purpose.description, *(purpose.trace.quotes if purpose.trace else [])])
    return any(pattern.search(words) for pattern in _analytics_words())


def _analytics_two_ways(ctx: Context) -> Iterator[Finding]:
    analytics = [purpose for purpose in ctx.policy.purposes if _analytics(purpose) and not purpose.anonymised]
    on_consent = [purpose for purpose in analytics if _consent(purpose)]
    if not on_consent:
        return
    for purpose in analytics:
        if purpose in on_consent:
            continue
        basis = ", ".join(f"Art {g.article}" for g in _grounds(purpose)) or "the notice-wide bases"
        yield ctx.finding(
            ANALYTICS_TWO_WAYS,
            purpose,
            "lawful_bases",
            f"purpose '{purpose.id}' measures how people use the service on {basis}, while "
            f"{', '.join(repr(p.id) for p in on_consent)} puts such measurement on consent: the notice states the "
            "basis for analytics two ways",
            affects=on_consent,
        )


# --- rules --------------------------------------------------------------------------------------

_LI = '  - {id: interests, name: legitimate interests, article: "6(1)(f)"}\n'
_CONSENT = '  - {id: consent, name: consent, article: "6(1)(a)"}\n'

MARKETING_WITHOUT_CONSENT = Rule(
    id="LAW018",
    title="Direct marketing by email or text message on legitimate interests, without consent",
    severity=Severity.WARNING,
    area=AREA,
    rationale=(
        "Sending direct marketing by electronic mail (email, text messages) to individuals needs their "
        "prior consent under PECR reg 22, whatever the UK GDPR basis, except the soft opt-in for the sender's "
        "own customers offered a simple way to refuse. A purpose of direct marketing by those channels on "
        "legitimate interests alone may breach PECR; whether the soft opt-in applies is for a person to "
        "judge, so this is a warning."
    ),
    citation=facts.cite(_PECR),
    remediation="Ask for consent before marketing by email or text (record the consent basis), or use another channel.",
    check=_marketing_without_consent,
    failing="purposes:\n  - {id: alumni, name: alumni newsletter, direct_marketing: [email],"
    " lawful_bases: [interests]}\nlawful_bases:\n" + _LI,
    passing="purposes:\n  - {id: alumni, name: alumni newsletter, direct_marketing: [email],"
    " lawful_bases: [consent]}\nlawful_bases:\n" + _CONSENT,
)

ANALYTICS_TWO_WAYS = Rule(
    id="LAW019",
    title="Usage analytics stated on consent in one place and on another basis in another",
    severity=Severity.WARNING,
    area=AREA,
    rationale=(
        "A notice must say which basis applies to which processing, and say it once. When one purpose "
        "measuring how people use the service rests on consent and another on public task (or on the "
        "notice-wide bases), people cannot tell whether they can refuse the analytics. Purposes are read as "
        "analytics from their words (knowledge analytics_words), so this is a warning."
    ),
    citation="UK GDPR Art 13(1)(c) and Art 5(1)(a) (transparency); PECR reg 6 for the cookies analytics may use",
    remediation="State one basis for the analytics, or say how the two measurements differ.",
    check=_analytics_two_ways,
    failing="purposes:\n  - {id: ga, name: web analytics, lawful_bases: [consent]}\n"
    "  - {id: insights, name: analytics of how you use the service}\nlawful_bases:\n" + _CONSENT,
    passing="purposes:\n  - {id: ga, name: web analytics, lawful_bases: [consent]}\n"
    "  - {id: insights, name: analytics of how you use the service, lawful_bases: [consent]}\nlawful_bases:\n"
    + _CONSENT,
)

RULES = (MARKETING_WITHOUT_CONSENT, ANALYTICS_TWO_WAYS)
