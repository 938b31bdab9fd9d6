"""``policy-lint diff``: two folders, or two git revisions of one folder."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from policy_versions import after as _after
from policy_versions import before as _before
from policy_versions import git, signed_repository
from support import AS_OF, cli, write

from reports import changes, diffout, snapshot


@pytest.fixture
def compared(tmp_path: Path) -> changes.Changes:
    before = snapshot.of_folders([str(_before(tmp_path / "old"))])
    after = snapshot.of_folders([str(_after(tmp_path / "new"))])
    return changes.compare(before, after, AS_OF)


def test_entities_added_removed_and_changed_field_by_field(compared: changes.Changes) -> None:
    by_ref = {change.ref: change for change in compared.entities}
    assert by_ref["processor:cloudco"].status == "added"
    assert by_ref["recipient:old-body"].status == "removed"
    transfer = by_ref["transfer:redfern-us"]
    assert transfer.status == "changed" and transfer.moved, "moved to another file, and changed"
    assert {(f.field, f.before, f.after) for f in transfer.fields} == {
        ("destination", "US", "outside-uk"),
        ("mechanism", "eu-us-privacy-shield", "uk-idta"),
    }, "the trace is not a change in processing"
    (period,) = by_ref["retention_rule:adoption"].fields
    assert (period.field, period.before, period.after) == ("period", "100 years", "75 years")
    service = {f.field: f for f in by_ref["service:adoption"].fields}
    assert (service["recipients"].added, service["recipients"].removed) == ((), ("old-body",))
    assert service["processors"].added == ("cloudco",)
    assert "controller:council" not in by_ref, "an entity whose fields did not change is not listed"
    kinds = [change.kind for change in compared.entities]
    assert kinds == sorted(kinds, key=changes.KIND_ORDER.index), "services, processors, ... in a fixed order"


def test_findings_new_fixed_and_unchanged_by_fingerprint(compared: changes.Changes) -> None:
    fixed = {(f.rule, f.entity) for f in compared.findings.fixed}
    new = {(f.rule, f.entity) for f in compared.findings.new}
    assert ("TRF001", "transfer:redfern-us") in fixed, "the Privacy Shield is gone"
    assert not {rule for rule, _ in new} & {"TRF001"}
    assert all(f.fingerprint not in {g.fingerprint for g in compared.findings.fixed} for f in compared.findings.new)
    assert compared.findings.unchanged, "findings on both sides are matched, whatever their line"


def test_text_json_and_markdown(compared: changes.Changes) -> None:
    text = diffout.render("text", compared)
    assert "  ~ transfer:redfern-us  Redfern bookings in the US  (moved from " in text
    assert "      mechanism: eu-us-privacy-shield -> uk-idta" in text
    assert "  + processor:cloudco  CloudCo" in text and "  - recipient:old-body  Old Body" in text
    assert text.rstrip().splitlines()[-1] == diffout.headline(compared)
    document = json.loads(diffout.render("json", compared))
    assert document["summary"]["added"] == 1 and document["summary"]["removed"] == 1
    moved = next(e for e in document["entities"] if e["entity"] == "transfer:redfern-us")
    assert moved["before_file"].endswith("processors.yaml") and moved["after_file"].endswith("redfern.yaml")
    assert {"field": "mechanism", "before": "eu-us-privacy-shield", "after": "uk-idta"} in moved["fields"]
    assert document["findings"]["fixed"][0]["fingerprint"]
    markdown = diffout.render("markdown", compared)
    assert markdown.startswith("### Policy changes: ")
    assert (
        "#### International transfers" in markdown
        and "| changed | Redfern bookings in the US `transfer:redfern-us` |" in (markdown)
    )
    assert "#### Fixed findings" in markdown


def test_markdown_keeps_policy_text_inert(tmp_path: Path) -> None:
    old = write(tmp_path / "old", "recipients:\n  - {id: a, name: A, role: public-body}\n")
    new = write(
        tmp_path / "new",
        "recipients:\n  - {id: a, name: '<img src=x> | **bold** [x](javascript:1)', role: public-body}\n",
    )
    result = changes.compare(snapshot.of_folders([str(old)]), snapshot.of_folders([str(new)]), AS_OF)
    markdown = diffout.markdown(result)
    assert "<img" not in markdown and "](javascript" not in markdown and "\\|" in markdown


def test_cli_on_folder_pairs_to_stdout_and_to_a_file(tmp_path: Path) -> None:
    old, new = _before(tmp_path / "old"), _after(tmp_path / "new")
    code, out, err = cli("diff", str(old), str(new), "--as-of", AS_OF.isoformat())
    assert code == 0, err
    assert out.startswith(f"Changes from {old} to {new} (as of 2026-11-24)")
    code, out, _ = cli("diff", str(old), str(new), "--format", "markdown", "-o", "-")
    assert code == 0 and out.startswith("### Policy changes")
    target = tmp_path / "changes.md"
    code, out, _ = cli("diff", str(old), str(new), "--format", "markdown", "-o", str(target))
    assert code == 0 and out == "" and target.read_text(encoding="utf-8").startswith("### Policy changes")
    before = (new / "services.yaml").read_bytes()
    code, _, err = cli("diff", str(old), str(new), "-o", str(new / "services.yaml"))
    assert code == 2 and (new / "services.yaml").read_bytes() == before


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["only-one"], "give two policy folders"),
        (["a", "b", "--rev", "HEAD"], "at most one policy folder"),
        (["--rev", "..HEAD", "x"], "name the old revision"),
    ],
)
def test_cli_usage_errors(args: list[str], message: str) -> None:
    code, _, err = cli("diff", *args)
    assert code == 2 and message in err


# --- git revisions ------------------------------------------------------------------------


@pytest.fixture
def repo(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A repository with four commits of one policy folder (tagged v1 .. v4):
    v2 renames a file, v3 moves an entity to another file, v4 changes a field."""
    root = tmp_path / "repo"
    policy = signed_repository(root, "v1")
    git(root, "mv", "policy/services.yaml", "policy/adoption.yaml")
    git(root, "commit", "-qm", "v2: rename")
    git(root, "tag", "v2")
    text = (policy / "processors.yaml").read_text(encoding="utf-8")
    transfer = text[text.index("transfers:") :]
    (policy / "processors.yaml").write_text(text[: text.index("transfers:")], encoding="utf-8")
    (policy / "transfers.yaml").write_text(transfer, encoding="utf-8")
    git(root, "add", ".")
    git(root, "commit", "-qm", "v3: move the transfer")
    git(root, "tag", "v3")
    (policy / "transfers.yaml").write_text(transfer.replace("eu-us-privacy-shield", "uk-idta"), encoding="utf-8")
    git(root, "commit", "-qam", "v4: IDTA")
    git(root, "tag", "v4")
    monkeypatch.chdir(root)
    return root


def test_a_renamed_file_changes_nothing(repo: Path) -> None:
    code, out, err = cli("diff", "--rev", "v1..v2", "policy", "--format", "json", "--as-of", AS_OF.isoformat())
    assert code == 0, err
    document = json.loads(out)
    assert {e["status"] for e in document["entities"]} == {"moved"}
    assert {e["entity"] for e in document["entities"]} == {
        "recipient:police",
        "recipient:old-body",
        "retention_rule:adoption",
        "service:adoption",
    }
    assert document["findings"]["new"] == [] and document["findings"]["fixed"] == []


def test_an_entity_moved_between_files_is_the_same_entity(repo: Path) -> None:
    code, out, err = cli("diff", "--rev", "v2..v3", "policy", "--format", "json", "--as-of", AS_OF.isoformat())
    assert code == 0, err
    (moved,) = json.loads(out)["entities"]
    assert (moved["entity"], moved["status"], moved["fields"]) == ("transfer:redfern-us", "moved", [])
    assert (moved["before_file"], moved["after_file"]) == ("policy/processors.yaml", "policy/transfers.yaml")


def test_several_commits_at_once_and_the_folder_as_it_is(repo: Path) -> None:
    code, out, err = cli("diff", "--rev", "v1..v4", "--as-of", AS_OF.isoformat())
    assert code == 0, err
    moved = "(moved from policy/processors.yaml to policy/transfers.yaml)"
    assert f"  ~ transfer:redfern-us  Redfern bookings in the US  {moved}" in out
    assert "      mechanism: eu-us-privacy-shield -> uk-idta" in out
    assert "TRF001" in out[out.index("Findings fixed") :]
    # OLD alone compares with the folder on disk, uncommitted changes included
    (repo / "policy" / "adoption.yaml").write_text(
        (repo / "policy" / "adoption.yaml").read_text(encoding="utf-8").replace("100 years", "50 years"),
        encoding="utf-8",
    )
    code, out, err = cli("diff", "--rev", "v4", "--as-of", AS_OF.isoformat())
    assert code == 0, err
    assert "retention_rule:adoption" in out and "period: 100 years -> 50 years" in out
    assert cli("diff", "--rev", "v4..", "--as-of", AS_OF.isoformat())[1] == out


def test_the_waiver_and_sign_off_files_are_not_read_as_policy_at_a_revision(repo: Path) -> None:
    (repo / "policy" / "policy-waivers.yaml").write_text("waivers: []\n", encoding="utf-8")
    (repo / "policy" / "policy-signoff.yaml").write_text("signoffs: []\n", encoding="utf-8")
    git(repo, "add", ".")
    git(repo, "commit", "-qm", "records")
    code, out, err = cli("diff", "--rev", "v4..HEAD", "--format", "json")
    assert code == 0, err
    assert json.loads(out)["entities"] == []


@pytest.mark.parametrize(
    ("revision", "message"),
    [
        ("no-such-tag..v4", "no commit 'no-such-tag'"),
        ("--output=x..v4", "is not a revision"),
        ("v1..-q", "is not a revision"),
    ],
)
def test_a_revision_git_cannot_read_exits_two(repo: Path, revision: str, message: str) -> None:
    code, out, err = cli("diff", f"--rev={revision}", "policy")
    assert code == 2 and out == ""
    (line,) = err.strip().splitlines()
    assert message in line


def test_outside_a_repository_exits_two(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    folder = _before(tmp_path / "policy")
    monkeypatch.chdir(tmp_path)
    code, _, err = cli("diff", "--rev", "HEAD", str(folder))
    assert code == 2 and "not a git repository" in err.lower()


def test_a_bad_file_at_a_revision_names_the_revision(repo: Path) -> None:
    (repo / "policy" / "broken.yaml").write_text("services: [\n", encoding="utf-8")
    git(repo, "add", ".")
    git(repo, "commit", "-qm", "broken")
    code, _, err = cli("diff", "--rev", "HEAD..v4")
    assert code == 2
    (line,) = err.strip().splitlines()
    assert line.startswith("HEAD:policy/broken.yaml:2:1: error: invalid YAML")


def test_repository_configuration_runs_nothing(repo: Path) -> None:
    """A cloned repository's own configuration must not make the linter run a
    program: no fsmonitor, hook, pager, filter or external diff is started."""
    marker = repo.parent / "ran"
    script = repo.parent / "evil.sh"
    script.write_text(f"#!/bin/sh\ntouch {marker}\nexit 0\n", encoding="utf-8")
    script.chmod(0o755)
    for key, value in (
        ("core.fsmonitor", str(script)),
        ("core.pager", str(script)),
        ("core.hooksPath", str(repo.parent)),
        ("diff.external", str(script)),
        ("filter.evil.smudge", str(script)),
        ("filter.evil.textconv", str(script)),
        ("uploadpack.packObjectsHook", str(script)),
    ):
        git(repo, "config", key, value)
    (repo / ".gitattributes").write_text("*.yaml filter=evil diff=evil\n", encoding="utf-8")
    for hook in ("post-checkout", "pre-commit", "reference-transaction"):
        (repo.parent / hook).write_text(f"#!/bin/sh\ntouch {marker}\n", encoding="utf-8")
        (repo.parent / hook).chmod(0o755)
    code, out, err = cli("diff", "--rev", "v1..v4", "--format", "json")
    assert code == 0, err
    assert json.loads(out)["entities"]
    code, _, err = cli("diff", "--rev", "v1")
    assert code == 0, err
    assert not marker.exists(), "a program named by the repository's configuration ran"
