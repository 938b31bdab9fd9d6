"""Plain-text findings: ``file:line:col: RULE-ID severity message``, then,
indented, the entities the finding affects and the action recorded for it.

Waived findings follow, as ``file:line:col: RULE-ID waived message [owner
until DATE: reason]``, then the summary line. Everything that comes from the
policy (file names, messages, owners, reasons, actions) is passed through
:func:`~linter.printable.printable`, so that each line holds what it should and
no policy string can start a line of its own in a CI log."""

from __future__ import annotations

import click

from linter.findings import Finding, Severity
from linter.gate import Summary
from linter.printable import printable
from linter.result import Result, WaivedFinding

_COLOURS = {Severity.ERROR: "red", Severity.WARNING: "yellow", Severity.INFO: "cyan"}


def format_finding(finding: Finding, colour: bool = False) -> str:
    severity = finding.severity.value
    if colour:
        severity = click.style(severity, fg=_COLOURS[finding.severity], bold=True)
    location = f"{printable(finding.file)}:{finding.line}:{finding.column}: {finding.rule}"
    lines = [f"{location} {severity} {printable(finding.message)}"]
    if finding.related:
        lines.append(f"    {printable(finding.affects)}")
    if finding.action is not None:
        lines.append(f"    {printable(str(finding.action))}")
    return "\n".join(lines)


def format_waived(waived: WaivedFinding, colour: bool = False) -> str:
    finding = waived.finding
    label = click.style("waived", dim=True) if colour else "waived"
    location = f"{printable(finding.file)}:{finding.line}:{finding.column}: {finding.rule}"
    accepted = printable(f"{finding.message} [{waived.owner} until {waived.expires.isoformat()}: {waived.reason}]")
    return f"{location} {label} {accepted}"


def render(result: Result, summary: Summary, colour: bool = False) -> str:
    lines = [format_finding(finding, colour) for finding in result.findings]
    lines += [format_waived(waived, colour) for waived in result.waived]
    lines += [
        f"{printable(str(result.baseline_file))}: stale baseline entry {printable(str(entry))}: no longer found "
        "(policy-lint baseline --prune removes it)"
        for entry in result.stale_baseline
    ]
    lines.append(summary.line())
    return "\n".join(lines) + "\n"
