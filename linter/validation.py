"""Cerberus, with the format's meaning of its types: the authority on what is
invalid and the source of every schema message.

A document that :mod:`linter.fastpath` accepts is valid and never comes here;
Cerberus validates the others, to say what is wrong. Importing this module
imports Cerberus (and building a validator checks its schema, which costs
more than validating): both happen only when some document is invalid.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Iterator
from typing import Any, ClassVar

from cerberus import TypeDefinition, Validator

from linter.schema import Schema, as_date, as_text, as_whole_number, first_bad_id, ids_valid


class _Judged(type):
    """A metaclass whose ``isinstance`` asks a function: Cerberus decides a type
    with ``isinstance``, and two of the format's types are judged by value."""

    judge: Any

    def __instancecheck__(cls, value: Any) -> bool:
        return cls.judge(value) is not None


class _Date(metaclass=_Judged):
    judge = staticmethod(as_date)


class _WholeNumber(metaclass=_Judged):
    judge = staticmethod(as_whole_number)


class PolicyValidator(Validator):  # type: ignore[misc]
    """Cerberus with the one check the schemas above name (``ids``), and the
    format's meaning of three types, the one JSON (and so an editor) gives them:

    * ``date``: a date, or the same date as text in ISO form; never a date and time;
    * ``integer``: a whole number (12.0 too), never true/false (which Python counts as 0 and 1);
    * ``string``: text, or a date YAML read where text was meant, taken as its text
      (``name: 2024-03-31``): JSON has no dates, and an editor reads it as text.
    """

    types_mapping: ClassVar[dict[str, Any]] = {
        **Validator.types_mapping,
        "date": TypeDefinition("date", (_Date,), ()),
        "integer": TypeDefinition("integer", (_WholeNumber,), ()),
        "string": TypeDefinition("string", (str, dt.date), ()),
    }

    def _validate_regex(self, pattern: str, field: str, value: Any) -> None:
        """{'type': 'string'}"""
        super()._validate_regex(pattern, field, as_text(value) if isinstance(value, dt.date) else value)

    def _error(self, *args: Any) -> None:
        """Cerberus re-sorts a validator's error list, and its error trees, after
        every error it adds: quadratic in the number of errors (5,000 unknown keys
        took half a minute). Here errors are kept in arrival order, sorted once
        by :meth:`EntityValidator.errors`, and the trees (never read) are not kept."""
        if len(args) != 1:
            super()._error(*args)  # builds the error, then comes back here with a list
            return
        self._errors.extend(args[0])

    def _check_with_ids(self, field: str, value: list[Any]) -> None:
        if not isinstance(value, list) or ids_valid(value):
            return  # null: Cerberus reports it, and still runs this check
        bad = first_bad_id(value)
        if bad is not None:
            index, item = bad
            self._error(field, f"item {index + 1} ({item!r}) must be the kebab-case id of an entity")


class EntityValidator:
    """Validates one entity against its kind's schema, nested mappings included.

    Cerberus builds a child validator (and hashes its schema) for every nested
    mapping it meets, which dominates the cost on large policies. The same
    declarative schema is therefore split once: the entity's own fields go to
    one reusable validator, and each nested mapping (or list of mappings) to
    a reusable validator of its own. ``errors`` yields every leaf error with its
    full path from the entity, exactly as one validator over the whole schema
    would report it.
    """

    def __init__(self, schema: Schema) -> None:
        self.schema = schema
        top: Schema = {}
        self.nested: dict[str, tuple[EntityValidator, bool]] = {}
        for name, rules in schema.items():
            inner = rules.get("schema")
            if rules.get("type") == "dict" and isinstance(inner, dict):
                top[name] = {key: value for key, value in rules.items() if key != "schema"}
                self.nested[name] = (EntityValidator(inner), False)
            elif rules.get("type") == "list" and isinstance(inner, dict) and isinstance(inner.get("schema"), dict):
                top[name] = {**rules, "schema": {key: value for key, value in inner.items() if key != "schema"}}
                self.nested[name] = (EntityValidator(inner["schema"]), True)
            else:
                top[name] = rules
        self.validator = PolicyValidator(top)

    def errors(self, document: dict[str, Any], prefix: tuple[Any, ...] = ()) -> Iterator[tuple[tuple[Any, ...], Any]]:
        """(path, leaf Cerberus error) for every problem in ``document``."""
        if not self.validator.validate(document, normalize=False):
            for error in _leaves(sorted(self.validator._errors)):
                yield prefix + tuple(error.document_path), error
        for name, (nested, is_list) in self.nested.items():
            value = document.get(name)
            if not is_list and isinstance(value, dict):
                yield from nested.errors(value, (*prefix, name))
            elif is_list and isinstance(value, list):
                for index, item in enumerate(value):
                    if isinstance(item, dict):
                        yield from nested.errors(item, (*prefix, name, index))


def _leaves(errors: Iterable[Any]) -> Iterator[Any]:
    for error in errors:
        if error.is_group_error:
            yield from _leaves(error.child_errors or ())
        else:
            yield error
