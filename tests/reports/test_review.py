"""The report's review sections: changes since the last sign-off, actions by owner,
and contents that match the headings."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from policy_versions import after as _after
from policy_versions import before as _before
from policy_versions import git, signed_repository
from support import AS_OF, cli

from linter import engine
from linter.findings import Severity
from linter.gate import Summary
from reports import html, review
from reports.actions import ActionRow

SIGNOFF = "policy-signoff.yaml"


def _report(folder: Path, out: Path, *extra: str) -> str:
    code, _, err = cli("report", str(folder), "-o", str(out), "--as-of", AS_OF.isoformat(), *extra)
    assert code == 0, err
    return out.read_text(encoding="utf-8")


def _section(page: str, ident: str) -> str:
    start = page.index(f'<section id="{ident}"')
    return page[start : page.index("</section>", start)]


def _fingerprints(folder: Path) -> list[str]:
    return sorted({finding.fingerprint for finding in engine.run([str(folder)], AS_OF).findings})


@pytest.fixture
def signed_repo(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A policy signed off at v1 (all its findings accepted), then changed."""
    root = tmp_path / "repo"
    policy = signed_repository(root, "v1")
    accepted = "".join(f"      - {fingerprint}\n" for fingerprint in _fingerprints(policy))
    (policy / SIGNOFF).write_text(
        "signoffs:\n  - signed_by: Jane Smith, DPO\n    date: 2026-09-01\n    revision: v1\n"
        f"    decision: approved-with-actions\n    note: Fix the US transfer.\n    accepted:\n{accepted}",
        encoding="utf-8",
    )
    for path in (policy / "processors.yaml", policy / "services.yaml"):
        path.unlink()
    _after(root / "policy")
    # a new problem since the sign-off: a processor with no contract
    with (policy / "processors.yaml").open("a", encoding="utf-8") as stream:
        stream.write("  - {id: nocontract, name: No Contract Ltd, location: GB}\n")
    git(root, "add", ".")
    git(root, "commit", "-qm", "v2")
    monkeypatch.chdir(root)
    return policy


def test_changes_since_the_last_sign_off_open_the_report(signed_repo: Path, tmp_path: Path) -> None:
    page = _report(signed_repo, tmp_path / "r.html")
    section = _section(page, "changes")
    assert page.index('<section id="changes"') < page.index('<section id="summary"'), "at the top"
    assert "1. Changes since the last sign-off" in section
    assert "Last signed off on <strong>2026-09-01</strong> by <strong>Jane Smith, DPO</strong>" in section
    assert "(approved with actions)" in section and "Fix the US transfer." in section
    assert 'at policy revision <span class="mono">v1</span>' in section
    assert "compared with the findings accepted at the last sign-off" in section
    for words in ("+ Added", "&#8722; Removed", "~ Changed"):
        assert words in section or words.replace("&#8722;", "\u2212") in section
    assert 'href="#processor:cloudco">CloudCo</a>' in section
    assert "<del>eu-us-privacy-shield</del> &rarr; <ins>uk-idta</ins>" in section
    new = section[section.index("New findings since the last sign-off") :]
    assert "processor:nocontract" in new and 'href="#finding-' in new
    fixed = section[section.index("Findings fixed since") :]
    assert "TRF001" in fixed and "transfer:redfern-us" in fixed


def test_since_a_revision_without_a_sign_off(signed_repo: Path, tmp_path: Path) -> None:
    (signed_repo / SIGNOFF).unlink()
    page = _report(signed_repo, tmp_path / "r.html", "--since", "v1")
    section = _section(page, "changes")
    assert 'No sign-off is recorded. Compared with revision <span class="mono">v1</span>' in section
    assert "compared with the findings of v1" in section
    assert "TRF001" in section[section.index("Findings fixed since") :]


def test_no_sign_off_and_no_since_no_section(tmp_path: Path) -> None:
    folder = _before(tmp_path / "policy")
    page = _report(folder, tmp_path / "r.html")
    assert '<section id="changes"' not in page
    assert "<dt>Last signed off</dt><dd>not recorded</dd>" in page


def test_a_sign_off_revision_git_cannot_read_is_explained_not_fatal(tmp_path: Path) -> None:
    folder = _before(tmp_path / "policy")
    accepted = _fingerprints(folder)[:2]
    (folder / SIGNOFF).write_text(
        "signoffs:\n  - signed_by: DPO\n    date: 2026-09-01\n    revision: abc1234\n"
        f"    accepted: [{', '.join(accepted)}]\n",
        encoding="utf-8",
    )
    page = _report(folder, tmp_path / "r.html")
    section = _section(page, "changes")
    assert "Entity changes are not shown: the revision of the last sign-off (abc1234) could not be read" in section
    new = section[section.index("New findings since the last sign-off") :]
    total = len(_fingerprints(folder))
    assert f"New findings since the last sign-off ({total - 2})" in new, "everything not accepted is new"


def test_a_since_revision_git_cannot_read_exits_two(tmp_path: Path) -> None:
    folder = _before(tmp_path / "policy")
    code, _, err = cli("report", str(folder), "-o", str(tmp_path / "r.html"), "--since", "v9")
    assert code == 2 and "not a git repository" in err.lower()
    assert not (tmp_path / "r.html").exists()


def test_review_of_a_result_without_sign_off_is_none(tmp_path: Path) -> None:
    from linter.config import Settings

    folder = _before(tmp_path / "policy")
    result = engine.run([str(folder)], AS_OF)
    assert review.since_sign_off(Settings(paths=[str(folder)]), result, None) is None


ACTIONS = """\
actions:
  - rule: RET004
    entity: retention_rule:adoption
    field: disposal
    owner: Records Manager
    due: 2026-12-31
    status: open
  - rule: TRF001
    entity: transfer:redfern-us
    field: mechanism
    owner: Information Governance
    due: 2026-11-01
    status: in-progress
    note: IDTA with Redfern being signed.
  - rule: NTC001
    entity: controller:council
    field: contact
    owner: Information Governance
    due: 2027-02-01
    status: open
"""


def test_open_findings_are_grouped_by_owner_overdue_first(tmp_path: Path) -> None:
    folder = _before(tmp_path / "policy")
    (folder / "controller.yaml").write_text("controller: {id: council, name: County Council, public_authority: true}\n")
    (folder / "policy-waivers.yaml").write_text(ACTIONS, encoding="utf-8")
    result = engine.run([str(folder)], AS_OF)
    report = html.build(result, Summary.of(result, Severity.ERROR), None)
    owners = [(group.owner, [row.view.finding.rule for row in group.rows]) for group in report.actions.owners]
    assert owners == [("Information Governance", ["TRF001", "NTC001"]), ("Records Manager", ["RET004"])]
    first: ActionRow = report.actions.owners[0].rows[0]
    assert first.action.overdue and first.when == "23 days overdue"
    assert report.actions.open == 3 and report.actions.overdue == 1
    page = html.render(result, Summary.of(result, Severity.ERROR), None)
    section = _section(page, "actions")
    assert section.index("Information Governance") < section.index("Records Manager")
    assert (
        'class="overdue"' in section and "23 days overdue" in section and "IDTA with Redfern being signed." in section
    )
    assert "Findings with no owner" in section
    summary = _section(page, "summary")
    assert "3 open actions</a>" in summary and "1 overdue" in summary
    assert "WVR004" in page, "check reports the overdue action, and so does the report"


def test_contents_numbers_match_the_headings(signed_repo: Path, tmp_path: Path) -> None:
    for extra in ((), ("--select", "TRF")):
        page = _report(signed_repo, tmp_path / "r.html", *extra)
        toc = page[page.index('<nav class="toc"') : page.index("</nav>")]
        entries = re.findall(r'<a href="#([\w-]+)"><span class="toc-n">([\d.]+?)\.?</span> ([^<(]+)', toc)
        assert len(entries) >= 10
        for ident, number, title in entries:
            heading = re.search(rf'<h[23] id="{ident}(?:-h)?">([^<]+)</h[23]>', page)
            assert heading, ident
            assert heading.group(1).strip() in (f"{number}. {title.strip()}", f"{number} {title.strip()}"), (
                heading.group(1),
                number,
                title,
            )
        numbers = [number for _, number, _ in entries if "." not in number]
        assert numbers == [str(n) for n in range(1, len(numbers) + 1)]


def test_print_header_names_organisation_revision_and_date_safely(tmp_path: Path) -> None:
    folder = _before(tmp_path / "policy")
    (folder / "controller.yaml").write_text(
        'controller: {id: council, name: "Evil\\" } </style><script>x</script> \\\\ \\n Council"}\n', encoding="utf-8"
    )
    page = _report(folder, tmp_path / "r.html")
    style = page[page.index("<style>") : page.index("</style>")]
    assert "@top-left { content: " in style and "counter(page)" in style and "counter(pages)" in style
    assert "<" not in style.split("@top-left", 1)[1].split("}", 1)[0], "no markup reaches the style sheet"
    assert "Policy revision not under version control \\0000b7  as of 2026\\00002d 11\\00002d 24" in style
    assert html.css_string('a"b') == '"a\\000022 b"'


def test_many_errors_without_an_owner_are_counted_by_rule_not_listed(tmp_path: Path) -> None:
    purposes = "".join(f"  - {{id: p{n}, name: Purpose {n}, lawful_bases: [missing-{n}]}}\n" for n in range(60))
    folder = tmp_path / "many"
    folder.mkdir()
    (folder / "policy.yaml").write_text(f"purposes:\n{purposes}", encoding="utf-8")
    result = engine.run([str(folder)], AS_OF, select=["REF001"])
    page = html.render(result, Summary.of(result, Severity.ERROR), None)
    section = _section(page, "actions")
    assert len(result.findings) > html.UNOWNED_LISTED
    assert "Errors with no action" not in section, "not a second copy of every error"
    assert f'<a href="#rule-error-REF001">REF001</a>&nbsp;&times;{len(result.findings)}' in section
