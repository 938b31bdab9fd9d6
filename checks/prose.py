"""Every piece of notice prose the policy holds, located, for the rules that read words.

A rule about wording (EU-regime framing, repealed statutes, consent by use,
"anonymised" analytics) must read all the prose, not one field: the quotes of
every trace (an entity's own, a contact's, a right's, their ``also`` places),
the text fields that carry the notice's words, and the laws it cites. This
module yields them once per run (:func:`passages`), each with the entity and
field it belongs to and where it stands, so that a finding points at the words.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from linter.context import Context
from linter.loader import Position
from linter.model import Entity, Legislation, Policy, Trace

#: fields whose text is the notice's own words (or a faithful summary of them)
TEXT_FIELDS = frozenset({"description", "text", "notice_wording", "rights_information", "how", "criteria", "heading"})


@dataclass(frozen=True, slots=True)
class Passage:
    """A piece of prose: ``kind`` is ``quote`` (a trace quote), ``text`` (a
    text field) or ``law`` (a law as the notice cites it)."""

    entity: Entity
    field: str
    text: str
    kind: str
    position: Position


def passages(ctx: Context) -> list[Passage]:
    """Every passage of the policy, computed once per run."""
    found: list[Passage] | None = ctx.memo.get("prose.passages")
    if found is None:
        found = list(_policy_passages(ctx.policy))
        ctx.memo["prose.passages"] = found
    return found


def _policy_passages(policy: Policy) -> Iterator[Passage]:
    for entity in policy.all():
        for path, value, owner, key in _walk(entity, ()):
            field = ".".join(path).replace(".[", "[")
            if isinstance(value, Trace):
                for quote, where in _trace_quotes(value):
                    yield Passage(
                        entity, f"{field}.quote" if field else "quote", quote, "quote", _at(entity, where, path)
                    )
            elif isinstance(value, Legislation):
                if value.words:
                    yield Passage(entity, field, value.words, "law", _at(entity, None, path))
            elif isinstance(value, str) and value.strip():
                place = getattr(owner, "key_positions", {}).get(key) if owner is not entity else None
                yield Passage(entity, field, value, "text", _at(entity, place, path))


def _trace_quotes(trace: Trace) -> Iterator[tuple[str, tuple[int, int] | None]]:
    if trace.quote.strip():
        yield trace.quote, trace.key_positions.get("quote")
    for more in trace.also:
        yield from _trace_quotes(more)


def _at(entity: Entity, place: tuple[int, int] | None, path: tuple[str, ...]) -> Position:
    if place is not None:
        return Position(entity.position.file, *place)
    return entity.at(path[0].split("[")[0] if path else "")


def _walk(
    value: Any, path: tuple[str, ...], owner: Any = None, key: str = ""
) -> Iterator[tuple[tuple[str, ...], Any, Any, str]]:
    """(path, value, the object holding it, its key) for every trace, legislation
    reference and prose text field inside ``value``, without following references
    to other entities (each is walked on its own)."""
    if isinstance(value, Trace | Legislation):
        yield path, value, owner, key
    elif isinstance(value, str):
        if key in TEXT_FIELDS:
            yield path, value, owner, key
    elif dataclasses.is_dataclass(value) and not isinstance(value, type):
        if isinstance(value, Entity) and path:
            return
        for item in dataclasses.fields(value):
            if item.name not in ("position", "key_positions"):
                yield from _walk(getattr(value, item.name), (*path, item.name), value, item.name)
    elif isinstance(value, list | tuple):
        for index, item in enumerate(value):
            yield from _walk(item, (*path[:-1], f"{path[-1]}[{index}]") if path else (f"[{index}]",), owner, key)
    elif isinstance(value, dict):
        for name, item in value.items():
            yield from _walk(item, (*path, str(name)), owner, key)
