"""The ``report`` and ``ropa`` commands as plain functions returning an exit code.

Jinja2 is imported only when the HTML report is rendered, so ``check`` (and
``ropa``) never pay for it.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from pathlib import Path
from typing import Any

import click

from linter import engine
from linter.commands import load_errors, selection_problem, usage_error
from linter.config import ConfigError, resolve
from linter.files import output_problem, write_atomic
from linter.gate import Summary

#: command-line values as :func:`linter.config.resolve` takes them
Options = Mapping[str, Any]


def report(options: Options, output: Path, *, as_of: dt.date, exit_zero: bool = False) -> int:
    """Write the DPO's HTML report; exit like ``check`` (1 when the gate fails).

    The settings are ``check``'s (command line over ``[tool.policy-lint]``),
    except that no baseline applies: a DPO signs off every finding.
    """
    try:
        settings = resolve(options)
    except ConfigError as error:
        return usage_error(str(error))
    problem = selection_problem(settings)
    if problem:
        return usage_error(problem)
    result = engine.run(settings.paths, as_of, settings.select, settings.ignore, waivers=settings.waivers)
    if result.load_errors:
        return load_errors(result.load_errors)
    problem = output_problem(output, [*result.read_files, *([settings.file] if settings.file else [])])
    if problem:
        return usage_error(problem)
    summary = Summary.of(result, settings.fail_on, exit_zero)

    from reports import html
    from reports.revision import policy_revision

    page = html.render(result, summary, policy_revision(settings.paths))
    try:
        write_atomic(output, page)
    except OSError as error:
        return usage_error(f"{output}: cannot write the report: {error.strerror or error}")
    click.echo(f"wrote {output}: {summary.line()}")
    return summary.exit_code


def ropa(options: Options, fmt: str, output: Path | None) -> int:
    """Export the Article 30 record of processing, one row per service."""
    from reports import ropa as register

    try:
        settings = resolve(options)
    except ConfigError as error:
        return usage_error(str(error))
    policy, files, errors = engine.load(settings.paths, settings.waivers)
    if errors:
        return load_errors(errors)
    text = register.render(policy, fmt)
    if output is None:
        click.echo(text, nl=False)
        return 0
    read = [*files, *([str(settings.file)] if settings.file else [])]
    problem = output_problem(output, read)
    if problem:
        return usage_error(problem)
    try:
        # a byte-order mark lets spreadsheet programs recognise a CSV file as UTF-8
        write_atomic(output, "\ufeff" + text if fmt == "csv" else text)
    except OSError as error:
        return usage_error(f"{output}: cannot write the register: {error.strerror or error}")
    return 0
