"""Matching trace quotes against a notice: normalisation, coverage, stale quotes."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path

from hypothesis import given
from hypothesis import strategies as st
from support import write

from linter import engine, tracing
from linter.loader import Position
from linter.model import Entity, IgnoredText, Policy, Trace
from linter.noticetext import Notice, split_text
from linter.tracing import Quote, normalise

HERE = Position("policy.yaml", 1, 1)


def notice(text: str) -> Notice:
    return Notice("notice.txt", "text", split_text(text))


def quote(text: str, kind: str = "quote") -> Quote:
    return Quote(text, kind, "service:s", "trace.quote", HERE)  # type: ignore[arg-type]


def statuses(text: str, *quotes: Quote) -> list[str]:
    return [item.status for item in tracing.trace(notice(text), quotes).units]


# --------------------------------------------------------------------------
# Normalisation
# --------------------------------------------------------------------------


def test_normalise_folds_case_white_space_typographic_quotes_and_dashes() -> None:
    assert normalise("Provides support to \u2018looked after\u2019  young\npeople") == (
        "provides support to 'looked after' young people"
    )
    assert (
        normalise("\u201cOne\u201d \u2013 two \u2014 three\u2011four \u2212 five") == '"one" - two - three-four - five'
    )
    assert normalise("soft\u00adhyphen zero\u200bwidth\ufeff") == "softhyphen zerowidth"
    assert normalise("  Water\tLane\r\n ") == "water lane"


def test_normalise_is_nothing_fuzzier() -> None:
    assert normalise("Data Protection Act 2018") != normalise("Data Protection Act 1998")
    assert normalise("data controller.") != normalise("data controller")
    assert normalise("organisation") != normalise("organization")
    assert normalise("...") != normalise("\u2026")


@given(st.text())
def test_normalise_is_idempotent(text: str) -> None:
    assert normalise(normalise(text)) == normalise(text)


# --------------------------------------------------------------------------
# Coverage
# --------------------------------------------------------------------------

LONG = "We may share your personal information with the police when the law requires us to do so.\n"


def test_a_one_word_quote_does_not_cover_a_long_sentence() -> None:
    assert statuses(LONG, quote("police")) == ["untraced"]


def test_quotes_covering_more_than_half_of_the_words_cover_a_unit() -> None:
    assert statuses(LONG, quote("We may share your personal information with the police")) == ["traced"]


def test_exactly_half_of_the_words_is_not_enough() -> None:
    # 8 of 16 words
    assert statuses(LONG, quote("with the police when the law requires us")) == ["untraced"]


def test_several_quotes_together_cover_a_unit() -> None:
    text = "We share with schools, the police and the courts.\n"  # 9 words
    assert statuses(text, quote("schools")) == ["untraced"]
    assert statuses(text, quote("schools"), quote("the police"), quote("the courts")) == ["traced"]


def test_a_whole_clause_of_a_third_of_the_words_covers_a_unit() -> None:
    text = (
        "This notice explains how we use personal information when delivering our services, "
        "we have set out below the services, who we may share it with, and how long we keep it.\n"
    )
    assert statuses(
        text, quote("This notice explains how we use personal information when delivering our services")
    ) == ["traced"]
    # the same number of words, but not a whole clause: it stops in the middle of one
    assert statuses(text, quote("This notice explains how we use personal information when delivering our")) == [
        "untraced"
    ]


def test_a_clause_under_a_third_of_the_words_does_not_cover_a_unit() -> None:
    text = "Health service providers, including NHS agencies (for example GPs, hospitals, ambulance services).\n"
    assert statuses(text, quote("Health service providers")) == ["untraced"]


def test_a_clause_needs_three_words() -> None:
    text = "Police, courts\n\n"
    assert statuses("Police, courts and councils.\n", quote("Police")) == ["untraced"]
    assert statuses(text, quote("Police, courts")) == ["traced"]


def test_a_clause_ends_before_the_final_full_stop_or_a_spaced_dash() -> None:
    text = "We keep your data secure in our systems - nobody else can see it without our say.\n"
    assert statuses(text, quote("We keep your data secure in our systems")) == ["traced"]


def test_a_quote_matches_across_case_wrapping_quotes_and_dashes() -> None:
    text = "One-off contact \u2013 no further\naction for \u2018looked after\u2019 children.\n"
    assert statuses(text, quote("one-off CONTACT - no further action for 'looked after' children.")) == ["traced"]


def test_a_quote_may_span_two_sentences_and_covers_both() -> None:
    text = "We use Redfern for bookings. Its parent company is in the United States. We check it.\n"
    result = tracing.trace(notice(text), [quote("Redfern for bookings. Its parent company is in the United States")])
    assert [item.status for item in result.units] == ["traced", "traced", "untraced"]


def test_a_quote_inside_a_word_is_not_stale_but_covers_no_word() -> None:
    result = tracing.trace(notice("Parent.\n"), [quote("aren")])
    assert result.stale == []
    assert [(item.status, item.uncovered) for item in result.units] == [("untraced", ("parent",))]


def test_a_heading_is_covered_by_a_trace_that_names_it_as_its_section() -> None:
    text = "Your rights\n\nYou can complain to the ICO.\n"
    assert statuses(text, quote("Your rights", "section"), quote("You can complain to the ICO.")) == [
        "traced",
        "traced",
    ]
    assert statuses(text, quote("You can complain to the ICO.")) == ["untraced", "traced"]


def test_a_unit_without_words_needs_no_trace() -> None:
    assert statuses("\u2022 \u2014\n") == ["traced"]


# --------------------------------------------------------------------------
# Stale quotes and ignored text
# --------------------------------------------------------------------------


def test_quotes_sections_and_ignore_entries_not_in_the_notice_are_stale() -> None:
    text = "Your rights\n\nYou can complain to the ICO.\n"
    quotes = [
        quote("You can complain to the ICO."),
        quote("You can complain to the Information Commissioner."),
        quote("Your right", "section"),
        quote("Cookie banner text.", "trace_ignore"),
    ]
    result = tracing.trace(notice(text), quotes)
    assert [(q.kind, q.text) for q in result.stale] == [
        ("quote", "You can complain to the Information Commissioner."),
        ("section", "Your right"),
        ("trace_ignore", "Cookie banner text."),
    ]
    assert not result.ok


def test_a_unit_covered_with_ignored_text_is_ignored_not_untraced() -> None:
    text = "We use cookies to improve the site. We hold your name and address for six years.\n"
    ignore = quote("We use cookies to improve the site.", "trace_ignore")
    hold = quote("We hold your name and address")
    assert statuses(text, ignore) == ["ignored", "untraced"]
    assert statuses(text, ignore, hold) == ["ignored", "traced"]
    assert tracing.trace(notice(text), [ignore, hold]).untraced == []


def test_ignored_text_and_quotes_together_cover_a_unit() -> None:
    text = "We share it with schools and with the cookie partners of our website provider.\n"
    assert statuses(text, quote("We share it with schools")) == ["untraced"]
    assert statuses(
        text, quote("We share it with schools"), quote("the cookie partners of our website", "trace_ignore")
    ) == ["ignored"]


def test_uncovered_words_are_listed_for_each_unit() -> None:
    result = tracing.trace(notice("Name, address and date of birth.\n"), [quote("Name"), quote("date of birth")])
    assert result.units[0].uncovered == ("address", "and")


# --------------------------------------------------------------------------
# Quotes from the policy model
# --------------------------------------------------------------------------


def test_policy_quotes_walk_every_trace_with_its_position(tmp_path: Path) -> None:
    folder = write(
        tmp_path / "policy",
        {
            "notice.yaml": (
                "notice:\n"
                "  id: n\n"
                "  name: N\n"
                "  trace: {section: Heading, quote: The notice.}\n"
                "  complaint:\n"
                "    name: ICO\n"
                "    trace:\n"
                "      section: Your rights\n"
                "      quote: Complain to the ICO.\n"
                "  transfers_statement:\n"
                "    no_other_transfers: true\n"
                "    trace: {quote: Nothing leaves the UK.}\n"
                "  automated_decision_making:\n"
                "    stated: false\n"
                "    trace: {added: the notice is silent}\n"
                "  trace_ignore:\n"
                "    - quote: Cookie text.\n"
                "      reason: A cookie banner.\n"
            ),
            "services.yaml": (
                "services:\n"
                "  - id: s\n"
                "    name: S\n"
                "    purposes: [p]\n"
                "    trace: {section: Services, quote: We run S.}\n"
                "purposes:\n"
                "  - id: p\n"
                "    name: P\n"
                "    trace:\n"
                "      quote: We do P.\n"
                "      also:\n"
                "        - {section: Later, quote: P again.}\n"
            ),
        },
    )
    policy, _, errors = engine.load([str(folder)])
    assert not errors
    found = [
        (q.kind, q.text, q.entity, q.field, q.position.line, q.position.column) for q in tracing.policy_quotes(policy)
    ]
    # the line and column of the key (quote:, section:) in its file
    assert found == [
        ("section", "Heading", "notice:n", "trace.section", 4, 11),
        ("quote", "The notice.", "notice:n", "trace.quote", 4, 29),
        ("section", "Your rights", "notice:n", "complaint.trace.section", 8, 7),
        ("quote", "Complain to the ICO.", "notice:n", "complaint.trace.quote", 9, 7),
        ("quote", "Nothing leaves the UK.", "notice:n", "transfers_statement.trace.quote", 12, 13),
        ("trace_ignore", "Cookie text.", "notice:n", "trace_ignore[0]", 17, 7),
        ("section", "Services", "service:s", "trace.section", 5, 13),
        ("quote", "We run S.", "service:s", "trace.quote", 5, 32),
        ("quote", "We do P.", "purpose:p", "trace.quote", 10, 7),
        ("section", "Later", "purpose:p", "trace.also[0].section", 12, 12),
        ("quote", "P again.", "purpose:p", "trace.also[0].quote", 12, 28),
    ]
    assert all(q.position.file.endswith(("notice.yaml", "services.yaml")) for q in tracing.policy_quotes(policy))


@dataclass(slots=True, eq=False)
class _Statement:
    """A traced field of a kind the model does not have yet."""

    text: str
    trace: Trace | None = None


@dataclass(slots=True, eq=False)
class _FutureEntity(Entity):
    statements: list[_Statement] = field(default_factory=list)
    by_key: dict[str, _Statement] = field(default_factory=dict)
    related: list[Entity] = field(default_factory=list)


def test_policy_quotes_find_traces_in_fields_added_later_but_not_through_references() -> None:
    other = Entity("o", "O", HERE, trace=Trace(quote="Other entity."))
    future = _FutureEntity(
        "f",
        "F",
        Position("future.yaml", 3, 5),
        statements=[_Statement("a"), _Statement("b", Trace(quote="Second statement."))],
        by_key={"x": _Statement("c", Trace(section="Heading", key_positions={"section": (9, 11)}))},
        related=[other],
    )
    policy = Policy()
    policy.entities["service"]["f"] = future
    policy.entities["purpose"]["o"] = other
    found = [(q.text, q.field, str(q.position)) for q in tracing.policy_quotes(policy)]
    assert found == [
        ("Second statement.", "statements[1].trace.quote", "future.yaml:3:5"),
        ("Heading", "by_key.x.trace.section", "future.yaml:9:11"),
        ("Other entity.", "trace.quote", "policy.yaml:1:1"),
    ]


def test_ignore_entries_built_in_code_fall_back_to_the_entity_position() -> None:
    from linter.model import Notice as NoticeEntity

    entity = NoticeEntity("n", "N", Position("n.yaml", 2, 1), trace_ignore=[IgnoredText("Cookie text.", "banner")])
    policy = Policy()
    policy.entities["notice"]["n"] = entity
    assert [(q.kind, str(q.position)) for q in tracing.policy_quotes(policy)] == [("trace_ignore", "n.yaml:2:1")]


# --------------------------------------------------------------------------
# Output
# --------------------------------------------------------------------------


def test_text_and_json_output() -> None:
    text = "Your rights\n\nYou can complain to the ICO. We keep it " + "for a very long time " * 10 + "indeed.\n"
    result = tracing.trace(notice(text), [quote("Your rights", "section"), quote("Missing quote.")])
    rendered = tracing.render_text(result, 3).splitlines()
    assert rendered[0] == "notice.txt:3: untraced sentence: You can complain to the ICO."
    assert rendered[1].startswith("notice.txt:3: untraced sentence: We keep it for a very long time for a very")
    assert rendered[1].endswith("...")
    assert rendered[-2] == (
        "policy.yaml:1:1: stale quote of service:s (trace.quote): 'Missing quote.' is not in the notice"
    )
    assert rendered[-1].startswith("FAIL: 2 untraced, 1 stale (3 units of notice.txt: 1 traced, 0 ignored; ")
    document = json.loads(tracing.render_json(result, 3))
    assert document["summary"] == {
        "ok": False,
        "units": 3,
        "traced": 1,
        "ignored": 0,
        "untraced": 2,
        "quotes": 1,
        "ignore_entries": 0,
        "stale": 1,
        "policy_files": 3,
    }
    assert document["untraced"][0] == {
        "file": "notice.txt",
        "line": 3,
        "kind": "sentence",
        "section": "Your rights",
        "text": "You can complain to the ICO.",
        "status": "untraced",
        "covered": 0.0,
        "uncovered": ["you", "can", "complain", "to", "the", "ico"],
    }
    assert document["stale"] == [
        {
            "file": "policy.yaml",
            "line": 1,
            "column": 1,
            "kind": "quote",
            "entity": "service:s",
            "field": "trace.quote",
            "text": "Missing quote.",
        }
    ]


def test_long_texts_are_shortened_in_text_output() -> None:
    result = tracing.trace(notice("Word " * 100 + "end.\n"), [])
    line = tracing.render_text(result, 1).splitlines()[0]
    assert line.endswith("...") and len(line) < 220
