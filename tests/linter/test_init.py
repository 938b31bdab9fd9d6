"""`policy-lint init`: a starter policy for every kind of organisation that is
valid, whose findings are exactly its TODOs (each saying what to write), and
that is clean once they are written."""

from __future__ import annotations

import datetime as dt
import json
import re
from pathlib import Path

import jsonschema
import pytest
import yaml
from support import AS_OF, cli

from checks import facts
from linter import commands, engine, schema_json, starter
from linter.schema import KINDS
from linter.validation import EntityValidator

#: every kind of organisation init knows, a school of each type
CASES = [
    ("council", None, "local-authority"),
    ("school", "maintained", "maintained-school"),
    ("school", "academy", "academy"),
    ("school", "independent", "independent-school"),
    ("nhs", None, "nhs-body"),
    ("central-government", None, "government-department"),
    ("company", None, "company"),
    ("charity", None, "charity"),
]
IDS = [kind if school is None else f"{kind}-{school}" for kind, school, _ in CASES]
TODO = re.compile(r'^[^#\n]*"TODO: ([^"]+)"', re.MULTILINE)


def init(
    folder: Path, kind: str, school: str | None, name: str = "St Mary's & All Saints: Trust", as_of: dt.date = AS_OF
) -> None:
    args = ["init", str(folder), "--kind", kind, "--name", name, "--as-of", str(as_of)]
    code, out, err = cli(*args, *(["--school-type", school] if school else []))
    assert (code, err) == (0, ""), err
    assert out.startswith(f"wrote 9 files to {folder}: ")


@pytest.mark.parametrize(("kind", "school", "controller_kind"), CASES, ids=IDS)
def test_the_findings_of_a_starter_are_exactly_its_todos(
    tmp_path: Path, kind: str, school: str | None, controller_kind: str
) -> None:
    folder = tmp_path / "policy"
    init(folder, kind, school)
    result = engine.run([str(folder)], AS_OF)
    assert not result.load_errors
    todos = sorted(
        (path.name, text) for path in folder.glob("*.yaml") for text in TODO.findall(path.read_text(encoding="utf-8"))
    )
    found = sorted((Path(f.file).name, f.message.split(" is still to be written: ", 1)[-1]) for f in result.findings)
    assert {finding.rule for finding in result.findings} == {"CMP001"}
    assert found == todos
    assert len(todos) >= 10
    controller = result.policy.controller
    assert controller is not None and controller.kind == controller_kind
    assert controller.name == "St Mary's & All Saints: Trust" and controller.id == "st-marys-all-saints-trust"


@pytest.mark.parametrize(("kind", "school", "controller_kind"), CASES, ids=IDS)
def test_a_starter_with_its_todos_written_is_clean(
    tmp_path: Path, kind: str, school: str | None, controller_kind: str
) -> None:
    """Clean before the regulator's reported renaming (2026-09-30 in renamed-bodies.yaml); after it, the
    regulator's address on record (NTC006 wants it whole) still carries the old name, which CUR005 notes
    as information: the knowledge, not the starter, holds both, so that note is the one finding left."""
    before = dt.date(2026, 6, 1)
    for as_of, infos in ((before, []), (AS_OF, [("CUR005", "complaint.address")])):
        folder = tmp_path / str(as_of)
        init(folder, kind, school, as_of=as_of)
        for path in folder.glob("*.yaml"):
            path.write_text(TODO_VALUE.sub('"written as the notice says it"', path.read_text(encoding="utf-8")))
        result = engine.run([str(folder)], as_of)
        assert [(f.rule, f.field) for f in result.findings] == infos, [f.message for f in result.findings]
        assert all(finding.severity.value == "info" for finding in result.findings)


TODO_VALUE = re.compile(r'"TODO: [^"]+"')


@pytest.mark.parametrize(("kind", "school", "controller_kind"), CASES, ids=IDS)
def test_a_public_authority_is_recorded_as_one_and_has_a_dpo(
    tmp_path: Path, kind: str, school: str | None, controller_kind: str
) -> None:
    folder = tmp_path / "policy"
    init(folder, kind, school)
    row = next(row for row in facts.load("controller-kinds")["kinds"] if row["kind"] == controller_kind)
    data = yaml.safe_load((folder / "controller.yaml").read_text(encoding="utf-8"))["controller"]
    assert data["public_authority"] is bool(row["public_authority"])
    assert ("dpo" in data) is bool(row["public_authority"])


def test_every_file_is_valid_for_the_editor_too(tmp_path: Path) -> None:
    folder = tmp_path / "policy"
    init(folder, "council", None)
    schema = json.loads((folder / starter.SCHEMA_FILE).read_text(encoding="utf-8"))
    assert (folder / starter.SCHEMA_FILE).read_text(encoding="utf-8") == schema_json.render()
    validator = jsonschema.Draft7Validator(schema, format_checker=jsonschema.Draft7Validator.FORMAT_CHECKER)
    for path in folder.glob("*.yaml"):
        text = path.read_text(encoding="utf-8")
        assert text.startswith("# yaml-language-server: $schema=policy.schema.json\n"), path.name
        data = json.loads(json.dumps(yaml.safe_load(text), default=str))
        assert validator.is_valid(data), (path.name, [e.message for e in validator.iter_errors(data)])


def _commented_examples(text: str) -> dict[str, list[dict[str, object]]]:
    """The commented examples that follow each ``KIND: []`` line, as data."""
    examples: dict[str, list[dict[str, object]]] = {}
    lines = text.splitlines()
    for index, line in enumerate(lines):
        match = re.fullmatch(r"([a-z_]+): \[\]", line)
        if not match:
            continue
        block = []
        for following in lines[index + 1 :]:
            if not following.startswith("  # "):
                break
            block.append(following[4:])
        examples[match[1]] = yaml.safe_load("\n".join(block)) or []
    return examples


def test_every_entity_kind_is_in_the_starter_active_or_as_a_valid_commented_example(tmp_path: Path) -> None:
    folder = tmp_path / "policy"
    init(folder, "council", None)
    texts = {path.name: path.read_text(encoding="utf-8") for path in folder.glob("*.yaml")}
    active = {
        key for text in texts.values() for key in (yaml.safe_load(text) or {}) if (yaml.safe_load(text) or {})[key]
    }
    examples = {key: items for text in texts.values() for key, items in _commented_examples(text).items()}
    assert set(KINDS) == active | set(examples), set(KINDS) - active - set(examples)
    for key, items in examples.items():
        assert items, f"{key}: no commented example"
        validator = EntityValidator(KINDS[key][1])
        for item in items:
            assert list(validator.errors(item)) == [], (key, item)
    assert {"transfers", "processors", "recipients", "cookies"} <= set(examples)


def test_the_lawful_bases_of_the_starters_are_grounds_the_rules_know() -> None:
    grounds = {str(row["article"]) for row in facts.load("lawful-bases")["grounds"]}
    bases = yaml.safe_load((starter.TEMPLATES / "kinds.yaml").read_text(encoding="utf-8"))["bases"]
    assert {str(basis["article"]) for basis in bases.values()} <= grounds


EMPTY = "choose an empty folder"


def test_init_never_overwrites(tmp_path: Path) -> None:
    folder = tmp_path / "policy"
    folder.mkdir()
    (folder / "notice.yaml").write_text("mine\n", encoding="utf-8")
    code, out, err = cli("init", str(folder), "--kind", "company", "--name", "Acme Ltd")
    assert (code, out) == (2, "")
    assert err == f"policy-lint: error: {folder / 'notice.yaml'} already exists: init never overwrites; {EMPTY}\n"
    assert [path.name for path in folder.iterdir()] == ["notice.yaml"], "nothing is written"
    assert (folder / "notice.yaml").read_text(encoding="utf-8") == "mine\n"


def test_without_a_terminal_the_options_are_needed(tmp_path: Path) -> None:
    code, _, err = cli("init", str(tmp_path / "p"))
    assert code == 2 and err == "policy-lint: error: init needs --kind and --name when it is not run in a terminal\n"
    code, _, err = cli("init", str(tmp_path / "p"), "--kind", "school", "--name", "A School")
    assert code == 2 and "--school-type" in err
    assert not (tmp_path / "p").exists()


def test_in_a_terminal_init_asks(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from click.testing import CliRunner

    from linter.cli import main

    monkeypatch.setattr(commands, "_in_terminal", lambda: True)
    folder = tmp_path / "policy"
    result = CliRunner().invoke(
        main, ["init", str(folder), "--as-of", str(AS_OF)], input="school\nHillside Academy\nacademy\n"
    )
    assert result.exit_code == 0, result.output
    assert "Kind of organisation" in result.output and "Type of school" in result.output
    data = yaml.safe_load((folder / "controller.yaml").read_text(encoding="utf-8"))["controller"]
    assert (data["name"], data["kind"]) == ("Hillside Academy", "academy")


def test_the_review_date_is_the_evaluation_date(tmp_path: Path) -> None:
    folder = tmp_path / "policy"
    init(folder, "company", None)
    notice = yaml.safe_load((folder / "notice.yaml").read_text(encoding="utf-8"))["notice"]
    assert notice["last_reviewed"] == AS_OF and isinstance(notice["last_reviewed"], dt.date)


def test_an_empty_name_is_refused(tmp_path: Path) -> None:
    code, _, err = cli("init", str(tmp_path / "p"), "--kind", "company", "--name", "  ")
    assert code == 2 and "--name is empty" in err


def test_the_regulator_is_named_as_it_stands_on_the_date(tmp_path: Path) -> None:
    """Before its reported renaming the regulator is named from the knowledge; after it, the
    person writing the notice confirms the name (a TODO that gives both)."""
    init(tmp_path / "before", "company", None, as_of=dt.date(2026, 6, 1))
    notice = yaml.safe_load((tmp_path / "before" / "notice.yaml").read_text(encoding="utf-8"))["notice"]
    assert notice["complaint"]["name"] == "Information Commissioner's Office"
    init(tmp_path / "after", "company", None, as_of=AS_OF)
    notice = yaml.safe_load((tmp_path / "after" / "notice.yaml").read_text(encoding="utf-8"))["notice"]
    assert notice["complaint"]["name"].startswith("TODO: the regulator's name as it stands")
    assert "Information Commission " in notice["complaint"]["name"] and "2026-09-30" in notice["complaint"]["name"]
