"""Safe YAML (and JSON) loading with source positions and budgets.

Bad input is normal input for a linter. Everything that cannot be used is
raised as :class:`LoadError` carrying file, line and column, and the CLI turns
it into a one-line message and exit code 2. This module is the one place where
a value of an input file is built, and it builds values straight from the
parser's events (libyaml's where present), so that every budget is counted
*while* the document is built, before anything is expanded:

* only plain data is built (mappings, lists, text, numbers, true/false, null,
  dates); any other tag, ``!!python/...`` included, is refused, never run, and
  a tag on the wrong kind of node (``!!map x``) is refused;
* a value that YAML recognises but that cannot be built (``2024-02-30``, hour
  25, offset ``+99:99``, ``!!int 0x``, ``!!bool maybe``, a number of thousands
  of digits) is refused with its position;
* duplicate keys, merge keys (``<<``), keys that are not text, duplicate and
  recursive anchors and undefined aliases are refused;
* the budgets of :class:`~linter.inputs.Limits` are counted as the events
  arrive: nodes and characters of text with every alias counted as the copy it
  stands for (keys included), keys per mapping and depth. An alias that would
  exceed one is refused before it is used, so a "billion laughs" document,
  an alias bomb used as a key or a long text aliased many times costs no more
  than the budget;
* the line and column of every key and list item are recorded.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from collections.abc import Iterable, Iterator
from collections.abc import Mapping as ReadOnlyMapping
from dataclasses import dataclass
from pathlib import Path
from sys import intern
from typing import TYPE_CHECKING, Any

import yaml
from yaml.constructor import SafeConstructor
from yaml.resolver import Resolver

from linter.inputs import (
    LIMITS,
    POLICY_SUFFIXES,
    InputFile,
    Limits,
    LoadError,
    Position,
    discover,
    read_bytes,
)
from linter.printable import display_name

if TYPE_CHECKING:
    from linter.cache import Cache

try:  # the libyaml C bindings are several times faster where present
    from yaml import CSafeLoader as _BaseLoader
except ImportError:  # pragma: no cover - depends on how PyYAML was built
    from yaml import SafeLoader as _BaseLoader  # type: ignore[assignment]

__all__ = [
    "LIMITS",
    "POLICY_SUFFIXES",
    "Document",
    "InputFile",
    "Limits",
    "LoadError",
    "Mapping",
    "Position",
    "Sequence",
    "discover",
    "load_file",
    "load_files",
    "load_json",
    "load_paths",
    "parse",
]


class Positions(ReadOnlyMapping[str, tuple[int, int]]):
    """Where each key of a mapping stands, ``key -> (line, column)``; made
    once (:meth:`of`) when the mapping is built, never changed.

    The model keeps these for every entity and every trace (a finding points at
    the field it concerns), so they are held compactly: the keys as a tuple
    shared by every mapping with the same keys in the same order (every trace
    has ``section`` and ``quote``), and each place as one number. On a
    100,000-entity estate that is a sixth of the model's memory."""

    __slots__ = ("_keys", "_packed")

    def __init__(self) -> None:
        self._keys: tuple[str, ...] = ()
        self._packed: tuple[int, ...] = ()

    @classmethod
    def of(cls, keys: tuple[str, ...], places: Iterable[tuple[int, int]]) -> Positions:
        """The positions of ``keys`` (distinct), in order."""
        positions = cls()
        positions._keys = _shared_keys(keys)
        positions._packed = tuple(line << 32 | column for line, column in places)
        if len(positions._packed) != len(keys) or len(set(keys)) != len(keys):
            raise ValueError("one place for each of distinct keys")
        return positions

    def __getitem__(self, key: str) -> tuple[int, int]:
        try:
            packed = self._packed[self._keys.index(key)]
        except ValueError:
            raise KeyError(key) from None
        return packed >> 32, packed & 0xFFFFFFFF

    def get(self, key: str, default: Any = None) -> Any:
        try:
            packed = self._packed[self._keys.index(key)]
        except ValueError:
            return default
        return packed >> 32, packed & 0xFFFFFFFF

    def __contains__(self, key: object) -> bool:
        return key in self._keys

    def __iter__(self) -> Iterator[str]:
        return iter(self._keys)

    def __len__(self) -> int:
        return len(self._keys)

    def __repr__(self) -> str:
        return repr(dict(self.items()))


#: the key tuples :class:`Positions` share; no more are added past the bound
#: (sharing then stops, nothing is evicted)
_KEY_TUPLES: dict[tuple[str, ...], tuple[str, ...]] = {}
_MAX_KEY_TUPLES = 50_000


def _shared_keys(keys: tuple[str, ...]) -> tuple[str, ...]:
    shared = _KEY_TUPLES.get(keys)
    if shared is not None:
        return shared
    if len(_KEY_TUPLES) < _MAX_KEY_TUPLES:
        _KEY_TUPLES[keys] = keys
    return keys


class Mapping(dict[str, Any]):
    """A YAML mapping that remembers where it and each of its keys stand."""

    __slots__ = ("column", "key_positions", "line")

    def __init__(self) -> None:
        super().__init__()
        self.line = 1
        self.column = 1
        self.key_positions = Positions()

    def __copy__(self) -> Mapping:
        # copy.copy() of a dict subclass with slots otherwise goes the slow
        # generic way; Cerberus copies every document it validates.
        twin = Mapping()
        twin.update(self)
        twin.line, twin.column, twin.key_positions = self.line, self.column, self.key_positions
        return twin


class Sequence(list[Any]):
    """A YAML sequence that remembers where it and each of its items stand."""

    __slots__ = ("column", "item_positions", "line")

    def __init__(self) -> None:
        super().__init__()
        self.line = 1
        self.column = 1
        self.item_positions: list[tuple[int, int]] = []


@dataclass(frozen=True, slots=True)
class Document:
    """One policy file: its top-level mapping, how messages name it (``file``)
    and where it is (``path``; the same as ``file`` unless its name had to be
    escaped)."""

    file: str
    data: Mapping
    path: str = ""


#: text up to this long is interned (see :func:`shared`)
SHARED_LENGTH = 40


def shared(text: str) -> str:
    """One object for every copy of a short text: a policy repeats its keys, ids,
    codes and vocabulary thousands of times, and a large estate holds them all."""
    return intern(text) if len(text) <= SHARED_LENGTH else text


_TAG = "tag:yaml.org,2002:"
_STR, _NULL, _BOOL, _INT, _FLOAT = (_TAG + kind for kind in ("str", "null", "bool", "int", "float"))
_TIMESTAMP, _SEQ, _MAP, _MERGE, _VALUE = (_TAG + kind for kind in ("timestamp", "seq", "map", "merge", "value"))
_NAMES = {_STR: "text", _NULL: "null", _BOOL: "true/false", _INT: "a whole number", _FLOAT: "a number"}
_NAMES |= {_TIMESTAMP: "a date", _SEQ: "a list", _MAP: "a mapping"}
#: what each built-in scalar tag accepts, as YAML's own resolver recognises it
_PATTERNS: dict[str, re.Pattern[str]] = {
    tag: pattern for resolvers in Resolver.yaml_implicit_resolvers.values() for tag, pattern in resolvers
}
_SAFE = SafeConstructor()
_BUILDERS = {
    _BOOL: _SAFE.construct_yaml_bool,
    _INT: _SAFE.construct_yaml_int,
    _FLOAT: _SAFE.construct_yaml_float,
    _TIMESTAMP: _SAFE.construct_yaml_timestamp,
}
_OPEN = object()  # an anchor whose node is still being built
#: first characters after which a plain scalar may be something other than
#: text (a number, a date, true/false, null...): YAML's resolver decides those
_IMPLICIT_FIRST = frozenset(Resolver.yaml_implicit_resolvers)
#: ... of which these can start only a word of true/false or null, the longest
#: being 'false': a longer plain scalar starting with one of them is text
_WORD_FIRST = frozenset(
    first
    for first, resolvers in Resolver.yaml_implicit_resolvers.items()
    if first and all(tag in (_BOOL, _NULL) for tag, _ in resolvers)
)
_LONGEST_WORD = len("false")
_PLAIN = "policy-lint reads plain YAML only"


class _Refused(Exception):
    def __init__(self, mark: Any, message: str) -> None:
        super().__init__(message)
        self.line = mark.line + 1 if mark is not None else 1
        self.column = mark.column + 1 if mark is not None else 1
        self.message = message


def _short(value: Any, width: int = 60) -> str:
    """A value as a message quotes it: never more than about ``width`` characters."""
    if isinstance(value, str):
        text = repr(value if len(value) <= width else value[:width] + "...")
    elif isinstance(value, dt.date):
        text = f"a date ({value.isoformat()})"
    elif isinstance(value, bool | int | float) or value is None:
        text = repr(value)
        text = text if len(text) <= width else text[:width] + "..."
    else:
        text = {Mapping: "a mapping", Sequence: "a list"}.get(type(value), type(value).__name__)
    return text


def _tag_name(tag: str) -> str:
    return _short("!!" + tag[len(_TAG) :] if tag.startswith(_TAG) else tag)


@dataclass(slots=True)
class _Anchor:
    value: Any
    nodes: int
    chars: int
    height: int


class _Frame:
    """A mapping or list being built, and what it has counted so far."""

    __slots__ = ("anchor", "chars", "data", "height", "is_map", "key", "keys", "mark", "nodes", "places")

    def __init__(self, data: Mapping | Sequence, is_map: bool, anchor: str | None, mark: Any) -> None:
        self.data: Any = data
        self.is_map = is_map
        self.anchor = anchor
        self.mark = mark
        self.nodes = 1
        self.chars = 0
        self.height = 0
        self.key: Any = _OPEN  # _OPEN: the next node of a mapping is a key
        # a mapping's keys and where each stands, made into Positions at its end
        self.keys: dict[str, None] = {}
        self.places: list[tuple[int, int]] = []


class _Builder:
    """Builds one document from parser events, counting the budgets."""

    def __init__(self, loader: Any, limits: Limits) -> None:
        self.loader = loader
        self.limits = limits
        self.anchors: dict[str, Any] = {}
        self.nodes = 0
        self.chars = 0

    def count(self, nodes: int, chars: int, mark: Any) -> None:
        self.nodes += nodes
        self.chars += chars
        if self.nodes > self.limits.nodes:
            raise _Refused(mark, f"more than {self.limits.nodes:,} nodes (aliases expanded): the document is too large")
        if self.chars > self.limits.scalar_chars:
            raise _Refused(
                mark, f"more than {self.limits.scalar_chars:,} characters of text (aliases expanded): too large"
            )

    def scalar(self, event: Any) -> Any:
        value: str = event.value
        tag = event.tag
        if tag is None or tag == "!":
            tag = self.loader.resolve(yaml.ScalarNode, value, event.implicit)
            if tag in (_MERGE, _VALUE):  # '<<' and '=' outside a key: just text
                return value
        if tag == _STR:
            return shared(value)
        if tag == _NULL:
            if not _PATTERNS[_NULL].match(value):
                raise _Refused(event.start_mark, f"{_short(value)} is not a null value (tag !!null)")
            return None
        build = _BUILDERS.get(tag)
        if tag in (_MAP, _SEQ):
            raise _Refused(event.start_mark, f"tag {_tag_name(tag)} on text is not allowed: {_PLAIN}")
        if build is None:
            raise _Refused(event.start_mark, f"tag {_tag_name(tag)} is not allowed: {_PLAIN}")
        kind = _NAMES[tag]
        if len(value) > self.limits.scalar_length:
            raise _Refused(event.start_mark, f"{kind} longer than {self.limits.scalar_length:,} characters")
        if tag == _TIMESTAMP and not _PATTERNS[_TIMESTAMP].match(value):
            raise _Refused(event.start_mark, f"{_short(value)} is not a date (tag !!timestamp)")
        try:
            return build(yaml.ScalarNode(tag, value))
        except (ValueError, OverflowError, ArithmeticError, KeyError, IndexError) as error:
            reason = f": {error}" if isinstance(error, ValueError) and str(error) else ""
            raise _Refused(event.start_mark, f"{_short(value)} is not {kind}{reason}") from None

    def collection_tag(self, event: Any, is_map: bool) -> None:
        tag = event.tag
        if tag is None or tag == "!":
            return
        if tag != (_MAP if is_map else _SEQ):
            what = "a mapping" if is_map else "a list"
            wrong = f" on {what}" if tag in _NAMES else ""
            raise _Refused(event.start_mark, f"tag {_tag_name(tag)}{wrong} is not allowed: {_PLAIN}")

    def node(self, event: Any) -> Any:
        """Build the node that starts with ``event`` (the rest comes from the parser)."""
        get_event = self.loader.get_event
        limits = self.limits
        stack: list[_Frame] = []
        while True:
            kind = type(event)
            mark = event.start_mark
            if kind is yaml.ScalarEvent:
                text: str = event.value
                chars = len(text)
                self.nodes += 1
                self.chars += chars
                if self.nodes > limits.nodes or self.chars > limits.scalar_chars:
                    self.count(0, 0, mark)  # says which budget
                if event.tag is None and (
                    not event.implicit[0]  # quoted: text
                    or (text and (text[0] not in _IMPLICIT_FIRST or (chars > _LONGEST_WORD and text[0] in _WORD_FIRST)))
                ):
                    # text, as the resolver would decide, without asking it: most scalars are
                    value = intern(text) if chars <= SHARED_LENGTH else text
                else:
                    value = self.scalar(event)
                nodes, height = 1, 0
                if event.anchor is not None:
                    self.define(event, _Anchor(value, nodes, chars, height))
            elif kind is yaml.AliasEvent:
                anchor = self.anchors.get(event.anchor)
                if anchor is None:
                    raise _Refused(event.start_mark, f"alias {_short('*' + event.anchor)} refers to no anchor")
                if anchor is _OPEN:
                    raise _Refused(event.start_mark, "an alias refers to the mapping or list that contains it")
                if len(stack) + anchor.height > limits.depth:
                    raise _Refused(event.start_mark, f"nesting deeper than {limits.depth} levels (aliases expanded)")
                if stack and stack[-1].is_map and stack[-1].key is _OPEN and not isinstance(anchor.value, str):
                    raise _Refused(event.start_mark, f"mapping keys must be text, not {_short(anchor.value)}")
                self.count(anchor.nodes, anchor.chars, event.start_mark)
                value, nodes, chars, height = anchor.value, anchor.nodes, anchor.chars, anchor.height
            elif kind is yaml.MappingStartEvent or kind is yaml.SequenceStartEvent:
                is_map = kind is yaml.MappingStartEvent
                if stack and stack[-1].is_map and stack[-1].key is _OPEN:
                    what = "a mapping" if is_map else "a list"
                    raise _Refused(event.start_mark, f"mapping keys must be text, not {what}")
                if len(stack) >= limits.depth:
                    raise _Refused(event.start_mark, f"nesting deeper than {limits.depth} levels")
                self.collection_tag(event, is_map)
                self.count(1, 0, event.start_mark)
                data: Mapping | Sequence = Mapping() if is_map else Sequence()
                data.line, data.column = event.start_mark.line + 1, event.start_mark.column + 1
                if event.anchor is not None:
                    self.define(event, _OPEN)
                stack.append(_Frame(data, is_map, event.anchor, mark))
                event = get_event()
                continue
            else:  # MappingEndEvent or SequenceEndEvent: the parser guarantees nothing else
                frame = stack.pop()
                mark = frame.mark
                if frame.is_map:
                    frame.data.key_positions = Positions.of(tuple(frame.keys), frame.places)
                value, nodes, chars, height = frame.data, frame.nodes, frame.chars, frame.height + 1
                if frame.anchor is not None:
                    self.anchors[frame.anchor] = _Anchor(value, nodes, chars, height)
            if not stack:
                return value
            parent = stack[-1]
            parent.nodes += nodes
            parent.chars += chars
            if height > parent.height:
                parent.height = height
            if parent.is_map:
                self.add_to_mapping(parent, value, event, mark)
            else:
                parent.data.append(value)
                parent.data.item_positions.append((mark.line + 1, mark.column + 1))
            event = get_event()

    def add_to_mapping(self, frame: _Frame, value: Any, event: Any, mark: Any) -> None:
        data: Mapping = frame.data
        if frame.key is not _OPEN:
            data[frame.key] = value
            frame.key = _OPEN
            return
        if type(event) is yaml.ScalarEvent and event.tag is None and event.value == "<<" and event.implicit[0]:
            raise _Refused(mark, "merge keys ('<<') are not supported")
        if not isinstance(value, str):
            raise _Refused(mark, f"mapping keys must be text, not {_short(value)}")
        keys = frame.keys
        if value in keys:
            first = frame.places[list(keys).index(value)][0]
            raise _Refused(mark, f"duplicate key {_short(value)} (first defined on line {first})")
        if len(keys) >= self.limits.keys:
            raise _Refused(mark, f"more than {self.limits.keys:,} keys in one mapping")
        key = intern(value)
        keys[key] = None
        frame.places.append((mark.line + 1, mark.column + 1))
        frame.key = key

    def define(self, event: Any, anchor: Any) -> None:
        if event.anchor in self.anchors:
            raise _Refused(event.start_mark, f"anchor {_short('&' + event.anchor)} is defined twice")
        self.anchors[event.anchor] = anchor


_EMPTY = object()  # a stream with no document


def _document(loader: Any, limits: Limits) -> Any:
    """The one document of the stream, or _EMPTY; _Refused for a second one."""
    event = loader.get_event()  # StreamStartEvent
    event = loader.get_event()
    if type(event) is yaml.StreamEndEvent:
        return _EMPTY
    data = _Builder(loader, limits).node(loader.get_event())  # after DocumentStartEvent
    loader.get_event()  # DocumentEndEvent
    event = loader.get_event()
    if type(event) is not yaml.StreamEndEvent:
        raise _Refused(event.start_mark, "more than one YAML document in a policy file")
    return data


def parse(
    text: str,
    file: str,
    expected: str = "a mapping of entity kinds",
    allow_empty: bool = False,
    limits: Limits = LIMITS,
) -> Mapping:
    """Parse one policy document from text; raise LoadError if unusable.

    ``expected`` describes the top-level mapping for the error message; with
    ``allow_empty`` a file of nothing but comments is an empty mapping."""
    if not text.strip():
        if allow_empty:
            return Mapping()
        raise LoadError(Position(file, 1, 1), "empty policy file")
    loader = _BaseLoader(text)
    try:
        data = _document(loader, limits)
    except _Refused as refused:
        raise LoadError(Position(file, refused.line, refused.column), refused.message) from None
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        line, column = (mark.line + 1, mark.column + 1) if mark else (1, 1)
        problem = error.problem or error.context or "invalid YAML"
        raise LoadError(Position(file, line, column), f"invalid YAML: {problem}") from None
    except yaml.reader.ReaderError as error:
        line = text.count("\n", 0, error.position) + 1
        column = error.position - (text.rfind("\n", 0, error.position) + 1) + 1
        character = chr(error.character) if isinstance(error.character, int) else error.character
        raise LoadError(Position(file, line, column), f"invalid YAML: {error.reason} ({character!r})") from None
    except yaml.YAMLError as error:  # pragma: no cover - every other error carries a mark
        raise LoadError(Position(file, 1, 1), "invalid YAML: " + " ".join(str(error).split())) from None
    finally:
        loader.dispose()
    if data is _EMPTY:
        if allow_empty:  # only comments or document markers
            return Mapping()
        raise LoadError(Position(file, 1, 1), "empty policy file")
    if data is None and allow_empty:  # "---" alone, or an explicit null
        return Mapping()
    if not isinstance(data, Mapping):
        kinds = {type(None): "empty", Sequence: "a list", str: "text", bool: "true/false"}
        kind = kinds.get(type(data), type(data).__name__)
        raise LoadError(Position(file, 1, 1), f"top level must be {expected}, not {kind}")
    return data


def _decode(raw: bytes, file: str) -> str:
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as error:
        line = raw.count(b"\n", 0, error.start) + 1
        column = error.start - (raw.rfind(b"\n", 0, error.start) + 1) + 1
        raise LoadError(Position(file, line, column), "file is not valid UTF-8") from None
    if text.startswith("\ufeff"):
        text = text[1:]
    if "\x00" in text:
        line = text.count("\n", 0, text.index("\x00")) + 1
        raise LoadError(Position(file, line, 1), "file contains a NUL byte")
    return text


def load_file(
    path: Path | InputFile,
    display: str | None = None,
    expected: str = "a mapping of entity kinds",
    allow_empty: bool = False,
    limits: Limits = LIMITS,
    cache: Cache | None = None,
) -> Document:
    """Read and parse one YAML file (through :func:`linter.inputs.read_bytes`);
    a policy file whose bytes ``cache`` knows is not parsed again (see
    :mod:`linter.cache`)."""
    source = path if isinstance(path, InputFile) else InputFile(Path(path), display or display_name(path))
    file = display if display is not None else source.display
    raw = read_bytes(source.path, file, within=source.within, limit=limits.file_bytes)
    data = cache.get(raw) if cache is not None else None
    if data is None:
        data = parse(_decode(raw, file), file, expected, allow_empty, limits)
        if cache is not None:
            cache.put(raw, data)
    return Document(file, data, str(source.path))


def load_files(
    files: Iterable[Path | InputFile], limits: Limits = LIMITS, cache: Cache | None = None
) -> tuple[list[Document], list[LoadError]]:
    """Load each policy file; collect (rather than stop at) unusable ones."""
    documents: list[Document] = []
    errors: list[LoadError] = []
    for path in files:
        try:
            documents.append(load_file(path, limits=limits, cache=cache))
        except LoadError as error:
            errors.append(error)
    return documents, errors


def load_paths(paths: Iterable[str], limits: Limits = LIMITS) -> tuple[list[Document], list[LoadError]]:
    """Discover and load every policy file under ``paths``."""
    try:
        files = discover(paths, limits)
    except LoadError as error:
        return [], [error]
    return load_files(files, limits)


# --- JSON ---------------------------------------------------------------------


class _JsonRefused(Exception):
    pass


def load_json(path: str | Path, display: str | None = None, limits: Limits = LIMITS, missing: str = "") -> Any:
    """Read one JSON file under the same rules and budgets as YAML: only a
    regular file, within the size budget; numbers of at most
    ``scalar_length`` characters; no duplicate keys; the node, text, key and
    depth budgets. LoadError (with line and column where known) otherwise."""
    file = display if display is not None else display_name(path)
    raw = read_bytes(path, file, limit=limits.file_bytes, missing=missing or "file not found")
    text = _decode(raw, file)
    counted = [0, 0]  # objects and arrays' members; characters of keys and strings

    def too_long(number: str) -> None:
        if len(number) > limits.scalar_length:
            raise _JsonRefused(f"a number longer than {limits.scalar_length:,} characters")

    def whole(number: str) -> int:
        too_long(number)
        return int(number)

    def real(number: str) -> float:
        too_long(number)
        return float(number)

    def constant(name: str) -> Any:
        raise _JsonRefused(f"{name} is not a JSON number")

    def members(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
        if len(pairs) > limits.keys:
            raise _JsonRefused(f"more than {limits.keys:,} keys in one object")
        counted[0] += 1 + len(pairs)
        counted[1] += sum(len(key) for key, _ in pairs)
        if counted[0] > limits.nodes:
            raise _JsonRefused(f"more than {limits.nodes:,} nodes: the document is too large")
        data: dict[str, Any] = {}
        for key, value in pairs:
            if key in data:
                raise _JsonRefused(f"duplicate key {_short(key)}")
            data[key] = value
        return data

    try:
        document = json.loads(
            text, parse_int=whole, parse_float=real, parse_constant=constant, object_pairs_hook=members
        )
    except json.JSONDecodeError as error:
        raise LoadError(Position(file, error.lineno, error.colno), f"invalid JSON: {error.msg}") from None
    except _JsonRefused as refused:
        raise LoadError(Position(file, 1, 1), str(refused)) from None
    except RecursionError:
        raise LoadError(Position(file, 1, 1), f"nesting deeper than {limits.depth} levels") from None
    _check_json(document, file, limits)
    return document


def _check_json(document: Any, file: str, limits: Limits) -> None:
    """The node, text and depth budgets over a parsed JSON document (no aliases:
    one pass over what the parser built, without recursion)."""
    nodes = chars = 0
    stack: list[tuple[Any, int]] = [(document, 1)]
    while stack:
        value, depth = stack.pop()
        nodes += 1
        if depth > limits.depth:
            raise LoadError(Position(file, 1, 1), f"nesting deeper than {limits.depth} levels")
        if isinstance(value, str):
            chars += len(value)
        elif isinstance(value, dict):
            chars += sum(len(key) for key in value)
            nodes += len(value)
            stack.extend((item, depth + 1) for item in value.values())
        elif isinstance(value, list):
            stack.extend((item, depth + 1) for item in value)
        if nodes > limits.nodes:
            raise LoadError(Position(file, 1, 1), f"more than {limits.nodes:,} nodes: the document is too large")
    if chars > limits.scalar_chars:
        raise LoadError(Position(file, 1, 1), f"more than {limits.scalar_chars:,} characters of text: too large")
