"""A policy file named alone is checked with the policy folder it belongs to,
and only its findings are reported (editors, and pre-commit, which passes the
files a commit changes); a file in no folder is a policy of its own, unless it
plainly belongs to a folder around it."""

from __future__ import annotations

from pathlib import Path

import pytest
from support import cli, write

from linter.scope import scope

POLICY = {
    "lawful-bases.yaml": "lawful_bases:\n  - id: public-task\n    name: public task\n    article: 6(1)(e)\n",
    "services/admissions.yaml": (
        "services:\n  - id: admissions\n    name: Admissions\n    lawful_bases: [public-task]\n"
    ),
    "services/transport.yaml": "services:\n  - id: transport\n    name: Transport\n    lawful_bases: [nothing]\n",
}
SELECT = ("--as-of", "2026-11-24", "--select", "REF001,LAW002")


@pytest.fixture
def project(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    write(tmp_path / "policy", POLICY)
    monkeypatch.chdir(tmp_path)
    return tmp_path


def test_a_file_of_the_default_folder_is_checked_with_it(project: Path) -> None:
    code, out, err = cli("check", "policy/services/admissions.yaml", *SELECT)
    assert (code, err) == (0, "")
    assert out == "pass: 0 errors, 0 warnings, 0 info in 1 file (2 rules, as of 2026-11-24, failing on error)\n"


def test_only_the_findings_of_the_files_named_are_reported(project: Path) -> None:
    code, out, _ = cli("check", "policy/services/transport.yaml", *SELECT)
    assert code == 1
    assert [line.split(": ")[0] for line in out.splitlines()[:-1]] == [
        "policy/services/transport.yaml:4:20",
    ]
    code, out, _ = cli("check", "policy/services/transport.yaml", "policy/services/admissions.yaml", *SELECT)
    assert code == 1 and "in 2 files" in out


def test_a_file_of_a_configured_folder_is_checked_with_it(project: Path) -> None:
    (project / "policy").rename(project / "privacy")
    (project / "pyproject.toml").write_text('[tool.policy-lint]\npaths = ["privacy"]\n', encoding="utf-8")
    code, out, _ = cli("check", "privacy/services/admissions.yaml", *SELECT)
    assert code == 0 and "in 1 file" in out


def test_a_file_in_no_folder_among_other_policy_files_stops_with_the_reason(project: Path) -> None:
    (project / "policy").rename(project / "privacy")
    code, out, err = cli("check", "privacy/services/admissions.yaml", *SELECT)
    assert (code, out) == (2, "")
    assert err.startswith("policy-lint: error: privacy/services/admissions.yaml refers to 'public-task', defined in ")
    assert "check the folder (policy-lint check privacy)" in err and "[tool.policy-lint] paths" in err


def test_a_file_alone_is_a_policy_of_its_own(project: Path) -> None:
    write(project / "other", {"single.yaml": POLICY["services/transport.yaml"]})
    code, out, _ = cli("check", "other/single.yaml", *SELECT)
    assert code == 1 and "REF001 error 'lawful_bases' refers to lawful basis 'nothing'" in out


def test_a_configuration_or_waiver_file_named_checks_the_whole_policy(project: Path) -> None:
    (project / "pyproject.toml").write_text("[tool.policy-lint]\n", encoding="utf-8")
    code, out, _ = cli("check", "pyproject.toml", *SELECT)
    assert code == 1 and "policy/services/transport.yaml:4:20: REF001" in out and "in 3 files" in out
    write(project / "policy", {"policy-waivers.yaml": "waivers: []\n"})
    code, out, _ = cli("check", "policy/policy-waivers.yaml", *SELECT)
    assert code == 1 and "in 3 files" in out


def test_a_folder_and_a_file_in_it_are_the_folder(project: Path) -> None:
    code, out, _ = cli("check", "policy", "policy/services/admissions.yaml", *SELECT)
    assert code == 1 and "in 3 files" in out, "the file is read once (no duplicate ids) and every finding shown"


def test_pre_commit_passes_the_changed_files(project: Path) -> None:
    """What `pass_filenames: true` does: the changed files, checked with their folder."""
    code, out, _ = cli("check", "policy/services/admissions.yaml", "policy/lawful-bases.yaml", *SELECT)
    assert code == 0 and "in 2 files" in out


def test_the_scope_of_paths(project: Path) -> None:
    where = scope(["policy/services/admissions.yaml"], ["policy"])
    assert (where.load, where.report, where.alone) == (["policy"], ["policy/services/admissions.yaml"], [])
    where = scope(["policy"], ["policy"])
    assert (where.load, where.report) == (["policy"], None)
    where = scope(["missing.yaml"], ["policy"])
    assert (where.load, where.report) == (["missing.yaml"], None), "the loader reports what does not exist"
