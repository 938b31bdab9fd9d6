"""What a DPO needs to re-review: the last sign-off and what has changed since.

The report opens with it. The revision compared against is ``report --since
REV`` if given, else the revision the last sign-off names. Findings are
compared with what that sign-off accepted (its ``accepted`` fingerprints)
when it lists any, since that is what the DPO agreed to; otherwise with the
findings of the old revision, checked as of the same date.

A revision named by the sign-off record that git cannot read (no git, a
shallow clone, a rewritten history) does not stop the report: the section
says why it cannot show the entity changes. A revision given with
``--since`` that cannot be read does stop it (exit code 2).
"""

from __future__ import annotations

from collections.abc import Collection, Sequence
from dataclasses import dataclass
from pathlib import Path

from linter.config import Settings
from linter.engine import RECORD_RULES, Result
from linter.findings import Finding
from linter.loader import LoadError
from linter.signoff import SignOff
from reports import changes, snapshot


@dataclass(frozen=True, slots=True)
class Review:
    """The last sign-off (if any) and the changes since (if they could be worked out)."""

    signoff: SignOff | None
    #: the revision compared against ("" when none)
    since: str
    changes: changes.Changes | None
    #: why the entity changes are not shown, when they are not
    problem: str = ""
    #: fingerprints the sign-off accepted that are no longer reported and whose
    #: finding could not be read from the old revision
    fixed_unidentified: int = 0

    @property
    def accepted(self) -> frozenset[str]:
        return frozenset(self.signoff.accepted) if self.signoff else frozenset()


def current_findings(result: Result) -> list[Finding]:
    """Every finding of the policy now, waived or not, without the record rules' own."""
    return [
        finding
        for finding in (*result.findings, *(waived.finding for waived in result.waived))
        if finding.rule not in RECORD_RULES
    ]


def since_sign_off(
    settings: Settings, result: Result, since: str | None, records: Collection[Path] = ()
) -> Review | None:
    """The review section's content; None when there is neither a sign-off nor ``--since``."""
    latest = result.signoff.latest if result.signoff is not None else None
    revision = since or (latest.revision if latest else "")
    if latest is None and not revision:
        return None
    now = current_findings(result)
    old: snapshot.Snapshot | None = None
    problem = ""
    if revision:
        try:
            old = snapshot.of_revision(settings.paths, revision, records)
        except LoadError as error:
            if since:
                raise
            problem = f"the revision of the last sign-off ({revision}) could not be read: {error.message}"
    else:
        problem = "the last sign-off names no revision, so the entities changed since cannot be shown"
    found: changes.Changes | None = None
    unidentified = 0
    if old is not None:
        current = snapshot.of_folders(settings.paths, records)
        found = changes.compare(old, current, result.as_of, settings.select, settings.ignore, after_findings=now)
    accepted = frozenset(latest.accepted) if latest and not since else frozenset()
    if accepted:
        before = found.findings.fixed + found.findings.unchanged if found else []
        found_findings = _against_accepted(now, accepted, before)
        unidentified = len(accepted - {f.fingerprint for f in now} - {f.fingerprint for f in found_findings.fixed})
        if found is None:
            label = f"the sign-off of {latest.date.isoformat()}" if latest else ""
            found = changes.Changes(label, "now", result.as_of, [], found_findings)
        else:
            found.findings = found_findings
        found.basis = "the findings accepted at the last sign-off"
    return Review(latest, revision, found, problem, unidentified)


def _against_accepted(
    now: Sequence[Finding], accepted: frozenset[str], before: Sequence[Finding]
) -> changes.FindingChanges:
    current = {finding.fingerprint for finding in now}
    return changes.FindingChanges(
        new=sorted((f for f in now if f.fingerprint not in accepted), key=changes.by_severity),
        fixed=sorted(
            (f for f in before if f.fingerprint in accepted and f.fingerprint not in current), key=changes.by_severity
        ),
        unchanged=sorted((f for f in now if f.fingerprint in accepted), key=changes.by_severity),
    )
