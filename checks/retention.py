"""Retention rules (RET): coverage, completeness and statutory minimums.

Statutory minimums, their starting events and the vocabulary of starting
events live in ``checks/knowledge/retention-minimums.yaml``; a minimum drives
an error only when its row is verified (RET005), otherwise a warning (RET006).
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterator
from typing import Any

from checks import facts
from checks.naming import is_verified, normalise
from linter.context import Context
from linter.findings import Finding, Rule, Severity
from linter.model import RetentionRule, Service, period_in_days

AREA = "retention"
_K: dict[str, Any] = facts.load("retention-minimums")
_MINIMUMS: list[dict[str, Any]] = list(_K["minimums"])
_EVENTS: list[dict[str, Any]] = list(_K["starting_events"])
_DISPOSALS: list[str] = [str(row["id"]) for row in _K["disposal_methods"]]


def _slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")


_EVENT_IDS: dict[str, str] = {
    _slug(str(alias)): str(event["id"]) for event in _EVENTS for alias in [event["id"], *event.get("aliases", [])]
}


def event_id(starts: str) -> str | None:
    """The vocabulary id of a starting event ('Date of birth' -> 'date-of-birth'), or None."""
    return _EVENT_IDS.get(_slug(starts))


@functools.cache
def _word(word: str) -> re.Pattern[str]:
    # from the start of a word, so that plurals match ("allegation" in "allegations")
    return re.compile(r"(?<!\w)" + re.escape(word.lower()))


def _matches(row: dict[str, Any], text: str, key: str = "match") -> bool:
    """True when ``text`` has every ``all`` word, one ``any`` word and no ``none`` word (each from a word start)."""
    text = text.lower()
    match: dict[str, list[str]] = row.get(key, {})

    def has(word: str) -> bool:
        return _word(str(word)).search(text) is not None

    return (
        all(has(word) for word in match.get("all", []))
        and (not match.get("any") or any(has(word) for word in match["any"]))
        and not any(has(word) for word in match.get("none", []))
    )


def minimum_for(rule: RetentionRule) -> dict[str, Any] | None:
    """The knowledge row for a rule: named by its statutory_basis, else matched by record class."""
    return _minimum_for(rule.statutory_basis, rule.record_class)[0]


def named_minimum(rule: RetentionRule) -> bool:
    """True when the rule's statutory_basis itself names its knowledge row."""
    return _minimum_for(rule.statutory_basis, rule.record_class)[1]


@functools.cache  # one entry per record class and basis written; a bounded cache thrashes on a large estate
def _minimum_for(statutory_basis: str, record_class: str) -> tuple[dict[str, Any] | None, bool]:
    basis = statutory_basis.strip().lower()
    if basis:
        exact = next((row for row in _MINIMUMS if basis == str(row["id"]).lower()), None)
        if exact is not None:
            return exact, True
        # the most specific name wins: "SI 2011/581 reg 32(3)" before "SI 2011/581"
        named = [
            (len(str(name)), index)
            for index, row in enumerate(_MINIMUMS)
            for name in row.get("names", [])
            if str(name).lower() in basis
        ]
        if named:
            return _MINIMUMS[max(named)[1]], True
    return next((row for row in _MINIMUMS if _matches(row, record_class)), None), False


def _verified_statute(row: dict[str, Any]) -> bool:
    return row.get("kind") == "statute" and is_verified(row)


def _example_row(verified: bool) -> dict[str, Any]:
    return next(row for row in _MINIMUMS if _verified_statute(row) == verified and row.get("starts"))


def _rule_yaml(rule_id: str, record_class: str, period: str, starts: str | None, extra: str = "") -> str:
    text = f"  - id: {rule_id}\n    name: {record_class}\n    record_class: {record_class}\n    period: {period}\n"
    if starts:
        text += f"    starts: {starts}\n"
    return text + extra


def rules_applying_to(ctx: Context, service: Service) -> list[RetentionRule]:
    """The retention rules whose ``applies_to`` names ``service``, in policy order
    (indexed once per run, not searched once per service)."""
    index: dict[int, list[RetentionRule]] | None = ctx.memo.get("retention.applies_to")
    if index is None:
        index = {}
        for rule in ctx.policy.retention_rules:
            for named in rule.applies_to:
                rules = index.setdefault(id(named), [])
                if not rules or rules[-1] is not rule:
                    rules.append(rule)
        ctx.memo["retention.applies_to"] = index
    return index.get(id(service), [])


# --- RET001 --------------------------------------------------------------------


def _uncovered(ctx: Context) -> list[Service]:
    """Services (judged as the controller's) that no retention rule covers."""
    policy = ctx.policy
    linked = {id(service) for rule in policy.retention_rules for service in rule.applies_to}
    return [
        service
        for service in policy.services
        if not service.as_processor
        and not service.refers_to
        and not policy.effective(service, "retention_rules")
        and id(service) not in linked
    ]


def _once(ctx: Context, rule: Rule, services: list[Service], message: str, one: str) -> Iterator[Finding]:
    """One finding at the service when it is alone, else one at the notice affecting each."""
    notice = ctx.policy.notice
    if not services:
        return
    if len(services) == 1 or notice is None:
        for service in services:
            yield ctx.finding(rule, service, "retention_rules", one.format(name=service.name))
        return
    names = ", ".join(f"'{service.id}'" for service in services)
    yield ctx.finding(rule, notice, "notice_wide", message.format(count=len(services), names=names), affects=services)


def _service_covered(ctx: Context) -> Iterator[Finding]:
    """With no retention rule at all, every service is uncovered: one cause."""
    if ctx.policy.retention_rules:
        return
    yield from _once(
        ctx,
        SERVICE_COVERED,
        _uncovered(ctx),
        "the notice gives no retention period or criteria for anything: {count} services ({names}) have none",
        "the notice gives no retention period or criteria for service '{name}': people cannot tell how long its "
        "records are kept",
    )


def _service_linked(ctx: Context) -> Iterator[Finding]:
    """Where the notice gives retention for some records, every service is covered by one of its rules."""
    if not ctx.policy.retention_rules:
        return
    yield from _once(
        ctx,
        SERVICE_LINKED,
        _uncovered(ctx),
        "the notice's retention rules cover none of {count} services ({names}): people cannot tell how long "
        "their records are kept",
        "no retention rule covers service '{name}': people cannot tell how long its records are kept",
    )


SERVICE_COVERED = Rule(
    id="RET001",
    title="The notice gives no retention period or criteria at all",
    severity=Severity.ERROR,
    area=AREA,
    rationale=(
        "People must be told how long their information is kept, or the criteria used to decide. A notice "
        "with no retention rule at all says nothing about it for any service: the duty is unconditional, so "
        "this is an error (one finding, at the notice when several services are affected). Where the notice "
        "gives retention for some records but a service is left out, RET012 warns instead. A service run as "
        "a processor for others, or referred to another notice, is not judged here (CTL003)."
    ),
    citation=facts.cite(_K["coverage"]),
    remediation="State how long each service's records are kept (a period with its start, or the criteria).",
    check=_service_covered,
    failing="services:\n  - id: example-service\n    name: Example service\n",
    passing=(
        "services:\n  - id: example-service\n    name: Example service\n"
        "retention_rules:\n"
        + _rule_yaml("example-records", "example service records", "6 years", "last-contact")
        + "    applies_to: [example-service]\n"
    ),
)

SERVICE_LINKED = Rule(
    id="RET012",
    title="Service is covered by none of the notice's retention rules",
    severity=Severity.WARNING,
    area=AREA,
    rationale=(
        "People must be told how long their information is kept. A service that none of the notice's "
        "retention rules names (directly, through applies_to, or through the notice-wide rules it relies on) "
        "leaves them guessing; the notice may still mean a general rule to cover it, so this is a warning "
        "for the DPO to confirm. Several such services are one finding at the notice."
    ),
    citation=facts.cite(_K["coverage"]),
    remediation=(
        "Link the service to its retention rules (service.retention_rules or rule.applies_to), or rely on "
        "notice-wide rules."
    ),
    check=_service_linked,
    failing="services:\n  - id: example-service\n    name: Example service\n"
    "retention_rules:\n" + _rule_yaml("other-records", "other records", "6 years", "last-contact"),
    passing=(
        "services:\n  - id: example-service\n    name: Example service\n"
        "retention_rules:\n"
        + _rule_yaml("example-records", "example service records", "6 years", "last-contact")
        + "    applies_to: [example-service]\n"
    ),
)


# --- RET002 / RET003 / RET004 -----------------------------------------------------


def _has_period(ctx: Context) -> Iterator[Finding]:
    """Each rule gives a period, or criteria (an event, a limit, a stated test, or the
    published retention schedule it points to) for it."""
    for rule in ctx.policy.retention_rules:
        criteria = (
            rule.starts
            or (rule.alternative is not None and rule.alternative.until)
            or rule.criteria
            or rule.schedule_reference
        )
        if not rule.period and not criteria:
            yield ctx.finding(
                HAS_PERIOD,
                rule,
                "period",
                f"retention rule '{rule.name}' gives neither a period nor the criteria used to set one",
            )


def _has_start(ctx: Context) -> Iterator[Finding]:
    """A rule with a period says from when it runs."""
    for rule in ctx.policy.retention_rules:
        if rule.period and rule.period != "indefinite" and not rule.starts:
            yield ctx.finding(
                HAS_START,
                rule,
                "period",
                f"retention rule '{rule.name}' keeps records for {rule.period} but does not say from when",
            )


def _has_disposal(ctx: Context) -> Iterator[Finding]:
    """A rule says what happens to the records at the end of the period."""
    for rule in ctx.policy.retention_rules:
        if not rule.disposal and rule.period != "indefinite":
            yield ctx.finding(
                HAS_DISPOSAL,
                rule,
                "disposal",
                f"retention rule '{rule.name}' does not say what happens at the end ({', '.join(_DISPOSALS)})",
            )


HAS_PERIOD = Rule(
    id="RET002",
    title="Retention rule gives no period and no criteria",
    severity=Severity.ERROR,
    area=AREA,
    rationale=(
        "The law requires the notice to give the retention period or, where that is not possible, the "
        "criteria used to determine it. A rule with neither a period, a starting or ending event nor an "
        "alternative limit tells people nothing about how long: an error."
    ),
    citation=facts.cite(_K["period"]),
    remediation=(
        "Give a period with its starting event ('period: 6 years' and 'starts: last-contact'; 'policy-lint values "
        "starts' lists the events), or, where no period can be given, the criteria in words ('criteria: until "
        "the project ends, plus 6 months') or the published schedule it follows ('schedule_reference')."
    ),
    check=_has_period,
    failing=(
        "retention_rules:\n  - id: consultation-notes\n    name: consultation notes\n"
        "    record_class: consultation notes\n    disposal: destroy\n"
    ),
    passing=(
        "retention_rules:\n  - id: consultation-notes\n    name: consultation notes\n"
        "    record_class: consultation notes\n    period: 6 months\n    starts: last-contact\n    disposal: destroy\n"
    ),
)

HAS_START = Rule(
    id="RET003",
    title="Retention period has no starting event",
    severity=Severity.WARNING,
    area=AREA,
    rationale=(
        "A number of years means little without 'from when': from birth, from the last contact or from a court "
        "order can differ by decades. A period without a start still gives people an idea, so this is a "
        "warning, but it also stops RET007 comparing the rule with the statutory start."
    ),
    citation=facts.cite(_K["period"]),
    remediation=(
        f"Set starts to one of the starting events (for example '{_EVENTS[0]['id']}'; 'policy-lint values starts' "
        "lists them all, as does docs/reference/retention.md)."
    ),
    check=_has_start,
    failing="retention_rules:\n" + _rule_yaml("young-carers", "young carers records", "15 years", None),
    passing="retention_rules:\n" + _rule_yaml("young-carers", "young carers records", "15 years", _EVENTS[0]["id"]),
)

HAS_DISPOSAL = Rule(
    id="RET004",
    title="Retention rule does not say what happens at the end",
    severity=Severity.INFO,
    area=AREA,
    rationale=(
        "Records kept no longer than necessary must then be deleted, destroyed or anonymised; saying "
        "which helps people trust the period. The law does not require the notice to state the disposal "
        "method, so this is information for the DPO. Rules kept indefinitely (anonymised archives) are skipped."
    ),
    citation=facts.cite(_K["disposal"]),
    remediation=(
        f"Set disposal on the rule: {', '.join(_DISPOSALS)} ('policy-lint values disposal' says what each means)."
    ),
    check=_has_disposal,
    failing="retention_rules:\n" + _rule_yaml("case-files", "case files", "35 years", _EVENTS[0]["id"]),
    passing="retention_rules:\n"
    + _rule_yaml("case-files", "case files", "35 years", _EVENTS[0]["id"], f"    disposal: {_DISPOSALS[0]}\n"),
)


# --- RET005 / RET006 ------------------------------------------------------------


def unambiguous(row: dict[str, Any], record_class: str) -> bool:
    """True when ``record_class`` can only be the row's record (its ``unambiguous`` words)."""
    return "unambiguous" in row and _matches(row, record_class, "unambiguous")


def _below_minimum(ctx: Context, rule_def: Rule, certain: bool) -> Iterator[Finding]:
    """``certain``: the rule names a verified statute itself, or its record class can only be
    that statute's record (an error), rather than the record class suggesting one, or the
    row being unverified or guidance."""
    for rule in ctx.policy.retention_rules:
        days = rule.period_days
        row = minimum_for(rule)
        if days is None or row is None:
            continue
        sure = _verified_statute(row) and (named_minimum(rule) or unambiguous(row, rule.record_class))
        if sure != certain:
            continue
        minimum = period_in_days(str(row["minimum"]))
        if minimum is not None and days < minimum:
            yield ctx.finding(
                rule_def,
                rule,
                "period",
                f"retention rule '{rule.name}' keeps {rule.record_class} for {rule.period}, less than the minimum of "
                f"{row['minimum']} from {row['starts']} for {row['record']}",
                detail=str(row["id"]),
                citation=facts.cite(row),
            )


def _below_verified(ctx: Context) -> Iterator[Finding]:
    """No period is shorter than a verified statutory minimum."""
    return _below_minimum(ctx, BELOW_VERIFIED_MINIMUM, certain=True)


def _below_unverified(ctx: Context) -> Iterator[Finding]:
    """No period is shorter than a minimum that is unverified, guidance, or only suggested by the record class."""
    return _below_minimum(ctx, BELOW_UNVERIFIED_MINIMUM, certain=False)


_VERIFIED = _example_row(verified=True)
_UNVERIFIED = _example_row(verified=False)

BELOW_VERIFIED_MINIMUM = Rule(
    id="RET005",
    title="Retention period is below the statutory minimum of the regulation it names or its record class is",
    severity=Severity.ERROR,
    area=AREA,
    rationale=(
        "Some children's records must by law be kept for a minimum time, because adopted people, care "
        "leavers and foster carers may need them decades later. Destroying them sooner breaks the law. "
        "This is an error when the knowledge row's minimum was verified against the regulation and the "
        "rule either names it (statutory_basis) or has a record class that can only be its record (the "
        "regulation's own words, such as 'adoption case records'); a minimum suggested only by looser words "
        "of the record class, or an unverified one, is a RET006 warning."
    ),
    citation=facts.cite(_VERIFIED),
    remediation="Raise the period to at least the statutory minimum.",
    check=_below_verified,
    failing="retention_rules:\n"
    + _rule_yaml(
        "records", _VERIFIED["example"], "1 year", _VERIFIED["starts"], f"    statutory_basis: {_VERIFIED['id']}\n"
    ),
    passing="retention_rules:\n"
    + _rule_yaml(
        "records",
        _VERIFIED["example"],
        _VERIFIED["minimum"],
        _VERIFIED["starts"],
        f"    statutory_basis: {_VERIFIED['id']}\n",
    ),
)

BELOW_UNVERIFIED_MINIMUM = Rule(
    id="RET006",
    title="Retention period may be below a statutory or guidance minimum",
    severity=Severity.WARNING,
    area=AREA,
    rationale=(
        "The record class suggests records with a legal minimum, or the minimum comes from a source not "
        "verified or from statutory guidance rather than regulations. A shorter period may be unlawful, "
        "but the linter will not call it an error on a guess from words or on an unverified fact: a "
        "warning to check, and to name the regulation in statutory_basis if it applies."
    ),
    citation=facts.cite(_UNVERIFIED),
    remediation=(
        "Check the cited source; raise the period to the minimum and set statutory_basis, or record why "
        "the minimum does not apply to these records."
    ),
    check=_below_unverified,
    failing="retention_rules:\n" + _rule_yaml("records", _UNVERIFIED["example"], "1 year", _UNVERIFIED["starts"]),
    passing="retention_rules:\n"
    + _rule_yaml("records", _UNVERIFIED["example"], _UNVERIFIED["minimum"], _UNVERIFIED["starts"]),
)


# --- RET007 --------------------------------------------------------------------


def _statutory_start(ctx: Context) -> Iterator[Finding]:
    """A rule's starting event is the one the minimum's legislation uses."""
    for rule in ctx.policy.retention_rules:
        row = minimum_for(rule)
        start = event_id(rule.starts) if rule.starts else None
        if row is None or start is None or start == row["starts"]:
            continue
        yield ctx.finding(
            STATUTORY_START,
            rule,
            "starts",
            f"retention rule '{rule.name}' runs from {start}, but the minimum for {row['record']} runs from "
            f"{row['starts']}: check that the period is never shorter than the law's",
            detail=str(row["id"]),
            citation=facts.cite(row),
        )


_OTHER_EVENT = next(event["id"] for event in _EVENTS if event["id"] != _UNVERIFIED["starts"])

STATUTORY_START = Rule(
    id="RET007",
    title="Retention period starts from a different event than the law's",
    severity=Severity.WARNING,
    area=AREA,
    rationale=(
        "A period counted from another event (last contact instead of the child's birth) can be longer "
        "or shorter than the legal minimum depending on the case, and it makes the schedule hard to audit "
        "against the regulation. It is not necessarily unlawful, so this is a warning."
    ),
    citation="; ".join(facts.cite(row) for row in _MINIMUMS if row.get("starts")),
    remediation="Count the period from the statutory starting event, or record why the local start is always later.",
    check=_statutory_start,
    failing="retention_rules:\n" + _rule_yaml("records", _UNVERIFIED["example"], _UNVERIFIED["minimum"], _OTHER_EVENT),
    passing="retention_rules:\n"
    + _rule_yaml("records", _UNVERIFIED["example"], _UNVERIFIED["minimum"], _UNVERIFIED["starts"]),
)


# --- RET008 / RET009 ------------------------------------------------------------


def _same_class(ctx: Context) -> Iterator[tuple[RetentionRule, RetentionRule]]:
    """(first rule, later rule) pairs for the same normalised record class."""
    first: dict[str, RetentionRule] = {}
    for rule in ctx.policy.retention_rules:
        key = normalise(rule.record_class)
        if key in first:
            yield first[key], rule
        else:
            first[key] = rule


def _conflicting(ctx: Context) -> Iterator[Finding]:
    """Rules for one record class agree on the period."""
    for earlier, rule in _same_class(ctx):
        if rule.period_days != earlier.period_days:
            yield ctx.finding(
                CONFLICTING,
                rule,
                "period",
                f"retention rule '{rule.name}' keeps {rule.record_class} for {rule.period or 'no period'}, but "
                f"'{earlier.id}' ({earlier.position}) keeps the same records for {earlier.period or 'no period'}",
                detail=earlier.id,
            )


def _duplicate(ctx: Context) -> Iterator[Finding]:
    """The same record class and period are not stated twice under different names."""
    for earlier, rule in _same_class(ctx):
        if rule.period_days == earlier.period_days and normalise(rule.name) != normalise(earlier.name):
            yield ctx.finding(
                DUPLICATE,
                rule,
                "record_class",
                f"retention rule '{rule.name}' repeats '{earlier.id}' ({earlier.position}): same records, same period",
                detail=earlier.id,
            )


CONFLICTING = Rule(
    id="RET008",
    title="Two retention rules give one record class different periods",
    severity=Severity.WARNING,
    area=AREA,
    rationale=(
        "If the notice gives two periods for the same records, people cannot tell which applies and staff "
        "may destroy records early. Record classes are compared after case, punctuation and known aliases. "
        "One of the two may be right, so this is a warning until the DPO decides which."
    ),
    citation=facts.cite(_K["period"]),
    remediation="Keep one rule per record class, or make the record classes say how the records differ.",
    check=_conflicting,
    failing=(
        "retention_rules:\n"
        + _rule_yaml("checks-a", "vetting checks", "1 year", "last-action")
        + _rule_yaml("checks-b", "Vetting Checks", "2 years", "last-action")
    ),
    passing=(
        "retention_rules:\n"
        + _rule_yaml("checks-a", "vetting checks", "1 year", "last-action")
        + _rule_yaml("checks-b", "reference checks", "2 years", "last-action")
    ),
)

DUPLICATE = Rule(
    id="RET009",
    title="Retention rule repeats another under a different name",
    severity=Severity.WARNING,
    area=AREA,
    rationale=(
        "The same records with the same period listed twice make the schedule longer and harder to read, "
        "and invite the two entries to drift apart. Harmless today, so a warning. Pairs whose names are "
        "also the same are reported once, by REF003."
    ),
    citation=facts.cite(_K["period"]),
    remediation="Remove one of the two rules and point the services at the other.",
    check=_duplicate,
    failing=(
        "retention_rules:\n"
        "  - id: day-care-checks\n    name: day care checks\n    record_class: day care checks\n"
        "    period: 1 year\n    starts: last-action\n"
        "  - id: nursery-checks\n    name: nursery checks\n    record_class: Day Care checks\n"
        "    period: 1 year\n    starts: last-action\n"
    ),
    passing=(
        "retention_rules:\n"
        "  - id: day-care-checks\n    name: day care checks\n    record_class: day care checks\n"
        "    period: 1 year\n    starts: last-action\n"
    ),
)


# --- RET010 --------------------------------------------------------------------


def _known_start(ctx: Context) -> Iterator[Finding]:
    """Starting events come from the vocabulary, so they can be compared."""
    for rule in ctx.policy.retention_rules:
        if rule.starts and event_id(rule.starts) is None:
            yield ctx.finding(
                KNOWN_START,
                rule,
                "starts",
                f"retention rule '{rule.name}' starts from '{rule.starts}', which is not in the starting-event "
                "vocabulary, so it cannot be compared with statutory starts ('policy-lint values starts' lists them)",
                detail=rule.starts,
            )


KNOWN_START = Rule(
    id="RET010",
    title="Starting event is not in the vocabulary",
    severity=Severity.INFO,
    area=AREA,
    rationale=(
        "Starting events are compared with the legislation's (RET007) through a shared vocabulary. An "
        "event outside it is not wrong, only uncheckable, so this is information: use an event of the "
        "vocabulary, or say the start in words in criteria."
    ),
    citation=facts.cite(_K["vocabulary"]),
    remediation=(
        "Use a starting event of the vocabulary ('policy-lint values starts' lists them with their aliases; so "
        "does docs/reference/retention.md). An event it does not have can go in criteria, in words."
    ),
    check=_known_start,
    failing="retention_rules:\n" + _rule_yaml("case-files", "case files", "35 years", "whenever convenient"),
    passing="retention_rules:\n" + _rule_yaml("case-files", "case files", "35 years", _EVENTS[0]["id"]),
)

# --- RET011 --------------------------------------------------------------------


def _statutory_records_covered(ctx: Context) -> Iterator[Finding]:
    """A service that keeps records with a statutory minimum has a retention rule for them."""
    policy = ctx.policy
    for service in policy.services:
        rows = [row for row in _MINIMUMS if row.get("kept_by") and _matches(row, service.name, "kept_by")]
        if not rows:
            continue
        rules = policy.effective(service, "retention_rules") + rules_applying_to(ctx, service)
        covered = {id(minimum_for(rule)) for rule in rules}
        for row in rows:
            if id(row) not in covered:
                yield ctx.finding(
                    STATUTORY_RECORDS_COVERED,
                    service,
                    "retention_rules",
                    f"service '{service.name}' keeps {row['record']}, which the law requires to be kept for "
                    f"at least {row['minimum']}, counted from {row['starts']}, but no retention rule of the service "
                    "covers them",
                    detail=str(row["id"]),
                    citation=facts.cite(row),
                )


_KEPT_EXAMPLE: dict[str, Any] = next(row for row in _MINIMUMS if row.get("kept_by"))
_KEPT_SERVICE = f"services:\n  - id: example-service\n    name: {_KEPT_EXAMPLE['kept_by']['any'][0]} service\n"

STATUTORY_RECORDS_COVERED = Rule(
    id="RET011",
    title="Service keeps records with a statutory minimum but has no retention rule for them",
    severity=Severity.WARNING,
    area=AREA,
    rationale=(
        "Some records (adoption case records, looked-after children's case records, foster carers' records) "
        "must by law be kept for a minimum period from a set event. A service that keeps them but whose "
        "retention rules never mention them leaves people without the period and risks destroying them "
        "too early under a general rule. Which services keep which records is read from the service's name, "
        "and a general rule may be meant to cover them, so this is a warning for the DPO to confirm."
    ),
    citation=facts.cite(_KEPT_EXAMPLE),
    remediation=(
        "Add a retention rule for these records, with the statutory period and starting event, and apply it "
        "to the service."
    ),
    check=_statutory_records_covered,
    failing=_KEPT_SERVICE,
    passing=_KEPT_SERVICE
    + "retention_rules:\n"
    + _rule_yaml(
        "example-records",
        str(_KEPT_EXAMPLE["example"]),
        str(_KEPT_EXAMPLE["minimum"]),
        str(_KEPT_EXAMPLE["starts"]),
        "    applies_to: [example-service]\n",
    ),
)


RULES = (
    SERVICE_COVERED,
    SERVICE_LINKED,
    HAS_PERIOD,
    HAS_START,
    HAS_DISPOSAL,
    BELOW_VERIFIED_MINIMUM,
    BELOW_UNVERIFIED_MINIMUM,
    STATUTORY_START,
    CONFLICTING,
    DUPLICATE,
    KNOWN_START,
    STATUTORY_RECORDS_COVERED,
)
