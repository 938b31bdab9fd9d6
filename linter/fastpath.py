"""A fast test of validity, compiled once from the declarative schemas.

Cerberus is the schema language and the authority on what is invalid, but it
is slow: it dispatches every rule of every field through its generic
machinery. Most documents are valid, and a valid document needs no messages.
:func:`validator` compiles a schema of :mod:`linter.schema` into plain Python
predicates that answer one question, "would Cerberus find nothing wrong
here?"; only a document they reject is validated by Cerberus, to produce the
messages.

A predicate must never accept what Cerberus rejects: each rule below is
translated with Cerberus's own meaning (as :class:`linter.validation.PolicyValidator`
sets it: a date may be written as text, a whole number as 12.0, text as a date
YAML read), and a rule with no translation stops the compiler rather than being
left out. ``tests/linter/test_fastpath.py`` checks that both give the same
verdict on every shipped, corpus, fuzz and hostile policy and on valid and
invalid variants of every field.

This module imports neither Cerberus nor the model.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Sized
from typing import Any

from linter.loader import Sequence
from linter.schema import KINDS, Schema, as_date, as_text, as_whole_number, ids_valid

Check = Callable[[Any], bool]


class CompileError(Exception):
    """A schema rule (or value of one) with no translation here."""


def _types(rules: Schema) -> tuple[str, ...]:
    kinds = rules.get("type", ())
    return (kinds,) if isinstance(kinds, str) else tuple(kinds)


def _is_text(value: Any) -> bool:
    return isinstance(value, (str, dt.date))


def _is_date(value: Any) -> bool:
    return as_date(value) is not None


def _is_whole(value: Any) -> bool:
    return as_whole_number(value) is not None


def _is_list(value: Any) -> bool:
    return isinstance(value, list)


def _is_dict(value: Any) -> bool:
    return isinstance(value, dict)


def _is_bool(value: Any) -> bool:
    return isinstance(value, bool)


#: Cerberus type name -> the test PolicyValidator's types_mapping gives it
_TYPE_TESTS: dict[str, Check] = {
    "string": _is_text,
    "date": _is_date,
    "integer": _is_whole,
    "list": _is_list,
    "dict": _is_dict,
    "boolean": _is_bool,
}


def _type_test(types: tuple[str, ...], where: str) -> Check:
    unknown = [kind for kind in types if kind not in _TYPE_TESTS]
    if unknown or not types:
        raise CompileError(f"{where}: no test for type {unknown[0] if unknown else None!r}")
    tests = [_TYPE_TESTS[kind] for kind in types]
    if len(tests) == 1:
        return tests[0]
    return lambda value: any(test(value) for test in tests)


def _regex(pattern: str) -> Check:
    # as Cerberus: '$' appended when missing, matched from the start; a date is
    # matched as its text (PolicyValidator._validate_regex); anything else is
    # not a regex's business
    compiled = re.compile(pattern if pattern.endswith("$") else pattern + "$")

    def check(value: Any) -> bool:
        if isinstance(value, dt.date):
            value = as_text(value)
        return not isinstance(value, str) or compiled.match(value) is not None

    return check


def _allowed(values: Any) -> Check:
    allowed = frozenset(values) if all(isinstance(value, str) for value in values) else tuple(values)

    def check(value: Any) -> bool:
        if isinstance(value, str):
            return value in allowed
        if isinstance(value, (list, dict)):  # Cerberus: every item (or key) of an iterable
            return all(isinstance(item, str) and item in allowed for item in value)
        return False  # a value Cerberus would compare as a whole: rejected, Cerberus decides

    return check


def _bound(limit: Any, lower: bool) -> Check:
    def check(value: Any) -> bool:
        try:
            return bool(value >= limit) if lower else bool(value <= limit)
        except TypeError:
            return False

    return check


def _not_empty(value: Any) -> bool:
    if isinstance(value, (str, list, dict)):
        return len(value) != 0
    return not (isinstance(value, Sized) and len(value) == 0)


def _keys(check: Check) -> Check:
    """Cerberus's 'keysrules': every key of a mapping."""
    return lambda value: not isinstance(value, dict) or all(map(check, value))


def _values(check: Check) -> Check:
    """Cerberus's 'valuesrules': every value of a mapping."""
    return lambda value: not isinstance(value, dict) or all(map(check, value.values()))


def field(rules: Schema, where: str) -> Check:
    """The predicate of one field's rules: True only if Cerberus finds nothing wrong."""
    general = _general(rules, where)
    return _text(rules, general) or _flag(rules) or _ids(rules, general) or general


def _text(rules: Schema, general: Check) -> Check | None:
    """Text (the most common field): a str decided in one step, anything else as in general."""
    if _types(rules) != ("string",) or not set(rules) <= {"type", "required", "empty", "regex", "allowed"}:
        return None
    non_empty = rules.get("empty") is False
    regex = (
        re.compile(rules["regex"] if rules["regex"].endswith("$") else rules["regex"] + "$")
        if "regex" in rules
        else None
    )
    allowed = frozenset(rules["allowed"]) if "allowed" in rules else None

    def check(value: Any) -> bool:
        if type(value) is not str:
            return general(value)
        return (
            (not non_empty or value != "")
            and (regex is None or regex.match(value) is not None)
            and (allowed is None or value in allowed)
        )

    return check


def _flag(rules: Schema) -> Check | None:
    """true/false and nothing more."""
    if set(rules) - {"required"} != {"type"} or _types(rules) != ("boolean",):
        return None
    return lambda value: value is True or value is False


def _ids(rules: Schema, general: Check) -> Check | None:
    """A list of references (``check_with: ids``) and nothing more."""
    if (
        set(rules) - {"required"} != {"type", "check_with"}
        or _types(rules) != ("list",)
        or rules["check_with"] != "ids"
    ):
        return None
    return lambda value: ids_valid(value) if type(value) is Sequence else general(value)


def _general(rules: Schema, where: str) -> Check:
    """Every rule of a field, one predicate each, in order."""
    types = _types(rules)
    checks: list[Check] = [_type_test(types, where)]
    for rule, value in rules.items():
        if rule in ("type", "required"):
            continue  # the type is above; required belongs to the mapping that holds the field
        if rule == "empty":
            if value is not False:
                raise CompileError(f"{where}: only 'empty: False' has a translation")
            checks.append(_not_empty)
        elif rule == "regex":
            checks.append(_regex(value))
        elif rule == "allowed":
            checks.append(_allowed(value))
        elif rule in ("min", "max"):
            checks.append(_bound(value, lower=rule == "min"))
        elif rule == "schema":
            if not isinstance(value, dict):
                raise CompileError(f"{where}: 'schema' must be a mapping of rules")
            checks.append(_schema(value, types, where))
        elif rule == "keysrules":
            checks.append(_keys(field(value, f"{where}.<key>")))
        elif rule == "valuesrules":
            checks.append(_values(field(value, f"{where}.<value>")))
        elif rule == "check_with":
            if value != "ids":
                raise CompileError(f"{where}: no translation of check_with {value!r}")
            checks.append(lambda items: not isinstance(items, list) or ids_valid(items))
        else:
            raise CompileError(f"{where}: no translation of the rule {rule!r}")
    return _all(checks)


def _schema(inner: Schema, types: tuple[str, ...], where: str) -> Check:
    """Cerberus's 'schema' rule: the item rules of a list, the fields of a mapping
    (a field that may be either takes the one that fits the value)."""
    item: Check | None = field(inner, f"{where}[]") if "list" in types else None
    fields: Check | None = mapping(inner, where) if "dict" in types else None
    if item is None and fields is None:
        raise CompileError(f"{where}: 'schema' on a field that is neither a list nor a mapping")

    def check(value: Any) -> bool:
        if isinstance(value, list):
            return item is not None and all(item(element) for element in value)
        if isinstance(value, dict):
            return fields is not None and fields(value)
        return True

    return check


def _all(checks: list[Check]) -> Check:
    """Every check, in order; None (YAML's empty value) is never valid (Cerberus: not nullable)."""
    if len(checks) == 1:
        (only,) = checks
        return lambda value: value is not None and only(value)
    if len(checks) == 2:
        first, second = checks
        return lambda value: value is not None and first(value) and second(value)
    return lambda value: value is not None and all(check(value) for check in checks)


def mapping(schema: Schema, where: str = "") -> Check:
    """The predicate of a mapping of fields: known keys only, required keys present."""
    fields = {name: field(rules, f"{where}.{name}" if where else name) for name, rules in schema.items()}
    required = tuple(name for name, rules in schema.items() if rules.get("required"))

    def check(document: Any) -> bool:
        if not isinstance(document, dict):
            return False
        for key, value in document.items():
            test = fields.get(key)
            if test is None or not test(value):
                return False
        return all(name in document for name in required)

    return check


_COMPILED: dict[str, Check] = {}


def validator(key: str) -> Check:
    """The compiled predicate of the entity kind under ``key`` (``services``, ``notice`` ...)."""
    check = _COMPILED.get(key)
    if check is None:
        singular, schema, _ = KINDS[key]
        check = _COMPILED[key] = mapping(schema, singular)
    return check
