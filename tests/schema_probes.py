"""Policy documents and field probes for tests that compare two validators
(the JSON Schema for editors, the fast path) with the Cerberus schemas."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from support import ROOT, example_files

from checks.registry import RULES
from linter.loader import LoadError, Mapping, load_file
from linter.schema import ID_PATTERN, KINDS, PERIOD_PATTERN, PLACE_PATTERN, SI_PATTERN, TIME_PATTERN, Schema


def policy_files() -> list[Path]:
    folders = [ROOT / "policy", *sorted((ROOT / "tests" / "corpus").glob("*/policy"))]
    files = [path for folder in folders for path in sorted(folder.rglob("*.y*ml"))]
    # the hostile corpus (tests/hostile/), whatever its layout, and any YAML fixture of the tests
    files += [path for path in sorted((ROOT / "tests").rglob("*.y*ml")) if path not in files]
    # not policy: waiver files, and the corpus's lists of expected problems; and
    # not files the loader refuses before any schema (tests/hostile/ checks those)
    return [path for path in files if path.name not in ("policy-waivers.yaml", "expected.yaml") and _loads(path)]


def _loads(path: Path) -> bool:
    try:
        load_file(path)
    except LoadError:
        return False
    return True


def rule_examples() -> Iterator[tuple[str, str]]:
    for rule in RULES.values():
        for side, example in (("failing", rule.failing), ("passing", rule.passing)):
            for name, text in example_files(example).items():
                if name != "policy-waivers.yaml":
                    yield f"{rule.id}-{side}-{name}", text


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


def as_loaded(value: Any) -> Any:
    """Plain data as the loader builds it (Mapping and lists), for the entity validator."""
    if isinstance(value, dict):
        mapping = Mapping()
        mapping.update({key: as_loaded(item) for key, item in value.items()})
        return mapping
    if isinstance(value, list):
        return [as_loaded(item) for item in value]
    return value
