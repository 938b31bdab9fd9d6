"""Whether people must provide their information: NTC007 (nothing said), NTC014 (partly), NTC015 (consequences only)."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from linter.findings import Finding

Lint = Callable[..., list[Finding]]

FROM_PERSON = "sources:\n  - {id: you, name: you, data_subject: true}\n"


def notice(*lines: str) -> str:
    return FROM_PERSON + "notice:\n  id: n\n  name: N\n" + "".join(f"  {line}\n" for line in lines)


@pytest.mark.parametrize(
    ("lines", "rule"),
    [
        ((), "NTC007"),
        (("statutory_requirement_partly: some-processing",), "NTC014"),
        (("statutory_requirement_partly: deferred",), "NTC014"),
        (("statutory_requirement_stated: true", "statutory_requirement_partly: consequences-only"), "NTC015"),
        (("statutory_requirement_stated: true",), None),
    ],
)
def test_one_rule_for_what_the_notice_says(lint: Lint, lines: tuple[str, ...], rule: str | None) -> None:
    found = [finding.rule for finding in lint(notice(*lines), ["NTC007", "NTC014", "NTC015"])]
    assert found == ([rule] if rule else [])


def test_severities_follow_how_much_is_said(lint: Lint) -> None:
    (partly,) = lint(notice("statutory_requirement_partly: deferred"), "NTC014")
    (consequences,) = lint(notice("statutory_requirement_partly: consequences-only"), "NTC015")
    assert (partly.severity.value, consequences.severity.value) == ("warning", "info")
    assert "only promises to say it when the information is collected" in partly.message


def test_nothing_is_reported_when_no_data_comes_from_the_person(lint: Lint) -> None:
    policy = "notice:\n  id: n\n  name: N\n  statutory_requirement_partly: deferred\n"
    assert lint(policy, ["NTC007", "NTC014", "NTC015"]) == []
