"""The sign-off record: reading it, the out-of-date check and invalid entries."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from support import AS_OF, cli, write

from linter import engine
from linter.signoff import DEFAULT_FILE

NOTICE = "notice:\n  id: notice\n  name: Privacy notice\n"


def entry(date: str = "2026-06-30", **changes: str | None) -> str:
    fields: dict[str, str | None] = {
        "signed_by": "Jane Smith, Data Protection Officer",
        "date": date,
        "revision": '"4f3c2a1"',
        "decision": "approved-with-actions",
        "accepted": "[0123456789abcdef]",
    }
    fields.update(changes)
    lines = [f"    {key}: {value}" for key, value in fields.items() if value is not None]
    return "  -" + "\n".join(lines)[3:] + "\n"


def policy(tmp_path: Path, *entries: str, notice: str = NOTICE) -> Path:
    return write(tmp_path, {"policy.yaml": notice, DEFAULT_FILE: "signoffs:\n" + "".join(entries)})


def run(folder: Path, as_of: dt.date = AS_OF, months: int | None = None) -> engine.Result:
    result = engine.run([str(folder)], as_of, ["SGN"], signoff_months=months)
    assert not result.load_errors, result.load_errors
    return result


def test_the_record_is_read_and_never_as_policy(tmp_path: Path) -> None:
    result = run(policy(tmp_path, entry("2026-01-10"), entry("2026-06-30", revision='"abc1234"')))
    assert result.policy.files == [str(tmp_path / "policy.yaml")]
    assert str(tmp_path / DEFAULT_FILE) in result.read_files
    assert result.signoff is not None
    latest = result.signoff.latest
    assert latest is not None and (latest.date, latest.revision) == (dt.date(2026, 6, 30), "abc1234")
    assert latest.accepted == ("0123456789abcdef",) and latest.decision == "approved-with-actions"


@pytest.mark.parametrize(
    ("months", "notice", "due"),
    [
        (None, NOTICE + "  review_cycle_months: 6\n", dt.date(2026, 12, 30)),  # the notice's own cycle
        (None, NOTICE, dt.date(2027, 6, 30)),  # the knowledge default of 12 months
        (3, NOTICE + "  review_cycle_months: 6\n", dt.date(2026, 9, 30)),  # the configuration wins
    ],
)
def test_a_sign_off_holds_through_its_due_date_and_is_out_of_date_the_day_after(
    tmp_path: Path, months: int | None, notice: str, due: dt.date
) -> None:
    folder = policy(tmp_path, entry("2026-06-30"), notice=notice)
    assert run(folder, due, months).findings == []
    late = run(folder, due + dt.timedelta(days=1), months)
    (finding,) = late.findings
    assert (finding.rule, finding.line, finding.entity, finding.field) == ("SGN001", 3, "signoff", "date")
    assert f"a new sign-off was due by {due.isoformat()}, 1 days before" in finding.message
    assert "last signed off on 2026-06-30 by Jane Smith" in finding.message


def test_no_sign_off_file_no_finding(tmp_path: Path) -> None:
    write(tmp_path, NOTICE)
    assert run(tmp_path).findings == []


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"signed_by": None}, "'signed_by' is required"),
        ({"date": "last june"}, "'date' must be a date"),
        ({"revision": "1234567"}, "write it in quotes"),
        ({"revision": '"--upload-pack=evil"'}, "'revision' must name a git revision"),
        ({"decision": "signed"}, "'decision' must be one of approved"),
        ({"accepted": "[not-a-fingerprint]"}, "'accepted' must be a list of finding fingerprints"),
        ({"approver": "me"}, "unknown key 'approver'"),
    ],
)
def test_an_invalid_entry_is_reported_and_not_used(
    tmp_path: Path, changes: dict[str, str | None], message: str
) -> None:
    result = run(policy(tmp_path, entry(**{"date": "2026-06-30", **changes})), dt.date(2030, 1, 1))
    assert [f.rule for f in result.findings] == ["SGN002"], "an unusable entry is not judged out of date"
    assert message in result.findings[0].message
    assert result.signoff is not None and result.signoff.entries == []


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("signoffs: [\n", "invalid YAML"),
        ("signoff:\n" + entry(), "unknown key 'signoff': expected 'signoffs'"),
        ("signoffs: yes\n", "'signoffs' must be a list of entries"),
        ("!!python/object:os.system {}\n", "tag"),
    ],
)
def test_an_unusable_sign_off_file_exits_two(tmp_path: Path, content: str, message: str) -> None:
    write(tmp_path, {"policy.yaml": NOTICE, DEFAULT_FILE: content})
    code, out, err = cli("check", str(tmp_path), "--as-of", "2026-11-24")
    assert code == 2 and out == ""
    (line,) = err.strip().splitlines()
    assert line.startswith(str(tmp_path / DEFAULT_FILE)) and message in line


def test_configured_sign_off_file_and_period(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    write(tmp_path / "policy", NOTICE)
    (tmp_path / "signed.yaml").write_text("signoffs:\n" + entry("2026-06-30"), encoding="utf-8")
    (tmp_path / "pyproject.toml").write_text(
        '[tool.policy-lint]\nsignoff = "signed.yaml"\nsignoff-period-months = 3\n', encoding="utf-8"
    )
    code, out, _ = cli("check", str(tmp_path / "policy"), "--as-of", "2026-10-01", "--select", "SGN")
    assert code == 0 and "SGN001 warning" in out, out
    code, out, _ = cli("config")
    assert code == 0 and "signoff-period-months = 3 " in out and 'signoff               = "signed.yaml"' in out, out


def test_a_bad_period_is_a_configuration_error(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    write(tmp_path / "policy", NOTICE)
    (tmp_path / "pyproject.toml").write_text("[tool.policy-lint]\nsignoff-period-months = 0\n", encoding="utf-8")
    code, _, err = cli("check", str(tmp_path / "policy"))
    assert code == 2 and "signoff-period-months must be a whole number of months" in err


def test_report_and_ropa_never_modify_the_record(tmp_path: Path) -> None:
    folder = policy(tmp_path / "policy", entry("2026-06-30"))
    before = (folder / DEFAULT_FILE).read_bytes()
    assert cli("report", str(folder), "-o", str(tmp_path / "r.html"), "--as-of", "2026-11-24")[0] == 0
    assert cli("ropa", str(folder), "-o", str(tmp_path / "r.csv"))[0] == 0
    assert (folder / DEFAULT_FILE).read_bytes() == before
    code, _, err = cli("report", str(folder), "-o", str(folder / DEFAULT_FILE))
    assert code == 2 and (folder / DEFAULT_FILE).read_bytes() == before, err
