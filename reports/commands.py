"""The ``report`` and ``ropa`` commands as plain functions returning an exit code.

Jinja2 is imported only when the HTML report is rendered, so ``check`` (and
``ropa``) never pay for it.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from pathlib import Path

import click

from linter import engine
from linter.findings import Severity
from linter.gate import Summary
from linter.files import write_atomic
from linter.loader import POLICY_SUFFIXES, LoadError

USAGE_ERROR = 2


def _load_errors(errors: Sequence[LoadError]) -> int:
    for error in errors:
        click.echo(f"{error.position}: error: {error.message}", err=True)
    return USAGE_ERROR


def _output_problem(target: Path, read: Sequence[str]) -> str | None:
    """Why ``target`` cannot take the output, or None when it can. A report
    must never overwrite the policy it describes."""
    if target.is_dir():
        return f"{target}: is a folder, not a file"
    if not target.parent.is_dir():
        return f"{target}: folder '{target.parent}' does not exist"
    if target.suffix.lower() in POLICY_SUFFIXES:
        return f"{target}: policy-lint reads {'/'.join(POLICY_SUFFIXES)} files as policy; choose another name"
    if any(Path(file).resolve() == target.resolve() for file in read):
        return f"{target}: is one of the policy files being read; choose another output file"
    return None


def _cannot_write(message: str) -> int:
    click.echo(f"policy-lint: error: {message}", err=True)
    return USAGE_ERROR


def report(
    paths: Sequence[str],
    output: Path,
    *,
    as_of: dt.date,
    fail_on: Severity = Severity.ERROR,
    exit_zero: bool = False,
) -> int:
    """Write the DPO's HTML report; exit like ``check`` (1 when the gate fails)."""
    result = engine.run(paths, as_of)
    if result.load_errors:
        return _load_errors(result.load_errors)
    problem = _output_problem(output, result.policy.files)
    if problem:
        return _cannot_write(problem)
    summary = Summary.of(result, fail_on, exit_zero)

    from reports import html
    from reports.revision import policy_revision

    page = html.render(result, summary, policy_revision(paths))
    try:
        write_atomic(output, page)
    except OSError as error:
        return _cannot_write(f"{output}: cannot write the report: {error.strerror or error}")
    click.echo(f"wrote {output}: {summary.line()}")
    return summary.exit_code


def ropa(paths: Sequence[str], fmt: str, output: Path | None) -> int:
    """Export the Article 30 record of processing, one row per service."""
    from reports import ropa as register

    # the engine's run, not a bare load: the same files are policy (a waiver file is not)
    result = engine.run(paths, dt.date.today())
    if result.load_errors:
        return _load_errors(result.load_errors)
    text = register.render(result.policy, fmt)
    if output is None:
        click.echo(text, nl=False)
        return 0
    problem = _output_problem(output, result.policy.files)
    if problem:
        return _cannot_write(problem)
    try:
        # a byte-order mark lets spreadsheet programs recognise a CSV file as UTF-8
        write_atomic(output, "\ufeff" + text if fmt == "csv" else text)
    except OSError as error:
        return _cannot_write(f"{output}: cannot write the register: {error.strerror or error}")
    return 0
