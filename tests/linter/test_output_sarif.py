"""SARIF 2.1.0 output: valid against the OASIS schema, one descriptor per rule."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import jsonschema
import pytest
from support import cli, shared, write

from linter import engine
from linter.output.sarif import FINGERPRINT_KEY, artifact_location

POLICY = (
    "purposes:\n  - id: p\n    name: P\n    lawful_bases: [nothing]\n"
    "  - id: q\n    name: Q\n    lawful_bases: [absent]\n"
)
WAIVERS = (
    "waivers:\n"
    "  - rule: REF001\n    entity: purpose:p\n    field: lawful_bases\n"
    "    reason: agreed with Legal Services\n    owner: DPO\n    expires: 2027-01-31\n"
    "  - rule: REF001\n    entity: purpose:gone\n    field: lawful_bases\n"
    "    reason: old\n    owner: DPO\n    expires: 2027-01-31\n"
)


@pytest.fixture
def sarif(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> dict[str, Any]:
    write(tmp_path / "policy", {"purposes.yaml": POLICY, "policy-waivers.yaml": WAIVERS})
    monkeypatch.chdir(tmp_path)
    code, out, _ = cli("check", "policy", "--as-of", "2026-11-24", "--select", "REF001,WVR", "--format", "sarif")
    assert code == 1
    document: dict[str, Any] = json.loads(out)
    return document


def schema_errors(document: dict[str, Any]) -> list[str]:
    schema = json.loads(shared("schemas", "sarif-schema-2.1.0.json").read_text(encoding="utf-8"))
    validator_class = jsonschema.validators.validator_for(schema)
    validator_class.check_schema(schema)
    return sorted(error.message for error in validator_class(schema).iter_errors(document))


def test_validates_against_the_sarif_schema(sarif: dict[str, Any]) -> None:
    assert schema_errors(sarif) == []


def test_the_schema_check_can_fail(sarif: dict[str, Any]) -> None:
    sarif["runs"][0]["results"][0]["level"] = "fatal"
    sarif["runs"][0]["results"][0]["suppressions"] = [{"kind": "baseline"}]
    assert len(schema_errors(sarif)) == 2


def test_one_descriptor_per_rule_that_ran(sarif: dict[str, Any]) -> None:
    driver = sarif["runs"][0]["tool"]["driver"]
    assert driver["name"] == "policy-lint" and driver["version"]
    ids = [rule["id"] for rule in driver["rules"]]
    assert ids == ["REF001", "WVR001", "WVR002", "WVR003", "WVR004", "WVR005"]
    rule = engine.all_rules()["REF001"]
    descriptor = driver["rules"][0]
    assert descriptor["shortDescription"]["text"] == rule.title
    assert descriptor["fullDescription"]["text"] == rule.rationale
    for text in (descriptor["help"]["text"], descriptor["help"]["markdown"]):
        assert rule.citation in text and rule.remediation in text
    assert descriptor["properties"] | {"tags": None} == {
        "severity": "error",
        "area": "references",
        "citation": rule.citation,
        "tags": None,
    }
    assert descriptor["defaultConfiguration"] == {"level": "error"}


def test_results_carry_location_level_and_fingerprint(sarif: dict[str, Any]) -> None:
    run = sarif["runs"][0]
    results = {(r["ruleId"], r["locations"][0]["physicalLocation"]["region"]["startLine"]): r for r in run["results"]}
    error = results[("REF001", 7)]
    assert error["level"] == "error"
    assert error["message"]["text"] == "'lawful_bases' refers to lawful basis 'absent', which is not defined"
    location = error["locations"][0]["physicalLocation"]
    assert location["artifactLocation"] == {"uri": "policy/purposes.yaml", "uriBaseId": "%SRCROOT%"}
    assert location["region"] == {"startLine": 7, "startColumn": 20}
    assert len(error["partialFingerprints"][FINGERPRINT_KEY]) == 16
    stale = results[("WVR002", 8)]
    assert stale["level"] == "warning"
    assert stale["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] == "policy/policy-waivers.yaml"
    assert all(
        r["ruleIndex"] == [d["id"] for d in run["tool"]["driver"]["rules"]].index(r["ruleId"]) for r in run["results"]
    )


def test_waived_finding_is_a_suppressed_result(sarif: dict[str, Any]) -> None:
    (waived,) = [r for r in sarif["runs"][0]["results"] if "suppressions" in r]
    assert waived["ruleId"] == "REF001"
    assert waived["locations"][0]["physicalLocation"]["region"]["startLine"] == 4
    (suppression,) = waived["suppressions"]
    assert suppression["kind"] == "external" and suppression["status"] == "accepted"
    assert suppression["justification"] == "agreed with Legal Services"
    assert suppression["properties"] == {"owner": "DPO", "expires": "2027-01-31"}


def test_fingerprint_matches_the_json_output(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    write(tmp_path / "policy", POLICY)
    monkeypatch.chdir(tmp_path)
    _, sarif_out, _ = cli("check", "policy", "--select", "REF001", "--format", "sarif")
    _, json_out, _ = cli("check", "policy", "--select", "REF001", "--format", "json")
    sarif_prints = sorted(
        r["partialFingerprints"][FINGERPRINT_KEY] for r in json.loads(sarif_out)["runs"][0]["results"]
    )
    json_prints = sorted(f["fingerprint"] for f in json.loads(json_out)["findings"])
    assert sarif_prints == json_prints


def test_paths_are_relative_uris_below_the_working_folder(tmp_path: Path) -> None:
    assert artifact_location("policy/a b.yaml", tmp_path) == {"uri": "policy/a%20b.yaml", "uriBaseId": "%SRCROOT%"}
    assert artifact_location(str(tmp_path / "policy" / "x.yaml"), tmp_path) == {
        "uri": "policy/x.yaml",
        "uriBaseId": "%SRCROOT%",
    }
    outside = artifact_location(str(tmp_path.parent / "elsewhere.yaml"), tmp_path)
    assert outside == {"uri": (tmp_path.parent / "elsewhere.yaml").as_uri()}
