"""The benchmark's synthetic estate is a valid policy (so its timings are real)."""

from __future__ import annotations

import datetime as dt
import importlib.util
import sys
from pathlib import Path

from support import ROOT

from linter import engine


def _benchmark():  # type: ignore[no-untyped-def]
    spec = importlib.util.spec_from_file_location("benchmark", ROOT / "scripts" / "benchmark.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # its dataclasses look their module up
    spec.loader.exec_module(module)
    return module


def test_estate_has_the_requested_size_and_no_schema_or_reference_findings(tmp_path: Path) -> None:
    benchmark = _benchmark()
    folder = benchmark.generate_estate(tmp_path / "estate", 200)
    result = engine.run([str(folder)], dt.date(2026, 11, 24))
    assert not result.load_errors
    assert len(result.policy.services) == 200 // benchmark.UNIT
    assert 200 <= len(result.policy.all()) <= 220
    assert all(result.policy.entities.values()), "every kind of entity of the format"
    assert [f for f in result.findings if f.rule.startswith(("SCH", "REF"))] == []
    # the estate exercises the catalogue: it holds known problems as well
    assert any(f.rule.startswith("TRF") for f in result.findings) or not any(
        rule.startswith("TRF") for rule in engine.all_rules()
    )


def test_a_ratio_pairs_the_two_commands_of_each_round() -> None:
    benchmark = _benchmark()
    # a burst of load in round 2 slows both; each round's own ratio is 2
    check, parse = benchmark.Timing(seconds=[2.0, 8.0, 2.2]), benchmark.Timing(seconds=[1.0, 4.0, 1.1])
    assert benchmark._ratio(check, parse) == 2.0
    # not measured side by side (another number of rounds): the ratio of the medians
    assert benchmark._ratio(benchmark.Timing(seconds=[3.0]), parse) == 3.0 / 1.1
