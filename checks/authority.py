"""Whether the controller is a public authority for the UK GDPR (DPA 2018 s.7).

One place answers it for every rule (a DPO is mandatory, Art 6(1)(f) is
barred in the performance of tasks, Art 49(1)(a)-(c) derogations are not
available in the exercise of public powers). A ``public_authority`` recorded
in the policy is taken as stated; otherwise the controller's ``kind`` decides,
through a verified row of ``checks/knowledge/controller-kinds.yaml``; with
neither, or with a kind whose row is not verified or leaves it open, the
controller is not treated as a public authority (no duty is reported on a guess).
"""

from __future__ import annotations

import datetime as dt
import functools
from dataclasses import dataclass
from typing import Any

from checks import facts, naming
from linter.findings import DatedCitation
from linter.model import Controller

KNOWLEDGE_FILE = "controller-kinds"


@dataclass(frozen=True, slots=True)
class Kind:
    """One row of controller-kinds.yaml."""

    kind: str
    name: str
    #: True or False for the kind; None when the kind alone does not settle it
    public_authority: bool | None
    verified: bool
    citation: str


@functools.cache
def _knowledge() -> Any:
    return facts.load(KNOWLEDGE_FILE)


@functools.cache
def kinds() -> dict[str, Kind]:
    """Every controller kind of the knowledge file, by its id."""
    return {
        str(row["kind"]): Kind(
            kind=str(row["kind"]),
            name=str(row["name"]),
            public_authority=row["public_authority"],
            verified=naming.is_verified(row),
            citation=facts.cite(row),
        )
        for row in _knowledge()["kinds"]
    }


def kind_implies_public_authority(kind: str) -> bool | None:
    """What the knowledge says a controller of ``kind`` is: True (a public authority),
    False (not one), or None (an unknown kind, or one that depends on the body).

    This is the row's value whether or not its note says it was verified; see
    ``kinds()[kind].verified`` before resting an error on it.
    """
    row = kinds().get(kind)
    return row.public_authority if row is not None else None


def is_public_authority(controller: Controller | None) -> bool:
    """True when the controller is a public authority: as recorded, else as its kind's verified row says."""
    if controller is None:
        return False
    if controller.public_authority is not None:
        return controller.public_authority
    row = kinds().get(controller.kind)
    return bool(row is not None and row.verified and row.public_authority)


def _dpo_exception() -> dict[str, Any]:
    return dict(_knowledge()["dpo_exception"])


def dpo_exception_history() -> tuple[DatedCitation, ...]:
    """The Art 37(1)(a) exception as it stood over time (courts; from 2025-08-20 courts and tribunals)."""
    return facts.history(_dpo_exception())


def dpo_exempt(controller: Controller | None, day: dt.date) -> bool:
    """True when the Art 37(1)(a) exception for courts and tribunals acting in their
    judicial capacity covers the controller's kind on ``day`` (a verified row only)."""
    row = _dpo_exception()
    start = facts.date(row.get("from"))
    return (
        controller is not None
        and controller.kind in row["kinds"]
        and naming.is_verified(row)
        and (start is None or start <= day)
    )
