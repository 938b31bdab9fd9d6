"""Per-rule severity: [tool.policy-lint.severity] and --severity, the most
specific id or prefix winning, in every output, the gate and the report."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from support import cli, write

from linter.config import ConfigError, parse_severities, resolve, severity_for
from linter.findings import Severity

# RET004 (info) and RET003 (warning) on one rule
POLICY = (
    "retention_rules:\n  - id: case-files\n    name: case files\n    record_class: case files\n    period: 35 years\n"
)
AS_OF = ("--as-of", "2026-11-24", "--select", "RET003,RET004")


@pytest.fixture
def project(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    write(tmp_path / "policy", POLICY)
    monkeypatch.chdir(tmp_path)
    return tmp_path


def configure(project: Path, table: str) -> None:
    (project / "pyproject.toml").write_text(f"[tool.policy-lint.severity]\n{table}", encoding="utf-8")


def severities(out: str) -> dict[str, str]:
    return {finding["rule"]: finding["severity"] for finding in json.loads(out)["findings"]}


def test_without_overrides_each_rule_has_its_own(project: Path) -> None:
    code, out, _ = cli("check", *AS_OF, "--format", "json")
    assert code == 0 and severities(out) == {"RET003": "warning", "RET004": "info"}


def test_the_table_sets_a_rule_and_a_family_and_the_most_specific_wins(project: Path) -> None:
    configure(project, 'RET = "error"\nRET004 = "warning"\n')
    code, out, _ = cli("check", *AS_OF, "--format", "json")
    assert severities(out) == {"RET003": "error", "RET004": "warning"}
    assert code == 1, "the gate counts the new severity"
    assert json.loads(out)["summary"]["errors"] == 1


def test_the_command_line_adds_to_the_table_and_wins_for_its_rules(project: Path) -> None:
    configure(project, 'RET = "error"\nRET004 = "warning"\n')
    code, out, _ = cli("check", *AS_OF, "--format", "json", "--severity", "RET003=info", "--severity", "ret004=error")
    assert code == 1
    assert severities(out) == {"RET003": "info", "RET004": "error"}
    out = cli("config", "--severity", "RET003=info")[1]
    assert 'severity = {RET = "error", RET004 = "warning", RET003 = "info"}' in " ".join(out.split())
    assert "pyproject.toml [tool.policy-lint] and command line" in out


def test_text_sarif_junit_and_github_show_the_new_severity(project: Path) -> None:
    args = (*AS_OF, "--severity", "RET004=error")
    assert "RET004 error" in cli("check", *args)[1]
    sarif = json.loads(cli("check", *args, "--format", "sarif")[1])
    results = {result["ruleId"]: result["level"] for result in sarif["runs"][0]["results"]}
    assert results["RET004"] == "error"
    rules = {rule["id"]: rule for rule in sarif["runs"][0]["tool"]["driver"]["rules"]}
    assert rules["RET004"]["defaultConfiguration"]["level"] == "error"
    assert 'type="error"' in cli("check", *args, "--format", "junit")[1]
    assert "::error " in cli("check", *args, "--format", "github")[1]


def test_the_report_shows_the_new_severity(project: Path) -> None:
    (project / "pyproject.toml").write_text('[tool.policy-lint]\nselect = ["RET003", "RET004"]\n', encoding="utf-8")
    args = ("--as-of", "2026-11-24", "--fail-on", "error")  # the report exits 1 only when asked to gate
    code, out, _ = cli("report", "-o", "report.html", *args, "--severity", "RET004=error")
    assert code == 1 and "1 error" in out
    assert "RET004" in (project / "report.html").read_text(encoding="utf-8")
    with (project / "pyproject.toml").open("a", encoding="utf-8") as config:
        config.write('[tool.policy-lint.severity]\nRET004 = "error"\n')
    code, out, _ = cli("report", "-o", "report.html", *args)
    assert code == 1 and "1 error" in out


def test_an_unknown_rule_or_severity_is_a_usage_error(project: Path) -> None:
    code, _, err = cli("check", *AS_OF, "--severity", "XYZ1=info")
    assert code == 2 and "no rule matches 'XYZ1'" in err
    code, _, err = cli("check", *AS_OF, "--severity", "RET004=fatal")
    assert code == 2 and "must be one of info, warning, error" in err
    code, _, err = cli("check", *AS_OF, "--severity", "RET004")
    assert code == 2 and "must be RULE=SEVERITY" in err
    configure(project, 'RET004 = "fatal"\n')
    code, _, err = cli("check", *AS_OF)
    assert code == 2 and "pyproject.toml" in err and "severity" in err and "'fatal'" in err


def test_severity_for_takes_the_longest_match() -> None:
    overrides = {"R": Severity.INFO, "RET": Severity.WARNING, "RET004": Severity.ERROR}
    assert severity_for("RET004", overrides) is Severity.ERROR
    assert severity_for("RET003", overrides) is Severity.WARNING
    assert severity_for("REF001", overrides) is Severity.INFO
    assert severity_for("TRF001", overrides) is None


def test_parse_severities() -> None:
    assert parse_severities(["ret004=Warning, NTC=info"]) == {"RET004": Severity.WARNING, "NTC": Severity.INFO}
    assert parse_severities({"RET004": "info"}) == {"RET004": Severity.INFO}
    with pytest.raises(ValueError, match="RULE=SEVERITY"):
        parse_severities(["=info"])


def test_a_severity_table_that_is_not_a_table_is_refused(tmp_path: Path) -> None:
    (tmp_path / "pyproject.toml").write_text('[tool.policy-lint]\nseverity = "warning"\n', encoding="utf-8")
    with pytest.raises(ConfigError, match="severity"):
        resolve({}, tmp_path)


def test_explain_a_family_lists_its_rules() -> None:
    code, out, _ = cli("explain", "trf")
    assert code == 0
    lines = out.splitlines()
    assert lines[0].startswith("TRF: ") and "(transfers)" in lines[0]
    assert any(line.strip().startswith("TRF001  error") for line in lines)
    assert not any("RET" in line for line in lines)
    code, _, err = cli("explain", "ZZZ")
    assert code == 2 and "no rule 'ZZZ'" in err


def test_config_help_is_its_own() -> None:
    config_help = cli("config", "--help")[1]
    check_help = cli("check", "--help")[1]
    assert config_help != check_help
    assert "nothing is" in config_help and "as check would take" in config_help
    assert "Run only these rule ids" in check_help and "Run only these rule ids" not in config_help
