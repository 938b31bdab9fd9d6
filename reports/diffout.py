"""``policy-lint diff`` outputs: text for people, JSON for scripts, Markdown
for a merge-request comment. Each renders one :class:`~reports.changes.Changes`."""

from __future__ import annotations

import json
import re
from collections.abc import Callable

from linter.findings import Finding
from reports.changes import SHOWN, Changes, EntityChange

FORMATS = ("text", "json", "markdown")
_PLAIN = re.compile(r"^[A-Za-z0-9_.:/@ -]+$")
_MARKS = {"added": "+", "removed": "-", "changed": "~", "moved": ">"}


def headline(changes: Changes) -> str:
    counts = changes.counts()
    findings = changes.findings
    parts = [f"{counts[status]} {status}" for status in ("added", "removed", "changed", "moved") if counts[status]]
    entities = ", ".join(parts) if parts else "no entity changed"
    return (
        f"{entities}; findings: {len(findings.new)} new, {len(findings.fixed)} fixed, "
        f"{len(findings.unchanged)} unchanged"
    )


def _where(change: EntityChange) -> str:
    if change.moved:
        return f"moved from {change.before_file} to {change.after_file}"
    return change.after_file or change.before_file


def _finding_line(finding: Finding) -> str:
    return f"{finding.file}:{finding.line}:{finding.column}: {finding.rule} {finding.severity.value} {finding.message}"


def text(changes: Changes) -> str:
    lines = [f"Changes from {changes.before} to {changes.after} (as of {changes.as_of.isoformat()})", ""]
    for label, group in changes.by_kind():
        lines.append(f"{label}:")
        for change in group:
            lines.append(f"  {_MARKS[change.status]} {change.ref}  {change.name}  ({_where(change)})")
            lines.extend(f"      {field.describe()}" for field in change.fields)
        lines.append("")
    if not changes.entities:
        lines += ["No entity was added, removed or changed.", ""]
    for word, found in (("new", changes.findings.new), ("fixed", changes.findings.fixed)):
        lines.append(f"Findings {word} ({len(found)}):")
        lines.extend(f"  {_finding_line(finding)}" for finding in found[:SHOWN])
        if len(found) > SHOWN:
            lines.append(f"  ... and {len(found) - SHOWN} more (see --format json)")
        lines.append("")
    lines.append(headline(changes))
    return "\n".join(lines) + "\n"


def to_json(changes: Changes) -> str:
    document = {
        "before": changes.before,
        "after": changes.after,
        "as_of": changes.as_of.isoformat(),
        "entities": [change.to_dict() for change in changes.entities],
        "findings": {
            "new": [finding.to_dict() for finding in changes.findings.new],
            "fixed": [finding.to_dict() for finding in changes.findings.fixed],
            "unchanged": [finding.fingerprint for finding in changes.findings.unchanged],
        },
        "summary": {
            **changes.counts(),
            "new_findings": len(changes.findings.new),
            "fixed_findings": len(changes.findings.fixed),
            "unchanged_findings": len(changes.findings.unchanged),
        },
    }
    return json.dumps(document, indent=2, ensure_ascii=False) + "\n"


def _cell(value: str) -> str:
    """Text for a Markdown table cell: no line breaks, pipes escaped, markup inert
    (HTML as entities, every Markdown mark escaped)."""
    text = " ".join(value.split()).replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    for char in "\\`*_{}[]()#+!|~":
        text = text.replace(char, "\\" + char)
    return text


def _code(value: str) -> str:
    """Code spans for plain names (ids, paths); anything else as escaped text."""
    return f"`{value}`" if _PLAIN.match(value) else _cell(value)


def markdown(changes: Changes) -> str:
    """A merge-request comment: a summary line, a table per kind, then the findings."""
    lines = [
        f"### Policy changes: {_cell(changes.before)} \u2192 {_cell(changes.after)}",
        "",
        f"**{_cell(headline(changes))}** (as of {changes.as_of.isoformat()})",
        "",
    ]
    for label, group in changes.by_kind():
        lines += [f"#### {label}", "", "| | entity | what changed |", "|---|---|---|"]
        for change in group:
            what = "<br>".join(_cell(field.describe()) for field in change.fields) or _cell(_where(change))
            if change.moved and change.fields:
                what += "<br>" + _cell(_where(change))
            lines.append(f"| {change.status} | {_cell(change.name)} {_code(change.ref)} | {what} |")
        lines.append("")
    for word, found in (("New findings", changes.findings.new), ("Fixed findings", changes.findings.fixed)):
        if not found:
            continue
        lines += [f"#### {word} ({len(found)})", "", "| severity | rule | where | finding |", "|---|---|---|---|"]
        for finding in found[:SHOWN]:
            where = _code(f"{finding.file}:{finding.line}")
            lines.append(f"| {finding.severity.value} | {finding.rule} | {where} | {_cell(finding.message)} |")
        if len(found) > SHOWN:
            lines.append(f"\n_and {len(found) - SHOWN} more_")
        lines.append("")
    return "\n".join(lines).rstrip("\n") + "\n"


RENDERERS: dict[str, Callable[[Changes], str]] = {"text": text, "json": to_json, "markdown": markdown}


def render(fmt: str, changes: Changes) -> str:
    return RENDERERS[fmt](changes)
