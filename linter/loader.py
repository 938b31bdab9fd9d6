"""Safe YAML loading with source positions.

Bad input is normal input for a linter. Everything that cannot be used is
raised as :class:`LoadError` carrying file, line and column, and the CLI turns
it into a one-line message and exit code 2. The loader:

* builds only plain data (mappings, lists, strings, numbers, booleans, dates);
  any other tag, ``!!python/...`` included, is refused and never executed;
* refuses duplicate keys in a mapping (PyYAML would silently keep the last);
* bounds alias expansion, so a "billion laughs" document is refused quickly;
* records the line and column of every key and list item.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator, MutableMapping
from dataclasses import dataclass
from pathlib import Path
from sys import intern
from typing import TYPE_CHECKING, Any

import yaml

if TYPE_CHECKING:
    from linter.cache import Cache

try:  # the libyaml C bindings are several times faster where present
    from yaml import CSafeLoader as _BaseLoader
except ImportError:  # pragma: no cover - depends on how PyYAML was built
    from yaml import SafeLoader as _BaseLoader  # type: ignore[assignment]

POLICY_SUFFIXES = (".yaml", ".yml")
#: how many nodes aliases may add to a document beyond the nodes it spells out
MAX_ALIAS_EXPANSION = 100_000


@dataclass(frozen=True, slots=True)
class Position:
    """A place in a file; line and column count from 1."""

    file: str
    line: int
    column: int

    def __str__(self) -> str:
        return f"{self.file}:{self.line}:{self.column}"


class LoadError(Exception):
    """Input that cannot be used at all: the run stops with exit code 2."""

    def __init__(self, position: Position, message: str) -> None:
        message = " ".join(message.splitlines())
        super().__init__(f"{position}: {message}")
        self.position = position
        self.message = message


class Positions(MutableMapping[str, tuple[int, int]]):
    """Where each key of a mapping stands, ``key -> (line, column)``.

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

    def __setitem__(self, key: str, place: tuple[int, int]) -> None:
        line, column = place
        if not (0 <= column <= 0xFFFFFFFF and line >= 0):
            raise ValueError(f"no such place: {place!r}")
        packed = line << 32 | column
        if key in self._keys:
            index = self._keys.index(key)
            self._packed = (*self._packed[:index], packed, *self._packed[index + 1 :])
        else:
            self._keys = _shared_keys((*self._keys, key))
            self._packed = (*self._packed, packed)

    def __delitem__(self, key: str) -> None:
        index = self._keys.index(key) if key in self._keys else -1
        if index < 0:
            raise KeyError(key)
        self._keys = _shared_keys(self._keys[:index] + self._keys[index + 1 :])
        self._packed = self._packed[:index] + self._packed[index + 1 :]

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
    """One policy file: its top-level mapping and where it came from."""

    file: str
    data: Mapping


def _mark(node: yaml.Node) -> tuple[int, int]:
    return node.start_mark.line + 1, node.start_mark.column + 1


class _PositionLoader(_BaseLoader):
    """The libyaml safe loader, with positions, duplicate and tag checks."""

    # Plain text scalars (most keys and values) are taken straight from the
    # node: the same value SafeConstructor would build, without its dispatch.

    def construct_policy_mapping(self, node: yaml.MappingNode) -> Iterator[Mapping]:
        data = Mapping()
        mark = node.start_mark
        data.line, data.column = mark.line + 1, mark.column + 1
        yield data
        positions = data.key_positions
        construct = self.construct_object
        for key_node, value_node in node.value:
            mark = key_node.start_mark
            line, column = mark.line + 1, mark.column + 1
            tag = key_node.tag
            if tag == _STR_TAG:
                key = intern(key_node.value)
            elif tag == _MERGE_TAG:
                raise _Refused(line, column, "merge keys ('<<') are not supported")
            else:
                key = construct(key_node, deep=True)
                if not isinstance(key, str):
                    raise _Refused(line, column, f"mapping keys must be text, not {key!r}")
            if key in positions:
                raise _Refused(line, column, f"duplicate key {key!r} (first defined on line {positions[key][0]})")
            positions[key] = (line, column)
            if value_node.tag == _STR_TAG and isinstance(value_node, yaml.ScalarNode):
                data[key] = shared(value_node.value)
            else:
                data[key] = construct(value_node, deep=True)

    def construct_policy_sequence(self, node: yaml.SequenceNode) -> Iterator[Sequence]:
        data = Sequence()
        mark = node.start_mark
        data.line, data.column = mark.line + 1, mark.column + 1
        yield data
        positions = data.item_positions
        construct = self.construct_object
        for item in node.value:
            mark = item.start_mark
            positions.append((mark.line + 1, mark.column + 1))
            if item.tag == _STR_TAG and isinstance(item, yaml.ScalarNode):
                data.append(shared(item.value))
            else:
                data.append(construct(item, deep=True))


#: text up to this long is interned (see :func:`shared`)
SHARED_LENGTH = 40


def shared(text: str) -> str:
    """One object for every copy of a short text: a policy repeats its keys, ids,
    codes and vocabulary thousands of times, and a large estate holds them all."""
    return intern(text) if len(text) <= SHARED_LENGTH else text


_STR_TAG = "tag:yaml.org,2002:str"
_MERGE_TAG = "tag:yaml.org,2002:merge"

_PositionLoader.add_constructor("tag:yaml.org,2002:map", _PositionLoader.construct_policy_mapping)
_PositionLoader.add_constructor("tag:yaml.org,2002:seq", _PositionLoader.construct_policy_sequence)


def _refuse(loader: _PositionLoader, node: yaml.Node) -> Any:
    line, column = _mark(node)
    raise _Refused(line, column, f"tag {node.tag!r} is not allowed in policy files")


# Unknown tags (``!!python/...`` and local ``!tags`` included) reach the
# ``None`` fallback; the others listed are known to SafeConstructor but build
# something other than plain data (bytes, sets, ordered pairs).
for _tag in ("binary", "set", "omap", "pairs", "value", "yaml"):
    _PositionLoader.add_constructor(f"tag:yaml.org,2002:{_tag}", _refuse)
_PositionLoader.add_constructor(None, _refuse)


class _Refused(Exception):
    def __init__(self, line: int, column: int, message: str) -> None:
        super().__init__(message)
        self.line = line
        self.column = column
        self.message = message


def _expanded_size(root: Any) -> int:
    """Count nodes as if every alias were copied out, memoised per object."""
    sizes: dict[int, int] = {}

    def size(value: Any) -> int:
        if isinstance(value, dict):
            children: Iterable[Any] = value.values()
        elif isinstance(value, list):
            children = value
        else:
            return 1
        known = sizes.get(id(value))
        if known is not None:
            return known
        total = 1 + sum(size(child) for child in children)
        sizes[id(value)] = total
        return total

    return size(root)


def _count_unique(root: Any) -> int:
    seen: set[int] = set()
    stack = [root]
    count = 0
    while stack:
        value = stack.pop()
        count += 1
        if isinstance(value, (dict, list)):
            if id(value) in seen:
                continue
            seen.add(id(value))
            stack.extend(value.values() if isinstance(value, dict) else value)
    return count


def parse(text: str, file: str, expected: str = "a mapping of entity kinds", allow_empty: bool = False) -> Mapping:
    """Parse one policy document from text; raise LoadError if unusable.

    ``expected`` describes the top-level mapping for the error message; with
    ``allow_empty`` a file of nothing but comments is an empty mapping."""
    if not text.strip():
        if allow_empty:
            return Mapping()
        raise LoadError(Position(file, 1, 1), "empty policy file")
    loader = _PositionLoader(text)
    try:
        if loader.check_data():  # type: ignore[no-untyped-call]
            data = loader.get_data()
        elif allow_empty:  # only comments or document markers
            return Mapping()
        else:
            raise LoadError(Position(file, 1, 1), "empty policy file")
        if loader.check_data():  # type: ignore[no-untyped-call]
            extra = loader.get_node()
            line, column = _mark(extra) if extra is not None else (1, 1)
            raise LoadError(Position(file, line, column), "more than one YAML document in a policy file")
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
        raise LoadError(Position(file, line, column), f"invalid YAML: {error.reason} {error.character!r}") from None
    except yaml.YAMLError as error:  # pragma: no cover - every other error carries a mark
        raise LoadError(Position(file, 1, 1), "invalid YAML: " + " ".join(str(error).split())) from None
    except RecursionError:
        raise LoadError(Position(file, 1, 1), "YAML nesting is too deep") from None
    finally:
        loader.dispose()
    if data is None and allow_empty:  # "---" alone, or an explicit null
        return Mapping()
    if not isinstance(data, Mapping):
        kinds = {type(None): "empty", Sequence: "a list", str: "text", bool: "true/false"}
        kind = kinds.get(type(data), type(data).__name__)
        raise LoadError(Position(file, 1, 1), f"top level must be {expected}, not {kind}")
    if "*" in text and _expanded_size(data) > _count_unique(data) + MAX_ALIAS_EXPANSION:
        raise LoadError(
            Position(file, 1, 1),
            f"aliases expand this document by more than {MAX_ALIAS_EXPANSION} nodes",
        )
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
    path: Path,
    display: str | None = None,
    expected: str = "a mapping of entity kinds",
    allow_empty: bool = False,
    cache: Cache | None = None,
) -> Document:
    """Read and parse one YAML file; a policy file whose bytes ``cache`` knows is
    not parsed again (see :mod:`linter.cache`)."""
    file = display if display is not None else str(path)
    try:
        raw = path.read_bytes()
    except OSError as error:
        raise LoadError(Position(file, 1, 1), f"cannot read file: {error.strerror}") from None
    data = cache.get(raw) if cache is not None else None
    if data is None:
        data = parse(_decode(raw, file), file, expected, allow_empty)
        if cache is not None:
            cache.put(raw, data)
    return Document(file, data)


def discover(paths: Iterable[str]) -> list[Path]:
    """Expand the given files and folders into the policy files they hold."""
    found: list[Path] = []
    for given in paths:
        path = Path(given)
        try:
            is_dir, is_file = path.is_dir(), path.is_file()
        except OSError as error:  # a name too long for the file system, say
            raise LoadError(Position(given, 1, 1), f"cannot use this path: {error.strerror or error}") from None
        if is_dir:
            files = sorted(
                Path(root) / name
                for root, dirs, names in os.walk(path)
                for name in names
                if name.endswith(POLICY_SUFFIXES) and not name.startswith(".")
                if not any(part.startswith(".") for part in Path(root).relative_to(path).parts)
            )
            if not files:
                raise LoadError(Position(given, 1, 1), "no policy files (*.yaml, *.yml) in this folder")
            found.extend(files)
        elif is_file:
            found.append(path)
        else:
            raise LoadError(Position(given, 1, 1), "no such file or folder")
    return found


def load_files(files: Iterable[Path], cache: Cache | None = None) -> tuple[list[Document], list[LoadError]]:
    """Load each policy file; collect (rather than stop at) unusable ones."""
    documents: list[Document] = []
    errors: list[LoadError] = []
    for path in files:
        try:
            documents.append(load_file(path, cache=cache))
        except LoadError as error:
            errors.append(error)
    return documents, errors


def load_paths(paths: Iterable[str]) -> tuple[list[Document], list[LoadError]]:
    """Discover and load every policy file under ``paths``."""
    try:
        files = discover(paths)
    except LoadError as error:
        return [], [error]
    return load_files(files)
