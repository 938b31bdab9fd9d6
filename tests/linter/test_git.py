"""linter.git: reading a repository through plumbing that cannot run anything
the repository configures (the hostile configuration itself is tested in
tests/hostile/test_hostile.py)."""

from __future__ import annotations

import os
import subprocess
from pathlib import Path

import pytest

from linter import git


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    folder = tmp_path / "repo"
    (folder / "policy" / "services").mkdir(parents=True)
    (folder / "policy" / "a.yaml").write_text("sources: []\n", encoding="utf-8")
    (folder / "policy" / "services" / "b.yaml").write_text("services: []\n", encoding="utf-8")
    (folder / "README").write_text("not policy\n", encoding="utf-8")
    os.symlink("a.yaml", folder / "policy" / "link.yaml")
    env = {**os.environ, "GIT_AUTHOR_NAME": "t", "GIT_AUTHOR_EMAIL": "t@e"}
    env |= {"GIT_COMMITTER_NAME": "t", "GIT_COMMITTER_EMAIL": "t@e"}
    for args in (["init", "-q"], ["add", "."], ["commit", "-qm", "one"]):
        subprocess.run(["git", *args], cwd=folder, env=env, check=True, capture_output=True)
    return folder


def test_top_and_commit(repo: Path) -> None:
    assert git.top(repo / "policy" / "services") == repo.resolve()
    full = git.commit(repo)
    assert len(full) == 40 and full.startswith(git.commit(repo, short=True))


def test_files_at_a_revision_and_their_content(repo: Path) -> None:
    files = {file.path: file for file in git.files_at(repo, "HEAD", ["policy"])}
    assert sorted(files) == ["policy/a.yaml", "policy/link.yaml", "policy/services/b.yaml"]
    assert files["policy/link.yaml"].mode == git.SYMLINK_MODE
    blob = git.read_blob(repo, files["policy/a.yaml"].oid)
    assert blob == b"sources: []\n"
    assert git.blob_id(blob, files["policy/a.yaml"].oid) == files["policy/a.yaml"].oid
    assert git.read_blob(repo, files["policy/link.yaml"].oid) == b"a.yaml"
    assert len(git.files_at(repo, "HEAD")) == 4


def test_budgets_on_what_git_says(repo: Path) -> None:
    oid = git.files_at(repo, "HEAD", ["policy/a.yaml"])[0].oid
    with pytest.raises(git.GitError, match="larger than the 5-byte limit"):
        git.read_blob(repo, oid, limit=5)
    with pytest.raises(git.GitError, match="more than 2 files"):
        git.files_at(repo, "HEAD", limit=2)


@pytest.mark.parametrize("revision", ["--output=/tmp/x", "-h"])
def test_an_option_is_never_taken_for_a_revision(repo: Path, revision: str) -> None:
    with pytest.raises(git.GitError, match="not a revision"):
        git.commit(repo, revision)
    with pytest.raises(git.GitError, match="not a revision"):
        git.files_at(repo, revision)


def test_only_object_ids_are_read(repo: Path) -> None:
    with pytest.raises(git.GitError, match="not an object id"):
        git.read_blob(repo, "HEAD:policy/a.yaml")


def test_outside_a_repository_and_without_git(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    with pytest.raises(git.GitError):
        git.top(tmp_path)
    monkeypatch.setenv("PATH", str(tmp_path))
    with pytest.raises(git.GitError, match="cannot run git"):
        git.top(tmp_path)


def test_the_callers_git_variables_are_not_passed_on(
    repo: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """``GIT_DIR`` (or ``GIT_CONFIG_*``) in the environment cannot point git
    at another repository or configuration."""
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    monkeypatch.setenv("GIT_DIR", str(elsewhere))
    monkeypatch.setenv("GIT_CONFIG_COUNT", "1")
    monkeypatch.setenv("GIT_CONFIG_KEY_0", "core.fsmonitor")
    monkeypatch.setenv("GIT_CONFIG_VALUE_0", f"touch {tmp_path / 'ran'}")
    assert git.top(repo) == repo.resolve()
    assert not (tmp_path / "ran").exists()


def test_several_files_read_at_once(repo: Path) -> None:
    files = git.files_at(repo, "HEAD", ["policy"])
    regular = [file for file in files if file.mode != git.SYMLINK_MODE]
    contents = git.read_blobs(repo, [file.oid for file in regular])
    assert dict(zip((file.path for file in regular), contents, strict=True)) == {
        "policy/a.yaml": b"sources: []\n",
        "policy/services/b.yaml": b"services: []\n",
    }
    assert git.read_blobs(repo, []) == []
    with pytest.raises(git.GitError, match="within the 5-byte limit"):
        git.read_blobs(repo, [file.oid for file in regular], limit=5)
    with pytest.raises(git.GitError, match="not an object id"):
        git.read_blobs(repo, ["HEAD"])
