"""Whether the controller is a public authority for the UK GDPR (DPA 2018 s.7).

One place answers it for every rule (a DPO is mandatory, Art 6(1)(f) is
barred in the performance of tasks, Art 49(1)(a)-(c) derogations are not
available in the exercise of public powers). What the policy records in
``public_authority`` is taken as stated.
"""

from __future__ import annotations

from linter.model import Controller


def is_public_authority(controller: Controller | None) -> bool:
    """True when the controller is recorded as a public authority."""
    return bool(controller is not None and controller.public_authority)
