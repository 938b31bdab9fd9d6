"""Changes to the notice left for people to find: NTC016."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from linter.findings import Finding

Lint = Callable[..., list[Finding]]


def statements(*items: tuple[str, str]) -> str:
    """A policy of statements, each (topic, text)."""
    lines = ["statements:\n"]
    for number, (topic, text) in enumerate(items, start=1):
        lines.append(f"  - id: s{number}\n    name: statement {number}\n    topic: {topic}\n    text: {text!r}\n")
    return "".join(lines)


LEFT_TO_READER = [
    "We may change this privacy notice. Any changes will apply to you and your personal data immediately.",
    "Any modification or amendment to this privacy notice will be applied to you and your data as of that "
    "revision date.",
    "Changes to this notice take effect when posted.",
    "Updates become effective on publication.",
    "You should regularly review this notice.",
    "We encourage you to periodically review this privacy notice to be informed about how we protect your data.",
    "We may need to update this privacy notice, so we recommend that you revisit this information from time to time.",
    "If our policy changes we will place an updated version on this page. Regularly reviewing the page ensures you "
    "are always aware of what we collect.",
    "Please check this page regularly for updates.",
    "Please check back frequently to see any changes.",
]

NOT_LEFT_TO_READER = [
    "We regularly review this notice.",
    "Please read this notice carefully.",
    "We recommend that you review your privacy settings regularly.",
    "You can visit our website regularly to find out about our services.",
    "We encourage you to read this notice alongside our cookie policy.",
    "This notice was last updated in March 2024 and is reviewed every year.",
]


@pytest.mark.parametrize("text", LEFT_TO_READER)
def test_a_change_left_for_people_to_find_is_a_warning(lint: Lint, text: str) -> None:
    (finding,) = lint(statements(("changes", text)), "NTC016")
    assert (finding.severity.value, finding.entity, finding.field) == ("warning", "statement:s1", "text")
    assert "leaves changes for people to find" in finding.message
    assert "Art 13(3)" in finding.citation and "Art 14(4)" in finding.citation


@pytest.mark.parametrize("text", NOT_LEFT_TO_READER)
def test_other_words_about_reading_or_reviewing_are_not_reported(lint: Lint, text: str) -> None:
    assert lint(statements(("changes", text)), "NTC016") == []


@pytest.mark.parametrize(
    "promise",
    [
        "We will notify you of significant changes by email.",
        "If these changes affect how your information is used, we will take reasonable steps to make sure you know.",
        "If we change this notice we will tell you before the change applies.",
        "We will take steps to communicate any changes to you, where appropriate.",
        "If we wish to use your data for a new purpose we will provide you with a new notice first.",
        "We will bring any new use of your data to your attention before we start.",
    ],
)
def test_a_promise_to_tell_people_answers_it_wherever_the_notice_makes_it(lint: Lint, promise: str) -> None:
    left = "Any changes will apply to you immediately. You should regularly review this notice."
    assert lint(statements(("changes", left), ("changes", promise)), "NTC016") == []
    assert lint(statements(("changes", left), ("other", promise)), "NTC016") == []
    assert lint(statements(("changes", f"{left} {promise}")), "NTC016") == []


def test_a_promise_about_something_else_does_not_answer_it(lint: Lint) -> None:
    policy = statements(
        ("changes", "You should regularly review this notice."),
        ("rights", "We will contact you to confirm your identity."),
    )
    assert [finding.rule for finding in lint(policy, "NTC016")] == ["NTC016"]


def test_changes_applying_at_once_count_only_where_the_notice_speaks_of_its_changes(lint: Lint) -> None:
    """'Changes ... apply immediately' may be about anything (a person's circumstances, a fee);
    only in a statement on the notice's changes is it about the notice."""
    text = "If your circumstances change, the changes apply immediately to your award."
    assert lint(statements(("other", text)), "NTC016") == []
    assert [finding.rule for finding in lint(statements(("changes", text)), "NTC016")] == ["NTC016"]


def test_asking_people_to_check_counts_in_any_statement(lint: Lint) -> None:
    (finding,) = lint(statements(("other", "Please check this page regularly for updates.")), "NTC016")
    assert finding.detail == "reader-checks-for-changes"


def test_one_finding_names_every_wording_at_the_first(lint: Lint) -> None:
    policy = statements(
        ("changes", "Any changes will apply to you immediately."),
        ("other", "You should regularly review this notice."),
    )
    (finding,) = lint(policy, "NTC016")
    assert finding.entity == "statement:s1"
    assert "changes will apply to you immediately" in finding.message
    assert "You should regularly review this notice" in finding.message


def test_the_words_may_be_a_quote_of_the_notice(lint: Lint) -> None:
    policy = (
        "statements:\n  - id: changes\n    name: changes\n    topic: changes\n    trace:\n"
        "      section: Changes\n      quote: Any changes will apply to you and your information immediately.\n"
    )
    (finding,) = lint(policy, "NTC016")
    assert (finding.field, finding.line) == ("trace.quote", 7)


def test_a_policy_that_says_nothing_of_changes_is_not_reported(lint: Lint) -> None:
    assert lint(statements(("security", "We keep your information secure.")), "NTC016") == []
