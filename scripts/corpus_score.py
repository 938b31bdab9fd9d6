#!/usr/bin/env python3
"""Score the linter against the real-notice corpus (``tests/corpus/``).

Each ``tests/corpus/NAME/`` holds a real notice encoded as a policy
(``policy/``) and ``expected.yaml``: the problems a careful UK data-protection
lawyer raises on it, written from the law (see ``tests/corpus/README.md``).
For every notice this prints how many expected problems the linter reports,
how many are still open (no rule yet), and how many of its ``error`` findings
the lawyer's list accounts for::

    python scripts/corpus_score.py            # the table
    python scripts/corpus_score.py --details  # and what is missed or unlisted
"""

from __future__ import annotations

import argparse
import datetime as dt
import sys
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT / "tests" / "corpus"
sys.path.insert(0, str(ROOT))

from linter import engine  # noqa: E402
from linter.findings import Finding, Severity  # noqa: E402


@dataclass(frozen=True)
class Problem:
    """One problem of ``expected.yaml``."""

    id: str
    rules: tuple[str, ...]
    entities: tuple[str, ...]
    severity: str
    quote: str
    law: str
    open: bool
    catch: str

    def matches(self, finding: Finding) -> bool:
        """The finding is by one of the rules and about one of the entities: its own, or one it
        affects (one finding per cause lists the entities the cause reaches)."""
        about = {finding.entity, *(related.entity for related in finding.related)}
        return finding.rule in self.rules and (not self.entities or bool(about & set(self.entities)))


@dataclass
class Score:
    name: str
    problems: list[Problem]
    findings: list[Finding]
    found: list[Problem] = field(default_factory=list)
    missed: list[Problem] = field(default_factory=list)
    open_found: list[Problem] = field(default_factory=list)
    severity_differs: list[tuple[Problem, Finding]] = field(default_factory=list)
    listed_errors: list[Finding] = field(default_factory=list)
    unlisted_errors: list[Finding] = field(default_factory=list)
    schema: list[Finding] = field(default_factory=list)

    @property
    def open(self) -> list[Problem]:
        return [problem for problem in self.problems if problem.open]


def load_expected(folder: Path) -> tuple[dt.date, list[Problem]]:
    data: dict[str, Any] = yaml.safe_load((folder / "expected.yaml").read_text(encoding="utf-8"))
    as_of = data["as_of"]
    problems = [
        Problem(
            id=str(row["id"]),
            rules=tuple(row.get("rules") or ()),
            entities=tuple(row.get("entities") or ()),
            severity=str(row["severity"]),
            quote=str(row.get("quote", "")),
            law=str(row["law"]),
            open=bool(row.get("open", False)),
            catch=str(row.get("catch", "")),
        )
        for row in data.get("problems") or ()
    ]
    return as_of, problems


def score(folder: Path) -> Score:
    as_of, problems = load_expected(folder)
    result = engine.run([str(folder / "policy")], as_of)
    if result.load_errors:
        raise SystemExit(f"{folder.name}: unusable policy: {result.load_errors[0]}")
    found = Score(folder.name, problems, result.findings)
    for problem in problems:
        matching = [finding for finding in result.findings if problem.matches(finding)]
        if matching and problem.open:
            found.open_found.append(problem)
        elif matching:
            found.found.append(problem)
            if not any(finding.severity.value == problem.severity for finding in matching):
                found.severity_differs.append((problem, matching[0]))
        elif not problem.open:
            found.missed.append(problem)
    for finding in result.findings:
        if finding.rule.startswith("SCH") or finding.rule in ("REF001", "REF002"):
            found.schema.append(finding)
        if finding.severity is Severity.ERROR:
            listed = any(problem.matches(finding) for problem in problems)
            (found.listed_errors if listed else found.unlisted_errors).append(finding)
    return found


def folders() -> list[Path]:
    return sorted(path for path in CORPUS.iterdir() if (path / "expected.yaml").is_file())


def table(scores: Iterable[Score]) -> str:
    rows = [("notice", "found", "open", "errors listed", "errors unlisted", "severity differs")]
    totals = [0, 0, 0, 0, 0, 0]
    for item in scores:
        found = len(item.found) + len(item.open_found)
        counts = [found, len(item.problems), len(item.open), len(item.listed_errors), len(item.unlisted_errors)]
        counts.append(len(item.severity_differs))
        totals = [total + count for total, count in zip(totals, counts, strict=True)]
        rows.append((item.name, f"{counts[0]}/{counts[1]}", *(str(count) for count in counts[2:])))
    rows.append(("total", f"{totals[0]}/{totals[1]}", *(str(count) for count in totals[2:])))
    widths = [max(len(row[index]) for row in rows) for index in range(len(rows[0]))]
    lines = ["  ".join(cell.ljust(width) for cell, width in zip(row, widths, strict=True)) for row in rows]
    lines.insert(1, "  ".join("-" * width for width in widths))
    lines.insert(-1, lines[1])
    return "\n".join(lines)


def details(item: Score) -> Iterable[str]:
    for problem in item.missed:
        yield f"{item.name}: missed {problem.id} ({', '.join(problem.rules) or 'no rule'})"
    for problem in item.open_found:
        yield f"{item.name}: open problem {problem.id} is now reported: close it"
    for problem, finding in item.severity_differs:
        yield f"{item.name}: {problem.id} expected {problem.severity}, {finding.rule} reports {finding.severity.value}"
    for finding in item.unlisted_errors:
        yield f"{item.name}: unlisted error {finding.rule} {finding.entity} {finding.field}: {finding.message}"
    for finding in item.schema:
        yield f"{item.name}: schema finding {finding.rule} {finding.file}:{finding.line}: {finding.message}"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--details", action="store_true", help="list missed problems and unlisted errors")
    args = parser.parse_args(argv)
    scores = [score(folder) for folder in folders()]
    if args.details:
        for item in scores:
            for line in details(item):
                print(line)
        print()
    print(table(scores))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
