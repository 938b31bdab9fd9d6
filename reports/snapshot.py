"""The files of a policy at one version: a folder on disk, or a git revision.

:class:`Snapshot` is all that ``diff`` and the report's "changes since the
last sign-off" need to know about a version: a label and the loaded policy
documents (the waiver and sign-off files left out, as for a run). A snapshot
of a folder reads it like ``check`` does; a snapshot of a git revision lists
and reads the folder's files at that revision through plumbing commands only
(see :mod:`reports.gitread`), so nothing in the repository's configuration or
hooks runs. Files are parsed by the same safe loader as every policy file.
"""

from __future__ import annotations

import os
from collections.abc import Collection, Sequence
from dataclasses import dataclass
from pathlib import Path

from linter.loader import POLICY_SUFFIXES, Document, LoadError, Position, discover, load_files, parse
from linter.signoff import DEFAULT_FILE as DEFAULT_SIGNOFF
from linter.waivers import DEFAULT_FILE as DEFAULT_WAIVERS
from reports import gitread

#: record files beside the policy that are never read as policy
RECORD_FILES = frozenset({DEFAULT_WAIVERS, DEFAULT_SIGNOFF})


@dataclass(frozen=True, slots=True)
class Snapshot:
    """One version of a policy: what to call it, its documents, and the folders
    they were read from (so that a file is known by its place in the policy)."""

    label: str
    documents: list[Document]
    roots: tuple[str, ...] = ()

    def relative(self, file: str) -> str:
        """``file`` as a path inside the policy folder it belongs to."""
        for root in self.roots:
            path, folder = Path(file), Path(root)
            if folder != path and folder in path.parents:
                return path.relative_to(folder).as_posix()
        return Path(file).as_posix()


def of_folders(paths: Sequence[str], skip: Collection[Path] = ()) -> Snapshot:
    """The policy under ``paths`` on disk; ``skip`` names record files to leave
    out besides the default ones. Raises :class:`LoadError` for unusable files."""
    skipped = {path.resolve() for path in skip}
    files = [
        file
        for file in discover(paths)
        if file.name not in RECORD_FILES and Path(os.path.realpath(file.path)) not in skipped
    ]
    documents, errors = load_files(files)
    if errors:
        raise errors[0]
    return Snapshot(", ".join(paths), documents, tuple(paths))


def of_revision(paths: Sequence[str], revision: str, skip: Collection[Path] = ()) -> Snapshot:
    """The policy under ``paths`` as git holds it at ``revision``.

    Each path must be a folder or file inside a git work tree. Its files at the
    revision keep the names they have on disk (a finding at ``policy/a.yaml:3:5``
    names the same file on both sides); an error in one names the revision
    (``main:policy/a.yaml:3:5``). Raises :class:`LoadError`."""
    skipped = {path.resolve() for path in skip}
    documents: list[Document] = []
    commits: list[str] = []
    for given in paths:
        try:
            tree = gitread.files_at(Path(given), revision)
        except gitread.GitError as error:
            raise LoadError(Position(given, 1, 1), str(error)) from None
        commits.append(tree.commit)
        for shown, content in tree.files:
            name = Path(shown)
            inside = name.relative_to(given).parts if Path(given) != name else (name.name,)
            if not name.name.endswith(POLICY_SUFFIXES) or any(part.startswith(".") for part in inside):
                continue
            if name.name in RECORD_FILES or name.resolve() in skipped:
                continue
            display = f"{revision}:{shown}"
            try:
                text = content.decode("utf-8")
            except UnicodeDecodeError:
                raise LoadError(Position(display, 1, 1), "file is not valid UTF-8") from None
            if "\x00" in text:
                raise LoadError(Position(display, 1, 1), "file contains a NUL byte")
            documents.append(Document(shown, parse(text.removeprefix("\ufeff"), display)))
    short = commits[0][:10] if commits else ""
    label = revision if not short or short.startswith(revision) else f"{revision} ({short})"
    return Snapshot(label, documents, tuple(paths))
