"""JUnit XML output: one test case per rule, valid against the Jenkins xUnit schema."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
import xmlschema
from support import cli, shared, write

from linter import engine

POLICY = (
    "purposes:\n  - id: p\n    name: P & <co>\n    lawful_bases: [nothing]\n"
    "  - id: q\n    name: Q\n    lawful_bases: [absent]\n"
)
WAIVERS = (
    "waivers:\n  - rule: REF001\n    entity: purpose:p\n    field: lawful_bases\n"
    "    reason: agreed <with> Legal & Co\n    owner: DPO\n    expires: 2027-01-31\n"
    "  - rule: REF001\n    entity: purpose:gone\n    field: lawful_bases\n"
    "    reason: old\n    owner: DPO\n    expires: 2027-01-31\n"
)
SELECT = "REF001,WVR"


@pytest.fixture
def junit(tmp_path: Path) -> str:
    write(tmp_path / "policy", {"purposes.yaml": POLICY, "policy-waivers.yaml": WAIVERS})
    target = tmp_path / "junit.xml"
    code, out, _ = cli(
        "check", str(tmp_path / "policy"), "--as-of", "2026-11-24", "--select", SELECT, "--format", f"junit:{target}"
    )
    assert code == 1 and out == ""
    return target.read_text(encoding="utf-8")


def schema() -> xmlschema.XMLSchema:
    return xmlschema.XMLSchema(str(shared("schemas", "junit-10.xsd")))


def test_validates_against_the_junit_schema(junit: str) -> None:
    schema().validate(junit)


def test_the_schema_check_can_fail(junit: str) -> None:
    assert not schema().is_valid(junit.replace("<testcase ", "<testcase rule='x' ", 1))


def test_one_test_case_per_rule_that_ran(junit: str) -> None:
    root = ET.fromstring(junit)
    (suite,) = root.findall("testsuite")
    cases = suite.findall("testcase")
    assert [case.get("name", "").split()[0] for case in cases] == [
        rule.id for rule in engine.select_rules(SELECT.split(","))
    ]
    assert suite.get("tests") == str(len(cases)) == "6" and suite.get("failures") == "1" and suite.get("errors") == "0"
    assert cases[0].get("classname") == "policy-lint.references"


def test_failure_carries_file_line_and_message(tmp_path: Path, junit: str) -> None:
    cases = {case.get("name", "").split()[0]: case for case in ET.fromstring(junit).iter("testcase")}
    failure = cases["REF001"].find("failure")
    assert failure is not None and failure.get("type") == "error"
    assert "1 finding at or above error" in failure.get("message", "")
    first = (failure.text or "").splitlines()[0]
    assert first == (
        f"{tmp_path / 'policy' / 'purposes.yaml'}:7:20: error: "
        "'lawful_bases' refers to lawful basis 'absent', which is not defined"
    )
    assert "Citation: " in (failure.text or "") and "Fix: " in (failure.text or "")


def test_waived_and_below_threshold_findings_are_system_out(junit: str) -> None:
    cases = {case.get("name", "").split()[0]: case for case in ET.fromstring(junit).iter("testcase")}
    waived = cases["REF001"].findtext("system-out") or ""
    assert "[waived by DPO until 2027-01-31: agreed <with> Legal & Co]" in waived
    assert cases["WVR002"].find("failure") is None, "a warning does not fail at --fail-on error"
    assert "matches no finding" in (cases["WVR002"].findtext("system-out") or "")


def test_fail_on_warning_makes_warnings_failures(tmp_path: Path) -> None:
    write(tmp_path / "policy", {"purposes.yaml": POLICY, "policy-waivers.yaml": WAIVERS})
    _, out, _ = cli("check", str(tmp_path / "policy"), "--select", SELECT, "--fail-on", "warning", "--format", "junit")
    root = ET.fromstring(out)
    assert root.get("failures") == "2"
