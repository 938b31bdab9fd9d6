"""Lawful basis rules (LAW001-LAW013): failing and passing cases."""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Callable
from textwrap import dedent

import pytest

from checks import facts, lawful_basis
from linter.findings import Finding, Severity

AssertFindings = Callable[..., None]
LintFn = Callable[..., list[Finding]]
D = dt.date
Expected = list[tuple[str, int]]

BASES = dedent("""\
    lawful_bases:
      - id: public-task
        name: public task
        article: "6(1)(e)"
      - id: health-care
        name: health or social care
        article: "9(2)(h)"
        schedule1_condition: Schedule 1 Part 1 paragraph 2
      - id: criminal-data
        name: criminal offence data
        article: "10"
        schedule1_condition: Part 2 para 18 extended by Part 3 para 36
        appropriate_policy_document: https://example.org/apd
    """)


# --- LAW001: purpose with no Art 6 basis ---------------------------------------


def test_purpose_without_art6_basis(assert_findings: AssertFindings) -> None:
    policy = (
        dedent("""\
        purposes:
          - id: safeguard-children
            name: safeguard children
          - id: deliver-service
            name: deliver your service
            lawful_bases: [health-care]
          - id: plan-services
            name: planning
            lawful_bases: [public-task]
        """)
        + BASES
    )
    assert_findings(policy, "LAW001", [("LAW001", 2), ("LAW001", 6)])


def test_anonymised_purpose_needs_no_basis_unless_it_promises_consent(assert_findings: AssertFindings) -> None:
    policy = dedent("""\
        purposes:
          - id: statistics
            name: anonymised statistics
            anonymised: true
          - id: research
            name: research using anonymised information
            anonymised: true
            consent: true
        """)
    assert_findings(policy, "LAW001", [("LAW001", 5)])


def test_purpose_consent_message(lint: Callable[..., list[Finding]]) -> None:
    [finding] = lint("purposes:\n  - {id: research, name: research, consent: true}\n", "LAW001")
    assert "6(1)(a)" in finding.message


def test_messages_say_no_basis_is_stated_not_that_none_exists(lint: Callable[..., list[Finding]]) -> None:
    [purpose] = lint("purposes:\n  - {id: research, name: research}\n", "LAW001")
    [service] = lint("services:\n  - {id: research, name: research}\n", "LAW002")
    for finding in (purpose, service):
        assert "no Article 6 lawful basis is stated" in finding.message
        assert "has no Article 6" not in finding.message


# --- LAW002: service with no Art 6 basis -----------------------------------------


SERVICES = (
    dedent("""\
    services:
      - id: own-basis
        name: own basis
        lawful_bases: [public-task]
      - id: via-purpose
        name: via a purpose
        purposes: [plan-services]
      - id: notice-wide
        name: notice-wide bases
        relies_on_notice_wide: [lawful_bases]
      - id: only-art9
        name: only an Art 9 condition
        lawful_bases: [health-care]
      - id: nothing
        name: nothing at all
    purposes:
      - id: plan-services
        name: planning
        lawful_bases: [public-task]
    notice:
      id: privacy-notice
      name: Privacy notice
      notice_wide:
        lawful_bases: [public-task]
    """)
    + BASES
)


def test_service_without_art6_basis(assert_findings: AssertFindings) -> None:
    assert_findings(SERVICES, "LAW002", [("LAW002", 13), ("LAW002", 14)])


# --- LAW003: unknown or not-yet-existing ground ------------------------------------


def test_unknown_article(assert_findings: AssertFindings) -> None:
    policy = dedent("""\
        lawful_bases:
          - {id: a, name: a, article: "6(1)(g)"}
          - {id: b, name: b, article: "9(2)(k)"}
          - {id: c, name: c, article: "Art 6(1)(e) UK GDPR"}
          - {id: d, name: d, article: "Article 9(2)(h)"}
          - {id: e, name: e, article: "10"}
          - {id: f, name: f, article: "public task"}
        """)
    assert_findings(policy, "LAW003", [("LAW003", 2), ("LAW003", 3), ("LAW003", 7)])


@pytest.mark.parametrize(("as_of", "expected"), [(D(2026, 2, 4), [("LAW003", 4)]), (D(2026, 2, 5), [])])
def test_recognised_legitimate_interests_from_5_february_2026(
    assert_findings: AssertFindings, as_of: D, expected: Expected
) -> None:
    policy = 'lawful_bases:\n  - id: safeguarding\n    name: safeguarding\n    article: "6(1)(ea)"\n'
    assert_findings(policy, "LAW003", expected, as_of)


def test_unknown_article_suggests_a_ground(lint: Callable[..., list[Finding]]) -> None:
    [finding] = lint('lawful_bases:\n  - {id: a, name: a, article: "6(1)(ee)"}\n', "LAW003")
    assert "did you mean" in finding.message


# --- LAW004: special category data without Art 9 -------------------------------------


SPECIAL = (
    dedent("""\
    data_categories:
      - {id: health, name: health, special_category: true}
      - {id: name, name: name}
    services:
      - id: with-art9
        name: with Art 9
        data_categories: [health]
        lawful_bases: [public-task, health-care]
      - id: without-art9
        name: without Art 9
        data_categories: [health]
        lawful_bases: [public-task]
      - id: no-special-data
        name: no special data
        data_categories: [name]
        lawful_bases: [public-task]
      - id: notice-wide
        name: notice-wide data and bases
        relies_on_notice_wide: [data_categories, lawful_bases]
    notice:
      id: privacy-notice
      name: Privacy notice
      notice_wide:
        data_categories: [health]
        lawful_bases: [public-task, health-care]
    """)
    + BASES
)


def test_special_category_without_art9(assert_findings: AssertFindings) -> None:
    assert_findings(SPECIAL, "LAW004", [("LAW004", 11)])


def test_special_category_with_no_condition_anywhere_is_an_error(lint: Callable[..., list[Finding]]) -> None:
    [finding] = lint(SPECIAL, "LAW004")
    assert finding.severity is Severity.ERROR
    assert finding.message == (
        "service 'without-art9' processes special category data ('health'), and no Article 9 condition is "
        "stated for it anywhere"
    )


# --- LAW005: Art 9 condition without Schedule 1 ----------------------------------------


def test_art9_condition_needs_schedule1(assert_findings: AssertFindings) -> None:
    policy = dedent("""\
        lawful_bases:
          - {id: spi, name: substantial public interest, article: "9(2)(g)"}
          - {id: health, name: health, article: "9(2)(h)"}
          - {id: employment, name: employment, article: "9(2)(b)"}
          - {id: explicit-consent, name: explicit consent, article: "9(2)(a)"}
          - {id: vital, name: vital interests, article: "9(2)(c)"}
          - {id: health-ok, name: health, article: "9(2)(h)", schedule1_condition: Part 1 para 2}
        """)
    assert_findings(policy, "LAW005", [("LAW005", 2), ("LAW005", 3), ("LAW005", 4)])


# --- LAW006: appropriate policy document ---------------------------------------------


def test_appropriate_policy_document(assert_findings: AssertFindings) -> None:
    policy = dedent("""\
        lawful_bases:
          - id: safeguarding
            name: safeguarding
            article: "9(2)(g)"
            schedule1_condition: Schedule 1 Part 2 paragraph 18 (safeguarding of children)
          - id: statutory
            name: statutory purposes
            article: "9(2)(g)"
            schedule1_condition: Part 2 para 6
            appropriate_policy_document: https://example.org/apd
          - id: employment
            name: employment
            article: "9(2)(b)"
            schedule1_condition: Part 1 para 1
          - id: social-care
            name: social care
            article: "9(2)(h)"
            schedule1_condition: Part 1 para 2
          - id: crime
            name: crime prevention
            article: "9(2)(g)"
            schedule1_condition: Part 2 para 10 (preventing or detecting unlawful acts)
        """)
    # para 18 and para 1 need an APD; para 2 does not; para 10 may waive it (not an error)
    assert_findings(policy, "LAW006", [("LAW006", 5), ("LAW006", 14)])


# --- LAW007: unrecognised Schedule 1 condition -------------------------------------------


def test_schedule1_unrecognised_or_wrong_part(assert_findings: AssertFindings) -> None:
    policy = dedent("""\
        lawful_bases:
          - id: vague
            name: vague
            article: "9(2)(h)"
            schedule1_condition: the relevant condition in the Act
          - id: wrong-part
            name: wrong part
            article: "9(2)(g)"
            schedule1_condition: Part 1 para 2
          - id: by-name
            name: by name
            article: "9(2)(g)"
            schedule1_condition: safeguarding of children and of individuals at risk
          - id: by-number
            name: by number
            article: "9(2)(h)"
            schedule1_condition: Sch 1 Pt 1 para. 2
        """)
    assert_findings(policy, "LAW007", [("LAW007", 5), ("LAW007", 9)])


def test_schedule1_parser() -> None:
    parse = lawful_basis.schedule1_conditions
    assert [c.paragraph for c in parse("Schedule 1 Part 2 paragraph 18")] == [18]
    assert sorted(c.paragraph for c in parse("Part 3 para 36 with Part 2 para 18")) == [18, 36]
    assert [c.paragraph for c in parse("health or social care purposes")] == [2]
    assert parse("Part 2") == []


@pytest.mark.parametrize(
    ("text", "paragraphs"),
    [
        ("Part 2 paras 5, 18", [18]),  # para 5 is the APD requirement, not a condition: 18 must still be read
        ("Part 2 paras 6, 18", [6, 18]),
        ("Part 2 paragraphs 6 and 18", [6, 18]),
        ("Sch 1 paras 6, 7 or 8", [6, 7, 8]),
        ("Part 2 paras 10-12", [10, 11, 12]),
        ("Part 2 para 18 extended by Part 3 para 36", [18, 36]),
    ],
)
def test_schedule1_parser_reads_every_paragraph_of_a_list(text: str, paragraphs: list[int]) -> None:
    assert [c.paragraph for c in lawful_basis.schedule1_conditions(text)] == paragraphs


def test_second_paragraph_of_a_list_drives_the_rules(assert_findings: AssertFindings) -> None:
    policy = dedent("""\
        lawful_bases:
          - id: safeguarding
            name: safeguarding
            article: "9(2)(g)"
            schedule1_condition: Part 2 paras 5, 18
        """)
    assert_findings(policy, "LAW006", [("LAW006", 5)])  # para 18 needs an appropriate policy document
    assert_findings(policy, "LAW007", [])  # recognised, and in Part 2


# --- LAW008: criminal offence data without Art 10 ---------------------------------------------


CRIMINAL = (
    dedent("""\
    data_categories:
      - {id: offences, name: offences, criminal_offence: true}
    services:
      - id: with-art10
        name: with an Art 10 basis
        data_categories: [offences]
        lawful_bases: [public-task, criminal-data]
      - id: without-art10
        name: without an Art 10 basis
        data_categories: [offences]
        lawful_bases: [public-task, health-care]
      - id: via-schedule1-part3
        name: Part 3 condition on a purpose
        data_categories: [offences]
        purposes: [youth-justice]
    purposes:
      - id: youth-justice
        name: youth justice
        lawful_bases: [public-task, legal-claims]
    """)
    + BASES
    + (
        "  - id: legal-claims\n"
        "    name: legal claims\n"
        '    article: "9(2)(f)"\n'
        "    schedule1_condition: Part 3 para 33 (legal claims)\n"
    )
)


def test_criminal_offence_data_without_art10(assert_findings: AssertFindings) -> None:
    assert_findings(CRIMINAL, "LAW008", [("LAW008", 10)])


# --- LAW009: legitimate interests and public authorities -----------------------------------------


def controller(public_authority: bool) -> str:
    return f"controller:\n  id: council\n  name: Council\n  public_authority: {str(public_authority).lower()}\n"


LEGITIMATE = dedent("""\
    lawful_bases:
      - {id: interests, name: legitimate interests, article: "6(1)(f)"}
      - {id: recognised, name: recognised legitimate interests, article: "6(1)(ea)"}
      - {id: public-task, name: public task, article: "6(1)(e)"}
    """)


def test_legitimate_interests_by_public_authority(assert_findings: AssertFindings) -> None:
    assert_findings(controller(True) + LEGITIMATE, "LAW009", [("LAW009", 6), ("LAW009", 7)])


def test_legitimate_interests_by_others(assert_findings: AssertFindings) -> None:
    assert_findings(controller(False) + LEGITIMATE, "LAW009", [])


def test_legitimate_interests_by_a_public_authority_is_an_error_with_a_way_out(
    lint: Callable[..., list[Finding]],
) -> None:
    findings = lint(controller(True) + LEGITIMATE, "LAW009")
    assert len(findings) == 2
    assert all(finding.severity is Severity.ERROR for finding in findings)
    assert all("outside those tasks, record why in a waiver" in finding.message for finding in findings)


# --- LAW010 / LAW013: consent and the withdrawal statement -------------------------------------


def notice(stated: bool) -> str:
    flag = str(stated).lower()
    return f"notice:\n  id: privacy-notice\n  name: Privacy notice\n  consent_withdrawal_stated: {flag}\n"


CONSENT = dedent("""\
    purposes:
      - {id: research, name: research, consent: true}
    lawful_bases:
      - {id: explicit-consent, name: explicit consent, article: "9(2)(a)"}
    """)

CONSENT_USED = dedent("""\
    purposes:
      - {id: research, name: research, consent: true, lawful_bases: [consent]}
      - {id: plan, name: planning, lawful_bases: [public-task]}
    services:
      - {id: health-research, name: health research, lawful_bases: [explicit-consent]}
    lawful_bases:
      - {id: consent, name: consent, article: "6(1)(a)"}
      - {id: explicit-consent, name: explicit consent, article: "9(2)(a)"}
      - {id: public-task, name: public task, article: "6(1)(e)"}
    """)


def test_consent_relied_on_without_withdrawal_statement_is_an_error(
    assert_findings: AssertFindings, lint: Callable[..., list[Finding]]
) -> None:
    assert_findings(notice(False) + CONSENT_USED, "LAW010", [("LAW010", 4)])
    [finding] = lint(notice(False) + CONSENT_USED, "LAW010")
    assert finding.severity is Severity.ERROR
    assert "'consent', 'explicit-consent'" in finding.message
    assert_findings(notice(True) + CONSENT_USED, "LAW010", [])


def test_consent_relied_on_is_not_also_reported_as_promised(assert_findings: AssertFindings) -> None:
    assert_findings(notice(False) + CONSENT_USED, "LAW013", [])


def test_consent_basis_used_only_by_a_service_counts(assert_findings: AssertFindings) -> None:
    policy = notice(False) + dedent("""\
        services:
          - {id: health-research, name: health research, lawful_bases: [explicit-consent]}
        lawful_bases:
          - {id: explicit-consent, name: explicit consent, article: "9(2)(a)"}
        """)
    assert_findings(policy, "LAW010", [("LAW010", 4)])


def test_consent_basis_nobody_relies_on_needs_no_statement(assert_findings: AssertFindings) -> None:
    policy = "notice:\n  id: privacy-notice\n  name: Privacy notice\n" + dedent("""\
        lawful_bases:
          - {id: consent, name: consent, article: "6(1)(a)"}
        """)
    assert_findings(policy, "LAW010", [])
    assert_findings(policy, "LAW013", [])


def test_consent_promised_but_not_relied_on_is_a_warning(
    assert_findings: AssertFindings, lint: Callable[..., list[Finding]]
) -> None:
    assert_findings(notice(False) + CONSENT, "LAW010", [])
    assert_findings(notice(False) + CONSENT, "LAW013", [("LAW013", 6)])
    assert_findings(controller(True) + notice(False) + CONSENT, "LAW013", [("LAW013", 10)])
    [finding] = lint(notice(False) + CONSENT, "LAW013")
    assert finding.severity is Severity.WARNING
    assert "consent is promised; when it is relied on, the notice must state the right to withdraw" in (finding.message)


def test_withdrawal_statement_or_no_consent(assert_findings: AssertFindings) -> None:
    assert_findings(notice(True) + CONSENT, "LAW013", [])
    assert_findings(notice(False) + "purposes:\n  - {id: research, name: research}\n", "LAW013", [])
    assert_findings(notice(False) + "purposes:\n  - {id: research, name: research}\n", "LAW010", [])


def test_consent_relied_on_with_unverified_knowledge_is_a_warning(
    assert_findings: AssertFindings, lint: Callable[..., list[Finding]], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(lawful_basis, "_withdrawal_duty", lambda: {"verified": "partly: not re-read"})
    assert_findings(notice(False) + CONSENT_USED, "LAW010", [])
    assert_findings(notice(False) + CONSENT_USED, "LAW013", [("LAW013", 11), ("LAW013", 12)])
    message = lint(notice(False) + CONSENT_USED, "LAW013")[0].message
    assert "not a LAW010 error" in message and "consent_withdrawal (partly)" in message


def test_consent_ground_with_unverified_row_is_a_warning(
    assert_findings: AssertFindings, monkeypatch: pytest.MonkeyPatch
) -> None:
    doubted = {
        key: dataclasses.replace(ground, verified=False, verdict="no") if ground.consent else ground
        for key, ground in lawful_basis.grounds().items()
    }
    monkeypatch.setattr(lawful_basis, "grounds", lambda: doubted)
    assert_findings(notice(False) + CONSENT_USED, "LAW010", [])
    assert_findings(notice(False) + CONSENT_USED, "LAW013", [("LAW013", 11), ("LAW013", 12)])


# --- LAW011: consent relied on by a public authority --------------------------------------------


def test_consent_by_public_authority(assert_findings: AssertFindings) -> None:
    assert_findings(controller(True) + CONSENT, "LAW011", [("LAW011", 6), ("LAW011", 8)])
    assert_findings(controller(False) + CONSENT, "LAW011", [])


# --- knowledge -------------------------------------------------------------------------------


def test_article_normalisation() -> None:
    assert lawful_basis.normalise("Art. 6(1)(e) UK GDPR") == "6(1)(e)"
    assert lawful_basis.normalise("Article 9 (2) (g)") == "9(2)(g)"
    assert lawful_basis.family("Art 10") == "10"


def test_every_verified_note_starts_with_its_verdict() -> None:
    knowledge = facts.load("lawful-bases")
    rows = [*knowledge["grounds"], *knowledge["schedule1"]["conditions"]]
    rows += [knowledge[section] for section in ("legitimate_interests_public_authority", "consent_withdrawal")]
    rows.append(knowledge["consent_public_authority"])
    assert len(rows) > 40
    for row in rows:
        note = row["verified"]
        assert isinstance(note, str) and note.startswith(("yes: ", "partly: ", "no: ")), row


def test_rows_behind_the_errors_are_verified() -> None:
    # LAW003 reads a ground's dates only from a verified row: every dated ground must be one
    dated = [ground for ground in lawful_basis.grounds().values() if ground.start or ground.end]
    assert dated
    assert all(ground.verified for ground in dated), [g.article for g in dated if not g.verified]
    # LAW010 rests on the consent grounds and the withdrawal duty
    consent = [ground for ground in lawful_basis.grounds().values() if ground.consent]
    assert {ground.article for ground in consent} == {"6(1)(a)", "9(2)(a)"}
    assert all(ground.verified for ground in consent)
    assert lawful_basis._withdrawal_duty_verified()


def test_dates_of_an_unverified_ground_are_not_an_error(
    assert_findings: AssertFindings, monkeypatch: pytest.MonkeyPatch
) -> None:
    policy = 'lawful_bases:\n  - id: safeguarding\n    name: safeguarding\n    article: "6(1)(ea)"\n'
    assert_findings(policy, "LAW003", [("LAW003", 4)], D(2026, 2, 4))
    doubted = {key: dataclasses.replace(ground, verified=False) for key, ground in lawful_basis.grounds().items()}
    monkeypatch.setattr(lawful_basis, "grounds", lambda: doubted)
    assert_findings(policy, "LAW003", [], D(2026, 2, 4))


def test_every_knowledge_row_is_cited() -> None:
    for ground in lawful_basis.grounds().values():
        assert ground.citation.strip(), ground.article
    for condition in lawful_basis.schedule1().values():
        assert condition.citation.strip(), condition.paragraph
        assert condition.apd in {"required", "not-required", "conditional"}, condition.paragraph


def test_gap_from_notice_wide_categories_is_reported_once_on_the_notice(lint) -> None:  # type: ignore[no-untyped-def]
    policy = """\
notice:
  id: n
  name: N
  notice_wide:
    data_categories: [offences]
    lawful_bases: [public-task]
lawful_bases:
  - {id: public-task, name: public task, article: 6(1)(e)}
data_categories:
  - {id: offences, name: offences, criminal_offence: true}
services:
  - {id: a, name: A, relies_on_notice_wide: [data_categories, lawful_bases]}
  - {id: b, name: B, relies_on_notice_wide: [data_categories, lawful_bases]}
  - {id: c, name: C, data_categories: [offences], lawful_bases: [public-task]}
"""
    findings = lint(policy, "LAW008")
    assert [(f.entity, f.line) for f in findings] == [("notice:n", 4), ("service:c", 14)]
    assert "2 services rely on them: 'a', 'b'" in findings[0].message


_WIDE = """\
notice:
  id: n
  name: N
  notice_wide:
    lawful_bases: [public-task, legal-obligation]
lawful_bases:
  - {id: public-task, name: public task, article: 6(1)(e)}
  - {id: legal-obligation, name: legal obligation, article: 6(1)(c)}
purposes:
  - {id: safeguard, name: safeguard children}
  - {id: deliver, name: deliver your service, lawful_bases: [public-task]}
  - {id: research, name: research, anonymised: true}
"""


def test_bases_stated_only_notice_wide_is_one_warning_not_an_error_per_purpose(assert_findings) -> None:  # type: ignore[no-untyped-def]
    assert_findings(_WIDE, "LAW012", [("LAW012", 4)])
    assert_findings(_WIDE, "LAW001", [])


def test_purpose_promising_consent_is_left_to_the_consent_rules(assert_findings) -> None:  # type: ignore[no-untyped-def]
    snippet = _WIDE + "  - {id: identifiable-research, name: research, consent: true}\n"
    assert_findings(snippet, "LAW001", [])
    assert_findings(snippet, "LAW012", [("LAW012", 4)])


# --- Schedule 1 as read paragraph by paragraph (issue 15) -------------------------------------


def _sch1_basis(condition: str) -> str:
    return f'lawful_bases:\n  - id: spi\n    name: spi\n    article: "9(2)(g)"\n    schedule1_condition: {condition}\n'


def test_only_paragraphs_10_13_and_27_waive_the_policy_document() -> None:
    part2 = {c.paragraph: c.apd for c in lawful_basis.schedule1().values() if c.part == "2"}
    waived = {paragraph: apd for paragraph, apd in part2.items() if apd != "required"}
    assert waived == {10: "conditional", 13: "not-required", 27: "conditional"}


CONDITION_LINE = 5


@pytest.mark.parametrize("paragraph", [15, 18, 23, 24, 25])
def test_paragraphs_without_a_waiver_need_a_policy_document(assert_findings: AssertFindings, paragraph: int) -> None:
    assert_findings(_sch1_basis(f"Part 2 paragraph {paragraph}"), "LAW006", [("LAW006", CONDITION_LINE)])


@pytest.mark.parametrize("paragraph", [10, 13, 27])
def test_paragraphs_with_a_waiver_are_not_reported(assert_findings: AssertFindings, paragraph: int) -> None:
    assert_findings(_sch1_basis(f"Part 2 paragraph {paragraph}"), "LAW006", [])


@pytest.mark.parametrize("name", ["preventing or detecting unlawful acts", "preventing etc unlawful acts"])
def test_paragraph_10_is_found_by_its_old_and_new_heading(name: str) -> None:
    assert [c.paragraph for c in lawful_basis.schedule1_conditions(name)] == [10]


def test_paragraph_10_citation_follows_the_2026_heading_and_scope() -> None:
    condition = lawful_basis.schedule1()[10]
    assert '"Preventing or detecting unlawful acts"' in condition.cite_on(D(2026, 2, 4))
    after = condition.cite_on(D(2026, 2, 5))
    assert "Preventing etc unlawful acts" in after and "investigation" in after


def test_paragraph_23_4_period_changed_on_2026_02_05(lint: LintFn) -> None:
    snippet = _sch1_basis("Part 2 paragraph 23 (elected representatives)")
    (before,) = lint(snippet, "LAW006", D(2026, 2, 4))
    (after,) = lint(snippet, "LAW006", D(2026, 2, 5))
    assert "fourth day after" in before.citation and "30 days" not in before.citation
    assert "period of 30 days beginning with the day after" in after.citation and "s.73" in after.citation


def test_paragraph_24_covers_preparation_for_disclosure_from_2026_02_05() -> None:
    condition = lawful_basis.schedule1()[24]
    assert "preparation" not in condition.cite_on(D(2026, 2, 4))
    assert "in preparation for the disclosure" in condition.cite_on(D(2026, 2, 5))


def test_schedule_1_rows_are_verified() -> None:
    unverified = [c.paragraph for c in lawful_basis.schedule1().values() if not _row_verified(c.paragraph)]
    assert unverified == []


def _row_verified(paragraph: int) -> bool:
    from checks.naming import is_verified

    rows = facts.load("lawful-bases")["schedule1"]["conditions"]
    return is_verified(next(row for row in rows if row["paragraph"] == paragraph))


# --- Art 6(1) as amended on 2026-02-05 ----------------------------------------------------------


def test_legitimate_interests_bar_cites_the_subparagraph_as_it_stood(lint: LintFn) -> None:
    snippet = "controller:\n  id: council\n  name: Council\n  kind: local-authority\nlawful_bases:\n"
    snippet += '  - id: our-interests\n    name: our interests\n    article: "6(1)(f)"\n'
    (before,) = lint(snippet, "LAW009", D(2026, 2, 4))
    (after,) = lint(snippet, "LAW009", D(2026, 2, 5))
    assert '"Point (f) of the first' in before.citation
    assert '"Points (ea) and (f)' in after.citation


def test_parish_council_may_rely_on_legitimate_interests(lint: LintFn) -> None:
    snippet = "controller:\n  id: parish\n  name: Parish Council\n  kind: parish-council\nlawful_bases:\n"
    snippet += '  - id: our-interests\n    name: our interests\n    article: "6(1)(f)"\n'
    assert lint(snippet, "LAW009") == []


def test_recognised_legitimate_interests_row_cites_annex_1_source() -> None:
    citation = lawful_basis.grounds()["6(1)(ea)"].citation
    for words in ("s.70(2)(b)", "s.70(4)", "s.70(6) and Schedule 4", "Annex 1"):
        assert words in citation, words


# --- one finding per cause for missing Art 6 bases (issue 16), per-service bases (issue 10) ---------

PUBLIC_TASK = 'lawful_bases:\n  - {id: public-task, name: public task, article: "6(1)(e)"}\n'


def test_bases_stated_per_service_satisfy_art_13_1_c(assert_findings: AssertFindings) -> None:
    policy = (
        dedent("""\
        services:
          - {id: a, name: A, purposes: [safeguard, support], lawful_bases: [public-task]}
          - {id: b, name: B, purposes: [safeguard], lawful_bases: [public-task]}
        purposes:
          - {id: safeguard, name: safeguard children}
          - {id: support, name: support families}
        """)
        + PUBLIC_TASK
    )
    assert_findings(policy, "LAW001", [])
    assert_findings(policy, "LAW015", [])


def test_a_purpose_whose_service_states_a_basis_for_another_purpose_is_a_warning(lint: LintFn) -> None:
    policy = (
        dedent("""\
        services:
          - {id: ghbs, name: GHBS, purposes: [give-access, specification]}
        purposes:
          - {id: give-access, name: give access}
          - {id: specification, name: create a specification, lawful_bases: [public-task]}
        """)
        + PUBLIC_TASK
    )
    assert lint(policy, "LAW001") == []
    (finding,) = lint(policy, "LAW015")
    assert finding.entity == "purpose:give-access" and finding.severity is Severity.WARNING


def test_purposes_that_carry_different_bases_say_nothing_of_the_purposes_without_one(lint: LintFn) -> None:
    """Half the purposes carry a basis, but three different ones: no basis can be read as the
    service's, so the purposes without one are LAW001's error, not LAW015's warning."""
    policy = dedent("""\
        services:
          - {id: employment, name: employment, purposes: [contract-terms, functions, tax, sick-pay, monitor, trends]}
        purposes:
          - {id: contract-terms, name: the employment contract, lawful_bases: [contract]}
          - {id: functions, name: our statutory functions, lawful_bases: [public-task]}
          - {id: tax, name: our legal obligations, lawful_bases: [legal-obligation]}
          - {id: sick-pay, name: administer sick pay, lawful_bases: [legal-obligation]}
          - {id: monitor, name: monitor computer use}
          - {id: trends, name: trend reporting}
        lawful_bases:
          - {id: contract, name: contract, article: "6(1)(b)"}
          - {id: public-task, name: public task, article: "6(1)(e)"}
          - {id: legal-obligation, name: legal obligation, article: "6(1)(c)"}
        """)
    assert lint(policy, "LAW015") == []
    (finding,) = lint(policy, "LAW001")
    assert finding.entity == "service:employment" and finding.severity is Severity.ERROR
    assert [related.entity for related in finding.related] == ["purpose:monitor", "purpose:trends"]
    # the same purposes with one basis between them: a reader may take it for the service's (LAW015)
    one_basis = policy.replace("[contract]", "[public-task]").replace("[legal-obligation]", "[public-task]")
    assert lint(one_basis, "LAW001") == []
    assert {finding.severity for finding in lint(one_basis, "LAW015")} == {Severity.WARNING}


def test_consent_for_one_purpose_is_no_basis_for_the_others(lint: LintFn) -> None:
    policy = dedent("""\
        services:
          - {id: council, name: council services, purposes: [deliver, train, research]}
        purposes:
          - {id: deliver, name: deliver services}
          - {id: train, name: train staff}
          - {id: research, name: research, lawful_bases: [consent]}
        lawful_bases:
          - {id: consent, name: consent, article: "6(1)(a)"}
        """)
    assert lint(policy, "LAW015") == []
    (finding,) = lint(policy, "LAW001")  # one cause: the service's list gives no basis for two purposes
    assert finding.entity == "service:council"
    assert [related.entity for related in finding.related] == ["purpose:deliver", "purpose:train"]


def test_a_service_with_no_basis_is_one_finding_with_its_purposes(lint: LintFn) -> None:
    policy = (
        dedent("""\
        services:
          - {id: feedback, name: feedback form, purposes: [process-feedback, improve]}
          - {id: care, name: care, lawful_bases: [public-task]}
        purposes:
          - {id: process-feedback, name: process your feedback}
          - {id: improve, name: improve the service}
        """)
        + PUBLIC_TASK
    )
    assert lint(policy, "LAW001") == []
    (finding,) = lint(policy, "LAW002")
    assert finding.entity == "service:feedback"
    assert [related.entity for related in finding.related] == ["purpose:process-feedback", "purpose:improve"]


def test_a_notice_with_no_basis_anywhere_is_one_finding_at_the_notice(lint: LintFn) -> None:
    policy = dedent("""\
        notice:
          id: n
          name: N
          notice_wide:
            purposes: [manage, train]
        services:
          - {id: council, name: council services, relies_on_notice_wide: [purposes]}
          - {id: website, name: website, purposes: [measure]}
          - {id: social, name: social media, purposes: [reply]}
        purposes:
          - {id: manage, name: manage services}
          - {id: train, name: train staff}
          - {id: measure, name: measure usage}
          - {id: reply, name: reply to messages}
        """)
    assert lint(policy, "LAW001") == []
    (finding,) = lint(policy, "LAW002")
    assert finding.entity == "notice:n"
    assert len(finding.related) == 7  # three services, four purposes


def test_notice_wide_purposes_without_bases_are_one_finding_at_the_notice(lint: LintFn) -> None:
    policy = dedent("""\
        notice:
          id: n
          name: N
          notice_wide:
            purposes: [manage, train, research]
        services:
          - {id: council, name: council services, relies_on_notice_wide: [purposes]}
        purposes:
          - {id: manage, name: manage services}
          - {id: train, name: train staff}
          - {id: research, name: research, lawful_bases: [consent]}
        lawful_bases:
          - {id: consent, name: consent, article: "6(1)(a)"}
        """)
    (finding,) = lint(policy, "LAW001")
    assert finding.entity == "notice:n" and finding.field == "notice_wide"
    assert "2 purposes of the notice-wide purposes" in finding.message


def test_processor_services_and_referrals_are_not_judged_as_the_controller(assert_findings: AssertFindings) -> None:
    policy = dedent("""\
        services:
          - {id: storage, name: storage, acting_as: processor, on_behalf_of: [GP practices], purposes: [store]}
          - {id: sign-in, name: sign in, refers_to: the NHS Care Identity notice, purposes: [verify]}
        purposes:
          - {id: store, name: store records}
          - {id: verify, name: verify your identity}
          - {id: elsewhere, name: told elsewhere, refers_to: our research notice}
        """)
    assert_findings(policy, "LAW001", [])
    assert_findings(policy, "LAW002", [])


def test_a_processor_service_giving_its_contract_as_its_basis_is_a_warning(lint: LintFn) -> None:
    policy = dedent("""\
        services:
          - id: storage
            name: storage
            acting_as: processor
            on_behalf_of: [all GP practices in England]
            purposes: [store]
        purposes:
          - {id: store, name: store records, lawful_bases: [deed]}
        lawful_bases:
          - {id: deed, name: legal permission, legislation: [National Data Processing Deed]}
        """)
    (finding,) = lint(policy, "LAW014")
    assert "'National Data Processing Deed'" in finding.message
    assert "those of all GP practices in England" in finding.message
    assert [related.entity for related in finding.related] == ["purpose:store"]
    assert lint(policy, "LAW003") == []  # a basis with no article is not an unknown article


def test_a_basis_given_only_as_legislation_is_not_an_unknown_article(lint: LintFn) -> None:
    policy = "lawful_bases:\n  - {id: children-act, name: Children Act, legislation: [Children Act 1989]}\n"
    assert lint(policy, "LAW003") == []
    assert [f.rule for f in lint(policy + "  - {id: typo, name: typo, article: '6(1)(g)'}\n", "LAW003")] == ["LAW003"]


def test_one_basis_stated_for_all_processing_is_not_a_missing_link(assert_findings: AssertFindings) -> None:
    policy = (
        "notice:\n  id: n\n  name: N\n  notice_wide:\n    lawful_bases: [public-task]\n"
        "purposes:\n  - {id: safeguard, name: safeguard children}\n" + PUBLIC_TASK
    )
    assert_findings(policy, "LAW012", [])
    assert_findings(policy, "LAW001", [])


def test_consent_by_a_public_authority_is_one_finding_per_consent_basis(lint: LintFn) -> None:
    policy = controller(True) + dedent("""\
        purposes:
          - {id: trips, name: school trips, consent: true, lawful_bases: [consent]}
          - {id: analytics, name: analytics, consent: true, lawful_bases: [consent]}
          - {id: newsletter, name: newsletter, consent: true}
        lawful_bases:
          - {id: consent, name: consent, article: "6(1)(a)"}
        """)
    findings = lint(policy, "LAW011")
    assert [f.entity for f in findings] == ["purpose:newsletter", "lawful_basis:consent"]
    assert [r.entity for r in findings[1].related] == ["purpose:trips", "purpose:analytics"]


def test_a_basis_for_a_few_of_many_purposes_is_no_basis_for_the_rest(lint: LintFn) -> None:
    policy = (
        dedent("""\
        services:
          - {id: council, name: council services, purposes: [courts, manage, train, protect]}
        purposes:
          - {id: courts, name: supply information to courts, lawful_bases: [public-task]}
          - {id: manage, name: manage services}
          - {id: train, name: train staff}
          - {id: protect, name: protect a child}
        """)
        + PUBLIC_TASK
    )
    assert lint(policy, "LAW015") == []
    (finding,) = lint(policy, "LAW001")
    assert len(finding.related) == 3
