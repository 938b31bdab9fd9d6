"""Automated decision rules (ADM001-ADM006): solely automated significant decisions.

A decision based solely on automated processing with legal or similarly
significant effects is allowed only with safeguards (Art 22(3) and DPA 2018
s.14 until 2026-02-04; Art 22C from 2026-02-05, when the Data (Use and
Access) Act 2025 substituted Arts 22A-22D), not on special category data
without explicit consent or Art 9(2)(g) (Art 22B(1)-(3)), and never on
recognised legitimate interests (Art 22B(4)); the notice must say that such
decisions are made, with meaningful information about their logic and
consequences (Art 13(2)(f)).

The policy records what the notice says in ``notice.automated_decision_making``
and in a service's ``automated_decision_making`` mapping. What a rule needs
is read from there, and a fact the notice leaves out is "not stated", never
"no". The dates and requirements are rows of
``checks/knowledge/notice-requirements.yaml`` (``automated_decisions``).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from checks import facts, naming
from checks.lawful_basis import grounds, normalise, service_bases
from linter.context import Context
from linter.findings import DatedCitation, Finding, Rule, Severity
from linter.model import AutomatedDecisions, Entity, Service
from linter.schema import ADM_SAFEGUARDS

AREA = "automated decisions"
_K: dict[str, Any] = facts.load("notice-requirements")["automated_decisions"]
_SAFEGUARDS: dict[str, Any] = _K["safeguards"]
_SPECIAL: dict[str, Any] = _K["special_category"]
_EA: dict[str, Any] = _K["recognised_legitimate_interests"]
_TRANSPARENCY: dict[str, Any] = _K["transparency"]


@dataclass(frozen=True, slots=True)
class _Decision:
    """What the notice says about automated decisions, where it says it."""

    entity: Entity
    field: str
    said: AutomatedDecisions
    service: Service | None

    @property
    def significant(self) -> bool:
        """The notice says decisions are solely automated and have legal or similarly significant effects."""
        return bool(self.said.used is not False and self.said.solely_automated and self.said.significant_effects)

    def where(self) -> str:
        return f"service '{self.entity.id}'" if self.service is not None else "the notice"


def _decisions(ctx: Context) -> list[_Decision]:
    found: list[_Decision] = []
    notice = ctx.policy.notice
    if notice is not None and notice.automated_decision_making is not None:
        found.append(_Decision(notice, "automated_decision_making", notice.automated_decision_making, None))
    for service in ctx.policy.services:
        if service.automated_decisions is not None:
            found.append(_Decision(service, "automated_decision_making", service.automated_decisions, service))
    return found


def _required(day: dt.date) -> list[str]:
    """The safeguards (vocabulary values) the law required on ``day``."""
    for entry in _SAFEGUARDS["required"]:
        start, end = facts.date(entry.get("from")), facts.date(entry.get("until"))
        if (start is None or start <= day) and (end is None or day <= end):
            return [str(item) for item in entry["safeguards"]]
    return []


def _from(row: dict[str, Any]) -> dt.date | None:
    return facts.date(row.get("from"))


def _articles(ctx: Context, decision: _Decision) -> list[str]:
    """The bases the decision relies on: as the notice gives them for it, else its service's."""
    if decision.said.articles:
        return [normalise(article) for article in decision.said.articles]
    if decision.service is not None:
        return [normalise(basis.article) for basis in service_bases(ctx, decision.service) if basis.article]
    return []


# --- ADM001 / ADM002: safeguards ------------------------------------------------------------------


def _no_safeguards(ctx: Context) -> Iterator[Finding]:
    if not naming.is_verified(_SAFEGUARDS):
        return
    for decision in _decisions(ctx):
        if decision.significant and not decision.said.safeguards:
            yield ctx.finding(
                NO_SAFEGUARDS,
                decision.entity,
                decision.field,
                f"{decision.where()} makes decisions solely by automated means with legal or similarly significant "
                f"effects, and no safeguard is recorded: people must be able to {_listed(_required(ctx.as_of))}",
            )


def _some_safeguards(ctx: Context) -> Iterator[Finding]:
    required = _required(ctx.as_of)
    for decision in _decisions(ctx):
        if not decision.significant or not decision.said.safeguards:
            continue
        missing = [item for item in required if item not in decision.said.safeguards]
        if missing:
            yield ctx.finding(
                SOME_SAFEGUARDS,
                decision.entity,
                decision.field,
                f"{decision.where()} makes solely automated significant decisions with some safeguards recorded, "
                f"but not: {_listed(missing)}",
            )


_WORDS = {
    "information": "be told about the decisions",
    "representations": "make representations about them",
    "human-intervention": "obtain human intervention",
    "contest": "contest them",
}


def _listed(safeguards: list[str]) -> str:
    words = [_WORDS.get(item, item) for item in safeguards]
    return ", ".join(words[:-1]) + (" and " if len(words) > 1 else "") + words[-1] if words else "(none)"


# --- ADM003: recognised legitimate interests -----------------------------------------------------


def _on_recognised_interests(ctx: Context) -> Iterator[Finding]:
    start = _from(_EA)
    if not naming.is_verified(_EA) or (start is not None and ctx.as_of < start):
        return
    article = normalise(str(_EA["article"]))
    for decision in _decisions(ctx):
        if decision.significant and article in _articles(ctx, decision):
            yield ctx.finding(
                ON_RECOGNISED_INTERESTS,
                decision.entity,
                decision.field,
                f"{decision.where()} takes solely automated significant decisions on processing that relies on Art "
                f"{_EA['article']} (recognised legitimate interests), which the law forbids: use another basis, or "
                "put meaningful human involvement in the decision",
            )


# --- ADM004: special category data ------------------------------------------------------------------


def _conditions(allowed: set[str]) -> str:
    """The Art 9 conditions that allow such a decision, named: 'explicit consent (9(2)(a)) or ...'."""
    known = grounds()
    named = [f"{known[key].name} ({known[key].article})" if key in known else key for key in sorted(allowed)]
    return " or ".join(named)


def _special_category(ctx: Context) -> Iterator[Finding]:
    start = _from(_SPECIAL)
    if not naming.is_verified(_SPECIAL) or (start is not None and ctx.as_of < start):
        return
    allowed = {normalise(str(condition)) for condition in _SPECIAL["conditions"]}
    for decision in _decisions(ctx):
        if not decision.significant or not decision.said.special_category:
            continue
        articles = _articles(ctx, decision)
        if articles and not allowed & set(articles):
            yield ctx.finding(
                SPECIAL_CATEGORY,
                decision.entity,
                decision.field,
                f"{decision.where()} takes solely automated significant decisions on special category data, on "
                f"{', '.join(articles)}: such a decision needs {_conditions(allowed)}",
            )


# --- ADM005 / ADM006: what the notice tells people -----------------------------------------------


def _unclear(ctx: Context) -> Iterator[Finding]:
    notice = ctx.policy.notice
    said = notice.automated_decision_making if notice is not None else None
    if notice is None or said is None or not said.stated or said.used is not None:
        return
    if any(service.automated_decision_making is not None for service in ctx.policy.services):
        return  # the services say whether they make such decisions
    yield ctx.finding(
        UNCLEAR,
        notice,
        "automated_decision_making",
        "the notice speaks of automated decisions or profiling without saying whether any are made about people",
        citation=facts.cite(_TRANSPARENCY, ctx.as_of),
    )


def _unexplained(ctx: Context) -> Iterator[Finding]:
    for decision in _decisions(ctx):
        said = decision.said
        if not decision.significant or not said.stated:
            continue  # a decision not described at all is NTC009's
        flags = (("logic", said.logic_explained), ("consequences", said.consequences_explained))
        gaps = [what for what, flag in flags if not flag]
        if gaps:
            yield ctx.finding(
                UNEXPLAINED,
                decision.entity,
                decision.field,
                f"{decision.where()} says decisions are made solely by automated means with significant effects, "
                f"but does not explain their {' or '.join(gaps)}",
                citation=facts.cite(_TRANSPARENCY, ctx.as_of),
            )


# --- examples ------------------------------------------------------------------------------------


def _notice(*lines: str) -> str:
    body = "".join(f"    {line}\n" for line in lines)
    return f"notice:\n  id: n\n  name: N\n  automated_decision_making:\n    used: true\n    stated: true\n{body}"


_SIGNIFICANT = ("solely_automated: true", "significant_effects: true")
_EXPLAINED = ("logic_explained: true", "consequences_explained: true")
_ALL = f"safeguards: [{', '.join(ADM_SAFEGUARDS)}]"

# --- rules ---------------------------------------------------------------------------------------

_SAFEGUARD_HISTORY: tuple[DatedCitation, ...] = facts.history(_SAFEGUARDS)
_TRANSPARENCY_HISTORY = facts.history(_TRANSPARENCY)

NO_SAFEGUARDS = Rule(
    id="ADM001",
    title="Solely automated significant decisions with no safeguards recorded",
    severity=Severity.ERROR,
    area=AREA,
    rationale=(
        "A decision taken solely by automated means with legal or similarly significant effects for a person "
        "is lawful only with safeguards: until 2026-02-04 at least human intervention, the chance to express "
        "a view and to contest it (Art 22(3); for decisions authorised by law, DPA 2018 s.14); from "
        "2026-02-05 information about the decisions, representations, human intervention and contest (Art "
        "22C). A notice that says such decisions are made and records none: an error."
    ),
    citation=_SAFEGUARD_HISTORY[-1].text,
    citations=_SAFEGUARD_HISTORY,
    time_dependent=True,
    remediation=(
        "Put the safeguards in place and say in the notice how people can be told about, make representations "
        "on, get a person to review and contest such decisions (automated_decision_making.safeguards)."
    ),
    check=_no_safeguards,
    failing=_notice(*_SIGNIFICANT, *_EXPLAINED),
    passing=_notice(*_SIGNIFICANT, *_EXPLAINED, _ALL),
)

SOME_SAFEGUARDS = Rule(
    id="ADM002",
    title="Solely automated significant decisions with some of the safeguards missing",
    severity=Severity.WARNING,
    area=AREA,
    rationale=(
        "The safeguards for solely automated significant decisions are a set: from 2026-02-05 information, "
        "representations, human intervention and contest (Art 22C(2)); before, at least human intervention, "
        "expressing a view and contest (Art 22(3)). A notice that records some of them may have the others "
        "in place without saying so: a warning naming those missing on the date."
    ),
    citation=_SAFEGUARD_HISTORY[-1].text,
    citations=_SAFEGUARD_HISTORY,
    time_dependent=True,
    remediation="Add the missing safeguards, and say in the notice how people use them.",
    check=_some_safeguards,
    failing=_notice(*_SIGNIFICANT, *_EXPLAINED, "safeguards: [information, contest]"),
    passing=_notice(*_SIGNIFICANT, *_EXPLAINED, _ALL),
)

ON_RECOGNISED_INTERESTS = Rule(
    id="ADM003",
    title="Solely automated significant decisions rely on recognised legitimate interests",
    severity=Severity.ERROR,
    area=AREA,
    rationale=(
        "From 2026-02-05 a significant decision may not be taken solely by automated means where the "
        "processing for it relies, entirely or partly, on recognised legitimate interests (Art 6(1)(ea)). "
        "The bases are those the notice gives for the decision (articles), else its service's: an error. "
        "Before that date the basis did not exist (LAW003 reports it)."
    ),
    citation=facts.cite(_EA),
    time_dependent=True,
    remediation="Rely on another lawful basis for the decision, or make sure a person meaningfully takes part in it.",
    check=_on_recognised_interests,
    failing=_notice(*_SIGNIFICANT, *_EXPLAINED, _ALL, 'articles: ["6(1)(ea)"]'),
    passing=_notice(*_SIGNIFICANT, *_EXPLAINED, _ALL, 'articles: ["6(1)(e)"]'),
)

SPECIAL_CATEGORY = Rule(
    id="ADM004",
    title="Solely automated significant decisions on special category data without explicit consent or 9(2)(g)",
    severity=Severity.ERROR,
    area=AREA,
    rationale=(
        "From 2026-02-05 a significant decision based on special category data may be taken solely by "
        "automated means only on data the person gave explicit consent to, or where it is needed for a "
        "contract or required or authorised by law and substantial public interest (Art 9(2)(g)) applies "
        "(Art 22B(1)-(3)). Where the notice gives the decision's bases and neither condition is among them: "
        "an error. Where it gives none, nothing is judged."
    ),
    citation=facts.cite(_SPECIAL),
    time_dependent=True,
    remediation="Base the decision on explicit consent or on a law with Art 9(2)(g), or put a person in the decision.",
    check=_special_category,
    failing=_notice(*_SIGNIFICANT, *_EXPLAINED, _ALL, "special_category: true", 'articles: ["6(1)(e)", "9(2)(h)"]'),
    passing=_notice(*_SIGNIFICANT, *_EXPLAINED, _ALL, "special_category: true", 'articles: ["6(1)(e)", "9(2)(g)"]'),
)

UNCLEAR = Rule(
    id="ADM005",
    title="The notice speaks of automated decisions without saying whether any are made",
    severity=Severity.WARNING,
    area=AREA,
    rationale=(
        "The notice must tell people of the existence of automated decision-making, including profiling, of "
        "the kind the law restricts. One that offers to explain 'any computer made decisions' or says people "
        "'will be informed' if profiled, without saying whether such decisions are made, leaves them unable "
        "to tell. Silence may be lawful where there are none, so this is a warning."
    ),
    citation=_TRANSPARENCY_HISTORY[-1].text,
    citations=_TRANSPARENCY_HISTORY,
    time_dependent=True,
    remediation="Say whether decisions are made about people solely by automated means, and describe them if so.",
    check=_unclear,
    failing="notice:\n  id: n\n  name: N\n  automated_decision_making:\n    stated: true\n"
    "    text: You can ask to have any computer made decisions explained to you.\n",
    passing="notice:\n  id: n\n  name: N\n  automated_decision_making:\n    stated: true\n    used: false\n",
)

UNEXPLAINED = Rule(
    id="ADM006",
    title="Solely automated significant decisions described without their logic or consequences",
    severity=Severity.WARNING,
    area=AREA,
    rationale=(
        "Where decisions of the kind the law restricts are made, the notice must give meaningful information "
        "about the logic involved and their significance and envisaged consequences. A notice that says "
        "such decisions are made but not how they are reached or what they mean for people is incomplete; "
        "how much detail is meaningful is for a person to judge, so this is a warning. A decision not "
        "described at all is NTC009's."
    ),
    citation=_TRANSPARENCY_HISTORY[-1].text,
    citations=_TRANSPARENCY_HISTORY,
    time_dependent=True,
    remediation="Explain how each decision is reached and what it means for people (logic and consequences).",
    check=_unexplained,
    failing=_notice(*_SIGNIFICANT, _ALL),
    passing=_notice(*_SIGNIFICANT, *_EXPLAINED, _ALL),
)

RULES = (NO_SAFEGUARDS, SOME_SAFEGUARDS, ON_RECOGNISED_INTERESTS, SPECIAL_CATEGORY, UNCLEAR, UNEXPLAINED)
