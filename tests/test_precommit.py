"""The pre-commit hook, run by the real pre-commit against a throwaway repository.

A snapshot of this checkout (committed or not) becomes the hook repository;
pre-commit installs it into its own virtualenv the way a user's machine does
(pip install of the repository), then a commit that adds a transfer resting on
the Privacy Shield is refused and the corrected commit goes through.
"""

from __future__ import annotations

import datetime as dt
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from support import ROOT

from linter import engine

pytestmark = pytest.mark.slow

POLICY = """\
controller:
  id: county-council
  name: County Council
  public_authority: true
processors:
  - id: redfern
    name: Redfern
    location: GB
transfers:
  - id: redfern-parent
    name: Redfern bookings seen by its US parent company
    exporter: county-council
    importer: redfern
    destination: US
    safeguard_copy: on request from the Data Protection Officer
"""
PRIVACY_SHIELD = POLICY + "    mechanism: privacy-shield\n"
IDTA = POLICY + "    mechanism: uk-idta\n    in_place_from: 2023-01-01\n"
#: the consuming repository lints only the transfer rules, so the example stays small
PYPROJECT = '[tool.policy-lint]\nselect = ["TRF"]\n'


def git(cwd: Path, *args: str, env: dict[str, str]) -> str:
    done = subprocess.run(["git", *args], cwd=cwd, env=env, capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    return done.stdout.strip()


@pytest.fixture(scope="module")
def env(tmp_path_factory: pytest.TempPathFactory) -> dict[str, str]:
    home = tmp_path_factory.mktemp("home")
    (home / ".gitconfig").write_text("[init]\n\tdefaultBranch = main\n", encoding="utf-8")
    return {
        **os.environ,
        "HOME": str(home),
        "GIT_CONFIG_GLOBAL": str(home / ".gitconfig"),
        "GIT_CONFIG_NOSYSTEM": "1",
        "GIT_AUTHOR_NAME": "Test",
        "GIT_AUTHOR_EMAIL": "test@example.org",
        "GIT_COMMITTER_NAME": "Test",
        "GIT_COMMITTER_EMAIL": "test@example.org",
        "PRE_COMMIT_HOME": str(home / "pre-commit-cache"),
        "PATH": os.pathsep.join([str(Path(sys.executable).parent), os.environ.get("PATH", "")]),
    }


def snapshot(target: Path, env: dict[str, str]) -> str:
    """Copy this checkout's files (tracked and new, not ignored) into a fresh
    repository at ``target`` and commit them; return the commit."""
    listed = subprocess.run(
        ["git", "ls-files", "-z", "--cached", "--others", "--exclude-standard"],
        cwd=ROOT,
        capture_output=True,
    )
    if listed.returncode == 0:
        for name in filter(None, listed.stdout.decode("utf-8").split("\0")):
            source = ROOT / name
            if source.is_file():
                (target / name).parent.mkdir(parents=True, exist_ok=True)
                shutil.copy2(source, target / name)
    else:  # not a git checkout (an unpacked archive)
        ignore = shutil.ignore_patterns(".git", ".venv", "*.egg-info", "__pycache__", ".*_cache", "build", "dist")
        shutil.copytree(ROOT, target, ignore=ignore, dirs_exist_ok=True)
    git(target, "init", "-q", env=env)
    git(target, "add", "-A", env=env)
    git(target, "commit", "-q", "-m", "snapshot", env=env)
    return git(target, "rev-parse", "HEAD", env=env)


def commit(repo: Path, env: dict[str, str], message: str) -> subprocess.CompletedProcess[str]:
    git(repo, "add", "-A", env=env)
    return subprocess.run(["git", "commit", "-m", message], cwd=repo, env=env, capture_output=True, text=True)


def test_manifest_and_this_repositorys_config_are_valid() -> None:
    for command, name in (
        ("validate-manifest", ".pre-commit-hooks.yaml"),
        ("validate-config", ".pre-commit-config.yaml"),
    ):
        done = subprocess.run(
            [sys.executable, "-m", "pre_commit", command, str(ROOT / name)], capture_output=True, text=True
        )
        assert done.returncode == 0, done.stdout + done.stderr


def test_the_examples_are_what_the_transfer_rules_say(tmp_path: Path) -> None:
    """Fast check of the fixtures, so that a rule change fails here, not after a slow install."""
    for text, expected in ((PRIVACY_SHIELD, True), (IDTA, False)):
        (tmp_path / "policy.yaml").write_text(text, encoding="utf-8")
        result = engine.run([str(tmp_path)], dt.date.today(), select=["TRF"])
        assert not result.load_errors
        assert any(f.rule == "TRF001" and f.field == "mechanism" for f in result.findings) is expected, result.findings
        assert all(f.rule == "TRF001" for f in result.findings)


def test_hook_refuses_a_privacy_shield_transfer_and_accepts_the_fix(tmp_path: Path, env: dict[str, str]) -> None:
    hooks = tmp_path / "policy-lint"
    hooks.mkdir()
    rev = snapshot(hooks, env)

    repo = tmp_path / "council"
    (repo / "policy").mkdir(parents=True)
    git(repo, "init", "-q", env=env)
    (repo / "pyproject.toml").write_text(PYPROJECT, encoding="utf-8")
    (repo / ".pre-commit-config.yaml").write_text(
        f"repos:\n  - repo: {hooks.as_posix()}\n    rev: {rev}\n    hooks:\n      - id: policy-lint\n",
        encoding="utf-8",
    )
    install = subprocess.run(
        [sys.executable, "-m", "pre_commit", "install"], cwd=repo, env=env, capture_output=True, text=True
    )
    assert install.returncode == 0, install.stdout + install.stderr

    (repo / "policy" / "transfers.yaml").write_text(PRIVACY_SHIELD, encoding="utf-8")
    refused = commit(repo, env, "Add the Redfern transfer")
    output = refused.stdout + refused.stderr
    assert refused.returncode != 0, output
    assert "policy-lint" in output and "Failed" in output
    assert "policy/transfers.yaml:" in output and "TRF001 error" in output
    assert "Privacy Shield" in output
    print(output)  # shown with -s: what the person committing sees

    (repo / "policy" / "transfers.yaml").write_text(IDTA, encoding="utf-8")
    accepted = commit(repo, env, "Add the Redfern transfer under the IDTA")
    output = accepted.stdout + accepted.stderr
    assert accepted.returncode == 0, output
    assert "policy-lint" in output and "Passed" in output
    assert git(repo, "log", "--format=%s", env=env) == "Add the Redfern transfer under the IDTA"
