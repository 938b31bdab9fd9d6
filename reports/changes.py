"""What changed between two versions of a policy: entities and findings.

Entities are matched by kind and id, wherever they are written: an entity
moved to another file (or a file renamed) is the same entity, shown as moved
and changed only if its fields changed. Fields are compared as written, with
the ``trace`` (where the notice says it) left out; lists of ids are compared
as sets of added and removed items, nested mappings field by field.

Findings are matched by fingerprint (rule, entity, field and detail, never a
line number): new, fixed and unchanged. Both versions are checked with the
same rules as of the same date, without waivers, so that a finding is new
because the policy changed.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

from linter import engine
from linter.findings import Finding
from linter.loader import Document, Mapping
from linter.loader import Sequence as YamlSequence
from linter.schema import KINDS
from reports.snapshot import Snapshot

#: the order of kinds in a comparison: what people's data goes through first
KIND_ORDER = (
    "service",
    "processor",
    "recipient",
    "transfer",
    "lawful_basis",
    "retention_rule",
    "purpose",
    "data_category",
    "data_subject",
    "source",
    "controller",
    "notice",
    "statement",
    "cookie",
)
#: heading of each kind
KIND_LABELS = {
    "service": "Services",
    "processor": "Processors",
    "recipient": "Recipients",
    "transfer": "International transfers",
    "lawful_basis": "Lawful bases",
    "retention_rule": "Retention rules",
    "purpose": "Purposes",
    "data_category": "Data categories",
    "data_subject": "Data subjects",
    "source": "Sources",
    "controller": "Controller",
    "notice": "Notice",
    "statement": "Statements",
    "cookie": "Cookies",
}
#: fields that say where a fact came from, not what the policy does
IGNORED = frozenset({"trace"})
#: at most this many findings of each kind (new, fixed) in full in text outputs
SHOWN = 200


@dataclass(frozen=True, slots=True)
class FieldChange:
    """One field of an entity: its value before and after, or the items added and removed."""

    field: str
    before: str = ""
    after: str = ""
    added: tuple[str, ...] = ()
    removed: tuple[str, ...] = ()

    @property
    def is_list(self) -> bool:
        return bool(self.added or self.removed)

    def describe(self) -> str:
        if self.is_list:
            parts = [*(f"+{item}" for item in self.added), *(f"-{item}" for item in self.removed)]
            return f"{self.field}: {', '.join(parts)}"
        return f"{self.field}: {self.before or '(not set)'} -> {self.after or '(not set)'}"

    def to_dict(self) -> dict[str, Any]:
        if self.is_list:
            return {"field": self.field, "added": list(self.added), "removed": list(self.removed)}
        return {"field": self.field, "before": self.before, "after": self.after}


@dataclass(frozen=True, slots=True)
class EntityChange:
    kind: str
    id: str
    name: str
    #: "added", "removed" or "changed" (or "moved": same fields, another file)
    status: str
    fields: tuple[FieldChange, ...] = ()
    before_file: str = ""
    after_file: str = ""
    #: the entity is in another file of the policy than before
    moved: bool = False
    #: the files as paths inside their policy folder (for display)
    before_place: str = ""
    after_place: str = ""

    @property
    def ref(self) -> str:
        return f"{self.kind}:{self.id}"

    def to_dict(self) -> dict[str, Any]:
        return {
            "entity": self.ref,
            "kind": self.kind,
            "id": self.id,
            "name": self.name,
            "status": self.status,
            "fields": [change.to_dict() for change in self.fields],
            "before_file": self.before_file or None,
            "after_file": self.after_file or None,
            "moved": self.moved,
        }


@dataclass(slots=True)
class FindingChanges:
    new: list[Finding] = field(default_factory=list)
    fixed: list[Finding] = field(default_factory=list)
    unchanged: list[Finding] = field(default_factory=list)


@dataclass(slots=True)
class Changes:
    """Everything that differs between two versions of a policy."""

    before: str
    after: str
    as_of: dt.date
    entities: list[EntityChange]
    findings: FindingChanges
    #: what the findings were compared against, in words ("the findings of 4f3c2a1")
    basis: str = ""

    def by_kind(self) -> list[tuple[str, list[EntityChange]]]:
        """The entity changes grouped by kind, in :data:`KIND_ORDER`."""
        groups: dict[str, list[EntityChange]] = {}
        for change in self.entities:
            groups.setdefault(change.kind, []).append(change)
        return [(KIND_LABELS.get(kind, kind), groups[kind]) for kind in KIND_ORDER if kind in groups]

    def counts(self) -> dict[str, int]:
        counted = {"added": 0, "removed": 0, "changed": 0, "moved": 0}
        for change in self.entities:
            counted[change.status] += 1
        return counted

    @property
    def empty(self) -> bool:
        return not self.entities and not self.findings.new and not self.findings.fixed


# --- entities as written ------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class _Written:
    kind: str
    id: str
    name: str
    file: str
    data: dict[str, Any]
    #: the file's place inside its policy folder (a file moved elsewhere in it is moved)
    place: str = ""


def _plain(value: Any) -> Any:
    """A loaded YAML value as plain data, with trace fields left out at every depth."""
    if isinstance(value, (Mapping, dict)):
        return {str(key): _plain(item) for key, item in value.items() if key not in IGNORED}
    if isinstance(value, (YamlSequence, list)):
        return [_plain(item) for item in value]
    if isinstance(value, dt.datetime):
        return value.isoformat()
    if isinstance(value, dt.date):
        return value.isoformat()
    return value


def written(documents: Iterable[Document], place: Callable[[str], str] = str) -> dict[tuple[str, str], _Written]:
    """Every entity with a usable id, by (kind, id); the first of two with one id wins.
    ``place`` names a file by its place inside the policy folder."""
    found: dict[tuple[str, str], _Written] = {}
    for document in documents:
        for key, value in document.data.items():
            if key not in KINDS:
                continue
            kind, _, is_list = KINDS[key]
            items = value if is_list and isinstance(value, list) else [value] if not is_list else []
            for item in items:
                if not isinstance(item, dict) or not isinstance(item.get("id"), str):
                    continue
                entity_id = item["id"]
                name = str(item["name"]) if isinstance(item.get("name"), str) else entity_id
                entry = _Written(kind, entity_id, name, document.file, _plain(item), place(document.file))
                found.setdefault((kind, entity_id), entry)
    return found


def _text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, (dict, list)):
        return json.dumps(value, ensure_ascii=False, sort_keys=True)
    return " ".join(str(value).split())


def _item(value: Any) -> str:
    """A list item as one short text: a mapping by its name or id when it has one."""
    if isinstance(value, dict):
        for key in ("name", "id", "cited_as", "title", "heading", "quote"):
            if isinstance(value.get(key), str):
                return value[key] if len(value) == 1 else f"{value[key]} {_text(value)}"
    return _text(value)


def _fields(before: dict[str, Any], after: dict[str, Any], prefix: str = "") -> list[FieldChange]:
    changes: list[FieldChange] = []
    for key in [*before, *(k for k in after if k not in before)]:
        old, new = before.get(key), after.get(key)
        if old == new:
            continue
        name = f"{prefix}{key}"
        if isinstance(old, dict) and isinstance(new, dict):
            changes.extend(_fields(old, new, f"{name}."))
        elif isinstance(old, list) and isinstance(new, list):
            old_items, new_items = [_item(v) for v in old], [_item(v) for v in new]
            added = tuple(dict.fromkeys(v for v in new_items if v not in old_items))
            removed = tuple(dict.fromkeys(v for v in old_items if v not in new_items))
            if added or removed:
                changes.append(FieldChange(name, added=added, removed=removed))
            else:  # same items, another order
                changes.append(FieldChange(name, "; ".join(old_items), "; ".join(new_items)))
        else:
            changes.append(FieldChange(name, _text(old), _text(new)))
    return changes


def compare_entities(before: Snapshot, after: Snapshot) -> list[EntityChange]:
    """Entity changes from ``before`` to ``after``, in :data:`KIND_ORDER`, then by id."""
    old, new = written(before.documents, before.relative), written(after.documents, after.relative)
    changes: list[EntityChange] = []
    for key in [*old, *(k for k in new if k not in old)]:
        was, now = old.get(key), new.get(key)
        if was is None and now is not None:
            changes.append(
                EntityChange(now.kind, now.id, now.name, "added", after_file=now.file, after_place=now.place)
            )
        elif now is None and was is not None:
            changes.append(
                EntityChange(was.kind, was.id, was.name, "removed", before_file=was.file, before_place=was.place)
            )
        elif was is not None and now is not None:
            fields = tuple(_fields(was.data, now.data))
            moved = was.place != now.place
            if fields or moved:
                status = "changed" if fields else "moved"
                changes.append(
                    EntityChange(
                        now.kind, now.id, now.name, status, fields, was.file, now.file, moved, was.place, now.place
                    )
                )
    rank = {kind: index for index, kind in enumerate(KIND_ORDER)}
    changes.sort(key=lambda c: (rank.get(c.kind, len(rank)), c.id))
    return changes


# --- findings -----------------------------------------------------------------------


def compare_findings(before: Iterable[Finding], after: Iterable[Finding]) -> FindingChanges:
    """New, fixed and unchanged findings, matched by fingerprint."""
    old = {finding.fingerprint: finding for finding in before}
    new = {finding.fingerprint: finding for finding in after}
    return FindingChanges(
        new=sorted((f for key, f in new.items() if key not in old), key=by_severity),
        fixed=sorted((f for key, f in old.items() if key not in new), key=by_severity),
        unchanged=sorted((f for key, f in new.items() if key in old), key=by_severity),
    )


def by_severity(finding: Finding) -> tuple[int, tuple[str, int, int, str, str]]:
    """Most severe first, then by place."""
    return (-finding.severity.rank, finding.sort_key())


def findings_of(snapshot: Snapshot, as_of: dt.date, select: Sequence[str], ignore: Sequence[str]) -> list[Finding]:
    """The findings of a version, checked without waivers."""
    return engine.evaluate(snapshot.documents, as_of, select, ignore).findings


def compare(
    before: Snapshot,
    after: Snapshot,
    as_of: dt.date,
    select: Sequence[str] = (),
    ignore: Sequence[str] = (),
    after_findings: Sequence[Finding] | None = None,
) -> Changes:
    """Compare two versions; ``after_findings`` saves checking ``after`` again."""
    new_findings = list(after_findings) if after_findings is not None else findings_of(after, as_of, select, ignore)
    return Changes(
        before=before.label,
        after=after.label,
        as_of=as_of,
        entities=compare_entities(before, after),
        findings=compare_findings(findings_of(before, as_of, select, ignore), new_findings),
        basis=f"the findings of {before.label}",
    )
