"""Writing output files: atomically, so a reader never sees half a report."""

from __future__ import annotations

import contextlib
import os
from collections.abc import Iterable, Sequence
from pathlib import Path

from linter.loader import POLICY_SUFFIXES, LoadError, Position


def write_atomic(path: str | os.PathLike[str], text: str | Iterable[str], durable: bool = True) -> None:
    """Write ``text`` to a temporary file beside ``path``, then rename it over
    ``path``: readers (CI uploaders, editors) see the old file or the new one,
    never a partial one (``text`` may come in pieces). Raises :class:`OSError`
    if the folder is unwritable.
    ``durable=False`` skips forcing the data to disk before the rename (for a
    cache, which a crash may lose but never corrupt: a torn file is a miss)."""
    import tempfile  # only when writing a file: it costs start-up time

    target = Path(path)
    folder = target.parent
    descriptor, temporary = tempfile.mkstemp(dir=folder, prefix=f".{target.name}.", suffix=".tmp")
    try:
        with os.fdopen(descriptor, "w", encoding="utf-8", newline="") as stream:
            if isinstance(text, str):
                stream.write(text)
            else:
                stream.writelines(text)
            stream.flush()
            if durable:
                os.fsync(stream.fileno())
        mode = target.stat().st_mode & 0o777 if target.exists() else 0o666 & ~_umask()
        os.chmod(temporary, mode)
        os.replace(temporary, target)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(temporary)
        raise


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


def output_problem(target: str | os.PathLike[str], read: Iterable[str | os.PathLike[str]]) -> str | None:
    """Why ``target`` cannot take an output, or None when it can. An output
    never replaces a file the run reads, nor takes a name that a later run
    would read as policy."""
    path = Path(target)
    try:
        if path.is_dir():
            return f"{path}: is a folder, not a file"
        if not path.parent.is_dir():
            return f"{path}: folder '{path.parent}' does not exist"
        if path.suffix.lower() in POLICY_SUFFIXES:
            return f"{path}: policy-lint reads {'/'.join(POLICY_SUFFIXES)} files as policy; choose another name"
        if any(Path(file).resolve() == path.resolve() for file in read):
            return f"{path}: is one of the files this run reads; choose another output file"
    except (OSError, RuntimeError) as error:  # a name too long, a symlink loop
        return f"{path}: cannot use this path: {getattr(error, 'strerror', None) or error}"
    return None


def locate_record(paths: Sequence[str], configured: str | None, default: str, what: str) -> list[Path]:
    """A record file of a run (waivers, sign-off): the configured one (which must
    exist), or else ``default`` in each policy folder given, where there is one."""
    try:
        if configured is not None:
            path = Path(configured)
            if path.is_file():
                return [path]
            problem = f"is a folder, not a {what}" if path.is_dir() else f"{what} not found"
            if path.exists() and not path.is_dir():
                problem = "is not a regular file"
            raise LoadError(Position(configured, 1, 1), problem)
        found: list[Path] = []
        for given in paths:
            folder = Path(given) if Path(given).is_dir() else Path(given).parent
            candidate = folder / default
            if candidate.is_file() and candidate not in found:
                found.append(candidate)
        return found
    except OSError as error:  # a name too long for the file system, say
        where = configured if configured is not None else next(iter(paths), ".")
        raise LoadError(Position(where, 1, 1), f"cannot use this path: {error.strerror or error}") from None
