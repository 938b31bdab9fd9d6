"""Waivers and actions: what has been decided about a finding.

A waiver file (``policy-waivers.yaml`` in the policy folder by default) is
YAML with up to two top-level lists. Each entry names one finding by rule,
entity and field, and optionally its ``detail`` where one field holds several
findings of a rule (the things the finding's fingerprint is built from). An
entry records one of two decisions about that finding:

* a **waiver** accepts it, for a reason, until a date: the finding is shown as
  waived and not counted by the gate;
* an **action** says who fixes it by when: the finding still counts, and it
  carries the action's owner, due date, status (``open``, ``in-progress``,
  ``done``) and note wherever it is reported::

    waivers:
      - rule: TRF001
        entity: transfer:redfern-us
        field: mechanism
        reason: IDTA signed 2026-10-01; the notice is corrected at the next review.
        owner: dpo@example.gov.uk
        expires: 2027-01-31
    actions:
      - rule: NTC001
        entity: controller:county-council
        field: contact
        owner: Information Governance team
        due: 2026-12-15
        status: in-progress
        note: Contact page being written.

One finding may have both (accepted until the fix lands). A waiver is current
up to and including its ``expires`` date, an action is on time up to and
including its ``due`` date (both compared with ``--as-of``). What goes wrong
with an entry is recorded here as :class:`~linter.build.Problem` rows that the
rules in ``checks/waivers.py`` report: an expired waiver that still matches a
finding (the finding counts again), an overdue action, an action marked done
whose finding is still there, an entry that matches nothing, an invalid entry.

A file that cannot be used at all (unreadable, bad YAML, neither list) is a
:class:`~linter.loader.LoadError`: the run stops with exit code 2.
"""

from __future__ import annotations

import contextlib
import dataclasses
import datetime as dt
import difflib
from collections.abc import Collection, Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

from linter import signoff
from linter.build import Problem
from linter.files import locate_record
from linter.findings import Assignment, Finding
from linter.inputs import InputFile
from linter.loader import LoadError, Mapping, Position, load_file
from linter.loader import Sequence as YamlSequence
from linter.scope import WAIVER_FILE

#: the waiver file looked for in each policy folder when none is configured
DEFAULT_FILE = WAIVER_FILE

EXPIRED_RULE = "WVR001"
STALE_RULE = "WVR002"
INVALID_RULE = "WVR003"
OVERDUE_RULE = "WVR004"
NOT_DONE_RULE = "WVR005"
#: rules whose findings come from the waiver file, so they run after every other rule
RULE_IDS = frozenset({EXPIRED_RULE, STALE_RULE, INVALID_RULE, OVERDUE_RULE, NOT_DONE_RULE})

WAIVERS = "waivers"
ACTIONS = "actions"
#: the statuses of an action, in the order work goes
STATUSES = ("open", "in-progress", "done")

#: the keys of a waiver and the type each holds; every key is required
FIELDS: dict[str, type] = {
    "rule": str,
    "entity": str,
    "field": str,
    "reason": str,
    "owner": str,
    "expires": dt.date,
}
#: the keys of an action: rule, entity, field, owner and due are required
ACTION_FIELDS: dict[str, type] = {
    "rule": str,
    "entity": str,
    "field": str,
    "owner": str,
    "due": dt.date,
}
_OPTIONAL = {"detail": "", "status": "open", "note": ""}
_OPTIONAL_IN = {WAIVERS: ("detail",), ACTIONS: ("detail", "status", "note")}
_MAY_BE_EMPTY = frozenset({"field"})
#: optional: the finding's ``detail`` (as ``check --format json`` shows it), for a
#: field that holds several findings of one rule (two dangling ids in one list)
DETAIL = "detail"

Key = tuple[str, str, str, str]


@dataclass(frozen=True, slots=True)
class Waiver:
    rule: str
    entity: str
    field: str
    reason: str
    owner: str
    expires: dt.date
    position: Position
    expires_position: Position
    detail: str = ""

    @property
    def key(self) -> Key:
        return (self.rule, self.entity, self.field, self.detail)

    def describe(self) -> str:
        return f"waiver of {_names(self)}"


@dataclass(frozen=True, slots=True)
class Action:
    """Who fixes a finding, by when, and how far they have got."""

    rule: str
    entity: str
    field: str
    owner: str
    due: dt.date
    position: Position
    due_position: Position
    status: str = "open"
    note: str = ""
    detail: str = ""

    @property
    def key(self) -> Key:
        return (self.rule, self.entity, self.field, self.detail)

    def describe(self) -> str:
        return f"action on {_names(self)}"

    def assignment(self, as_of: dt.date) -> Assignment:
        """What a finding carries of this action."""
        overdue = self.status != "done" and as_of > self.due
        return Assignment(self.owner, self.due, self.status, self.note, overdue)


def _names(entry: Waiver | Action) -> str:
    detail = f" ({entry.detail})" if entry.detail else ""
    return f"{entry.rule} for {entry.entity} '{entry.field}'{detail}"


@dataclass(slots=True)
class WaiverSet:
    """The usable waivers and actions of one or more files, and the entries that are not."""

    waivers: list[Waiver] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    actions: list[Action] = field(default_factory=list)

    @property
    def rules(self) -> set[str]:
        """The rules an entry names: they run even when not selected, to judge the entry."""
        return {waiver.rule for waiver in self.waivers} | {action.rule for action in self.actions}


@dataclass(slots=True)
class Outcome:
    """What applying waivers and actions to findings did."""

    kept: list[Finding]
    waived: list[tuple[Finding, Waiver]]
    problems: list[Problem]


def locate(paths: Sequence[str], configured: str | None = None) -> list[InputFile]:
    """The waiver files of a run: the configured one (which must exist), or else
    ``policy-waivers.yaml`` in each policy folder given, where there is one."""
    return locate_record(paths, configured, DEFAULT_FILE, "waiver file")


def load(paths: Iterable[InputFile], known_rules: Collection[str]) -> WaiverSet:
    """Read waiver files. Raise :class:`LoadError` for a file that cannot be used;
    record an entry that is wrong as a problem of the invalid-waiver rule."""
    result = WaiverSet()
    seen: dict[tuple[str, Key], Waiver | Action] = {}
    for path in paths:
        document = load_file(path, expected="a mapping with a 'waivers' or 'actions' list", allow_empty=True)
        data = document.data
        if not data:
            continue  # a file of comments only holds no waivers
        for key in data:
            if key not in (WAIVERS, ACTIONS):
                line, column = data.key_positions[key]
                raise LoadError(
                    Position(document.file, line, column), f"unknown key '{key}': expected 'waivers' or 'actions'"
                )
        for list_name in (WAIVERS, ACTIONS):
            if list_name not in data:
                continue
            entries = data[list_name]
            if not isinstance(entries, YamlSequence):
                line, column = data.key_positions[list_name]
                raise LoadError(Position(document.file, line, column), f"'{list_name}' must be a list of entries")
            for index, raw in enumerate(entries):
                position = Position(document.file, *entries.item_positions[index])
                entry = _entry(list_name, raw, position, known_rules, result.problems)
                if entry is None:
                    continue
                first = seen.get((list_name, entry.key))
                if first is not None:
                    _invalid(
                        result.problems,
                        position,
                        raw,
                        f"duplicates the {first.describe()} on line {first.position.line}",
                        what="waiver" if list_name == WAIVERS else "action",
                    )
                    continue
                seen[(list_name, entry.key)] = entry
                if isinstance(entry, Waiver):
                    result.waivers.append(entry)
                else:
                    result.actions.append(entry)
    return result


def _invalid(
    problems: list[Problem], position: Position, entry: Any, message: str, detail: str = "", what: str = "waiver"
) -> None:
    entity = entry.get("entity") if isinstance(entry, dict) else None
    field_name = entry.get("field") if isinstance(entry, dict) else None
    problems.append(
        Problem(
            INVALID_RULE,
            position,
            entity if isinstance(entity, str) else "waivers",
            field_name if isinstance(field_name, str) else "",
            f"invalid {what}: {message}",
            detail or message,
        )
    )


def _entry(
    list_name: str, entry: Any, position: Position, known_rules: Collection[str], problems: list[Problem]
) -> Waiver | Action | None:
    required = FIELDS if list_name == WAIVERS else ACTION_FIELDS
    optional = _OPTIONAL_IN[list_name]
    what = "waiver" if list_name == WAIVERS else "action"
    if not isinstance(entry, Mapping):
        keys = ", ".join(required)
        _invalid(problems, position, entry, f"each entry must be a mapping of {keys}", what=what)
        return None
    file = position.file

    def at(key: str) -> Position:
        return Position(file, *entry.key_positions[key]) if key in entry.key_positions else position

    def invalid(key: str, message: str, detail: str) -> None:
        _invalid(problems, at(key), entry, message, detail, what)

    ok = True
    for key in entry:
        if key not in required and key not in optional:
            guess = difflib.get_close_matches(key, [*required, *optional], n=1)
            hint = f"; did you mean '{guess[0]}'?" if guess else ""
            if key in FIELDS or key in ACTION_FIELDS or key in _OPTIONAL:
                other = "an action" if list_name == WAIVERS else "a waiver"
                hint = f": '{key}' belongs to {other} (under '{ACTIONS if list_name == WAIVERS else WAIVERS}')"
            invalid(key, f"unknown key '{key}'{hint}", key)
            ok = False
    values: dict[str, Any] = {}
    for key, kind in required.items():
        value: Any = entry.get(key)
        if kind is dt.date and isinstance(value, str):
            with contextlib.suppress(ValueError):  # reported below as not a date
                value = dt.date.fromisoformat(value)
        if isinstance(value, dt.datetime):
            value = value.date()
        if value is None:
            _invalid(problems, position, entry, f"'{key}' is required", key, what)
            ok = False
        elif not isinstance(value, kind) or (isinstance(value, str) and not value.strip() and key not in _MAY_BE_EMPTY):
            wanted = "a date (YYYY-MM-DD)" if kind is dt.date else "non-empty text"
            invalid(key, f"'{key}' must be {wanted}, not {value!r}", key)
            ok = False
        else:
            values[key] = value.strip() if isinstance(value, str) else value
    rule = values.get("rule")
    if rule is not None:
        rule = values["rule"] = rule.upper()
        if rule in RULE_IDS or rule in signoff.RULE_IDS:
            verb = "waived" if what == "waiver" else "given an action"
            invalid("rule", f"findings of {rule} cannot be {verb}: correct the waiver file", "rule")
            ok = False
        elif rule not in known_rules:
            guess = difflib.get_close_matches(rule, list(known_rules), n=1)
            hint = f"; did you mean {guess[0]}?" if guess else " (see 'policy-lint rules')"
            invalid("rule", f"no rule {rule}{hint}", "rule")
            ok = False
    extra: dict[str, Any] = {}
    for key in optional:
        value = entry.get(key, _OPTIONAL[key])
        if not isinstance(value, str):
            invalid(key, f"'{key}' must be text, not {value!r}", key)
            ok = False
        elif key == "status" and value.strip() not in STATUSES:
            guess = difflib.get_close_matches(value.strip(), STATUSES, n=1)
            hint = f"; did you mean '{guess[0]}'?" if guess else ""
            invalid(key, f"'status' must be one of {', '.join(STATUSES)}, not {value!r}{hint}", key)
            ok = False
        else:
            extra[key] = value.strip()
    if not ok:
        return None
    if list_name == WAIVERS:
        return Waiver(**values, position=position, expires_position=at("expires"), **extra)
    return Action(**values, position=position, due_position=at("due"), **extra)


def _lookup(index: dict[Key, Any], finding: Finding) -> Any:
    """The entry for a finding: one naming its detail wins over one for the whole field."""
    return index.get((finding.rule, finding.entity, finding.field, finding.detail)) or index.get(
        (finding.rule, finding.entity, finding.field, "")
    )


def apply(findings: Iterable[Finding], waiver_set: WaiverSet, as_of: dt.date) -> Outcome:
    """Split findings into those kept and those a current waiver accepts, attach
    each action to its finding, and record the entries that have expired, are
    overdue, are done while their finding remains, or match nothing."""
    waivers = {waiver.key: waiver for waiver in waiver_set.waivers}
    actions = {action.key: action for action in waiver_set.actions}
    matched: set[Key] = set()
    acted: set[Key] = set()
    outcome = Outcome(kept=[], waived=[], problems=list(waiver_set.problems))
    for finding in findings:
        action: Action | None = _lookup(actions, finding)
        if action is not None:
            acted.add(action.key)
            finding = dataclasses.replace(finding, action=action.assignment(as_of))
        waiver: Waiver | None = _lookup(waivers, finding)
        if waiver is None:
            outcome.kept.append(finding)
            continue
        matched.add(waiver.key)
        if as_of <= waiver.expires:
            outcome.waived.append((finding, waiver))
        else:
            outcome.kept.append(finding)
    for waiver in waiver_set.waivers:
        if waiver.key not in matched:
            message = f"{waiver.describe()} matches no finding: the problem is fixed or the waiver names it wrongly"
            outcome.problems.append(
                Problem(STALE_RULE, waiver.position, waiver.entity, waiver.field, message, waiver.rule)
            )
        elif as_of > waiver.expires:
            message = (
                f"{waiver.describe()} expired on {waiver.expires.isoformat()} (owner: {waiver.owner}); "
                "the finding it accepted counts again"
            )
            outcome.problems.append(
                Problem(EXPIRED_RULE, waiver.expires_position, waiver.entity, waiver.field, message, waiver.rule)
            )
    for action in waiver_set.actions:
        outcome.problems.extend(_judge(action, action.key in acted, as_of))
    return outcome


def _judge(action: Action, matched: bool, as_of: dt.date) -> list[Problem]:
    """What is wrong with an action, given whether its finding is still reported."""
    if not matched:
        if action.status == "done":
            return []  # fixed and recorded as done: the history of the fix
        message = (
            f"{action.describe()} matches no finding: if the problem is fixed, mark the action done; "
            "otherwise the action names it wrongly"
        )
        return [Problem(STALE_RULE, action.position, action.entity, action.field, message, action.rule)]
    if action.status == "done":
        message = f"{action.describe()} is marked done (owner: {action.owner}) but its finding is still reported"
        return [Problem(NOT_DONE_RULE, action.position, action.entity, action.field, message, action.rule)]
    if as_of > action.due:
        days = (as_of - action.due).days
        message = (
            f"{action.describe()} was due on {action.due.isoformat()} (owner: {action.owner}, status: "
            f"{action.status}): {days} day{'' if days == 1 else 's'} overdue"
        )
        return [Problem(OVERDUE_RULE, action.due_position, action.entity, action.field, message, action.rule)]
    return []
