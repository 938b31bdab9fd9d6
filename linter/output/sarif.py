"""SARIF 2.1.0, for GitHub code scanning and other SARIF viewers.

One ``reportingDescriptor`` per rule that ran (title, rationale, citation,
fix), one ``result`` per finding with its fingerprint in
``partialFingerprints`` so that alerts follow a finding across edits, and the
waived findings as results with an external, accepted ``suppression``.
Locations are relative to the working directory (``%SRCROOT%``), which is
what code scanning expects when the tool runs at the repository root.
"""

from __future__ import annotations

import os
from pathlib import Path, PurePath
from typing import Any
from urllib.parse import quote

from linter.findings import Finding, Rule, Severity
from linter.gate import Summary
from linter.output import to_json
from linter.result import Result

SCHEMA_URI = "https://json.schemastore.org/sarif-2.1.0.json"
SRCROOT = "%SRCROOT%"
FINGERPRINT_KEY = "policyLint/v1"
LEVELS = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "note"}


def _version() -> str:
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version("policy-lint")
    except PackageNotFoundError:  # pragma: no cover - running from a bare checkout
        return "0"


def _help_markdown(rule: Rule) -> str:
    parts = [
        f"**{rule.title}** ({rule.severity.value}, {rule.area})",
        f"**Why it matters.** {rule.rationale}",
        f"**Citation.** {rule.citation}",
        f"**Fix.** {rule.remediation}",
    ]
    if rule.failing:
        parts.append(f"**Failing example**\n\n```yaml\n{rule.failing.rstrip()}\n```")
    if rule.passing:
        parts.append(f"**Passing example**\n\n```yaml\n{rule.passing.rstrip()}\n```")
    return "\n\n".join(parts)


def descriptor(rule: Rule) -> dict[str, Any]:
    return {
        "id": rule.id,
        "shortDescription": {"text": rule.title},
        "fullDescription": {"text": rule.rationale},
        "help": {
            "text": f"{rule.rationale}\n\nCitation: {rule.citation}\n\nFix: {rule.remediation}",
            "markdown": _help_markdown(rule),
        },
        "defaultConfiguration": {"level": LEVELS[rule.severity]},
        "properties": {
            "severity": rule.severity.value,
            "area": rule.area,
            "citation": rule.citation,
            "tags": ["policy-lint", rule.area],
        },
    }


def artifact_location(file: str, root: Path) -> dict[str, str]:
    """A relative URI under ``%SRCROOT%`` for files below ``root``, else a file URI."""
    path = Path(file)
    absolute = path if path.is_absolute() else root / path
    try:
        relative = PurePath(os.path.relpath(absolute, root))
    except ValueError:  # pragma: no cover - another drive on Windows
        relative = PurePath("..")
    if relative.parts and relative.parts[0] != "..":
        return {"uri": quote(relative.as_posix()), "uriBaseId": SRCROOT}
    return {"uri": absolute.resolve().as_uri()}


def _result(
    finding: Finding, rule_index: dict[str, int], root: Path, locations: dict[str, dict[str, str]]
) -> dict[str, Any]:
    location = locations.get(finding.file)
    if location is None:  # once per file: resolving a path is a large part of the cost of a result
        location = locations[finding.file] = artifact_location(finding.file, root)
    result: dict[str, Any] = {
        "ruleId": finding.rule,
        "level": LEVELS[finding.severity],
        "message": {"text": finding.message},
        "locations": [
            {
                "physicalLocation": {
                    "artifactLocation": location,
                    "region": {"startLine": max(finding.line, 1), "startColumn": max(finding.column, 1)},
                }
            }
        ],
        "partialFingerprints": {FINGERPRINT_KEY: finding.fingerprint},
        "properties": {
            "entity": finding.entity,
            "field": finding.field,
            "citation": finding.citation,
            "remediation": finding.remediation,
        },
    }
    if finding.action is not None:
        result["properties"]["action"] = finding.action.to_dict()
    if finding.related:
        result["relatedLocations"] = [
            {
                "id": index,
                "physicalLocation": {
                    "artifactLocation": artifact_location(related.file, root),
                    "region": {"startLine": max(related.line, 1), "startColumn": max(related.column, 1)},
                },
                "message": {"text": related.entity},
            }
            for index, related in enumerate(finding.related, start=1)
        ]
    if finding.rule in rule_index:
        result["ruleIndex"] = rule_index[finding.rule]
    return result


def document(result: Result, summary: Summary, root: Path | None = None) -> dict[str, Any]:
    root = root or Path.cwd()
    rule_index = {rule.id: index for index, rule in enumerate(result.rules)}
    locations: dict[str, dict[str, str]] = {}
    results = [_result(finding, rule_index, root, locations) for finding in result.findings]
    for waived in result.waived:
        entry = _result(waived.finding, rule_index, root, locations)
        entry["suppressions"] = [
            {
                "kind": "external",
                "status": "accepted",
                "justification": waived.reason,
                "properties": {"owner": waived.owner, "expires": waived.expires.isoformat()},
            }
        ]
        results.append(entry)
    version = _version()
    return {
        "$schema": SCHEMA_URI,
        "version": "2.1.0",
        "runs": [
            {
                "tool": {
                    "driver": {
                        "name": "policy-lint",
                        "version": version,
                        "semanticVersion": version,
                        "rules": [descriptor(rule) for rule in result.rules],
                    }
                },
                "originalUriBaseIds": {SRCROOT: {"uri": root.resolve().as_uri().rstrip("/") + "/"}},
                "invocations": [
                    {
                        "executionSuccessful": True,
                        "properties": {
                            "asOf": summary.as_of,
                            "failOn": summary.fail_on.value,
                            "failed": summary.failed,
                        },
                    }
                ],
                "columnKind": "unicodeCodePoints",
                "results": results,
            }
        ],
    }


def render(result: Result, summary: Summary) -> str:
    return to_json(document(result, summary))
