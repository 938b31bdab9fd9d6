"""Hostile paths and settings: a one-line error and exit 2, never a traceback,
and never an output written over a file the run reads."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from support import cli, write

BROKEN = "purposes:\n  - id: p\n    name: P\n    lawful_bases: [nothing]\n"
WAIVERS = (
    "waivers:\n  - rule: REF001\n    entity: purpose:p\n    field: lawful_bases\n"
    "    reason: known\n    owner: DPO\n    expires: 2027-01-31\n"
)
LONG = "x" * 300


def one_line_error(code: int, err: str, expected: str) -> None:
    assert code == 2, err
    lines = err.strip().splitlines()
    assert len(lines) == 1 and expected in lines[0], err
    assert "Traceback" not in err


def test_output_never_replaces_the_waiver_file(tmp_path: Path) -> None:
    write(tmp_path / "policy", BROKEN)
    waivers = tmp_path / "waivers.txt"
    waivers.write_text(WAIVERS, encoding="utf-8")
    code, _, err = cli(
        "check",
        str(tmp_path / "policy"),
        "--as-of",
        "2026-11-24",
        "--waivers",
        str(waivers),
        "--format",
        f"json:{waivers}",
    )
    one_line_error(code, err, "is one of the files this run reads")
    assert waivers.read_text(encoding="utf-8") == WAIVERS
    code, _, err = cli(
        "baseline", str(tmp_path / "policy"), "--as-of", "2026-11-24", "--waivers", str(waivers), "-o", str(waivers)
    )
    one_line_error(code, err, "is one of the files this run reads")
    assert waivers.read_text(encoding="utf-8") == WAIVERS


@pytest.mark.parametrize("command", ["check", "report", "ropa"])
def test_a_path_too_long_for_the_file_system(tmp_path: Path, command: str) -> None:
    extra = ["-o", str(tmp_path / "r.html")] if command == "report" else []
    code, _, err = (
        cli(command, str(tmp_path / LONG), "--as-of", "2026-11-24", *extra)
        if command != "ropa"
        else cli(command, str(tmp_path / LONG))
    )
    one_line_error(code, err, "cannot use this path")


@pytest.mark.parametrize(
    "args",
    [
        ["check", "--as-of", "2026-11-24", "--format", "json:{long}"],
        ["report", "--as-of", "2026-11-24", "-o", "{long}.html"],
        ["baseline", "--as-of", "2026-11-24", "-o", "{long}.json"],
        ["check", "--as-of", "2026-11-24", "--waivers", "{long}"],
    ],
)
def test_an_output_or_waiver_name_too_long(tmp_path: Path, args: list[str]) -> None:
    write(tmp_path / "policy", BROKEN)
    long = str(tmp_path / LONG)
    code, _, err = cli(args[0], str(tmp_path / "policy"), *(arg.format(long=long) for arg in args[1:]))
    one_line_error(code, err, "cannot use this path")


def test_an_output_through_a_symlink_loop(tmp_path: Path) -> None:
    write(tmp_path / "policy", BROKEN)
    loop = tmp_path / "loop"
    os.symlink(loop, loop)
    code, _, err = cli("check", str(tmp_path / "policy"), "--as-of", "2026-11-24", "--format", f"json:{loop}")
    one_line_error(code, err, "is a symbolic link: policy-lint replaces only regular files")


def test_a_folder_given_as_the_waiver_file(tmp_path: Path) -> None:
    write(tmp_path / "policy", BROKEN)
    code, _, err = cli("check", str(tmp_path / "policy"), "--as-of", "2026-11-24", "--waivers", str(tmp_path))
    one_line_error(code, err, "is a folder, not a waiver file")


@pytest.mark.parametrize(
    ("toml", "expected"),
    [
        ("tool = 3\n# policy-lint\n", None),
        ("[tool.policy-lint]\npaths = []\n", "must name at least one"),
        ("[tool.policy-lint]\nformat = []\n", "must name at least one"),
    ],
)
def test_odd_pyproject_tables(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, toml: str, expected: str | None) -> None:
    write(tmp_path / "policy", BROKEN)
    (tmp_path / "pyproject.toml").write_text(toml, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    code, out, err = cli("check", "--as-of", "2026-11-24", "--select", "REF001")
    if expected is None:  # not our table: ignored, the default policy/ is linted
        assert code == 1 and "REF001" in out
    else:
        one_line_error(code, err, expected)


def test_exit_zero_keeps_the_verdict_but_exits_zero(tmp_path: Path) -> None:
    write(tmp_path / "policy", BROKEN)
    code, out, _ = cli("check", str(tmp_path / "policy"), "--as-of", "2026-11-24", "--select", "REF001", "--exit-zero")
    assert code == 0
    assert out.splitlines()[-1].startswith("FAIL: 1 error")
    report = tmp_path / "r.html"
    code, _, _ = cli("report", str(tmp_path / "policy"), "--as-of", "2026-11-24", "--exit-zero", "-o", str(report))
    assert code == 0
    page = report.read_text(encoding="utf-8")
    assert "Fails the CI gate" in page and "Passes the CI gate" not in page
