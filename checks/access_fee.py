"""A fee asked for a request to see one's own data (RGT009).

Under the UK GDPR a controller answers a request under Arts 15-22 free of
charge (Art 12(5)); it may charge a reasonable fee only for a request that is
manifestly unfounded or excessive, or for further copies of the data (Art
15(3)). The £10 fee for a subject access request was the Data Protection Act
1998's, repealed in 2018; notices written then still ask for it. This rule
reads the notice's own words (its statements and the notice entity) for a fee
or charge tied to a request for one's data, where the same sentence does not
limit it to the cases the law allows. The wordings and the law are
``checks/knowledge/rights.yaml`` (``access_fee``).
"""

from __future__ import annotations

import functools
from collections.abc import Iterator
from typing import Any

from checks import facts, prose
from linter.context import Context
from linter.findings import Finding, Rule, Severity

AREA = "rights as described"
_K: dict[str, Any] = facts.load("rights")["access_fee"]


@functools.cache
def _wordings() -> tuple[prose.Wording, ...]:
    return tuple(prose.Wording.of(row) for row in _K["charged"])


def _fee_asked(ctx: Context) -> Iterator[Finding]:
    hits = prose.find(prose.notice_passages(ctx), _wordings())
    for group in prose.by_cause(hits, key=lambda hit: hit.passage.entity.ref):
        yield prose.cause_finding(
            ctx,
            FEE_ASKED,
            group,
            f"the notice asks a fee for a request for one's own information ({prose.phrases(group)}); "
            f"{prose.one_line(_K['why'])}",
        )


FEE_ASKED = Rule(
    id="RGT009",
    title="A fee is asked for a request to see one's own information",
    severity=Severity.WARNING,
    area=AREA,
    rationale=(
        "Information and action on a request under Arts 15-22 are free of charge (Art 12(5)); a reasonable fee "
        "may be charged only where a request is manifestly unfounded or excessive, or for further copies of the "
        "data (Art 15(3)). The £10 subject access fee belonged to the Data Protection Act 1998, repealed on "
        "2018-05-25. A notice that still asks for it, or for any fee on every request, deters people from a "
        "right the law gives free. A warning: the words are matched, and a person must check that the fee is "
        "not one the law allows."
    ),
    citation=facts.cite(_K),
    remediation=(
        "Say that requests are free; if the notice mentions a fee at all, limit it to manifestly unfounded or "
        "excessive requests and to further copies."
    ),
    check=_fee_asked,
    failing=(
        "statements:\n  - id: access\n    name: your right of access\n    topic: rights\n"
        "    text: To make a subject access request, send us the form with the fee of £10.\n"
    ),
    passing=(
        "statements:\n  - id: access\n    name: your right of access\n    topic: rights\n"
        "    text: There is no fee for a subject access request.\n"
    ),
)

RULES = (FEE_ASKED,)
