"""What each CLI command does, as plain functions returning an exit code."""

from __future__ import annotations

import datetime as dt
import os
import sys
from collections.abc import Sequence

import click

from linter import engine
from linter.findings import Severity
from linter.gate import Summary

FORMATS = ("text", "json")
USAGE_ERROR = 2


def _usage_error(message: str) -> int:
    click.echo(f"policy-lint: error: {message}", err=True)
    return USAGE_ERROR


def check(
    paths: Sequence[str],
    *,
    as_of: dt.date,
    select: Sequence[str] = (),
    ignore: Sequence[str] = (),
    fail_on: Severity = Severity.ERROR,
    exit_zero: bool = False,
    fmt: str = "text",
) -> int:
    unknown = engine.unknown_patterns([*select, *ignore])
    if unknown:
        return _usage_error(f"no rule matches {', '.join(repr(u) for u in unknown)} (see 'policy-lint rules')")
    result = engine.run(paths, as_of, select, ignore)
    if result.load_errors:
        for error in result.load_errors:
            click.echo(f"{error.position}: error: {error.message}", err=True)
        return USAGE_ERROR
    summary = Summary.of(result, fail_on, exit_zero)
    if fmt == "json":
        from linter.output import json_

        click.echo(json_.render(result, summary), nl=False)
    else:
        from linter.output import text

        colour = sys.stdout.isatty() and "NO_COLOR" not in os.environ
        click.echo(text.render(result, summary, colour), nl=False, color=colour)
    return summary.exit_code
