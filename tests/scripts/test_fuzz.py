"""A small fixed-seed run of the fuzzer (scripts/fuzz.py) in the normal suite.

Outcomes only: no case may end in a traceback, an internal error, output that
does not parse, a hang or a memory overrun. Nothing is timed (the machines
are shared); "hang" means still running after two minutes. The run forks its
cases from a fresh interpreter, not from the test process: a child forked
from a process that has run hundreds of tests starts with that process's
memory, which is no part of what the case costs.
"""

from __future__ import annotations

import collections
import importlib.util
import json
import subprocess
import sys
from types import ModuleType

from support import ROOT

CASES = 2_000
SEED = 2026


def _fuzz() -> ModuleType:
    spec = importlib.util.spec_from_file_location("policy_lint_fuzz", ROOT / "scripts" / "fuzz.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up
    spec.loader.exec_module(module)
    return module


DRIVER = """
import importlib.util, json, sys
spec = importlib.util.spec_from_file_location("policy_lint_fuzz", sys.argv[1])
fuzz = importlib.util.module_from_spec(spec)
sys.modules[spec.name] = fuzz
spec.loader.exec_module(fuzz)
counts, failures = fuzz.run(int(sys.argv[2]), int(sys.argv[3]), workers=2, hang_seconds=120.0)
shown = [f"case {f.index} ({f.kind}): {f.outcome} {f.detail}" for f in failures if f.outcome in fuzz.FAILURES]
print(json.dumps({"counts": dict(counts), "failures": shown}))
"""


def test_a_fixed_seed_run_ends_in_findings_or_clean_errors_only() -> None:
    fuzz = _fuzz()
    command = [sys.executable, "-c", DRIVER, str(ROOT / "scripts" / "fuzz.py"), str(SEED), str(CASES)]
    ran = subprocess.run(command, capture_output=True, text=True, check=True, cwd=ROOT)
    report = json.loads(ran.stdout.strip().splitlines()[-1])
    counts = collections.Counter(report["counts"])
    shown = report["failures"]
    assert {outcome: counts[outcome] for outcome in fuzz.FAILURES} == dict.fromkeys(fuzz.FAILURES, 0), shown[:10]
    assert counts["findings"] + counts["unusable"] == CASES
    assert counts["findings"] > CASES // 5 and counts["unusable"] > CASES // 5, "both outcomes are exercised"
    assert all(counts[f"kind:{name}"] > 0 for name in fuzz.GENERATORS), "every generator ran"


def test_cases_are_reproducible_from_the_seed() -> None:
    fuzz = _fuzz()
    first, again = fuzz.generate(SEED, 17), fuzz.generate(SEED, 17)
    assert (first.kind, first.args, list(first.files)) == (again.kind, again.args, list(again.files))
