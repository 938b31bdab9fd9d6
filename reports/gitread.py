"""Read the files of a folder at a git revision, with plumbing commands only.

``rev-parse``, ``ls-tree`` and ``cat-file`` read objects and never the index
or the work tree, so no ``core.fsmonitor`` command, hook, filter, textconv or
pager is ever started. The configuration git would read from outside the
repository (system and global files) is switched off, the settings that could
start a program are set to harmless values on the command line (which wins
over the repository's own configuration), and the revision is checked before
it reaches git so that it can never be read as an option.
"""

from __future__ import annotations

import os
import re
import subprocess
from dataclasses import dataclass
from pathlib import Path

#: a revision as a user names one: a commit id, tag, branch, HEAD~2, main^
REVISION = re.compile(r"^[A-Za-z0-9_][A-Za-z0-9._/~^@{}-]{0,199}$")
#: command-line settings that win over any a repository sets
_SAFE = (
    "-c",
    "core.fsmonitor=false",
    "-c",
    "core.hooksPath=" + os.devnull,
    "-c",
    "core.pager=cat",
    "-c",
    "protocol.allow=never",
)
#: a guard against a hung git, not a performance limit
_HANG_GUARD_SECONDS = 300
_BLOB_MODES = {"100644", "100755"}


class GitError(Exception):
    """Git could not give what was asked: a one-line reason."""


@dataclass(frozen=True, slots=True)
class Tree:
    """The files of a folder at a revision: the commit, and (path, content) pairs.

    Paths are the folder as given joined with each file's path inside it, so
    they read like the files on disk."""

    commit: str
    files: list[tuple[str, bytes]]


def _environment() -> dict[str, str]:
    env = {key: value for key, value in os.environ.items() if not key.startswith("GIT_")}
    env.update(
        {
            "GIT_CONFIG_NOSYSTEM": "1",
            "GIT_CONFIG_GLOBAL": os.devnull,
            "GIT_TERMINAL_PROMPT": "0",
            "GIT_OPTIONAL_LOCKS": "0",
            "LC_ALL": "C",
        }
    )
    return env


def _git(folder: Path, *args: str, stdin: bytes | None = None) -> bytes:
    try:
        done = subprocess.run(
            ["git", *_SAFE, *args],
            cwd=folder,
            input=stdin,
            capture_output=True,
            env=_environment(),
            timeout=_HANG_GUARD_SECONDS,
            check=False,
        )
    except FileNotFoundError:
        raise GitError("git is not installed") from None
    except (OSError, subprocess.SubprocessError) as error:
        raise GitError(f"git could not run: {error}") from None
    if done.returncode != 0:
        message = " ".join(done.stderr.decode("utf-8", "replace").split()) or f"git {args[0]} failed"
        raise GitError(message.removeprefix("fatal: "))
    return done.stdout


def check_revision(revision: str) -> str:
    """The revision, if it is one git can take safely; else :class:`GitError`."""
    if not REVISION.match(revision) or ".." in revision:
        raise GitError(f"{revision!r} is not a revision (a commit id, tag or branch such as main or HEAD~1)")
    return revision


def files_at(path: Path, revision: str) -> Tree:
    """The policy files under ``path`` (a folder or a file) at ``revision``."""
    check_revision(revision)
    folder = path if path.is_dir() else path.parent
    if not folder.is_dir():
        raise GitError(f"{folder}: no such folder")
    top = Path(_git(folder, "rev-parse", "--show-toplevel").decode().strip())
    try:
        commit = _git(folder, "rev-parse", "--verify", "--quiet", "--end-of-options", f"{revision}^{{commit}}")
    except GitError:
        commit = b""
    commit_id = commit.decode().strip()
    if not commit_id:
        raise GitError(f"no commit {revision!r} in the repository at {top}")
    inside = path.resolve().relative_to(top.resolve()).as_posix()
    pathspec = ["--", inside] if inside != "." else []
    listing = _git(top, "ls-tree", "-r", "-z", "--full-tree", commit_id, *pathspec)
    entries: list[tuple[str, str]] = []
    for record in listing.split(b"\0"):
        if not record:
            continue
        meta, _, name = record.partition(b"\t")
        mode, kind, object_id = meta.decode().split(" ")
        if kind == "blob" and mode in _BLOB_MODES:  # never a symlink or a submodule
            entries.append((name.decode("utf-8", "surrogateescape"), object_id))
    if not entries:
        return Tree(commit_id, [])
    contents = _cat(top, [object_id for _, object_id in entries])
    base = Path(inside) if inside != "." else Path()
    files = []
    for (file_name, _), content in zip(entries, contents, strict=True):
        shown = path / Path(file_name).relative_to(base) if path.is_dir() else path
        files.append((str(shown), content))
    return Tree(commit_id, files)


def _cat(top: Path, object_ids: list[str]) -> list[bytes]:
    """The contents of blobs, in one ``cat-file --batch``."""
    output = _git(top, "cat-file", "--batch", stdin="".join(f"{oid}\n" for oid in object_ids).encode())
    contents: list[bytes] = []
    offset = 0
    for _ in object_ids:
        end = output.index(b"\n", offset)
        header = output[offset:end].decode().split(" ")
        if len(header) != 3:
            raise GitError(f"git cat-file: unexpected answer {output[offset:end]!r}")
        size = int(header[2])
        contents.append(output[end + 1 : end + 1 + size])
        offset = end + 1 + size + 1
    return contents
