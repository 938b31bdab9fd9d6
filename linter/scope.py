"""What a run reads and what it reports.

A policy is a web of references between files, so a policy file named on its
own (by an editor, or by pre-commit, which passes the files a commit changes)
is checked with the policy folder it belongs to: the nearest of the project's
policy folders (``paths`` in ``[tool.policy-lint]``, else ``policy/``) that
holds it. The whole folder is read, so every reference resolves, and only the
findings in the files named are reported.

A file in no policy folder is checked alone, as a policy of its own; when it
then refers to ids it does not define while other policy files sit around it,
the run stops and says plainly to check the folder (``surrounding_folder``).

A file that is not a policy file (``pyproject.toml``, the baseline) or is a
folder's waiver file changes what every finding means: naming one checks the
whole of the policy folders.
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from linter.loader import POLICY_SUFFIXES

#: the waiver file a policy folder may hold (linter/waivers.py reads it); named
#: here so that working out a run's scope imports no reader
WAIVER_FILE = "policy-waivers.yaml"


@dataclass(slots=True)
class Scope:
    """The paths a run loads, and the files whose findings it reports."""

    #: files and folders to load
    load: list[str] = field(default_factory=list)
    #: the files whose findings are reported; None: every finding
    report: list[str] | None = None
    #: files named that are in no policy folder, and so are checked alone
    alone: list[str] = field(default_factory=list)


def _is(test: str, path: str | Path) -> bool:
    """``Path.is_dir`` or ``is_file``, False for a path the system cannot use (the loader reports it)."""
    try:
        return bool(getattr(Path(path), test)())
    except OSError:
        return False


def _inside(path: Path, folder: Path) -> bool:
    try:
        return path.resolve().is_relative_to(folder.resolve())
    except (OSError, RuntimeError):  # a name too long, a symlink loop: the loader reports it
        return False


def scope(paths: Sequence[str], folders: Sequence[str]) -> Scope:
    """The scope of a run over ``paths`` in a project whose policy folders are ``folders``."""
    homes = [Path(folder) for folder in folders if _is("is_dir", folder)]
    result = Scope()
    reported: list[str] = []
    whole = False

    def load(path: str) -> None:
        if not any(os.path.realpath(path) == os.path.realpath(known) for known in result.load):
            result.load.append(path)

    for given in paths:
        path = Path(given)
        if not _is("is_file", path):  # a folder, or what the loader will report as unusable
            load(given)
            whole = True
            continue
        home = next((folder for folder in homes if _inside(path, folder)), None)
        if path.suffix.lower() not in POLICY_SUFFIXES or path.name == WAIVER_FILE:
            for folder in [home] if home is not None else homes:
                load(str(folder))
            whole = whole or bool(homes)
            if not homes:
                load(given)
            continue
        if home is None:
            load(given)
            result.alone.append(given)
        elif not any(_inside(path, Path(known)) for known in result.load if _is("is_dir", known)):
            load(str(home))
        reported.append(given)
    # a file inside a folder that is also named is covered by the folder
    result.load = [
        path
        for path in result.load
        if _is("is_dir", path)
        or not any(_inside(Path(path), Path(other)) for other in result.load if other != path and _is("is_dir", other))
    ]
    result.alone = [path for path in result.alone if path in result.load]
    result.report = None if whole or not reported else reported
    return result


def surrounding_folder(file: str) -> str | None:
    """The folder a policy file named alone seems to belong to: the first folder of
    its path below the working directory (its own folder when it lies elsewhere),
    when that folder holds other policy files; None when it holds none."""
    path = Path(file)
    try:
        relative = path.resolve().relative_to(Path.cwd().resolve())
        folder = Path(relative.parts[0]) if len(relative.parts) > 1 else None
    except ValueError:
        folder = path.parent
    if folder is None:
        return None
    others = (
        candidate
        for candidate in folder.rglob("*")
        if candidate.suffix.lower() in POLICY_SUFFIXES and candidate.resolve() != path.resolve()
    )
    return str(folder) if next(others, None) is not None else None
