"""Whether the controller is a public authority (checks/authority.py, controller-kinds.yaml)."""

from __future__ import annotations

import datetime as dt

import pytest

from checks import authority, facts
from checks.naming import is_verified
from linter.loader import Position
from linter.model import Controller
from linter.schema import CONTROLLER_KINDS

D = dt.date
K = facts.load("controller-kinds")
ROWS = {row["kind"]: row for row in K["kinds"]}


def controller(kind: str = "", public_authority: bool | None = None) -> Controller:
    return Controller("c", "C", Position("controller.yaml", 1, 1), kind=kind, public_authority=public_authority)


# --- the knowledge file ---------------------------------------------------------------


def test_every_kind_of_the_format_has_exactly_one_row() -> None:
    assert [row["kind"] for row in K["kinds"]] == list(CONTROLLER_KINDS)


@pytest.mark.parametrize("kind", CONTROLLER_KINDS)
def test_every_row_is_cited_and_says_how_it_was_verified(kind: str) -> None:
    row = ROWS[kind]
    assert facts.cite(row).strip()
    assert row["public_authority"] in (True, False, None)
    assert str(row["verified"]).startswith(("yes: ", "partly: ", "no: "))
    # each row rests on DPA 2018 s.7, and a kind that is one rests on a FOIA 2000 Schedule 1 entry
    assert "s.7" in facts.cite(row)
    if row["public_authority"] is True:
        assert "FOIA 2000 Sch 1" in facts.cite(row)


def test_parish_councils_are_not_public_authorities_by_s7_3() -> None:
    row = ROWS["parish-council"]
    assert row["public_authority"] is False
    assert is_verified(row)
    assert "s.7(3)" in facts.cite(row)


# --- is_public_authority ----------------------------------------------------------------


@pytest.mark.parametrize(
    ("kind", "recorded", "expected"),
    [
        ("local-authority", None, True),  # the kind's verified row decides
        ("maintained-school", None, True),
        ("government-department", None, True),
        ("parish-council", None, False),  # s.7(3)
        ("company", None, False),
        ("court-or-tribunal", None, False),  # depends on the body: not a guess
        ("other", None, False),
        ("", None, False),  # no kind recorded
        ("nhs-body", None, True),  # FOIA 2000 Sch 1 Part III, read
        ("academy", None, True),  # FOIA 2000 Sch 1 para 52A, read
        ("police", None, True),  # FOIA 2000 Sch 1 Part V paras 59, 61-63, read
        ("fire-and-rescue", None, True),  # FOIA 2000 Sch 1 Part II paras 14, 19-21, read
        ("other-public-body", None, False),  # a regulator, a PCC ...: depends on the body
        ("police", False, False),  # what the policy records wins
        ("independent-school", None, False),  # a row only partly verified is not relied on
        ("local-authority", False, False),  # what the policy records wins
        ("parish-council", True, True),
        ("company", True, True),  # a publicly-owned company, say
    ],
)
def test_recorded_value_wins_then_a_verified_kind_row(kind: str, recorded: bool | None, expected: bool) -> None:
    assert authority.is_public_authority(controller(kind, recorded)) is expected


def test_no_controller_is_not_a_public_authority() -> None:
    assert authority.is_public_authority(None) is False


def test_what_the_kind_implies_whether_or_not_verified() -> None:
    assert authority.kind_implies_public_authority("local-authority") is True
    assert authority.kind_implies_public_authority("independent-school") is False  # partly verified, still what it says
    assert authority.kind_implies_public_authority("parish-council") is False
    assert authority.kind_implies_public_authority("court-or-tribunal") is None
    assert authority.kind_implies_public_authority("no-such-kind") is None
    assert authority.kinds()["independent-school"].verified is False
    assert authority.kinds()["nhs-body"].verified is True
    assert authority.kinds()["local-authority"].verified is True


# --- the Art 37(1)(a) exception for courts and tribunals ----------------------------------


def test_courts_and_tribunals_are_excepted_from_2025_08_20() -> None:
    court = controller("court-or-tribunal", True)
    assert not authority.dpo_exempt(court, D(2025, 8, 19))
    assert authority.dpo_exempt(court, D(2025, 8, 20))
    assert not authority.dpo_exempt(controller("local-authority"), D(2026, 11, 24))
    assert not authority.dpo_exempt(None, D(2026, 11, 24))


def test_the_exception_row_is_verified_and_dated() -> None:
    row = K["dpo_exception"]
    assert is_verified(row)
    assert row["from"] == D(2025, 8, 20)
    history = authority.dpo_exception_history()
    assert "courts acting" in history[0].text and "tribunals not excepted" in history[0].text
    assert "Sch 11 para 11" in history[-1].text and history[-1].start == D(2025, 8, 20)
