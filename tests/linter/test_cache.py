"""The cache of parsed policy files (linter/cache.py): what it holds is what the
loader builds, it is hit and missed as the files change, a damaged or forged
cache is a miss and never an error, and the findings never depend on it."""

from __future__ import annotations

import json
import os
import shutil
import stat
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from schema_probes import policy_files
from support import ROOT, cli

from linter import cache as caching
from linter.loader import LoadError, Mapping, Sequence, load_file, load_files, parse

AS_OF = "2026-11-24"


def same_tree(a: Any, b: Any, where: str = "") -> Iterator[str]:
    """Every difference between two loaded documents: types, values, order and positions."""
    if type(a) is not type(b):
        yield f"{where}: {type(a).__name__} != {type(b).__name__}"
        return
    if isinstance(a, Mapping):
        if (a.line, a.column) != (b.line, b.column) or list(a.key_positions.items()) != list(b.key_positions.items()):
            yield f"{where}: positions differ"
        if list(a) != list(b):
            yield f"{where}: keys differ"
            return
        for key in a:
            yield from same_tree(a[key], b[key], f"{where}.{key}")
    elif isinstance(a, Sequence):
        if (a.line, a.column) != (b.line, b.column) or a.item_positions != b.item_positions or len(a) != len(b):
            yield f"{where}: positions or length differ"
            return
        for index, (x, y) in enumerate(zip(a, b, strict=True)):
            yield from same_tree(x, y, f"{where}[{index}]")
    elif a != b or repr(a) != repr(b):
        yield f"{where}: {a!r} != {b!r}"


FILES = policy_files()


def test_every_policy_of_the_project_comes_back_from_the_cache_as_it_was_loaded() -> None:
    cached = 0
    for path in FILES:
        try:
            document = load_file(path).data
        except LoadError:
            continue
        try:
            encoded = json.dumps(caching.encode(document))
        except caching._Uncacheable:
            continue
        assert list(same_tree(document, caching.decode(encoded))) == [], path
        cached += 1
    assert cached > 100


@pytest.mark.parametrize(
    "text",
    [
        "a: &x {b: 1}\nc: *x\n",  # one mapping reached twice: a copy would not be the same object
        "a: &x [1]\nc: *x\n",
        "a: 2024-01-01 10:00:00\n",  # a date with a time
    ],
)
def test_what_the_format_cannot_hold_exactly_is_not_cached(text: str) -> None:
    with pytest.raises(caching._Uncacheable):
        caching.encode(parse(text, "x.yaml"))


def test_values_of_every_kind_come_back_exactly() -> None:
    text = (
        "a: [1, -0.0, 1.5, .inf, -.inf, true, false, null, '', 'x\\ny', 2024-02-29, 123456789012345678901234567890]\n"
        "b: {'é': \"\\u2028\\ud7ff\", 'key with: colon': {}, '': []}\n"
        "c: &s text\nd: *s\n"
    )
    document = parse(text, "x.yaml")
    back = caching.decode(json.dumps(caching.encode(document)))
    assert list(same_tree(document, back)) == []
    nan = parse("a: .nan\n", "x.yaml")
    assert str(caching.decode(json.dumps(caching.encode(nan)))["a"]) == "nan"


# --- hits and misses ------------------------------------------------------------------------------


@pytest.fixture
def policy(tmp_path: Path) -> Path:
    folder = tmp_path / "policy"
    shutil.copytree(ROOT / "policy", folder)
    return folder


def loaded(folder: Path, cache_folder: Path) -> caching.Cache:
    """Load a folder through its cache (as a run does) and save the cache."""
    cache = caching.open_cache(cache_folder, [str(folder)])
    _, errors = load_files(sorted(folder.rglob("*.yaml")), cache=cache)
    assert not errors
    cache.save()
    return cache


def test_a_second_load_hits_every_file_and_an_edit_misses_one(policy: Path, tmp_path: Path) -> None:
    store = tmp_path / "cache"
    files = len(list(policy.rglob("*.yaml")))
    first = loaded(policy, store)
    assert (first.hits, first.added) == (0, files)
    second = loaded(policy, store)
    assert (second.hits, second.added) == (files, 0)
    edited = policy / "processors.yaml"
    edited.write_text(edited.read_text(encoding="utf-8") + "\n# edited\n", encoding="utf-8")
    third = loaded(policy, store)
    assert (third.hits, third.added) == (files - 1, 1)
    (policy / "services" / "child-protection.yaml").rename(policy / "services" / "renamed.yaml")
    fourth = loaded(policy, store)
    assert (fourth.hits, fourth.added) == (files, 0), "the same bytes under another name"


def test_the_cache_keeps_only_the_documents_of_the_last_run(policy: Path, tmp_path: Path) -> None:
    store = tmp_path / "cache"
    loaded(policy, store)
    (policy / "processors.yaml").unlink()
    loaded(policy, store)
    (file,) = store.glob("policy-*.cache")
    assert len(file.read_bytes().splitlines()) - 1 == len(list(policy.rglob("*.yaml")))


def test_the_cache_folder_says_it_is_not_part_of_the_project(policy: Path, tmp_path: Path) -> None:
    store = tmp_path / "cache"
    loaded(policy, store)
    assert (store / ".gitignore").read_text(encoding="utf-8").splitlines()[-1] == "*"
    assert (
        (store / "CACHEDIR.TAG").read_text(encoding="utf-8").startswith("Signature: 8a477f597d28d172789f06886806bc55")
    )


def test_each_set_of_folders_has_its_own_file_and_old_files_are_pruned(
    policy: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    store = tmp_path / "cache"
    monkeypatch.setattr(caching, "MAX_FILES", 3)
    for index in range(5):
        folder = tmp_path / f"other-{index}"
        shutil.copytree(policy / "services", folder)
        loaded(folder, store)
    assert len(list(store.glob("policy-*.cache"))) == 3


def test_the_key_is_made_once_and_kept_private(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg"))
    key = caching._secret()
    assert key is not None and len(key) == 32
    assert caching._secret() == key
    assert stat.S_IMODE(os.stat(caching._key_file()).st_mode) == 0o600


def test_without_a_place_for_the_key_there_is_no_cache(
    policy: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("x", encoding="utf-8")
    monkeypatch.setenv("XDG_CACHE_HOME", str(blocker))
    cache = loaded(policy, tmp_path / "cache")
    assert not cache.enabled and not (tmp_path / "cache").exists()


# --- damaged, foreign and forged cache files ---------------------------------------------------


def _damaged(file: Path, original: bytes) -> Iterator[tuple[str, bytes]]:
    header, _, body = original.partition(b"\n")
    magic, version, fingerprint, mac = header.split(b" ")
    yield "empty", b""
    yield "truncated", original[: len(original) // 2]
    yield "header only", header + b"\n"
    yield "one byte changed", original[:-10] + bytes([original[-10] ^ 1]) + original[-9:]
    yield "another version", b" ".join([magic, version, b"0" * len(fingerprint), mac]) + b"\n" + body
    yield "another format", b" ".join([magic, b"99", fingerprint, mac]) + b"\n" + body
    yield "forged entries", header + b"\n" + body.replace(b'"Essex County Council"', b'"Someone Else"')
    yield "forged MAC", b" ".join([magic, version, fingerprint, b"0" * len(mac)]) + b"\n" + body
    yield "not a cache", b"\x00\xff" * 1000
    yield "json", b'{"entries": {}}'
    yield "pickle", b"\x80\x04\x95\x0b\x00\x00\x00\x00\x00\x00\x00\x8c\x02os\x94\x8c\x06system\x94\x93\x94."


def test_a_damaged_foreign_or_forged_cache_file_is_a_miss(policy: Path, tmp_path: Path) -> None:
    store = tmp_path / "cache"
    loaded(policy, store)
    (file,) = store.glob("policy-*.cache")
    original = file.read_bytes()
    files = len(list(policy.rglob("*.yaml")))
    for name, damaged in _damaged(file, original):
        file.write_bytes(damaged)
        cache = loaded(policy, store)
        assert (cache.hits, cache.added) == (0, files), name
        assert file.read_bytes() != damaged, f"{name}: rewritten"


def test_an_entry_that_does_not_decode_is_a_miss(policy: Path, tmp_path: Path) -> None:
    """Even under a valid MAC (written by this user, by a bug or another tool)."""
    store = tmp_path / "cache"
    cache = loaded(policy, store)
    assert cache.file is not None and cache.key is not None
    digests = sorted(caching.Cache.digest(path.read_bytes()) for path in policy.rglob("*.yaml"))
    odd = [b"[" * 100_000, b'{"m": 1}', b'"text"', b'{"s": [1, 2, [3]]}', b"{", b'{"d": "2024-02-30"}']
    entries = [(digest, odd[index % len(odd)]) for index, digest in enumerate(digests)]
    caching._write(cache.file, cache.key, cache.fingerprint, entries)
    again = loaded(policy, store)
    assert (again.hits, again.added) == (0, len(digests))


def test_a_folder_or_a_link_in_place_of_the_cache_file_is_no_error(policy: Path, tmp_path: Path) -> None:
    store = tmp_path / "cache"
    loaded(policy, store)
    (file,) = store.glob("policy-*.cache")
    file.unlink()
    file.mkdir()
    assert loaded(policy, store).hits == 0
    file.rmdir()
    target = tmp_path / "elsewhere.txt"
    target.write_text("keep me", encoding="utf-8")
    file.symlink_to(target)
    assert loaded(policy, store).hits == 0
    assert target.read_text(encoding="utf-8") == "keep me", "a link in its place is never written through"


def test_a_linked_cache_folder_is_neither_written_nor_pruned(
    policy: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A repository may commit its cache folder as a link to anywhere (the policy
    folder, a home folder): nothing is written there and nothing there removed."""
    monkeypatch.setattr(caching, "MAX_FILES", 0)
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    (elsewhere / "policy-notes.yaml").write_text("keep: me\n", encoding="utf-8")
    store = tmp_path / "cache"
    store.symlink_to(elsewhere)
    loaded(policy, store)
    assert sorted(path.name for path in elsewhere.iterdir()) == ["policy-notes.yaml"]


def test_the_folder_markers_are_never_written_through_a_link(policy: Path, tmp_path: Path) -> None:
    store = tmp_path / "cache"
    store.mkdir()
    target = tmp_path / "not-yet-there"
    (store / ".gitignore").symlink_to(target)
    cache = loaded(policy, store)
    assert cache.added > 0 and not target.exists()
    assert (store / "CACHEDIR.TAG").is_file()


def test_only_the_cache_s_own_files_are_pruned(policy: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    store = tmp_path / "cache"
    store.mkdir()
    (store / "policy-mine.yaml").write_text("x: 1\n", encoding="utf-8")
    monkeypatch.setattr(caching, "MAX_FILES", 0)
    loaded(policy, store)
    assert (store / "policy-mine.yaml").exists()


def test_an_unwritable_cache_folder_is_no_error(policy: Path, tmp_path: Path) -> None:
    store = tmp_path / "cache"
    store.write_text("a file where the folder should be", encoding="utf-8")
    cache = loaded(policy, store)
    assert cache.added > 0 and store.read_text(encoding="utf-8").startswith("a file")


# --- findings with and without the cache, through the command -----------------------------------


def check(folder: Path, *options: str) -> tuple[int, str, str]:
    return cli("check", str(folder), "--as-of", AS_OF, "--format", "json", *options)


def test_findings_are_the_same_with_and_without_the_cache_across_edits(policy: Path, tmp_path: Path) -> None:
    store = ["--cache-dir", str(tmp_path / "cache")]

    def both() -> str:
        without = check(policy, "--no-cache")
        cold = check(policy, *store)
        warm = check(policy, *store)
        assert without == cold == warm
        return without[1]

    before = both()
    processors = policy / "processors.yaml"
    processors.write_text(
        processors.read_text(encoding="utf-8").replace("    service_provided:", "    provided:", 1), "utf-8"
    )
    edited = both()
    assert edited != before
    (policy / "services" / "child-protection.yaml").rename(policy / "services" / "protection.yaml")
    renamed = both()
    assert renamed != edited, "the findings name the new file"
    (policy / "transfers.yaml").unlink()
    assert both() != renamed
    assert not list(policy.rglob("*.cache")) and not (policy / ".policy-lint-cache").exists()


def test_the_cache_goes_where_the_settings_say(policy: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(caching, "DEFAULT_FOLDER", ".policy-lint-cache")  # the tests' own is elsewhere
    project = tmp_path / "project"
    project.mkdir()
    (project / "pyproject.toml").write_text("[tool.policy-lint]\npaths = ['../policy']\n", encoding="utf-8")
    monkeypatch.chdir(project)
    assert check(policy)[0] == 1
    assert list((project / ".policy-lint-cache").glob("policy-*.cache")), "beside the config by default"
    (project / "pyproject.toml").write_text("[tool.policy-lint]\ncache-dir = 'build/lint-cache'\n", "utf-8")
    assert check(policy)[0] == 1
    assert list((project / "build" / "lint-cache").glob("policy-*.cache"))
    _, out, _ = cli("config", "--no-cache")
    assert "(none: --no-cache)" in out
    shutil.rmtree(project / "build")
    shutil.rmtree(project / ".policy-lint-cache")
    assert check(policy, "--no-cache")[0] == 1
    assert not (project / "build").exists() and not (project / ".policy-lint-cache").exists()


def test_report_uses_the_cache_too(policy: Path, tmp_path: Path) -> None:
    store = tmp_path / "cache"
    code, _, _ = cli("report", str(policy), "--as-of", AS_OF, "-o", str(tmp_path / "r.html"), "--cache-dir", str(store))
    assert code == 0 and list(store.glob("policy-*.cache"))


# --- through fresh processes: another version, a knowledge change, concurrent runs ---------------


@pytest.fixture
def package(tmp_path: Path) -> Path:
    """A copy of policy-lint that a test may edit (its knowledge, its loader)."""
    copy = tmp_path / "package"
    for name in ("linter", "checks", "reports"):
        shutil.copytree(ROOT / name, copy / name, ignore=shutil.ignore_patterns("__pycache__"))
    return copy


def run(package: Path, folder: Path, *options: str) -> subprocess.CompletedProcess[str]:
    environment = {**os.environ, "PYTHONPATH": str(package)}
    return subprocess.run(
        [sys.executable, "-m", "linter.cli", "check", str(folder), "--as-of", AS_OF, "--format", "json", *options],
        capture_output=True,
        text=True,
        env=environment,
        cwd=package,
        check=False,
    )


def test_a_knowledge_change_and_a_new_version_give_the_findings_of_a_run_without_cache(
    package: Path, policy: Path, tmp_path: Path
) -> None:
    store = ["--cache-dir", str(tmp_path / "cache")]
    first = run(package, policy, *store)
    assert first.returncode == 1 and not first.stderr
    # the law as the knowledge files record it changes: the Privacy Shield ends later
    knowledge = package / "checks" / "knowledge" / "transfer-mechanisms.yaml"
    text = knowledge.read_text(encoding="utf-8")
    assert "2020-07-16" in text
    knowledge.write_text(text.replace("2020-07-16", "2030-07-16"), encoding="utf-8")
    warm, cold = run(package, policy, *store), run(package, policy, "--no-cache")
    assert warm.stdout == cold.stdout != first.stdout
    (file,) = (tmp_path / "cache").glob("policy-*.cache")
    written = file.read_bytes()
    # another version of the code that parses: the cache is not read, and rewritten
    loader = package / "linter" / "loader.py"
    loader.write_text(loader.read_text(encoding="utf-8") + "\n# another version\n", encoding="utf-8")
    upgraded = run(package, policy, *store)
    assert upgraded.stdout == cold.stdout and not upgraded.stderr
    assert file.read_bytes().split(b" ")[2] != written.split(b" ")[2], "written under the new fingerprint"


def test_concurrent_runs_agree_and_leave_a_whole_cache(package: Path, policy: Path, tmp_path: Path) -> None:
    store = ["--cache-dir", str(tmp_path / "cache")]
    expected = run(package, policy, "--no-cache").stdout
    environment = {**os.environ, "PYTHONPATH": str(package)}
    command = [sys.executable, "-m", "linter.cli", "check", str(policy), "--as-of", AS_OF, "--format", "json", *store]
    for _ in range(2):
        processes = [
            subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=environment)
            for _ in range(4)
        ]
        outputs = [process.communicate() for process in processes]
        assert [out for out, _ in outputs] == [expected] * 4
        assert [err for _, err in outputs] == [""] * 4
    assert not [path for path in (tmp_path / "cache").iterdir() if path.name.endswith(".tmp")]
    cache = caching.open_cache(tmp_path / "cache", [str(policy)])
    assert len(cache.entries) == len(list(policy.rglob("*.yaml")))
    assert cache.result_file is not None and cache.result_file.is_file()


# --- a run with nothing changed reuses its result ------------------------------------------------


@pytest.fixture
def runs(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """How many times the rules ran (engine.run was called), counted."""
    from linter import engine

    calls: list[int] = []
    real = engine.run

    def counted(*args: Any, **kwargs: Any) -> Any:
        calls.append(1)
        return real(*args, **kwargs)

    monkeypatch.setattr(engine, "run", counted)
    return calls


def test_a_run_with_nothing_changed_gives_the_kept_result(policy: Path, tmp_path: Path, runs: list[int]) -> None:
    store = ["--cache-dir", str(tmp_path / "cache")]
    first = check(policy, *store)
    assert len(runs) == 1
    for fmt in ("json", "text", "sarif", "junit", "github"):
        again = cli("check", str(policy), "--as-of", AS_OF, "--format", fmt, *store)
        assert again == cli("check", str(policy), "--as-of", AS_OF, "--format", fmt, "--no-cache"), fmt
    assert check(policy, *store) == first
    assert len(runs) == 1 + 5, "only the runs without the cache ran the rules"


def _edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


CHANGES = {
    "a policy file edited": lambda folder: _edit(
        folder / "transfers.yaml", "mechanism: privacy-shield", "mechanism: uk-idta"
    ),
    "a policy file added": lambda folder: (folder / "more.yaml").write_text(
        "data_subjects:\n  - {id: visitors, name: visitors}\n", encoding="utf-8"
    ),
    "a policy file removed": lambda folder: (folder / "transfers.yaml").unlink(),
    "a file renamed": lambda folder: (folder / "transfers.yaml").rename(folder / "abroad.yaml"),
    "a waiver file added": lambda folder: (folder / "policy-waivers.yaml").write_text(
        "waivers:\n  - rule: TRF001\n    entity: transfer:redfern-us-parent-company\n    field: mechanism\n"
        "    reason: being replaced\n    owner: DPO\n    expires: 2030-01-01\n",
        encoding="utf-8",
    ),
}


@pytest.mark.parametrize("change", list(CHANGES))
def test_a_changed_input_runs_the_rules_again(change: str, policy: Path, tmp_path: Path, runs: list[int]) -> None:
    store = ["--cache-dir", str(tmp_path / "cache")]
    before = check(policy, *store)
    CHANGES[change](policy)
    after = check(policy, *store)
    assert after == check(policy, "--no-cache") != before
    assert len(runs) == 3


@pytest.mark.parametrize(
    "options",
    [["--as-of", "2019-01-01"], ["--select", "TRF"], ["--ignore", "NTC"], ["--severity", "TRF001=info"]],
)
def test_other_options_run_the_rules_again(options: list[str], policy: Path, tmp_path: Path, runs: list[int]) -> None:
    store = ["--cache-dir", str(tmp_path / "cache")]
    before = check(policy, *store)
    after = cli(
        "check",
        str(policy),
        "--format",
        "json",
        *store,
        *(options if "--as-of" in options else ["--as-of", AS_OF, *options]),
    )
    fresh = cli(
        "check",
        str(policy),
        "--format",
        "json",
        "--no-cache",
        *(options if "--as-of" in options else ["--as-of", AS_OF, *options]),
    )
    assert after == fresh != before
    assert len(runs) == 3


def test_a_damaged_or_forged_result_is_a_miss(policy: Path, tmp_path: Path, runs: list[int]) -> None:
    store = tmp_path / "cache"
    first = check(policy, "--cache-dir", str(store))
    (kept,) = store.glob("policy-*.run")
    original = kept.read_bytes()
    forged = original.replace(b'"rule":"TRF001"', b'"rule":"TRF000"')
    assert forged != original
    for damaged in (b"", original[:-40], forged, original.replace(b" ", b"  ", 1)):
        kept.write_bytes(damaged)
        assert check(policy, "--cache-dir", str(store)) == first
    assert len(runs) == 5, "every damaged result was a miss"


def test_a_reused_result_imports_no_rule(policy: Path, tmp_path: Path) -> None:
    probe = (
        "import sys\nfrom linter.cli import main\n"
        "try:\n    main(sys.argv[1:])\nexcept SystemExit:\n    pass\n"
        "print(' '.join(sorted(sys.modules)))\n"
    )
    command = [sys.executable, "-c", probe, "check", str(policy), "--as-of", AS_OF, "--cache-dir", str(tmp_path / "c")]
    first = subprocess.run(command, capture_output=True, text=True, check=True).stdout.split()
    second = subprocess.run(command, capture_output=True, text=True, check=True).stdout.split()
    assert "checks.registry" in first
    assert not {"checks.registry", "linter.engine", "linter.build", "cerberus"} & set(second)
