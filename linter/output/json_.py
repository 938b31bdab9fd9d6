"""The JSON contract: ``{"findings": [...], "summary": {...}}``."""

from __future__ import annotations

import json

from linter.engine import Result
from linter.gate import Summary


def render(result: Result, summary: Summary) -> str:
    document = {
        "findings": [finding.to_dict() for finding in result.findings],
        "summary": summary.to_dict(),
    }
    return json.dumps(document, indent=2, ensure_ascii=False) + "\n"
