"""Regime rules (REG): notice prose that names the wrong data protection regime.

A UK body's notice has been under the UK GDPR and the Data Protection Act 2018
since 2021-01-01, and under the GDPR and the 2018 Act (not the 1998 Act)
since 2018-05-25. Wording of the earlier regime tells people the wrong law
applies to them. These rules read every piece of prose the policy holds
(:func:`checks.prose.passages`) for the phrases of
``checks/knowledge/regime-wording.yaml``, each judged at ``--as-of`` from the
row's ``from`` date: before it, the wording was right and is not reported.

One cause, one finding: a row that matches in many places (the same notice
says "the GDPR" in ten quotes) is reported once, at its first place, with
every other entity that uses it in ``affects``. A phrase that another rule
reports is left to it: instrument titles to the LEG rules
(:func:`checks.legislation.taken`), transfer wording to TRF006
(:func:`checks.transfers.eu_wording_taken`).
"""

from __future__ import annotations

import datetime as dt
import functools
from collections.abc import Iterator
from typing import Any

from checks import facts, legislation, prose, transfers
from linter.context import Context
from linter.findings import Finding, Rule, Severity

AREA = "regime"
_K: dict[str, Any] = facts.load("regime-wording")


@functools.cache
def wordings(kind: str) -> tuple[prose.Wording, ...]:
    """The rows of one kind (``eu-regime`` or ``superseded-term``), compiled."""
    return tuple(prose.Wording.of(row) for row in _K["terms"] if row["kind"] == kind)


def _since(row: Any) -> dt.date | None:
    return facts.date(row.get("from"))


def _taken(ctx: Context) -> Any:
    """Spans of every passage that the register or TRF006 reports (one phrase, one rule)."""
    by_law = legislation.taken(ctx)
    by_transfer = transfers.eu_wording_taken(ctx)
    return lambda passage: (*by_law(passage), *by_transfer(passage))


def hits(ctx: Context, kind: str) -> list[prose.Hit]:
    """Every phrase of ``kind`` in the policy's prose that is wrong on --as-of."""
    key = f"regime.{kind}"
    found: list[prose.Hit] | None = ctx.memo.get(key)
    if found is None:
        active = [wording for wording in wordings(kind) if (start := _since(wording.row)) and start <= ctx.as_of]
        found = prose.find(prose.passages(ctx), active, taken=_taken(ctx)) if active else []
        ctx.memo[key] = found
    return found


def _report(ctx: Context, rule: Rule, kind: str, what: str) -> Iterator[Finding]:
    for cause in prose.by_cause(hits(ctx, kind)):
        row = cause[0].wording.row
        yield prose.cause_finding(
            ctx,
            rule,
            cause,
            f"{prose.phrases(cause)} ({prose.places(cause)}) {what} {prose.one_line(row['regime'])}; "
            f"since {row['from']} say {prose.one_line(row['use'])}",
            citation=facts.cite(row, ctx.as_of),
        )


def _example(kind: str) -> dict[str, Any]:
    return next(row for row in _K["terms"] if row["kind"] == kind)


def _statement(text: str) -> str:
    return f"statements:\n  - id: example-statement\n    name: example\n    topic: other\n    text: {text}\n"


# --- REG001 ---------------------------------------------------------------------------


def _eu_regime(ctx: Context) -> Iterator[Finding]:
    """The notice names the EU regime where the UK regime applies."""
    yield from _report(ctx, EU_REGIME, "eu-regime", "names")


_EU_EXAMPLE = _example("eu-regime")

EU_REGIME = Rule(
    id="REG001",
    title="Notice names the EU regime where the UK regime applies",
    severity=Severity.WARNING,
    area=AREA,
    rationale=(
        "Since 2021-01-01 a UK controller's processing is governed by the UK GDPR and the Data "
        "Protection Act 2018, not by the EU GDPR. A notice that says people's rights come from 'the "
        "GDPR' or that processing rests on 'Union or Member State law' names a law that does not "
        "apply to them, so the information about the legal basis and the rights is wrong (Art 12(1), "
        "13(1)(c)). A sentence can name the EU regime on purpose (a service for people in the EU), so "
        "a person must read it: a warning. Before 2021-01-01 the EU wording was right for a UK body and "
        "is not reported."
    ),
    citation=facts.cite(_EU_EXAMPLE),
    remediation=(
        "Name the UK regime: 'the UK GDPR and the Data Protection Act 2018'; 'domestic law' for the "
        "law that authorises processing."
    ),
    check=_eu_regime,
    failing=_statement(_EU_EXAMPLE["example"]),
    passing=_statement("We process your information under the UK GDPR and the Data Protection Act 2018."),
    time_dependent=True,
)


# --- REG002 ---------------------------------------------------------------------------


def _superseded_term(ctx: Context) -> Iterator[Finding]:
    """The notice uses a term of a law that was replaced."""
    yield from _report(ctx, SUPERSEDED_TERM, "superseded-term", "is a term of")


_TERM_EXAMPLE = _example("superseded-term")

SUPERSEDED_TERM = Rule(
    id="REG002",
    title="Notice uses a term of a law that was replaced",
    severity=Severity.INFO,
    area=AREA,
    rationale=(
        "'Sensitive personal data', 'Model Contract Clauses', a controller 'registered under the 1998 "
        "Act' or a 'notification' to the Commissioner are terms of the Data Protection Act 1998 and "
        "the Directive it implemented, repealed on 2018-05-25; 'retained EU law' has been 'assimilated "
        "law' since 2024-01-01. Readers still understand them, and the current term says the same "
        "thing, so this is information: it shows the notice was not revised when the law changed."
    ),
    citation=facts.cite(_TERM_EXAMPLE),
    remediation="Use the current term the finding gives (for example 'special category data').",
    check=_superseded_term,
    failing=_statement(_TERM_EXAMPLE["example"]),
    passing=_statement("We may share special category data about you with the police."),
    time_dependent=True,
)

RULES = (EU_REGIME, SUPERSEDED_TERM)
