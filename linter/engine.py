"""The path every run takes: files -> loader -> schema -> model -> checks."""

from __future__ import annotations

import contextlib
import dataclasses
import datetime as dt
import gc
import os
import re
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from typing import TYPE_CHECKING

from linter import baseline as baseline_files
from linter import signoff as signoff_files
from linter import waivers as waiver_files
from linter.build import BUILD_RULES, Problem, build
from linter.config import matches, severity_for, with_severity
from linter.context import Context
from linter.findings import Finding, Rule, Severity
from linter.loader import Document, InputFile, LoadError, discover, load_file
from linter.model import Policy
from linter.result import Result, WaivedFinding

if TYPE_CHECKING:
    from linter.cache import Cache

__all__ = [
    "Result",
    "WaivedFinding",
    "all_rules",
    "evaluate",
    "load",
    "matches",
    "run",
    "select_rules",
    "with_severity",
]


def all_rules() -> dict[str, Rule]:
    """The catalogue, from the one explicit registry in ``checks/``."""
    from checks.registry import RULES

    return RULES


def select_rules(select: Sequence[str] = (), ignore: Sequence[str] = ()) -> list[Rule]:
    return [
        rule
        for rule in all_rules().values()
        if (not select or matches(rule.id, select)) and not matches(rule.id, ignore)
    ]


def readable(findings: Iterable[Finding], problems: Iterable[Problem]) -> list[Finding]:
    """The findings that do not merely follow from a field being unreadable.

    A build problem (an invalid value, a misspelt key, references to nothing, a
    placeholder) names the field of its entity it leaves unreadable; another
    rule's finding on that same entity and field would only say again, and
    wrongly, that the field is empty ("no contract is recorded" for a contract
    whose date is mistyped). Such findings are dropped; the problem is reported.
    """
    hidden = {(problem.entity, field) for problem in problems for field in problem.hides}
    if not hidden:
        return list(findings)

    def unreadable(finding: Finding) -> bool:
        # a field hides its parts too: 'complaint' hides 'complaint.name' and 'complaint.address[0]'
        top = re.split(r"[.\[]", finding.field, maxsplit=1)[0]
        return (finding.entity, finding.field) in hidden or (finding.entity, top) in hidden

    return [finding for finding in findings if finding.rule in BUILD_RULES or not unreadable(finding)]


def _documents(
    paths: Sequence[str], waivers: str | None, signoff: str | None = None, cache: Cache | None = None
) -> tuple[Iterator[Document], list[InputFile], list[InputFile], list[LoadError], list[str]]:
    """The policy documents under ``paths``, and the waiver and sign-off files
    beside them (never read as policy). The documents are read one at a time
    as they are iterated, so that building the policy from them never holds
    every parsed file at once; a file that cannot be used is added to the
    errors returned when it is reached. Files ``cache`` knows are not parsed
    again, and the cache keeps what this run parsed (saved once it is built)."""
    try:
        waiver_paths = waiver_files.locate(paths, waivers)
        signoff_paths = signoff_files.locate(paths, signoff)
        files = discover(paths)
    except LoadError as error:
        return iter(()), [], [], [error], []
    skipped = {os.path.realpath(record.path) for record in (*waiver_paths, *signoff_paths)}
    errors: list[LoadError] = []
    read: list[str] = []  # where each policy file read is (a name shown escaped is no path)

    def documents() -> Iterator[Document]:
        for file in files:
            if os.path.realpath(file.path) in skipped:
                continue
            try:
                document = load_file(file, cache=cache)
            except LoadError as error:
                errors.append(error)
                continue
            read.append(document.path or document.file)
            yield document

    return documents(), waiver_paths, signoff_paths, errors, read


def load(
    paths: Sequence[str], waivers: str | None = None, signoff: str | None = None, cache: Cache | None = None
) -> tuple[Policy, list[str], list[LoadError]]:
    """The built policy, every file read or set aside (waivers, sign-off), and
    unusable files; no rule runs (for exports such as ``ropa``)."""
    documents, waiver_paths, signoff_paths, errors, read = _documents(paths, waivers, signoff, cache)
    policy = build(documents)[0]
    if cache is not None:
        cache.save()
    if errors:
        return Policy(), [], errors
    return policy, _read(read, (*waiver_paths, *signoff_paths)), []


#: garbage-collection thresholds while a policy is loaded and checked (see few_collections)
GC_THRESHOLDS = (50_000, 50, 1_000)


@contextlib.contextmanager
def few_collections() -> Iterator[None]:
    """Collect garbage less often while a run builds its many small, long-lived
    objects: with the default thresholds the collector walks the whole growing
    heap again and again (a tenth of a large run). Reference counting frees
    what the run drops; the thresholds are restored afterwards."""
    before = gc.get_threshold()
    gc.set_threshold(*(max(ours, theirs) for ours, theirs in zip(GC_THRESHOLDS, before, strict=False)))
    try:
        yield
    finally:
        gc.set_threshold(*before)


def run(
    paths: Sequence[str],
    as_of: dt.date,
    select: Sequence[str] = (),
    ignore: Sequence[str] = (),
    waivers: str | None = None,
    baseline: str | None = None,
    severity: Mapping[str, Severity] | None = None,
    report: Sequence[str] | None = None,
    signoff: str | None = None,
    signoff_months: int | None = None,
    cache: Cache | None = None,
) -> Result:
    """Load, build and check a policy. Unusable files end up in ``load_errors``.

    ``waivers`` names a waiver file; by default ``policy-waivers.yaml`` in each
    policy folder is used where there is one (and is never read as policy).
    Findings a current waiver accepts go to ``Result.waived``; an action in
    that file is attached to its finding. The rules a waiver or action names
    run even when not selected, so that whether the entry still matches
    anything is judged the same way whatever the selection.
    ``baseline`` names a baseline file: findings whose fingerprint it lists
    go to ``Result.baselined`` (see :mod:`linter.baseline`), and its entries
    that no finding matches any more to ``Result.stale_baseline``.
    ``severity`` maps rule ids or prefixes to the severity their findings get
    (the most specific wins): the rules, the findings and the gate all see it.
    ``report`` names the files whose findings are reported (the others are read
    to resolve references): a finding counts when it is in one of them or
    affects an entity defined in one of them. ``signoff`` names the sign-off
    file (default: ``policy-signoff.yaml`` in each policy folder) and
    ``signoff_months`` the period after which a sign-off is out of date.
    ``cache`` keeps parsed policy files between runs (:mod:`linter.cache`).
    """
    with few_collections():
        return _run(paths, as_of, select, ignore, waivers, baseline, severity, report, signoff, signoff_months, cache)


def _run(
    paths: Sequence[str],
    as_of: dt.date,
    select: Sequence[str],
    ignore: Sequence[str],
    waivers: str | None,
    baseline: str | None,
    severity: Mapping[str, Severity] | None,
    report: Sequence[str] | None,
    signoff: str | None,
    signoff_months: int | None,
    cache: Cache | None,
) -> Result:
    rules = with_severity(select_rules(select, ignore), severity or {})
    documents, waiver_paths, signoff_paths, errors, read = _documents(paths, waivers, signoff, cache)
    policy, problems = build(documents)
    if cache is not None:
        cache.save()  # before the rules run: what it holds is not needed any more
    if not policy.files and errors:
        return Result([], Policy(), rules, as_of, errors)
    try:
        waiver_set = waiver_files.load(waiver_paths, all_rules())
        record = signoff_files.load(signoff_paths) if signoff_paths else None
        accepted = baseline_files.load(baseline) if baseline is not None else None
    except LoadError as error:
        errors.append(error)
    if errors:
        return Result([], Policy(), rules, as_of, errors)
    result = _evaluate(policy, problems, as_of, select, ignore, waiver_set, record, signoff_months, severity)
    findings, waived = result.findings, result.waived
    selected = {rule.id for rule in result.rules}
    stale: list[baseline_files.Entry] = []
    if accepted is not None and report is None:  # a partial report cannot tell what was fixed elsewhere
        stale = baseline_files.stale(accepted, [*findings, *(item.finding for item in waived)], selected)
    if report is not None:
        named = _reported(report)
        findings = [finding for finding in findings if named(finding)]
        waived = [item for item in waived if named(item.finding)]
    if accepted is not None:
        findings, result.baselined = baseline_files.split(findings, accepted)
    result.findings, result.waived = findings, waived
    result.read_files = _read(read, (*waiver_paths, *signoff_paths), baseline)
    result.baseline_file = baseline
    result.stale_baseline = stale
    result.reported_files = list(report) if report is not None else None
    return result


def _read(policy_files: Sequence[str], records: Sequence[InputFile], baseline: str | None = None) -> list[str]:
    """Every file a run reads, where it is: no output may replace one."""
    return [*policy_files, *(str(record.path) for record in records), *([baseline] if baseline else [])]


#: rules whose findings are about the run's record files, not about the policy
RECORD_RULES = waiver_files.RULE_IDS | signoff_files.RULE_IDS


def evaluate(
    documents: Iterable[Document],
    as_of: dt.date,
    select: Sequence[str] = (),
    ignore: Sequence[str] = (),
    waiver_set: waiver_files.WaiverSet | None = None,
    signoff: signoff_files.SignOffRecord | None = None,
    signoff_months: int | None = None,
    severity: Mapping[str, Severity] | None = None,
) -> Result:
    """Build and check policy documents already loaded (from a folder, or from
    a git revision), with the waivers, actions and sign-off record given."""
    policy, problems = build(documents)
    return _evaluate(policy, problems, as_of, select, ignore, waiver_set, signoff, signoff_months, severity)


def _evaluate(
    policy: Policy,
    problems: list[Problem],
    as_of: dt.date,
    select: Sequence[str],
    ignore: Sequence[str],
    waiver_set: waiver_files.WaiverSet | None,
    signoff: signoff_files.SignOffRecord | None,
    signoff_months: int | None,
    severity: Mapping[str, Severity] | None,
) -> Result:
    """Check a built policy (see :func:`evaluate`)."""
    rules = with_severity(select_rules(select, ignore), severity or {})
    waiver_set = waiver_set or waiver_files.WaiverSet()
    if signoff is not None:
        problems.extend(signoff.problems)
    context = Context(policy, as_of, problems, signoff, signoff_months)
    selected = {rule.id for rule in rules}
    to_run = (selected | waiver_set.rules) - RECORD_RULES
    findings = readable(
        [finding for rule in all_rules().values() if rule.id in to_run for finding in rule.check(context)], problems
    )
    outcome = waiver_files.apply(findings, waiver_set, as_of)
    context.problems.extend(outcome.problems)
    findings = [finding for finding in outcome.kept if finding.rule in selected]
    findings += [finding for rule in rules if rule.id in RECORD_RULES for finding in rule.check(context)]
    findings.sort(key=Finding.sort_key)
    waived = [
        WaivedFinding(finding, waiver.reason, waiver.owner, waiver.expires)
        for finding, waiver in sorted(outcome.waived, key=lambda pair: pair[0].sort_key())
        if finding.rule in selected
    ]
    if severity:
        findings = [_severe(finding, severity) for finding in findings]
        waived = [dataclasses.replace(item, finding=_severe(item.finding, severity)) for item in waived]
    return Result(
        findings,
        policy,
        rules,
        as_of,
        waived=waived,
        signoff=signoff,
        read_files=list(policy.files),
        policy_files=list(policy.files),
    )


def _reported(files: Sequence[str]) -> Callable[[Finding], bool]:
    """Whether a finding is in one of ``files``, or affects an entity defined in one."""
    wanted = {os.path.realpath(file) for file in files}
    known: dict[str, bool] = {}

    def named(file: str) -> bool:
        if file not in known:
            known[file] = os.path.realpath(file) in wanted
        return known[file]

    return lambda finding: named(finding.file) or any(named(related.file) for related in finding.related)


def _severe(finding: Finding, overrides: Mapping[str, Severity]) -> Finding:
    level = severity_for(finding.rule, overrides)
    return finding if level is None or level == finding.severity else dataclasses.replace(finding, severity=level)
