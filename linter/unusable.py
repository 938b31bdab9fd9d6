"""How a command that cannot go on ends: its lines on standard error and exit
code 2 (kept apart from :mod:`linter.commands` so that the commands that only
read the catalogue start without the engine's configuration)."""

from __future__ import annotations

import functools
from collections.abc import Callable
from typing import ParamSpec

import click

from linter.printable import printable

USAGE_ERROR = 2


class Unusable(Exception):
    """The command cannot go on: each line goes to standard error, and it exits 2."""

    def __init__(self, *lines: str) -> None:
        super().__init__("\n".join(lines))
        self.lines = lines


def usage(message: str) -> Unusable:
    """A one-line usage error for the input or options."""
    return Unusable(f"policy-lint: error: {message}")


P = ParamSpec("P")


def exits_two_when_unusable(command: Callable[P, int]) -> Callable[P, int]:
    """Turn :class:`Unusable` raised by a command into its lines and exit code 2."""

    @functools.wraps(command)
    def run(*args: P.args, **kwargs: P.kwargs) -> int:
        try:
            return command(*args, **kwargs)
        except Unusable as stop:
            for line in stop.lines:
                click.echo(printable(line), err=True)
            return USAGE_ERROR

    return run
