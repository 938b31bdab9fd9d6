"""The shipped policy's baseline (used by this repo's pre-commit hook) is current.

When a rule changes what it reports on policy/, this fails until the baseline
is refreshed: policy-lint baseline policy/ -o policy-lint-baseline.json
"""

from __future__ import annotations

import datetime as dt
import json

from linter import engine
from support import ROOT


def test_baseline_holds_exactly_the_current_findings_of_the_shipped_policy() -> None:
    result = engine.run([str(ROOT / "policy")], dt.date(2026, 11, 24))
    baseline = json.loads((ROOT / "policy-lint-baseline.json").read_text(encoding="utf-8"))
    current = {finding.fingerprint for finding in result.findings}
    recorded = set(baseline["findings"])
    assert current - recorded == set(), "findings the baseline does not hold: refresh it"
    assert recorded - current == set(), "baseline entries no finding matches any more: refresh it"
