"""The real-notice corpus as a regression suite.

Every ``tests/corpus/NAME/`` is a real UK public-sector notice encoded as a
policy, with the problems a data-protection lawyer raises on it. The linter
must report every problem the file does not mark ``open``, must not report an
error the lawyer does not list, and the encoding must be schema-clean.
"""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from types import ModuleType

import pytest
from support import ROOT

CORPUS = Path(__file__).resolve().parent


def _scoring() -> ModuleType:
    spec = importlib.util.spec_from_file_location("corpus_score", ROOT / "scripts" / "corpus_score.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up while it loads
    spec.loader.exec_module(module)
    return module


scoring = _scoring()
NOTICES = [folder.name for folder in scoring.folders()]


def test_the_corpus_is_not_empty() -> None:
    assert NOTICES, "no tests/corpus/*/expected.yaml"


@pytest.mark.parametrize("name", NOTICES)
def test_expected_problems_are_well_formed(name: str) -> None:
    _, problems = scoring.load_expected(CORPUS / name)
    ids = [problem.id for problem in problems]
    assert len(ids) == len(set(ids)), "problem ids repeat"
    for problem in problems:
        assert problem.severity in ("error", "warning", "info"), problem.id
        assert problem.law, f"{problem.id}: the law it rests on"
        assert problem.open or problem.rules, f"{problem.id}: the rule(s) that report it, or open: true"
        assert not problem.open or problem.catch, f"{problem.id}: one line on what would catch it"


@pytest.mark.parametrize("name", NOTICES)
def test_the_linter_reports_what_the_lawyer_raises(name: str) -> None:
    result = scoring.score(CORPUS / name)
    assert [f"{f.rule} {f.file}:{f.line} {f.message}" for f in result.schema] == []
    assert [problem.id for problem in result.missed] == []
    assert [problem.id for problem in result.open_found] == [], "reported now: drop open: true"
    unlisted = [f"{f.rule} {f.entity} {f.field}: {f.message}" for f in result.unlisted_errors]
    assert unlisted == []


@pytest.mark.parametrize("name", NOTICES)
def test_expected_quotes_are_in_the_notice(name: str) -> None:
    from support import shared

    from linter.tracing import normalise

    notice = normalise(shared("corpus", f"{name}.txt").read_text(encoding="utf-8"))
    _, problems = scoring.load_expected(CORPUS / name)
    assert [problem.id for problem in problems if problem.quote and normalise(problem.quote) not in notice] == []
