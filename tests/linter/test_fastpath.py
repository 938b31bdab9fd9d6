"""The fast path (linter/fastpath.py) and Cerberus give the same verdict.

The fast path decides alone only what it accepts, so it must never accept what
Cerberus rejects; it should also accept whatever Cerberus accepts, or valid
documents pay for Cerberus after all. Both are compared entity by entity on
every policy of the project (shipped, corpus, test fixtures and the hostile
corpus), every rule example, the hostile policy, and a valid and many invalid
variants of every field of every kind.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import hostile_policy
import pytest
import yaml
from schema_probes import CASES, as_loaded, policy_files, rule_examples
from support import ROOT

from linter import fastpath
from linter.build import build
from linter.loader import Document, Mapping, load_file, parse
from linter.schema import KINDS, Schema
from linter.validation import EntityValidator

VALIDATORS = {key: EntityValidator(schema) for key, (_, schema, _) in KINDS.items()}


def entities(data: Mapping) -> Iterator[tuple[str, Any]]:
    """(kind key, entity) for every entity of a document, as the builder meets them."""
    for key, value in data.items():
        if key not in KINDS:
            continue
        if KINDS[key][2]:
            if isinstance(value, list):
                yield from ((key, item) for item in value if isinstance(item, dict))
        elif isinstance(value, dict):
            yield key, value


def disagreements(data: Mapping) -> list[str]:
    found = []
    for key, entity in entities(data):
        cerberus = not any(True for _ in VALIDATORS[key].errors(entity))
        fast = fastpath.validator(key)(entity)
        if fast != cerberus:
            found.append(f"{key}: fast path {'accepts' if fast else 'refuses'}, Cerberus does not: {entity!r}")
    return found


FILES = policy_files()


def test_there_are_files_of_every_kind() -> None:
    kinds = set()
    for path in FILES:
        kinds |= {key for key, _ in entities(load_file(path).data)}
    assert kinds == set(KINDS)


@pytest.mark.parametrize("path", FILES, ids=[str(p.relative_to(ROOT)) for p in FILES])
def test_same_verdict_on_every_entity_of_a_file(path: Path) -> None:
    document = load_file(path)
    assert disagreements(document.data) == []


EXAMPLES = list(rule_examples())


def test_same_verdict_on_every_rule_example() -> None:
    found = [f"{name}: {problem}" for name, text in EXAMPLES for problem in disagreements(parse(text, name))]
    assert found == []


def test_same_verdict_on_the_hostile_policy() -> None:
    text = yaml.safe_dump(hostile_policy.policy(), allow_unicode=True, sort_keys=False)
    data = parse(text, "hostile.yaml")
    assert disagreements(data) == []
    assert not all(fastpath.validator(key)(entity) for key, entity in entities(data))


@pytest.mark.parametrize("key", list(KINDS))
def test_same_verdict_on_variants_of_every_field(key: str) -> None:
    cases = [(where, entity) for kind, where, entity in CASES if kind == key]
    found = []
    accepted = refused = 0
    for where, entity in cases:
        loaded = as_loaded(entity)
        cerberus = not any(True for _ in VALIDATORS[key].errors(loaded))
        fast = fastpath.validator(key)(loaded)
        accepted += cerberus
        refused += not cerberus
        if fast != cerberus:
            found.append(f"{where} = {entity!r}: fast path {'accepts' if fast else 'refuses'}")
    assert found == []
    assert accepted > 10 and refused > 50, "the variants are both valid and invalid"


def test_problems_are_the_same_with_and_without_the_fast_path(monkeypatch: pytest.MonkeyPatch) -> None:
    """The builder asks Cerberus only about refused entities: the problems it records do not change."""
    text = yaml.safe_dump(hostile_policy.policy(), allow_unicode=True, sort_keys=False)
    documents = [Document("hostile.yaml", parse(text, "hostile.yaml"))]
    documents += [load_file(path) for path in sorted((ROOT / "policy").rglob("*.yaml"))]
    documents += [load_file(path) for path in FILES if "corpus" in path.parts]
    fast = build(documents)[1]
    monkeypatch.setattr(fastpath, "validator", lambda key: lambda entity: False)
    slow = build(documents)[1]
    assert fast == slow
    assert any(problem.rule == "SCH001" for problem in slow)


@pytest.mark.parametrize(
    ("rules", "complaint"),
    [
        ({"type": "string", "nullable": True}, "no translation of the rule 'nullable'"),
        ({"type": "set"}, "no test for type 'set'"),
        ({"type": "string", "empty": True}, "only 'empty: False'"),
        ({"type": "list", "check_with": "emails"}, "no translation of check_with 'emails'"),
        ({"type": "string", "schema": {"type": "string"}}, "neither a list nor a mapping"),
    ],
)
def test_a_rule_without_a_translation_stops_the_compiler(rules: Schema, complaint: str) -> None:
    with pytest.raises(fastpath.CompileError, match=complaint):
        fastpath.mapping({"field": rules}, "kind")
