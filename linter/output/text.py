"""Plain-text findings: ``file:line:col: RULE-ID severity message``, then,
indented, the entities the finding affects and the action recorded for it.

Waived findings follow, as ``file:line:col: RULE-ID waived message [owner
until DATE: reason]``, then the summary line."""

from __future__ import annotations

import click

from linter.findings import Finding, Severity
from linter.gate import Summary
from linter.result import Result, WaivedFinding

_COLOURS = {Severity.ERROR: "red", Severity.WARNING: "yellow", Severity.INFO: "cyan"}


def format_finding(finding: Finding, colour: bool = False) -> str:
    severity = finding.severity.value
    if colour:
        severity = click.style(severity, fg=_COLOURS[finding.severity], bold=True)
    lines = [f"{finding.file}:{finding.line}:{finding.column}: {finding.rule} {severity} {finding.message}"]
    if finding.related:
        lines.append(f"    {finding.affects}")
    if finding.action is not None:
        lines.append(f"    {finding.action}")
    return "\n".join(lines)


def format_waived(waived: WaivedFinding, colour: bool = False) -> str:
    finding = waived.finding
    label = click.style("waived", dim=True) if colour else "waived"
    return (
        f"{finding.file}:{finding.line}:{finding.column}: {finding.rule} {label} {finding.message} "
        f"[{waived.owner} until {waived.expires.isoformat()}: {waived.reason}]"
    )


def render(result: Result, summary: Summary, colour: bool = False) -> str:
    lines = [format_finding(finding, colour) for finding in result.findings]
    lines += [format_waived(waived, colour) for waived in result.waived]
    lines += [
        f"{result.baseline_file}: stale baseline entry {entry}: no longer found "
        "(policy-lint baseline --prune removes it)"
        for entry in result.stale_baseline
    ]
    lines.append(summary.line())
    return "\n".join(lines) + "\n"
