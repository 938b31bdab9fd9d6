"""`check` starts fast: it never imports Jinja2, the report code or unused formats."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from support import ROOT, write

#: runs the CLI in a fresh interpreter and writes the modules it imported to argv[1]
PROBE = """
import sys
from linter.cli import main
out, args = sys.argv[1], sys.argv[2:]
try:
    main(args)
except SystemExit:
    pass
with open(out, "w", encoding="utf-8") as stream:
    stream.write("\\n".join(sorted(sys.modules)))
"""


def imported(tmp_path: Path, *args: str) -> set[str]:
    listing = tmp_path / "modules.txt"
    subprocess.run([sys.executable, "-c", PROBE, str(listing), *args], cwd=tmp_path, check=True, capture_output=True)
    return set(listing.read_text(encoding="utf-8").split())


@pytest.fixture
def policy(tmp_path: Path) -> Path:
    return write(tmp_path / "policy", "purposes:\n  - id: p\n    name: P\n    lawful_bases: [nothing]\n")


def test_check_imports_neither_jinja2_nor_report_code(tmp_path: Path, policy: Path) -> None:
    modules = imported(tmp_path, "check", str(policy), "--as-of", "2026-11-24")
    assert "linter.engine" in modules, "the probe ran check"
    assert not {m for m in modules if m == "jinja2" or m.startswith(("jinja2.", "markupsafe"))}
    assert not {m for m in modules if m == "reports" or m.startswith("reports.")}
    assert not {"linter.output.sarif", "linter.output.junit", "xml.etree.ElementTree", "tomllib"} & modules


def test_check_of_the_shipped_policy_imports_no_jinja2(tmp_path: Path) -> None:
    modules = imported(tmp_path, "check", str(ROOT / "policy"), "--format", f"sarif:{tmp_path / 'x.sarif'}")
    assert "linter.output.sarif" in modules
    assert "jinja2" not in modules and "reports" not in modules


TRACE_MODULES = {"linter.tracing", "linter.noticetext", "html", "html.parser"}


@pytest.mark.parametrize("args", [["--help"], ["rules"], ["explain", "TRF001"], ["check", "--help"]])
def test_commands_other_than_trace_import_no_tracing_code(tmp_path: Path, args: list[str]) -> None:
    modules = imported(tmp_path, *args)
    assert "linter.cli" in modules, "the probe ran the command"
    assert not TRACE_MODULES & modules


def test_trace_imports_the_tracing_code_and_no_report_code(tmp_path: Path, policy: Path) -> None:
    notice = tmp_path / "notice.html"
    notice.write_text("<h1>Privacy</h1><p>We hold your name.</p>", encoding="utf-8")
    modules = imported(tmp_path, "trace", str(notice), str(policy))
    assert {"linter.tracing", "linter.noticetext", "html.parser"} <= modules
    assert "jinja2" not in modules and "reports" not in modules


def test_knowledge_imports_neither_the_loader_nor_the_model_nor_cerberus(tmp_path: Path) -> None:
    modules = imported(tmp_path, "knowledge", "adequacy")
    assert "checks.facts" in modules, "the probe ran knowledge"
    assert not {"linter.loader", "linter.model", "linter.schema", "linter.engine", "cerberus"} & modules
    assert not {m for m in modules if m.startswith(("checks.registry", "jinja2", "reports"))}


ENGINE_MODULES = {"linter.loader", "linter.model", "linter.schema", "linter.build", "linter.engine", "cerberus", "yaml"}


@pytest.mark.parametrize(
    "args", [["--help"], ["rules"], ["rules", "--format", "json"], ["explain", "TRF001"], ["explain", "RET"]]
)
def test_help_rules_and_explain_import_neither_the_engine_nor_the_rule_modules(tmp_path: Path, args: list[str]) -> None:
    modules = imported(tmp_path, *args)
    assert "linter.cli" in modules, "the probe ran the command"
    assert not ENGINE_MODULES & modules
    assert not {m for m in modules if m.startswith(("checks.registry", "checks.facts", "jinja2", "reports"))}
    # nor the configuration and the commands that lint: the catalogue's pages need neither
    assert not {"linter.commands", "linter.config", "linter.inputs"} & modules
    if args[0] != "--help":
        assert "checks.catalogue" in modules, "the rules came from the index"
