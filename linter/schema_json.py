"""The policy format as a JSON Schema, generated from the Cerberus schemas.

``linter/schema.py`` is the one source of truth; this module translates it, so
that an editor (the VS Code YAML extension, any JSON Schema tool) can complete
keys and enumerated values and flag mistakes while a file is being written.
Each policy file is validated on its own: a file may hold any subset of the
entity kinds, as files are edited one at a time.

Every Cerberus rule the schemas use has a translation here; a rule without one
stops the generator (:class:`ExportError`) rather than being left out, since a
schema that silently accepted more than the linter would mislead. The test
``tests/linter/test_schema_json.py`` validates every policy of the project with
both and requires the same verdict, and keeps the copy shipped in the package
(``linter/policy.schema.json``) equal to what this module generates.
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

from linter.build import format_hint
from linter.schema import ID_PATTERN, ISO_DATE_PATTERN, KINDS, Schema

#: the copy shipped in the package, for tools that want a file
SHIPPED = Path(__file__).with_name("policy.schema.json")
DRAFT = "http://json-schema.org/draft-07/schema#"

_SIMPLE_TYPES = {"string": "string", "boolean": "boolean", "integer": "integer", "list": "array", "dict": "object"}
#: regular-expression syntax that Python reads one way and JSON Schema's ECMA-262 another (or not at all)
_NOT_PORTABLE = re.compile(r"\(\?P|\(\?[aiLmsux#]|\\[AZz]|\(\?<[=!]|\\[pP]\{")
#: the one check_with function of the schemas: a list of kebab-case ids
_CHECKS = {"ids": {"items": {"type": "string", "pattern": ID_PATTERN}}}


class ExportError(Exception):
    """A Cerberus rule (or value of one) with no JSON Schema translation."""


def _pattern(regex: str, where: str) -> str:
    """A Cerberus regex as a JSON Schema pattern: Cerberus matches from the start and
    appends '$' when missing; JSON Schema searches anywhere."""
    if _NOT_PORTABLE.search(regex):
        raise ExportError(f"{where}: the pattern {regex!r} uses syntax JSON Schema (ECMA-262) does not share")
    anchored = regex if regex.endswith("$") else regex + "$"
    if anchored.startswith("^") and "|" not in anchored:
        return anchored
    return f"^(?:{anchored})"


def _described(pattern: str) -> str:
    """What a pattern accepts, as an editor shows it on hover: 'a kebab-case id such as ...'."""
    return format_hint(pattern).removeprefix("expected ")


def _types(rules: Schema) -> list[str]:
    kinds = rules.get("type", [])
    return [kinds] if isinstance(kinds, str) else list(kinds)


def _fields(schema: Schema, where: str) -> dict[str, Any]:
    """A mapping of fields (a Cerberus dict schema) as a closed JSON object."""
    properties = {name: field(rules, f"{where}.{name}") for name, rules in schema.items()}
    out: dict[str, Any] = {"properties": properties, "additionalProperties": False}
    required = [name for name, rules in schema.items() if rules.get("required")]
    if required:
        out["required"] = required
    return out


def field(rules: Schema, where: str) -> dict[str, Any]:
    """One Cerberus field definition as a JSON Schema; ``where`` names it in errors."""
    out: dict[str, Any] = {}
    types = _types(rules)
    if not types:
        raise ExportError(f"{where}: a field with no type")
    if "date" in types:
        if len(types) > 1:
            raise ExportError(f"{where}: a date among other types")
        out.update({"type": "string", "pattern": ISO_DATE_PATTERN, "format": "date"})
        out["description"] = _described(ISO_DATE_PATTERN)
    else:
        unknown = [kind for kind in types if kind not in _SIMPLE_TYPES]
        if unknown:
            raise ExportError(f"{where}: no JSON Schema type for {unknown[0]!r}")
        json_types = [_SIMPLE_TYPES[kind] for kind in types]
        out["type"] = json_types[0] if len(json_types) == 1 else json_types
    for rule, value in rules.items():
        if rule in ("type", "required"):
            continue  # the type is above; required is stated by the mapping that holds the field
        if rule == "empty":
            if value is not False:
                raise ExportError(f"{where}: only 'empty: False' has a translation")
            if "string" in types:
                out["minLength"] = 1
            if "list" in types:
                out["minItems"] = 1
            if "dict" in types:
                out["minProperties"] = 1
        elif rule == "regex":
            if types != ["string"]:
                raise ExportError(f"{where}: a regex on a field that is not only text")
            out["pattern"] = _pattern(value, where)
            out["description"] = _described(value)
        elif rule == "allowed":
            if types == ["string"]:
                out["enum"] = list(value)
            elif types == ["list"]:
                out["items"] = {"enum": list(value)}
            else:
                raise ExportError(f"{where}: 'allowed' on a field of type {types}")
        elif rule in ("min", "max"):
            if not set(types) <= {"integer"}:
                raise ExportError(f"{where}: '{rule}' on a field that is not a number")
            out["minimum" if rule == "min" else "maximum"] = value
        elif rule == "schema":
            if "list" in types and "dict" in types:
                raise ExportError(f"{where}: 'schema' on a field that may be a list or a mapping")
            if "list" in types:
                out["items"] = field(value, f"{where}[]")
            elif "dict" in types:
                out.update(_fields(value, where))
            else:
                raise ExportError(f"{where}: 'schema' on a field that is neither a list nor a mapping")
        elif rule == "keysrules":
            out["propertyNames"] = field(value, f"{where}.<key>")
        elif rule == "valuesrules":
            if "schema" in rules:
                raise ExportError(f"{where}: both 'schema' and 'valuesrules'")
            out["additionalProperties"] = field(value, f"{where}.<value>")
        elif rule == "check_with":
            if value not in _CHECKS or types != ["list"]:
                raise ExportError(f"{where}: no JSON Schema for check_with {value!r}")
            out.update(_CHECKS[value])
        else:
            raise ExportError(f"{where}: no JSON Schema for the Cerberus rule {rule!r}")
    return out


def generate() -> dict[str, Any]:
    """The JSON Schema of one policy file: a mapping of entity kinds, each optional."""
    definitions = {singular: {"type": "object", **_fields(schema, singular)} for singular, schema, _ in KINDS.values()}
    properties: dict[str, Any] = {}
    for key, (singular, _, is_list) in KINDS.items():
        reference = {"$ref": f"#/definitions/{singular}"}
        properties[key] = {"type": "array", "items": reference} if is_list else reference
    return {
        "$schema": DRAFT,
        "title": "policy-lint policy file",
        "description": (
            "One file of a policy-lint policy: a mapping whose keys name entity kinds. The format is described in "
            "docs/policy-format.md; generated by 'policy-lint schema' from the linter's own schemas."
        ),
        "type": "object",
        "properties": properties,
        "additionalProperties": False,
        "definitions": definitions,
    }


def render() -> str:
    """The schema as the shipped file and ``policy-lint schema`` write it."""
    return json.dumps(generate(), indent=2, ensure_ascii=False) + "\n"
