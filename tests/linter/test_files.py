"""Atomic writes: a reader sees the old file or the new one, never half of one."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from linter import files
from linter.files import output_problem, write_atomic


def test_replaces_the_file_and_leaves_no_temporary(tmp_path: Path) -> None:
    target = tmp_path / "report.sarif"
    target.write_text("old", encoding="utf-8")
    target.chmod(0o640)
    write_atomic(target, "new\n")
    assert target.read_text(encoding="utf-8") == "new\n"
    assert target.stat().st_mode & 0o777 == 0o640, "an existing file keeps its permissions"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["report.sarif"]


def test_a_failed_write_keeps_the_old_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    target = tmp_path / "report.sarif"
    target.write_text("old", encoding="utf-8")

    def fail(*args: object) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(files.os, "replace", fail)
    with pytest.raises(OSError, match="No space"):
        write_atomic(target, "new")
    assert target.read_text(encoding="utf-8") == "old"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["report.sarif"]


def test_new_file_gets_the_usual_permissions(tmp_path: Path) -> None:
    mask = os.umask(0o022)
    try:
        write_atomic(tmp_path / "new.json", "{}")
    finally:
        os.umask(mask)
    assert (tmp_path / "new.json").stat().st_mode & 0o777 == 0o644


def test_output_problem(tmp_path: Path) -> None:
    (tmp_path / "policy.yaml").write_text("a: 1\n", encoding="utf-8")
    assert output_problem(tmp_path / "out.json", []) is None
    assert output_problem(tmp_path / "out.json", [tmp_path / "out.json"]) is not None
    assert "is a folder" in (output_problem(tmp_path, []) or "")


def test_an_output_is_refused_over_a_file_read_under_another_name(tmp_path: Path) -> None:
    (tmp_path / "policy").mkdir()
    read = tmp_path / "policy" / "notes.json"
    read.write_text("{}", encoding="utf-8")
    os.symlink(tmp_path / "policy", tmp_path / "linked")
    os.link(read, tmp_path / "hard.json")
    for target in (read, tmp_path / "linked" / "notes.json", tmp_path / "hard.json"):
        assert "is one of the files this run reads" in (output_problem(target, [read]) or ""), target
    assert output_problem(tmp_path / "other.json", [read]) is None
    # a file named but not there yet (a baseline to come) is compared by its name
    assert output_problem(tmp_path / "linked" / "new.json", [tmp_path / "policy" / "new.json"]) is not None


def test_only_regular_files_are_replaced(tmp_path: Path) -> None:
    os.mkfifo(tmp_path / "fifo")
    os.symlink("elsewhere", tmp_path / "link")
    for name, expected in (("fifo", "is a FIFO"), ("link", "is a symbolic link")):
        with pytest.raises(files.OutputError, match=expected):
            write_atomic(tmp_path / name, "new")
        assert expected in (output_problem(tmp_path / name, []) or "")
    assert "is a folder" in (files._not_regular((tmp_path).stat().st_mode) or "")


def test_stale_temporary_files(tmp_path: Path) -> None:
    mine = tmp_path / f".out.json.policy-lint.{os.getpid()}.a.tmp"
    odd = tmp_path / ".out.json.policy-lint.not-a-pid.tmp"
    huge = tmp_path / f".out.json.policy-lint.{10**30}.b.tmp"
    for path in (mine, odd, huge):
        path.write_text("x", encoding="utf-8")
    files.remove_stale(tmp_path, "out.json")
    files.remove_stale(tmp_path / "missing", "out.json")  # an unusable folder is left for the write to report
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted([mine.name, odd.name, huge.name])


def test_a_write_from_another_thread_handles_no_signals(tmp_path: Path) -> None:
    import threading

    thread = threading.Thread(target=write_atomic, args=(tmp_path / "out.json", "{}"))
    thread.start()
    thread.join()
    assert (tmp_path / "out.json").read_text(encoding="utf-8") == "{}"


def test_a_broken_standard_output(monkeypatch: pytest.MonkeyPatch) -> None:
    def echo(*args: object, **kwargs: object) -> None:
        raise OSError(32, "Broken pipe")

    monkeypatch.setattr(files.click, "echo", echo)
    with pytest.raises(files.OutputError, match="cannot write to standard output: Broken pipe"):
        files.write_stdout("text")
