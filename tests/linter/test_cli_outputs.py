"""Several outputs in one run: --format FORMAT[:FILE] and --output FILE."""

from __future__ import annotations

import json
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from support import cli, write

from linter import files
from linter.cli import _fold_outputs

BROKEN = "purposes:\n  - id: p\n    name: P\n    lawful_bases: [nothing]\n"
ARGS = ("--select", "REF001", "--as-of", "2026-11-24")


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    return write(tmp_path / "policy", BROKEN)


def test_output_follows_the_format_before_it(tmp_path: Path, folder: Path) -> None:
    sarif, junit = tmp_path / "out.sarif", tmp_path / "junit.xml"
    code, out, _ = cli(
        "check", str(folder), *ARGS, "--format", "sarif", "--output", str(sarif), "--format", "text",
        "--format", "junit", "-o", str(junit),
    )  # fmt: skip
    assert code == 1
    assert out.splitlines()[-1].startswith("FAIL: 1 error"), "text goes to standard output"
    assert json.loads(sarif.read_text(encoding="utf-8"))["version"] == "2.1.0"
    assert ET.fromstring(junit.read_text(encoding="utf-8")).tag == "testsuites"


def test_format_colon_file(tmp_path: Path, folder: Path) -> None:
    code, out, _ = cli("check", str(folder), *ARGS, "--format=json:" + str(tmp_path / "a.json"))
    assert code == 1 and out == ""
    assert json.loads((tmp_path / "a.json").read_text(encoding="utf-8"))["summary"]["errors"] == 1


def test_output_without_format_redirects_the_default(tmp_path: Path, folder: Path) -> None:
    code, out, _ = cli("check", str(folder), *ARGS, "-o", str(tmp_path / "lint.txt"))
    assert code == 1 and out == ""
    assert (tmp_path / "lint.txt").read_text(encoding="utf-8").splitlines()[-1].startswith("FAIL")


def test_fold_outputs() -> None:
    assert _fold_outputs(["--format", "sarif", "--output", "a", "--format=text"]) == [
        "--format", "sarif:a", "--format", "text",
    ]  # fmt: skip
    assert _fold_outputs(["-oa.txt", "x"]) == ["--output", "a.txt", "x"]
    assert _fold_outputs(["--", "--output", "a"]) == ["--", "--output", "a"]


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--format", "json", "--format", "sarif"], "would both go to standard output"),
        (["--format", "json:x.json", "--format", "sarif:x.json"], "two formats are written to the same file"),
        (["--format", "sarif:a.sarif", "--output", "b.sarif"], "the --format before it already has a file"),
        (["--output", "x.txt", "--format", "json"], "put each --output FILE after the --format it is for"),
        (["--format", "pdf"], "unknown format 'pdf'"),
        (["--format", "json:missing/x.json"], "folder 'missing' does not exist"),
        (["--format", "json:policy"], "is a folder, not a file"),
        (["--format", "json:out.yaml"], "reads .yaml/.yml files as policy"),
    ],
)
def test_bad_output_options_exit_two(
    tmp_path: Path, folder: Path, monkeypatch: pytest.MonkeyPatch, args: list[str], message: str
) -> None:
    monkeypatch.chdir(tmp_path)
    code, out, err = cli("check", "policy", *ARGS, *args)
    assert code == 2 and out == ""
    assert message in err


def test_output_never_replaces_an_input(tmp_path: Path, folder: Path) -> None:
    baseline = tmp_path / "baseline.json"
    assert cli("baseline", str(folder), *ARGS, "-o", str(baseline))[0] == 0
    before = baseline.read_bytes()
    code, _, err = cli("check", str(folder), *ARGS, "--baseline", str(baseline), "--format", f"json:{baseline}")
    assert code == 2 and "is one of the files this run reads" in err
    assert baseline.read_bytes() == before


def test_unwritable_output_exits_two(tmp_path: Path, folder: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse(path: object, text: str, durable: bool = True) -> None:
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(files, "write_atomic", refuse)  # commands.write imports it when it writes
    code, _, err = cli("check", str(folder), *ARGS, "--format", f"json:{tmp_path / 'x.json'}")
    assert code == 2 and "cannot write: Permission denied" in err


def test_no_colour_when_not_a_terminal(folder: Path) -> None:
    _, out, _ = cli("check", str(folder), *ARGS)
    assert "\x1b[" not in out


def test_one_cause_is_one_finding_listing_what_it_affects_in_every_format() -> None:
    import datetime as dt

    from linter.engine import Result
    from linter.findings import Finding, Related, Severity
    from linter.gate import Summary
    from linter.model import Policy
    from linter.output import FORMATS, render

    related = (Related("service:a", "p.yaml", 3, 5), Related("service:b", "p.yaml", 9, 5))
    finding = Finding(
        "LAW012",
        Severity.WARNING,
        "bases stated once",
        "p.yaml",
        1,
        1,
        "notice:n",
        "notice_wide",
        "Art 13",
        "fix",
        related=related,
    )
    bare = Finding("LAW012", Severity.WARNING, "bases stated once", "p.yaml", 1, 1, "notice:n", "notice_wide", "c", "f")
    assert finding.fingerprint == bare.fingerprint  # the affected entities are not part of it
    from checks.registry import RULES

    result = Result([finding], Policy(), [RULES["LAW012"]], dt.date(2026, 11, 24))
    summary = Summary.of(result, Severity.ERROR)
    for name in FORMATS:
        text = render(name, result, summary)
        assert "service:a" in text and "service:b" in text, name
    assert render("text", result, summary).splitlines()[1] == "    affects 2: service:a, service:b"
    assert finding.to_dict()["related"][1] == {"entity": "service:b", "file": "p.yaml", "line": 9, "column": 5}
