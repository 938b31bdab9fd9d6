"""The pytest plugin: a policy folder collected as one test per rule (opt-in)."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from importlib.metadata import entry_points

import pytest

pytest_plugins = ["pytester"]

BROKEN = "purposes:\n  - id: p\n    name: P\n    lawful_bases: [nothing]\n"
CLEAN = "sources:\n  - id: s\n    name: S\n"
WAIVER = (
    "waivers:\n  - rule: REF001\n    entity: purpose:p\n    field: lawful_bases\n"
    "    reason: agreed\n    owner: DPO\n    expires: 2027-01-31\n"
)
#: keep the runs small: the rules these tests are about
CONFIG = '[tool.policy-lint]\nselect = ["REF001", "WVR"]\n'


#: plugins the inner runs do not need (Hypothesis alone takes half a second to import)
QUIET = ("-p", "no:hypothesispytest", "-p", "no:cacheprovider")


def run(project: pytest.Pytester, *args: str) -> pytest.RunResult:
    return project.runpytest(*QUIET, *args)


@pytest.fixture
def project(pytester: pytest.Pytester) -> pytest.Pytester:
    pytester.makefile(".toml", pyproject=CONFIG)
    policy = pytester.mkdir("policy")
    (policy / "purposes.yaml").write_text(BROKEN, encoding="utf-8")
    pytester.makepyfile(test_unit="def test_ok():\n    assert True\n")
    return pytester


def test_registered_as_a_pytest11_entry_point() -> None:
    (entry,) = [e for e in entry_points(group="pytest11") if e.value == "linter.pytest_plugin"]
    assert entry.name == "policy-lint"


def test_one_item_per_rule_named_by_rule_id(project: pytest.Pytester) -> None:
    result = run(project, "--policy-lint", "policy", "--collect-only", "-q")
    assert result.ret == 0
    assert [line for line in result.outlines if "::" in line] == [
        "policy::REF001",
        "policy::WVR001",
        "policy::WVR002",
        "policy::WVR003",
        "policy::WVR004",
        "policy::WVR005",
    ]


def test_failing_rule_lists_its_findings(project: pytest.Pytester) -> None:
    result = run(project, "--policy-lint", "policy", "--policy-lint-as-of", "2026-11-24")
    result.assert_outcomes(failed=1, passed=5)
    result.stdout.fnmatch_lines(
        [
            "*REF001 Reference to an id that is not defined",
            "policy/purposes.yaml:4:20: REF001 error 'lawful_bases' refers to lawful basis 'nothing'*",
            "Citation: *",
            "FAILED policy::REF001*",
        ]
    )


def test_idle_without_the_option(project: pytest.Pytester) -> None:
    result = run(project)
    result.assert_outcomes(passed=1)
    assert "REF001" not in result.stdout.str()


def test_ini_option_names_policy_folders(project: pytest.Pytester) -> None:
    project.makeini("[pytest]\ntestpaths = policy test_unit.py\npolicy_lint_paths = policy\n")
    result = run(project)
    result.assert_outcomes(failed=1, passed=6)


def test_as_of_decides_whether_a_waiver_holds(project: pytest.Pytester) -> None:
    (project.path / "policy" / "policy-waivers.yaml").write_text(WAIVER, encoding="utf-8")
    held = run(project, "--policy-lint", "policy", "--policy-lint-as-of", "2027-01-31")
    held.assert_outcomes(passed=6)
    lapsed = run(project, "--policy-lint", "policy", "--policy-lint-as-of", "2027-02-01")
    lapsed.assert_outcomes(failed=1, passed=5)
    lapsed.stdout.fnmatch_lines(["FAILED policy::REF001*"])


def test_fail_on_warning(project: pytest.Pytester) -> None:
    (project.path / "policy" / "purposes.yaml").write_text(CLEAN, encoding="utf-8")
    (project.path / "policy" / "policy-waivers.yaml").write_text(WAIVER, encoding="utf-8")  # stale: a warning
    run(project, "--policy-lint", "policy").assert_outcomes(passed=6)
    result = run(project, "--policy-lint", "policy", "--policy-lint-fail-on", "warning")
    result.assert_outcomes(failed=1, passed=5)
    result.stdout.fnmatch_lines(["FAILED policy::WVR002*"])


def test_junitxml_gates_on_the_policy(project: pytest.Pytester) -> None:
    result = run(project, "--policy-lint", "policy", "--junitxml=policy.xml")
    assert result.ret == pytest.ExitCode.TESTS_FAILED
    cases = {case.get("name"): case for case in ET.parse(project.path / "policy.xml").iter("testcase")}
    assert set(cases) == {"REF001", "WVR001", "WVR002", "WVR003", "WVR004", "WVR005"}
    failure = cases["REF001"].find("failure")
    assert failure is not None and "policy/purposes.yaml:4:20" in (failure.text or "")


def test_unusable_policy_is_a_collection_error(project: pytest.Pytester) -> None:
    (project.path / "policy" / "purposes.yaml").write_text("a: [\n", encoding="utf-8")
    result = run(project, "--policy-lint", "policy")
    assert result.ret == pytest.ExitCode.INTERRUPTED
    result.stdout.fnmatch_lines(["*policy/purposes.yaml:2:1: error: invalid YAML*"])


def test_bad_as_of_is_a_usage_error(project: pytest.Pytester) -> None:
    result = run(project, "--policy-lint", "policy", "--policy-lint-as-of", "soon")
    assert result.ret == pytest.ExitCode.USAGE_ERROR
    result.stderr.fnmatch_lines(["*--policy-lint-as-of: 'soon' is not a date*"])
