"""`policy-lint trace NOTICE [PATHS]`: output, exit codes and unusable input."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from support import cli, write

NOTICE = """\
Privacy notice

Who we share it with

We share your details with the police and the courts when the law requires it.

  \u2022 schools
  \u2022 the \u2018local\u2019 NHS

Cookies

This site uses cookies.
"""

POLICY = """\
notice:
  id: n
  name: Privacy notice
  trace: {section: Privacy notice, quote: Privacy notice}
  trace_ignore:
    - quote: This site uses cookies.
      reason: The website's cookie banner, not processing of personal data.
    - quote: Cookies
      reason: Heading of the cookie banner.
recipients:
  - id: police
    name: the police
    role: public-body
    trace:
      section: Who we share it with
      quote: >-
        We share your details with the police and the courts
  - id: schools
    name: schools
    role: independent-controller
    trace: {section: Who we share it with, quote: schools}
  - id: nhs
    name: NHS
    role: public-body
    trace: {section: Who we share it with, quote: "the 'local' NHS"}
"""


@pytest.fixture
def project(tmp_path: Path) -> Path:
    write(tmp_path / "policy", POLICY)
    (tmp_path / "notice.txt").write_text(NOTICE, encoding="utf-8")
    return tmp_path


def test_a_fully_traced_notice_exits_zero(project: Path) -> None:
    code, out, err = cli("trace", str(project / "notice.txt"), str(project / "policy"))
    assert (code, err) == (0, "")
    assert out == (
        f"pass: 0 untraced, 0 stale (7 units of {project / 'notice.txt'}: 5 traced, 2 ignored; "
        "4 quotes and 2 ignore entries in 1 policy file)\n"
    )


def test_paths_default_to_the_configured_policy_folder(project: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (project / "policy").rename(project / "docs-policy")
    (project / "pyproject.toml").write_text('[tool.policy-lint]\npaths = ["docs-policy"]\n', encoding="utf-8")
    monkeypatch.chdir(project)
    code, out, _ = cli("trace", "notice.txt")
    assert code == 0, out
    assert out.startswith("pass: 0 untraced, 0 stale (7 units of notice.txt")


def test_untraced_statements_and_stale_quotes_exit_one(project: Path) -> None:
    notice = NOTICE.replace("and the courts", "and the tribunals") + "\nWe keep it for six years.\n"
    (project / "notice.txt").write_text(notice, encoding="utf-8")
    code, out, err = cli("trace", str(project / "notice.txt"), str(project / "policy"))
    assert (code, err) == (1, "")
    file = project / "notice.txt"
    policy = project / "policy" / "policy.yaml"
    assert out.splitlines() == [
        f"{file}:5: untraced sentence: We share your details with the police and the tribunals when the law "
        "requires it.",
        f"{file}:14: untraced sentence: We keep it for six years.",
        f"{policy}:16:7: stale quote of recipient:police (trace.quote): "
        "'We share your details with the police and the courts' is not in the notice",
        f"FAIL: 2 untraced, 1 stale (8 units of {file}: 4 traced, 2 ignored; "
        "4 quotes and 2 ignore entries in 1 policy file)",
    ]


def test_an_ignore_entry_that_matches_nothing_is_stale(project: Path) -> None:
    (project / "notice.txt").write_text(NOTICE.replace("This site uses cookies.", ""), encoding="utf-8")
    code, out, _ = cli("trace", str(project / "notice.txt"), str(project / "policy"))
    assert code == 1
    assert f"{project / 'policy' / 'policy.yaml'}:6:7: stale trace ignore of notice:n (trace_ignore[0]): " in out
    assert "'This site uses cookies.' matches nothing in the notice" in out


def test_json_output(project: Path) -> None:
    (project / "notice.txt").write_text(NOTICE + "\nWe keep it for six years.\n", encoding="utf-8")
    code, out, _ = cli("trace", str(project / "notice.txt"), str(project / "policy"), "--format", "json")
    assert code == 1
    document = json.loads(out)
    assert document["notice"] == {"file": str(project / "notice.txt"), "format": "text"}
    assert [(u["line"], u["text"]) for u in document["untraced"]] == [(14, "We keep it for six years.")]
    assert document["stale"] == []
    assert [u["status"] for u in document["units"]] == [
        "traced",
        "traced",
        "traced",
        "traced",
        "traced",
        "ignored",
        "ignored",
        "untraced",
    ]
    assert document["summary"]["ok"] is False
    assert document["summary"]["untraced"] == 1


def test_markdown_and_html_notices(project: Path) -> None:
    (project / "notice.md").write_text(
        "# Privacy notice\n\n## Who we share it with\n\nWe share your details with the police and the courts\n"
        "when the law requires it.\n\n- schools\n- the \u2018local\u2019 NHS\n\n"
        "## Cookies\n\nThis site uses cookies.\n",
        encoding="utf-8",
    )
    (project / "notice.html").write_text(
        "<html><head><style>h1 {}</style></head><body><h1>Privacy notice</h1><h2>Who we share it with</h2>"
        "<p>We share your details with the police and the courts when the law requires it.</p>"
        "<ul><li>schools</li><li>the &lsquo;local&rsquo; NHS</li></ul><script>track('Cookies')</script>"
        "<h2>Cookies</h2><p>This site uses cookies.</p></body></html>",
        encoding="utf-8",
    )
    for name in ("notice.md", "notice.html"):
        code, out, _ = cli("trace", str(project / name), str(project / "policy"))
        assert code == 0, out
        assert "7 units" in out


def test_a_policy_with_schema_problems_still_traces_what_it_can(project: Path) -> None:
    broken = POLICY.replace("    role: public-body\n    trace:\n", "    role: nonsense\n    colour: red\n    trace:\n")
    write(project / "policy", broken)
    code, out, err = cli("trace", str(project / "notice.txt"), str(project / "policy"))
    assert (code, err) == (0, ""), out


@pytest.mark.parametrize(
    ("notice", "message"),
    [
        ("https://example.org/privacy-notice", "https://example.org/privacy-notice: is a URL"),
        ("missing.txt", "missing.txt: no such file"),
        ("folder", "folder: is a folder, not a notice file"),
        ("binary.txt", "binary.txt: is a binary file"),
        ("latin1.txt", "latin1.txt:2: is not UTF-8 text"),
    ],
)
def test_an_unusable_notice_is_one_line_and_exit_two(
    project: Path, monkeypatch: pytest.MonkeyPatch, notice: str, message: str
) -> None:
    monkeypatch.chdir(project)
    (project / "folder").mkdir()
    (project / "binary.txt").write_bytes(bytes(range(256)) * 4)
    (project / "latin1.txt").write_bytes("Privacy\nCaf\u00e9\n".encode("latin-1"))
    code, out, err = cli("trace", notice, "policy")
    assert (code, out) == (2, "")
    assert err == f"policy-lint: error: {message}" + err.split(message, 1)[1]
    assert len(err.splitlines()) == 1


def test_an_unusable_policy_is_one_line_per_file_and_exit_two(project: Path) -> None:
    (project / "policy" / "bad.yaml").write_text("recipients: [\n", encoding="utf-8")
    code, out, err = cli("trace", str(project / "notice.txt"), str(project / "policy"))
    assert (code, out) == (2, "")
    assert err.startswith(f"{project / 'policy' / 'bad.yaml'}:") and len(err.splitlines()) == 1
    code, _, err = cli("trace", str(project / "notice.txt"), str(project / "no-such-folder"))
    assert code == 2 and len(err.splitlines()) == 1


def test_a_notice_with_a_huge_line_gives_findings(project: Path) -> None:
    (project / "huge.txt").write_text("x" * 3_000_000 + " The end.\n", encoding="utf-8")
    code, out, err = cli("trace", str(project / "huge.txt"), str(project / "policy"))
    assert (code, err) == (1, "")
    assert out.splitlines()[0].startswith(f"{project / 'huge.txt'}:1: untraced sentence: xxxx")


def test_a_deeply_nested_html_notice_gives_findings(project: Path) -> None:
    page = "<div>" * 50_000 + "<p>Deep text.</p>" + "</div>" * 50_000
    (project / "deep.html").write_text(page, encoding="utf-8")
    code, out, _ = cli("trace", str(project / "deep.html"), str(project / "policy"))
    assert code == 1
    assert out.splitlines()[0] == f"{project / 'deep.html'}:1: untraced sentence: Deep text."


def test_trace_is_listed_in_help() -> None:
    code, out, _ = cli("--help")
    assert code == 0 and "trace" in out
    code, out, _ = cli("trace", "--help")
    assert code == 0 and "NOTICE" in out and "untraced" in out
