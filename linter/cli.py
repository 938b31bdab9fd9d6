"""The ``policy-lint`` command line. Each command parses its options, calls
one function in :mod:`linter.commands` and exits with the code it returns."""

from __future__ import annotations

import datetime as dt
from typing import Any

import click

from linter import commands
from linter.findings import Severity


class DateType(click.ParamType):  # type: ignore[type-arg]
    name = "YYYY-MM-DD"

    def convert(self, value: Any, param: click.Parameter | None, ctx: click.Context | None) -> dt.date:
        if isinstance(value, dt.date):
            return value
        try:
            return dt.date.fromisoformat(str(value))
        except ValueError:
            self.fail(f"{value!r} is not a date in the form YYYY-MM-DD", param, ctx)


def _split(values: tuple[str, ...]) -> list[str]:
    """Accept ``--select A --select B`` as well as ``--select A,B``."""
    return [part.strip() for value in values for part in value.split(",") if part.strip()]


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="policy-lint")
def main() -> None:
    """Lint UK data-protection policy files for gaps and contradictions in law."""


@main.command()
@click.argument("paths", nargs=-1, type=click.Path())
@click.option(
    "--as-of", type=DateType(), default=None, help="Evaluation date for time-dependent rules (default: today)."
)
@click.option("--select", multiple=True, metavar="IDS", help="Run only these rule ids or prefixes (comma-separated).")
@click.option("--ignore", multiple=True, metavar="IDS", help="Skip these rule ids or prefixes (comma-separated).")
@click.option(
    "--fail-on",
    type=click.Choice([s.value for s in Severity]),
    default=Severity.ERROR.value,
    show_default=True,
    help="Lowest severity that makes the run fail (exit 1).",
)
@click.option("--exit-zero", is_flag=True, help="Report findings but always exit 0 unless input is unusable.")
@click.option("--format", "fmt", type=click.Choice(commands.FORMATS), default="text", show_default=True)
def check(
    paths: tuple[str, ...],
    as_of: dt.date | None,
    select: tuple[str, ...],
    ignore: tuple[str, ...],
    fail_on: str,
    exit_zero: bool,
    fmt: str,
) -> None:
    """Check the policy in PATHS (default: policy/) and report findings."""
    code = commands.check(
        list(paths) or ["policy"],
        as_of=as_of or dt.date.today(),
        select=_split(select),
        ignore=_split(ignore),
        fail_on=Severity(fail_on),
        exit_zero=exit_zero,
        fmt=fmt,
    )
    raise SystemExit(code)
