"""The loader refuses unusable input with a located one-line error."""

from __future__ import annotations

import tracemalloc
from pathlib import Path

import pytest

from linter.loader import LoadError, Mapping, Sequence, discover, load_file, load_paths, parse


def load_error(text: str) -> LoadError:
    with pytest.raises(LoadError) as caught:
        parse(text, "p.yaml")
    return caught.value


def test_positions_of_keys_and_items() -> None:
    data = parse("services:\n  - id: a\n    name: A\n  - id: b\n    name: B\n", "p.yaml")
    assert isinstance(data, Mapping)
    assert data.key_positions["services"] == (1, 1)
    items = data["services"]
    assert isinstance(items, Sequence)
    assert items.item_positions == [(2, 5), (4, 5)]
    assert items[1].key_positions["name"] == (5, 5)


def test_python_tags_are_refused_not_executed(tmp_path: Path) -> None:
    marker = tmp_path / "executed"
    error = load_error(f"a: !!python/object/apply:os.system ['touch {marker}']\n")
    assert "not allowed" in error.message
    assert (error.position.line, error.position.column) == (1, 4)
    assert not marker.exists()


@pytest.mark.parametrize("text", ["a: !custom 1\n", "a: !!binary aGVsbG8=\n", "a: !!set {x}\n"])
def test_unknown_tags_are_refused(text: str) -> None:
    assert "not allowed" in load_error(text).message


def test_duplicate_keys_are_refused_with_both_lines() -> None:
    error = load_error("notice:\n  id: n\n  name: N\n  id: m\n")
    assert error.position.line == 4
    assert "duplicate key 'id'" in error.message and "line 2" in error.message


def test_merge_keys_are_refused() -> None:
    assert "merge keys" in load_error("a: &x {b: 1}\nc:\n  <<: *x\n").message


def test_billion_laughs_is_refused_without_expanding_it() -> None:
    lines = ['a0: &a0 ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
    lines += [f"a{i}: &a{i} [{','.join([f'*a{i - 1}'] * 9)}]" for i in range(1, 10)]
    tracemalloc.start()
    error = load_error("\n".join(lines) + "\n")
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    assert "aliases expand" in error.message
    # 9**10 nodes if expanded; refusing must not materialise them
    assert peak < 5_000_000, peak


def test_modest_alias_use_is_allowed() -> None:
    data = parse("x: &shared [a, b]\ny: *shared\n", "p.yaml")
    assert data["y"] == ["a", "b"]


def test_recursive_alias_is_refused() -> None:
    assert "refers to the mapping or list that contains it" in load_error("a: &a [*a]\n").message


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("", "empty policy file"),
        ("   \n\n", "empty policy file"),
        ("# only a comment\n", "empty policy file"),
        ("- a\n- b\n", "top level must be a mapping"),
        ("just text\n", "top level must be a mapping"),
        ("a: 1\n---\nb: 2\n", "more than one YAML document"),
        ("a: [1, 2\n", "invalid YAML"),
        ("a: b: c\n", "invalid YAML"),
        ("1: x\n", "mapping keys must be text"),
    ],
)
def test_unusable_documents(text: str, expected: str) -> None:
    assert expected in load_error(text).message


def test_syntax_error_points_at_the_line() -> None:
    error = load_error("a: 1\nb: [1, 2\nc: 3\n")
    assert error.position.line >= 2
    assert str(error).startswith("p.yaml:")


def test_non_utf8_bytes_name_the_line(tmp_path: Path) -> None:
    path = tmp_path / "bad.yaml"
    path.write_bytes(b"a: 1\nb: caf\xe9\n")
    with pytest.raises(LoadError) as caught:
        load_file(path)
    assert caught.value.position.line == 2
    assert "not valid UTF-8" in caught.value.message


def test_nul_byte_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "nul.yaml"
    path.write_bytes(b"a: 1\nb: \x00\n")
    with pytest.raises(LoadError, match="NUL"):
        load_file(path)


def test_byte_order_mark_is_accepted(tmp_path: Path) -> None:
    path = tmp_path / "bom.yaml"
    path.write_bytes("\ufeffnotice:\n  id: n\n".encode())
    assert load_file(path).data["notice"]["id"] == "n"


def test_discover_folder_skips_hidden_and_other_files(tmp_path: Path) -> None:
    (tmp_path / "b.yaml").write_text("a: 1\n")
    (tmp_path / "a.yml").write_text("a: 1\n")
    (tmp_path / "notes.txt").write_text("x")
    (tmp_path / ".hidden").mkdir()
    (tmp_path / ".hidden" / "c.yaml").write_text("a: 1\n")
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "d.yaml").write_text("a: 1\n")
    assert [p.path.name for p in discover([str(tmp_path)])] == ["a.yml", "b.yaml", "d.yaml"]


def test_missing_path_and_empty_folder(tmp_path: Path) -> None:
    with pytest.raises(LoadError, match="no such file"):
        discover([str(tmp_path / "nope")])
    with pytest.raises(LoadError, match="no policy files"):
        discover([str(tmp_path)])


def test_load_paths_collects_every_bad_file(tmp_path: Path) -> None:
    (tmp_path / "a.yaml").write_text("a: [\n")
    (tmp_path / "b.yaml").write_text("")
    (tmp_path / "c.yaml").write_text("notice: {id: n, name: N}\n")
    documents, errors = load_paths([str(tmp_path)])
    assert [d.file.endswith("c.yaml") for d in documents] == [True]
    assert len(errors) == 2


def test_a_folder_is_not_read_as_a_file(tmp_path: Path) -> None:
    with pytest.raises(LoadError, match="is a folder, not a regular file"):
        load_file(tmp_path)
