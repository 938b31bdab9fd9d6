"""What a policy author may write in each field: the reference behind
``policy-lint values`` and the pages of ``docs/reference/``.

Two sources, read whole so that a new row or value shows up by itself:

* the schemas (``linter/schema.py``): every field with a fixed set of values,
  a format (ids, places, periods, dates) or bounds;
* the knowledge files (``checks/knowledge/*.yaml``): the vocabularies the rules
  compare with (starting events, disposal methods, statutory minimums, transfer
  mechanisms, adequacy destinations, lawful bases, Schedule 1 conditions,
  controller kinds, renamed bodies), each value with what it means, its dates
  and how its row was verified.
"""

from __future__ import annotations

import datetime as dt
import functools
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass
from typing import Any

from checks import facts, naming
from linter.build import format_hint
from linter.schema import ID_PATTERN, ISO_DATE_PATTERN, KINDS, RIGHTS, Schema


@dataclass(frozen=True, slots=True)
class Value:
    """One value a field takes: what to write, what it means, and notes (aliases, dates, verification)."""

    value: str
    meaning: str = ""
    notes: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Vocabulary:
    """The values (or the form) one or more fields take."""

    title: str
    #: the fields, as ``policy-lint values`` names them: 'retention_rules.starts'
    fields: tuple[str, ...]
    about: str
    values: tuple[Value, ...] = ()
    #: the page of docs/reference/ it is on (without .md)
    page: str = "fields"
    #: the knowledge file its rows come from ('' for the schemas)
    knowledge: str = ""


# --- the schemas --------------------------------------------------------------------------------------


def _types(rules: Schema) -> list[str]:
    kinds = rules.get("type", [])
    return [kinds] if isinstance(kinds, str) else list(kinds)


def _form(rules: Schema, item: bool) -> tuple[str, tuple[Value, ...]] | None:
    """What a field (or, with ``item``, each item of a list field) accepts, when it is more
    than any text, true/false, a list or a mapping; ids are described once, not per field."""
    types = _types(rules)
    if "allowed" in rules:
        lead = "any of" if types == ["list"] or item else "one of"
        return lead, tuple(Value(str(value)) for value in rules["allowed"])
    if rules.get("regex") == ID_PATTERN or rules.get("check_with") == "ids":
        return None
    if "regex" in rules:
        return format_hint(rules["regex"]).removeprefix("expected "), ()
    if "date" in types:
        return format_hint(ISO_DATE_PATTERN).removeprefix("expected "), ()
    if "integer" in types:
        low, high = rules.get("min"), rules.get("max")
        bounds = f" from {low} to {high}" if low is not None and high is not None else ""
        bounds = bounds or (f" of at least {low}" if low is not None else "")
        return f"a whole number{bounds}", ()
    return None


def _walk(schema: Schema, prefix: str) -> Iterator[tuple[str, Schema]]:
    """(field, rules) for every field of a mapping schema, at any depth."""
    for name, rules in schema.items():
        where = f"{prefix}.{name}"
        yield where, rules
        inner = rules.get("schema")
        types = _types(rules)
        if "list" in types and isinstance(inner, dict):
            yield f"{where}[]", inner
            if isinstance(inner.get("schema"), dict):
                yield from _walk(inner["schema"], where)
        elif "dict" in types and isinstance(inner, dict):
            yield from _walk(inner, where)
        if "keysrules" in rules:
            yield f"{where}.<key>", rules["keysrules"]
        if isinstance(rules.get("valuesrules"), dict) and isinstance(rules["valuesrules"].get("schema"), dict):
            yield from _walk(rules["valuesrules"]["schema"], where)


@functools.cache
def schema_fields() -> tuple[Vocabulary, ...]:
    """Every field of the schemas with a fixed set of values, a format or bounds."""
    found: dict[str, Vocabulary] = {}
    for key, (_, schema, _) in KINDS.items():
        for where, rules in _walk(schema, key):
            form = _form(rules, item=where.endswith("[]"))
            if form is None:
                continue
            name = where.removesuffix("[]").replace(".<key>", "")
            about, values = form
            if where.endswith(".<key>"):
                about = f"keys: {about}"
            found.setdefault(name, Vocabulary(name, (name,), about, values))
    return tuple(found.values())


# --- the knowledge files ------------------------------------------------------------------------------

_DATE_WORDS = {
    "from": "from",
    "until": "until",
    "valid_from": "from",
    "new_contracts_until": "new contracts until",
    "valid_until": "last day",
    "stale_from": "since",
    "stale_until": "until",
}


def _text(value: Any) -> str:
    return " ".join(str(value).split())


def _notes(row: Mapping[str, Any], *extra: str) -> tuple[str, ...]:
    """A row's aliases and other names, its dates, and its verification, as short notes."""
    notes = [note for note in extra if note]
    others = [str(alias) for key in ("aliases", "names") for alias in row.get(key) or ()]
    if others:
        notes.append("also: " + ", ".join(others))
    for key, word in _DATE_WORDS.items():
        value = row.get(key)
        if isinstance(value, dt.date | str) and value:
            notes.append(f"{word} {value.isoformat() if isinstance(value, dt.date) else value}")
    verdict = naming.verdict(row)
    if verdict:
        notes.append(f"verified: {verdict}")
    return tuple(notes)


def _rows(file: str, *path: str) -> list[dict[str, Any]]:
    node: Any = facts.load(file)
    for step in path:
        node = node.get(step, []) if isinstance(node, dict) else []
    return [row for row in node if isinstance(row, dict)] if isinstance(node, list) else []


def _vocabulary(
    title: str,
    fields: tuple[str, ...],
    about: str,
    file: str,
    path: tuple[str, ...],
    value: Callable[[dict[str, Any]], Value],
    page: str,
) -> Vocabulary:
    return Vocabulary(title, fields, about, tuple(value(row) for row in _rows(file, *path)), page, file)


def _authority(row: Mapping[str, Any]) -> str:
    answer = row.get("public_authority")
    if answer is None:
        return "a public authority or not, depending on the body"
    return "a public authority" if answer else "not a public authority"


@functools.cache
def knowledge_vocabularies() -> tuple[Vocabulary, ...]:
    """The vocabularies of the knowledge files, as the rules read them."""
    return (
        _vocabulary(
            "Starting events",
            ("retention_rules.starts",),
            "The event a retention period runs from. Write the id (or an alias) so that the period can be "
            "compared with the law's (RET007); any other text is accepted but cannot be compared (RET010).",
            "retention-minimums",
            ("starting_events",),
            lambda row: Value(str(row["id"]), notes=_notes(row)),
            "retention",
        ),
        _vocabulary(
            "Disposal methods",
            ("retention_rules.disposal",),
            "What happens to the records at the end of the period. Free text is accepted; these are the "
            "usual words (RET004 names them when a rule gives none).",
            "retention-minimums",
            ("disposal_methods",),
            lambda row: Value(str(row["id"]), _text(row.get("meaning", "")), _notes(row)),
            "retention",
        ),
        _vocabulary(
            "Statutory minimum periods",
            ("retention_rules.statutory_basis",),
            "Records the law requires to be kept for a minimum time. Name the row (its id, or one of its other "
            "names) in statutory_basis and the period is compared with the minimum (RET005, RET006).",
            "retention-minimums",
            ("minimums",),
            lambda row: Value(
                str(row["id"]),
                _text(row.get("record", "")),
                _notes(
                    row,
                    f"at least {row.get('minimum')} from {row.get('starts')}" if row.get("minimum") else "",
                    str(row.get("kind", "")),
                ),
            ),
            "retention",
        ),
        _vocabulary(
            "Transfer mechanisms",
            ("transfers.mechanism",),
            "The ground a transfer outside the UK rests on: an adequacy or safeguard mechanism, an Art 49 "
            "derogation, or what the notice gives instead. The dates say when a UK exporter could rely on it "
            "(TRF001, TRF005).",
            "transfer-mechanisms",
            ("mechanisms",),
            lambda row: Value(str(row["id"]), _text(row.get("name", "")), _notes(row, str(row.get("kind", "")))),
            "transfers",
        ),
        _vocabulary(
            "Destinations covered by UK adequacy",
            ("transfers.destination",),
            "Countries and territories UK adequacy regulations cover, by ISO code, from the date given; a "
            "partial one covers only some recipients (TRF003).",
            "adequacy",
            ("destinations",),
            lambda row: Value(
                str(row["code"]),
                _text(row.get("name", "")),
                _notes(row, f"scope: {row['scope']}" if row.get("scope") not in (None, "full") else ""),
            ),
            "transfers",
        ),
        _vocabulary(
            "Lawful bases and conditions",
            ("lawful_bases.article",),
            "The Art 6 lawful bases, Art 9 conditions and Art 10 a lawful basis may name in article, each "
            "from the day it exists (LAW003).",
            "lawful-bases",
            ("grounds",),
            lambda row: Value(str(row["article"]), _text(row.get("name", "")), _notes(row)),
            "lawful-bases",
        ),
        _vocabulary(
            "DPA 2018 Schedule 1 conditions",
            ("lawful_bases.schedule1_condition",),
            "The Schedule 1 conditions an Art 9(2)(b), (g), (h), (i) or (j) basis or criminal offence data may "
            "rest on. Write the paragraph ('para 18', 'Part 2 paragraph 18') or its name; some need an "
            "appropriate policy document (LAW006, LAW007).",
            "lawful-bases",
            ("schedule1", "conditions"),
            lambda row: Value(
                f"para {row['paragraph']}",
                _text(row.get("name", "")),
                _notes(
                    row,
                    f"Part {row.get('part')}",
                    "appropriate policy document required" if row.get("apd") == "required" else "",
                ),
            ),
            "lawful-bases",
        ),
        _vocabulary(
            "Controller kinds",
            ("controller.kind",),
            "What kind of body the controller is; when public_authority is not recorded, the kind decides "
            "whether the duties of a public authority apply (a DPO, no legitimate interests in its tasks).",
            "controller-kinds",
            ("kinds",),
            lambda row: Value(str(row["kind"]), _text(row.get("name", "")), _notes(row, _authority(row))),
            "bodies",
        ),
        _vocabulary(
            "Rights a notice names",
            ("notice.rights_stated", "notice.rights"),
            "The rights of the data subject (the keys of rights, the items of rights_stated). The ones that "
            "apply to all processing must be named (NTC003); the others addressed (NTC004).",
            "notice-requirements",
            ("rights",),
            lambda row: Value(
                str(row["id"]),
                _text(row.get("name", "")),
                _notes(row, "always applies" if row.get("universal") else _text(row.get("applies_when", ""))),
            ),
            "bodies",
        ),
        _vocabulary(
            "Bodies renamed or abolished",
            ("(any name)",),
            "Names a notice may still use for bodies renamed, merged or abolished, and the name to use now "
            "(CUR001), as of the date given.",
            "renamed-bodies",
            ("bodies",),
            lambda row: Value(
                str(row.get("example", row.get("id", ""))),
                f"{_text(row.get('what', ''))}; now: {_text(row.get('current_name', ''))}",
                _notes(row),
            ),
            "bodies",
        ),
        _vocabulary(
            "Misspelt bodies",
            ("(any name)",),
            "Common misspellings of public bodies' names, and the right spelling (CUR002).",
            "renamed-bodies",
            ("misspellings",),
            lambda row: Value(str(row.get("example", row.get("id", ""))), f"write: {_text(row.get('correct', ''))}"),
            "bodies",
        ),
    )


def vocabularies() -> tuple[Vocabulary, ...]:
    """Every vocabulary: the schemas' fields, then the knowledge files'."""
    return (*schema_fields(), *knowledge_vocabularies())


def lookup(name: str) -> list[Vocabulary]:
    """The vocabularies of a field named in full ('retention_rules.starts') or by its end ('starts',
    'rights.scope'), in the order of :func:`vocabularies`."""
    wanted = name.strip().lower().replace("-", "_") if "." in name or "_" in name else name.strip().lower()
    return [
        vocabulary
        for vocabulary in vocabularies()
        if any(field == wanted or field.endswith("." + wanted) for field in vocabulary.fields)
    ]


#: the rights the schema accepts that a knowledge row does not describe (for the docs' completeness check)
def undescribed_rights() -> list[str]:
    described = {value.value for vocabulary in knowledge_vocabularies() for value in vocabulary.values}
    return [right for right in RIGHTS if right not in described]
