"""Asking git about the policy's repository, without letting the repository
run anything.

A repository's own configuration can name programs that git runs for
ordinary commands: ``core.fsmonitor`` runs for anything that reads the index
(``git status``), ``filter.<name>.clean`` for anything that hashes a working
file, ``core.pager``, ``diff.external``, ``gpg.program``, a promisor remote's
transport... A policy repository is written by many people, so policy-lint
runs git only like this:

* plumbing commands that read objects and refs and never the index or the
  working tree (``rev-parse``, ``ls-tree``, ``cat-file``): no fsmonitor, no
  filters, no hooks, no pager;
* with ``core.fsmonitor``, ``core.hooksPath`` and every transport switched off
  on the command line, and lazy fetching of missing objects disabled;
* without the system and global configuration, without any ``GIT_*``
  variable of the caller's environment, with a timeout, and with output read
  under a size budget.

Whether the working files differ from a revision is decided here, by hashing
them as git would, rather than by ``git status``.
"""

from __future__ import annotations

import hashlib
import os
import subprocess
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from linter.inputs import LIMITS

#: a guard against a git that hangs, not a performance limit
_TIMEOUT_SECONDS = 120
#: settings that could make git run a program or reach the network, switched off
_SAFE_SETTINGS = (
    "core.fsmonitor=false",
    "core.hooksPath=/dev/null",
    "core.untrackedCache=false",
    "protocol.allow=never",
    "log.showSignature=false",
)
#: what a tree entry's mode says about it
SYMLINK_MODE = "120000"


class GitError(Exception):
    """git is not there, the folder is not in a repository, or it said no."""


@dataclass(frozen=True, slots=True)
class TreeFile:
    """A file of a revision: its path from the repository's top, mode and object id."""

    path: str
    mode: str
    oid: str


def _environment() -> dict[str, str]:
    """The caller's environment without git's own variables, and with the
    system and global configuration left out."""
    environment = {key: value for key, value in os.environ.items() if not key.startswith("GIT_")}
    environment.update(
        {
            "GIT_CONFIG_NOSYSTEM": "1",
            "GIT_CONFIG_GLOBAL": os.devnull,
            "GIT_ATTR_NOSYSTEM": "1",
            "GIT_TERMINAL_PROMPT": "0",
            "GIT_ASKPASS": "",
            "SSH_ASKPASS": "",
            "GIT_OPTIONAL_LOCKS": "0",
            "GIT_NO_LAZY_FETCH": "1",
            "GIT_NO_REPLACE_OBJECTS": "1",
            "GIT_PAGER": "cat",
            "PAGER": "cat",
            "LC_ALL": "C",
        }
    )
    return environment


def run(folder: Path, *args: str, limit: int = LIMITS.file_bytes, stdin: bytes | None = None) -> bytes:
    """The output of ``git ARGS`` run in ``folder`` as described above;
    GitError when git fails, is missing, takes too long or says too much."""
    settings = [part for setting in _SAFE_SETTINGS for part in ("-c", setting)]
    command = ["git", "--no-pager", *settings, *args]
    try:
        done = subprocess.run(
            command,
            cwd=folder,
            env=_environment(),
            input=stdin if stdin is not None else b"",
            capture_output=True,
            timeout=_TIMEOUT_SECONDS,
            check=False,
        )
    except FileNotFoundError:
        raise GitError("cannot run git: git is not installed") from None
    except (OSError, subprocess.SubprocessError) as error:
        raise GitError(f"cannot run git: {error}") from None
    if done.returncode != 0:
        message = " ".join(done.stderr.decode("utf-8", "replace").split()) or f"git {args[0]} failed"
        raise GitError(message.removeprefix("fatal: "))
    if len(done.stdout) > limit:
        raise GitError(f"git {args[0]} said more than {limit:,} bytes")
    return done.stdout


def top(folder: Path) -> Path:
    """The top folder of the repository holding ``folder``."""
    return Path(os.fsdecode(run(folder, "rev-parse", "--show-toplevel").rstrip(b"\n")))


def commit(folder: Path, revision: str = "HEAD", short: bool = False) -> str:
    """The commit id ``revision`` names (abbreviated with ``short``)."""
    if revision.startswith("-"):
        raise GitError(f"not a revision: {revision!r}")
    options = ["--short"] if short else []
    command = ["rev-parse", "--verify", "--quiet", *options, "--end-of-options", f"{revision}^{{commit}}"]
    return run(folder, *command).decode().strip()


def files_at(folder: Path, revision: str, paths: Sequence[str] = (), limit: int = LIMITS.files) -> list[TreeFile]:
    """The files of ``revision`` (symbolic links included, as links) under
    ``paths`` (relative to the repository's top; all when empty), at most
    ``limit`` of them."""
    if revision.startswith("-"):
        raise GitError(f"not a revision: {revision!r}")
    output = run(folder, "ls-tree", "-r", "-z", "--full-tree", revision, "--", *paths, limit=limit * 512)
    files: list[TreeFile] = []
    for entry in output.split(b"\0"):
        if not entry:
            continue
        info, _, name = entry.partition(b"\t")
        mode, kind, oid = info.decode().split()
        if kind == "blob":
            files.append(TreeFile(os.fsdecode(name), mode, oid))
        if len(files) > limit:
            raise GitError(f"more than {limit:,} files at {revision}")
    return files


def read_blob(folder: Path, oid: str, limit: int = LIMITS.file_bytes) -> bytes:
    """The content of one file of the repository, if it is within ``limit`` bytes."""
    if not all(char in "0123456789abcdef" for char in oid):
        raise GitError(f"not an object id: {oid!r}")
    size = int(run(folder, "cat-file", "-s", oid).decode().strip())
    if size > limit:
        raise GitError(f"object {oid} is larger than the {limit:,}-byte limit for one input file")
    return run(folder, "cat-file", "blob", oid, limit=limit)


def blob_id(data: bytes, like: str) -> str:
    """The object id git gives a file of ``data``, in the hash (SHA-1 or SHA-256)
    that the object id ``like`` uses."""
    digest = hashlib.sha256() if len(like) == 64 else hashlib.sha1(usedforsecurity=False)
    digest.update(b"blob %d\0" % len(data))
    digest.update(data)
    return digest.hexdigest()


def read_blobs(folder: Path, oids: Sequence[str], limit: int = LIMITS.file_bytes) -> list[bytes]:
    """The contents of several files of the repository, in two processes
    (sizes first, then contents), each within ``limit`` bytes."""
    if not oids:
        return []
    if not all(oid and all(char in "0123456789abcdef" for char in oid) for oid in oids):
        raise GitError("not an object id")
    request = "".join(f"{oid}\n" for oid in oids).encode()
    sizes: list[int] = []
    for line in run(folder, "cat-file", "--batch-check", stdin=request, limit=len(oids) * 200).splitlines():
        oid, kind, written = line.decode().split(" ")
        if kind != "blob" or int(written) > limit:
            raise GitError(f"object {oid} is not a file within the {limit:,}-byte limit for one input file")
        sizes.append(int(written))
    output = run(folder, "cat-file", "--batch", stdin=request, limit=sum(sizes) + len(oids) * 200)
    contents: list[bytes] = []
    offset = 0
    for size in sizes:
        start = output.index(b"\n", offset) + 1
        contents.append(output[start : start + size])
        offset = start + size + 1
    return contents
