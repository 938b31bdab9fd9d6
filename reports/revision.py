"""Which revision of the policy a report describes, when git can say."""

from __future__ import annotations

import subprocess
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

_TIMEOUT_SECONDS = 10


@dataclass(frozen=True, slots=True)
class Revision:
    commit: str
    #: the policy files have changes that are not committed (or are untracked)
    dirty: bool

    def __str__(self) -> str:
        return f"{self.commit}{' (with uncommitted changes)' if self.dirty else ''}"


def _git(folder: Path, *args: str) -> str | None:
    try:
        done = subprocess.run(
            ["git", *args],
            cwd=folder,
            capture_output=True,
            text=True,
            timeout=_TIMEOUT_SECONDS,
            check=False,
        )
    except (OSError, subprocess.SubprocessError):
        return None
    return done.stdout if done.returncode == 0 else None


def policy_revision(paths: Sequence[str]) -> Revision | None:
    """``git rev-parse --short HEAD`` of the repository holding ``paths``, and
    whether those paths differ from it; None outside a repository or without git."""
    if not paths:
        return None
    first = Path(paths[0]).resolve()
    folder = first if first.is_dir() else first.parent
    commit = _git(folder, "rev-parse", "--short", "HEAD")
    if not commit or not commit.strip():
        return None
    status = _git(folder, "status", "--porcelain", "--", *(str(Path(path).resolve()) for path in paths))
    return Revision(commit.strip(), dirty=bool(status and status.strip()))
