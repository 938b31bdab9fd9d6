"""GitHub Actions workflow commands: one annotation per finding.

``::error file=policy/transfers.yaml,line=12,col=5,title=TRF001::message``
puts the finding on the changed line of a pull request. Errors become
``error``, warnings ``warning`` and info ``notice`` annotations; the summary
line follows as plain text. Values are escaped as the runner expects: ``%``,
CR and LF everywhere, and ``:`` and ``,`` in properties too; any other control
character (an escape sequence, a Unicode line separator) is written as an
escape, as in the text format.
"""

from __future__ import annotations

from linter.findings import Finding, Severity
from linter.gate import Summary
from linter.printable import printable
from linter.result import Result

COMMANDS = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "notice"}


def escape_data(value: str) -> str:
    return printable(value.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A"))


def escape_property(value: str) -> str:
    return escape_data(value).replace(":", "%3A").replace(",", "%2C")


def annotation(finding: Finding) -> str:
    properties = ",".join(
        f"{name}={escape_property(value)}"
        for name, value in (
            ("file", finding.file),
            ("line", str(finding.line)),
            ("col", str(finding.column)),
            ("title", finding.rule),
        )
    )
    message = f"{finding.message} ({finding.affects})" if finding.related else finding.message
    return f"::{COMMANDS[finding.severity]} {properties}::{escape_data(message)}"


def render(result: Result, summary: Summary) -> str:
    lines = [annotation(finding) for finding in result.findings]
    lines.append(summary.line())
    return "\n".join(lines) + "\n"
