"""The path every run takes: files -> loader -> schema -> model -> checks."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from linter.build import build
from linter.context import Context
from linter.findings import Finding, Rule
from linter.loader import LoadError, load_paths
from linter.model import Policy


@dataclass(slots=True)
class Result:
    """The outcome of one run over a policy."""

    findings: list[Finding]
    policy: Policy
    rules: list[Rule]
    as_of: dt.date
    load_errors: list[LoadError] = field(default_factory=list)
    #: findings accepted by a waiver: shown as waived, never counted by the gate
    waived: list[WaivedFinding] = field(default_factory=list)


@dataclass(frozen=True, slots=True)
class WaivedFinding:
    """A finding that a current waiver accepts, with who accepted it and why."""

    finding: Finding
    reason: str
    owner: str
    expires: dt.date


def all_rules() -> dict[str, Rule]:
    """The catalogue, from the one explicit registry in ``checks/``."""
    from checks.registry import RULES

    return RULES


def matches(rule_id: str, patterns: Iterable[str]) -> bool:
    """True when a rule id equals or starts with any of the given ids/prefixes."""
    return any(rule_id.upper().startswith(pattern.upper()) for pattern in patterns)


def select_rules(select: Sequence[str] = (), ignore: Sequence[str] = ()) -> list[Rule]:
    return [
        rule
        for rule in all_rules().values()
        if (not select or matches(rule.id, select)) and not matches(rule.id, ignore)
    ]


def unknown_patterns(patterns: Iterable[str]) -> list[str]:
    """The ids or prefixes that name no rule of the catalogue."""
    ids = list(all_rules())
    return [pattern for pattern in patterns if not any(matches(rule_id, [pattern]) for rule_id in ids)]


def run(
    paths: Sequence[str],
    as_of: dt.date,
    select: Sequence[str] = (),
    ignore: Sequence[str] = (),
) -> Result:
    """Load, build and check a policy. Unusable files end up in ``load_errors``."""
    rules = select_rules(select, ignore)
    documents, errors = load_paths(paths)
    if errors:
        return Result([], Policy(), rules, as_of, errors)
    policy, problems = build(documents)
    context = Context(policy, as_of, problems)
    findings = [finding for rule in rules for finding in rule.check(context)]
    findings.sort(key=Finding.sort_key)
    return Result(findings, policy, rules, as_of)
