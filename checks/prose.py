"""Every piece of notice prose the policy holds, located, for the rules that read words.

A rule about wording (EU-regime framing, repealed statutes, consent by use,
"anonymised" analytics) must read all the prose, not one field: the quotes of
every trace (an entity's own, a contact's, a right's, their ``also`` places),
the text fields that carry the notice's words, and the laws it cites. This
module yields them once per run (:func:`passages`), each with the entity and
field it belongs to and where it stands, so that a finding points at the words.

It also finds phrases in them (:func:`find`: a knowledge row's pattern, minus
the places its ``unless`` pattern covers) and groups the hits by cause
(:func:`by_cause`), so that a rule reports one phrase once, at its first
place, with every other entity that uses it in ``affects``
(:func:`cause_finding`).
"""

from __future__ import annotations

import bisect
import dataclasses
import datetime as dt
import functools
import re
import types
import typing
from collections.abc import Callable, Hashable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from re import _constants, _parser  # type: ignore[attr-defined]
from typing import Any

from linter.context import Context
from linter.findings import Finding, Rule
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
    #: where the words stand: their place in the entity's file, or the field of
    #: the entity whose position they take (the position is made when asked for:
    #: a large policy has hundreds of thousands of passages and few findings)
    where: tuple[int, int] | str
    #: the law cited, for a ``law`` passage (its title, year and provision as well as its words)
    law: Legislation | None = None

    @property
    def position(self) -> Position:
        if isinstance(self.where, str):
            return self.entity.at(self.where)
        return Position(self.entity.position.file, *self.where)


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
                    yield Passage(entity, f"{field}.quote" if field else "quote", quote, "quote", _at(where, path))
            elif isinstance(value, Legislation):
                if value.words:
                    yield Passage(entity, field, value.words, "law", _at(None, path), value)
            elif isinstance(value, str) and value.strip():
                place = getattr(owner, "key_positions", {}).get(key) if owner is not entity else None
                yield Passage(entity, field, value, "text", _at(place, path))


def _trace_quotes(trace: Trace) -> Iterator[tuple[str, tuple[int, int] | None]]:
    if trace.quote.strip():
        yield trace.quote, trace.key_positions.get("quote")
    for more in trace.also:
        yield from _trace_quotes(more)


def _at(place: tuple[int, int] | None, path: tuple[str, ...]) -> tuple[int, int] | str:
    """A passage's ``where``: its own place, else the field of the entity that holds it."""
    return place if place is not None else (path[0].split("[")[0] if path else "")


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
        for name in _field_names(type(value)):
            yield from _walk(getattr(value, name), (*path, name), value, name)
    elif isinstance(value, list | tuple):
        for index, item in enumerate(value):
            yield from _walk(item, (*path[:-1], f"{path[-1]}[{index}]") if path else (f"[{index}]",), owner, key)
    elif isinstance(value, dict):
        for name, item in value.items():
            yield from _walk(item, (*path, str(name)), owner, key)


@functools.cache
def _field_names(cls: type) -> tuple[str, ...]:
    """The fields of a model class that can hold prose, in order: not its
    positions, and not a field whose declared type holds none (true/false,
    numbers, dates, references to other entities, or text that is not prose)."""
    hints = typing.get_type_hints(cls)
    return tuple(
        item.name
        for item in dataclasses.fields(cls)
        if item.name not in ("position", "key_positions") and not _holds_no_prose(hints.get(item.name), item.name)
    )


def _holds_no_prose(kind: Any, name: str) -> bool:
    """True when a value of type ``kind`` under the key ``name`` can never give a passage."""
    origin, arguments = typing.get_origin(kind), typing.get_args(kind)
    if origin in (typing.Union, types.UnionType, list, tuple):
        return all(_holds_no_prose(argument, name) for argument in arguments if argument is not Ellipsis)
    if origin is dict:  # a mapping's values are walked under its own key
        return len(arguments) == 2 and _holds_no_prose(arguments[1], name)
    if kind in (bool, int, float, dt.date, type(None)):
        return True
    if kind is str:
        return name not in TEXT_FIELDS
    return isinstance(kind, type) and issubclass(kind, Entity)


# --- finding phrases --------------------------------------------------------------

#: web addresses and email addresses: words inside them are not prose ("...-gdpr/")
#: (?<![\w.+-]): an address starts where a run of its characters starts (as the
#: leftmost match does anyway), so a long run is scanned once, not once per character
LINKS = re.compile(r"(?:https?://|www\.)\S+|(?<![\w.+-])[\w.+-]+@[\w-]+(?:\.[\w-]+)+", re.IGNORECASE)


_SENTENCE = "[^.]*"


class Deferred:
    """A pattern compiled the first time it is used: an ``unless`` pattern is
    needed only where its wording matched, which on most policies is nowhere,
    and compiling the large ones takes longer than the rest of a small run."""

    __slots__ = ("_compiled", "flags", "pattern")

    def __init__(self, pattern: str, flags: int = 0) -> None:
        self.pattern = pattern
        self.flags = flags
        self._compiled: re.Pattern[str] | None = None

    def finditer(self, text: str) -> Iterator[re.Match[str]]:
        if self._compiled is None:
            self._compiled = re.compile(self.pattern, self.flags)
        return self._compiled.finditer(text)


@dataclass(frozen=True, slots=True)
class Wording:
    """A phrase to look for: a knowledge row's ``pattern``, not where its ``unless`` matches."""

    id: str
    pattern: re.Pattern[str]
    unless: re.Pattern[str] | Deferred | None = None
    row: Mapping[str, Any] = field(default_factory=dict, compare=False, hash=False)

    @classmethod
    def of(cls, row: Mapping[str, Any]) -> Wording:
        """The wording of a knowledge row with ``id``, ``pattern`` and an optional ``unless``.

        An ``unless`` that starts with ``[^.]*`` (the sentence around a word) is
        tried only where a sentence starts, which is where its matches start
        anyway: tried at every character, it took time in the square of a long
        sentence's length."""
        unless = str(row["unless"]) if row.get("unless") else None
        if unless is not None and unless.startswith(_SENTENCE):
            unless = "(?<![^.])" + unless
        return cls(
            str(row["id"]),
            re.compile(str(row["pattern"]), re.IGNORECASE),
            Deferred(str(unless), re.IGNORECASE) if unless else None,
            row,
        )


@dataclass(frozen=True, slots=True)
class Hit:
    """Where a wording matched: the passage and the span of its text."""

    passage: Passage
    start: int
    end: int
    wording: Wording

    @property
    def phrase(self) -> str:
        """The words matched, on one line, with straight apostrophes."""
        return " ".join(self.passage.text[self.start : self.end].split()).replace("\u2019", "'")


def one_line(text: Any) -> str:
    """A knowledge row's text (a folded YAML block) on one line."""
    return " ".join(str(text).split())


def spans(pattern: re.Pattern[str] | Deferred | None, text: str) -> list[tuple[int, int]]:
    return [match.span() for match in pattern.finditer(text)] if pattern is not None else []


def overlaps(start: int, end: int, taken: Iterable[tuple[int, int]]) -> bool:
    return any(start < other_end and other_start < end for other_start, other_end in taken)


#: characters that a case-insensitive pattern matches to an ASCII letter though their
#: lower case is not that letter (dotted and dotless I, long s, the Kelvin sign): a
#: text holding one is searched with every wording
_CASE_ODDITIES = re.compile("[\u0130\u0131\u017f\u212a]")
_LITERAL, _SUBPATTERN, _BRANCH = _constants.LITERAL, _constants.SUBPATTERN, _constants.BRANCH
_REPEATS = (_constants.MAX_REPEAT, _constants.MIN_REPEAT, _constants.POSSESSIVE_REPEAT)


@functools.cache
def needed_words(pattern: re.Pattern[str]) -> tuple[str, ...] | None:
    """Lower-case ASCII texts one of which every match of ``pattern`` contains
    (so that a text holding none of them, in any case, cannot match it); None
    when the pattern has no such text. Read from the parsed pattern: a run of
    literal characters that every match passes through, or one per branch of
    an alternation that every match passes through."""
    try:
        return _sequence_needs(list(_parser.parse(pattern.pattern, pattern.flags)))
    except Exception:
        return None


def _sequence_needs(items: list[tuple[Any, Any]]) -> tuple[str, ...] | None:
    """The best needed words of a sequence of parsed items (see :func:`needed_words`)."""
    best: tuple[str, ...] | None = None
    run: list[str] = []

    def better(candidate: tuple[str, ...] | None) -> None:
        nonlocal best
        if candidate and all(candidate) and (best is None or min(map(len, candidate)) > min(map(len, best))):
            best = candidate

    for op, argument in [*items, (None, None)]:
        if op is _LITERAL and argument < 128:
            run.append(chr(argument).lower())
            continue
        better(("".join(run),) if run else None)
        run = []
        if op is _SUBPATTERN:
            better(_sequence_needs(list(argument[-1])))
        elif op is _BRANCH:
            branches = [_sequence_needs(list(branch)) for branch in argument[1]]
            if all(branches):
                better(tuple(word for branch in branches if branch for word in branch))
        elif op in _REPEATS and argument[0] >= 1:
            better(_sequence_needs(list(argument[2])))
    return best


def find(
    texts: Iterable[Passage],
    wordings: Sequence[Wording],
    *,
    skip_links: bool = True,
    taken: Callable[[Passage], Sequence[tuple[int, int]]] = lambda passage: (),
) -> list[Hit]:
    """Every match of ``wordings`` in ``texts``, in order.

    A match is left out where its row's ``unless`` pattern matches over it,
    inside a web or email address (``skip_links``), or over a span that
    ``taken`` says another rule already reports (one phrase, one rule).
    Where two wordings match over each other in one text, the first match
    (then the longer) wins.
    """
    found: list[Hit] = []
    needs = [needed_words(wording.pattern) for wording in wordings]
    always = [wording for wording, words in zip(wordings, needs, strict=True) if words is None]
    words = sorted({word for needed in needs if needed for word in needed})
    # one search for any word some wording needs: most passages hold none
    gate = re.compile("|".join(map(re.escape, words)) or "(?!)")
    for passage in texts:
        text = passage.text
        lowered = None if not text.isascii() and _CASE_ODDITIES.search(text) else text.lower()
        if lowered is None:
            present: Sequence[Wording] = wordings
        elif gate.search(lowered) is None:
            present = always
        else:  # the wordings that can match here
            held = {word for word in words if word in lowered}
            present = [
                wording
                for wording, needed in zip(wordings, needs, strict=True)
                if needed is None or not held.isdisjoint(needed)
            ]
        if not present:
            continue
        blocked = [*(spans(LINKS, text) if skip_links else ()), *taken(passage)]
        candidates = sorted(
            (
                (match.start(), -(match.end() - match.start()), match.end(), wording)
                for wording in present
                for match in wording.pattern.finditer(text)
                if match.end() > match.start()
            ),
            key=lambda item: (item[0], item[1]),
        )
        # Each test below costs a lookup, not a scan, so that a text with
        # thousands of matches or addresses takes time in proportion to them.
        blocked_spans = _Spans(blocked)
        unless: dict[re.Pattern[str] | Deferred, _Spans] = {}
        last_end = -1  # kept matches do not overlap and come in order: only the last can reach on
        for start, _, end, wording in candidates:
            if start < last_end or blocked_spans.overlaps(start, end):
                continue
            if wording.unless is not None:
                if wording.unless not in unless:
                    unless[wording.unless] = _Spans(spans(wording.unless, text))
                if unless[wording.unless].overlaps(start, end):
                    continue
            last_end = end
            found.append(Hit(passage, start, end, wording))
    return found


class _Spans:
    """Spans of a text, merged, for overlap tests by bisection."""

    def __init__(self, spans: Iterable[tuple[int, int]]) -> None:
        self.starts: list[int] = []
        self.ends: list[int] = []
        for start, end in sorted(spans):
            if self.ends and start < self.ends[-1]:
                self.ends[-1] = max(self.ends[-1], end)
            else:
                self.starts.append(start)
                self.ends.append(end)

    def overlaps(self, start: int, end: int) -> bool:
        index = bisect.bisect_left(self.starts, end) - 1  # the last span that starts before ``end``
        return index >= 0 and self.ends[index] > start


def by_cause(hits: Iterable[Hit], key: Callable[[Hit], Hashable] = lambda hit: hit.wording.id) -> list[list[Hit]]:
    """Hits grouped by cause (by default, the knowledge row), in the order first seen."""
    groups: dict[Hashable, list[Hit]] = {}
    for hit in hits:
        groups.setdefault(key(hit), []).append(hit)
    return list(groups.values())


def phrases(hits: Sequence[Hit], most: int = 3) -> str:
    """The distinct phrases of ``hits`` as written, quoted: "'a', 'b' and 1 other"."""
    distinct = list(dict.fromkeys(hit.phrase for hit in hits))
    shown = ", ".join(f"'{phrase}'" for phrase in distinct[:most])
    return shown + (f" and {len(distinct) - most} other(s)" if len(distinct) > most else "")


_RANK = {"name": 0, "law": 1, "text": 2, "quote": 3}


def anchor(hits: Sequence[Hit]) -> Passage:
    """Where a cause is reported: the first entity it reaches, in that entity's most structured
    place (a name, then a cited law, a text field, a trace quote)."""
    entity = hits[0].passage.entity
    return min((hit.passage for hit in hits if hit.passage.entity is entity), key=lambda p: _RANK.get(p.kind, 9))


def places(hits: Sequence[Hit]) -> str:
    """Where the hits stand: 'notice:n laws_cited[0]' and, for more, how many other places."""
    first = anchor(hits)
    where = f"{first.entity.ref} {first.field}"
    return where if len(hits) == 1 else f"{where} and {len(hits) - 1} other place(s)"


def cause_finding(
    ctx: Context,
    rule: Rule,
    hits: Sequence[Hit],
    message: str,
    *,
    detail: str = "",
    citation: str | None = None,
) -> Finding:
    """One finding for one cause, every other entity it reaches in ``affects``.

    It stands at the cause's :func:`anchor`.
    """
    first = anchor(hits)
    others = {hit.passage.entity.ref: hit.passage.entity for hit in hits if hit.passage.entity is not first.entity}
    return ctx.finding(
        rule,
        first.entity,
        first.field,
        message,
        detail=detail or hits[0].wording.id,
        position=first.position,
        citation=citation,
        affects=others.values(),
    )
