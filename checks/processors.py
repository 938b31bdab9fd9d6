"""Processor rules (PRC): contracts, locations and roles of processors, and who data comes from and goes to.

Citations come from ``checks/knowledge/processor-requirements.yaml``; names
are compared with ``checks.naming.normalise`` (aliases are cited data).
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterator
from typing import Any

from checks import facts
from checks.naming import normalise
from linter.context import Context
from linter.findings import Finding, Rule, Severity
from linter.model import Processor, Recipient
from linter.schema import RECIPIENT_ROLES

AREA = "processors"
_K: dict[str, Any] = facts.load("processor-requirements")
_SOURCES: dict[str, Any] = facts.load("notice-requirements")["sources"]

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


def _processor_index(ctx: Context) -> tuple[dict[str, int], dict[str, int]]:
    """The place in the policy of the first processor with each id and each
    comparable name; made once per run."""
    index: tuple[dict[str, int], dict[str, int]] | None = ctx.memo.get("processors.by_id_and_name")
    if index is None:
        by_id: dict[str, int] = {}
        by_name: dict[str, int] = {}
        for place, processor in enumerate(ctx.policy.processors):
            by_id.setdefault(processor.id, place)
            by_name.setdefault(normalise(processor.name), place)
        index = ctx.memo["processors.by_id_and_name"] = (by_id, by_name)
    return index


def _matching_processor(ctx: Context, recipient: Recipient) -> Processor | None:
    """The first processor that is the same body as ``recipient`` (same id or same name)."""
    by_id, by_name = _processor_index(ctx)
    places = [place for place in (by_id.get(recipient.id), by_name.get(normalise(recipient.name))) if place is not None]
    return ctx.policy.processors[min(places)] if places else None


# --- PRC001 --------------------------------------------------------------------


def _contract(ctx: Context) -> Iterator[Finding]:
    """Each named processor has evidence of a written processing contract."""
    for processor in ctx.policy.processors:
        if processor.category or _non_contract(processor):
            continue  # a category names no one contract; an MoU or NDA given as one is PRC009's
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
        "controller must be able to show it. The policy file not holding the evidence does not prove that "
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
    """No body is both an independent recipient and the controller's processor."""
    for recipient in ctx.policy.recipients:
        if recipient.role not in INDEPENDENT_ROLES:
            continue
        processor = _matching_processor(ctx, recipient)
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
        "A processor acts only on the controller's instructions; an independent recipient decides for "
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
    """A recipient that acts on the controller's behalf is not recorded in a controller's role."""
    for recipient in ctx.policy.recipients:
        if not recipient.acts_on_our_behalf or recipient.role not in CONTROLLER_ROLES:
            continue
        if _matching_processor(ctx, recipient) is not None:
            continue
        yield ctx.finding(
            ACTS_ON_BEHALF,
            recipient,
            "acts_on_our_behalf",
            f"'{recipient.name}' acts on {_controller_name(ctx)}'s behalf, which makes it a processor, but it is "
            f"recorded as {recipient.role} and no processor entry matches it",
        )


ACTS_ON_BEHALF = Rule(
    id="PRC004",
    title="Recipient acts on our behalf but is not recorded as a processor",
    severity=Severity.ERROR,
    area=AREA,
    rationale=(
        "A body that processes personal data on the controller's behalf is a processor by definition, and "
        "a processor must work under a written contract. The policy itself says this recipient acts on "
        "the controller's behalf, yet records it in a controller's role (independent or joint controller, or "
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
        "A sub-processor abroad means a transfer of the controller's data outside the UK, which needs a "
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
        if recipient.role != PROCESSOR_ROLE or _matching_processor(ctx, recipient) is not None:
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

# --- PRC007 / PRC008 ---------------------------------------------------------------


def _catch_all_recipients(ctx: Context) -> Iterator[Finding]:
    """Every recipient is one people can identify, at least as a category."""
    for recipient in ctx.policy.recipients:
        if recipient.catch_all:
            yield ctx.finding(
                CATCH_ALL_RECIPIENT,
                recipient,
                "catch_all",
                f"recipient '{recipient.name}' is nobody people can identify: name the recipients, or the "
                "categories of recipients (the police, other councils, health services), that data goes to",
            )


CATCH_ALL_RECIPIENT = Rule(
    id="PRC007",
    title="A recipient nobody can identify",
    severity=Severity.WARNING,
    area=AREA,
    rationale=(
        "People must be told the recipients, or the categories of recipients, of their data. A catch-all "
        "('any other agency deemed necessary', 'anyone the law allows') names neither a body nor a kind of "
        "body, so it tells them nothing about where their data may go. Other recipients may be listed, and "
        "the law allows categories, so a person must judge: a warning, one per catch-all recipient."
    ),
    citation=facts.cite(_K["recipients"]),
    remediation="Replace the catch-all with the recipients, or categories of recipients, data is actually shared with.",
    check=_catch_all_recipients,
    failing="recipients:\n  - id: others\n    name: any other agency deemed necessary\n"
    "    role: independent-controller\n    catch_all: true\n",
    passing="recipients:\n  - id: police\n    name: the police\n    role: public-body\n    category: true\n",
)


def _catch_all_sources(ctx: Context) -> Iterator[Finding]:
    """Every source is one people can identify, at least as a category."""
    for source in ctx.policy.sources:
        if source.catch_all:
            yield ctx.finding(
                CATCH_ALL_SOURCE,
                source,
                "catch_all",
                f"source '{source.name}' is nobody people can identify: say which bodies, or which kinds of "
                "body, the data comes from",
            )


CATCH_ALL_SOURCE = Rule(
    id="PRC008",
    title="A source nobody can identify",
    severity=Severity.WARNING,
    area=AREA,
    rationale=(
        "Where data is not obtained from the person, they must be told from which source it comes. A "
        "catch-all ('someone else', 'other organisations that support the service') does not say. The "
        "notice may name some sources and the law allows general information where several are used, so "
        "a person must judge: a warning, one per catch-all source."
    ),
    citation=facts.cite(_SOURCES),
    remediation="Name the sources, or the kinds of body, the data comes from.",
    check=_catch_all_sources,
    failing="sources:\n  - id: someone-else\n    name: someone else\n    catch_all: true\n",
    passing="sources:\n  - id: schools\n    name: schools\n    category: true\n",
)


# --- PRC009 --------------------------------------------------------------------


@functools.cache
def _non_contract_patterns() -> tuple[re.Pattern[str], ...]:
    return tuple(re.compile(text, re.IGNORECASE) for text in _K["non_contract_arrangements"]["patterns"])


def _non_contract(processor: Processor) -> str:
    """The arrangement a processor's contract names that is not an Art 28(3) contract ('' when none)."""
    contract = processor.contract
    if contract is None or contract.article_28:
        return ""
    words = f"{contract.reference} {contract.evidence}"
    match = next((found for pattern in _non_contract_patterns() if (found := pattern.search(words))), None)
    return match.group(0) if match else ""


def _processors_on_arrangements(ctx: Context) -> Iterator[Finding]:
    """A processor works under an Art 28(3) contract, not only an MoU, sharing protocol or NDA."""
    for processor in ctx.policy.processors:
        arrangement = _non_contract(processor)
        if arrangement:
            yield ctx.finding(
                NOT_A_PROCESSOR_CONTRACT,
                processor,
                "contract",
                f"processor '{processor.name}' is said to work under a {arrangement.lower()}, which is not in itself "
                "the written contract a processor needs: one binding it to act only on instructions, with the "
                "terms Art 28(3)(a)-(h) list",
                citation=f"{facts.cite(_K['contract'])}; {facts.cite(_K['non_contract_arrangements'])}",
            )


NOT_A_PROCESSOR_CONTRACT = Rule(
    id="PRC009",
    title="Processor said to work under a memorandum of understanding, sharing protocol or NDA",
    severity=Severity.WARNING,
    area=AREA,
    rationale=(
        "Processing by a processor must be governed by a written contract or other legal act binding it, "
        "with the terms the law lists (act only on instructions, confidentiality, security, sub-processors, "
        "help with rights, deletion at the end, audits). A memorandum of understanding, an information "
        "sharing protocol, a data sharing agreement (an arrangement between controllers) or a non-disclosure "
        "agreement does not usually contain them. Such an instrument may, so this is a warning; once the "
        "terms are confirmed, set contract.article_28: true. PRC001 does not report the same processor."
    ),
    citation=facts.cite(_K["contract"]),
    remediation="Put an Art 28(3) contract in place, or confirm the instrument has its terms (article_28: true).",
    check=_processors_on_arrangements,
    failing="processors:\n  - id: partners\n    name: partners\n    location: GB\n"
    "    contract:\n      evidence: a memorandum of understanding or information sharing protocol\n",
    passing="processors:\n  - id: partners\n    name: partners\n    location: GB\n"
    "    contract:\n      reference: CON-2024-017\n      article_28: true\n",
)


# --- PRC010 --------------------------------------------------------------------

_OWN = re.compile(_K["own_processor"]["pattern"], re.IGNORECASE)


def _controller_name(ctx: Context) -> str:
    controller = ctx.policy.controller
    return controller.name if controller is not None else "the controller"


def _own_processor(ctx: Context) -> Iterator[Finding]:
    """A processor is a person other than the controller."""
    controller = ctx.policy.controller
    for processor in ctx.policy.processors:
        same_name = controller is not None and normalise(processor.name) == normalise(controller.name)
        if same_name or _OWN.match(processor.name):
            yield ctx.finding(
                OWN_PROCESSOR,
                processor,
                "name",
                f"processor '{processor.name}' is the controller itself ({'its name' if same_name else 'we'}): a "
                f"processor acts on behalf of a controller, so it is another body; say who processes the data for "
                f"{_controller_name(ctx)}, or that {_controller_name(ctx)} does it as controller",
                citation=facts.cite(_K["own_processor"]),
            )


OWN_PROCESSOR = Rule(
    id="PRC010",
    title="The controller named as its own processor",
    severity=Severity.WARNING,
    area=AREA,
    rationale=(
        "A processor processes personal data on behalf of a controller: it is a different person. A notice "
        "that calls 'we' (or the controller itself) a processor acting on the controller's instructions "
        "leaves people unable to tell who is responsible for their data, and has no processor to hold to a "
        "contract. The names are read as words, so a person must judge: a warning."
    ),
    citation=facts.cite(_K["own_processor"]),
    remediation="Name the body that processes for the controller, or say the controller does the processing itself.",
    check=_own_processor,
    failing="controller:\n  id: nhse\n  name: NHS England\nprocessors:\n  - id: we\n    name: we (the service)\n",
    passing="controller:\n  id: nhse\n  name: NHS England\nprocessors:\n  - id: hosting\n    name: Hosting Ltd\n",
)

# --- PRC011 --------------------------------------------------------------------

JOINT_ROLE = "joint-controller"


def _platform_not_joint(ctx: Context) -> Iterator[Finding]:
    """The platform hosting the controller's page is a joint controller for what the page collects."""
    platforms = {normalise(c.provider): c for c in ctx.policy.cookies if c.on_other_platform and c.provider}
    for recipient in ctx.policy.recipients:
        cookie = platforms.get(normalise(recipient.name))
        if cookie is None or recipient.role == JOINT_ROLE:
            continue
        yield ctx.finding(
            PLATFORM_NOT_JOINT,
            recipient,
            "role",
            f"'{recipient.name}' sets cookies ('{cookie.id}') on its own site where {_controller_name(ctx)} runs a "
            f"page, and is recorded as {recipient.role}: for what the page collects the two are joint controllers, "
            "who must set out their responsibilities and tell people the essence of the arrangement",
            citation=facts.cite(_K["joint_controllers"]),
            affects=[cookie],
        )


_PAGE_COOKIES = (
    "cookies:\n  - {id: fb, name: Facebook cookies, category: social-media, provider: Facebook, "
    "on_other_platform: true}\n"
)

PLATFORM_NOT_JOINT = Rule(
    id="PRC011",
    title="A platform hosting the controller's page is not recorded as a joint controller",
    severity=Severity.WARNING,
    area=AREA,
    rationale=(
        "A body that runs a page on a social network decides, with the network, that visitors' data is "
        "collected for the page's statistics: they are joint controllers, who must agree their "
        "responsibilities and make the essence of the arrangement available to people. A notice that lists "
        "the platform as an independent recipient, or says the body receives no data, does neither. What "
        "each collects is for a person to judge, so this is a warning."
    ),
    citation=facts.cite(_K["joint_controllers"]),
    remediation=(
        "Record the platform as a joint controller (role: joint-controller) and say in the notice what the "
        "joint-controller arrangement provides and where it is published."
    ),
    check=_platform_not_joint,
    failing="recipients:\n  - {id: facebook, name: Facebook, role: independent-controller}\n" + _PAGE_COOKIES,
    passing="recipients:\n  - {id: facebook, name: Facebook, role: joint-controller}\n" + _PAGE_COOKIES,
)


# --- PRC012 --------------------------------------------------------------------


def _categories_from_others(ctx: Context) -> Iterator[Finding]:
    """A service with data from others says which categories of data."""
    for service in ctx.policy.services:
        if service.as_processor or service.refers_to or ctx.policy.effective(service, "data_categories"):
            continue
        others = [source for source in ctx.policy.effective(service, "sources") if not source.data_subject]
        if others:
            yield ctx.finding(
                CATEGORIES_FROM_OTHERS,
                service,
                "data_categories",
                f"service '{service.id}' gets data from others ({', '.join(repr(s.name) for s in others)}) but the "
                "notice does not say what kinds of data",
                citation=facts.cite(_SOURCES),
                affects=others,
            )


CATEGORIES_FROM_OTHERS = Rule(
    id="PRC012",
    title="Data obtained from others with no categories of data given",
    severity=Severity.WARNING,
    area=AREA,
    rationale=(
        "Where data is not obtained from the person, they must be told the categories of data concerned: "
        "they did not hand it over, so they cannot know otherwise. A service with sources other than the "
        "person and no data categories leaves them guessing. The notice may describe the data in words the "
        "policy has not linked, so this is a warning."
    ),
    citation=facts.cite(_SOURCES),
    remediation="List the categories of data the service gets from others (data_categories).",
    check=_categories_from_others,
    failing="sources:\n  - {id: police, name: the police, category: true}\n"
    "services:\n  - {id: safeguarding, name: safeguarding, sources: [police]}\n",
    passing="sources:\n  - {id: police, name: the police, category: true}\n"
    "data_categories:\n  - {id: offences, name: offences, criminal_offence: true}\n"
    "services:\n  - {id: safeguarding, name: safeguarding, sources: [police], data_categories: [offences]}\n",
)

RULES = (
    CONTRACT,
    LOCATION,
    BOTH_ROLES,
    ACTS_ON_BEHALF,
    SUB_PROCESSOR_COUNTRY,
    PROCESSOR_NOT_LISTED,
    CATCH_ALL_RECIPIENT,
    CATCH_ALL_SOURCE,
    NOT_A_PROCESSOR_CONTRACT,
    OWN_PROCESSOR,
    PLATFORM_NOT_JOINT,
    CATEGORIES_FROM_OTHERS,
)
