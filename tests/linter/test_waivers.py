"""Waivers: accepted findings, expired, stale and invalid waivers, unusable files."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest
from support import AS_OF, cli, write

from linter import engine
from linter.waivers import DEFAULT_FILE

BROKEN = "purposes:\n  - id: p\n    name: P\n    lawful_bases: [nothing]\n"
FIXED = BROKEN + "lawful_bases:\n  - id: nothing\n    name: N\n    article: 6(1)(e)\n"


def waiver(expires: str = "2027-01-31", **changes: str | None) -> str:
    fields: dict[str, str | None] = {
        "rule": "REF001",
        "entity": "purpose:p",
        "field": "lawful_bases",
        "reason": "Legal Services are agreeing the basis",
        "owner": "DPO",
        "expires": expires,
    }
    fields.update(changes)
    lines = [f"    {key}: {value}" for key, value in fields.items() if value is not None]
    return "  -" + "\n".join(lines)[3:] + "\n"


def policy(tmp_path: Path, *entries: str, text: str = BROKEN) -> Path:
    return write(tmp_path, {"policy.yaml": text, DEFAULT_FILE: "waivers:\n" + "".join(entries)})


#: the rules these tests are about; the snippets break others (no controller, no notice)
RULES = ("REF001", "SCH001", "WVR")


def run(folder: Path, as_of: dt.date = AS_OF, select: tuple[str, ...] = RULES) -> engine.Result:
    result = engine.run([str(folder)], as_of, select)
    assert not result.load_errors, result.load_errors
    return result


def rules_and_lines(result: engine.Result) -> list[tuple[str, int]]:
    return [(finding.rule, finding.line) for finding in result.findings]


def test_current_waiver_moves_the_finding_to_waived(tmp_path: Path) -> None:
    result = run(policy(tmp_path, waiver()))
    assert result.findings == []
    (waived,) = result.waived
    assert (waived.finding.rule, waived.finding.entity, waived.finding.field) == ("REF001", "purpose:p", "lawful_bases")
    assert (waived.owner, waived.expires) == ("DPO", dt.date(2027, 1, 31))
    assert waived.reason == "Legal Services are agreeing the basis"


def test_waiver_file_in_the_policy_folder_is_not_read_as_policy(tmp_path: Path) -> None:
    result = run(policy(tmp_path, waiver()))
    assert result.policy.files == [str(tmp_path / "policy.yaml")]


def test_waiver_holds_through_its_expiry_date_and_lapses_the_day_after(tmp_path: Path) -> None:
    folder = policy(tmp_path, waiver("2026-11-24"))
    assert run(folder, dt.date(2026, 11, 24)).findings == []
    after = run(folder, dt.date(2026, 11, 25))
    assert sorted(rules_and_lines(after)) == [("REF001", 4), ("WVR001", 7)]
    assert after.waived == []
    expired = next(f for f in after.findings if f.rule == "WVR001")
    assert expired.file == str(tmp_path / DEFAULT_FILE)
    assert "expired on 2026-11-24" in expired.message and "counts again" in expired.message


def test_stale_waiver_is_reported_at_its_entry(tmp_path: Path) -> None:
    result = run(policy(tmp_path, waiver(), text=FIXED))
    assert rules_and_lines(result) == [("WVR002", 2)]
    assert "matches no finding" in result.findings[0].message


def test_expired_waiver_that_matches_nothing_is_stale(tmp_path: Path) -> None:
    result = run(policy(tmp_path, waiver("2020-01-01"), text=FIXED))
    assert [f.rule for f in result.findings] == ["WVR002"]


@pytest.mark.parametrize(
    ("entry", "line", "message"),
    [
        (waiver(owner=None), 2, "'owner' is required"),
        (waiver(reason='""'), 5, "'reason' must be non-empty text"),
        (waiver(expires="next spring"), 7, "'expires' must be a date"),
        (waiver(rule="REF01"), 2, "no rule REF01; did you mean REF001?"),
        (waiver(rule="WVR002"), 2, "findings of WVR002 cannot be waived"),
        (waiver() + "    approved_by: DPO\n", 8, "unknown key 'approved_by'"),
        ("  - just a string\n", 2, "each entry must be a mapping"),
    ],
)
def test_invalid_entry_is_reported_and_waives_nothing(tmp_path: Path, entry: str, line: int, message: str) -> None:
    result = run(policy(tmp_path, entry))
    assert ("WVR003", line) in rules_and_lines(result)
    assert ("REF001", 4) in rules_and_lines(result), "an invalid waiver must not waive"
    invalid = next(f for f in result.findings if f.rule == "WVR003")
    assert message in invalid.message


def test_duplicate_waiver_is_invalid(tmp_path: Path) -> None:
    result = run(policy(tmp_path, waiver(), waiver()))
    assert rules_and_lines(result) == [("WVR003", 8)]
    assert "duplicates the waiver of REF001 for purpose:p 'lawful_bases' on line 2" in result.findings[0].message
    assert len(result.waived) == 1


def test_quoted_date_and_lower_case_rule_are_accepted(tmp_path: Path) -> None:
    result = run(policy(tmp_path, waiver('"2027-01-31"', rule="ref001")))
    assert result.findings == [] and len(result.waived) == 1


def test_a_waived_rule_runs_to_judge_its_waiver_even_when_not_selected(tmp_path: Path) -> None:
    folder = policy(tmp_path, waiver())
    only_waivers = run(folder, select=("WVR",))
    assert only_waivers.findings == [], "the waiver still matches REF001, so it is not stale"
    assert only_waivers.waived == [], "REF001 was not selected, so its findings are not shown"
    stale = run(policy(tmp_path / "fixed", waiver(), text=FIXED), select=("WVR",))
    assert [f.rule for f in stale.findings] == ["WVR002"]


def test_blank_waiver_file_holds_no_waivers(tmp_path: Path) -> None:
    write(tmp_path, {"policy.yaml": BROKEN, DEFAULT_FILE: "# nothing waived yet\n---\n"})
    assert [f.rule for f in run(tmp_path).findings] == ["REF001"]


def test_configured_waiver_file_outside_the_policy(tmp_path: Path) -> None:
    write(tmp_path / "policy", BROKEN)
    (tmp_path / "accepted.yaml").write_text("waivers:\n" + waiver(), encoding="utf-8")
    result = engine.run([str(tmp_path / "policy")], AS_OF, RULES, waivers=str(tmp_path / "accepted.yaml"))
    assert result.findings == [] and len(result.waived) == 1


@pytest.mark.parametrize(
    ("content", "position", "message"),
    [
        ("waivers: [\n", ":2:1:", "invalid YAML"),
        ("waiver:\n" + waiver(), ":1:1:", "unknown key 'waiver': expected 'waivers'"),
        ("waivers: TRF001\n", ":1:1:", "'waivers' must be a list of entries"),
        ("- rule: TRF001\n", ":1:1:", "top level must be a mapping with a 'waivers' or 'actions' list, not a list"),
    ],
)
def test_unusable_waiver_file_exits_two_with_its_position(
    tmp_path: Path, content: str, position: str, message: str
) -> None:
    write(tmp_path, {"policy.yaml": BROKEN, DEFAULT_FILE: content})
    code, out, err = cli("check", str(tmp_path), "--as-of", "2026-11-24")
    assert code == 2 and out == ""
    (line,) = err.strip().splitlines()
    assert line.startswith(f"{tmp_path / DEFAULT_FILE}{position}") and message in line


def test_missing_configured_waiver_file_exits_two(tmp_path: Path) -> None:
    write(tmp_path, BROKEN)
    code, _, err = cli("check", str(tmp_path), "--waivers", str(tmp_path / "absent.yaml"))
    assert code == 2 and "waiver file not found" in err


def test_waived_findings_do_not_fail_the_gate_and_are_shown(tmp_path: Path) -> None:
    folder = policy(tmp_path, waiver())
    code, out, _ = cli("check", str(folder), "--as-of", "2026-11-24", "--select", ",".join(RULES))
    assert code == 0
    first, summary = out.splitlines()
    assert first.startswith(f"{folder / 'policy.yaml'}:4:20: REF001 waived ")
    assert first.endswith("[DPO until 2027-01-31: Legal Services are agreeing the basis]")
    assert summary.startswith("pass: 0 errors") and summary.endswith("; 1 waived")


def test_json_lists_waived_findings_and_waiver_findings(tmp_path: Path) -> None:
    folder = policy(tmp_path, waiver(), waiver(rule="SCH001"))
    code, out, _ = cli("check", str(folder), "--as-of", "2026-11-24", "--select", ",".join(RULES), "--format", "json")
    document = json.loads(out)
    assert code == 0, "a stale waiver is a warning"
    (waived,) = document["waived"]
    assert waived["rule"] == "REF001" and waived["fingerprint"]
    assert waived["waiver"] == {
        "reason": "Legal Services are agreeing the basis",
        "owner": "DPO",
        "expires": "2027-01-31",
    }
    assert [f["rule"] for f in document["findings"]] == ["WVR002"]
    assert document["summary"]["waived"] == 1 and document["summary"]["baselined"] is None


def test_expired_waiver_fails_the_gate_again(tmp_path: Path) -> None:
    code, out, _ = cli(
        "check", str(policy(tmp_path, waiver("2026-01-31"))), "--as-of", "2026-11-24", "--select", ",".join(RULES)
    )
    assert code == 1
    assert "REF001 error" in out and "WVR001 warning" in out


def test_a_waiver_naming_a_detail_accepts_only_that_finding(tmp_path: Path) -> None:
    two = "purposes:\n  - id: p\n    name: P\n    lawful_bases: [nothing, absent]\n"
    entry = (
        "waivers:\n  - rule: REF001\n    entity: purpose:p\n    field: lawful_bases\n    detail: nothing\n"
        "    reason: being added\n    owner: DPO\n    expires: 2027-01-31\n"
    )
    write(tmp_path, {"policy.yaml": two, DEFAULT_FILE: entry})
    result = engine.run([str(tmp_path)], AS_OF, select=["REF001"])
    assert [f.detail for f in result.findings] == ["absent"]
    assert [w.finding.detail for w in result.waived] == ["nothing"]


# --- actions: who fixes a finding by when -----------------------------------------


def action(due: str = "2026-12-15", status: str | None = "in-progress", **changes: str | None) -> str:
    fields: dict[str, str | None] = {
        "rule": "REF001",
        "entity": "purpose:p",
        "field": "lawful_bases",
        "owner": "Information Governance",
        "due": due,
        "status": status,
        "note": "Legal Services draft the basis",
    }
    fields.update(changes)
    lines = [f"    {key}: {value}" for key, value in fields.items() if value is not None]
    return "  -" + "\n".join(lines)[3:] + "\n"


def with_actions(tmp_path: Path, *entries: str, text: str = BROKEN, waivers: str = "") -> Path:
    waiver_list = f"waivers:\n{waivers}" if waivers else ""
    return write(tmp_path, {"policy.yaml": text, DEFAULT_FILE: waiver_list + "actions:\n" + "".join(entries)})


def test_an_action_is_attached_to_its_finding_which_still_counts(tmp_path: Path) -> None:
    result = run(with_actions(tmp_path, action()))
    (finding,) = result.findings
    assert finding.rule == "REF001" and finding.action is not None
    assert (finding.action.owner, finding.action.due, finding.action.status) == (
        "Information Governance",
        dt.date(2026, 12, 15),
        "in-progress",
    )
    assert finding.action.note == "Legal Services draft the basis" and not finding.action.overdue
    assert result.waived == []


def test_an_action_is_on_time_through_its_due_date_and_overdue_the_day_after(tmp_path: Path) -> None:
    folder = with_actions(tmp_path, action("2026-11-24"))
    on_time = run(folder, dt.date(2026, 11, 24))
    assert rules_and_lines(on_time) == [("REF001", 4)]
    assert on_time.findings[0].action is not None and not on_time.findings[0].action.overdue
    late = run(folder, dt.date(2026, 11, 25))
    assert sorted(rules_and_lines(late)) == [("REF001", 4), ("WVR004", 6)]
    overdue = next(f for f in late.findings if f.rule == "WVR004")
    assert overdue.file == str(tmp_path / DEFAULT_FILE) and overdue.severity.value == "warning"
    assert "was due on 2026-11-24 (owner: Information Governance, status: in-progress): 1 day overdue" in (
        overdue.message
    )
    finding = next(f for f in late.findings if f.rule == "REF001")
    assert finding.action is not None and finding.action.overdue


def test_an_action_marked_done_whose_finding_remains_is_reported(tmp_path: Path) -> None:
    result = run(with_actions(tmp_path, action("2020-01-01", status="done")))
    assert sorted(rules_and_lines(result)) == [("REF001", 4), ("WVR005", 2)]
    assert "is marked done" in next(f for f in result.findings if f.rule == "WVR005").message


def test_a_done_action_whose_finding_is_fixed_is_history_and_an_open_one_is_stale(tmp_path: Path) -> None:
    assert run(with_actions(tmp_path / "done", action("2020-01-01", status="done"), text=FIXED)).findings == []
    stale = run(with_actions(tmp_path / "open", action(status=None), text=FIXED))
    assert rules_and_lines(stale) == [("WVR002", 2)]
    assert "mark the action done" in stale.findings[0].message


@pytest.mark.parametrize(
    ("entry", "message"),
    [
        (action(status="started"), "'status' must be one of open, in-progress, done, not 'started'"),
        (action(due="soon"), "invalid action: 'due' must be a date"),
        (action(owner=None), "invalid action: 'owner' is required"),
        (
            action() + "    expires: 2027-01-31\n",
            "unknown key 'expires': 'expires' belongs to a waiver (under 'waivers')",
        ),
        (action(rule="WVR004"), "findings of WVR004 cannot be given an action"),
        (action(rule="SGN001"), "findings of SGN001 cannot be given an action"),
    ],
)
def test_an_invalid_action_is_reported_and_attaches_nothing(tmp_path: Path, entry: str, message: str) -> None:
    result = run(with_actions(tmp_path, entry))
    invalid = [f for f in result.findings if f.rule == "WVR003"]
    assert invalid and message in invalid[0].message, [f.message for f in invalid]
    assert all(f.action is None for f in result.findings)


def test_a_finding_can_be_waived_until_its_action_is_done(tmp_path: Path) -> None:
    result = run(with_actions(tmp_path, action(), waivers=waiver()))
    assert result.findings == []
    (waived,) = result.waived
    assert waived.finding.action is not None and waived.finding.action.owner == "Information Governance"


def test_outputs_carry_the_action(tmp_path: Path) -> None:
    folder = with_actions(tmp_path, action("2026-11-01"))
    select = ("--select", ",".join(RULES))
    code, out, _ = cli("check", str(folder), "--as-of", "2026-11-24", *select, "--format", "json")
    document = json.loads(out)
    assert code == 1, "a finding with an action still counts"
    finding = next(f for f in document["findings"] if f["rule"] == "REF001")
    assert finding["action"] == {
        "owner": "Information Governance",
        "due": "2026-11-01",
        "status": "in-progress",
        "note": "Legal Services draft the basis",
        "overdue": True,
    }
    assert next(f for f in document["findings"] if f["rule"] == "WVR004")["action"] is None
    _, text, _ = cli("check", str(folder), "--as-of", "2026-11-24", *select)
    assert "\n    action: Information Governance, due 2026-11-01, in-progress, overdue\n" in text
    _, sarif, _ = cli("check", str(folder), "--as-of", "2026-11-24", *select, "--format", "sarif")
    results = json.loads(sarif)["runs"][0]["results"]
    assert next(r for r in results if r["ruleId"] == "REF001")["properties"]["action"]["owner"] == (
        "Information Governance"
    )
