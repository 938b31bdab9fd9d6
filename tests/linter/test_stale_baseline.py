"""A baseline's entries that no finding matches any more are reported, and
`baseline --prune` removes them (and only them)."""

from __future__ import annotations

import json
from pathlib import Path

from support import cli, write

TWO_BROKEN = (
    "purposes:\n  - id: p\n    name: P\n    lawful_bases: [nothing]\n"
    "  - id: q\n    name: Q\n    lawful_bases: [absent]\n"
)
ONE_FIXED = TWO_BROKEN.replace("[absent]", "[]")
SELECT = ("--select", "REF001", "--as-of", "2026-11-24")


def setup(tmp_path: Path) -> Path:
    write(tmp_path / "policy", TWO_BROKEN)
    target = tmp_path / "baseline.json"
    assert cli("baseline", str(tmp_path / "policy"), *SELECT, "-o", str(target))[0] == 0
    write(tmp_path / "policy", ONE_FIXED)
    return target


def test_check_reports_a_fixed_finding_as_a_stale_entry(tmp_path: Path) -> None:
    target = setup(tmp_path)
    code, out, _ = cli("check", str(tmp_path / "policy"), *SELECT, "--baseline", str(target))
    assert code == 0
    assert f"{target}: stale baseline entry REF001 purpose:q lawful_bases absent: no longer found" in out
    assert out.splitlines()[-1].endswith("1 finding suppressed by the baseline, 1 stale baseline entry (fixed since)")
    document = json.loads(
        cli("check", str(tmp_path / "policy"), *SELECT, "--baseline", str(target), "--format", "json")[1]
    )
    assert [entry["entity"] for entry in document["stale_baseline"]] == ["purpose:q"]
    assert document["summary"]["stale_baseline"] == 1


def test_entries_of_rules_not_run_are_not_stale(tmp_path: Path) -> None:
    target = setup(tmp_path)
    code, out, _ = cli("check", str(tmp_path / "policy"), "--select", "SCH", "--baseline", str(target))
    assert code == 0 and "stale baseline entry" not in out


def test_an_entry_of_a_rule_that_no_longer_exists_is_stale(tmp_path: Path) -> None:
    target = setup(tmp_path)
    document = json.loads(target.read_text(encoding="utf-8"))
    document["findings"]["0123456789abcdef"] = {"rule": "OLD001", "entity": "purpose:p", "field": "x"}
    target.write_text(json.dumps(document), encoding="utf-8")
    out = cli("check", str(tmp_path / "policy"), *SELECT, "--baseline", str(target))[1]
    assert "stale baseline entry OLD001 purpose:p x" in out


def test_prune_removes_the_stale_entries_and_adds_nothing(tmp_path: Path) -> None:
    target = setup(tmp_path)
    write(tmp_path / "policy", ONE_FIXED + "  - id: r\n    name: R\n    lawful_bases: [new-problem]\n")
    code, out, _ = cli("baseline", str(tmp_path / "policy"), *SELECT, "-o", str(target), "--prune")
    assert code == 0 and out.startswith(f"removed 1 stale entry from {target}; kept 1")
    entries = json.loads(target.read_text(encoding="utf-8"))["findings"].values()
    assert [entry["entity"] for entry in entries] == ["purpose:p"]
    code, out, _ = cli("check", str(tmp_path / "policy"), *SELECT, "--baseline", str(target))
    assert code == 1 and "new-problem" in out and "stale baseline entry" not in out


def test_a_rerun_without_prune_rewrites_the_baseline(tmp_path: Path) -> None:
    target = setup(tmp_path)
    assert cli("baseline", str(tmp_path / "policy"), *SELECT, "-o", str(target))[0] == 0
    out = cli("check", str(tmp_path / "policy"), *SELECT, "--baseline", str(target))[1]
    assert "stale baseline entry" not in out


def test_prune_needs_a_readable_baseline(tmp_path: Path) -> None:
    write(tmp_path / "policy", TWO_BROKEN)
    code, _, err = cli("baseline", str(tmp_path / "policy"), *SELECT, "-o", str(tmp_path / "none.json"), "--prune")
    assert code == 2 and "baseline file not found" in err
