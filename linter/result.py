"""The outcome of a run, and the form in which the cache keeps it.

Kept apart from :mod:`linter.engine` so that what only reads a result (the
gate, the output formats, a run whose every input is unchanged since the
cache kept its result) imports neither the loader nor the rules.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from linter.findings import Finding, Rule

if TYPE_CHECKING:
    from linter.baseline import Entry
    from linter.loader import LoadError
    from linter.model import Policy
    from linter.signoff import SignOffRecord


@dataclass(slots=True)
class Result:
    """The outcome of one run over a policy."""

    findings: list[Finding]
    #: the built policy (None for a result the cache kept, which holds only what ``check`` reads)
    policy: Policy | None
    rules: list[Rule]
    as_of: dt.date
    load_errors: list[LoadError] = field(default_factory=list)
    #: findings accepted by a waiver: shown as waived, never counted by the gate
    waived: list[WaivedFinding] = field(default_factory=list)
    #: findings accepted by the baseline (not shown, not counted); None: no baseline
    baselined: list[Finding] | None = None
    #: every file the run read (policy, waivers, sign-off, baseline): no output may replace one
    read_files: list[str] = field(default_factory=list)
    #: the baseline file and its entries that no finding matches any more (fixed since)
    baseline_file: str | None = None
    stale_baseline: list[Entry] = field(default_factory=list)
    #: the files whose findings are reported, when fewer than all read (a file named
    #: alone is checked with its folder); None: every file read
    reported_files: list[str] | None = None
    #: the sign-off record, when the policy has one
    signoff: SignOffRecord | None = None
    #: the policy files read
    policy_files: list[str] = field(default_factory=list)


@dataclass(frozen=True, slots=True)
class WaivedFinding:
    """A finding that a current waiver accepts, with who accepted it and why."""

    finding: Finding
    reason: str
    owner: str
    expires: dt.date


def to_cache(result: Result) -> dict[str, Any]:
    """What :func:`from_cache` needs to give the same result again, as JSON data
    (for ``check``: findings and what the gate and the outputs read; not the policy)."""
    return {
        "findings": [finding.to_dict() for finding in result.findings],
        "files": result.policy_files,
        "rules": [rule.id for rule in result.rules],
        "as_of": result.as_of.isoformat(),
        "waived": [
            {
                "finding": item.finding.to_dict(),
                "reason": item.reason,
                "owner": item.owner,
                "expires": str(item.expires),
            }
            for item in result.waived
        ],
        "baselined": None if result.baselined is None else [finding.to_dict() for finding in result.baselined],
        "read_files": result.read_files,
        "baseline_file": result.baseline_file,
        "stale_baseline": [vars_of(entry) for entry in result.stale_baseline],
        "reported_files": result.reported_files,
    }


def vars_of(entry: Entry) -> dict[str, str]:
    return {name: getattr(entry, name) for name in ("fingerprint", "rule", "entity", "field", "detail")}


def from_cache(data: dict[str, Any], rules: dict[str, Rule]) -> Result:
    """The result :func:`to_cache` kept, with its rules taken from ``rules`` (by id)."""
    from linter.baseline import Entry

    baselined = data["baselined"]
    return Result(
        findings=[Finding.from_dict(item) for item in data["findings"]],
        policy=None,
        policy_files=list(data["files"]),
        rules=[rules[rule_id] for rule_id in data["rules"]],
        as_of=dt.date.fromisoformat(data["as_of"]),
        waived=[
            WaivedFinding(
                Finding.from_dict(item["finding"]),
                item["reason"],
                item["owner"],
                dt.date.fromisoformat(item["expires"]),
            )
            for item in data["waived"]
        ],
        baselined=None if baselined is None else [Finding.from_dict(item) for item in baselined],
        read_files=list(data["read_files"]),
        baseline_file=data["baseline_file"],
        stale_baseline=[Entry(**entry) for entry in data["stale_baseline"]],
        reported_files=data["reported_files"],
    )
