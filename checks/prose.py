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
import itertools
import operator
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
from linter.model import Entity, Legislation, Notice, Policy, Statement, Trace

#: fields whose text is the notice's own words (or a faithful summary of them)
TEXT_FIELDS = frozenset({"description", "text", "notice_wording", "rights_information", "how", "criteria", "heading"})


@dataclass(slots=True)
class Passage:
    """A piece of prose: ``kind`` is ``quote`` (a trace quote), ``text`` (a
    text field) or ``law`` (a law as the notice cites it). Not frozen: a large
    policy has hundreds of thousands, and a frozen class sets each field through
    ``object.__setattr__`` (four times the cost); nothing changes one once made."""

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


def notice_passages(ctx: Context) -> list[Passage]:
    """The words of the notice itself: the texts and quotes of its statements and of the
    notice entity (not the laws they cite, and not the words of services, purposes and
    other entities), computed once per run."""
    found: list[Passage] | None = ctx.memo.get("prose.notice_passages")
    if found is None:
        found = [
            passage
            for passage in passages(ctx)
            if passage.kind != "law" and isinstance(passage.entity, Statement | Notice)
        ]
        ctx.memo["prose.notice_passages"] = found
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


def _walk(value: Any, path: tuple[str, ...]) -> list[tuple[tuple[str, ...], Any, Any, str]]:
    """(path, value, the object holding it, its key) for every trace, legislation
    reference and prose text field inside ``value``, without following references
    to other entities (each is walked on its own)."""
    found: list[tuple[tuple[str, ...], Any, Any, str]] = []
    _collect(value, path, None, "", found)
    return found


def _collect(value: Any, path: tuple[str, ...], owner: Any, key: str, found: list[Any]) -> None:
    # appends rather than yields, and dispatches on the exact type: a policy has
    # hundreds of thousands of values, and a chain of nested generators passes
    # each one up through every level
    kind: type = type(value)
    how = _HOW.get(kind)
    if how is None:
        how = _HOW[kind] = _how(kind)
    if how == "text":
        if key in TEXT_FIELDS:
            found.append((path, value, owner, key))
    elif how == "prose":
        found.append((path, value, owner, key))
    elif how == "list":
        for index, item in enumerate(value):
            _collect(item, (*path[:-1], f"{path[-1]}[{index}]") if path else (f"[{index}]",), owner, key, found)
    elif how == "mapping":
        for name, item in value.items():
            _collect(item, (*path, str(name)), owner, key, found)
    elif how == "object" or (how == "entity" and not path):  # another entity is walked on its own
        for name in _field_names(kind):
            item = getattr(value, name)
            if item is not None:
                _collect(item, (*path, name), value, name, found)


#: how _collect treats a value of each type it has met
_HOW: dict[type, str] = {}


def _how(kind: type) -> str:
    if issubclass(kind, str):
        return "text"
    if issubclass(kind, Trace | Legislation):
        return "prose"
    if issubclass(kind, list | tuple):
        return "list"
    if issubclass(kind, dict):
        return "mapping"
    if dataclasses.is_dataclass(kind):
        return "entity" if issubclass(kind, Entity) else "object"
    return "none"  # true/false, numbers, dates: no prose


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


class Lazy:
    """A regular expression compiled the first time it is searched with. The
    rules that read prose look for hundreds of the knowledge files' wordings;
    a wording needs words (:func:`needed_alternatives`, read from the pattern
    without compiling it) that most policies' prose does not hold, so most are
    never compiled, and compiling them all took a sixth of a small policy's run."""

    __slots__ = ("_compiled", "flags", "pattern")

    def __init__(self, pattern: str, flags: int = 0) -> None:
        self.pattern = pattern
        self.flags = flags
        self._compiled: re.Pattern[str] | None = None

    @property
    def compiled(self) -> re.Pattern[str]:
        if self._compiled is None:
            self._compiled = re.compile(self.pattern, self.flags)
        return self._compiled

    def search(self, text: str) -> re.Match[str] | None:
        return self.compiled.search(text)

    def finditer(self, text: str) -> Iterator[re.Match[str]]:
        return self.compiled.finditer(text)

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Lazy) and (self.pattern, self.flags) == (other.pattern, other.flags)

    def __hash__(self) -> int:
        return hash((self.pattern, self.flags))

    def __repr__(self) -> str:
        return f"Lazy({self.pattern!r}, {self.flags})"


#: a pattern the prose functions take: compiled, or compiled when first searched with
Pattern = re.Pattern[str] | Lazy


@dataclass(frozen=True, slots=True)
class Wording:
    """A phrase to look for: a knowledge row's ``pattern``, not where its ``unless`` matches."""

    id: str
    pattern: Pattern
    unless: Pattern | None = None
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
            Lazy(str(row["pattern"]), re.IGNORECASE),
            Lazy(str(unless), re.IGNORECASE) if unless else None,
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


def spans(pattern: Pattern | None, text: str) -> list[tuple[int, int]]:
    return [match.span() for match in pattern.finditer(text)] if pattern is not None else []


def overlaps(start: int, end: int, taken: Iterable[tuple[int, int]]) -> bool:
    return any(start < other_end and other_start < end for other_start, other_end in taken)


#: characters that a case-insensitive pattern matches to an ASCII letter though their
#: lower case is not that letter (dotted and dotless I, long s, the Kelvin sign): a
#: text holding one is searched with every wording
_CASE_ODDITIES = re.compile("[\u0130\u0131\u017f\u212a]")
_LITERAL, _SUBPATTERN, _BRANCH = _constants.LITERAL, _constants.SUBPATTERN, _constants.BRANCH
_REPEATS = (_constants.MAX_REPEAT, _constants.MIN_REPEAT, _constants.POSSESSIVE_REPEAT)


#: the most alternatives :func:`needed_alternatives` keeps apart (more are merged)
_MOST_ALTERNATIVES = 16

Clause = tuple[str, ...]


@functools.cache
def needed_alternatives(pattern: Pattern) -> tuple[tuple[Clause, ...], ...]:
    """What a text must hold for ``pattern`` to match in it: alternatives, one
    of which holds for every match, each a list of clauses that must all hold,
    each clause lower-case ASCII texts one of which is in the match (in any
    case). Read from the parsed pattern: a run of literal characters that
    every match passes through is a clause; an alternation splits into one
    alternative per branch (merged into one clause of the best word of each
    branch when there would be too many alternatives). An alternative with no
    clause means nothing is known."""
    try:
        found = _alternatives(list(_parser.parse(pattern.pattern, pattern.flags)))
    except Exception:
        return ((),)
    pruned = list(dict.fromkeys(_pruned(alternative) for alternative in found))
    asks = [frozenset(alternative) for alternative in pruned]
    # an alternative that asks for all another asks (and more) holds only where that one holds
    return tuple(
        alternative
        for index, alternative in enumerate(pruned)
        if not any(
            other < asks[index] or (other == asks[index] and earlier < index) for earlier, other in enumerate(asks)
        )
    )


def _pruned(alternative: Sequence[Clause]) -> tuple[Clause, ...]:
    """An alternative's clauses, the most telling first: a clause whose shortest
    word has fewer than three letters is in nearly every text, and is dropped
    where the alternative has a longer one."""
    kept = [clause for clause in alternative if min(map(len, clause)) >= 3] or list(alternative)
    return tuple(sorted(dict.fromkeys(kept), key=lambda clause: -min(map(len, clause))))


def _best(clauses: Iterable[Clause]) -> Clause | None:
    """The clause whose shortest word is the longest (the first of equals)."""
    best: Clause | None = None
    for clause in clauses:
        if best is None or min(map(len, clause)) > min(map(len, best)):
            best = clause
    return best


def _alternatives(items: list[tuple[Any, Any]]) -> list[list[Clause]]:
    """The alternatives of a sequence of parsed items (see :func:`needed_alternatives`)."""
    alternatives: list[list[Clause]] = [[]]
    run: list[str] = []

    def then(options: list[list[Clause]]) -> None:
        """Every match passes through an item whose own alternatives are ``options``."""
        nonlocal alternatives
        if len(alternatives) * len(options) <= _MOST_ALTERNATIVES:
            alternatives = [[*alternative, *option] for alternative in alternatives for option in options]
            return
        best = [_best(option) for option in options]
        if all(best):
            merged = tuple(dict.fromkeys(word for clause in best if clause for word in clause))
            alternatives = [[*alternative, merged] for alternative in alternatives]

    for op, argument in [*items, (None, None)]:
        if op is _LITERAL and argument < 128:
            run.append(chr(argument).lower())
            continue
        if run:
            then([[("".join(run),)]])
        run = []
        if op is _SUBPATTERN:
            then(_alternatives(list(argument[-1])))
        elif op is _BRANCH:
            then([option for branch in argument[1] for option in _alternatives(list(branch))])
        elif op in _REPEATS and argument[0] >= 1:
            then(_alternatives(list(argument[2])))
    return alternatives


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
    passages = list(texts)
    return find_in(
        [passage.text for passage in passages], passages.__getitem__, wordings, skip_links=skip_links, taken=taken
    )


def find_in(
    texts: Sequence[str],
    passage_at: Callable[[int], Passage],
    wordings: Sequence[Wording],
    *,
    skip_links: bool = True,
    taken: Callable[[Passage], Sequence[tuple[int, int]]] = lambda passage: (),
) -> list[Hit]:
    """:func:`find` over texts whose passages are made only where a wording may
    match: ``passage_at(index)`` gives the passage of ``texts[index]`` (a large
    policy has hundreds of thousands of names, and few hits)."""
    found: list[Hit] = []
    for index, indices in candidates(texts, [w.pattern for w in wordings]):
        passage, text, present = passage_at(index), texts[index], [wordings[i] for i in indices]
        blocked = [*(spans(LINKS, text) if skip_links else ()), *taken(passage)]
        matches = sorted(
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
        unless: dict[Pattern, _Spans] = {}
        last_end = -1  # kept matches do not overlap and come in order: only the last can reach on
        for start, _, end, wording in matches:
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


#: texts searched together for the words their patterns need (see _Holding)
_CHUNK = 2048


def candidates(texts: Sequence[str], patterns: Sequence[Pattern]) -> Iterator[tuple[int, list[int]]]:
    """For each text in which some of ``patterns`` can match, its index and those
    of the patterns (in their order): a pattern can match only where one of its
    :func:`needed_alternatives` holds. Which texts hold a word is found by one
    search of the texts joined, and which hold an alternative by intersecting
    those sets, so that a text none can match in costs nothing more."""
    everything = list(range(len(patterns)))
    for first in range(0, len(texts), _CHUNK):
        lower = [_lowered(text) for text in texts[first : first + _CHUNK]]
        holding = _Holding(lower)
        present: dict[int, list[int]] = {}
        for number, pattern in enumerate(patterns):
            for index in holding.where(pattern):
                present.setdefault(index, []).append(number)
        for index, low in enumerate(lower):
            found = everything if low is None else present.get(index)  # a case oddity: every pattern is tried
            if found:
                yield first + index, found


class _Holding:
    """Which of some lower-cased texts hold a word, or a pattern's needs (a text
    of None holds nothing: it is searched with every pattern anyway)."""

    def __init__(self, lowered: Sequence[str | None]) -> None:
        plain = [text or "" for text in lowered]
        self.count = len(plain)
        # a word (none holds a NUL, see _usable) found here is inside one text
        self.joined = "\0".join(plain)
        self.starts = list(itertools.accumulate(map(operator.add, map(len, plain), itertools.repeat(1)), initial=0))
        self.known: dict[str, set[int]] = {}

    def of(self, word: str) -> set[int]:
        """The texts that hold ``word``."""
        found = self.known.get(word)
        if found is None:
            found = self.known[word] = set()
            joined, starts = self.joined, self.starts
            at = joined.find(word)
            while at != -1:
                index = bisect.bisect_right(starts, at) - 1
                found.add(index)
                at = joined.find(word, starts[index + 1])  # on to the next text
        return found

    def where(self, pattern: Pattern) -> set[int] | range:
        """The texts that hold every clause of one of the alternatives ``pattern`` needs."""
        texts: set[int] = set()
        for alternative in _usable(pattern):
            if not alternative:  # nothing known: every text
                return range(self.count)
            held: set[int] | None = None
            for clause in alternative:  # the most telling first: the intersection empties soonest
                in_clause = set().union(*(self.of(word) for word in clause))
                held = in_clause if held is None else held & in_clause
                if not held:
                    break
            texts |= held or set()
        return texts


@functools.cache
def _usable(pattern: Pattern) -> tuple[tuple[Clause, ...], ...]:
    """:func:`needed_alternatives` without a clause that has a word holding a NUL
    (the texts are joined with it), which leaves the alternative asking less."""
    return tuple(
        tuple(clause for clause in alternative if not any("\0" in word for word in clause))
        for alternative in needed_alternatives(pattern)
    )


def _lowered(text: str) -> str | None:
    """``text`` in lower case, for :func:`candidates`; None when it holds a character
    that a case-insensitive pattern matches to an ASCII letter of another lower case."""
    return None if not text.isascii() and _CASE_ODDITIES.search(text) else text.lower()


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
