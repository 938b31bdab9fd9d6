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


def in_ci() -> bool:
    """True under CI (``CI=true``, as GitHub Actions, GitLab CI and .ci/run set it)."""
    return os.environ.get("CI", "").strip().lower() in ("true", "1", "yes")


def shared(*parts: str) -> Path:
    """A file or folder of the shared folder that a test needs (the seed notice,
    the corpus notices, the SARIF and JUnit schemas).

    When it is absent the test is skipped with a one-line reason naming it, so
    that a checkout without ``../shared`` still runs every other test; under CI
    its absence fails the test instead, so that a broken setup is never green.
    """
    import pytest

    path = shared_dir().joinpath(*parts)
    if path.exists():
        return path
    reason = f"needs {path} (the shared folder beside the checkout, or set POLICY_LINT_SHARED)"
    if in_ci():
        pytest.fail(f"{reason}; under CI its absence is a failure", pytrace=False)
    pytest.skip(reason)


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
