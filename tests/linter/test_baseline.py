"""Baselines: record today's findings, then report only new ones."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from support import cli, write

BROKEN = "purposes:\n  - id: p\n    name: P\n    lawful_bases: [nothing]\n"
TWO_BROKEN = BROKEN + "  - id: q\n    name: Q\n    lawful_bases: [absent]\n"
SELECT = ("--select", "REF001", "--as-of", "2026-11-24")


def make_baseline(tmp_path: Path, policy: str = BROKEN) -> Path:
    write(tmp_path / "policy", policy)
    target = tmp_path / "baseline.json"
    code, out, _ = cli("baseline", str(tmp_path / "policy"), *SELECT, "-o", str(target))
    assert code == 0, out
    return target


def test_baseline_file_is_keyed_by_fingerprint_sorted_and_readable(tmp_path: Path) -> None:
    target = make_baseline(tmp_path, TWO_BROKEN)
    document = json.loads(target.read_text(encoding="utf-8"))
    assert document["version"] == 1
    findings = document["findings"]
    assert list(findings) == sorted(findings) and len(findings) == 2
    assert sorted(findings.values(), key=lambda e: e["entity"]) == [
        {"rule": "REF001", "entity": "purpose:p", "field": "lawful_bases", "detail": "nothing"},
        {"rule": "REF001", "entity": "purpose:q", "field": "lawful_bases", "detail": "absent"},
    ]


def test_baseline_is_stable_across_runs(tmp_path: Path) -> None:
    target = make_baseline(tmp_path, TWO_BROKEN)
    first = target.read_bytes()
    code, out, _ = cli("baseline", str(tmp_path / "policy"), *SELECT, "-o", str(target))
    assert code == 0 and out == f"wrote 2 findings to {target}\n"
    assert target.read_bytes() == first


def test_check_with_baseline_reports_only_new_findings(tmp_path: Path) -> None:
    target = make_baseline(tmp_path)
    code, out, _ = cli("check", str(tmp_path / "policy"), *SELECT, "--baseline", str(target))
    assert code == 0
    assert out.splitlines() == [
        "pass: 0 errors, 0 warnings, 0 info in 1 file (1 rule, as of 2026-11-24, failing on error); "
        "1 finding suppressed by the baseline"
    ]
    write(tmp_path / "policy", "# moved down\n\n" + TWO_BROKEN)
    code, out, _ = cli("check", str(tmp_path / "policy"), *SELECT, "--baseline", str(target))
    assert code == 1
    lines = out.splitlines()
    assert len(lines) == 2, "only the new finding, though the known one moved down two lines"
    assert lines[0].startswith(f"{tmp_path / 'policy' / 'policy.yaml'}:9:") and "'absent'" in lines[0]
    assert lines[-1].endswith("; 1 finding suppressed by the baseline")


def test_json_summary_counts_the_baseline(tmp_path: Path) -> None:
    target = make_baseline(tmp_path)
    _, out, _ = cli("check", str(tmp_path / "policy"), *SELECT, "--baseline", str(target), "--format", "json")
    document = json.loads(out)
    assert document["findings"] == [] and document["summary"]["baselined"] == 1


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ('{"findings": {\n  "a": 1,\n}\n', ":3:1: error: invalid JSON"),
        ("[]\n", ":1:1: error: not a policy-lint baseline"),
    ],
)
def test_unusable_baseline_exits_two_with_its_position(tmp_path: Path, content: str, message: str) -> None:
    write(tmp_path / "policy", BROKEN)
    (tmp_path / "baseline.json").write_text(content, encoding="utf-8")
    code, out, err = cli("check", str(tmp_path / "policy"), "--baseline", str(tmp_path / "baseline.json"))
    assert code == 2 and out == ""
    assert err.strip() == err.strip().splitlines()[0]
    assert err.startswith(str(tmp_path / "baseline.json")) and message in err


def test_missing_baseline_exits_two(tmp_path: Path) -> None:
    write(tmp_path / "policy", BROKEN)
    code, _, err = cli("check", str(tmp_path / "policy"), "--baseline", str(tmp_path / "absent.json"))
    assert code == 2 and "baseline file not found" in err


def test_baseline_needs_a_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    write(tmp_path / "policy", BROKEN)
    monkeypatch.chdir(tmp_path)
    code, _, err = cli("baseline")
    assert code == 2 and "give -o FILE" in err


def test_baseline_never_overwrites_the_policy(tmp_path: Path) -> None:
    write(tmp_path / "policy", BROKEN)
    target = tmp_path / "policy" / "policy.yaml"
    code, _, err = cli("baseline", str(tmp_path / "policy"), "-o", str(target))
    assert code == 2 and "choose another name" in err
    assert target.read_text(encoding="utf-8") == BROKEN
