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
from linter.commands import (
    ensure_writable,
    exits_two_when_unusable,
    lint,
    settings_for,
    unusable_files,
    usage,
    write,
    write_out,
)
from linter.config import ConfigError, resolve
from linter.gate import Summary

#: command-line values as :func:`linter.config.resolve` takes them
Options = Mapping[str, Any]


@exits_two_when_unusable
def report(options: Options, output: Path, *, as_of: dt.date, exit_zero: bool = False) -> int:
    """Write the DPO's HTML report; exit like ``check`` (1 when the gate fails).

    The settings are ``check``'s (command line over ``[tool.policy-lint]``),
    except that no baseline applies: a DPO signs off every finding.
    """
    settings = settings_for(options)
    result = lint(settings, as_of, with_baseline=False)
    ensure_writable(output, result.read_files, settings)
    summary = Summary.of(result, settings.fail_on, exit_zero)

    from reports import html
    from reports.revision import policy_revision

    write(output, html.render(result, summary, policy_revision(settings.paths)))
    click.echo(f"wrote {output}: {summary.line()}")
    return summary.exit_code


@exits_two_when_unusable
def ropa(options: Options, fmt: str, output: Path | None) -> int:
    """Export the Article 30 record of processing, one row per service."""
    from reports import ropa as register

    try:
        settings = resolve(options)
    except ConfigError as error:
        raise usage(str(error)) from None
    policy, read, errors = engine.load(settings.paths, settings.waivers)
    if errors:
        raise unusable_files(errors)
    text = register.render(policy, fmt)
    if output is None:
        write_out(text)
        return 0
    ensure_writable(output, read, settings)
    # a byte-order mark lets spreadsheet programs recognise a CSV file as UTF-8
    write(output, "\ufeff" + text if fmt == "csv" else text)
    return 0
