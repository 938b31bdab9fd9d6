"""The check command through Click's runner: output, exit codes, bad input."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner
from support import write

from linter.cli import main

CLEAN = "sources:\n  - id: police\n    name: police\n"
BROKEN_REFERENCE = "purposes:\n  - id: p\n    name: P\n    lawful_bases: [nothing]\n"


def invoke(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(main, list(args))
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    return result.exit_code, result.stdout, result.stderr


def test_clean_policy_exits_zero_with_summary(tmp_path: Path) -> None:
    write(tmp_path, CLEAN)
    code, out, _ = invoke("check", str(tmp_path), "--as-of", "2026-11-24", "--select", "REF001,REF002,SCH")
    assert code == 0
    assert out.startswith("pass: 0 errors, 0 warnings, 0 info in 1 file")
    assert "as of 2026-11-24" in out


def test_finding_line_format_and_exit_one(tmp_path: Path) -> None:
    write(tmp_path, BROKEN_REFERENCE)
    code, out, _ = invoke("check", str(tmp_path), "--as-of", "2026-11-24", "--select", "REF001")
    assert code == 1
    first = out.splitlines()[0]
    message = "'lawful_bases' refers to lawful basis 'nothing', which is not defined"
    assert first == f"{tmp_path / 'policy.yaml'}:4:20: REF001 error {message}"
    assert out.splitlines()[-1].startswith("FAIL: 1 error")


def test_exit_zero_reports_without_failing(tmp_path: Path) -> None:
    write(tmp_path, BROKEN_REFERENCE)
    code, out, _ = invoke("check", "--as-of", "2026-11-24", str(tmp_path), "--select", "REF001", "--exit-zero")
    assert code == 0 and "REF001" in out


def test_json_contract(tmp_path: Path) -> None:
    write(tmp_path, BROKEN_REFERENCE)
    code, out, _ = invoke("check", str(tmp_path), "--as-of", "2026-11-24", "--select", "REF001", "--format", "json")
    assert code == 1
    document = json.loads(out)
    (finding,) = document["findings"]
    assert set(finding) >= {
        "rule",
        "severity",
        "message",
        "file",
        "line",
        "column",
        "entity",
        "field",
        "citation",
        "remediation",
        "fingerprint",
    }
    assert (finding["entity"], finding["field"], finding["line"]) == ("purpose:p", "lawful_bases", 4)
    assert document["summary"]["errors"] == 1 and document["summary"]["failed"] is True


def test_fingerprint_survives_edits_elsewhere(tmp_path: Path) -> None:
    write(tmp_path / "a", BROKEN_REFERENCE)
    write(tmp_path / "b", "# a comment pushes everything down\n\n\n" + BROKEN_REFERENCE)
    prints = []
    for folder in ("a", "b"):
        _, out, _ = invoke(
            "check", "--as-of", "2026-11-24", str(tmp_path / folder), "--select", "REF001", "--format", "json"
        )
        prints.append(json.loads(out)["findings"][0])
    assert prints[0]["line"] != prints[1]["line"]
    assert prints[0]["fingerprint"] == prints[1]["fingerprint"]


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--as-of", "24/11/2026"], "is not a date in the form YYYY-MM-DD"),
        (["--select", "XYZ9"], "no rule matches 'XYZ9'"),
        (["--fail-on", "fatal"], "Invalid value for '--fail-on'"),
    ],
)
def test_bad_options_exit_two(tmp_path: Path, args: list[str], message: str) -> None:
    write(tmp_path, CLEAN)
    code, _, err = invoke("check", str(tmp_path), *args)
    assert code == 2
    assert message in err


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"a: [\n", "invalid YAML"),
        (b"", "empty policy file"),
        (b"\xff\xfe", "not valid UTF-8"),
        (b"a: !!python/name:os.system x\n", "is not allowed"),
        (b"a: 1\na: 2\n", "duplicate key 'a'"),
        (b"- a list\n", "top level must be a mapping"),
    ],
)
def test_bad_input_is_one_line_exit_two_no_traceback(tmp_path: Path, content: bytes, message: str) -> None:
    (tmp_path / "bad.yaml").write_bytes(content)
    code, out, err = invoke("check", "--as-of", "2026-11-24", str(tmp_path))
    assert code == 2
    assert out == ""
    lines = err.strip().splitlines()
    assert len(lines) == 1 and message in lines[0]
    assert lines[0].startswith(f"{tmp_path / 'bad.yaml'}:")
    assert "Traceback" not in err


def test_missing_path_exits_two(tmp_path: Path) -> None:
    code, _, err = invoke("check", "--as-of", "2026-11-24", str(tmp_path / "absent"))
    assert code == 2 and "no such file or folder" in err


def test_check_never_modifies_its_input(tmp_path: Path) -> None:
    write(tmp_path, BROKEN_REFERENCE)
    before = {p: (p.read_bytes(), p.stat().st_mtime_ns) for p in tmp_path.rglob("*")}
    invoke("check", "--as-of", "2026-11-24", str(tmp_path))
    after = {p: (p.read_bytes(), p.stat().st_mtime_ns) for p in tmp_path.rglob("*")}
    assert before == after


def test_default_path_is_policy_folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    write(tmp_path / "policy", CLEAN)
    monkeypatch.chdir(tmp_path)
    code, out, _ = invoke("check", "--as-of", "2026-11-24", "--select", "REF001,REF002,SCH")
    assert code == 0 and "in 1 file" in out
