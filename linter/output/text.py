"""Plain-text findings: ``file:line:col: RULE-ID severity message``."""

from __future__ import annotations

import click

from linter.engine import Result
from linter.findings import Finding, Severity
from linter.gate import Summary

_COLOURS = {Severity.ERROR: "red", Severity.WARNING: "yellow", Severity.INFO: "cyan"}


def format_finding(finding: Finding, colour: bool = False) -> str:
    severity = finding.severity.value
    if colour:
        severity = click.style(severity, fg=_COLOURS[finding.severity], bold=True)
    return f"{finding.file}:{finding.line}:{finding.column}: {finding.rule} {severity} {finding.message}"


def render(result: Result, summary: Summary, colour: bool = False) -> str:
    lines = [format_finding(finding, colour) for finding in result.findings]
    lines.append(summary.line())
    return "\n".join(lines) + "\n"
