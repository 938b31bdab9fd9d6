"""Cookies and online identifiers (CKE): PECR reg 6 and UK GDPR Art 4(1).

A cookie or similar technology that is not strictly necessary needs consent
(PECR reg 6; from 2026-02-05 reg 6 as substituted by the Data (Use and
Access) Act 2025 s.112 and Schedule A1). Two new exceptions of Schedule A1
let analytics (statistical purposes, para 5) and functional cookies
(appearance or functionality, para 6) be set without consent where people
are told clearly and given a simple, free means of objecting: the policy
records that shape as consent ``opt-out``, and from that date such a cookie
is not reported. Cookies another platform sets on its own site
(``on_other_platform``, a social network hosting the body's page) are that
platform's to ask for, and are not reported against the body.

Online identifiers (IP addresses, cookie and device identifiers) are
personal data where they relate to someone identifiable (Art 4(1), Recital
30). A notice that calls them anonymous, or says no personal data is
collected, while the policy records them misdescribes what it collects.

Facts and citations: ``checks/knowledge/cookies.yaml``.
"""

from __future__ import annotations

import datetime as dt
import functools
import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from checks import facts
from checks.naming import is_verified
from linter.context import Context
from linter.findings import Finding, Rule, Severity
from linter.model import Cookie, Entity, Purpose, Statement

AREA = "cookies and online identifiers"
KNOWLEDGE_FILE = "cookies"


@functools.cache
def _knowledge() -> Any:
    return facts.load(KNOWLEDGE_FILE)


def _pecr() -> dict[str, Any]:
    row: dict[str, Any] = _knowledge()["pecr"]
    return row


def _exempt(cookie: Cookie) -> bool:
    return cookie.category in _knowledge()["exempt_categories"]["categories"]


@dataclass(frozen=True, slots=True)
class Exception_:
    """A Schedule A1 exception that needs information and a means to object instead of consent."""

    id: str
    category: str
    start: dt.date | None
    not_shared: bool
    citation: str


@functools.cache
def _exceptions() -> dict[str, Exception_]:
    return {
        str(row["category"]): Exception_(
            str(row["id"]),
            str(row["category"]),
            facts.date(row.get("from")),
            bool(row.get("not_shared")),
            " ".join(str(row["citation"]).split()),
        )
        for row in _knowledge()["exceptions"]
    }


def exception_for(cookie: Cookie, day: dt.date) -> Exception_ | None:
    """The Schedule A1 exception a cookie's category may fall under on ``day``, if any."""
    found = _exceptions().get(cookie.category)
    if found is None or (found.start is not None and day < found.start):
        return None
    return found


def _names(cookies: list[Cookie]) -> str:
    return ", ".join(f"'{cookie.name}'" for cookie in cookies)


def _affects(cookies: list[Cookie]) -> list[Entity]:
    return list(cookies[1:])


# --- CKE001: without consent ----------------------------------------------------------


def _problem(cookie: Cookie, day: dt.date) -> str:
    """'' when the cookie's consent is not reported; else why (a grouping key)."""
    if cookie.on_other_platform or _exempt(cookie):
        return ""
    means = cookie.consent
    if not means or means in _knowledge()["unknown_consent"] or means in _knowledge()["valid_consent"]:
        return ""
    exception = exception_for(cookie, day)
    if exception is not None and means == "opt-out":
        return "shared" if exception.not_shared and cookie.third_party else ""
    return means


def _without_consent(ctx: Context) -> Iterator[Finding]:
    """Cookies that are not strictly necessary are set without consent."""
    groups: dict[str, list[Cookie]] = {}
    for cookie in ctx.policy.cookies:
        problem = _problem(cookie, ctx.as_of)
        if problem:
            groups.setdefault(problem, []).append(cookie)
    for problem, cookies in groups.items():
        first = cookies[0]
        if problem == "shared":
            exception = exception_for(first, ctx.as_of)
            message = (
                f"third-party analytics {_names(cookies)} are set unless people object: from 2026-02-05 that is "
                "allowed without consent only where the information is not shared except to help improve the "
                "service, so the provider must use it for nothing else; the notice does not say so"
            )
            citation = exception.citation if exception is not None else facts.cite(_pecr(), ctx.as_of)
        else:
            excepted = [cookie for cookie in cookies if exception_for(cookie, ctx.as_of) is not None]
            message = (
                f"{len(cookies)} cookie(s) that are not strictly necessary ({_names(cookies)}) are set with "
                f"consent '{problem}', which is not consent"
                + (
                    f"; {'they' if len(excepted) == len(cookies) else _names(excepted)} could instead rest on a "
                    "Schedule A1 exception only if people are told clearly and given a simple, free means of objecting"
                    if excepted
                    else ""
                )
            )
            citation = facts.cite(_pecr(), ctx.as_of)
        yield ctx.finding(
            WITHOUT_CONSENT,
            first,
            "consent",
            message,
            detail=problem,
            citation=citation,
            affects=_affects(cookies),
        )


WITHOUT_CONSENT = Rule(
    id="CKE001",
    title="Cookies that are not strictly necessary are set without consent",
    severity=Severity.WARNING,
    area=AREA,
    rationale=(
        "Storing or reading information on someone's device needs their consent after clear information, "
        "unless it is strictly necessary for the service they asked for (PECR reg 6). 'By using this site you "
        "agree', an opt-out or no question at all is not consent. From 2026-02-05 Schedule A1 also lets "
        "analytics (statistical purposes, para 5) and functional cookies (appearance or functionality, para "
        "6) be set without consent when people are told clearly and given a simple, free means of objecting "
        "(recorded as consent opt-out): such cookies are not reported, except third-party analytics, whose "
        "information must not be shared except to help improve the service. Cookies another platform sets on "
        "its own site are not reported. One finding per way of asking, listing the cookies. A warning: the "
        "Schedule A1 text was read in quotations, not the primary copy, and a cookie banner may do more than "
        "the notice says."
    ),
    citation=facts.cite(_knowledge()["pecr"]),
    citations=facts.history(_knowledge()["pecr"]),
    time_dependent=True,
    remediation=(
        "Ask for consent before setting the cookies (an opt-in banner with an equally easy 'reject'), or, for "
        "analytics and functional cookies from 2026-02-05, tell people clearly and give them a simple, free way "
        "to object; record consent: opt-in or opt-out accordingly."
    ),
    check=_without_consent,
    failing=(
        "cookies:\n  - id: site-analytics\n    name: analytics cookies\n    category: analytics\n    consent: by-use\n"
    ),
    passing=(
        "cookies:\n  - id: site-analytics\n    name: analytics cookies\n    category: analytics\n"
        "    consent: opt-in\n  - id: session\n    name: session cookie\n    category: strictly-necessary\n"
    ),
)


# --- CKE002: set before consent ------------------------------------------------------------


def _before_consent(ctx: Context) -> Iterator[Finding]:
    """Cookies that need consent are set before it is given."""
    cookies = [
        cookie
        for cookie in ctx.policy.cookies
        if cookie.set_before_consent
        and not cookie.on_other_platform
        and not _exempt(cookie)
        and not _problem(cookie, ctx.as_of)  # consent not valid at all: CKE001 reports it
        and not (exception_for(cookie, ctx.as_of) is not None and cookie.consent == "opt-out")
    ]
    if cookies:
        yield ctx.finding(
            BEFORE_CONSENT,
            cookies[0],
            "set_before_consent",
            f"{_names(cookies)} are set before people have given consent: consent must come before the cookie "
            "is stored or read",
            citation=facts.cite(_pecr(), ctx.as_of),
            affects=_affects(cookies),
        )


BEFORE_CONSENT = Rule(
    id="CKE002",
    title="Cookies are set before consent is given",
    severity=Severity.WARNING,
    area=AREA,
    rationale=(
        "PECR requires the consent before the storage or access: a banner that asks while the analytics or "
        "advertising cookies are already set asks too late. Strictly necessary cookies, cookies another "
        "platform sets, and (from 2026-02-05) analytics and functional cookies set under a Schedule A1 "
        "exception with a means of objecting are not reported. A warning: the policy records the timing as "
        "the notice states it."
    ),
    citation=facts.cite(_knowledge()["pecr"]),
    citations=facts.history(_knowledge()["pecr"]),
    time_dependent=True,
    remediation="Set the cookies only after the person has chosen to accept them.",
    check=_before_consent,
    failing=(
        "cookies:\n  - id: ads\n    name: advertising cookies\n    category: advertising\n    consent: opt-in\n"
        "    set_before_consent: true\n"
    ),
    passing="cookies:\n  - id: ads\n    name: advertising cookies\n    category: advertising\n    consent: opt-in\n",
)


# --- CKE003 / CKE004: online identifiers called anonymous -------------------------------------------


def _identifiers() -> dict[str, Any]:
    row: dict[str, Any] = _knowledge()["online_identifiers"]
    return row


@functools.cache
def _claim() -> re.Pattern[str]:
    return re.compile(" ".join(str(_knowledge()["anonymity_claim"]).split()), re.IGNORECASE)


@functools.cache
def _web_usage() -> re.Pattern[str]:
    return re.compile(" ".join(str(_knowledge()["web_usage"]).split()), re.IGNORECASE)


def _anonymous_cookies(ctx: Context) -> list[Cookie]:
    return [cookie for cookie in ctx.policy.cookies if cookie.described_as_anonymous and cookie.identifiers]


def _direct(cookie: Cookie) -> list[str]:
    return [kind for kind in cookie.identifiers if kind in _identifiers()["direct"]]


def _recorded_identifiers(ctx: Context) -> list[str]:
    """The online identifiers the policy records (cookie identifiers and online-identifier data)."""
    found = [kind for cookie in ctx.policy.cookies for kind in cookie.identifiers]
    found += [category.name for category in ctx.policy.data_categories if category.online_identifier]
    return list(dict.fromkeys(found))


def _claims_to_statements(ctx: Context) -> list[Statement]:
    return [
        statement
        for statement in ctx.policy.statements
        if _says(statement, _claim()) and _says(statement, _web_usage())
    ]


def _says(entity: Entity, pattern: re.Pattern[str]) -> bool:
    words = [entity.name, entity.description, getattr(entity, "text", "")]
    if entity.trace is not None:
        words.extend(entity.trace.quotes)
    return any(pattern.search(text) for text in words if text)


def _identifying_called_anonymous(ctx: Context) -> Iterator[Finding]:
    """A cookie that holds a username or account id is called anonymous."""
    if not is_verified(_identifiers()):
        return
    direct = [cookie for cookie in _anonymous_cookies(ctx) if _direct(cookie)]
    if not direct:
        return
    others = [cookie for cookie in _anonymous_cookies(ctx) if cookie not in direct]
    kinds = sorted({kind for cookie in direct for kind in _direct(cookie)})
    yield ctx.finding(
        IDENTIFYING_CALLED_ANONYMOUS,
        direct[0],
        "described_as_anonymous",
        f"the notice says its cookies collect no personal data, or are anonymous, but {_names(direct)} record "
        f"{', '.join(kinds)}, which identifies the person directly: personal data by definition",
        citation=facts.cite(_identifiers()),
        affects=[*direct[1:], *others, *_claims_to_statements(ctx)],
    )


IDENTIFYING_CALLED_ANONYMOUS = Rule(
    id="CKE003",
    title="A cookie that identifies people is called anonymous",
    severity=Severity.ERROR,
    area=AREA,
    rationale=(
        "Personal data is information about someone identifiable 'by reference to an identifier such as a "
        "name, an identification number ... an online identifier' (Art 4(1)). A cookie that remembers a "
        "username or account holds an identifier of that person; a notice that says its cookies collect no "
        "personal data, or are anonymous, misstates what it collects (Art 5(1)(a), 12(1)) and takes the "
        "rights that go with personal data out of view. The data is unambiguous: an error, once for the "
        "notice's claim, listing the other cookies and statements it covers."
    ),
    citation=facts.cite(_knowledge()["online_identifiers"]),
    remediation=(
        "Say what the cookies collect and that it is personal data (a username, a cookie identifier), and "
        "describe it in the notice's personal data sections."
    ),
    check=_identifying_called_anonymous,
    failing=(
        "cookies:\n  - id: remember-me\n    name: remember me\n    category: functional\n"
        "    identifiers: [user-id]\n    described_as_anonymous: true\n"
    ),
    passing=(
        "cookies:\n  - id: remember-me\n    name: remember me\n    category: functional\n    identifiers: [user-id]\n"
    ),
)


def _usage_claims(ctx: Context) -> list[Entity]:
    """Purposes and data categories that say a record of how people use a site or service is anonymous."""
    found: list[Entity] = [
        category
        for category in ctx.policy.data_categories
        if not category.online_identifier and _says(category, _web_usage()) and _says(category, _claim())
    ]
    covered = [purpose for category in found for purpose in _users_of(ctx, category)]
    found += [
        purpose
        for purpose in ctx.policy.purposes
        if purpose.anonymised and _says(purpose, _web_usage()) and purpose not in covered
    ]
    return found


def _users_of(ctx: Context, entity: Entity) -> list[Entity]:
    """The anonymised purposes of the services that hold ``entity`` (a data category)."""
    found: list[Entity] = []
    for service in ctx.policy.services:
        if entity in ctx.policy.effective(service, "data_categories"):
            found += [p for p in ctx.policy.effective(service, "purposes") if p.anonymised and p not in found]
    return found


def _identifiers_called_anonymous(ctx: Context) -> Iterator[Finding]:
    """Analytics or cookie data is called anonymous while online identifiers are recorded."""
    recorded = _recorded_identifiers(ctx)
    citation = facts.cite(_identifiers())
    cookies = _anonymous_cookies(ctx)
    cookie_claim = bool(cookies) and not any(_direct(cookie) for cookie in cookies)
    if cookie_claim:
        kinds = sorted({kind for cookie in cookies for kind in cookie.identifiers})
        yield ctx.finding(
            IDENTIFIERS_CALLED_ANONYMOUS,
            cookies[0],
            "described_as_anonymous",
            f"the notice calls what its cookies collect anonymous, or not personal data, but {_names(cookies)} "
            f"record {', '.join(kinds)}: online identifiers, personal data where they single a person out",
            citation=citation,
            affects=[*cookies[1:], *_claims_to_statements(ctx)],
        )
    if recorded and not cookies:
        for statement in _claims_to_statements(ctx):
            yield ctx.finding(
                IDENTIFIERS_CALLED_ANONYMOUS,
                statement,
                "text",
                f"statement '{statement.id}' calls web or cookie data anonymous, or not personal data, while the "
                f"policy records online identifiers ({', '.join(recorded)}), which are personal data where they "
                "single a person out",
                citation=citation,
            )
    for claim in _usage_claims(ctx):
        what = f"{'purpose' if isinstance(claim, Purpose) else 'data category'} '{claim.id}'"
        if recorded:
            message = (
                f"{what} says the record of how people use the service is anonymous, while the policy records "
                f"online identifiers ({', '.join(recorded)}), which are personal data where they single a person out"
            )
        elif not ctx.policy.cookies:
            message = (
                f"{what} says the record of how people use the service holds no personal data, but the notice "
                "does not say how that record is made; recording pages visited and clicks usually relies on "
                "cookies or IP addresses, online identifiers that are personal data where they single a person out"
            )
        else:
            continue
        yield ctx.finding(
            IDENTIFIERS_CALLED_ANONYMOUS,
            claim,
            "anonymised" if isinstance(claim, Purpose) else "description",
            message,
            citation=citation,
            affects=[] if isinstance(claim, Purpose) else _users_of(ctx, claim),
        )


IDENTIFIERS_CALLED_ANONYMOUS = Rule(
    id="CKE004",
    title="Analytics or cookie data is called anonymous while online identifiers are recorded",
    severity=Severity.WARNING,
    area=AREA,
    rationale=(
        "IP addresses and cookie or device identifiers are online identifiers (Recital 30): personal data "
        "where they relate to someone who can be singled out (Art 4(1)). A notice that calls its cookies or "
        "its record of site use anonymous, or says it records no personal data, while it records such "
        "identifiers, misdescribes what it collects (Art 5(1)(a), 12(1)). Whether an identifier singles a "
        "person out depends on what else is held, so a person judges: a warning (CKE003 is the error for a "
        "cookie that holds a username). A usage record called anonymous in a notice that says nothing of "
        "how it is made (no cookies, no identifiers) is reported too: the notice should say."
    ),
    citation=facts.cite(_knowledge()["online_identifiers"]),
    remediation=(
        "Say which identifiers are collected (IP address, cookie identifiers) and treat them as personal data "
        "in the notice; call data anonymous only once it cannot be linked to a person."
    ),
    check=_identifiers_called_anonymous,
    failing=(
        "cookies:\n  - id: site-analytics\n    name: analytics\n    category: analytics\n"
        "    identifiers: [ip-address]\n    described_as_anonymous: true\n"
    ),
    passing=(
        "cookies:\n  - id: site-analytics\n    name: analytics\n    category: analytics\n"
        "    identifiers: [ip-address]\n"
    ),
)


RULES = (WITHOUT_CONSENT, BEFORE_CONSENT, IDENTIFYING_CALLED_ANONYMOUS, IDENTIFIERS_CALLED_ANONYMOUS)
