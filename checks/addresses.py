"""Email and web addresses one character from another the notice gives (NTC017).

A notice that gives the DPO at ``dp@islington.gov.uk`` and takes complaints at
``infocomplaints@islington.go.uk`` sends complaints nowhere: one of the two
domains is mistyped, and nothing in either address alone shows it. This rule
gathers the domain of every email and web address in the policy (contact
fields and the notice's words) and reports a domain one character away from
another (a character added, dropped or changed, or two swapped), which two
real domains of one notice almost never are. The law is
``checks/knowledge/notice-requirements.yaml`` (``contact_addresses``).
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from typing import NamedTuple

from checks import facts, prose
from linter.context import Context
from linter.findings import Finding, Rule, Severity
from linter.loader import Position
from linter.model import Entity

AREA = "notice content"
_K = facts.load("notice-requirements")["contact_addresses"]

#: a domain: labels of letters, digits and inner hyphens, then a top-level label of letters
_DOMAIN = re.compile(r"(?:[a-z0-9](?:[a-z0-9-]*[a-z0-9])?\.)+[a-z]{2,}", re.IGNORECASE)
#: a text that may hold an address (prose.LINKS is searched only where one may be)
_MAY_HOLD = re.compile(r"@|://|www\.", re.IGNORECASE)
#: a label shorter than this, other than the last two of a domain, is too short to call a
#: one-character difference a slip ("ons.gov.uk" and "ofs.gov.uk" are two bodies)
_SHORTEST_NAME = 5


class _Seen(NamedTuple):
    """One address in the policy: its domain, the address as written, and where it stands."""

    domain: str
    address: str
    entity: Entity
    field: str
    position: Position
    #: in a contact field, where the policy records the address (not in prose)
    recorded: bool


def _domain_of(address: str) -> str | None:
    """The domain of an email or web address as written (``dp@x.gov.uk``,
    ``https://www.x.gov.uk/a``, ``x.gov.uk/contact``), in lower case and without
    ``www.``; None when it names none."""
    host = address.rsplit("@", 1)[1] if "@" in address else address.split("://", 1)[-1]
    host = re.split(r"[/?#:\s]", host.strip(), maxsplit=1)[0].rstrip(".,;)")
    if _DOMAIN.fullmatch(host) is None:
        return None
    host = host.lower()
    return host[4:] if host.startswith("www.") else host


def _recorded(ctx: Context) -> Iterator[_Seen]:
    for entity, name, contact in ctx.policy.contacts():
        for part, address in (("email", contact.email), ("web", contact.web)):
            domain = _domain_of(address)
            if domain is not None:
                yield _Seen(domain, address, entity, f"{name}.{part}", entity.at(name), True)


def _seen(ctx: Context) -> list[_Seen]:
    """Every address of the policy, contact fields first, then the notice's words in order
    (found as prose.LINKS finds them, where the prose rules leave addresses out)."""
    found = list(_recorded(ctx))
    for passage in prose.passages(ctx):
        if passage.kind == "law" or _MAY_HOLD.search(passage.text) is None:
            continue
        for match in prose.LINKS.finditer(passage.text):
            domain = _domain_of(match[0])
            if domain is not None:
                found.append(_Seen(domain, match[0], passage.entity, passage.field, passage.position, False))
    return found


def _one_edit(a: str, b: str) -> bool:
    """``a`` and ``b`` differ by one character added, dropped or changed, or two adjacent swapped."""
    if a == b or abs(len(a) - len(b)) > 1:
        return False
    if len(a) > len(b):
        a, b = b, a
    start = next((i for i, (x, y) in enumerate(zip(a, b, strict=False)) if x != y), len(a))
    if len(a) < len(b):
        return a[start:] == b[start + 1 :]
    if a[start + 1 :] == b[start + 1 :]:
        return True
    return a[start : start + 2] == b[start : start + 2][::-1] and a[start + 2 :] == b[start + 2 :]


#: more domains than this sharing one near-form are not slips of one another (and comparing
#: them all would take time in the square of their number)
_MOST_ALIKE = 32


def _candidates(domains: Sequence[str]) -> list[tuple[int, int]]:
    """The pairs of ``domains`` (as indices, in order) that may be one slip apart, found without
    comparing every pair: two labels one edit apart share a form with at most one character
    left out, so two such domains share a key of that form, its place and the other labels."""
    alike: dict[tuple[object, ...], list[int]] = {}
    for number, domain in enumerate(domains):
        labels = domain.split(".")
        for place, label in enumerate(labels):
            rest = (len(labels), place, *labels[:place], *labels[place + 1 :])
            for form in {label, *(label[:cut] + label[cut + 1 :] for cut in range(len(label)))}:
                alike.setdefault((*rest, form), []).append(number)
    pairs = {
        (first, second)
        for group in alike.values()
        if 1 < len(group) <= _MOST_ALIKE
        for position, first in enumerate(group)
        for second in group[position + 1 :]
        if first != second
    }
    return sorted(pairs)


def near(a: str, b: str) -> bool:
    """Two domains one slip apart: the same labels but one, which is one edit from its
    counterpart (and long enough to tell, unless it is one of the last two)."""
    left, right = a.split("."), b.split(".")
    if len(left) != len(right) or a.replace("-", "") == b.replace("-", ""):
        return False
    differ = [index for index, (x, y) in enumerate(zip(left, right, strict=True)) if x != y]
    if len(differ) != 1:
        return False
    index = differ[0]
    if index < len(left) - 2 and max(len(left[index]), len(right[index])) < _SHORTEST_NAME:
        return False
    return _one_edit(left[index], right[index])


def _near_misses(ctx: Context) -> Iterator[Finding]:
    seen = _seen(ctx)
    uses: dict[str, list[_Seen]] = {}
    for item in seen:
        uses.setdefault(item.domain, []).append(item)
    if len(uses) < 2:
        return

    def weight(domain: str) -> tuple[int, int]:
        """How often the policy gives a domain, then how often in its contact fields."""
        return len(uses[domain]), sum(item.recorded for item in uses[domain])

    reported: set[str] = set()
    domains = list(uses)  # in the order first seen
    for index, other_index in _candidates(domains):
        first, second = domains[index], domains[other_index]
        if not near(first, second):
            continue
        # which of the two is wrong only a person can tell: the finding stands at the one
        # given less often (the later one, when equal) and lists every place of both
        rarer, other = (first, second) if weight(first) < weight(second) else (second, first)
        if rarer in reported:
            continue
        reported.add(rarer)
        at, beside = uses[rarer][0], uses[other][0]
        places = {id(item.entity): item.entity for item in (*uses[rarer], *uses[other])}
        places.pop(id(at.entity), None)
        yield ctx.finding(
            NEAR_MISS,
            at.entity,
            at.field,
            f"'{at.address}' is at '{rarer}', one character from '{other}', which the policy also gives "
            f"('{beside.address}', {beside.entity.ref}): one of the two is most likely mistyped, and a "
            "request or complaint sent to a mistyped address does not arrive",
            detail=rarer,
            position=at.position,
            affects=list(places.values()),
        )


NEAR_MISS = Rule(
    id="NTC017",
    title="An email or web address is one character from another the notice gives",
    severity=Severity.WARNING,
    area=AREA,
    rationale=(
        "People reach the controller, its DPO and its complaints team through the addresses the notice gives "
        "(Art 13(1)(a)-(b), Art 14(1)(a)-(b)), and the controller must make exercising rights, and from "
        "2026-06-19 complaining to it, easy (Art 12(2), DPA 2018 s.164A(2)). Two domains in one notice that "
        "differ by one character ('islington.go.uk' and 'islington.gov.uk') are almost always one domain "
        "mistyped, and mail to the mistyped one goes nowhere; nothing in either address alone shows it. A "
        "warning: a person must check which one is right."
    ),
    citation=facts.cite(_K),
    citations=facts.history(_K),
    remediation="Check both addresses against the organisation's real ones and correct the mistyped one, "
    "everywhere the notice gives it.",
    check=_near_misses,
    failing=(
        "controller:\n  id: council\n  name: Council\n  dpo: {name: DPO, email: dpo@example.gov.uk}\n"
        "statements:\n  - id: complaints\n    name: complaints\n    topic: complaint\n"
        "    text: Email complaints to complaints@example.go.uk.\n"
    ),
    passing=(
        "controller:\n  id: council\n  name: Council\n  dpo: {name: DPO, email: dpo@example.gov.uk}\n"
        "statements:\n  - id: complaints\n    name: complaints\n    topic: complaint\n"
        "    text: Email complaints to complaints@example.gov.uk.\n"
    ),
)

RULES = (NEAR_MISS,)
