"""GitHub Actions annotations: one workflow command per finding, escaped."""

from __future__ import annotations

from pathlib import Path

from support import cli, write

from linter.findings import Finding, Severity
from linter.output.github import annotation, escape_data, escape_property


def finding(**changes: object) -> Finding:
    fields: dict[str, object] = {
        "rule": "TRF001",
        "severity": Severity.ERROR,
        "message": "rests on the Privacy Shield",
        "file": "policy/transfers.yaml",
        "line": 19,
        "column": 5,
        "entity": "transfer:redfern-us",
        "field": "mechanism",
        "citation": "UK GDPR Art 44",
        "remediation": "Use the IDTA.",
    }
    fields.update(changes)
    return Finding(**fields)  # type: ignore[arg-type]


def test_annotation_format() -> None:
    assert annotation(finding()) == (
        "::error file=policy/transfers.yaml,line=19,col=5,title=TRF001::rests on the Privacy Shield"
    )


def test_severity_maps_to_error_warning_notice() -> None:
    assert annotation(finding(severity=Severity.WARNING)).startswith("::warning ")
    assert annotation(finding(severity=Severity.INFO)).startswith("::notice ")


def test_message_escapes_percent_and_newlines_only() -> None:
    assert escape_data("100% sure\r\nnext: a, b") == "100%25 sure%0D%0Anext: a, b"
    line = annotation(finding(message="50%: one,\ntwo"))
    assert line.endswith("::50%25: one,%0Atwo")
    assert "\n" not in line


def test_properties_also_escape_colon_and_comma() -> None:
    assert escape_property("C:\\a,b%\n") == "C%3A\\a%2Cb%25%0A"
    line = annotation(finding(file="policy/odd,name:x.yaml"))
    assert line.startswith("::error file=policy/odd%2Cname%3Ax.yaml,line=19,col=5,title=TRF001::")


def test_github_format_from_the_command_line(tmp_path: Path) -> None:
    write(tmp_path, "purposes:\n  - id: p\n    name: P\n    lawful_bases: [nothing]\n")
    code, out, _ = cli("check", str(tmp_path), "--select", "REF001", "--format", "github")
    assert code == 1
    first, summary = out.splitlines()
    assert first.startswith(
        f"::error file={escape_property(str(tmp_path / 'policy.yaml'))},line=4,col=20,title=REF001::"
    )
    assert summary.startswith("FAIL: 1 error")
