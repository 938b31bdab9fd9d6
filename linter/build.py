"""Validate loaded documents against the schemas and build the typed model.

Problems found here (schema violations, unknown keys, duplicate ids, dangling
references) are not raised: they are recorded as :class:`Problem` rows that
the engine rules in ``checks/schema.py`` and ``checks/references.py`` report
as findings. An entity whose ``id`` is unusable is left out of the model; an
invalid field is dropped so that later rules see the rest of the entity.
"""

from __future__ import annotations

import difflib
from collections.abc import Callable
from dataclasses import dataclass, fields
from typing import Any

from cerberus.errors import BasicErrorHandler, ValidationError

from linter import model as m
from linter.loader import Document, Mapping, Position, Sequence
from linter.schema import (
    KINDS,
    PERIOD_PATTERN,
    PLACE_PATTERN,
    REGIONS,
    SI_PATTERN,
    TIME_PATTERN,
    EntityValidator,
    Schema,
)

SCHEMA_RULE = "SCH001"
UNKNOWN_KEY_RULE = "SCH002"
DANGLING_RULE = "REF001"
DUPLICATE_RULE = "REF002"

_UNKNOWN_FIELD = 0x03
_REQUIRED_FIELD = 0x02
_BAD_TYPE = 0x24
_REGEX_MISMATCH = 0x41
_MESSAGES = BasicErrorHandler.messages


@dataclass(frozen=True, slots=True)
class Problem:
    """Something wrong with the shape of the policy, found while building it."""

    rule: str
    position: Position
    entity: str
    field: str
    message: str
    detail: str = ""


def _walk(node: Any, path: tuple[Any, ...], file: str) -> Position:
    """The position of the deepest node of ``path`` that exists."""
    position = Position(file, getattr(node, "line", 1), getattr(node, "column", 1))
    for step in path:
        if isinstance(node, Mapping) and step in node.key_positions:
            position = Position(file, *node.key_positions[step])
            node = node[step]
        elif isinstance(node, Sequence) and isinstance(step, int) and step < len(node):
            position = Position(file, *node.item_positions[step])
            node = node[step]
        else:
            break
    return position


def _dotted(path: tuple[Any, ...]) -> str:
    return ".".join(f"[{step}]" if isinstance(step, int) else str(step) for step in path).replace(".[", "[")


def _schema_at(schema: Schema, path: tuple[Any, ...]) -> Schema:
    """The mapping schema that governs the parent of ``path``'s last step."""
    current: Schema = schema
    keyed: Schema | None = None  # the schema of each value of a mapping keyed by values (notice.rights)
    for step in path[:-1]:
        if isinstance(step, int):
            continue
        if keyed is not None:
            current, keyed = keyed, None
            continue
        rules = current.get(step, {})
        if "list" in rules.get("type", ()) and isinstance(rules.get("schema"), dict):
            rules = rules["schema"]
        if "valuesrules" in rules:
            keyed = rules["valuesrules"].get("schema", {})
        current = rules.get("schema", {}) if isinstance(rules.get("schema"), dict) else {}
    return current


def _describe(path: tuple[Any, ...], error: ValidationError, schema: Schema) -> tuple[str, str]:
    """(rule id, message) for one leaf Cerberus error at ``path`` in an entity."""
    name = _dotted(path)
    if error.code == _UNKNOWN_FIELD:
        known = sorted(_schema_at(schema, path))
        guess = difflib.get_close_matches(str(path[-1]), known, n=1)
        hint = f"; did you mean '{guess[0]}'?" if guess else f"; expected one of: {', '.join(known)}"
        return UNKNOWN_KEY_RULE, f"unknown key '{path[-1]}'{hint}"
    if error.code == _REQUIRED_FIELD:
        return SCHEMA_RULE, f"required key '{name}' is missing"
    if error.code == _BAD_TYPE:
        hint = ""
        kinds: list[str] = (
            [str(kind) for kind in error.constraint] if isinstance(error.constraint, list) else [str(error.constraint)]
        )
        if isinstance(error.value, bool) and "string" in kinds:
            hint = " (YAML reads unquoted yes, no, on, off and NO as true/false: put the value in quotes)"
        elif "date" in kinds:
            hint = " (write an unquoted date such as 2024-03-31)"
        expected = " or ".join(_TYPE_WORDS.get(kind, kind) for kind in kinds)
        return SCHEMA_RULE, f"'{name}' must be {expected}, not {_type_name(error.value)}{hint}"
    if error.code == _REGEX_MISMATCH:
        return (
            SCHEMA_RULE,
            f"'{name}' has an invalid value {error.value!r} ({_FORMATS.get(error.constraint, error.constraint)})",
        )
    template = _MESSAGES.get(error.code, "is invalid")
    text = template.format(*(error.info or ()), constraint=error.constraint, field=name, value=error.value)
    return SCHEMA_RULE, f"'{name}' {text}"


_TYPE_WORDS = {
    "string": "text",
    "boolean": "true or false",
    "list": "a list",
    "dict": "a mapping",
    "integer": "a whole number",
}

_FORMATS = {
    r"^[a-z0-9]+(-[a-z0-9]+)*$": "expected a kebab-case id such as 'child-protection'",
    PLACE_PATTERN: "expected an ISO 3166 two-letter country code such as 'GB', or one of " + ", ".join(REGIONS),
    PERIOD_PATTERN: "expected a period such as '35 years' or 'indefinite'",
    TIME_PATTERN: "expected 'immediately' or a time such as '1 month', '40 days' or '20 working days'",
    SI_PATTERN: "expected a statutory instrument number as year/number, such as '2010/959'",
}


def _type_name(value: Any) -> str:
    if value is None:
        return "empty"
    return {dict: "a mapping", list: "a list", str: "text", bool: "true/false"}.get(
        type(value).__mro__[-2] if type(value).__mro__[-2] in (dict, list) else type(value),
        type(value).__name__,
    )


def _contact(raw: Any) -> m.Contact:
    return m.Contact(
        name=raw.get("name", ""),
        email=raw.get("email", ""),
        phone=list(raw.get("phone", [])),
        web=raw.get("web", ""),
        address=list(raw.get("address", [])),
        trace=_trace(raw["trace"]) if "trace" in raw else None,
    )


def _trace(raw: Any) -> m.Trace:
    trace = m.Trace(
        **{key: raw[key] for key in ("section", "quote", "added", "note") if key in raw},
        key_positions=getattr(raw, "key_positions", {}),
    )
    if "also" in raw:
        trace.also = [_trace(item) for item in raw["also"]]
    return trace


def _traced(cls: Callable[..., Any], raw: Any, **extra: Any) -> Any:
    """``cls`` built from a mapping whose ``trace`` (if any) is a trace."""
    values = {key: value for key, value in raw.items() if key != "trace"}
    return cls(**values, **extra, trace=_trace(raw["trace"]) if "trace" in raw else None)


def _law(raw: Any) -> m.Legislation:
    """A legislation reference: plain text is the citation as the notice words it."""
    return m.Legislation(cited_as=raw) if isinstance(raw, str) else _traced(m.Legislation, raw)


def _laws(raw: Any) -> list[m.Legislation]:
    return [_law(item) for item in raw]


def _right(right: str, raw: Any) -> m.RightStatement:
    said: m.RightStatement = _traced(
        m.RightStatement, {**raw, "laws_cited": _laws(raw.get("laws_cited", ()))}, right=right
    )
    return said


def _automated_decisions(raw: Any) -> m.AutomatedDecisions:
    decisions: m.AutomatedDecisions = _traced(m.AutomatedDecisions, raw)
    return decisions


def _company(raw: Any) -> m.Company:
    return m.Company(raw["name"], raw.get("country", ""), raw.get("purpose", ""))


_CONVERTERS: dict[str, Callable[[Any], Any]] = {
    "trace": _trace,
    "contact": _contact,
    "dpo": _contact,
    "representative": _contact,
    "complaint": _contact,
    "contract": lambda raw: m.Contract(**dict(raw)),
    "parent_company": _company,
    "sub_processors": lambda raw: [_company(item) for item in raw],
    "alternative": lambda raw: m.RetentionAlternative(**dict(raw)),
    # a mapping for the notice; true/false (or a mapping, see _Builder.create) for a service
    "automated_decision_making": lambda raw: raw if isinstance(raw, bool) else _automated_decisions(raw),
    "trace_ignore": lambda raw: [
        m.IgnoredText(item["quote"], item["reason"], getattr(item, "key_positions", {})) for item in raw
    ],
    "transfers_statement": lambda raw: _traced(m.TransfersStatement, raw),
    "legislation": _laws,
    "laws_cited": _laws,
    "rights": lambda raw: {right: _right(right, said) for right, said in raw.items()},
    "blank_sections": lambda raw: [_traced(m.BlankSection, item) for item in raw],
}


class _Builder:
    def __init__(self) -> None:
        self.policy = m.Policy()
        self.problems: list[Problem] = []
        self.validators = {kind: EntityValidator(schema) for kind, (_, schema, _) in KINDS.items()}
        self.field_names = {
            kind: {f.name for f in fields(cls)} - {"id", "name", "position", "positions"}
            for kind, cls in m.ENTITY_CLASSES.items()
        }
        # (entity, field name, raw ids, their positions) resolved once all are known
        self.pending: list[tuple[m.Entity, str, list[str], list[tuple[int, int] | None]]] = []

    def problem(self, rule: str, position: Position, entity: str, field: str, message: str, detail: str = "") -> None:
        self.problems.append(Problem(rule, position, entity, field, message, detail))

    def add_document(self, document: Document) -> None:
        self.policy.files.append(document.file)
        file = document.file
        for key, value in document.data.items():
            position = Position(file, *document.data.key_positions[key])
            if key not in KINDS:
                guess = difflib.get_close_matches(key, list(KINDS), n=1)
                hint = f"; did you mean '{guess[0]}'?" if guess else f"; expected one of: {', '.join(KINDS)}"
                self.problem(UNKNOWN_KEY_RULE, position, f"file:{file}", key, f"unknown entity kind '{key}'{hint}", key)
                continue
            kind, _, is_list = KINDS[key]
            if not is_list:
                self.add_entity(kind, key, value, position, file)
                continue
            if not isinstance(value, Sequence):
                self.problem(
                    SCHEMA_RULE,
                    position,
                    f"file:{file}",
                    key,
                    f"'{key}' must be a list of entries, not {_type_name(value)}",
                    key,
                )
                continue
            for index, item in enumerate(value):
                self.add_entity(kind, key, item, Position(file, *value.item_positions[index]), file)

    def add_entity(self, kind: str, key: str, raw: Any, position: Position, file: str) -> None:
        if not isinstance(raw, Mapping):
            self.problem(
                SCHEMA_RULE,
                position,
                f"file:{file}",
                key,
                f"each '{key}' entry must be a mapping, not {_type_name(raw)}",
                f"{position.line}",
            )
            return
        entity_id = raw.get("id")
        ref = f"{kind}:{entity_id}" if isinstance(entity_id, str) else f"{kind}:?"
        data: dict[str, Any] = dict(raw)
        validator = self.validators[key]
        for path, error in validator.errors(raw):
            rule, message = _describe(path, error, validator.schema)
            field_name = str(path[0]) if path else ""
            self.problem(rule, _walk(raw, path, file), ref, field_name, message, _dotted(path))
            data.pop(field_name, None)
        if "id" not in data:
            return
        self.create(kind, data, position, file, raw)

    def create(self, kind: str, data: dict[str, Any], position: Position, file: str, raw: Mapping) -> None:
        cls = m.ENTITY_CLASSES[kind]
        entity_id: str = data["id"]
        existing = self.policy.entities[kind].get(entity_id)
        singleton = kind in ("controller", "notice") and self.policy.entities[kind]
        if existing is not None or singleton:
            first = existing or next(iter(self.policy.entities[kind].values()))
            what = f"duplicate {kind.replace('_', ' ')} id '{entity_id}'" if existing else f"a policy has one {kind}"
            self.problem(
                DUPLICATE_RULE,
                position,
                f"{kind}:{entity_id}",
                "id",
                f"{what}; first defined at {first.position}",
                str(position),
            )
            return
        kwargs: dict[str, Any] = {}
        deferred: list[tuple[str, Any]] = []
        for name, value in data.items():
            if name == "notice_wide":
                deferred.extend((f"notice_wide.{sub}", ids) for sub, ids in value.items())
            elif (kind, name) in m.REFERENCES:
                deferred.append((name, value))
            elif kind == "service" and name == "automated_decision_making" and isinstance(value, dict):
                kwargs["automated_decisions"] = _automated_decisions(value)
                kwargs[name] = kwargs["automated_decisions"].used
            elif name in _CONVERTERS:
                kwargs[name] = _CONVERTERS[name](value)
            elif name in self.field_names[kind]:
                kwargs[name] = list(value) if isinstance(value, list) else value
        entity = cls(
            id=entity_id, name=data.get("name", entity_id), position=position, key_positions=raw.key_positions, **kwargs
        )
        self.policy.entities[kind][entity_id] = entity
        for name, value in deferred:
            container = raw
            for step in name.split("."):
                container = container[step]
            items: list[str] = [value] if isinstance(value, str) else list(value)
            item_positions: list[tuple[int, int] | None] = (
                list(container.item_positions) if isinstance(container, Sequence) else [None] * len(items)
            )
            self.pending.append((entity, name, items, item_positions))

    def resolve(self) -> None:
        for entity, name, ids, item_positions in self.pending:
            base = name.split(".")[-1]
            targets = m.REFERENCES.get((entity.KIND if "." not in name else "service", base), ())
            resolved: list[m.Entity] = []
            for entity_id, place in zip(ids, item_positions, strict=False):
                found = next(
                    (self.policy.entities[t][entity_id] for t in targets if entity_id in self.policy.entities[t]), None
                )
                if found is None:
                    kinds = " or ".join(t.replace("_", " ") for t in targets)
                    field_position = entity.at(name.split(".")[0])
                    self.problem(
                        DANGLING_RULE,
                        field_position if place is None else Position(field_position.file, *place),
                        entity.ref,
                        base,
                        f"'{base}' refers to {kinds} '{entity_id}', which is not defined",
                        entity_id,
                    )
                else:
                    resolved.append(found)
            if "." in name:
                setattr(entity.notice_wide, base, resolved)  # type: ignore[attr-defined]
            elif (entity.KIND, name) in _SINGLE_REFERENCES:
                setattr(entity, name, resolved[0] if resolved else None)
            else:
                setattr(entity, name, resolved)


_SINGLE_REFERENCES = {("transfer", "exporter"), ("transfer", "importer")}


def build(documents: list[Document]) -> tuple[m.Policy, list[Problem]]:
    """Validate and build the policy; return it with the problems found."""
    builder = _Builder()
    for document in documents:
        builder.add_document(document)
    builder.resolve()
    return builder.policy, builder.problems
