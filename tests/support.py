"""Helpers shared by the tests (importable as ``support``)."""

from __future__ import annotations

import datetime as dt
import os
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
AS_OF = dt.date(2026, 11, 24)

Snippet = str | dict[str, str]


def shared_dir() -> Path:
    """The project's shared/ folder (beside the checkout), or $POLICY_LINT_SHARED."""
    configured = os.environ.get("POLICY_LINT_SHARED")
    return Path(configured) if configured else ROOT.parent / "shared"


def write(folder: Path, snippet: Snippet) -> Path:
    """Write one file (a string) or several (name -> text) into ``folder``."""
    files = {"policy.yaml": snippet} if isinstance(snippet, str) else snippet
    for name, text in files.items():
        path = folder / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    return folder
