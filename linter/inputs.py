"""The one place where policy-lint finds and opens the files it reads.

Policy files, waiver files, the baseline and ``pyproject.toml`` all come
through here, and the rules are the same for each:

* only regular files are read. A FIFO, socket or device is refused from its
  ``lstat`` alone, without being opened for reading (a FIFO would block, a
  device such as ``/dev/zero`` never ends); a file is opened with
  ``O_NONBLOCK | O_NOFOLLOW`` and checked again with ``fstat`` once open, so
  that swapping it for something else in between gains nothing;
* inside a folder being checked, a symbolic link is followed only to a regular
  file inside that same folder: a link out of it (to ``/etc/shadow``, say)
  would put another file's lines into messages, a link to a folder could loop;
  both are refused and say why. A file named on the command line or in the
  configuration is taken as named, links included;
* a file larger than the size budget is refused before it is read, and no more
  than the budget is ever read;
* nothing is skipped silently: an unreadable file or folder, a symlink loop, a
  dangling link are each a one-line error (exit code 2).

:class:`LoadError` (with :class:`Position`) is how any input that cannot be used
is reported, here and in the YAML and JSON readers.
"""

from __future__ import annotations

import errno
import hashlib
import os
import stat
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

from linter.printable import display_name, printable

POLICY_SUFFIXES = (".yaml", ".yml")


@dataclass(frozen=True, slots=True)
class Limits:
    """Budgets for one input file: with the defaults, any single input file of
    at most 1 MB is answered in under 2 seconds and 200 MB, whatever it holds.
    The README's "Limits" section gives the error each one produces."""

    #: bytes of the file
    file_bytes: int = 2 * 1024 * 1024
    #: policy files found under the paths given
    files: int = 20_000
    #: nodes of the document (keys, values and list items), every alias
    #: counted as the copy it stands for; a policy file has about one node per
    #: 25 bytes (the largest real one, 21 KB, has under 1,000); a node can carry
    #: a finding, and every output format costs time and memory per finding
    nodes: int = 10_000
    #: characters of text of the document, keys included, aliases expanded:
    #: every rule that reads prose scans all of it
    scalar_chars: int = 128 * 1024
    #: keys of one mapping
    keys: int = 1_000
    #: nesting of mappings and lists, aliases expanded
    depth: int = 64
    #: characters of one number, date or true/false value
    scalar_length: int = 1_000


#: the budgets of policy files, waiver files and pyproject.toml
LIMITS = Limits()
#: a baseline lists every finding of a large estate under one key each (6,000
#: findings take 0.8 MB): plain JSON, read by the C parser, with wider budgets
BASELINE_LIMITS = Limits(file_bytes=16 * 1024 * 1024, nodes=2_000_000, scalar_chars=64 * 1024 * 1024, keys=1_000_000)


@dataclass(frozen=True, slots=True)
class Position:
    """A place in a file; line and column count from 1."""

    file: str
    line: int
    column: int

    def __str__(self) -> str:
        return f"{self.file}:{self.line}:{self.column}"


class LoadError(Exception):
    """Input that cannot be used at all: the run stops with exit code 2.

    The message is kept to one printable line whatever it quotes."""

    def __init__(self, position: Position, message: str) -> None:
        message = printable(" ".join(message.splitlines()))
        super().__init__(f"{position}: {message}")
        self.position = position
        self.message = message


@dataclass(frozen=True, slots=True)
class InputFile:
    """A file to read: where it is, how messages name it, and the folder being
    checked that any symbolic link in its place must stay inside (None: the
    file was named directly)."""

    path: Path
    display: str
    within: Path | None = None

    @property
    def name(self) -> str:
        return self.path.name


def _at(display: str, message: str) -> LoadError:
    return LoadError(Position(display, 1, 1), message)


def _kind(mode: int) -> str:
    """What a file that is not a regular file is, in words."""
    if stat.S_ISDIR(mode):
        return "is a folder"
    if stat.S_ISFIFO(mode):
        return "is a FIFO (named pipe)"
    if stat.S_ISSOCK(mode):
        return "is a socket"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "is a device"
    return "is not a regular file"  # pragma: no cover - no other kinds on POSIX


def _not_regular(display: str, mode: int) -> LoadError:
    return _at(display, f"{_kind(mode)}, not a regular file: policy-lint reads only regular files")


def _os_problem(error: OSError) -> str:
    return printable(error.strerror or str(error))


def _follow(path: Path, display: str, within: Path | None) -> tuple[Path, os.stat_result]:
    """The file a symbolic link leads to and its status, or LoadError saying
    why it is not followed. Nothing is opened."""
    try:
        target = Path(os.path.realpath(path, strict=True))
        status = os.stat(target)
    except OSError as error:
        if error.errno == errno.ELOOP:
            raise _at(display, "symbolic link loop: the link never reaches a file") from None
        if error.errno == errno.ENOENT:
            raise _at(display, "broken symbolic link: what it points to does not exist") from None
        raise _at(display, f"cannot follow this symbolic link: {_os_problem(error)}") from None
    if within is not None:
        root = Path(os.path.realpath(within))
        if not target.is_relative_to(root):
            raise _at(
                display,
                f"symbolic link to '{display_name(target)}', outside the folder being checked "
                f"('{display_name(within)}'): links are followed only to files inside it",
            )
        if stat.S_ISDIR(status.st_mode):
            raise _at(display, "symbolic link to a folder: links are followed only to files; name the folder itself")
    return target, status


def status(path: Path, display: str, within: Path | None = None) -> tuple[Path, os.stat_result] | None:
    """(the file to open, its status) with any symbolic link followed as the
    rules above allow; None when nothing is there. Nothing is opened."""
    try:
        found = os.lstat(path)
    except FileNotFoundError:
        return None
    except OSError as error:  # a name too long for the file system, say
        raise _at(display, f"cannot use this path: {_os_problem(error)}") from None
    except ValueError:  # a NUL character in the name
        raise _at(display, "cannot use this path: it contains a NUL character") from None
    if stat.S_ISLNK(found.st_mode):
        return _follow(path, display, within)
    return path, found


def read_bytes(
    path: str | os.PathLike[str],
    display: str | None = None,
    *,
    within: Path | None = None,
    limit: int = LIMITS.file_bytes,
    missing: str = "file not found",
) -> bytes:
    """The bytes of a regular file, read under the size budget; LoadError
    (naming ``display``) for anything else."""
    path = Path(path)
    shown = display if display is not None else display_name(path)
    found = status(path, shown, within)
    if found is None:
        raise _at(shown, missing)
    target, info = found
    if not stat.S_ISREG(info.st_mode):
        raise _not_regular(shown, info.st_mode)
    if info.st_size > limit:
        raise _too_big(shown, limit)
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_CLOEXEC", 0)
    try:
        descriptor = os.open(target, flags)
    except OSError as error:
        if error.errno == errno.ELOOP:  # replaced by a link since it was looked at
            raise _at(shown, "became a symbolic link while being read") from None
        raise _at(shown, f"cannot read file: {_os_problem(error)}") from None
    try:
        opened = os.fstat(descriptor)
        if not stat.S_ISREG(opened.st_mode):  # pragma: no cover - replaced between lstat and open
            raise _not_regular(shown, opened.st_mode)
        chunks: list[bytes] = []
        size = 0
        while size <= limit:
            chunk = os.read(descriptor, min(1 << 20, limit + 1 - size))
            if not chunk:
                break
            chunks.append(chunk)
            size += len(chunk)
    except OSError as error:  # EISDIR, EIO ...
        raise _at(shown, f"cannot read file: {_os_problem(error)}") from None
    finally:
        os.close(descriptor)
    if size > limit:  # pragma: no cover - the file grew while being read
        raise _too_big(shown, limit)
    return b"".join(chunks)


def _too_big(display: str, limit: int) -> LoadError:
    return _at(display, f"file is larger than the {limit:,}-byte limit for one input file")


def is_policy_name(name: str) -> bool:
    return name.endswith(POLICY_SUFFIXES) and not name.startswith(".")


def discover(paths: Iterable[str], limits: Limits = LIMITS) -> list[InputFile]:
    """The policy files named by ``paths`` (files, or folders searched
    recursively for ``*.yaml`` and ``*.yml``, hidden ones left out), in order.
    Raises LoadError for the first path or entry that cannot be used."""
    found: list[InputFile] = []
    for given in paths:
        shown = display_name(given)
        if "\x00" in given:
            raise _at(shown, "cannot use this path: it contains a NUL character")
        path = Path(given)
        result = status(path, shown)
        if result is None:
            raise _at(shown, "no such file or folder")
        _, info = result
        if stat.S_ISDIR(info.st_mode):
            files = _walk(path, shown, limits.files - len(found))
            if not files:
                raise _at(shown, "no policy files (*.yaml, *.yml) in this folder")
            found.extend(files)
        elif stat.S_ISREG(info.st_mode):
            found.append(InputFile(path, shown))
        else:
            raise _not_regular(shown, info.st_mode)
        if len(found) > limits.files:
            raise _at(shown, f"more than {limits.files:,} policy files: split the policy or check it in parts")
    return found


def _walk(root: Path, shown_root: str, budget: int) -> list[InputFile]:
    """Every policy file below ``root``, sorted by path, symbolic links checked."""
    files: list[InputFile] = []
    folders = [root]
    while folders:
        folder = folders.pop()
        try:
            with os.scandir(folder) as entries:
                listed = sorted(entries, key=lambda entry: entry.name)
        except OSError as error:
            raise _at(display_name(folder), f"cannot read folder: {_os_problem(error)}") from None
        for entry in listed:
            if entry.name.startswith("."):
                continue  # hidden: version control, editors' and policy-lint's own temporary files
            path = Path(entry.path)
            shown = display_name(path)
            try:
                info = entry.stat(follow_symlinks=False)
            except OSError as error:  # pragma: no cover - removed while being listed
                raise _at(shown, f"cannot read: {_os_problem(error)}") from None
            if stat.S_ISLNK(info.st_mode):
                if is_policy_name(entry.name):
                    _, target = _follow(path, shown, root)
                    if not stat.S_ISREG(target.st_mode):
                        raise _not_regular(shown, target.st_mode)
                    files.append(InputFile(path, shown, root))
                else:
                    _other_link(path, shown)
            elif stat.S_ISDIR(info.st_mode):
                folders.append(path)
            elif is_policy_name(entry.name):
                if not stat.S_ISREG(info.st_mode):
                    raise _not_regular(shown, info.st_mode)
                files.append(InputFile(path, shown, root))
            if len(files) > budget:
                raise _at(shown_root, f"more than {budget:,} policy files: split the policy or check it in parts")
    files.sort(key=lambda file: file.path.parts)
    return files


def _other_link(path: Path, shown: str) -> None:
    """A link whose name is not a policy file's: harmless unless it stands for
    a folder (which could hold policy files that would go unread) or loops."""
    try:
        info = os.stat(path)
    except OSError as error:
        if error.errno == errno.ELOOP:
            raise _at(shown, "symbolic link loop: the link never reaches a file") from None
        return  # dangling, or not ours to read: it holds no policy
    if stat.S_ISDIR(info.st_mode):
        raise _at(
            shown, "symbolic link to a folder: links are followed only to files; name the folder itself to check it"
        )


def locate_record(paths: Sequence[str], configured: str | None, default: str, what: str) -> list[InputFile]:
    """A record file of a run (waivers, sign-off): the ``configured`` one, which
    must exist, or else ``default`` in each policy folder of ``paths`` where
    there is one (a link there must stay inside that folder). The files are
    looked at, not opened; reading them checks them again."""
    if configured is not None:
        shown = display_name(configured)
        found = status(Path(configured), shown)
        if found is None:
            raise _at(shown, f"{what} not found")
        if stat.S_ISDIR(found[1].st_mode):
            raise _at(shown, f"is a folder, not a {what}")
        return [InputFile(Path(configured), shown)]
    located: list[InputFile] = []
    for given in paths:
        path = Path(given)
        given_status = status(path, display_name(given))
        folder = path if given_status is not None and stat.S_ISDIR(given_status[1].st_mode) else path.parent
        candidate = folder / default
        if status(candidate, display_name(candidate), within=folder) is not None and all(
            file.path != candidate for file in located
        ):
            located.append(InputFile(candidate, display_name(candidate), folder))
    return located


def digest_of(paths: Iterable[Path], prefix: str = "") -> str:
    """A hash of ``prefix`` and each file's name and bytes (a file that cannot be
    read counts as such): what a file made from them, or a cache, was made from.
    policy-lint's own files (its knowledge, templates and code), not policy."""
    hashed = hashlib.blake2b(prefix.encode(), digest_size=16)
    for path in paths:
        try:
            data = path.read_bytes()
        except OSError:
            data = b"\0unreadable"
        hashed.update(f"\0{path.name}\0{len(data)}\0".encode("utf-8", "surrogateescape"))
        hashed.update(data)
    return hashed.hexdigest()
