"""A pytest plugin: lint a policy inside a test run, one test per rule.

Opt-in only; installed with policy-lint (entry point ``pytest11``) but idle
unless asked::

    pytest --policy-lint policy/                 # the folders named on the command line
    pytest --policy-lint policy/ --junitxml=policy.xml

or, in the consuming project's configuration, name the folders that hold a
policy (they are linted whenever pytest collects them, e.g. from testpaths)::

    [tool.pytest.ini_options]
    testpaths = ["tests", "policy"]
    policy_lint_paths = ["policy"]

Each policy folder becomes a collector with one item per rule, named by rule
id (``policy::TRF001``). An item fails when its rule has findings at or above
``--policy-lint-fail-on`` (default: ``fail-on`` of ``[tool.policy-lint]``,
else ``error``), listing them as ``file:line:col: message``. The evaluation
date is ``--policy-lint-as-of`` (default today). Waivers, baseline, select and
ignore come from ``[tool.policy-lint]`` as for ``policy-lint check``.

The module imports only pytest and the standard library at start-up; the
engine is imported when a policy is collected.
"""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pytest

if TYPE_CHECKING:
    from linter.engine import Result
    from linter.findings import Finding, Rule, Severity

_DIRS = pytest.StashKey[frozenset[Path]]()


def pytest_addoption(parser: pytest.Parser) -> None:
    group = parser.getgroup("policy-lint", "policy-lint: lint a policy as tests")
    group.addoption(
        "--policy-lint",
        action="store_true",
        default=False,
        help="lint the policy folders named on the command line: one test per rule",
    )
    group.addoption(
        "--policy-lint-as-of",
        metavar="YYYY-MM-DD",
        default=None,
        help="evaluation date for time-dependent rules (default: today)",
    )
    group.addoption(
        "--policy-lint-fail-on",
        choices=("error", "warning", "info"),
        default=None,
        help="lowest severity that fails a rule's test (default: [tool.policy-lint] fail-on, else error)",
    )
    parser.addini("policy_lint_paths", type="paths", default=[], help="policy folders to lint when collected")


def pytest_configure(config: pytest.Config) -> None:
    folders = {Path(path).resolve() for path in config.getini("policy_lint_paths")}
    if config.getoption("policy_lint") and config.args_source == pytest.Config.ArgsSource.ARGS:
        for arg in config.args:
            path = Path(config.invocation_params.dir, arg.split("::")[0])
            if path.is_dir():
                folders.add(path.resolve())
    config.stash[_DIRS] = frozenset(folders)
    as_of = config.getoption("policy_lint_as_of")
    if folders and as_of is not None:
        try:
            dt.date.fromisoformat(as_of)
        except ValueError:
            raise pytest.UsageError(f"--policy-lint-as-of: {as_of!r} is not a date in the form YYYY-MM-DD") from None


@pytest.hookimpl(tryfirst=True)
def pytest_collect_directory(path: Path, parent: pytest.Collector) -> pytest.Collector | None:
    if path.resolve() in parent.config.stash.get(_DIRS, frozenset()):
        return PolicyDirectory.from_parent(parent, path=path)
    return None


class PolicyDirectory(pytest.Directory):
    """A policy folder: linted once, collected as one item per rule."""

    def collect(self) -> Iterator[RuleItem]:
        from linter.commands import lint, settings_for
        from linter.findings import Severity
        from linter.unusable import Unusable

        config = self.config
        fail_on_option = config.getoption("policy_lint_fail_on")
        as_of_option = config.getoption("policy_lint_as_of")
        as_of = dt.date.fromisoformat(as_of_option) if as_of_option else dt.date.today()
        options = {"paths": [_shown(self.path)], "fail_on": Severity(fail_on_option) if fail_on_option else None}
        try:
            settings = settings_for(options, start=config.rootpath)
            result = lint(settings, as_of)
        except Unusable as stop:
            raise self.CollectError("\n".join(stop.lines)) from None
        for rule in result.rules:
            yield RuleItem.from_parent(self, name=rule.id, rule=rule, result=result, fail_on=settings.fail_on)


def _shown(path: Path) -> str:
    """A folder as findings should name it: relative to the working directory when below it."""
    relative = os.path.relpath(path)
    return str(path) if relative.startswith("..") else relative


class PolicyLintFailure(Exception):
    """A rule's findings at or above the threshold."""


class RuleItem(pytest.Item):
    """One rule of the catalogue run against a policy folder."""

    def __init__(self, *, rule: Rule, result: Result, fail_on: Severity, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.rule = rule
        self.fail_on = fail_on
        self.findings: list[Finding] = [f for f in result.findings if f.rule == rule.id]
        self.waived = [w for w in result.waived if w.finding.rule == rule.id]
        self.user_properties += [("rule", rule.id), ("severity", rule.severity.value), ("area", rule.area)]

    def runtest(self) -> None:
        failing = [f for f in self.findings if f.severity.rank >= self.fail_on.rank]
        others = [f for f in self.findings if f.severity.rank < self.fail_on.rank]
        from linter.output.text import format_finding, format_waived

        notes = [format_finding(f) for f in others] + [format_waived(w) for w in self.waived]
        if notes:
            self.add_report_section("call", "policy-lint", "\n".join(notes))
        if failing:
            raise PolicyLintFailure("\n".join(format_finding(f) for f in failing))

    def repr_failure(self, excinfo: pytest.ExceptionInfo[BaseException], style: Any = None) -> str:
        if isinstance(excinfo.value, PolicyLintFailure):
            rule = self.rule
            return f"{rule.id} {rule.title}\n{excinfo.value}\n\nCitation: {rule.citation}\nFix: {rule.remediation}"
        return str(super().repr_failure(excinfo, style))

    def reportinfo(self) -> tuple[Path, int | None, str]:
        return self.path, None, f"policy-lint {self.rule.id}: {self.rule.title}"
