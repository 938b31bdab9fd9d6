"""Currency rules (CUR): names and reviews that go out of date.

A body's name can be right in one year and wrong in the next. The table of
renamed and abolished bodies, with the date each name went stale, lives in
``checks/knowledge/renamed-bodies.yaml``; the rules judge it at ``--as-of``.
"""

from __future__ import annotations

import calendar
import datetime as dt
import functools
import re
from collections.abc import Iterator
from typing import Any

from checks import facts
from linter.context import Context
from linter.findings import Finding, Rule, Severity
from linter.model import Entity, Policy

AREA = "currency"
_K: dict[str, Any] = facts.load("renamed-bodies")
_BODIES: list[tuple[dict[str, Any], re.Pattern[str]]] = [
    (row, re.compile(row["pattern"], re.IGNORECASE)) for row in _K["bodies"]
]
_MISSPELLINGS: list[tuple[dict[str, Any], re.Pattern[str]]] = [
    (row, re.compile(row["pattern"], re.IGNORECASE)) for row in _K["misspellings"]
]


def stale_on(row: dict[str, Any], day: dt.date) -> bool:
    """True when the row's old name is out of date on ``day``."""
    start: dt.date | None = row.get("stale_from")
    end: dt.date | None = row.get("stale_until")
    return start is not None and start <= day and (end is None or day < end)


def naming_texts(policy: Policy) -> Iterator[tuple[Entity, str, str]]:
    """(entity, field, text) for every short naming field of the policy.

    Names, examples, purposes, services provided, record classes, company
    names and the complaint contact's name. Trace quotes and free-text
    descriptions are left out: they may quote or explain an old name on purpose.
    """
    for entity in policy.all():
        yield entity, "name", entity.name
    for recipient in policy.recipients:
        yield recipient, "purpose", recipient.purpose
        for example in recipient.examples:
            yield recipient, "examples", example
    for processor in policy.processors:
        yield processor, "service_provided", processor.service_provided
        if processor.parent_company is not None:
            yield processor, "parent_company", processor.parent_company.name
        for company in processor.sub_processors:
            yield processor, "sub_processors", company.name
    for rule in policy.retention_rules:
        yield rule, "record_class", rule.record_class
    for transfer in policy.transfers:
        yield transfer, "importer_entity", transfer.importer_entity
    notice = policy.notice
    if notice is not None and notice.complaint is not None:
        yield notice, "complaint", notice.complaint.name


@functools.cache
def _any_of(patterns: tuple[re.Pattern[str], ...]) -> re.Pattern[str]:
    """One pattern that matches where any of ``patterns`` does: a quick first pass."""
    return re.compile("|".join(f"(?:{pattern.pattern})" for pattern in patterns) or r"(?!x)x", re.IGNORECASE)


def _scan(
    policy: Policy, table: list[tuple[dict[str, Any], re.Pattern[str]]], active: Any
) -> Iterator[tuple[Entity, str, str, dict[str, Any]]]:
    """(entity, field, matched text, row): one per entity and row, first field wins."""
    seen: set[tuple[str, str]] = set()
    any_row = _any_of(tuple(pattern for _, pattern in table))
    for entity, field, text in naming_texts(policy):
        if not text or not any_row.search(text):
            continue
        for row, pattern in table:
            match = pattern.search(text)
            if match is None or not active(row) or (entity.ref, row["id"]) in seen:
                continue
            seen.add((entity.ref, row["id"]))
            yield entity, field, match.group(0), row


# --- CUR001 --------------------------------------------------------------------


def _renamed(ctx: Context) -> Iterator[Finding]:
    """No body is named by a name that is out of date at --as-of."""
    for entity, field, matched, row in _scan(ctx.policy, _BODIES, lambda row: stale_on(row, ctx.as_of)):
        since = f"since {row['stale_from']}"
        if row.get("stale_until"):
            since = f"from {row['stale_from']} to {row['stale_until']}"
        yield ctx.finding(
            RENAMED,
            entity,
            field,
            f"'{matched}' is out of date on {ctx.as_of}: {row['what']} ({since}); use {row['current_name']}",
            detail=str(row["id"]),
            citation=facts.cite(row),
        )


_STALE_EXAMPLE: dict[str, Any] = next(row for row, _ in _BODIES if row.get("stale_from") and not row.get("stale_until"))

RENAMED = Rule(
    id="CUR001",
    title="Body is named by an out-of-date name",
    severity=Severity.WARNING,
    area=AREA,
    rationale=(
        "A notice that names an abolished or renamed body (a programme relaunched, a department "
        "renamed) misleads people about who gets their information and suggests the notice is not kept "
        "up to date. A stale name is not itself unlawful, and some dates in the table are only verified to "
        "the month, so every finding is a warning. Each name is judged at --as-of: the same name can be "
        "right in one year and wrong in another (a department renamed and later renamed back)."
    ),
    citation=facts.cite(_STALE_EXAMPLE),
    remediation="Use the current name of the body, or remove it if its work has ended.",
    check=_renamed,
    failing=f"recipients:\n  - id: example-body\n    name: {_STALE_EXAMPLE['example']}\n    role: public-body\n",
    passing=f"recipients:\n  - id: example-body\n    name: {_STALE_EXAMPLE['current_name']}\n    role: public-body\n",
    time_dependent=True,
)


# --- CUR002 --------------------------------------------------------------------


def _misspelt(ctx: Context) -> Iterator[Finding]:
    """Current bodies are named correctly."""
    for entity, field, matched, row in _scan(ctx.policy, _MISSPELLINGS, lambda row: True):
        yield ctx.finding(
            MISSPELT,
            entity,
            field,
            f"'{matched}' is a misspelling: the body is the {row['correct']}",
            detail=str(row["id"]),
            citation=facts.cite(row),
        )


_MISSPELT_EXAMPLE: dict[str, Any] = _K["misspellings"][0]

MISSPELT = Rule(
    id="CUR002",
    title="Body's name is misspelt",
    severity=Severity.INFO,
    area=AREA,
    rationale=(
        "A misspelt body name is understood by most readers and is not unlawful, but it looks careless "
        "in a legal notice and can defeat searches for the body. Information for the editor."
    ),
    citation=facts.cite(_MISSPELT_EXAMPLE),
    remediation="Correct the name to the body's official name.",
    check=_misspelt,
    failing=f"recipients:\n  - id: example-body\n    name: {_MISSPELT_EXAMPLE['example']}\n    role: public-body\n",
    passing=f"recipients:\n  - id: example-body\n    name: {_MISSPELT_EXAMPLE['correct']}\n    role: public-body\n",
)


# --- CUR003 / CUR004 --------------------------------------------------------------


def add_months(day: dt.date, months: int) -> dt.date:
    """``day`` plus ``months`` calendar months (the 31st becomes the month's last
    day); a date past the calendar's end (after 9999-12-31) is its last day."""
    index = day.month - 1 + months
    year, month = day.year + index // 12, index % 12 + 1
    if year > dt.MAXYEAR:
        return dt.date.max
    return dt.date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


def _review_due(ctx: Context) -> Iterator[Finding]:
    """The notice was reviewed within its review cycle before --as-of."""
    notice = ctx.policy.notice
    if notice is None or notice.last_reviewed is None:
        return
    cycle = notice.review_cycle_months or int(_K["notice_review"]["default_cycle_months"])
    due = add_months(notice.last_reviewed, cycle)
    if due < ctx.as_of:
        yield ctx.finding(
            REVIEW_OVERDUE,
            notice,
            "last_reviewed",
            f"the notice was last reviewed on {notice.last_reviewed}; with a {cycle}-month review cycle it was due "
            f"for review by {due}, {(ctx.as_of - due).days} days before {ctx.as_of}",
        )


def _review_date(ctx: Context) -> Iterator[Finding]:
    """The notice records when it was last reviewed."""
    notice = ctx.policy.notice
    if notice is not None and notice.last_reviewed is None:
        yield ctx.finding(
            NO_REVIEW_DATE,
            notice,
            "last_reviewed",
            "the notice has no last-reviewed date, so nobody can tell whether it is current",
        )


REVIEW_OVERDUE = Rule(
    id="CUR003",
    title="Notice review is overdue",
    severity=Severity.WARNING,
    area=AREA,
    rationale=(
        "Services, partners and the law change; a notice not reviewed within its cycle is likely to "
        "describe processing that no longer happens, or miss processing that does. Reviews are "
        "expected, not legally timed, so a warning."
    ),
    citation=facts.cite(_K["notice_review"]),
    remediation="Review the notice against current processing and set notice.last_reviewed to the review date.",
    check=_review_due,
    failing=(
        "notice:\n  id: example-notice\n  name: Example notice\n  last_reviewed: 2020-01-15\n"
        "  review_cycle_months: 12\n"
    ),
    passing=(
        "notice:\n  id: example-notice\n  name: Example notice\n  last_reviewed: 2026-06-01\n"
        "  review_cycle_months: 12\n"
    ),
    time_dependent=True,
)

NO_REVIEW_DATE = Rule(
    id="CUR004",
    title="Notice has no last-reviewed date",
    severity=Severity.INFO,
    area=AREA,
    rationale=(
        "Without a review date neither the DPO nor the public can tell whether the notice is current, "
        "and CUR003 cannot check it. There is no legal duty to publish the date, so this is information."
    ),
    citation=facts.cite(_K["notice_review"]),
    remediation="Record notice.last_reviewed (and review_cycle_months) and publish the date on the notice.",
    check=_review_date,
    failing="notice:\n  id: example-notice\n  name: Example notice\n",
    passing="notice:\n  id: example-notice\n  name: Example notice\n  last_reviewed: 2026-06-01\n",
)

RULES = (RENAMED, MISSPELT, REVIEW_OVERDUE, NO_REVIEW_DATE)
