"""Shared test helpers: write a policy snippet to disk and lint it."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path

import pytest
from support import AS_OF, Snippet, write

from linter import engine
from linter.findings import Finding

LintFn = Callable[..., list[Finding]]


@pytest.fixture
def lint(tmp_path: Path) -> LintFn:
    """``lint(snippet, rule="TRF001", as_of=...)`` -> the findings of that rule."""
    counter = iter(range(1_000_000))

    def run(snippet: Snippet, rule: str | Sequence[str] = (), as_of: dt.date = AS_OF) -> list[Finding]:
        folder = write(tmp_path / f"p{next(counter)}", snippet)
        select = [rule] if isinstance(rule, str) else list(rule)
        result = engine.run([str(folder)], as_of, select=select)
        assert not result.load_errors, [str(e) for e in result.load_errors]
        return result.findings

    return run


@pytest.fixture
def assert_findings(lint: LintFn) -> Callable[..., None]:
    """``assert_findings(snippet, rule, expected=[(rule, line), ...], as_of=...)``."""

    def check(snippet: Snippet, rule: str, expected: Sequence[tuple[str, int]], as_of: dt.date = AS_OF) -> None:
        found = [(finding.rule, finding.line) for finding in lint(snippet, rule, as_of)]
        assert sorted(found) == sorted(expected), found

    return check


@pytest.fixture(autouse=True, scope="session")
def _cache_in_a_temporary_folder(tmp_path_factory: pytest.TempPathFactory) -> Iterator[None]:
    """The cache (linter/cache.py) and its MAC key go to temporary folders, not
    into the checkout (where commands run by tests would put them) or the
    user's cache folder. tests/linter/test_cache.py checks the default place."""
    from linter import cache

    patch = pytest.MonkeyPatch()
    patch.setenv("XDG_CACHE_HOME", str(tmp_path_factory.mktemp("xdg-cache")))
    patch.setattr(cache, "DEFAULT_FOLDER", str(tmp_path_factory.mktemp("policy-lint-cache")))
    yield
    patch.undo()
