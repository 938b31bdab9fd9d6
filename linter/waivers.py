"""Waivers: findings a named owner has accepted, for a reason, until a date.

A waiver file is YAML with one top-level key, ``waivers``, holding a list of
entries. Each entry names the finding it accepts by rule, entity and field,
and optionally its ``detail`` where one field holds several findings of a rule
(the things the finding's fingerprint is built from)::

    waivers:
      - rule: TRF001
        entity: transfer:redfern-us
        field: mechanism
        reason: IDTA signed 2026-10-01; the notice is corrected at the next review.
        owner: dpo@example.gov.uk
        expires: 2027-01-31

A waiver is current up to and including its ``expires`` date (compared with
``--as-of``). The engine moves the findings a current waiver matches to
``Result.waived``. What goes wrong with a waiver is recorded here as
:class:`~linter.build.Problem` rows that the rules in ``checks/waivers.py``
report: an expired waiver that still matches a finding (the finding counts
again), a stale waiver that matches nothing, an invalid entry.

A file that cannot be used at all (unreadable, bad YAML, no ``waivers`` list)
is a :class:`~linter.loader.LoadError`: the run stops with exit code 2.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import difflib
import stat
from collections.abc import Collection, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from linter import inputs
from linter.build import Problem
from linter.findings import Finding
from linter.inputs import InputFile
from linter.loader import LoadError, Mapping, Position, load_file
from linter.loader import Sequence as YamlSequence
from linter.printable import display_name

#: the waiver file looked for in each policy folder when none is configured
DEFAULT_FILE = "policy-waivers.yaml"

EXPIRED_RULE = "WVR001"
STALE_RULE = "WVR002"
INVALID_RULE = "WVR003"
#: rules whose findings come from the waivers, so they run after every other rule
RULE_IDS = frozenset({EXPIRED_RULE, STALE_RULE, INVALID_RULE})

#: the keys of an entry and the type each holds; every key is required
FIELDS: dict[str, type] = {
    "rule": str,
    "entity": str,
    "field": str,
    "reason": str,
    "owner": str,
    "expires": dt.date,
}
_MAY_BE_EMPTY = frozenset({"field"})
#: optional: the finding's ``detail`` (as ``check --format json`` shows it), for a
#: field that holds several findings of one rule (two dangling ids in one list)
DETAIL = "detail"


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
    def key(self) -> tuple[str, str, str, str]:
        return (self.rule, self.entity, self.field, self.detail)

    def describe(self) -> str:
        detail = f" ({self.detail})" if self.detail else ""
        return f"waiver of {self.rule} for {self.entity} '{self.field}'{detail}"


@dataclass(slots=True)
class WaiverSet:
    """The usable waivers of one or more files, and the entries that are not."""

    waivers: list[Waiver] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)


@dataclass(slots=True)
class Outcome:
    """What applying waivers to findings did."""

    kept: list[Finding]
    waived: list[tuple[Finding, Waiver]]
    problems: list[Problem]


def locate(paths: Sequence[str], configured: str | None = None) -> list[InputFile]:
    """The waiver files of a run: the configured one (which must exist), or else
    ``policy-waivers.yaml`` in each policy folder given, where there is one.
    The files are looked at, not opened (see :mod:`linter.inputs`)."""
    if configured is not None:
        shown = display_name(configured)
        found = inputs.status(Path(configured), shown)
        if found is None:
            raise LoadError(Position(shown, 1, 1), "waiver file not found")
        if stat.S_ISDIR(found[1].st_mode):
            raise LoadError(Position(shown, 1, 1), "is a folder, not a waiver file")
        return [InputFile(Path(configured), shown)]
    located: list[InputFile] = []
    for given in paths:
        path = Path(given)
        given_status = inputs.status(path, display_name(given))
        folder = path if given_status is not None and stat.S_ISDIR(given_status[1].st_mode) else path.parent
        candidate = folder / DEFAULT_FILE
        if inputs.status(candidate, display_name(candidate), within=folder) is not None and all(
            file.path != candidate for file in located
        ):
            located.append(InputFile(candidate, display_name(candidate), folder))
    return located


def load(paths: Iterable[InputFile], known_rules: Collection[str]) -> WaiverSet:
    """Read waiver files. Raise :class:`LoadError` for a file that cannot be used;
    record an entry that is wrong as a problem of the invalid-waiver rule."""
    result = WaiverSet()
    seen: dict[tuple[str, str, str, str], Waiver] = {}
    for path in paths:
        document = load_file(path, expected="a mapping with a 'waivers' list", allow_empty=True)
        data = document.data
        if not data:
            continue  # a file of comments only holds no waivers
        for key in data:
            if key != "waivers":
                line, column = data.key_positions[key]
                raise LoadError(Position(document.file, line, column), f"unknown key '{key}': expected 'waivers'")
        entries = data.get("waivers")
        if not isinstance(entries, YamlSequence):
            line, column = data.key_positions.get("waivers", (1, 1))
            raise LoadError(Position(document.file, line, column), "'waivers' must be a list of entries")
        for index, entry in enumerate(entries):
            position = Position(document.file, *entries.item_positions[index])
            waiver = _entry(entry, position, known_rules, result.problems)
            if waiver is None:
                continue
            first = seen.get(waiver.key)
            if first is not None:
                _invalid(
                    result.problems, position, entry, f"duplicates the {first.describe()} on line {first.position.line}"
                )
                continue
            seen[waiver.key] = waiver
            result.waivers.append(waiver)
    return result


def _invalid(problems: list[Problem], position: Position, entry: Any, message: str, detail: str = "") -> None:
    entity = entry.get("entity") if isinstance(entry, dict) else None
    field_name = entry.get("field") if isinstance(entry, dict) else None
    problems.append(
        Problem(
            INVALID_RULE,
            position,
            entity if isinstance(entity, str) else "waivers",
            field_name if isinstance(field_name, str) else "",
            f"invalid waiver: {message}",
            detail or message,
        )
    )


def _entry(entry: Any, position: Position, known_rules: Collection[str], problems: list[Problem]) -> Waiver | None:
    if not isinstance(entry, Mapping):
        _invalid(
            problems, position, entry, "each entry must be a mapping of rule, entity, field, reason, owner, expires"
        )
        return None
    file = position.file

    def at(key: str) -> Position:
        return Position(file, *entry.key_positions[key]) if key in entry.key_positions else position

    ok = True
    for key in entry:
        if key not in FIELDS and key != DETAIL:
            guess = difflib.get_close_matches(key, [*FIELDS, DETAIL], n=1)
            hint = f"; did you mean '{guess[0]}'?" if guess else ""
            _invalid(problems, at(key), entry, f"unknown key '{key}'{hint}", key)
            ok = False
    values: dict[str, Any] = {}
    for key, kind in FIELDS.items():
        value: Any = entry.get(key)
        if kind is dt.date and isinstance(value, str):
            with contextlib.suppress(ValueError):  # reported below as not a date
                value = dt.date.fromisoformat(value)
        if isinstance(value, dt.datetime):
            value = value.date()
        if value is None:
            _invalid(problems, position, entry, f"'{key}' is required", key)
            ok = False
        elif not isinstance(value, kind) or (isinstance(value, str) and not value.strip() and key not in _MAY_BE_EMPTY):
            wanted = "a date (YYYY-MM-DD)" if kind is dt.date else "non-empty text"
            _invalid(problems, at(key), entry, f"'{key}' must be {wanted}, not {value!r}", key)
            ok = False
        else:
            values[key] = value.strip() if isinstance(value, str) else value
    rule = values.get("rule")
    if rule is not None:
        rule = values["rule"] = rule.upper()
        if rule in RULE_IDS:
            _invalid(
                problems, at("rule"), entry, f"findings of {rule} cannot be waived: correct the waiver file", "rule"
            )
            ok = False
        elif rule not in known_rules:
            guess = difflib.get_close_matches(rule, list(known_rules), n=1)
            hint = f"; did you mean {guess[0]}?" if guess else " (see 'policy-lint rules')"
            _invalid(problems, at("rule"), entry, f"no rule {rule}{hint}", "rule")
            ok = False
    detail = entry.get(DETAIL, "")
    if not isinstance(detail, str):
        _invalid(problems, at(DETAIL), entry, f"'{DETAIL}' must be text, not {detail!r}", DETAIL)
        ok = False
    if not ok:
        return None
    return Waiver(**values, position=position, expires_position=at("expires"), detail=detail.strip())


def apply(findings: Iterable[Finding], waiver_set: WaiverSet, as_of: dt.date) -> Outcome:
    """Split findings into those kept and those a current waiver accepts, and
    record the waivers that have expired or match nothing."""
    by_key = {waiver.key: waiver for waiver in waiver_set.waivers}
    matched: set[tuple[str, str, str, str]] = set()
    outcome = Outcome(kept=[], waived=[], problems=list(waiver_set.problems))
    for finding in findings:
        # a waiver naming the finding's detail wins over one for the whole field
        waiver = by_key.get((finding.rule, finding.entity, finding.field, finding.detail)) or by_key.get(
            (finding.rule, finding.entity, finding.field, "")
        )
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
    return outcome
