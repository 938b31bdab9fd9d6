"""Changes to the notice left for people to find (NTC016).

A notice may be revised, but a revised notice on a web page tells nobody of
a new use of their data: before personal data is processed for a purpose
other than the one it was collected or obtained for, the controller gives the
person information on it (UK GDPR Art 13(3), Art 14(4)). Many notices say
instead that changes apply as soon as they are published, or ask people to
check the page for changes themselves. This rule reads the notice's
statements (and the notice's own words) for such wordings and for any saying
that people will be told of a change; the wordings and the law are
``checks/knowledge/notice-requirements.yaml`` (``changes``).
"""

from __future__ import annotations

import functools
from collections.abc import Iterator
from typing import Any

from checks import facts, prose
from linter.context import Context
from linter.findings import Finding, Rule, Severity
from linter.model import Statement

AREA = "notice content"
_K: dict[str, Any] = facts.load("notice-requirements")["changes"]


@functools.cache
def _wordings(key: str) -> tuple[prose.Wording, ...]:
    return tuple(prose.Wording.of(row) for row in _K[key])


def _in_place(hit: prose.Hit) -> bool:
    """A wording with a ``topic`` counts only in a statement of that topic."""
    topic = hit.wording.row.get("topic")
    return not topic or (isinstance(hit.passage.entity, Statement) and hit.passage.entity.topic == topic)


def _left_to_find(ctx: Context) -> Iterator[Finding]:
    words = prose.notice_passages(ctx)
    hits = [hit for hit in prose.find(words, _wordings("left_to_reader")) if _in_place(hit)]
    if not hits or prose.find(words, _wordings("told")):
        return
    said = "; ".join(
        f"{prose.one_line(group[0].wording.row['says'])} ({prose.phrases(group)})" for group in prose.by_cause(hits)
    )
    yield prose.cause_finding(
        ctx,
        LEFT_TO_FIND,
        hits,
        f"the notice leaves changes for people to find: {said}; it nowhere says that people will be told of a "
        "change, such as a new use of their data, before it applies to them",
    )


LEFT_TO_FIND = Rule(
    id="NTC016",
    title="Changes to the notice are left for people to find",
    severity=Severity.WARNING,
    area=AREA,
    rationale=(
        "Before personal data is used for a purpose other than the one it was collected for, the person must "
        "be given information on that purpose (Art 13(3), Art 14(4)); the ICO asks that new uses be brought to "
        "people's attention before the processing starts. Publishing a revised notice does not do that: a "
        "notice that says changes apply as soon as they are published, or asks people to check the page for "
        "changes themselves, and nowhere says that people will be told, puts on them a duty that is the "
        "controller's. A warning: whether a change needs telling depends on what changes, which a person "
        "must judge."
    ),
    citation=facts.cite(_K),
    remediation=(
        "Say how people will be told of a change that affects them (by email, by letter, at their next contact "
        "with the service) before it applies, and keep the date of the last revision; asking people to check the "
        "page may stay as well, but not instead."
    ),
    check=_left_to_find,
    failing=(
        "statements:\n  - id: changes\n    name: changes to this notice\n    topic: changes\n"
        "    text: Any changes will apply to you immediately. You should regularly review this notice.\n"
    ),
    passing=(
        "statements:\n  - id: changes\n    name: changes to this notice\n    topic: changes\n"
        "    text: We will tell you about any change to this notice that affects you before it applies.\n"
    ),
)

RULES = (LEFT_TO_FIND,)
