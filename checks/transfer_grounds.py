"""Transfer ground rules (TRF012-TRF019): what a notice gives as the ground of a transfer.

``checks/transfers.py`` checks the mechanisms a transfer names against the
law on the date. These rules read what notices give instead, or beside, a
mechanism: a derogation used for routine transfers, a foreign authority's
request taken as a ground, a safeguard said to exist but not named, no ground
at all, a notice silent on transfers its own records show, and a
controller's own view of a country's protection. The facts are rows of
``checks/knowledge/transfer-mechanisms.yaml`` and ``adequacy.yaml``.

An error here rests on a verified row: TRF012 on a derogation row whose
``routine`` is ``not-repetitive`` and TRF014 on a ``not-a-ground`` row; both
report nothing from a row that is not verified (the knowledge tests keep
those rows verified), and TRF013 reports the routine use of any derogation
whose row is not verified as a warning.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterator

from checks import facts, transfers
from checks.prose import passages
from linter.context import Context
from linter.findings import Finding, Rule, Severity
from linter.model import Entity, Notice, Transfer

AREA = "transfers"
_K = facts.load(transfers.MECHANISMS_FILE)
_COPY_HISTORY = facts.history(_K["safeguard_copy"])
_OWN_VIEW = _K["own_assessment_wording"]
_OWN_VIEW_HISTORY = facts.history(_OWN_VIEW)

#: the frequency value of a transfer made again and again (linter/schema.py TRANSFER)
ROUTINE = "routine"
#: a derogation row's ``routine`` when the law says the transfer must not be repetitive
NOT_REPETITIVE = "not-repetitive"
#: a mechanism row's ``kind`` for what notices give that is no ground at all
NOT_A_GROUND = "not-a-ground"
#: the topic of statements and blank sections about transfers
TOPIC = "transfers"


@functools.cache
def _own_view_patterns() -> tuple[tuple[re.Pattern[str], str], ...]:
    return tuple((re.compile(row["pattern"], re.IGNORECASE), str(row["why"])) for row in _OWN_VIEW["patterns"])


def _outside_uk(transfer: Transfer) -> bool:
    return bool(transfer.destination) and transfer.destination not in transfers.uk_codes()


# --- TRF012 / TRF013: derogations used for routine transfers ----------------------------------


def _routine_derogations(ctx: Context, forbidden: bool) -> Iterator[Finding]:
    rule = ROUTINE_FORBIDDEN if forbidden else ROUTINE_EXCEPTIONAL
    for transfer, mechanism in transfers.known_mechanisms(ctx):
        if mechanism.kind != "derogation" or transfer.frequency != ROUTINE:
            continue
        certain = mechanism.routine == NOT_REPETITIVE and mechanism.source.verified
        if certain != forbidden:
            continue
        why = (
            "which the law allows only for a transfer that is not repetitive and concerns a limited number of people"
            if mechanism.routine == NOT_REPETITIVE
            else "a derogation for specific situations, to be read restrictively and used for occasional "
            "transfers, not as the standing ground of a routine one"
        )
        yield ctx.finding(
            rule,
            transfer,
            "frequency",
            f"transfer '{transfer.id}' is routine but rests on {mechanism.name}, {why}; put UK adequacy or "
            "appropriate safeguards in place for it",
            citation=mechanism.cite_on(ctx.as_of),
        )


def _routine_forbidden(ctx: Context) -> Iterator[Finding]:
    return _routine_derogations(ctx, forbidden=True)


def _routine_exceptional(ctx: Context) -> Iterator[Finding]:
    return _routine_derogations(ctx, forbidden=False)


# --- TRF014: a foreign authority's request given as the ground ---------------------------------


def _not_a_ground(ctx: Context) -> Iterator[Finding]:
    for transfer, mechanism in transfers.known_mechanisms(ctx):
        if mechanism.kind == NOT_A_GROUND and mechanism.source.verified:
            yield ctx.finding(
                FOREIGN_REQUEST,
                transfer,
                "mechanism",
                f"transfer '{transfer.id}' rests on {mechanism.name.lower()}, which is not a ground for a "
                "transfer: it must rest on UK adequacy, appropriate safeguards or an Art 49 derogation "
                "(such as legal claims or important reasons of public interest)",
                citation=mechanism.cite_on(ctx.as_of),
            )


# --- TRF015: a safeguard said to be used but not named -------------------------------------------


def _unnamed_safeguards(ctx: Context) -> Iterator[Finding]:
    for transfer, mechanism in transfers.known_mechanisms(ctx):
        if mechanism.unnamed:
            yield ctx.finding(
                UNNAMED_SAFEGUARD,
                transfer,
                "mechanism",
                f"transfer '{transfer.id}': the notice says {mechanism.name[0].lower()}{mechanism.name[1:]}; "
                "it must say which safeguard is relied on (the IDTA, the UK Addendum to the EU clauses, "
                "binding corporate rules, a certification) so that people can ask for a copy of it",
                citation=mechanism.cite_on(ctx.as_of),
            )


# --- TRF016 / TRF017: a transfer with no ground stated -------------------------------------------


def _adequate(ctx: Context, destination: str) -> bool | None:
    """True when UK adequacy covers ``destination`` on the date, False when it does not, None when unknown."""
    region = transfers.regions().get(destination)
    if region is not None:
        if region.adequate is False:
            return False
        if not region.countries:
            return None  # outside the UK, anywhere: which country is not said
        return all(_adequate(ctx, code) for code in region.countries)
    row = transfers.destinations().get(destination)
    if row is None:
        return False
    return (row.start is None or row.start <= ctx.as_of) and (row.end is None or ctx.as_of <= row.end)


def _without_ground(ctx: Context, adequate: bool) -> Iterator[Finding]:
    for transfer in ctx.policy.transfers:
        if transfer.mechanism or not _outside_uk(transfer):
            continue
        if bool(_adequate(ctx, transfer.destination)) != adequate:
            continue
        where = transfers.in_place(transfer.destination)
        if adequate:
            yield ctx.finding(
                GROUND_UNSTATED_ADEQUATE,
                transfer,
                "destination",
                f"transfer '{transfer.id}' goes {where}, which UK adequacy regulations cover on {ctx.as_of}, but "
                "the notice does not say so: state that adequacy regulations cover the destination",
                citation=GROUND_UNSTATED_ADEQUATE.citation_on(ctx.as_of),
            )
        else:
            yield ctx.finding(
                GROUND_UNSTATED,
                transfer,
                "mechanism",
                f"transfer '{transfer.id}' goes {where} and the notice gives no ground for it: neither adequacy "
                "regulations covering the destination nor the safeguards relied on and where to get a copy",
                citation=GROUND_UNSTATED.citation_on(ctx.as_of),
            )


def _ground_unstated(ctx: Context) -> Iterator[Finding]:
    return _without_ground(ctx, adequate=False)


def _ground_unstated_adequate(ctx: Context) -> Iterator[Finding]:
    return _without_ground(ctx, adequate=True)


# --- TRF018: the notice is silent or blank on transfers its records show ------------------------


def _silent(ctx: Context) -> Iterator[Finding]:
    notice = ctx.policy.notice
    if notice is None:
        return
    statement = notice.transfers_statement
    said = (
        (statement is not None and bool(statement.text.strip()))
        or any(t.notice_wording for t in ctx.policy.transfers)
        or any(s.topic == TOPIC for s in ctx.policy.statements)
    )
    blank = notice.blank(TOPIC)
    if said and blank is None:
        return
    abroad: list[Entity] = [entity for entity, _, _ in transfers.uncovered_importers(ctx)]
    abroad += [t for t in ctx.policy.transfers if _outside_uk(t) and not t.notice_wording]
    unique = list({entity.ref: entity for entity in abroad}.values())
    if not unique:
        return
    how = f"the notice's heading '{blank.heading}' has nothing under it" if blank else "the notice says nothing"
    yield ctx.finding(
        TRANSFERS_UNSTATED,
        notice,
        "blank_sections" if blank else "transfers_statement",
        f"{how} about transfers outside the UK, but the policy shows {len(unique)} outside it "
        f"({', '.join(entity.ref for entity in unique)}): say where the data goes and on what ground",
        affects=unique,
        citation=TRANSFERS_UNSTATED.citation_on(ctx.as_of),
    )


# --- TRF019: transfers rest on the controller's own view of adequacy ---------------------------


def _transfer_prose(ctx: Context, notice: Notice) -> Iterator[tuple[Entity, str, str]]:
    for passage in passages(ctx):
        entity = passage.entity
        about_transfers = (entity is notice and passage.field.startswith("transfers_statement")) or (
            entity.KIND == "statement" and getattr(entity, "topic", "") == TOPIC
        )
        if about_transfers:
            yield entity, passage.field, passage.text


def _own_view(ctx: Context) -> Iterator[Finding]:
    notice = ctx.policy.notice
    if notice is None or ctx.policy.transfers:
        return  # a recorded transfer is judged by its own mechanism (TRF007, TRF015, TRF016)
    reported: set[str] = set()
    for entity, field, text in _transfer_prose(ctx, notice):
        for pattern, why in _own_view_patterns():
            match = pattern.search(text)
            if match is None or entity.ref in reported:
                continue
            reported.add(entity.ref)
            yield ctx.finding(
                OWN_VIEW,
                entity,
                field.split(".")[0],
                f"the notice rests transfers on '{match.group(0)}': {why}; say whether adequacy regulations "
                "cover the destinations or which safeguards are relied on",
                citation=OWN_VIEW.citation_on(ctx.as_of),
            )


# --- examples ---------------------------------------------------------------------------------


def _transfer(*lines: str, destination: str = "US") -> str:
    body = "".join(f"    {line}\n" for line in lines)
    return (
        "processors:\n  - id: hosting\n    name: Hosting Ltd\n    location: GB\n"
        "transfers:\n  - id: hosting-abroad\n    name: hosting abroad\n    importer: hosting\n"
        f"    destination: {destination}\n" + body
    )


_NOTICE = "notice:\n  id: privacy-notice\n  name: Privacy notice\n"

# --- rules ---------------------------------------------------------------------------------------

ROUTINE_FORBIDDEN = Rule(
    id="TRF012",
    title="Routine transfers rest on a derogation the law allows only for transfers that are not repetitive",
    severity=Severity.ERROR,
    area=AREA,
    rationale=(
        "The second subparagraph of Art 49(1) (compelling legitimate interests) may be relied on only for a "
        "transfer that is not repetitive and concerns a limited number of people, after the controller has "
        "informed the Commissioner. A transfer recorded as routine cannot meet that condition, so it has no "
        "ground: an error."
    ),
    citation="UK GDPR Art 49(1), second subparagraph; see 'policy-lint knowledge transfer-mechanisms'",
    remediation="Put UK adequacy or appropriate safeguards (the IDTA or the UK Addendum) in place for the transfer.",
    check=_routine_forbidden,
    failing=_transfer("mechanism: compelling-legitimate-interests", "frequency: routine", "safeguard_copy: on request"),
    passing=_transfer("mechanism: compelling-legitimate-interests", "frequency: one-off", "safeguard_copy: on request"),
)

ROUTINE_EXCEPTIONAL = Rule(
    id="TRF013",
    title="Routine transfers rest on a derogation for specific situations",
    severity=Severity.WARNING,
    area=AREA,
    rationale=(
        "The Art 49(1) derogations are for specific situations: they are read restrictively and suit "
        "occasional transfers (Recital 111), not the standing ground of a transfer made routinely, which "
        "adequacy or appropriate safeguards should cover. Whether a routine transfer can still rest on one "
        "(a routine transfer for legal claims, say) is for a person to judge: a warning."
    ),
    citation="UK GDPR Art 49(1) and Recital 111; see 'policy-lint knowledge transfer-mechanisms'",
    remediation="Put UK adequacy or appropriate safeguards in place for routine transfers; keep derogations for "
    "occasional ones.",
    check=_routine_exceptional,
    failing=_transfer("mechanism: art49-1-e", "frequency: routine"),
    passing=_transfer("mechanism: art49-1-e", "frequency: occasional"),
)

FOREIGN_REQUEST = Rule(
    id="TRF014",
    title="A request from a foreign court or authority is given as the ground of a transfer",
    severity=Severity.ERROR,
    area=AREA,
    rationale=(
        "A transfer outside the UK is lawful only if it is approved by adequacy regulations, made subject to "
        "appropriate safeguards or made under an Art 49 derogation (Art 44A(2); Art 44 before 2026-02-05). A "
        "request, judgment or order of another country's court or authority is none of these: the UK GDPR "
        "has had no Art 48 since 2021-01-01, and under the EU GDPR's Art 48 such a request was recognised only "
        "through an international agreement. The notice gives no lawful ground: an error."
    ),
    citation="UK GDPR Art 44A(1)-(2) (Art 44 until 2026-02-04); Art 48 omitted by SI 2019/419 Sch 1 para 41",
    citations=transfers.mechanisms()["art48-foreign-authority-request"].citations,
    time_dependent=True,
    remediation=(
        "Name the ground the transfer actually rests on (a mutual legal assistance treaty, or an Art 49(1)(d) "
        "or (e) derogation) and record it as the transfer's mechanism."
    ),
    check=_not_a_ground,
    failing=_transfer("mechanism: foreign-authority-request"),
    passing=_transfer("mechanism: art49-1-e", "frequency: one-off"),
)

UNNAMED_SAFEGUARD = Rule(
    id="TRF015",
    title="A transfer's safeguards are said to exist but are not identified",
    severity=Severity.WARNING,
    area=AREA,
    rationale=(
        "Where a transfer rests on appropriate safeguards, the notice must refer to the safeguards relied on "
        "and say how to get a copy. 'Appropriate safeguards' or 'standard contractual clauses' without saying "
        "which leaves people unable to ask for the document, and for a UK exporter only some clauses are "
        "valid (the IDTA, or the EU clauses with the UK Addendum). The transfer may well be covered, so this "
        "is a warning; the missing copy is TRF007's error."
    ),
    citation=_COPY_HISTORY[-1].text,
    citations=_COPY_HISTORY,
    time_dependent=True,
    remediation="Name the safeguard (IDTA, UK Addendum, BCRs, certification) and record it as the mechanism.",
    check=_unnamed_safeguards,
    failing=_transfer("mechanism: standard-contractual-clauses", "safeguard_copy: on request"),
    passing=_transfer("mechanism: uk-idta", "in_place_from: 2023-01-01", "safeguard_copy: on request"),
)

GROUND_UNSTATED = Rule(
    id="TRF016",
    title="A transfer outside the UK is stated with no ground",
    severity=Severity.ERROR,
    area=AREA,
    rationale=(
        "Where a controller intends to transfer personal data outside the UK, the notice must state the "
        "existence or absence of adequacy regulations and, for a transfer on safeguards, refer to them and "
        "say how to get a copy. A transfer recorded with no mechanism, to a destination that adequacy "
        "regulations do not cover or that the notice does not name, tells people neither: an error. A "
        "transfer to a destination that adequacy covers is TRF017's information."
    ),
    citation=_COPY_HISTORY[-1].text,
    citations=_COPY_HISTORY,
    time_dependent=True,
    remediation=(
        "Say in the notice on what ground the transfer rests (adequacy regulations for the destination, or "
        "the safeguards and where to get a copy) and record it as the transfer's mechanism."
    ),
    check=_ground_unstated,
    failing=_transfer(destination="IN"),
    passing=_transfer(
        "mechanism: uk-idta", "in_place_from: 2023-01-01", "safeguard_copy: on request", destination="IN"
    ),
)

GROUND_UNSTATED_ADEQUATE = Rule(
    id="TRF017",
    title="A transfer to a destination covered by UK adequacy does not say so",
    severity=Severity.INFO,
    area=AREA,
    rationale=(
        "The notice must state the existence of adequacy regulations for a transfer. Where the destination "
        "is covered (the EEA, say) the transfer is lawful and the gap is only in what people are told, so "
        "this is information: add a sentence saying that UK adequacy regulations cover the destination."
    ),
    citation=_COPY_HISTORY[-1].text,
    citations=_COPY_HISTORY,
    time_dependent=True,
    remediation="State that UK adequacy regulations cover the destination and record mechanism: uk-adequacy.",
    check=_ground_unstated_adequate,
    failing=_transfer(destination="eea"),
    passing=_transfer("mechanism: uk-adequacy", destination="eea"),
)

TRANSFERS_UNSTATED = Rule(
    id="TRF018",
    title="The notice is silent on transfers, or its transfers heading is blank, though data goes outside the UK",
    severity=Severity.WARNING,
    area=AREA,
    rationale=(
        "Where data goes outside the UK the notice must say so, with the ground of the transfer. A notice "
        "that says nothing about transfers, or that has a heading on them with nothing under it, while the "
        "policy records a processor, parent company, sub-processor or recipient outside the UK, or a "
        "transfer the notice does not describe, leaves people uninformed. The location may only be where a "
        "company is registered, which the controller must confirm: a warning. One finding at the notice "
        "lists every place abroad."
    ),
    citation=_COPY_HISTORY[-1].text,
    citations=_COPY_HISTORY,
    time_dependent=True,
    remediation="Describe the transfers in the notice (where, to whom, on what ground), or correct the locations.",
    check=_silent,
    failing=_NOTICE + "processors:\n  - id: cloudco\n    name: CloudCo\n    location: US\n",
    passing=_NOTICE + "  transfers_statement:\n    text: CloudCo stores our data in the US under the IDTA.\n"
    "processors:\n  - id: cloudco\n    name: CloudCo\n    location: US\n",
)

OWN_VIEW = Rule(
    id="TRF019",
    title="The notice rests transfers on the controller's own view of a country's protection",
    severity=Severity.WARNING,
    area=AREA,
    rationale=(
        "Whether a country's protection is adequate is decided by the Secretary of State in regulations, not "
        "by the exporter; otherwise a transfer needs safeguards or a derogation. A notice that says data goes "
        "abroad only where the controller is 'assured' of adequate protection, or that promises 'a similar "
        "degree of protection', names no ground. It matches words and records no transfer, so it is a "
        "warning for a person to read."
    ),
    citation=_OWN_VIEW_HISTORY[-1].text,
    citations=_OWN_VIEW_HISTORY,
    time_dependent=True,
    remediation=(
        "Say which transfers happen and on what ground (adequacy regulations, the IDTA or UK Addendum, a "
        "derogation), or that none do; record each transfer."
    ),
    check=_own_view,
    failing=_NOTICE + "  transfers_statement:\n"
    "    text: Data may go abroad only where we are assured the country ensures an adequate level of protection.\n",
    passing=_NOTICE + "  transfers_statement:\n    no_other_transfers: true\n"
    "    text: We do not send your information outside the UK.\n",
)

RULES = (
    ROUTINE_FORBIDDEN,
    ROUTINE_EXCEPTIONAL,
    FOREIGN_REQUEST,
    UNNAMED_SAFEGUARD,
    GROUND_UNSTATED,
    GROUND_UNSTATED_ADEQUATE,
    TRANSFERS_UNSTATED,
    OWN_VIEW,
)
