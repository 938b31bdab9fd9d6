"""The JSON Schema (for editors) says what the Cerberus schemas (for the linter)
say: generated from them, shipped as generated, and giving the same verdict on
every policy of the project and on a probe of every field."""

from __future__ import annotations

import datetime as dt
import itertools
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import hostile_policy
import jsonschema
import pytest
from support import ROOT, cli, example_files

from checks.registry import RULES
from linter import schema_json
from linter.build import SCHEMA_RULE, UNKNOWN_KEY_RULE, build
from linter.loader import Document, LoadError, Mapping, load_file, parse
from linter.schema import (
    ID_PATTERN,
    KINDS,
    PERIOD_PATTERN,
    PLACE_PATTERN,
    SI_PATTERN,
    TIME_PATTERN,
    EntityValidator,
    Schema,
    as_text,
)

SCHEMA = schema_json.generate()
VALIDATOR = jsonschema.Draft7Validator(SCHEMA, format_checker=jsonschema.Draft7Validator.FORMAT_CHECKER)


def as_json(value: Any) -> Any:
    """A loaded YAML value as JSON holds it: dates (and dates with times) as their text."""
    if isinstance(value, dt.date):
        return as_text(value)
    if isinstance(value, dict):
        return {key: as_json(item) for key, item in value.items()}
    if isinstance(value, list):
        return [as_json(item) for item in value]
    return value


def linter_accepts(document: Document) -> bool:
    """The linter's verdict: no schema problem (references and placeholders are not the schema's business)."""
    _, problems = build([document])
    return not any(problem.rule in (SCHEMA_RULE, UNKNOWN_KEY_RULE) for problem in problems)


def editor_accepts(data: Any) -> bool:
    return VALIDATOR.is_valid(as_json(data))


# --- the shipped file and the command --------------------------------------------------------------


def test_the_shipped_schema_is_the_generated_one() -> None:
    assert schema_json.SHIPPED.read_text(encoding="utf-8") == schema_json.render(), (
        "regenerate it: policy-lint schema -o linter/policy.schema.json"
    )


def test_the_schema_is_a_valid_draft_7_schema() -> None:
    jsonschema.Draft7Validator.check_schema(SCHEMA)


def test_the_command_prints_it_and_writes_it(tmp_path: Path) -> None:
    code, out, _ = cli("schema")
    assert code == 0 and out == schema_json.render()
    target = tmp_path / "policy.schema.json"
    assert cli("schema", "-o", str(target))[0] == 0
    assert target.read_text(encoding="utf-8") == schema_json.render()
    code, _, err = cli("schema", "-o", str(tmp_path / "policy.yaml"))
    assert code == 2 and "choose another name" in err


def test_every_kind_is_optional_and_nothing_else_is_allowed() -> None:
    assert set(SCHEMA["properties"]) == set(KINDS)
    assert "required" not in SCHEMA and SCHEMA["additionalProperties"] is False
    assert editor_accepts({}) and editor_accepts({"services": []})


def test_enumerated_values_are_there_to_complete() -> None:
    controller = SCHEMA["definitions"]["controller"]["properties"]
    assert "local-authority" in controller["kind"]["enum"]
    notice = SCHEMA["definitions"]["notice"]["properties"]
    assert "access" in notice["rights_stated"]["items"]["enum"]
    assert "scope" in notice["rights"]["additionalProperties"]["properties"]


# --- the generator fails loudly -----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("rules", "complaint"),
    [
        ({"type": "string", "coerce": int}, "'coerce'"),
        ({"type": "float"}, "'float'"),
        ({"type": "string", "empty": True}, "empty: False"),
        ({"type": "list", "check_with": "something"}, "check_with 'something'"),
        ({"type": "string", "regex": r"(?P<name>x)"}, "does not share"),
        ({"type": ["date", "string"]}, "a date among other types"),
        ({"type": "string", "min": "a"}, "not a number"),
        ({}, "no type"),
    ],
)
def test_a_rule_without_a_translation_stops_the_generator(rules: Schema, complaint: str) -> None:
    with pytest.raises(schema_json.ExportError, match=complaint):
        schema_json.field(rules, "x")


# --- the same verdict on every policy of the project ---------------------------------------------------


def _policy_files() -> list[Path]:
    folders = [ROOT / "policy", *sorted((ROOT / "tests" / "corpus").glob("*/policy"))]
    files = [path for folder in folders for path in sorted(folder.rglob("*.y*ml"))]
    # the hostile corpus (tests/hostile/), whatever its layout, and any YAML fixture of the tests
    files += [path for path in sorted((ROOT / "tests").rglob("*.y*ml")) if path not in files]
    # not policy: waiver files, and the corpus's lists of expected problems
    return [path for path in files if path.name not in ("policy-waivers.yaml", "expected.yaml")]


POLICY_FILES = _policy_files()


def test_there_are_policy_files_to_compare() -> None:
    assert len([path for path in POLICY_FILES if path.is_relative_to(ROOT / "policy")]) > 30


@pytest.mark.parametrize("path", POLICY_FILES, ids=[str(p.relative_to(ROOT)) for p in POLICY_FILES])
def test_linter_and_editor_agree_on_a_file(path: Path) -> None:
    try:
        document = load_file(path)
    except LoadError:
        pytest.skip("not loadable YAML: the loader refuses it before any schema")
    assert linter_accepts(document) == editor_accepts(document.data), path


def _examples() -> Iterator[tuple[str, str]]:
    for rule in RULES.values():
        for side, example in (("failing", rule.failing), ("passing", rule.passing)):
            for name, text in example_files(example).items():
                if name != "policy-waivers.yaml":
                    yield f"{rule.id}-{side}-{name}", text


EXAMPLES = list(_examples())


@pytest.mark.parametrize(("name", "text"), EXAMPLES, ids=[name for name, _ in EXAMPLES])
def test_linter_and_editor_agree_on_a_rule_example(name: str, text: str) -> None:
    document = Document(name, parse(text, name))
    assert linter_accepts(document) == editor_accepts(document.data)


def test_linter_and_editor_agree_on_the_hostile_policy() -> None:
    data = hostile_policy.policy()
    document = Document("hostile.yaml", parse(_yaml(data), "hostile.yaml"))
    assert linter_accepts(document) == editor_accepts(document.data)
    assert not linter_accepts(document), "the hostile policy puts payloads in constrained fields"


def _yaml(data: Any) -> str:
    import yaml

    return yaml.safe_dump(data, allow_unicode=True, sort_keys=False)


# --- the same verdict on a probe of every field --------------------------------------------------------

_SAMPLES = {
    ID_PATTERN: "x",
    PLACE_PATTERN: "GB",
    PERIOD_PATTERN: "6 years",
    TIME_PATTERN: "1 month",
    SI_PATTERN: "2010/959",
}


def _types(rules: Schema) -> list[str]:
    kinds = rules.get("type", [])
    return [kinds] if isinstance(kinds, str) else list(kinds)


def sample(rules: Schema) -> Any:
    """A valid value for a field."""
    types = _types(rules)
    if "allowed" in rules:
        return [rules["allowed"][0]] if types == ["list"] else rules["allowed"][0]
    if "regex" in rules:
        return _SAMPLES[rules["regex"]]
    kind = types[0]
    if kind == "list":
        return [sample(rules["schema"])] if "schema" in rules else ["x"]
    if kind == "dict":
        return minimal(rules.get("schema", {}))
    return {"string": "x", "boolean": True, "integer": rules.get("min", 1), "date": dt.date(2026, 1, 31)}[kind]


def minimal(schema: Schema) -> dict[str, Any]:
    return {name: sample(rules) for name, rules in schema.items() if rules.get("required")}


_PROBES: list[Any] = [
    None,
    "",
    " ",
    "x",
    "Bad Id",
    "bad-id\n",
    "GB",
    "gb",
    "6 years",
    "TODO",
    0,
    1,
    12.0,
    1.5,
    1000,
    99999,
    True,
    False,
    [],
    ["x"],
    ["a b"],
    [1],
    [None],
    {},
    {"x": 1},
    dt.date(2026, 1, 31),
    dt.datetime(2026, 1, 31, 10, 0),
    "2026-01-31",
    "2026-02-30",
    "31/01/2026",
]


def probes(schema: Schema) -> Iterator[tuple[str, dict[str, Any]]]:
    """(where, mapping) with one field of ``schema`` (at any depth) set to each probe value."""
    base = minimal(schema)
    for name, rules in schema.items():
        values = [*_PROBES, sample(rules)]
        if "allowed" in rules:
            values += [*rules["allowed"], [*rules["allowed"]], rules["allowed"][0] + "x"]
        for value in values:
            yield name, {**base, name: value}
        yield f"{name}-missing", {key: value for key, value in base.items() if key != name}
        types, inner = _types(rules), rules.get("schema")
        if "dict" in types and isinstance(inner, dict):
            for where, sub in probes(inner):
                yield f"{name}.{where}", {**base, name: sub}
        if "list" in types and isinstance(inner, dict):
            item = inner.get("schema")
            if "dict" in _types(inner) and isinstance(item, dict):
                for where, sub in probes(item):
                    yield f"{name}[0].{where}", {**base, name: [sub]}
            for value in _PROBES:
                yield f"{name}[0]", {**base, name: [value]}
        if "valuesrules" in rules:
            key = sample(rules["keysrules"])
            for where, sub in probes(rules["valuesrules"]["schema"]):
                yield f"{name}.{key}.{where}", {**base, name: {key: sub}}
            for bad_key in ("", "x", key + "x"):
                yield f"{name}.<{bad_key}>", {**base, name: {bad_key: {}}}


CASES = [(key, where, entity) for key, (_, schema, _) in KINDS.items() for where, entity in probes(schema)]


@pytest.mark.parametrize("key", list(KINDS))
def test_linter_and_editor_agree_on_every_field_of_a_kind(key: str) -> None:
    singular, schema, _ = KINDS[key]
    validator = EntityValidator(schema)
    editor = jsonschema.Draft7Validator(
        SCHEMA["definitions"][singular], format_checker=jsonschema.Draft7Validator.FORMAT_CHECKER
    )
    disagreements = []
    cases = [(where, entity) for kind, where, entity in CASES if kind == key]
    for where, entity in cases:
        linter = not any(True for _ in validator.errors(_mapping(entity)))
        if linter != editor.is_valid(as_json(entity)):
            disagreements.append(f"{where} = {entity!r}: linter {'accepts' if linter else 'refuses'}")
    assert disagreements == []
    assert len(cases) > 100


def _mapping(value: Any) -> Any:
    """Plain data as the loader builds it (Mapping and lists), for the entity validator."""
    if isinstance(value, dict):
        mapping = Mapping()
        mapping.update({key: _mapping(item) for key, item in value.items()})
        return mapping
    if isinstance(value, list):
        return [_mapping(item) for item in value]
    return value


def test_the_probe_reaches_nested_fields() -> None:
    wheres = {where for _, where, _ in CASES}
    assert {"contract.signed", "rights.access.scope", "laws_cited[0].year", "trace.also[0].quote"} <= wheres
    assert len(list(itertools.islice(CASES, 20000))) > 3000
