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


FILE_MARKER = "# file: "


def example_files(example: str) -> dict[str, str]:
    """Split a rule example into its files. A text that starts with a
    ``# file: NAME`` line holds several files, each introduced by such a line
    (see :class:`linter.findings.Rule`); any other text is ``policy.yaml``."""
    if not example.startswith(FILE_MARKER):
        return {"policy.yaml": example}
    files: dict[str, str] = {}
    name = ""
    for line in example.splitlines(keepends=True):
        if line.startswith(FILE_MARKER):
            name = line[len(FILE_MARKER) :].strip()
            files[name] = ""
        else:
            files[name] += line
    return files


def write(folder: Path, snippet: Snippet) -> Path:
    """Write one file (a string, split at ``# file:`` lines) or several (name -> text) into ``folder``."""
    files = example_files(snippet) if isinstance(snippet, str) else snippet
    for name, text in files.items():
        path = folder / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    return folder


def cli(*args: str) -> tuple[int, str, str]:
    """Run ``policy-lint ARGS`` through Click's runner: (exit code, stdout, stderr)."""
    from click.testing import CliRunner

    from linter.cli import main

    result = CliRunner().invoke(main, list(args))
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    return result.exit_code, result.stdout, result.stderr
