"""Retention statement rules (RET013-RET019): what real notices say about keeping data.

``checks/retention.py`` checks that periods exist, start from an event and
meet statutory minimums. These rules read how notices actually state
retention: indefinitely, by criteria that only restate the law, by a schedule
nobody can find, with an alternative that leaves the period open, for some of
a service's data and not the rest, two ways for the same people, or one long
period for everything. The patterns and thresholds are rows of
``checks/knowledge/retention-minimums.yaml`` (policy-lint's reading of
wording, marked so); every rule here is a warning, for a person to judge.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterator
from typing import Any

from checks import facts
from checks.retention import minimum_for, rules_applying_to
from linter.context import Context
from linter.findings import Finding, Rule, Severity
from linter.model import RetentionRule, Service, period_in_days

AREA = "retention"
_K: dict[str, Any] = facts.load("retention-minimums")
_STORAGE = _K["storage_limitation"]
_STORAGE_HISTORY = facts.history(_STORAGE)
_LONG = _K["long_retention"]
#: what disposal value says the records are kept only in anonymised form
ANONYMISE = "anonymise"


@functools.cache
def _patterns(*path: str) -> tuple[re.Pattern[str], ...]:
    node: Any = _K
    for key in path:
        node = node[key]
    return tuple(re.compile(str(text), re.IGNORECASE) for text in node)


def _first(patterns: tuple[re.Pattern[str], ...], text: str) -> str:
    """The first words of ``text`` one of ``patterns`` finds ('' when none)."""
    match = next((found for pattern in patterns if (found := pattern.search(text))), None)
    return match.group(0) if match else ""


def _vague(rule: RetentionRule) -> str:
    return _first(_patterns("vague_criteria", "patterns"), rule.criteria)


def _published(reference: str) -> bool:
    schedules = _K["published_schedules"]
    return bool(re.search(schedules["address"], reference)) or bool(
        _first(_patterns("published_schedules", "patterns"), reference)
    )


def _anonymised(rule: RetentionRule) -> bool:
    return rule.disposal.strip().lower() == ANONYMISE or bool(_first(_patterns("anonymised_words"), rule.record_class))


def _storage_citation(ctx: Context) -> str:
    return facts.cite(_STORAGE, ctx.as_of)


# --- RET013: kept indefinitely with no reason ----------------------------------------------------


def _indefinite(ctx: Context) -> Iterator[Finding]:
    for rule in ctx.policy.retention_rules:
        if rule.period != "indefinite" or rule.statutory_basis or _anonymised(rule):
            continue
        why = f" ('{rule.criteria}')" if rule.criteria else ""
        yield ctx.finding(
            INDEFINITE,
            rule,
            "period",
            f"retention rule '{rule.name}' keeps {rule.record_class} indefinitely{why}: personal data may be kept "
            "no longer than necessary, and longer only for archiving, research or statistics under stated "
            "safeguards; give a period, or say which of those purposes and safeguards apply",
            citation=_storage_citation(ctx),
        )


# --- RET014: criteria that only restate the law ---------------------------------------------------


def _restated(ctx: Context) -> Iterator[Finding]:
    for rule in ctx.policy.retention_rules:
        if rule.period or rule.starts or rule.schedule_reference or rule.alternative is not None:
            continue
        words = _vague(rule)
        if words:
            yield ctx.finding(
                RESTATED_CRITERIA,
                rule,
                "criteria",
                f"retention rule '{rule.name}' says only '{words}': that restates the law rather than giving a "
                "period or the criteria that decide it (an event, a review, a published schedule)",
            )


# --- RET015: a schedule nobody can find ----------------------------------------------------------


def _unpublished_schedule(ctx: Context) -> Iterator[Finding]:
    for rule in ctx.policy.retention_rules:
        reference = rule.schedule_reference
        if not reference or rule.period or _published(reference) or (rule.criteria and not _vague(rule)):
            continue
        yield ctx.finding(
            UNPUBLISHED_SCHEDULE,
            rule,
            "schedule_reference",
            f"retention rule '{rule.name}' points to '{' '.join(reference.split())}' but gives no address or "
            "published title for it and no period: people cannot find out how long their data is kept",
        )


# --- RET016: an alternative limit that leaves the period open ------------------------------------


def _open_alternative(ctx: Context) -> Iterator[Finding]:
    for rule in ctx.policy.retention_rules:
        alternative = rule.alternative
        if alternative is None or not alternative.until or alternative.whichever:
            continue
        yield ctx.finding(
            OPEN_ALTERNATIVE,
            rule,
            "alternative",
            f"retention rule '{rule.name}' gives {rule.period or 'a period'} or '{alternative.until}' without "
            "saying whichever is longer or shorter: the period cannot be known",
        )


# --- RET017: a service's data that no retention rule names ----------------------------------------


def _service_rules(ctx: Context, service: Service) -> list[RetentionRule]:
    rules: list[RetentionRule] = list(ctx.policy.effective(service, "retention_rules"))
    rules += [rule for rule in rules_applying_to(ctx, service) if rule not in rules]
    return rules


def _data_without_retention(ctx: Context) -> Iterator[Finding]:
    for service in ctx.policy.services:
        if service.as_processor or service.refers_to:
            continue
        rules = _service_rules(ctx, service)
        if not any(rule.data_categories for rule in rules):
            continue  # its rules do not go category by category: nothing to compare
        named = {category.id for rule in rules for category in rule.data_categories}
        missing = [c for c in ctx.policy.effective(service, "data_categories") if c.id not in named]
        if missing:
            yield ctx.finding(
                DATA_WITHOUT_RETENTION,
                service,
                "retention_rules",
                f"service '{service.id}' gives retention for some of its data but not for "
                f"{', '.join(repr(c.name) for c in missing)}",
                affects=missing,
            )


# --- RET018: the same people's data kept two ways ------------------------------------------------


def _same_people(ctx: Context) -> Iterator[Finding]:
    first: dict[frozenset[str], RetentionRule] = {}
    for rule in ctx.policy.retention_rules:
        if not rule.data_subjects or rule.data_categories:
            continue  # rules that name their data are about different records (RET008 compares record classes)
        earlier = first.setdefault(frozenset(s.id for s in rule.data_subjects), rule)
        if earlier is rule or _says(earlier) == _says(rule) or _different_records(earlier, rule):
            continue
        yield ctx.finding(
            SAME_PEOPLE,
            rule,
            "period",
            f"retention rule '{rule.name}' ({_says(rule)}) and '{earlier.name}' ({_says(earlier)}) are about the "
            "same people's data and say different things: the notice must say which applies when",
            detail=earlier.id,
            affects=[earlier],
        )


def _words(text: str) -> set[str]:
    return {word.rstrip("s") for word in re.findall(r"[a-z]+", text.lower())} - {""}


def _record_words(rule: RetentionRule) -> set[str]:
    """The words of a rule's record class that say which records it is about (plurals folded):
    neither filler ('details', 'records') nor the people it is about ('volunteer')."""
    filler = _words(" ".join(str(word) for word in _K["record_class_filler"]))
    people = _words(" ".join(subject.name for subject in rule.data_subjects))
    return _words(rule.record_class) - filler - people


def _different_records(one: RetentionRule, other: RetentionRule) -> bool:
    """The two record classes name different records (no word in common once filler and the
    people are set aside), so different periods are no contradiction: 'interview notes' and
    'online job applications'."""
    mine, theirs = _record_words(one), _record_words(other)
    return bool(mine and theirs) and not (mine & theirs)


def _says(rule: RetentionRule) -> str:
    """What a rule says about how long, in a few words."""
    if rule.period:
        return f"{rule.period}{f' from {rule.starts}' if rule.starts else ''}"
    return rule.criteria or rule.schedule_reference or "no period"


# --- RET019: one long period for everything, or far beyond the minimum --------------------------


def _long(ctx: Context) -> Iterator[Finding]:
    blanket = period_in_days(str(_LONG["blanket_from"])) or 0
    factor = float(_LONG["beyond_minimum_factor"])
    for rule in ctx.policy.retention_rules:
        days = rule.period_days
        if days is None or rule.statutory_basis or rule.laws_cited or rule.criteria:
            continue
        if days >= blanket and _first(_patterns("generic_record_classes"), rule.record_class):
            why = f"one period for all data ('{rule.record_class}'), whatever the records"
        elif (row := minimum_for(rule)) is not None and days > factor * (period_in_days(str(row["minimum"])) or days):
            why = f"far beyond the {row['minimum']} the law requires for {row['record']}, with no reason given"
        else:
            continue
        yield ctx.finding(
            LONG_RETENTION,
            rule,
            "period",
            f"retention rule '{rule.name}' keeps data for {rule.period}: {why}",
            citation=facts.cite(_LONG),
        )


# --- examples ------------------------------------------------------------------------------------


def _rule(*lines: str) -> str:
    body = "".join(f"    {line}\n" for line in lines)
    return f"retention_rules:\n  - id: records\n    name: records\n{body}"


_ACADEMIC = _rule(
    "record_class: academic records", "period: 6 years", "starts: end-of-involvement", "data_categories: [grades]"
)

# --- rules ----------------------------------------------------------------------------------------

INDEFINITE = Rule(
    id="RET013",
    title="Records kept indefinitely with no reason the law accepts",
    severity=Severity.WARNING,
    area=AREA,
    rationale=(
        "Personal data may be kept in identifiable form no longer than necessary; it may be kept longer only "
        "for archiving in the public interest, research or statistics, under safeguards. A rule that keeps "
        "records 'indefinitely' or 'permanently' with no statute behind it and no anonymisation tells people "
        "their data is never deleted, and any reason given ('for historical purposes') still needs the "
        "safeguards stated. The controller may have them, so this is a warning."
    ),
    citation=_STORAGE_HISTORY[-1].text,
    citations=_STORAGE_HISTORY,
    time_dependent=True,
    remediation=(
        "Give a period; or state the archiving, research or statistical purpose and its safeguards; or keep "
        "only anonymised data (disposal: anonymise); or name the statute that requires permanent keeping."
    ),
    check=_indefinite,
    failing=_rule("record_class: academic records", "period: indefinite", "criteria: for historical purposes"),
    passing=_rule("record_class: anonymised research reports", "period: indefinite", "disposal: anonymise"),
)

RESTATED_CRITERIA = Rule(
    id="RET014",
    title="Retention criteria only restate the law",
    severity=Severity.WARNING,
    area=AREA,
    rationale=(
        "Where no period can be given, the notice must give the criteria used to determine it. 'As long as "
        "necessary', 'no longer than we need it' or 'to fulfil the purposes' restates the storage limitation "
        "principle and decides nothing. The notice may give real criteria beside the words, so a person must "
        "judge: a warning. A rule that points to a retention schedule is RET015's."
    ),
    citation=facts.cite(_K["period"]),
    remediation="Give the period, or the event or review that ends it (two years after your account closes, say).",
    check=_restated,
    failing=_rule("record_class: account data", "criteria: as long as necessary to fulfil the purposes"),
    passing=_rule("record_class: account data", "criteria: until two years after your account is closed"),
)

UNPUBLISHED_SCHEDULE = Rule(
    id="RET015",
    title="Retention given by a schedule nobody can find",
    severity=Severity.WARNING,
    area=AREA,
    rationale=(
        "Pointing to a published retention schedule gives the criteria the law asks for, but only if people "
        "can find it: an address, or the title of a published document (the Records Management Code of "
        "Practice, the IRMS toolkits). 'Our retention schedule' or 'the council's HR retention schedules' "
        "with no link and no period tells them nothing. The page may link it in a way the text lost, so this "
        "is a warning."
    ),
    citation=facts.cite(_K["published_schedules"]),
    remediation="Give the schedule's address (or publish it) and the period for these records.",
    check=_unpublished_schedule,
    failing=_rule("record_class: personnel files", "schedule_reference: the council's HR retention schedules"),
    passing=_rule(
        "record_class: personnel files",
        "schedule_reference: https://example.gov.uk/retention-schedule",
    ),
)

OPEN_ALTERNATIVE = Rule(
    id="RET016",
    title="Retention period with an alternative limit and no 'whichever is longer'",
    severity=Severity.WARNING,
    area=AREA,
    rationale=(
        "'25 years from birth or 8 years after leaving school' gives two periods; without 'whichever is "
        "longer' (or shorter) people cannot tell which applies to them, so the period is not stated "
        "clearly. A person may guess the intent, so this is a warning."
    ),
    citation=facts.cite(_K["period"]),
    remediation="Say whichever is longer (or shorter) applies: set alternative.whichever.",
    check=_open_alternative,
    failing=_rule(
        "record_class: medical information",
        "period: 25 years",
        "starts: date-of-birth",
        "alternative: {until: 8 years after leaving school}",
    ),
    passing=_rule(
        "record_class: medical information",
        "period: 25 years",
        "starts: date-of-birth",
        "alternative: {until: 8 years after leaving school, whichever: longer}",
    ),
)

DATA_WITHOUT_RETENTION = Rule(
    id="RET017",
    title="Some of a service's data has no retention rule",
    severity=Severity.WARNING,
    area=AREA,
    rationale=(
        "Where a notice gives retention record by record (each rule naming the data it covers), data the "
        "service collects that no rule names (photographs, CCTV, contact details) has no period at all. A "
        "general rule may be meant to cover it, so this is a warning: one finding per service, listing the "
        "data."
    ),
    citation=facts.cite(_K["period"]),
    remediation="Add retention rules for the data listed, or name it in an existing rule's data_categories.",
    check=_data_without_retention,
    failing="data_categories:\n  - {id: grades, name: grades}\n  - {id: photos, name: photographs}\n"
    "services:\n  - {id: school, name: school, data_categories: [grades, photos], retention_rules: [records]}\n"
    + _rule(
        "record_class: academic records", "period: 6 years", "starts: end-of-involvement", "data_categories: [grades]"
    ),
    passing="data_categories:\n  - {id: grades, name: grades}\n"
    "services:\n  - {id: school, name: school, data_categories: [grades], retention_rules: [records]}\n"
    + _rule(
        "record_class: academic records", "period: 6 years", "starts: end-of-involvement", "data_categories: [grades]"
    ),
)

SAME_PEOPLE = Rule(
    id="RET018",
    title="Two retention rules say different things about the same people's data",
    severity=Severity.WARNING,
    area=AREA,
    rationale=(
        "When one rule says a volunteer's data stops being used when they leave and another keeps the same "
        "people's same data for 75 years, people cannot tell what happens to it, and staff may follow the "
        "wrong one. Rules are compared by the people they name (data_subjects) when neither names the data "
        "it covers, unless their record classes plainly name different records ('interview notes', 'online "
        "job applications'). Both may be right for different records, so this is a warning: say which "
        "applies when."
    ),
    citation=facts.cite(_K["period"]),
    remediation="Make the rules name different data, or merge them into one statement that says which applies when.",
    check=_same_people,
    failing="data_subjects:\n  - {id: volunteers, name: volunteers}\nretention_rules:\n"
    "  - {id: a, name: on leaving, record_class: volunteer details, criteria: stop using when you leave, "
    "data_subjects: [volunteers]}\n"
    "  - {id: b, name: archive, record_class: volunteer records, period: 75 years, starts: date-of-birth, "
    "data_subjects: [volunteers]}\n",
    passing="data_subjects:\n  - {id: volunteers, name: volunteers}\nretention_rules:\n"
    "  - {id: b, name: archive, record_class: volunteer records, period: 75 years, starts: date-of-birth, "
    "data_subjects: [volunteers]}\n",
)

LONG_RETENTION = Rule(
    id="RET019",
    title="One long period for all data, or a period far beyond the statutory minimum",
    severity=Severity.WARNING,
    area=AREA,
    rationale=(
        "Data must be kept no longer than necessary for each purpose, and the controller must be able to "
        "show why. One long period for 'all personal data', whatever the records, or a period far beyond "
        "what the law requires for a record with no reason given, suggests the period was not decided record "
        "by record. What counts as long is policy-lint's threshold (policy-lint knowledge retention-minimums: "
        "long_retention), "
        "so this is a warning."
    ),
    citation=facts.cite(_LONG),
    remediation="Give each kind of record its own period, or record the reason (a statute, a review) for the long one.",
    check=_long,
    failing=_rule("record_class: all personal data", "period: 75 years", "starts: last-contact"),
    passing=_rule("record_class: all personal data", "period: 6 years", "starts: last-contact"),
)

RULES = (
    INDEFINITE,
    RESTATED_CRITERIA,
    UNPUBLISHED_SCHEDULE,
    OPEN_ALTERNATIVE,
    DATA_WITHOUT_RETENTION,
    SAME_PEOPLE,
    LONG_RETENTION,
)
