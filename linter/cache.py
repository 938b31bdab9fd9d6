"""A cache of parsed policy files, keyed on each file's bytes.

Parsing YAML is most of what a run costs, and between two runs (a pre-commit
hook, an editor saving one file) nearly every file is unchanged. A run that
may use the cache keeps, for each policy file it parsed, the document it built
(its mappings, lists, values and the line and column of every key and item),
under a hash of the file's bytes; the next run builds a file's document from
there instead of from the YAML when its bytes hash the same. Everything after
parsing (the schema, the model, the rules) runs as without the cache, so the
findings are the same by construction; tests/linter/test_cache.py checks that
they are, before and after edits, renames and deletions, and that a damaged
cache is only a miss.

* The cache is a folder, ``.policy-lint-cache/`` beside the configuration by
  default (``--cache-dir``, ``[tool.policy-lint] cache-dir``; ``--no-cache``
  turns it off), holding a ``.gitignore`` (everything) and a ``CACHEDIR.TAG``.
  Each set of policy folders checked together has one file, named after them,
  that holds only the documents of its last run.
* A cache file is JSON: data, never code (no pickle). It starts with a line
  naming the cache format, a fingerprint of the code that parses (so another
  version of policy-lint never reads it) and a MAC over the rest made with a
  secret key kept outside any project, in the user's cache folder
  (``$XDG_CACHE_HOME/policy-lint/key``). A file that is corrupt, truncated,
  written by another version or on another machine, or forged (a cache
  committed to a repository by someone else) fails the MAC and is ignored
  without being parsed: a miss, never an error.
* A document that the format cannot hold exactly (a mapping or list reached
  twice through YAML aliases, a date with a time) is not cached.
* Cache files are written through the one atomic writer, so that concurrent
  runs leave one complete file or the other; the cache is an optimisation, and
  a cache that cannot be read or written is left alone.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import hashlib
import hmac
import json
import os
import re
import stat
import sys
from collections.abc import Iterator
from collections.abc import Sequence as Paths
from pathlib import Path
from sys import intern
from typing import Any

import yaml

from linter.inputs import digest_of
from linter.loader import Mapping, Positions, Sequence, shared

#: the layout of cache files; a change makes every existing file a miss
FORMAT = 1
DEFAULT_FOLDER = ".policy-lint-cache"
#: cache files kept in one folder (two per set of policy folders checked together)
MAX_FILES = 128
#: bytes of one cache file beyond which it is not read
MAX_BYTES = 512 * 1024 * 1024
_MAGIC = b"policy-lint-cache"
_TAG = "Signature: 8a477f597d28d172789f06886806bc55\n# policy-lint's cache (see https://bford.info/cachedir/)\n"


class _Uncacheable(Exception):
    """A value the cache format cannot hold exactly."""


def _code_fingerprint() -> str:
    """What the documents of the cache depend on: the cache format, the code that
    parses (this module and the loader), PyYAML and Python."""
    here = Path(__file__).parent
    return digest_of(
        (here / name for name in ("cache.py", "loader.py", "inputs.py")),
        f"{FORMAT}\0{yaml.__version__}\0{yaml.__with_libyaml__}\0{sys.version}",
    )


def _key_file() -> Path:
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(base) / "policy-lint" / "key"


def _secret() -> bytes | None:
    """The MAC key of this user on this machine, made on first use; None when it
    can be neither read nor made (the cache is then not used)."""
    path = _key_file()
    try:
        key = bytes.fromhex(path.read_text(encoding="ascii").strip())
        if len(key) == 32:
            return key
    except (OSError, ValueError):
        pass
    import secrets  # only when the key is made

    try:
        path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
        temporary = path.with_name(f".key.{os.getpid()}.{secrets.token_hex(4)}")
        descriptor = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        with os.fdopen(descriptor, "w", encoding="ascii") as stream:
            stream.write(secrets.token_hex(32) + "\n")
        try:
            os.link(temporary, path)  # never replaces a key another run made meanwhile
        except FileExistsError:
            pass
        finally:
            os.unlink(temporary)
        key = bytes.fromhex(path.read_text(encoding="ascii").strip())
        return key if len(key) == 32 else None
    except (OSError, ValueError):
        return None


def _source_files() -> list[Path]:
    """Every file a run's findings can depend on besides its inputs: the code and
    knowledge of policy-lint, and the code of the libraries that read and validate."""
    import importlib.util

    here = Path(__file__).resolve().parent
    folders = [here, here.parent / "checks"]
    for library in ("yaml", "cerberus"):
        spec = importlib.util.find_spec(library)
        folders += [Path(location) for location in (spec.submodule_search_locations or ()) if spec] if spec else []
    found: list[Path] = []
    for folder in folders:
        for root, dirs, names in os.walk(folder):
            dirs[:] = sorted(name for name in dirs if name != "__pycache__")
            found += [
                Path(root) / name
                for name in sorted(names)
                if name.endswith((".py", ".yaml")) or name == "catalogue.json"
            ]
    return found


def code_fingerprint() -> str:
    """A hash of the path, size and modification time of every file
    :func:`_source_files` names (and Python's version): a result kept by
    another version of the code, or before a knowledge file changed, is never
    used. Sizes and times, as Python's own bytecode cache judges its sources:
    hashing the files' bytes took a twentieth of a run that reuses a result."""
    digest = hashlib.blake2b(digest_size=16)
    digest.update(f"{FORMAT}\0{sys.version}\0".encode())
    for path in _source_files():
        try:
            status = os.stat(path)
            stamp = f"{status.st_size}\0{status.st_mtime_ns}\0{status.st_ino}"
        except OSError:
            stamp = "unreadable"
        digest.update(f"{path}\0{stamp}\0".encode("utf-8", "surrogateescape"))
    return digest.hexdigest()


# --- documents as JSON ------------------------------------------------------------------------
# A mapping is {"m": [line, column, [key, line, column, value, ...]]}, a list
# {"s": [line, column, [line, column, value, ...]]}, a date {"d": "YYYY-MM-DD"};
# text, numbers, true/false and null are themselves. Documents are only ever
# JSON arrays and these tagged objects, so that no key of a policy is a JSON key.


def encode(document: Mapping) -> Any:
    """A document as JSON data; :class:`_Uncacheable` if it cannot be held exactly."""
    return _encode(document, set())


def _encode(value: Any, seen: set[int]) -> Any:
    kind = type(value)
    if kind is str or kind is bool or kind is int or kind is float or value is None:
        return value
    if kind is Mapping or kind is Sequence:
        if id(value) in seen:  # reached twice through an alias: a copy would not be the same
            raise _Uncacheable
        seen.add(id(value))
        flat: list[Any] = []
        if kind is Mapping:
            positions = value.key_positions
            if len(positions) != len(value):
                raise _Uncacheable
            for key, item in value.items():
                line, column = positions[key]
                flat += (key, line, column, _encode(item, seen))
            return {"m": [value.line, value.column, flat]}
        if len(value.item_positions) != len(value):
            raise _Uncacheable
        for (line, column), item in zip(value.item_positions, value, strict=True):
            flat += (line, column, _encode(item, seen))
        return {"s": [value.line, value.column, flat]}
    if kind is dt.date:
        return {"d": value.isoformat()}
    raise _Uncacheable  # a date and time, or anything else


def _decoded(tagged: dict[str, Any]) -> Any:
    """The JSON decoder's hook: a tagged object as the value it stands for."""
    if "m" in tagged:
        line, column, flat = tagged["m"]
        mapping = Mapping()
        mapping.line, mapping.column = line, column
        keys = tuple(intern(key) for key in flat[0::4])
        mapping.key_positions = Positions.of(keys, zip(flat[1::4], flat[2::4], strict=True))
        mapping.update(zip(keys, (shared(value) if type(value) is str else value for value in flat[3::4]), strict=True))
        return mapping
    if "s" in tagged:
        line, column, flat = tagged["s"]
        sequence = Sequence()
        sequence.line, sequence.column = line, column
        sequence.item_positions = [(flat[index], flat[index + 1]) for index in range(0, len(flat), 3)]
        sequence.extend(shared(item) if type(item) is str else item for item in flat[2::3])
        return sequence
    if "d" in tagged:
        return dt.date.fromisoformat(tagged["d"])
    return tagged


def decode(text: str | bytes) -> Any:
    """JSON text written by :func:`encode` (and json.dumps) as the value it stands for."""
    return json.loads(text, object_hook=_decoded)


# --- the cache ------------------------------------------------------------------------------------


class Cache:
    """The cached documents of one set of policy folders, and the result of its
    last ``check``: two files, each a header line (format, code fingerprint and
    MAC) and one line per entry, a key, a space and JSON.

    The documents file is read when the first document is asked for (a run
    that reuses its result never reads it), and written once the policy is
    built (:meth:`save`), holding the documents of this run only; the result
    file is written when a result is kept."""

    def __init__(self, file: Path | None, key: bytes | None) -> None:
        self.file = file
        self.key = key
        self.fingerprint = _code_fingerprint() if file is not None else ""
        #: digest -> the document as JSON, as read (None: not read yet)
        self._entries: dict[bytes, bytes] | None = None
        #: the entries this run used or added
        self.used: dict[bytes, bytes] = {}
        self.added = 0
        self.hits = 0

    @classmethod
    def disabled(cls) -> Cache:
        return cls(None, None)

    @property
    def enabled(self) -> bool:
        return self.file is not None and self.key is not None

    @property
    def entries(self) -> dict[bytes, bytes]:
        """The documents of the cache file (read on first use)."""
        if self._entries is None:
            read = _read(self.file, self.key, self.fingerprint) if self.enabled else None
            self._entries = dict(read or ())
        return self._entries

    @property
    def result_file(self) -> Path | None:
        return self.file.with_suffix(".run") if self.file is not None else None

    @staticmethod
    def digest(raw: bytes) -> bytes:
        return hashlib.blake2b(raw, digest_size=20).hexdigest().encode("ascii")

    def get(self, raw: bytes) -> Mapping | None:
        """The document of a file with these bytes, or None (a miss)."""
        if not self.enabled:
            return None
        digest = self.digest(raw)
        encoded = self.entries.get(digest)
        if encoded is None:
            return None
        try:
            document = decode(encoded)
        except (ValueError, TypeError, KeyError, IndexError, RecursionError):
            return None
        if not isinstance(document, Mapping):
            return None
        self.used[digest] = encoded
        self.hits += 1
        return document

    def put(self, raw: bytes, document: Mapping) -> None:
        """Keep the document just parsed from a file with these bytes (before
        anything changes it)."""
        if not self.enabled:
            return
        try:
            encoded = json.dumps(encode(document), separators=(",", ":")).encode("ascii")
        except (_Uncacheable, ValueError, RecursionError):
            return
        self.used[self.digest(raw)] = encoded
        self.added += 1

    def save(self) -> None:
        """Write the documents of this run if they differ from what was read,
        then let go of them; never raises."""
        if self.enabled and self.file is not None and (self.added or self.used.keys() != self.entries.keys()):
            _write(self.file, self.key, self.fingerprint, sorted(self.used.items()))
        self.used, self._entries = {}, {}

    def result(self, key: str) -> dict[str, Any] | None:
        """The result a run with the inputs ``key`` stands for gave, or None."""
        if not self.enabled or self.result_file is None:
            return None
        kept = dict(_read(self.result_file, self.key, self.fingerprint) or ())
        encoded = kept.get(key.encode("ascii"))
        try:
            data = json.loads(encoded) if encoded is not None else None
        except (ValueError, RecursionError):
            return None
        return data if isinstance(data, dict) else None

    def keep_result(self, key: str, data: dict[str, Any]) -> None:
        """Keep a run's result under the key of its inputs (the last one only); never raises."""
        if not self.enabled or self.result_file is None:
            return
        try:
            encoded = json.dumps(data, separators=(",", ":")).encode("ascii")
        except (ValueError, TypeError, RecursionError):
            return
        _write(self.result_file, self.key, self.fingerprint, [(key.encode("ascii"), encoded)])


def _header(fingerprint: str) -> bytes:
    return b"%s %d %s" % (_MAGIC, FORMAT, fingerprint.encode("ascii"))


def _write(file: Path, key: bytes | None, fingerprint: str, entries: list[tuple[bytes, bytes]]) -> None:
    """Write a cache file: its header with the MAC of its lines, then the lines
    (streamed: a large cache is never held twice)."""
    if key is None:
        return
    header = _header(fingerprint)
    mac = hmac.new(key, header + b"\n", hashlib.blake2b)
    for name, encoded in entries:
        mac.update(b"%s %s\n" % (name, encoded))

    def lines() -> Iterator[str]:
        yield f"{header.decode('ascii')} {mac.hexdigest()}\n"
        for name, encoded in entries:
            yield f"{name.decode('ascii')} {encoded.decode('ascii')}\n"

    try:
        if not _prepare(file.parent):
            return
        from linter.files import write_atomic

        write_atomic(file, lines(), durable=False)
        _prune(file.parent, keep=file)
    except OSError:
        pass


def _prepare(folder: Path) -> bool:
    """The cache folder, with its .gitignore and CACHEDIR.TAG; False when
    ``folder`` is a symbolic link or anything but a folder (a repository may
    hold one pointing anywhere: the cache is then not written, nor pruned)."""
    folder.mkdir(parents=True, exist_ok=True)
    if not stat.S_ISDIR(os.lstat(folder).st_mode):
        return False
    ignore = "# written by policy-lint: nothing in this folder is part of the project\n*\n"
    flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_CLOEXEC", 0)
    for name, text in ((".gitignore", ignore), ("CACHEDIR.TAG", _TAG)):
        try:  # never through a link, never over anything already there
            descriptor = os.open(folder / name, flags, 0o644)
        except FileExistsError:
            continue
        with os.fdopen(descriptor, "w", encoding="utf-8") as stream:
            stream.write(text)
    return True


#: the names of the files the cache writes (see file_for and Cache.result_file)
_OURS = re.compile(r"policy-[0-9a-f]{24}\.(cache|run)")


def _prune(folder: Path, keep: Path) -> None:
    """Remove the least recently written cache files beyond MAX_FILES."""
    try:
        files = [
            entry
            for entry in os.scandir(folder)
            if _OURS.fullmatch(entry.name) and entry.is_file(follow_symlinks=False)
        ]
        if len(files) <= MAX_FILES:
            return
        files.sort(key=lambda entry: entry.stat().st_mtime)
    except OSError:
        return
    for entry in files[: len(files) - MAX_FILES]:
        if entry.path != str(keep):
            with contextlib.suppress(OSError):
                os.unlink(entry.path)


def file_for(folder: Path, roots: Paths[str]) -> Path:
    """The cache file of a set of policy folders (or files) checked together."""
    names = "\0".join(sorted(os.path.realpath(root) for root in roots)).encode("utf-8", "surrogateescape")
    return folder / f"policy-{hashlib.blake2b(names, digest_size=12).hexdigest()}.cache"


def open_cache(folder: Path | None, roots: Paths[str]) -> Cache:
    """The cache of ``roots`` in ``folder`` (None: no cache); nothing is read yet."""
    if folder is None:
        return Cache.disabled()
    return Cache(file_for(folder, roots), _secret())


def _read(file: Path | None, key: bytes | None, fingerprint: str) -> Iterator[tuple[bytes, bytes]]:
    """The entries of a cache file; none when it is missing, unreadable, too
    large, of another format or version, or fails its MAC (nothing of it is
    parsed before the MAC is checked)."""
    if file is None or key is None:
        return
    from linter.inputs import LoadError, read_bytes

    try:  # only a regular file within the size budget: never a FIFO or device
        raw = read_bytes(file, limit=MAX_BYTES)
    except LoadError:
        return
    header, newline, body = raw.partition(b"\n")
    parts = header.split(b" ")
    if len(raw) > MAX_BYTES or not newline or len(parts) != 4 or parts[0] != _MAGIC:
        return
    if b" ".join(parts[:3]) != _header(fingerprint):
        return  # another format, or another version of policy-lint
    expected = hmac.new(key, b" ".join(parts[:3]) + b"\n" + body, hashlib.blake2b).hexdigest().encode("ascii")
    if not hmac.compare_digest(expected, parts[3]):
        return  # damaged, or not written by this user on this machine
    for line in body.splitlines():
        name, space, encoded = line.partition(b" ")
        if space:
            yield name, encoded
