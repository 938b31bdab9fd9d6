"""[tool.policy-lint] in pyproject.toml: found upward, overridden by options."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from support import cli, write

from linter.config import OutputSpec, find, parse_output, resolve
from linter.findings import Severity

BROKEN = "purposes:\n  - id: p\n    name: P\n    lawful_bases: [nothing]\n"


@pytest.fixture
def project(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A repository with its policy in docs/policy and a sub-folder as the working directory."""
    write(tmp_path / "docs" / "policy", BROKEN)
    (tmp_path / "pyproject.toml").write_text(
        '[project]\nname = "council"\n\n'
        "[tool.policy-lint]\n"
        'paths = ["docs/policy"]\n'
        'select = ["REF001"]\n'
        'fail-on = "warning"\n',
        encoding="utf-8",
    )
    (tmp_path / "sub").mkdir()
    monkeypatch.chdir(tmp_path / "sub")
    return tmp_path


def test_found_by_searching_upward(project: Path) -> None:
    found = find()
    assert found is not None
    path, table = found
    assert path == project / "pyproject.toml"
    assert table["select"] == ["REF001"]


def test_paths_are_relative_to_the_file(project: Path) -> None:
    settings = resolve({})
    assert settings.paths == [str(Path("..") / "docs" / "policy")]
    assert settings.fail_on is Severity.WARNING
    assert settings.sources["paths"] == f"{Path('..') / 'pyproject.toml'} [tool.policy-lint]"


def test_check_uses_the_configuration(project: Path) -> None:
    code, out, _ = cli("check", "--as-of", "2026-11-24")
    assert code == 1
    assert out.splitlines()[0].startswith(f"{Path('..') / 'docs' / 'policy' / 'policy.yaml'}:4:20: REF001 error")
    assert "(1 rule, as of 2026-11-24, failing on warning)" in out


def test_command_line_wins(project: Path) -> None:
    write(project / "sub" / "other", "sources:\n  - id: s\n    name: S\n")
    code, out, _ = cli("check", "other", "--fail-on", "error", "--select", "SCH", "--as-of", "2026-11-24")
    assert code == 0
    assert "in 1 file" in out and "failing on error" in out


def test_config_command_shows_values_and_sources(project: Path) -> None:
    code, out, _ = cli("config", "--ignore", "REF002", "--format", "json:out.json")
    assert code == 0
    lines = {line.split("=")[0].strip(): line for line in out.splitlines()[1:]}
    assert out.splitlines()[0] == f"config file: {Path('..') / 'pyproject.toml'}"
    assert lines["select"].split("#")[1].strip() == f"{Path('..') / 'pyproject.toml'} [tool.policy-lint]"
    assert '["REF001"]' in lines["select"]
    assert lines["ignore"].endswith("# command line") and '["REF002"]' in lines["ignore"]
    assert lines["format"].endswith("# command line") and '["json:out.json"]' in lines["format"]
    assert lines["baseline"].endswith("# default")


def test_a_pyproject_without_the_table_is_passed_over(project: Path) -> None:
    (project / "sub" / "pyproject.toml").write_text("[tool.ruff]\nline-length = 100  # not policy-lint\n")
    found = find()
    assert found is not None and found[0] == project / "pyproject.toml"


def test_no_configuration_means_defaults(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    settings = resolve({})
    assert settings.file is None
    assert (settings.paths, settings.fail_on, settings.outputs) == (["policy"], Severity.ERROR, [OutputSpec("text")])


def test_formats_and_files_from_the_configuration(project: Path) -> None:
    with (project / "pyproject.toml").open("a", encoding="utf-8") as stream:
        stream.write('format = ["text", "json:reports/lint.json"]\n')
    (project / "reports").mkdir()
    code, out, _ = cli("check", "--as-of", "2026-11-24")
    assert code == 1 and out.splitlines()[-1].startswith("FAIL")
    document = json.loads((project / "reports" / "lint.json").read_text(encoding="utf-8"))
    assert [f["rule"] for f in document["findings"]] == ["REF001"]


@pytest.mark.parametrize(
    ("table", "message"),
    [
        (
            'fail_on = "warning"\n',
            "pyproject.toml:2: [tool.policy-lint] unknown key 'fail_on'; did you mean 'fail-on'?",
        ),
        (
            'fail-on = "fatal"\n',
            "pyproject.toml:2: [tool.policy-lint] fail-on must be one of info, warning, error, not 'fatal'",
        ),
        ("select = 3\n", "pyproject.toml:2: [tool.policy-lint] select must be text or a list of text"),
        ('format = ["pdf"]\n', "pyproject.toml:2: [tool.policy-lint] format unknown format 'pdf'"),
        ("fail-on = warning\n", "pyproject.toml:2:11: invalid TOML: Invalid value"),
    ],
)
def test_invalid_configuration_is_one_line_exit_two(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, table: str, message: str
) -> None:
    (tmp_path / "pyproject.toml").write_text("[tool.policy-lint]\n" + table, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    for command in ("check", "config"):
        code, out, err = cli(command)
        assert code == 2 and out == ""
        (line,) = err.strip().splitlines()
        assert line.startswith(f"policy-lint: error: {message}"), line


def test_output_spec_parsing() -> None:
    assert parse_output("SARIF:out/x.sarif") == OutputSpec("sarif", "out/x.sarif")
    assert parse_output("text") == OutputSpec("text")
    assert str(OutputSpec("junit", "j.xml")) == "junit:j.xml"
    with pytest.raises(ValueError, match="names no file"):
        parse_output("json:")
