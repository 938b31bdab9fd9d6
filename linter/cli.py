"""The ``policy-lint`` command line. Each command parses its options, calls
one function in :mod:`linter.commands` and exits with the code it returns."""

from __future__ import annotations

import contextlib
import datetime as dt
import sys
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

import click

from linter.output import FORMATS
from linter.printable import printable
from linter.severity import Severity

if TYPE_CHECKING:
    from linter.config import OutputSpec


class DateType(click.ParamType):  # type: ignore[type-arg]
    name = "YYYY-MM-DD"

    def convert(self, value: Any, param: click.Parameter | None, ctx: click.Context | None) -> dt.date:
        if isinstance(value, dt.date):
            return value
        try:
            return dt.date.fromisoformat(str(value))
        except ValueError:
            self.fail(f"{value!r} is not a date in the form YYYY-MM-DD", param, ctx)


# Each command imports linter.commands when it runs: --help needs none of it.


def _split(values: tuple[str, ...] | list[str]) -> list[str]:
    """Accept ``--select A --select B`` as well as ``--select A,B``."""
    return [part.strip() for value in values for part in value.split(",") if part.strip()]


BUG_HINT = "please report this bug with the input that caused it"
#: the exit code of a run stopped by Ctrl-C (128 + SIGINT), as shells report it
INTERRUPTED = 130


def _stderr(line: str) -> None:
    """One line on standard error, if standard error can take it."""
    with contextlib.suppress(OSError, ValueError):
        click.echo(printable(line), err=True)


class _Main(click.Group):
    """The command group, with the last-resort handling every command shares:
    whatever happens, the process ends with one line and exit code 2 (or 130
    for Ctrl-C), never a traceback or an exit code 1 that CI would read as
    "the policy has findings"."""

    def invoke(self, ctx: click.Context) -> Any:
        try:
            try:
                return super().invoke(ctx)
            finally:
                sys.stdout.flush()  # what is still buffered must reach a broken stdout now, not at exit
        except (SystemExit, click.exceptions.Exit, click.ClickException, click.exceptions.Abort):
            raise  # Click's own endings (usage errors exit 2)
        except KeyboardInterrupt:
            _stderr("policy-lint: interrupted")
            raise SystemExit(INTERRUPTED) from None
        except OSError as error:  # standard output or error closed or full
            from linter.files import silence_stdout

            silence_stdout()
            _stderr(f"policy-lint: error: cannot write output: {error.strerror or error}")
            raise SystemExit(2) from None
        except Exception as error:
            raise SystemExit(_internal_error(error)) from None

    def main(self, *args: Any, **kwargs: Any) -> Any:
        try:
            return super().main(*args, **kwargs)
        except Exception as error:  # while parsing the command line, outside any command
            raise SystemExit(_internal_error(error)) from None


def _internal_error(error: BaseException) -> int:
    """Report a bug in one line; the exit code 2 says "not a verdict on the policy"."""
    message = " ".join(str(error).split())
    if len(message) > 200:
        message = message[:200] + "..."
    _stderr(f"policy-lint: internal error: {type(error).__name__}: {message} — {BUG_HINT}")
    return 2


@click.group(cls=_Main, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="policy-lint")
def main() -> None:
    """Lint UK data-protection policy files for gaps and contradictions in law."""


class OutputType(click.ParamType):  # type: ignore[type-arg]
    """``FORMAT`` or ``FORMAT:FILE``."""

    name = "FORMAT[:FILE]"

    def convert(self, value: Any, param: click.Parameter | None, ctx: click.Context | None) -> OutputSpec:
        from linter.config import OutputSpec, parse_output

        if isinstance(value, OutputSpec):
            return value
        try:
            return parse_output(str(value))
        except ValueError as error:
            self.fail(str(error), param, ctx)


def _fold_outputs(args: list[str]) -> list[str]:
    """Rewrite ``--format F --output FILE`` as ``--format F:FILE``, so that each
    ``--output`` goes with the ``--format`` given just before it. An
    ``--output`` before any ``--format`` is left for the command to handle."""
    folded: list[str] = []
    last: int | None = None  # index in ``folded`` of the last --format value still without a file
    index = 0
    while index < len(args):
        arg = args[index]
        if arg == "--":
            folded.extend(args[index:])
            break
        name, equals, inline = arg.partition("=")
        if name == "--format" or (name in ("--output", "-o") or arg.startswith("-o")):
            if equals:
                value: str | None = inline
            elif arg.startswith("-o") and arg not in ("-o", "--output"):
                name, value = "-o", arg[2:]
            else:
                index += 1
                value = args[index] if index < len(args) else None
            if value is None:  # let Click report the missing value
                folded.append(arg)
            elif name == "--format":
                folded += ["--format", value]
                last = None if ":" in value else len(folded) - 1
            elif last is not None:
                folded[last] += f":{value}"
                last = None
            elif any(token == "--format" for token in folded):
                raise click.UsageError(f"--output {value}: the --format before it already has a file")
            else:
                folded += ["--output", value]
        else:
            folded.append(arg)
        index += 1
    return folded


class OutputsCommand(click.Command):
    """A command whose ``--output FILE`` options follow their ``--format``."""

    def parse_args(self, ctx: click.Context, args: list[str]) -> list[str]:
        return super().parse_args(ctx, _fold_outputs(args))


def _options(command_line: dict[str, Any]) -> dict[str, Any]:
    """Command-line values as :func:`linter.config.resolve` takes them."""
    fail_on = command_line.get("fail_on")
    return {
        "paths": list(command_line.get("paths") or ()),
        "select": _split(command_line.get("select") or ()),
        "ignore": _split(command_line.get("ignore") or ()),
        "fail_on": Severity(fail_on) if fail_on else None,
        "waivers": command_line.get("waivers"),
        "baseline": command_line.get("baseline"),
        "signoff": command_line.get("signoff"),
        "outputs": list(command_line.get("outputs") or ()),
        "severity": command_line.get("severity") or {},
        "cache_dir": command_line.get("cache_dir"),
        "cache": False if command_line.get("no_cache") else None,
    }


class SeverityType(click.ParamType):  # type: ignore[type-arg]
    """``RULE=SEVERITY`` (several comma-separated): a rule id or prefix and its new severity."""

    name = "RULE=SEVERITY"

    def convert(self, value: Any, param: click.Parameter | None, ctx: click.Context | None) -> dict[str, Severity]:
        from linter.config import parse_severities

        if isinstance(value, dict):
            return value
        try:
            return parse_severities(str(value))
        except ValueError as error:
            self.fail(str(error), param, ctx)


def _severities(function: Callable[..., None]) -> Callable[..., None]:
    """``--severity RULE=SEVERITY``, repeatable, merged into one mapping (the last wins)."""

    def merge(
        ctx: click.Context, param: click.Parameter, values: tuple[dict[str, Severity], ...]
    ) -> dict[str, Severity]:
        return {rule: level for value in values for rule, level in value.items()}

    return click.option(
        "--severity",
        multiple=True,
        type=SeverityType(),
        callback=merge,
        help="Give a rule (id or prefix) another severity, e.g. RET004=warning or NTC=info; repeatable. "
        "Adds to [tool.policy-lint.severity]; the most specific id wins.",
    )(function)


_AS_OF = click.option(
    "--as-of", type=DateType(), default=None, help="Evaluation date for time-dependent rules (default: today)."
)


_CACHE_DIR = click.option("--cache-dir", metavar="DIR", help="Keep parsed policy files here between runs (as check).")
_NO_CACHE = click.option("--no-cache", is_flag=True, help="Neither read nor write the cache.")
_SIGNOFF = click.option(
    "--signoff", metavar="FILE", help="Sign-off record (default: policy-signoff.yaml in the policy folder)."
)


#: help of the options ``check`` and ``config`` share: (for check, for config)
_POLICY_HELP = {
    "select": (
        "Run only these rule ids or prefixes (comma-separated).",
        "Rule ids or prefixes to run (comma-separated), as check would take them.",
    ),
    "ignore": (
        "Skip these rule ids or prefixes (comma-separated).",
        "Rule ids or prefixes to skip (comma-separated), as check would take them.",
    ),
    "fail-on": (
        "Lowest severity that makes the run fail (exit 1) [default: error].",
        "The fail-on threshold to show, as check would take it.",
    ),
    "waivers": (
        "Waiver file (default: policy-waivers.yaml in the policy folder).",
        "The waiver file to show, as check would take it.",
    ),
    "baseline": (
        "Report only findings not in this baseline file, and its entries no longer found (stale).",
        "The baseline file to show, as check would take it.",
    ),
    "signoff": (
        "Sign-off record (default: policy-signoff.yaml in the policy folder).",
        "The sign-off record to show, as check would take it.",
    ),
    "format": (
        f"Output format, one of {', '.join(FORMATS)} [default: text]; FORMAT:FILE writes it to FILE. "
        "Repeat for several outputs.",
        f"An output to show, as check would take it: one of {', '.join(FORMATS)}, or FORMAT:FILE.",
    ),
    "output": (
        "Write the --format given just before it to FILE.",
        "The file of the --format given just before it, as check would take it.",
    ),
    "cache-dir": (
        "Keep parsed policy files here between runs [default: .policy-lint-cache beside the config file].",
        "The cache folder to show, as check would take it.",
    ),
    "no-cache": ("Neither read nor write the cache.", "Show the settings as check --no-cache would take them."),
}


def _with_policy_options(function: Callable[..., None], *, for_config: bool) -> Callable[..., None]:
    """The options ``check`` and ``config`` share: ``config`` shows their effect,
    so its help says what each option would set rather than what it does."""
    help_of = {name: texts[1 if for_config else 0] for name, texts in _POLICY_HELP.items()}
    decorators: list[Callable[[Callable[..., None]], Callable[..., None]]] = [
        click.argument("paths", nargs=-1, type=click.Path()),
        click.option("--select", multiple=True, metavar="IDS", help=help_of["select"]),
        click.option("--ignore", multiple=True, metavar="IDS", help=help_of["ignore"]),
        click.option(
            "--fail-on", type=click.Choice([s.value for s in Severity]), default=None, help=help_of["fail-on"]
        ),
        _severities,
        click.option("--waivers", metavar="FILE", help=help_of["waivers"]),
        click.option("--baseline", metavar="FILE", help=help_of["baseline"]),
        click.option("--signoff", metavar="FILE", help=help_of["signoff"]),
        click.option("--format", "outputs", multiple=True, type=OutputType(), help=help_of["format"]),
        click.option("--output", "-o", "output", metavar="FILE", help=help_of["output"]),
        click.option("--cache-dir", metavar="DIR", help=help_of["cache-dir"]),
        click.option("--no-cache", is_flag=True, help=help_of["no-cache"]),
    ]
    for decorator in reversed(decorators):
        function = decorator(function)
    return function


def _policy_options(function: Callable[..., None]) -> Callable[..., None]:
    """The options of ``check`` (and of the commands that lint like it)."""
    return _with_policy_options(function, for_config=False)


def _config_options(function: Callable[..., None]) -> Callable[..., None]:
    """The same options for ``config``, which shows what they would set."""
    return _with_policy_options(function, for_config=True)


@main.command(cls=OutputsCommand)
@_policy_options
@_AS_OF
@click.option("--exit-zero", is_flag=True, help="Report findings but always exit 0 unless input is unusable.")
def check(as_of: dt.date | None, exit_zero: bool, output: str | None, **command_line: Any) -> None:
    """Check the policy in PATHS (default: policy/) and report findings.

    \b
    Examples:
      policy-lint check policy/
      policy-lint check --format sarif:policy-lint.sarif --format text
      policy-lint check --format junit --output junit.xml --format github
    """
    from linter import commands

    code = commands.check(_options(command_line), as_of=as_of or dt.date.today(), exit_zero=exit_zero, output=output)
    raise SystemExit(code)


@main.command("config", cls=OutputsCommand)
@_config_options
def show_config(output: str | None, **command_line: Any) -> None:
    """Show the settings check would use and where each comes from; nothing is linted.

    Settings come from the command line, then [tool.policy-lint] in the
    nearest pyproject.toml at or above the working directory (its
    [tool.policy-lint.severity] table too), then the defaults. Give config the
    options you would give check to see their effect.

    \b
    Examples:
      policy-lint config
      policy-lint config --severity RET004=warning --fail-on warning
    """
    from linter import commands

    raise SystemExit(commands.show_config(_options(command_line), output))


@main.command("baseline")
@click.argument("paths", nargs=-1, type=click.Path())
@_AS_OF
@click.option("--select", multiple=True, metavar="IDS", help="Rule ids or prefixes to include (comma-separated).")
@click.option("--ignore", multiple=True, metavar="IDS", help="Rule ids or prefixes to leave out (comma-separated).")
@click.option("--waivers", metavar="FILE", help="Waiver file (default: policy-waivers.yaml in the policy folder).")
@click.option("--output", "-o", metavar="FILE", help="Baseline file to write (default: 'baseline' in the config).")
@click.option(
    "--prune", is_flag=True, help="Only remove the entries no finding matches any more (fixed since); add none."
)
@_CACHE_DIR
@_NO_CACHE
def write_baseline(as_of: dt.date | None, output: str | None, prune: bool, **command_line: Any) -> None:
    """Record today's findings in a baseline, so that `check --baseline FILE`
    reports only new ones (and the baseline's entries no longer found).

    With --prune, the existing baseline only loses its stale entries."""
    from linter import commands

    raise SystemExit(
        commands.baseline(_options(command_line), as_of=as_of or dt.date.today(), output=output, prune=prune)
    )


@main.command("rules")
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True)
def list_rules(fmt: str) -> None:
    """List every rule: id, severity, area and title."""
    from linter import rulepages

    raise SystemExit(rulepages.rules(fmt))


@main.command("knowledge")
@click.argument("files", nargs=-1, metavar="[FILE]...")
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True)
def list_knowledge(files: tuple[str, ...], fmt: str) -> None:
    """List the legal facts the rules rest on: every row of checks/knowledge/*.yaml
    (or of the FILEs named, e.g. adequacy) with its dates, citations and how it
    was verified."""
    from linter import commands

    raise SystemExit(commands.knowledge(files, fmt))


@main.command()
@click.argument("rule_id", metavar="RULE-ID")
def explain(rule_id: str) -> None:
    """Explain a rule: what it checks, why, its citation, examples and the fix."""
    from linter import rulepages

    raise SystemExit(rulepages.explain(rule_id))


@main.command("trace")
@click.argument("notice", metavar="NOTICE")
@click.argument("paths", nargs=-1, type=click.Path())
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True)
@click.option("--waivers", metavar="FILE", help="Waiver file, so that it is not read as policy.")
@_CACHE_DIR
@_NO_CACHE
def trace_notice(notice: str, fmt: str, **command_line: Any) -> None:
    """Prove that the policy in PATHS (default: policy/) says what the published
    NOTICE says: report every heading, bullet and sentence of the notice that no
    trace quote covers (untraced) and every quote the notice no longer holds (stale).

    NOTICE is a text, Markdown (.md) or HTML (.html) file; a URL is never fetched.
    Statements listed under the notice's trace_ignore are not reported.

    \b
    Examples:
      policy-lint trace published-notice.txt
      policy-lint trace notice.html policy/ --format json
    """
    from linter import commands

    raise SystemExit(commands.trace(notice, _options(command_line), fmt))


_SELECT = click.option(
    "--select", multiple=True, metavar="IDS", help="Run only these rule ids or prefixes (comma-separated)."
)
_IGNORE = click.option(
    "--ignore", multiple=True, metavar="IDS", help="Skip these rule ids or prefixes (comma-separated)."
)


@main.command()
@click.argument("paths", nargs=-1, type=click.Path())
@click.option("-o", "--output", required=True, metavar="FILE", help="HTML file to write; '-' for standard output.")
@_AS_OF
@_SELECT
@_IGNORE
@click.option(
    "--fail-on",
    type=click.Choice([s.value for s in Severity]),
    default=None,
    help="Exit 1 when a finding is at or above this level. Without it the report exits 0 once written "
    "('check' is the gate); the gate the report shows is [tool.policy-lint] fail-on (default: error).",
)
@click.option("--waivers", metavar="FILE", help="Waiver file (default: policy-waivers.yaml in the policy folder).")
@_severities
@_SIGNOFF
@click.option(
    "--since",
    metavar="REV",
    help="Open the report with what changed since this git revision of the policy "
    "(default: the revision of the last sign-off, if the sign-off record names one).",
)
@click.option("--exit-zero", is_flag=True, help="Exit 0 once the report is written, even with --fail-on.")
@_CACHE_DIR
@_NO_CACHE
def report(output: str, as_of: dt.date | None, exit_zero: bool, since: str | None, **command_line: Any) -> None:
    """Write the self-contained HTML compliance report a DPO reviews and signs off.

    Paths, fail-on, waivers, sign-off, select and ignore come from [tool.policy-lint]
    like for check; a baseline is not applied: the report shows every finding.
    """
    from reports import commands as report_commands

    code = report_commands.report(
        _options(command_line),
        output,
        as_of=as_of or dt.date.today(),
        exit_zero=exit_zero or command_line.get("fail_on") is None,
        since=since,
    )
    raise SystemExit(code)


@main.command()
@click.argument("paths", nargs=-1, type=click.Path())
@click.option("--format", "fmt", type=click.Choice(("csv", "json")), default="csv", show_default=True)
@click.option("-o", "--output", metavar="FILE", help="File to write; '-' or none for standard output.")
@_AS_OF
@click.option("--waivers", metavar="FILE", help="Waiver file, so that it is not read as policy.")
@_SIGNOFF
@_CACHE_DIR
@_NO_CACHE
def ropa(fmt: str, output: str | None, as_of: dt.date | None, **command_line: Any) -> None:
    """Export the Article 30 record of processing activities, one row per service."""
    from reports import commands as report_commands

    raise SystemExit(report_commands.ropa(_options(command_line), fmt, output, as_of=as_of or dt.date.today()))


@main.command("diff")
@click.argument("folders", nargs=-1, type=click.Path())
@click.option(
    "--rev",
    "revisions",
    metavar="OLD..NEW",
    help="Compare two git revisions of the policy folder (FOLDERS: at most one, default: [tool.policy-lint] "
    "paths); OLD alone or OLD.. compares OLD with the folder as it is.",
)
@click.option("--format", "fmt", type=click.Choice(("text", "json", "markdown")), default="text", show_default=True)
@click.option("-o", "--output", metavar="FILE", help="File to write; '-' or none for standard output.")
@_AS_OF
@_SELECT
@_IGNORE
def diff(
    folders: tuple[str, ...],
    revisions: str | None,
    fmt: str,
    output: str | None,
    as_of: dt.date | None,
    **command_line: Any,
) -> None:
    """Show what changed between two versions of a policy: entities added,
    removed and changed (services, processors, recipients, transfers, lawful
    bases, retention ...) and findings new, fixed and unchanged.

    \b
    Examples:
      policy-lint diff old-policy/ policy/
      policy-lint diff --rev main..HEAD policy/ --format markdown
      policy-lint diff --rev v1.0            # v1.0 against the policy as it is now
    """
    from reports import commands as report_commands

    code = report_commands.diff(
        _options(command_line),
        list(folders),
        revisions=revisions,
        fmt=fmt,
        output=output,
        as_of=as_of or dt.date.today(),
    )
    raise SystemExit(code)


@main.command("schema")
@click.option("-o", "--output", metavar="FILE", help="File to write (default: standard output).")
def json_schema(output: str | None) -> None:
    """Print the JSON Schema of a policy file, for editors (completion and checks
    as you type) and other JSON Schema tools.

    \b
    Examples:
      policy-lint schema -o policy/policy.schema.json
      then start each policy file with
      # yaml-language-server: $schema=policy.schema.json
    """
    from linter import commands

    raise SystemExit(commands.json_schema(output))


@main.command("values")
@click.argument("field", required=False, metavar="[FIELD]")
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True)
def field_values(field: str | None, fmt: str) -> None:
    """List what a policy field takes: its allowed values (from the schemas), or
    the vocabulary the rules compare it with (from the knowledge files: starting
    events, disposal methods, statutory minimums, transfer mechanisms, adequacy,
    lawful bases, Schedule 1 conditions, controller kinds), with what each means
    and its dates. Without FIELD, every such field.

    \b
    Examples:
      policy-lint values starts
      policy-lint values mechanism
      policy-lint values controller.kind
    """
    from linter import commands

    raise SystemExit(commands.values(field, fmt))


@main.command("init")
@click.argument("folder", default="policy", metavar="[DIR]")
@click.option(
    "--kind",
    type=click.Choice(("council", "school", "nhs", "central-government", "company", "charity")),
    help="The kind of organisation (asked in a terminal when not given).",
)
@click.option("--name", help="The organisation's name, as the notice will give it (asked when not given).")
@click.option(
    "--school-type",
    type=click.Choice(("maintained", "academy", "independent")),
    help="For --kind school: a maintained school, an academy or an independent school.",
)
@_AS_OF
def init_policy(
    folder: str, kind: str | None, name: str | None, school_type: str | None, as_of: dt.date | None
) -> None:
    """Write a starter policy into DIR (default: policy/): a valid policy whose
    every "TODO: ..." says what to write, with commented examples of every
    entity kind, and the JSON Schema for editors. Never overwrites a file.

    \b
    Examples:
      policy-lint init --kind school --school-type academy --name "Hillside Academy"
      policy-lint init privacy --kind council --name "Example Borough Council"
      policy-lint check policy/      # lists each TODO left to write
    """
    from linter import commands

    raise SystemExit(commands.init(folder, kind, name, school_type, as_of or dt.date.today()))


if __name__ == "__main__":  # pragma: no cover - `python -m linter.cli`
    main()
