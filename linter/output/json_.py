"""The JSON contract: ``{"findings": [...], "waived": [...], "summary": {...}}``.

Added in a backwards-compatible way: ``waived`` (findings a current waiver
accepts, each with its ``waiver``: reason, owner, expires) and the summary's
``waived`` and ``baselined`` counts. Expired, stale and invalid waivers are
findings of the WVR rules, so they are in ``findings``."""

from __future__ import annotations

from linter.engine import Result
from linter.gate import Summary
from linter.output import to_json


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
        "summary": summary.to_dict(),
    }
    return to_json(document)
