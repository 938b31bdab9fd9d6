"""The knowledge files and their JSON mirror (checks/knowledge.json)."""

from __future__ import annotations

import datetime as dt
import json
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from checks import facts


@pytest.fixture
def fresh() -> Iterator[None]:
    """load() and the mirror read again (each is read once per process)."""
    facts.load.cache_clear()
    facts._mirror.cache_clear()
    yield
    facts.load.cache_clear()
    facts._mirror.cache_clear()


def test_the_shipped_mirror_is_current() -> None:
    assert facts.MIRROR.read_text(encoding="utf-8") == facts.mirror_text(), "run: python scripts/reference_docs.py"


@pytest.mark.parametrize("name", facts.knowledge_files())
def test_the_mirror_gives_each_file_as_its_yaml_does(name: str, fresh: None) -> None:
    from_yaml = facts.read_yaml(name)
    mirrored = facts.load(name)
    assert mirrored is facts._mirror()[name], "read from the mirror"
    assert mirrored == from_yaml
    assert _shape(mirrored) == _shape(from_yaml), "same types and key order throughout"


def _shape(value: Any) -> Any:
    if isinstance(value, dict):
        return [(key, _shape(item)) for key, item in value.items()]
    if isinstance(value, list):
        return [_shape(item) for item in value]
    return (type(value).__name__, value)


def _moved(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The knowledge files copied to a folder a test may edit; the mirror beside them."""
    folder = tmp_path / "knowledge"
    shutil.copytree(facts.KNOWLEDGE_DIR, folder)
    monkeypatch.setattr(facts, "KNOWLEDGE_DIR", folder)
    monkeypatch.setattr(facts, "MIRROR", tmp_path / "knowledge.json")
    return folder


def test_a_file_edited_since_the_mirror_was_made_is_read_from_its_yaml(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, fresh: None
) -> None:
    folder = _moved(tmp_path, monkeypatch)
    facts.MIRROR.write_text(facts.mirror_text(), encoding="utf-8")
    edited = folder / "adequacy.yaml"
    edited.write_text(edited.read_text(encoding="utf-8") + "\nadded_by_test: 2001-02-03\n", encoding="utf-8")
    assert facts._mirror() == {}, "the digest no longer matches"
    assert facts.load("adequacy")["added_by_test"] == dt.date(2001, 2, 3)


@pytest.mark.parametrize(
    "text",
    ["", "{", "[]", '{"digest": "x", "files": {}}', '{"files": {"adequacy": 1}}', "\xff", '{"a":' * 100_000],
)
def test_a_missing_broken_or_foreign_mirror_is_not_used(
    text: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, fresh: None
) -> None:
    _moved(tmp_path, monkeypatch)
    assert facts._mirror() == {}, "missing"
    facts._mirror.cache_clear()
    facts.MIRROR.write_bytes(text.encode("utf-8", "surrogateescape"))
    assert facts._mirror() == {}
    assert facts.load("adequacy") == facts.read_yaml("adequacy")


def test_a_mirror_of_the_right_digest_with_a_wrong_shape_is_not_used(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, fresh: None
) -> None:
    _moved(tmp_path, monkeypatch)
    facts.MIRROR.write_text(json.dumps({"digest": facts.digest(), "files": []}), encoding="utf-8")
    assert facts._mirror() == {}


def test_what_json_cannot_hold_exactly_is_refused(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    folder = _moved(tmp_path, monkeypatch)
    (folder / "zz-test.yaml").write_text("when: 2001-02-03 04:05:06\n", encoding="utf-8")
    with pytest.raises(TypeError, match="datetime"):
        facts.mirror_text()
    (folder / "zz-test.yaml").write_text('odd: {"$date": "2001-02-03"}\n', encoding="utf-8")
    with pytest.raises(ValueError, match="exactly"):
        facts.mirror_text()
