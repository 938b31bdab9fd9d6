"""The sign-off record: who signed the policy off, when, at which revision,
and which findings they accepted.

A sign-off file (``policy-signoff.yaml`` in the policy folder by default, or
``signoff`` in ``[tool.policy-lint]``) is YAML with one list, ``signoffs``;
the entry with the latest date is the policy's last sign-off::

    signoffs:
      - signed_by: Jane Smith, Data Protection Officer
        date: 2026-09-01
        revision: 4f3c2a1            # the policy revision reviewed (a git commit)
        decision: approved-with-actions
        accepted:                    # fingerprints of the findings accepted
          - 0f3a9c2d4e5b6a71
        note: Approved subject to the actions in policy-waivers.yaml.

The file is read with the same safe loader as policy files and never read as
policy; no command writes it. ``report`` shows the last sign-off and what has
changed since; ``check`` reports a sign-off older than the configured period
(rule SGN001 in ``checks/signoff.py``) and an entry it cannot use (SGN002).
A file that cannot be used at all stops the run with exit code 2.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import difflib
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

from linter.build import Problem
from linter.files import locate_record
from linter.inputs import InputFile
from linter.loader import LoadError, Mapping, Position, load_file
from linter.loader import Sequence as YamlSequence

DEFAULT_FILE = "policy-signoff.yaml"
OVERDUE_RULE = "SGN001"
INVALID_RULE = "SGN002"
RULE_IDS = frozenset({OVERDUE_RULE, INVALID_RULE})
#: the entity sign-off findings are about
ENTITY = "signoff"

DECISIONS = ("approved", "approved-with-actions", "rejected")
KEYS = ("signed_by", "date", "revision", "decision", "accepted", "note")
#: a revision as git names one: a commit id, a tag or a branch (never an option)
REVISION = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._/~^-]{0,199}$")
#: a finding's fingerprint as ``check --format json`` shows it
FINGERPRINT = re.compile(r"^[0-9a-f]{16}$")


@dataclass(frozen=True, slots=True)
class SignOff:
    signed_by: str
    date: dt.date
    position: Position
    date_position: Position
    revision: str = ""
    decision: str = ""
    accepted: tuple[str, ...] = ()
    note: str = ""


@dataclass(slots=True)
class SignOffRecord:
    """The usable entries of the sign-off file(s), and the entries that are not."""

    files: list[str] = field(default_factory=list)
    entries: list[SignOff] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)

    @property
    def latest(self) -> SignOff | None:
        """The last sign-off: the latest date; on one date, the entry written last."""
        latest: SignOff | None = None
        for entry in self.entries:
            if latest is None or entry.date >= latest.date:
                latest = entry
        return latest


def locate(paths: Sequence[str], configured: str | None = None) -> list[InputFile]:
    """The sign-off files of a run: the configured one (which must exist), or
    ``policy-signoff.yaml`` in each policy folder given, where there is one."""
    return locate_record(paths, configured, DEFAULT_FILE, "sign-off file")


def load(paths: Iterable[InputFile]) -> SignOffRecord:
    """Read sign-off files; raise :class:`LoadError` for one that cannot be used."""
    record = SignOffRecord()
    for path in paths:
        document = load_file(path, expected="a mapping with a 'signoffs' list", allow_empty=True)
        record.files.append(document.file)
        data = document.data
        if not data:
            continue
        for key in data:
            if key != "signoffs":
                line, column = data.key_positions[key]
                raise LoadError(Position(document.file, line, column), f"unknown key '{key}': expected 'signoffs'")
        entries = data["signoffs"]
        if not isinstance(entries, YamlSequence):
            line, column = data.key_positions["signoffs"]
            raise LoadError(Position(document.file, line, column), "'signoffs' must be a list of entries")
        for index, raw in enumerate(entries):
            entry = _entry(raw, Position(document.file, *entries.item_positions[index]), record.problems)
            if entry is not None:
                record.entries.append(entry)
    return record


def _entry(raw: Any, position: Position, problems: list[Problem]) -> SignOff | None:
    def invalid(where: Position, message: str, detail: str) -> None:
        problems.append(Problem(INVALID_RULE, where, ENTITY, detail, f"invalid sign-off: {message}", detail))

    if not isinstance(raw, Mapping):
        invalid(position, "each entry must be a mapping of signed_by, date and the optional keys", "entry")
        return None

    def at(key: str) -> Position:
        return Position(position.file, *raw.key_positions[key]) if key in raw.key_positions else position

    ok = True
    for key in raw:
        if key not in KEYS:
            guess = difflib.get_close_matches(key, KEYS, n=1)
            invalid(at(key), f"unknown key '{key}'" + (f"; did you mean '{guess[0]}'?" if guess else ""), key)
            ok = False
    signed_by = raw.get("signed_by")
    if not isinstance(signed_by, str) or not signed_by.strip():
        invalid(at("signed_by"), "'signed_by' is required: who signed the policy off (name and role)", "signed_by")
        ok = False
    day: Any = raw.get("date")
    if isinstance(day, str):
        with contextlib.suppress(ValueError):
            day = dt.date.fromisoformat(day)
    if isinstance(day, dt.datetime):
        day = day.date()
    if not isinstance(day, dt.date):
        invalid(at("date"), f"'date' must be a date (YYYY-MM-DD), not {day!r}", "date")
        ok = False
    texts: dict[str, str] = {}
    for key in ("revision", "decision", "note"):
        value = raw.get(key, "")
        if not isinstance(value, str):
            quote = " (write it in quotes: YAML reads an all-digit id as a number)" if key == "revision" else ""
            invalid(at(key), f"'{key}' must be text, not {value!r}{quote}", key)
            ok = False
            continue
        texts[key] = value.strip()
    if texts.get("revision") and not REVISION.match(texts["revision"]):
        invalid(at("revision"), f"'revision' must name a git revision, not {texts['revision']!r}", "revision")
        ok = False
    if texts.get("decision") and texts["decision"] not in DECISIONS:
        invalid(at("decision"), f"'decision' must be one of {', '.join(DECISIONS)}", "decision")
        ok = False
    accepted = raw.get("accepted", [])
    if not isinstance(accepted, list) or not all(
        isinstance(item, str) and FINGERPRINT.match(item) for item in accepted
    ):
        invalid(
            at("accepted"),
            "'accepted' must be a list of finding fingerprints (16 hex digits, as 'check --format json' shows)",
            "accepted",
        )
        ok = False
    if not ok:
        return None
    return SignOff(
        signed_by=str(signed_by).strip(),
        date=day,
        position=position,
        date_position=at("date"),
        revision=texts.get("revision", ""),
        decision=texts.get("decision", ""),
        accepted=tuple(accepted),
        note=texts.get("note", ""),
    )
