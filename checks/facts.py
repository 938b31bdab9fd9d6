"""Cited legal facts, read from the YAML knowledge files beside this module.

Every date, country list, statutory period and article a rule relies on is a
row in ``checks/knowledge/*.yaml`` with its citation, so that a DPO can audit
it and a change in the law is a data edit. Files are read once per process.

The YAML files are the source. ``checks/knowledge.json`` beside this module is
the same data made from them (``python scripts/reference_docs.py`` rewrites it,
tests/checks/test_facts.py fails until it is current) and read instead, since
JSON reads in a twentieth of the time YAML takes; it names a digest of the
YAML files' bytes and is used only while they hash the same, so that a file
edited since is read from its YAML.

A row whose provision changed over time gives ``citations``, a list of
``{from, until, citation}`` (dates inclusive, absent: no bound), instead of
one ``citation``; :func:`cite` with a date picks the one in force.

This module imports neither the loader nor the model: ``policy-lint
knowledge`` lists the rows (:func:`rows`) without them.
"""

from __future__ import annotations

import datetime as dt
import functools
import json
import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from linter.findings import DatedCitation, citation_on
from linter.inputs import digest_of

KNOWLEDGE_DIR = Path(__file__).with_name("knowledge")

try:
    from yaml import CSafeLoader as _Loader
except ImportError:  # pragma: no cover - depends on how PyYAML was built
    from yaml import SafeLoader as _Loader  # type: ignore[assignment]


MIRROR = Path(__file__).with_name("knowledge.json")
#: how a date is written in the mirror (JSON has none)
_DATE = "$date"


@functools.cache
def load(name: str) -> Any:
    """The parsed knowledge file ``checks/knowledge/<name>.yaml``."""
    mirrored = _mirror()
    if name in mirrored:
        return mirrored[name]
    return read_yaml(name)


def read_yaml(name: str) -> Any:
    """The knowledge file ``checks/knowledge/<name>.yaml`` parsed from its YAML."""
    with (KNOWLEDGE_DIR / f"{name}.yaml").open(encoding="utf-8") as stream:
        return yaml.load(stream, Loader=_Loader)


def digest() -> str:
    """A hash of every knowledge file's name and bytes."""
    return digest_of(KNOWLEDGE_DIR / f"{name}.yaml" for name in knowledge_files())


@functools.cache
def _mirror() -> dict[str, Any]:
    """The knowledge files from the mirror, when it was made from the files as they are; else {}."""
    try:
        data = json.loads(MIRROR.read_bytes(), object_hook=_dated)
        if isinstance(data, dict) and data.get("digest") == digest() and isinstance(data.get("files"), dict):
            files: dict[str, Any] = data["files"]
            return files
    except (OSError, ValueError, RecursionError):
        pass
    return {}


def _dated(node: dict[str, Any]) -> Any:
    if len(node) == 1 and _DATE in node:
        return dt.date.fromisoformat(node[_DATE])
    return node


def mirror_text() -> str:
    """The mirror of the knowledge files as they are (what ``checks/knowledge.json`` must hold)."""
    files = {name: read_yaml(name) for name in knowledge_files()}
    text = json.dumps({"digest": digest(), "files": files}, default=_undated, ensure_ascii=False, indent=0) + "\n"
    if json.loads(text, object_hook=_dated)["files"] != files:  # e.g. a mapping whose one key is "$date"
        raise ValueError("the knowledge files cannot be mirrored in JSON exactly")
    return text


def _undated(value: Any) -> Any:
    if isinstance(value, dt.date) and not isinstance(value, dt.datetime):
        return {_DATE: value.isoformat()}
    raise TypeError(f"a knowledge file holds {type(value).__name__} {value!r}, which the mirror cannot hold")


def _line(text: Any) -> str:
    """Runs of whitespace (the line breaks of a YAML block) as single spaces."""
    return " ".join(str(text).split())


def history(entry: Mapping[str, Any]) -> tuple[DatedCitation, ...]:
    """A row's dated citations (its ``citations`` list), in the file's order; () when it has one citation."""
    return tuple(
        DatedCitation(_line(item["citation"]), date(item.get("from")), date(item.get("until")))
        for item in entry.get("citations") or ()
    )


def cite(entry: Mapping[str, Any], day: dt.date | None = None) -> str:
    """The citation text of a knowledge row, on one line.

    A row with a dated history (``citations``) gives the entry in force on
    ``day``; without a day (a rule's catalogue citation), its latest entry.
    A row with one ``citation`` gives that, whatever the day.
    """
    dated = history(entry)
    if not dated:
        return _line(entry.get("citation", ""))
    latest = dated[-1].text
    return latest if day is None else citation_on(dated, day, latest)


def date(value: Any) -> dt.date | None:
    """A knowledge row's date field: the date YAML read, or None when absent or not a date."""
    return value if isinstance(value, dt.date) else None


# --- listing every row (policy-lint knowledge) -------------------------------------

#: the fields that name a row of a list, in order of preference
_ROW_KEYS = ("id", "code", "article", "paragraph", "kind", "canonical", "right")


@dataclass(frozen=True, slots=True)
class Row:
    """One cited fact of a knowledge file, as ``policy-lint knowledge`` lists it."""

    file: str
    path: str
    name: str
    dates: tuple[tuple[str, dt.date], ...]
    citations: tuple[DatedCitation, ...]
    verified: str

    @property
    def verdict(self) -> str:
        """'yes', 'partly', 'no', another first word ('n/a', 'month'), or '' when the row has no note."""
        return re.split(r"[:\s,;]", self.verified.strip().lower(), maxsplit=1)[0]


def knowledge_files() -> list[str]:
    """The names of the knowledge files (without '.yaml'), sorted."""
    return sorted(path.stem for path in KNOWLEDGE_DIR.glob("*.yaml"))


def _is_row(node: Mapping[str, Any]) -> bool:
    """A cited fact; not an entry of a citation history ({from, until, citation}) shared through an anchor."""
    is_history_entry = set(node) <= {"from", "until", "citation"}
    return not is_history_entry and any(key in node for key in ("verified", "citation", "citations"))


def _label(node: Mapping[str, Any], index: int) -> str:
    return next((str(node[key]) for key in _ROW_KEYS if key in node and node[key] is not None), str(index))


def _walk(node: Any, path: str) -> Iterator[tuple[str, Mapping[str, Any]]]:
    """(path, row) for every mapping under ``node`` that carries a citation or a verified note."""
    if isinstance(node, Mapping):
        if _is_row(node) and path:
            yield path, node
        for key, value in node.items():
            if key != "citations":
                yield from _walk(value, f"{path}/{key}" if path else str(key))
    elif isinstance(node, list):
        for index, item in enumerate(node):
            if isinstance(item, Mapping):
                yield from _walk(item, f"{path}/{_label(item, index)}")


def rows(name: str) -> list[Row]:
    """Every row of ``checks/knowledge/<name>.yaml`` that carries a citation or a verified note."""
    listed: list[Row] = []
    for path, node in _walk(load(name), ""):
        dated = history(node) or ((DatedCitation(_line(node["citation"])),) if "citation" in node else ())
        listed.append(
            Row(
                file=f"{name}.yaml",
                path=path,
                name=_line(node.get("name") or node.get("record") or node.get("what") or ""),
                dates=tuple((key, value) for key, value in node.items() if isinstance(value, dt.date)),
                citations=dated,
                verified=_line(node.get("verified", "")),
            )
        )
    return listed
