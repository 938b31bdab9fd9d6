"""JUnit XML, for CI systems that show test reports (GitLab, Jenkins, Azure).

One ``testcase`` per rule that ran. A rule fails when it has findings at or
above ``--fail-on``; the ``failure`` holds each one as ``file:line:col:
message`` with the citation and the fix. Findings below the threshold and
waived findings go to the test case's ``system-out``. Built with
:mod:`xml.etree.ElementTree`, so every value is escaped.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from collections import defaultdict

from linter.findings import Finding
from linter.gate import Summary
from linter.result import Result, WaivedFinding

SUITE = "policy-lint"
#: characters XML 1.0 cannot carry at all, even escaped
_NOT_XML = re.compile("[^\t\n\r\x20-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")


def _clean(text: str) -> str:
    return _NOT_XML.sub("\ufffd", text)


def _line(finding: Finding) -> str:
    line = f"{finding.file}:{finding.line}:{finding.column}: {finding.severity.value}: {finding.message}"
    return f"{line} ({finding.affects})" if finding.related else line


def _waived_line(waived: WaivedFinding) -> str:
    until = waived.expires.isoformat()
    return f"{_line(waived.finding)} [waived by {waived.owner} until {until}: {waived.reason}]"


def build(result: Result, summary: Summary) -> ET.Element:
    by_rule: dict[str, list[Finding]] = defaultdict(list)
    for finding in result.findings:
        by_rule[finding.rule].append(finding)
    waived_by_rule: dict[str, list[WaivedFinding]] = defaultdict(list)
    for waived in result.waived:
        waived_by_rule[waived.finding.rule].append(waived)

    suites = ET.Element("testsuites", name=SUITE, time="0")
    suite = ET.SubElement(suites, "testsuite", name=SUITE, time="0", errors="0", skipped="0")
    properties = ET.SubElement(suite, "properties")
    for name, value in (
        ("as_of", summary.as_of),
        ("fail_on", summary.fail_on.value),
        ("waived", str(summary.waived)),
        ("baselined", "" if summary.baselined is None else str(summary.baselined)),
    ):
        ET.SubElement(properties, "property", name=name, value=value)

    failures = 0
    for rule in result.rules:
        case = ET.SubElement(
            suite, "testcase", classname=f"{SUITE}.{rule.area}", name=f"{rule.id} {_clean(rule.title)}", time="0"
        )
        findings = by_rule.get(rule.id, [])
        failing = [f for f in findings if f.severity.rank >= summary.fail_on.rank]
        if failing:
            failures += 1
            count = f"{len(failing)} finding{'s' if len(failing) != 1 else ''}"
            failure = ET.SubElement(
                case,
                "failure",
                message=_clean(f"{rule.id}: {count} at or above {summary.fail_on.value}: {rule.title}"),
                type=max(failing, key=lambda f: f.severity.rank).severity.value,
            )
            failure.text = _clean(
                "\n".join(_line(f) for f in failing) + f"\n\nCitation: {rule.citation}\nFix: {rule.remediation}\n"
            )
        others = [_line(f) for f in findings if f.severity.rank < summary.fail_on.rank]
        others += [_waived_line(w) for w in waived_by_rule.get(rule.id, [])]
        if others:
            ET.SubElement(case, "system-out").text = _clean("\n".join(others) + "\n")

    for element in (suites, suite):
        element.set("tests", str(len(result.rules)))
        element.set("failures", str(failures))
    suites.set("errors", "0")
    return suites


def render(result: Result, summary: Summary) -> str:
    root = build(result, summary)
    ET.indent(root)
    return ET.tostring(root, encoding="unicode", xml_declaration=True) + "\n"
