"""Trace a policy to its published notice: what is untraced, what is stale.

Every heading, bullet and sentence of the notice (:mod:`linter.noticetext`)
should be covered by the ``trace`` quotes of the policy, and every quote
should still be in the notice.

**Normalisation** (:func:`normalise`, applied to both sides): case is folded,
typographic quotes become straight ones (U+2018, U+2019, U+201A, U+201B and
U+2032 become ``'``; U+201C to U+201F and U+2033 become ``"``), dashes and
hyphens become ``-`` (U+2010 to U+2015, U+2212), invisible characters (soft
hyphen, zero-width space and joiners, word joiner, byte-order mark) are
removed and every run of white space, line breaks included, becomes one
space. Nothing fuzzier: a
changed word, letter or punctuation mark is a difference.

**Matching**: the normalised units are joined with single spaces into the
normalised notice, and every occurrence of a normalised quote in it counts
(a quote may run across units, say two sentences of a paragraph). A quote that
occurs nowhere is *stale*. The words of a unit are its runs of letters and
digits; a quote covers the words that lie wholly inside one of its
occurrences.

**Coverage**: a unit is covered when

1. the quotes together cover more than half of its words; or
2. one quote is a whole clause of it and holds at least a third of its words
   (and at least :data:`MIN_CLAUSE_WORDS` words): the quote starts at the
   unit's start or just after ``,`` ``;`` ``:`` ``(`` ``[`` or a spaced dash,
   and ends at the unit's end or just before one of those marks, ``)``,
   ``]`` or the sentence's final ``.`` ``!`` ``?``.

So a one-word quote never covers a long sentence, and the main clause of a
sentence covers it when the rest is a subordinate clause of modest length.
A heading is also covered when a trace names it as its ``section``; a
``section`` that names no heading of the notice is stale.

**Ignored text**: the ``trace_ignore`` entries of the notice are matched in
the same way; a unit covered only with their help counts as *ignored*, not
untraced, and an entry that occurs nowhere in the notice is stale.
"""

from __future__ import annotations

import bisect
import dataclasses
import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from typing import Any, Literal

from linter.loader import Position
from linter.model import Entity, IgnoredText, Policy, Trace
from linter.noticetext import Notice, Unit

#: a whole-clause quote must have at least this many words
MIN_CLAUSE_WORDS = 3

_QUOTES = str.maketrans(
    {
        **dict.fromkeys("\u2018\u2019\u201a\u201b\u2032", "'"),
        **dict.fromkeys("\u201c\u201d\u201e\u201f\u2033", '"'),
        **dict.fromkeys("\u2010\u2011\u2012\u2013\u2014\u2015\u2212", "-"),
        **dict.fromkeys("\u00ad\u200b\u200c\u200d\u2060\ufeff", None),
    }
)
_WORD = re.compile(r"[^\W_]+")
_OPENS_CLAUSE = (",", ";", ":", "(", "[", " -")
_CLOSES_CLAUSE = (",", ";", ":", ")", "]", ".", "!", "?", "- ")

Status = Literal["traced", "ignored", "untraced"]


def normalise(text: str) -> str:
    """The text as matching compares it (see the module's documentation)."""
    return " ".join(text.translate(_QUOTES).casefold().split())


@dataclass(frozen=True, slots=True)
class Quote:
    """A phrase of the policy that should occur in the notice."""

    text: str
    #: ``quote``, ``section`` or ``trace_ignore``
    kind: Literal["quote", "section", "trace_ignore"]
    #: the entity and field it belongs to, e.g. ``notice:x`` and ``complaint.trace.quote``
    entity: str
    field: str
    position: Position


@dataclass(frozen=True, slots=True)
class UnitResult:
    unit: Unit
    status: Status
    #: the share of the unit's words covered by quotes and ignored text
    covered: float
    #: the words (normalised) that no quote or ignored text covers
    uncovered: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class TraceResult:
    notice: Notice
    units: list[UnitResult]
    quotes: list[Quote]
    stale: list[Quote]

    @property
    def untraced(self) -> list[UnitResult]:
        return [result for result in self.units if result.status == "untraced"]

    def count(self, status: Status) -> int:
        return sum(1 for result in self.units if result.status == status)

    @property
    def ok(self) -> bool:
        return not self.stale and not self.untraced


# --------------------------------------------------------------------------
# The quotes of a policy
# --------------------------------------------------------------------------


def policy_quotes(policy: Policy) -> list[Quote]:
    """Every quote and section of every trace in the policy, wherever it is
    (an entity's own trace, a contact's, a statement's ...), and the notice's
    ``trace_ignore`` entries; in file and line order."""
    found: list[Quote] = []
    for entity in policy.all():
        for path, value in _walk(entity, ()):
            field = ".".join(path).replace(".[", "[")
            if isinstance(value, IgnoredText):
                if value.quote.strip():
                    where = _position(entity, value, path, "quote")
                    found.append(Quote(value.quote, "trace_ignore", entity.ref, field, where))
                continue
            if value.quote.strip():
                where = _position(entity, value, path, "quote")
                found.append(Quote(value.quote, "quote", entity.ref, f"{field}.quote", where))
            if value.section.strip():
                where = _position(entity, value, path, "section")
                found.append(Quote(value.section, "section", entity.ref, f"{field}.section", where))
    found.sort(key=lambda quote: (quote.position.file, quote.position.line, quote.position.column))
    return found


def _position(entity: Entity, value: Trace | IgnoredText, path: tuple[str, ...], key: str) -> Position:
    """Where ``key`` of a trace or ignore entry stands; the entity's field when unknown."""
    place = value.key_positions.get(key)
    if place is None:
        return entity.at(path[0].split("[")[0] if path else "")
    return Position(entity.position.file, *place)


def _walk(value: Any, path: tuple[str, ...]) -> Iterator[tuple[tuple[str, ...], Trace | IgnoredText]]:
    """Each :class:`Trace` and :class:`IgnoredText` inside ``value``, without
    following references to other entities (each is walked on its own)."""
    if isinstance(value, Trace | IgnoredText):
        yield path, value
        if isinstance(value, Trace):
            for index, more in enumerate(value.also):  # further places that state the same fact
                yield from _walk(more, (*path, f"also[{index}]"))
    elif dataclasses.is_dataclass(value) and not isinstance(value, type):
        if isinstance(value, Entity) and path:
            return
        for item in dataclasses.fields(value):
            if item.name not in ("position", "key_positions"):
                yield from _walk(getattr(value, item.name), (*path, item.name))
    elif isinstance(value, list | tuple):
        for index, item in enumerate(value):
            yield from _walk(item, (*path[:-1], f"{path[-1]}[{index}]") if path else (f"[{index}]",))
    elif isinstance(value, dict):
        for key, item in value.items():
            yield from _walk(item, (*path, str(key)))


# --------------------------------------------------------------------------
# Matching
# --------------------------------------------------------------------------


@dataclass(slots=True)
class _Text:
    """The normalised notice: the units joined by spaces, and their words."""

    text: str
    #: (start, end) of each unit in ``text``
    spans: list[tuple[int, int]]
    unit_starts: list[int]
    #: (start, end) of each word in ``text``, in order
    words: list[tuple[int, int]]
    word_starts: list[int]
    #: index in ``words`` of each unit's first word, and one past its last
    unit_words: list[tuple[int, int]]

    @classmethod
    def of(cls, units: Sequence[Unit]) -> _Text:
        parts: list[str] = []
        spans: list[tuple[int, int]] = []
        offset = 0
        for unit in units:
            text = normalise(unit.text)
            spans.append((offset, offset + len(text)))
            parts.append(text)
            offset += len(text) + 1
        joined = " ".join(parts)
        words = [match.span() for match in _WORD.finditer(joined)]
        starts = [start for start, _ in words]
        unit_words = [(bisect.bisect_left(starts, start), bisect.bisect_left(starts, end)) for start, end in spans]
        return cls(joined, spans, [start for start, _ in spans], words, starts, unit_words)

    def occurrences(self, needle: str) -> Iterator[tuple[int, int]]:
        if not needle:
            return
        start = self.text.find(needle)
        while start >= 0:
            yield start, start + len(needle)
            start = self.text.find(needle, start + 1)

    def words_within(self, start: int, end: int) -> range:
        first = bisect.bisect_left(self.word_starts, start)
        last = first
        while last < len(self.words) and self.words[last][1] <= end:
            last += 1
        return range(first, last)

    def word(self, index: int) -> str:
        start, end = self.words[index]
        return self.text[start:end]

    def unit_at(self, offset: int) -> int:
        return max(bisect.bisect_right(self.unit_starts, offset) - 1, 0)


def _is_clause(text: str, start: int, end: int, unit: tuple[int, int]) -> bool:
    """True when ``text[start:end]`` is a whole clause of the unit at ``unit``."""
    before = text[unit[0] : start].rstrip()
    after = text[end : unit[1]].lstrip()
    return (not before or before.endswith(_OPENS_CLAUSE)) and (not after or after.startswith(_CLOSES_CLAUSE))


def trace(notice: Notice, quotes: Sequence[Quote]) -> TraceResult:
    """Match ``quotes`` (quotes, sections and ignored text) against ``notice``."""
    joined = _Text.of(notice.units)
    count = len(joined.words)
    by_quote = [False] * count
    by_any = [False] * count
    clause_quote: set[int] = set()  # units a quote covers as a whole clause
    clause_any: set[int] = set()
    headings = {normalise(unit.text) for unit in notice.units if unit.kind == "heading"}
    named_sections: set[str] = set()
    stale: list[Quote] = []
    for quote in quotes:
        needle = normalise(quote.text)
        if quote.kind == "section":
            if needle in headings:
                named_sections.add(needle)
            else:
                stale.append(quote)
            continue
        found = False
        for start, end in joined.occurrences(needle):
            found = True
            within = joined.words_within(start, end)
            for index in within:
                by_any[index] = True
                if quote.kind == "quote":
                    by_quote[index] = True
            first = joined.unit_at(start)
            span = joined.spans[first]
            if end <= span[1]:
                low, high = joined.unit_words[first]
                size = len(within)
                if size >= MIN_CLAUSE_WORDS and 3 * size >= high - low and _is_clause(joined.text, start, end, span):
                    clause_any.add(first)
                    if quote.kind == "quote":
                        clause_quote.add(first)
        if not found:
            stale.append(quote)
    results: list[UnitResult] = []
    for index, unit in enumerate(notice.units):
        low, high = joined.unit_words[index]
        total = high - low
        with_quotes = sum(by_quote[low:high])
        with_any = sum(by_any[low:high])
        fraction = with_any / total if total else 1.0
        named = unit.kind == "heading" and normalise(unit.text) in named_sections
        if named or index in clause_quote or 2 * with_quotes > total or total == 0:
            status: Status = "traced"
        elif index in clause_any or 2 * with_any > total:
            status = "ignored"
        else:
            status = "untraced"
        missing = () if named else tuple(joined.word(i) for i in range(low, high) if not by_any[i])
        results.append(UnitResult(unit, status, 1.0 if named else fraction, missing))
    return TraceResult(notice, results, [quote for quote in quotes if quote.kind != "section"], stale)


# --------------------------------------------------------------------------
# Output
# --------------------------------------------------------------------------

#: how much of a unit or quote the text output shows
SHOWN_CHARACTERS = 160

_STALE_WHY = {
    "quote": "is not in the notice",
    "section": "names no heading of the notice",
    "trace_ignore": "matches nothing in the notice",
}


def _shown(text: str) -> str:
    text = " ".join(text.split())
    return text if len(text) <= SHOWN_CHARACTERS else text[: SHOWN_CHARACTERS - 3] + "..."


def summary_line(result: TraceResult, policy_files: int) -> str:
    """``pass: ...`` or ``FAIL: ...`` with the counts of units and quotes."""
    kinds = {kind: sum(1 for quote in result.quotes if quote.kind == kind) for kind in ("quote", "trace_ignore")}
    sections = sum(1 for quote in result.stale if quote.kind == "section")
    verdict = "pass" if result.ok else "FAIL"
    return (
        f"{verdict}: {len(result.untraced)} untraced, {len(result.stale)} stale "
        f"({len(result.units)} units of {result.notice.file}: {result.count('traced')} traced, "
        f"{result.count('ignored')} ignored; {kinds['quote']} quotes and {kinds['trace_ignore']} ignore entries "
        f"in {policy_files} policy file{'' if policy_files == 1 else 's'}"
        + (f"; {sections} section{' names' if sections == 1 else 's name'} no heading" if sections else "")
        + ")"
    )


def render_text(result: TraceResult, policy_files: int) -> str:
    """``file:line:`` lines: untraced units in notice order, then stale quotes; a summary line."""
    lines = [
        f"{result.notice.file}:{item.unit.line}: untraced {item.unit.kind}: {_shown(item.unit.text)}"
        for item in result.untraced
    ]
    lines += [
        f"{quote.position}: stale {quote.kind.replace('_', ' ')} of {quote.entity} ({quote.field}): "
        f"'{_shown(quote.text)}' {_STALE_WHY[quote.kind]}"
        for quote in result.stale
    ]
    lines.append(summary_line(result, policy_files))
    return "\n".join(lines) + "\n"


def render_json(result: TraceResult, policy_files: int) -> str:
    """Every unit with its status, the untraced units, the stale quotes and the counts."""
    import json

    def unit(item: UnitResult) -> dict[str, Any]:
        return {
            "file": result.notice.file,
            "line": item.unit.line,
            "kind": item.unit.kind,
            "section": item.unit.section,
            "text": item.unit.text,
            "status": item.status,
            "covered": round(item.covered, 3),
            "uncovered": list(item.uncovered),
        }

    document = {
        "notice": {"file": result.notice.file, "format": result.notice.format},
        "untraced": [unit(item) for item in result.untraced],
        "stale": [
            {
                "file": quote.position.file,
                "line": quote.position.line,
                "column": quote.position.column,
                "kind": quote.kind,
                "entity": quote.entity,
                "field": quote.field,
                "text": quote.text,
            }
            for quote in result.stale
        ],
        "units": [unit(item) for item in result.units],
        "summary": {
            "ok": result.ok,
            "units": len(result.units),
            "traced": result.count("traced"),
            "ignored": result.count("ignored"),
            "untraced": len(result.untraced),
            "quotes": sum(1 for quote in result.quotes if quote.kind == "quote"),
            "ignore_entries": sum(1 for quote in result.quotes if quote.kind == "trace_ignore"),
            "stale": len(result.stale),
            "policy_files": policy_files,
        },
    }
    return json.dumps(document, indent=2, ensure_ascii=False) + "\n"
