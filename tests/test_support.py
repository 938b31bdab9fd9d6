"""The helper tests use for ../shared: a skip saying what is missing, a failure under CI."""

from __future__ import annotations

from pathlib import Path

import pytest
from support import shared


def test_a_present_file_is_returned(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "schemas").mkdir()
    (tmp_path / "schemas" / "x.json").write_text("{}", encoding="utf-8")
    monkeypatch.setenv("POLICY_LINT_SHARED", str(tmp_path))
    assert shared("schemas", "x.json") == tmp_path / "schemas" / "x.json"


@pytest.mark.parametrize("ci", ["", "false", "0"])
def test_a_missing_file_skips_with_its_name(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, ci: str) -> None:
    monkeypatch.setenv("POLICY_LINT_SHARED", str(tmp_path))
    monkeypatch.setenv("CI", ci)
    with pytest.raises(pytest.skip.Exception, match=r"needs .*seed/notice\.txt \(the shared folder"):
        shared("seed", "notice.txt")


@pytest.mark.parametrize("ci", ["true", "TRUE", "1"])
def test_under_ci_a_missing_file_fails(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, ci: str) -> None:
    monkeypatch.setenv("POLICY_LINT_SHARED", str(tmp_path))
    monkeypatch.setenv("CI", ci)
    with pytest.raises(pytest.fail.Exception, match="under CI its absence is a failure"):
        shared("seed", "notice.txt")


def test_ci_run_sets_ci() -> None:
    from support import ROOT

    assert "export CI=true" in (ROOT / ".ci" / "run").read_text(encoding="utf-8")
