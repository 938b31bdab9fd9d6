"""The JSON contract: ``{"findings": [...], "waived": [...], "summary": {...}}``.

Added in a backwards-compatible way: ``waived`` (findings a current waiver
accepts, each with its ``waiver``: reason, owner, expires) and the summary's
``waived`` and ``baselined`` counts; ``stale_baseline`` (the baseline's
entries no finding matches any more) and its count in the summary; each
finding's ``action`` (owner, due, status, note, overdue; null when none is
recorded). Expired, stale and invalid waivers and overdue actions are
findings of the WVR rules, so they are in ``findings``."""

from __future__ import annotations

from linter.gate import Summary
from linter.output import to_json
from linter.result import Result


def render(result: Result, summary: Summary) -> str:
    document = {
        "findings": [finding.to_dict() for finding in result.findings],
        "waived": [
            {
                **waived.finding.to_dict(),
                "waiver": {"reason": waived.reason, "owner": waived.owner, "expires": waived.expires.isoformat()},
            }
            for waived in result.waived
        ],
        "stale_baseline": [
            {"fingerprint": entry.fingerprint, "rule": entry.rule, "entity": entry.entity, "field": entry.field}
            | ({"detail": entry.detail} if entry.detail else {})
            for entry in result.stale_baseline
        ],
        "summary": summary.to_dict(),
    }
    return to_json(document)
