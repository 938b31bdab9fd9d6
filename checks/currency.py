"""Currency rules (CUR): names, units and reviews that go out of date.

A body's name can be right in one year and wrong in the next. The table of
renamed and abolished bodies, with the date each name went stale, lives in
``checks/knowledge/renamed-bodies.yaml``; the rules judge it at ``--as-of``.

The rules read the policy's naming fields (entity names, examples, record
classes, contacts' names, emails, web addresses and address lines) and every
piece of notice prose (:func:`checks.prose.passages`): the notice's own
words are what people read. A mention that explains the change ("NHS England
(formerly Health Education England)") is left alone.

One cause, one finding: a stale name used in many places is reported once,
at its first place (naming fields first), with every other entity that uses
it in ``affects``. Two different stale names, or two different misspellings
of one name, are two causes (two rows of the table).
"""

from __future__ import annotations

import calendar
import datetime as dt
import functools
import re
from collections.abc import Iterator
from typing import Any

from checks import facts, naming, prose
from linter.context import Context
from linter.findings import Finding, Rule, Severity
from linter.model import Contact, Entity, Policy

AREA = "currency"
_K: dict[str, Any] = facts.load("renamed-bodies")


def stale_on(row: dict[str, Any], day: dt.date) -> bool:
    """True when the row's old name is out of date on ``day``."""
    start: dt.date | None = row.get("stale_from")
    end: dt.date | None = row.get("stale_until")
    return start is not None and start <= day and (end is None or day < end)


def _historical(pattern: str) -> str:
    """Where a name is introduced as the old one: a cue before it, or '(now ...)' after it."""
    cues = "|".join(f"(?:{cue})" for cue in _K["historical_cues"])
    return rf"\b(?:{cues})\W+(?:[\w\u2019'-]+\W+){{0,4}}?(?:{pattern})|(?:{pattern})\s*[,(]\s*now\b"


@functools.cache
def _cue() -> re.Pattern[str]:
    """A cue inside a matched phrase ("the GDS (formerly part of the Cabinet Office)")."""
    return re.compile(r"\b(?:" + "|".join(f"(?:{cue})" for cue in _K["historical_cues"]) + r")\b", re.IGNORECASE)


@functools.cache
def _table(name: str) -> tuple[prose.Wording, ...]:
    """The rows of one table of renamed-bodies.yaml, compiled, each minus its historical mentions."""
    return tuple(
        prose.Wording(
            str(row["id"]),
            prose.Lazy(str(row["pattern"]), re.IGNORECASE),
            prose.Lazy(_historical(str(row["pattern"])), re.IGNORECASE),
            row,
        )
        for row in _K[name]
    )


def _contact_texts(field: str, contact: Contact) -> Iterator[tuple[str, str]]:
    for key, value in (("name", contact.name), ("email", contact.email), ("web", contact.web)):
        if value:
            yield f"{field}.{key}", value
    for line in contact.address:
        yield f"{field}.address", line


def naming_texts(policy: Policy) -> Iterator[tuple[Entity, str, str]]:
    """Every naming field of the policy: (entity, field, text).

    First the contacts (the name, email, web address and address of the
    controller, its DPO and representative, and where to complain: who the
    notice tells people to contact), then entity names, examples, purposes,
    services provided, record classes, company names and importers.
    """
    for holder, field, contact in policy.contacts():
        for name, text in _contact_texts(field, contact):
            yield holder, name, text
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
        for sub in processor.sub_processors:
            yield processor, "sub_processors", sub.name
    for rule in policy.retention_rules:
        yield rule, "record_class", rule.record_class
    for transfer in policy.transfers:
        yield transfer, "importer_entity", transfer.importer_entity


class _Texts:
    """The naming fields, then every piece of prose, as texts (once per run). A
    naming field is made a passage (of kind ``name``, at its field) only when a
    wording may match it: a large policy has hundreds of thousands of names."""

    def __init__(self, ctx: Context) -> None:
        self.entities: list[Entity] = []
        self.fields: list[str] = []
        self.texts: list[str] = []
        for entity, field, text in naming_texts(ctx.policy):
            if text:
                self.entities.append(entity)
                self.fields.append(field)
                self.texts.append(text)
        self.named = len(self.texts)
        self.prose = prose.passages(ctx)
        self.texts += [passage.text for passage in self.prose]

    def passage(self, index: int) -> prose.Passage:
        if index >= self.named:
            return self.prose[index - self.named]
        field = self.fields[index]
        return prose.Passage(self.entities[index], field, self.texts[index], "name", field.split(".")[0])


def _texts(ctx: Context) -> _Texts:
    found: _Texts | None = ctx.memo.get("currency.texts")
    if found is None:
        found = ctx.memo["currency.texts"] = _Texts(ctx)
    return found


def _causes(ctx: Context, table: str, active: Any) -> list[list[prose.Hit]]:
    """The hits of the rows of ``table`` that ``active`` keeps, one list per row."""
    rows = [wording for wording in _table(table) if active(wording.row)]
    if not rows:
        return []
    texts = _texts(ctx)
    hits = prose.find_in(texts.texts, texts.passage, rows, skip_links=False)
    return prose.by_cause(hit for hit in hits if not _cue().search(hit.phrase))


def _since(row: dict[str, Any]) -> str:
    if row.get("stale_until"):
        return f"from {row['stale_from']} to {row['stale_until']}"
    return f"since {row['stale_from']}"


def _recipient(name: str) -> str:
    return f"recipients:\n  - id: example-body\n    name: {name}\n    role: public-body\n"


# --- CUR001 / CUR005 --------------------------------------------------------------------------


def _renamed_rows(ctx: Context, verified: bool) -> Iterator[tuple[Any, list[prose.Hit]]]:
    def active(row: dict[str, Any]) -> bool:
        return stale_on(row, ctx.as_of) and (naming.verdict(row) != "no") == verified

    for cause in _causes(ctx, "bodies", active):
        yield cause[0].wording.row, cause


def _renamed(ctx: Context) -> Iterator[Finding]:
    """No body is named by a name that is out of date at --as-of."""
    for row, cause in _renamed_rows(ctx, verified=True):
        yield prose.cause_finding(
            ctx,
            RENAMED,
            cause,
            f"{prose.phrases(cause)} ({prose.places(cause)}) is out of date on {ctx.as_of}: "
            f"{prose.one_line(row['what'])} ({_since(row)}); use {prose.one_line(row['current_name'])}",
            citation=facts.cite(row),
        )


def _maybe_renamed(ctx: Context) -> Iterator[Finding]:
    """A body named by a name reported, but not verified, to be out of date."""
    for row, cause in _renamed_rows(ctx, verified=False):
        yield prose.cause_finding(
            ctx,
            MAYBE_RENAMED,
            cause,
            f"{prose.phrases(cause)} ({prose.places(cause)}) may be out of date: {prose.one_line(row['what'])}, "
            f"reported {_since(row)} but not verified against the primary text; then use "
            f"{prose.one_line(row['current_name'])}",
            citation=facts.cite(row),
        )


_STALE_EXAMPLE: dict[str, Any] = next(
    row for row in _K["bodies"] if row.get("stale_from") and not row.get("stale_until") and naming.is_verified(row)
)

RENAMED = Rule(
    id="CUR001",
    title="Body is named by an out-of-date name",
    severity=Severity.WARNING,
    area=AREA,
    rationale=(
        "A notice that names an abolished or renamed body (a programme relaunched, a department "
        "renamed, an NHS body merged into NHS England) misleads people about who gets their information "
        "and suggests the notice is not kept up to date. A stale name is not itself unlawful, and some "
        "dates in the table are only verified to the month, so every finding is a warning. Each name is "
        "judged at --as-of: the same name can be right in one year and wrong in another (a department "
        "renamed and later renamed back)."
    ),
    citation=facts.cite(_STALE_EXAMPLE),
    remediation="Use the current name of the body, or remove it if its work has ended.",
    check=_renamed,
    failing=_recipient(_STALE_EXAMPLE["example"]),
    passing=_recipient(_STALE_EXAMPLE["current_name"]),
    time_dependent=True,
)

_UNVERIFIED_EXAMPLE: dict[str, Any] = next(
    row for row in _K["bodies"] if row.get("stale_from") and naming.verdict(row) == "no"
)

MAYBE_RENAMED = Rule(
    id="CUR005",
    title="Body may be named by an out-of-date name (change not verified)",
    severity=Severity.INFO,
    area=AREA,
    rationale=(
        "Some renamings are reported with a date that could not be checked against the primary text "
        "(the commencement regulations are not yet in the sources the knowledge was verified from). "
        "The notice may well name a body that no longer exists under that name, but a claim that rests on "
        "an unverified date is information for the editor, never a warning or an error; once the date "
        "is verified the row's note is changed and CUR001 reports it."
    ),
    citation=facts.cite(_UNVERIFIED_EXAMPLE),
    remediation="Check whether the body has been renamed and, if so, use its current name.",
    check=_maybe_renamed,
    failing=_recipient(_UNVERIFIED_EXAMPLE["example"]),
    passing=_recipient(prose.one_line(_UNVERIFIED_EXAMPLE["current_name"])),
    time_dependent=True,
)


# --- CUR002 ------------------------------------------------------------------------------------


def _misspelt(ctx: Context) -> Iterator[Finding]:
    """Current bodies are named correctly."""
    for cause in _causes(ctx, "misspellings", lambda row: True):
        row = cause[0].wording.row
        yield prose.cause_finding(
            ctx,
            MISSPELT,
            cause,
            f"{prose.phrases(cause)} ({prose.places(cause)}) is a misspelling: the body is the {row['correct']}",
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
    failing=_recipient(_MISSPELT_EXAMPLE["example"]),
    passing=_recipient(_MISSPELT_EXAMPLE["correct"]),
)


# --- CUR006 ------------------------------------------------------------------------------------


def _moved_unit(ctx: Context) -> Iterator[Finding]:
    """No unit is placed in a department it has left."""

    def moved(row: dict[str, Any]) -> bool:
        since = facts.date(row.get("moved"))
        return since is not None and since <= ctx.as_of

    for cause in _causes(ctx, "moved_units", moved):
        row = cause[0].wording.row
        yield prose.cause_finding(
            ctx,
            MOVED_UNIT,
            cause,
            f"{prose.phrases(cause)} ({prose.places(cause)}) places {row['unit']} in {row['from_parent']}, which it "
            f"left on {row['moved']} for {row['to_parent']}; name the department that now runs it (and, where it "
            "is the controller, its DPO and registration)",
            citation=facts.cite(row),
        )


_MOVED_EXAMPLE: dict[str, Any] = _K["moved_units"][0]

MOVED_UNIT = Rule(
    id="CUR006",
    title="Unit placed in a department it has left",
    severity=Severity.WARNING,
    area=AREA,
    rationale=(
        "A machinery-of-government change moves a unit (and the processing it runs) from one department "
        "to another; a notice that still says the unit is part of its old department names the wrong "
        "controller or the wrong contact (Art 13(1)(a)-(b)). Whether the controller changed with the "
        "unit, and from which day, needs a person's judgement: a warning."
    ),
    citation=facts.cite(_MOVED_EXAMPLE),
    remediation="Name the department the unit now belongs to, and check the controller, DPO and registration.",
    check=_moved_unit,
    failing=(
        "controller:\n  id: example-controller\n  name: Example department\n"
        f"  description: {_MOVED_EXAMPLE['example']}\n"
    ),
    passing=(
        "controller:\n  id: example-controller\n  name: Example department\n"
        f"  description: The service is provided by {_MOVED_EXAMPLE['unit']}, part of {_MOVED_EXAMPLE['to_parent']}.\n"
    ),
    time_dependent=True,
)


# --- CUR003 / CUR004 --------------------------------------------------------------------------


def add_months(day: dt.date, months: int) -> dt.date:
    """``day`` plus ``months`` calendar months (the 31st becomes the month's last
    day); a date past the calendar's end (after 9999-12-31) is its last day."""
    index = day.month - 1 + months
    year, month = day.year + index // 12, index % 12 + 1
    if year > dt.MAXYEAR:
        return dt.date.max
    return dt.date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


def law_changes_since(reviewed: dt.date, day: dt.date) -> list[dict[str, Any]]:
    """The changes in the law a notice must reflect that came after ``reviewed``, up to ``day``."""
    return [row for row in _K["notice_law_changes"] if reviewed < row["date"] <= day]


def _review_due(ctx: Context) -> Iterator[Finding]:
    """The notice was reviewed within the cycle it states, and after the law it must reflect changed."""
    notice = ctx.policy.notice
    if notice is None or notice.last_reviewed is None:
        return
    reasons: list[str] = []
    citation: str | None = None
    if notice.review_cycle_months:
        due = add_months(notice.last_reviewed, notice.review_cycle_months)
        if due < ctx.as_of:
            reasons.append(
                f"with the {notice.review_cycle_months}-month review cycle it states it was due for review by {due}, "
                f"{(ctx.as_of - due).days} days before {ctx.as_of}"
            )
    changes = law_changes_since(notice.last_reviewed, ctx.as_of)
    if changes:
        said = "; ".join(f"{row['date']}: {prose.one_line(row['what'])}" for row in changes)
        reasons.append(f"the law it must reflect has changed since ({said})")
        citation = facts.cite(changes[-1])
    if reasons:
        yield ctx.finding(
            REVIEW_OVERDUE,
            notice,
            "last_reviewed",
            f"the notice was last reviewed on {notice.last_reviewed}: " + "; and ".join(reasons),
            citation=citation,
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


_LAST_CHANGE: dict[str, Any] = _K["notice_law_changes"][-1]

REVIEW_OVERDUE = Rule(
    id="CUR003",
    title="Notice review is overdue",
    severity=Severity.WARNING,
    area=AREA,
    rationale=(
        "A notice must describe the processing and the law as they are. It is overdue when it was last "
        "reviewed before a change in the law that changed what a notice must say (the UK GDPR from "
        "2021-01-01, the Data (Use and Access) Act 2025 from 2026), or when the review cycle it states "
        "has passed. No cycle is assumed where the notice states none. Reviews are expected, not legally "
        "timed, so a warning."
    ),
    citation=facts.cite(_LAST_CHANGE),
    remediation=(
        "Review the notice against current processing and the law, and set notice.last_reviewed to the review date."
    ),
    check=_review_due,
    failing=(
        "notice:\n  id: example-notice\n  name: Example notice\n  last_reviewed: 2020-01-15\n"
        "  review_cycle_months: 12\n"
    ),
    passing=(
        "notice:\n  id: example-notice\n  name: Example notice\n  last_reviewed: 2026-07-01\n"
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
    passing="notice:\n  id: example-notice\n  name: Example notice\n  last_reviewed: 2026-07-01\n",
)

RULES = (RENAMED, MISSPELT, REVIEW_OVERDUE, NO_REVIEW_DATE, MAYBE_RENAMED, MOVED_UNIT)
