"""Dated citations: a finding cites the provision as it stood on the evaluation date."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

from linter.context import Context
from linter.findings import DatedCitation, Finding, Rule, Severity, citation_on
from linter.loader import Position
from linter.model import Notice, Policy

D = dt.date
HISTORY = (
    DatedCitation("Art 77", end=D(2026, 6, 18)),
    DatedCitation("s.165", start=D(2026, 6, 19)),
)


def test_each_day_takes_the_entry_in_force() -> None:
    assert citation_on(HISTORY, D(2021, 1, 1)) == "Art 77"
    assert citation_on(HISTORY, D(2026, 6, 18)) == "Art 77"
    assert citation_on(HISTORY, D(2026, 6, 19)) == "s.165"
    assert citation_on((), D(2026, 6, 19), "plain") == "plain"


def test_a_day_outside_every_entry_takes_the_nearest_end() -> None:
    bounded = (DatedCitation("first", D(2022, 1, 1), D(2022, 12, 31)), DatedCitation("second", D(2024, 1, 1)))
    assert citation_on(bounded, D(2021, 6, 1)) == "first"  # before the provision: as first made
    assert citation_on(bounded, D(2023, 6, 1)) == "second"  # in a gap: the latest


def test_periods_read_as_a_dpo_would_say_them() -> None:
    assert [entry.period() for entry in HISTORY] == ["until 2026-06-18", "from 2026-06-19"]
    assert DatedCitation("x", D(2021, 1, 1), D(2026, 2, 4)).period() == "2021-01-01 to 2026-02-04"
    assert DatedCitation("x").period() == "always"


def _rule(citations: tuple[DatedCitation, ...] = ()) -> Rule:
    def check(ctx: Context) -> Iterator[Finding]:
        assert ctx.policy.notice is not None
        yield ctx.finding(rule, ctx.policy.notice, "rights_stated", "message")

    rule = Rule("TST001", "t", Severity.ERROR, "test", "r", "the plain citation", "fix", check, citations=citations)
    return rule


def _findings(rule: Rule, day: dt.date) -> list[Finding]:
    policy = Policy()
    policy.entities[Notice.KIND]["n"] = Notice("n", "N", Position("notice.yaml", 1, 1))
    return list(rule.check(Context(policy, day)))


def test_context_cites_the_rule_as_it_stood_on_the_evaluation_date() -> None:
    rule = _rule(HISTORY)
    assert rule.citation_on(D(2026, 6, 18)) == "Art 77"
    assert [f.citation for f in _findings(rule, D(2026, 6, 18))] == ["Art 77"]
    assert [f.citation for f in _findings(rule, D(2026, 6, 19))] == ["s.165"]


def test_a_rule_with_one_citation_keeps_it() -> None:
    rule = _rule()
    assert [f.citation for f in _findings(rule, D(2026, 6, 19))] == ["the plain citation"]
