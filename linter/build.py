"""Validate loaded documents against the schemas and build the typed model.

Problems found here (schema violations, unknown keys, duplicate ids, dangling
references, text still to be written) are not raised: they are recorded as
:class:`Problem` rows that the engine rules in ``checks/schema.py``,
``checks/references.py`` and ``checks/completeness.py`` report as findings.
An entity whose ``id`` is unusable is left out of the model; an invalid field
is dropped so that later rules see the rest of the entity.

A problem also says which field of its entity it leaves unreadable
(:attr:`Problem.hides`): a field dropped as invalid, the field a misspelt key
was meant to be, a list of references that point at nothing, a field that
still holds a placeholder. The engine then drops the other rules' findings on
that entity and field: they would only repeat, in other words, that the field
cannot be read (``contract.signed: 15/01/2026`` is an invalid date, not a
processor with no contract).
"""

from __future__ import annotations

import datetime as dt
import difflib
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, fields
from typing import Any

from linter import fastpath
from linter import model as m
from linter.loader import Document, Mapping, Position, Sequence
from linter.schema import (
    ISO_DATE_PATTERN,
    KINDS,
    PERIOD_PATTERN,
    PLACE_PATTERN,
    REGIONS,
    SI_PATTERN,
    TIME_PATTERN,
    Schema,
    as_date,
    as_text,
    as_whole_number,
)

SCHEMA_RULE = "SCH001"
UNKNOWN_KEY_RULE = "SCH002"
DANGLING_RULE = "REF001"
DUPLICATE_RULE = "REF002"
PLACEHOLDER_RULE = "CMP001"
#: the rules that report build problems: never dropped for a field they leave unreadable
BUILD_RULES = frozenset({SCHEMA_RULE, UNKNOWN_KEY_RULE, DANGLING_RULE, DUPLICATE_RULE, PLACEHOLDER_RULE})

#: text that is still to be written: "TODO", or "TODO: what to write here"
PLACEHOLDER = re.compile(r"\s*TODO\b:?\s*")

_UNKNOWN_FIELD = 0x03
_REQUIRED_FIELD = 0x02
_BAD_TYPE = 0x24
_REGEX_MISMATCH = 0x41
_EMPTY = 0x22
_NULL = 0x23
#: Cerberus min/max codes -> how the message puts the bound
_BOUNDS = {0x42: "but must be at least", 0x43: "but must be at most"}
_UNALLOWED_VALUE = 0x44
_UNALLOWED_VALUES = 0x45


@dataclass(frozen=True, slots=True)
class Problem:
    """Something wrong with the shape of the policy, found while building it."""

    rule: str
    position: Position
    entity: str
    field: str
    message: str
    detail: str = ""
    #: the fields of ``entity`` this problem leaves unreadable: the other rules'
    #: findings on that entity and those fields are not reported
    hides: tuple[str, ...] = ()


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


def _describe(path: tuple[Any, ...], error: Any, schema: Schema) -> tuple[str, str]:
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
            hint = " (write the date as YYYY-MM-DD, such as 2024-03-31, with no time)"
        expected = " or ".join(str(_TYPE_WORDS.get(kind, kind)) for kind in kinds)
        return SCHEMA_RULE, f"'{name}' must be {expected}, not {_type_name(error.value)}{hint}"
    if error.code == _REGEX_MISMATCH:
        return (
            SCHEMA_RULE,
            f"'{name}' has an invalid value {_shown(error.value)} ({_FORMATS.get(error.constraint, error.constraint)})",
        )
    if error.code in (_UNALLOWED_VALUE, _UNALLOWED_VALUES):
        values = error.value if error.code == _UNALLOWED_VALUES else [error.value]
        bad = [value for value in values if value not in error.constraint] if isinstance(values, list) else values
        shown = ", ".join(_shown(value) for value in bad) if isinstance(bad, list) else _shown(bad)
        guess = difflib.get_close_matches(
            str(bad[0]) if isinstance(bad, list) and bad else "", error.constraint, n=1, cutoff=0.75
        )
        hint = f"did you mean '{guess[0]}'? " if guess else ""
        return (
            SCHEMA_RULE,
            f"'{name}' has an invalid value {shown} ({hint}expected one of: {', '.join(error.constraint)}; "
            f"see 'policy-lint values {field_of(schema, path)}')",
        )
    if error.code in _BOUNDS:
        return SCHEMA_RULE, f"'{name}' is {_shown(error.value)}, {_BOUNDS[error.code]} {error.constraint}"
    if error.code in (_EMPTY, _NULL):
        required = isinstance(path[-1], str) and _schema_at(schema, path).get(path[-1], {}).get("required")
        problem = "is empty" if error.code == _EMPTY else "has no value"
        return SCHEMA_RULE, f"'{name}' {problem}: write one" + ("" if required else ", or leave the key out")
    from cerberus.errors import BasicErrorHandler  # only an invalid document gets here

    template = BasicErrorHandler.messages.get(error.code, "is invalid")
    text = template.format(*(error.info or ()), constraint=error.constraint, field=name, value=error.value)
    return SCHEMA_RULE, f"'{name}' {text}"


_TYPE_WORDS: dict[str, str] = {
    "string": "text",
    "boolean": "true or false",
    "list": "a list",
    "dict": "a mapping",
    "integer": "a whole number",
    "date": "a date",
}

_FORMATS = {
    r"^[a-z0-9]+(-[a-z0-9]+)*$": "expected a kebab-case id such as 'child-protection'",
    PLACE_PATTERN: "expected an ISO 3166 two-letter country code such as 'GB', or one of " + ", ".join(REGIONS),
    PERIOD_PATTERN: (
        "expected a number and a unit, such as '35 years' or '6 months' (five digits at most), or 'indefinite'; "
        "a period that runs from an event goes in starts ('period: 6 years' with 'starts: last-contact'), "
        "and one that depends on something else in criteria ('criteria: until the pupil leaves, plus 6 years')"
    ),
    TIME_PATTERN: "expected 'immediately' or a time such as '1 month', '40 days' or '20 working days'",
    SI_PATTERN: "expected a statutory instrument number as year/number, such as '2010/959'",
    ISO_DATE_PATTERN: "expected a date as YYYY-MM-DD, such as 2024-03-31",
}


def format_hint(pattern: str) -> str:
    """What a pattern of the schemas accepts, in words, for messages and the JSON Schema."""
    return _FORMATS.get(pattern, f"expected text matching {pattern}")


def _types(rules: Schema) -> list[str]:
    kinds = rules.get("type", [])
    return [kinds] if isinstance(kinds, str) else list(kinds)


def field_of(schema: Schema, path: tuple[Any, ...]) -> str:
    """The schema field a document path names, as ``policy-lint values`` takes it:
    'rights_stated' for 'rights_stated[2]', 'rights.scope' for 'rights.access.scope'."""
    names: list[str] = []
    current: Schema | None = schema
    keyed: Schema | None = None  # the mapping schema of each value of a keyed mapping (notice.rights)
    for step in path:
        if isinstance(step, int):
            continue
        if keyed is not None:  # a key of a keyed mapping names no field
            current, keyed = keyed, None
            continue
        rules = current.get(step) if current is not None else None
        if not isinstance(rules, dict):
            break
        names.append(str(step))
        if "list" in _types(rules) and isinstance(rules.get("schema"), dict):
            rules = rules["schema"]
        if "valuesrules" in rules:
            keyed = rules["valuesrules"].get("schema", {})
        current = rules.get("schema") if isinstance(rules.get("schema"), dict) and "dict" in _types(rules) else None
    return ".".join(names)


def _shown(value: Any) -> str:
    """A value as a message quotes it: a date as the text it was written as."""
    return repr(as_text(value) if isinstance(value, dt.date) else value)


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


#: fields that state one fact together: when one cannot be read, rules that read
#: the fact from the other would report it missing (the notice's rights)
_READ_WITH: dict[tuple[str, str], tuple[str, ...]] = {
    ("notice", "rights"): ("rights_stated",),
    ("notice", "rights_stated"): ("rights",),
}


def _is_date_field(rules: Schema) -> bool:
    kinds = rules.get("type")
    return kinds == "date" or (isinstance(kinds, list) and "date" in kinds)


def _settle(value: Any, rules: Schema, path: tuple[Any, ...], todo: list[tuple[tuple[Any, ...], str]]) -> Any:
    """A valid value in the one form the model holds, and every text still to be written in it.

    A value may be written in more than one valid way (see ``PolicyValidator``):
    a date as text ("2024-03-31") becomes a date, a whole number written 12.0 an
    int, and a YAML date in a text field its text. Nested mappings and lists are
    changed in place, so that they keep their positions. ``todo`` collects the
    (path, text) of each placeholder ('TODO: ...').
    """
    kind = type(value)
    if kind is str:
        if "TODO" in value and value.lstrip().startswith("TODO") and PLACEHOLDER.match(value):
            todo.append((path, value))
        kinds = rules.get("type")  # _is_date_field, inline: most values of a policy are texts
        is_date = kinds == "date" or (type(kinds) is list and "date" in kinds)
        return as_date(value) if is_date else value
    if kind is bool or kind is int:
        return value
    if isinstance(value, dt.date):
        return value if _is_date_field(rules) else as_text(value)
    if isinstance(value, float) and "integer" in _types(rules):
        return as_whole_number(value)
    inner = rules.get("schema")
    if isinstance(value, list):
        item_rules = inner if isinstance(inner, dict) else {}
        for index, item in enumerate(value):
            value[index] = _settle(item, item_rules, (*path, index), todo)
    elif isinstance(value, dict):
        keyed = rules.get("valuesrules", {})
        for key, item in value.items():
            field_rules = inner.get(key, {}) if isinstance(inner, dict) else keyed
            value[key] = _settle(item, field_rules, (*path, key), todo)
    return value


_VALIDATORS: dict[str, Any] = {}


def _cerberus(key: str) -> Any:
    """The Cerberus validator of the entity kind under ``key``, built once per process
    (and only when a document of that kind is invalid)."""
    validator = _VALIDATORS.get(key)
    if validator is None:
        from linter.validation import EntityValidator

        validator = _VALIDATORS[key] = EntityValidator(KINDS[key][1])
    return validator


class _Builder:
    def __init__(self) -> None:
        self.policy = m.Policy()
        self.problems: list[Problem] = []
        self.field_names = {
            kind: {f.name for f in fields(cls)} - {"id", "name", "position", "positions"}
            for kind, cls in m.ENTITY_CLASSES.items()
        }
        # (entity, field name, raw ids, their positions) resolved once all are known
        self.pending: list[tuple[m.Entity, str, list[str], list[tuple[int, int] | None]]] = []

    def problem(
        self, rule: str, position: Position, entity: str, field: str, message: str, detail: str = "", hides: str = ""
    ) -> None:
        kind = entity.split(":", 1)[0]
        unreadable = (hides, *_READ_WITH.get((kind, hides), ())) if hides else ()
        self.problems.append(Problem(rule, position, entity, field, message, detail, unreadable))

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
        schema = KINDS[key][1]
        if not fastpath.validator(key)(raw):  # only an invalid entity pays for Cerberus
            validator = _cerberus(key)
            for path, error in validator.errors(raw):
                rule, message = _describe(path, error, schema)
                field_name = str(path[0]) if path else ""
                hides = field_name
                if error.code == _UNKNOWN_FIELD and len(path) == 1:  # hides the field it was meant to be, if any
                    guess = difflib.get_close_matches(field_name, list(schema), n=1)
                    hides = guess[0] if guess else ""
                self.problem(rule, _walk(raw, path, file), ref, field_name, message, _dotted(path), hides)
                data.pop(field_name, None)
        if "id" not in data:
            return
        todo: list[tuple[tuple[Any, ...], str]] = []
        for name, value in data.items():
            data[name] = _settle(value, schema.get(name, {}), (name,), todo)
        for path, text in todo:
            instruction = PLACEHOLDER.sub("", text, count=1).strip()
            message = f"'{_dotted(path)}' is still to be written" + (f": {instruction}" if instruction else "")
            self.problem(
                PLACEHOLDER_RULE, _walk(raw, path, file), ref, str(path[0]), message, _dotted(path), str(path[0])
            )
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
        entities = self.policy.entities
        for entity, name, ids, item_positions in self.pending:
            base = name.split(".")[-1]
            kinds_referred = m.REFERENCES.get((entity.KIND if "." not in name else "service", base), ())
            targets = [entities[kind] for kind in kinds_referred]
            resolved: list[m.Entity] = []
            for entity_id, place in zip(ids, item_positions, strict=False):
                found = None
                for by_id in targets:
                    found = by_id.get(entity_id)
                    if found is not None:
                        break
                if found is None:
                    kinds = " or ".join(kind.replace("_", " ") for kind in kinds_referred)
                    field_position = entity.at(name.split(".")[0])
                    self.problem(
                        DANGLING_RULE,
                        field_position if place is None else Position(field_position.file, *place),
                        entity.ref,
                        base,
                        f"'{base}' refers to {kinds} '{entity_id}', which is not defined",
                        entity_id,
                        hides=base,
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


def build(documents: Iterable[Document]) -> tuple[m.Policy, list[Problem]]:
    """Validate and build the policy; return it with the problems found. The
    policy keeps what it needs of each document, so that a document need not
    outlive its turn (the engine reads them one at a time)."""
    builder = _Builder()
    for document in documents:
        builder.add_document(document)
    builder.resolve()
    return builder.policy, builder.problems
