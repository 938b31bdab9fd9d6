"""The JSON Schema (for editors) says what the Cerberus schemas (for the linter)
say: generated from them, shipped as generated, and giving the same verdict on
every policy of the project and on a probe of every field."""

from __future__ import annotations

import datetime as dt
import itertools
from pathlib import Path
from typing import Any

import hostile_policy
import jsonschema
import pytest
from schema_probes import CASES, as_loaded, policy_files, rule_examples
from support import ROOT, cli

from linter import schema_json
from linter.build import SCHEMA_RULE, UNKNOWN_KEY_RULE, build
from linter.loader import Document, load_file, parse
from linter.schema import (
    KINDS,
    Schema,
    as_text,
)
from linter.validation import EntityValidator

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


POLICY_FILES = policy_files()


def test_there_are_policy_files_to_compare() -> None:
    assert len([path for path in POLICY_FILES if path.is_relative_to(ROOT / "policy")]) > 30


@pytest.mark.parametrize("path", POLICY_FILES, ids=[str(p.relative_to(ROOT)) for p in POLICY_FILES])
def test_linter_and_editor_agree_on_a_file(path: Path) -> None:
    document = load_file(path)
    assert linter_accepts(document) == editor_accepts(document.data), path


EXAMPLES = list(rule_examples())


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
        linter = not any(True for _ in validator.errors(as_loaded(entity)))
        if linter != editor.is_valid(as_json(entity)):
            disagreements.append(f"{where} = {entity!r}: linter {'accepts' if linter else 'refuses'}")
    assert disagreements == []
    assert len(cases) > 100


def test_the_probe_reaches_nested_fields() -> None:
    wheres = {where for _, where, _ in CASES}
    assert {"contract.signed", "rights.access.scope", "laws_cited[0].year", "trace.also[0].quote"} <= wheres
    assert len(list(itertools.islice(CASES, 20000))) > 3000
