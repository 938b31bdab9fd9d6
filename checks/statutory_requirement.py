"""Partial statements of whether people must provide their data (NTC014, NTC015).

Where data is collected from the person, the notice must say whether
providing it is a statutory or contractual requirement (or one needed to
enter a contract), whether they are obliged to provide it, and what happens
if they do not (Art 13(2)(e)). NTC007 (checks/notice.py) reports a notice
that says none of it; these rules read ``notice.statutory_requirement_partly``,
what a notice says short of the whole statement.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from checks import facts
from linter.context import Context
from linter.findings import Finding, Rule, Severity

AREA = "notice content"
_K: dict[str, Any] = facts.load("notice-requirements")["statutory_requirement"]

_SAID = {
    "some-processing": "says it for some of its processing only",
    "deferred": "only promises to say it when the information is collected",
}


def _from_person(ctx: Context) -> bool:
    return any(source.data_subject for source in ctx.policy.sources)


def _partly(ctx: Context) -> Iterator[Finding]:
    notice = ctx.policy.notice
    if notice is None or notice.statutory_requirement_partly not in _SAID or not _from_person(ctx):
        return
    yield ctx.finding(
        PARTLY_STATED,
        notice,
        "statutory_requirement_partly",
        f"the notice {_SAID[notice.statutory_requirement_partly]} whether people must provide their information "
        "and what happens if they do not: a person must check that the rest of the processing (or the forms) "
        "say it",
    )


def _consequences_only(ctx: Context) -> Iterator[Finding]:
    notice = ctx.policy.notice
    if notice is None or notice.statutory_requirement_partly != "consequences-only" or not _from_person(ctx):
        return
    yield ctx.finding(
        CONSEQUENCES_ONLY,
        notice,
        "statutory_requirement_partly",
        "the notice says what happens if people do not provide their information, but not whether providing it "
        "is a statutory or contractual requirement, or whether they are obliged to",
    )


_NOTICE = "sources:\n  - {id: you, name: you, data_subject: true}\nnotice:\n  id: n\n  name: N\n"

PARTLY_STATED = Rule(
    id="NTC014",
    title="Whether people must provide their information is said for some processing only, or deferred",
    severity=Severity.WARNING,
    area=AREA,
    rationale=(
        "People must be told, when their information is collected from them, whether they must provide it "
        "and what happens if they do not. A notice that says so for one service only, or promises to say "
        "'why' when the information is collected, may meet the duty through the forms it points to: a "
        "person must check, so this is a warning, not NTC007's error for a notice that says nothing."
    ),
    citation=facts.cite(_K),
    remediation="Say for each processing whether providing the information is required by law or contract, and "
    "the consequences of not providing it; or check that every form says so at the point of collection.",
    check=_partly,
    failing=_NOTICE + "  statutory_requirement_partly: deferred\n",
    passing=_NOTICE + "  statutory_requirement_stated: true\n",
)

CONSEQUENCES_ONLY = Rule(
    id="NTC015",
    title="The consequences of not providing information are given, but not whether it must be provided",
    severity=Severity.INFO,
    area=AREA,
    rationale=(
        "Art 13(2)(e) asks for both: whether providing the data is a statutory or contractual requirement (and "
        "whether the person is obliged) and the consequences of not doing so. A notice that gives only the "
        "consequences tells people most of what they need; the missing half is information for the DPO."
    ),
    citation=facts.cite(_K),
    remediation="Add whether providing the information is required by law or contract, or optional.",
    check=_consequences_only,
    failing=_NOTICE + "  statutory_requirement_stated: true\n  statutory_requirement_partly: consequences-only\n",
    passing=_NOTICE + "  statutory_requirement_stated: true\n",
)

RULES = (PARTLY_STATED, CONSEQUENCES_ONLY)
