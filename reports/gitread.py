"""Read the files of a folder at a git revision, for ``diff --rev``.

Git is asked only through :mod:`linter.git`: plumbing commands that read
objects and refs and never the index or the work tree, with every setting
that could start a program switched off and the system and global
configuration left out, so nothing in the repository runs (no
``core.fsmonitor`` command, hook, filter, textconv or pager). The revision is
checked before it reaches git so that it can never be read as an option, and
what is read is budgeted like any input file: how many files, and how large
each may be.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from linter import git
from linter.git import GitError as GitError  # what callers catch
from linter.inputs import POLICY_SUFFIXES

#: a revision as a user names one: a commit id, tag, branch, HEAD~2, main^
REVISION = re.compile(r"^[A-Za-z0-9_][A-Za-z0-9._/~^@{}-]{0,199}$")
_BLOB_MODES = {"100644", "100755"}


@dataclass(frozen=True, slots=True)
class Tree:
    """The files of a folder at a revision: the commit, and (path, content) pairs.

    Paths are the folder as given joined with each file's path inside it, so
    they read like the files on disk."""

    commit: str
    files: list[tuple[str, bytes]]


def check_revision(revision: str) -> str:
    """The revision, if it is one git can take safely; else :class:`GitError`."""
    if not REVISION.match(revision) or ".." in revision:
        raise GitError(f"{revision!r} is not a revision (a commit id, tag or branch such as main or HEAD~1)")
    return revision


def files_at(path: Path, revision: str) -> Tree:
    """The policy files (``*.yaml``, ``*.yml``) under ``path`` (a folder or a
    file) at ``revision``; never a symbolic link or a submodule."""
    check_revision(revision)
    folder = path if path.is_dir() else path.parent
    if not folder.is_dir():
        raise GitError(f"{folder}: no such folder")
    top = git.top(folder)
    try:
        commit_id = git.commit(folder, revision)
    except GitError:
        commit_id = ""
    if not commit_id:
        raise GitError(f"no commit {revision!r} in the repository at {top}")
    inside = path.resolve().relative_to(top.resolve()).as_posix()
    entries = [
        file
        for file in git.files_at(top, commit_id, [inside] if inside != "." else [])
        if file.mode in _BLOB_MODES and file.path.endswith(POLICY_SUFFIXES)
    ]
    contents = git.read_blobs(top, [file.oid for file in entries])
    base = Path(inside) if inside != "." else Path()
    files = []
    for file, content in zip(entries, contents, strict=True):
        shown = path / Path(file.path).relative_to(base) if path.is_dir() else path
        files.append((str(shown), content))
    return Tree(commit_id, files)
