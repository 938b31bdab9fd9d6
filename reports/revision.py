"""Which revision of the policy a report describes, when git can say.

git is asked only through :mod:`linter.git`, so nothing in the policy's
repository (its ``.git/config``, attributes or hooks) can make the report run
a program. Whether the policy differs from that revision is decided by hashing
the policy files as git would, not by ``git status``.
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from linter import git
from linter.inputs import LoadError, discover, is_policy_name, read_bytes


@dataclass(frozen=True, slots=True)
class Revision:
    commit: str
    #: the policy files have changes that are not committed (or are untracked)
    dirty: bool

    def __str__(self) -> str:
        return f"{self.commit}{' (with uncommitted changes)' if self.dirty else ''}"


def policy_revision(paths: Sequence[str]) -> Revision | None:
    """The abbreviated commit of ``HEAD`` in the repository holding ``paths``,
    and whether their policy files differ from it; None outside a repository
    or without git."""
    if not paths:
        return None
    first = Path(paths[0]).resolve()
    folder = first if first.is_dir() else first.parent
    try:
        top = git.top(folder)
        commit = git.commit(top, "HEAD", short=True)
    except git.GitError:
        return None
    return Revision(commit, dirty=_dirty(top, paths))


def _policy_path(path: str) -> bool:
    """A path that discovery would read as policy (no hidden part)."""
    parts = Path(path).parts
    return is_policy_name(parts[-1]) and not any(part.startswith(".") for part in parts)


def _dirty(top: Path, paths: Sequence[str]) -> bool:
    """True unless the policy files under ``paths`` are exactly those of HEAD."""
    try:
        under = [os.path.relpath(Path(path).resolve(), top) for path in paths]
        committed = {file.path: file for file in git.files_at(top, "HEAD", under) if _policy_path(file.path)}
        working = {os.path.relpath(file.path.parent.resolve() / file.path.name, top): file for file in discover(paths)}
        if set(working) != set(committed):
            return True
        for name, file in working.items():
            expected = committed[name]
            if expected.mode == git.SYMLINK_MODE:
                data = os.fsencode(os.readlink(file.path)) if file.path.is_symlink() else b""
            else:
                data = read_bytes(file.path, file.display, within=file.within)
            if git.blob_id(data, expected.oid) != expected.oid:
                return True
    except (git.GitError, LoadError, OSError, ValueError):
        return True  # cannot tell: say so rather than claim the policy is committed
    return False
