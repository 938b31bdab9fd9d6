"""Writing output files: atomically, so a reader never sees half a report."""

from __future__ import annotations

import contextlib
import os
from collections.abc import Iterable
from pathlib import Path

from linter.loader import POLICY_SUFFIXES


def write_atomic(path: str | os.PathLike[str], text: str) -> None:
    """Write ``text`` to a temporary file beside ``path``, then rename it over
    ``path``: readers (CI uploaders, editors) see the old file or the new one,
    never a partial one. Raises :class:`OSError` if the folder is unwritable."""
    import tempfile  # only when writing a file: it costs start-up time

    target = Path(path)
    folder = target.parent
    descriptor, temporary = tempfile.mkstemp(dir=folder, prefix=f".{target.name}.", suffix=".tmp")
    try:
        with os.fdopen(descriptor, "w", encoding="utf-8", newline="") as stream:
            stream.write(text)
            stream.flush()
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
