"""Processor rules (PRC): contracts, locations and roles of processors.

Citations come from ``checks/knowledge/processor-requirements.yaml``; names
are compared with ``checks.naming.normalise`` (aliases are cited data).
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from checks import facts
from checks.naming import normalise
from linter.context import Context
from linter.findings import Finding, Rule, Severity
from linter.model import Policy, Processor, Recipient
from linter.schema import RECIPIENT_ROLES

AREA = "processors"
_K: dict[str, Any] = facts.load("processor-requirements")

#: recipient roles that say the body decides for itself what to do with the data
INDEPENDENT_ROLES = ("independent-controller", "public-body", "individual", "public")
#: the recipient role that already says the body is our processor
PROCESSOR_ROLE = "processor"
#: the recipient role of the council's own teams, which are not processors
INTERNAL_ROLE = "internal"
#: the person the information is about, given their own information
DATA_SUBJECT_ROLE = "data-subject"
#: recipient roles that contradict acting on the council's behalf (every schema role but those two)
CONTROLLER_ROLES = tuple(
    role for role in RECIPIENT_ROLES if role not in (PROCESSOR_ROLE, INTERNAL_ROLE, DATA_SUBJECT_ROLE)
)


def _matching_processor(policy: Policy, recipient: Recipient) -> Processor | None:
    """The processor that is the same body as ``recipient`` (same id or same name)."""
    name = normalise(recipient.name)
    for processor in policy.processors:
        if processor.id == recipient.id or normalise(processor.name) == name:
            return processor
    return None


# --- PRC001 --------------------------------------------------------------------


def _contract(ctx: Context) -> Iterator[Finding]:
    """Each named processor has evidence of a written processing contract."""
    for processor in ctx.policy.processors:
        if processor.category:
            continue
        contract = processor.contract
        if contract is None:
            gap = "no contract is recorded"
        else:
            gaps = []
            if not (contract.reference or contract.evidence):
                gaps.append("no contract reference or evidence")
            if not contract.article_28:
                gaps.append("the contract is not confirmed to contain the processor terms (article_28)")
            if not gaps:
                continue
            gap = " and ".join(gaps)
        yield ctx.finding(
            CONTRACT,
            processor,
            "contract",
            f"processor '{processor.name}': {gap}; the policy holds no evidence of the written contract "
            f"a processor needs",
        )


CONTRACT = Rule(
    id="PRC001",
    title="Processor has no recorded processing contract",
    severity=Severity.WARNING,
    area=AREA,
    rationale=(
        "Every processor must work under a written contract with the terms the law lists, and the "
        "council must be able to show it. The policy file not holding the evidence does not prove that "
        "no contract exists, so this is a warning: record the contract reference and confirm its terms, "
        "or find out that there is none (which would be a real breach)."
    ),
    citation=facts.cite(_K["contract"]),
    remediation=(
        "Record contract.reference (or contract.evidence) and set contract.article_28: true once the terms are checked."
    ),
    check=_contract,
    failing="processors:\n  - id: mosaic\n    name: Mosaic\n    location: GB\n",
    passing=(
        "processors:\n  - id: mosaic\n    name: Mosaic\n    location: GB\n"
        "    contract:\n      reference: CON-2024-017\n      article_28: true\n"
    ),
)


# --- PRC002 --------------------------------------------------------------------


def _location(ctx: Context) -> Iterator[Finding]:
    """Each named processor says where it processes the data."""
    for processor in ctx.policy.processors:
        if not processor.category and not processor.location:
            yield ctx.finding(
                LOCATION,
                processor,
                "location",
                f"processor '{processor.name}' has no location: nobody can tell whether its processing leaves the UK",
            )


LOCATION = Rule(
    id="PRC002",
    title="Processor location is not recorded",
    severity=Severity.WARNING,
    area=AREA,
    rationale=(
        "Without the country where a processor holds the data, the transfer rules cannot be checked and "
        "the record of processing is incomplete. A missing location is not itself unlawful, so this is a "
        "warning; a transfer it hides may be an error found once the location is known."
    ),
    citation=facts.cite(_K["location"]),
    remediation="Set processor.location to the ISO country code where the data is processed (GB for the UK).",
    check=_location,
    failing=(
        "processors:\n  - id: mosaic\n    name: Mosaic\n"
        "    contract:\n      reference: CON-2024-017\n      article_28: true\n"
    ),
    passing=(
        "processors:\n  - id: mosaic\n    name: Mosaic\n    location: GB\n"
        "    contract:\n      reference: CON-2024-017\n      article_28: true\n"
    ),
)


# --- PRC003 --------------------------------------------------------------------


def _both_roles(ctx: Context) -> Iterator[Finding]:
    """No body is both an independent recipient and the council's processor."""
    for recipient in ctx.policy.recipients:
        if recipient.role not in INDEPENDENT_ROLES:
            continue
        processor = _matching_processor(ctx.policy, recipient)
        if processor is not None:
            yield ctx.finding(
                BOTH_ROLES,
                recipient,
                "role",
                f"'{recipient.name}' is listed as a recipient that decides for itself ({recipient.role}) and as our "
                f"processor '{processor.id}' ({processor.position}): the notice must say which role it has for what",
                detail=processor.id,
            )


BOTH_ROLES = Rule(
    id="PRC003",
    title="One body is both an independent recipient and our processor",
    severity=Severity.WARNING,
    area=AREA,
    rationale=(
        "A processor acts only on the council's instructions; an independent recipient decides for "
        "itself. Listing one body as both tells people two different things about who is responsible. "
        "An organisation can lawfully be a processor for some processing and a controller for other "
        "processing, so this is a warning: the notice must say which role applies to what."
    ),
    citation=facts.cite(_K["roles"]),
    remediation=(
        "Decide the body's role for each processing; keep it as a processor, or as a recipient, "
        "and say why in the notice."
    ),
    check=_both_roles,
    failing=(
        "recipients:\n  - id: stopford\n    name: Stopford\n    role: independent-controller\n"
        "processors:\n  - id: stopford\n    name: Stopford\n"
    ),
    passing=(
        "recipients:\n  - id: stopford\n    name: Stopford\n    role: processor\n"
        "processors:\n  - id: stopford\n    name: Stopford\n"
    ),
)


# --- PRC004 --------------------------------------------------------------------


def _acts_on_behalf(ctx: Context) -> Iterator[Finding]:
    """A recipient that acts on the council's behalf is not recorded in a controller's role."""
    for recipient in ctx.policy.recipients:
        if not recipient.acts_on_our_behalf or recipient.role not in CONTROLLER_ROLES:
            continue
        if _matching_processor(ctx.policy, recipient) is not None:
            continue
        yield ctx.finding(
            ACTS_ON_BEHALF,
            recipient,
            "acts_on_our_behalf",
            f"'{recipient.name}' acts on the council's behalf, which makes it a processor, but it is recorded as "
            f"{recipient.role} and no processor entry matches it",
        )


ACTS_ON_BEHALF = Rule(
    id="PRC004",
    title="Recipient acts on our behalf but is not recorded as a processor",
    severity=Severity.ERROR,
    area=AREA,
    rationale=(
        "A body that processes personal data on the council's behalf is a processor by definition, and "
        "a processor must work under a written contract. The policy itself says this recipient acts on "
        "the council's behalf, yet records it in a controller's role (independent or joint controller, or "
        "public body) and not among the processors, so no contract can be recorded or checked: the policy "
        "contradicts itself, an error. Internal teams are not processors and are skipped; a recipient "
        "already in the processor role is only missing from the processors list (PRC006)."
    ),
    citation=facts.cite(_K["processor_definition"]),
    remediation="Add the body to processors (with its contract and location), or correct acts_on_our_behalf.",
    check=_acts_on_behalf,
    failing=(
        "recipients:\n  - id: telljo\n    name: Telljo\n    role: independent-controller\n"
        "    acts_on_our_behalf: true\n"
    ),
    passing=(
        "recipients:\n  - id: telljo\n    name: Telljo\n    role: processor\n    acts_on_our_behalf: true\n"
        "processors:\n  - id: telljo\n    name: Telljo\n"
    ),
)


# --- PRC005 --------------------------------------------------------------------


def _sub_processor_country(ctx: Context) -> Iterator[Finding]:
    """Every sub-processor says in which country it processes the data."""
    for processor in ctx.policy.processors:
        for company in processor.sub_processors:
            if not company.country:
                yield ctx.finding(
                    SUB_PROCESSOR_COUNTRY,
                    processor,
                    "sub_processors",
                    f"sub-processor '{company.name}' of '{processor.name}' has no country",
                    detail=company.name,
                )


SUB_PROCESSOR_COUNTRY = Rule(
    id="PRC005",
    title="Sub-processor has no country",
    severity=Severity.WARNING,
    area=AREA,
    rationale=(
        "A sub-processor abroad means a transfer of the council's data outside the UK, which needs a "
        "lawful mechanism. Without its country the transfer rules cannot be applied; the gap is in the "
        "record, not necessarily in the law, so this is a warning."
    ),
    citation=facts.cite(_K["sub_processors"]),
    remediation="Set the sub-processor's country (ISO code) and, if outside the UK, record the transfer.",
    check=_sub_processor_country,
    failing=(
        "processors:\n  - id: mosaic\n    name: Mosaic\n    location: GB\n"
        "    sub_processors:\n      - name: Example Hosting Ltd\n        purpose: hosting\n"
    ),
    passing=(
        "processors:\n  - id: mosaic\n    name: Mosaic\n    location: GB\n"
        "    sub_processors:\n      - name: Example Hosting Ltd\n        country: GB\n        purpose: hosting\n"
    ),
)

# --- PRC006 --------------------------------------------------------------------


def _processor_not_listed(ctx: Context) -> Iterator[Finding]:
    """A recipient in the processor role also has a processor entry."""
    for recipient in ctx.policy.recipients:
        if recipient.role != PROCESSOR_ROLE or _matching_processor(ctx.policy, recipient) is not None:
            continue
        yield ctx.finding(
            PROCESSOR_NOT_LISTED,
            recipient,
            "role",
            f"'{recipient.name}' is a recipient in the processor role, but no processor entry matches it, so its "
            "contract and location are not recorded",
        )


PROCESSOR_NOT_LISTED = Rule(
    id="PRC006",
    title="Recipient in the processor role is missing from the processors list",
    severity=Severity.WARNING,
    area=AREA,
    rationale=(
        "A recipient recorded as a processor says the right thing about its role: nothing is "
        "contradictory. But the processor rules (contract, location, sub-processors) run only on the "
        "processors list, so a processor that is only a recipient escapes them. The gap is in the record, "
        "not proof of a missing contract, so this is a warning."
    ),
    citation=facts.cite(_K["processor_definition"]),
    remediation="Add the body to processors (with its contract and location), matching the recipient's id or name.",
    check=_processor_not_listed,
    failing="recipients:\n  - id: telljo\n    name: Telljo\n    role: processor\n",
    passing=(
        "recipients:\n  - id: telljo\n    name: Telljo\n    role: processor\n"
        "processors:\n  - id: telljo\n    name: Telljo\n"
    ),
)

RULES = (CONTRACT, LOCATION, BOTH_ROLES, ACTS_ON_BEHALF, SUB_PROCESSOR_COUNTRY, PROCESSOR_NOT_LISTED)
