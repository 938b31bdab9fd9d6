"""Completeness rules (CMP): what a near-empty policy hides.

A policy can be valid and still say nothing: text left as ``TODO``, a service
that names no purpose, no data subjects or no place in the notice. The other
rules read what is there; these say what is not. A service with no lawful
basis at all is LAW002's. Citations are rows of
``checks/knowledge/completeness.yaml``.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from checks import facts
from linter.build import PLACEHOLDER_RULE
from linter.context import Context
from linter.findings import Finding, Rule, Severity

AREA = "completeness"
_K: dict[str, Any] = facts.load("completeness")


def _placeholder(ctx: Context) -> Iterator[Finding]:
    return ctx.problems_of(PLACEHOLDER)


PLACEHOLDER = Rule(
    id=PLACEHOLDER_RULE,
    title="Text is still to be written (TODO)",
    severity=Severity.ERROR,
    area=AREA,
    rationale=(
        "A value that starts with TODO marks a statement the notice does not make yet: `policy-lint init` writes "
        "them, each saying what to write. Until it is written the field says nothing, so the findings other rules "
        "would make about it are held back, and the placeholder itself is an error: a notice with a gap in it "
        "cannot be published."
    ),
    citation=facts.cite(_K["placeholder"]),
    remediation="Replace the TODO with what the message asks for, in the notice's own words.",
    check=_placeholder,
    failing=(
        "controller:\n  id: example-school\n  name: Example School\n"
        '  contact:\n    email: "TODO: the address people write to about their information"\n'
    ),
    passing="controller:\n  id: example-school\n  name: Example School\n  contact:\n    email: office@example.sch.uk\n",
)


def _services_without(ctx: Context, rule: Rule, field: str, gap: str) -> Iterator[Finding]:
    """A finding of ``rule`` for each service whose own and notice-wide ``field`` lists are both empty."""
    for service in ctx.policy.services:
        if not ctx.policy.effective(service, field):
            yield ctx.finding(rule, service, field, f"service '{service.name}' {gap}")


def _service_purposes(ctx: Context) -> Iterator[Finding]:
    """Every service says what it uses information for."""
    return _services_without(
        ctx, SERVICE_PURPOSES, "purposes", "states no purpose: people cannot tell what their information is used for"
    )


_SERVICE = "services:\n  - id: admissions\n    name: Admissions\n"
_PURPOSE = "purposes:\n  - id: allocate-school-places\n    name: to allocate school places\n"

SERVICE_PURPOSES = Rule(
    id="CMP002",
    title="Service states no purpose",
    severity=Severity.WARNING,
    area=AREA,
    rationale=(
        "A notice must give the purposes the information is used for, with the lawful basis of each. A service "
        "that names no purpose of its own and relies on no notice-wide purposes leaves people unable to tell why "
        "it holds their information, and leaves the lawful-basis rules nothing to read. The notice may state the "
        "purpose in the service's description without the policy linking it, so this is a warning."
    ),
    citation=facts.cite(_K["purposes"]),
    remediation=(
        "List the service's purposes (purposes: [ids]), or rely on the notice-wide purposes "
        "(relies_on_notice_wide: [purposes])."
    ),
    check=_service_purposes,
    failing=_SERVICE,
    passing=_SERVICE + "    purposes: [allocate-school-places]\n" + _PURPOSE,
)


def _service_subjects(ctx: Context) -> Iterator[Finding]:
    """Every service says whose information it holds."""
    return _services_without(
        ctx, SERVICE_SUBJECTS, "data_subjects", "names no data subjects: nobody can tell whose information it holds"
    )


_SUBJECTS = "data_subjects:\n  - id: parents-and-carers\n    name: parents and carers\n"

SERVICE_SUBJECTS = Rule(
    id="CMP003",
    title="Service names no data subjects",
    severity=Severity.WARNING,
    area=AREA,
    rationale=(
        "The record of processing activities describes the categories of people whose information each "
        "processing concerns, and the policy is where that record comes from (`policy-lint ropa`). A service "
        "with no data subjects leaves the record's column empty and a reader of the notice guessing whether it "
        "concerns them. The notice itself need not list them in every case, so this is a warning."
    ),
    citation=facts.cite(_K["data_subjects"]),
    remediation=(
        "List whose information the service holds (data_subjects: [ids]), or rely on the notice-wide data "
        "subjects (relies_on_notice_wide: [data_subjects])."
    ),
    check=_service_subjects,
    failing=_SERVICE,
    passing=_SERVICE + "    data_subjects: [parents-and-carers]\n" + _SUBJECTS,
)


def _service_trace(ctx: Context) -> Iterator[Finding]:
    """Every service says where in the notice it comes from."""
    for service in ctx.policy.services:
        trace = service.trace
        if trace is None or not (trace.quote or trace.section or trace.added):
            yield ctx.finding(
                SERVICE_TRACE,
                service,
                "trace",
                f"service '{service.name}' has no trace: nothing shows where the notice describes it",
            )


SERVICE_TRACE = Rule(
    id="CMP004",
    title="Service has no trace to the notice",
    severity=Severity.INFO,
    area=AREA,
    rationale=(
        "Each service of the policy stands for a part of the published notice, and its trace (the heading and "
        "the words quoted) is how `policy-lint trace` proves the two say the same thing and how a reviewer finds "
        "the passage. A service with no trace cannot be checked against the notice. Nothing is unlawful in that, "
        "so this is information for the author."
    ),
    citation=facts.cite(_K["trace"]),
    remediation=(
        "Give the service a trace: the notice's heading (section) and its words (quote), or, for a service the "
        "notice does not describe yet, added: with the reason."
    ),
    check=_service_trace,
    failing=_SERVICE,
    passing=_SERVICE
    + "    trace:\n      section: Admissions\n      quote: We use your information to allocate places.\n",
)

RULES = (PLACEHOLDER, SERVICE_PURPOSES, SERVICE_SUBJECTS, SERVICE_TRACE)
